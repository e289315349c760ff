//! The editor's keyboard shortcuts.

use super::Editor;

/// Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) work across every edit, also inside
/// fields; listened to on the editor itself so two editors on a page never
/// undo each other.
pub fn undo_keys(ed: Editor, read_only: bool, ev: leptos::ev::KeyboardEvent) {
    if read_only || ev.is_composing() || !(ev.ctrl_key() || ev.meta_key()) {
        return;
    }
    match ev.key().to_ascii_lowercase().as_str() {
        "z" if ev.shift_key() => {
            ev.prevent_default();
            ed.redo();
        }
        "z" => {
            ev.prevent_default();
            ed.undo();
        }
        "y" => {
            ev.prevent_default();
            ed.redo();
        }
        _ => {}
    }
}

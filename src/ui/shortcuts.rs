//! The editor's keyboard shortcuts: undo and redo, the next problem (F8 or
//! Alt+K), and Esc, which closes the open dialog and gives the focus back.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Editor;

/// The open popups the editor-wide Esc closes (a popup that handles Esc
/// itself, such as the agency suggestions, marks the key as handled).
#[derive(Clone, Copy)]
pub struct Popups {
    pub drafts: RwSignal<bool>,
    pub guide: RwSignal<bool>,
    pub importer: super::import_panel::Importer,
}

/// Every shortcut of the editor, listened to on the editor itself so two
/// editors on a page never act on each other.
pub fn keys(ed: Editor, read_only: bool, popups: Popups, ev: leptos::ev::KeyboardEvent) {
    if ev.is_composing() || ev.default_prevented() {
        return;
    }
    let key = ev.key();
    let plain = !(ev.ctrl_key() || ev.meta_key() || ev.alt_key());
    // Alt+K by the key's place too: on a Mac, Option+K types «˚».
    let alt_k =
        ev.alt_key() && !ev.ctrl_key() && (key.eq_ignore_ascii_case("k") || ev.code() == "KeyK");
    // Not over the template gallery (no problems are listed there).
    let gallery =
        || use_context::<super::gallery::Gallery>().is_some_and(|g| g.open.get_untracked());
    if (key == "F8" && plain || alt_k) && !gallery() {
        ev.prevent_default();
        next_problem(ed, ev.shift_key());
    } else if key == "Escape" && plain {
        close_popup(ed, popups, &ev);
    } else {
        undo_keys(ed, read_only, &ev);
    }
}

/// Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) work across every edit, also inside fields.
fn undo_keys(ed: Editor, read_only: bool, ev: &leptos::ev::KeyboardEvent) {
    if read_only || !(ev.ctrl_key() || ev.meta_key()) {
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

thread_local! {
    /// The finding F8 went to last, by editor (wasm is single-threaded).
    static LAST: RefCell<std::collections::HashMap<u32, usize>> = RefCell::default();
}

/// F8 / Alt+K: the field of the next finding of the report (Shift: the one
/// before), round to the first after the last; the status line says which
/// problem it is and what it says.
fn next_problem(ed: Editor, back: bool) {
    let n = ed.report_now(|r| r.findings.len());
    if !ed.checked.get_untracked() || n == 0 {
        ed.say(
            false,
            "Không có vấn đề nào cần xem.",
            "There are no problems to look at.",
        );
        return;
    }
    let at = LAST.with_borrow_mut(|last| {
        let i = match last.get(&ed.root) {
            None if back => n - 1,
            None => 0,
            Some(&i) if back => (i.min(n) + n - 1) % n,
            Some(&i) => (i + 1) % n,
        };
        last.insert(ed.root, i);
        i
    });
    let Some(f) = ed.report.with_untracked(|r| r.findings.get(at).cloned()) else {
        return;
    };
    let lang = ed.lang.get_untracked();
    let label = f.severity.label(lang);
    let message = f.message(lang);
    ed.say(
        false,
        format!("Vấn đề {} trên {n} ({label}): {message}", at + 1),
        format!("Problem {} of {n} ({label}): {message}", at + 1),
    );
    super::issues_panel::go_to(&f.path);
}

thread_local! {
    /// What had the focus when a popup opened, by editor: Esc gives it back.
    static OPENER: RefCell<std::collections::HashMap<u32, web_sys::HtmlElement>> =
        RefCell::default();
}

/// Remember the focused element as the opener of the popup opening now.
pub fn remember_opener(ed: Editor) {
    let active = match super::dom::root(ed.root).dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.active_element(),
        Err(_) => document().active_element(),
    };
    if let Some(el) = active.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        OPENER.with_borrow_mut(|o| o.insert(ed.root, el));
    }
}

/// Esc: close the drafts list, the guide or the import dialog, the focus
/// back on what opened it.
fn close_popup(ed: Editor, popups: Popups, ev: &leptos::ev::KeyboardEvent) {
    if popups.drafts.get_untracked() {
        ev.prevent_default();
        popups.drafts.set(false);
        super::dom::focus_now(ed.root, "kh-drafts-button");
    } else if popups.guide.get_untracked() {
        ev.prevent_default();
        popups.guide.set(false);
        super::dom::focus_now(ed.root, "kh-guide-button");
    } else if popups.importer.is_open_untracked() {
        ev.prevent_default();
        popups.importer.close();
    }
}

/// A popup has closed: the focus goes back to what opened it (`fallback`,
/// an element id, when that is gone), never to the page's body.
pub fn give_focus_back(ed: Editor, fallback: &str) {
    let opener = OPENER.with_borrow_mut(|o| o.remove(&ed.root));
    match opener.filter(|el| el.is_connected()) {
        Some(el) => {
            let _ = el.focus();
        }
        None => {
            super::dom::focus_now(ed.root, fallback);
        }
    }
}

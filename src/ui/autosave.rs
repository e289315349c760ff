//! Autosave: a draft is stored within a second of the last change, so a
//! reload or a crash loses nothing.

use leptos::prelude::*;

use super::drafts::Drafts;
use super::state::Editor;

/// Autosave delay after the last edit, in milliseconds.
const AUTOSAVE_MS: u32 = 500;
/// Longest time an edit stays unsaved while the person keeps typing (the
/// delay above restarts on every keystroke): a crash of the module or the
/// tab loses at most this much.
const AUTOSAVE_MAX_MS: f64 = 1000.0;

/// Save shortly after every edit (debounced), so a reload or crash loses nothing.
pub fn autosave(ed: Editor, drafts: Drafts) {
    let generation = StoredValue::new(0u64);
    let unsaved_since = StoredValue::new(None::<f64>);
    Effect::new(move |prev: Option<()>| {
        ed.revision.track();
        if prev.is_none() {
            return;
        }
        drafts.saved.set(None);
        let now = js_sys::Date::now();
        let since = unsaved_since.get_value().unwrap_or(now);
        unsaved_since.set_value(Some(since));
        if now - since >= AUTOSAVE_MAX_MS {
            unsaved_since.set_value(None);
            // Once this edit is drawn: on the largest plan a save takes about
            // 100 ms, which held back the frame of the keystroke that made it.
            // (A hidden tab draws nothing; the save below still comes.)
            super::dom::after_drawn(move || {
                if generation.try_get_value().is_some() {
                    drafts.save_if_changed(&ed);
                }
            });
        }
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        gloo_timers::callback::Timeout::new(AUTOSAVE_MS, move || {
            // The editor may have been destroyed meanwhile: then do nothing.
            if generation.try_get_value() == Some(mine) {
                unsaved_since.set_value(None);
                drafts.save_if_changed(&ed);
            }
        })
        .forget();
    });
    // Last chance when the tab is closed or hidden.
    let listener =
        window_event_listener(leptos::ev::pagehide, move |_| drafts.save_if_changed(&ed));
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        drafts.stored_elsewhere(&ed, &ev)
    });
    // An embedded editor can be destroyed long before the page goes away.
    on_cleanup(move || {
        listener.remove();
        other_tab.remove();
    });
}

//! Finding this editor's elements by id. An embedded editor lives in its own
//! shadow root (ids are scoped there, so two editors on a page never clash);
//! the standalone app lives in the document.
//! Also: work that waits until the browser has drawn (focus, a check, a save).

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static ROOTS: RefCell<HashMap<u32, web_sys::ShadowRoot>> = RefCell::new(HashMap::new());
}

/// Remember the shadow root of editor `key` (key 0 is the document).
pub fn set_root(key: u32, root: web_sys::ShadowRoot) {
    ROOTS.with(|r| r.borrow_mut().insert(key, root));
}

pub fn forget_root(key: u32) {
    ROOTS.with(|r| r.borrow_mut().remove(&key));
}

/// The document or shadow root editor `key` lives in.
pub fn root(key: u32) -> wasm_bindgen::JsValue {
    match ROOTS.with(|r| r.borrow().get(&key).cloned()) {
        Some(root) => root.into(),
        None => document().into(),
    }
}

/// The element with `id` inside editor `key`.
pub fn by_id(key: u32, id: &str) -> Option<web_sys::Element> {
    let shadow = ROOTS.with(|r| r.borrow().get(&key).cloned());
    match shadow {
        Some(root) => root.get_element_by_id(id),
        None => document().get_element_by_id(id),
    }
}

thread_local! {
    /// The element `focus_later` will focus at the next frame, if nothing has yet.
    static PENDING: RefCell<Option<(u32, String)>> = const { RefCell::new(None) };
}

/// Runs `f` in a task after the next frame, once the browser has drawn what
/// the current task changed: work that need not hold back that frame (the
/// rules' check after an edit, a save while typing goes on). A hidden tab
/// draws no frames, so `f` waits until the tab is shown.
pub fn after_drawn(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// Focus the element `id` of editor `key` once the view has caught up (the
/// next frame; focusing at once would force the browser to lay out the page
/// that the edit has just changed).
pub fn focus_later(key: u32, id: String) {
    PENDING.with_borrow_mut(|p| *p = Some((key, id.clone())));
    request_animation_frame(move || {
        let still = PENDING.with_borrow_mut(|p| {
            if p.as_ref() == Some(&(key, id.clone())) {
                p.take()
            } else {
                None
            }
        });
        if still.is_some() {
            focus_now(key, &id);
        }
    });
}

/// Focus now the element a `focus_later` is waiting to focus; false if none
/// is waiting. For a key typed before that frame (Enter, then at once the
/// next row's first letter): moved here, the letter lands in the new place.
pub fn focus_pending_now() -> bool {
    match PENDING.with_borrow_mut(Option::take) {
        Some((key, id)) => focus_now(key, &id),
        None => false,
    }
}

/// Focus the element now; false when it is not there.
pub fn focus_now(key: u32, id: &str) -> bool {
    match by_id(key, id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        // Into view only as far as needed ("nearest"): scrolling it anyway
        // would move a long table on every row added. A table box's
        // scroll-padding keeps a cell clear of the sticky column titles.
        Some(el) => {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
            el.focus().is_ok()
        }
        None => false,
    }
}

/// Focus the first element of editor `key` matching the CSS `selector` once
/// it is drawn (a part may load first), trying each frame for up to a second.
pub fn focus_first_when_drawn(key: u32, selector: &'static str) {
    let deadline = js_sys::Date::now() + 1000.0;
    fn attempt(key: u32, selector: &'static str, deadline: f64) {
        request_animation_frame(move || {
            let root = root(key);
            let found = match root.dyn_ref::<web_sys::ShadowRoot>() {
                Some(shadow) => shadow.query_selector(selector),
                None => document().query_selector(selector),
            };
            match found
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                Some(el) => {
                    let _ = el.focus();
                }
                None if js_sys::Date::now() < deadline => attempt(key, selector, deadline),
                None => {}
            }
        });
    }
    attempt(key, selector, deadline);
}

/// The first field of the editor's tab on screen (not of a «Nội dung» being
/// taken down, hidden after it).
pub const FIRST_FIELD: &str =
    "#kh-editor :is(input, select, textarea, button):not([disabled], [hidden] *)";

/// Resolves in a later task of the page (a zero timeout), so that work
/// before and after it never make one long task together.
pub async fn next_task() {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let later = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
        if !matches!(later, Some(Ok(_))) {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
}

//! Events an editor sends to its host page (change, validate, export, submit).
//! Sinks are JavaScript callbacks, which are not Send, so they live in a
//! thread-local registry (wasm is single-threaded) and the reactive context
//! only holds the sink's number.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::JsValue;

type Sink = Rc<dyn Fn(&str, JsValue)>;

thread_local! {
    static SINKS: RefCell<HashMap<u32, Sink>> = RefCell::new(HashMap::new());
    static NEXT: RefCell<u32> = const { RefCell::new(1) };
}

/// Register a sink; returns its number for `AppOptions::sink`.
pub fn register(sink: Sink) -> u32 {
    let id = NEXT.with(|n| {
        let mut n = n.borrow_mut();
        *n += 1;
        *n - 1
    });
    SINKS.with(|s| s.borrow_mut().insert(id, sink));
    id
}

pub fn unregister(id: u32) {
    SINKS.with(|s| s.borrow_mut().remove(&id));
}

/// Send `kind` with `detail` to sink `id` (nothing when the editor has none).
pub fn emit(id: u32, kind: &str, detail: JsValue) {
    if id == 0 {
        return;
    }
    let sink = SINKS.with(|s| s.borrow().get(&id).cloned());
    if let Some(sink) = sink {
        sink(kind, detail);
    }
}

/// A JSON text as a JavaScript value (objects for the host to read directly).
pub fn json_value(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or_else(|_| JsValue::from_str(json))
}

/// The rules' report as JSON: counts and findings with paths and both messages.
pub fn report_json(r: &crate::rules::Report) -> String {
    r.to_json(None).to_string()
}

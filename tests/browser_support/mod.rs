//! Helpers of the editor's component tests (tests/browser_editor*.rs): one
//! mounted app, DOM queries, input events, waiting for the view.
#![allow(dead_code)]

use kehoach::ui::App;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

/// How long a test waits for the view to catch up before it fails.
pub const WAIT_MS: f64 = 3000.0;

// ---------------------------------------------------------------- helpers

/// One mounted app in its own <section>, with no stored draft (so the gallery
/// shows first), then the empty document opened from the gallery.
pub struct Mounted {
    pub root: HtmlElement,
    pub handle: Option<Box<dyn std::any::Any>>,
}

impl Mounted {
    pub async fn empty_document() -> Mounted {
        let storage = window().local_storage().unwrap().expect("localStorage");
        storage.clear().unwrap();
        let document = document();
        let root: HtmlElement = document.create_element("section").unwrap().unchecked_into();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = mount_to(root.clone(), App);
        let m = Mounted {
            root,
            handle: Some(Box::new(handle)),
        };
        m.settle().await;
        let blank = m.button("Văn bản trống (không dùng mẫu)");
        blank.click();
        m.wait_for("the editor after «Văn bản trống»", || {
            m.find("#f-header-subject").is_some()
        })
        .await;
        m
    }

    /// The app opened at `?sample=N`: a generated plan with N appendix rows.
    pub async fn sample(rows: usize) -> Mounted {
        window()
            .local_storage()
            .unwrap()
            .expect("localStorage")
            .clear()
            .unwrap();
        let history = js_sys::Reflect::get(&window(), &JsValue::from_str("history")).unwrap();
        let replace: js_sys::Function =
            js_sys::Reflect::get(&history, &JsValue::from_str("replaceState"))
                .unwrap()
                .unchecked_into();
        let path = window().location().pathname().unwrap();
        replace
            .call3(
                &history,
                &JsValue::NULL,
                &JsValue::from_str(""),
                &JsValue::from_str(&format!("{path}?sample={rows}")),
            )
            .unwrap();
        let root: HtmlElement = document()
            .create_element("section")
            .unwrap()
            .unchecked_into();
        // With the app's style sheet, as it ships (the table scrolls in its own box).
        let style = document().create_element("style").unwrap();
        style.set_text_content(Some(include_str!("../../style/app.css")));
        root.append_child(&style).unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        let handle = mount_to(root.clone(), App);
        // The app has read the address: put it back for the other tests.
        replace
            .call3(
                &history,
                &JsValue::NULL,
                &JsValue::from_str(""),
                &JsValue::from_str(&path),
            )
            .unwrap();
        let m = Mounted {
            root,
            handle: Some(Box::new(handle)),
        };
        m.wait_for("the generated plan", || {
            m.find("#f-header-subject").is_some()
        })
        .await;
        m
    }

    /// Let effects run and the browser paint once.
    pub async fn settle(&self) {
        for _ in 0..3 {
            tick().await;
        }
        next_frame().await;
        tick().await;
    }

    /// Poll `cond` until it holds; fail with `what` after WAIT_MS.
    pub async fn wait_for(&self, what: &str, cond: impl Fn() -> bool) {
        let start = js_sys::Date::now();
        loop {
            tick().await;
            if cond() {
                return;
            }
            if js_sys::Date::now() - start > WAIT_MS {
                panic!("timed out waiting for {what}");
            }
            sleep(10).await;
        }
    }

    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    pub fn get(&self, selector: &str) -> Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    pub fn all(&self, selector: &str) -> Vec<Element> {
        query_all(&self.root, selector)
    }

    /// The single button whose visible text (trimmed) or aria-label is `name`,
    /// among the buttons matching `within` (a selector for buttons).
    pub fn button_in(&self, within: &str, name: &str) -> HtmlElement {
        let found: Vec<Element> = self
            .all(within)
            .into_iter()
            .filter(|b| text(b) == name || b.get_attribute("aria-label").as_deref() == Some(name))
            .collect();
        assert_eq!(
            found.len(),
            1,
            "expected exactly one button «{name}» in {within}, found {}",
            found.len()
        );
        found[0].clone().unchecked_into()
    }

    pub fn button(&self, name: &str) -> HtmlElement {
        self.button_in("button", name)
    }

    pub async fn open_tab(&self, name: &str) {
        let tab = self.button_in("button[role=tab]", name);
        tab.click();
        self.wait_for(&format!("tab «{name}» selected"), || {
            tab.get_attribute("aria-selected").as_deref() == Some("true")
        })
        .await;
        // The panel draws the chosen tab one task after taking the old one
        // down (src/ui/tabs.rs): a timer set now runs after that task; then
        // wait until the panel holds something again.
        sleep(1).await;
        self.wait_for(&format!("tab «{name}» drawn"), || {
            self.find("[role=tabpanel]")
                .is_some_and(|p| p.first_element_child().is_some())
        })
        .await;
        self.settle().await;
    }

    /// Set the value of an input or textarea and send the input event a person's typing sends.
    pub async fn type_into(&self, selector: &str, value: &str) {
        let el = self.get(selector);
        set_value(&el, value);
        el.dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        self.settle().await;
    }

    pub async fn click(&self, el: &HtmlElement) {
        el.click();
        self.settle().await;
    }

    pub fn value(&self, selector: &str) -> String {
        value_of(&self.get(selector))
    }

    /// Wait for autosave to finish (so no timer of this app fires during the
    /// next test), then unmount and remove the section.
    pub async fn finish(mut self) {
        sleep(700).await;
        self.handle.take();
        self.root.remove();
    }
}

pub fn query_all(root: &Element, selector: &str) -> Vec<Element> {
    // NodeList is not among the enabled web-sys features: go through JS.
    let f: js_sys::Function = js_sys::Reflect::get(root, &JsValue::from_str("querySelectorAll"))
        .unwrap()
        .unchecked_into();
    let list = f.call1(root, &JsValue::from_str(selector)).unwrap();
    js_sys::Array::from(&list)
        .iter()
        .map(|v| v.unchecked_into::<Element>())
        .collect()
}

pub fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default().trim().to_string()
}

pub fn value_of(el: &Element) -> String {
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.value()
    } else if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.value()
    } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.value()
    } else {
        panic!("{} has no value", el.tag_name())
    }
}

pub fn set_value(el: &Element, v: &str) {
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(v)
    } else if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.set_value(v)
    } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.set_value(v)
    } else {
        panic!("{} takes no value", el.tag_name())
    }
}

pub async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

pub async fn next_frame() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// The derived label ("I.", "1.", "-") of the body node with DOM id `id`.
pub fn node_label(m: &Mounted, id: &str) -> String {
    text(&m.get(&format!("#{id} > .kh-node-head > .kh-node-label")))
}

/// A tool button of one body node (not of its children).
pub fn node_tool(m: &Mounted, id: &str, name: &str) -> HtmlElement {
    m.button_in(&format!("#{id} > .kh-node-head button"), name)
}

/// Body rows of the first appendix table (group heading rows excluded).
pub fn table_rows(m: &Mounted) -> Vec<Element> {
    m.all(".kh-table tr.kh-data-row")
}

pub fn row_numbers(m: &Mounted) -> Vec<String> {
    m.all(".kh-table tr.kh-data-row th.kh-stt")
        .iter()
        .map(text)
        .collect()
}

pub fn cell(r: usize, c: usize) -> String {
    format!("#f-appendices-0-groups-0-rows-{r}-cells-{c}")
}

/// Focus a table cell as a click into it would (the row toolbar acts on it).
pub async fn focus_cell(m: &Mounted, r: usize, c: usize) {
    let el: HtmlElement = m.get(&cell(r, c)).unchecked_into();
    el.focus().unwrap();
    // A headless window may not have the system focus: send the event as well.
    el.dispatch_event(&web_sys::Event::new("focus").unwrap())
        .unwrap();
    m.settle().await;
}

// ---------------------------------------------------------------- tests

/// Send the keydown a key press sends to `el`.
pub fn press(el: &Element, key: &str) {
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &JsValue::from_str("key"), &JsValue::from_str(key)).unwrap();
    js_sys::Reflect::set(&init, &JsValue::from_str("bubbles"), &JsValue::TRUE).unwrap();
    js_sys::Reflect::set(&init, &JsValue::from_str("cancelable"), &JsValue::TRUE).unwrap();
    let ctor: js_sys::Function =
        js_sys::Reflect::get(&window(), &JsValue::from_str("KeyboardEvent"))
            .unwrap()
            .unchecked_into();
    let ev = js_sys::Reflect::construct(
        &ctor,
        &js_sys::Array::of2(&JsValue::from_str("keydown"), &init),
    )
    .unwrap();
    el.dispatch_event(ev.unchecked_ref()).unwrap();
}

/// One side ("top", "bottom") of `el`'s box on screen (web-sys' DomRect is not
/// among the app's features).
pub fn rect(el: &Element, side: &str) -> f64 {
    let f: js_sys::Function = js_sys::Reflect::get(el, &JsValue::from_str("getBoundingClientRect"))
        .unwrap()
        .unchecked_into();
    let r = f.call0(el).unwrap();
    js_sys::Reflect::get(&r, &JsValue::from_str(side))
        .unwrap()
        .as_f64()
        .unwrap()
}

pub fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

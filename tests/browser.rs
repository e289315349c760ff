//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts and a
//! field typed into shows up in the page.
#![cfg(target_arch = "wasm32")]

use kehoach::ui::App;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn wrapper() -> web_sys::HtmlElement {
    let document = document();
    let el = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Leave the template gallery for an empty document (the first screen of a
/// browser with no draft).
async fn open_blank(root: &web_sys::HtmlElement) {
    let buttons = root.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let b: web_sys::HtmlElement = buttons.item(i).unwrap().unchecked_into();
        if b.text_content()
            .unwrap_or_default()
            .contains("Văn bản trống")
        {
            b.click();
            tick().await;
            return;
        }
    }
    panic!("no «Văn bản trống» button on the first screen");
}

fn type_into(el: &web_sys::HtmlTextAreaElement, text: &str) {
    el.set_value(text);
    let ev = web_sys::Event::new("input").unwrap();
    el.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn app_mounts_with_its_title() {
    let root = wrapper();
    let _handle = mount_to(root.clone(), App);
    tick().await;
    let title = root
        .query_selector(".kh-title")
        .unwrap()
        .expect("title element");
    assert_eq!(title.text_content().unwrap(), "Soạn thảo kế hoạch");
}

#[wasm_bindgen_test]
async fn typed_subject_is_shown_in_the_preview() {
    let root = wrapper();
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let _handle = mount_to(root.clone(), App);
    tick().await;
    open_blank(&root).await;
    let field: web_sys::HtmlTextAreaElement = root
        .query_selector("#f-header-subject")
        .unwrap()
        .unwrap()
        .unchecked_into();
    type_into(&field, "Triển khai thực hiện Nghị quyết số 82/NQ-HĐND");
    tick().await;
    let preview = root.query_selector("#kh-preview-subject").unwrap().unwrap();
    assert_eq!(
        preview.text_content().unwrap(),
        "Triển khai thực hiện Nghị quyết số 82/NQ-HĐND"
    );
}

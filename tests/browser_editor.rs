//! Component tests of the editor in headless Chromium (wasm-bindgen-test): the
//! whole `App` is mounted, driven through its DOM (clicks, input events, focus)
//! and checked through what a person sees (labels, values, row numbers, inline
//! findings, aria-invalid) and what autosave writes (the model as JSON).
//!
//! Run: CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_editor
#![cfg(target_arch = "wasm32")]

use kehoach::ui::App;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// How long a test waits for the view to catch up before it fails.
const WAIT_MS: f64 = 3000.0;

// ---------------------------------------------------------------- helpers

/// One mounted app in its own <section>, with no stored draft (so the gallery
/// shows first), then the empty document opened from the gallery.
struct Mounted {
    root: HtmlElement,
    handle: Option<Box<dyn std::any::Any>>,
}

impl Mounted {
    async fn empty_document() -> Mounted {
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
    async fn sample(rows: usize) -> Mounted {
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
        style.set_text_content(Some(include_str!("../style/app.css")));
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
    async fn settle(&self) {
        for _ in 0..3 {
            tick().await;
        }
        next_frame().await;
        tick().await;
    }

    /// Poll `cond` until it holds; fail with `what` after WAIT_MS.
    async fn wait_for(&self, what: &str, cond: impl Fn() -> bool) {
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

    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    fn get(&self, selector: &str) -> Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        query_all(&self.root, selector)
    }

    /// The single button whose visible text (trimmed) or aria-label is `name`,
    /// among the buttons matching `within` (a selector for buttons).
    fn button_in(&self, within: &str, name: &str) -> HtmlElement {
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

    fn button(&self, name: &str) -> HtmlElement {
        self.button_in("button", name)
    }

    async fn open_tab(&self, name: &str) {
        let tab = self.button_in("button[role=tab]", name);
        tab.click();
        self.wait_for(&format!("tab «{name}» selected"), || {
            tab.get_attribute("aria-selected").as_deref() == Some("true")
        })
        .await;
        self.settle().await;
    }

    /// Set the value of an input or textarea and send the input event a person's typing sends.
    async fn type_into(&self, selector: &str, value: &str) {
        let el = self.get(selector);
        set_value(&el, value);
        el.dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        self.settle().await;
    }

    async fn click(&self, el: &HtmlElement) {
        el.click();
        self.settle().await;
    }

    fn value(&self, selector: &str) -> String {
        value_of(&self.get(selector))
    }

    /// Wait for autosave to finish (so no timer of this app fires during the
    /// next test), then unmount and remove the section.
    async fn finish(mut self) {
        sleep(700).await;
        self.handle.take();
        self.root.remove();
    }
}

fn query_all(root: &Element, selector: &str) -> Vec<Element> {
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

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default().trim().to_string()
}

fn value_of(el: &Element) -> String {
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

fn set_value(el: &Element, v: &str) {
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

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

async fn next_frame() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// The derived label ("I.", "1.", "-") of the body node with DOM id `id`.
fn node_label(m: &Mounted, id: &str) -> String {
    text(&m.get(&format!("#{id} > .kh-node-head > .kh-node-label")))
}

/// A tool button of one body node (not of its children).
fn node_tool(m: &Mounted, id: &str, name: &str) -> HtmlElement {
    m.button_in(&format!("#{id} > .kh-node-head button"), name)
}

/// Body rows of the first appendix table (group heading rows excluded).
fn table_rows(m: &Mounted) -> Vec<Element> {
    m.all(".kh-table tr.kh-data-row")
}

fn row_numbers(m: &Mounted) -> Vec<String> {
    m.all(".kh-table tr.kh-data-row th.kh-stt")
        .iter()
        .map(text)
        .collect()
}

fn cell(r: usize, c: usize) -> String {
    format!("#f-appendices-0-groups-0-rows-{r}-cells-{c}")
}

/// Focus a table cell as a click into it would (the row toolbar acts on it).
async fn focus_cell(m: &Mounted, r: usize, c: usize) {
    let el: HtmlElement = m.get(&cell(r, c)).unchecked_into();
    el.focus().unwrap();
    // A headless window may not have the system focus: send the event as well.
    el.dispatch_event(&web_sys::Event::new("focus").unwrap())
        .unwrap();
    m.settle().await;
}

// ---------------------------------------------------------------- tests

#[wasm_bindgen_test]
async fn typing_into_a_field_updates_the_model_and_the_preview() {
    let m = Mounted::empty_document().await;
    let subject = "Triển khai thực hiện Nghị quyết số 82/NQ-HĐND năm 2026";
    m.type_into("#f-header-subject", subject).await;

    // The preview under the form is rendered from the model.
    m.wait_for("the preview to show the subject", || {
        text(&m.get("#kh-preview-subject")) == subject
    })
    .await;
    // The edit is undoable: it went through the editor's history.
    let undo = m.button("Hoàn tác");
    m.wait_for("Hoàn tác to be enabled after an edit", || {
        js_sys::Reflect::get(&undo, &JsValue::from_str("disabled"))
            .unwrap()
            .as_bool()
            == Some(false)
    })
    .await;

    // Leaving the tab drops the form; coming back renders the value from the model.
    m.open_tab("Nội dung").await;
    assert!(m.find("#f-header-subject").is_none());
    m.open_tab("Phần đầu").await;
    assert_eq!(m.value("#f-header-subject"), subject);

    // The preview tab renders the whole document from the model.
    m.open_tab("Xem trước").await;
    m.wait_for("the preview tab to contain the subject", || {
        text(&m.get("#kh-editor")).contains(subject)
    })
    .await;

    // Autosave writes the model: the stored draft holds the subject.
    let storage = window().local_storage().unwrap().unwrap();
    m.wait_for("autosave of the subject", || {
        let Some(id) = storage.get_item("kehoach:current").unwrap() else {
            return false;
        };
        storage
            .get_item(&format!("kehoach:draft:{id}"))
            .unwrap()
            .is_some_and(|json| json.contains(subject))
    })
    .await;

    // Undo restores the previous model, and the form follows.
    m.open_tab("Phần đầu").await;
    m.button("Hoàn tác").click();
    m.wait_for("undo to clear the subject", || {
        m.value("#f-header-subject").is_empty()
    })
    .await;
    m.wait_for("undo to clear the preview", || {
        text(&m.get("#kh-preview-subject")).is_empty()
    })
    .await;
    m.finish().await;
}

#[wasm_bindgen_test]
async fn body_parts_are_numbered_from_position_and_renumber_live() {
    let m = Mounted::empty_document().await;
    m.open_tab("Nội dung").await;
    let add_part = m.button("+ Thêm phần (I., II., …)");

    m.click(&add_part).await;
    m.wait_for("the first part", || m.find("#f-body-0").is_some())
        .await;
    assert_eq!(node_label(&m, "f-body-0"), "I.");
    m.click(&add_part).await;
    m.wait_for("the second part", || m.find("#f-body-1").is_some())
        .await;
    assert_eq!(node_label(&m, "f-body-0"), "I.");
    assert_eq!(node_label(&m, "f-body-1"), "II.");
    m.type_into("#f-body-0-text", "Mục đích, yêu cầu").await;
    m.type_into("#f-body-1-text", "Nội dung nhiệm vụ").await;

    // Move the second part up: the labels stay with the positions, the texts move.
    m.click(&node_tool(&m, "f-body-1", "Chuyển lên")).await;
    m.wait_for("the parts to swap", || {
        m.value("#f-body-0-text") == "Nội dung nhiệm vụ"
    })
    .await;
    assert_eq!(m.value("#f-body-1-text"), "Mục đích, yêu cầu");
    assert_eq!(node_label(&m, "f-body-0"), "I.");
    assert_eq!(node_label(&m, "f-body-1"), "II.");
    m.click(&node_tool(&m, "f-body-0", "Chuyển xuống")).await;
    m.wait_for("the parts to swap back", || {
        m.value("#f-body-0-text") == "Mục đích, yêu cầu"
    })
    .await;

    // An item under part I. is a dash.
    m.click(&node_tool(&m, "f-body-0", "+ Mục con")).await;
    m.wait_for("the child item", || {
        m.find("#f-body-0-children-0").is_some()
    })
    .await;
    assert_eq!(node_label(&m, "f-body-0-children-0"), "-");
    assert_eq!(node_label(&m, "f-body-1"), "II.");

    // Indent part II.: it becomes the first numbered child of I., i.e. "1.".
    m.click(&node_tool(
        &m,
        "f-body-1",
        "Thụt vào (thành mục con của mục trên)",
    ))
    .await;
    m.wait_for("part II. to move under I.", || {
        m.find("#f-body-1").is_none() && m.find("#f-body-0-children-1").is_some()
    })
    .await;
    assert_eq!(m.value("#f-body-0-children-1-text"), "Nội dung nhiệm vụ");
    assert_eq!(node_label(&m, "f-body-0-children-1"), "1.");
    assert_eq!(node_label(&m, "f-body-0-children-0"), "-");
    assert_eq!(
        m.get("#f-body-0-children-1")
            .get_attribute("aria-label")
            .as_deref(),
        Some("1. Đề mục")
    );

    // Turn the dash item into a heading: it takes "1." and the other becomes "2.".
    m.get("#f-body-0-children-0-kind")
        .unchecked_ref::<web_sys::HtmlSelectElement>()
        .set_value("Heading");
    m.get("#f-body-0-children-0-kind")
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    m.settle().await;
    m.wait_for("the item to become a heading", || {
        node_label(&m, "f-body-0-children-0") == "1."
    })
    .await;
    assert_eq!(node_label(&m, "f-body-0-children-1"), "2.");

    // Outdent it again: back to II. at the top level.
    m.click(&node_tool(
        &m,
        "f-body-0-children-1",
        "Lùi ra (lên một cấp)",
    ))
    .await;
    m.wait_for("the part to come back to the top level", || {
        m.find("#f-body-1").is_some()
    })
    .await;
    assert_eq!(node_label(&m, "f-body-1"), "II.");
    assert_eq!(m.value("#f-body-1-text"), "Nội dung nhiệm vụ");
    assert_eq!(node_label(&m, "f-body-0-children-0"), "1.");
    assert!(m.find("#f-body-0-children-1").is_none());
    m.finish().await;
}

#[wasm_bindgen_test]
async fn appendix_rows_are_inserted_below_the_current_row_and_numbered() {
    let m = Mounted::empty_document().await;
    m.open_tab("Phụ lục").await;
    assert!(table_rows(&m).is_empty());
    m.click(&m.button("+ Thêm phụ lục")).await;
    m.wait_for("the new appendix table", || table_rows(&m).len() == 1)
        .await;
    assert_eq!(row_numbers(&m), ["1"]);

    m.type_into(&cell(0, 1), "Tuyên truyền, phổ biến").await;
    focus_cell(&m, 0, 1).await;
    m.wait_for("the current row to be shown", || {
        text(&m.get(".kh-row-tools .kh-hint")).ends_with(" 1")
    })
    .await;
    let insert = m.button("+ Chèn dòng dưới");
    m.click(&insert).await;
    m.wait_for("a second row", || table_rows(&m).len() == 2)
        .await;
    // The new row is below the current one and becomes current.
    assert_eq!(m.value(&cell(0, 1)), "Tuyên truyền, phổ biến");
    assert_eq!(m.value(&cell(1, 1)), "");
    m.wait_for("row 2 to be current", || {
        text(&m.get(".kh-row-tools .kh-hint")).ends_with(" 2")
    })
    .await;
    m.click(&insert).await;
    m.wait_for("a third row", || table_rows(&m).len() == 3)
        .await;
    assert_eq!(row_numbers(&m), ["1", "2", "3"]);

    // Insert below the first row: the old rows 2 and 3 shift down, STT stays 1..4.
    m.type_into(&cell(2, 1), "Kiểm tra, giám sát").await;
    focus_cell(&m, 0, 1).await;
    m.click(&insert).await;
    m.wait_for("a fourth row", || table_rows(&m).len() == 4)
        .await;
    assert_eq!(row_numbers(&m), ["1", "2", "3", "4"]);
    assert_eq!(m.value(&cell(1, 1)), "");
    assert_eq!(m.value(&cell(3, 1)), "Kiểm tra, giám sát");
    assert!(
        table_rows(&m)[1].class_list().contains("kh-current"),
        "the inserted row is marked current"
    );

    // Delete the current (inserted) row: back to three, renumbered.
    m.click(&m.button("Xóa dòng")).await;
    m.wait_for("the row to be deleted", || table_rows(&m).len() == 3)
        .await;
    assert_eq!(row_numbers(&m), ["1", "2", "3"]);
    assert_eq!(m.value(&cell(0, 1)), "Tuyên truyền, phổ biến");
    assert_eq!(m.value(&cell(2, 1)), "Kiểm tra, giám sát");
    m.finish().await;
}

#[wasm_bindgen_test]
async fn a_number_without_its_leading_zero_is_flagged_inline_until_corrected() {
    let m = Mounted::empty_document().await;
    let field = "#f-header-number";
    assert_eq!(m.get(field).get_attribute("aria-invalid"), None);

    m.type_into(field, "5").await;
    m.wait_for("aria-invalid on the number", || {
        m.get(field).get_attribute("aria-invalid").as_deref() == Some("true")
    })
    .await;
    let msg = text(&m.get("#f-header-number-msg"));
    assert!(
        msg.contains("05"),
        "the inline message should suggest 05, got «{msg}»"
    );
    let described = m
        .get(field)
        .get_attribute("aria-describedby")
        .unwrap_or_default();
    assert!(
        described.split(' ').any(|id| id == "f-header-number-msg"),
        "aria-describedby should point at the message, got «{described}»"
    );

    m.type_into(field, "05").await;
    m.wait_for("aria-invalid to clear", || {
        m.get(field).get_attribute("aria-invalid").is_none()
    })
    .await;
    let msg = text(&m.get("#f-header-number-msg"));
    assert!(
        !msg.contains("05"),
        "no finding about 05 should remain, got «{msg}»"
    );

    // The one-click fix does the same.
    m.type_into(field, "7").await;
    m.wait_for("aria-invalid on 7", || {
        m.get(field).get_attribute("aria-invalid").as_deref() == Some("true")
    })
    .await;
    m.click(&m.button_in("#f-header-number-msg button", "Sửa tự động"))
        .await;
    m.wait_for("the fix to set 07", || m.value(field) == "07")
        .await;
    m.wait_for("aria-invalid to clear after the fix", || {
        m.get(field).get_attribute("aria-invalid").is_none()
    })
    .await;
    m.finish().await;
}

/// Send the keydown a key press sends to `el`.
fn press(el: &Element, key: &str) {
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
fn rect(el: &Element, side: &str) -> f64 {
    let f: js_sys::Function = js_sys::Reflect::get(el, &JsValue::from_str("getBoundingClientRect"))
        .unwrap()
        .unchecked_into();
    let r = f.call0(el).unwrap();
    js_sys::Reflect::get(&r, &JsValue::from_str(side))
        .unwrap()
        .as_f64()
        .unwrap()
}

fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_long_table_draws_the_rows_in_view_and_follows_the_keyboard_and_the_issue_links() {
    let m = Mounted::sample(1000).await;
    m.open_tab("Phụ lục").await;
    m.wait_for("the table", || !table_rows(&m).is_empty()).await;
    let table = m.get(".kh-table");
    // The table knows all its rows (for screen readers too) but draws those in view.
    assert_eq!(table.get_attribute("data-rows").as_deref(), Some("1000"));
    assert_eq!(
        table.get_attribute("aria-rowcount").as_deref(),
        Some("1021"),
        "1 header + 20 group headings + 1000 rows"
    );
    let drawn = table_rows(&m).len();
    assert!((10..120).contains(&drawn), "{drawn} rows drawn");
    assert_eq!(row_numbers(&m)[0], "1");

    // Arrow down from row 1 through the end of the drawn rows and into group 2.
    let start = "#f-appendices-0-groups-0-rows-0-cells-1";
    let el: HtmlElement = m.get(start).unchecked_into();
    el.focus().unwrap();
    for _ in 0..60 {
        let id = active_id();
        assert!(
            id.starts_with("f-appendices-0-groups-"),
            "focus left the table: «{id}»"
        );
        press(&m.get(&format!("#{id}")), "ArrowDown");
        m.wait_for("the focus to move down", || active_id() != id)
            .await;
    }
    assert_eq!(active_id(), "f-appendices-0-groups-1-rows-10-cells-1");
    let row = m
        .get("#f-appendices-0-groups-1-rows-10-cells-1")
        .closest("tr")
        .unwrap()
        .unwrap();
    assert_eq!(
        text(&row.query_selector("th.kh-stt").unwrap().unwrap()),
        "61"
    );
    assert!(
        row_numbers(&m).len() < 120,
        "still only the rows in view are drawn"
    );

    // Scroll to the end: the last rows are drawn; the row being edited stays
    // drawn (and focused), the other rows above are gone.
    let wrap: HtmlElement = m.get(".kh-table-wrap").unchecked_into();
    wrap.set_scroll_top(wrap.scroll_height());
    m.wait_for("row 1000 to be drawn", || {
        row_numbers(&m).last().map(String::as_str) == Some("1000")
    })
    .await;
    assert!(
        m.find("#f-appendices-0-groups-0-rows-0-cells-1").is_none(),
        "row 1 is no longer drawn"
    );
    assert_eq!(
        active_id(),
        "f-appendices-0-groups-1-rows-10-cells-1",
        "the cell being edited keeps the focus"
    );

    // Break a cell there, scroll back to the top, follow the issue's link.
    let far = "#f-appendices-0-groups-19-rows-40-cells-1";
    m.type_into(far, "Ðẩy mạnh tuyên truyền").await;
    m.wait_for("the cell to be flagged", || {
        m.get(far).get_attribute("aria-invalid").as_deref() == Some("true")
    })
    .await;
    wrap.set_scroll_top(0);
    m.wait_for("the far row to leave the page", || m.find(far).is_none())
        .await;
    let link: HtmlElement = m
        .all(".kh-issues a")
        .into_iter()
        .find(|a| text(a).contains("Ð"))
        .expect("the finding in the issues panel")
        .unchecked_into();
    link.click();
    m.wait_for("the link to focus the far cell", || {
        active_id() == "f-appendices-0-groups-19-rows-40-cells-1"
    })
    .await;

    // From another tab as well: the table opens scrolled to the cell.
    m.open_tab("Phần đầu").await;
    let link: HtmlElement = m
        .all(".kh-issues a")
        .into_iter()
        .find(|a| text(a).contains("Ð"))
        .expect("the finding in the issues panel")
        .unchecked_into();
    link.click();
    m.wait_for("the link to open the table at the far cell", || {
        active_id() == "f-appendices-0-groups-19-rows-40-cells-1"
    })
    .await;

    // Undo puts the cell back (only its row was saved for undo).
    m.click(&m.button("Hoàn tác")).await;
    m.wait_for("undo to restore the cell", || {
        m.value(far) == "Thực hiện nhiệm vụ số 991 về bảo đảm dân chủ ở cơ sở"
    })
    .await;

    // Insert a row there: the rows below it in its group move down one, the
    // numbers (STT) and row indexes stay continuous, the new row is current.
    let at = |r: usize| format!("#f-appendices-0-groups-19-rows-{r}-cells-1");
    let (was_39, was_40) = (m.value(&at(39)), m.value(&at(40)));
    let el: HtmlElement = m.get(&at(38)).unchecked_into();
    el.focus().unwrap();
    m.wait_for("row 39 of the last group to be current", || {
        text(&m.get(".kh-row-tools .kh-hint")).ends_with(" 989")
    })
    .await;
    m.click(&m.button("+ Chèn dòng dưới")).await;
    // (The table was drawn anew when its tab was opened again.)
    let rows_said = |m: &Mounted| m.get(".kh-table").get_attribute("data-rows");
    m.wait_for("the table to have 1001 rows", || {
        rows_said(&m).as_deref() == Some("1001")
    })
    .await;
    m.wait_for("the new row to be filled in", || m.value(&at(40)) == was_39)
        .await;
    assert_eq!(m.value(&at(39)), "");
    assert_eq!(m.value(&at(41)), was_40);
    let consecutive = |m: &Mounted| {
        let numbers: Vec<usize> = row_numbers(m).iter().map(|n| n.parse().unwrap()).collect();
        let indexes: Vec<usize> = table_rows(m)
            .iter()
            .map(|r| r.get_attribute("aria-rowindex").unwrap().parse().unwrap())
            .collect();
        numbers.windows(2).all(|w| w[1] == w[0] + 1) && indexes.windows(2).all(|w| w[1] == w[0] + 1)
    };
    assert!(consecutive(&m), "numbers {:?}", row_numbers(&m));
    let current: Vec<Element> = table_rows(&m)
        .into_iter()
        .filter(|r| r.class_list().contains("kh-current"))
        .collect();
    assert_eq!(current.len(), 1, "one current row");
    assert!(
        current[0]
            .query_selector("#f-appendices-0-groups-19-rows-39-cells-1")
            .unwrap()
            .is_some(),
        "the new row is current"
    );

    // Delete it: the rows below move back up.
    m.wait_for("the new row to have the focus", || {
        active_id() == "f-appendices-0-groups-19-rows-39-cells-1"
    })
    .await;
    m.click(&m.button("Xóa dòng")).await;
    m.wait_for("the table to have 1000 rows", || {
        rows_said(&m).as_deref() == Some("1000")
    })
    .await;
    m.wait_for("the rows to move back up", || m.value(&at(39)) == was_39)
        .await;
    assert_eq!(m.value(&at(40)), was_40);
    assert!(consecutive(&m), "numbers {:?}", row_numbers(&m));

    // Arrow up from the first row below the sticky column titles: every cell
    // the keyboard reaches is scrolled into view below them, not under them.
    let wrap: HtmlElement = m.get(".kh-table-wrap").unchecked_into();
    wrap.set_scroll_top(5000);
    m.settle().await;
    m.settle().await;
    let titles_bottom = || rect(&m.get(".kh-table thead th"), "bottom");
    let first_below: HtmlElement = m
        .all(".kh-table tr.kh-data-row textarea")
        .into_iter()
        .find(|c| rect(c, "top") >= titles_bottom())
        .expect("a row below the column titles")
        .unchecked_into();
    first_below.focus().unwrap();
    for _ in 0..4 {
        let id = active_id();
        press(&m.get(&format!("#{id}")), "ArrowUp");
        m.wait_for("the focus to move up", || active_id() != id)
            .await;
        m.settle().await;
        let top = rect(&m.get(&format!("#{}", active_id())), "top");
        assert!(
            top >= titles_bottom() - 1.0,
            "#{} is under the column titles ({top} < {})",
            active_id(),
            titles_bottom()
        );
    }
    m.finish().await;
}

#[wasm_bindgen_test]
async fn two_appendices_each_edit_their_own_table() {
    let m = Mounted::empty_document().await;
    m.open_tab("Phụ lục").await;
    m.click(&m.button("+ Thêm phụ lục")).await;
    m.wait_for("the first table", || m.all(".kh-table").len() == 1)
        .await;
    m.click(&m.button("+ Thêm phụ lục")).await;
    m.wait_for("the second table", || m.all(".kh-table").len() == 2)
        .await;
    // Each table draws its own appendix's cells (the second table's context
    // once stood in for the first).
    let (first, second) = (
        "#f-appendices-0-groups-0-rows-0-cells-1",
        "#f-appendices-1-groups-0-rows-0-cells-1",
    );
    m.wait_for("a cell in each table", || {
        m.find(first).is_some() && m.find(second).is_some()
    })
    .await;
    let tables = m.all(".kh-table");
    assert!(
        tables[0].query_selector(first).unwrap().is_some(),
        "table 1 holds appendix I's cell"
    );
    assert!(
        tables[1].query_selector(second).unwrap().is_some(),
        "table 2 holds appendix II's cell"
    );

    m.type_into(first, "Nhiệm vụ của phụ lục I").await;
    m.type_into(second, "Nhiệm vụ của phụ lục II").await;
    // Back from another tab, each value is read from its own appendix.
    m.open_tab("Phần đầu").await;
    m.open_tab("Phụ lục").await;
    m.wait_for("both tables again", || {
        m.find(first).is_some() && m.find(second).is_some()
    })
    .await;
    assert_eq!(m.value(first), "Nhiệm vụ của phụ lục I");
    assert_eq!(m.value(second), "Nhiệm vụ của phụ lục II");
    // And in the saved document.
    let storage = window().local_storage().unwrap().unwrap();
    let cell = |json: &serde_json::Value, ai: usize| {
        json["appendices"][ai]["groups"][0]["rows"][0]["cells"][1]["text"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    m.wait_for("autosave of both appendices", || {
        let Some(id) = storage.get_item("kehoach:current").unwrap() else {
            return false;
        };
        let Some(text) = storage.get_item(&format!("kehoach:draft:{id}")).unwrap() else {
            return false;
        };
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
            return false;
        };
        cell(&json, 0) == "Nhiệm vụ của phụ lục I" && cell(&json, 1) == "Nhiệm vụ của phụ lục II"
    })
    .await;
    m.finish().await;
}

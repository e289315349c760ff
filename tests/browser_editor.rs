//! Component tests of the editor in headless Chromium (wasm-bindgen-test): the
//! whole `App` is mounted, driven through its DOM (clicks, input events, focus)
//! and checked through what a person sees (labels, values, row numbers, inline
//! findings, aria-invalid) and what autosave writes (the model as JSON).
//!
//! Run: CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_editor
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod browser_support;
use browser_support::*;

wasm_bindgen_test_configure!(run_in_browser);

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
    // The form renders after the tab is selected: wait for it (under load it
    // can take longer than one frame).
    m.wait_for("the subject field after coming back", || {
        m.find("#f-header-subject").is_some()
    })
    .await;
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
        m.find("#f-header-subject")
            .is_some_and(|el| value_of(&el).is_empty())
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

/// Typing in a body part changes that part only (`Scope::Node`): its undo
/// step puts back the part's own fields and keeps its children, and a part
/// redrawn later shows what was typed.
#[wasm_bindgen_test]
async fn undo_of_typing_in_a_part_puts_back_its_fields_and_keeps_its_children() {
    let m = Mounted::empty_document().await;
    m.open_tab("Nội dung").await;
    m.click(&m.button("+ Thêm phần (I., II., …)")).await;
    m.wait_for("the first part", || m.find("#f-body-0").is_some())
        .await;
    m.click(&node_tool(&m, "f-body-0", "+ Mục con")).await;
    m.wait_for("the child item", || {
        m.find("#f-body-0-children-0").is_some()
    })
    .await;
    let kind = m.get("#f-body-0-children-0-kind");
    kind.unchecked_ref::<web_sys::HtmlSelectElement>()
        .set_value("Task");
    kind.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    m.wait_for("the task's fields", || {
        m.find("#f-body-0-children-0-task-form").is_some()
    })
    .await;

    m.type_into("#f-body-0-text", "Mục đích, yêu cầu").await;
    m.type_into("#f-body-0-children-0-task-form", "Hội nghị")
        .await;
    assert_eq!(m.value("#f-body-0-text"), "Mục đích, yêu cầu");

    // Another tab and back: the parts are drawn again from the document.
    m.open_tab("Phần đầu").await;
    m.open_tab("Nội dung").await;
    m.wait_for("the parts drawn again", || {
        m.find("#f-body-0-children-0-task-form").is_some()
    })
    .await;
    assert_eq!(m.value("#f-body-0-children-0-task-form"), "Hội nghị");
    assert_eq!(m.value("#f-body-0-text"), "Mục đích, yêu cầu");

    m.click(&m.button("Hoàn tác")).await;
    m.wait_for("undo to clear the task's form", || {
        m.value("#f-body-0-children-0-task-form").is_empty()
    })
    .await;
    assert_eq!(m.value("#f-body-0-text"), "Mục đích, yêu cầu");
    m.click(&m.button("Hoàn tác")).await;
    m.wait_for("undo to clear the part's text", || {
        m.value("#f-body-0-text").is_empty()
    })
    .await;
    // The part's child is still there, still a task, still numbered.
    assert!(m.find("#f-body-0-children-0-task-form").is_some());
    assert_eq!(node_label(&m, "f-body-0-children-0"), "1.");

    m.click(&m.button("Làm lại")).await;
    m.wait_for("redo to bring the text back", || {
        m.value("#f-body-0-text") == "Mục đích, yêu cầu"
    })
    .await;
    assert!(m.value("#f-body-0-children-0-task-form").is_empty());
    m.finish().await;
}

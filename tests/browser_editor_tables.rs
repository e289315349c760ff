//! Component tests of the editor's appendix tables in headless Chromium: a
//! long table draws the rows in view and follows the keyboard; two appendices
//! keep their own tables. Helpers in browser_support.
//!
//! Run: CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_editor_tables
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod browser_support;
use browser_support::*;

wasm_bindgen_test_configure!(run_in_browser);

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

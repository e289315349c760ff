//! Appendix editor: one table per appendix with typed cells and group headings.
//! Rows: add, insert, duplicate, delete, move; Tab, Enter and arrows move between
//! cells; rows pasted from Excel or Word (tab-separated) land as typed rows.
//! Each row reads its own memo, so typing re-renders only the edited row, and
//! only the rows in view are drawn (see `table_window`).

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::field::{field_id, Field, InlineFindings};
use super::state::{editor, set_if_changed, t, Scope};
use super::table_window::{self, Lines};
use crate::model::{edit, walk, Appendix, Column, ColumnKind, Document, RowGroup, RowNumbering};
use crate::rules::Finding;

/// A ready-made table shape for a new appendix.
fn preset(kind: &str) -> Vec<Column> {
    let c = |id: &str, title: &str, kind: ColumnKind| Column { id: id.into(), title: title.into(), kind, width: None };
    use ColumnKind::*;
    match kind {
        "targets" => vec![
            c("stt", "STT", Index),
            c("name", "Tên chỉ tiêu", Text),
            c("unit", "Đơn vị tính", Unit),
            c("target", "Chỉ tiêu đến năm 2030", Number),
            c("yearly", "Bình quân năm", Number),
            c("lead", "Đơn vị chủ trì", Agency),
        ],
        "projects" => vec![
            c("stt", "STT", Index),
            c("name", "Tên đề án, dự án", Text),
            c("lead", "Đơn vị chủ trì", Agency),
            c("partners", "Đơn vị phối hợp", AgencyList),
            c("time", "Thời gian thực hiện", Timeframe),
            c("funding", "Nguồn vốn", Funding),
        ],
        "custom" => vec![c("stt", "STT", Index), c("content", "Nội dung", Text)],
        _ => vec![
            c("stt", "STT", Index),
            c("content", "Nội dung nhiệm vụ", Text),
            c("lead", "Cơ quan chủ trì", Agency),
            c("partners", "Cơ quan phối hợp", AgencyList),
            c("time", "Thời gian thực hiện", Timeframe),
            c("output", "Sản phẩm", Text),
        ],
    }
}

fn column_kind_label(k: ColumnKind, lang: crate::Lang) -> &'static str {
    use crate::Lang::*;
    use ColumnKind::*;
    match (k, lang) {
        (Index, Vi) => "STT (tự đánh số)",
        (Text, Vi) => "Văn bản",
        (Agency, Vi) => "Một cơ quan",
        (AgencyList, Vi) => "Danh sách cơ quan",
        (Timeframe, Vi) => "Thời gian",
        (Number, Vi) => "Số",
        (Percent, Vi) => "Tỷ lệ %",
        (Unit, Vi) => "Đơn vị tính",
        (Funding, Vi) => "Nguồn kinh phí",
        (Index, En) => "Row number (automatic)",
        (Text, En) => "Text",
        (Agency, En) => "One agency",
        (AgencyList, En) => "Agency list",
        (Timeframe, En) => "Timeframe",
        (Number, En) => "Number",
        (Percent, En) => "Percent",
        (Unit, En) => "Unit of measure",
        (Funding, En) => "Funding source",
    }
}

const COLUMN_KINDS: [ColumnKind; 9] = [
    ColumnKind::Index,
    ColumnKind::Text,
    ColumnKind::Agency,
    ColumnKind::AgencyList,
    ColumnKind::Timeframe,
    ColumnKind::Number,
    ColumnKind::Percent,
    ColumnKind::Unit,
    ColumnKind::Funding,
];

#[component]
pub fn AppendicesEditor() -> impl IntoView {
    let ed = editor();
    let count = ed.structural(move |d: &Document| d.appendices.len());
    let shape = RwSignal::new("tasks".to_string());
    let add = move |_| {
        let columns = preset(&shape.get_untracked());
        ed.edit("!appendix-add", move |d| {
            let number = crate::model::numbering::roman(d.appendices.len() + 1);
            let mut a = Appendix {
                number,
                title: String::new(),
                attached_note: None,
                columns,
                groups: vec![],
                row_numbering: RowNumbering::Continuous,
                landscape: true,
            };
            a.groups.push(RowGroup { heading: String::new(), rows: vec![edit::blank_row(&a)] });
            d.appendices.push(a);
        });
    };
    view! {
        <section class="kh-section" aria-labelledby="kh-app-h" id="kh-sec-appendices">
            <h2 id="kh-app-h">{move || ed.tr("Phụ lục", "Appendices")}</h2>
            {move || (0..count.get()).map(|ai| view! { <AppendixEditor ai=ai /> }).collect_view()}
            <div class="kh-row">
                <label for="kh-new-appendix-shape">{move || ed.tr("Mẫu bảng", "Table shape")}</label>
                <select id="kh-new-appendix-shape" on:change=move |ev| shape.set(event_target_value(&ev))>
                    <option value="tasks">{move || ed.tr("Nhiệm vụ (chủ trì, phối hợp, thời gian, sản phẩm)", "Tasks")}</option>
                    <option value="targets">{move || ed.tr("Chỉ tiêu", "Targets")}</option>
                    <option value="projects">{move || ed.tr("Đề án, dự án", "Projects")}</option>
                    <option value="custom">{move || ed.tr("Tự định nghĩa cột", "Custom columns")}</option>
                </select>
                <button type="button" id="kh-add-appendix" on:click=add>{move || ed.tr("+ Thêm phụ lục", "+ Add appendix")}</button>
            </div>
        </section>
    }
}

/// A table's findings by (group, row).
type RowFindings = HashMap<(usize, usize), Vec<Finding>>;

/// Where the keyboard focus is in a table.
#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
struct Cursor {
    g: usize,
    r: usize,
    c: usize,
}

#[derive(Clone, Copy)]
struct TableCtx {
    ai: usize,
    cursor: RwSignal<Option<Cursor>>,
    columns: Memo<Vec<Column>>,
    numbers: Memo<Vec<Vec<usize>>>,
    findings: RwSignal<RowFindings>,
    /// Which row holds the cursor, waking only the two rows it leaves and enters.
    current: StoredValue<Selector<Option<(usize, usize)>>>,
    lines: Memo<Lines>,
    view: TableView,
}

/// The scrolled table box: where it is scrolled to, how much it can show, and how
/// tall one line is (measured from a drawn row).
#[derive(Clone, Copy)]
struct TableView {
    top: RwSignal<f64>,
    height: RwSignal<f64>,
    line_px: RwSignal<f64>,
    wrap: NodeRef<leptos::html::Div>,
    /// A line to scroll to at the next measure.
    pending: StoredValue<Option<usize>>,
    /// The drawn lines `[start, end)`.
    span: Memo<(usize, usize)>,
}

impl TableView {
    fn new(lines: Memo<Lines>) -> Self {
        let (top, height, line_px) = (RwSignal::new(0.0), RwSignal::new(600.0), RwSignal::new(38.0));
        let span = Memo::new(move |_| lines.with(|l| table_window::span(l, top.get(), height.get(), line_px.get())));
        TableView { top, height, line_px, wrap: NodeRef::new(), pending: StoredValue::new(None), span }
    }

    /// Read the box's scroll position and size, and one drawn row's height.
    fn measure(&self) {
        // Called from a frame callback: the table may have been closed since
        // (tab switched, embedded editor destroyed), and its signals with it.
        if self.wrap.is_disposed() || self.top.is_disposed() {
            return;
        }
        let Some(w) = self.wrap.get_untracked() else { return };
        let set = |s: RwSignal<f64>, v: f64| {
            if v > 0.0 && (s.get_untracked() - v).abs() >= 1.0 {
                s.set(v)
            }
        };
        // A box that scrolls shows its own height of rows. One that does not
        // (yet) is a short table's, which grows as rows are added or pasted:
        // it can show at most a window's height.
        let window_px = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
        let shown = if w.scroll_height() > w.client_height() && w.client_height() > 0 { f64::from(w.client_height()).min(window_px) } else { window_px };
        set(self.height, shown);
        if let Some(row) = w.query_selector("tr.kh-data-row").ok().flatten().and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
            set(self.line_px, f64::from(row.offset_height()));
        }
        // A cell focused from the keyboard is scrolled into view below the
        // sticky header row, not under it (column titles may wrap).
        if let Some(head) = w.query_selector("thead").ok().flatten().and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
            let pad = format!("{}px", head.offset_height());
            let style = web_sys::HtmlElement::style(&w);
            if style.get_property_value("scroll-padding-top").ok().as_deref() != Some(pad.as_str()) {
                let _ = style.set_property("scroll-padding-top", &pad);
            }
        }
        if let Some(line) = self.pending.try_update_value(Option::take).flatten() {
            w.set_scroll_top(self.centre(line) as i32);
        }
        let top = f64::from(w.scroll_top());
        if (self.top.get_untracked() - top).abs() >= 1.0 {
            self.top.set(top);
        }
    }

    /// The scroll position that puts `line` in the middle of the box.
    fn centre(&self, line: usize) -> f64 {
        let shown = self.wrap.get_untracked().map_or(0, |w| w.client_height());
        let shown = if shown > 0 { f64::from(shown) } else { self.height.get_untracked() / 2.0 };
        (line as f64 * self.line_px.get_untracked() - shown / 2.0).max(0.0)
    }

    /// Make sure `line` is drawn: scroll it to the middle of the box if it is not.
    fn reveal(&self, line: usize) {
        let (start, end) = self.span.get_untracked();
        if (start..end).contains(&line) {
            return;
        }
        // Draw the rows there now; scroll the box in the next frame, once the
        // spacers have their height and a row has been measured (a box just
        // opened is neither).
        self.top.set(self.centre(line));
        self.pending.set_value(Some(line));
        let view = *self;
        request_animation_frame(move || view.measure());
    }
}

fn cell_path(ai: usize, g: usize, r: usize, c: usize) -> String {
    format!("appendices[{ai}].groups[{g}].rows[{r}].cells[{c}]")
}

/// Focus a cell, drawing its row first if it is scrolled out of view.
fn focus_cell(ai: usize, cur: Cursor) {
    if let Some(ctx) = use_context::<TableCtx>() {
        if let Some(line) = ctx.lines.with_untracked(|l| l.line_of(cur.g, cur.r)) {
            ctx.view.reveal(line);
        }
    }
    editor().focus_later(field_id(&cell_path(ai, cur.g, cur.r, cur.c)));
}

#[component]
fn AppendixEditor(ai: usize) -> impl IntoView {
    let ed = editor();
    let columns = ed.structural(move |d: &Document| d.appendices.get(ai).map(|a| a.columns.clone()).unwrap_or_default());
    let numbers = ed.structural(move |d: &Document| d.appendices.get(ai).map(edit::row_numbers).unwrap_or_default());
    // This table's findings by row, in a signal set only when they change
    // (`set_if_changed`): the report is new after every edit, and a memo chain
    // from it would wake about twenty effects per drawn row (each cell's
    // class, aria and message) on every keystroke.
    let table_findings = move |rep: &crate::rules::Report| {
        let mut m = RowFindings::new();
        for f in &rep.findings {
            if let Some((_, g, r)) = walk::appendix_row(&f.path).filter(|&(a, _, _)| a == ai) {
                m.entry((g, r)).or_default().push(f.clone());
            }
        }
        m
    };
    let findings = RwSignal::new(ed.report.with_untracked(table_findings));
    Effect::new(move |_| set_if_changed(findings, ed.report.with(table_findings)));
    let cursor = RwSignal::new(None::<Cursor>);
    let lines = ed.structural(move |d: &Document| d.appendices.get(ai).map(|a| Lines::new(a.groups.iter().map(|g| g.rows.len()))).unwrap_or_default());
    let view = TableView::new(lines);
    let group_count = Memo::new(move |_| lines.with(|l| l.lens.len()));
    let current = StoredValue::new(Selector::new(move || cursor.get().map(|c| (c.g, c.r))));
    let ctx = TableCtx { ai, cursor, current, columns, numbers, findings, lines, view };
    // Another part of the editor (the issues panel) asks for a row to be shown.
    Effect::new(move |_| {
        if let Some((a, g, r)) = ed.reveal.get() {
            if a == ai {
                if let Some(line) = lines.with_untracked(|l| l.line_of(g, r)) {
                    view.reveal(line);
                }
                ed.reveal.set(None);
            }
        }
    });
    // Measure the drawn rows once they are laid out.
    Effect::new(move |_| request_animation_frame(move || view.measure()));
    let spacer = move |above: bool| {
        move || {
            let (start, end) = view.span.get();
            let n = if above { start } else { lines.with(|l| l.total) - end };
            format!("{}px", n as f64 * view.line_px.get())
        }
    };
    let row_op = move |name: &'static str| {
        let Some(cur) = cursor.get_untracked() else {
            ed.say(true, "Hãy chọn một ô trong bảng trước.", "Select a cell in the table first.");
            return;
        };
        let mut next = cur;
        ed.edit_in(Scope::Group(ai, cur.g), &format!("!row-{name}"), |d| {
            let Some(a) = d.appendices.get_mut(ai) else { return };
            let blank = edit::blank_row(a);
            let Some(rows) = a.groups.get_mut(cur.g).map(|g| &mut g.rows) else { return };
            match name {
                "insert" => {
                    rows.insert((cur.r + 1).min(rows.len()), blank);
                    next.r = cur.r + 1;
                }
                "duplicate" => {
                    if let Some(r) = rows.get(cur.r).cloned() {
                        rows.insert(cur.r + 1, r);
                        next.r = cur.r + 1;
                    }
                }
                "delete" if cur.r < rows.len() => {
                    rows.remove(cur.r);
                    next.r = cur.r.min(rows.len().saturating_sub(1));
                }
                "up" if cur.r > 0 && cur.r < rows.len() => {
                    rows.swap(cur.r - 1, cur.r);
                    next.r = cur.r - 1;
                }
                "down" if cur.r + 1 < rows.len() => {
                    rows.swap(cur.r, cur.r + 1);
                    next.r = cur.r + 1;
                }
                _ => {}
            }
        });
        if name == "delete" {
            ed.say(false, "Đã xóa dòng. Nhấn Ctrl+Z để hoàn tác.", "Row deleted. Press Ctrl+Z to undo.");
        }
        cursor.set(Some(next));
        focus_cell(ai, next);
    };
    // This table's context and row operations live in an owner of their own:
    // sibling tables are built in one pass under one parent owner, where the
    // last table's context would stand in for all of them.
    let owner = Owner::current().expect("a reactive owner").child();
    owner.with(|| {
        provide_context(ctx);
        provide_context(RowOp(Arc::new(row_op)));
    });
    let add_group = move |_| {
        ed.edit("!group-add", |d| {
            if let Some(a) = d.appendices.get_mut(ai) {
                let row = edit::blank_row(a);
                a.groups.push(RowGroup { heading: String::new(), rows: vec![row] });
            }
        })
    };
    let delete_appendix = move |_| {
        ed.edit("!appendix-delete", |d| {
            if ai < d.appendices.len() {
                d.appendices.remove(ai);
            }
        });
        ed.say(false, "Đã xóa phụ lục. Nhấn Ctrl+Z để hoàn tác.", "Appendix deleted. Press Ctrl+Z to undo.");
    };
    let base = format!("appendices[{ai}]");
    let ncols = move || columns.with(|c| c.len().max(1));
    // The appendix's own settings: typing in its rows never changes them.
    let number = ed.structural(move |d: &Document| d.appendices.get(ai).map(|a| a.number.clone()).unwrap_or_default());
    let landscape = ed.structural(move |d: &Document| d.appendices.get(ai).is_some_and(|a| a.landscape));
    let per_group = ed.structural(move |d: &Document| d.appendices.get(ai).is_some_and(|a| a.row_numbering == RowNumbering::PerGroup));
    let tools = move |name: &'static str, vi: &'static str, en: &'static str, keys: &'static str| {
        let op = expect_context::<RowOp>().0;
        view! {
            <button type="button" class="kh-small" aria-keyshortcuts=keys on:click=move |_| op(name)>{move || ed.tr(vi, en)}</button>
        }
    };
    let view = owner.with(|| view! {
        <div class="kh-appendix" id=field_id(&base) tabindex="-1">
            <h3>{move || format!("{} {}", ed.tr("Phụ lục", "Appendix"), number.get())}</h3>
            <div class="kh-grid kh-grid-4">
                <Field label=t("Số phụ lục (I, II…)", "Number (I, II…)") path=format!("{base}.number") get=Arc::new(move |d| d.appendices.get(ai).map(|a| a.number.clone()).unwrap_or_default()) set=Arc::new(move |d, v| if let Some(a) = d.appendices.get_mut(ai) { a.number = v }) />
                <Field label=t("Tên phụ lục", "Title") path=format!("{base}.title") get=Arc::new(move |d| d.appendices.get(ai).map(|a| a.title.clone()).unwrap_or_default()) set=Arc::new(move |d, v| if let Some(a) = d.appendices.get_mut(ai) { a.title = v }) />
            </div>
            <Field label=t("Dòng «Kèm theo …» (không ghi dấu ngoặc)", "The «Kèm theo …» line (without brackets)") path=format!("{base}.attached_note") get=Arc::new(move |d| d.appendices.get(ai).and_then(|a| a.attached_note.clone()).unwrap_or_default()) set=Arc::new(move |d, v| if let Some(a) = d.appendices.get_mut(ai) { a.attached_note = (!v.is_empty()).then_some(v) }) />
            <div class="kh-row">
                <label class="kh-check">
                    <input type="checkbox" prop:checked=move || landscape.get() on:change=move |ev| { let v = event_target_checked(&ev); ed.edit("!landscape", move |d| if let Some(a) = d.appendices.get_mut(ai) { a.landscape = v }) } />
                    {move || ed.tr("Trang ngang", "Landscape pages")}
                </label>
                <label class="kh-check">
                    <input type="checkbox" prop:checked=move || per_group.get() on:change=move |ev| { let v = event_target_checked(&ev); ed.edit("!numbering", move |d| if let Some(a) = d.appendices.get_mut(ai) { a.row_numbering = if v { RowNumbering::PerGroup } else { RowNumbering::Continuous } }) } />
                    {move || ed.tr("Đánh số lại từ 1 trong mỗi nhóm", "Restart numbering in each group")}
                </label>
                <button type="button" class="kh-small kh-danger" on:click=delete_appendix>{move || ed.tr("Xóa phụ lục", "Delete appendix")}</button>
            </div>
            <ColumnsEditor ai=ai />
            <div class="kh-row kh-row-tools" role="toolbar" aria-label=move || ed.tr("Thao tác với dòng đang chọn", "Actions on the current row")>
                <span class="kh-hint">
                    {move || match cursor.get() {
                        Some(c) => format!("{} {}", ed.tr("Dòng đang chọn:", "Current row:"), numbers.with(|n| n.get(c.g).and_then(|g| g.get(c.r)).copied().unwrap_or(0))),
                        None => ed.tr("Chọn một ô để thao tác với dòng.", "Select a cell to act on its row.").to_string(),
                    }}
                </span>
                {tools("insert", "+ Chèn dòng dưới", "+ Insert row below", "Control+Enter")}
                {tools("duplicate", "Nhân bản dòng", "Duplicate row", "Control+Shift+D")}
                {tools("up", "Lên", "Move up", "Alt+ArrowUp")}
                {tools("down", "Xuống", "Move down", "Alt+ArrowDown")}
                {tools("delete", "Xóa dòng", "Delete row", "Control+Shift+Delete")}
                <button type="button" class="kh-small" on:click=add_group>{move || ed.tr("+ Thêm nhóm", "+ Add group")}</button>
            </div>
            <p class="kh-hint">{move || ed.tr(
                "Enter: xuống dòng dưới (tự thêm dòng ở cuối) · ←/→ ở đầu/cuối ô: sang ô bên · ↑/↓: lên/xuống dòng · Dán nhiều dòng từ Excel hoặc Word vào một ô để thêm các dòng.",
                "Enter: next row (adds one at the end) · ←/→ at the edge: next cell · ↑/↓: row above/below · Paste rows from Excel or Word into a cell to add them.",
            )}</p>
            <div class="kh-table-wrap" node_ref=view.wrap on:scroll=move |_| view.measure()>
                <table class="kh-table" aria-label=move || format!("{} {}", ed.tr("Bảng phụ lục", "Appendix table"), ai + 1)
                    aria-rowcount=move || lines.with(|l| l.total + 1) data-rows=move || lines.with(Lines::rows)>
                    <thead>
                        <tr aria-rowindex="1">{move || columns.get().into_iter().map(|c| view! { <th scope="col">{c.title}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody class="kh-spacer" aria-hidden="true"><tr><td colspan=ncols style:height=spacer(true)></td></tr></tbody>
                    {move || (0..group_count.get()).map(|g| view! { <GroupRows g=g /> }).collect_view()}
                    <tbody class="kh-spacer" aria-hidden="true"><tr><td colspan=ncols style:height=spacer(false)></td></tr></tbody>
                </table>
            </div>
        </div>
    });
    leptos::tachys::reactive_graph::OwnedView::new_with_owner(view, owner)
}

#[derive(Clone)]
struct RowOp(Arc<dyn Fn(&'static str) + Send + Sync>);

#[component]
fn ColumnsEditor(ai: usize) -> impl IntoView {
    let ed = editor();
    let ctx = expect_context::<TableCtx>();
    let add = move |_| {
        ed.edit("!column-add", |d| {
            if let Some(a) = d.appendices.get_mut(ai) {
                let col = Column { id: edit::column_id(a), title: "Cột mới".into(), kind: ColumnKind::Text, width: None };
                let at = a.columns.len();
                edit::insert_column(a, at, col);
            }
        })
    };
    view! {
        <details class="kh-columns">
            <summary>{move || ed.tr("Cột của bảng (thêm, đổi tên, đổi kiểu, xóa)", "Table columns (add, rename, change type, delete)")}</summary>
            <ul>
                {move || {
                    ctx.columns.get().into_iter().enumerate().map(|(ci, col)| {
                        let base = format!("appendices[{ai}].columns[{ci}]");
                        let kind_id = format!("{}-kind", field_id(&base));
                        view! {
                            <li class="kh-column-row">
                                <Field label=move || format!("{} {}", ed.tr("Tên cột", "Column title"), ci + 1) path=format!("{base}.title") get=Arc::new(move |d| d.appendices.get(ai).and_then(|a| a.columns.get(ci)).map(|c| c.title.clone()).unwrap_or_default()) set=Arc::new(move |d, v| if let Some(c) = d.appendices.get_mut(ai).and_then(|a| a.columns.get_mut(ci)) { c.title = v }) />
                                <div class="kh-field">
                                    <label for=kind_id.clone()>{move || ed.tr("Kiểu", "Type")}</label>
                                    <select id=kind_id prop:value=format!("{:?}", col.kind) on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        if let Some(k) = COLUMN_KINDS.into_iter().find(|k| format!("{k:?}") == v) {
                                            ed.edit("!column-kind", move |d| if let Some(c) = d.appendices.get_mut(ai).and_then(|a| a.columns.get_mut(ci)) { c.kind = k });
                                        }
                                    }>
                                        {COLUMN_KINDS.into_iter().map(|k| view! { <option value=format!("{k:?}")>{move || column_kind_label(k, ed.lang.get())}</option> }).collect_view()}
                                    </select>
                                </div>
                                <button type="button" class="kh-small" aria-label=move || format!("{} {}", ed.tr("Chuyển cột sang phải:", "Move column right:"), ci + 1) on:click=move |_| ed.edit("!column-move", move |d| { if let Some(a) = d.appendices.get_mut(ai) { edit::swap_columns(a, ci); } })>"→"</button>
                                <button type="button" class="kh-small kh-danger" on:click=move |_| ed.edit("!column-remove", move |d| { if let Some(a) = d.appendices.get_mut(ai) { edit::remove_column(a, ci); } })>{move || ed.tr("Xóa cột", "Delete column")}</button>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <button type="button" class="kh-small" on:click=add>{move || ed.tr("+ Thêm cột", "+ Add column")}</button>
        </details>
    }
}

/// One group: its heading and rows, each drawn only while in view. Rows are
/// keyed by position, so the list only ever grows or shrinks at its end: no
/// drawn row is moved in the page (moving one would take the keyboard focus
/// away from a cell being typed in).
#[component]
fn GroupRows(g: usize) -> impl IntoView {
    let ctx = expect_context::<TableCtx>();
    let (lines, span) = (ctx.lines, ctx.view.span);
    let heading = Memo::new(move |_| lines.with(|l| l.heading_drawn(g, span.get())));
    let len = Memo::new(move |_| lines.with(|l| l.lens.get(g).copied().unwrap_or(0)));
    // This group's drawn rows, kept in a signal set only when they change: a
    // row added elsewhere in the table then wakes no row of this group (a memo
    // here would pass every change of the table's lines down to each row).
    let drawn_rows = RwSignal::new(untrack(|| lines.with(|l| l.rows_drawn(g, span.get()))));
    // The row being edited stays drawn while scrolled away, so it keeps the
    // keyboard focus and what is being typed. It sits among the drawn rows'
    // margin above the view, where it is not seen.
    let pinned = RwSignal::new(None::<usize>);
    // Where the group stands: its heading's line and its rows' numbers (STT),
    // set only when they change, so a row added in a later group wakes no row
    // of this one.
    let place_now = move || GroupPlace {
        heading_line: lines.with(|l| l.starts.get(g).copied().unwrap_or(0)),
        numbers: ctx.numbers.with(|n| n.get(g).cloned().unwrap_or_default()),
    };
    let place = RwSignal::new(untrack(place_now));
    Effect::new(move |_| set_if_changed(place, place_now()));
    Effect::new(move |_| {
        set_if_changed(drawn_rows, lines.with(|l| l.rows_drawn(g, span.get())));
        set_if_changed(pinned, ctx.cursor.get().filter(|c| c.g == g).map(|c| c.r));
    });
    let row = move |r: usize| {
        let drawn = Memo::new(move |_| drawn_rows.with(|d| d.contains(&r)) || pinned.get() == Some(r));
        move || drawn.get().then(|| view! { <RowView g=g r=r place=place /> })
    };
    view! {
        <tbody>
            {move || heading.get().then(|| view! { <GroupHeading g=g /> })}
            <For each=move || 0..len.get() key=|r| *r children=row />
        </tbody>
    }
}

/// A group's heading line in the table and its rows' numbers.
#[derive(Clone, Debug, Default, PartialEq)]
struct GroupPlace {
    /// Row `r` is line `heading_line + 1 + r` (see `Lines`); a line's
    /// `aria-rowindex` is the line + 2 (1-based, after the column titles' row).
    heading_line: usize,
    numbers: Vec<usize>,
}

#[component]
fn GroupHeading(g: usize) -> impl IntoView {
    let ed = editor();
    let ctx = expect_context::<TableCtx>();
    let ai = ctx.ai;
    let heading_path = format!("appendices[{ai}].groups[{g}].heading");
    let heading = ed.structural(move |d: &Document| d.appendices.get(ai).and_then(|a| a.groups.get(g)).map(|gr| gr.heading.clone()).unwrap_or_default());
    let ncols = move || ctx.columns.with(|c| c.len().max(1));
    let hid = field_id(&heading_path);
    let key = heading_path.clone();
    view! {
        <tr class="kh-group-row" aria-rowindex=move || ctx.lines.with(|l| l.starts.get(g).map_or(0, |s| s + 2))>
            <th scope="rowgroup" colspan=ncols>
                <label for=hid.clone()>{move || format!("{} {}", ed.tr("Nhóm", "Group"), crate::model::numbering::roman(g + 1))}</label>
                " "
                <input id=hid type="text" class="kh-group-heading" maxlength=crate::model::limits::MAX_FIELD_CHARS placeholder=move || ed.tr("(không có tiêu đề nhóm)", "(no group heading)") prop:value=move || heading.get() on:input=move |ev| { let v = event_target_value(&ev); ed.edit(&key, move |d| if let Some(gr) = d.appendices.get_mut(ai).and_then(|a| a.groups.get_mut(g)) { gr.heading = v }) } />
                <button type="button" class="kh-small" on:click=move |_| ed.edit_in(Scope::Group(ai, g), "!row-add", move |d| if let Some(a) = d.appendices.get_mut(ai) { let r = edit::blank_row(a); if let Some(gr) = a.groups.get_mut(g) { gr.rows.push(r) } })>{move || ed.tr("+ Dòng", "+ Row")}</button>
                <button type="button" class="kh-small kh-danger" on:click=move |_| ed.edit("!group-remove", move |d| if let Some(a) = d.appendices.get_mut(ai) { if g < a.groups.len() { a.groups.remove(g); } })>{move || ed.tr("Xóa nhóm", "Delete group")}</button>
            </th>
        </tr>
    }
}

#[component]
fn RowView(g: usize, r: usize, place: RwSignal<GroupPlace>) -> impl IntoView {
    let ed = editor();
    let ctx = expect_context::<TableCtx>();
    let ai = ctx.ai;
    // The row as text per cell, re-read only when this row (or everything) was
    // edited: typing elsewhere in the table does not wake it.
    let texts = Memo::new(move |_| {
        ed.track_row((ai, g, r));
        RowTexts(Arc::new(ed.doc.with_untracked(|d| {
            let Some(a) = d.appendices.get(ai) else { return vec![] };
            let Some(row) = a.groups.get(g).and_then(|gr| gr.rows.get(r)) else { return vec![] };
            a.columns
                .iter()
                .zip(row.cells.iter().chain(std::iter::repeat(&Default::default())))
                .map(|(c, cell)| edit::cell_text(d, c.kind, cell))
                .collect::<Vec<String>>()
        })))
    });
    let findings = Memo::new(move |_| ctx.findings.with(|m| m.get(&(g, r)).cloned().unwrap_or_default()));
    let number = move || place.with(|p| p.numbers.get(r).copied().unwrap_or(0));
    view! {
        <tr class="kh-data-row" class:kh-current=move || ctx.current.with_value(|s| s.selected(&Some((g, r))))
            aria-rowindex=move || place.with(|p| p.heading_line + 1 + r + 2)>
            {move || {
                ctx.columns.get().into_iter().enumerate().map(|(c, col)| {
                    if col.kind == ColumnKind::Index {
                        view! { <th scope="row" class="kh-stt">{number}</th> }.into_any()
                    } else {
                        view! { <CellView g=g r=r c=c kind=col.kind title=col.title texts=texts findings=findings /> }.into_any()
                    }
                }).collect_view()
            }}
        </tr>
    }
}

/// One row's cell texts, shared between memo runs.
#[derive(Clone, Debug)]
struct RowTexts(Arc<Vec<String>>);

impl PartialEq for RowTexts {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

#[component]
fn CellView(g: usize, r: usize, c: usize, kind: ColumnKind, title: String, texts: Memo<RowTexts>, findings: Memo<Vec<Finding>>) -> impl IntoView {
    let ed = editor();
    let ctx = expect_context::<TableCtx>();
    let ai = ctx.ai;
    let path = cell_path(ai, g, r, c);
    let id = field_id(&path);
    let msg_id = format!("{id}-msg");
    let text_path = format!("{path}.text");
    let tf_path = format!("{path}.timeframe");
    let mine = {
        let (p1, p2, p3) = (path.clone(), text_path.clone(), tf_path.clone());
        Memo::new(move |_| findings.with(|f| f.iter().filter(|f| f.path == p1 || f.path == p2 || f.path.starts_with(&p3)).cloned().collect::<Vec<_>>()))
    };
    let value = move || texts.with(|t| t.0.get(c).cloned().unwrap_or_default());
    let structured = matches!(kind, ColumnKind::Agency | ColumnKind::AgencyList | ColumnKind::Timeframe);
    let commit = move |v: String| {
        ed.edit(&format!("cell {ai} {g} {r} {c}"), move |d: &mut Document| {
            let cell = edit::set_cell_text(d, kind, &v);
            if let Some(row) = d.appendices.get_mut(ai).and_then(|a| a.groups.get_mut(g)).and_then(|gr| gr.rows.get_mut(r)) {
                if row.cells.len() <= c {
                    row.cells.resize(c + 1, Default::default());
                }
                row.cells[c] = cell;
            }
        });
    };
    let op = expect_context::<RowOp>().0;
    let on_key = move |ev: leptos::ev::KeyboardEvent| on_cell_key(ev, ai, Cursor { g, r, c }, &op);
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return };
        if !text.trim_end_matches(['\n', '\r']).contains(['\t', '\n']) {
            return;
        }
        ev.prevent_default();
        let mut added = 0;
        // Refused whole when it would take the appendices past the row limit
        // (`Editor::edit_in` says so).
        let pasted = ed.try_edit_in(Scope::Group(ai, g), "!paste", |d| {
            let rows = edit::rows_from_tsv(d, ai, c, &text);
            added = rows.len();
            let Some(gr) = d.appendices.get_mut(ai).and_then(|a| a.groups.get_mut(g)) else { return };
            let current_empty = gr.rows.get(r).is_some_and(|row| row.cells.iter().all(|x| *x == Default::default()));
            let at = if current_empty {
                gr.rows.remove(r);
                r
            } else {
                r + 1
            };
            for (i, row) in rows.into_iter().enumerate() {
                gr.rows.insert((at + i).min(gr.rows.len()), row);
            }
        });
        if pasted {
            ed.say(false, format!("Đã dán {added} dòng."), format!("Pasted {added} rows."));
        }
    };
    let list = matches!(kind, ColumnKind::Agency | ColumnKind::AgencyList).then_some("kh-agency-list");
    let label = format!("{title}, {} {}", "dòng", r + 1);
    view! {
        <td class=move || if mine.with(|m| m.is_empty()) { "kh-cell" } else { "kh-cell kh-cell-flagged" }>
            {if structured {
                view! {
                    <input id=id.clone() type="text" class="kh-cell-input" maxlength=crate::model::limits::MAX_FIELD_CHARS list=list aria-label=label.clone()
                        aria-describedby=move || mine.with(|m| !m.is_empty()).then(|| msg_id.clone())
                        aria-invalid=move || mine.with(|m| m.iter().any(|f| f.severity == crate::rules::Severity::Error)).then_some("true")
                        prop:value=value
                        on:focus=move |_| ctx.cursor.set(Some(Cursor { g, r, c }))
                        on:change=move |ev| commit(event_target_value(&ev))
                        on:keydown=on_key on:paste=on_paste />
                }.into_any()
            } else {
                view! {
                    <textarea id=id.clone() rows="1" class="kh-cell-input" maxlength=crate::model::limits::MAX_FIELD_CHARS aria-label=label.clone()
                        aria-describedby=move || mine.with(|m| !m.is_empty()).then(|| format!("{}-msg", field_id(&cell_path(ai, g, r, c))))
                        aria-invalid=move || mine.with(|m| m.iter().any(|f| f.severity == crate::rules::Severity::Error)).then_some("true")
                        prop:value=value
                        on:focus=move |_| ctx.cursor.set(Some(Cursor { g, r, c }))
                        on:input=move |ev| commit(event_target_value(&ev))
                        on:keydown=on_key on:paste=on_paste></textarea>
                }.into_any()
            }}
            <Show when=move || mine.with(|m| !m.is_empty())>
                <InlineFindings findings=mine id=format!("{}-msg", field_id(&cell_path(ai, g, r, c))) />
            </Show>
        </td>
    }
}

/// Keyboard movement inside a table.
fn on_cell_key(ev: leptos::ev::KeyboardEvent, ai: usize, cur: Cursor, op: &Arc<dyn Fn(&'static str) + Send + Sync>) {
    let key = ev.key();
    // A letter typed before the frame that moves the focus (after Enter or an
    // arrow): move the focus now, and the letter goes to the new cell.
    let typed = key.chars().count() == 1 || key == "Process" || ev.is_composing();
    if typed && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() && super::dom::focus_pending_now() {
        return;
    }
    if ev.is_composing() {
        return;
    }
    let ed = editor();
    let ctrl = ev.ctrl_key() || ev.meta_key();
    let (caret_start, caret_end, len) = ev
        .target()
        .and_then(|t| {
            if let Some(i) = t.dyn_ref::<web_sys::HtmlInputElement>() {
                Some((i.selection_start().ok().flatten(), i.selection_end().ok().flatten(), i.value().encode_utf16().count() as u32))
            } else {
                t.dyn_ref::<web_sys::HtmlTextAreaElement>()
                    .map(|i| (i.selection_start().ok().flatten(), i.selection_end().ok().flatten(), i.value().encode_utf16().count() as u32))
            }
        })
        .unwrap_or((None, None, 0));
    let editable: Vec<usize> = ctx_columns().iter().enumerate().filter(|(_, c)| c.kind != ColumnKind::Index).map(|(i, _)| i).collect();
    let go = |next: Option<Cursor>| {
        if let Some(n) = next {
            ev.prevent_default();
            focus_cell(ai, n);
        }
    };
    let row_move = |down: bool| -> Option<Cursor> {
        ed.doc.with_untracked(|d| {
            let a = d.appendices.get(ai)?;
            let (g, r) = if down { edit::next_row(a, cur.g, cur.r)? } else { edit::prev_row(a, cur.g, cur.r)? };
            Some(Cursor { g, r, c: cur.c })
        })
    };
    match key.as_str() {
        "Enter" if ctrl => {
            ev.prevent_default();
            op("insert");
        }
        "Enter" if !ev.shift_key() && !ev.alt_key() => {
            ev.prevent_default();
            match row_move(true) {
                Some(n) => focus_cell(ai, n),
                None => op("insert"),
            }
        }
        "ArrowDown" if ev.alt_key() => {
            ev.prevent_default();
            op("down");
        }
        "ArrowUp" if ev.alt_key() => {
            ev.prevent_default();
            op("up");
        }
        "ArrowDown" => go(row_move(true)),
        "ArrowUp" => go(row_move(false)),
        "ArrowLeft" if caret_start == Some(0) && caret_end == Some(0) => go(editable.iter().rev().find(|&&c| c < cur.c).map(|&c| Cursor { c, ..cur })),
        "ArrowRight" if caret_start == Some(len) && caret_end == Some(len) => go(editable.iter().find(|&&c| c > cur.c).map(|&c| Cursor { c, ..cur })),
        "D" | "d" if ctrl && ev.shift_key() => {
            ev.prevent_default();
            op("duplicate");
        }
        "Delete" if ctrl && ev.shift_key() => {
            ev.prevent_default();
            op("delete");
        }
        _ => {}
    }
}

fn ctx_columns() -> Vec<Column> {
    expect_context::<TableCtx>().columns.get_untracked()
}

//! Appendix editor: one table per appendix with typed cells and group headings.
//! Rows: add, insert, duplicate, delete, move; Tab, Enter and arrows move between
//! cells; rows pasted from Excel or Word (tab-separated) land as typed rows.
//! Each row reads its own memo, so typing re-renders only the edited row, and
//! only the rows in view are drawn (see `table_window`). What the buttons do to
//! the document is in `model::table` and `model::edit`.

mod columns;
mod keys;
mod rows;
mod view;

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use super::field::{field_id, Field};
use super::state::{editor, set_if_changed, t, Editor, Scope};
use super::table_window::Lines;
use crate::model::table::{RowOp, TableShape};
use crate::model::{edit, walk, Column, Document, RowGroup, RowNumbering};
use crate::rules::Finding;
use columns::ColumnsEditor;
use rows::GroupRows;
use view::TableView;

#[component]
pub fn AppendicesEditor() -> impl IntoView {
    let ed = editor();
    let count = ed.structural(move |d: &Document| d.appendices.len());
    let shape = RwSignal::new(TableShape::default());
    let add = move |_| {
        let shape = shape.get_untracked();
        ed.edit("!appendix-add", move |d| {
            let a = shape.new_appendix(d);
            d.appendices.push(a);
        });
    };
    view! {
        <section class="kh-section" aria-labelledby="kh-app-h" id="kh-sec-appendices">
            <h2 id="kh-app-h">{move || ed.tr("Phụ lục", "Appendices")}</h2>
            {move || (0..count.get()).map(|ai| view! { <AppendixEditor ai=ai /> }).collect_view()}
            <div class="kh-row">
                <label for="kh-new-appendix-shape">
                    {move || ed.tr("Mẫu bảng", "Table shape")}
                </label>
                <select
                    id="kh-new-appendix-shape"
                    on:change=move |ev| shape.set(TableShape::from_key(&event_target_value(&ev)))
                >
                    {TableShape::ALL
                        .map(|s| {
                            view! {
                                <option value=s.key()>{move || s.label(ed.lang.get())}</option>
                            }
                        })
                        .collect_view()}
                </select>
                <button type="button" id="kh-add-appendix" on:click=add>
                    {move || ed.tr("+ Thêm phụ lục", "+ Add appendix")}
                </button>
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

/// The row operation of the table's toolbar and keys, on the row holding the cursor.
#[derive(Clone)]
struct RowOpFn(Arc<dyn Fn(RowOp) + Send + Sync>);

/// This table's findings by row, in a signal set only when they change
/// (`set_if_changed`): the report is new after every edit, and a memo chain
/// from it would wake about twenty effects per drawn row (each cell's class,
/// aria and message) on every keystroke.
fn table_findings(ed: Editor, ai: usize) -> RwSignal<RowFindings> {
    let by_row = move |rep: &crate::rules::Report| {
        let mut m = RowFindings::new();
        for f in &rep.findings {
            if let Some((_, g, r)) = walk::appendix_row(&f.path).filter(|&(a, _, _)| a == ai) {
                m.entry((g, r)).or_default().push(f.clone());
            }
        }
        m
    };
    let findings = RwSignal::new(ed.report.with_untracked(by_row));
    Effect::new(move |_| set_if_changed(findings, ed.report.with(by_row)));
    findings
}

/// Apply a row operation at the cursor and follow the row with the focus.
fn row_op(
    ed: Editor,
    ai: usize,
    cursor: RwSignal<Option<Cursor>>,
) -> impl Fn(RowOp) + Send + Sync + Copy {
    move |op: RowOp| {
        let Some(cur) = cursor.get_untracked() else {
            ed.say(
                true,
                "Hãy chọn một ô trong bảng trước.",
                "Select a cell in the table first.",
            );
            return;
        };
        let mut next = cur;
        ed.edit_in(
            Scope::Group(ai, cur.g),
            &format!("!row-{}", op.name()),
            |d| {
                let Some(a) = d.appendices.get_mut(ai) else {
                    return;
                };
                let blank = edit::blank_row(a);
                if let Some(g) = a.groups.get_mut(cur.g) {
                    next.r = op.apply(&mut g.rows, cur.r, blank);
                }
            },
        );
        if op == RowOp::Delete {
            ed.say(
                false,
                "Đã xóa dòng. Nhấn Ctrl+Z để hoàn tác.",
                "Row deleted. Press Ctrl+Z to undo.",
            );
        }
        cursor.set(Some(next));
        focus_cell(ai, next);
    }
}

#[component]
fn AppendixEditor(ai: usize) -> impl IntoView {
    let ed = editor();
    let columns = ed.structural(move |d: &Document| {
        d.appendices
            .get(ai)
            .map(|a| a.columns.clone())
            .unwrap_or_default()
    });
    let numbers = ed.structural(move |d: &Document| {
        d.appendices
            .get(ai)
            .map(edit::row_numbers)
            .unwrap_or_default()
    });
    let findings = table_findings(ed, ai);
    let cursor = RwSignal::new(None::<Cursor>);
    let lines = ed.structural(move |d: &Document| {
        d.appendices
            .get(ai)
            .map(|a| Lines::new(a.groups.iter().map(|g| g.rows.len())))
            .unwrap_or_default()
    });
    let view = TableView::new(lines);
    let current = StoredValue::new(Selector::new(move || cursor.get().map(|c| (c.g, c.r))));
    let ctx = TableCtx {
        ai,
        cursor,
        current,
        columns,
        numbers,
        findings,
        lines,
        view,
    };
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
    // This table's context and row operations live in an owner of their own:
    // sibling tables are built in one pass under one parent owner, where the
    // last table's context would stand in for all of them.
    let owner = Owner::current().expect("a reactive owner").child();
    owner.with(|| {
        provide_context(ctx);
        provide_context(RowOpFn(Arc::new(row_op(ed, ai, cursor))));
    });
    let base = format!("appendices[{ai}]");
    let number = ed.structural(move |d: &Document| {
        d.appendices
            .get(ai)
            .map(|a| a.number.clone())
            .unwrap_or_default()
    });
    let view = owner.with(|| {
        view! {
            <div class="kh-appendix" id=field_id(&base) tabindex="-1">
                <h3>{move || format!("{} {}", ed.tr("Phụ lục", "Appendix"), number.get())}</h3>
                <AppendixSettings ai=ai />
                <ColumnsEditor ai=ai />
                <RowTools />
                <AppendixTable />
            </div>
        }
    });
    leptos::tachys::reactive_graph::OwnedView::new_with_owner(view, owner)
}

/// Number, title, the "Kèm theo" note, then page orientation, numbering; delete.
#[component]
fn AppendixSettings(ai: usize) -> impl IntoView {
    let base = format!("appendices[{ai}]");
    view! {
        <div class="kh-grid kh-grid-4">
            <Field
                label=t("Số phụ lục (I, II…)", "Number (I, II…)")
                path=format!("{base}.number")
                get=Arc::new(move |d| {
                    d.appendices.get(ai).map(|a| a.number.clone()).unwrap_or_default()
                })
                set=Arc::new(move |d, v| {
                    if let Some(a) = d.appendices.get_mut(ai) {
                        a.number = v;
                    }
                })
            />
            <Field
                label=t("Tên phụ lục", "Title")
                class="kh-span-3"
                hint=t(
                    "In đậm trên bảng, ví dụ: DANH MỤC NHIỆM VỤ TRIỂN KHAI NĂM 2026",
                    "Printed in bold above the table, e.g. DANH MỤC NHIỆM VỤ TRIỂN KHAI NĂM 2026",
                )
                path=format!("{base}.title")
                get=Arc::new(move |d| {
                    d.appendices.get(ai).map(|a| a.title.clone()).unwrap_or_default()
                })
                set=Arc::new(move |d, v| {
                    if let Some(a) = d.appendices.get_mut(ai) {
                        a.title = v;
                    }
                })
            />
        </div>
        <Field
            label=t(
                "Dòng «Kèm theo …» (không ghi dấu ngoặc)",
                "The «Kèm theo …» line (without brackets)",
            )
            path=format!("{base}.attached_note")
            get=Arc::new(move |d| {
                d.appendices.get(ai).and_then(|a| a.attached_note.clone()).unwrap_or_default()
            })
            set=Arc::new(move |d, v| {
                if let Some(a) = d.appendices.get_mut(ai) {
                    a.attached_note = (!v.is_empty()).then_some(v);
                }
            })
        />
        <PageAndNumbering ai />
    }
}

/// Page orientation and row numbering of appendix `ai`, and its delete button.
#[component]
fn PageAndNumbering(ai: usize) -> impl IntoView {
    let ed = editor();
    // The appendix's own settings: typing in its rows never changes them.
    let landscape =
        ed.structural(move |d: &Document| d.appendices.get(ai).is_some_and(|a| a.landscape));
    let per_group = ed.structural(move |d: &Document| {
        d.appendices
            .get(ai)
            .is_some_and(|a| a.row_numbering == RowNumbering::PerGroup)
    });
    let delete_appendix = move |_| {
        ed.edit("!appendix-delete", |d| {
            if ai < d.appendices.len() {
                d.appendices.remove(ai);
            }
        });
        ed.say(
            false,
            "Đã xóa phụ lục. Nhấn Ctrl+Z để hoàn tác.",
            "Appendix deleted. Press Ctrl+Z to undo.",
        );
    };
    view! {
        <div class="kh-row">
            <label class="kh-check">
                <input
                    type="checkbox"
                    prop:checked=move || landscape.get()
                    on:change=move |ev| {
                        let v = event_target_checked(&ev);
                        ed.edit(
                            "!landscape",
                            move |d| {
                                if let Some(a) = d.appendices.get_mut(ai) {
                                    a.landscape = v;
                                }
                            },
                        )
                    }
                />
                {move || ed.tr("Trang ngang", "Landscape pages")}
            </label>
            <label class="kh-check">
                <input
                    type="checkbox"
                    prop:checked=move || per_group.get()
                    on:change=move |ev| {
                        let v = event_target_checked(&ev);
                        ed.edit(
                            "!numbering",
                            move |d| {
                                if let Some(a) = d.appendices.get_mut(ai) {
                                    a.row_numbering = if v {
                                        RowNumbering::PerGroup
                                    } else {
                                        RowNumbering::Continuous
                                    };
                                }
                            },
                        )
                    }
                />
                {move || {
                    ed.tr(
                        "Đánh số lại từ 1 trong mỗi nhóm",
                        "Restart numbering in each group",
                    )
                }}
            </label>
            <button type="button" class="kh-small kh-danger" on:click=delete_appendix>
                {move || ed.tr("Xóa phụ lục", "Delete appendix")}
            </button>
        </div>
    }
}

/// The toolbar acting on the row that holds the cursor.
#[component]
fn RowTools() -> impl IntoView {
    let ed = editor();
    let ctx = expect_context::<TableCtx>();
    let ai = ctx.ai;
    let op = expect_context::<RowOpFn>().0;
    let tools = move |row_op: RowOp, vi: &'static str, en: &'static str, keys: &'static str| {
        let op = op.clone();
        view! {
            <button
                type="button"
                class="kh-small"
                aria-keyshortcuts=keys
                on:click=move |_| op(row_op)
            >
                {move || ed.tr(vi, en)}
            </button>
        }
    };
    let add_group = move |_| {
        ed.edit("!group-add", |d| {
            if let Some(a) = d.appendices.get_mut(ai) {
                let row = edit::blank_row(a);
                a.groups.push(RowGroup {
                    heading: String::new(),
                    rows: vec![row],
                });
            }
        })
    };
    let current = move || match ctx.cursor.get() {
        Some(c) => format!(
            "{} {}",
            ed.tr("Dòng đang chọn:", "Current row:"),
            ctx.numbers
                .with(|n| n.get(c.g).and_then(|g| g.get(c.r)).copied().unwrap_or(0))
        ),
        None => ed
            .tr(
                "Chọn một ô để thao tác với dòng.",
                "Select a cell to act on its row.",
            )
            .to_string(),
    };
    view! {
        <div
            class="kh-row kh-row-tools"
            role="toolbar"
            aria-label=move || {
                ed.tr("Thao tác với dòng đang chọn", "Actions on the current row")
            }
        >
            <span class="kh-hint">{current}</span>
            {tools(RowOp::Insert, "+ Chèn dòng dưới", "+ Insert row below", "Control+Enter")}
            {tools(RowOp::Duplicate, "Nhân bản dòng", "Duplicate row", "Control+Shift+D")}
            {tools(RowOp::Up, "Lên", "Move up", "Alt+ArrowUp")}
            {tools(RowOp::Down, "Xuống", "Move down", "Alt+ArrowDown")}
            {tools(RowOp::Delete, "Xóa dòng", "Delete row", "Control+Shift+Delete")}
            <button type="button" class="kh-small" on:click=add_group>
                {move || ed.tr("+ Thêm nhóm", "+ Add group")}
            </button>
        </div>
        <p class="kh-hint">
            {move || {
                ed.tr(
                    "Enter: xuống dòng dưới (tự thêm dòng ở cuối) · ←/→ ở đầu/cuối ô: sang ô bên · ↑/↓: lên/xuống dòng · Dán nhiều dòng từ Excel hoặc Word vào một ô để thêm các dòng.",
                    "Enter: next row (adds one at the end) · ←/→ at the edge: next cell · ↑/↓: row above/below · Paste rows from Excel or Word into a cell to add them.",
                )
            }}
        </p>
    }
}

/// The table itself: column titles, the drawn groups, and spacers standing in
/// for the lines scrolled out of view.
#[component]
fn AppendixTable() -> impl IntoView {
    let ed = editor();
    let ctx = expect_context::<TableCtx>();
    let (ai, lines, view, columns) = (ctx.ai, ctx.lines, ctx.view, ctx.columns);
    let group_count = Memo::new(move |_| lines.with(|l| l.lens.len()));
    let ncols = move || columns.with(|c| c.len().max(1));
    let spacer = move |above: bool| {
        move || {
            let (start, end) = view.span.get();
            let n = if above {
                start
            } else {
                lines.with(|l| l.total) - end
            };
            format!("{}px", n as f64 * view.line_px.get())
        }
    };
    view! {
        <div class="kh-table-wrap" node_ref=view.wrap on:scroll=move |_| view.measure()>
            <table
                class="kh-table"
                aria-label=move || {
                    format!("{} {}", ed.tr("Bảng phụ lục", "Appendix table"), ai + 1)
                }
                aria-rowcount=move || lines.with(|l| l.total + 1)
                data-rows=move || lines.with(Lines::rows)
            >
                <thead>
                    <tr aria-rowindex="1">
                        {move || {
                            columns
                                .get()
                                .into_iter()
                                .enumerate()
                                .map(|(c, col)| {
                                    let width = ed
                                        .doc
                                        .with_untracked(|d| column_width(d, ai, c, col.kind));
                                    view! {
                                        <th scope="col" style:min-width=width>
                                            {col.title}
                                        </th>
                                    }
                                })
                                .collect_view()
                        }}
                    </tr>
                </thead>
                <tbody class="kh-spacer" aria-hidden="true">
                    <tr>
                        <td colspan=ncols style:height=spacer(true)></td>
                    </tr>
                </tbody>
                {move || (0..group_count.get()).map(|g| view! { <GroupRows g=g /> }).collect_view()}
                <tbody class="kh-spacer" aria-hidden="true">
                    <tr>
                        <td colspan=ncols style:height=spacer(false)></td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

/// The least width of column `c` of appendix `ai` on screen, by what its
/// cells hold: a row number, a timeframe, a figure, text that wraps, or
/// agency names on one line, as wide as the longest the column holds when
/// the table is drawn (within bounds: a long list scrolls in its cell).
fn column_width(doc: &Document, ai: usize, c: usize, kind: crate::model::ColumnKind) -> String {
    use crate::model::ColumnKind::*;
    match kind {
        Index => "3rem".into(),
        Agency | AgencyList => {
            let name = |id: &String| doc.agency(id).map_or(id.len(), |a| a.name.chars().count());
            let longest = doc
                .appendices
                .get(ai)
                .into_iter()
                .flat_map(|a| &a.groups)
                .flat_map(|g| &g.rows)
                .filter_map(|r| r.cells.get(c))
                .map(|cell| cell.agencies.iter().map(|id| name(id) + 2).sum::<usize>())
                .max()
                .unwrap_or(0);
            format!("{:.1}rem", (longest.clamp(16, 34) as f32) * 0.5 + 1.5)
        }
        Timeframe => "9rem".into(),
        Number | Percent | Unit => "6rem".into(),
        _ => "14rem".into(),
    }
}

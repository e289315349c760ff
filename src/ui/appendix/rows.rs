//! A table's groups, rows and cells, each row drawn only while in view.

use std::sync::Arc;

use leptos::prelude::*;

use super::{cell_path, Cursor, RowOpFn, TableCtx};
use crate::model::{edit, table, ColumnKind, Document};
use crate::rules::Finding;
use crate::ui::field::{field_id, has_error, InlineFindings};
use crate::ui::state::{editor, set_if_changed, Editor, Scope};

/// One group: its heading and rows, each drawn only while in view. Rows are
/// keyed by position, so the list only ever grows or shrinks at its end: no
/// drawn row is moved in the page (moving one would take the keyboard focus
/// away from a cell being typed in).
#[component]
pub(super) fn GroupRows(g: usize) -> impl IntoView {
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
        let drawn =
            Memo::new(move |_| drawn_rows.with(|d| d.contains(&r)) || pinned.get() == Some(r));
        move || {
            drawn
                .get()
                .then(|| view! { <RowView g=g r=r place=place /> })
        }
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

/// A group's heading line: «Nhóm I», its heading input, then its buttons.
#[component]
fn GroupHeading(g: usize) -> impl IntoView {
    let ed = editor();
    let ctx = expect_context::<TableCtx>();
    let ai = ctx.ai;
    let heading_path = format!("appendices[{ai}].groups[{g}].heading");
    let heading = ed.structural(move |d: &Document| {
        d.appendices
            .get(ai)
            .and_then(|a| a.groups.get(g))
            .map(|gr| gr.heading.clone())
            .unwrap_or_default()
    });
    let ncols = move || ctx.columns.with(|c| c.len().max(1));
    let hid = field_id(&heading_path);
    let key = heading_path.clone();
    view! {
        <tr
            class="kh-group-row"
            aria-rowindex=move || ctx.lines.with(|l| l.starts.get(g).map_or(0, |s| s + 2))
        >
            <th scope="rowgroup" colspan=ncols>
                <label for=hid
                    .clone()>
                    {move || {
                        format!(
                            "{} {}",
                            ed.tr("Nhóm", "Group"),
                            crate::model::numbering::roman(g + 1),
                        )
                    }}
                </label>
                " "
                <input
                    id=hid
                    type="text"
                    class="kh-group-heading"
                    maxlength=crate::model::limits::MAX_FIELD_CHARS
                    placeholder=move || {
                        ed.tr("(không có tiêu đề nhóm)", "(no group heading)")
                    }
                    prop:value=move || heading.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        ed.edit(
                            &key,
                            move |d| {
                                if let Some(gr) = d
                                    .appendices
                                    .get_mut(ai)
                                    .and_then(|a| a.groups.get_mut(g))
                                {
                                    gr.heading = v;
                                }
                            },
                        )
                    }
                />
                <GroupButtons ai g />
            </th>
        </tr>
    }
}

/// «+ Dòng» (a row at the group's end) and «Xóa nhóm» of group `g`.
#[component]
fn GroupButtons(ai: usize, g: usize) -> impl IntoView {
    let ed = editor();
    view! {
        <button
            type="button"
            class="kh-small"
            on:click=move |_| {
                ed.edit_in(
                    Scope::Group(ai, g),
                    "!row-add",
                    move |d| {
                        if let Some(a) = d.appendices.get_mut(ai) {
                            let r = edit::blank_row(a);
                            if let Some(gr) = a.groups.get_mut(g) {
                                gr.rows.push(r)
                            }
                        }
                    },
                )
            }
        >
            {move || ed.tr("+ Dòng", "+ Row")}
        </button>
        <button
            type="button"
            class="kh-small kh-danger"
            on:click=move |_| {
                ed.edit(
                    "!group-remove",
                    move |d| {
                        if let Some(a) = d.appendices.get_mut(ai) {
                            if g < a.groups.len() {
                                a.groups.remove(g);
                            }
                        }
                    },
                )
            }
        >
            {move || ed.tr("Xóa nhóm", "Delete group")}
        </button>
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
            let Some(a) = d.appendices.get(ai) else {
                return vec![];
            };
            let Some(row) = a.groups.get(g).and_then(|gr| gr.rows.get(r)) else {
                return vec![];
            };
            a.columns
                .iter()
                .zip(
                    row.cells
                        .iter()
                        .chain(std::iter::repeat(&Default::default())),
                )
                .map(|(c, cell)| {
                    (
                        edit::cell_text(d, c.kind, cell),
                        edit::unlisted_names(c.kind, cell),
                    )
                })
                .collect::<Vec<_>>()
        })))
    });
    let findings = Memo::new(move |_| {
        ctx.findings
            .with(|m| m.get(&(g, r)).cloned().unwrap_or_default())
    });
    let number = move || place.with(|p| p.numbers.get(r).copied().unwrap_or(0));
    view! {
        <tr
            class="kh-data-row"
            class:kh-current=move || ctx.current.with_value(|s| s.selected(&Some((g, r))))
            aria-rowindex=move || place.with(|p| p.heading_line + 1 + r + 2)
        >
            {move || {
                ctx.columns
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(c, col)| {
                        if col.kind == ColumnKind::Index {
                            view! {
                                <th scope="row" class="kh-stt">
                                    {number}
                                </th>
                            }
                                .into_any()
                        } else {
                            view! {
                                <CellView
                                    g=g
                                    r=r
                                    c=c
                                    kind=col.kind
                                    title=col.title
                                    texts=texts
                                    findings=findings
                                />
                            }
                                .into_any()
                        }
                    })
                    .collect_view()
            }}
        </tr>
    }
}

/// One row's cell texts, and the agency names of each cell that are not in
/// the directory, shared between memo runs.
#[derive(Clone, Debug)]
struct RowTexts(Arc<Vec<(String, Vec<String>)>>);

impl PartialEq for RowTexts {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

/// One cell: its input, under an agency cell the names the directory does
/// not have, and the cell's findings.
#[component]
fn CellView(
    g: usize,
    r: usize,
    c: usize,
    kind: ColumnKind,
    title: String,
    texts: Memo<RowTexts>,
    findings: Memo<Vec<Finding>>,
) -> impl IntoView {
    let ai = expect_context::<TableCtx>().ai;
    let mine = cell_findings(findings, cell_path(ai, g, r, c));
    let structured = matches!(
        kind,
        ColumnKind::Agency | ColumnKind::AgencyList | ColumnKind::Timeframe
    );
    let at = Cursor { g, r, c };
    view! {
        <td class=move || {
            if mine.with(|m| m.is_empty()) { "kh-cell" } else { "kh-cell kh-cell-flagged" }
        }>
            <CellInput at kind structured title texts mine />
            {structured.then(|| view! { <Unlisted g r c texts /> })}
            <Show when=move || mine.with(|m| !m.is_empty())>
                <InlineFindings
                    findings=mine
                    id=format!("{}-msg", field_id(&cell_path(ai, g, r, c)))
                />
            </Show>
        </td>
    }
}

/// The findings of the table that are about the cell at `path` (its text,
/// its timeframe's parts).
fn cell_findings(findings: Memo<Vec<Finding>>, path: String) -> Memo<Vec<Finding>> {
    let text_path = format!("{path}.text");
    let tf_path = format!("{path}.timeframe");
    Memo::new(move |_| {
        findings.with(|f| {
            f.iter()
                .filter(|f| f.path == path || f.path == text_path || f.path.starts_with(&tf_path))
                .cloned()
                .collect::<Vec<_>>()
        })
    })
}

/// The input of a cell: one line, committed on change, for agencies and
/// timeframes (`structured`: read back as parsed); a textarea, committed as
/// typed, for text.
#[component]
fn CellInput(
    at: Cursor,
    kind: ColumnKind,
    structured: bool,
    title: String,
    texts: Memo<RowTexts>,
    mine: Memo<Vec<Finding>>,
) -> impl IntoView {
    let ed = editor();
    let ctx = expect_context::<TableCtx>();
    let ai = ctx.ai;
    let Cursor { g, r, c } = at;
    let id = field_id(&cell_path(ai, g, r, c));
    let msg_id = format!("{id}-msg");
    let value = move || texts.with(|t| t.0.get(c).map(|x| x.0.clone()).unwrap_or_default());
    let commit = commit_cell(ed, ai, at, kind);
    let op = expect_context::<RowOpFn>().0;
    let on_key = move |ev: leptos::ev::KeyboardEvent| super::keys::on_cell_key(ev, ai, at, &op);
    let on_paste = paste_in_cell(ed, ai, at);
    let list =
        matches!(kind, ColumnKind::Agency | ColumnKind::AgencyList).then_some("kh-agency-list");
    let label = format!("{title}, {} {}", "dòng", r + 1);
    let described = move || mine.with(|m| !m.is_empty()).then(|| msg_id.clone());
    let invalid = has_error(mine);
    if structured {
        view! {
            <input
                id=id
                type="text"
                class="kh-cell-input"
                maxlength=crate::model::limits::MAX_FIELD_CHARS
                list=list
                aria-label=label
                aria-describedby=described
                aria-invalid=invalid
                prop:value=value
                on:focus=move |_| ctx.cursor.set(Some(at))
                on:change=move |ev| commit(event_target_value(&ev))
                on:keydown=on_key
                on:paste=on_paste
            />
        }
        .into_any()
    } else {
        view! {
            <textarea
                id=id
                rows="1"
                class="kh-cell-input"
                maxlength=crate::model::limits::MAX_FIELD_CHARS
                aria-label=label
                aria-describedby=described
                aria-invalid=invalid
                prop:value=value
                on:focus=move |_| ctx.cursor.set(Some(at))
                on:input=move |ev| commit(event_target_value(&ev))
                on:keydown=on_key
                on:paste=on_paste
            ></textarea>
        }
        .into_any()
    }
}

/// Sets the cell at `at` to the typed text (read as `kind` reads it),
/// growing its row to that column if needed.
fn commit_cell(ed: Editor, ai: usize, at: Cursor, kind: ColumnKind) -> impl Fn(String) + Copy {
    let Cursor { g, r, c } = at;
    move |v: String| {
        ed.edit(
            &format!("cell {ai} {g} {r} {c}"),
            move |d: &mut Document| {
                let cell = edit::set_cell_text(d, kind, &v);
                if let Some(row) = d
                    .appendices
                    .get_mut(ai)
                    .and_then(|a| a.groups.get_mut(g))
                    .and_then(|gr| gr.rows.get_mut(r))
                {
                    if row.cells.len() <= c {
                        row.cells.resize(c + 1, Default::default());
                    }
                    row.cells[c] = cell;
                }
            },
        );
    }
}

/// Pasting several cells (tabs or lines in the text) fills the table from
/// the cell at `at`; one line without tabs is pasted as usual.
fn paste_in_cell(ed: Editor, ai: usize, at: Cursor) -> impl Fn(leptos::ev::ClipboardEvent) + Copy {
    let Cursor { g, r, c } = at;
    move |ev: leptos::ev::ClipboardEvent| {
        let Some(text) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
        else {
            return;
        };
        if !text.trim_end_matches(['\n', '\r']).contains(['\t', '\n']) {
            return;
        }
        ev.prevent_default();
        let mut said = None;
        // Refused whole when it would take the appendices past the row limit
        // (`Editor::edit_in` says so).
        let pasted = ed.try_edit_in(Scope::Group(ai, g), "!paste", |d| {
            said = Some(table::paste_rows(d, ai, g, r, c, &text).message())
        });
        if let (true, Some((vi, en))) = (pasted, said) {
            ed.say(false, vi, en);
        }
    }
}

/// Under an agency cell: the names typed in it that the directory does not
/// have, and the explicit choice to add them (nothing is added silently).
#[component]
fn Unlisted(g: usize, r: usize, c: usize, texts: Memo<RowTexts>) -> impl IntoView {
    let ed = editor();
    let ai = expect_context::<TableCtx>().ai;
    let names = move || texts.with(|t| t.0.get(c).map(|x| x.1.clone()).unwrap_or_default());
    let add = move |_| {
        let mut added = vec![];
        ed.edit("!agency-add", |d| {
            added = edit::add_unlisted(d, ai, g, r, c)
        });
        let list = added
            .iter()
            .map(|n| format!("«{n}»"))
            .collect::<Vec<_>>()
            .join(", ");
        ed.say(
            false,
            format!("Đã thêm {list} vào danh mục cơ quan."),
            format!("Added {list} to the agency directory."),
        );
    };
    move || {
        let names = names();
        (!names.is_empty()).then(|| {
            let list = names
                .iter()
                .map(|n| format!("«{n}»"))
                .collect::<Vec<_>>()
                .join(", ");
            let lang = ed.lang.get();
            let (note, button) = match lang {
                crate::Lang::Vi => (
                    format!("{list} chưa có trong danh mục cơ quan."),
                    format!("Thêm {list} vào danh mục"),
                ),
                crate::Lang::En => (
                    format!("{list} is not in the agency directory."),
                    format!("Add {list} to the directory"),
                ),
            };
            view! {
                <p class="kh-finding kh-warning kh-unlisted">
                    {note} " " <button type="button" class="kh-small" on:click=add>
                        {button}
                    </button>
                </p>
            }
        })
    }
}

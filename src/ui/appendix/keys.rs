//! Keyboard movement inside a table: Enter, arrows and the row shortcuts.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{focus_cell, Cursor, TableCtx};
use crate::model::table::RowOp;
use crate::model::{edit, Cell, Column, ColumnKind};
use crate::ui::state::{editor, Editor};

/// Keyboard movement inside a table.
pub(super) fn on_cell_key(
    ev: leptos::ev::KeyboardEvent,
    ai: usize,
    cur: Cursor,
    op: &Arc<dyn Fn(RowOp) + Send + Sync>,
) {
    let key = ev.key();
    if typed_ahead_of_focus(&ev, &key) || ev.is_composing() {
        return;
    }
    let ed = editor();
    let ctrl = ev.ctrl_key() || ev.meta_key();
    let (caret_start, caret_end, len) = caret(&ev);
    let editable = editable_columns();
    let go = |next: Option<Cursor>| {
        if let Some(n) = next {
            ev.prevent_default();
            focus_cell(ai, n);
        }
    };
    let row_move = |down: bool| cell_above_or_below(ed, ai, cur, down);
    let last = editable.last() == Some(&cur.c);
    let first = editable.first().copied().unwrap_or(cur.c);
    match key.as_str() {
        "Enter" if ctrl => {
            ev.prevent_default();
            op(RowOp::Insert);
        }
        "Enter" if !ev.shift_key() && !ev.alt_key() => {
            ev.prevent_default();
            enter(ai, cur, op, last, row_move(true));
        }
        "Tab"
            if !ev.shift_key()
                && !ctrl
                && !ev.alt_key()
                && tab(ai, cur, op, last, first, row_move(true)) =>
        {
            ev.prevent_default();
        }
        "ArrowDown" if ev.alt_key() => {
            ev.prevent_default();
            op(RowOp::Down);
        }
        "ArrowUp" if ev.alt_key() => {
            ev.prevent_default();
            op(RowOp::Up);
        }
        "ArrowDown" => go(row_move(true)),
        "ArrowUp" => go(row_move(false)),
        "ArrowLeft" if caret_start == Some(0) && caret_end == Some(0) => go(editable
            .iter()
            .rev()
            .find(|&&c| c < cur.c)
            .map(|&c| Cursor { c, ..cur })),
        "ArrowRight" if caret_start == Some(len) && caret_end == Some(len) => go(editable
            .iter()
            .find(|&&c| c > cur.c)
            .map(|&c| Cursor { c, ..cur })),
        "D" | "d" if ctrl && ev.shift_key() => {
            ev.prevent_default();
            op(RowOp::Duplicate);
        }
        "Delete" if ctrl && ev.shift_key() => {
            ev.prevent_default();
            op(RowOp::Delete);
        }
        _ => {}
    }
}

/// A letter typed before the frame that moves the focus (after Enter or an
/// arrow): the focus moves now (then true), and the letter goes to the new cell.
fn typed_ahead_of_focus(ev: &leptos::ev::KeyboardEvent, key: &str) -> bool {
    let typed = key.chars().count() == 1 || key == "Process" || ev.is_composing();
    typed
        && !ev.ctrl_key()
        && !ev.meta_key()
        && !ev.alt_key()
        && crate::ui::dom::focus_pending_now()
}

/// The caret of the cell's input or textarea: selection start and end, and
/// the length of its text (UTF-16, as the selection counts).
fn caret(ev: &leptos::ev::KeyboardEvent) -> (Option<u32>, Option<u32>, u32) {
    ev.target()
        .and_then(|t| {
            if let Some(i) = t.dyn_ref::<web_sys::HtmlInputElement>() {
                Some((
                    i.selection_start().ok().flatten(),
                    i.selection_end().ok().flatten(),
                    i.value().encode_utf16().count() as u32,
                ))
            } else {
                t.dyn_ref::<web_sys::HtmlTextAreaElement>().map(|i| {
                    (
                        i.selection_start().ok().flatten(),
                        i.selection_end().ok().flatten(),
                        i.value().encode_utf16().count() as u32,
                    )
                })
            }
        })
        .unwrap_or((None, None, 0))
}

/// The columns a cell can be typed in (not the numbering column).
fn editable_columns() -> Vec<usize> {
    ctx_columns()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind != ColumnKind::Index)
        .map(|(i, _)| i)
        .collect()
}

/// The cell in the row below (`down`) or above, same column, if there is one.
fn cell_above_or_below(ed: Editor, ai: usize, cur: Cursor, down: bool) -> Option<Cursor> {
    ed.doc.with_untracked(|d| {
        let a = d.appendices.get(ai)?;
        let (g, r) = if down {
            edit::next_row(a, cur.g, cur.r)?
        } else {
            edit::prev_row(a, cur.g, cur.r)?
        };
        Some(Cursor { g, r, c: cur.c })
    })
}

/// A row of a table: (table, group, row).
type RowAt = (usize, usize, usize);

thread_local! {
    /// Where a run of Tabs across a row began: (row, column).
    static TAB_START: std::cell::Cell<Option<(RowAt, usize)>> =
        const { std::cell::Cell::new(None) };
}

/// Enter: down in the same column; after Tabs across a row to its last
/// cell, to the column the Tabs started from (as a spreadsheet does). After
/// the last row, a new row. `below`: the row under the cursor.
fn enter(
    ai: usize,
    cur: Cursor,
    op: &Arc<dyn Fn(RowOp) + Send + Sync>,
    last: bool,
    below: Option<Cursor>,
) {
    let start = TAB_START.take().filter(|s| s.0 == (ai, cur.g, cur.r));
    let c = match start {
        Some((_, c)) if last => c,
        _ => cur.c,
    };
    match below {
        Some(n) => focus_cell(ai, Cursor { c, ..n }),
        None => insert_then(ai, op, c),
    }
}

/// Tab: remembers where a run of Tabs across a row began; at the row's last
/// cell, the next row's first cell, or a new row after the last one (a blank
/// last row lets Tab leave the table). True when it moved the focus itself.
fn tab(
    ai: usize,
    cur: Cursor,
    op: &Arc<dyn Fn(RowOp) + Send + Sync>,
    last: bool,
    first: usize,
    below: Option<Cursor>,
) -> bool {
    if TAB_START.get().is_none_or(|s| s.0 != (ai, cur.g, cur.r)) {
        TAB_START.set(Some(((ai, cur.g, cur.r), cur.c)));
    }
    if !last {
        return false;
    }
    match below {
        Some(n) => focus_cell(ai, Cursor { c: first, ..n }),
        None if !row_is_blank(ai, cur) => insert_then(ai, op, first),
        None => return false,
    }
    true
}

/// Insert a row below the cursor and put the focus in its column `c`.
fn insert_then(ai: usize, op: &Arc<dyn Fn(RowOp) + Send + Sync>, c: usize) {
    op(RowOp::Insert);
    if let Some(at) = expect_context::<TableCtx>().cursor.get_untracked() {
        focus_cell(ai, Cursor { c, ..at });
    }
}

/// Whether the row at the cursor has nothing typed in it.
fn row_is_blank(ai: usize, cur: Cursor) -> bool {
    editor().doc.with_untracked(|d| {
        d.appendices.get(ai).is_some_and(|a| {
            a.groups
                .get(cur.g)
                .and_then(|g| g.rows.get(cur.r))
                .is_some_and(|row| row.cells.iter().all(|c| *c == Cell::default()))
        })
    })
}

fn ctx_columns() -> Vec<Column> {
    expect_context::<TableCtx>().columns.get_untracked()
}

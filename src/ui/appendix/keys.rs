//! Keyboard movement inside a table: Enter, arrows and the row shortcuts.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{focus_cell, Cursor, TableCtx};
use crate::model::table::RowOp;
use crate::model::{edit, Column, ColumnKind};
use crate::ui::state::editor;

/// Keyboard movement inside a table.
pub(super) fn on_cell_key(
    ev: leptos::ev::KeyboardEvent,
    ai: usize,
    cur: Cursor,
    op: &Arc<dyn Fn(RowOp) + Send + Sync>,
) {
    let key = ev.key();
    // A letter typed before the frame that moves the focus (after Enter or an
    // arrow): move the focus now, and the letter goes to the new cell.
    let typed = key.chars().count() == 1 || key == "Process" || ev.is_composing();
    if typed
        && !ev.ctrl_key()
        && !ev.meta_key()
        && !ev.alt_key()
        && crate::ui::dom::focus_pending_now()
    {
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
        .unwrap_or((None, None, 0));
    let editable: Vec<usize> = ctx_columns()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind != ColumnKind::Index)
        .map(|(i, _)| i)
        .collect();
    let go = |next: Option<Cursor>| {
        if let Some(n) = next {
            ev.prevent_default();
            focus_cell(ai, n);
        }
    };
    let row_move = |down: bool| -> Option<Cursor> {
        ed.doc.with_untracked(|d| {
            let a = d.appendices.get(ai)?;
            let (g, r) = if down {
                edit::next_row(a, cur.g, cur.r)?
            } else {
                edit::prev_row(a, cur.g, cur.r)?
            };
            Some(Cursor { g, r, c: cur.c })
        })
    };
    match key.as_str() {
        "Enter" if ctrl => {
            ev.prevent_default();
            op(RowOp::Insert);
        }
        "Enter" if !ev.shift_key() && !ev.alt_key() => {
            ev.prevent_default();
            match row_move(true) {
                Some(n) => focus_cell(ai, n),
                None => op(RowOp::Insert),
            }
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

fn ctx_columns() -> Vec<Column> {
    expect_context::<TableCtx>().columns.get_untracked()
}

//! The appendix's column list: add, rename, change type, move, delete.

use std::sync::Arc;

use leptos::prelude::*;

use super::TableCtx;
use crate::model::{edit, Column, ColumnKind};
use crate::ui::field::{field_id, variant_named, Field};
use crate::ui::state::editor;

/// The column list of appendix `ai`, each column a row, and «+ Thêm cột».
#[component]
pub(super) fn ColumnsEditor(ai: usize) -> impl IntoView {
    let ed = editor();
    let ctx = expect_context::<TableCtx>();
    let add = move |_| {
        ed.edit("!column-add", |d| {
            if let Some(a) = d.appendices.get_mut(ai) {
                let col = Column {
                    id: edit::column_id(a),
                    title: "Cột mới".into(),
                    kind: ColumnKind::Text,
                    width: None,
                };
                let at = a.columns.len();
                edit::insert_column(a, at, col);
            }
        })
    };
    view! {
        <details class="kh-columns" on:keydown=close_on_escape>
            <summary>
                {move || {
                    ed.tr(
                        "Cột của bảng (thêm, đổi tên, đổi kiểu, xóa)",
                        "Table columns (add, rename, change type, delete)",
                    )
                }}
            </summary>
            <ul>
                {move || {
                    ctx.columns
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(ci, col)| view! { <ColumnRow ai ci kind=col.kind /> })
                        .collect_view()
                }}
            </ul>
            <button type="button" class="kh-small" on:click=add>
                {move || ed.tr("+ Thêm cột", "+ Add column")}
            </button>
        </details>
    }
}

/// Column `ci` of appendix `ai`, changed by `f` if it exists.
fn edit_column(d: &mut crate::model::Document, ai: usize, ci: usize, f: impl FnOnce(&mut Column)) {
    if let Some(c) = d.appendices.get_mut(ai).and_then(|a| a.columns.get_mut(ci)) {
        f(c);
    }
}

/// One column: its title, its type, «→» (move right) and «Xóa cột».
#[component]
fn ColumnRow(ai: usize, ci: usize, kind: ColumnKind) -> impl IntoView {
    let ed = editor();
    let base = format!("appendices[{ai}].columns[{ci}]");
    view! {
        <li class="kh-column-row">
            <Field
                label=move || { format!("{} {}", ed.tr("Tên cột", "Column title"), ci + 1) }
                path=format!("{base}.title")
                get=Arc::new(move |d| {
                    d.appendices
                        .get(ai)
                        .and_then(|a| a.columns.get(ci))
                        .map(|c| c.title.clone())
                        .unwrap_or_default()
                })
                set=Arc::new(move |d, v| edit_column(d, ai, ci, |c| c.title = v))
            />
            <ColumnKindSelect ai ci kind kind_id=format!("{}-kind", field_id(&base)) />
            <button
                type="button"
                class="kh-small"
                aria-label=move || {
                    format!(
                        "{} {}",
                        ed.tr("Chuyển cột sang phải:", "Move column right:"),
                        ci + 1,
                    )
                }
                on:click=move |_| {
                    ed.edit(
                        "!column-move",
                        move |d| {
                            if let Some(a) = d.appendices.get_mut(ai) {
                                edit::swap_columns(a, ci);
                            }
                        },
                    )
                }
            >
                "→"
            </button>
            <button
                type="button"
                class="kh-small kh-danger"
                on:click=move |_| {
                    ed.edit(
                        "!column-remove",
                        move |d| {
                            if let Some(a) = d.appendices.get_mut(ai) {
                                edit::remove_column(a, ci);
                            }
                        },
                    )
                }
            >
                {move || ed.tr("Xóa cột", "Delete column")}
            </button>
        </li>
    }
}

/// The type of column `ci` (text, number, date…), chosen from a list.
#[component]
fn ColumnKindSelect(ai: usize, ci: usize, kind: ColumnKind, kind_id: String) -> impl IntoView {
    let ed = editor();
    view! {
        <div class="kh-field">
            <label for=kind_id.clone()>{move || ed.tr("Kiểu", "Type")}</label>
            <select
                id=kind_id
                prop:value=format!("{kind:?}")
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(k) = variant_named(ColumnKind::ALL, &v) {
                        ed.edit("!column-kind", move |d| edit_column(d, ai, ci, |c| c.kind = k));
                    }
                }
            >
                {ColumnKind::ALL
                    .map(|k| {
                        view! {
                            <option value=format!("{k:?}")>{move || k.label(ed.lang.get())}</option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Esc in the open columns box closes it, the focus back on its summary.
fn close_on_escape(ev: leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    if ev.key() != "Escape" || ev.default_prevented() {
        return;
    }
    let Some(details) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("details.kh-columns").ok().flatten())
        .filter(|d| d.has_attribute("open"))
    else {
        return;
    };
    ev.prevent_default();
    let _ = details.remove_attribute("open");
    if let Some(summary) = details
        .query_selector("summary")
        .ok()
        .flatten()
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = summary.focus();
    }
}

//! The agency directory: every agency the document names, by id, so that a
//! rename here reaches every place that uses it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::{edit, Agency, AgencyLevel};
use crate::ui::field::{field_id, variant_named, Field};
use crate::ui::state::{editor, t, Editor};

#[component]
pub fn AgenciesEditor() -> impl IntoView {
    let ed = editor();
    let count = Memo::new(move |_| ed.doc.with(|d| d.agencies.len()));
    view! {
        <section class="kh-section" id="kh-sec-agencies" aria-labelledby="kh-ag-h">
            <h2 id="kh-ag-h">{move || ed.tr("Danh mục cơ quan", "Agency directory")}</h2>
            <p class="kh-hint">
                {move || {
                    ed.tr(
                        "Đổi tên một cơ quan ở đây là đổi ở mọi nơi trong văn bản.",
                        "Renaming an agency here renames it everywhere in the document.",
                    )
                }}
            </p>
            <table class="kh-table kh-directory">
                <thead>
                    <tr>
                        <th scope="col">{move || ed.tr("Tên đầy đủ", "Full name")}</th>
                        <th scope="col">{move || ed.tr("Tên viết tắt", "Short name")}</th>
                        <th scope="col">{move || ed.tr("Cấp", "Level")}</th>
                        <th scope="col">{move || ed.tr("Thao tác", "Actions")}</th>
                    </tr>
                </thead>
                <tbody>{move || (0..count.get()).map(|i| agency_row(ed, i)).collect_view()}</tbody>
            </table>
            <NewAgency />
        </section>
    }
}

/// Row `i` of the directory: names, level and the delete button.
fn agency_row(ed: Editor, i: usize) -> impl IntoView {
    let base = format!("agencies[{i}]");
    view! {
        <tr id=field_id(&base)>
            <td>
                <Field
                    label=move || format!("{} {}", ed.tr("Tên cơ quan", "Agency name"), i + 1)
                    class="kh-compact"
                    path=format!("{base}.name")
                    get=Arc::new(move |d| {
                        d.agencies.get(i).map(|a| a.name.clone()).unwrap_or_default()
                    })
                    set=Arc::new(move |d, v| {
                        if let Some(a) = d.agencies.get_mut(i) {
                            a.name = v;
                        }
                    })
                />
            </td>
            <td>
                <Field
                    label=t("Viết tắt", "Short")
                    class="kh-compact"
                    path=format!("{base}.short_name")
                    get=Arc::new(move |d| {
                        d.agencies.get(i).and_then(|a| a.short_name.clone()).unwrap_or_default()
                    })
                    set=Arc::new(move |d, v| {
                        if let Some(a) = d.agencies.get_mut(i) {
                            a.short_name = (!v.is_empty()).then_some(v);
                        }
                    })
                />
            </td>
            <td>{level_select(ed, i, format!("{}-level", field_id(&base)))}</td>
            <td>
                <button
                    type="button"
                    class="kh-small kh-danger"
                    on:click=move |_| remove_agency(ed, i)
                >
                    {move || ed.tr("Xóa", "Delete")}
                </button>
            </td>
        </tr>
    }
}

/// The level of agency `i`, with its (visually hidden) label.
fn level_select(ed: Editor, i: usize, level_id: String) -> impl IntoView {
    view! {
        <label class="kh-visually-hidden" for=level_id.clone()>
            {move || ed.tr("Cấp", "Level")}
        </label>
        <select
            id=level_id
            prop:value=move || {
                ed.doc
                    .with(|d| {
                        d.agencies.get(i).map(|a| format!("{:?}", a.level)).unwrap_or_default()
                    })
            }
            on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(l) = variant_named(AgencyLevel::ALL, &v) {
                    ed.edit(
                        "!agency-level",
                        move |d| {
                            if let Some(a) = d.agencies.get_mut(i) {
                                a.level = l;
                            }
                        },
                    );
                }
            }
        >
            {AgencyLevel::ALL
                .map(|l| {
                    view! {
                        <option value=format!("{l:?}")>{move || l.label(ed.lang.get())}</option>
                    }
                })
                .collect_view()}
        </select>
    }
}

/// Deletes agency `i`; the places that still name it are left for the rules
/// to flag, and the message says how to get it back.
fn remove_agency(ed: Editor, i: usize) {
    let name = ed.doc.with_untracked(|d| {
        d.agencies
            .get(i)
            .map(|a| a.name.clone())
            .unwrap_or_default()
    });
    ed.edit("!agency-remove", move |d| {
        if i < d.agencies.len() {
            d.agencies.remove(i);
        }
    });
    ed.say(
        false,
        format!(
            "Đã xóa «{name}» khỏi danh mục (các chỗ còn dùng sẽ được báo lỗi). Ctrl+Z để hoàn tác.",
        ),
        format!("Removed «{name}» (places still using it are flagged). Ctrl+Z to undo."),
    );
}

/// The name box and button that add an agency (Enter adds too).
#[component]
fn NewAgency() -> impl IntoView {
    let ed = editor();
    let new_name = RwSignal::new(String::new());
    let add = move || {
        let name = new_name.get_untracked();
        if name.trim().is_empty() {
            return;
        }
        ed.edit("!agency-add", move |d| {
            let id = edit::agency_id(d, &name);
            d.agencies.push(Agency {
                id,
                name: name.trim().to_string(),
                short_name: None,
                level: AgencyLevel::Other,
            });
        });
        new_name.set(String::new());
    };
    view! {
        <div class="kh-row">
            <label for="kh-new-agency">{move || ed.tr("Cơ quan mới", "New agency")}</label>
            <input
                id="kh-new-agency"
                type="text"
                maxlength=crate::model::limits::MAX_FIELD_CHARS
                prop:value=move || new_name.get()
                on:input=move |ev| new_name.set(event_target_value(&ev))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" && !ev.is_composing() {
                        ev.prevent_default();
                        add()
                    }
                }
            />
            <button type="button" on:click=move |_| add()>
                {move || ed.tr("+ Thêm cơ quan", "+ Add agency")}
            </button>
        </div>
    }
}

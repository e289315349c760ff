//! The agency directory: every agency the document names, by id, so that a
//! rename here reaches every place that uses it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::agency_refs::{agency_uses, remove_unused_agency, replace_agency, AgencyUse};
use crate::model::{edit, AgencyLevel};
use crate::ui::field::{field_id, variant_named, Field};
use crate::ui::state::{editor, t, Editor};

#[component]
pub fn AgenciesEditor() -> impl IntoView {
    let ed = editor();
    let count = Memo::new(move |_| ed.doc.with(|d| d.agencies.len()));
    let blocked = RwSignal::new(None::<Blocked>);
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
                <tbody>
                    {move || (0..count.get()).map(|i| agency_row(ed, i, blocked)).collect_view()}
                </tbody>
            </table>
            <Replace blocked />
            <NewAgency />
        </section>
    }
}

/// Row `i` of the directory: names, level and the delete button.
fn agency_row(ed: Editor, i: usize, blocked: RwSignal<Option<Blocked>>) -> impl IntoView {
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
                    on:click=move |_| remove_agency(ed, i, blocked)
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

/// Deletes agency `i` when nothing names it. An agency in use is not
/// deleted: the message says where it is used, and `Replace` offers to put
/// another agency in its place everywhere first.
fn remove_agency(ed: Editor, i: usize, blocked: RwSignal<Option<Blocked>>) {
    let Some((id, name, uses)) = ed.doc.with_untracked(|d| {
        let a = d.agencies.get(i)?;
        Some((a.id.clone(), a.name.clone(), agency_uses(d, &a.id)))
    }) else {
        return;
    };
    if !uses.is_empty() {
        let lang_list =
            |pick: fn(&AgencyUse) -> &str| uses.iter().map(pick).collect::<Vec<_>>().join("; ");
        ed.say(
            false,
            format!("Không xóa «{name}»: cơ quan này đang được dùng ở {}. Hãy thay bằng cơ quan khác trước.", lang_list(|u| &u.vi)),
            format!("«{name}» was not deleted: it is used in {}. Replace it with another agency first.", lang_list(|u| &u.en)),
        );
        blocked.set(Some(Blocked { id, name }));
        ed.focus_later("kh-replace-with".into());
        return;
    }
    ed.edit("!agency-remove", move |d| {
        let _ = remove_unused_agency(d, &id);
    });
    blocked.set(None);
    ed.say(
        false,
        format!("Đã xóa «{name}» khỏi danh mục. Ctrl+Z để hoàn tác."),
        format!("Removed «{name}» from the directory. Ctrl+Z to undo."),
    );
}

/// An agency whose delete was refused because it is in use.
#[derive(Clone, Debug, PartialEq)]
struct Blocked {
    id: String,
    name: String,
}

/// After a refused delete: choose the agency to put in its place everywhere,
/// then the old one is removed.
#[component]
fn Replace(blocked: RwSignal<Option<Blocked>>) -> impl IntoView {
    let ed = editor();
    let with = RwSignal::new(String::new());
    let replace = move |_| {
        let Some(b) = blocked.get_untracked() else {
            return;
        };
        // Until another is chosen, the select shows (and means) the first.
        let to = Some(with.get_untracked())
            .filter(|w| !w.is_empty())
            .or_else(|| {
                ed.doc.with_untracked(|d| {
                    d.agencies
                        .iter()
                        .find(|a| a.id != b.id)
                        .map(|a| a.id.clone())
                })
            });
        let Some(to) = to.filter(|t| *t != b.id) else {
            return;
        };
        let to_name = ed
            .doc
            .with_untracked(|d| d.agency(&to).map(|a| a.name.clone()).unwrap_or_default());
        ed.edit("!agency-replace", move |d| {
            replace_agency(d, &b.id, &to);
            let _ = remove_unused_agency(d, &b.id);
        });
        ed.say(
            false,
            format!(
                "Đã thay «{}» bằng «{to_name}» ở mọi nơi và xóa «{0}». Ctrl+Z để hoàn tác.",
                b.name
            ),
            format!(
                "Replaced «{}» with «{to_name}» everywhere and removed «{0}». Ctrl+Z to undo.",
                b.name
            ),
        );
        blocked.set(None);
    };
    move || {
        blocked.get().map(|b| {
            let others = ed.doc.with(|d| {
                d.agencies
                    .iter()
                    .filter(|a| a.id != b.id)
                    .map(|a| (a.id.clone(), a.name.clone()))
                    .collect::<Vec<_>>()
            });
            let label = match ed.lang.get() {
                crate::Lang::Vi => format!("Thay «{}» ở mọi nơi bằng", b.name),
                crate::Lang::En => format!("Replace «{}» everywhere with", b.name),
            };
            view! {
                <div class="kh-row kh-replace-agency">
                    <label for="kh-replace-with">{label}</label>
                    <select
                        id="kh-replace-with"
                        on:change=move |ev| with.set(event_target_value(&ev))
                    >
                        {others
                            .into_iter()
                            .map(|(id, name)| view! { <option value=id>{name}</option> })
                            .collect_view()}
                    </select>
                    <button type="button" on:click=replace>
                        {move || ed.tr("Thay và xóa", "Replace and delete")}
                    </button>
                    <button type="button" on:click=move |_| blocked.set(None)>
                        {move || ed.tr("Thôi", "Cancel")}
                    </button>
                </div>
            }
        })
    }
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
            edit::add_agency(d, &name);
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

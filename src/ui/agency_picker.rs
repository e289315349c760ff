//! Choose agencies from the directory: chips for the chosen ones, an input that
//! filters the directory as you type (datalist) and adds a new agency inline.

use std::sync::Arc;

use leptos::prelude::*;

use super::field::{field_id, findings_at, InlineFindings};
use super::state::editor;
use crate::model::{edit, Document};

pub type IdsGetter = Arc<dyn Fn(&Document) -> Vec<String> + Send + Sync>;
pub type IdsSetter = Arc<dyn Fn(&mut Document, Vec<String>) + Send + Sync>;

/// The one datalist of agency names every picker uses.
#[component]
pub fn AgencyDatalist() -> impl IntoView {
    let ed = editor();
    let names = Memo::new(move |_| {
        ed.doc.with(|d| {
            d.agencies
                .iter()
                .map(|a| a.name.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <datalist id="kh-agency-list">
            {move || {
                names.get().into_iter().map(|n| view! { <option value=n></option> }).collect_view()
            }}
        </datalist>
    }
}

#[component]
pub fn AgencyPicker(
    #[prop(into)] label: TextProp,
    #[prop(into)] path: String,
    get: IdsGetter,
    set: IdsSetter,
) -> impl IntoView {
    let ed = editor();
    let id = field_id(&path);
    let findings = findings_at(vec![path.clone()]);
    let chosen = {
        let get = get.clone();
        Memo::new(move |_| {
            ed.doc.with(|d| {
                get(d)
                    .into_iter()
                    .map(|id| {
                        (
                            id.clone(),
                            d.agency(&id).map(|a| a.name.clone()).unwrap_or(id),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let draft = RwSignal::new(String::new());
    let add = {
        let (get, set, key) = (get.clone(), set.clone(), path.clone());
        move || {
            let typed = draft.get_untracked();
            if typed.trim().is_empty() {
                return;
            }
            let (get, set) = (get.clone(), set.clone());
            ed.edit(&format!("!{key}"), move |d| {
                let mut ids = get(d);
                for new in edit::agency_ids_for(d, &typed) {
                    if !ids.contains(&new) {
                        ids.push(new);
                    }
                }
                set(d, ids);
            });
            draft.set(String::new());
        }
    };
    let add_on_key = add.clone();
    let remove = move |which: String| {
        let (get, set) = (get.clone(), set.clone());
        ed.edit("!agency-remove", move |d| {
            let ids = get(d).into_iter().filter(|i| *i != which).collect();
            set(d, ids);
        });
    };
    let described = move || {
        findings
            .with(|f| !f.is_empty())
            .then(|| format!("{}-msg", field_id(&path)))
    };
    let invalid = move || {
        findings
            .with(|f| {
                f.iter()
                    .any(|f| f.severity == crate::rules::Severity::Error)
            })
            .then_some("true")
    };
    view! {
        <div class="kh-field kh-agency-picker">
            <label for=id.clone()>{move || label.get()}</label>
            <ul class="kh-chips" aria-label=move || ed.tr("Đã chọn", "Chosen")>
                {move || {
                    chosen
                        .get()
                        .into_iter()
                        .map(|(aid, name)| {
                            let remove = remove.clone();
                            let remove_label = format!("{} {name}", ed.tr("Bỏ", "Remove"));
                            view! {
                                <li class="kh-chip">
                                    {name.clone()}
                                    <button
                                        type="button"
                                        class="kh-chip-x"
                                        aria-label=remove_label
                                        on:click=move |_| remove(aid.clone())
                                    >
                                        "×"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <div class="kh-row">
                <input
                    id=id.clone()
                    type="text"
                    maxlength=crate::model::limits::MAX_FIELD_CHARS
                    list="kh-agency-list"
                    autocomplete="off"
                    placeholder=move || {
                        ed.tr("Gõ để lọc, Enter để thêm", "Type to filter, Enter to add")
                    }
                    aria-invalid=invalid
                    aria-describedby=described
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Enter" && !ev.is_composing() {
                            ev.prevent_default();
                            add_on_key();
                        }
                    }
                />
                <button type="button" class="kh-small" on:click=move |_| add()>
                    {move || ed.tr("Thêm", "Add")}
                </button>
            </div>
            <InlineFindings findings=findings id=format!("{id}-msg") />
        </div>
    }
}

//! Choose agencies from the directory: chips for the chosen ones, an input that
//! lists the directory's matches as you type; a new agency only on request.

use std::sync::Arc;

use leptos::prelude::*;

use super::field::{field_id, has_error, InlineFindings};
use super::findings::findings_at;
use super::state::{editor, Editor};
use crate::model::agency_names::{matching_agencies, same_name};
use crate::model::{edit, Document};
use crate::Lang;

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

/// The agencies a typed text may mean (the core's `matching_agencies`), at
/// most this many listed.
const MAX_SUGGESTIONS: usize = 8;

/// Agencies of a task field or duty block: chips for the chosen ones and an
/// input that lists the directory's matches as you type. Enter chooses the
/// best match; a new agency is made only by the explicit «Thêm «…» vào danh
/// mục» choice. With `single` (the lead) a choice replaces the one before.
#[component]
pub fn AgencyPicker(
    #[prop(into)] label: TextProp,
    #[prop(into)] path: String,
    get: IdsGetter,
    set: IdsSetter,
    #[prop(optional)] single: bool,
) -> impl IntoView {
    let ed = editor();
    let id = field_id(&path);
    let findings = findings_at(vec![path.clone()]);
    let draft = RwSignal::new(String::new());
    // Esc closes the list of matches; typing opens it again (what was typed stays).
    let closed = RwSignal::new(false);
    let matches = agency_matches(ed, draft);
    let choose = choose_agency(ed, draft, get.clone(), set.clone(), path.clone(), single);
    let on_key = picker_keys(ed, draft, closed, matches, choose.clone());
    let described = move || {
        findings
            .with(|f| !f.is_empty())
            .then(|| format!("{}-msg", field_id(&path)))
    };
    let invalid = has_error(findings);
    let list_id = format!("{id}-choices");
    view! {
        <div class="kh-field kh-agency-picker">
            <label for=id.clone()>{move || label.get()}</label>
            <Chips get set />
            <input
                id=id.clone()
                type="text"
                maxlength=crate::model::limits::MAX_FIELD_CHARS
                autocomplete="off"
                aria-controls=list_id.clone()
                placeholder=move || picker_placeholder(ed, single)
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || draft.get()
                on:input=move |ev| {
                    closed.set(false);
                    draft.set(event_target_value(&ev))
                }
                on:keydown=on_key
            />
            <Suggestions id=list_id draft closed matches choose />
            <InlineFindings findings=findings id=format!("{id}-msg") />
        </div>
    }
}

/// The picker's placeholder: a lead (`single`) is chosen, others are added.
fn picker_placeholder(ed: Editor, single: bool) -> &'static str {
    if single {
        ed.tr(
            "Gõ tên hoặc tên viết tắt, Enter để chọn",
            "Type a name or short name, Enter to choose",
        )
    } else {
        ed.tr(
            "Gõ tên hoặc tên viết tắt, Enter để chọn thêm",
            "Type a name or short name, Enter to add it",
        )
    }
}

/// The directory's matches for the typed text (id, name), and whether it is
/// a name the directory already has (then no «Thêm …» choice).
fn agency_matches(ed: Editor, draft: RwSignal<String>) -> Memo<(Vec<(String, String)>, bool)> {
    let follow = super::follow::Follow::here();
    Memo::new(move |_| {
        let q = draft.get();
        follow.track_directory(ed);
        ed.doc.with_untracked(|d| {
            let found = matching_agencies(&d.agencies, &q)
                .into_iter()
                .take(MAX_SUGGESTIONS)
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect::<Vec<_>>();
            (found, same_name(&d.agencies, &q).is_some())
        })
    })
}

/// Choosing in the picker at `key`: adds the agency (the typed name made a
/// new one when `None`), or replaces the one before when `single`; the typed
/// text is cleared.
fn choose_agency(
    ed: Editor,
    draft: RwSignal<String>,
    get: IdsGetter,
    set: IdsSetter,
    key: String,
    single: bool,
) -> Choose {
    Arc::new(move |which: Option<String>| {
        let typed = draft.get_untracked();
        let (get, set) = (get.clone(), set.clone());
        ed.edit(&format!("!{key}"), move |d| {
            let new = which.unwrap_or_else(|| edit::add_agency(d, &typed));
            let mut ids = if single { vec![] } else { get(d) };
            if !ids.contains(&new) {
                ids.push(new);
            }
            set(d, ids);
        });
        draft.set(String::new());
    })
}

/// The picker's keys: Enter chooses the best match, Esc closes the list of
/// matches while it shows (otherwise Esc is left alone).
fn picker_keys(
    ed: Editor,
    draft: RwSignal<String>,
    closed: RwSignal<bool>,
    matches: Memo<(Vec<(String, String)>, bool)>,
    choose: Choose,
) -> impl Fn(leptos::ev::KeyboardEvent) + Clone + 'static {
    move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" if !ev.is_composing() => {
            ev.prevent_default();
            let best = matches.with_untracked(|(m, _)| m.first().map(|(id, _)| id.clone()));
            choose_typed(ed, draft, best, &choose);
        }
        "Escape" if !closed.get_untracked() && draft.with_untracked(|d| !d.trim().is_empty()) => {
            ev.prevent_default();
            closed.set(true);
        }
        _ => {}
    }
}

/// What choosing does: an agency of the directory (`Some(id)`), or the typed
/// name added to the directory (`None`).
type Choose = Arc<dyn Fn(Option<String>) + Send + Sync>;

/// Enter in the picker: the best match, or — when the directory has nothing
/// like the typed text — a message; the text stays for the person to fix or
/// add explicitly.
fn choose_typed(ed: Editor, draft: RwSignal<String>, best: Option<String>, choose: &Choose) {
    let typed = draft.get_untracked();
    let typed = typed.trim();
    if typed.is_empty() {
        return;
    }
    match best {
        Some(best) => choose(Some(best)),
        None => ed.say(
            false,
            format!("«{typed}» chưa có trong danh mục cơ quan: chọn «Thêm «{typed}» vào danh mục» nếu đúng là cơ quan mới."),
            format!("«{typed}» is not in the agency directory: choose «Add «{typed}» to the directory» if it is a new agency."),
        ),
    }
}

/// The chosen agencies, each with its remove button.
#[component]
fn Chips(get: IdsGetter, set: IdsSetter) -> impl IntoView {
    let ed = editor();
    let chosen = {
        let get = get.clone();
        let follow = super::follow::Follow::here();
        Memo::new(move |_| {
            follow.track_value(ed);
            follow.track_directory(ed);
            ed.doc.with_untracked(|d| {
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
    let remove = move |which: String| {
        let (get, set) = (get.clone(), set.clone());
        ed.edit("!agency-remove", move |d| {
            let ids = get(d).into_iter().filter(|i| *i != which).collect();
            set(d, ids);
        });
    };
    view! {
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
    }
}

/// The directory's matches for the typed text, then «Thêm «…» vào danh mục»
/// unless the directory has that name.
#[component]
fn Suggestions(
    id: String,
    draft: RwSignal<String>,
    closed: RwSignal<bool>,
    matches: Memo<(Vec<(String, String)>, bool)>,
    choose: Choose,
) -> impl IntoView {
    let ed = editor();
    view! {
        <ul
            class="kh-suggest"
            id=id
            hidden=move || closed.get() || draft.with(|d| d.trim().is_empty())
        >
            {move || {
                let (found, known) = matches.get();
                let typed = draft.get().trim().to_string();
                let pick = choose.clone();
                let add = choose.clone();
                let items = found
                    .into_iter()
                    .map(move |(aid, name)| {
                        let pick = pick.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="kh-small"
                                    on:click=move |_| pick(Some(aid.clone()))
                                >
                                    {name}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                let new_one = (!known && !typed.is_empty())
                    .then(|| {
                        let text = move || match ed.lang.get() {
                            Lang::Vi => format!("Thêm «{typed}» vào danh mục"),
                            Lang::En => format!("Add «{typed}» to the directory"),
                        };
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="kh-small kh-add-agency"
                                    on:click=move |_| add(None)
                                >
                                    {text}
                                </button>
                            </li>
                        }
                    });
                view! {
                    {items}
                    {new_one}
                }
            }}
        </ul>
    }
}

//! Template gallery: the first screen when there is no draft. Choosing a template
//! asks only for the facts that change (unit name and level, resolution, parent
//! plan, signer) and starts a new draft with them filled in everywhere.

use leptos::prelude::*;

use super::drafts::Drafts;
use super::later::{later, split_point};
use super::state::editor;
use crate::model::Document;
use crate::templates::{self, FactKind, Facts, Template};
use crate::Lang;

/// Templates on offer: built in, supplied by a portal, saved by the person.
/// Only their texts are kept here: reading and filling templates is code of the
/// gallery's own module, loaded when the gallery first opens (later.rs).
#[derive(Clone, Copy)]
pub struct Gallery {
    pub open: RwSignal<bool>,
    /// A template whose start form shows first (a portal's `template` option).
    pub chosen: RwSignal<Option<Template>>,
    /// The id of the template to open first, until the gallery has read it.
    pub wanted: StoredValue<Option<String>>,
    /// Templates from the portal, as given (JSON texts).
    pub extra: StoredValue<Vec<String>>,
}

const PERSONAL_KEY: &str = "templates";

impl Gallery {
    pub fn new(open: bool, extra: Vec<String>) -> Self {
        Gallery {
            open: RwSignal::new(open),
            chosen: RwSignal::new(None),
            wanted: StoredValue::new(None),
            extra: StoredValue::new(extra),
        }
    }

    /// Open the start form of template `id` first (when it exists).
    pub fn preselect(&self, id: Option<String>) {
        if id.is_some() {
            self.wanted.set_value(id);
            self.open.set(true);
        }
    }

    /// Every template on offer, and a message for each portal template that
    /// cannot be read.
    fn all(&self, drafts: &Drafts) -> (Vec<Template>, Vec<(String, String)>) {
        let mut all = templates::builtin_cards();
        let mut errors = Vec::new();
        for (i, text) in self.extra.get_value().iter().enumerate() {
            match templates::parse_template(text) {
                Ok(t) => all.push(t),
                Err(e) => errors.push((
                    format!(
                        "Mẫu thứ {} của cổng thông tin không đọc được: {}",
                        i + 1,
                        e.message_vi
                    ),
                    format!("Portal template {} cannot be read: {}", i + 1, e.message_en),
                )),
            }
        }
        all.extend(personal(drafts));
        (all, errors)
    }
}

/// The person's own templates, as stored (unreadable ones are skipped).
fn personal(drafts: &Drafts) -> Vec<Template> {
    drafts
        .store
        .with_value(|s| s.get(PERSONAL_KEY))
        .and_then(|t| templates::parse_template_list(&t).ok())
        .unwrap_or_default()
}

split_point!(
    gallery,
    pub fn save_personal(name: String, doc: Document, drafts: Drafts) -> Result<(), String> {
        let id = format!("rieng_{}", crate::model::edit::slug(&name));
        let t = templates::template_from_document(&doc, &id, &name);
        let mut list = personal(&drafts);
        list.retain(|x| x.id != t.id);
        list.push(t);
        let json = format!(
            "[{}]",
            list.iter()
                .map(templates::to_template_json)
                .collect::<Vec<_>>()
                .join(",")
        );
        drafts.store.with_value(|s| s.set(PERSONAL_KEY, &json))
    }
);

// The built-in templates' documents are most of the gallery's weight and only
// needed once a plan is started, so they load then, as a part of their own.
split_point!(
    template_documents,
    pub fn builtin_template(id: String) -> Option<Template> {
        templates::find_builtin(&id)
    }
);

/// The line under a fact's label: the form the value takes and the
/// template's own example of it (a long one cut after a whole word, "…"; a
/// signer or a level is chosen from a list and needs none).
fn fact_hint(kind: FactKind, example: &str, lang: Lang) -> String {
    let example = shortened(example.trim(), 80);
    let example = (!example.is_empty()).then_some(example.as_str());
    let year_only = example.is_some_and(|x| x.len() == 4 && x.bytes().all(|b| b.is_ascii_digit()));
    let form = match (kind, lang) {
        (FactKind::Level | FactKind::Signer, _) => return String::new(),
        (FactKind::Date, Lang::Vi) if year_only => {
            "ngày/tháng/năm, hoặc chỉ ghi năm khi còn là dự thảo"
        }
        (FactKind::Date, Lang::En) if year_only => "day/month/year, or only the year while a draft",
        (FactKind::Date, Lang::Vi) => "ngày/tháng/năm",
        (FactKind::Date, Lang::En) => "day/month/year",
        (FactKind::Deadlines, Lang::Vi) => "hạn báo cáo 6 tháng, 9 tháng, năm",
        (FactKind::Deadlines, Lang::En) => "6-month, 9-month and annual report deadlines",
        (FactKind::Number, Lang::Vi) => "chỉ gồm chữ số",
        (FactKind::Number, Lang::En) => "digits only",
        _ => "",
    };
    let eg = lang.pick("ví dụ", "e.g.");
    match (form.is_empty(), example) {
        (true, None) => String::new(),
        (true, Some(x)) => format!("{}: {x}", crate::text::capitalise(eg)),
        (false, None) => crate::text::capitalise(form),
        (false, Some(x)) => crate::text::capitalise(&format!("{form}, {eg}: {x}")),
    }
}

/// `text` if it has at most `max` characters, else its words that fit, then "…".
fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    format!("{}…", out.trim_end_matches([',', ';', ':']))
}

#[component]
pub fn GalleryScreen() -> impl IntoView {
    let ed = editor();
    let gallery = expect_context::<Gallery>();
    let drafts = expect_context::<Drafts>();
    let chosen = gallery.chosen;
    let (all, unreadable) = gallery.all(&drafts);
    if let Some(id) = gallery.wanted.get_value() {
        gallery.wanted.set_value(None);
        chosen.set(all.iter().find(|t| t.id == id).cloned());
    }
    // Plain shared values, not StoredValues: choosing a template closes the
    // gallery (disposing this component's owner) and then clears `chosen`,
    // which may redraw the list once more before it goes away.
    let all = std::sync::Arc::new(all);
    let unreadable = std::sync::Arc::new(unreadable);
    // The document a fresh start opens: the gallery offers a way back to
    // anything else.
    // (A closure, not a memo: the list may redraw once more after the
    // gallery's owner is gone, see above.)
    let fresh = || super::setup::blank(&use_context::<super::AppOptions>().unwrap_or_default());
    let blank = move |_| {
        let doc = fresh();
        // Nothing is stored until the person types: a reload shows the gallery again.
        drafts.open_unsaved(&ed, super::drafts::BLANK_DRAFT.0.into(), doc);
        gallery.open.set(false);
        super::dom::focus_first_when_drawn(ed.root, super::dom::FIRST_FIELD);
    };
    view! {
        <section class="kh-section kh-gallery" aria-labelledby="kh-gallery-h">
            <h2 id="kh-gallery-h">
                {move || ed.tr("Bắt đầu từ một mẫu", "Start from a template")}
            </h2>
            <Show
                when=move || chosen.get().is_none()
                fallback=move || {
                    view! {
                        <StartForm
                            template=chosen
                                .get()
                                .unwrap_or_else(|| templates::builtin_cards().remove(0))
                            chosen=chosen
                        />
                    }
                }
            >
                {
                    let unreadable = unreadable.clone();
                    move || {
                        unreadable
                            .iter()
                            .cloned()
                            .map(|(vi, en)| {
                                view! {
                                    <p class="kh-finding kh-error">
                                        {move || {
                                            if ed.lang.get() == Lang::Vi {
                                                vi.clone()
                                            } else {
                                                en.clone()
                                            }
                                        }}
                                    </p>
                                }
                            })
                            .collect_view()
                    }
                }
                <ul class="kh-cards">
                    {
                        let all = all.clone();
                        move || {
                            all.iter()
                                .map(|t| {
                                    let t2 = t.clone();
                                    let name = t.name(ed.lang.get()).to_string();
                                    let desc = t.description(ed.lang.get()).to_string();
                                    let personal = t.id.starts_with("rieng_");
                                    view! {
                                        <li class="kh-card">
                                            <h3>{name.clone()}</h3>
                                            <p>{desc}</p>
                                            {personal
                                                .then(|| {
                                                    view! {
                                                        <p class="kh-hint">
                                                            {move || ed.tr("Mẫu của bạn", "Your template")}
                                                        </p>
                                                    }
                                                })}
                                            <button
                                                type="button"
                                                id=format!("kh-use-{}", t.id)
                                                aria-label=format!(
                                                    "{} {name}",
                                                    ed.tr("Dùng mẫu này:", "Use this template:"),
                                                )
                                                on:click=move |_| chosen.set(Some(t2.clone()))
                                            >
                                                {move || ed.tr("Dùng mẫu này", "Use this template")}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }
                    }
                </ul>
                <div class="kh-row">
                    <button type="button" on:click=blank>
                        {move || {
                            ed.tr(
                                "Văn bản trống (không dùng mẫu)",
                                "Empty document (no template)",
                            )
                        }}
                    </button>
                    <Show when=move || ed.doc.with(|d| *d != fresh())>
                        <button
                            type="button"
                            on:click=move |_| {
                                gallery.open.set(false);
                                super::dom::focus_first_when_drawn(
                                    ed.root,
                                    super::dom::FIRST_FIELD,
                                );
                            }
                        >
                            {move || {
                                ed.tr("Quay lại bản đang soạn", "Back to the open draft")
                            }}
                        </button>
                    </Show>
                </div>
            </Show>
        </section>
    }
}

/// The form asking for a template's facts.
#[component]
fn StartForm(template: Template, chosen: RwSignal<Option<Template>>) -> impl IntoView {
    let ed = editor();
    let gallery = expect_context::<Gallery>();
    let drafts = expect_context::<Drafts>();
    let facts = RwSignal::new(Facts::new());
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let t = StoredValue::new(template.clone());
    // The first fact to give has the focus (the button chosen is gone).
    ed.focus_later(
        template
            .facts
            .first()
            .map_or("kh-start-submit".into(), |f| format!("fact-{}", f.key)),
    );
    // Fetch the document while the facts are typed, so starting is immediate.
    if template.document.is_null() {
        later!(builtin_template(template.id.clone()), |_: Option<
            Template,
        >| ());
    }
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = t.get_value();
        let given = facts.get_untracked();
        let lang = ed.lang.get_untracked();
        let errs: Vec<(String, String)> = t
            .facts
            .iter()
            .filter_map(|def| {
                templates::check_fact(def, given.get(&def.key).unwrap_or(""))
                    .err()
                    .map(|e| (def.key.clone(), e.message(lang).to_string()))
            })
            .collect();
        if !errs.is_empty() {
            errors.set(errs);
            ed.focus_later("kh-start-errors".into());
            return;
        }
        let create = move |t: Template| match templates::instantiate(&t, &given) {
            Ok(doc) => {
                let doc = use_context::<super::AppOptions>()
                    .unwrap_or_default()
                    .with_agencies(doc);
                let unit = given.get("ten_don_vi").unwrap_or("").to_string();
                let name = if unit.is_empty() {
                    t.name(lang).to_string()
                } else {
                    format!("{} — {unit}", t.name(lang))
                };
                drafts.open_new(&ed, name, doc);
                gallery.open.set(false);
                chosen.set(None);
                super::dom::focus_first_when_drawn(ed.root, super::dom::FIRST_FIELD);
            }
            Err(e) => {
                errors.set(vec![(String::new(), e.message(lang).to_string())]);
                ed.focus_later("kh-start-errors".into());
            }
        };
        // A built-in template's card has no document (builtin_cards): fetch it.
        if t.document.is_null() {
            later!(builtin_template(t.id.clone()), move |full: Option<
                Template,
            >| create(
                full.unwrap_or(t)
            ));
        } else {
            create(t);
        }
    };
    let fields = template
        .facts
        .iter()
        .map(|def| {
            let key = def.key.clone();
            let id = format!("fact-{key}");
            let label = move || {
                if ed.lang.get() == Lang::Vi {
                    def_label_vi(&t, &key)
                } else {
                    def_label_en(&t, &key)
                }
            };
            let def = def.clone();
            let k_in = def.key.clone();
            let k_err = def.key.clone();
            let err = move || {
                errors.with(|e| e.iter().find(|(k, _)| *k == k_err).map(|(_, m)| m.clone()))
            };
            let err2 = err.clone();
            let err3 = err.clone();
            let on_input = move |ev: leptos::ev::Event| {
                let v = event_target_value(&ev);
                facts.update(|f| f.set(&k_in, &v));
            };
            let example = def.example.clone().unwrap_or_default();
            let (kind, ex) = (def.kind, example.clone());
            let hint = move || fact_hint(kind, &ex, ed.lang.get());
            let hint_id = format!("{id}-hint");
            let has_hint = !fact_hint(kind, &example, Lang::Vi).is_empty();
            let control = match def.kind {
                FactKind::Level => view! {
                    <select
                        id=id.clone()
                        on:change=on_input
                        aria-invalid=move || err().map(|_| "true")
                    >
                        <option value="">
                            {move || ed.tr("— chọn —", "— choose —")}
                        </option>
                        {templates::Level::ALL
                            .map(|l| view! { <option value=l.name_vi()>{l.name_vi()}</option> })
                            .collect_view()}
                    </select>
                }
                .into_any(),
                FactKind::Signer => {
                    let party =
                        templates::Signer::parse(&example).is_some_and(templates::Signer::is_party);
                    let options = templates::Signer::ALL
                        .into_iter()
                        .filter(|s| s.is_party() == party);
                    view! {
                        <select
                            id=id.clone()
                            on:change=on_input
                            aria-invalid=move || err().map(|_| "true")
                        >
                            <option value="">
                                {move || ed.tr("— chọn —", "— choose —")}
                            </option>
                            {options
                                .map(|s| {
                                    view! {
                                        <option value=s
                                            .key()>{move || s.label_in(ed.lang.get())}</option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    }
                    .into_any()
                }
                _ => view! {
                    <input
                        id=id.clone()
                        type="text"
                        maxlength=crate::model::limits::MAX_FIELD_CHARS
                        aria-invalid=move || err().map(|_| "true")
                        aria-describedby=if has_hint {
                            format!("{id}-hint {id}-err")
                        } else {
                            format!("{id}-err")
                        }
                        on:input=on_input
                    />
                }
                .into_any(),
            };
            let optional = !def.required;
            view! {
                <div class="kh-field">
                    <label for=id
                        .clone()>
                        {label}
                        {optional
                            .then(|| {
                                view! {
                                    " "
                                    <span class="kh-hint">
                                        {move || ed.tr("(không bắt buộc)", "(optional)")}
                                    </span>
                                }
                            })}
                    </label>
                    {has_hint
                        .then(|| {
                            view! {
                                <p class="kh-hint" id=hint_id>
                                    {hint}
                                </p>
                            }
                        })}
                    {control}
                    <p
                        class="kh-finding kh-error"
                        id=format!("{id}-err")
                        hidden=move || err2().is_none()
                    >
                        {move || err3().unwrap_or_default()}
                    </p>
                </div>
            }
        })
        .collect_view();
    view! {
        <form class="kh-start" on:submit=start novalidate>
            <h3>{move || t.with_value(|t| t.name(ed.lang.get()).to_string())}</h3>
            <p>
                {move || {
                    ed.tr(
                        "Chỉ cần điền những thông tin riêng của đơn vị; ứng dụng điền vào mọi chỗ trong kế hoạch.",
                        "Give only your unit's own facts; the app fills them in everywhere.",
                    )
                }}
            </p>
            <div id="kh-start-errors" tabindex="-1" role="alert">
                {move || {
                    (!errors.with(Vec::is_empty))
                        .then(|| {
                            view! {
                                <p class="kh-finding kh-error">
                                    {move || {
                                        format!(
                                            "{} {}",
                                            errors.with(Vec::len),
                                            ed.tr("thông tin cần sửa.", "facts to correct."),
                                        )
                                    }}
                                </p>
                            }
                        })
                }}
                {move || {
                    errors
                        .with(|e| {
                            e.iter()
                                .filter(|(k, _)| k.is_empty())
                                .map(|(_, m)| {
                                    view! { <p class="kh-finding kh-error">{m.clone()}</p> }
                                })
                                .collect_view()
                        })
                }}
            </div>
            {fields}
            <div class="kh-row">
                <button type="submit" class="kh-primary" id="kh-start-submit">
                    {move || ed.tr("Tạo kế hoạch", "Create the plan")}
                </button>
                <button
                    type="button"
                    on:click=move |_| {
                        chosen.set(None);
                        ed.focus_later(t.with_value(|t| format!("kh-use-{}", t.id)));
                    }
                >
                    {move || ed.tr("Chọn mẫu khác", "Choose another template")}
                </button>
            </div>
        </form>
    }
}

fn def_label_vi(t: &StoredValue<Template>, key: &str) -> String {
    t.with_value(|t| t.fact(key).map(|f| f.label_vi.clone()).unwrap_or_default())
}

fn def_label_en(t: &StoredValue<Template>, key: &str) -> String {
    t.with_value(|t| t.fact(key).map(|f| f.label_en.clone()).unwrap_or_default())
}

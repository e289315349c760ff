//! The start form of a template: the facts that change from unit to unit,
//! checked, then a new draft made with them filled in everywhere.

use leptos::prelude::*;

use super::{builtin_template, Gallery};
use crate::templates::{self, FactDef, FactKind, Facts, Template};
use crate::ui::drafts::Drafts;
use crate::ui::later::later;
use crate::ui::state::{editor, Editor};
use crate::Lang;

/// Each fact's message (by key; an empty key for the form as a whole).
type FactErrors = RwSignal<Vec<(String, String)>>;

/// The form asking for a template's facts.
#[component]
pub(super) fn StartForm(template: Template, chosen: RwSignal<Option<Template>>) -> impl IntoView {
    let ed = editor();
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
    let start = start_plan(ed, t, facts, errors, chosen);
    let fields = template
        .facts
        .iter()
        .map(|def| view! { <FactField def=def.clone() t facts errors /> })
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
            <StartErrors errors />
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

/// Submitting the start form: the facts are checked (the messages shown and
/// focused if any is wrong), then the plan is made from the template and
/// opened as a new draft.
fn start_plan(
    ed: Editor,
    t: StoredValue<Template>,
    facts: RwSignal<Facts>,
    errors: FactErrors,
    chosen: RwSignal<Option<Template>>,
) -> impl Fn(leptos::ev::SubmitEvent) + Copy + 'static {
    let gallery = expect_context::<Gallery>();
    let drafts = expect_context::<Drafts>();
    move |ev: leptos::ev::SubmitEvent| {
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
                let doc = use_context::<crate::ui::AppOptions>()
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
                crate::ui::dom::focus_first_when_drawn(ed.root, crate::ui::dom::FIRST_FIELD);
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
    }
}

/// The form's messages: how many facts to correct, and what went wrong
/// making the plan (the focus comes here when the form is refused).
#[component]
fn StartErrors(errors: FactErrors) -> impl IntoView {
    let ed = editor();
    view! {
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
    }
}

/// One fact of the form: its label, the line saying what to give, its input
/// or list, and its message.
#[component]
fn FactField(
    def: FactDef,
    t: StoredValue<Template>,
    facts: RwSignal<Facts>,
    errors: FactErrors,
) -> impl IntoView {
    let ed = editor();
    let key = def.key.clone();
    let id = format!("fact-{key}");
    let label = move || {
        if ed.lang.get() == Lang::Vi {
            def_label_vi(&t, &key)
        } else {
            def_label_en(&t, &key)
        }
    };
    let k_in = def.key.clone();
    let k_err = def.key.clone();
    let err = move || errors.with(|e| e.iter().find(|(k, _)| *k == k_err).map(|(_, m)| m.clone()));
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
    let invalid = move || err().map(|_| "true");
    let control = fact_control(def.kind, id.clone(), &example, has_hint, on_input, invalid);
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
            <p class="kh-finding kh-error" id=format!("{id}-err") hidden=move || err2().is_none()>
                {move || err3().unwrap_or_default()}
            </p>
        </div>
    }
}

/// What a fact is given with: a list for a level or a signer (the signers of
/// the kind the template's example is), else a line of text.
fn fact_control(
    kind: FactKind,
    id: String,
    example: &str,
    has_hint: bool,
    on_input: impl FnMut(leptos::ev::Event) + 'static,
    invalid: impl Fn() -> Option<&'static str> + Send + Sync + 'static,
) -> AnyView {
    let ed = editor();
    match kind {
        FactKind::Level => view! {
            <select id=id on:change=on_input aria-invalid=invalid>
                <option value="">{move || ed.tr("— chọn —", "— choose —")}</option>
                {templates::Level::ALL
                    .map(|l| view! { <option value=l.name_vi()>{l.name_vi()}</option> })
                    .collect_view()}
            </select>
        }
        .into_any(),
        FactKind::Signer => {
            let party = templates::Signer::parse(example).is_some_and(templates::Signer::is_party);
            let options = templates::Signer::ALL
                .into_iter()
                .filter(|s| s.is_party() == party);
            view! {
                <select id=id on:change=on_input aria-invalid=invalid>
                    <option value="">{move || ed.tr("— chọn —", "— choose —")}</option>
                    {options
                        .map(|s| {
                            view! {
                                <option value=s.key()>{move || s.label_in(ed.lang.get())}</option>
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
                aria-invalid=invalid
                aria-describedby=if has_hint {
                    format!("{id}-hint {id}-err")
                } else {
                    format!("{id}-err")
                }
                on:input=on_input
            />
        }
        .into_any(),
    }
}

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

fn def_label_vi(t: &StoredValue<Template>, key: &str) -> String {
    t.with_value(|t| t.fact(key).map(|f| f.label_vi.clone()).unwrap_or_default())
}

fn def_label_en(t: &StoredValue<Template>, key: &str) -> String {
    t.with_value(|t| t.fact(key).map(|f| f.label_en.clone()).unwrap_or_default())
}

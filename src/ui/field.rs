//! A labelled form field bound to one text value of the document, showing the
//! rules' findings for that field inline (aria-invalid, aria-describedby).

use std::sync::Arc;

use leptos::prelude::*;

use super::findings::findings_at;
use super::state::editor;
use crate::model::Document;
use crate::rules::{Finding, Severity};

pub type Getter = Arc<dyn Fn(&Document) -> String + Send + Sync>;
pub type Setter = Arc<dyn Fn(&mut Document, String) + Send + Sync>;

/// DOM id of the element that edits the value at a JSON path.
pub fn field_id(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        match c {
            '.' | '[' => id.push('-'),
            ']' => {}
            c => id.push(c),
        }
    }
    id
}

/// The inline list of findings under a field; `id` is what aria-describedby points to.
#[component]
pub fn InlineFindings(findings: Memo<Vec<Finding>>, #[prop(into)] id: String) -> impl IntoView {
    let ed = editor();
    view! {
        <ul class="kh-inline-findings" id=id>
            {move || {
                findings
                    .get()
                    .into_iter()
                    .map(|f| {
                        let class = format!("kh-finding kh-{}", f.severity.as_str());
                        let fix = f.fix.clone();
                        let label = format!("{}:", f.severity.label(ed.lang.get()));
                        view! {
                            <li class=class>
                                <span class="kh-sev">{label}</span>
                                " "
                                {f.message(ed.lang.get()).to_string()}
                                {fix.map(|fix| view! { <FixButton fix=fix /> })}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// The variant whose `Debug` name is `name`: the value of the editor's enum
/// selects (each option's value is the variant's `Debug` name).
pub fn variant_named<T: Copy + std::fmt::Debug>(
    all: impl IntoIterator<Item = T>,
    name: &str,
) -> Option<T> {
    all.into_iter().find(|v| format!("{v:?}") == name)
}

/// One-click fix: sets the field to the rule's suggested value.
#[component]
pub fn FixButton(fix: crate::rules::Fix) -> impl IntoView {
    let ed = editor();
    let apply = move |_| {
        let fix = fix.clone();
        // Only a fix the up-to-date report still offers: one made before the
        // last keystrokes would undo them.
        if !ed.report_now(|r| r.findings.iter().any(|f| f.fix.as_ref() == Some(&fix))) {
            return ed.say(
                false,
                "Văn bản vừa thay đổi; hãy xem lại cách sửa ở danh sách vấn đề.",
                "The text has just changed; see the fix again in the list of problems.",
            );
        }
        let current = ed.doc.get_untracked();
        match crate::model::walk::set_text(&current, &fix.path, &fix.value) {
            Ok(fixed) => {
                ed.edit(&format!("!fix {}", fix.path), move |d| *d = fixed);
                // The button goes with its finding: the focus goes to the field fixed.
                super::issues_panel::go_to(&fix.path);
            }
            Err(e) => ed.say(
                true,
                format!("Không sửa được: {e}"),
                format!("Could not apply the fix: {e}"),
            ),
        }
    };
    view! {
        <button type="button" class="kh-fix" on:click=apply>
            {move || ed.tr("Sửa tự động", "Fix")}
        </button>
    }
}

/// A labelled text input or textarea bound to the document.
#[component]
pub fn Field(
    #[prop(into)] label: TextProp,
    /// JSON path of the value (for the element id and the findings).
    #[prop(into)]
    path: String,
    get: Getter,
    set: Setter,
    #[prop(optional)] multiline: bool,
    #[prop(optional, into)] hint: Option<TextProp>,
    /// More paths whose findings belong here (e.g. the node owning this text).
    #[prop(optional)]
    also: Vec<String>,
    #[prop(optional, into)] class: Option<String>,
) -> impl IntoView {
    let ed = editor();
    let id = field_id(&path);
    let desc_id = format!("{id}-msg");
    let hint_id = format!("{id}-hint");
    let mut paths = also;
    paths.push(path.clone());
    let findings = findings_at(paths);
    let follow = super::follow::Follow::here();
    let value = {
        let get = get.clone();
        Memo::new(move |_| {
            follow.track_value(ed);
            ed.doc.with_untracked(|d| get(d))
        })
    };
    let invalid = has_error(findings);
    let has_hint = hint.is_some();
    let described = move || {
        let mut ids = vec![];
        if has_hint {
            ids.push(hint_id.clone());
        }
        if findings.with(|f| !f.is_empty()) {
            ids.push(desc_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let key = path.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let set = set.clone();
        follow.edit_value(ed, &key, move |d| set(d, v));
    };
    let input = field_input(id.clone(), multiline, value, invalid, described, on_input);
    let hint_view = hint.map(|h| {
        view! {
            <p class="kh-hint" id=format!("{}-hint", field_id(&path))>
                {move || h.get()}
            </p>
        }
    });
    view! {
        <div class=format!("kh-field {}", class.unwrap_or_default())>
            <label for=id.clone()>{move || label.get()}</label>
            {hint_view}
            {input}
            <InlineFindings findings=findings id=format!("{id}-msg") />
        </div>
    }
}

/// `aria-invalid` of a field: "true" while one of its findings is an error.
pub fn has_error(findings: Memo<Vec<Finding>>) -> impl Fn() -> Option<&'static str> + Copy {
    move || {
        findings
            .with(|f| f.iter().any(|f| f.severity == Severity::Error))
            .then_some("true")
    }
}

/// The input of a `Field`: a textarea when `multiline`, else a one-line input.
fn field_input(
    id: String,
    multiline: bool,
    value: Memo<String>,
    invalid: impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static,
    described: impl Fn() -> Option<String> + Clone + Send + Sync + 'static,
    on_input: impl FnMut(leptos::ev::Event) + 'static,
) -> AnyView {
    if multiline {
        view! {
            <textarea
                id=id
                rows="3"
                maxlength=crate::model::limits::MAX_FIELD_CHARS
                prop:value=move || value.get()
                aria-invalid=invalid
                aria-describedby=described
                on:input=on_input
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id
                type="text"
                maxlength=crate::model::limits::MAX_FIELD_CHARS
                prop:value=move || value.get()
                aria-invalid=invalid
                aria-describedby=described
                on:input=on_input
            />
        }
        .into_any()
    }
}

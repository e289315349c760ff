//! Timeframe input: accepts the Vietnamese forms and shows how it understood them.
//! The typed text is kept as typed while the person types; the model holds the
//! structured value.

use std::sync::Arc;

use leptos::prelude::*;

use super::field::{field_id, InlineFindings};
use super::findings::findings_at;
use super::state::editor;
use crate::model::{Document, Timeframe};

pub type TfGetter = Arc<dyn Fn(&Document) -> Option<Timeframe> + Send + Sync>;
/// Sets the value and the text as typed (kept to be printed, see `Timeframe::printed`).
pub type TfSetter = Arc<dyn Fn(&mut Document, Option<Timeframe>, String) + Send + Sync>;

#[component]
pub fn TimeframeField(
    #[prop(into)] label: TextProp,
    #[prop(into)] path: String,
    get: TfGetter,
    set: TfSetter,
) -> impl IntoView {
    let ed = editor();
    let id = field_id(&path);
    let follow = super::follow::Follow::here();
    let value = {
        let get = get.clone();
        Memo::new(move |_| {
            follow.track_value(ed);
            ed.doc.with_untracked(|d| get(d))
        })
    };
    let raw = RwSignal::new(value.get_untracked().map(|t| t.to_vi()).unwrap_or_default());
    // Follow the model when it changes from elsewhere (undo, import), never while
    // what is typed still means the same value.
    Effect::new(move |_| {
        let v = value.get();
        let typed = raw.get_untracked();
        let same = if typed.trim().is_empty() {
            v.is_none()
        } else {
            Some(Timeframe::parse_vi(&typed)) == v
        };
        if !same {
            raw.set(v.map(|t| t.to_vi()).unwrap_or_default());
        }
    });
    let mut paths = vec![path.clone(), format!("{path}.text")];
    paths.dedup();
    let findings = findings_at(paths);
    let key = path.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        raw.set(typed.clone());
        let parsed = (!typed.trim().is_empty()).then(|| Timeframe::parse_vi(&typed));
        let set = set.clone();
        follow.edit_value(ed, &key, move |d| set(d, parsed, typed));
    };
    let hint_id = format!("{id}-understood");
    view! {
        <div class="kh-field kh-timeframe">
            <label for=id.clone()>{move || label.get()}</label>
            <input
                id=id.clone()
                type="text"
                maxlength=crate::model::limits::MAX_FIELD_CHARS
                placeholder="Thường xuyên · Năm 2026 · Quý I/2026 · 2025 - 2030"
                aria-describedby=format!("{hint_id} {id}-msg")
                prop:value=move || raw.get()
                on:input=on_input
            />
            <p class="kh-hint" id=hint_id aria-live="polite">
                {move || {
                    value.with(|v| v.as_ref().map(|t| t.meaning(ed.lang.get())).unwrap_or_default())
                }}
            </p>
            <InlineFindings findings=findings id=format!("{id}-msg") />
        </div>
    }
}

//! A date typed as text, day first in every browser language (the core's
//! `parse_date`; never the browser's date picker, whose order follows the
//! browser's language): what cannot be read stays as typed, with the reason.

use std::sync::Arc;

use leptos::prelude::*;

use super::state::editor;
use crate::model::PartialDate;

pub type SetDate = Arc<dyn Fn(PartialDate) + Send + Sync>;

/// A whole date (day, month, year) typed as dd/mm/yyyy. `incomplete` is the
/// message (vi, en) for a date read without its day or month.
#[component]
pub fn DayFirstDate(
    /// The input's id.
    #[prop(into)]
    id: String,
    /// The id of the message saying why a typed date cannot be used.
    #[prop(into)]
    msg_id: String,
    #[prop(into)] label: TextProp,
    /// The date in the document (`None`: none yet).
    #[prop(into)]
    date: Signal<Option<PartialDate>>,
    set: SetDate,
    incomplete: (&'static str, &'static str),
) -> impl IntoView {
    let ed = editor();
    // What the person typed while it cannot be read, and why (vi, en).
    let typed = RwSignal::new(None::<(String, (String, String))>);
    let shown = move || match typed.get() {
        Some((text, _)) => text,
        None => match date.get() {
            Some(PartialDate {
                year,
                month: Some(month),
                day: Some(day),
            }) => format!("{day:02}/{month:02}/{year}"),
            _ => String::new(),
        },
    };
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        match crate::model::parse_date(&v) {
            Ok(d) if d.is_complete() => {
                typed.set(None);
                set(d);
            }
            Ok(_) => typed.set(Some((v, (incomplete.0.into(), incomplete.1.into())))),
            Err(why) => typed.set(Some((v, why))),
        }
    };
    let problem = move || {
        let lang = ed.lang.get();
        typed.with(|t| {
            t.as_ref()
                .map(|(_, (vi, en))| lang.pick(vi, en).to_string())
        })
    };
    let described = msg_id.clone();
    view! {
        <label for=id.clone()>{move || label.get()}</label>
        <input
            id=id
            type="text"
            inputmode="numeric"
            autocomplete="off"
            placeholder="dd/mm/yyyy"
            maxlength="20"
            aria-invalid=move || typed.with(Option::is_some).then_some("true")
            aria-describedby=move || typed.with(Option::is_some).then(|| described.clone())
            prop:value=shown
            on:change=on_change
        />
        <p class="kh-finding kh-error" id=msg_id hidden=move || problem().is_none()>
            <span class="kh-sev">{move || ed.tr("Lỗi:", "Error:")}</span>
            " "
            {problem}
        </p>
    }
}

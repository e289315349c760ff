//! The plan's period (from year, to year) and the document's settings: body
//! font size and tone-mark style.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::{Document, ToneStyle, YearRange};
use crate::ui::field::{variant_named, Field};
use crate::ui::state::{editor, t};

#[component]
pub fn PeriodAndSettings() -> impl IntoView {
    let ed = editor();
    view! {
        <div class="kh-grid kh-grid-4">
            <Field
                label=t("Từ năm", "From year")
                hint=t(
                    "Giai đoạn của kế hoạch nhiều năm, ví dụ: 2026",
                    "For a plan over several years, e.g. 2026",
                )
                path="period.from"
                get=Arc::new(|d| year_text(d.period.map(|p| p.from)))
                set=Arc::new(|d, v| set_period(d, v, true))
            />
            <Field
                label=t("Đến năm", "To year")
                hint=t(
                    "Ví dụ: 2030; để trống nếu chỉ một năm",
                    "E.g. 2030; empty for one year",
                )
                path="period.to"
                get=Arc::new(|d| year_text(d.period.map(|p| p.to)))
                set=Arc::new(|d, v| set_period(d, v, false))
            />
            <div class="kh-field">
                <label for="f-settings-font_size">
                    {move || ed.tr("Cỡ chữ nội dung", "Body font size")}
                </label>
                <select
                    id="f-settings-font_size"
                    prop:value=move || ed.doc.with(|d| d.settings.font_size.to_string())
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<u8>() {
                            ed.edit("!font", move |d| d.settings.font_size = n)
                        }
                    }
                >
                    <option value="13">"13"</option>
                    <option value="14">"14"</option>
                    <option value="15">"15"</option>
                </select>
            </div>
            <div class="kh-field">
                <label for="f-settings-tone_style">
                    {move || ed.tr("Kiểu bỏ dấu", "Tone-mark style")}
                </label>
                <select
                    id="f-settings-tone_style"
                    prop:value=move || ed.doc.with(|d| format!("{:?}", d.settings.tone_style))
                    on:change=move |ev| {
                        if let Some(style) = variant_named(
                            ToneStyle::ALL,
                            &event_target_value(&ev),
                        ) {
                            ed.edit("!tone", move |d| d.settings.tone_style = style)
                        }
                    }
                >
                    {ToneStyle::ALL
                        .map(|s| view! { <option value=format!("{s:?}")>{s.label()}</option> })
                        .collect_view()}
                </select>
            </div>
        </div>
    }
}

/// A year of the period as the field shows it: empty when unset (0).
fn year_text(y: Option<i32>) -> String {
    y.filter(|y| *y != 0)
        .map(|y| y.to_string())
        .unwrap_or_default()
}

/// Sets a year of the period; an empty pair clears it. Text that is not a year
/// leaves the model as it was (the field keeps what was typed and nothing is lost).
fn set_period(d: &mut Document, v: String, from: bool) {
    let y = v.trim().parse::<i32>().ok();
    if y.is_none() && !v.trim().is_empty() {
        return;
    }
    let mut p = d.period.unwrap_or(YearRange { from: 0, to: 0 });
    match (from, y) {
        (true, Some(y)) => p.from = y,
        (false, Some(y)) => p.to = y,
        (true, None) => p.from = 0,
        (false, None) => p.to = 0,
    }
    d.period = (p.from != 0 || p.to != 0).then_some(p);
}

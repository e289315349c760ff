//! Header form: bodies, kind, number and symbol, place and date, subject.

use std::sync::Arc;

use leptos::prelude::*;

use super::date_field::DayFirstDate;
use super::field::{field_id, variant_named, Field, InlineFindings};
use super::findings::findings_at;
use super::state::{editor, t};
use crate::model::{edit, DocKind, PartialDate, Profile};

#[component]
pub fn HeaderForm() -> impl IntoView {
    let ed = editor();
    view! {
        <section class="kh-section" aria-labelledby="kh-header-h" id="kh-sec-header">
            <h2 id="kh-header-h">{move || ed.tr("Phần đầu văn bản", "Document header")}</h2>
            <ProfileAndKind />
            <IssuingBodies />
            <NumberSymbolPlace />
            <DateField />
            <Field
                label=t(
                    "Tên loại văn bản khi khác mặc định (ví dụ: CHƯƠNG TRÌNH HÀNH ĐỘNG)",
                    "Type name when not the default (e.g. CHƯƠNG TRÌNH HÀNH ĐỘNG)",
                )
                path="header.title"
                get=Arc::new(|d| d.header.title.clone().unwrap_or_default())
                set=Arc::new(|d, v| d.header.title = (!v.trim().is_empty()).then_some(v))
            />
            <Field
                label=t("Trích yếu", "Subject")
                hint=t(
                    "Văn bản về việc gì, không lặp chữ «Kế hoạch»; ví dụ: Triển khai công tác chuyển đổi số năm 2026",
                    "What the document is about, without the word «Kế hoạch»; e.g. Triển khai công tác chuyển đổi số năm 2026",
                )
                path="header.subject"
                multiline=true
                get=Arc::new(|d| d.header.subject.clone())
                set=Arc::new(|d, v| d.header.subject = v)
            />
            <HeaderPreview />
        </section>
    }
}

/// The format profile and the document type, chosen from lists.
#[component]
fn ProfileAndKind() -> impl IntoView {
    let ed = editor();
    let doc = ed.doc;
    let kind_value = Memo::new(move |_| doc.with(|d| format!("{:?}", d.kind)));
    let profile_value = Memo::new(move |_| doc.with(|d| d.profile));
    let on_kind = move |ev: leptos::ev::Event| {
        if let Some(kind) = variant_named(DocKind::ALL, &event_target_value(&ev)) {
            ed.edit("!kind", move |d| edit::set_doc_kind(d, kind));
        }
    };
    let on_profile = move |ev: leptos::ev::Event| {
        if let Some(profile) = variant_named(Profile::ALL, &event_target_value(&ev)) {
            ed.edit("!profile", move |d| d.profile = profile);
        }
    };
    view! {
        <div class="kh-grid">
            <div class="kh-field">
                <label for="f-profile">{move || ed.tr("Thể thức", "Format profile")}</label>
                <select
                    id="f-profile"
                    on:change=on_profile
                    prop:value=move || format!("{:?}", profile_value.get())
                >
                    {Profile::ALL
                        .map(|p| {
                            view! {
                                <option value=format!(
                                    "{p:?}",
                                )>{move || p.label(ed.lang.get())}</option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="kh-field">
                <label for="f-kind">{move || ed.tr("Loại văn bản", "Document type")}</label>
                <select id="f-kind" on:change=on_kind prop:value=move || kind_value.get()>
                    {DocKind::ALL
                        .into_iter()
                        .filter(|k| k.draftable())
                        .map(|k| view! { <option value=format!("{k:?}")>{k.label()}</option> })
                        .collect_view()}
                </select>
            </div>
        </div>
    }
}

/// The parent body and the issuing body.
#[component]
fn IssuingBodies() -> impl IntoView {
    view! {
        <div class="kh-grid">
            <Field
                label=t("Cơ quan chủ quản (nếu có)", "Parent body (optional)")
                hint=t(
                    "Dòng trên tên cơ quan, ví dụ: ĐẢNG BỘ PHƯỜNG HỒNG AN; UBND phường để trống",
                    "The line above the body's name, e.g. ĐẢNG BỘ PHƯỜNG HỒNG AN; empty for a ward committee",
                )
                path="header.parent_body"
                get=Arc::new(|d| d.header.parent_body.clone().unwrap_or_default())
                set=Arc::new(|d, v| d.header.parent_body = (!v.is_empty()).then_some(v))
            />
            <Field
                label=t("Cơ quan ban hành", "Issuing body")
                hint=t(
                    "Ví dụ: ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN",
                    "E.g. ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN",
                )
                path="header.issuing_body"
                get=Arc::new(|d| d.header.issuing_body.clone())
                set=Arc::new(|d, v| d.header.issuing_body = v)
            />
        </div>
    }
}

/// Number, body code, symbol (with its builder button) and place.
#[component]
fn NumberSymbolPlace() -> impl IntoView {
    let ed = editor();
    let build_symbol = move |_| ed.edit("!symbol", edit::build_symbol);
    view! {
        <div class="kh-grid kh-grid-4">
            <Field
                label=t("Số", "Number")
                path="header.number"
                hint=t("Để trống khi còn là dự thảo", "Leave empty while a draft")
                get=Arc::new(|d| d.header.number.clone().unwrap_or_default())
                set=Arc::new(|d, v| d.header.number = (!v.trim().is_empty()).then_some(v))
            />
            <Field
                label=t("Mã cơ quan", "Body code")
                hint=t(
                    "Chữ viết tắt sau dấu gạch, ví dụ: UBND",
                    "The letters after the dash, e.g. UBND",
                )
                path="header.body_code"
                get=Arc::new(|d| d.header.body_code.clone())
                set=Arc::new(|d, v| d.header.body_code = v)
            />
            <div class="kh-field-with-action">
                <Field
                    label=t("Ký hiệu", "Symbol")
                    hint=t("Ví dụ: KH-UBND", "E.g. KH-UBND")
                    path="header.symbol"
                    get=Arc::new(|d| d.header.symbol.clone())
                    set=Arc::new(|d, v| d.header.symbol = v)
                />
                <button type="button" class="kh-small" on:click=build_symbol>
                    {move || {
                        ed.tr("Tạo từ loại + mã cơ quan", "Build from type + body code")
                    }}
                </button>
            </div>
            <Field
                label=t("Địa danh", "Place")
                hint=t("Nơi ban hành, ví dụ: Hồng An", "Where it is issued, e.g. Hồng An")
                path="header.place"
                get=Arc::new(|d| d.header.place.clone())
                set=Arc::new(|d, v| d.header.place = v)
            />
        </div>
    }
}

/// The number line, title and subject as they will print, kept up to date.
#[component]
fn HeaderPreview() -> impl IntoView {
    let doc = editor().doc;
    view! {
        <div class="kh-preview" aria-live="polite">
            <p class="kh-preview-line">{move || doc.with(|d| d.number_line())}</p>
            <p class="kh-preview-title">
                {move || {
                    doc.with(|d| d.header.title.clone().unwrap_or_else(|| d.kind.title_vi()))
                }}
            </p>
            <p class="kh-preview-subject" id="kh-preview-subject">
                {move || doc.with(|d| d.header.subject.clone())}
            </p>
        </div>
    }
}

/// The whole issue date, typed day first (the shared `DayFirstDate`).
#[component]
fn IssueDate(date: Memo<PartialDate>) -> impl IntoView {
    let ed = editor();
    view! {
        <DayFirstDate
            id="f-header-date-input"
            msg_id="f-header-date-typed"
            label=t("Ngày (ngày/tháng/năm)", "Date (day/month/year)")
            date=Signal::derive(move || Some(date.get()))
            set=Arc::new(move |d| ed.edit("header.date", move |doc| doc.header.date = d))
            incomplete=(
                "cần đủ ngày, tháng, năm, ví dụ 05/01/2026 (hoặc chọn «Dự thảo» để chỉ ghi năm).",
                "give day, month and year, e.g. 05/01/2026 (or choose «Draft» for the year only).",
            )
        />
    }
}

/// The issue date typed day first (dd/mm/yyyy), or "draft — no date yet"
/// with only the year.
#[component]
fn DateField() -> impl IntoView {
    let ed = editor();
    let doc = ed.doc;
    let date = Memo::new(move |_| doc.with(|d| d.header.date));
    let full = move || date.get().is_complete();
    let findings = findings_at(vec!["header.date".into()]);
    let on_year = move |ev: leptos::ev::Event| {
        if let Ok(y) = event_target_value(&ev).trim().parse::<i32>() {
            if (1900..=2200).contains(&y) {
                ed.edit("header.date", move |doc| {
                    doc.header.date = PartialDate {
                        year: y,
                        ..doc.header.date
                    }
                });
            }
        }
    };
    let on_draft = move |ev: leptos::ev::Event| {
        let draft = event_target_checked(&ev);
        ed.edit("!date-mode", move |doc| {
            let y = doc.header.date.year;
            doc.header.date = if draft {
                PartialDate::year_only(y)
            } else {
                super::today_or(y)
            };
        });
    };
    view! {
        <fieldset class="kh-field kh-date" id=field_id("header.date")>
            <legend>{move || ed.tr("Ngày ban hành", "Date")}</legend>
            <label class="kh-check">
                <input
                    type="checkbox"
                    id="f-header-date-draft"
                    prop:checked=move || !full()
                    on:change=on_draft
                />
                {move || {
                    ed.tr(
                        "Dự thảo — chưa có ngày, chỉ ghi năm",
                        "Draft — no date yet, year only",
                    )
                }}
            </label>
            <Show
                when=full
                fallback=move || {
                    view! {
                        <label for="f-header-date-year">{move || ed.tr("Năm", "Year")}</label>
                        <input
                            id="f-header-date-year"
                            type="number"
                            min="1900"
                            max="2200"
                            prop:value=move || date.get().year.to_string()
                            on:input=on_year
                        />
                    }
                }
            >
                <IssueDate date />
            </Show>
            <p class="kh-hint">
                {move || {
                    doc.with(|d| {
                        let date = d.header.date.long_vi();
                        match d.header.place.trim() {
                            "" => date,
                            place => format!("{place}, {date}"),
                        }
                    })
                }}
            </p>
            <InlineFindings findings=findings id="f-header-date-msg" />
        </fieldset>
    }
}

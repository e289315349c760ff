//! The cascade tab: the parent plan this plan implements, the report
//! deadlines of both, then the period and the document's settings.

use std::sync::Arc;

use leptos::prelude::*;

use super::deadlines::DeadlinesEditor;
use super::settings::PeriodAndSettings;
use crate::model::{ParentRef, PartialDate};
use crate::ui::field::Field;
use crate::ui::state::{editor, t};

#[component]
pub fn CascadeEditor() -> impl IntoView {
    let ed = editor();
    view! {
        <section class="kh-section" id="kh-sec-cascade" aria-labelledby="kh-cas-h">
            <h2 id="kh-cas-h">
                {move || {
                    ed.tr(
                        "Kế hoạch cấp trên và thời hạn báo cáo",
                        "Parent plan and report deadlines",
                    )
                }}
            </h2>
            <ParentPlan />
            <h3>
                {move || {
                    ed.tr(
                        "Thời hạn báo cáo của kế hoạch này (sớm hơn cấp trên)",
                        "This plan's report deadlines (earlier than the parent's)",
                    )
                }}
            </h3>
            <DeadlinesEditor parent=false />
            <h3>{move || ed.tr("Giai đoạn và cài đặt", "Period and settings")}</h3>
            <PeriodAndSettings />
        </section>
    }
}

/// The parent plan's fields, or a button that adds one.
#[component]
fn ParentPlan() -> impl IntoView {
    let ed = editor();
    let has_parent = Memo::new(move |_| ed.doc.with(|d| d.parent.is_some()));
    view! {
        <Show
            when=move || has_parent.get()
            fallback=move || {
                view! {
                    <button
                        type="button"
                        on:click=move |_| {
                            ed.edit(
                                "!parent-add",
                                |d| {
                                    d.parent = Some(ParentRef {
                                        kind: crate::model::DocKind::Plan,
                                        symbol: "KH-UBND".into(),
                                        date: PartialDate::year_only(d.header.date.year),
                                        ..ParentRef::default()
                                    });
                                },
                            )
                        }
                    >
                        {move || {
                            ed.tr(
                                "+ Kế hoạch này thực hiện một kế hoạch cấp trên",
                                "+ This plan implements a parent plan",
                            )
                        }}
                    </button>
                }
            }
        >
            <ParentFields />
        </Show>
    }
}

/// The parent plan's number, symbol, date, issuing body and deadlines.
#[component]
fn ParentFields() -> impl IntoView {
    let ed = editor();
    view! {
        <fieldset id="f-parent">
            <legend>{move || ed.tr("Kế hoạch cấp trên", "Parent plan")}</legend>
            <div class="kh-grid kh-grid-4">
                <Field
                    label=t("Số", "Number")
                    hint=t(
                        "Số của kế hoạch cấp trên, ví dụ: 347",
                        "The parent plan's number, e.g. 347",
                    )
                    path="parent.number"
                    get=Arc::new(|d| {
                        d.parent.as_ref().map(|p| p.number.clone()).unwrap_or_default()
                    })
                    set=Arc::new(|d, v| {
                        if let Some(p) = d.parent.as_mut() {
                            p.number = v;
                        }
                    })
                />
                <Field
                    label=t("Ký hiệu", "Symbol")
                    hint=t("Ví dụ: KH-UBND", "E.g. KH-UBND")
                    path="parent.symbol"
                    get=Arc::new(|d| {
                        d.parent.as_ref().map(|p| p.symbol.clone()).unwrap_or_default()
                    })
                    set=Arc::new(|d, v| {
                        if let Some(p) = d.parent.as_mut() {
                            p.symbol = v;
                        }
                    })
                />
                <ParentDate />
                <Field
                    label=t("Cơ quan ban hành", "Issuing body")
                    hint=t("Ví dụ: UBND thành phố", "E.g. UBND thành phố")
                    path="parent.issuing_body"
                    get=Arc::new(|d| {
                        d.parent.as_ref().map(|p| p.issuing_body.clone()).unwrap_or_default()
                    })
                    set=Arc::new(|d, v| {
                        if let Some(p) = d.parent.as_mut() {
                            p.issuing_body = v;
                        }
                    })
                />
            </div>
            <h3>
                {move || {
                    ed.tr(
                        "Thời hạn báo cáo của kế hoạch cấp trên",
                        "Parent plan's report deadlines",
                    )
                }}
            </h3>
            <DeadlinesEditor parent=true />
            <button
                type="button"
                class="kh-small kh-danger"
                on:click=move |_| ed.edit("!parent-remove", |d| d.parent = None)
            >
                {move || {
                    ed.tr("Bỏ liên kết kế hoạch cấp trên", "Remove the parent plan")
                }}
            </button>
        </fieldset>
    }
}

/// The parent plan's date of issue, typed day first (never the browser's
/// date picker, whose order follows the browser's language).
#[component]
fn ParentDate() -> impl IntoView {
    let ed = editor();
    let parent_date = Memo::new(move |_| ed.doc.with(|d| d.parent.as_ref().map(|p| p.date)));
    let set: crate::ui::date_field::SetDate = Arc::new(move |dt| {
        ed.edit("parent.date", move |d| {
            if let Some(p) = d.parent.as_mut() {
                p.date = dt;
            }
        })
    });
    view! {
        <div class="kh-field kh-date">
            <crate::ui::date_field::DayFirstDate
                id="f-parent-date"
                msg_id="f-parent-date-typed"
                label=t("Ngày ban hành (ngày/tháng/năm)", "Date (day/month/year)")
                date=parent_date
                set
                incomplete=(
                    "cần đủ ngày, tháng, năm, ví dụ 05/01/2026.",
                    "give day, month and year, e.g. 05/01/2026.",
                )
            />
            <p class="kh-hint">
                {move || parent_date.get().map(|d| d.long_vi()).unwrap_or_default()}
            </p>
        </div>
    }
}

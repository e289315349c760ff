//! Report deadlines (thời hạn báo cáo): this plan's, and its parent plan's,
//! which this plan's must come before.

use leptos::prelude::*;

use crate::model::{Document, ReportDeadline, ReportPeriod};
use crate::ui::field::{field_id, variant_named};
use crate::ui::state::{editor, Editor};

/// The deadlines being edited: the parent plan's (none without a parent) or
/// this plan's.
fn list(d: &Document, parent: bool) -> &[ReportDeadline] {
    if parent {
        d.parent.as_ref().map_or(&[], |p| &p.report_deadlines)
    } else {
        &d.report_deadlines
    }
}

fn list_mut(d: &mut Document, parent: bool) -> Option<&mut Vec<ReportDeadline>> {
    if parent {
        d.parent.as_mut().map(|p| &mut p.report_deadlines)
    } else {
        Some(&mut d.report_deadlines)
    }
}

/// Editor for a list of report deadlines; `parent` chooses the parent plan's list.
#[component]
pub fn DeadlinesEditor(parent: bool) -> impl IntoView {
    let ed = editor();
    let count = Memo::new(move |_| ed.doc.with(|d| list(d, parent).len()));
    view! {
        <ul class="kh-list">
            {move || (0..count.get()).map(|i| deadline_row(ed, parent, i)).collect_view()} <li>
                <button
                    type="button"
                    class="kh-small"
                    on:click=move |_| {
                        ed.edit(
                            "!deadline-add",
                            move |d| {
                                if let Some(l) = list_mut(d, parent) {
                                    l.push(ReportDeadline {
                                        period: ReportPeriod::Annual,
                                        day: 10,
                                        month: 11,
                                    })
                                }
                            },
                        )
                    }
                >
                    {move || ed.tr("+ Thêm hạn báo cáo", "+ Add report deadline")}
                </button>
            </li>
        </ul>
    }
}

/// Deadline `i`: which report, the day/month it is due before, delete.
fn deadline_row(ed: Editor, parent: bool, i: usize) -> impl IntoView {
    let base = if parent {
        "parent.report_deadlines"
    } else {
        "report_deadlines"
    };
    let id = field_id(&format!("{base}[{i}]"));
    let (sid, did) = (format!("{id}-period"), format!("{id}-date"));
    let value = Memo::new(move |_| {
        ed.doc
            .with(|d| list(d, parent).get(i).cloned().unwrap_or_default())
    });
    view! {
        <li class="kh-node-row" id=id.clone()>
            <label for=sid.clone()>{move || ed.tr("Loại", "Report")}</label>
            <select
                id=sid
                prop:value=move || format!("{:?}", value.get().period)
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(k) = variant_named(ReportPeriod::ALL, &v) {
                        ed.edit(
                            "!deadline",
                            move |d| {
                                if let Some(x) = list_mut(d, parent).and_then(|l| l.get_mut(i)) {
                                    x.period = k;
                                }
                            },
                        );
                    }
                }
            >
                {ReportPeriod::ALL
                    .map(|k| {
                        view! {
                            <option value=format!("{k:?}")>{move || k.label(ed.lang.get())}</option>
                        }
                    })
                    .collect_view()}
            </select>
            <label for=did
                .clone()>
                {move || ed.tr("trước ngày (ngày/tháng)", "before (day/month)")}
            </label>
            <input
                id=did
                type="text"
                inputmode="numeric"
                size="6"
                prop:value=move || {
                    let v = value.get();
                    format!("{:02}/{}", v.day, crate::model::month_vi(v.month))
                }
                on:change=move |ev| set_due(ed, parent, i, event_target_value(&ev))
            />
            <button
                type="button"
                class="kh-small kh-danger"
                on:click=move |_| {
                    ed.edit(
                        "!deadline-remove",
                        move |d| {
                            if let Some(l) = list_mut(d, parent) {
                                if i < l.len() {
                                    l.remove(i);
                                }
                            }
                        },
                    )
                }
            >
                {move || ed.tr("Xóa", "Delete")}
            </button>
        </li>
    }
}

/// Sets the day and month of deadline `i` from what was typed ("05/6", read
/// by the core's `parse_day_month`); text that is not a real day/month changes
/// nothing and says why.
fn set_due(ed: Editor, parent: bool, i: usize, v: String) {
    match crate::templates::parse_day_month(&v) {
        Ok((dd, mm)) => ed.edit("!deadline", move |d| {
            if let Some(x) = list_mut(d, parent).and_then(|l| l.get_mut(i)) {
                x.day = dd;
                x.month = mm;
            }
        }),
        Err((vi, en)) => ed.say(true, vi, en),
    }
}

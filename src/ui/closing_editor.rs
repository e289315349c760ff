//! Agency directory, recipients (Nơi nhận) and signature block editors, and the
//! cascade (parent plan, report deadlines, period) and document settings.

use std::sync::Arc;

use leptos::prelude::*;

use super::field::{field_id, variant_named, Field};
use super::state::{editor, t};
use crate::model::{
    edit, Agency, AgencyLevel, ParentRef, PartialDate, ReportDeadline, ReportPeriod, SignLine,
    SignPrefix, ToneStyle, YearRange,
};

#[component]
pub fn AgenciesEditor() -> impl IntoView {
    let ed = editor();
    let count = Memo::new(move |_| ed.doc.with(|d| d.agencies.len()));
    let new_name = RwSignal::new(String::new());
    let add = move || {
        let name = new_name.get_untracked();
        if name.trim().is_empty() {
            return;
        }
        ed.edit("!agency-add", move |d| {
            let id = edit::agency_id(d, &name);
            d.agencies.push(Agency {
                id,
                name: name.trim().to_string(),
                short_name: None,
                level: AgencyLevel::Other,
            });
        });
        new_name.set(String::new());
    };
    let add2 = add;
    view! {
        <section class="kh-section" id="kh-sec-agencies" aria-labelledby="kh-ag-h">
            <h2 id="kh-ag-h">{move || ed.tr("Danh mục cơ quan", "Agency directory")}</h2>
            <p class="kh-hint">
                {move || {
                    ed.tr(
                        "Đổi tên một cơ quan ở đây là đổi ở mọi nơi trong văn bản.",
                        "Renaming an agency here renames it everywhere in the document.",
                    )
                }}
            </p>
            <table class="kh-table kh-directory">
                <thead>
                    <tr>
                        <th scope="col">{move || ed.tr("Tên đầy đủ", "Full name")}</th>
                        <th scope="col">{move || ed.tr("Tên viết tắt", "Short name")}</th>
                        <th scope="col">{move || ed.tr("Cấp", "Level")}</th>
                        <th scope="col">{move || ed.tr("Thao tác", "Actions")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        (0..count.get())
                            .map(|i| {
                                let base = format!("agencies[{i}]");
                                let level_id = format!("{}-level", field_id(&base));
                                view! {
                                    <tr id=field_id(&base)>
                                        <td>
                                            <Field
                                                label=move || {
                                                    format!(
                                                        "{} {}",
                                                        ed.tr("Tên cơ quan", "Agency name"),
                                                        i + 1,
                                                    )
                                                }
                                                class="kh-compact"
                                                path=format!("{base}.name")
                                                get=Arc::new(move |d| {
                                                    d.agencies
                                                        .get(i)
                                                        .map(|a| a.name.clone())
                                                        .unwrap_or_default()
                                                })
                                                set=Arc::new(move |d, v| {
                                                    if let Some(a) = d.agencies.get_mut(i) {
                                                        a.name = v;
                                                    }
                                                })
                                            />
                                        </td>
                                        <td>
                                            <Field
                                                label=t("Viết tắt", "Short")
                                                class="kh-compact"
                                                path=format!("{base}.short_name")
                                                get=Arc::new(move |d| {
                                                    d.agencies
                                                        .get(i)
                                                        .and_then(|a| a.short_name.clone())
                                                        .unwrap_or_default()
                                                })
                                                set=Arc::new(move |d, v| {
                                                    if let Some(a) = d.agencies.get_mut(i) {
                                                        a.short_name = (!v.is_empty()).then_some(v);
                                                    }
                                                })
                                            />
                                        </td>
                                        <td>
                                            <label class="kh-visually-hidden" for=level_id.clone()>
                                                {move || ed.tr("Cấp", "Level")}
                                            </label>
                                            <select
                                                id=level_id
                                                prop:value=move || {
                                                    ed.doc
                                                        .with(|d| {
                                                            d.agencies
                                                                .get(i)
                                                                .map(|a| format!("{:?}", a.level))
                                                                .unwrap_or_default()
                                                        })
                                                }
                                                on:change=move |ev| {
                                                    let v = event_target_value(&ev);
                                                    if let Some(l) = variant_named(AgencyLevel::ALL, &v) {
                                                        ed.edit(
                                                            "!agency-level",
                                                            move |d| {
                                                                if let Some(a) = d.agencies.get_mut(i) {
                                                                    a.level = l;
                                                                }
                                                            },
                                                        );
                                                    }
                                                }
                                            >
                                                {AgencyLevel::ALL
                                                    .map(|l| {
                                                        view! {
                                                            <option value=format!(
                                                                "{l:?}",
                                                            )>{move || l.label(ed.lang.get())}</option>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </select>
                                        </td>
                                        <td>
                                            <button
                                                type="button"
                                                class="kh-small kh-danger"
                                                on:click=move |_| {
                                                    let name = ed
                                                        .doc
                                                        .with_untracked(|d| {
                                                            d.agencies
                                                                .get(i)
                                                                .map(|a| a.name.clone())
                                                                .unwrap_or_default()
                                                        });
                                                    ed.edit(
                                                        "!agency-remove",
                                                        move |d| {
                                                            if i < d.agencies.len() {
                                                                d.agencies.remove(i);
                                                            }
                                                        },
                                                    );
                                                    ed.say(
                                                        false,
                                                        format!(
                                                            "Đã xóa «{name}» khỏi danh mục (các chỗ còn dùng sẽ được báo lỗi). Ctrl+Z để hoàn tác.",
                                                        ),
                                                        format!(
                                                            "Removed «{name}» (places still using it are flagged). Ctrl+Z to undo.",
                                                        ),
                                                    );
                                                }
                                            >
                                                {move || ed.tr("Xóa", "Delete")}
                                            </button>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <div class="kh-row">
                <label for="kh-new-agency">{move || ed.tr("Cơ quan mới", "New agency")}</label>
                <input
                    id="kh-new-agency"
                    type="text"
                    maxlength=crate::model::limits::MAX_FIELD_CHARS
                    prop:value=move || new_name.get()
                    on:input=move |ev| new_name.set(event_target_value(&ev))
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Enter" && !ev.is_composing() {
                            ev.prevent_default();
                            add2()
                        }
                    }
                />
                <button type="button" on:click=move |_| add()>
                    {move || ed.tr("+ Thêm cơ quan", "+ Add agency")}
                </button>
            </div>
        </section>
    }
}

/// The authority select's choices: none, then every prefix.
fn prefixes() -> impl Iterator<Item = Option<SignPrefix>> {
    std::iter::once(None).chain(SignPrefix::ALL.map(Some))
}

#[component]
pub fn ClosingEditor() -> impl IntoView {
    let ed = editor();
    let rec_count = Memo::new(move |_| ed.doc.with(|d| d.recipients.items.len()));
    let line_count = Memo::new(move |_| ed.doc.with(|d| d.signature.lines.len()));
    let profile = Memo::new(move |_| ed.doc.with(|d| d.profile));
    view! {
        <section class="kh-section" id="kh-sec-recipients" aria-labelledby="kh-rec-h">
            <h2 id="kh-rec-h">{move || ed.tr("Nơi nhận", "Recipients")}</h2>
            <p class="kh-hint">
                {move || {
                    ed.tr(
                        "Mỗi dòng một nơi nhận, không gõ «- » ở đầu và «;» ở cuối: ứng dụng tự thêm.",
                        "One recipient per line, without the leading «- » and trailing «;»: the app adds them.",
                    )
                }}
            </p>
            <ol class="kh-list">
                {move || {
                    (0..rec_count.get())
                        .map(|i| {
                            view! {
                                <li class="kh-node-row">
                                    <Field
                                        label=move || {
                                            format!("{} {}", ed.tr("Nơi nhận", "Recipient"), i + 1)
                                        }
                                        path=format!("recipients.items[{i}]")
                                        get=Arc::new(move |d| {
                                            d.recipients.items.get(i).cloned().unwrap_or_default()
                                        })
                                        set=Arc::new(move |d, v| {
                                            if let Some(x) = d.recipients.items.get_mut(i) {
                                                *x = v;
                                            }
                                        })
                                    />
                                    <button
                                        type="button"
                                        class="kh-small"
                                        aria-label=move || {
                                            format!(
                                                "{} {}",
                                                ed.tr("Chuyển lên nơi nhận", "Move up recipient"),
                                                i + 1,
                                            )
                                        }
                                        on:click=move |_| {
                                            ed.edit(
                                                "!rec-up",
                                                move |d| {
                                                    if i > 0 && i < d.recipients.items.len() {
                                                        d.recipients.items.swap(i - 1, i)
                                                    }
                                                },
                                            )
                                        }
                                    >
                                        "↑"
                                    </button>
                                    <button
                                        type="button"
                                        class="kh-small kh-danger"
                                        on:click=move |_| {
                                            ed.edit(
                                                "!rec-remove",
                                                move |d| {
                                                    if i < d.recipients.items.len() {
                                                        d.recipients.items.remove(i);
                                                    }
                                                },
                                            )
                                        }
                                    >
                                        {move || ed.tr("Xóa", "Delete")}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
            <button
                type="button"
                class="kh-small"
                on:click=move |_| ed.edit("!rec-add", |d| d.recipients.items.push(String::new()))
            >
                {move || ed.tr("+ Thêm nơi nhận", "+ Add recipient")}
            </button>
            <Field
                label=t("Lưu (ví dụ: VT, VHXH)", "Archive (e.g. VT, VHXH)")
                path="recipients.archive"
                get=Arc::new(|d| d.recipients.archive.clone().unwrap_or_default())
                set=Arc::new(|d, v| d.recipients.archive = (!v.is_empty()).then_some(v))
            />
        </section>
        <section class="kh-section" id="kh-sec-signature" aria-labelledby="kh-sig-h">
            <h2 id="kh-sig-h">{move || ed.tr("Chữ ký", "Signature")}</h2>
            <p class="kh-hint">
                {move || {
                    ed.tr(
                        "Ví dụ: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.",
                        "E.g. TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.",
                    )
                }}
            </p>
            {move || {
                (0..line_count.get())
                    .map(|i| {
                        let base = format!("signature.lines[{i}]");
                        let pid = format!("{}-prefix", field_id(&base));
                        view! {
                            <div class="kh-node-row" id=field_id(&base)>
                                <div class="kh-field">
                                    <label for=pid
                                        .clone()>
                                        {move || ed.tr("Quyền hạn", "Authority")}
                                    </label>
                                    <select
                                        id=pid
                                        prop:value=move || {
                                            ed.doc
                                                .with(|d| {
                                                    d.signature
                                                        .lines
                                                        .get(i)
                                                        .map(|l| format!("{:?}", l.prefix))
                                                        .unwrap_or_default()
                                                })
                                        }
                                        on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            if let Some(p) = variant_named(prefixes(), &v) {
                                                ed.edit(
                                                    "!sig-prefix",
                                                    move |d| {
                                                        if let Some(l) = d.signature.lines.get_mut(i) {
                                                            l.prefix = p;
                                                        }
                                                    },
                                                );
                                            }
                                        }
                                    >
                                        {prefixes()
                                            .map(|p| {
                                                view! {
                                                    <option value=format!(
                                                        "{p:?}",
                                                    )>
                                                        {move || p.map_or("—", |p| p.label(profile.get()))}
                                                    </option>
                                                }
                                            })
                                            .collect_view()}
                                    </select>
                                </div>
                                <Field
                                    label=move || {
                                        format!(
                                            "{} {}",
                                            ed.tr("Dòng chữ ký", "Signature line"),
                                            i + 1,
                                        )
                                    }
                                    path=format!("{base}.text")
                                    get=Arc::new(move |d| {
                                        d.signature
                                            .lines
                                            .get(i)
                                            .map(|l| l.text.clone())
                                            .unwrap_or_default()
                                    })
                                    set=Arc::new(move |d, v| {
                                        if let Some(l) = d.signature.lines.get_mut(i) {
                                            l.text = v;
                                        }
                                    })
                                />
                                <button
                                    type="button"
                                    class="kh-small kh-danger"
                                    on:click=move |_| {
                                        ed.edit(
                                            "!sig-remove",
                                            move |d| {
                                                if i < d.signature.lines.len() {
                                                    d.signature.lines.remove(i);
                                                }
                                            },
                                        )
                                    }
                                >
                                    {move || ed.tr("Xóa dòng", "Delete line")}
                                </button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <button
                type="button"
                class="kh-small"
                on:click=move |_| {
                    ed.edit("!sig-add", |d| d.signature.lines.push(SignLine::default()))
                }
            >
                {move || ed.tr("+ Thêm dòng chữ ký", "+ Add signature line")}
            </button>
            <Field
                label=t("Họ và tên người ký", "Signer's name")
                path="signature.name"
                get=Arc::new(|d| d.signature.name.clone())
                set=Arc::new(|d, v| d.signature.name = v)
            />
        </section>
    }
}

/// Editor for a list of report deadlines; `parent` chooses the parent plan's list.
#[component]
fn DeadlinesEditor(parent: bool) -> impl IntoView {
    let ed = editor();
    let list = move |d: &crate::model::Document| -> Vec<ReportDeadline> {
        if parent {
            d.parent
                .as_ref()
                .map(|p| p.report_deadlines.clone())
                .unwrap_or_default()
        } else {
            d.report_deadlines.clone()
        }
    };
    fn list_mut(d: &mut crate::model::Document, parent: bool) -> Option<&mut Vec<ReportDeadline>> {
        if parent {
            d.parent.as_mut().map(|p| &mut p.report_deadlines)
        } else {
            Some(&mut d.report_deadlines)
        }
    }
    let count = Memo::new(move |_| ed.doc.with(|d| list(d).len()));
    let base = if parent {
        "parent.report_deadlines"
    } else {
        "report_deadlines"
    };
    view! {
        <ul class="kh-list">
            {move || {
                (0..count.get())
                    .map(|i| {
                        let p = format!("{base}[{i}]");
                        let id = field_id(&p);
                        let (sid, did) = (format!("{id}-period"), format!("{id}-date"));
                        let value = Memo::new(move |_| {
                            ed.doc.with(|d| list(d).get(i).cloned().unwrap_or_default())
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
                                                    if let Some(x) = list_mut(d, parent)
                                                        .and_then(|l| l.get_mut(i))
                                                    {
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
                                                <option value=format!(
                                                    "{k:?}",
                                                )>{move || k.label(ed.lang.get())}</option>
                                            }
                                        })
                                        .collect_view()}
                                </select>
                                <label for=did
                                    .clone()>
                                    {move || {
                                        ed.tr("trước ngày (ngày/tháng)", "before (day/month)")
                                    }}
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
                                    on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        if let Some((dd, mm)) = v
                                            .split_once('/')
                                            .and_then(|(a, b)| Some((
                                                a.trim().parse::<u8>().ok()?,
                                                b.trim().parse::<u8>().ok()?,
                                            )))
                                        {
                                            ed.edit(
                                                "!deadline",
                                                move |d| {
                                                    if let Some(x) = list_mut(d, parent)
                                                        .and_then(|l| l.get_mut(i))
                                                    {
                                                        x.day = dd;
                                                        x.month = mm;
                                                    }
                                                },
                                            );
                                        } else {
                                            ed.say(
                                                true,
                                                format!(
                                                    "«{v}» không phải ngày/tháng (ví dụ 05/6).",
                                                ),
                                                format!("«{v}» is not day/month (e.g. 05/6)."),
                                            );
                                        }
                                    }
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
                    })
                    .collect_view()
            }} <li>
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

#[component]
pub fn CascadeEditor() -> impl IntoView {
    let ed = editor();
    let has_parent = Memo::new(move |_| ed.doc.with(|d| d.parent.is_some()));
    let parent_date = Memo::new(move |_| {
        ed.doc.with(|d| {
            d.parent
                .as_ref()
                .map(|p| p.date.to_string())
                .unwrap_or_default()
        })
    });
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
                <fieldset id="f-parent">
                    <legend>{move || ed.tr("Kế hoạch cấp trên", "Parent plan")}</legend>
                    <div class="kh-grid kh-grid-4">
                        <Field
                            label=t("Số", "Number")
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
                        <div class="kh-field">
                            <label for="f-parent-date">
                                {move || ed.tr("Ngày ban hành", "Date")}
                            </label>
                            <input
                                id="f-parent-date"
                                type="date"
                                prop:value=move || parent_date.get()
                                on:change=move |ev| {
                                    if let Ok(dt) = PartialDate::parse_iso(
                                        &event_target_value(&ev),
                                    ) {
                                        ed.edit(
                                            "parent.date",
                                            move |d| {
                                                if let Some(p) = d.parent.as_mut() {
                                                    p.date = dt;
                                                }
                                            },
                                        );
                                    }
                                }
                            />
                        </div>
                        <Field
                            label=t("Cơ quan ban hành", "Issuing body")
                            path="parent.issuing_body"
                            get=Arc::new(|d| {
                                d.parent
                                    .as_ref()
                                    .map(|p| p.issuing_body.clone())
                                    .unwrap_or_default()
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
                            ed.tr(
                                "Bỏ liên kết kế hoạch cấp trên",
                                "Remove the parent plan",
                            )
                        }}
                    </button>
                </fieldset>
            </Show>
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
            <div class="kh-grid kh-grid-4">
                <Field
                    label=t("Từ năm", "From year")
                    path="period.from"
                    get=Arc::new(|d| {
                        d.period
                            .map(|p| p.from)
                            .filter(|y| *y != 0)
                            .map(|y| y.to_string())
                            .unwrap_or_default()
                    })
                    set=Arc::new(|d, v| set_period(d, v, true))
                />
                <Field
                    label=t("Đến năm", "To year")
                    path="period.to"
                    get=Arc::new(|d| {
                        d.period
                            .map(|p| p.to)
                            .filter(|y| *y != 0)
                            .map(|y| y.to_string())
                            .unwrap_or_default()
                    })
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
        </section>
    }
}

/// Sets a year of the period; an empty pair clears it. Text that is not a year
/// leaves the model as it was (the field keeps what was typed and nothing is lost).
fn set_period(d: &mut crate::model::Document, v: String, from: bool) {
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

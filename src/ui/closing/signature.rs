//! The signature block: authority lines (TM., KT., …) and the signer's name.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::{Profile, SignLine, SignPrefix};
use crate::ui::field::{field_id, variant_named, Field};
use crate::ui::state::{editor, t, Editor};

#[component]
pub fn SignatureEditor() -> impl IntoView {
    let ed = editor();
    let line_count = Memo::new(move |_| ed.doc.with(|d| d.signature.lines.len()));
    let profile = Memo::new(move |_| ed.doc.with(|d| d.profile));
    view! {
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
            {move || (0..line_count.get()).map(|i| sign_line(ed, profile, i)).collect_view()}
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

/// The authority select's choices: none, then every prefix.
fn prefixes() -> impl Iterator<Item = Option<SignPrefix>> {
    std::iter::once(None).chain(SignPrefix::ALL.map(Some))
}

/// Signature line `i`: its authority, its text and the delete button.
fn sign_line(ed: Editor, profile: Memo<Profile>, i: usize) -> impl IntoView {
    let base = format!("signature.lines[{i}]");
    view! {
        <div class="kh-node-row" id=field_id(&base)>
            {prefix_select(ed, profile, i, format!("{}-prefix", field_id(&base)))}
            <Field
                label=move || format!("{} {}", ed.tr("Dòng chữ ký", "Signature line"), i + 1)
                path=format!("{base}.text")
                get=Arc::new(move |d| {
                    d.signature.lines.get(i).map(|l| l.text.clone()).unwrap_or_default()
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
}

/// The authority (prefix) of line `i`; its labels depend on the profile.
fn prefix_select(ed: Editor, profile: Memo<Profile>, i: usize, pid: String) -> impl IntoView {
    view! {
        <div class="kh-field">
            <label for=pid.clone()>{move || ed.tr("Quyền hạn", "Authority")}</label>
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
                            )>{move || p.map_or("—", |p| p.label(profile.get()))}</option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

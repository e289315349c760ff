//! Nơi nhận: the recipients list and the archive line under it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::field::{field_id, Field};
use crate::ui::state::{editor, t, Editor};

#[component]
pub fn RecipientsEditor() -> impl IntoView {
    let ed = editor();
    let rec_count = Memo::new(move |_| ed.doc.with(|d| d.recipients.items.len()));
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
                {move || (0..rec_count.get()).map(|i| recipient_row(ed, i)).collect_view()}
            </ol>
            <button
                type="button"
                class="kh-small"
                id="kh-rec-add"
                on:click=move |_| {
                    ed.edit("!rec-add", |d| d.recipients.items.push(String::new()));
                    let last = ed.doc.with_untracked(|d| d.recipients.items.len());
                    ed.focus_later(item_id(last.saturating_sub(1)));
                }
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
    }
}

/// The DOM id of recipient `i`'s input.
fn item_id(i: usize) -> String {
    field_id(&format!("recipients.items[{i}]"))
}

/// Recipient `i`: its text, move up and delete.
fn recipient_row(ed: Editor, i: usize) -> impl IntoView {
    view! {
        <li class="kh-node-row">
            <Field
                label=move || format!("{} {}", ed.tr("Nơi nhận", "Recipient"), i + 1)
                path=format!("recipients.items[{i}]")
                get=Arc::new(move |d| d.recipients.items.get(i).cloned().unwrap_or_default())
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
                    format!("{} {}", ed.tr("Chuyển lên nơi nhận", "Move up recipient"), i + 1)
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
                    );
                    let left = ed.doc.with_untracked(|d| d.recipients.items.len());
                    ed.focus_later(if i < left { item_id(i) } else { "kh-rec-add".into() });
                }
            >
                {move || ed.tr("Xóa", "Delete")}
            </button>
        </li>
    }
}

//! The drafts dialog: the list (open, duplicate, rename, delete with
//! confirmation) and, in the standalone app, the «máy dùng chung» switch that
//! keeps drafts only for the life of the tab.

use leptos::prelude::*;

use super::drafts::{new_id, DraftInfo, Drafts, Store};
use super::partition::Area;
use super::state::{editor, Editor};
use super::AppOptions;
use crate::model::json::ImportError;
use crate::model::Document;
use crate::Lang;

/// The drafts dialog: list, open, duplicate, rename, delete with confirmation.
#[component]
pub fn DraftsPanel(open: RwSignal<bool>) -> impl IntoView {
    let ed = editor();
    let drafts = expect_context::<Drafts>();
    view! {
        <section class="kh-drafts" role="dialog" aria-modal="false" aria-labelledby="kh-drafts-h">
            <h2 id="kh-drafts-h">{move || ed.tr("Các bản nháp", "Drafts")}</h2>
            <SharedComputer />
            <Show when=move || !drafts.store.with_value(Store::available)>
                <p class="kh-error">
                    {move || {
                        ed.tr(
                            "Trình duyệt không cho lưu bản nháp; hãy tải JSON về máy.",
                            "The browser does not allow saving drafts; download the JSON.",
                        )
                    }}
                </p>
            </Show>
            <ul class="kh-draft-list">
                {move || {
                    drafts
                        .list
                        .get()
                        .into_iter()
                        .map(|d| view! { <DraftItem draft=d open /> })
                        .collect_view()
                }}
            </ul>
            <button
                type="button"
                on:click=move |_| {
                    open.set(false);
                    super::dom::focus_now(ed.root, "kh-drafts-button");
                }
            >
                {move || ed.tr("Đóng", "Close")}
            </button>
        </section>
    }
}

/// One draft of the list, with its buttons.
#[component]
fn DraftItem(draft: DraftInfo, open: RwSignal<bool>) -> impl IntoView {
    let ed = editor();
    let drafts = expect_context::<Drafts>();
    let DraftInfo { id, name, updated } = draft;
    let mine = id.clone();
    let current = move || drafts.id.get() == mine;
    let when = saved_at(&updated);
    let label = name.clone();
    let button = move |vi: &'static str, en: &'static str, danger: bool, act: Act| {
        let (id, name) = (id.clone(), name.clone());
        view! {
            <button
                type="button"
                class=if danger { "kh-small kh-danger" } else { "kh-small" }
                on:click=move |_| act(ed, drafts, open, &id, &name)
            >
                {move || ed.tr(vi, en)}
            </button>
        }
    };
    view! {
        <li class:kh-current=current>
            <span class="kh-draft-name">
                {move || super::drafts::shown_name(&label, ed.lang.get())}
            </span>
            " "
            <span class="kh-hint">{when}</span>
            {button("Mở", "Open", false, open_draft)}
            {button("Nhân bản", "Duplicate", false, duplicate)}
            {button("Đổi tên", "Rename", false, rename)}
            {button("Xóa", "Delete", true, delete)}
        </li>
    }
}

/// When a draft was saved, in this computer's time, day first ("06/12/2026
/// 14:05"); the stored time is UTC (ISO 8601).
fn saved_at(iso: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return String::new();
    }
    crate::model::moment_vi(
        d.get_full_year() as i32,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
        d.get_hours() as u8,
        d.get_minutes() as u8,
    )
}

/// What a draft's button does: (editor, drafts, the dialog's open flag, id, name).
type Act = fn(Editor, Drafts, RwSignal<bool>, &str, &str);

/// The stored draft `id` and its name, if it can be read.
fn load(drafts: Drafts, id: &str) -> Option<Result<(Document, String), ImportError>> {
    let store = drafts.store.get_value();
    let doc = store.load(id)?;
    Some(doc.map(|doc| (doc, store.name_of(id))))
}

fn open_draft(ed: Editor, drafts: Drafts, open: RwSignal<bool>, id: &str, _: &str) {
    drafts.save_if_changed(&ed);
    match load(drafts, id) {
        Some(Ok((doc, name))) => {
            drafts.id.set(id.to_string());
            drafts.name.set(name);
            ed.load(doc);
            drafts.save_now(&ed);
            open.set(false);
            super::dom::focus_first_when_drawn(ed.root, super::dom::FIRST_FIELD);
        }
        Some(Err(e)) => ed.say(
            true,
            format!("Không mở được bản nháp: {}", e.message_vi),
            format!("Cannot open the draft: {}", e.message_en),
        ),
        None => ed.say(true, "Không tìm thấy bản nháp.", "Draft not found."),
    }
}

fn duplicate(ed: Editor, drafts: Drafts, _: RwSignal<bool>, id: &str, _: &str) {
    if let Some(Ok((doc, name))) = load(drafts, id) {
        drafts.save_if_changed(&ed);
        drafts.open_new(&ed, format!("{name} (bản sao)"), doc);
    }
}

fn rename(ed: Editor, drafts: Drafts, _: RwSignal<bool>, id: &str, old: &str) {
    let Ok(Some(name)) = window()
        .prompt_with_message_and_default(ed.tr("Tên mới của bản nháp:", "New draft name:"), old)
    else {
        return;
    };
    if name.trim().is_empty() {
        return;
    }
    let store = drafts.store.get_value();
    let _ = store.rename(id, name.trim());
    if drafts.id.get_untracked() == id {
        drafts.name.set(name.trim().to_string());
    }
    drafts.list.set(store.list());
}

fn delete(ed: Editor, drafts: Drafts, _: RwSignal<bool>, id: &str, name: &str) {
    let question = format!(
        "{} «{name}»? {}",
        ed.tr("Xóa bản nháp", "Delete the draft"),
        ed.tr("Không thể hoàn tác.", "This cannot be undone.")
    );
    if window().confirm_with_message(&question) != Ok(true) {
        return;
    }
    let store = drafts.store.get_value();
    let _ = store.remove(id);
    drafts.list.set(store.list());
    if drafts.id.get_untracked() == id {
        drafts.id.set(new_id());
    }
}

/// The standalone app's «máy dùng chung» switch (embedded editors take the
/// portal's `sharedComputer` option instead): on, drafts are kept for this tab
/// only and are gone when it closes; what is stored now moves with the switch.
#[component]
fn SharedComputer() -> impl IntoView {
    let ed = editor();
    let drafts = expect_context::<Drafts>();
    let standalone = use_context::<AppOptions>().is_some_and(|o| o.root == 0 && !o.read_only);
    let on = RwSignal::new(drafts.store.with_value(|s| {
        s.partition
            .as_ref()
            .is_some_and(|p| p.area == Area::Session)
    }));
    let toggle = move |want: bool| {
        let n = drafts.list.with_untracked(Vec::len);
        let question = if ed.lang.get_untracked() == Lang::Vi {
            format!("Trên máy dùng chung, bản nháp chỉ được giữ đến khi đóng thẻ này. {n} bản nháp đang lưu trên máy sẽ chuyển vào thẻ này và mất khi đóng thẻ; hãy tải về máy (JSON hoặc .docx) những bản cần giữ. Tiếp tục?")
        } else {
            format!("On a shared computer, drafts are kept only until this tab is closed. The {n} drafts stored in this browser will move into this tab and be gone when it closes; download (JSON or .docx) the ones you need. Continue?")
        };
        if want && window().confirm_with_message(&question) != Ok(true) {
            on.set(false);
            return;
        }
        match drafts.set_shared_computer(&ed, want) {
            Ok(()) => {
                on.set(want);
                if want {
                    ed.say(
                        false,
                        "Máy dùng chung: bản nháp chỉ được giữ đến khi đóng thẻ này.",
                        "Shared computer: drafts are kept only until this tab is closed.",
                    );
                } else {
                    ed.say(
                        false,
                        "Bản nháp được lưu lại trong trình duyệt này.",
                        "Drafts are kept in this browser.",
                    );
                }
            }
            Err(_) => {
                on.set(!want);
                ed.say(true, "Không chuyển được các bản nháp: bộ nhớ của trình duyệt đã đầy hoặc bị tắt. Không có bản nháp nào bị xóa.", "Could not move the drafts: the browser's storage is full or turned off. No draft was deleted.");
            }
        }
    };
    view! {
        <Show when=move || standalone>
            <p class="kh-shared">
                <label>
                    <input
                        type="checkbox"
                        id="kh-shared-computer"
                        prop:checked=move || on.get()
                        on:change=move |ev| toggle(event_target_checked(&ev))
                    />
                    " "
                    {move || {
                        ed.tr(
                            "Máy dùng chung: chỉ giữ bản nháp đến khi đóng thẻ này",
                            "Shared computer: keep drafts only until this tab is closed",
                        )
                    }}
                </label>
            </p>
        </Show>
    }
}

//! The top of the editor besides its toolbar: the title bar (draft name and
//! save state, issue counts, language) and the status line.

use leptos::prelude::*;

use super::drafts::{self, Drafts};
use super::gallery::Gallery;
use super::issues_panel;
use super::state::editor;
use super::Editor;
use crate::Lang;

/// Title, the open draft and whether it is saved, issue counts, language switch.
#[component]
pub fn TopBar(drafts: Drafts, read_only: bool) -> impl IntoView {
    let ed = editor();
    let gallery = expect_context::<Gallery>();
    view! {
        <div class="kh-topbar">
            <h1 class="kh-title">{move || ed.tr("Soạn thảo kế hoạch", "Plan editor")}</h1>
            <span class="kh-draft-label">
                {move || drafts::shown_name(&drafts.name.get(), ed.lang.get())} " · "
                {move || match (read_only, drafts.saved.get()) {
                    (true, _) => ed.tr("chế độ xem", "review mode"),
                    (_, Some(true)) => ed.tr("đã lưu", "saved"),
                    (_, Some(false)) => ed.tr("CHƯA LƯU ĐƯỢC", "NOT SAVED"),
                    (_, None) => ed.tr("đang soạn…", "editing…"),
                }}
            </span>
            // A template gallery has no findings to count (nor a document yet).
            // Nor counts before the rules have loaded: an empty report is not "0 lỗi".
            <Show when=move || !gallery.open.get() && ed.checked.get()>
                <issues_panel::Counts />
            </Show>
            <button
                type="button"
                class="kh-lang"
                on:click=move |_| {
                    ed.lang.update(|l| *l = if *l == Lang::Vi { Lang::En } else { Lang::Vi })
                }
            >
                {move || { if ed.lang.get() == Lang::Vi { "English" } else { "Tiếng Việt" } }}
            </button>
        </div>
    }
}

/// The last message, with a dismiss button; an error also offers the document
/// as JSON, so that whatever went wrong nothing typed is lost.
#[component]
pub fn StatusLine() -> impl IntoView {
    let ed = editor();
    view! {
        <div class="kh-status" role="status" aria-live="polite">
            {move || {
                ed.status
                    .get()
                    .map(|s| {
                        let text = if ed.lang.get() == Lang::Vi { s.vi } else { s.en };
                        view! {
                            <p class=if s.error {
                                "kh-status-msg kh-error"
                            } else {
                                "kh-status-msg"
                            }>
                                {text}
                                {s
                                    .rescue
                                    .then(|| {
                                        view! {
                                            <button
                                                type="button"
                                                class="kh-small"
                                                on:click=move |_| rescue_json(ed)
                                            >
                                                {move || ed.tr("Tải JSON về máy", "Download JSON")}
                                            </button>
                                        }
                                    })}
                                <button
                                    type="button"
                                    class="kh-small"
                                    aria-label=move || ed.tr("Đóng thông báo", "Dismiss")
                                    on:click=move |_| ed.status.set(None)
                                >
                                    "×"
                                </button>
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// The document as a JSON file, without the export's checks or events.
fn rescue_json(ed: Editor) {
    let doc = ed.doc.get_untracked();
    let _ = drafts::download(
        &format!("{}.json", crate::export::file_stem(&doc)),
        "application/json",
        crate::model::json::to_json(&doc).as_bytes(),
    );
}

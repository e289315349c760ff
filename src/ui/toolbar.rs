//! The toolbar: new document, templates, drafts, undo and redo, JSON import
//! and download, the exports and, for a host that asks for it, «Gửi».

use leptos::prelude::*;

use super::drafts::{self, Drafts};
use super::gallery::{self, Gallery};
use super::later::later;
use super::state::editor;
use super::{event_target, events, export_panel, Editor, Tab};

/// What the host page lets the toolbar do (from `AppOptions`).
#[derive(Clone, Copy)]
pub struct Offers {
    pub read_only: bool,
    pub json: bool,
    pub submit: bool,
    pub submit_with_errors: bool,
    pub sink: u32,
}

#[component]
pub fn Toolbar(
    offers: Offers,
    drafts: Drafts,
    gallery: Gallery,
    tab: RwSignal<Tab>,
    drafts_open: RwSignal<bool>,
    guide_open: RwSignal<bool>,
) -> impl IntoView {
    let ed = editor();
    let Offers {
        read_only,
        json,
        submit: show_submit,
        submit_with_errors,
        sink,
    } = offers;
    view! {
        <div
            class="kh-toolbar"
            role="toolbar"
            aria-label=move || ed.tr("Thao tác với văn bản", "Document actions")
            on:pointerenter=|_| export_panel::fetch_exports()
            on:focusin=|_| export_panel::fetch_exports()
        >
            <Show when=move || !read_only>
                <ToolGroup id="kh-tools-doc" vi="Văn bản" en="Document">
                    <EditingButtons drafts gallery tab drafts_open />
                </ToolGroup>
                <ToolGroup id="kh-tools-edit" vi="Sửa" en="Edit">
                    <UndoButtons />
                </ToolGroup>
            </Show>
            <ToolGroup id="kh-tools-export" vi="Xuất" en="Export">
                <export_panel::ExportButtons json=json />
            </ToolGroup>
            {show_submit
                .then(|| {
                    view! {
                        <button
                            type="button"
                            id="kh-submit"
                            class="kh-primary"
                            on:click=move |_| submit(ed, sink, submit_with_errors)
                        >
                            {move || ed.tr("Gửi", "Submit")}
                        </button>
                    }
                })}
            <button
                type="button"
                id="kh-guide-button"
                class="kh-guide-button"
                aria-expanded=move || guide_open.get().to_string()
                on:click=move |_| guide_open.update(|o| *o = !*o)
            >
                {move || ed.tr("Hướng dẫn", "Guide")}
            </button>
        </div>
    }
}

/// A labelled group of the toolbar's buttons ("Văn bản", "Xuất").
#[component]
fn ToolGroup(
    id: &'static str,
    vi: &'static str,
    en: &'static str,
    children: Children,
) -> impl IntoView {
    let ed = editor();
    view! {
        <div class="kh-tool-group" role="group" aria-labelledby=id>
            <span class="kh-tool-label" id=id>
                {move || ed.tr(vi, en)}
            </span>
            {children()}
        </div>
    }
}

/// «Hoàn tác», «Làm lại».
#[component]
fn UndoButtons() -> impl IntoView {
    let ed = editor();
    view! {
        <button
            type="button"
            aria-keyshortcuts="Control+Z"
            prop:disabled=move || !ed.can_undo.get()
            on:click=move |_| ed.undo()
        >
            {move || ed.tr("Hoàn tác", "Undo")}
        </button>
        <button
            type="button"
            aria-keyshortcuts="Control+Y"
            prop:disabled=move || !ed.can_redo.get()
            on:click=move |_| ed.redo()
        >
            {move || ed.tr("Làm lại", "Redo")}
        </button>
    }
}

/// The buttons that change the document or open another one (not in review mode).
#[component]
fn EditingButtons(
    drafts: Drafts,
    gallery: Gallery,
    tab: RwSignal<Tab>,
    drafts_open: RwSignal<bool>,
) -> impl IntoView {
    let ed = editor();
    let new_doc = move |_| {
        drafts.save_if_changed(&ed);
        gallery.open.set(true);
        tab.set(Tab::Header);
        super::dom::focus_first_when_drawn(ed.root, ".kh-gallery .kh-card button");
    };
    view! {
        <button type="button" id="kh-new" on:click=new_doc>
            {move || ed.tr("Văn bản mới…", "New…")}
        </button>
        <label class="kh-file-button" for="kh-import-word">
            {move || ed.tr("Mở tệp Word (.docx)…", "Open Word file (.docx)…")}
        </label>
        <input
            id="kh-import-word"
            class="kh-visually-hidden"
            type="file"
            accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
            on:change=super::import_panel::chosen
        />
        <label class="kh-file-button" for="kh-import">
            {move || ed.tr("Nhập JSON…", "Import JSON…")}
        </label>
        <input
            id="kh-import"
            class="kh-visually-hidden"
            type="file"
            accept=".json,application/json"
            on:change=import_chosen
        />
        <button
            type="button"
            id="kh-paste-whole"
            on:click=move |_| {
                expect_context::<super::import_panel::Importer>()
                    .open(super::import_panel::Stage::Pasting);
                super::dom::focus_first_when_drawn(ed.root, "#kh-paste-text");
            }
        >
            {move || ed.tr("Dán cả văn bản…", "Paste a whole plan…")}
        </button>
        <button
            type="button"
            id="kh-drafts-button"
            aria-expanded=move || drafts_open.get().to_string()
            on:click=move |_| {
                drafts_open.update(|o| *o = !*o);
                if drafts_open.get_untracked() {
                    super::dom::focus_first_when_drawn(ed.root, ".kh-drafts :is(input, button)");
                }
            }
        >
            {move || ed.tr("Các bản nháp", "Drafts")}
        </button>
        <button type="button" on:click=move |_| save_template(ed, drafts)>
            {move || ed.tr("Lưu làm mẫu", "Save as template")}
        </button>
    }
}

/// Opens the JSON file chosen with «Nhập JSON…»; the input is emptied so the
/// same file can be chosen again.
fn import_chosen(ev: leptos::ev::Event) {
    let input: web_sys::HtmlInputElement = event_target(&ev);
    if let Some(file) = input.files().and_then(|f| f.get(0)) {
        drafts::import_file(file);
    }
    input.set_value("");
}

/// Opens a file dropped anywhere on the editor (not in review mode): a Word or
/// text file goes to the importer, anything else is read as a JSON plan.
pub fn import_dropped(read_only: bool, ev: leptos::ev::DragEvent) {
    if read_only {
        return;
    }
    let file = ev
        .data_transfer()
        .and_then(|d| d.files())
        .and_then(|f| f.get(0));
    if let Some(file) = file {
        ev.prevent_default();
        if super::import_panel::is_importable(&file) {
            expect_context::<super::import_panel::Importer>().file(file);
        } else {
            drafts::import_file(file);
        }
    }
}

/// «Lưu làm mẫu»: asks for a name and keeps the document as a personal template.
fn save_template(ed: Editor, drafts: Drafts) {
    let Ok(Some(name)) = window().prompt_with_message_and_default(
        ed.tr("Tên mẫu:", "Template name:"),
        &drafts.name.get_untracked(),
    ) else {
        return;
    };
    if name.trim().is_empty() {
        return;
    }
    let name = name.trim().to_string();
    later!(
        gallery::save_personal(name.clone(), ed.doc.get_untracked(), drafts),
        move |saved: Result<(), String>| match saved {
            Ok(()) => ed.say(
                false,
                format!("Đã lưu mẫu «{name}»."),
                format!("Template «{name}» saved.")
            ),
            Err(e) => ed.say(
                true,
                format!("Không lưu được mẫu: {e}"),
                format!("Could not save the template: {e}")
            ),
        }
    );
}

/// «Gửi»: hands the document and its report to the host page, unless it has
/// errors and the host does not take such documents.
fn submit(ed: Editor, sink: u32, submit_with_errors: bool) {
    if !ed.checked.get_untracked() {
        return ed.say(
            true,
            "Chưa gửi được: phần kiểm tra văn bản đang tải, hãy thử lại sau giây lát.",
            "Not sent: the checks are still loading; try again in a moment.",
        );
    }
    let (errors, summary) = ed.report_now(|r| {
        (
            r.count(crate::rules::Severity::Error),
            r.summary(ed.lang.get_untracked()),
        )
    });
    if errors > 0 && !submit_with_errors {
        ed.say(
            true,
            format!("Chưa gửi được: văn bản còn {summary}. Hãy sửa các lỗi trong bảng Kiểm tra văn bản."),
            format!("Not sent: the document has {summary}. Fix the errors listed under Checks."),
        );
        return;
    }
    let doc = ed.doc.with_untracked(crate::model::json::to_json);
    let report = ed.report.with_untracked(events::report_json);
    let detail = events::json_value(&format!("{{\"document\":{doc},\"report\":{report}}}"));
    events::emit(sink, "submit", detail);
    ed.say(false, "Đã gửi văn bản.", "Document sent.");
}

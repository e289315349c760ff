//! The browser UI: thin Leptos components that bind form fields to the document
//! model and show what the core says. No rule, numbering or export logic here.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::{DocKind, Document, PartialDate, Profile};
use crate::Lang;

mod agency_picker;
mod appendix;
mod body_editor;
mod closing_editor;
pub mod dom;
pub mod drafts;
pub mod events;
mod export_panel;
mod field;
mod gallery;
mod header_form;
mod issues_panel;
mod later;
pub mod options;
pub mod partition;
pub mod registry;
pub mod state;
mod table_window;
mod timeframe_field;

pub use state::Editor;

use drafts::{Drafts, Store};
use later::{later, later_view, split_point};
pub use options::{AppOptions, ExportKind};

/// Today's date by the browser's clock, in its time zone (the user's; std's
/// clock panics in wasm). The rules get it as an argument.
pub fn today() -> PartialDate {
    let d = js_sys::Date::new_0();
    PartialDate::ymd(
        d.get_full_year() as i32,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
}

/// Today's date, or 1 January of `year` when today is in another year.
fn today_or(year: i32) -> PartialDate {
    let t = today();
    if t.year == year {
        t
    } else {
        PartialDate::ymd(year, 1, 1)
    }
}

/// Which part of the editor is on screen.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tab {
    Header,
    Body,
    Appendices,
    Agencies,
    Closing,
    Cascade,
    Preview,
}

const TABS: [(Tab, &str, &str); 7] = [
    (Tab::Header, "Phần đầu", "Header"),
    (Tab::Body, "Nội dung", "Content"),
    (Tab::Appendices, "Phụ lục", "Appendices"),
    (Tab::Agencies, "Cơ quan", "Agencies"),
    (Tab::Closing, "Nơi nhận, chữ ký", "Recipients, signature"),
    (Tab::Cascade, "Cấp trên, thời hạn", "Parent, deadlines"),
    (Tab::Preview, "Xem trước", "Preview"),
];

/// `?sample=N` opens a generated plan with N appendix rows (for trying the editor
/// at scale and for the speed harness), at most the editor's row limit.
fn sample_rows_from_url() -> Option<usize> {
    let search = window().location().search().unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| kv.strip_prefix("sample="))
        .and_then(|n| n.parse::<usize>().ok())
}

// The generator and its texts are a part of their own: only `?sample=N` uses them.
split_point!(
    sample,
    fn sample_plan(rows: usize) -> Document {
        crate::model::sample::generated_plan(rows.min(crate::model::limits::MAX_ROWS))
    }
);

/// The application frame: top bar, tabs, the editor area and the issues panel.
/// Reads `AppOptions` from context (the standalone app uses the defaults).
#[component]
pub fn App() -> impl IntoView {
    let opts = use_context::<AppOptions>().unwrap_or_default();
    let drafts = Drafts::new(Store {
        partition: opts.storage.clone(),
    });
    let given = opts.document.clone().map(|d| opts.with_agencies(d));
    let sample = if opts.sink == 0 && given.is_none() {
        sample_rows_from_url()
    } else {
        None
    };
    let from_url = sample.is_some();
    let restored = if from_url {
        None
    } else {
        given.map(Ok).or_else(|| drafts.restore())
    };
    // A stored draft that cannot be opened (damaged or over the limits) is
    // kept in storage; the editor says why and starts from the gallery.
    let (restored, refused) = match restored {
        Some(Err(why)) => (None, Some(why)),
        Some(Ok(doc)) => (Some(doc), None),
        None => (None, None),
    };
    let restored_none = restored.is_none();
    let show_gallery = restored_none && !from_url && !opts.read_only;
    let root = opts.root;
    let ed = Editor::new(
        restored
            .unwrap_or_else(|| opts.with_agencies(Document::new(DocKind::Plan, Profile::State))),
        root,
    );
    ed.lang.set(opts.lang);
    if let Some((vi, en)) = refused {
        ed.say(true, vi, en);
    }
    if root != 0 {
        registry::put(root, ed);
    }
    provide_context(ed);
    provide_context(drafts);
    let gallery = gallery::Gallery::new(show_gallery, opts.templates.clone());
    // A template is where a fresh start begins: a restored draft opens as it was.
    if restored_none {
        gallery.preselect(opts.template.clone());
    }
    provide_context(gallery);
    if root != 0 {
        let o = opts.clone();
        registry::put_clearer(
            root,
            std::rc::Rc::new(move || {
                if o.read_only {
                    // The document under review stays on screen; nothing of it was stored.
                    return drafts.store.with_value(Store::clear);
                }
                drafts.clear(
                    &ed,
                    o.with_agencies(Document::new(DocKind::Plan, Profile::State)),
                )?;
                gallery.open.set(true);
                Ok(())
            }),
        );
    }
    let tab = RwSignal::new(if opts.read_only {
        Tab::Preview
    } else {
        Tab::Header
    });
    provide_context(tab);
    provide_context(export_panel::PrintRequest(RwSignal::new(false)));
    if let Some(rows) = sample {
        later!(sample_plan(rows), move |doc: Document| ed.load(doc));
    } else if !opts.read_only {
        drafts::autosave(ed, drafts);
    }
    host_events(ed, opts.sink);
    let read_only = opts.read_only;
    let offers = {
        let o = opts.clone();
        move |k: ExportKind| o.offers(k)
    };
    let show_submit = opts.submit;
    let sink = opts.sink;
    let submit_with_errors = opts.submit_with_errors;
    provide_context(opts);
    let drafts_open = RwSignal::new(false);

    // Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) work across every edit, also inside
    // fields; listened to on the editor itself so two editors on a page never
    // undo each other.
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if read_only || ev.is_composing() || !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        match ev.key().to_ascii_lowercase().as_str() {
            "z" if ev.shift_key() => {
                ev.prevent_default();
                ed.redo();
            }
            "z" => {
                ev.prevent_default();
                ed.undo();
            }
            "y" => {
                ev.prevent_default();
                ed.redo();
            }
            _ => {}
        }
    };

    let export_json = move |_| {
        if !export_panel::confirm_export() {
            return;
        }
        let doc = ed.doc.get_untracked();
        let name = format!("{}.json", drafts::file_stem(&doc));
        let json = crate::model::json::to_json(&doc);
        match drafts::download(&name, "application/json", json.as_bytes()) {
            Ok(()) => {
                export_panel::emit_export("json", &name, wasm_bindgen::JsValue::from_str(&json))
            }
            Err(e) => ed.say(
                true,
                format!("Không tải được tệp: {e}"),
                format!("Download failed: {e}"),
            ),
        }
    };
    let rescue_json = move |_| {
        let doc = ed.doc.get_untracked();
        let _ = drafts::download(
            &format!("{}.json", drafts::file_stem(&doc)),
            "application/json",
            crate::model::json::to_json(&doc).as_bytes(),
        );
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            drafts::import_file(file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        if read_only {
            return;
        }
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            drafts::import_file(file);
        }
    };
    let new_doc = move |_| {
        drafts.save_if_changed(&ed);
        gallery.open.set(true);
        tab.set(Tab::Header);
    };
    let save_template = move |_| {
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
    };
    let submit = move |_| {
        let (errors, summary) = ed.report.with_untracked(|r| {
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
    };
    let tab_button = move |t: Tab, vi: &'static str, en: &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                id=format!("kh-tab-{t:?}").to_ascii_lowercase()
                aria-selected=move || (tab.get() == t).to_string()
                class:kh-active=move || tab.get() == t
                aria-controls="kh-editor"
                on:click=move |_| tab.set(t)
            >
                {move || ed.tr(vi, en)}
            </button>
        }
    };
    let tabs: Vec<_> = TABS
        .into_iter()
        .filter(|(t, _, _)| !read_only || *t == Tab::Preview)
        .collect();
    let offers_json = offers(ExportKind::Json);
    view! {
        <div
            class="kh-app"
            lang=move || if ed.lang.get() == Lang::Vi { "vi" } else { "en" }
            on:keydown=on_keydown
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            <header class="kh-banner">
                <div class="kh-topbar">
                    <h1 class="kh-title">"Soạn thảo kế hoạch"</h1>
                    <span class="kh-draft-label">
                        {move || drafts.name.get()}" · "
                        {move || match (read_only, drafts.saved.get()) {
                            (true, _) => ed.tr("chế độ xem", "review mode"),
                            (_, Some(true)) => ed.tr("đã lưu", "saved"),
                            (_, Some(false)) => ed.tr("CHƯA LƯU ĐƯỢC", "NOT SAVED"),
                            (_, None) => ed.tr("đang soạn…", "editing…"),
                        }}
                    </span>
                    <issues_panel::Counts />
                    <button
                        type="button"
                        class="kh-lang"
                        on:click=move |_| {
                            ed.lang
                                .update(|l| *l = if *l == Lang::Vi { Lang::En } else { Lang::Vi })
                        }
                    >
                        {move || {
                            if ed.lang.get() == Lang::Vi { "English" } else { "Tiếng Việt" }
                        }}
                    </button>
                </div>
                <div
                    class="kh-toolbar"
                    role="toolbar"
                    aria-label=move || ed.tr("Thao tác với văn bản", "Document actions")
                    on:pointerenter=|_| export_panel::fetch_exports()
                    on:focusin=|_| export_panel::fetch_exports()
                >
                    <Show when=move || !read_only>
                        <button type="button" id="kh-new" on:click=new_doc>
                            {move || ed.tr("Văn bản mới…", "New…")}
                        </button>
                        <button type="button" on:click=save_template>
                            {move || ed.tr("Lưu làm mẫu", "Save as template")}
                        </button>
                        <button
                            type="button"
                            aria-expanded=move || drafts_open.get().to_string()
                            on:click=move |_| drafts_open.update(|o| *o = !*o)
                        >
                            {move || ed.tr("Các bản nháp", "Drafts")}
                        </button>
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
                        <label class="kh-file-button" for="kh-import">
                            {move || ed.tr("Nhập JSON…", "Import JSON…")}
                        </label>
                        <input
                            id="kh-import"
                            class="kh-visually-hidden"
                            type="file"
                            accept=".json,application/json"
                            on:change=on_file
                        />
                    </Show>
                    {offers_json
                        .then(|| {
                            view! {
                                <button type="button" id="kh-export-json" on:click=export_json>
                                    {move || ed.tr("Tải JSON", "Download JSON")}
                                </button>
                            }
                        })}
                    <export_panel::ExportButtons />
                    {show_submit
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    id="kh-submit"
                                    class="kh-primary"
                                    on:click=submit
                                >
                                    {move || ed.tr("Gửi", "Submit")}
                                </button>
                            }
                        })}
                </div>
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
                                            .error
                                            .then(|| {
                                                view! {
                                                    <button type="button" class="kh-small" on:click=rescue_json>
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
                <Show when=move || drafts_open.get()>{later_view!(drafts_panel(drafts_open))}</Show>
            </header>
            <agency_picker::AgencyDatalist />
            <Show
                when=move || !gallery.open.get()
                fallback=|| {
                    view! { <main class="kh-gallery-wrap">{later_view!(gallery_screen())}</main> }
                }
            >
                <main class="kh-layout">
                    <div class="kh-work">
                        <nav
                            class="kh-tabs"
                            role="tablist"
                            aria-label=move || {
                                ed.tr("Các phần của văn bản", "Parts of the document")
                            }
                        >
                            {tabs
                                .clone()
                                .into_iter()
                                .map(|(t, vi, en)| tab_button(t, vi, en))
                                .collect_view()}
                        </nav>
                        <div
                            class="kh-main"
                            id="kh-editor"
                            role="tabpanel"
                            aria-labelledby=move || {
                                format!("kh-tab-{:?}", tab.get()).to_ascii_lowercase()
                            }
                        >
                            {move || match tab.get() {
                                Tab::Header => view! { <header_form::HeaderForm /> }.into_any(),
                                Tab::Body => later_view!(body_tab()),
                                Tab::Appendices => later_view!(appendices_tab()),
                                Tab::Agencies => later_view!(agencies_tab()),
                                Tab::Closing => later_view!(closing_tab()),
                                Tab::Cascade => later_view!(cascade_tab()),
                                Tab::Preview => later_view!(preview_tab()),
                            }}
                        </div>
                    </div>
                    <issues_panel::IssuesPanel />
                </main>
            </Show>
        </div>
    }
}

// The editor's parts other than the header form load on first use (later.rs).
split_point!(
    body,
    fn body_tab() -> AnyView {
        view! { <body_editor::BodyEditor /> }.into_any()
    }
);
split_point!(
    appendices,
    fn appendices_tab() -> AnyView {
        view! { <appendix::AppendicesEditor /> }.into_any()
    }
);
split_point!(
    closing,
    fn agencies_tab() -> AnyView {
        view! { <closing_editor::AgenciesEditor /> }.into_any()
    }
);
split_point!(
    closing,
    fn closing_tab() -> AnyView {
        view! { <closing_editor::ClosingEditor /> }.into_any()
    }
);
split_point!(
    closing,
    fn cascade_tab() -> AnyView {
        view! { <closing_editor::CascadeEditor /> }.into_any()
    }
);
split_point!(
    preview,
    fn preview_tab() -> AnyView {
        view! { <export_panel::Preview /> }.into_any()
    }
);
split_point!(
    drafts,
    fn drafts_panel(open: RwSignal<bool>) -> AnyView {
        view! { <drafts::DraftsPanel open=open /> }.into_any()
    }
);
split_point!(
    gallery,
    fn gallery_screen() -> AnyView {
        view! { <gallery::GalleryScreen /> }.into_any()
    }
);

/// Tell the host page about changes (debounced, with the JSON) and about every
/// new report of the rules.
fn host_events(ed: Editor, sink: u32) {
    if sink == 0 {
        return;
    }
    let generation = StoredValue::new(0u64);
    Effect::new(move |prev: Option<()>| {
        ed.revision.track();
        if prev.is_none() {
            return;
        }
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                // The editor may have been destroyed meanwhile: then do nothing.
                if generation.try_get_value() == Some(mine) {
                    if let Some(json) = ed.doc.try_with_untracked(crate::model::json::to_json) {
                        events::emit(sink, "change", events::json_value(&json));
                    }
                }
            },
            std::time::Duration::from_millis(CHANGE_DEBOUNCE_MS),
        );
    });
    Effect::new(move |_| {
        let report = ed.report.with(events::report_json);
        events::emit(sink, "validate", events::json_value(&report));
    });
}

/// Quiet time after the last edit before a `change` event is sent.
const CHANGE_DEBOUNCE_MS: u64 = 300;

/// Mount the standalone app on the page body (the Trunk entry point). Pages that
/// embed the editor load the same module without `data-kehoach-app` on their
/// body, and mount editors through `embed::mount` instead.
pub fn start() {
    console_error_panic_hook::set_once();
    let standalone = document()
        .body()
        .is_some_and(|b| b.has_attribute("data-kehoach-app"));
    if standalone {
        leptos::mount::mount_to_body(App);
    }
}

/// The input element an event came from.
fn event_target<T: JsCast>(ev: &leptos::ev::Event) -> T {
    ev.target().expect("event target").unchecked_into()
}

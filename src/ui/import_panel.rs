//! «Mở tệp Word (.docx)» and «Dán cả văn bản»: a plan written elsewhere read
//! by the core's importer, its import report shown before the document opens
//! as a new draft. The importer (zip, XML, recognition) and this panel are a
//! part loaded on first use (later.rs), so the first load does not grow.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::drafts::Drafts;
use super::gallery::Gallery;
use super::later::{later, split_point};
use super::state::editor;
use crate::import::Imported;
use crate::Lang;

/// Where an import stands.
#[derive(Clone)]
pub enum Stage {
    Closed,
    /// The paste box is open.
    Pasting,
    /// A file is being read (named).
    Reading(String),
    /// Recognised: the report waits for the person to open or cancel.
    Ready(String, Box<Imported>),
    /// Not readable: the message in both languages.
    Failed(String, String),
}

/// The import panel's state, shared by the toolbar, drops and the panel.
#[derive(Clone, Copy)]
pub struct Importer {
    pub stage: RwSignal<Stage>,
    /// What was pasted, kept until an import opens (a cancelled paste is not lost).
    pub pasted: RwSignal<String>,
}

impl Importer {
    pub fn new() -> Self {
        Importer {
            stage: RwSignal::new(Stage::Closed),
            pasted: RwSignal::new(String::new()),
        }
    }

    /// Tracked, without cloning a read document on every change.
    pub fn is_open(&self) -> bool {
        self.stage.with(|s| !matches!(s, Stage::Closed))
    }

    pub fn is_open_untracked(&self) -> bool {
        self.stage.with_untracked(|s| !matches!(s, Stage::Closed))
    }

    /// Open at `stage`, remembering what opened the dialog (Esc and «Hủy»
    /// give it the focus back).
    pub fn open(self, stage: Stage) {
        if !self.is_open_untracked() {
            super::shortcuts::remember_opener(editor());
        }
        self.stage.set(stage);
    }

    /// Close the dialog, the focus back on what opened it.
    pub fn close(self) {
        self.stage.set(Stage::Closed);
        super::shortcuts::give_focus_back(editor(), "kh-paste-whole");
    }

    /// Read a chosen or dropped Word or text file.
    pub fn file(self, file: web_sys::File) {
        let name = file.name();
        if let Err(e) = crate::model::limits::check_size(file.size() as usize) {
            self.open(Stage::Failed(e.message_vi, e.message_en));
            return;
        }
        self.open(Stage::Reading(name.clone()));
        leptos::task::spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                Err(_) => {
                    self.stage.set(Stage::Failed(
                        format!("Không đọc được tệp «{name}» từ máy."),
                        format!("Cannot read «{name}» from this computer."),
                    ));
                    return;
                }
            };
            // Give the page a moment to show «Đang đọc…» before the work starts.
            set_timeout(
                move || {
                    let shown = name;
                    later!(read_file(bytes), move |r: Result<
                        Imported,
                        (String, String),
                    >| {
                        self.stage.set(match r {
                            Ok(i) => Stage::Ready(shown, Box::new(i)),
                            Err((vi, en)) => Stage::Failed(vi, en),
                        })
                    });
                },
                std::time::Duration::from_millis(30),
            );
        });
    }
}

split_point!(
    import,
    pub fn read_file(bytes: Vec<u8>) -> Result<Imported, (String, String)> {
        crate::import::file::import_bytes(&bytes)
            .map_err(|e| (e.message(Lang::Vi), e.message(Lang::En)))
    }
);

split_point!(
    import,
    pub fn read_pasted(text: String) -> Result<Imported, (String, String)> {
        crate::import::file::within_limits(crate::import::import_text(&text))
            .map_err(|e| (e.message(Lang::Vi), e.message(Lang::En)))
    }
);

split_point!(
    import,
    pub fn import_panel() -> AnyView {
        view! { <ImportPanel /> }.into_any()
    }
);

/// Whether a file is for the importer (Word or text) rather than a JSON plan.
pub fn is_importable(file: &web_sys::File) -> bool {
    crate::import::file::is_importable_name(&file.name())
}

#[component]
fn ImportPanel() -> impl IntoView {
    let ed = editor();
    let imp = expect_context::<Importer>();
    view! {
        <section class="kh-import" role="dialog" aria-modal="false" aria-labelledby="kh-import-h">
            <h2 id="kh-import-h">
                {move || ed.tr("Mở văn bản đã có", "Open an existing plan")}
            </h2>
            {move || match imp.stage.get() {
                Stage::Closed => ().into_any(),
                Stage::Pasting => view! { <PasteBox /> }.into_any(),
                Stage::Reading(name) => {
                    view! {
                        <p class="kh-loading" role="status">
                            {move || {
                                ed.lang
                                    .get()
                                    .pick(
                                        format!("Đang đọc «{name}»…"),
                                        format!("Reading «{name}»…"),
                                    )
                            }}
                        </p>
                    }
                        .into_any()
                }
                Stage::Ready(name, imported) => view! { <ReportView name imported /> }.into_any(),
                Stage::Failed(vi, en) => {
                    view! {
                        <p role="alert" class="kh-import-error">
                            {move || ed.lang.get().pick(vi.clone(), en.clone())}
                        </p>
                        <button type="button" on:click=move |_| imp.close()>
                            {move || ed.tr("Đóng", "Close")}
                        </button>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn PasteBox() -> impl IntoView {
    let ed = editor();
    let imp = expect_context::<Importer>();
    let recognise = move |_| {
        let text = imp.pasted.get_untracked();
        if let Err(e) = crate::model::limits::check_size(text.len()) {
            imp.stage.set(Stage::Failed(e.message_vi, e.message_en));
            return;
        }
        imp.stage.set(Stage::Reading(
            ed.tr("văn bản đã dán", "the pasted text").to_string(),
        ));
        later!(read_pasted(text), move |r: Result<
            Imported,
            (String, String),
        >| {
            let name = ed.tr("Văn bản đã dán", "Pasted text").to_string();
            imp.stage.set(match r {
                Ok(i) => Stage::Ready(name, Box::new(i)),
                Err((vi, en)) => Stage::Failed(vi, en),
            });
        });
    };
    view! {
        <p id="kh-paste-help">
            {move || {
                ed.tr(
                    "Dán toàn bộ kế hoạch (chép từ Word, PDF hoặc thư điện tử), rồi bấm «Nhận dạng».",
                    "Paste the whole plan (copied from Word, a PDF or an e-mail), then press «Recognise».",
                )
            }}
        </p>
        <textarea
            id="kh-paste-text"
            rows="14"
            aria-describedby="kh-paste-help"
            aria-label=move || ed.tr("Văn bản cần nhận dạng", "Text to recognise")
            prop:value=move || imp.pasted.get()
            on:input=move |ev| imp.pasted.set(event_target_value(&ev))
        ></textarea>
        <div class="kh-import-actions">
            <button type="button" class="kh-primary" on:click=recognise>
                {move || ed.tr("Nhận dạng", "Recognise")}
            </button>
            <button type="button" on:click=move |_| imp.close()>
                {move || ed.tr("Hủy", "Cancel")}
            </button>
        </div>
    }
}

#[component]
fn ReportView(name: String, imported: Box<Imported>) -> impl IntoView {
    let ed = editor();
    let imp = expect_context::<Importer>();
    let drafts = expect_context::<Drafts>();
    let gallery = expect_context::<Gallery>();
    let Imported {
        document, report, ..
    } = *imported;
    let report = std::sync::Arc::new(report);
    let doc = StoredValue::new(document);
    // The file is read: opening it is the next thing to do.
    ed.focus_later("kh-import-open".into());
    let summary = {
        let report = report.clone();
        move || report.summary(ed.lang.get())
    };
    let stem = name
        .rsplit_once('.')
        .map_or(name.as_str(), |(s, _)| s)
        .to_string();
    let open = move |_| {
        drafts.save_if_changed(&ed);
        drafts.open_new(&ed, stem.clone(), doc.get_value());
        gallery.open.set(false);
        imp.pasted.set(String::new());
        imp.stage.set(Stage::Closed);
        super::dom::focus_first_when_drawn(ed.root, super::dom::FIRST_FIELD);
        ed.say(
            false,
            "Đã mở văn bản thành một bản nháp mới. Hãy xem lại các mục và các lỗi được nêu.",
            "Opened as a new draft. Please review each part and the problems listed.",
        );
    };
    let lines = move || {
        report
            .render(ed.lang.get())
            .lines()
            .skip(1)
            .map(|l| view! { <li>{l.trim_start_matches("- ").to_string()}</li> })
            .collect_view()
    };
    view! {
        <p class="kh-import-file">{name.clone()}</p>
        <p role="status">{summary}</p>
        <ul class="kh-import-report">{lines}</ul>
        <div class="kh-import-actions">
            <button type="button" id="kh-import-open" class="kh-primary" on:click=open>
                {move || ed.tr("Mở thành bản nháp mới", "Open as a new draft")}
            </button>
            <button type="button" on:click=move |_| imp.close()>
                {move || ed.tr("Hủy", "Cancel")}
            </button>
        </div>
    }
}

/// The file input's change: hand the chosen file over, empty the input so the
/// same file can be chosen again.
pub fn chosen(ev: leptos::ev::Event) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    if let Some(file) = input.files().and_then(|f| f.get(0)) {
        expect_context::<Importer>().file(file);
    }
    input.set_value("");
}

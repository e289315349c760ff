//! Preview and exports: the document as it reads on paper, copy as text, rich
//! copy into Word (HTML + plain text), .txt and .docx downloads, and printing.
//! Exporting is never disabled: with errors it asks first and says what is wrong.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::drafts::download;
use super::later::{later, split_point};
use super::state::{editor, Editor};
use crate::export::file_stem;
use crate::export::{docx::to_docx, html::to_html, text::to_text};
use crate::model::Document;
use crate::rules::Severity;
use crate::Lang;

/// Ask before exporting a document with errors, listing the first few.
/// Returns true when the export should go ahead.
pub fn confirm_export() -> bool {
    let ed = editor();
    if !ed.checked.get_untracked() {
        // Only in the first moments, while the rules' part loads (checker.rs).
        ed.say(
            false,
            "Đang tải phần kiểm tra văn bản; hãy bấm lại sau giây lát.",
            "The checks are still loading; click again in a moment.",
        );
        return false;
    }
    let (errors, lines) = ed.report_now(|r| {
        let errs: Vec<String> = r
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("• {}", f.message(ed.lang.get_untracked())))
            .collect();
        (
            errs.len(),
            errs.into_iter().take(5).collect::<Vec<_>>().join("\n"),
        )
    });
    if errors == 0 {
        return true;
    }
    let question = match ed.lang.get_untracked() {
        Lang::Vi => format!("Văn bản còn {errors} lỗi:\n{lines}\n\nVẫn xuất?"),
        Lang::En => format!("The document still has {errors} errors:\n{lines}\n\nExport anyway?"),
    };
    window().confirm_with_message(&question).unwrap_or(false)
}

/// Put `html` and `text` on the clipboard in one go, from a user gesture
/// (a copy event works without clipboard permissions and keeps both formats).
fn copy_to_clipboard(html: Option<String>, text: String) -> bool {
    let doc = document();
    let handler =
        Closure::<dyn FnMut(web_sys::ClipboardEvent)>::new(move |ev: web_sys::ClipboardEvent| {
            if let Some(data) = ev.clipboard_data() {
                let _ = data.set_data("text/plain", &text);
                if let Some(h) = &html {
                    let _ = data.set_data("text/html", h);
                }
                ev.prevent_default();
            }
        });
    let _ = doc.add_event_listener_with_callback("copy", handler.as_ref().unchecked_ref());
    let ok = doc
        .unchecked_ref::<web_sys::HtmlDocument>()
        .exec_command("copy")
        .unwrap_or(false);
    let _ = doc.remove_event_listener_with_callback("copy", handler.as_ref().unchecked_ref());
    ok
}

/// Tell the host page what was exported: format, file name and content.
pub fn emit_export(format: &str, filename: &str, content: wasm_bindgen::JsValue) {
    let sink = use_context::<super::AppOptions>()
        .map(|o| o.sink)
        .unwrap_or(0);
    if sink == 0 {
        return;
    }
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"format".into(), &format.into());
    let _ = js_sys::Reflect::set(&detail, &"filename".into(), &filename.into());
    let _ = js_sys::Reflect::set(&detail, &"content".into(), &content);
    super::events::emit(sink, "export", detail.into());
}

/// The export buttons the host offers (all of them in the standalone app).
#[component]
pub fn ExportButtons(
    /// Offer «Tải JSON» (the host may leave it out).
    json: bool,
) -> impl IntoView {
    use super::ExportKind::*;
    let ed = editor();
    let opts = use_context::<super::AppOptions>().unwrap_or_default();
    let tab = expect_context::<RwSignal<super::Tab>>();
    let pending = expect_context::<PrintRequest>().0;
    let button = |kind, id: &'static str, vi: &'static str, en: &'static str, act: fn()| {
        opts.offers(kind).then(|| {
            view! {
                <button type="button" id=id on:click=move |_| act()>
                    {move || ed.tr(vi, en)}
                </button>
            }
        })
    };
    // Printing needs the tab and the print request, so it is not a plain `fn()`.
    let print = move |_| print(tab, pending);
    view! {
        {button(Docx, "kh-export-docx", "Tải .docx", "Download .docx", save_docx)}
        {button(Text, "kh-export-txt", "Tải .txt", "Download .txt", save_txt)}
        {json
            .then(|| {
                view! {
                    <button type="button" id="kh-export-json" on:click=move |_| export_json(ed)>
                        {move || ed.tr("Tải JSON", "Download JSON")}
                    </button>
                }
            })}
        {button(Copy, "kh-copy-text", "Sao chép văn bản", "Copy text", copy_text)}
        {button(
            RichCopy,
            "kh-copy-rich",
            "Sao chép để dán vào Word",
            "Copy for Word",
            copy_rich,
        )}
        {opts
            .offers(Print)
            .then(|| {
                view! {
                    <button type="button" id="kh-print" on:click=print>
                        {move || ed.tr("In", "Print")}
                    </button>
                }
            })}
    }
}

/// «Tải JSON»: the document as a JSON file, also handed to the host page.
fn export_json(ed: Editor) {
    if !confirm_export() {
        return;
    }
    let doc = ed.doc.get_untracked();
    let name = format!("{}.json", crate::export::file_stem(&doc));
    let json = crate::model::json::to_json(&doc);
    match download(&name, "application/json", json.as_bytes()) {
        Ok(()) => emit_export("json", &name, wasm_bindgen::JsValue::from_str(&json)),
        Err(e) => ed.say(
            true,
            format!("Không tải được tệp: {e}"),
            format!("Download failed: {e}"),
        ),
    }
}

/// Says so when an export could not be handed to the browser.
fn report_failure(what: &str, ok: bool) {
    if !ok {
        editor().say(
            true,
            format!("Không {what} được. Hãy thử lại hoặc dùng nút tải tệp."),
            "The export failed. Try again or use a download button.",
        );
    }
}

// The exports load on first use (later.rs): the module is asked for as soon
// as the pointer or the focus reaches the buttons, so a click finds it there.

fn copy_text() {
    let ed = editor();
    if !confirm_export() {
        return;
    }
    later!(text_of(ed.doc.get_untracked()), move |text: String| {
        let ok = copy_to_clipboard(None, text.clone());
        report_failure("sao chép", ok);
        emit_export("copy", "", text.into());
        if ok {
            ed.say(
                false,
                "Đã sao chép văn bản. Dán vào Word rồi dùng «Convert Text to Table» cho các bảng.",
                "Text copied. In Word, use «Convert Text to Table» for the tables.",
            );
        }
    });
}

fn copy_rich() {
    let ed = editor();
    if !confirm_export() {
        return;
    }
    later!(html_and_text_of(ed.doc.get_untracked()), move |(
        html,
        text,
    ): (
        String,
        String
    )| {
        let ok = copy_to_clipboard(Some(html.clone()), text);
        report_failure("sao chép", ok);
        emit_export("rich-copy", "", html.into());
        if ok {
            ed.say(
                false,
                "Đã sao chép kèm định dạng: dán vào Word hoặc LibreOffice.",
                "Copied with formatting: paste into Word or LibreOffice.",
            );
        }
    });
}

fn save_txt() {
    let ed = editor();
    if !confirm_export() {
        return;
    }
    let name = ed.doc.with_untracked(|d| format!("{}.txt", file_stem(d)));
    later!(text_of(ed.doc.get_untracked()), move |text: String| {
        let ok = download(&name, "text/plain;charset=utf-8", text.as_bytes()).is_ok();
        report_failure("tải tệp", ok);
        emit_export("text", &name, text.into());
    });
}

fn save_docx() {
    let ed = editor();
    if !confirm_export() {
        return;
    }
    let name = ed.doc.with_untracked(|d| format!("{}.docx", file_stem(d)));
    later!(docx_of(ed.doc.get_untracked()), move |bytes: Vec<u8>| {
        const MIME: &str =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        report_failure("tải tệp", download(&name, MIME, &bytes).is_ok());
        emit_export(
            "docx",
            &name,
            js_sys::Uint8Array::from(bytes.as_slice()).into(),
        );
    });
}

fn print(tab: RwSignal<super::Tab>, pending: RwSignal<bool>) {
    if !confirm_export() {
        return;
    }
    if tab.get_untracked() == super::Tab::Preview {
        request_animation_frame(|| {
            let _ = window().print();
        });
    } else {
        // The preview prints once it is drawn (its part may still be loading).
        pending.set(true);
        tab.set(super::Tab::Preview);
    }
}

split_point!(
    export,
    fn text_of(doc: Document) -> String {
        to_text(&doc)
    }
);
split_point!(
    export,
    fn html_and_text_of(doc: Document) -> (String, String) {
        // Both from one layout.
        let l = crate::export::layout::layout(&doc);
        (
            crate::export::html::render(&l),
            crate::export::text::render(&l),
        )
    }
);
split_point!(
    export,
    fn docx_of(doc: Document) -> Vec<u8> {
        to_docx(&doc)
    }
);

/// Set when «In» asks for the preview to be printed as soon as it is drawn.
#[derive(Clone, Copy)]
pub struct PrintRequest(pub RwSignal<bool>);

/// Fetch the exports' module ahead of the first click (no-op once loaded, and
/// in an unsplit build).
pub fn fetch_exports() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(__wasm_split_preload_text_of());
}

/// Bytes of preview HTML past which only what is on screen is laid out (a
/// 1,000-row plan is about 2 MB).
const LONG_PREVIEW: usize = 3_000_000;

/// The document as it will read on paper (the same layout as the exports).
#[component]
pub fn Preview() -> impl IntoView {
    let ed = editor();
    let html = Memo::new(move |_| ed.doc.with(to_html));
    let paper = NodeRef::<leptos::html::Div>::new();
    let pending = expect_context::<PrintRequest>().0;
    let sheet = StoredValue::new_local(None::<web_sys::CssStyleSheet>);
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let (body, rules) = html.with(|h| by_class(h));
        paper.track();
        // Laying the HTML out is a task of its own: on the largest plan, making
        // it and laying it out in one task blocked the page for 300 ms.
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.try_get_value() == Some(mine) {
                    show_paper(ed, paper, sheet, pending, &body, &rules);
                }
            },
            std::time::Duration::ZERO,
        );
    });
    on_cleanup(move || {
        if let Some(Some(s)) = sheet.try_get_value() {
            drop_sheet(&super::dom::root(ed.root), &s);
        }
    });
    view! {
        <section class="kh-section kh-preview-section" aria-labelledby="kh-preview-h">
            <h2 id="kh-preview-h">{move || ed.tr("Xem trước bản in", "Print preview")}</h2>
            <div class="kh-paper" id="kh-paper" node_ref=paper></div>
        </section>
    }
}

/// Puts the preview's HTML and style rules on the page (and prints, when
/// asked), unless the preview has been taken down meanwhile.
fn show_paper(
    ed: super::Editor,
    paper: NodeRef<leptos::html::Div>,
    sheet: StoredValue<Option<web_sys::CssStyleSheet>, LocalStorage>,
    pending: RwSignal<bool>,
    body: &str,
    rules: &[String],
) {
    let Some(Some(el)) = paper.try_get_untracked() else {
        return;
    };
    // Laying out a long plan's preview at once took over a second;
    // a short one is drawn whole (its text stays in innerText).
    el.set_class_name(if body.len() > LONG_PREVIEW {
        "kh-paper kh-long"
    } else {
        "kh-paper"
    });
    el.set_inner_html(body);
    let s = sheet
        .get_value()
        .or_else(|| adopt_sheet(&super::dom::root(ed.root)));
    if let Some(s) = &s {
        while s.css_rules().map(|r| r.length()).unwrap_or(0) > 0 {
            let _ = s.delete_rule(0);
        }
        for r in rules {
            let _ = s.insert_rule_with_index(r, s.css_rules().map(|r| r.length()).unwrap_or(0));
        }
    }
    sheet.set_value(s);
    if pending.get_untracked() {
        pending.set(false);
        request_animation_frame(|| {
            let _ = window().print();
        });
    }
}

/// The export's inline styles as shared rules. A host page whose CSP has
/// `style-src 'self'` refuses inline style attributes, and setting each
/// element's style through the CSSOM took most of a second on a large plan:
/// each distinct style becomes one rule of a constructed style sheet (which
/// CSP allows) and the elements name it (`data-kh-s`). Returns the HTML and
/// the rules.
fn by_class(html: &str) -> (String, Vec<String>) {
    const ATTR: &str = " style=\"";
    let mut out = String::with_capacity(html.len());
    let mut styles: Vec<&str> = vec![];
    let mut rest = html;
    while let Some(at) = rest.find(ATTR) {
        let value_at = at + ATTR.len();
        let Some(len) = rest[value_at..].find('"') else {
            break;
        };
        let style = &rest[value_at..value_at + len];
        let n = styles.iter().position(|s| *s == style).unwrap_or_else(|| {
            styles.push(style);
            styles.len() - 1
        });
        out.push_str(&rest[..at]);
        out.push_str(&format!(" data-kh-s=\"{n}\""));
        rest = &rest[value_at + len + 1..];
    }
    out.push_str(rest);
    // The values come from the export, whose user text is escaped and never
    // reaches a style; "&quot;" cannot occur in them.
    let rules = styles
        .iter()
        .enumerate()
        .map(|(n, s)| format!("#kh-paper [data-kh-s=\"{n}\"] {{ {s} }}"))
        .collect();
    (out, rules)
}

/// A new style sheet adopted by `root` (the editor's document or shadow root).
fn adopt_sheet(root: &wasm_bindgen::JsValue) -> Option<web_sys::CssStyleSheet> {
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    let list = js_sys::Reflect::get(root, &"adoptedStyleSheets".into())
        .ok()
        .filter(js_sys::Array::is_array)?;
    let list = js_sys::Array::from(&list);
    list.push(&sheet);
    js_sys::Reflect::set(root, &"adoptedStyleSheets".into(), &list).ok()?;
    Some(sheet)
}

/// Take `sheet` off `root` again (the preview is gone).
fn drop_sheet(root: &wasm_bindgen::JsValue, sheet: &web_sys::CssStyleSheet) {
    if let Some(list) = js_sys::Reflect::get(root, &"adoptedStyleSheets".into())
        .ok()
        .filter(js_sys::Array::is_array)
    {
        let kept: js_sys::Array =
            js_sys::Array::from(&list).filter(&mut |s, _, _| !js_sys::Object::is(&s, sheet));
        let _ = js_sys::Reflect::set(root, &"adoptedStyleSheets".into(), &kept);
    }
}

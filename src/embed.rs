//! The JavaScript API for portals: `mount(element, options) → handle`.
//! Each editor lives in the shadow root of its host element, so its styles and
//! element ids never meet the portal's or another editor's. The JS loader
//! (`embed/kehoach.js`) wraps this with the `<kehoach-editor>` custom element.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::json::{from_json, from_value, to_json};
use crate::model::Agency;
use crate::ui::partition::{self, Scope};
use crate::ui::{dom, drafts, events, registry, AppOptions, ExportKind};
use crate::Lang;

/// Options as the portal writes them (camelCase; functions are read apart;
/// every option may be left out; unknown ones are ignored).
struct Spec {
    document: Option<serde_json::Value>,
    template: Option<String>,
    templates: Vec<serde_json::Value>,
    agencies: Vec<Agency>,
    locale: Option<String>,
    read_only: bool,
    exports: Option<Vec<String>>,
    /// The portal's name for its drafts (a key prefix); `false` or `null` keeps
    /// nothing in the browser (left out: `true`, a scope of the page and element).
    storage: serde_json::Value,
    /// Whose drafts: the portal's key for the signed-in person. Without it, or on
    /// a shared computer, drafts last only as long as the tab (`partition`).
    user: Option<String>,
    shared_computer: bool,
    submit: bool,
    allow_submit_with_errors: bool,
    base_url: Option<String>,
}

crate::model::read::structs! {
    Spec ignore {
        document = None, template = None, templates = vec![], agencies = vec![], locale = None,
        read_only as "readOnly" = false, exports = None, storage = serde_json::Value::Bool(true), user = None,
        shared_computer as "sharedComputer" = false, submit = false,
        allow_submit_with_errors as "allowSubmitWithErrors" = false, base_url as "baseUrl" = None,
    }
}

fn err(vi: String, en: String) -> JsValue {
    js_sys::Error::new(&format!("{en} / {vi}")).into()
}

/// A document that cannot be read: the message names the place in words, and
/// the error's `path` property gives the JSON path for the portal's code.
fn import_err(e: crate::model::json::ImportError) -> JsValue {
    let error = err(e.message_vi, e.message_en);
    let _ = js_sys::Reflect::set(&error, &"path".into(), &e.path.into());
    error
}

/// A JS string or object as JSON text, refused before it is copied into the
/// module when it is over the size limit (`limits`): UTF-8 takes at least one
/// byte per UTF-16 unit, so the JS length is a lower bound of the bytes.
fn json_text(value: &JsValue) -> Result<String, JsValue> {
    let js: js_sys::JsString = match value.dyn_ref::<js_sys::JsString>() {
        Some(s) => s.clone(),
        None => js_sys::JSON::stringify(value).unwrap_or_else(|_| js_sys::JsString::from("")),
    };
    crate::model::limits::check_size(js.length() as usize).map_err(import_err)?;
    Ok(String::from(js))
}

fn spec_from_js(options: &JsValue) -> Result<Spec, JsValue> {
    let text = if options.is_undefined() || options.is_null() {
        "{}".to_string()
    } else {
        json_text(options)?
    };
    // Read through a Value with the model's reader (`json::deserialize`): the
    // message names the option.
    let value = serde_json::from_str(&text).map_err(|e| {
        err(
            format!("tùy chọn không hợp lệ: {e}"),
            format!("invalid options: {e}"),
        )
    })?;
    crate::model::json::deserialize(value).map_err(|(path, e)| {
        let at = if path.is_empty() {
            String::new()
        } else {
            format!("{path}: ")
        };
        err(
            format!("tùy chọn không hợp lệ: {at}{e}"),
            format!("invalid options: {at}{e}"),
        )
    })
}

/// The `storage` option as a scope of drafts.
fn scope(storage: &serde_json::Value) -> Scope<'_> {
    match storage {
        serde_json::Value::String(name) => Scope::Named(name),
        serde_json::Value::Bool(true) => Scope::Default,
        _ => Scope::Nothing,
    }
}

fn page_path() -> String {
    window().location().pathname().unwrap_or_default()
}

/// `element_id` names the default scope of drafts (with the page's path).
fn options_from_js(
    options: &JsValue,
    element_id: &str,
) -> Result<(AppOptions, Option<String>), JsValue> {
    let spec = spec_from_js(options)?;
    let document = match spec.document {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(text)) => Some(from_json(&text).map_err(import_err)?),
        Some(value) => Some(from_value(value).map_err(import_err)?),
    };
    // Read by the gallery when it opens (its own module), which names the ones
    // it cannot read.
    let templates: Vec<String> = spec
        .templates
        .into_iter()
        .map(|t| match t {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        })
        .collect();
    let exports = match spec.exports {
        None => ExportKind::ALL.to_vec(),
        Some(list) => list
            .iter()
            .map(|s| {
                ExportKind::parse(s).ok_or_else(|| {
                    err(
                        format!("định dạng xuất không rõ: {s}"),
                        format!("unknown export: {s} (json, docx, text, copy, rich-copy, print)"),
                    )
                })
            })
            .collect::<Result<_, _>>()?,
    };
    let storage = partition::embedded(
        scope(&spec.storage),
        spec.user.as_deref(),
        spec.shared_computer,
        &page_path(),
        element_id,
    );
    let opts = AppOptions {
        document,
        template: spec.template,
        templates,
        agencies: spec.agencies,
        lang: if spec.locale.as_deref() == Some("en") {
            Lang::En
        } else {
            Lang::Vi
        },
        remember_lang: false,
        read_only: spec.read_only,
        exports,
        storage,
        submit: spec.submit,
        submit_with_errors: spec.allow_submit_with_errors,
        sink: 0,
        root: 0,
    };
    // The portal's agencies join the document's: together within the limits too.
    let merged = opts
        .document
        .as_ref()
        .map(|d| opts.with_agencies(d.clone()))
        .unwrap_or_else(|| {
            opts.with_agencies(crate::model::Document::new(
                Default::default(),
                Default::default(),
            ))
        });
    crate::model::limits::check(&merged).map_err(import_err)?;
    Ok((opts, spec.base_url))
}

/// A mounted editor, returned to JavaScript.
#[wasm_bindgen]
pub struct EditorHandle {
    key: u32,
    sink: u32,
    host: web_sys::HtmlElement,
    unmount: Option<leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>>,
}

/// Resolves once the rules are in place; `kehoach.js` awaits it before the
/// first mount, so `validate()` on a mounted editor always has a report.
#[wasm_bindgen(js_name = rulesReady)]
pub async fn rules_ready() {
    crate::ui::checker::wait().await;
}

/// Mount an editor inside `element` (in its shadow root). Options: see docs/embedding.md.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> Result<EditorHandle, JsValue> {
    console_error_panic_hook::set_once();
    let (mut opts, base_url) = options_from_js(&options, &element.id())?;
    let shadow = match element.shadow_root() {
        Some(s) => s,
        None => {
            element.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?
        }
    };
    shadow.set_inner_html("");
    let doc = document();
    let link: web_sys::HtmlLinkElement = doc.create_element("link")?.unchecked_into();
    link.set_rel("stylesheet");
    link.set_href(&format!("{}app.css", base_url.unwrap_or_default()));
    shadow.append_child(&link)?;
    let container: web_sys::HtmlElement = doc.create_element("div")?.unchecked_into();
    shadow.append_child(&container)?;

    let callbacks: Vec<(String, js_sys::Function)> = ["change", "validate", "export", "submit"]
        .iter()
        .filter_map(|k| {
            let name = format!("on{}{}", k[..1].to_ascii_uppercase(), &k[1..]);
            js_sys::Reflect::get(&options, &name.into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .map(|f| (k.to_string(), f))
        })
        .collect();
    let host = element.clone();
    let sink = events::register(Rc::new(move |kind: &str, detail: JsValue| {
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&detail);
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(kind, &init) {
            let _ = host.dispatch_event(&ev);
        }
        for (k, f) in &callbacks {
            if k == kind {
                let _ = f.call1(&JsValue::NULL, &detail);
            }
        }
    }));
    let key = registry::next_key();
    dom::set_root(key, shadow);
    opts.sink = sink;
    opts.root = key;
    let unmount = leptos::mount::mount_to(container, move || {
        provide_context(opts);
        view! { <crate::ui::App /> }.into_any()
    });
    Ok(EditorHandle {
        key,
        sink,
        host: element,
        unmount: Some(unmount),
    })
}

#[wasm_bindgen]
impl EditorHandle {
    /// The document as a JSON v1 object.
    #[wasm_bindgen(js_name = getDocument)]
    pub fn get_document(&self) -> Result<JsValue, JsValue> {
        let ed = registry::get(self.key).ok_or_else(|| {
            err(
                "trình soạn thảo đã đóng".into(),
                "the editor was destroyed".into(),
            )
        })?;
        Ok(events::json_value(&ed.doc.with_untracked(to_json)))
    }

    /// Replace the document (a JSON v1 object or text). A document that is not
    /// valid is refused with a message naming its path; nothing changes.
    #[wasm_bindgen(js_name = setDocument)]
    pub fn set_document(&self, doc: JsValue) -> Result<(), JsValue> {
        let ed = registry::get(self.key).ok_or_else(|| {
            err(
                "trình soạn thảo đã đóng".into(),
                "the editor was destroyed".into(),
            )
        })?;
        let text = json_text(&doc)?;
        let parsed = from_json(&text).map_err(import_err)?;
        ed.replace(parsed);
        Ok(())
    }

    /// The rules' report: counts and findings (rule, severity, path, messages).
    pub fn validate(&self) -> Result<JsValue, JsValue> {
        let ed = registry::get(self.key).ok_or_else(|| {
            err(
                "trình soạn thảo đã đóng".into(),
                "the editor was destroyed".into(),
            )
        })?;
        if !ed.checked.get_untracked() {
            return Err(err(
                "phần kiểm tra văn bản chưa tải xong (hãy chờ mount() hoàn tất)".into(),
                "the checks have not loaded yet (await mount() first)".into(),
            ));
        }
        Ok(events::json_value(&ed.report_now(events::report_json)))
    }

    /// Forget every draft and personal template this editor kept in the
    /// browser (for a portal's logout) and start it over on an empty plan.
    #[wasm_bindgen(js_name = clearDrafts)]
    pub fn clear_drafts(&self) -> Result<(), JsValue> {
        let clear = registry::clearer(self.key).ok_or_else(|| {
            err(
                "trình soạn thảo đã đóng".into(),
                "the editor was destroyed".into(),
            )
        })?;
        clear().map_err(|e| {
            err(
                format!("không xóa được bản nháp: {e}"),
                format!("could not clear the drafts: {e}"),
            )
        })
    }

    /// Remove the editor from the page and forget everything it held.
    pub fn destroy(&mut self) {
        if let Some(u) = self.unmount.take() {
            drop(u);
        }
        events::unregister(self.sink);
        registry::forget(self.key);
        dom::forget_root(self.key);
        if let Some(shadow) = self.host.shadow_root() {
            shadow.set_inner_html("");
        }
    }
}

/// Forget drafts without an editor on the page (a portal's logout page).
/// Options as for `mount`: `storage` (and the element `id` for the default
/// scope) say which portal; with `user`, only that person's drafts go (and the
/// tab's); without it, every person's drafts of that portal.
#[wasm_bindgen(js_name = clearDrafts)]
pub fn clear_drafts(options: JsValue) -> Result<(), JsValue> {
    let spec = spec_from_js(&options)?;
    let id = js_sys::Reflect::get(&options, &"id".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let scope = scope(&spec.storage);
    let path = page_path();
    let cleared = match spec.user.as_deref().filter(|u| !u.is_empty()) {
        Some(user) => [false, true]
            .iter()
            .filter_map(|&shared| partition::embedded(scope, Some(user), shared, &path, &id))
            .try_for_each(|p| drafts::clear_prefix(p.area, &p.prefix)),
        None => match partition::scope_prefix(scope, &path, &id) {
            Some(prefix) => [partition::Area::Local, partition::Area::Session]
                .into_iter()
                .try_for_each(|area| drafts::clear_prefix(area, &prefix)),
            None => Ok(()),
        },
    };
    cleared.map_err(|e| {
        err(
            format!("không xóa được bản nháp: {e}"),
            format!("could not clear the drafts: {e}"),
        )
    })
}

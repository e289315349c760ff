//! Drafts in browser storage: several named drafts (open, duplicate, rename,
//! delete), restore after reload, JSON import (file picker or drag-and-drop)
//! and download; saving as one types is `ui::autosave`. When storage is full
//! or unavailable the person is told and offered the JSON download.
//! Storage, file reading, download and the autosave timer go through gloo
//! (gloo-storage, gloo-file, gloo-timers): +6.4 KB gzip on a new user's first
//! load, measured with e2e/size.bench.mjs (327.1 → 333.5 KB).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::partition::{self, Area, Partition, SHARED_COMPUTER_KEY};
use super::state::{editor, Editor};
use crate::model::json::{from_json, to_stored_json};
use crate::model::Document;

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct DraftInfo {
    pub id: String,
    pub name: String,
    /// ISO time of the last save, for the list.
    pub updated: String,
}

crate::model::read::structs! { DraftInfo ignore { id, name, updated } }

/// Where drafts live: a partition of the browser's storage (`partition`), or nowhere.
#[derive(Clone, Debug, PartialEq)]
pub struct Store {
    pub partition: Option<Partition>,
}

impl Store {
    /// The partition's area, when the browser lets the page use it.
    fn area(&self) -> Option<Area> {
        let area = self.partition.as_ref()?.area;
        area_storage(area).map(|_| area)
    }
    fn read(&self, k: &str) -> Option<String> {
        get_json(self.area()?, &self.key(k))
    }
    fn write(&self, k: &str, json: &str) -> Result<(), String> {
        set_json(self.area().ok_or("no storage")?, &self.key(k), json)
    }
    fn key(&self, k: &str) -> String {
        format!(
            "{}{k}",
            self.partition.as_ref().map_or("", |p| p.prefix.as_str())
        )
    }
    /// Remove every key of this partition: drafts, the list, personal templates.
    pub fn clear(&self) -> Result<(), String> {
        match &self.partition {
            Some(p) => clear_prefix(p.area, &p.prefix),
            None => Ok(()),
        }
    }
    pub fn available(&self) -> bool {
        self.area().is_some()
    }
    pub fn list(&self) -> Vec<DraftInfo> {
        self.read("drafts")
            .and_then(|t| serde_json::from_str(&t).ok())
            .and_then(|v| crate::model::json::deserialize(v).ok())
            .unwrap_or_default()
    }
    fn write_list(&self, list: &[DraftInfo]) -> Result<(), String> {
        self.write("drafts", &crate::model::json::to_text(list))
    }
    pub fn load(&self, id: &str) -> Option<Result<Document, crate::model::json::ImportError>> {
        let text = self.read(&format!("draft:{id}"))?;
        Some(from_json(&text))
    }
    /// Save a draft and put it first in the list.
    pub fn save(&self, id: &str, name: &str, doc: &Document) -> Result<(), String> {
        self.write(&format!("draft:{id}"), &to_stored_json(doc))?;
        let mut list = self.list();
        list.retain(|d| d.id != id);
        list.insert(
            0,
            DraftInfo {
                id: id.into(),
                name: name.into(),
                updated: now_iso(),
            },
        );
        self.write_list(&list)?;
        let area = self.area().ok_or("no storage")?;
        with_storage!(area, S => S::raw().set_item(&self.key("current"), id)).map_err(js_err)
    }
    pub fn remove(&self, id: &str) -> Result<(), String> {
        let area = self.area().ok_or("no storage")?;
        with_storage!(area, S => S::delete(self.key(&format!("draft:{id}"))));
        let mut list = self.list();
        list.retain(|d| d.id != id);
        self.write_list(&list)
    }
    pub fn rename(&self, id: &str, name: &str) -> Result<(), String> {
        let mut list = self.list();
        for d in &mut list {
            if d.id == id {
                d.name = name.to_string();
            }
        }
        self.write_list(&list)
    }
    /// Any other value kept under the prefix (personal templates).
    pub fn get(&self, k: &str) -> Option<String> {
        self.read(k)
    }
    pub fn set(&self, k: &str, value: &str) -> Result<(), String> {
        self.write(k, value)
    }
    /// The name draft `id` has in the list ("" when it is not listed).
    pub fn name_of(&self, id: &str) -> String {
        self.list()
            .into_iter()
            .find(|d| d.id == id)
            .map(|d| d.name)
            .unwrap_or_default()
    }
    pub fn current(&self) -> Option<String> {
        let area = self.area()?;
        with_storage!(area, S => S::raw().get_item(&self.key("current")).ok().flatten())
    }
}

/// Runs `$e` with `$S` the gloo storage of `$area`.
macro_rules! with_storage {
    ($area:expr, $S:ident => $e:expr) => {
        match $area {
            Area::Local => {
                type $S = gloo_storage::LocalStorage;
                $e
            }
            Area::Session => {
                type $S = gloo_storage::SessionStorage;
                $e
            }
        }
    };
}
use gloo_storage::Storage as _;
use with_storage;

/// The browser's storage of `area`, when the page may use it (gloo's `raw()`
/// throws when it may not: storage blocked, a sandboxed frame).
fn area_storage(area: Area) -> Option<web_sys::Storage> {
    let usable = match area {
        Area::Local => window().local_storage(),
        Area::Session => window().session_storage(),
    };
    usable
        .ok()
        .flatten()
        .map(|_| with_storage!(area, S => S::raw()))
}

/// A JSON text stored under `key`, as it was written.
fn get_json(area: Area, key: &str) -> Option<String> {
    with_storage!(area, S => S::get::<Box<serde_json::value::RawValue>>(key))
        .ok()
        .map(|r| r.get().to_string())
}

/// Store JSON text `json` under `key` as it is.
fn set_json(area: Area, key: &str, json: &str) -> Result<(), String> {
    let raw =
        serde_json::value::RawValue::from_string(json.to_string()).map_err(|e| e.to_string())?;
    with_storage!(area, S => S::set(key, &raw)).map_err(|e| e.to_string())
}

/// Remove every key of `area` that starts with `prefix`.
pub fn clear_prefix(area: Area, prefix: &str) -> Result<(), String> {
    let Some(s) = area_storage(area) else {
        return Ok(());
    };
    let n = s.length().map_err(js_err)?;
    let keys: Vec<String> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect();
    for k in keys {
        s.remove_item(&k).map_err(js_err)?;
    }
    Ok(())
}

/// Whether this browser's standalone app keeps drafts for the tab only
/// (the «máy dùng chung» switch of the drafts dialog).
pub fn shared_computer() -> bool {
    area_storage(Area::Local)
        .and_then(|s| s.get_item(SHARED_COMPUTER_KEY).ok().flatten())
        .is_some()
}

/// Move every key of partition `from` (drafts, their list, personal
/// templates) to `to`. Everything is copied before anything is removed; when a
/// copy fails (storage full) the copies are removed again and `from` is whole.
fn move_partition(from: &Partition, to: &Partition) -> Result<(), String> {
    let unavailable = || "bộ nhớ của trình duyệt không dùng được".to_string();
    let (src, dst) = (
        area_storage(from.area).ok_or_else(unavailable)?,
        area_storage(to.area).ok_or_else(unavailable)?,
    );
    let n = src.length().map_err(js_err)?;
    let keys: Vec<String> = (0..n)
        .filter_map(|i| src.key(i).ok().flatten())
        .filter(|k| k.starts_with(&from.prefix))
        .collect();
    let mut copied: Vec<String> = vec![];
    for k in &keys {
        let value = src.get_item(k).map_err(js_err)?.unwrap_or_default();
        let new_key = format!("{}{}", to.prefix, &k[from.prefix.len()..]);
        if let Err(e) = dst.set_item(&new_key, &value) {
            for c in &copied {
                let _ = dst.remove_item(c);
            }
            return Err(js_err(e));
        }
        copied.push(new_key);
    }
    for k in &keys {
        src.remove_item(k).map_err(js_err)?;
    }
    Ok(())
}

/// The person's words for why the browser would not store something (`e`
/// from `js_err`, or "no storage").
fn why_not_stored(e: &str) -> (&'static str, &'static str) {
    if e.contains("QuotaExceeded") {
        (
            "bộ nhớ của trình duyệt đã đầy",
            "the browser's storage is full",
        )
    } else {
        (
            "trình duyệt đang chặn việc lưu trữ",
            "the browser does not allow storing",
        )
    }
}

/// The error's name and message (the name tells a full storage apart).
fn js_err(e: wasm_bindgen::JsValue) -> String {
    if let Some(e) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", e.name(), e.message());
    }
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| format!("{e:?}"))
}

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

pub fn new_id() -> String {
    format!(
        "d{}{:04}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 10000.0) as u32
    )
}

/// The open draft: its id and name, shared by the toolbar and autosave.
#[derive(Clone, Copy)]
pub struct Drafts {
    pub store: StoredValue<Store>,
    pub id: RwSignal<String>,
    pub name: RwSignal<String>,
    pub list: RwSignal<Vec<DraftInfo>>,
    pub saved: RwSignal<Option<bool>>,
    /// The editor's revision at which there is nothing new to keep: at start
    /// (nothing is stored until the person edits), after each save and after
    /// the drafts were cleared.
    clean: StoredValue<u64>,
    /// Another tab stored this draft since this one last did: this tab's
    /// next save goes to a new draft instead of overwriting it.
    elsewhere: StoredValue<bool>,
}

/// The names the app gives a draft before the person names it (Vietnamese,
/// English): stored in Vietnamese, shown in the language of the interface.
pub const NEW_DRAFT: (&str, &str) = ("Bản nháp mới", "New draft");
pub const BLANK_DRAFT: (&str, &str) = ("Văn bản trống", "Empty document");

/// A draft's name as shown: the app's own names in the interface's language,
/// the person's as they wrote them.
pub fn shown_name(name: &str, lang: crate::Lang) -> String {
    [NEW_DRAFT, BLANK_DRAFT]
        .into_iter()
        .find(|(vi, _)| *vi == name)
        .map_or_else(
            || name.to_string(),
            |(vi, en)| lang.pick(vi, en).to_string(),
        )
}

impl Drafts {
    pub fn new(store: Store) -> Self {
        let list = store.list();
        Drafts {
            store: StoredValue::new(store),
            id: RwSignal::new(new_id()),
            name: RwSignal::new(NEW_DRAFT.0.into()),
            list: RwSignal::new(list),
            saved: RwSignal::new(None),
            clean: StoredValue::new(0),
            elsewhere: StoredValue::new(false),
        }
    }

    /// The draft to restore at start-up, if any; the message when it cannot
    /// be opened (damaged, or over the limits). A draft that cannot be opened
    /// stays stored as it is: the editor starts a new one beside it.
    pub fn restore(&self) -> Option<Result<Document, (String, String)>> {
        let store = self.store.get_value();
        let id = store.current()?;
        let doc = match store.load(&id)? {
            Ok(doc) => doc,
            Err(e) => {
                return Some(Err((
                    format!("Không mở lại được bản nháp: {}", e.message_vi),
                    format!("Cannot reopen the draft: {}", e.message_en),
                )))
            }
        };
        let name = store.name_of(&id);
        self.id.set(id);
        self.name.set(name);
        Some(Ok(doc))
    }

    pub fn save_now(&self, ed: &Editor) {
        let store = self.store.get_value();
        if store.partition.is_none() {
            return;
        }
        if self.elsewhere.get_value() {
            self.elsewhere.set_value(false);
            self.id.set(new_id());
            self.name.update(|n| *n = format!("{n} (bản sao)"));
        }
        let (id, name) = (self.id.get_untracked(), self.name.get_untracked());
        // Read in place: a copy of the largest plan took ~20 ms of the save.
        let saved = ed.doc.with_untracked(|doc| store.save(&id, &name, doc));
        match saved {
            Ok(()) => {
                self.clean.set_value(ed.revision.get_untracked());
                self.saved.set(Some(true));
                self.list.set(store.list());
            }
            Err(e) => {
                self.saved.set(Some(false));
                let (vi, en) = why_not_stored(&e);
                ed.say(
                    true,
                    format!("Không lưu được bản nháp vào trình duyệt ({vi}). Bản đang soạn vẫn còn trên màn hình: hãy tải tệp JSON về máy để giữ nó."),
                    format!("Could not save the draft in the browser ({en}). Your work is still on screen: download the JSON file to keep it."),
                );
            }
        }
    }

    /// Save unless nothing changed since the last save (or the start).
    pub fn save_if_changed(&self, ed: &Editor) {
        if self
            .clean
            .try_get_value()
            .is_some_and(|c| c != ed.revision.get_untracked())
        {
            self.save_now(ed);
        }
    }

    /// Forget every draft and personal template of this editor's partition
    /// (a portal's logout), and start over on an empty document that is not
    /// stored until the person types.
    pub fn clear(&self, ed: &Editor, fresh: Document) -> Result<(), String> {
        let store = self.store.get_value();
        store.clear()?;
        self.list.set(Vec::new());
        self.id.set(new_id());
        self.name.set(NEW_DRAFT.0.into());
        self.saved.set(None);
        ed.load(fresh);
        self.clean.set_value(ed.revision.get_untracked());
        Ok(())
    }

    /// The standalone app's «máy dùng chung» switch: keep drafts for this tab
    /// only (`on`) or in this browser, moving what is stored now. The mark is
    /// set before the move and put back if the move fails.
    pub fn set_shared_computer(&self, ed: &Editor, on: bool) -> Result<(), String> {
        self.save_if_changed(ed);
        let Some(from) = self.store.get_value().partition else {
            return Ok(());
        };
        let to = partition::standalone(on);
        if from == to {
            return Ok(());
        }
        let local = area_storage(Area::Local)
            .ok_or_else(|| "bộ nhớ của trình duyệt không dùng được".to_string())?;
        let mark = |on: bool| {
            if on {
                local.set_item(SHARED_COMPUTER_KEY, "1")
            } else {
                local.remove_item(SHARED_COMPUTER_KEY)
            }
            .map_err(js_err)
        };
        mark(on)?;
        if let Err(e) = move_partition(&from, &to) {
            let _ = mark(!on);
            return Err(e);
        }
        let store = Store {
            partition: Some(to),
        };
        self.list.set(store.list());
        self.store.set_value(store);
        Ok(())
    }

    /// Another tab stored or removed the draft open here (`ev` is the
    /// browser's notice of it): say so once, and keep this tab's next edits in
    /// a new draft so that neither tab overwrites the other.
    pub(super) fn stored_elsewhere(&self, ed: &Editor, ev: &web_sys::StorageEvent) {
        let key = self.store.with_value(|s| {
            let local = s.partition.as_ref().is_some_and(|p| p.area == Area::Local);
            local.then(|| s.key(&format!("draft:{}", self.id.get_untracked())))
        });
        if key.is_none() || ev.key() != key || self.elsewhere.get_value() {
            return;
        }
        self.elsewhere.set_value(true);
        let name = self.name.get_untracked();
        ed.say(
            false,
            format!("Bản nháp «{name}» vừa được sửa ở một thẻ khác. Để không ghi đè lên nhau, những gì bạn sửa tiếp ở thẻ này sẽ được lưu thành bản nháp mới «{name} (bản sao)»."),
            format!("The draft «{name}» was just changed in another tab. So that neither overwrites the other, what you change next in this tab will be saved as a new draft «{name} (bản sao)»."),
        );
    }

    /// Start a new draft holding `doc` that is stored only once the person
    /// edits it (a blank document).
    pub fn open_unsaved(&self, ed: &Editor, name: String, doc: Document) {
        self.id.set(new_id());
        self.name.set(name);
        self.saved.set(None);
        ed.load(doc);
        self.clean.set_value(ed.revision.get_untracked());
    }

    /// Start a new draft holding `doc` (import, template, duplicate).
    pub fn open_new(&self, ed: &Editor, name: String, doc: Document) {
        self.id.set(new_id());
        self.name.set(name);
        ed.load(doc);
        // Stored in a task of its own: writing the largest plan to storage
        // would otherwise add to the task that draws it (#23).
        let (drafts, ed) = (*self, *ed);
        leptos::task::spawn_local(async move {
            super::dom::next_task().await;
            // The editor may have been destroyed meanwhile.
            if drafts.id.try_get_untracked().is_some() {
                drafts.save_now(&ed);
            }
        });
    }
}

/// Offer `content` as a file download.
pub fn download(filename: &str, mime: &str, content: &[u8]) -> Result<(), String> {
    let blob = gloo_file::Blob::new_with_options(content, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    let a: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(js_err)?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    drop(url);
    Ok(())
}

/// Read a JSON file chosen or dropped by the person and open it as a new draft;
/// a broken file gives a clear message and changes nothing.
pub fn import_file(file: web_sys::File) {
    let ed = editor();
    let drafts = expect_context::<Drafts>();
    let gallery = use_context::<super::gallery::Gallery>();
    let name = file.name();
    let refuse = move |errors: Vec<crate::model::json::ImportError>, limit: usize| {
        use crate::model::json::errors_text;
        ed.say_refused(
            format!(
                "Không nhập được «{name}»: {} Bản đang soạn không thay đổi.",
                errors_text(&errors, limit, crate::Lang::Vi)
            ),
            format!(
                "Cannot import «{name}»: {} The open draft is unchanged.",
                errors_text(&errors, limit, crate::Lang::En)
            ),
        )
    };
    // A file over the size limit is refused unread: reading 200 MB into the
    // page alone would freeze it.
    if let Err(e) = crate::model::limits::check_size(file.size() as usize) {
        refuse(vec![e], 1);
        return;
    }
    let name = file.name();
    leptos::task::spawn_local(async move {
        let text = match gloo_file::futures::read_as_text(&gloo_file::File::from(file)).await {
            Ok(t) => t,
            Err(_) => {
                ed.say_refused(
                    format!("Không đọc được tệp «{name}»: trình duyệt không mở được tệp này."),
                    format!("Cannot read «{name}»: the browser could not open this file."),
                );
                return;
            }
        };
        match crate::model::json::from_json_all(&text) {
            Ok(doc) => {
                drop(text);
                // Reading a large plan is a task of its own; opening it waits for
                // the next, so the page is never held for both (#23: no task
                // over 200 ms on the largest plan).
                super::dom::next_task().await;
                drafts.open_new(&ed, name.trim_end_matches(".json").to_string(), doc);
                // Opened from the template gallery: the gallery gives way to the plan.
                if let Some(g) = gallery {
                    g.open.set(false);
                }
                ed.say(
                    false,
                    format!("Đã mở «{name}» thành một bản nháp mới."),
                    format!("Opened «{name}» as a new draft."),
                );
            }
            Err(errors) => refuse(errors, crate::model::json::error_limit(text.len())),
        }
    });
}

//! Editor state: the document in one signal, the rules' report derived from it,
//! undo/redo history, the UI language and the status line.

use leptos::prelude::*;

use crate::model::Document;
use crate::rules::{self, Report};
use crate::Lang;

/// How many undo steps are kept.
const HISTORY_LIMIT: usize = 200;
/// Typing in the same field within this many milliseconds is one undo step.
const COALESCE_MS: f64 = 1000.0;

#[derive(Default)]
struct History {
    undo: Vec<Document>,
    redo: Vec<Document>,
    last_key: String,
    last_time: f64,
}

/// An appendix row: appendix, group, row.
pub type RowKey = (usize, usize, usize);

/// Cell edits use the key "cell A G R C"; every other key may touch anything.
fn row_of(key: &str) -> Option<RowKey> {
    let mut it = key.strip_prefix("cell ")?.split(' ').map(|n| n.parse::<usize>().ok());
    Some((it.next()??, it.next()??, it.next()??))
}

/// Who is told about an edit: one trigger per appendix row on screen, and one
/// for everything else. A cell edit notifies only its own row, so typing in a
/// 1,000-row table re-reads one row, not all of them.
#[derive(Clone, Default)]
struct RowTriggers {
    rows: std::collections::HashMap<RowKey, ArcTrigger>,
    all: ArcTrigger,
}

/// A message shown in the status area.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    pub error: bool,
    pub vi: String,
    pub en: String,
}

/// Shared editor state, provided as context to every component.
#[derive(Clone, Copy)]
pub struct Editor {
    pub doc: RwSignal<Document>,
    pub report: Memo<Report>,
    pub lang: RwSignal<Lang>,
    pub status: RwSignal<Option<Status>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// Bumped on every edit; autosave and change events watch it.
    pub revision: RwSignal<u64>,
    triggers: StoredValue<RowTriggers>,
    /// Which DOM root this editor lives in (see `dom`); 0 is the document.
    pub root: u32,
    history: StoredValue<History>,
}

impl Editor {
    pub fn new(doc: Document, root: u32) -> Self {
        let doc = RwSignal::new(doc);
        let report = Memo::new(move |_| doc.with(rules::check));
        Editor {
            doc,
            report,
            lang: RwSignal::new(Lang::Vi),
            status: RwSignal::new(None),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            revision: RwSignal::new(0),
            triggers: StoredValue::new(RowTriggers::default()),
            root,
            history: StoredValue::new(History::default()),
        }
    }

    /// Apply one edit. `key` names what is edited (a field path, or an action);
    /// consecutive edits with the same key within a second are one undo step.
    pub fn edit(&self, key: &str, f: impl FnOnce(&mut Document)) {
        let now = js_sys::Date::now();
        let doc = self.doc;
        self.history.update_value(|h| {
            let coalesce = h.last_key == key && now - h.last_time < COALESCE_MS && !key.starts_with('!');
            if !coalesce {
                h.undo.push(doc.get_untracked());
                if h.undo.len() > HISTORY_LIMIT {
                    h.undo.remove(0);
                }
            }
            h.redo.clear();
            h.last_key = key.to_string();
            h.last_time = now;
        });
        self.doc.update(f);
        self.touch(row_of(key));
        self.after_change();
    }

    /// Replace the whole document (import, open a draft) as one undo step.
    pub fn replace(&self, new: Document) {
        self.edit("!replace", |d| *d = new);
    }

    /// Start over with a document and an empty history (open a draft).
    pub fn load(&self, new: Document) {
        self.history.update_value(|h| *h = History::default());
        self.doc.set(new);
        self.touch(None);
        self.after_change();
    }

    pub fn undo(&self) {
        self.travel(true);
    }

    pub fn redo(&self) {
        self.travel(false);
    }

    /// One step back (undo) or forward (redo): the current document goes on the
    /// other stack.
    fn travel(&self, back: bool) {
        let doc = self.doc;
        let target = self.history.try_update_value(|h| {
            let (from, to) = if back { (&mut h.undo, &mut h.redo) } else { (&mut h.redo, &mut h.undo) };
            let target = from.pop()?;
            to.push(doc.get_untracked());
            h.last_key.clear();
            Some(target)
        });
        if let Some(Some(target)) = target {
            self.doc.set(target);
            self.touch(None);
            self.after_change();
        }
    }

    /// Tell the views what an edit touched: one row, or (None) everything.
    fn touch(&self, row: Option<RowKey>) {
        let trigger = self.triggers.with_value(|t| match row.and_then(|k| t.rows.get(&k)) {
            Some(one) => one.clone(),
            None => t.all.clone(),
        });
        trigger.notify();
    }

    /// Track edits of one appendix row (and every edit that may touch it).
    pub fn track_row(&self, key: RowKey) {
        let (one, all) = self.triggers.try_update_value(|t| (t.rows.entry(key).or_default().clone(), t.all.clone())).unwrap_or_default();
        one.track();
        all.track();
    }

    fn after_change(&self) {
        let (u, r) = self.history.with_value(|h| (!h.undo.is_empty(), !h.redo.is_empty()));
        self.can_undo.set(u);
        self.can_redo.set(r);
        self.revision.update(|r| *r += 1);
    }

    /// Pick the Vietnamese or English text for the current language.
    pub fn tr(&self, vi: &'static str, en: &'static str) -> &'static str {
        match self.lang.get() {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// Focus one of this editor's elements after the next render.
    pub fn focus_later(&self, id: String) {
        super::dom::focus_later(self.root, id);
    }

    pub fn say(&self, error: bool, vi: impl Into<String>, en: impl Into<String>) {
        self.status.set(Some(Status { error, vi: vi.into(), en: en.into() }));
    }
}

/// The editor of the current component tree.
pub fn editor() -> Editor {
    expect_context::<Editor>()
}

/// A label in the current language, for `TextProp` props and text nodes.
pub fn t(vi: &'static str, en: &'static str) -> impl Fn() -> &'static str + Clone + Send + Sync + 'static {
    let lang = editor().lang;
    move || match lang.get() {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

//! Editor state: the document in one signal, the rules' report derived from it,
//! undo/redo history, the UI language and the status line.

use leptos::prelude::*;

use super::findings::{FindingIndex, FindingWatch};
use crate::model::{edit, Document, Node, Row};
use crate::rules::Report;
use crate::Lang;

/// How many undo steps are kept.
const HISTORY_LIMIT: usize = 200;
/// Typing in the same field within this many milliseconds is one undo step.
const COALESCE_MS: f64 = 1000.0;

/// What one undo step puts back: the part of the document an edit could
/// change, saved before the edit. A keystroke in a cell saves one row and a row
/// operation one group, so a 1,000-row plan is not copied on every edit.
#[derive(Clone, Debug)]
enum Snapshot {
    Doc(Box<Document>),
    Group {
        ai: usize,
        g: usize,
        rows: Vec<Row>,
    },
    Row {
        at: RowKey,
        row: Row,
    },
    /// A body part without its children.
    Node {
        path: Vec<usize>,
        head: Node,
    },
}

/// The part of the document an edit may change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    Doc,
    /// The rows of one group of one appendix (row insert, delete, move, paste).
    Group(usize, usize),
    Row(RowKey),
    /// What the fields of one body part hold (its text, task and agencies),
    /// never its kind, children or numbering, which other parts' labels
    /// follow: typing in one part of a 3,000-part body wakes that part only.
    Node(Vec<usize>),
}

impl Scope {
    /// Save this part of `doc`. A part that does not exist saves the whole document.
    fn take(&self, doc: &Document) -> Snapshot {
        let group = |ai: usize, g: usize| doc.appendices.get(ai).and_then(|a| a.groups.get(g));
        match *self {
            Scope::Node(ref path) if edit::node(&doc.body, path).is_some() => Snapshot::Node {
                path: path.clone(),
                head: edit::node(&doc.body, path)
                    .map(|n| Node {
                        kind: n.kind,
                        text: n.text.clone(),
                        task: n.task.clone(),
                        agencies: n.agencies.clone(),
                        children: Vec::new(),
                        child_numbering: n.child_numbering.clone(),
                    })
                    .unwrap_or_default(),
            },
            Scope::Group(ai, g) if group(ai, g).is_some() => Snapshot::Group {
                ai,
                g,
                rows: group(ai, g).map(|gr| gr.rows.clone()).unwrap_or_default(),
            },
            Scope::Row((ai, g, r)) if group(ai, g).is_some_and(|gr| r < gr.rows.len()) => {
                Snapshot::Row {
                    at: (ai, g, r),
                    row: group(ai, g)
                        .and_then(|gr| gr.rows.get(r))
                        .cloned()
                        .unwrap_or_default(),
                }
            }
            _ => Snapshot::Doc(Box::new(doc.clone())),
        }
    }
}

impl Snapshot {
    fn scope(&self) -> Scope {
        match self {
            Snapshot::Doc(_) => Scope::Doc,
            Snapshot::Group { ai, g, .. } => Scope::Group(*ai, *g),
            Snapshot::Row { at, .. } => Scope::Row(*at),
            Snapshot::Node { path, .. } => Scope::Node(path.clone()),
        }
    }

    /// Put the saved part back into `doc`.
    fn restore(self, doc: &mut Document) {
        match self {
            Snapshot::Doc(d) => *doc = *d,
            Snapshot::Group { ai, g, rows } => {
                if let Some(gr) = doc.appendices.get_mut(ai).and_then(|a| a.groups.get_mut(g)) {
                    gr.rows = rows;
                }
            }
            Snapshot::Row {
                at: (ai, g, r),
                row,
            } => {
                if let Some(slot) = doc
                    .appendices
                    .get_mut(ai)
                    .and_then(|a| a.groups.get_mut(g))
                    .and_then(|gr| gr.rows.get_mut(r))
                {
                    *slot = row;
                }
            }
            Snapshot::Node { path, head } => {
                if let Some(n) = edit::node_mut(&mut doc.body, &path) {
                    let children = std::mem::take(&mut n.children);
                    *n = Node { children, ..head };
                }
            }
        }
    }
}

#[derive(Default)]
struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    last_key: String,
    last_time: f64,
}

/// An appendix row: appendix, group, row.
pub type RowKey = (usize, usize, usize);

/// Cell edits use the key "cell A G R C"; every other key may touch anything.
fn row_of(key: &str) -> Option<RowKey> {
    let mut it = key
        .strip_prefix("cell ")?
        .split(' ')
        .map(|n| n.parse::<usize>().ok());
    Some((it.next()??, it.next()??, it.next()??))
}

/// Who is told about an edit: one trigger per appendix row on screen, one for
/// the document's shape (tables' lines, columns, headings) and one for
/// everything. A cell edit notifies only its own row, so typing in a 1,000-row
/// table re-reads one row; a row inserted or deleted in a group re-reads that
/// group's rows and the shape, not the rows of other groups.
#[derive(Clone, Default)]
struct RowTriggers {
    rows: std::collections::HashMap<RowKey, ArcTrigger>,
    /// One per body part on screen, by its path.
    nodes: std::collections::HashMap<Vec<usize>, ArcTrigger>,
    shape: ArcTrigger,
    all: ArcTrigger,
}

impl RowTriggers {
    /// The triggers an edit within `scope` must fire.
    fn for_scope(&self, scope: &Scope) -> Vec<ArcTrigger> {
        match *scope {
            Scope::Row(k) => self.rows.get(&k).cloned().into_iter().collect(),
            Scope::Node(ref p) => self.nodes.get(p).cloned().into_iter().collect(),
            Scope::Group(ai, g) => {
                let mut out: Vec<ArcTrigger> = self
                    .rows
                    .iter()
                    .filter(|((a, gg, _), _)| *a == ai && *gg == g)
                    .map(|(_, t)| t.clone())
                    .collect();
                out.push(self.shape.clone());
                out
            }
            Scope::Doc => vec![self.all.clone()],
        }
    }
}

/// A message shown in the status area.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    pub error: bool,
    /// Offer the open document as JSON beside the message: after an error
    /// that may have lost work, not after a file was refused (the open
    /// document is unchanged, and a download would look like that file).
    pub rescue: bool,
    pub vi: String,
    pub en: String,
}

/// Shared editor state, provided as context to every component.
#[derive(Clone, Copy)]
pub struct Editor {
    pub doc: RwSignal<Document>,
    pub report: Memo<Report>,
    /// Whether `report` comes from the rules: false while their part of the
    /// module loads (see `checker`), when the report is empty.
    pub checked: RwSignal<bool>,
    /// Brings `report` up to date before acting on it (on a very long plan
    /// the check waits for a pause in typing).
    pub recheck: super::checker::Recheck,
    /// Where each finding of `report` is, by path: every field of the form
    /// looks its own up here instead of scanning all findings, which made
    /// drawing a long body cost fields × findings.
    pub by_path: Memo<FindingIndex>,
    /// The paths drawn fields follow (see `findings`).
    pub watch: FindingWatch,
    pub lang: RwSignal<Lang>,
    pub status: RwSignal<Option<Status>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// Bumped on every edit; autosave and change events watch it.
    pub revision: RwSignal<u64>,
    /// An appendix row to scroll into view (appendix, group, row), for links
    /// to a cell whose row is not drawn.
    pub reveal: RwSignal<Option<RowKey>>,
    triggers: StoredValue<RowTriggers>,
    /// Which DOM root this editor lives in (see `dom`); 0 is the document.
    pub root: u32,
    history: StoredValue<History>,
}

impl Editor {
    pub fn new(doc: Document, root: u32) -> Self {
        let doc = RwSignal::new(doc);
        // Today is read on every check, so a tab left open past midnight
        // judges the next edit against the new day.
        let (report, checked, recheck) = super::checker::report(doc, super::today);
        let by_path = Memo::new(move |_| report.with(FindingIndex::new));
        let watch = FindingWatch::new(report, by_path);
        Editor {
            doc,
            report,
            checked,
            recheck,
            by_path,
            watch,
            lang: RwSignal::new(Lang::Vi),
            status: RwSignal::new(None),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            revision: RwSignal::new(0),
            reveal: RwSignal::new(None),
            triggers: StoredValue::new(RowTriggers::default()),
            root,
            history: StoredValue::new(History::default()),
        }
    }

    /// Apply one edit. `key` names what is edited (a field path, or an action);
    /// consecutive edits with the same key within a second are one undo step.
    /// A cell edit ("cell A G R C") saves only its row for undo. False when the
    /// edit is refused when it would make the document too big (see `refuse`).
    pub fn edit(&self, key: &str, f: impl FnOnce(&mut Document)) {
        let scope = row_of(key).map_or(Scope::Doc, Scope::Row);
        self.edit_in(scope, key, f);
    }

    /// Apply one edit that changes nothing outside `scope`.
    pub fn edit_in(&self, scope: Scope, key: &str, f: impl FnOnce(&mut Document)) {
        self.try_edit_in(scope, key, f);
    }

    /// `edit_in`, telling whether the edit was made (false: refused).
    pub fn try_edit_in(&self, scope: Scope, key: &str, f: impl FnOnce(&mut Document)) -> bool {
        let now = js_sys::Date::now();
        let doc = self.doc;
        self.history.update_value(|h| {
            let coalesce =
                h.last_key == key && now - h.last_time < COALESCE_MS && !key.starts_with('!');
            if !coalesce {
                h.undo.push(doc.with_untracked(|d| scope.take(d)));
                if h.undo.len() > HISTORY_LIMIT {
                    h.undo.remove(0);
                }
            }
            h.redo.clear();
            h.last_key = key.to_string();
            h.last_time = now;
        });
        self.doc.update(f);
        let applied = !self.refuse();
        self.touch(&scope);
        self.after_change();
        applied
    }

    /// Undo the edit just made (with the rest of its undo step) when it took
    /// the document over a limit (`model::limits`): a paste of too many rows,
    /// one part too many. Checked before any view reads the new document
    /// (effects run later), so nothing too big is ever drawn or saved.
    fn refuse(&self) -> bool {
        let Some(over) = self.doc.with_untracked(crate::model::limits::over) else {
            return false;
        };
        if let Some(Some(before)) = self.history.try_update_value(|h| h.undo.pop()) {
            self.doc.update(|d| before.restore(d));
        }
        let e = over.error();
        self.say(
            true,
            format!("{} Thao tác chưa được thực hiện.", e.message_vi),
            format!("{} Nothing was changed.", e.message_en),
        );
        true
    }

    /// Replace the whole document (import, open a draft) as one undo step.
    pub fn replace(&self, new: Document) {
        self.edit("!replace", |d| *d = new);
    }

    /// `f` of the report on the document as it is now (checked at once if a
    /// check waits): what a fix, «Gửi», an export and `validate()` act on.
    pub fn report_now<T>(&self, f: impl FnOnce(&Report) -> T) -> T {
        self.recheck.fresh(self.report, f)
    }

    /// Start over with a document and an empty history (open a draft).
    pub fn load(&self, new: Document) {
        self.history.update_value(|h| *h = History::default());
        self.recheck.opened();
        self.doc.set(new);
        self.touch(&Scope::Doc);
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
            let (from, to) = if back {
                (&mut h.undo, &mut h.redo)
            } else {
                (&mut h.redo, &mut h.undo)
            };
            let target = from.pop()?;
            to.push(doc.with_untracked(|d| target.scope().take(d)));
            h.last_key.clear();
            Some(target)
        });
        if let Some(Some(target)) = target {
            let scope = target.scope();
            self.doc.update(|d| target.restore(d));
            self.touch(&scope);
            self.after_change();
        }
    }

    /// Tell the views what an edit touched.
    fn touch(&self, scope: &Scope) {
        for trigger in self.triggers.with_value(|t| t.for_scope(scope)) {
            trigger.notify();
        }
    }

    /// A value derived from the parts of the document a cell edit never
    /// changes (tables' shape, columns, headings): recomputed on every other
    /// edit, but typing in a cell does not even mark it for checking, so the
    /// views that depend on it (every row slot of a long table) stay asleep.
    pub fn structural<T: PartialEq + Send + Sync + 'static>(
        &self,
        f: impl Fn(&Document) -> T + Send + Sync + 'static,
    ) -> Memo<T> {
        let (doc, triggers) = (self.doc, self.triggers);
        Memo::new(move |_| {
            triggers.with_value(|t| {
                t.shape.track();
                t.all.track();
            });
            doc.with_untracked(&f)
        })
    }

    /// Track edits of one body part's fields (and every edit that may touch them).
    pub fn track_node(&self, path: &[usize]) {
        let (one, all) = self
            .triggers
            .try_update_value(|t| {
                let one = match t.nodes.get(path) {
                    Some(one) => one.clone(),
                    None => t.nodes.entry(path.to_vec()).or_default().clone(),
                };
                (one, t.all.clone())
            })
            .unwrap_or_default();
        one.track();
        all.track();
    }

    /// Track edits of one appendix row (and every edit that may touch it).
    pub fn track_row(&self, key: RowKey) {
        let (one, all) = self
            .triggers
            .try_update_value(|t| (t.rows.entry(key).or_default().clone(), t.all.clone()))
            .unwrap_or_default();
        one.track();
        all.track();
    }

    fn after_change(&self) {
        let (u, r) = self
            .history
            .with_value(|h| (!h.undo.is_empty(), !h.redo.is_empty()));
        // The buttons need not be told after every edit.
        set_if_changed(self.can_undo, u);
        set_if_changed(self.can_redo, r);
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
        self.status.set(Some(Status {
            error,
            rescue: error,
            vi: vi.into(),
            en: en.into(),
        }));
    }

    /// An error about a file that was not opened: nothing of the open
    /// document is at risk, so no download is offered beside it.
    pub fn say_refused(&self, vi: impl Into<String>, en: impl Into<String>) {
        self.status.set(Some(Status {
            error: true,
            rescue: false,
            vi: vi.into(),
            en: en.into(),
        }));
    }
}

/// Set `signal` to `value` only if that changes it. Leptos wakes every effect
/// downstream of a set signal before it knows whether anything changed; a
/// value derived from the whole document and read by many views is kept in a
/// signal set this way, from one effect, instead of a chain of memos.
pub fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}

/// The editor of the current component tree.
pub fn editor() -> Editor {
    expect_context::<Editor>()
}

/// A label in the current language, for `TextProp` props and text nodes.
pub fn t(
    vi: &'static str,
    en: &'static str,
) -> impl Fn() -> &'static str + Clone + Send + Sync + 'static {
    let lang = editor().lang;
    move || match lang.get() {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

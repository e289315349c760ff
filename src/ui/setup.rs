//! What `App` sets up before it draws: the document it opens (the host's, a
//! stored draft, a `?sample=N` plan or a blank one), the editor and the
//! contexts its parts read, and the hooks to the host page and to storage.

use leptos::prelude::*;

use super::drafts::{Drafts, Store};
use super::gallery::Gallery;
use super::later::{later, split_point};
use super::{events, export_panel, registry, AppOptions, Editor, Tab};
use crate::model::{DocKind, Document, Profile};
use crate::Lang;

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

/// The document a fresh start begins from: an empty plan with the host's
/// agencies, dated by this year (a draft's "ngày … tháng … năm 2026").
pub(super) fn blank(opts: &AppOptions) -> Document {
    let mut doc = opts.with_agencies(Document::new(DocKind::Plan, Profile::State));
    doc.header.date = crate::model::PartialDate::year_only(super::today().year);
    doc
}

/// Where the editor starts.
struct Opening {
    /// The host's document or a stored draft; `None` for a fresh start.
    doc: Option<Document>,
    /// Why a stored draft could not be opened (Vietnamese, English).
    refused: Option<(String, String)>,
    /// The rows of a `?sample=N` plan, loaded once its part has arrived.
    sample: Option<usize>,
}

/// The host's document first, then `?sample=N` (standalone app only), then
/// the stored draft.
fn opening(opts: &AppOptions, drafts: &Drafts) -> Opening {
    let given = opts.document.clone().map(|d| opts.with_agencies(d));
    let sample = if opts.sink == 0 && given.is_none() {
        sample_rows_from_url()
    } else {
        None
    };
    let restored = if sample.is_some() {
        None
    } else {
        given.map(Ok).or_else(|| drafts.restore())
    };
    // A stored draft that cannot be opened (damaged or over the limits) is
    // kept in storage; the editor says why and starts from the gallery.
    let (doc, refused) = match restored {
        Some(Err(why)) => (None, Some(why)),
        Some(Ok(doc)) => (Some(doc), None),
        None => (None, None),
    };
    Opening {
        doc,
        refused,
        sample,
    }
}

/// Opens the editor and provides what its parts read from context: the
/// editor, drafts, gallery, current tab and print request (the options are
/// provided by `App`).
pub fn setup(opts: &AppOptions) -> (Editor, Drafts, Gallery, RwSignal<Tab>) {
    let drafts = Drafts::new(Store {
        partition: opts.storage.clone(),
    });
    let Opening {
        doc,
        refused,
        sample,
    } = opening(opts, &drafts);
    let restored_none = doc.is_none();
    let show_gallery = restored_none && sample.is_none() && !opts.read_only;
    let root = opts.root;
    let ed = Editor::new(doc.unwrap_or_else(|| blank(opts)), root);
    ed.lang.set(opts.lang);
    if opts.remember_lang {
        remember_lang(ed);
    }
    if let Some((vi, en)) = refused {
        ed.say(true, vi, en);
    }
    if root != 0 {
        registry::put(root, ed);
    }
    provide_context(ed);
    provide_context(drafts);
    let gallery = Gallery::new(show_gallery, opts.templates.clone());
    // A template is where a fresh start begins: a restored draft opens as it was.
    if restored_none {
        gallery.preselect(opts.template.clone());
    }
    provide_context(gallery);
    if root != 0 {
        put_clearer(opts.clone(), ed, drafts, gallery);
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
        super::autosave::autosave(ed, drafts);
    }
    host_events(ed, opts.sink);
    (ed, drafts, gallery, tab)
}

/// The language chosen last time in this browser, and every new choice kept
/// for the next visit (the standalone app only: an embedded editor's host
/// says which language it shows).
fn remember_lang(ed: Editor) {
    use super::partition::LANG_KEY;
    let storage = || window().local_storage().ok().flatten();
    match storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .as_deref()
    {
        Some("en") => ed.lang.set(Lang::En),
        Some("vi") => ed.lang.set(Lang::Vi),
        _ => {}
    }
    Effect::new(move |first: Option<()>| {
        let code = match ed.lang.get() {
            Lang::Vi => "vi",
            Lang::En => "en",
        };
        // Only a choice is stored: a visit that never switches leaves nothing.
        if first.is_some() {
            if let Some(s) = storage() {
                let _ = s.set_item(LANG_KEY, code);
            }
        }
    });
}

/// What the host's «clear» does to embedded editor `o.root`: forget its
/// stored drafts and start afresh from the gallery.
fn put_clearer(o: AppOptions, ed: Editor, drafts: Drafts, gallery: Gallery) {
    registry::put_clearer(
        o.root,
        std::rc::Rc::new(move || {
            if o.read_only {
                // The document under review stays on screen; nothing of it was stored.
                return drafts.store.with_value(Store::clear);
            }
            drafts.clear(&ed, blank(&o))?;
            gallery.open.set(true);
            Ok(())
        }),
    );
}

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
        // No report until the rules have loaded: an empty one would say 0 errors.
        if !ed.checked.get() {
            return;
        }
        let report = ed.report.with(events::report_json);
        events::emit(sink, "validate", events::json_value(&report));
    });
}

/// Quiet time after the last edit before a `change` event is sent.
const CHANGE_DEBOUNCE_MS: u64 = 300;

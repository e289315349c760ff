//! What one look at each text field tells several rules (`FieldFacts`),
//! computed once per check and kept between checks, and the walk over the
//! fields whose facts say a rule must look closer. Shared by the text,
//! format and citation rules.
//!
//! Speed: a check runs on every edit, over thousands of fields. What several
//! rules look at first (NFC or not, the words of the field) is computed once
//! per check here and shared through the sink; a rule goes on to its own
//! detector only for a field those facts do not already clear.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::Sink;
use crate::model::walk::for_each_text_lazy;
use crate::model::Document;
use crate::text;

/// What one look at a text field tells several rules.
#[derive(Clone, Copy)]
pub(crate) struct FieldFacts {
    /// `text::is_nfc`.
    pub(crate) nfc: bool,
    pub(crate) words: text::WordScan,
    /// `text::find_eth_for_dj` finds an eth.
    pub(crate) eth: bool,
    /// `text::spacing_fix` would change the text.
    pub(crate) spacing: bool,
    /// The text mentions a date ("ngày"): `nd30.date.leading_zero` looks closer.
    pub(crate) dates: bool,
    /// `citations::scan` finds a citation.
    pub(crate) cites: bool,
    /// `text::has_invisible`: a direction control, zero-width or control character.
    pub(crate) invisible: bool,
}

impl FieldFacts {
    fn of(t: &str) -> Self {
        FieldFacts {
            nfc: text::is_nfc(t),
            words: text::WordScan::of(t),
            eth: text::find_eth_for_dj(t).is_some(),
            spacing: text::spacing_fix(t).is_some(),
            dates: t.contains("gày") || t.contains("GÀY"),
            cites: super::citation_scan::has_citation(t),
            invisible: text::has_invisible(t),
        }
    }
}

/// The facts of every text field of one check, in the order of `for_each_text_lazy`.
pub(crate) struct Fields {
    each: Vec<FieldFacts>,
}

/// Facts by text, kept from one check to the next: the editor checks the whole
/// document on every keystroke, and all but one of its thousands of fields are
/// unchanged. A text not seen before is scanned; each entry remembers the last
/// check that saw it, and texts no longer in the document are dropped once
/// they outnumber the ones still there. Facts depend on the text alone, so
/// this changes no result.
#[derive(Default)]
pub(super) struct FactsMemo {
    // Fx: the keys are the document's own texts, hashed thousands of times per check.
    pub(super) map: FxHashMap<Box<str>, (FieldFacts, u32)>,
    /// This check's number.
    check: u32,
    /// Entries seen by this check.
    seen: usize,
}

impl FactsMemo {
    fn get(&mut self, t: &str) -> FieldFacts {
        let check = self.check;
        if let Some((facts, last)) = self.map.get_mut(t) {
            if *last != check {
                *last = check;
                self.seen += 1;
            }
            return *facts;
        }
        let facts = FieldFacts::of(t);
        self.map.insert(t.into(), (facts, check));
        self.seen += 1;
        facts
    }

    /// This check is done: drop old texts if they are most of the memo.
    fn finish(&mut self) {
        if self.map.len() > 2 * self.seen + 64 {
            let check = self.check;
            self.map.retain(|_, (_, last)| *last == check);
        }
        self.check = self.check.wrapping_add(1);
        self.seen = 0;
    }
}

thread_local! {
    pub(super) static MEMO: RefCell<FactsMemo> = RefCell::new(FactsMemo::default());
}

/// The facts of every text field, computed by the first rule of the check that asks.
pub(crate) fn field_facts<'a>(doc: &Document, sink: &Sink<'a>) -> &'a Fields {
    sink.shared().text_fields.get_or_init(|| {
        MEMO.with_borrow_mut(|memo| {
            let mut each = Vec::new();
            for_each_text_lazy(doc, &mut |_, t| each.push(memo.get(t)));
            memo.finish();
            Fields { each }
        })
    })
}

/// A visitor of `for_each_field`: (path builder, text, facts).
type FieldVisitor<'f> = dyn FnMut(&dyn Fn() -> String, &str, &FieldFacts) + 'f;

/// `for_each_text_lazy` over the fields whose facts pass `has`, with their
/// facts. When no field passes, the document is not walked at all: most
/// rules find nothing in most documents.
pub(crate) fn for_each_field_where(
    doc: &Document,
    fields: &Fields,
    has: impl Fn(&FieldFacts) -> bool,
    f: &mut FieldVisitor,
) {
    if !fields.each.iter().any(&has) {
        return;
    }
    let mut i = 0;
    for_each_text_lazy(doc, &mut |path, t| {
        let facts = &fields.each[i];
        i += 1;
        if has(facts) {
            f(path, t, facts);
        }
    });
}

//! Text rules: every text field of the document (via `walk::for_each_text_lazy`)
//! is checked for what `crate::text` detects. Each finding carries the exact
//! JSON path and, where one exists, a fix holding the whole corrected field.
//! Clean fields cost no allocation: checks run first, and the path and fix are
//! built only for a field that needs one.
//!
//! Speed: a check runs on every edit, over thousands of fields. What several
//! rules look at first (NFC or not, the words of the field) is computed once
//! per check in `FieldFacts` and shared through the sink; a rule goes on to its
//! own detector only for a field those facts do not already clear.

use std::borrow::Cow;
use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::{Applies, Context, Rule, Severity, Sink};
use crate::model::walk::for_each_text_lazy;
use crate::model::{Document, ToneStyle};
use crate::text;

/// What one look at a text field tells several rules.
#[derive(Clone, Copy)]
pub(crate) struct FieldFacts {
    /// `text::is_nfc`.
    nfc: bool,
    words: text::WordScan,
    /// `text::find_eth_for_dj` finds an eth.
    eth: bool,
    /// `text::spacing_fix` would change the text.
    spacing: bool,
    /// The text mentions a date ("ngày"): `nd30.date.leading_zero` looks closer.
    pub(crate) dates: bool,
    /// `citations::scan` finds a citation.
    pub(crate) cites: bool,
}

impl FieldFacts {
    fn of(t: &str) -> Self {
        FieldFacts {
            nfc: text::is_nfc(t),
            words: text::WordScan::of(t),
            eth: text::find_eth_for_dj(t).is_some(),
            spacing: text::spacing_fix(t).is_some(),
            dates: t.contains("gày") || t.contains("GÀY"),
            cites: super::citations::has_citation(t),
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
struct FactsMemo {
    // Fx: the keys are the document's own texts, hashed thousands of times per check.
    map: FxHashMap<Box<str>, (FieldFacts, u32)>,
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
    static MEMO: RefCell<FactsMemo> = RefCell::new(FactsMemo::default());
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
pub(crate) fn for_each_field_where(doc: &Document, fields: &Fields, has: impl Fn(&FieldFacts) -> bool, f: &mut FieldVisitor) {
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

pub fn rules() -> Vec<Rule> {
    vec![
        Rule {
            id: "text.nfc",
            severity: Severity::Warning,
            applies: Applies::Both,
            title_vi: "Chữ phải ở dạng Unicode dựng sẵn (NFC)",
            title_en: "Text is precomposed Unicode (NFC)",
            check: nfc,
        },
        Rule {
            id: "text.eth_for_dj",
            severity: Severity::Error,
            applies: Applies::Both,
            title_vi: "Không dùng chữ Ð (eth) thay cho chữ Đ",
            title_en: "No Icelandic eth (Ð) in place of Vietnamese Đ",
            check: eth_for_dj,
        },
        Rule {
            id: "text.legacy_encoding",
            severity: Severity::Error,
            applies: Applies::Both,
            title_vi: "Không dùng văn bản gõ bằng bảng mã cũ TCVN3 (ABC), VNI",
            title_en: "No text in the legacy TCVN3 (ABC) or VNI encodings",
            check: legacy_encoding,
        },
        Rule {
            id: "text.no_diacritics",
            severity: Severity::Warning,
            applies: Applies::Both,
            title_vi: "Tiếng Việt phải viết có dấu",
            title_en: "Vietnamese text carries its diacritics",
            check: no_diacritics,
        },
        Rule {
            id: "text.tone_style_mixed",
            severity: Severity::Warning,
            applies: Applies::Both,
            title_vi: "Đặt dấu thanh thống nhất theo kiểu đã chọn (hòa/hoà)",
            title_en: "Tone marks placed consistently in the chosen style (hòa/hoà)",
            check: tone_style_mixed,
        },
        Rule {
            id: "text.spacing",
            severity: Severity::Info,
            applies: Applies::Both,
            title_vi: "Không có dấu cách thừa hoặc dấu cách trước dấu câu",
            title_en: "No doubled spaces or spaces before punctuation",
            check: spacing,
        },
    ]
}

fn nfc(doc: &Document, _: &Context, sink: &mut Sink) {
    let facts = field_facts(doc, sink);
    for_each_field_where(doc, facts, |f| !f.nfc, &mut |path, t, _| {
        let at = t.char_indices().find(|&(_, c)| is_combining(c)).map_or(0, |(i, _)| i);
        let word = text::to_nfc(word_at(t, at));
        sink.report_fix(
            path(),
            format!("Chữ được gõ bằng Unicode tổ hợp (dấu rời), cần chuyển sang Unicode dựng sẵn: “{word}”."),
            format!("Text uses combining accents (not NFC); convert to precomposed Unicode: “{word}”."),
            text::to_nfc(t),
        );
    });
}

fn eth_for_dj(doc: &Document, _: &Context, sink: &mut Sink) {
    let facts = field_facts(doc, sink);
    for_each_field_where(doc, facts, |f| f.eth, &mut |path, t, _| {
        let Some(at) = text::find_eth_for_dj(t) else { return };
        if text::detect_legacy(t).is_some() {
            return; // "Ð" is a TCVN3 byte there; text.legacy_encoding converts it
        }
        let word = word_at(t, at);
        sink.report_fix(
            path(),
            format!("Dùng chữ “Ð” (eth, chữ Iceland) thay cho chữ “Đ” tiếng Việt: “{word}”."),
            format!("The Icelandic letter “Ð” (eth) is used instead of Vietnamese “Đ”: “{word}”."),
            text::fix_eth_for_dj(t),
        );
    });
}

fn legacy_encoding(doc: &Document, _: &Context, sink: &mut Sink) {
    let facts = field_facts(doc, sink);
    for_each_field_where(doc, facts, |f| f.words.may_be_legacy(), &mut |path, t, _| {
        let Some(enc) = text::detect_legacy(t) else { return };
        let fixed = text::legacy_to_unicode(t, enc);
        let (q, qf) = (head(t), head(&fixed));
        let name = enc.name();
        sink.report_fix(
            path(),
            format!("Văn bản gõ bằng bảng mã cũ {name} nên hiển thị sai: “{q}” → “{qf}”. Cần chuyển sang Unicode."),
            format!("Text typed in the legacy {name} encoding shows garbled: “{q}” → “{qf}”. Convert it to Unicode."),
            fixed,
        );
    });
}

fn no_diacritics(doc: &Document, _: &Context, sink: &mut Sink) {
    let facts = field_facts(doc, sink);
    for_each_field_where(doc, facts, |f| f.words.may_lack_diacritics(), &mut |path, t, _| {
        if !text::lacks_diacritics(t) || text::detect_legacy(t).is_some() {
            return;
        }
        let q = head(t);
        sink.report(
            path(),
            format!("Văn bản tiếng Việt không có dấu: “{q}”. Cần gõ lại có dấu (dùng bộ gõ tiếng Việt)."),
            format!("Vietnamese text typed without diacritics: “{q}”. Retype it with its accents (use a Vietnamese input method)."),
        );
    });
}

fn tone_style_mixed(doc: &Document, _: &Context, sink: &mut Sink) {
    let chosen = doc.settings.tone_style;
    let (other, style_vi, style_en) = match chosen {
        ToneStyle::Classic => (ToneStyle::Modern, "kiểu cũ “hòa, thủy, khỏe”", "classic “hòa, thủy, khỏe”"),
        ToneStyle::Modern => (ToneStyle::Classic, "kiểu mới “hoà, thuỷ, khoẻ”", "modern “hoà, thuỷ, khoẻ”"),
    };
    let facts = field_facts(doc, sink);
    // The usual field (NFC, no word in the other style) has nothing to find.
    for_each_field_where(doc, facts, |f| !f.nfc || f.words.has_word_in_style(other), &mut |path, t, facts| {
        let t: Cow<str> = if facts.nfc { Cow::Borrowed(t) } else { Cow::Owned(text::to_nfc(t)) };
        let Some(word) = text::first_word_in_style(&t, other) else { return };
        let path = path();
        if path == "signature.name" {
            return; // a person's name keeps the spelling of their papers ("Thuý" or "Thúy")
        }
        let better = text::to_tone_style(word, chosen);
        sink.report_fix(
            path,
            format!("Đặt dấu thanh “{word}” khác kiểu đã chọn cho văn bản ({style_vi}): nên viết “{better}”."),
            format!("Tone mark placed as in “{word}”, not in the document's chosen style ({style_en}): write “{better}”."),
            text::to_tone_style(&t, chosen),
        );
    });
}

fn spacing(doc: &Document, _: &Context, sink: &mut Sink) {
    let facts = field_facts(doc, sink);
    for_each_field_where(doc, facts, |f| f.spacing, &mut |path, t, _| {
        let Some(fixed) = text::spacing_fix(t) else { return };
        let at = t.char_indices().zip(fixed.chars()).find(|((_, a), b)| a != b).map_or(t.len(), |((i, _), _)| i);
        let q = around(t, at);
        sink.report_fix(
            path(),
            format!("Văn bản có dấu cách thừa hoặc dấu cách trước dấu câu: “{q}”."),
            format!("Doubled space or a space before punctuation: “{q}”."),
            fixed,
        );
    });
}

fn is_combining(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

fn is_word(c: char) -> bool {
    c.is_alphabetic() || is_combining(c)
}

/// The word of `t` around byte offset `at`.
fn word_at(t: &str, at: usize) -> &str {
    let start = t[..at].char_indices().rev().take_while(|&(_, c)| is_word(c)).last().map_or(at, |(i, _)| i);
    let end = t[at..].char_indices().find(|&(_, c)| !is_word(c)).map_or(t.len(), |(i, _)| at + i);
    &t[start..end]
}

const QUOTE_CHARS: usize = 40;

/// The start of `t`, at most `QUOTE_CHARS` chars, on one line.
fn head(t: &str) -> String {
    let mut q: String = t.chars().take(QUOTE_CHARS).map(|c| if c == '\n' { ' ' } else { c }).collect();
    if t.chars().nth(QUOTE_CHARS).is_some() {
        q.push('…');
    }
    q
}

/// About 15 chars either side of byte offset `at`, on one line.
fn around(t: &str, at: usize) -> String {
    let before: Vec<char> = t[..at].chars().rev().take(16).collect();
    let mut q = String::new();
    if before.len() == 16 {
        q.push('…');
    }
    q.extend(before.iter().rev().skip(usize::from(before.len() == 16)));
    let after = &t[at..];
    q.extend(after.chars().take(15));
    if after.chars().nth(15).is_some() {
        q.push('…');
    }
    q.replace('\n', " ")
}

#[cfg(test)]
mod tests;

//! Finding citations of other documents in text: "Nghị quyết số 82/NQ-HĐND ngày
//! 11/12/2025", "Luật … số 10/2022/QH15". The scanning alone, used by the
//! facts kept for every field (`fields`) and by the cite.* rules (`citations`).

use super::dates::date_at;
use crate::model::walk::for_each_text_lazy;
use crate::model::{Document, PartialDate};
/// A document cited in a text field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Number and symbol as written: "82/NQ-HĐND", "04-CTr/ĐU", "226/2025/QH15".
    pub reference: String,
    /// Type word as written: "Nghị quyết", "Chương trình".
    pub kind_word: String,
    /// The date written after the reference, when there is one with a year.
    pub date: Option<PartialDate>,
    /// JSON path of the text field.
    pub path: String,
    /// Byte range of the date ("ngày 11/12/2025") in the text, when there is one.
    pub date_span: Option<(usize, usize)>,
}

/// Type words and the type codes that go with them; an empty list accepts any code
/// (laws carry none: "10/2022/QH15"). Party "Quy định" uses QĐ, state QyĐ.
pub(super) const KIND_WORDS: [(&str, &[&str]); 14] = [
    ("Nghị quyết", &["NQ"]),
    ("Nghị định", &["NĐ"]),
    ("Kế hoạch", &["KH"]),
    ("Chỉ thị", &["CT"]),
    ("Chương trình", &["CTr"]),
    ("Quyết định", &["QĐ"]),
    ("Thông tư", &["TT"]),
    ("Hướng dẫn", &["HD"]),
    ("Quy định", &["QyĐ", "QĐ"]),
    ("Thông báo", &["TB"]),
    ("Kết luận", &["KL"]),
    ("Đề án", &["ĐA"]),
    ("Luật", &[]),
    ("Công văn", &[]),
];

/// Every code some type word claims: a reference whose code is one of these can be checked.
pub(super) fn known_code(code: &str) -> bool {
    KIND_WORDS.iter().any(|(_, codes)| codes.contains(&code))
}

/// Index in KIND_WORDS of a type word starting at `at` (capitalised or upper case).
fn kind_word_at(text: &str, at: usize) -> Option<(usize, usize)> {
    static UPPER: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let upper = UPPER.get_or_init(|| {
        KIND_WORDS
            .iter()
            .map(|(w, _)| crate::text::to_upper(w))
            .collect()
    });
    let rest = &text[at..];
    KIND_WORDS
        .iter()
        .zip(upper)
        .enumerate()
        .find_map(|(i, ((w, _), up))| {
            [*w, up.as_str()]
                .into_iter()
                .find(|form| rest.starts_with(form))
                .map(|form| (i, form.len()))
        })
}

/// "82/NQ-HĐND" shape: starts with a digit, has a separator and a capital letter.
fn is_reference(tok: &str) -> bool {
    tok.starts_with(|c: char| c.is_ascii_digit())
        && tok.contains(['/', '-'])
        && tok.chars().any(|c| c.is_uppercase())
}

/// The type code of a reference: its first segment that is not a number
/// ("61/2023/NĐ-CP" → "NĐ", "04-CTr/ĐU" → "CTr").
pub fn type_code(reference: &str) -> Option<&str> {
    reference
        .split(['/', '-'])
        .skip(1)
        .find(|seg| !seg.is_empty() && !seg.bytes().all(|b| b.is_ascii_digit()))
}

/// Comparison key of a reference: no spaces, no leading zeros in the number.
pub fn reference_key(reference: &str) -> String {
    let compact: String = reference.chars().filter(|c| !c.is_whitespace()).collect();
    let trimmed = compact.trim_start_matches('0');
    if trimmed.starts_with(|c: char| c.is_ascii_digit()) {
        trimmed.to_string()
    } else {
        compact
    }
}

/// Citations in one text.
pub fn citations_in(text: &str, path: &str, out: &mut Vec<Citation>) {
    scan(text, &|| path.to_string(), out);
}

/// Citations in one text whose path is built only when one is found.
pub(super) fn scan(text: &str, path: &dyn Fn() -> String, out: &mut Vec<Citation>) {
    // Two byte searches (memchr) are cheaper than one pass testing both bytes.
    if !text.as_bytes().contains(&b'/') && !text.as_bytes().contains(&b'-') {
        return;
    }
    let mut at = 0;
    while at < text.len() {
        let Some(off) = text[at..].find(|c: char| c.is_uppercase()) else {
            break;
        };
        let start = at + off;
        let boundary = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let next = start + text[start..].chars().next().map_or(1, char::len_utf8);
        let Some((kind, len)) = kind_word_at(text, start).filter(|_| boundary) else {
            at = next;
            continue;
        };
        at = start + len;
        let _ = kind;
        if let Some((reference, end)) = find_reference(text, at) {
            let mut p = end;
            p += text[p..]
                .bytes()
                .take_while(|b| *b == b',' || *b == b' ')
                .count();
            let mention = date_at(text, p).filter(|m| m.date(text).is_some());
            let date = mention.as_ref().and_then(|m| m.date(text));
            let date_span = mention.map(|m| (m.start, m.end));
            out.push(Citation {
                reference: reference.to_string(),
                kind_word: text[start..start + len].to_string(),
                date,
                path: path(),
                date_span,
            });
            at = end;
        }
    }
}

/// The reference following a type word at `at`, within a few words and before
/// any punctuation or another type word; returns it and its end.
fn find_reference(text: &str, mut at: usize) -> Option<(&str, usize)> {
    for _ in 0..12 {
        let skip = text[at..].len() - text[at..].trim_start().len();
        if skip == 0 && at < text.len() {
            return None;
        }
        at += skip;
        if at >= text.len() || kind_word_at(text, at).is_some() {
            return None;
        }
        let tok_end = text[at..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| at + i);
        let raw = &text[at..tok_end];
        let tok = raw
            .trim_start_matches('(')
            .trim_end_matches([',', ';', '.', ':', ')']);
        if is_reference(tok) {
            let start = at + raw.find(tok).unwrap_or(0);
            return Some((tok, start + tok.len()));
        }
        if tok.len() != raw.len() || raw.starts_with('(') {
            return None;
        }
        at = tok_end;
    }
    None
}

/// Every citation in every text field of the document, in reading order.
pub fn citations(doc: &Document) -> Vec<Citation> {
    let mut out = Vec::new();
    for_each_text_lazy(doc, &mut |path, text| scan(text, path, &mut out));
    out
}

/// Whether `text` cites anything (for the text facts kept between checks).
pub(crate) fn has_citation(text: &str) -> bool {
    let mut out = Vec::new();
    scan(text, &String::new, &mut out);
    !out.is_empty()
}

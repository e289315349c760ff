//! Text rules: every text field of the document (via `walk::for_each_text_lazy`)
//! is checked for what `crate::text` detects. Each finding carries the exact
//! JSON path and, where one exists, a fix holding the whole corrected field.
//! Clean fields cost no allocation: checks run first, and the path and fix are
//! built only for a field that needs one.
//! What several rules look at first is shared through `fields`.

use std::borrow::Cow;

use super::fields::{field_facts, for_each_field_where};
use super::{Applies, Context, Rule, Severity, Sink};
use crate::model::{Document, ToneStyle};
use crate::text;

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
            severity: Severity::Warning,
            applies: Applies::Both,
            title_vi: "Không có dấu cách thừa, dấu cách trước dấu câu hoặc dấu phẩy dính chữ sau",
            title_en:
                "No doubled spaces, spaces before punctuation or commas glued to the next word",
            check: spacing,
        },
    ]
}

fn nfc(doc: &Document, _: &Context, sink: &mut Sink) {
    let facts = field_facts(doc, sink);
    for_each_field_where(doc, facts, |f| !f.nfc, &mut |path, t, _| {
        let at = t
            .char_indices()
            .find(|&(_, c)| is_combining(c))
            .map_or(0, |(i, _)| i);
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
        let Some(at) = text::find_eth_for_dj(t) else {
            return;
        };
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
    for_each_field_where(
        doc,
        facts,
        |f| f.words.may_be_legacy(),
        &mut |path, t, _| {
            let Some(enc) = text::detect_legacy(t) else {
                return;
            };
            let converted = text::convert_legacy(t, enc);
            let (q, qf) = (head(t), head(&converted.text));
            let name = enc.name();
            if converted.certain {
                sink.report_fix(
                    path(),
                    format!("Văn bản gõ bằng bảng mã cũ {name} nên hiển thị sai: “{q}” → “{qf}”. Cần chuyển sang Unicode."),
                    format!("Text typed in the legacy {name} encoding shows garbled: “{q}” → “{qf}”. Convert it to Unicode."),
                    converted.text,
                );
            } else {
                // Part of it may be Unicode already, or a word reads as nothing
                // either way: a conversion could change words the author meant.
                sink.report(
                    path(),
                    format!("Văn bản có vẻ gõ bằng bảng mã cũ {name} nên hiển thị sai: “{q}”. Không tự chuyển được chắc chắn (có chữ đọc được theo cả hai cách); hãy gõ lại hoặc chuyển mã bằng công cụ như Unikey rồi soát lại."),
                    format!("Text seems typed in the legacy {name} encoding and shows garbled: “{q}”. It cannot be converted with certainty (some words read both ways); retype it or convert it with a tool such as Unikey and proofread it."),
                );
            }
        },
    );
}

fn no_diacritics(doc: &Document, _: &Context, sink: &mut Sink) {
    let facts = field_facts(doc, sink);
    for_each_field_where(
        doc,
        facts,
        |f| f.words.may_lack_diacritics(),
        &mut |path, t, _| {
            if !text::lacks_diacritics(t) || text::detect_legacy(t).is_some() {
                return;
            }
            let q = head(t);
            sink.report(
            path(),
            format!("Văn bản tiếng Việt không có dấu: “{q}”. Cần gõ lại có dấu (dùng bộ gõ tiếng Việt)."),
            format!("Vietnamese text typed without diacritics: “{q}”. Retype it with its accents (use a Vietnamese input method)."),
        );
        },
    );
}

fn tone_style_mixed(doc: &Document, _: &Context, sink: &mut Sink) {
    let chosen = doc.settings.tone_style;
    let (other, style_vi, style_en) = match chosen {
        ToneStyle::Classic => (
            ToneStyle::Modern,
            "kiểu cũ “hòa, thủy, khỏe”",
            "classic “hòa, thủy, khỏe”",
        ),
        ToneStyle::Modern => (
            ToneStyle::Classic,
            "kiểu mới “hoà, thuỷ, khoẻ”",
            "modern “hoà, thuỷ, khoẻ”",
        ),
    };
    let facts = field_facts(doc, sink);
    // The usual field (NFC, no word in the other style) has nothing to find.
    for_each_field_where(
        doc,
        facts,
        |f| !f.nfc || f.words.has_word_in_style(other),
        &mut |path, t, facts| {
            // Legacy text is the legacy rule's: its "hoà" may be VNI "hồ".
            if text::detect_legacy(t).is_some() {
                return;
            }
            let t: Cow<str> = if facts.nfc {
                Cow::Borrowed(t)
            } else {
                Cow::Owned(text::to_nfc(t))
            };
            let Some(word) = text::first_word_in_style(&t, other) else {
                return;
            };
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
        },
    );
}

fn spacing(doc: &Document, _: &Context, sink: &mut Sink) {
    let facts = field_facts(doc, sink);
    for_each_field_where(doc, facts, |f| f.spacing, &mut |path, t, _| {
        let Some(fixed) = text::spacing_fix(t) else {
            return;
        };
        let at = t
            .char_indices()
            .zip(fixed.chars())
            .find(|((_, a), b)| a != b)
            .map_or(t.len(), |((i, _), _)| i);
        let q = around(t, at);
        sink.report_fix(
            path(),
            format!("Dấu cách chưa đúng chỗ (thừa, đứng trước dấu câu hoặc thiếu sau dấu phẩy): “{q}”."),
            format!("A space is out of place (doubled, before a punctuation mark or missing after a comma): “{q}”."),
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
    let start = t[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word(c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = t[at..]
        .char_indices()
        .find(|&(_, c)| !is_word(c))
        .map_or(t.len(), |(i, _)| at + i);
    &t[start..end]
}

const QUOTE_CHARS: usize = 40;

/// The start of `t`, at most `QUOTE_CHARS` chars, on one line.
fn head(t: &str) -> String {
    let mut q: String = t
        .chars()
        .take(QUOTE_CHARS)
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
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

//! Citations that do not say which document they mean (cite.bare,
//! cite.first_full). Nghị định 30, Phụ lục I: a document cited for the first
//! time gives its type, number and symbol, date and issuer ("Nghị quyết số
//! 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"); a law needs only its name.
//! No fix: the missing symbol or date is not in the text. A bare number is a
//! warning; a first citation without its date, a note.

use super::citation_scan::{citations, reference_key, KIND_WORDS};
use super::citations::own_reference;
use super::{Applies, Context, Rule, Severity, Sink};
use crate::model::walk::for_each_text_lazy;
use crate::model::Document;

pub fn rules() -> Vec<Rule> {
    vec![
        Rule {
            id: "cite.bare",
            severity: Severity::Warning,
            applies: Applies::Both,
            title_vi: "Văn bản được dẫn có số, ký hiệu (không chỉ “Nghị quyết số 57”)",
            title_en: "A cited document has its number and symbol (not just “Nghị quyết số 57”)",
            check: bare,
        },
        Rule {
            id: "cite.first_full",
            // A note: signed plans cite well-known central documents by
            // number alone ("Chỉ thị 05-CT/TW"), seeds 001 and 004 among them.
            severity: Severity::Info,
            applies: Applies::Both,
            title_vi: "Lần dẫn đầu tiên ghi đủ số, ký hiệu, ngày ban hành",
            title_en: "The first citation of a document gives its date",
            check: first_full,
        },
    ]
}

/// "Nghị quyết số 57", "Quyết định 123": a type word, then a number with no
/// symbol after it. Returns the words as written and the number.
fn bare_mentions(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (word, _) in KIND_WORDS.iter().filter(|(w, _)| *w != "Luật") {
        for (i, _) in text.match_indices(word) {
            let boundary = text[..i].chars().next_back();
            if boundary.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let rest = &text[i + word.len()..];
            let (with_so, rest) = match rest.strip_prefix(" số ") {
                Some(r) => (true, r),
                None => (false, rest.strip_prefix(' ').unwrap_or("")),
            };
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let after = rest[digits..].chars().next();
            // "số 57/NQ-…", "số 57-NQ/TW", "57,5", "57a": not bare.
            let symbol = after.is_some_and(|c| c.is_alphanumeric() || "/-–.,".contains(c))
                && !rest[digits..].starts_with(", ")
                && !rest[digits..].starts_with(". ")
                && rest[digits..] != *"."
                && rest[digits..] != *",";
            if digits == 0 || symbol || (!with_so && digits > 3) {
                continue;
            }
            let end = i + word.len() + (text[i + word.len()..].len() - rest.len()) + digits;
            out.push((text[i..end].to_string(), rest[..digits].to_string()));
        }
    }
    out
}

fn bare(doc: &Document, _: &Context, s: &mut Sink) {
    // A short mention after (or before) the full citation of the same number is fine.
    let full: Vec<String> = citations(doc)
        .iter()
        .map(|c| reference_key(&c.reference))
        .collect();
    for_each_text_lazy(doc, &mut |path, t| {
        if !t.bytes().any(|b| b.is_ascii_digit()) {
            return;
        }
        for (written, n) in bare_mentions(t) {
            let n = n.trim_start_matches('0');
            let known = full
                .iter()
                .any(|k| k.strip_prefix(n).is_some_and(|r| r.starts_with(['/', '-'])));
            if known {
                continue;
            }
            s.report(
                path(),
                format!("“{written}” thiếu ký hiệu, ngày ban hành và cơ quan ban hành; lần dẫn đầu tiên ghi đủ, ví dụ “Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị”."),
                format!("“{written}” lacks the symbol, date and issuer; the first citation gives them all, e.g. “Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị”."),
            );
        }
    });
}

fn first_full(doc: &Document, _: &Context, s: &mut Sink) {
    let cites = citations(doc);
    let own = own_reference(doc);
    let mut seen: Vec<String> = Vec::new();
    for (i, c) in cites.iter().enumerate() {
        let key = reference_key(&c.reference);
        if seen.contains(&key) {
            continue;
        }
        seen.push(key.clone());
        // Laws are cited by name and number alone.
        let own = own.as_deref().map(reference_key) == Some(key.clone());
        if c.date.is_some() || own || crate::text::to_lower(&c.kind_word) == "luật" {
            continue;
        }
        // Dated in a later citation of the same text only: still the first must carry it.
        let dated_later = cites[i + 1..]
            .iter()
            .any(|o| reference_key(&o.reference) == key && o.date.is_some());
        let (hint_vi, hint_en) = if dated_later {
            (
                " (ngày ban hành chỉ ghi ở lần dẫn sau)",
                " (the date is given only at a later citation)",
            )
        } else {
            ("", "")
        };
        s.report(
            c.path.clone(),
            format!("Lần đầu dẫn {} số {} chưa ghi ngày ban hành{hint_vi}; lần dẫn đầu tiên ghi đủ số, ký hiệu, ngày và cơ quan ban hành.", c.kind_word, c.reference),
            format!("The first citation of {} {} gives no date{hint_en}; the first citation gives the number and symbol, date and issuer.", c.kind_word, c.reference),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn bare_numbers_are_found() {
        let got = |t: &str| {
            bare_mentions(t)
                .into_iter()
                .map(|m| m.0)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            got("Thực hiện Nghị quyết số 57 của Bộ Chính trị và Quyết định 123."),
            ["Nghị quyết số 57", "Quyết định 123"]
        );
        for t in [
            "Nghị quyết số 57-NQ/TW ngày 22/12/2024",
            "Kế hoạch số 347/KH-UBND ngày 26/12/2025",
            "Kế hoạch số      /KH-UBND",
            "Chương trình 2025 - 2030",
            "Luật số 10",
        ] {
            assert!(got(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn a_bare_citation_warns_unless_the_full_one_is_there() {
        let mut d = base();
        d.opening
            .push("Căn cứ Nghị quyết số 57 về phát triển khoa học, công nghệ;".into());
        let f = findings(&d, "cite.bare");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].path.as_str(), f[0].severity),
            ("opening[1]", Severity::Warning)
        );
        assert!(f[0].fix.is_none());
        assert!(f[0]
            .message_vi
            .starts_with("“Nghị quyết số 57” thiếu ký hiệu"));
        d.opening[1] = "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Nghị quyết số 57 đặt mục tiêu…".into();
        assert_quiet(&d, "cite.bare");
        assert_quiet(&base(), "cite.");
        assert_quiet(&party(), "cite.");
    }

    #[test]
    fn the_first_citation_carries_the_date() {
        let mut d = base();
        d.opening[0] = "Thực hiện Nghị quyết số 41/NQ-HĐND của Hội đồng nhân dân phường (Nghị quyết số 41/NQ-HĐND ngày 23/12/2025) như sau:".into();
        let f = findings(&d, "cite.first_full");
        assert_eq!((f.len(), f[0].path.as_str()), (1, "opening[0]"));
        assert_eq!(f[0].severity, Severity::Info);
        assert!(f[0].message_en.contains("only at a later citation"));
        d.opening[0] = "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;".into();
        assert_quiet(&d, "cite.first_full");
    }
}

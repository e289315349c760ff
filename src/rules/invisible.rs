//! text.invisible_control: bidirectional controls, zero-width and control
//! characters in any text field. They pass into every export unseen and make
//! the text read differently from what it holds (U+202E shows "2026" as
//! "6202"). Vietnamese text needs none of them, so the fix removes them.

use super::fields::{field_facts, for_each_field_where};
use super::{Applies, Context, Rule, Severity, Sink};
use crate::model::place::place;
use crate::model::Document;
use crate::text::{has_invisible, invisible_chars, remove_invisible};

pub fn rules() -> Vec<Rule> {
    vec![Rule {
        id: "text.invisible_control",
        severity: Severity::Error,
        applies: Applies::Both,
        title_vi: "Không có ký tự ẩn: điều khiển hướng chữ, không có độ rộng, ký tự điều khiển",
        title_en: "No invisible characters: direction controls, zero-width or control characters",
        check: invisible_control,
    }]
}

fn invisible_control(doc: &Document, _: &Context, sink: &mut Sink) {
    let facts = field_facts(doc, sink);
    for_each_field_where(doc, facts, |f| f.invisible, &mut |path, t, _| {
        report(doc, sink, path(), t)
    });
    // The short fields the text rules leave out (codes, numbers, symbols).
    for_each_code_field(doc, &mut |path, t| {
        if has_invisible(t) {
            report(doc, sink, path, t);
        }
    });
}

/// Text fields outside `walk::for_each_text`: numbers, symbols and codes.
fn for_each_code_field(doc: &Document, f: &mut dyn FnMut(String, &str)) {
    let h = &doc.header;
    f("header.body_code".into(), &h.body_code);
    if let Some(n) = &h.number {
        f("header.number".into(), n);
    }
    f("header.symbol".into(), &h.symbol);
    for (i, a) in doc.agencies.iter().enumerate() {
        if let Some(s) = &a.short_name {
            f(format!("agencies[{i}].short_name"), s);
        }
    }
    for (i, a) in doc.appendices.iter().enumerate() {
        f(format!("appendices[{i}].number"), &a.number);
    }
    if let Some(p) = &doc.parent {
        f("parent.number".into(), &p.number);
        f("parent.symbol".into(), &p.symbol);
        for (i, c) in p.citations.iter().enumerate() {
            f(format!("parent.citations[{i}].reference"), &c.reference);
        }
    }
}

/// At most this many distinct characters are named in one message.
const NAMED: usize = 4;

fn report(doc: &Document, sink: &mut Sink, path: String, t: &str) {
    let found = invisible_chars(t);
    // By kind, in order of first appearance: "ký tự điều khiển hướng chữ U+202E, U+202C".
    let mut kinds: Vec<(crate::text::Invisible, Vec<String>)> = Vec::new();
    for &(c, kind) in found.iter().take(NAMED) {
        let code = format!("U+{:04X}", u32::from(c));
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, codes)) => codes.push(code),
            None => kinds.push((kind, vec![code])),
        }
    }
    let (mut vi, mut en): (Vec<String>, Vec<String>) = kinds
        .iter()
        .map(|(kind, codes)| {
            let (name_vi, name_en) = kind.name();
            let plural = if codes.len() > 1 { "s" } else { "" };
            let codes = codes.join(", ");
            (
                format!("{name_vi} {codes}"),
                format!("the {name_en}{plural} {codes}"),
            )
        })
        .unzip();
    if found.len() > NAMED {
        vi.push("các ký tự ẩn khác".into());
        en.push("others".into());
    }
    let (where_vi, where_en) = place(doc, &path);
    let (vi, en) = (vi.join(", "), en.join(", "));
    sink.report_fix(
        path,
        format!("{where_vi} có {vi}: ký tự ẩn, làm chữ hiển thị khác với nội dung thật. Cần xóa."),
        format!("{where_en} contains {en}: invisible, it makes the text read differently from what it holds. Remove it."),
        remove_invisible(t),
    );
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::super::{check_with, fix_all};
    use crate::model::walk::for_each_text;
    use crate::model::{CitedDoc, PartialDate};

    const ID: &str = "text.invisible_control";

    #[test]
    fn quiet_on_a_clean_plan_and_programme() {
        assert!(findings(&base(), ID).is_empty());
        assert!(findings(&party(), ID).is_empty());
    }

    #[test]
    fn a_direction_override_is_named_with_its_place_and_removed() {
        let mut d = base();
        d.header.subject = "Triển khai năm \u{202E}6202\u{202C} tại phường".into();
        let f = findings(&d, ID);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, crate::rules::Severity::Error);
        assert_eq!(f[0].path, "header.subject");
        assert!(
            f[0].message_vi.starts_with(
                "Trích yếu có ký tự điều khiển hướng chữ U+202E, U+202C: ký tự ẩn, làm chữ hiển thị khác với nội dung thật."
            ),
            "{}",
            f[0].message_vi
        );
        assert!(
            f[0].message_en.starts_with(
                "The subject line contains the bidirectional control characters U+202E, U+202C: invisible"
            ),
            "{}",
            f[0].message_en
        );
        for m in [&f[0].message_vi, &f[0].message_en] {
            assert!(!m.contains("header.") && !m.contains('\u{202E}'), "{m}");
        }
        let fix = f[0].fix.as_ref().unwrap();
        assert_eq!(fix.value, "Triển khai năm 6202 tại phường");
    }

    /// Every text field of the document: one planted character each, one
    /// finding each, and one `fix_all` clears them all.
    #[test]
    fn every_text_field_is_checked_and_fixed() {
        let mut d = base();
        d.body[1].children[0].task.as_mut().unwrap().timeframe =
            Some(crate::model::Timeframe::Text("Trong quý".into()));
        d.parent = Some(parent_347());
        d.parent.as_mut().unwrap().citations.push(CitedDoc {
            reference: "Nghị quyết số 09-NQ/ĐH".into(),
            date: PartialDate::ymd(2025, 9, 27),
        });
        let clean = d.clone();
        let mut want = vec![];
        for_each_text(&clean, &mut |p, _| want.push(p.to_string()));
        let codes = ["header.body_code", "header.number", "header.symbol"];
        let codes = codes
            .iter()
            .chain(&["agencies[0].short_name", "appendices[0].number"]);
        let codes = codes.chain(&[
            "parent.number",
            "parent.symbol",
            "parent.citations[0].reference",
        ]);
        want.extend(codes.map(|p| p.to_string()));
        let mut planted = clean.clone();
        for (i, path) in want.iter().enumerate() {
            let c = ['\u{200B}', '\u{202E}', '\u{7}', '\u{FEFF}', '\u{2066}'][i % 5];
            let at = crate::model::text_at::text_at(&mut planted, path);
            let text = match at {
                crate::model::text_at::At::Text(t) => t.clone(),
                _ => crate::model::json::to_value(&clean)
                    .pointer(&pointer(path))
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap(),
            };
            planted = crate::model::walk::set_text(&planted, path, &format!("{c}{text}")).unwrap();
        }
        let mut got = paths(&planted, ID);
        got.sort();
        want.sort();
        assert_eq!(got, want);
        let (fixed, _) = fix_all(&planted, &ctx(), 3);
        assert_eq!(fixed, clean);
        assert!(check_with(&fixed, &ctx())
            .findings
            .iter()
            .all(|f| f.rule != ID));
    }

    /// "a.b[1].c" → "/a/b/1/c".
    fn pointer(path: &str) -> String {
        let mut p = String::new();
        for part in path.split(['.', '[']) {
            p.push('/');
            p.push_str(part.trim_end_matches(']'));
        }
        p
    }

    #[test]
    fn line_breaks_typed_the_old_way_become_line_feeds() {
        let mut d = base();
        d.recipients.archive = Some("VT,\r\nVHXH".into());
        let f = fixes(&d, ID);
        assert_eq!(
            f,
            [("recipients.archive".to_string(), "VT,\nVHXH".to_string())]
        );
        assert!(findings(&d, ID)[0]
            .message_vi
            .starts_with("Dòng “Lưu” ở nơi nhận có ký tự điều khiển U+000D"));
    }

    #[test]
    fn tcvn3_text_with_soft_hyphens_is_left_to_the_legacy_rule() {
        let mut d = base();
        d.header.subject = "KÕ ho¹ch ph\u{AD}êng".into();
        assert!(findings(&d, ID).is_empty());
    }
}

#![cfg(not(target_arch = "wasm32"))]
//! Property tests over arbitrary documents (random headings, tasks, items and
//! paragraphs, random appendix rows, text made of Vietnamese words, spaces,
//! punctuation, markup and invisible or control characters):
//! (a) write → read is the identity; (b) `fix_all` is idempotent and changes
//! only fields a reported fix concerned; (c) every export is well formed.
//! Case counts keep the suite well under a minute in a debug build.

use kehoach::export::{
    docx::to_docx, html::to_html, html::to_print_html, is_dropped, text::to_text,
};
use kehoach::model::json::{from_json, to_json, to_value};
use kehoach::model::sample::generated_plan;
use kehoach::model::*;
use kehoach::rules::{apply_fixes, check_with, fix_all, Context};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

/// What text is made of. "<zz", "&zz;" mark markup that must come out escaped.
const PIECES: &[&str] = &[
    "Kế",
    "hoạch",
    "phường",
    "Hồng",
    "An",
    "năm",
    "2026",
    "ngày",
    "5/6/2025",
    "UBND",
    "thực",
    "hiện",
    "hòa",
    "hoà",
    "Phụ lục",
    "II",
    "IIII",
    "1.",
    "a)",
    "- ",
    "ke hoach",
    "Ðảng",
    "KÕ",
    "ho¹ch",
    " ",
    " ",
    "  ",
    " ,",
    ",",
    ".",
    ";",
    ":",
    "(",
    ")",
    "“",
    "”",
    "-",
    "/",
    "\"",
    "'",
    "<zz>",
    "</zz>",
    "a<zz",
    "&zz;",
    "&",
    ">",
    "]]>",
    "<!--",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\u{202E}",
    "\u{202C}",
    "\u{200B}",
    "\u{200F}",
    "\u{2066}",
    "\u{FEFF}",
    "\u{1}",
    "\u{0}",
    "\u{7F}",
    "\u{85}",
    "\u{AD}",
    "\u{2028}",
    "😀",
    "a\u{301}",
    "\u{FFFF}",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..7).prop_map(|v| v.concat())
}

fn node_kind() -> impl Strategy<Value = NodeKind> {
    prop::sample::select(vec![
        NodeKind::Heading,
        NodeKind::Task,
        NodeKind::Item,
        NodeKind::Paragraph,
        NodeKind::Duty,
    ])
}

fn leaf() -> impl Strategy<Value = Node> {
    (node_kind(), text(), text(), text(), text()).prop_map(|(kind, text, form, tf, output)| {
        let task = (kind == NodeKind::Task).then(|| Task {
            lead: vec!["phong_van_hoa_xa_hoi".into()],
            form: Some(form),
            timeframe: Some(Timeframe::Text(tf)),
            output: Some(output),
            ..Task::default()
        });
        Node {
            kind,
            text,
            task,
            ..Node::default()
        }
    })
}

fn node() -> impl Strategy<Value = Node> {
    leaf().prop_recursive(3, 24, 4, |inner| {
        (leaf(), prop::collection::vec(inner, 0..4)).prop_map(|(mut n, children)| {
            n.children = children;
            n
        })
    })
}

/// Six cells as the generated plan's table has: STT, content, lead, partners,
/// timeframe, output; any may hold typed text.
fn row() -> impl Strategy<Value = Row> {
    prop::collection::vec(text(), 6).prop_map(|texts| Row {
        cells: texts
            .into_iter()
            .map(|text| Cell {
                text,
                ..Cell::default()
            })
            .collect(),
    })
}

fn document() -> impl Strategy<Value = Document> {
    let header = (text(), text(), text(), prop::option::of(text()), text());
    let groups = prop::collection::vec((text(), prop::collection::vec(row(), 0..5)), 0..3);
    let appendix = (text(), text(), groups, any::<bool>());
    let ends = (prop::collection::vec(text(), 0..3), text(), text(), text());
    (
        any::<bool>(),
        header,
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(node(), 0..5),
        prop::option::of(appendix),
        ends,
    )
        .prop_map(|(party, header, opening, body, appendix, ends)| {
            let mut doc = generated_plan(1);
            if party {
                doc.profile = Profile::Party;
            }
            let (issuing, place, subject, title, number) = header;
            doc.header.issuing_body = issuing;
            doc.header.place = place;
            doc.header.subject = subject;
            doc.header.title = title;
            doc.header.number = Some(number);
            doc.opening = opening;
            doc.body = body;
            let a = &mut doc.appendices[0];
            match appendix {
                None => doc.appendices.clear(),
                Some((number, title, groups, typed_stt)) => {
                    a.number = number;
                    a.title = title;
                    if typed_stt {
                        a.columns[0].kind = ColumnKind::Text;
                    }
                    a.groups = groups
                        .into_iter()
                        .map(|(heading, rows)| RowGroup { heading, rows })
                        .collect();
                }
            }
            let (recipients, archive, line, name) = ends;
            doc.recipients.items = recipients;
            doc.recipients.archive = Some(archive);
            doc.signature.lines[1].text = line;
            doc.signature.name = name;
            doc
        })
}

fn ctx() -> Context {
    Context {
        today: PartialDate::ymd(2026, 6, 1),
    }
}

/// Every leaf of the JSON form by path.
fn leaves(v: &Value, path: String, out: &mut BTreeMap<String, Value>) {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                leaves(item, format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                leaves(item, p, out);
            }
        }
        leaf => {
            out.insert(path, leaf.clone());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn write_then_read_is_the_identity(doc in document()) {
        let json = to_json(&doc);
        let back = from_json(&json).map_err(|e| TestCaseError::fail(e.message_en))?;
        // The writer stores NFC; a document already in NFC comes back equal.
        let nfc = kehoach::model::json::to_text(&doc) == kehoach::text::to_nfc(&kehoach::model::json::to_text(&doc));
        if nfc {
            prop_assert_eq!(&back, &doc);
        }
        prop_assert_eq!(to_json(&back), json);
    }

    #[test]
    fn fixing_is_idempotent_and_touches_only_reported_fields(doc in document()) {
        let ctx = ctx();
        let (fixed, _) = fix_all(&doc, &ctx, 10);
        let (again, n) = fix_all(&fixed, &ctx, 10);
        prop_assert_eq!(n, 0, "fixes left after fix_all: {:#?}", check_with(&fixed, &ctx).findings.iter().filter(|f| f.fix.is_some()).collect::<Vec<_>>());
        prop_assert_eq!(&again, &fixed);
        // The same passes by hand, recording every path a fix concerned.
        let mut by_hand = doc.clone();
        let mut concerned = BTreeSet::new();
        for _ in 0..10 {
            let report = check_with(&by_hand, &ctx);
            concerned.extend(report.findings.iter().filter_map(|f| f.fix.as_ref()).map(|f| f.path.clone()));
            let (next, n) = apply_fixes(&by_hand, &report);
            by_hand = next;
            if n == 0 {
                break;
            }
        }
        prop_assert_eq!(&by_hand, &fixed);
        let (mut before, mut after) = (BTreeMap::new(), BTreeMap::new());
        leaves(&to_value(&doc), String::new(), &mut before);
        leaves(&to_value(&fixed), String::new(), &mut after);
        // An emptied text is left out of the JSON form: absent counts as "".
        let empty = Value::String(String::new());
        for path in before.keys().chain(after.keys()) {
            let old = before.get(path).unwrap_or(&empty);
            let new = after.get(path).unwrap_or(&empty);
            if old != new {
                prop_assert!(
                    concerned.contains(path),
                    "{} changed without a fix: {:?} → {:?}", path, old, new
                );
                prop_assert!(old.is_string() && new.is_string(), "{}", path);
            }
        }
    }

    #[test]
    fn every_export_is_well_formed(doc in document()) {
        let text = to_text(&doc);
        prop_assert!(!text.chars().any(|c| is_dropped(c) || c == '\r'), "{:?}", text);
        for html in [to_html(&doc), to_print_html(&doc)] {
            for raw in ["<zz", "</zz", "&zz;", "\u{0}", "\u{1}"] {
                prop_assert!(!html.contains(raw), "unescaped {:?} in HTML", raw);
            }
        }
        let bytes = to_docx(&doc);
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(!zip.is_empty());
        for i in 0..zip.len() {
            let mut part = zip.by_index(i).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let mut xml = String::new();
            part.read_to_string(&mut xml).map_err(|e| TestCaseError::fail(e.to_string()))?;
            if part.name().ends_with(".xml") || part.name().ends_with(".rels") {
                let parsed = roxmltree::Document::parse(&xml);
                prop_assert!(parsed.is_ok(), "{}: {:?}", part.name(), parsed.err());
            }
        }
    }
}

/// Valid Vietnamese words in the classic tone style (the generated plan's),
/// among them words made only of Latin-1 letters, as legacy text is ("các",
/// "là"), and words that are legacy text for other words ("cô" is VNI "cơ",
/// "bé" is TCVN3 "bộ", "mét" is "một", "chính" is the same in VNI).
const CLEAN_WORDS: &[&str] = &[
    "các",
    "là",
    "cô",
    "sô",
    "hôn",
    "bé",
    "mét",
    "sè",
    "bè",
    "hé",
    "cã",
    "chính",
    "thì",
    "phí",
    "mà",
    "và",
    "té",
    "ví",
    "dù",
    "hòa",
    "hóa",
    "thủy",
    "khỏe",
    "quý",
    "người",
    "được",
    "phường",
    "xã",
    "hội",
    "chủ",
    "nghĩa",
    "kế",
    "hoạch",
    "thực",
    "hiện",
    "nhiệm",
    "vụ",
    "cơ",
    "quan",
    "phối",
    "hợp",
    "tổ",
    "chức",
    "tuyên",
    "truyền",
    "số",
    "hồ",
    "sơ",
    "dân",
    "chủ",
    "ở",
    "sở",
    "trên",
    "địa",
    "bàn",
    "năm",
    "tháng",
    "ngày",
    "báo",
    "cáo",
    "kết",
    "quả",
    "đảng",
    "viên",
    "văn",
    "bản",
    "chỉ",
    "đạo",
    "kiểm",
    "tra",
    "giám",
    "sát",
    "tuổi",
    "lao",
    "động",
    "nghèo",
];

/// A sentence of clean words: capital first, words joined by spaces or ", ".
fn clean_sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(CLEAN_WORDS),
            prop::bool::weighted(0.15),
        ),
        1..24,
    )
    .prop_map(|words| {
        let mut s = String::new();
        for (i, (w, _)) in words.iter().enumerate() {
            if i > 0 {
                s.push_str(if words[i - 1].1 { ", " } else { " " });
            }
            if i == 0 {
                s.extend(kehoach::text::upper_char(w.chars().next().unwrap()));
                s.extend(w.chars().skip(1));
            } else {
                s.push_str(w);
            }
        }
        s.push('.');
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// No fix changes clean, valid Unicode Vietnamese: whatever the words
    /// (even ones that are legacy text for other words), no rule offers to
    /// convert, re-accent or retype them.
    #[test]
    fn no_fix_changes_clean_vietnamese(a in clean_sentence(), b in clean_sentence(), c in clean_sentence()) {
        let mut doc = generated_plan(2);
        doc.opening.push(a.clone());
        doc.body[2].children[0].text = b.clone();
        doc.appendices[0].groups[0].rows[0].cells[1].text = c.clone();
        let report = check_with(&doc, &ctx());
        let text_findings: Vec<_> = report.findings.iter().filter(|f| f.rule.starts_with("text.")).collect();
        prop_assert!(text_findings.is_empty(), "{:#?}", text_findings);
        let (fixed, _) = fix_all(&doc, &ctx(), 5);
        prop_assert_eq!(&fixed.opening[1], &a);
        prop_assert_eq!(&fixed.body[2].children[0].text, &b);
        prop_assert_eq!(&fixed.appendices[0].groups[0].rows[0].cells[1].text, &c);
    }
}

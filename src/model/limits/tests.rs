use super::*;
use crate::model::json::{from_json, to_json};
use crate::model::sample::generated_plan;
use crate::model::{Agency, Appendix, Cell, NodeKind, Row, RowGroup};

fn para(text: &str) -> Node {
    Node {
        kind: NodeKind::Paragraph,
        text: text.into(),
        ..Node::default()
    }
}

/// A plan with exactly `n` parts of the body and opening together.
fn with_nodes(n: usize) -> Document {
    let mut doc = generated_plan(1);
    doc.opening.clear();
    doc.body = (0..n).map(|i| para(&format!("Đoạn {i}"))).collect();
    doc
}

/// A plan whose appendices hold `n` rows in all, split over two appendices.
fn with_rows(n: usize) -> Document {
    let mut doc = generated_plan(n / 2);
    let mut second = doc.appendices[0].clone();
    let row = second.groups[0].rows[0].clone();
    second.groups = vec![RowGroup {
        heading: String::new(),
        rows: vec![row; n - n / 2],
    }];
    doc.appendices.push(second);
    doc
}

/// A body `levels` deep: a chain of headings.
fn with_depth(levels: usize) -> Document {
    let mut doc = generated_plan(1);
    let mut node = para("Lá");
    for _ in 1..levels {
        node = Node {
            kind: NodeKind::Heading,
            text: "Mục".into(),
            children: vec![node],
            ..Node::default()
        };
    }
    doc.body = vec![node];
    doc
}

fn agencies(n: usize) -> Vec<Agency> {
    (0..n)
        .map(|i| Agency {
            id: format!("co_quan_{i}"),
            name: format!("Cơ quan {i}"),
            ..Agency::default()
        })
        .collect()
}

/// The message of a refused document, checked for the shape every refusal shares.
fn refused(doc: &Document) -> ImportError {
    let e = check(doc).expect_err("over a limit");
    assert!(e.path.is_empty());
    assert!(
        e.message_vi.starts_with("Văn bản quá lớn: "),
        "{}",
        e.message_vi
    );
    assert!(
        e.message_en.starts_with("The document is too large: "),
        "{}",
        e.message_en
    );
    for m in [&e.message_vi, &e.message_en] {
        // Words a ward officer reads: no JSON path, no type names, no braces.
        for bad in [
            "body[",
            "appendices[",
            ".text",
            "groups",
            "rows[",
            "Document",
            "Vec",
            "{",
            "}",
            "_",
        ] {
            assert!(!m.contains(bad), "{bad:?} in {m}");
        }
    }
    let nfc: String =
        unicode_normalization::UnicodeNormalization::nfc(e.message_vi.as_str()).collect();
    assert_eq!(nfc, e.message_vi);
    e
}

#[test]
fn the_generated_plans_and_fixtures_are_within_the_limits() {
    assert_eq!(over(&generated_plan(1_000)), None);
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).unwrap()
    {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let doc = from_json(&std::fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|e| panic!("{path:?}: {e}"));
            assert_eq!(over(&doc), None, "{path:?}");
        }
    }
}

#[test]
fn body_parts_at_the_limit_pass_and_one_more_fails() {
    assert_eq!(over(&with_nodes(MAX_BODY_NODES)), None);
    assert_eq!(
        over(&with_nodes(MAX_BODY_NODES + 1)),
        Some(Over::BodyNodes(MAX_BODY_NODES + 1))
    );
    // Opening paragraphs count with the body.
    let mut doc = with_nodes(MAX_BODY_NODES);
    doc.opening.push("Căn cứ".into());
    assert_eq!(over(&doc), Some(Over::BodyNodes(MAX_BODY_NODES + 1)));
    let e = refused(&with_nodes(137_000));
    assert_eq!(
        e.message_vi,
        "Văn bản quá lớn: phần nội dung có 137.000 đề mục và đoạn văn, trình soạn thảo chỉ mở được tối đa 3.000. Hãy chia thành nhiều văn bản."
    );
    assert_eq!(
        e.message_en,
        "The document is too large: the content has 137,000 headings and paragraphs; the editor opens at most 3,000. Split it into several documents."
    );
}

#[test]
fn rows_at_the_limit_pass_and_one_more_fails() {
    assert_eq!(over(&with_rows(MAX_ROWS)), None);
    assert_eq!(
        over(&with_rows(MAX_ROWS + 1)),
        Some(Over::Rows(MAX_ROWS + 1))
    );
    let e = refused(&with_rows(25_000));
    assert_eq!(e.message_vi, "Văn bản quá lớn: phụ lục có 25.000 dòng, trình soạn thảo chỉ mở được tối đa 5.000 dòng. Hãy chia thành nhiều văn bản.");
}

#[test]
fn depth_at_the_limit_passes_and_one_more_fails() {
    assert_eq!(over(&with_depth(MAX_BODY_DEPTH)), None);
    assert_eq!(
        over(&with_depth(MAX_BODY_DEPTH + 1)),
        Some(Over::BodyDepth(MAX_BODY_DEPTH + 1))
    );
    refused(&with_depth(MAX_BODY_DEPTH + 1));
}

#[test]
fn a_field_at_the_limit_passes_and_one_more_character_fails() {
    // Counted in characters, not bytes: "ệ" is three bytes.
    let at = "ệ".repeat(MAX_FIELD_CHARS);
    let over_by_one = format!("{at}a");
    let places: [fn(&mut Document, String); 5] = [
        |d, s| d.header.subject = s,
        |d, s| d.body[0].text = s,
        |d, s| d.appendices[0].groups[0].rows[0].cells[1].text = s,
        |d, s| d.signature.name = s,
        |d, s| d.agencies[0].name = s,
    ];
    for put in places {
        let mut doc = generated_plan(2);
        put(&mut doc, at.clone());
        assert_eq!(over(&doc), None);
        put(&mut doc, over_by_one.clone());
        assert_eq!(over(&doc), Some(Over::FieldChars(MAX_FIELD_CHARS + 1)));
    }
    let mut doc = generated_plan(2);
    doc.header.subject = over_by_one;
    let e = refused(&doc);
    assert!(
        e.message_vi.contains("10.001 ký tự") && e.message_vi.contains("chia đoạn dài"),
        "{}",
        e.message_vi
    );
}

#[test]
fn agencies_appendices_columns_and_lists_at_the_limit_pass() {
    type Put = fn(&mut Document, usize);
    type Case = (Put, usize, fn(usize) -> Over);
    let cases: [Case; 5] = [
        (
            |d, n| d.agencies = agencies(n),
            MAX_AGENCIES,
            Over::Agencies,
        ),
        (
            |d, n| d.appendices = vec![Appendix::default(); n],
            MAX_APPENDICES,
            Over::Appendices,
        ),
        (
            |d, n| d.appendices[0].columns = vec![d.appendices[0].columns[1].clone(); n],
            MAX_COLUMNS,
            Over::Columns,
        ),
        (
            |d, n| d.recipients.items = vec!["Sở Nội vụ".into(); n],
            MAX_LIST_ITEMS,
            Over::ListItems,
        ),
        (
            |d, n| {
                d.appendices[0].groups[0].rows[0].cells[2].agencies =
                    vec!["cong_an_phuong".into(); n]
            },
            MAX_LIST_ITEMS,
            Over::ListItems,
        ),
    ];
    for (put, limit, over_kind) in cases {
        let mut doc = generated_plan(2);
        put(&mut doc, limit);
        assert_eq!(over(&doc), None, "{:?}", over_kind(limit));
        put(&mut doc, limit + 1);
        assert_eq!(over(&doc), Some(over_kind(limit + 1)));
        refused(&doc);
    }
    let mut doc = generated_plan(2);
    doc.appendices[0].groups[0].rows[0] = Row {
        cells: vec![Cell::default(); MAX_COLUMNS + 1],
    };
    assert_eq!(over(&doc), Some(Over::Columns(MAX_COLUMNS + 1)));
}

#[test]
fn text_over_the_byte_limit_is_refused_before_it_is_read() {
    assert!(check_size(MAX_INPUT_BYTES).is_ok());
    let e = check_size(MAX_INPUT_BYTES + 1).unwrap_err();
    assert!(
        e.message_vi
            .starts_with("Văn bản quá lớn: tệp có dung lượng 10,1 MB"),
        "{}",
        e.message_vi
    );
    assert!(e.message_en.contains("at most 10.0 MB"), "{}", e.message_en);
    // Not even valid JSON: the size is what is reported.
    let huge = "x".repeat(MAX_INPUT_BYTES + 1);
    assert_eq!(from_json(&huge).unwrap_err(), e);
    let e = check_size(200 * 1024 * 1024).unwrap_err();
    assert!(e.message_vi.contains("200,0 MB"), "{}", e.message_vi);
}

/// Every count at its limit and text up to `text` bytes in all (long paragraphs).
fn largest(text: usize) -> Document {
    let mut doc = with_rows(MAX_ROWS);
    doc.agencies
        .extend(agencies(MAX_AGENCIES - doc.agencies.len()));
    doc.opening.clear();
    let long = "ệ".repeat(MAX_FIELD_CHARS / 3);
    doc.body = (0..MAX_BODY_NODES)
        .map(|i| para(&format!("Đoạn {i}")))
        .collect();
    let mut w = Walk { text: 0, nodes: 0 };
    let _ = w.check(&doc);
    for n in &mut doc.body {
        if w.text + long.len() > text {
            break;
        }
        w.text += long.len();
        n.text = long.clone();
    }
    doc
}

#[test]
fn text_bytes_at_the_limit_pass_and_more_fail() {
    let doc = largest(MAX_TEXT_BYTES);
    assert_eq!(over(&doc), None);
    let mut more = doc.clone();
    // Ten more long paragraphs: over by some 70 KB whatever the rounding above.
    for n in more.body.iter_mut().filter(|n| n.text.len() < 100).take(10) {
        n.text = "ệ".repeat(MAX_FIELD_CHARS / 3);
    }
    assert!(matches!(over(&more), Some(Over::TextBytes(n)) if n > MAX_TEXT_BYTES));
    let e = refused(&more);
    assert!(e.message_vi.contains("tối đa 4,0 MB"), "{}", e.message_vi);
}

#[test]
fn what_the_editor_holds_it_can_save_and_open_again() {
    // The largest document the limits allow, written canonically (pretty,
    // as drafts and downloads are), is within the byte limit.
    let doc = largest(MAX_TEXT_BYTES);
    let json = to_json(&doc);
    assert!(json.len() <= MAX_INPUT_BYTES, "{} bytes", json.len());
    assert_eq!(from_json(&json).unwrap(), doc);
}

#[test]
fn import_refuses_a_document_over_a_limit_with_the_whole_message() {
    let json = to_json(&with_rows(MAX_ROWS + 1));
    let e = from_json(&json).unwrap_err();
    assert_eq!(e, Over::Rows(MAX_ROWS + 1).error());
    let json = to_json(&with_rows(MAX_ROWS));
    assert!(
        json.len() <= MAX_INPUT_BYTES,
        "the largest plan's JSON fits the byte limit: {}",
        json.len()
    );
    assert!(from_json(&json).is_ok());
}

#[test]
fn numbers_are_grouped_as_each_language_writes_them() {
    assert_eq!(grouped(5, '.'), "5");
    assert_eq!(grouped(5_000, '.'), "5.000");
    assert_eq!(grouped(137_000, ','), "137,000");
    assert_eq!(grouped(1_234_567, '.'), "1.234.567");
    assert_eq!(megabytes(MAX_INPUT_BYTES, ','), "10,0 MB");
    assert_eq!(megabytes(20 * 1024 * 1024 + 1, '.'), "20.1 MB");
}

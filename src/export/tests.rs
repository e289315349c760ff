use super::*;

#[test]
fn clean_drops_controls_and_keeps_the_rest() {
    assert_eq!(
        clean("a\u{1}b\r\nc\rd\u{FEFF}e\u{200F}😀\tf\u{7}"),
        "ab\nc\nde\u{200F}😀\tf"
    );
}

#[test]
fn task_lines_follow_its_items_and_precede_its_sub_tasks() {
    use crate::model::{Node, Task};
    let mut doc = crate::model::sample::generated_plan(1);
    let item = |t: &str| Node {
        kind: NodeKind::Item,
        text: t.into(),
        ..Node::default()
    };
    let task = |t: &str, children: Vec<Node>| Node {
        kind: NodeKind::Task,
        text: t.into(),
        task: Some(Task {
            form: Some(format!("form {t}")),
            ..Task::default()
        }),
        children,
        ..Node::default()
    };
    doc.body = vec![
        task(
            "A",
            vec![item("a1"), task("B", vec![item("b1")]), item("a2")],
        ),
        task("C", vec![]),
    ];
    let got: Vec<String> = body_lines(&doc).iter().map(BodyLine::joined).collect();
    assert_eq!(
        got,
        [
            "I. A",
            "- a1",
            "- Hình thức: form A.",
            "1. B",
            "- b1",
            "- Hình thức: form B.",
            "- a2",
            "II. C",
            "- Hình thức: form C."
        ]
    );
}

#[test]
fn leaf_numbered_headings_are_running_text() {
    let doc = crate::model::sample::generated_plan(1);
    let lines = body_lines(&doc);
    let style = |t: &str| lines.iter().find(|l| l.joined() == t).map(|l| l.style);
    assert_eq!(
        style("I. MỤC ĐÍCH, YÊU CẦU"),
        Some(LineStyle::Heading { level: 0 })
    );
    assert_eq!(style("1. Mục đích"), Some(LineStyle::Heading { level: 1 }));
    assert_eq!(
        style("- Cơ quan chủ trì: Phòng Văn hóa - Xã hội."),
        Some(LineStyle::Detail)
    );
    let mut doc = doc;
    doc.body[0].children[0].children.clear();
    assert_eq!(body_lines(&doc)[1].style, LineStyle::Text);
}

#[test]
fn recipients_end_with_the_archive_line() {
    let doc = crate::model::sample::generated_plan(1);
    assert_eq!(
        recipient_lines(&doc),
        [
            "- UBND thành phố;",
            "- Sở Nội vụ;",
            "- Các phòng, ban, đơn vị thuộc phường;",
            "- Lưu: VT, VHXH."
        ]
    );
}

/// A task whose own lines already say a field does not print it again; the
/// fields its lines do not say still print, the timeframe as written.
#[test]
fn task_fields_print_once_and_as_written() {
    use crate::model::{Agency, Node, Task, Timeframe};
    let mut doc = crate::model::sample::generated_plan(1);
    doc.agencies = ["Công an phường", "Các tổ dân phố", "Ban Xây dựng Đảng"]
        .iter()
        .map(|n| Agency {
            id: crate::model::edit::slug(n),
            name: n.to_string(),
            ..Agency::default()
        })
        .collect();
    let ids = |names: &[&str]| names.iter().map(|n| crate::model::edit::slug(n)).collect();
    let item = |t: &str| Node {
        kind: NodeKind::Item,
        text: t.into(),
        ..Node::default()
    };
    let task = Task {
        lead: ids(&["Ban Xây dựng Đảng"]),
        partners: ids(&["Công an phường", "Các tổ dân phố"]),
        timeframe: Some(Timeframe::YearRange {
            from: 2025,
            to: 2030,
        }),
        timeframe_text: Some("giai đoạn 2025 - 2030".into()),
        output: Some("Kế hoạch thực hiện".into()),
        ..Task::default()
    };
    doc.body = vec![Node {
        kind: NodeKind::Task,
        text: "Phân công thực hiện".into(),
        task: Some(task.clone()),
        children: vec![item(
            "Giao Ban Xây dựng Đảng chủ trì; phối hợp với các đơn vị xây dựng kế hoạch thực hiện.",
        )],
        ..Node::default()
    }];
    let got: Vec<String> = body_lines(&doc).iter().map(BodyLine::joined).collect();
    // The lead is named in the sentence; the partners are not ("các đơn vị"
    // does not say who), so their line is printed.
    assert_eq!(
        got[1..],
        [
            "- Giao Ban Xây dựng Đảng chủ trì; phối hợp với các đơn vị xây dựng kế hoạch thực hiện.",
            "- Cơ quan phối hợp: Công an phường; các tổ dân phố.",
            "- Thời gian thực hiện: giai đoạn 2025 - 2030."
        ]
    );
    // A verb alone does not say who leads: the lead's line is printed.
    let mut verb_only = doc.clone();
    verb_only.body[0].children[0].text = "Chủ trì xây dựng kế hoạch thực hiện.".into();
    let got: Vec<String> = body_lines(&verb_only)
        .iter()
        .map(BodyLine::joined)
        .collect();
    assert!(
        got.iter()
            .any(|l| l.starts_with("- Cơ quan chủ trì: Ban Xây dựng Đảng")),
        "{got:?}"
    );
    // Said by a labelled line of its own: the timeframe is not printed twice.
    doc.body[0]
        .children
        .push(item("Thời gian thực hiện: Thường xuyên."));
    let got: Vec<String> = body_lines(&doc).iter().map(BodyLine::joined).collect();
    assert_eq!(got.len(), 4, "{got:?}");
    // Without lines of its own, every field prints, the agencies as one list.
    doc.body[0].children.clear();
    let got: Vec<String> = body_lines(&doc).iter().map(BodyLine::joined).collect();
    assert_eq!(
        got[1..],
        [
            "- Cơ quan chủ trì: Ban Xây dựng Đảng.",
            "- Cơ quan phối hợp: Công an phường; các tổ dân phố.",
            "- Thời gian thực hiện: giai đoạn 2025 - 2030.",
            "- Sản phẩm: Kế hoạch thực hiện."
        ]
    );
}

#[test]
fn a_cell_prints_as_the_editor_shows_it() {
    use crate::model::edit;
    let doc = crate::model::sample::generated_plan(1);
    let id = doc.agencies[0].id.clone();
    let name = doc.agencies[0].name.clone();
    let column = |kind| Column {
        id: "c".into(),
        title: "C".into(),
        kind,
        width: None,
    };
    let cases = [
        // A directory agency and a name not (yet) in the directory.
        (
            ColumnKind::AgencyList,
            Cell {
                agencies: vec![id],
                text: "Trường Tiểu học Kim Liên".into(),
                ..Cell::default()
            },
            format!("{name}; Trường Tiểu học Kim Liên"),
        ),
        // Written words kept in a timeframe column without a value.
        (
            ColumnKind::Timeframe,
            Cell {
                text: "Hằng năm".into(),
                ..Cell::default()
            },
            "Hằng năm".to_string(),
        ),
    ];
    for (kind, cell, printed) in cases {
        assert_eq!(cell_text(&doc, &column(kind), Some(&cell), 1), printed);
        assert_eq!(edit::cell_text(&doc, kind, &cell), printed);
    }
}

#[test]
fn clean_copies_only_text_it_would_not_change() {
    // Every char alone and between letters, against the char-by-char rule.
    let slow = |s: &str| -> String {
        crate::text::map_with_line_feeds(s, |c| match c {
            '\u{2028}' | '\u{2029}' => Some('\n'),
            c if is_dropped(c) => None,
            c => Some(c),
        })
    };
    for c in ('\0'..='\u{3000}').chain(['\u{FEFF}', '\u{FFFE}', '\u{FFFF}', 'ệ', '😀']) {
        for s in [format!("{c}"), format!("Kế{c}\r\nhoạch\r")] {
            assert_eq!(clean(&s), slow(&s), "U+{:04X}", c as u32);
        }
    }
}

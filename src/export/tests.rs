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

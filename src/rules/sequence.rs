//! Points lettered or numbered by hand in running text ("a) … b) … c) … e)",
//! "1. … 2. … 4."), in one field or in the first words of sibling paragraphs,
//! must run without a gap, in the Vietnamese letter order a b c d đ e g h i k
//! l m n o p q r s t u v x y. No fix: whether a point is missing or mislabelled
//! is the author's to say.

use super::{Applies, Context, Rule, Severity, Sink};
use crate::model::numbering::{is_numbered, node_path, VI_LETTERS};
use crate::model::walk::for_each_text_lazy;
use crate::model::{Document, Node};

pub fn rules() -> Vec<Rule> {
    vec![Rule {
        id: "nd30.points.sequence",
        severity: Severity::Warning,
        applies: Applies::Both,
        title_vi: "Các điểm đánh chữ, đánh số bằng tay liền mạch (a, b, c, d, đ, e…)",
        title_en: "Hand-lettered or hand-numbered points run without a gap (a, b, c, d, đ, e…)",
        check: sequence_gap,
    }]
}

/// A hand-typed label: a letter ("a)", "đ.") or a number ("1.", "2)"), with
/// its place in its order (a = 0, đ = 4; 1 = 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Letter(usize),
    Number(usize),
}

impl Label {
    fn shown(self) -> String {
        match self {
            Label::Letter(i) => format!("{})", VI_LETTERS[i]),
            Label::Number(i) => format!("{}.", i + 1),
        }
    }
    fn same_kind(self, other: Label) -> bool {
        matches!(
            (self, other),
            (Label::Letter(_), Label::Letter(_)) | (Label::Number(_), Label::Number(_))
        )
    }
    fn index(self) -> usize {
        match self {
            Label::Letter(i) | Label::Number(i) => i,
        }
    }
}

/// The label a piece of text starts with, followed by a space: "a) ", "đ. ", "3. ", "3) ".
fn label_at(t: &str) -> Option<Label> {
    let first = t.chars().next()?;
    let n = first.len_utf8();
    if let Some(i) = VI_LETTERS
        .iter()
        .position(|l| l.starts_with(first) && l.len() == n)
    {
        let after = &t[n..];
        return (after.starts_with(") ") || after.starts_with(". ")).then_some(Label::Letter(i));
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let after = &t[digits..];
    let v: usize = t[..digits].parse().ok()?;
    (v > 0 && (after.starts_with(") ") || after.starts_with(". "))).then(|| Label::Number(v - 1))
}

/// The labels of one field: at the start of each line, and inline after a
/// space, ":" or ";" for letters with ")" ("gồm: a) …; b) …").
fn field_labels(t: &str) -> Vec<Label> {
    let mut out = Vec::new();
    for line in t.split('\n') {
        let line = line.trim_start();
        if let Some(l) = label_at(line) {
            out.push(l);
        }
        for (i, _) in line.match_indices(") ").filter(|&(i, _)| i > 0) {
            let Some((start, c)) = line[..i].char_indices().next_back() else {
                continue;
            };
            let before = line[..start].chars().next_back();
            let standalone = before.is_some_and(|b| b == ' ' || b == ':' || b == ';');
            if start > 0 && standalone && c.is_lowercase() {
                if let Some(l @ Label::Letter(_)) = label_at(&line[start..]) {
                    out.push(l);
                }
            }
        }
    }
    out
}

/// The first gap in a run of labels: (the label before, the label after).
fn first_gap(labels: &[Label]) -> Option<(Label, Label)> {
    labels.windows(2).find_map(|w| {
        let (a, b) = (w[0], w[1]);
        let fine = !a.same_kind(b) || b.index() == 0 || b.index() == a.index() + 1;
        (!fine).then_some((a, b))
    })
}

/// The labels between two, as the reader expects them: "d), đ)".
fn missing(a: Label, b: Label) -> String {
    let shown: Vec<String> = (a.index() + 1..b.index())
        .map(|i| match a {
            Label::Letter(_) => Label::Letter(i).shown(),
            Label::Number(_) => Label::Number(i).shown(),
        })
        .map(|s| format!("“{s}”"))
        .collect();
    shown.join(", ")
}

fn report(s: &mut Sink, path: String, (a, b): (Label, Label)) {
    let (sa, sb) = (a.shown(), b.shown());
    let order_vi = "thứ tự chữ cái tiếng Việt: a, b, c, d, đ, e, g, h, i, k, l, m, n…";
    let order_en = "Vietnamese letter order: a, b, c, d, đ, e, g, h, i, k, l, m, n…";
    let (vi, en) = if b.index() > a.index() + 1 {
        let m = missing(a, b);
        (
            format!("Sau “{sa}” là “{sb}”, thiếu {m} ({order_vi})."),
            format!("“{sb}” follows “{sa}”: {m} is missing ({order_en})."),
        )
    } else {
        (
            format!("Sau “{sa}” là “{sb}”: thứ tự đánh bằng tay không liền mạch ({order_vi})."),
            format!("“{sb}” follows “{sa}”: the hand-typed order breaks ({order_en})."),
        )
    };
    s.report(path, vi, en);
}

fn sequence_gap(doc: &Document, _: &Context, s: &mut Sink) {
    for_each_text_lazy(doc, &mut |path, t| {
        if !t.contains(") ") && !t.contains(". ") {
            return;
        }
        let labels = field_labels(t);
        if labels.len() > 1 {
            if let Some(gap) = first_gap(&labels) {
                report(s, path(), gap);
            }
        }
    });
    siblings(&doc.body, &mut Vec::new(), s);
}

/// Unnumbered sibling paragraphs that each start with a label typed by hand.
fn siblings(nodes: &[Node], path: &mut Vec<usize>, s: &mut Sink) {
    let mut prev: Option<Label> = None;
    for (i, n) in nodes.iter().enumerate() {
        path.push(i);
        let here = (!is_numbered(n.kind))
            .then(|| label_at(n.text.trim_start()))
            .flatten();
        if let (Some(a), Some(b)) = (prev, here) {
            if let Some(gap) = first_gap(&[a, b]) {
                report(s, format!("{}.text", node_path(path)), gap);
            }
        }
        prev = here;
        siblings(&n.children, path, s);
        path.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::model::NodeKind;

    const AT: &str = "body[0].children[0].children[0].text";

    fn with_text(t: &str) -> Document {
        let mut d = base();
        d.body[0].children[0].children[0].text = t.into();
        d
    }

    /// Found by fuzzing: "0. " computed the label before 0 (an overflow,
    /// a panic in a debug build) before it was refused.
    #[test]
    fn a_zero_is_no_label() {
        assert_eq!(label_at("0. Mở đầu"), None);
        assert_eq!(label_at("00) Mở đầu"), None);
        assert_eq!(label_at("1. Mở đầu"), Some(Label::Number(0)));
        assert!(paths(&with_text("0. Mở đầu\n2. Tiếp"), "nd30.points.sequence").is_empty());
    }

    #[test]
    fn runs_without_a_gap_are_quiet() {
        for t in [
            "a) Một;\nb) Hai;\nc) Ba;\nd) Bốn;\nđ) Năm;\ne) Sáu.",
            "Gồm: a) tuyên truyền; b) tập huấn; c) kiểm tra.",
            "1. Một.\n2. Hai.\n3. Ba.\na) lại từ đầu; b) tiếp.",
            "Theo điểm b) khoản 1 Điều 5.",
            "Năm 2026. Tiếp theo 3. không phải điểm",
        ] {
            assert!(
                paths(&with_text(t), "nd30.points.sequence").is_empty(),
                "{t}"
            );
        }
        assert_quiet(&base(), "nd30.points.sequence");
    }

    #[test]
    fn a_gap_is_found_and_named() {
        let d = with_text("a) Một;\nb) Hai;\nc) Ba;\ne) Bốn.");
        let f = findings(&d, "nd30.points.sequence");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].path.as_str(), f[0].severity), (AT, Severity::Warning));
        assert!(
            f[0].message_vi.contains("thiếu “d)”, “đ)”"),
            "{}",
            f[0].message_vi
        );
        assert!(f[0].fix.is_none());
        // Word's automatic letters have no đ.
        let d = with_text("Gồm: a) một; b) hai; c) ba; d) bốn; e) năm.");
        assert!(findings(&d, "nd30.points.sequence")[0]
            .message_en
            .contains("“đ)” is missing"));
        let d = with_text("1. Một.\n2. Hai.\n4. Bốn.");
        assert!(findings(&d, "nd30.points.sequence")[0]
            .message_vi
            .contains("thiếu “3.”"));
    }

    #[test]
    fn sibling_paragraphs_lettered_by_hand() {
        let mut d = base();
        let para = |t: &str| Node {
            kind: NodeKind::Paragraph,
            text: t.into(),
            ..Node::default()
        };
        d.body[0].children[0].children = vec![para("a) Một."), para("b) Hai."), para("d) Ba.")];
        assert_eq!(
            paths(&d, "nd30.points.sequence"),
            ["body[0].children[0].children[2].text"]
        );
        d.body[0].children[0].children[2].text = "c) Ba.".into();
        assert!(paths(&d, "nd30.points.sequence").is_empty());
    }
}

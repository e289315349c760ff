//! Numbering derived from position, never typed: I. → 1. → a) → - → +.
//! Headings, tasks and duty blocks take numbers; items take "-" ("+" under an item);
//! paragraphs take none.

use super::{Node, NodeKind, NumberStyle};

/// Vietnamese letter order for points: no f, j, w, z; đ follows d.
pub const VI_LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// Upper-case Roman numeral; 0 gives an empty string.
pub fn roman(mut n: usize) -> String {
    let mut out = String::new();
    for (value, sym) in ROMAN_TABLE {
        while n >= value {
            out.push_str(sym);
            n -= value;
        }
    }
    out
}

/// Values and symbols of Roman numerals, largest first.
const ROMAN_TABLE: [(usize, &str); 13] = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
];

/// Value of a Roman numeral ("XIV" → 14), None when it is not one.
pub fn parse_roman(s: &str) -> Option<usize> {
    // Greedy read along the table `roman` writes from, then a check that
    // `roman` writes the value back exactly as `s`: strict canonical form
    // ("IIII", "VX", "IM" are refused) in time linear in `s`, no allocation.
    let mut rest = s.as_bytes();
    let mut n = 0;
    for (value, sym) in ROMAN_TABLE {
        while rest.starts_with(sym.as_bytes()) {
            n += value;
            if n > 3999 {
                return None;
            }
            rest = &rest[sym.len()..];
        }
    }
    if !rest.is_empty() || n == 0 {
        return None;
    }
    let mut canonical = s.as_bytes();
    let mut left = n;
    for (value, sym) in ROMAN_TABLE {
        while left >= value {
            canonical = canonical.strip_prefix(sym.as_bytes())?;
            left -= value;
        }
    }
    canonical.is_empty().then_some(n)
}

/// Vietnamese letter for the n-th point (1-based); past "y" letters double
/// ("aa"), then triple; past that the letter takes the round's number ("a4"),
/// so a label stays short however many points a list has (repeating the
/// letter made 100,000 labels take gigabytes).
pub fn vi_letter(n: usize) -> String {
    let i = n.saturating_sub(1);
    let letter = VI_LETTERS[i % VI_LETTERS.len()];
    match i / VI_LETTERS.len() + 1 {
        round @ 1..=3 => letter.repeat(round),
        round => format!("{letter}{round}"),
    }
}

/// Whether nodes of this kind take a number.
pub fn is_numbered(kind: NodeKind) -> bool {
    matches!(kind, NodeKind::Heading | NodeKind::Task | NodeKind::Duty)
}

/// The label of the `ordinal`-th numbered node in `style`; `parent` is the
/// parent's label, used by the nested style ("1." → "1.1.").
pub fn label(style: NumberStyle, ordinal: usize, parent: &str) -> String {
    match style {
        NumberStyle::UpperAlpha => {
            format!("{}.", char::from(b'A' + ((ordinal.max(1) - 1) % 26) as u8))
        }
        NumberStyle::UpperRoman => format!("{}.", roman(ordinal)),
        NumberStyle::UpperRomanDash => format!("{}-", roman(ordinal)),
        NumberStyle::Arabic => format!("{ordinal}."),
        NumberStyle::ArabicDash => format!("{ordinal}-"),
        NumberStyle::ArabicNested => {
            let base = parent.trim_end_matches(['.', '-', ')']);
            if base.is_empty() {
                format!("{ordinal}.")
            } else {
                format!("{base}.{ordinal}.")
            }
        }
        NumberStyle::LowerAlpha => format!("{})", vi_letter(ordinal)),
        NumberStyle::Dash => "-".into(),
        NumberStyle::Plus => "+".into(),
    }
}

/// Calls `f(node, path, label)` for every node in reading order. `path` holds the
/// child indices from the root; `label` is "" for paragraphs.
pub fn visit<'a>(
    body: &'a [Node],
    styles: &[NumberStyle],
    f: &mut dyn FnMut(&'a Node, &[usize], &str),
) {
    fn go<'a>(
        nodes: &'a [Node],
        depth: usize,
        parent_label: &str,
        parent_is_item: bool,
        styles: &[NumberStyle],
        path: &mut Vec<usize>,
        f: &mut dyn FnMut(&'a Node, &[usize], &str),
    ) {
        let mut ordinal = 0;
        for (i, node) in nodes.iter().enumerate() {
            if is_numbered(node.kind) {
                ordinal += 1;
            }
            let label = node_label(
                node.kind,
                ordinal,
                depth,
                parent_label,
                parent_is_item,
                styles,
            );
            path.push(i);
            f(node, path, &label);
            let child_depth = if is_numbered(node.kind) {
                depth + 1
            } else {
                depth
            };
            let pl = if is_numbered(node.kind) {
                label.as_str()
            } else {
                parent_label
            };
            if node.child_numbering.is_empty() {
                go(
                    &node.children,
                    child_depth,
                    pl,
                    node.kind == NodeKind::Item,
                    styles,
                    path,
                    f,
                );
            } else {
                go(
                    &node.children,
                    0,
                    pl,
                    node.kind == NodeKind::Item,
                    &node.child_numbering,
                    path,
                    f,
                );
            }
            path.pop();
        }
    }
    go(body, 0, "", false, styles, &mut Vec::new(), f);
}

/// The label of a node of `kind`, the `ordinal`-th numbered one among its
/// siblings, at numbered `depth`: a number, "-" or "+" for items, "" for paragraphs.
fn node_label(
    kind: NodeKind,
    ordinal: usize,
    depth: usize,
    parent_label: &str,
    parent_is_item: bool,
    styles: &[NumberStyle],
) -> String {
    if is_numbered(kind) {
        let style = styles
            .get(depth)
            .or(styles.last())
            .copied()
            .unwrap_or(NumberStyle::Arabic);
        label(style, ordinal, parent_label)
    } else if kind == NodeKind::Item {
        if parent_is_item { "+" } else { "-" }.to_string()
    } else {
        String::new()
    }
}

/// The labels `visit` gives the nodes along `path` (child indices from the
/// root), without visiting the rest of the body; shorter when the path leaves
/// the body.
pub fn labels_along(body: &[Node], styles: &[NumberStyle], path: &[usize]) -> Vec<String> {
    let mut out = Vec::with_capacity(path.len());
    let (mut nodes, mut styles, mut depth) = (body, styles, 0);
    let (mut parent_label, mut parent_is_item) = (String::new(), false);
    for &i in path {
        let Some(node) = nodes.get(i) else { break };
        let ordinal = nodes[..=i].iter().filter(|n| is_numbered(n.kind)).count();
        let label = node_label(
            node.kind,
            ordinal,
            depth,
            &parent_label,
            parent_is_item,
            styles,
        );
        if is_numbered(node.kind) {
            depth += 1;
            parent_label = label.clone();
        }
        if !node.child_numbering.is_empty() {
            (styles, depth) = (&node.child_numbering, 0);
        }
        parent_is_item = node.kind == NodeKind::Item;
        out.push(label);
        nodes = &node.children;
    }
    out
}

/// JSON path of a body node from its child indices: "body[1].children[0]".
pub fn node_path(path: &[usize]) -> String {
    let mut out = String::from("body");
    for (depth, i) in path.iter().enumerate() {
        if depth == 0 {
            out.push_str(&format!("[{i}]"));
        } else {
            out.push_str(&format!(".children[{i}]"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_numbering;

    fn n(kind: NodeKind, children: Vec<Node>) -> Node {
        Node {
            kind,
            text: String::new(),
            children,
            ..Node::default()
        }
    }

    #[test]
    fn labels_follow_depth_and_skip_paragraphs() {
        use NodeKind::*;
        let body = vec![
            n(
                Heading,
                vec![
                    n(Heading, vec![n(Item, vec![n(Item, vec![])])]),
                    n(Paragraph, vec![]),
                    n(
                        Heading,
                        vec![
                            n(Task, vec![]),
                            n(Task, vec![]),
                            n(Task, vec![]),
                            n(Task, vec![]),
                            n(Task, vec![]),
                        ],
                    ),
                ],
            ),
            n(Heading, vec![]),
        ];
        let mut got = vec![];
        visit(&body, &default_numbering(), &mut |_, p, l| {
            got.push((node_path(p), l.to_string()))
        });
        let labels: Vec<&str> = got.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(
            labels,
            ["I.", "1.", "-", "+", "", "2.", "a)", "b)", "c)", "d)", "đ)", "II."]
        );
        assert_eq!(got[3].0, "body[0].children[0].children[0].children[0]");
    }

    #[test]
    fn labels_along_a_path_are_those_of_the_whole_visit() {
        use NodeKind::*;
        let mut own = n(
            Heading,
            vec![n(Heading, vec![n(Task, vec![]), n(Task, vec![])])],
        );
        own.child_numbering = vec![NumberStyle::ArabicNested, NumberStyle::LowerAlpha];
        let body = vec![
            n(Paragraph, vec![]),
            n(
                Heading,
                vec![n(Item, vec![n(Item, vec![])]), n(Heading, vec![])],
            ),
            n(Heading, vec![n(Paragraph, vec![]), n(Heading, vec![]), own]),
        ];
        for styles in [default_numbering(), vec![NumberStyle::ArabicNested]] {
            let mut all = vec![];
            visit(&body, &styles, &mut |_, p, l| {
                all.push((p.to_vec(), l.to_string()))
            });
            for (path, label) in &all {
                let along = labels_along(&body, &styles, path);
                assert_eq!(along.last(), Some(label), "{path:?}");
                assert_eq!(along.len(), path.len());
            }
        }
        assert_eq!(labels_along(&body, &default_numbering(), &[1, 7]), ["I."]);
    }

    #[test]
    fn a_node_can_number_its_own_subtree() {
        use NodeKind::*;
        let mut a = n(Heading, vec![n(Heading, vec![]), n(Heading, vec![])]);
        a.child_numbering = vec![NumberStyle::Arabic];
        let body = vec![a, n(Heading, vec![n(Heading, vec![])])];
        let styles = [NumberStyle::UpperAlpha, NumberStyle::UpperRoman];
        let mut got = vec![];
        visit(&body, &styles, &mut |_, _, l| got.push(l.to_string()));
        assert_eq!(got, ["A.", "1.", "2.", "B.", "I."]);
    }

    /// The old definition, by search: the n whose `roman(n)` is `s`.
    fn parse_by_search(all: &std::collections::HashMap<String, usize>, s: &str) -> Option<usize> {
        all.get(s).copied()
    }

    #[test]
    fn roman_parsing_accepts_exactly_what_roman_writes() {
        let all: std::collections::HashMap<String, usize> =
            (1..=3999).map(|n| (roman(n), n)).collect();
        for n in 1..=3999 {
            assert_eq!(parse_roman(&roman(n)), Some(n), "{n}");
        }
        // Every string of up to 5 Roman letters, canonical or not.
        let letters = ['I', 'V', 'X', 'L', 'C', 'D', 'M'];
        let mut strings = vec![String::new()];
        let mut tried = 0;
        for _ in 0..5 {
            strings = strings
                .iter()
                .flat_map(|s| letters.iter().map(move |l| format!("{s}{l}")))
                .collect();
            for s in &strings {
                assert_eq!(parse_roman(s), parse_by_search(&all, s), "{s}");
                tried += 1;
            }
        }
        assert_eq!(tried, 7 + 49 + 343 + 2401 + 16807);
        for s in [
            "",
            "IIII",
            "VX",
            "IC",
            "IM",
            "VV",
            "IIV",
            "XXXX",
            "CCCC",
            "DD",
            "LL",
            "IL",
            "XM",
            "MMMM",
            "MMMCMXCIXI",
            "xiv",
            "X IV",
            "IV.",
            " IV",
            "MMMMMMMMMMMMMMMMMMMMMMMM",
        ] {
            assert_eq!(parse_roman(s), None, "{s:?}");
        }
        assert_eq!(parse_roman("MMMCMXCIX"), Some(3999));
    }

    #[test]
    fn roman_and_letters() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(14), "XIV");
        assert_eq!(parse_roman("XIV"), Some(14));
        assert_eq!(parse_roman("IIII"), None);
        assert_eq!(vi_letter(6), "e");
        assert_eq!(vi_letter(7), "g");
        assert_eq!(vi_letter(24), "aa");
        assert_eq!(vi_letter(69), "yyy");
        assert_eq!(vi_letter(70), "a4");
        assert_eq!(vi_letter(1_000_000).len(), 6);
        assert_eq!(label(NumberStyle::ArabicNested, 2, "5."), "5.2.");
    }
}

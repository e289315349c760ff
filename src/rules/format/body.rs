//! Format rules of the body: labels typed by hand ("1.", "a)") where the
//! numbering prints them, numbering deeper than the styles, and the closing "./.".

use super::super::{Context, Sink};
use super::blank;
use crate::model::numbering::{is_numbered, node_path, parse_roman, VI_LETTERS};
use crate::model::{Document, Node};

/// Byte length of a hand-typed label at the start of `text` ("1. ", "a) ", "II. ",
/// "- ", "1.2. "), including the spaces after it.
pub fn typed_label(text: &str) -> Option<usize> {
    let first = text.chars().next()?;
    let after_label = |end: usize| -> Option<usize> {
        let rest = &text[end..];
        let ws = rest.len() - rest.trim_start().len();
        (ws > 0 && !rest.trim_start().is_empty()).then_some(end + ws)
    };
    if matches!(first, '-' | '+' | '–' | '•' | '*') {
        return after_label(first.len_utf8());
    }
    // Roman: "II. ", "IV- "
    let roman = text.bytes().take_while(|b| b"IVXLC".contains(b)).count();
    if roman > 0
        && parse_roman(&text[..roman]).is_some()
        && text[roman..].starts_with(['.', '-', ')'])
    {
        return after_label(roman + 1);
    }
    // Arabic: "1. ", "2) ", "3- ", "1.2. ", "1.2 "
    let mut i = 0;
    let mut groups = 0;
    loop {
        let n = text[i..].bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > 2 {
            break;
        }
        groups += 1;
        i += n;
        if text[i..].starts_with('.') && text[i + 1..].starts_with(|c: char| c.is_ascii_digit()) {
            i += 1;
            continue;
        }
        if text[i..].starts_with(['.', ')', '-']) {
            return after_label(i + 1);
        }
        if groups > 1 {
            return after_label(i);
        }
        break;
    }
    // Letters: "a) ", "đ. ", "A. "
    let letter_len = first.len_utf8();
    let is_letter = VI_LETTERS
        .iter()
        .any(|l| l.starts_with(first) && l.len() == letter_len)
        || first.is_ascii_uppercase();
    if is_letter && text[letter_len..].starts_with([')', '.']) {
        return after_label(letter_len + 1);
    }
    None
}

pub(super) fn body_typed_label(doc: &Document, _: &Context, s: &mut Sink) {
    crate::model::numbering::visit(
        &doc.body,
        &doc.settings.numbering,
        &mut |node, path, label| {
            if label.is_empty() {
                return;
            }
            let Some(len) = typed_label(&node.text) else {
                return;
            };
            let typed = node.text[..len].trim_end();
            s.report_fix(
            format!("{}.text", node_path(path)),
            format!("Nội dung bắt đầu bằng \"{typed}\" gõ tay; số thứ tự \"{label}\" được đánh tự động nên sẽ in hai lần."),
            format!("The text starts with a hand-typed \"{typed}\"; the label \"{label}\" is numbered automatically and would print twice."),
            &node.text[len..],
        );
        },
    );
}

pub(super) fn body_numbering_depth(doc: &Document, _: &Context, s: &mut Sink) {
    let levels = doc.settings.numbering.len();
    fn go(nodes: &[Node], depth: usize, levels: usize, path: &mut Vec<usize>, s: &mut Sink) {
        for (i, n) in nodes.iter().enumerate() {
            path.push(i);
            let numbered = is_numbered(n.kind);
            if numbered && depth + 1 > levels {
                s.report(
                    node_path(path),
                    format!("Mục này ở cấp đánh số thứ {}, nhưng cách đánh số của văn bản chỉ quy định {levels} cấp nên mục được đánh số như cấp cuối.", depth + 1),
                    format!("This item is at numbered level {}, but the document's numbering defines only {levels} levels, so it is numbered like the last one.", depth + 1),
                );
            }
            go(&n.children, depth + usize::from(numbered), levels, path, s);
            path.pop();
        }
    }
    go(&doc.body, 0, levels, &mut Vec::new(), s);
}

/// Path and text of the last node with text, in reading order.
pub(super) fn last_text(nodes: &[Node], path: &mut Vec<usize>) -> Option<(Vec<usize>, String)> {
    for (i, n) in nodes.iter().enumerate().rev() {
        path.push(i);
        if let Some(found) = last_text(&n.children, path) {
            return Some(found);
        }
        if !blank(&n.text) {
            return Some((path.clone(), n.text.clone()));
        }
        path.pop();
    }
    None
}

pub(super) fn body_ending(doc: &Document, _: &Context, s: &mut Sink) {
    let Some((path, text)) = last_text(&doc.body, &mut Vec::new()) else {
        return;
    };
    let t = text.trim_end();
    if t.ends_with("./.") {
        return;
    }
    let stem = t.trim_end_matches(['.', '/', ';', ',', ' ']);
    s.report_fix(
        format!("{}.text", node_path(&path)),
        "Nội dung văn bản phải kết thúc bằng dấu \"./.\".",
        "The content must end with \"./.\".",
        format!("{stem}./."),
    );
}

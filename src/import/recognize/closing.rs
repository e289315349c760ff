//! The closing: "Nơi nhận:" with one recipient per line and the "Lưu:" line,
//! and the signature block (TM./KT./Q. lines as `SignPrefix::label` prints
//! them, title lines, the signer's name), laid out as a two-column table or as
//! lines one after the other.

use super::{is_caps, lines_of, Builder, Line, Piece};
use crate::import::report::Skipped;
use crate::model::{Node, NodeKind, Profile, SignLine, SignPrefix};

/// "Nơi nhận:" (also without the colon, or in capitals).
pub fn is_recipients_heading(text: &str) -> bool {
    let t = crate::text::to_lower(text.trim());
    t.starts_with("nơi nhận")
}

/// A signing line's prefix ("TM.", "KT.", "T/M" …) and the text after it.
pub fn sign_prefix(text: &str) -> Option<(SignPrefix, &str)> {
    let t = text.trim();
    for p in SignPrefix::ALL {
        for profile in Profile::ALL {
            let label = p.label(profile);
            let bare = label.trim_end_matches('.');
            for written in [label, bare] {
                if let Some(rest) = t.strip_prefix(written) {
                    if rest.starts_with(' ') && is_caps(rest) {
                        return Some((p, rest.trim()));
                    }
                }
            }
        }
    }
    None
}

#[derive(PartialEq)]
enum Mode {
    Recipients,
    Signature,
}

pub fn read(b: &mut Builder, pieces: &[Piece]) {
    let lines = lines_of(pieces);
    let mut mode = Mode::Signature;
    for line in &lines {
        let t = line.text.trim();
        if is_recipients_heading(t) {
            mode = Mode::Recipients;
            b.report.recognised_line(line.source);
            let rest = t.split_once(':').map(|(_, r)| r.trim()).unwrap_or("");
            if !rest.is_empty() {
                recipient(b, rest, line.source);
            }
            continue;
        }
        let dashed = t.starts_with(['-', '+', '•', '–']);
        if mode == Mode::Recipients && (dashed || (!is_caps(t) && sign_prefix(t).is_none())) {
            recipient(b, t, line.source);
            continue;
        }
        mode = Mode::Signature;
        signature_line(b, line);
    }
}

fn recipient(b: &mut Builder, text: &str, source: usize) {
    let t = text
        .trim()
        .trim_start_matches(['-', '+', '•', '–'])
        .trim()
        .trim_end_matches([';', '.', ','])
        .trim();
    if t.is_empty() {
        return;
    }
    if let Some(rest) = t.strip_prefix("Lưu") {
        let archive = rest.trim_start_matches([':', ' ']).trim();
        b.doc.recipients.archive = Some(archive.to_string());
        b.origin("recipients.archive", source);
    } else {
        let i = b.doc.recipients.items.len();
        b.doc.recipients.items.push(t.to_string());
        b.origin(format!("recipients.items[{i}]"), source);
    }
    b.report.recipient(source);
}

fn signature_line(b: &mut Builder, line: &Line) {
    let t = line.text.trim();
    if t.starts_with('(') && t.ends_with(')') {
        b.report.skip(line.source, t, Skipped::SignatureNote);
        return;
    }
    if let Some((prefix, rest)) = sign_prefix(t) {
        push_sign_line(b, Some(prefix), rest, line.source);
    } else if is_caps(t) && b.doc.signature.name.is_empty() {
        push_sign_line(b, None, t, line.source);
    } else if looks_like_name(t) && b.doc.signature.name.is_empty() {
        b.doc.signature.name = t.to_string();
        b.origin("signature.name", line.source);
        b.report.signer(line.source);
    } else {
        // Kept in place: a paragraph at the end of the body.
        b.doc.body.push(Node {
            kind: NodeKind::Paragraph,
            text: t.to_string(),
            ..Node::default()
        });
        let path = format!("body[{}]", b.doc.body.len() - 1);
        b.origin(path, line.source);
        b.report.keep(line.source, t);
    }
}

fn push_sign_line(b: &mut Builder, prefix: Option<SignPrefix>, text: &str, source: usize) {
    let i = b.doc.signature.lines.len();
    b.doc.signature.lines.push(SignLine {
        prefix,
        text: text.to_string(),
    });
    b.origin(format!("signature.lines[{i}]"), source);
    b.report.sign_line(source);
}

/// "Nguyễn Hữu Thanh": two to six words, each starting with a capital.
fn looks_like_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

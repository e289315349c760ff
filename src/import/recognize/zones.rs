//! Where the parts of a plan begin: the type name line ("KẾ HOẠCH") ends the
//! header, "Nơi nhận" (or the first signing line) ends the body, and "PHỤ LỤC"
//! after the closing starts the appendices.

use super::{closing, squash, Piece};
use crate::model::DocKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zones {
    /// Index of the type name line, when there is one.
    pub title: Option<usize>,
    pub closing: usize,
    pub appendices: usize,
}

/// The kind a type name line names ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG").
pub fn type_name_kind(text: &str) -> Option<DocKind> {
    let s = squash(text);
    if s.is_empty() || text.chars().any(char::is_lowercase) {
        return None;
    }
    if s == squash("CHƯƠNG TRÌNH HÀNH ĐỘNG") {
        return Some(DocKind::Programme);
    }
    DocKind::ALL
        .into_iter()
        .find(|k| squash(&k.title_vi()) == s)
}

/// "PHỤ LỤC I", "Phụ lục 2", "PHỤ LỤC": a line of its own.
pub fn is_appendix_heading(text: &str) -> bool {
    let s = squash(text);
    s.starts_with("PHỤLỤC") && s.chars().count() <= 14
}

pub fn split(pieces: &[Piece]) -> Zones {
    let title = pieces.iter().take(40).position(|p| match p {
        Piece::Line(l) => type_name_kind(&l.text).is_some(),
        Piece::Table(_) => false,
    });
    let from = title.map_or(0, |t| t + 1);
    let closing = (from..pieces.len()).find(|&i| starts_closing(&pieces[i]));
    let appendices = (closing.unwrap_or(from)..pieces.len())
        .find(|&i| matches!(&pieces[i], Piece::Line(l) if is_appendix_heading(&l.text)))
        .unwrap_or(pieces.len());
    Zones {
        title,
        closing: closing.filter(|&c| c <= appendices).unwrap_or(appendices),
        appendices,
    }
}

/// "Nơi nhận" or a signing line starts the closing; a table does when its
/// first row does (the usual two-column closing table).
fn starts_closing(p: &Piece) -> bool {
    match p {
        Piece::Line(l) => {
            closing::is_recipients_heading(&l.text) || closing::sign_prefix(&l.text).is_some()
        }
        Piece::Table(t) => t.rows.first().is_some_and(|row| {
            row.cells.iter().any(|c| {
                c.paras.first().is_some_and(|p| {
                    closing::is_recipients_heading(&p.text)
                        || closing::sign_prefix(&p.text).is_some()
                })
            })
        }),
    }
}

//! A read [`Source`] turned into a `Document`: the header, the opening, the
//! body tree with its tasks, the closing (Nơi nhận, signature) and the
//! appendix tables, each recognised from what plans print (the same names and
//! labels the exports print: `model::TaskField`, `model::numbering`,
//! `SignPrefix::label`). What is not recognised is kept in place as plain
//! paragraphs and listed in the report.

mod appendix;
mod body;
mod closing;
mod header;
mod labels;
mod sentence;
mod zones;

use super::report::Report;
use super::source::{Block, Source, Table};
use crate::model::{DocKind, Document, Profile};

pub use labels::{read_label, readings_of, Label, Reading};

/// A document read from a file, with what was recognised.
#[derive(Debug, Clone)]
pub struct Imported {
    pub document: Document,
    pub report: Report,
    /// Where each part of the document came from: a model path
    /// ("body[1].children[0]", "header.subject") and its source number. Findings
    /// on the imported document cite the source through [`Imported::source_of`].
    pub origins: Vec<(String, usize)>,
}

impl Imported {
    /// Source number of the part at `path` or of the nearest part holding it.
    pub fn source_of(&self, path: &str) -> Option<usize> {
        self.origins
            .iter()
            .filter(|(p, _)| {
                path == p
                    || path
                        .strip_prefix(p.as_str())
                        .is_some_and(|rest| rest.starts_with(['.', '[']))
            })
            .max_by_key(|(p, _)| p.len())
            .map(|(_, s)| *s)
    }
}

/// One line of text of the source: a paragraph, or one line of a paragraph
/// that holds line breaks, with Word's automatic label written in front.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Line {
    pub source: usize,
    pub text: String,
    pub bold: bool,
    pub centered: bool,
}

/// Lines and tables in reading order.
#[derive(Debug, Clone)]
pub(crate) enum Piece<'a> {
    Line(Line),
    Table(&'a Table),
}

/// What the recogniser builds, shared by the parts.
pub(crate) struct Builder {
    pub doc: Document,
    pub report: Report,
    pub origins: Vec<(String, usize)>,
}

impl Builder {
    /// Source number of the opening paragraph `i`.
    pub fn source_of_opening(&self, i: usize) -> usize {
        let key = format!("opening[{i}]");
        self.origins
            .iter()
            .find(|(p, _)| *p == key)
            .map_or(0, |(_, s)| *s)
    }

    pub fn origin(&mut self, path: impl Into<String>, source: usize) {
        self.origins.push((path.into(), source));
    }
}

/// Recognise a whole source.
pub fn recognize(src: &Source) -> Imported {
    let pieces = pieces(&src.blocks);
    let mut b = Builder {
        doc: Document::new(DocKind::Plan, Profile::State),
        report: Report::new(src.unit, src.notes.clone()),
        origins: Vec::new(),
    };
    let z = zones::split(&pieces);
    let (kept, body_start) = match z.title {
        Some(t) => {
            let kept = header::read(&mut b, &pieces[..t]);
            if let Piece::Line(l) = &pieces[t] {
                header::title(&mut b, l);
            }
            let end = header::subject(&mut b, &pieces[..z.closing], t + 1, src.unit);
            (kept, end)
        }
        None => (Vec::new(), 0),
    };
    for l in &kept {
        b.report.keep(l.source, &l.text);
    }
    let mut body_pieces: Vec<Piece> = kept.into_iter().map(Piece::Line).collect();
    body_pieces.extend(pieces[body_start.min(z.closing)..z.closing].iter().cloned());
    body::read(&mut b, &body_pieces);
    header::infer_issuing_body(&mut b);
    closing::read(&mut b, &pieces[z.closing..z.appendices]);
    appendix::read(&mut b, &pieces[z.appendices..]);
    guess_levels(&mut b.doc);
    b.report.finish(&b.doc);
    Imported {
        document: b.doc,
        report: b.report,
        origins: b.origins,
    }
}

/// Blocks as lines and tables; a paragraph with line breaks gives one line per
/// break (headers and signature blocks are often typed that way).
fn pieces(blocks: &[Block]) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Para(p) => {
                for (i, part) in p.text.split('\n').enumerate() {
                    let mut text = part.trim().to_string();
                    if i == 0 {
                        if let Some(l) = &p.label {
                            text = format!("{} {text}", l.trim()).trim().to_string();
                        }
                    }
                    if text.is_empty() {
                        continue;
                    }
                    out.push(Piece::Line(Line {
                        source: p.source,
                        text,
                        bold: p.bold,
                        centered: p.centered,
                    }));
                }
            }
            Block::Table(t) => out.push(Piece::Table(t)),
        }
    }
    out
}

/// The lines of a table, column by column (a header or a closing laid out as
/// a borderless two-column table reads as its left column, then its right).
pub(crate) fn table_lines(t: &Table) -> Vec<Line> {
    let mut out = Vec::new();
    let columns = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    for col in 0..columns {
        for row in &t.rows {
            let Some(cell) = row.cells.get(col).filter(|c| !c.merged_up) else {
                continue;
            };
            let block: Vec<Block> = cell.paras.iter().cloned().map(Block::Para).collect();
            for p in pieces(&block) {
                if let Piece::Line(l) = p {
                    out.push(l);
                }
            }
        }
    }
    out
}

/// Lines of a run of pieces, tables flattened.
pub(crate) fn lines_of(pieces: &[Piece]) -> Vec<Line> {
    let mut out = Vec::new();
    for p in pieces {
        match p {
            Piece::Line(l) => out.push(l.clone()),
            Piece::Table(t) => out.extend(table_lines(t)),
        }
    }
    out
}

/// Text compared loosely: upper case, letters and digits only, "HOÀ" as "HÒA".
pub(crate) fn squash(s: &str) -> String {
    crate::text::to_upper(&crate::text::to_nfc(s))
        .replace("OÀ", "ÒA")
        .replace("OÁ", "ÓA")
        .replace("UỶ", "ỦY")
        .replace("UÝ", "ÚY")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Every letter is upper case (and there is one).
pub(crate) fn is_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// "Ủy ban nhân dân phường Hồng An", "UBND xã Nghi Dương", "Đảng ủy phường …".
pub(crate) fn is_body_name(s: &str) -> bool {
    let lower = crate::text::to_lower(s.trim());
    [
        "ủy ban nhân dân",
        "uỷ ban nhân dân",
        "ubnd",
        "hội đồng nhân dân",
        "hđnd",
        "đảng ủy",
        "ban thường vụ",
        "ban chấp hành",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// Agencies the import added take a level from their name, else from the
/// issuing body's (a "Phòng …" of a ward plan is a ward office).
fn guess_levels(doc: &mut Document) {
    use crate::model::AgencyLevel;
    let issuer = crate::text::to_lower(&doc.header.issuing_body);
    let own = if issuer.contains("phường") {
        AgencyLevel::Ward
    } else if issuer.contains(" xã") {
        AgencyLevel::Commune
    } else if issuer.contains("thành phố") || issuer.contains("tỉnh") {
        AgencyLevel::City
    } else {
        AgencyLevel::Other
    };
    for a in doc.agencies.iter_mut() {
        let name = crate::text::to_lower(&a.name);
        a.level = if name.starts_with("các ") {
            AgencyLevel::Group
        } else if name.starts_with("sở ") || name.contains("thành phố") {
            AgencyLevel::City
        } else if name.contains("phường") {
            AgencyLevel::Ward
        } else if name.contains(" xã") {
            AgencyLevel::Commune
        } else {
            own
        };
    }
}

//! The import report: what was recognised (header fields, sections, tasks,
//! appendices, rows), what was kept as plain text and what was left out on
//! purpose, with the source paragraph or line numbers, whole in Vietnamese or
//! in English. The app shows it before the document opens; `kehoach import`
//! prints it.

use super::source::{ReadNote, Unit};
use crate::model::{ColumnKind, Document, NodeKind};
use crate::Lang;

mod render;

/// A field of the header the importer looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderField {
    ParentBody,
    IssuingBody,
    Number,
    PlaceDate,
    TypeName,
    Subject,
}

impl HeaderField {
    pub const ALL: [HeaderField; 6] = [
        HeaderField::ParentBody,
        HeaderField::IssuingBody,
        HeaderField::Number,
        HeaderField::PlaceDate,
        HeaderField::TypeName,
        HeaderField::Subject,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        use HeaderField::*;
        let (vi, en) = match self {
            ParentBody => ("cơ quan cấp trên", "parent body"),
            IssuingBody => ("cơ quan ban hành", "issuing body"),
            Number => ("số và ký hiệu", "number and symbol"),
            PlaceDate => ("địa danh và ngày tháng", "place and date"),
            TypeName => ("tên loại văn bản", "document type"),
            Subject => ("trích yếu", "subject"),
        };
        lang.pick(vi, en)
    }
}

/// Why a line was left out of the document on purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skipped {
    /// Quốc hiệu, Tiêu ngữ, "ĐẢNG CỘNG SẢN VIỆT NAM": printed by the exports.
    NationalLine,
    /// Rules, stars, underlines.
    Decoration,
    /// "(Đã ký)", "(Ký, đóng dấu)".
    SignatureNote,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderEntry {
    pub field: HeaderField,
    pub source: usize,
    pub text: String,
    /// Not written in the header: worked out from the opening.
    pub inferred: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnEntry {
    pub title: String,
    pub kind: ColumnKind,
    /// The header name was one the importer knows.
    pub known: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppendixEntry {
    pub source: usize,
    pub columns: Vec<ColumnEntry>,
    pub groups: usize,
    pub rows: usize,
    pub header_rows_dropped: usize,
}

/// Counts of the body's parts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BodyCounts {
    pub opening: usize,
    pub headings: usize,
    pub tasks: usize,
    pub task_lines: usize,
    pub items: usize,
    pub paragraphs: usize,
    pub duties: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub unit: Unit,
    pub header: Vec<HeaderEntry>,
    pub missing: Vec<HeaderField>,
    pub body: BodyCounts,
    pub agencies: usize,
    pub appendices: Vec<AppendixEntry>,
    pub recipients: usize,
    pub sign_lines: usize,
    pub signer: bool,
    /// Lines kept as plain paragraphs because they were not recognised.
    pub kept: Vec<(usize, String)>,
    pub skipped: Vec<(usize, String, Skipped)>,
    /// Every source number that went into a recognised part.
    pub recognised: Vec<usize>,
    pub notes: Vec<ReadNote>,
}

impl Report {
    pub fn new(unit: Unit, notes: Vec<ReadNote>) -> Self {
        Report {
            unit,
            notes,
            ..Report::default()
        }
    }

    pub(crate) fn found(&mut self, field: HeaderField, source: usize, text: &str) {
        self.header.push(HeaderEntry {
            field,
            source,
            text: text.to_string(),
            inferred: false,
        });
        self.recognised_line(source);
    }

    pub(crate) fn inferred(&mut self, field: HeaderField, source: usize, text: &str) {
        self.header.push(HeaderEntry {
            field,
            source,
            text: text.to_string(),
            inferred: true,
        });
    }

    pub(crate) fn missing(&mut self, field: HeaderField) {
        if !self.missing.contains(&field) {
            self.missing.push(field);
        }
    }

    pub(crate) fn skip(&mut self, source: usize, text: &str, why: Skipped) {
        self.skipped.push((source, text.trim().to_string(), why));
    }

    pub(crate) fn keep(&mut self, source: usize, text: &str) {
        self.kept.push((source, text.trim().to_string()));
    }

    pub(crate) fn recognised_line(&mut self, source: usize) {
        if self.recognised.last() != Some(&source) {
            self.recognised.push(source);
        }
    }

    pub(crate) fn opening(&mut self, source: usize) {
        self.body.opening += 1;
        self.recognised_line(source);
    }

    pub(crate) fn node(&mut self, kind: NodeKind, source: usize) {
        match kind {
            NodeKind::Heading => self.body.headings += 1,
            NodeKind::Item => self.body.items += 1,
            NodeKind::Paragraph => self.body.paragraphs += 1,
            NodeKind::Task => self.body.tasks += 1,
            NodeKind::Duty => self.body.duties += 1,
        }
        self.recognised_line(source);
    }

    /// A heading became a task.
    pub(crate) fn task(&mut self) {
        self.body.tasks += 1;
        self.body.headings = self.body.headings.saturating_sub(1);
    }

    pub(crate) fn detail(&mut self, source: usize) {
        self.body.task_lines += 1;
        self.recognised_line(source);
    }

    /// A heading became a duty block.
    pub(crate) fn duty(&mut self) {
        self.body.duties += 1;
        self.body.headings = self.body.headings.saturating_sub(1);
    }

    pub(crate) fn recipient(&mut self, source: usize) {
        self.recipients += 1;
        self.recognised_line(source);
    }

    pub(crate) fn sign_line(&mut self, source: usize) {
        self.sign_lines += 1;
        self.recognised_line(source);
    }

    pub(crate) fn signer(&mut self, source: usize) {
        self.signer = true;
        self.recognised_line(source);
    }

    pub(crate) fn appendix_start(&mut self, source: usize) {
        self.appendices.push(AppendixEntry {
            source,
            ..AppendixEntry::default()
        });
        self.recognised_line(source);
    }

    fn last_appendix(&mut self) -> &mut AppendixEntry {
        if self.appendices.is_empty() {
            self.appendices.push(AppendixEntry::default());
        }
        let i = self.appendices.len() - 1;
        &mut self.appendices[i]
    }

    pub(crate) fn column(&mut self, title: &str, kind: ColumnKind, known: bool) {
        self.last_appendix().columns.push(ColumnEntry {
            title: title.to_string(),
            kind,
            known,
        });
    }

    pub(crate) fn header_row_dropped(&mut self, source: usize) {
        self.last_appendix().header_rows_dropped += 1;
        self.recognised_line(source);
    }

    pub(crate) fn row_group(&mut self, source: usize) {
        self.last_appendix().groups += 1;
        self.recognised_line(source);
    }

    pub(crate) fn row(&mut self, source: usize) {
        self.last_appendix().rows += 1;
        self.recognised_line(source);
    }

    /// Final counts, and the header fields never found.
    pub(crate) fn finish(&mut self, doc: &Document) {
        self.agencies = doc.agencies.len();
        for f in HeaderField::ALL {
            let found = self.header.iter().any(|h| h.field == f);
            if !found && f != HeaderField::ParentBody {
                self.missing(f);
            }
        }
        self.missing
            .retain(|m| !self.header.iter().any(|h| h.field == *m));
    }
}

//! How big a document the editor opens: one definition, used by every way a
//! document comes in (file import, embed API, stored drafts, templates) and by
//! the editor's own operations (rows pasted, parts added, text typed).
//!
//! The numbers are far above any real plan (tens of pages, appendices of up to
//! about 1,000 rows) and low enough that the largest plan they allow still
//! answers within 200 ms in every tab of the editor (`npm run bench:limits`).
//! Pure: no web dependency, so the CLI and the tests see the same limits.

use super::json::ImportError;
use super::{Document, Node};

/// Bytes of JSON text read at most, checked before parsing: a file over it
/// is refused at once, unread.
pub const MAX_INPUT_BYTES: usize = 10 * 1024 * 1024;
/// Bytes (UTF-8) of all the text of a document together. With the counts
/// below, the canonical JSON of any document within the limits stays under
/// [`MAX_INPUT_BYTES`], so what the editor saves it can open again.
pub const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;
/// Characters in one text field (a paragraph, a cell, a name…).
pub const MAX_FIELD_CHARS: usize = 10_000;
/// Parts of the body (headings, paragraphs, items, tasks, duty blocks) and
/// opening paragraphs, together.
pub const MAX_BODY_NODES: usize = 3_000;
/// Levels of the body tree (I. → 1. → a) → - → + is five).
pub const MAX_BODY_DEPTH: usize = 10;
/// Rows of all appendices together.
pub const MAX_ROWS: usize = 5_000;
/// Appendices.
pub const MAX_APPENDICES: usize = 50;
/// Columns of one appendix, and cells of one row.
pub const MAX_COLUMNS: usize = 30;
/// Agencies in the directory.
pub const MAX_AGENCIES: usize = 200;
/// Entries of any other list: recipients, signature lines, deadlines,
/// citations, the agencies named by one task, duty block or cell.
pub const MAX_LIST_ITEMS: usize = 200;

/// Which limit a document is over, and what it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Over {
    Bytes(usize),
    TextBytes(usize),
    FieldChars(usize),
    BodyNodes(usize),
    BodyDepth(usize),
    Rows(usize),
    Appendices(usize),
    Columns(usize),
    Agencies(usize),
    ListItems(usize),
}

/// "25.000" (Vietnamese) and "25,000" (English).
fn grouped(n: usize, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Megabytes with one decimal, for file sizes ("8,0 MB" / "8.0 MB").
fn megabytes(n: usize, sep: char) -> String {
    let tenths = (n as u64 * 10).div_ceil(1024 * 1024);
    format!(
        "{}{sep}{} MB",
        grouped((tenths / 10) as usize, if sep == ',' { '.' } else { ',' }),
        tenths % 10
    )
}

impl Over {
    /// What is too big and the most the editor takes, in Vietnamese and English.
    fn describe(self) -> (String, String) {
        let (v, e) = (|n: usize| grouped(n, '.'), |n: usize| grouped(n, ','));
        match self {
            Over::Bytes(n) => (
                format!("tệp có dung lượng {}, trình soạn thảo chỉ mở được tệp tối đa {}", megabytes(n, ','), megabytes(MAX_INPUT_BYTES, ',')),
                format!("the file is {}; the editor opens files of at most {}", megabytes(n, '.'), megabytes(MAX_INPUT_BYTES, '.')),
            ),
            Over::TextBytes(n) => (
                format!("phần chữ của văn bản dài {}, trình soạn thảo chỉ mở được tối đa {}", megabytes(n, ','), megabytes(MAX_TEXT_BYTES, ',')),
                format!("the text of the document takes {}; the editor opens at most {}", megabytes(n, '.'), megabytes(MAX_TEXT_BYTES, '.')),
            ),
            Over::FieldChars(n) => (
                format!("một ô chữ có {} ký tự, mỗi ô chỉ được tối đa {} ký tự", v(n), v(MAX_FIELD_CHARS)),
                format!("one text field has {} characters; each field holds at most {}", e(n), e(MAX_FIELD_CHARS)),
            ),
            Over::BodyNodes(n) => (
                format!("phần nội dung có {} đề mục và đoạn văn, trình soạn thảo chỉ mở được tối đa {}", v(n), v(MAX_BODY_NODES)),
                format!("the content has {} headings and paragraphs; the editor opens at most {}", e(n), e(MAX_BODY_NODES)),
            ),
            Over::BodyDepth(n) => (
                format!("phần nội dung có mục lồng nhau {n} cấp, trình soạn thảo chỉ mở được tối đa {MAX_BODY_DEPTH} cấp"),
                format!("the content nests items {n} levels deep; the editor opens at most {MAX_BODY_DEPTH} levels"),
            ),
            Over::Rows(n) => (
                format!("phụ lục có {} dòng, trình soạn thảo chỉ mở được tối đa {} dòng", v(n), v(MAX_ROWS)),
                format!("the appendices have {} rows; the editor opens at most {}", e(n), e(MAX_ROWS)),
            ),
            Over::Appendices(n) => (
                format!("văn bản có {} phụ lục, trình soạn thảo chỉ mở được tối đa {} phụ lục", v(n), v(MAX_APPENDICES)),
                format!("the document has {} appendices; the editor opens at most {}", e(n), e(MAX_APPENDICES)),
            ),
            Over::Columns(n) => (
                format!("một bảng phụ lục có {} cột, mỗi bảng chỉ được tối đa {} cột", v(n), v(MAX_COLUMNS)),
                format!("an appendix table has {} columns; each table has at most {}", e(n), e(MAX_COLUMNS)),
            ),
            Over::Agencies(n) => (
                format!("danh sách cơ quan có {} cơ quan, trình soạn thảo chỉ mở được tối đa {}", v(n), v(MAX_AGENCIES)),
                format!("the agency list has {} agencies; the editor opens at most {}", e(n), e(MAX_AGENCIES)),
            ),
            Over::ListItems(n) => (
                format!(
                    "một danh sách (nơi nhận, chữ ký, thời hạn hoặc cơ quan được giao) có {} mục, mỗi danh sách chỉ được tối đa {} mục",
                    v(n),
                    v(MAX_LIST_ITEMS)
                ),
                format!("a list (recipients, signature, deadlines or agencies assigned) has {} entries; each list holds at most {}", e(n), e(MAX_LIST_ITEMS)),
            ),
        }
    }

    /// The whole message, as shown to the person: what is too big and what to do.
    pub fn error(self) -> ImportError {
        let (vi, en) = self.describe();
        let (vi_hint, en_hint) = match self {
            Over::FieldChars(_) => (
                "Hãy chia đoạn dài thành nhiều đoạn.",
                "Split the long text into several paragraphs.",
            ),
            _ => (
                "Hãy chia thành nhiều văn bản.",
                "Split it into several documents.",
            ),
        };
        ImportError {
            path: String::new(),
            message_vi: format!("Văn bản quá lớn: {vi}. {vi_hint}"),
            message_en: format!("The document is too large: {en}. {en_hint}"),
        }
    }
}

/// Refuse JSON text over [`MAX_INPUT_BYTES`] before reading it.
pub fn check_size(bytes: usize) -> Result<(), ImportError> {
    if bytes > MAX_INPUT_BYTES {
        return Err(Over::Bytes(bytes).error());
    }
    Ok(())
}

/// The first limit `doc` is over, if any. One pass over the document.
pub fn over(doc: &Document) -> Option<Over> {
    let mut w = Walk {
        text: 0,
        nodes: doc.opening.len(),
    };
    w.check(doc).err()
}

/// Over checks `Err` so `?` stops at the first limit passed.
type Step = Result<(), Over>;

/// A walk over the document: text bytes and body parts so far.
struct Walk {
    text: usize,
    nodes: usize,
}

fn list(n: usize) -> Step {
    if n > MAX_LIST_ITEMS {
        return Err(Over::ListItems(n));
    }
    Ok(())
}

impl Walk {
    /// One text field: its length, and the document's text so far. Bytes
    /// bound characters from above, so most fields pass without counting.
    fn field(&mut self, s: &str) -> Step {
        self.text += s.len();
        if s.len() > MAX_FIELD_CHARS {
            let n = s.chars().count();
            if n > MAX_FIELD_CHARS {
                return Err(Over::FieldChars(n));
            }
        }
        Ok(())
    }

    fn fields<'a>(&mut self, texts: impl IntoIterator<Item = &'a String>) -> Step {
        texts.into_iter().try_for_each(|s| self.field(s))
    }

    fn check(&mut self, doc: &Document) -> Step {
        let h = &doc.header;
        let header = [&h.parent_body, &h.number, &h.title].into_iter().flatten();
        self.fields(header.chain([
            &h.issuing_body,
            &h.body_code,
            &h.symbol,
            &h.place,
            &h.subject,
        ]))?;
        self.fields(&doc.opening)?;
        self.body(&doc.body, 1)?;
        if self.nodes > MAX_BODY_NODES {
            return Err(Over::BodyNodes(self.nodes));
        }
        if doc.agencies.len() > MAX_AGENCIES {
            return Err(Over::Agencies(doc.agencies.len()));
        }
        for a in &doc.agencies {
            self.fields([&a.id, &a.name].into_iter().chain(&a.short_name))?;
        }
        self.appendices(doc)?;
        let (r, s) = (&doc.recipients, &doc.signature);
        [
            r.items.len(),
            s.lines.len(),
            doc.report_deadlines.len(),
            doc.settings.numbering.len(),
        ]
        .into_iter()
        .try_for_each(list)?;
        self.fields(
            r.items
                .iter()
                .chain(&r.archive)
                .chain(s.lines.iter().map(|l| &l.text))
                .chain([&s.name]),
        )?;
        if let Some(p) = &doc.parent {
            [p.citations.len(), p.report_deadlines.len()]
                .into_iter()
                .try_for_each(list)?;
            self.fields(
                [&p.number, &p.symbol, &p.issuing_body]
                    .into_iter()
                    .chain(p.citations.iter().map(|c| &c.reference)),
            )?;
        }
        if self.text > MAX_TEXT_BYTES {
            return Err(Over::TextBytes(self.text));
        }
        Ok(())
    }

    /// The body at `depth` (1 for the top). It goes no deeper than the depth
    /// limit, so a deep tree cannot exhaust the stack.
    fn body(&mut self, nodes: &[Node], depth: usize) -> Step {
        if nodes.is_empty() {
            return Ok(());
        }
        if depth > MAX_BODY_DEPTH {
            return Err(Over::BodyDepth(depth));
        }
        for n in nodes {
            self.nodes += 1;
            list(n.agencies.len())?;
            list(n.child_numbering.len())?;
            self.field(&n.text)?;
            if let Some(t) = &n.task {
                list(t.lead.len() + t.implementers.len() + t.partners.len())?;
                self.fields(
                    t.lead
                        .iter()
                        .chain(&t.implementers)
                        .chain(&t.partners)
                        .chain(&t.form)
                        .chain(&t.timeframe_text)
                        .chain(&t.output),
                )?;
                self.fields(timeframe_text(t.timeframe.as_ref()))?;
            }
            self.fields(&n.agencies)?;
            self.body(&n.children, depth + 1)?;
        }
        Ok(())
    }

    fn appendices(&mut self, doc: &Document) -> Step {
        if doc.appendices.len() > MAX_APPENDICES {
            return Err(Over::Appendices(doc.appendices.len()));
        }
        let rows: usize = doc
            .appendices
            .iter()
            .flat_map(|a| &a.groups)
            .map(|g| g.rows.len())
            .sum();
        if rows > MAX_ROWS {
            return Err(Over::Rows(rows));
        }
        for a in &doc.appendices {
            if a.columns.len() > MAX_COLUMNS {
                return Err(Over::Columns(a.columns.len()));
            }
            self.fields(
                [&a.number, &a.title]
                    .into_iter()
                    .chain(&a.attached_note)
                    .chain(a.columns.iter().flat_map(|c| [&c.id, &c.title])),
            )?;
            self.fields(a.groups.iter().map(|g| &g.heading))?;
            for row in a.groups.iter().flat_map(|g| &g.rows) {
                if row.cells.len() > MAX_COLUMNS {
                    return Err(Over::Columns(row.cells.len()));
                }
                for cell in &row.cells {
                    list(cell.agencies.len())?;
                    self.fields(
                        [&cell.text]
                            .into_iter()
                            .chain(timeframe_text(cell.timeframe.as_ref()))
                            .chain(&cell.agencies),
                    )?;
                }
            }
        }
        Ok(())
    }
}

fn timeframe_text(tf: Option<&super::Timeframe>) -> Option<&String> {
    match tf {
        Some(super::Timeframe::Text(s)) => Some(s),
        _ => None,
    }
}

/// Refuse a document over any limit, with the message for the person.
pub fn check(doc: &Document) -> Result<(), ImportError> {
    match over(doc) {
        Some(o) => Err(o.error()),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests;

//! What an importer reads out of a file before any recognition: the paragraphs
//! and tables in reading order, with the little formatting that helps to tell a
//! heading from a paragraph. Both readers produce it (`docx` from a Word file,
//! `plain` from pasted or plain text) and `recognize` turns it into a
//! `Document`, so the recognition is written once for every kind of file.

/// A whole source file, read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Source {
    pub blocks: Vec<Block>,
    /// What the reader changed or left out on the way (tracked changes,
    /// comments, footnotes, legacy fonts): reported to the user.
    pub notes: Vec<ReadNote>,
    /// What `Para::source` counts: paragraphs of a Word file or lines of text.
    pub unit: Unit,
}

/// What the source numbers of a file count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Unit {
    /// Paragraphs of a Word file ("đoạn 12").
    #[default]
    Paragraph,
    /// Lines of a text file or of pasted text ("dòng 12").
    Line,
}

/// One top-level paragraph or table, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(Para),
    Table(Table),
}

/// One paragraph.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Para {
    /// Its number in the source, from 1, counting every paragraph in reading
    /// order, those inside table cells included (an empty paragraph counts
    /// too). The import report and findings on imported files cite it.
    pub source: usize,
    /// The label Word's automatic numbering shows before the text ("I.", "1.",
    /// "a)", "-", "+"), computed from `numbering.xml`; `None` when the
    /// paragraph has no automatic numbering (a label typed by hand stays in
    /// `text`).
    pub label: Option<String>,
    /// The text, Unicode NFC, legacy-font runs converted; a tab as '\t', a line
    /// break inside the paragraph as '\n'; not trimmed.
    pub text: String,
    /// Every letter of the text is bold / italic.
    pub bold: bool,
    pub italic: bool,
    /// Centred (or the paragraph's style centres it).
    pub centered: bool,
    /// Outline level from a heading style or `w:outlineLvl` (0 = Heading 1).
    pub outline: Option<u8>,
}

/// A table: rows of cells as laid out on the page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// The row is marked to repeat at the top of each page (`w:tblHeader`).
    pub repeats_as_header: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    /// The paragraphs of the cell (nested tables flattened into paragraphs).
    pub paras: Vec<Para>,
    /// Grid columns this cell spans (`w:gridSpan`), at least 1.
    pub span: usize,
    /// The cell continues a vertical merge started above (`w:vMerge` without
    /// `restart`): its content belongs to the cell above.
    pub merged_up: bool,
}

impl Cell {
    /// The cell's paragraphs joined by '\n', each with its automatic label.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, p) in self.paras.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            if let Some(l) = &p.label {
                out.push_str(l);
                out.push(' ');
            }
            out.push_str(&p.text);
        }
        out
    }

    /// Source number of the cell's first paragraph.
    pub fn source(&self) -> Option<usize> {
        self.paras.first().map(|p| p.source)
    }
}

/// Something the reader did that the user should know of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadNote {
    /// Tracked changes: insertions kept, deletions dropped (counts).
    TrackedChanges { inserted: usize, deleted: usize },
    /// Comments left out.
    Comments(usize),
    /// Footnotes and endnotes left out.
    Footnotes(usize),
    /// Runs set in a legacy font converted to Unicode, with the fonts seen.
    LegacyFonts { runs: usize, fonts: Vec<String> },
    /// Pictures, charts, text boxes or other objects left out, with the
    /// paragraph numbers where they were.
    ObjectsDropped { paras: Vec<usize> },
}

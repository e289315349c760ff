//! The printed layout of a document, built once by [`layout`] and rendered by
//! each export (`text`, `html`, `docx`), as pandoc's writers render its AST.
//!
//! The layout decides what is printed and where: the header table's two columns,
//! the title lines, every paragraph with its derived label and level, the
//! "Nơi nhận" list beside the signature, the appendices with their tables; and
//! how each piece reads: bold, italic, size, the short rules, how plain text
//! prints a line break. A renderer decides only what its format needs: escaping,
//! units (pt, twips, %), spacing and widths, and the markup itself.

use super::*;

/// Emphasis and size of a piece of text; `size` in points, `None` for the body size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Look {
    pub bold: bool,
    pub italic: bool,
    pub size: Option<u8>,
}

impl Look {
    pub const PLAIN: Look = Look {
        bold: false,
        italic: false,
        size: None,
    };
    pub const BOLD: Look = Look {
        bold: true,
        italic: false,
        size: None,
    };
    pub const ITALIC: Look = Look {
        bold: false,
        italic: true,
        size: None,
    };

    const fn sized(self, size: u8) -> Look {
        Look {
            size: Some(size),
            ..self
        }
    }
}

/// How plain text prints a line break inside a line. HTML and Word keep every
/// break as a break; plain text cannot break inside a TAB-separated cell or a
/// centred line, so the layout says which reading each line wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breaks {
    /// Each break starts a new line (a new row in a two-column part), as typed.
    Keep,
    /// Each break starts a new line, trimmed.
    Trim,
    /// The line stays one line: breaks and tabs print as spaces.
    Space,
}

/// One printed line (or paragraph, when its text holds breaks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub look: Look,
    pub breaks: Breaks,
}

impl Line {
    fn new(text: impl Into<String>, look: Look, breaks: Breaks) -> Line {
        Line {
            text: text.into(),
            look,
            breaks,
        }
    }
}

/// A short centred rule; which one it is sets its length in each renderer's units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Under the issuing body (state profile).
    UnderBody,
    /// Under the Tiêu ngữ.
    UnderMotto,
    /// Under the Party's header line (no Tiêu ngữ).
    UnderNational,
    /// Under the subject.
    UnderSubject,
}

/// What a column of the header table holds, top to bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Line(Line),
    Rule(Rule),
}

/// The borderless header table: bodies left, Quốc hiệu / Party line right, then
/// a second row with the number (left) and place and date (right).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderTable {
    pub left: Vec<Piece>,
    pub right: Vec<Piece>,
    pub number: Line,
    pub date: Line,
}

/// The type name and subject, centred, with a rule under them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    pub name: Line,
    pub subject: Line,
    pub rule: Rule,
}

/// A paragraph of the opening or the body: derived label ("I.", "1.", "a)", "-",
/// "+" or "") and text; `style` tells headings (with their level) from running
/// text and a task's labelled lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub style: LineStyle,
    pub label: String,
    pub text: String,
    pub look: Look,
    /// Printed on the same page as the next paragraph (headings).
    pub keep_with_next: bool,
}

impl Para {
    /// Label and text as read: "I. MỤC ĐÍCH, YÊU CẦU".
    pub fn joined(&self) -> String {
        match (self.label.is_empty(), self.text.is_empty()) {
            (true, _) => self.text.clone(),
            (false, true) => self.label.clone(),
            (false, false) => format!("{} {}", self.label, self.text),
        }
    }
}

/// "Nơi nhận" and its list (left) beside the signature block (right): the
/// authority and title lines, then, after the space for the signature, the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closing {
    pub recipients_heading: Line,
    pub recipients: Vec<Line>,
    pub authority: Vec<Line>,
    pub signer: Option<Line>,
}

/// A table column: its relative width and whether its cells are centred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableColumn {
    pub weight: u32,
    pub centred: bool,
}

/// An appendix table: a header row (repeated on each page where the format can),
/// group rows (label in the first column, heading across the others) and data rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<TableColumn>,
    pub header: Vec<String>,
    /// The header row's look; its cells are centred.
    pub header_look: Look,
    /// A group row's look; its label is centred, its heading not.
    pub group_look: Look,
    pub rows: Vec<TableRow>,
}

/// An appendix: a new page (landscape when asked), its heading, title and
/// "(Kèm theo …)" line, and its table when it has columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppendixPage {
    pub landscape: bool,
    pub heading: Line,
    pub title: Line,
    pub attached: Line,
    pub table: Option<Table>,
}

/// A block of the layout, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Header(HeaderTable),
    Title(Title),
    Para(Para),
    Closing(Closing),
    Appendix(AppendixPage),
}

/// The document as printed: body size in points and the blocks in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub size: u8,
    pub blocks: Vec<Block>,
}

impl Layout {
    /// The title block (every layout has one).
    pub fn title(&self) -> Option<&Title> {
        self.blocks.iter().find_map(|b| match b {
            Block::Title(t) => Some(t),
            _ => None,
        })
    }
}

/// The printed layout of `doc`.
pub fn layout(doc: &Document) -> Layout {
    let lines = body_lines(doc);
    let mut blocks = Vec::with_capacity(4 + doc.opening.len() + lines.len() + doc.appendices.len());
    blocks.push(Block::Header(header_table(doc)));
    blocks.push(Block::Title(Title {
        name: Line::new(type_name(doc), Look::BOLD.sized(14), Breaks::Keep),
        subject: Line::new(subject(doc), Look::BOLD, Breaks::Trim),
        rule: Rule::UnderSubject,
    }));
    blocks.extend(opening(doc).into_iter().map(|text| {
        Block::Para(Para {
            style: LineStyle::Text,
            label: String::new(),
            text,
            look: Look::PLAIN,
            keep_with_next: false,
        })
    }));
    blocks.extend(lines.into_iter().map(|l| {
        let heading = matches!(l.style, LineStyle::Heading { .. });
        let look = if heading { Look::BOLD } else { Look::PLAIN };
        Block::Para(Para {
            style: l.style,
            label: l.label,
            text: l.text,
            look,
            keep_with_next: heading,
        })
    }));
    blocks.push(Block::Closing(closing(doc)));
    blocks.extend(
        doc.appendices
            .iter()
            .map(|app| Block::Appendix(appendix_page(doc, app))),
    );
    Layout {
        size: body_size(doc),
        blocks,
    }
}

fn header_table(doc: &Document) -> HeaderTable {
    let (national, motto) = national_lines(doc);
    let mut left: Vec<Piece> = parent_body(doc)
        .map(|pb| Piece::Line(Line::new(pb, Look::PLAIN.sized(13), Breaks::Space)))
        .into_iter()
        .collect();
    left.push(Piece::Line(Line::new(
        issuing_body(doc),
        Look::BOLD.sized(13),
        Breaks::Keep,
    )));
    left.push(match doc.profile {
        Profile::State => Piece::Rule(Rule::UnderBody),
        Profile::Party => Piece::Line(Line::new("*", Look::PLAIN.sized(13), Breaks::Keep)),
    });
    let right = match motto {
        Some(m) => vec![
            Piece::Line(Line::new(national, Look::BOLD.sized(13), Breaks::Keep)),
            Piece::Line(Line::new(m, Look::BOLD.sized(14), Breaks::Keep)),
            Piece::Rule(Rule::UnderMotto),
        ],
        None => vec![
            Piece::Line(Line::new(national, Look::BOLD.sized(14), Breaks::Keep)),
            Piece::Rule(Rule::UnderNational),
        ],
    };
    HeaderTable {
        left,
        right,
        number: Line::new(number_line(doc), Look::PLAIN.sized(13), Breaks::Space),
        date: Line::new(date_line(doc), Look::ITALIC.sized(14), Breaks::Space),
    }
}

fn closing(doc: &Document) -> Closing {
    let name = signer(doc);
    Closing {
        recipients_heading: Line::new(
            "Nơi nhận:",
            Look {
                bold: true,
                italic: true,
                size: Some(12),
            },
            Breaks::Space,
        ),
        recipients: recipient_lines(doc)
            .into_iter()
            .map(|r| Line::new(r, Look::PLAIN.sized(11), Breaks::Space))
            .collect(),
        authority: sign_lines(doc)
            .into_iter()
            .map(|s| Line::new(s, Look::BOLD, Breaks::Space))
            .collect(),
        signer: (!name.is_empty()).then(|| Line::new(name, Look::BOLD, Breaks::Space)),
    }
}

fn appendix_page(doc: &Document, app: &Appendix) -> AppendixPage {
    let table = (!app.columns.is_empty()).then(|| Table {
        columns: column_weights(app)
            .into_iter()
            .zip(&app.columns)
            .map(|(weight, c)| TableColumn {
                weight,
                centred: centred_column(c.kind),
            })
            .collect(),
        header: header_row(app),
        header_look: Look::BOLD,
        group_look: Look::BOLD,
        rows: appendix_rows(doc, app),
    });
    AppendixPage {
        landscape: app.landscape,
        heading: Line::new(appendix_heading(app), Look::BOLD.sized(14), Breaks::Keep),
        title: Line::new(appendix_title(app), Look::BOLD, Breaks::Trim),
        attached: Line::new(attached_line(doc, app), Look::ITALIC, Breaks::Space),
        table,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::generated_plan;

    fn texts(pieces: &[Piece]) -> Vec<&str> {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Line(l) => l.text.as_str(),
                Piece::Rule(_) => "—",
            })
            .collect()
    }

    #[test]
    fn blocks_come_in_reading_order() {
        let doc = generated_plan(2);
        let l = layout(&doc);
        let kinds: Vec<&str> = l
            .blocks
            .iter()
            .map(|b| match b {
                Block::Header(_) => "header",
                Block::Title(_) => "title",
                Block::Para(_) => "para",
                Block::Closing(_) => "closing",
                Block::Appendix(_) => "appendix",
            })
            .collect();
        let paras = doc.opening.len() + body_lines(&doc).len();
        let mut want = vec!["header", "title"];
        want.extend(std::iter::repeat_n("para", paras));
        want.push("closing");
        want.extend(std::iter::repeat_n("appendix", doc.appendices.len()));
        assert_eq!(kinds, want);
        assert_eq!(l.size, body_size(&doc));
    }

    #[test]
    fn header_columns_follow_the_profile() {
        let mut doc = generated_plan(1);
        let Block::Header(h) = &layout(&doc).blocks[0] else {
            panic!("no header")
        };
        assert_eq!(
            texts(&h.right),
            [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "—"
            ]
        );
        assert_eq!(h.left.last(), Some(&Piece::Rule(Rule::UnderBody)));
        assert_eq!(h.date.look, Look::ITALIC.sized(14));
        doc.profile = Profile::Party;
        let Block::Header(h) = &layout(&doc).blocks[0] else {
            panic!("no header")
        };
        assert_eq!(texts(&h.right), ["ĐẢNG CỘNG SẢN VIỆT NAM", "—"]);
        assert_eq!(h.right[1], Piece::Rule(Rule::UnderNational));
        assert!(matches!(h.left.last(), Some(Piece::Line(l)) if l.text == "*"));
    }

    #[test]
    fn headings_are_bold_and_kept_with_the_next_paragraph() {
        let l = layout(&generated_plan(1));
        let paras: Vec<&Para> = l
            .blocks
            .iter()
            .filter_map(|b| {
                if let Block::Para(p) = b {
                    Some(p)
                } else {
                    None
                }
            })
            .collect();
        let first = paras
            .iter()
            .find(|p| p.joined() == "I. MỤC ĐÍCH, YÊU CẦU")
            .unwrap();
        assert_eq!(
            (first.style, first.look, first.keep_with_next),
            (LineStyle::Heading { level: 0 }, Look::BOLD, true)
        );
        let detail = paras.iter().find(|p| p.style == LineStyle::Detail).unwrap();
        assert_eq!(
            (detail.label.as_str(), detail.look, detail.keep_with_next),
            ("", Look::PLAIN, false)
        );
    }

    #[test]
    fn closing_holds_recipients_and_signature() {
        let mut doc = generated_plan(1);
        let closing = |doc: &Document| {
            layout(doc)
                .blocks
                .into_iter()
                .find_map(|b| {
                    if let Block::Closing(c) = b {
                        Some(c)
                    } else {
                        None
                    }
                })
                .unwrap()
        };
        let c = closing(&doc);
        assert_eq!(
            c.recipients
                .iter()
                .map(|r| r.text.as_str())
                .collect::<Vec<_>>(),
            recipient_lines(&doc)
        );
        assert_eq!(
            c.authority
                .iter()
                .map(|a| a.text.clone())
                .collect::<Vec<_>>(),
            sign_lines(&doc)
        );
        assert!(c.signer.is_some());
        doc.signature.name = " ".into();
        assert_eq!(closing(&doc).signer, None);
    }

    #[test]
    fn appendix_tables_carry_widths_alignment_and_rows() {
        let mut doc = generated_plan(3);
        let app = &doc.appendices[0];
        let l = layout(&doc);
        let page = l
            .blocks
            .iter()
            .find_map(|b| {
                if let Block::Appendix(a) = b {
                    Some(a)
                } else {
                    None
                }
            })
            .unwrap();
        let t = page.table.as_ref().unwrap();
        assert_eq!(
            t.columns.iter().map(|c| c.weight).collect::<Vec<_>>(),
            column_weights(app)
        );
        assert_eq!(
            t.columns.iter().map(|c| c.centred).collect::<Vec<_>>(),
            app.columns
                .iter()
                .map(|c| centred_column(c.kind))
                .collect::<Vec<_>>()
        );
        assert_eq!(t.rows, appendix_rows(&doc, app));
        assert_eq!(page.attached.breaks, Breaks::Space);
        doc.appendices[0].columns.clear();
        assert!(layout(&doc)
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Appendix(a) if a.table.is_none())));
    }
}

//! Plain text laid out as the document reads on paper, ready to paste into Word:
//! a rendering of [`layout`](super::layout).
//!
//! Parts that stand side by side on paper (the header's two columns, "Nơi nhận"
//! beside the signature) and appendix tables are written as TAB-separated rows, so
//! Word's "Convert Text to Table" rebuilds them. Every line ends with "\n".

use super::layout::{
    layout, AppendixPage, Block, Breaks, Closing, HeaderTable, Layout, Line, Piece,
};
use super::*;

/// Cells of a TAB-separated row hold neither tabs nor line breaks.
fn cell(s: &str) -> String {
    s.replace(['\t', '\n'], " ")
}

fn row(out: &mut String, cells: &[String]) {
    let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    out.push_str(&cells.join("\t"));
    out.push('\n');
}

/// Two columns side by side, TAB-separated, as many lines as the longer one.
fn columns(out: &mut String, left: &[String], right: &[String]) {
    for i in 0..left.len().max(right.len()) {
        let l = left.get(i).cloned().unwrap_or_default();
        let r = right.get(i).cloned().unwrap_or_default();
        row(out, &[l, r]);
    }
}

fn line(out: &mut String, s: &str) {
    out.push_str(s);
    out.push('\n');
}

/// The printed lines of a layout line, its breaks read as the layout asks.
fn lines_of(l: &Line) -> Vec<String> {
    match l.breaks {
        Breaks::Keep => l.text.split('\n').map(str::to_string).collect(),
        Breaks::Trim => l.text.split('\n').map(|s| s.trim().to_string()).collect(),
        Breaks::Space => vec![cell(&l.text)],
    }
}

fn free_line(out: &mut String, l: &Line) {
    for s in lines_of(l) {
        line(out, &s);
    }
}

/// A column of the header table as rows (rules do not print).
fn column_rows(pieces: &[Piece]) -> Vec<String> {
    pieces
        .iter()
        .flat_map(|p| match p {
            Piece::Line(l) => lines_of(l),
            Piece::Rule(_) => Vec::new(),
        })
        .collect()
}

fn header(out: &mut String, h: &HeaderTable) {
    columns(out, &column_rows(&h.left), &column_rows(&h.right));
    row(out, &[h.number.text.clone(), h.date.text.clone()]);
    out.push('\n');
}

fn closing(out: &mut String, c: &Closing) {
    out.push('\n');
    let mut left = lines_of(&c.recipients_heading);
    left.extend(c.recipients.iter().flat_map(lines_of));
    let mut right: Vec<String> = c.authority.iter().flat_map(lines_of).collect();
    if let Some(name) = &c.signer {
        // The space left for the signature.
        right.extend(["", "", ""].map(String::from));
        right.extend(lines_of(name));
    }
    columns(out, &left, &right);
}

fn appendix(out: &mut String, a: &AppendixPage) {
    out.push('\n');
    free_line(out, &a.heading);
    free_line(out, &a.title);
    free_line(out, &a.attached);
    if let Some(t) = &a.table {
        row(out, &t.header);
        for r in &t.rows {
            match r {
                TableRow::Group { label, heading } => row(out, &[label.clone(), heading.clone()]),
                TableRow::Cells(cells) => row(out, cells),
            }
        }
    }
}

/// A layout as plain text.
pub fn render(layout: &Layout) -> String {
    let mut out = String::new();
    for block in &layout.blocks {
        match block {
            Block::Header(h) => header(&mut out, h),
            Block::Title(t) => {
                free_line(&mut out, &t.name);
                free_line(&mut out, &t.subject);
                out.push('\n');
            }
            Block::Para(p) => line(&mut out, &p.joined()),
            Block::Closing(c) => closing(&mut out, c),
            Block::Appendix(a) => appendix(&mut out, a),
        }
    }
    out
}

/// The whole document as plain text.
pub fn to_text(doc: &Document) -> String {
    render(&layout(doc))
}

//! Appendix pages: "PHỤ LỤC I", the title, "(Kèm theo …)" and the table, whose
//! columns are matched by their header names (STT, Nội dung, Đơn vị chủ trì,
//! Đơn vị phối hợp, Thời gian …). Header rows repeated on each page and the
//! "(1) (2) (3)" row are removed; a row holding only a Roman label and a
//! heading is a group.

use super::labels::read_label;
use super::zones::is_appendix_heading;
use super::{squash, Builder, Line, Piece};
use crate::import::source::Table;
use crate::model::{
    edit, Appendix, Cell, Column, ColumnKind, Node, NodeKind, NumberStyle, Row, RowGroup,
    RowNumbering,
};
use crate::text::to_lower;

pub fn read(b: &mut Builder, pieces: &[Piece]) {
    for piece in pieces {
        match piece {
            Piece::Line(l) if is_appendix_heading(&l.text) => start(b, l),
            Piece::Line(l) => text_line(b, l),
            Piece::Table(t) => table(b, t),
        }
    }
}

fn start(b: &mut Builder, l: &Line) {
    let t = l.text.trim();
    let number = t
        .chars()
        .skip("PHỤ LỤC".chars().count())
        .collect::<String>()
        .trim()
        .trim_end_matches(['.', ':'])
        .trim()
        .to_string();
    let i = b.doc.appendices.len();
    b.doc.appendices.push(Appendix {
        number,
        ..Appendix::default()
    });
    b.origin(format!("appendices[{i}]"), l.source);
    b.report.appendix_start(l.source);
}

fn text_line(b: &mut Builder, l: &Line) {
    let t = l.text.trim();
    let Some(app) = b.doc.appendices.last_mut() else {
        return keep(b, l);
    };
    if app.columns.is_empty() {
        if t.starts_with('(') && to_lower(t).contains("kèm theo") {
            let note = t.trim_start_matches('(').trim_end_matches(')').trim();
            app.attached_note = Some(note.to_string());
            return b.report.recognised_line(l.source);
        }
        if app.attached_note.is_none() {
            if !app.title.is_empty() {
                app.title.push(' ');
            }
            app.title.push_str(t);
            return b.report.recognised_line(l.source);
        }
    }
    keep(b, l);
}

/// A line that belongs to no part: kept as a paragraph at the end of the body.
fn keep(b: &mut Builder, l: &Line) {
    b.doc.body.push(Node {
        kind: NodeKind::Paragraph,
        text: l.text.trim().to_string(),
        ..Node::default()
    });
    b.origin(format!("body[{}]", b.doc.body.len() - 1), l.source);
    b.report.keep(l.source, &l.text);
}

/// The kind of a column from its header text, and whether the name was known.
pub fn column_kind(title: &str) -> (ColumnKind, bool) {
    let t = to_lower(title.trim());
    let has = |w: &str| t.contains(w);
    let kind = if matches!(t.as_str(), "stt" | "tt" | "số tt" | "số thứ tự") {
        ColumnKind::Index
    } else if has("đơn vị tính") || t == "đvt" {
        ColumnKind::Unit
    } else if has("chủ trì") {
        ColumnKind::Agency
    } else if has("phối hợp") || (has("thực hiện") && (has("cơ quan") || has("đơn vị")))
    {
        ColumnKind::AgencyList
    } else if has("thời gian") || has("thời hạn") || has("tiến độ") {
        ColumnKind::Timeframe
    } else if has("nguồn vốn") || has("kinh phí") || has("nguồn lực") {
        ColumnKind::Funding
    } else if has("tỷ lệ") || has("%") {
        ColumnKind::Percent
    } else if has("đến năm") || has("bình quân") || has("số lượng") || has("năm 20") {
        ColumnKind::Number
    } else {
        let known = [
            "nội dung",
            "nhiệm vụ",
            "tên",
            "sản phẩm",
            "ghi chú",
            "kết quả",
            "giải pháp",
        ];
        return (ColumnKind::Text, known.iter().any(|k| has(k)));
    };
    (kind, true)
}

/// A row as grid texts: spans expanded, a vertically merged cell taking the
/// text of the cell it continues.
fn grid(row: &crate::import::source::Row, above: &[String]) -> (Vec<String>, usize) {
    let mut out = Vec::new();
    let mut widest = 1;
    for cell in &row.cells {
        let text = if cell.merged_up {
            above.get(out.len()).cloned().unwrap_or_default()
        } else {
            cell.text().trim().to_string()
        };
        out.push(text);
        let span = cell.span.max(1);
        widest = widest.max(span);
        for _ in 1..span {
            out.push(String::new());
        }
    }
    (out, widest)
}

fn table(b: &mut Builder, t: &Table) {
    let Some(ai) = b.doc.appendices.len().checked_sub(1) else {
        return table_as_text(b, t);
    };
    let mut above: Vec<String> = Vec::new();
    let mut rows = t.rows.iter().peekable();
    if b.doc.appendices[ai].columns.is_empty() {
        let mut titles: Vec<String> = Vec::new();
        while let Some(row) = rows.peek() {
            if !titles.is_empty() && !row.repeats_as_header {
                break;
            }
            let (cells, _) = grid(row, &above);
            merge_titles(&mut titles, &cells);
            above = cells;
            rows.next();
        }
        columns(b, ai, &titles);
    }
    let header: Vec<String> = b.doc.appendices[ai]
        .columns
        .iter()
        .map(|c| squash(&c.title))
        .collect();
    let mut stt_restarts = false;
    for row in rows {
        let source = row.cells.iter().find_map(|c| c.source()).unwrap_or(0);
        let (cells, widest) = grid(row, &above);
        above = cells.clone();
        let squashed: Vec<String> = cells.iter().map(|c| squash(c)).collect();
        if squashed == header || is_column_numbers(&cells) {
            b.report.header_row_dropped(source);
            continue;
        }
        if let Some(heading) = group_heading(&cells, widest) {
            b.doc.appendices[ai].groups.push(RowGroup {
                heading,
                rows: Vec::new(),
            });
            b.report.row_group(source);
            continue;
        }
        stt_restarts |= data_row(b, ai, &cells, source);
    }
    if stt_restarts {
        b.doc.appendices[ai].row_numbering = RowNumbering::PerGroup;
    }
}

/// Titles of a header of several rows: each column's distinct texts joined.
fn merge_titles(titles: &mut Vec<String>, cells: &[String]) {
    for (i, c) in cells.iter().enumerate() {
        if titles.len() <= i {
            titles.push(String::new());
        }
        if !c.is_empty() && !titles[i].contains(c.as_str()) {
            if !titles[i].is_empty() {
                titles[i].push(' ');
            }
            titles[i].push_str(c);
        }
    }
}

fn columns(b: &mut Builder, ai: usize, titles: &[String]) {
    for title in titles {
        let (kind, known) = column_kind(title);
        let app = &mut b.doc.appendices[ai];
        let base = edit::slug(title);
        let mut id = if base.is_empty() {
            edit::column_id(app)
        } else {
            base.clone()
        };
        let mut n = 2;
        while app.columns.iter().any(|c| c.id == id) {
            id = format!("{base}_{n}");
            n += 1;
        }
        app.columns.push(Column {
            id,
            title: title.clone(),
            kind,
            width: None,
        });
        b.report.column(title, kind, known);
    }
}

/// "(1) (2) (3)" or "1 2 3" under the header.
fn is_column_numbers(cells: &[String]) -> bool {
    cells.len() > 1
        && cells.iter().enumerate().all(|(i, c)| {
            let n = c.trim().trim_start_matches('(').trim_end_matches(')');
            n.parse::<usize>().ok() == Some(i + 1)
        })
}

/// A group row: a Roman label ("I", "II.") with one heading, or one cell
/// spanning the row.
fn group_heading(cells: &[String], widest: usize) -> Option<String> {
    let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
    let roman = |s: &str| {
        let w = format!("{}.", s.trim().trim_end_matches('.'));
        crate::import::recognize::readings_of(&w)
            .iter()
            .any(|r| matches!(r.style, NumberStyle::UpperRoman | NumberStyle::UpperAlpha))
    };
    match filled.as_slice() {
        [label, heading] if roman(label) && *label == &cells[0] => Some(heading.trim().to_string()),
        [only] if widest >= cells.len().saturating_sub(1).max(2) => {
            let t = only.trim();
            Some(match read_label(t) {
                Some(l) if l.readings.iter().any(|r| r.ordinal > 0) => l.rest.to_string(),
                _ => t.to_string(),
            })
        }
        _ => None,
    }
}

/// Add a data row; returns whether its STT restarts at 1 in a later group.
fn data_row(b: &mut Builder, ai: usize, cells: &[String], source: usize) -> bool {
    let kinds: Vec<ColumnKind> = b.doc.appendices[ai]
        .columns
        .iter()
        .map(|c| c.kind)
        .collect();
    let mut row = Row::default();
    let mut restart = false;
    for (i, kind) in kinds.iter().enumerate() {
        let text = cells.get(i).map(String::as_str).unwrap_or("");
        if *kind == ColumnKind::Index {
            let groups = &b.doc.appendices[ai].groups;
            restart |= text.trim() == "1"
                && groups.len() > 1
                && groups.last().is_some_and(|g| g.rows.is_empty())
                && groups.iter().rev().skip(1).any(|g| !g.rows.is_empty());
        }
        // An imported plan's agency names make its directory (the report
        // lists them); typing in the editor never adds one silently.
        let cell = match kind {
            ColumnKind::Agency | ColumnKind::AgencyList => Cell {
                agencies: edit::agency_ids_for(&mut b.doc, text),
                ..Cell::default()
            },
            _ => edit::set_cell_text(&b.doc, *kind, text),
        };
        row.cells.push(cell);
    }
    let app = &mut b.doc.appendices[ai];
    if app.groups.is_empty() {
        app.groups.push(RowGroup::default());
    }
    let g = app.groups.len() - 1;
    let r = app.groups[g].rows.len();
    app.groups[g].rows.push(row);
    b.origin(format!("appendices[{ai}].groups[{g}].rows[{r}]"), source);
    b.report.row(source);
    restart
}

/// A table outside any appendix: each row kept as a paragraph, cells joined.
fn table_as_text(b: &mut Builder, t: &Table) {
    for row in &t.rows {
        let (cells, _) = grid(row, &[]);
        let text = cells
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" | ");
        if !text.is_empty() {
            let source = row.cells.iter().find_map(|c| c.source()).unwrap_or(0);
            keep(
                b,
                &Line {
                    source,
                    text,
                    ..Line::default()
                },
            );
        }
    }
}

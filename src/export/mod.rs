//! Exports of a document: plain text (`text`), an HTML fragment for rich copy and a
//! print page (`html`), and a Word file (`docx`). All are pure functions of the
//! model, shared by the browser editor and the CLI.
//!
//! This file prints the content once, as strings (labels derived by
//! `numbering::visit`, agency ids resolved to names, timeframes printed with
//! `to_vi`, table row numbers derived); `layout` arranges them into the printed
//! layout, which each format renders without deciding what goes where.
//! Every user string passes through [`clean`] first, so no format ever sees a
//! control character.

pub mod docx;
pub mod file_name;
pub mod html;
pub mod layout;
pub mod text;
mod zip;

pub use file_name::file_stem;

use crate::model::agency_names::join_agency_names;
use crate::model::numbering::{is_numbered, roman, visit};
use crate::model::{
    Appendix, Cell, Column, ColumnKind, Document, Node, NodeKind, Profile, SignPrefix, Task,
    TaskField,
};
use crate::text::{to_upper, upper_char};

/// Whether a character is dropped from exported text: C0 controls other than tab and
/// newline, DEL and C1 controls, the byte-order mark and the non-characters U+FFFE/U+FFFF
/// (none of them is allowed or meaningful in XML 1.0 or in a printed document).
pub fn is_dropped(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
}

/// User text made safe to print: CR LF, lone CR and the Unicode line/paragraph
/// separators become "\n"; characters of [`is_dropped`] go; emoji, right-to-left
/// marks and everything else printable stay.
pub fn clean(s: &str) -> String {
    // Most text has none of the bytes that start what changes (C0 controls,
    // DEL, C1 controls as C2 80–9F, U+2028/9 as E2 80 A8/A9, U+FEFF/FFFE/FFFF
    // as EF BB BF / EF BF BE/BF): copied as it is, a long preview is 15% faster.
    if !s
        .bytes()
        .any(|b| (b < 0x20 && b != b'\t' && b != b'\n') || matches!(b, 0x7F | 0xC2 | 0xE2 | 0xEF))
    {
        return s.to_string();
    }
    crate::text::map_with_line_feeds(s, |c| match c {
        '\u{2028}' | '\u{2029}' => Some('\n'),
        c if is_dropped(c) => None,
        c => Some(c),
    })
}

/// Quốc hiệu and Tiêu ngữ (state), or the Party's header line alone.
pub fn national_lines(doc: &Document) -> (&'static str, Option<&'static str>) {
    match doc.profile {
        Profile::State => (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            Some("Độc lập - Tự do - Hạnh phúc"),
        ),
        Profile::Party => ("ĐẢNG CỘNG SẢN VIỆT NAM", None),
    }
}

/// Body text size in points: `settings.font_size` (kept within 8–40), at least
/// 14 in the Party profile (Hướng dẫn 36: 14–15 pt).
pub fn body_size(doc: &Document) -> u8 {
    let size = doc.settings.font_size.clamp(8, 40);
    if doc.profile == Profile::Party {
        size.max(14)
    } else {
        size
    }
}

/// Parent body (caps), when there is one.
pub fn parent_body(doc: &Document) -> Option<String> {
    doc.header
        .parent_body
        .as_deref()
        .map(|p| to_upper(&clean(p)))
        .filter(|p| !p.trim().is_empty())
}

/// Issuing body (caps).
pub fn issuing_body(doc: &Document) -> String {
    to_upper(&clean(&doc.header.issuing_body))
}

/// "Số: 15/KH-UBND" / "Số 04-CTr/ĐU".
pub fn number_line(doc: &Document) -> String {
    clean(&doc.number_line())
}

/// "Hồng An, ngày 15 tháng 01 năm 2026".
pub fn date_line(doc: &Document) -> String {
    let place = clean(doc.header.place.trim());
    let date = doc.header.date.long_vi();
    if place.is_empty() {
        let mut c = date.chars();
        c.next()
            .map(|f| upper_char(f).chain(c).collect())
            .unwrap_or_default()
    } else {
        format!("{place}, {date}")
    }
}

/// Type name line: the header's own title or the kind's name, in caps.
pub fn type_name(doc: &Document) -> String {
    match doc
        .header
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        Some(t) => to_upper(&clean(t)),
        None => doc.kind.title_vi(),
    }
}

/// Subject (trích yếu), line breaks kept.
pub fn subject(doc: &Document) -> String {
    clean(doc.header.subject.trim())
}

/// Opening paragraphs, one per line (a newline inside one starts another paragraph).
pub fn opening(doc: &Document) -> Vec<String> {
    doc.opening.iter().flat_map(|p| split_lines(p)).collect()
}

fn split_lines(s: &str) -> Vec<String> {
    clean(s)
        .split('\n')
        .map(|l| l.trim_end().to_string())
        .filter(|l| !l.trim().is_empty())
        .collect()
}

/// How a body line is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStyle {
    /// A numbered heading or duty block with content under it (or at the top);
    /// `level` 0 is the top ("I.").
    Heading { level: usize },
    /// Running text: paragraphs, items and tasks.
    Text,
    /// A labelled line of a task ("- Cơ quan chủ trì: …").
    Detail,
}

/// One printed line of the body: derived label ("I.", "1.", "a)", "-", "+" or "")
/// and text. A node whose text holds line breaks gives one line per break, the
/// label on the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyLine {
    pub style: LineStyle,
    pub label: String,
    pub text: String,
}

impl BodyLine {
    /// Label and text as read: "I. MỤC ĐÍCH, YÊU CẦU".
    pub fn joined(&self) -> String {
        match (self.label.is_empty(), self.text.is_empty()) {
            (true, _) => self.text.clone(),
            (false, true) => self.label.clone(),
            (false, false) => format!("{} {}", self.label, self.text),
        }
    }
}

/// Names of agencies by id as one list ([`join_agency_names`]: "; " between
/// names, "các …" inside the list); an unknown id prints as itself.
pub fn agency_names(doc: &Document, ids: &[String]) -> String {
    join_agency_names(ids.iter().map(|id| {
        clean(
            doc.agency(id)
                .map(|a| a.name.as_str())
                .unwrap_or(id.as_str()),
        )
    }))
}

/// End a line with "." unless it already ends with punctuation.
fn with_period(s: &str) -> String {
    let t = s.trim_end();
    if t.ends_with(['.', ';', ':', '!', '?', '…']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

/// Whether the task's own lines (its text and the unnumbered lines under it,
/// `own`) already say `field`, so that printing it again would say it twice: a
/// labelled line of that field ("- Thời gian thực hiện: Thường xuyên."), a
/// sentence that gives the lead or the partners by name ("Giao … chủ trì; phối
/// hợp với …"), or the output named in a sentence. A verb alone ("Chủ trì tổ
/// chức hội nghị") does not say who: the field is printed.
/// `lower` is `own` in lower case, made once per task (made per field, it was
/// 60% of the largest plan's preview).
fn says(doc: &Document, t: &Task, own: &[String], lower: &[String], field: TaskField) -> bool {
    let labelled = own
        .iter()
        .any(|l| TaskField::read_line(l).is_some_and(|(f, _)| f == field));
    let mentions = |words: &str| lower.iter().any(|l| l.contains(words));
    // Every agency of the field named in a line that also has `verb`.
    let names_all = |verb: &str, ids: &[String]| {
        !ids.is_empty()
            && ids.iter().all(|id| {
                let name = doc.agency(id).map_or(id.as_str(), |a| a.name.as_str());
                let name = crate::text::to_lower(name.trim());
                lower
                    .iter()
                    .any(|l| l.contains(verb) && !name.is_empty() && l.contains(&name))
            })
    };
    labelled
        || match field {
            TaskField::Lead => names_all("chủ trì", &t.lead),
            TaskField::Partners => names_all("phối hợp", &t.partners),
            TaskField::Output => t
                .output
                .as_deref()
                .map(|o| crate::text::to_lower(o.trim().trim_end_matches('.')))
                .is_some_and(|o| !o.is_empty() && mentions(&o)),
            TaskField::Implementers | TaskField::Form | TaskField::Timeframe => false,
        }
}

/// The labelled lines of a task, in the seeds' order, each field only when the
/// task's own lines (`own`, see [`says`]) do not already say it.
pub fn task_details(doc: &Document, t: &Task, own: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let lower: Vec<String> = own.iter().map(|l| crate::text::to_lower(l)).collect();
    let mut push = |name: &str, value: String| {
        let v = value.trim().to_string();
        if !v.is_empty() {
            out.push(with_period(&format!("- {name}: {v}")));
        }
    };
    for field in TaskField::ALL
        .into_iter()
        .filter(|f| !says(doc, t, own, &lower, *f))
    {
        let value = match field {
            TaskField::Lead => agency_names(doc, &t.lead),
            TaskField::Implementers => agency_names(doc, &t.implementers),
            TaskField::Partners => agency_names(doc, &t.partners),
            TaskField::Form => t.form.as_deref().map(clean).unwrap_or_default(),
            TaskField::Timeframe => t
                .timeframe
                .as_ref()
                .map(|tf| clean(&tf.printed(t.timeframe_text.as_deref())))
                .unwrap_or_default(),
            TaskField::Output => t.output.as_deref().map(clean).unwrap_or_default(),
        };
        push(field.printed(), value);
    }
    out
}

/// A task's labelled lines as body lines (a line per break), the fields its
/// own lines (its text and unnumbered children) already say left out.
fn task_lines(doc: &Document, node: &Node, t: &Task) -> Vec<BodyLine> {
    let own: Vec<String> = std::iter::once(&node.text)
        .chain(
            node.children
                .iter()
                .filter(|c| !is_numbered(c.kind))
                .map(|c| &c.text),
        )
        .map(|s| clean(s))
        .collect();
    let mut details = Vec::new();
    for d in task_details(doc, t, &own) {
        for (i, l) in d.split('\n').enumerate() {
            let text = if i == 0 {
                l.to_string()
            } else {
                l.trim().to_string()
            };
            if !text.is_empty() {
                details.push(BodyLine {
                    style: LineStyle::Detail,
                    label: String::new(),
                    text,
                });
            }
        }
    }
    details
}

/// The body in reading order with derived labels and each task's labelled lines.
/// As in the seeds, a task's lines follow its own unnumbered content (items and
/// paragraphs under it) and come before any numbered sub-task.
pub fn body_lines(doc: &Document) -> Vec<BodyLine> {
    let mut out = Vec::new();
    // Tasks whose labelled lines are still to print: (path length, lines).
    let mut pending: Vec<(usize, Vec<BodyLine>)> = Vec::new();
    visit(
        &doc.body,
        &doc.settings.numbering,
        &mut |node, path, label| {
            let depth = path.len();
            while let Some((task_depth, _)) = pending.last() {
                let child = depth == task_depth + 1;
                if depth <= *task_depth || (child && is_numbered(node.kind)) {
                    out.extend(pending.pop().map(|(_, l)| l).unwrap_or_default());
                } else {
                    break;
                }
            }
            // A numbered heading with nothing under it is a numbered point of running
            // text ("a) Xác định cụ thể …"), printed as such; top-level ones stay headings.
            let heading = matches!(node.kind, NodeKind::Heading | NodeKind::Duty)
                && (depth == 1 || !node.children.is_empty());
            let style = if heading {
                LineStyle::Heading { level: depth - 1 }
            } else {
                LineStyle::Text
            };
            let mut text = clean(&node.text);
            if node.kind == NodeKind::Duty && text.trim().is_empty() {
                text = agency_names(doc, &node.agencies);
            }
            let mut lines: Vec<&str> = text
                .split('\n')
                .map(str::trim_end)
                .filter(|l| !l.trim().is_empty())
                .collect();
            if lines.is_empty() {
                lines.push("");
            }
            for (i, l) in lines.iter().enumerate() {
                let label = if i == 0 {
                    label.to_string()
                } else {
                    String::new()
                };
                if label.is_empty() && l.is_empty() {
                    continue;
                }
                out.push(BodyLine {
                    style,
                    label,
                    text: l.trim_start().to_string(),
                });
            }
            if let Some(t) = &node.task {
                pending.push((depth, task_lines(doc, node, t)));
            }
        },
    );
    while let Some((_, l)) = pending.pop() {
        out.extend(l);
    }
    out
}

/// Printed authority prefix: "TM." / "KT." (state), "T/M" / "K/T" (Party); the
/// editor shows the same (`SignPrefix::label`).
pub fn sign_prefix(profile: Profile, p: SignPrefix) -> &'static str {
    p.label(profile)
}

/// Authority and title lines of the signature block, caps, prefixes printed.
pub fn sign_lines(doc: &Document) -> Vec<String> {
    doc.signature
        .lines
        .iter()
        .map(|l| {
            let text = to_upper(clean(&l.text).replace('\n', " ").trim());
            match l.prefix {
                Some(p) => format!("{} {text}", sign_prefix(doc.profile, p))
                    .trim_end()
                    .to_string(),
                None => text,
            }
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// Signer's name.
pub fn signer(doc: &Document) -> String {
    clean(&doc.signature.name)
        .replace('\n', " ")
        .trim()
        .to_string()
}

/// Recipient lines after "Nơi nhận:": "- item;" each, last the archive line
/// ("- Lưu: VT, VHXH." state, "- Lưu VPĐU." Party).
pub fn recipient_lines(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> = doc
        .recipients
        .items
        .iter()
        .flat_map(|i| split_lines(i))
        .map(|i| {
            let t = i
                .trim()
                .trim_start_matches(['-', '+'])
                .trim()
                .trim_end_matches([';', '.', ','])
                .trim_end();
            format!("- {t};")
        })
        .filter(|l| l != "- ;")
        .collect();
    let archive = doc
        .recipients
        .archive
        .as_deref()
        .map(|a| clean(a).replace('\n', " "))
        .unwrap_or_default();
    let archive = archive.trim().trim_end_matches(['.', ';']).trim();
    let archive = if archive.is_empty() && doc.profile == Profile::State {
        "VT"
    } else {
        archive
    };
    if !archive.is_empty() {
        out.push(match doc.profile {
            Profile::State => format!("- Lưu: {archive}."),
            Profile::Party => format!("- Lưu {archive}."),
        });
    }
    out
}

/// "Phụ lục I".
pub fn appendix_heading(app: &Appendix) -> String {
    let n = clean(app.number.trim());
    if n.is_empty() {
        "Phụ lục".into()
    } else {
        format!("Phụ lục {n}")
    }
}

/// Appendix title in caps.
pub fn appendix_title(app: &Appendix) -> String {
    to_upper(&clean(app.title.trim()))
}

/// "(Kèm theo …)": the author's note, or one made from the document's number and date.
pub fn attached_line(doc: &Document, app: &Appendix) -> String {
    let note = match app
        .attached_note
        .as_deref()
        .map(|n| clean(n.trim()))
        .filter(|n| !n.is_empty())
    {
        Some(n) => n.trim_start_matches('(').trim_end_matches(')').to_string(),
        None => {
            let num = doc
                .header
                .number
                .as_deref()
                .map(|n| clean(n.trim()))
                .filter(|n| !n.is_empty());
            let num = num.as_deref().unwrap_or("     ");
            let sep = if doc.profile == Profile::Party {
                "-"
            } else {
                "/"
            };
            format!(
                "Kèm theo {} số {num}{sep}{} {}",
                doc.kind.name_vi(),
                clean(&doc.header.symbol),
                doc.header.date.long_vi()
            )
        }
    };
    format!("({note})")
}

/// One printed row of an appendix table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableRow {
    /// A group heading row: Roman label ("I.") and heading.
    Group { label: String, heading: String },
    /// A data row: one printed string per column.
    Cells(Vec<String>),
}

/// Column header texts.
pub fn header_row(app: &Appendix) -> Vec<String> {
    app.columns.iter().map(|c| clean(c.title.trim())).collect()
}

/// A cell as printed for its column's kind ([`crate::model::edit::cell_text_with`],
/// each piece cleaned); `stt` is the row's derived number.
pub fn cell_text(doc: &Document, col: &Column, cell: Option<&Cell>, stt: usize) -> String {
    match (col.kind, cell) {
        (ColumnKind::Index, _) => stt.to_string(),
        (kind, Some(c)) => crate::model::edit::cell_text_with(doc, kind, c, &|s| clean(s.trim())),
        (_, None) => String::new(),
    }
}

/// The rows of an appendix as printed: group headings numbered I., II. … and data
/// rows with STT derived per `row_numbering`.
pub fn appendix_rows(doc: &Document, app: &Appendix) -> Vec<TableRow> {
    let mut out = Vec::new();
    let mut group_no = 0;
    for (g, numbers) in app.groups.iter().zip(crate::model::edit::row_numbers(app)) {
        let heading = clean(g.heading.trim());
        if !heading.is_empty() {
            group_no += 1;
            out.push(TableRow::Group {
                label: format!("{}.", roman(group_no)),
                heading,
            });
        }
        for (row, stt) in g.rows.iter().zip(numbers) {
            let cells = app
                .columns
                .iter()
                .enumerate()
                .map(|(i, col)| cell_text(doc, col, row.cells.get(i), stt))
                .collect();
            out.push(TableRow::Cells(cells));
        }
    }
    out
}

/// Column kinds printed centred in tables (numbers, dates, units).
pub fn centred_column(kind: ColumnKind) -> bool {
    matches!(
        kind,
        ColumnKind::Index
            | ColumnKind::Timeframe
            | ColumnKind::Number
            | ColumnKind::Percent
            | ColumnKind::Unit
    )
}

/// Relative column widths: the author's (tenths of the table) where given, else a
/// default by kind; the first text column takes the most room.
pub fn column_weights(app: &Appendix) -> Vec<u32> {
    let mut seen_text = false;
    app.columns
        .iter()
        .map(|c| {
            if let Some(w) = c.width.filter(|w| *w > 0) {
                return u32::from(w) * 10;
            }
            match c.kind {
                ColumnKind::Index => 6,
                ColumnKind::Text if !seen_text => {
                    seen_text = true;
                    35
                }
                ColumnKind::Text => 18,
                ColumnKind::Agency => 16,
                ColumnKind::AgencyList => 20,
                ColumnKind::Timeframe => 13,
                ColumnKind::Number | ColumnKind::Percent | ColumnKind::Unit => 10,
                ColumnKind::Funding => 14,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;

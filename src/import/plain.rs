//! Pasted or plain text (from Word, a PDF or an e-mail) read as a [`Source`]:
//! one paragraph per non-empty line, numbered by line so the import report can
//! say "dòng 12". Lines a PDF wrapped are joined later by the recogniser, which
//! knows where a sentence may continue.
//!
//! Text copied from a chat or a Markdown editor often marks bold as `**…**`
//! (the seeds do); the markers are removed and the lines inside marked bold.

use super::source::{Block, Cell, Para, ReadNote, Row, Source, Table, Unit};
use crate::text::{convert_legacy, detect_legacy, to_nfc};

/// Read plain text. Legacy-encoded text (TCVN3, VNI read as Windows-1252) is
/// converted line by line, and the conversion is noted.
pub fn read_text(text: &str) -> Source {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut blocks = Vec::new();
    let mut bold_open = false;
    let mut converted = 0;
    // Judged on the whole text: a single line of OCR damage or of English
    // must not be "converted" into other words.
    let legacy = detect_legacy(text);
    for (i, raw) in text.lines().enumerate() {
        let mut line = to_nfc(raw.trim_end_matches('\r'));
        if let Some(enc) = legacy {
            // Only a sure conversion: an unsure line stays as it is, and the
            // checker then says it is garbled without changing its words.
            let c = convert_legacy(&line, enc);
            let unicode = to_nfc(&c.text);
            if c.certain && unicode != line {
                line = unicode;
                converted += 1;
            }
        }
        let (line, bold) = strip_bold_marks(&line, &mut bold_open);
        let line = strip_italic_marks(&line);
        if line.trim().is_empty() {
            continue;
        }
        if line.contains('\t') {
            push_table_row(&mut blocks, &line, i + 1, bold);
            continue;
        }
        blocks.push(Block::Para(Para {
            source: i + 1,
            text: line.trim().to_string(),
            bold,
            ..Para::default()
        }));
    }
    let mut notes = Vec::new();
    if converted > 0 {
        notes.push(ReadNote::LegacyFonts {
            runs: converted,
            fonts: legacy.map(|e| e.name().to_string()).into_iter().collect(),
        });
    }
    Source {
        blocks,
        notes,
        unit: Unit::Line,
    }
}

/// A line with tabs is a table row (what Word and the text export write for a
/// table); consecutive ones make one table.
fn push_table_row(blocks: &mut Vec<Block>, line: &str, source: usize, bold: bool) {
    let cells = line
        .split('\t')
        .map(|c| Cell {
            paras: vec![Para {
                source,
                text: c.trim().to_string(),
                bold,
                ..Para::default()
            }],
            span: 1,
            merged_up: false,
        })
        .collect();
    let row = Row {
        cells,
        repeats_as_header: false,
    };
    match blocks.last_mut() {
        Some(Block::Table(t)) => t.rows.push(row),
        _ => blocks.push(Block::Table(Table { rows: vec![row] })),
    }
}

/// Remove `**` markers; the line is bold when it lies inside a marked span.
fn strip_bold_marks(line: &str, open: &mut bool) -> (String, bool) {
    if !line.contains("**") {
        return (line.to_string(), *open);
    }
    let starts_open = *open;
    let mut out = String::new();
    let mut any_plain = false;
    for (i, piece) in line.split("**").enumerate() {
        if i > 0 {
            *open = !*open;
        }
        let inside = if i == 0 { starts_open } else { *open };
        if !inside && !piece.trim().is_empty() {
            any_plain = true;
        }
        out.push_str(piece);
    }
    (out, !any_plain)
}

/// Remove `*…*` italic markers in pairs; a lone "*" (the star under a Party
/// body's name) stays.
fn strip_italic_marks(line: &str) -> String {
    let stars = line.matches('*').count();
    if stars < 2 || !stars.is_multiple_of(2) || line.trim() == "*" {
        return line.to_string();
    }
    line.replace('*', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(s: &Source) -> Vec<(usize, &str, bool)> {
        s.blocks
            .iter()
            .map(|b| match b {
                Block::Para(p) => (p.source, p.text.as_str(), p.bold),
                Block::Table(_) => (0, "table", false),
            })
            .collect()
    }

    #[test]
    fn one_paragraph_per_line_numbered_by_line() {
        let s = read_text("KẾ HOẠCH\n\n  I. MỤC ĐÍCH  \r\n- Nội dung\n");
        assert_eq!(
            paras(&s),
            [
                (1, "KẾ HOẠCH", false),
                (3, "I. MỤC ĐÍCH", false),
                (4, "- Nội dung", false)
            ]
        );
        assert_eq!(s.unit, Unit::Line);
    }

    #[test]
    fn lines_with_tabs_make_one_table() {
        let s = read_text("Nơi nhận:\tTM. ỦY BAN\n- Sở Nội vụ;\tCHỦ TỊCH\nTrên đây");
        let Block::Table(t) = &s.blocks[0] else {
            panic!("a table first")
        };
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].cells[1].text(), "CHỦ TỊCH");
        assert_eq!(paras(&s)[1], (3, "Trên đây", false));
    }

    #[test]
    fn bold_marks_are_removed_and_mark_the_lines_inside() {
        let s = read_text("**Triển khai\nthực hiện**\nThực hiện Nghị quyết\n**TM. ỦY BAN**");
        assert_eq!(
            paras(&s),
            [
                (1, "Triển khai", true),
                (2, "thực hiện", true),
                (3, "Thực hiện Nghị quyết", false),
                (4, "TM. ỦY BAN", true)
            ]
        );
    }

    #[test]
    fn italic_marks_in_pairs_are_removed_a_lone_star_stays() {
        let s = read_text("hằng năm (*báo cáo trước ngày 05/6*), gửi\n*");
        assert_eq!(paras(&s)[0].1, "hằng năm (báo cáo trước ngày 05/6), gửi");
        assert_eq!(paras(&s)[1].1, "*");
    }

    #[test]
    fn decomposed_and_legacy_text_become_unicode_nfc() {
        let s = read_text("Ke\u{302}\u{301} hoa\u{323}ch");
        assert_eq!(paras(&s)[0].1, "Kế hoạch");
        let s = read_text("KÕ ho¹ch triÓn khai thùc hiÖn\nNghÞ quyÕt");
        assert_eq!(paras(&s)[0].1, "Kế hoạch triển khai thực hiện");
        assert!(matches!(&s.notes[0], ReadNote::LegacyFonts { runs: 2, .. }));
    }
}

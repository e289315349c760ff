//! A Word file following Nghị định 30/2020/NĐ-CP, Phụ lục I (state profile) or
//! Hướng dẫn 36-HD/VPTW (Party profile).
//!
//! Library choice: the OOXML is written by hand into a ZIP of deflated entries
//! (`super::zip`: a small writer over flate2's deflate). `docx-rs` alone adds
//! ≈ 250 KB and cannot mark a table's header row to repeat on each page
//! (`w:tblHeader`), which appendices need. The exports are a part loaded on
//! first use (`ui::later`), outside the first load's budget (360 KB gzip,
//! `e2e/size.test.mjs`). Measured 2026-12-05 (release build, `npm run
//! bench:size` and the files fetched on the first «Tải .docx»): deflate takes
//! what the first export fetches from 21.8 to 34.9 KB gzip (65.3 KB with the
//! `zip` crate's writer, see `zip.rs`) and the first load from 356.2 to
//! 357.1 KB; the .docx of a 1000-row plan from 1.2 MB (stored) to 21 KB, of the
//! fixtures from 28–316 KB to 7.4–43 KB. Measured earlier: the three exports'
//! own code is 72 KB raw / 27 KB gzip.
//!
//! Layout: A4 11906 × 16838 twips; margins top/bottom 20 mm (1134), left 30 mm
//! (1701), right 15 mm (851); Times New Roman in every script slot; body at
//! `settings.font_size`, justified, first-line indent 1.27 cm (720), 6 pt after.
//! Header and the "Nơi nhận" / signature block are borderless two-column tables.
//! Page numbers: a PAGE field centred in the header part, `titlePg` with an empty
//! first-page header, so numbering shows from page 2. Each appendix is its own
//! section on a new page (landscape when asked) with a bordered table whose header
//! row repeats (`w:tblHeader`).

use super::layout::{
    layout, AppendixPage, Block, Closing, HeaderTable, Layout, Look, Piece, Rule, Table,
};
use super::zip::ZipWriter;
use super::*;

mod parts;

use parts::*;
pub use parts::{header_xml, styles_xml};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const FONT: &str = "Times New Roman";

/// Page width and height (portrait), margins, in twips.
pub const A4_W: u32 = 11906;
pub const A4_H: u32 = 16838;
pub const MARGIN_TOP: u32 = 1134;
pub const MARGIN_BOTTOM: u32 = 1134;
pub const MARGIN_LEFT: u32 = 1701;
pub const MARGIN_RIGHT: u32 = 851;

/// Text escaped for XML element content and attributes (after [`clean`]).
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if is_dropped(c) || c == '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Run formatting: bold, italic, size in points (0 = the style's).
#[derive(Clone, Copy, Default)]
struct R {
    b: bool,
    i: bool,
    sz: u8,
}

fn rpr(r: R) -> String {
    let mut s = String::new();
    if r.b {
        s.push_str("<w:b/><w:bCs/>");
    }
    if r.i {
        s.push_str("<w:i/><w:iCs/>");
    }
    if r.sz > 0 {
        s.push_str(&format!(
            "<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>",
            u32::from(r.sz) * 2
        ));
    }
    if s.is_empty() {
        s
    } else {
        format!("<w:rPr>{s}</w:rPr>")
    }
}

/// One run holding `text`: tabs become `<w:tab/>`, line breaks `<w:br/>`.
fn run(out: &mut String, r: R, text: &str) {
    let text = clean(text);
    if text.is_empty() {
        return;
    }
    out.push_str("<w:r>");
    out.push_str(&rpr(r));
    for (i, l) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        for (j, part) in l.split('\t').enumerate() {
            if j > 0 {
                out.push_str("<w:tab/>");
            }
            if !part.is_empty() {
                out.push_str("<w:t xml:space=\"preserve\">");
                out.push_str(&xml_escape(part));
                out.push_str("</w:t>");
            }
        }
    }
    out.push_str("</w:r>");
}

/// Paragraph layout. `style` is a style id of styles.xml ("" = Normal: justified,
/// first-line indent, 6 pt after).
#[derive(Clone, Copy, Default)]
struct P {
    style: &'static str,
    keep_next: bool,
    /// Spacing before / after in twips, when not the style's.
    before: Option<u32>,
    after: Option<u32>,
}

fn ppr(p: P) -> String {
    let mut s = String::new();
    if !p.style.is_empty() {
        s.push_str(&format!("<w:pStyle w:val=\"{}\"/>", p.style));
    }
    if p.keep_next {
        s.push_str("<w:keepNext/>");
    }
    if p.before.is_some() || p.after.is_some() {
        s.push_str("<w:spacing");
        if let Some(b) = p.before {
            s.push_str(&format!(" w:before=\"{b}\""));
        }
        if let Some(a) = p.after {
            s.push_str(&format!(" w:after=\"{a}\""));
        }
        s.push_str("/>");
    }
    if s.is_empty() {
        s
    } else {
        format!("<w:pPr>{s}</w:pPr>")
    }
}

fn para(out: &mut String, p: P, r: R, text: &str) {
    out.push_str("<w:p>");
    out.push_str(&ppr(p));
    run(out, r, text);
    out.push_str("</w:p>");
}

/// Centred paragraph without indent or spacing (style "C").
const C: P = P {
    style: "C",
    keep_next: false,
    before: None,
    after: None,
};

/// A short centred rule `len` twips long in a column `width` twips wide: the top
/// border of an empty, 6 pt high paragraph indented from both sides, 3 pt below the text.
fn rule(out: &mut String, width: u32, len: u32) {
    let side = width.saturating_sub(len) / 2;
    out.push_str(&format!(
        "<w:p><w:pPr><w:pStyle w:val=\"C\"/><w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>\
         <w:spacing w:before=\"60\" w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/><w:ind w:left=\"{side}\" w:right=\"{side}\" w:firstLine=\"0\"/>\
         <w:rPr><w:sz w:val=\"4\"/><w:szCs w:val=\"4\"/></w:rPr></w:pPr></w:p>"
    ));
}

fn no_borders() -> &'static str {
    "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/>\
     <w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>"
}

fn all_borders() -> &'static str {
    "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
     <w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
     <w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
     <w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
     <w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
     <w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/></w:tblBorders>"
}

/// Open a table of fixed column widths (twips); `ind` is its indent from the margin.
fn table_open(out: &mut String, widths: &[u32], borders: &str, ind: i32, cell_margin: u32) {
    let total: u32 = widths.iter().sum();
    out.push_str(&format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:tblInd w:w=\"{ind}\" w:type=\"dxa\"/>{borders}\
         <w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"{cell_margin}\" w:type=\"dxa\"/>\
         <w:right w:w=\"{cell_margin}\" w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>"
    ));
    for w in widths {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid>");
}

fn cell_open(out: &mut String, width: u32, span: usize) {
    out.push_str(&format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"
    ));
    if span > 1 {
        out.push_str(&format!("<w:gridSpan w:val=\"{span}\"/>"));
    }
    out.push_str("</w:tcPr>");
}

/// A cell holding one paragraph per line of `text` (a cell must hold a paragraph).
fn text_cell(out: &mut String, width: u32, span: usize, style: &'static str, r: R, text: &str) {
    cell_open(out, width, span);
    let text = clean(text);
    for l in text.split('\n') {
        para(
            out,
            P {
                style,
                ..P::default()
            },
            r,
            l,
        );
    }
    out.push_str("</w:tc>");
}

struct Section {
    landscape: bool,
    first: bool,
}

fn sect_pr(s: &Section) -> String {
    let (w, h, orient) = if s.landscape {
        (A4_H, A4_W, " w:orient=\"landscape\"")
    } else {
        (A4_W, A4_H, "")
    };
    let mut x =
        String::from("<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>");
    if s.first {
        x.push_str("<w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/>");
    }
    x.push_str(&format!(
        "<w:type w:val=\"nextPage\"/><w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/>\
         <w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"{MARGIN_BOTTOM}\" w:left=\"{MARGIN_LEFT}\" \
         w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:cols w:space=\"720\"/>"
    ));
    if s.first {
        x.push_str("<w:titlePg/>");
    }
    x.push_str("</w:sectPr>");
    x
}

/// Text width of a section in twips.
fn text_width(landscape: bool) -> u32 {
    (if landscape { A4_H } else { A4_W }) - MARGIN_LEFT - MARGIN_RIGHT
}

fn look_run(look: Look) -> R {
    R {
        b: look.bold,
        i: look.italic,
        sz: look.size.unwrap_or(0),
    }
}

/// As [`look_run`] with the body size spelled out where it was left to the
/// style (the same size; the signature and appendix titles always wrote it).
fn sized_run(look: Look, size: u8) -> R {
    R {
        sz: look.size.unwrap_or(size),
        ..look_run(look)
    }
}

/// Rule length in twips.
fn rule_len(r: Rule) -> u32 {
    match r {
        Rule::UnderBody => 1300,
        Rule::UnderMotto => 3500,
        Rule::UnderNational => 4000,
        Rule::UnderSubject => 2000,
    }
}

fn pieces(out: &mut String, width: u32, pieces: &[Piece]) {
    for piece in pieces {
        match piece {
            Piece::Line(l) => para(out, C, look_run(l.look), &l.text),
            Piece::Rule(r) => rule(out, width, rule_len(*r)),
        }
    }
}

fn header_block(out: &mut String, h: &HeaderTable) {
    // The table reaches 0.5 cm into each side margin, as the ND30 samples do, so
    // the Quốc hiệu fits on one line.
    let (lw, rw) = (3828, 6094);
    table_open(out, &[lw, rw], no_borders(), -284, 0);
    out.push_str("<w:tr>");
    cell_open(out, lw, 1);
    pieces(out, lw, &h.left);
    out.push_str("</w:tc>");
    cell_open(out, rw, 1);
    pieces(out, rw, &h.right);
    out.push_str("</w:tc></w:tr><w:tr>");
    cell_open(out, lw, 1);
    para(
        out,
        P {
            before: Some(60),
            ..C
        },
        look_run(h.number.look),
        &h.number.text,
    );
    out.push_str("</w:tc>");
    cell_open(out, rw, 1);
    para(
        out,
        P {
            before: Some(60),
            ..C
        },
        look_run(h.date.look),
        &h.date.text,
    );
    out.push_str("</w:tc></w:tr></w:tbl>");
}

fn signature_block(out: &mut String, c: &Closing, size: u8) {
    let (lw, rw) = (4536, text_width(false) - 4536);
    table_open(out, &[lw, rw], no_borders(), 0, 0);
    out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
    cell_open(out, lw, 1);
    let left = P {
        style: "L",
        ..P::default()
    };
    para(
        out,
        P {
            before: Some(120),
            ..left
        },
        look_run(c.recipients_heading.look),
        &c.recipients_heading.text,
    );
    for r in &c.recipients {
        para(out, left, look_run(r.look), &r.text);
    }
    out.push_str("</w:tc>");
    cell_open(out, rw, 1);
    for (i, s) in c.authority.iter().enumerate() {
        para(
            out,
            P {
                before: (i == 0).then_some(120),
                ..C
            },
            sized_run(s.look, size),
            &s.text,
        );
    }
    if let Some(name) = &c.signer {
        // The space left for the signature.
        para(
            out,
            P {
                before: Some(1440),
                ..C
            },
            sized_run(name.look, size),
            &name.text,
        );
    }
    if c.authority.is_empty() && c.signer.is_none() {
        // A cell must hold a paragraph.
        para(out, C, R::default(), "");
    }
    out.push_str("</w:tc></w:tr></w:tbl>");
}

fn appendix_block(out: &mut String, a: &AppendixPage, size: u8) {
    para(
        out,
        P {
            keep_next: true,
            ..C
        },
        look_run(a.heading.look),
        &a.heading.text,
    );
    para(
        out,
        P {
            keep_next: true,
            ..C
        },
        sized_run(a.title.look, size),
        &a.title.text,
    );
    para(
        out,
        P {
            keep_next: true,
            after: Some(240),
            ..C
        },
        sized_run(a.attached.look, size),
        &a.attached.text,
    );
    if let Some(t) = &a.table {
        table_block(out, t, text_width(a.landscape));
    }
}

fn table_block(out: &mut String, t: &Table, width: u32) {
    let total: u32 = t.columns.iter().map(|c| c.weight).sum::<u32>().max(1);
    let mut widths: Vec<u32> = t.columns.iter().map(|c| width * c.weight / total).collect();
    let used: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += width - used;
    }
    table_open(out, &widths, all_borders(), 0, 85);
    // Header row, repeated on every page.
    out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    for (h, w) in t.header.iter().zip(&widths) {
        text_cell(out, *w, 1, "TC", look_run(t.header_look), h);
    }
    out.push_str("</w:tr>");
    let rest: u32 = widths.iter().skip(1).sum();
    for row in &t.rows {
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        match row {
            TableRow::Group { label, heading } => {
                let group = look_run(t.group_look);
                text_cell(out, widths[0], 1, "TC", group, label);
                if widths.len() > 1 {
                    text_cell(out, rest, widths.len() - 1, "T", group, heading);
                }
            }
            TableRow::Cells(cells) => {
                for ((c, w), col) in cells.iter().zip(&widths).zip(&t.columns) {
                    let style = if col.centred { "TC" } else { "T" };
                    text_cell(out, *w, 1, style, R::default(), c);
                }
            }
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

/// The type name and subject, centred, with the short rule under them.
fn title_block(out: &mut String, t: &super::layout::Title) {
    para(
        out,
        P {
            before: Some(360),
            keep_next: true,
            ..C
        },
        look_run(t.name.look),
        &t.name.text,
    );
    para(
        out,
        P {
            keep_next: true,
            ..C
        },
        look_run(t.subject.look),
        &t.subject.text,
    );
    rule(out, text_width(false), rule_len(t.rule));
    para(
        out,
        P {
            after: Some(0),
            ..C
        },
        R::default(),
        "",
    );
}

/// word/document.xml.
pub fn document_xml(doc: &Document) -> String {
    document_of(&layout(doc))
}

fn document_of(l: &Layout) -> String {
    let rows: usize = l
        .blocks
        .iter()
        .map(|b| {
            if let Block::Appendix(AppendixPage { table: Some(t), .. }) = b {
                t.rows.len()
            } else {
                0
            }
        })
        .sum();
    let mut out = String::with_capacity(4096 + rows * 1200);
    out.push_str(&format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>"));
    let mut section = Section {
        landscape: false,
        first: true,
    };
    for block in &l.blocks {
        match block {
            Block::Header(h) => header_block(&mut out, h),
            Block::Title(t) => title_block(&mut out, t),
            Block::Para(p) => para(
                &mut out,
                P {
                    keep_next: p.keep_with_next,
                    ..P::default()
                },
                look_run(p.look),
                &p.joined(),
            ),
            Block::Closing(c) => signature_block(&mut out, c, l.size),
            Block::Appendix(a) => {
                // Close the running section in an empty paragraph; the appendix starts a new one.
                out.push_str(&format!(
                    "<w:p><w:pPr><w:pStyle w:val=\"C\"/>{}</w:pPr></w:p>",
                    sect_pr(&section)
                ));
                section = Section {
                    landscape: a.landscape,
                    first: false,
                };
                appendix_block(&mut out, a, l.size);
            }
        }
    }
    out.push_str(&format!(
        "<w:p><w:pPr><w:pStyle w:val=\"C\"/></w:pPr></w:p>{}</w:body></w:document>",
        sect_pr(&section)
    ));
    out
}

/// The document as a .docx file.
pub fn to_docx(doc: &Document) -> Vec<u8> {
    render(&layout(doc))
}

/// A layout as a .docx file.
pub fn render(l: &Layout) -> Vec<u8> {
    let mut zip = ZipWriter::new();
    zip.add("[Content_Types].xml", CONTENT_TYPES.as_bytes());
    zip.add("_rels/.rels", PACKAGE_RELS.as_bytes());
    zip.add("docProps/core.xml", core_xml(l).as_bytes());
    zip.add("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes());
    zip.add("word/document.xml", document_of(l).as_bytes());
    zip.add("word/styles.xml", styles_of(l.size).as_bytes());
    zip.add("word/settings.xml", settings_xml().as_bytes());
    zip.add("word/header1.xml", header_xml(13).as_bytes());
    zip.add("word/header2.xml", first_header_xml().as_bytes());
    zip.finish()
}

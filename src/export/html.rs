//! HTML, a rendering of [`layout`](super::layout), for rich copy into Word /
//! LibreOffice (`to_html`, a fragment) and for the print preview
//! (`to_print_html`, a whole page with A4 `@page` rules).
//!
//! Word ignores classes on paste, so every look is an inline style: bold, italic,
//! centring, sizes in pt, a borderless two-column table for the header and
//! bordered tables for appendices. All text is escaped.

use super::layout::{
    layout, AppendixPage, Block, Closing, HeaderTable, Layout, Look, Piece, Rule, Table,
};
use super::*;

/// Text escaped for HTML content and attribute values; line breaks become `<br>`,
/// and runs of spaces keep their width (the blanks of a draft's "Số:      /KH-UBND").
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut after_space = false;
    for c in clean(s).chars() {
        let space = c == ' ';
        match c {
            ' ' if after_space => out.push_str("&nbsp;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
        after_space = space;
    }
    out
}

const P0: &str = "margin:0;text-indent:0";

fn p(out: &mut String, style: &str, text: &str) {
    out.push_str(&format!("<p style=\"{style}\">{}</p>\n", escape(text)));
}

/// The CSS of a look: size, weight, slant.
fn css(look: Look) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(sz) = look.size {
        parts.push(format!("font-size:{sz}pt"));
    }
    if look.bold {
        parts.push("font-weight:bold".into());
    }
    if look.italic {
        parts.push("font-style:italic".into());
    }
    parts.join(";")
}

/// Centred, no indent, `pre` (spacing) before the look's CSS.
fn centre(pre: &str, look: Look) -> String {
    let mut s = format!("{P0};text-align:center;{pre}");
    if !pre.is_empty() {
        s.push(';');
    }
    s.push_str(&css(look));
    s
}

/// A short centred rule, its width in % of its column.
fn rule(out: &mut String, r: Rule) {
    let width = match r {
        Rule::UnderBody => 35,
        Rule::UnderMotto => 58,
        Rule::UnderNational => 65,
        Rule::UnderSubject => 25,
    };
    out.push_str(&format!("<hr style=\"width:{width}%;margin:1pt auto 4pt auto;border:0;border-top:1px solid #000;height:0\">\n"));
}

fn td_open(out: &mut String, width: u8) {
    out.push_str(&format!("<td style=\"width:{width}%;vertical-align:top;text-align:center;border:none;padding:0\">\n"));
}

fn pieces(out: &mut String, pieces: &[Piece]) {
    for piece in pieces {
        match piece {
            Piece::Line(l) => p(out, &centre("", l.look), &l.text),
            Piece::Rule(r) => rule(out, *r),
        }
    }
}

fn header(out: &mut String, h: &HeaderTable) {
    out.push_str("<table style=\"width:100%;border-collapse:collapse;border:none\">\n<tr>");
    td_open(out, 40);
    pieces(out, &h.left);
    out.push_str("</td>");
    td_open(out, 60);
    pieces(out, &h.right);
    out.push_str("</td></tr>\n<tr>");
    td_open(out, 40);
    p(out, &centre("", h.number.look), &h.number.text);
    out.push_str("</td>");
    td_open(out, 60);
    p(out, &centre("", h.date.look), &h.date.text);
    out.push_str("</td></tr>\n</table>\n");
}

fn closing(out: &mut String, c: &Closing) {
    out.push_str(
        "<table style=\"width:100%;border-collapse:collapse;border:none;margin-top:6pt\">\n<tr>",
    );
    out.push_str("<td style=\"width:45%;vertical-align:top;border:none;padding:0\">\n");
    for l in std::iter::once(&c.recipients_heading).chain(&c.recipients) {
        p(out, &format!("{P0};{}", css(l.look)), &l.text);
    }
    out.push_str("</td>");
    td_open(out, 55);
    for s in &c.authority {
        p(out, &centre("", s.look), &s.text);
    }
    if let Some(name) = &c.signer {
        // The space left for the signature.
        p(out, &centre("margin-top:60pt", name.look), &name.text);
    }
    out.push_str("</td></tr>\n</table>\n");
}

/// A layout as an HTML fragment.
pub fn render(layout: &Layout) -> String {
    let size = layout.size;
    let mut out = format!("<div style=\"font-family:'Times New Roman',Times,serif;font-size:{size}pt;color:#000;line-height:1.2\">\n");
    let body = "margin:0 0 6pt 0;text-align:justify;text-indent:1.27cm";
    for block in &layout.blocks {
        match block {
            Block::Header(h) => header(&mut out, h),
            Block::Title(t) => {
                p(
                    &mut out,
                    &centre("margin-top:18pt", t.name.look),
                    &t.name.text,
                );
                p(&mut out, &centre("", t.subject.look), &t.subject.text);
                rule(&mut out, t.rule);
            }
            Block::Para(para) => {
                let look = css(para.look);
                let style = if look.is_empty() {
                    body.to_string()
                } else {
                    format!("{body};{look}")
                };
                p(&mut out, &style, &para.joined());
            }
            Block::Closing(c) => closing(&mut out, c),
            Block::Appendix(a) => appendix(&mut out, a),
        }
    }
    out.push_str("</div>\n");
    out
}

/// The document as an HTML fragment.
pub fn to_html(doc: &Document) -> String {
    render(&layout(doc))
}

fn appendix(out: &mut String, a: &AppendixPage) {
    let class = if a.landscape {
        " class=\"kh-landscape\""
    } else {
        ""
    };
    out.push_str(&format!(
        "<div{class} style=\"page-break-before:always;break-before:page\">\n"
    ));
    p(out, &centre("", a.heading.look), &a.heading.text);
    p(out, &centre("", a.title.look), &a.title.text);
    p(
        out,
        &format!("{};margin-bottom:6pt", centre("", a.attached.look)),
        &a.attached.text,
    );
    if let Some(t) = &a.table {
        table(out, t);
    }
    out.push_str("</div>\n");
}

fn table(out: &mut String, t: &Table) {
    let total: u32 = t.columns.iter().map(|c| c.weight).sum::<u32>().max(1);
    let cell = "border:1px solid #000;padding:2pt 4pt;vertical-align:top";
    out.push_str("<table border=\"1\" cellspacing=\"0\" style=\"width:100%;border-collapse:collapse;border:1px solid #000\">\n<thead><tr>");
    let header_look = css(t.header_look);
    for (h, c) in t.header.iter().zip(&t.columns) {
        let pct = c.weight * 100 / total;
        out.push_str(&format!(
            "<th style=\"{cell};width:{pct}%;text-align:center;{header_look}\">{}</th>",
            escape(h)
        ));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let ncols = t.columns.len();
    let group_look = css(t.group_look);
    for r in &t.rows {
        match r {
            TableRow::Group { label, heading } => {
                out.push_str(&format!(
                    "<tr><td style=\"{cell};text-align:center;{group_look}\">{}</td>",
                    escape(label)
                ));
                if ncols > 1 {
                    out.push_str(&format!(
                        "<td colspan=\"{}\" style=\"{cell};{group_look}\">{}</td>",
                        ncols - 1,
                        escape(heading)
                    ));
                }
                out.push_str("</tr>\n");
            }
            TableRow::Cells(cells) => {
                out.push_str("<tr>");
                for (c, col) in cells.iter().zip(&t.columns) {
                    let align = if col.centred { "center" } else { "left" };
                    out.push_str(&format!(
                        "<td style=\"{cell};text-align:{align}\">{}</td>",
                        escape(c)
                    ));
                }
                out.push_str("</tr>\n");
            }
        }
    }
    out.push_str("</tbody>\n</table>\n");
}

/// A whole page for printing or preview: A4 with the Nghị định 30 margins,
/// landscape pages for appendices that ask for them.
pub fn to_print_html(doc: &Document) -> String {
    let l = layout(doc);
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n\
         @page {{ size: A4; margin: 20mm 15mm 20mm 30mm; }}\n\
         @page wide {{ size: A4 landscape; }}\n\
         .kh-landscape {{ page: wide; }}\n\
         body {{ margin: 0; }}\n\
         thead {{ display: table-header-group; }}\n\
         tr {{ break-inside: avoid; }}\n\
         </style>\n</head>\n<body>\n{}</body>\n</html>\n",
        escape(&l.title().map(|t| t.name.text.replace('\n', " ")).unwrap_or_default()),
        render(&l)
    )
}

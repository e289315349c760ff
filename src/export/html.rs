//! HTML for rich copy into Word / LibreOffice (`to_html`, a fragment) and for the
//! print preview (`to_print_html`, a whole page with A4 `@page` rules).
//!
//! Word ignores classes on paste, so every look is an inline style: bold, italic,
//! centring, sizes in pt, a borderless two-column table for the header and
//! bordered tables for appendices. All text is escaped.

use super::*;
use crate::model::Profile;

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

/// A short centred rule (`width` in % of its column).
fn rule(out: &mut String, width: u8) {
    out.push_str(&format!("<hr style=\"width:{width}%;margin:1pt auto 4pt auto;border:0;border-top:1px solid #000;height:0\">\n"));
}

fn td_open(out: &mut String, width: u8) {
    out.push_str(&format!("<td style=\"width:{width}%;vertical-align:top;text-align:center;border:none;padding:0\">\n"));
}

/// The document as an HTML fragment.
pub fn to_html(doc: &Document) -> String {
    let size = body_size(doc);
    let mut out = format!("<div style=\"font-family:'Times New Roman',Times,serif;font-size:{size}pt;color:#000;line-height:1.2\">\n");
    let (national, motto) = national_lines(doc);
    let centre = |extra: &str| format!("{P0};text-align:center;{extra}");

    // Header table.
    out.push_str("<table style=\"width:100%;border-collapse:collapse;border:none\">\n<tr>");
    td_open(&mut out, 40);
    if let Some(pb) = parent_body(doc) {
        p(&mut out, &centre("font-size:13pt"), &pb);
    }
    p(&mut out, &centre("font-size:13pt;font-weight:bold"), &issuing_body(doc));
    if doc.profile == Profile::Party {
        p(&mut out, &centre("font-size:13pt"), "*");
    } else {
        rule(&mut out, 35);
    }
    out.push_str("</td>");
    td_open(&mut out, 60);
    match motto {
        Some(m) => {
            p(&mut out, &centre("font-size:13pt;font-weight:bold"), national);
            p(&mut out, &centre("font-size:14pt;font-weight:bold"), m);
            rule(&mut out, 58);
        }
        None => {
            p(&mut out, &centre("font-size:14pt;font-weight:bold"), national);
            rule(&mut out, 65);
        }
    }
    out.push_str("</td></tr>\n<tr>");
    td_open(&mut out, 40);
    p(&mut out, &centre("font-size:13pt"), &number_line(doc));
    out.push_str("</td>");
    td_open(&mut out, 60);
    p(&mut out, &centre("font-size:14pt;font-style:italic"), &date_line(doc));
    out.push_str("</td></tr>\n</table>\n");

    // Type name and subject.
    p(&mut out, &centre("margin-top:18pt;font-size:14pt;font-weight:bold"), &type_name(doc));
    p(&mut out, &centre("font-weight:bold"), &subject(doc));
    rule(&mut out, 25);

    // Opening and body.
    let body = "margin:0 0 6pt 0;text-align:justify;text-indent:1.27cm";
    for o in opening(doc) {
        p(&mut out, body, &o);
    }
    for l in body_lines(doc) {
        let style = match l.style {
            LineStyle::Heading { .. } => format!("{body};font-weight:bold"),
            _ => body.to_string(),
        };
        p(&mut out, &style, &l.joined());
    }

    // Nơi nhận beside the signature.
    out.push_str("<table style=\"width:100%;border-collapse:collapse;border:none;margin-top:6pt\">\n<tr>");
    out.push_str("<td style=\"width:45%;vertical-align:top;border:none;padding:0\">\n");
    p(&mut out, &format!("{P0};font-size:12pt;font-weight:bold;font-style:italic"), "Nơi nhận:");
    for r in recipient_lines(doc) {
        p(&mut out, &format!("{P0};font-size:11pt"), &r);
    }
    out.push_str("</td>");
    td_open(&mut out, 55);
    for s in sign_lines(doc) {
        p(&mut out, &centre("font-weight:bold"), &s);
    }
    let name = signer(doc);
    if !name.is_empty() {
        p(&mut out, &centre("margin-top:60pt;font-weight:bold"), &name);
    }
    out.push_str("</td></tr>\n</table>\n");

    for app in &doc.appendices {
        appendix(&mut out, doc, app);
    }
    out.push_str("</div>\n");
    out
}

fn appendix(out: &mut String, doc: &Document, app: &Appendix) {
    let class = if app.landscape { " class=\"kh-landscape\"" } else { "" };
    out.push_str(&format!("<div{class} style=\"page-break-before:always;break-before:page\">\n"));
    let centre = |extra: &str| format!("{P0};text-align:center;{extra}");
    p(out, &centre("font-size:14pt;font-weight:bold"), &appendix_heading(app));
    p(out, &centre("font-weight:bold"), &appendix_title(app));
    p(out, &centre("font-style:italic;margin-bottom:6pt"), &attached_line(doc, app));
    if !app.columns.is_empty() {
        let weights = column_weights(app);
        let total: u32 = weights.iter().sum::<u32>().max(1);
        let cell = "border:1px solid #000;padding:2pt 4pt;vertical-align:top";
        out.push_str("<table border=\"1\" cellspacing=\"0\" style=\"width:100%;border-collapse:collapse;border:1px solid #000\">\n<thead><tr>");
        for (h, w) in header_row(app).iter().zip(&weights) {
            let pct = w * 100 / total;
            out.push_str(&format!("<th style=\"{cell};width:{pct}%;text-align:center;font-weight:bold\">{}</th>", escape(h)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        let ncols = app.columns.len();
        for r in appendix_rows(doc, app) {
            match r {
                TableRow::Group { label, heading } => {
                    out.push_str(&format!("<tr><td style=\"{cell};text-align:center;font-weight:bold\">{}</td>", escape(&label)));
                    if ncols > 1 {
                        out.push_str(&format!("<td colspan=\"{}\" style=\"{cell};font-weight:bold\">{}</td>", ncols - 1, escape(&heading)));
                    }
                    out.push_str("</tr>\n");
                }
                TableRow::Cells(cells) => {
                    out.push_str("<tr>");
                    for (c, col) in cells.iter().zip(&app.columns) {
                        let align = if centred_column(col.kind) { "center" } else { "left" };
                        out.push_str(&format!("<td style=\"{cell};text-align:{align}\">{}</td>", escape(c)));
                    }
                    out.push_str("</tr>\n");
                }
            }
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</div>\n");
}

/// A whole page for printing or preview: A4 with the Nghị định 30 margins,
/// landscape pages for appendices that ask for them.
pub fn to_print_html(doc: &Document) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n\
         @page {{ size: A4; margin: 20mm 15mm 20mm 30mm; }}\n\
         @page wide {{ size: A4 landscape; }}\n\
         .kh-landscape {{ page: wide; }}\n\
         body {{ margin: 0; }}\n\
         thead {{ display: table-header-group; }}\n\
         tr {{ break-inside: avoid; }}\n\
         </style>\n</head>\n<body>\n{}</body>\n</html>\n",
        escape(&type_name(doc).replace('\n', " ")),
        to_html(doc)
    )
}

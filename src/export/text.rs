//! Plain text laid out as the document reads on paper, ready to paste into Word.
//!
//! Parts that stand side by side on paper (the header's two columns, "Nơi nhận"
//! beside the signature) and appendix tables are written as TAB-separated rows, so
//! Word's "Convert Text to Table" rebuilds them. Every line ends with "\n".

use super::*;
use crate::model::Profile;

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

/// The whole document as plain text.
pub fn to_text(doc: &Document) -> String {
    let mut out = String::new();
    // Header: bodies left, Quốc hiệu / Party line right; number and date below.
    let (national, motto) = national_lines(doc);
    let mut left: Vec<String> = parent_body(doc).into_iter().collect();
    left.extend(issuing_body(doc).split('\n').map(str::to_string));
    if doc.profile == Profile::Party {
        left.push("*".into());
    }
    let mut right = vec![national.to_string()];
    right.extend(motto.map(str::to_string));
    columns(&mut out, &left, &right);
    row(&mut out, &[number_line(doc), date_line(doc)]);
    out.push('\n');

    line(&mut out, &type_name(doc));
    for l in subject(doc).split('\n') {
        line(&mut out, l.trim());
    }
    out.push('\n');
    for p in opening(doc) {
        line(&mut out, &p);
    }
    for l in body_lines(doc) {
        line(&mut out, &l.joined());
    }
    out.push('\n');

    // "Nơi nhận" left, signature right.
    let mut left = vec!["Nơi nhận:".to_string()];
    left.extend(recipient_lines(doc));
    let mut right = sign_lines(doc);
    let name = signer(doc);
    if !name.is_empty() {
        right.extend(["", "", ""].map(String::from));
        right.push(name);
    }
    columns(&mut out, &left, &right);

    for app in &doc.appendices {
        out.push('\n');
        line(&mut out, &appendix_heading(app));
        for l in appendix_title(app).split('\n') {
            line(&mut out, l.trim());
        }
        line(&mut out, &cell(&attached_line(doc, app)));
        if app.columns.is_empty() {
            continue;
        }
        row(&mut out, &header_row(app));
        for r in appendix_rows(doc, app) {
            match r {
                TableRow::Group { label, heading } => row(&mut out, &[label, heading]),
                TableRow::Cells(cells) => row(&mut out, &cells),
            }
        }
    }
    out
}

//! Appendix rules (appendix.*): numbering of appendices, references from the
//! body, table shape and row numbers.

use super::{Applies, Context, Rule, Severity, Sink};
use crate::model::numbering::{node_path, parse_roman, roman};
use crate::model::{ColumnKind, Document, Node, Profile};

pub fn rules() -> Vec<Rule> {
    use Applies::*;
    use Severity::*;
    vec![
        Rule {
            id: "appendix.number.roman",
            severity: Error,
            applies: StateOnly,
            title_vi: "Từ hai phụ lục trở lên đánh số La Mã",
            title_en: "Two or more appendices are numbered in Roman numerals",
            check: number_roman,
        },
        Rule {
            id: "appendix.number.order",
            severity: Error,
            applies: Both,
            title_vi: "Phụ lục đánh số theo thứ tự I, II, III",
            title_en: "Appendices are numbered in order I, II, III",
            check: number_order,
        },
        Rule {
            id: "appendix.unreferenced",
            severity: Warning,
            applies: Both,
            title_vi: "Mỗi phụ lục được nhắc đến trong nội dung",
            title_en: "Every appendix is referred to in the content",
            check: unreferenced,
        },
        Rule {
            id: "appendix.reference_missing",
            severity: Error,
            applies: Both,
            title_vi: "Phụ lục được nhắc đến có thật",
            title_en: "Every appendix referred to exists",
            check: reference_missing,
        },
        Rule {
            id: "appendix.row_cells",
            severity: Error,
            applies: Both,
            title_vi: "Mỗi hàng có đúng một ô cho mỗi cột",
            title_en: "Each row has one cell per column",
            check: row_cells,
        },
        Rule {
            id: "appendix.index_cell",
            severity: Warning,
            applies: Both,
            title_vi: "Ô cột STT tự đánh số để trống",
            title_en: "Cells of an automatic STT column stay empty",
            check: index_cell,
        },
        Rule {
            id: "appendix.row_number",
            severity: Warning,
            applies: Both,
            title_vi: "STT gõ tay liên tục 1, 2, 3",
            title_en: "Hand-typed row numbers run 1, 2, 3",
            check: row_number,
        },
    ]
}

/// Value of an appendix number as printed: "II" → 2, "2" → 2, "02" → 2.
fn value(n: &str) -> Option<usize> {
    let n = n.trim();
    parse_roman(n).or_else(|| n.parse().ok().filter(|v| *v > 0))
}

fn number_roman(doc: &Document, _: &Context, s: &mut Sink) {
    if doc.appendices.len() < 2 {
        return;
    }
    for (i, a) in doc.appendices.iter().enumerate() {
        if parse_roman(a.number.trim()).is_some() {
            continue;
        }
        let vi = format!("Văn bản có từ hai phụ lục trở lên thì đánh số La Mã (I, II, III); phụ lục này ghi \"{}\".", a.number);
        let en = format!("With two or more appendices, number them in Roman numerals (I, II, III); this one is \"{}\".", a.number);
        match value(&a.number) {
            Some(v) => s.report_fix(format!("appendices[{i}].number"), vi, en, roman(v)),
            None => s.report(format!("appendices[{i}].number"), vi, en),
        }
    }
}

fn number_order(doc: &Document, _: &Context, s: &mut Sink) {
    if doc.appendices.len() == 1 && doc.appendices[0].number.trim().is_empty() {
        return;
    }
    for (i, a) in doc.appendices.iter().enumerate() {
        let want = i + 1;
        if value(&a.number) == Some(want) {
            continue;
        }
        let shown = if parse_roman(a.number.trim()).is_some() || doc.profile == Profile::State {
            roman(want)
        } else {
            want.to_string()
        };
        s.report(
            format!("appendices[{i}].number"),
            format!(
                "Phụ lục thứ {want} phải đánh số \"{shown}\", đang ghi \"{}\".",
                a.number
            ),
            format!(
                "Appendix {want} should be numbered \"{shown}\", found \"{}\".",
                a.number
            ),
        );
    }
}

/// A reference to an appendix in running text: its value (None for an unnumbered
/// "Phụ lục") and the text as written.
fn references(text: &str, out: &mut Vec<(Option<usize>, String)>) {
    for end in phu_luc_words(text) {
        {
            let mut rest = text[end..].trim_start_matches(' ');
            rest = rest.strip_prefix("số ").unwrap_or(rest);
            let mut found = false;
            loop {
                let tok_len = rest
                    .bytes()
                    .take_while(|b| b"IVXLC0123456789".contains(b))
                    .count();
                let next = rest[tok_len..].chars().next();
                if tok_len == 0 || next.is_some_and(char::is_alphanumeric) {
                    break;
                }
                let tok = &rest[..tok_len];
                if let Some(v) = value(tok) {
                    out.push((Some(v), format!("Phụ lục {tok}")));
                    found = true;
                }
                rest = &rest[tok_len..];
                // "Phụ lục I, II và III", "Phụ lục I - II"
                let joined = [", ", " và ", " - ", ",", " – "]
                    .into_iter()
                    .find_map(|j| rest.strip_prefix(j));
                match joined {
                    Some(r) => rest = r,
                    None => break,
                }
            }
            if !found {
                out.push((None, "Phụ lục".into()));
            }
        }
    }
}

/// Where the words "phụ lục" stand in `text`, in any case ("Phụ Lục" with
/// wrong capitals still refers to an appendix): the byte offset after them.
fn phu_luc_words(text: &str) -> impl Iterator<Item = usize> + '_ {
    const WORDS: &str = "phụ lục";
    // Only a "p" before an "h" can start the words: looked for in pairs of
    // bytes (a byte under 128 always starts a character), this was a fifth
    // of checking the largest plan as a walk over its chars, and a sixth as
    // a search for "p" by char.
    text.as_bytes()
        .windows(2)
        .enumerate()
        .filter(|(_, w)| w[0] | 0x20 == b'p' && w[1] | 0x20 == b'h')
        .filter_map(move |(i, _)| {
            let mut end = i;
            let mut want = WORDS.chars();
            for c in text[i..].chars() {
                let Some(w) = want.next() else { break };
                if !crate::text::lower_char(c).eq(std::iter::once(w)) {
                    return None;
                }
                end += c.len_utf8();
            }
            want.next().is_none().then_some(end)
        })
}

/// A reference to an appendix: the path of the text, the appendix's value
/// (None for an unnumbered "Phụ lục") and the words as written.
pub(super) type Reference = (String, Option<usize>, String);

/// References in the opening and body texts, found once per check for both
/// rules that read them.
fn body_references<'a>(doc: &Document, s: &Sink<'a>) -> &'a [Reference] {
    s.shared()
        .appendix_refs
        .get_or_init(|| find_body_references(doc))
}

fn find_body_references(doc: &Document) -> Vec<Reference> {
    let mut out = Vec::new();
    let mut refs = Vec::new();
    for (i, p) in doc.opening.iter().enumerate() {
        references(p, &mut refs);
        out.extend(refs.drain(..).map(|(v, t)| (format!("opening[{i}]"), v, t)));
    }
    fn go(
        nodes: &[Node],
        path: &mut Vec<usize>,
        refs: &mut Vec<(Option<usize>, String)>,
        out: &mut Vec<Reference>,
    ) {
        for (i, n) in nodes.iter().enumerate() {
            path.push(i);
            references(&n.text, refs);
            if !refs.is_empty() {
                let p = format!("{}.text", node_path(path));
                out.extend(refs.drain(..).map(|(v, t)| (p.clone(), v, t)));
            }
            go(&n.children, path, refs, out);
            path.pop();
        }
    }
    go(&doc.body, &mut Vec::new(), &mut refs, &mut out);
    out
}

fn unreferenced(doc: &Document, _: &Context, s: &mut Sink) {
    if doc.appendices.is_empty() {
        return;
    }
    let refs = body_references(doc, s);
    let single = doc.appendices.len() == 1;
    for (i, a) in doc.appendices.iter().enumerate() {
        let v = value(&a.number);
        let cited = refs.iter().any(|(_, r, _)| match r {
            Some(r) => Some(*r) == v || (*r == 1 && sole_unnumbered(doc)),
            None => single,
        });
        if !cited {
            let label = format!("Phụ lục {}", a.number).trim_end().to_string();
            s.report(
                format!("appendices[{i}]"),
                format!("{label} không được nhắc đến trong nội dung (ví dụ \"(Có {label} chi tiết kèm theo)\")."),
                format!("{label} is never referred to in the content (e.g. \"(Có {label} chi tiết kèm theo)\")."),
            );
        }
    }
}

/// The document has one appendix and it carries no number.
fn sole_unnumbered(doc: &Document) -> bool {
    doc.appendices.len() == 1 && value(&doc.appendices[0].number).is_none()
}

fn reference_missing(doc: &Document, _: &Context, s: &mut Sink) {
    let have: Vec<Option<usize>> = doc.appendices.iter().map(|a| value(&a.number)).collect();
    for (path, r, written) in body_references(doc, s) {
        let ok = match *r {
            // A sole unnumbered appendix is the first: "Phụ lục I" names it, "Phụ lục II" nothing.
            Some(v) => have.contains(&Some(v)) || (v == 1 && sole_unnumbered(doc)),
            None => !doc.appendices.is_empty(),
        };
        if !ok {
            s.report(
                path,
                format!("Nội dung nhắc đến \"{written}\" nhưng văn bản không có phụ lục này."),
                format!(
                    "The content refers to \"{written}\", but the document has no such appendix."
                ),
            );
        }
    }
}

fn row_cells(doc: &Document, _: &Context, s: &mut Sink) {
    for (ai, a) in doc.appendices.iter().enumerate() {
        let want = a.columns.len();
        for (gi, g) in a.groups.iter().enumerate() {
            for (ri, r) in g.rows.iter().enumerate() {
                if r.cells.len() != want {
                    s.report(
                        format!("appendices[{ai}].groups[{gi}].rows[{ri}].cells"),
                        format!("Hàng có {} ô, bảng có {want} cột.", r.cells.len()),
                        format!(
                            "The row has {} cells; the table has {want} columns.",
                            r.cells.len()
                        ),
                    );
                }
            }
        }
    }
}

fn index_cell(doc: &Document, _: &Context, s: &mut Sink) {
    for (ai, a) in doc.appendices.iter().enumerate() {
        let Some(ci) = a.columns.iter().position(|c| c.kind == ColumnKind::Index) else {
            continue;
        };
        for (gi, g) in a.groups.iter().enumerate() {
            for (ri, r) in g.rows.iter().enumerate() {
                let Some(c) = r.cells.get(ci).filter(|c| !c.text.is_empty()) else {
                    continue;
                };
                s.report_fix(
                    format!("appendices[{ai}].groups[{gi}].rows[{ri}].cells[{ci}].text"),
                    format!(
                        "Cột STT tự đánh số; ô này ghi tay \"{}\" sẽ bị bỏ qua.",
                        c.text
                    ),
                    format!(
                        "The STT column is numbered automatically; the typed \"{}\" is ignored.",
                        c.text
                    ),
                    "",
                );
            }
        }
    }
}

use crate::model::paste::is_stt_title;

fn row_number(doc: &Document, _: &Context, s: &mut Sink) {
    for (ai, a) in doc.appendices.iter().enumerate() {
        let typed = a
            .columns
            .iter()
            .position(|c| c.kind != ColumnKind::Index && is_stt_title(&c.title));
        let Some(ci) = typed else { continue };
        for (gi, (g, numbers)) in a
            .groups
            .iter()
            .zip(crate::model::edit::row_numbers(a))
            .enumerate()
        {
            for (ri, (r, want)) in g.rows.iter().zip(numbers).enumerate() {
                let Some(c) = r.cells.get(ci) else { continue };
                let t = c.text.trim().trim_end_matches('.');
                if t.parse::<usize>().ok() == Some(want) {
                    continue;
                }
                s.report_fix(
                    format!("appendices[{ai}].groups[{gi}].rows[{ri}].cells[{ci}].text"),
                    format!("Số thứ tự phải là {want}, đang ghi \"{}\" (nên đổi cột thành cột STT tự đánh số).", c.text),
                    format!("The row number should be {want}, found \"{}\" (consider an automatic STT column).", c.text),
                    want.to_string(),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::model::{Appendix, Cell};

    fn two() -> Document {
        let mut d = base();
        let mut b = d.appendices[0].clone();
        b.number = "II".into();
        d.appendices.push(b);
        d.body[1].children[1].children[0].text = "(Có Phụ lục I và II chi tiết kèm theo)".into();
        d
    }

    #[test]
    fn base_plan_is_clean() {
        assert_quiet(&base(), "appendix.");
        assert_quiet(&two(), "appendix.");
        assert_quiet(&party(), "appendix.");
    }

    #[test]
    fn numbering() {
        let mut d = two();
        d.appendices[1].number = "2".into();
        assert_eq!(
            fixes(&d, "appendix.number.roman"),
            [("appendices[1].number".into(), "II".into())]
        );
        assert!(paths(&d, "appendix.number.order").is_empty());
        d.appendices[1].number = "III".into();
        assert_eq!(paths(&d, "appendix.number.order"), ["appendices[1].number"]);
        let mut p = party();
        p.appendices.push(p.appendices[0].clone());
        p.appendices[0].number = "1".into();
        p.appendices[1].number = "2".into();
        p.body[1].children[1].children[0].text = "(Có Phụ lục 1, 2 kèm theo)".into();
        assert_quiet(&p, "appendix.");
    }

    #[test]
    fn references_resolve_both_ways() {
        let mut d = two();
        d.body[1].children[1].children[0].text = "(Có Phụ lục I chi tiết kèm theo)".into();
        assert_eq!(paths(&d, "appendix.unreferenced"), ["appendices[1]"]);
        d.opening[0].push_str(" (Phụ lục III)");
        assert_eq!(paths(&d, "appendix.reference_missing"), ["opening[0]"]);
        let mut one = base();
        one.body[1].children[1].children[0].text = "(Có Phụ lục chi tiết kèm theo)".into();
        assert_quiet(&one, "appendix.");
        one.appendices.clear();
        assert_eq!(
            paths(&one, "appendix.reference_missing"),
            ["body[1].children[1].children[0].text"]
        );
        let mut none = base();
        none.body[1].children[1].children[0].text = "Chi tiết kèm theo".into();
        assert_eq!(paths(&none, "appendix.unreferenced"), ["appendices[0]"]);
    }

    #[test]
    fn a_sole_unnumbered_appendix_is_phu_luc_i_and_no_other() {
        let mut one = base();
        one.appendices[0].number = String::new();
        let at = "body[1].children[1].children[0].text";
        one.body[1].children[1].children[0].text = "(Có Phụ lục I chi tiết kèm theo)".into();
        assert_quiet(&one, "appendix.");
        // Wrong capitals are another rule's: the reference still refers.
        for written in ["(Có Phụ Lục chi tiết kèm theo)", "(Có PHỤ LỤC I kèm theo)"] {
            one.body[1].children[1].children[0].text = written.into();
            assert_quiet(&one, "appendix.");
        }
        one.body[1].children[1].children[0].text = "(Có Phụ Lục II kèm theo)".into();
        assert_eq!(paths(&one, "appendix.reference_missing"), [at]);
        // "Phụ lục II" names no appendix, and then the one there is never referred to:
        // both rules say so, neither accepts what the other reports.
        one.body[1].children[1].children[0].text = "(Có Phụ lục II chi tiết kèm theo)".into();
        assert_eq!(paths(&one, "appendix.reference_missing"), [at]);
        assert_eq!(paths(&one, "appendix.unreferenced"), ["appendices[0]"]);
    }

    #[test]
    fn table_shape() {
        let mut d = base();
        d.appendices[0].groups[0].rows[1].cells.pop();
        assert_eq!(
            paths(&d, "appendix.row_cells"),
            ["appendices[0].groups[0].rows[1].cells"]
        );
        let mut d = base();
        d.appendices[0].groups[0].rows[2].cells[0].text = "3".into();
        assert_eq!(
            fixes(&d, "appendix.index_cell"),
            [(
                "appendices[0].groups[0].rows[2].cells[0].text".into(),
                "".into()
            )]
        );
    }

    #[test]
    fn typed_row_numbers() {
        let mut d = base();
        let a: &mut Appendix = &mut d.appendices[0];
        a.columns[0].kind = ColumnKind::Text;
        for (i, r) in a.groups[0].rows.iter_mut().enumerate() {
            r.cells[0] = Cell {
                text: (i + 1).to_string(),
                ..Cell::default()
            };
        }
        assert_quiet(&d, "appendix.");
        d.appendices[0].groups[0].rows[2].cells[0].text = "4".into();
        assert_eq!(
            fixes(&d, "appendix.row_number"),
            [(
                "appendices[0].groups[0].rows[2].cells[0].text".into(),
                "3".into()
            )]
        );
    }
}

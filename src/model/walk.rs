//! Visit every text field of a document with its JSON path, so text rules and
//! citation checks see everything a person typed, and each finding points at
//! the exact field.

use super::numbering::node_path;
use super::{Document, Node};

/// Calls `f(path, text)` for every non-empty text field, in reading order.
pub fn for_each_text(doc: &Document, f: &mut dyn FnMut(&str, &str)) {
    for_each_text_lazy(doc, &mut |path, text| f(&path(), text));
}

/// Like `for_each_text`, but the path is built only when asked for (`path()`):
/// a rule that reports on few fields does not pay for formatting every path.
pub fn for_each_text_lazy(doc: &Document, f: &mut dyn FnMut(&dyn Fn() -> String, &str)) {
    let mut emit = |path: &dyn Fn() -> String, text: &str| {
        if !text.is_empty() {
            f(path, text)
        }
    };
    let h = &doc.header;
    if let Some(p) = &h.parent_body {
        emit(&|| "header.parent_body".into(), p);
    }
    emit(&|| "header.issuing_body".into(), &h.issuing_body);
    emit(&|| "header.place".into(), &h.place);
    if let Some(t) = &h.title {
        emit(&|| "header.title".into(), t);
    }
    emit(&|| "header.subject".into(), &h.subject);
    for (i, p) in doc.opening.iter().enumerate() {
        emit(&|| format!("opening[{i}]"), p);
    }
    type Emit<'e> = dyn FnMut(&dyn Fn() -> String, &str) + 'e;
    fn nodes(list: &[Node], path: &mut Vec<usize>, emit: &mut Emit) {
        for (i, n) in list.iter().enumerate() {
            path.push(i);
            let p: &[usize] = path;
            emit(&|| format!("{}.text", node_path(p)), &n.text);
            if let Some(t) = &n.task {
                if let Some(form) = &t.form {
                    emit(&|| format!("{}.task.form", node_path(p)), form);
                }
                if let Some(super::Timeframe::Text(tf)) = &t.timeframe {
                    emit(&|| format!("{}.task.timeframe.text", node_path(p)), tf);
                }
                if let Some(out) = &t.output {
                    emit(&|| format!("{}.task.output", node_path(p)), out);
                }
            }
            nodes(&n.children, path, emit);
            path.pop();
        }
    }
    nodes(&doc.body, &mut Vec::new(), &mut emit);
    for (i, a) in doc.agencies.iter().enumerate() {
        emit(&|| format!("agencies[{i}].name"), &a.name);
    }
    for (ai, a) in doc.appendices.iter().enumerate() {
        emit(&|| format!("appendices[{ai}].title"), &a.title);
        if let Some(n) = &a.attached_note {
            emit(&|| format!("appendices[{ai}].attached_note"), n);
        }
        for (ci, c) in a.columns.iter().enumerate() {
            emit(
                &|| format!("appendices[{ai}].columns[{ci}].title"),
                &c.title,
            );
        }
        for (gi, g) in a.groups.iter().enumerate() {
            emit(
                &|| format!("appendices[{ai}].groups[{gi}].heading"),
                &g.heading,
            );
            for (ri, r) in g.rows.iter().enumerate() {
                for (ci, c) in r.cells.iter().enumerate() {
                    emit(
                        &|| format!("appendices[{ai}].groups[{gi}].rows[{ri}].cells[{ci}].text"),
                        &c.text,
                    );
                    if let Some(super::Timeframe::Text(tf)) = &c.timeframe {
                        emit(
                            &|| {
                                format!("appendices[{ai}].groups[{gi}].rows[{ri}].cells[{ci}].timeframe.text")
                            },
                            tf,
                        );
                    }
                }
            }
        }
    }
    for (i, r) in doc.recipients.items.iter().enumerate() {
        emit(&|| format!("recipients.items[{i}]"), r);
    }
    if let Some(a) = &doc.recipients.archive {
        emit(&|| "recipients.archive".into(), a);
    }
    for (i, l) in doc.signature.lines.iter().enumerate() {
        emit(&|| format!("signature.lines[{i}].text"), &l.text);
    }
    emit(&|| "signature.name".into(), &doc.signature.name);
    if let Some(p) = &doc.parent {
        emit(&|| "parent.issuing_body".into(), &p.issuing_body);
    }
}

/// The appendix row a JSON path points into:
/// "appendices[0].groups[2].rows[7].cells[1].text" → (0, 2, 7).
pub fn appendix_row(path: &str) -> Option<(usize, usize, usize)> {
    let rest = path.strip_prefix("appendices[")?;
    if !rest.contains("].rows[") {
        return None;
    }
    let mut nums = rest
        .split(['[', ']', '.'])
        .filter_map(|s| s.parse::<usize>().ok());
    Some((nums.next()?, nums.next()?, nums.next()?))
}

/// Replace the string at a JSON path (as produced by `for_each_text` and the
/// rules) with `value`. Generic over the model through its JSON form, so every
/// fixable finding applies the same way in the editor and in `kehoach check --fix`.
pub fn set_text(doc: &Document, path: &str, value: &str) -> Result<Document, String> {
    let mut root = super::json::to_value(doc);
    let mut cur = &mut root;
    for seg in parse_path(path)? {
        cur = match seg {
            Seg::Key(k) => cur.get_mut(k.as_str()),
            Seg::Index(i) => cur.get_mut(i),
        }
        .ok_or_else(|| format!("no field at {path}"))?;
    }
    if !cur.is_string() {
        return Err(format!("{path} is not a text field"));
    }
    *cur = serde_json::Value::String(value.to_string());
    super::json::deserialize(root).map_err(|(_, e)| e.to_string())
}

enum Seg {
    Key(String),
    Index(usize),
}

fn parse_path(path: &str) -> Result<Vec<Seg>, String> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Seg::Key(key.to_string()));
        }
        while let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').ok_or_else(|| format!("bad path {path}"))?;
            out.push(Seg::Index(
                r[..end].parse().map_err(|_| format!("bad path {path}"))?,
            ));
            rest = &r[end + 1..];
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::appendix_row;

    #[test]
    fn appendix_row_of_a_path() {
        assert_eq!(
            appendix_row("appendices[0].groups[2].rows[7].cells[1].text"),
            Some((0, 2, 7))
        );
        assert_eq!(
            appendix_row("appendices[1].groups[0].rows[12]"),
            Some((1, 0, 12))
        );
        assert_eq!(appendix_row("appendices[0].groups[2].heading"), None);
        assert_eq!(appendix_row("appendices[0].columns[1].title"), None);
        assert_eq!(appendix_row("body[0].text"), None);
    }

    use super::*;
    use crate::model::{DocKind, NodeKind, Profile};

    #[test]
    fn paths_reach_nested_text_and_can_be_set() {
        let mut doc = Document::new(DocKind::Plan, Profile::State);
        doc.body.push(Node {
            kind: NodeKind::Heading,
            text: "MỤC ĐÍCH".into(),
            children: vec![Node {
                kind: NodeKind::Item,
                text: "Một  hai".into(),
                ..Node::default()
            }],
            ..Node::default()
        });
        let mut seen = vec![];
        for_each_text(&doc, &mut |p, t| seen.push((p.to_string(), t.to_string())));
        assert!(seen.contains(&("body[0].children[0].text".into(), "Một  hai".into())));
        let fixed = set_text(&doc, "body[0].children[0].text", "Một hai").unwrap();
        assert_eq!(fixed.body[0].children[0].text, "Một hai");
        assert!(set_text(&doc, "body[3].text", "x").is_err());
        assert!(set_text(&doc, "body[0].children", "x").is_err());
    }
}

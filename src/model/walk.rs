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
    header_texts(doc, &mut emit);
    node_texts(&doc.body, &mut Vec::new(), &mut emit);
    for (i, a) in doc.agencies.iter().enumerate() {
        emit(&|| format!("agencies[{i}].name"), &a.name);
    }
    appendix_texts(doc, &mut emit);
    closing_texts(doc, &mut emit);
}

/// What `for_each_text_lazy` calls with a lazily built path and a text.
type Emit<'e> = dyn FnMut(&dyn Fn() -> String, &str) + 'e;

/// The header's fields and the opening paragraphs.
fn header_texts(doc: &Document, emit: &mut Emit) {
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
}

/// Each body node's text and its task's written fields, depth first.
fn node_texts(list: &[Node], path: &mut Vec<usize>, emit: &mut Emit) {
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
            if let Some(written) = &t.timeframe_text {
                emit(&|| format!("{}.task.timeframe_text", node_path(p)), written);
            }
            if let Some(out) = &t.output {
                emit(&|| format!("{}.task.output", node_path(p)), out);
            }
        }
        node_texts(&n.children, path, emit);
        path.pop();
    }
}

/// Each appendix's title, note, column titles, group headings and cells.
fn appendix_texts(doc: &Document, emit: &mut Emit) {
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
}

/// Nơi nhận, the signature block and the parent plan's issuing body.
fn closing_texts(doc: &Document, emit: &mut Emit) {
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

/// Apply many text edits in one pass over the document: each `(path, value)`
/// in order sets the text field at `path`, at most one edit per path (the
/// first that changes the field); an edit whose path holds no text, or that
/// leaves the field as it is, is skipped. Returns the paths changed, in order.
///
/// Linear in the size of the document plus the edits: fields the model walker
/// knows (`text_at`) are set in place; edits of other paths go together
/// through one JSON round trip (one at a time, as `set_text`, if that round
/// trip makes the document unreadable).
pub fn set_texts<'e>(doc: &mut Document, edits: &[(&'e str, &'e str)]) -> Vec<&'e str> {
    use super::text_at::{text_at, At};
    let mut done: rustc_hash::FxHashSet<&str> = Default::default();
    let mut changed = Vec::new();
    let mut generic = Vec::new();
    for &(path, value) in edits {
        if done.contains(path) {
            continue;
        }
        match text_at(doc, path) {
            At::Text(t) if t != value => {
                value.clone_into(t);
                done.insert(path);
                changed.push(path);
            }
            At::Text(_) | At::NotText => {}
            At::Unknown => generic.push((path, value)),
        }
    }
    if !generic.is_empty() {
        changed.extend(set_texts_generic(doc, &generic));
    }
    changed
}

/// `set_texts` through the JSON form, for paths `text_at` does not know.
fn set_texts_generic<'e>(doc: &mut Document, edits: &[(&'e str, &'e str)]) -> Vec<&'e str> {
    let mut root = super::json::to_value(doc);
    let mut changed: Vec<&str> = Vec::new();
    for &(path, value) in edits {
        if changed.contains(&path) {
            continue;
        }
        if let Ok(Some(serde_json::Value::String(t))) = value_at(&mut root, path) {
            if t != value {
                value.clone_into(t);
                changed.push(path);
            }
        }
    }
    if changed.is_empty() {
        return changed;
    }
    if let Ok(next) = super::json::deserialize(root) {
        *doc = next;
        return changed;
    }
    // One of the edits made the document unreadable: apply them one by one,
    // skipping those that fail, as `set_text` does.
    let mut changed = Vec::new();
    for &(path, value) in edits {
        if changed.contains(&path) {
            continue;
        }
        if let Ok(next) = set_text(doc, path, value) {
            if next != *doc {
                *doc = next;
                changed.push(path);
            }
        }
    }
    changed
}

/// The JSON value at `path`, `Ok(None)` when there is none.
fn value_at<'v>(
    root: &'v mut serde_json::Value,
    path: &str,
) -> Result<Option<&'v mut serde_json::Value>, String> {
    let mut cur = root;
    for seg in parse_path(path)? {
        let next = match seg {
            Seg::Key(k) => cur.get_mut(k.as_str()),
            Seg::Index(i) => cur.get_mut(i),
        };
        match next {
            Some(v) => cur = v,
            None => return Ok(None),
        }
    }
    Ok(Some(cur))
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

#[cfg(test)]
mod set_texts_tests {
    use super::*;
    use serde_json::Value;

    /// Every string of the JSON form with its path, as the rules write paths.
    fn string_paths(v: &Value, path: &str, out: &mut Vec<String>) {
        match v {
            Value::String(_) => out.push(path.to_string()),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    string_paths(item, &format!("{path}[{i}]"), out);
                }
            }
            Value::Object(map) => {
                for (k, item) in map {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    string_paths(item, &p, out);
                }
            }
            _ => {}
        }
    }

    fn documents() -> Vec<Document> {
        let mut plan = crate::model::sample::generated_plan(3);
        let cell = &mut plan.appendices[0].groups[0].rows[0].cells[4];
        cell.timeframe = Some(crate::model::Timeframe::Text("Trong tháng".into()));
        let fixtures = [
            include_str!("../../tests/fixtures/000_kh347_thanh_pho.json"),
            include_str!("../../tests/fixtures/003_kh34_xa_nghi_duong.json"),
        ];
        let mut docs: Vec<Document> = fixtures
            .iter()
            .map(|t| crate::model::json::from_json(t).unwrap())
            .collect();
        docs.push(plan);
        docs
    }

    #[test]
    fn each_string_path_is_set_as_set_text_sets_it() {
        let mut known = 0;
        for doc in documents() {
            let mut paths = vec![];
            string_paths(&crate::model::json::to_value(&doc), "", &mut paths);
            paths.extend(
                ["body[999].text", "opening[99]", "header.nothing", "body[0]"].map(String::from),
            );
            for path in &paths {
                let value = "Đã sửa";
                let want = set_text(&doc, path, value).ok().filter(|d| *d != doc);
                let mut got = doc.clone();
                let changed = set_texts(&mut got, &[(path, value)]);
                assert_eq!(changed.len(), usize::from(want.is_some()), "{path}");
                assert_eq!(got, want.unwrap_or_else(|| doc.clone()), "{path}");
                let mut probe = doc.clone();
                if matches!(
                    super::super::text_at::text_at(&mut probe, path),
                    super::super::text_at::At::Text(_)
                ) {
                    known += 1;
                }
            }
        }
        assert!(known > 100, "{known} paths set in place");
    }

    #[test]
    fn first_change_per_path_wins_and_no_op_edits_do_not_count() {
        let doc = crate::model::sample::generated_plan(3);
        let mut got = doc.clone();
        let same = doc.header.subject.clone();
        let changed = set_texts(
            &mut got,
            &[
                ("header.subject", &same),
                ("header.subject", "Một"),
                ("header.subject", "Hai"),
                ("body[7].text", "x"),
                ("header.date", "không phải ngày"),
                ("recipients.items[1]", "Sở Tư pháp"),
                ("format", "kehoach"),
            ],
        );
        assert_eq!(changed, ["header.subject", "recipients.items[1]"]);
        assert_eq!(got.header.subject, "Một");
        assert_eq!(got.recipients.items[1], "Sở Tư pháp");
        assert_eq!(got.header.date, doc.header.date);
    }
}

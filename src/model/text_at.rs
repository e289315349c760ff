//! The text field at a JSON path, reached in place (`&mut String`), for
//! applying many fixes in one pass (`walk::set_texts`). Knows the paths of the
//! text fields people type (those of `walk::for_each_text` and the header,
//! appendix and parent numbers); any other path is `Unknown`, and the caller
//! goes through the generic JSON route for it.

use super::{Appendix, Cell, Document, Header, Node, Signature, Task, Timeframe};

/// What a path holds.
pub enum At<'a> {
    /// A text field.
    Text(&'a mut String),
    /// Nothing, or something that is not text (an index past the end, an
    /// optional field that is empty, a timeframe that is not free text).
    NotText,
    /// A path of the model this module does not walk: use `walk::set_text`.
    Unknown,
}

/// One step of a path: a field name and the indices after it ("rows[3]").
struct Step<'p> {
    key: &'p str,
    index: Option<usize>,
}

/// "a.b[1].c" → a, b[1], c; `None` for a path this module does not read
/// (two indices in a row, a bad index).
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    path.split('.')
        .map(|part| match part.find('[') {
            None => Some(Step {
                key: part,
                index: None,
            }),
            Some(i) => {
                let inner = part[i + 1..].strip_suffix(']')?;
                Some(Step {
                    key: &part[..i],
                    index: Some(inner.parse().ok()?),
                })
            }
        })
        .collect()
}

/// The text field of `doc` at `path`.
pub fn text_at<'a>(doc: &'a mut Document, path: &str) -> At<'a> {
    let Some(steps) = steps(path) else {
        return At::Unknown;
    };
    let [first, rest @ ..] = steps.as_slice() else {
        return At::Unknown;
    };
    match (first.key, first.index) {
        ("header", None) => header(&mut doc.header, rest),
        ("opening", Some(i)) if rest.is_empty() => item(&mut doc.opening, i),
        ("body", Some(i)) => doc.body.get_mut(i).map_or(At::NotText, |n| node(n, rest)),
        ("agencies", Some(i)) if field(rest) == Some("name") => doc
            .agencies
            .get_mut(i)
            .map_or(At::NotText, |a| At::Text(&mut a.name)),
        ("appendices", Some(i)) => doc
            .appendices
            .get_mut(i)
            .map_or(At::NotText, |a| appendix(a, rest)),
        ("recipients", None) => match rest {
            [Step {
                key: "items",
                index: Some(i),
            }] => item(&mut doc.recipients.items, *i),
            _ if field(rest) == Some("archive") => opt(&mut doc.recipients.archive),
            _ => At::Unknown,
        },
        ("signature", None) => signature(&mut doc.signature, rest),
        ("parent", None) => match (doc.parent.as_mut(), field(rest)) {
            (None, Some(_)) => At::NotText,
            (Some(p), Some("issuing_body")) => At::Text(&mut p.issuing_body),
            (Some(p), Some("number")) => At::Text(&mut p.number),
            (Some(p), Some("symbol")) => At::Text(&mut p.symbol),
            _ => At::Unknown,
        },
        _ => At::Unknown,
    }
}

/// The field name when `rest` is one step without an index.
fn field<'p>(rest: &[Step<'p>]) -> Option<&'p str> {
    match rest {
        [Step { key, index: None }] => Some(key),
        _ => None,
    }
}

fn header<'a>(h: &'a mut Header, rest: &[Step]) -> At<'a> {
    match field(rest).unwrap_or("") {
        "issuing_body" => At::Text(&mut h.issuing_body),
        "body_code" => At::Text(&mut h.body_code),
        "symbol" => At::Text(&mut h.symbol),
        "place" => At::Text(&mut h.place),
        "subject" => At::Text(&mut h.subject),
        "parent_body" => opt(&mut h.parent_body),
        "number" => opt(&mut h.number),
        "title" => opt(&mut h.title),
        _ => At::Unknown,
    }
}

fn signature<'a>(s: &'a mut Signature, rest: &[Step]) -> At<'a> {
    match rest {
        [Step {
            key: "name",
            index: None,
        }] => At::Text(&mut s.name),
        [Step {
            key: "lines",
            index: Some(i),
        }, Step {
            key: "text",
            index: None,
        }] => s
            .lines
            .get_mut(*i)
            .map_or(At::NotText, |l| At::Text(&mut l.text)),
        _ => At::Unknown,
    }
}

fn opt(s: &mut Option<String>) -> At<'_> {
    s.as_mut().map_or(At::NotText, At::Text)
}

fn item(list: &mut [String], i: usize) -> At<'_> {
    list.get_mut(i).map_or(At::NotText, At::Text)
}

fn free_text(tf: &mut Option<Timeframe>) -> At<'_> {
    match tf {
        Some(Timeframe::Text(t)) => At::Text(t),
        _ => At::NotText,
    }
}

/// A path inside a body node, after "body[i]".
fn node<'a>(mut n: &'a mut Node, mut rest: &[Step]) -> At<'a> {
    while let [Step {
        key: "children",
        index: Some(i),
    }, tail @ ..] = rest
    {
        match n.children.get_mut(*i) {
            Some(child) => n = child,
            None => return At::NotText,
        }
        rest = tail;
    }
    match rest {
        [Step {
            key: "text",
            index: None,
        }] => At::Text(&mut n.text),
        [Step {
            key: "task",
            index: None,
        }, tail @ ..] => match n.task.as_mut() {
            Some(t) => task(t, tail),
            None => At::NotText,
        },
        _ => At::Unknown,
    }
}

fn task<'a>(t: &'a mut Task, rest: &[Step]) -> At<'a> {
    match rest {
        [Step {
            key: "form",
            index: None,
        }] => opt(&mut t.form),
        [Step {
            key: "output",
            index: None,
        }] => opt(&mut t.output),
        [Step {
            key: "timeframe_text",
            index: None,
        }] => opt(&mut t.timeframe_text),
        [Step {
            key: "timeframe",
            index: None,
        }, Step {
            key: "text",
            index: None,
        }] => free_text(&mut t.timeframe),
        _ => At::Unknown,
    }
}

/// A path inside an appendix, after "appendices[i]".
fn appendix<'a>(a: &'a mut Appendix, rest: &[Step]) -> At<'a> {
    match rest {
        [Step { key, index: None }] => match *key {
            "number" => At::Text(&mut a.number),
            "title" => At::Text(&mut a.title),
            "attached_note" => opt(&mut a.attached_note),
            _ => At::Unknown,
        },
        [Step {
            key: "columns",
            index: Some(c),
        }, Step {
            key: "title",
            index: None,
        }] => match a.columns.get_mut(*c) {
            Some(col) => At::Text(&mut col.title),
            None => At::NotText,
        },
        [Step {
            key: "groups",
            index: Some(g),
        }, Step {
            key: "heading",
            index: None,
        }] => match a.groups.get_mut(*g) {
            Some(group) => At::Text(&mut group.heading),
            None => At::NotText,
        },
        [Step {
            key: "groups",
            index: Some(g),
        }, Step {
            key: "rows",
            index: Some(r),
        }, Step {
            key: "cells",
            index: Some(c),
        }, tail @ ..] => {
            let cell = a
                .groups
                .get_mut(*g)
                .and_then(|g| g.rows.get_mut(*r))
                .and_then(|r| r.cells.get_mut(*c));
            match cell {
                Some(cell) => cell_text(cell, tail),
                None => At::NotText,
            }
        }
        _ => At::Unknown,
    }
}

fn cell_text<'a>(cell: &'a mut Cell, rest: &[Step]) -> At<'a> {
    match rest {
        [Step {
            key: "text",
            index: None,
        }] => At::Text(&mut cell.text),
        [Step {
            key: "timeframe",
            index: None,
        }, Step {
            key: "text",
            index: None,
        }] => free_text(&mut cell.timeframe),
        _ => At::Unknown,
    }
}

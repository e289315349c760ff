//! Where a document names an agency of its directory (task roles, duty blocks,
//! appendix cells): the one walk the rules, the directory's delete and its
//! "replace everywhere" share.

use super::numbering::node_path;
use super::*;

/// Calls `f(path, id)` for every agency id referenced anywhere: task roles,
/// duty blocks, appendix cells. Paths end at the id ("….task.lead[0]").
pub fn each_agency_ref(doc: &Document, f: &mut dyn FnMut(&dyn Fn() -> String, &str)) {
    fn go(nodes: &[Node], path: &mut Vec<usize>, f: &mut dyn FnMut(&dyn Fn() -> String, &str)) {
        for (i, n) in nodes.iter().enumerate() {
            path.push(i);
            if let Some(t) = &n.task {
                for (role, list) in [
                    ("lead", &t.lead),
                    ("implementers", &t.implementers),
                    ("partners", &t.partners),
                ] {
                    for (k, id) in list.iter().enumerate() {
                        f(&|| format!("{}.task.{role}[{k}]", node_path(path)), id);
                    }
                }
            }
            for (k, id) in n.agencies.iter().enumerate() {
                f(&|| format!("{}.agencies[{k}]", node_path(path)), id);
            }
            go(&n.children, path, f);
            path.pop();
        }
    }
    go(&doc.body, &mut Vec::new(), f);
    for (ai, a) in doc.appendices.iter().enumerate() {
        for (gi, g) in a.groups.iter().enumerate() {
            for (ri, r) in g.rows.iter().enumerate() {
                for (ci, c) in r.cells.iter().enumerate() {
                    for (k, id) in c.agencies.iter().enumerate() {
                        f(
                            &|| {
                                format!("appendices[{ai}].groups[{gi}].rows[{ri}].cells[{ci}].agencies[{k}]")
                            },
                            id,
                        );
                    }
                }
            }
        }
    }
}

/// One place that names an agency, said for a person (Vietnamese, English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyUse {
    pub vi: String,
    pub en: String,
}

/// The places that name agency `id`, in document order, once each.
pub fn agency_uses(doc: &Document, id: &str) -> Vec<AgencyUse> {
    let mut out: Vec<AgencyUse> = Vec::new();
    each_agency_ref(doc, &mut |path, found| {
        if found != id {
            return;
        }
        let place = describe(doc, &path());
        if !out.contains(&place) {
            out.push(place);
        }
    });
    out
}

/// "nhiệm vụ «Tuyên truyền…»" or "Phụ lục I, dòng 3" for a reference path.
fn describe(doc: &Document, path: &str) -> AgencyUse {
    if let Some((ai, g, r)) = super::walk::appendix_row(path) {
        let number = doc
            .appendices
            .get(ai)
            .map(|a| a.number.clone())
            .unwrap_or_default();
        let row = doc.appendices.get(ai).map_or(r + 1, |a| {
            super::edit::row_numbers(a)
                .get(g)
                .and_then(|rows| rows.get(r))
                .copied()
                .unwrap_or(r + 1)
        });
        return AgencyUse {
            vi: format!("Phụ lục {number}, dòng {row}"),
            en: format!("Appendix {number}, row {row}"),
        };
    }
    // "body[1].children[0].task.lead[0]": the node's indices, before the role.
    let node = path.split(".task").next().unwrap_or(path);
    let node = node.rsplit_once(".agencies").map_or(node, |(n, _)| n);
    let indices: Vec<usize> = node
        .split('[')
        .skip(1)
        .filter_map(|p| p.split(']').next()?.parse().ok())
        .collect();
    let text = super::edit::node(&doc.body, &indices)
        .map(|n| short(&n.text))
        .unwrap_or_default();
    AgencyUse {
        vi: format!("mục «{text}»"),
        en: format!("item «{text}»"),
    }
}

/// The first words of a text, at most about 60 characters.
fn short(text: &str) -> String {
    let t = text.trim();
    if t.chars().count() <= 60 {
        return t.to_string();
    }
    let cut: String = t.chars().take(60).collect();
    format!("{}…", cut.trim_end())
}

/// Put agency `to` wherever `from` is named (once per list); returns how many
/// references changed.
pub fn replace_agency(doc: &mut Document, from: &str, to: &str) -> usize {
    let mut changed = 0;
    let mut swap = |list: &mut Vec<String>| {
        if !list.iter().any(|id| id == from) {
            return;
        }
        changed += 1;
        let had_to = list.iter().any(|id| id == to);
        let mut out = Vec::with_capacity(list.len());
        for id in list.drain(..) {
            if id == from {
                if !had_to && !out.contains(&to.to_string()) {
                    out.push(to.to_string());
                }
            } else {
                out.push(id);
            }
        }
        *list = out;
    };
    fn nodes(list: &mut [Node], swap: &mut dyn FnMut(&mut Vec<String>)) {
        for n in list {
            if let Some(t) = &mut n.task {
                swap(&mut t.lead);
                swap(&mut t.implementers);
                swap(&mut t.partners);
            }
            swap(&mut n.agencies);
            nodes(&mut n.children, swap);
        }
    }
    nodes(&mut doc.body, &mut swap);
    for a in &mut doc.appendices {
        for g in &mut a.groups {
            for r in &mut g.rows {
                for c in &mut r.cells {
                    swap(&mut c.agencies);
                }
            }
        }
    }
    changed
}

/// Remove agency `id` from the directory when nothing names it; otherwise
/// the places that still do, and the directory is left as it was (an
/// unknown id: no places).
pub fn remove_unused_agency(doc: &mut Document, id: &str) -> Result<Agency, Vec<AgencyUse>> {
    let uses = agency_uses(doc, id);
    if !uses.is_empty() {
        return Err(uses);
    }
    // An id not in the directory has no uses either: nothing to remove.
    let Some(i) = doc.agencies.iter().position(|a| a.id == id) else {
        return Err(Vec::new());
    };
    Ok(doc.agencies.remove(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uses_are_said_in_words_and_block_the_delete() {
        let mut d = sample::generated_plan(3);
        let id = d.appendices[0].groups[0].rows[0].cells[2].agencies[0].clone();
        let uses = agency_uses(&d, &id);
        assert!(!uses.is_empty());
        assert!(
            uses.iter().any(|u| u.vi.starts_with("Phụ lục I, dòng 1")),
            "{uses:?}"
        );
        let before = d.agencies.len();
        assert_eq!(remove_unused_agency(&mut d, &id).unwrap_err(), uses);
        let partner = d.body[1].children[0].task.as_ref().unwrap().partners[0].clone();
        assert_eq!(
            agency_uses(&d, &partner)[0].vi,
            "mục «Tổ chức quán triệt, tuyên truyền, phổ biến»"
        );
        assert_eq!(d.agencies.len(), before, "refused: nothing removed");
    }

    #[test]
    fn replacing_everywhere_frees_the_agency() {
        let mut d = sample::generated_plan(3);
        let from = d.appendices[0].groups[0].rows[0].cells[2].agencies[0].clone();
        let to = d.agencies.iter().find(|a| a.id != from).unwrap().id.clone();
        assert!(replace_agency(&mut d, &from, &to) > 0);
        assert!(agency_uses(&d, &from).is_empty());
        assert_eq!(d.appendices[0].groups[0].rows[0].cells[2].agencies[0], to);
        let removed = remove_unused_agency(&mut d, &from).unwrap();
        assert_eq!(removed.id, from);
        assert!(d.agency(&from).is_none());
    }
}

//! Who does a piece of work: a task of the body (lead, implementers,
//! partners) or a row of an appendix table whose columns name agencies
//! ("Đơn vị chủ trì", "Đơn vị phối hợp"). The plan logic rules (one lead,
//! lead not also partner, no agency twice) run over both through
//! `each_assignment`: one rule, two places.

use crate::model::numbering::node_path;
use crate::model::{Appendix, ColumnKind, Document, Node, NodeKind, Row, Task};

/// One role of an assignment: the agency ids and where they are.
pub(super) struct Role<'a> {
    pub ids: &'a [String],
    /// What the cell says in words besides ids (rows only): an agency named in
    /// text, which `plan.agency.unknown` reports when the directory lacks it.
    pub text: &'a str,
    /// Path of the list ("….task.lead", "….cells[4].agencies"); an id is at `{list}[k]`.
    pub list: String,
}

/// A task or an appendix row, seen as who leads, implements and partners.
pub(super) struct Assignment<'a> {
    pub lead: Role<'a>,
    pub implementers: Role<'a>,
    pub partners: Role<'a>,
    /// A row of an appendix table, not a task of the body.
    pub row: bool,
}

impl Assignment<'_> {
    /// The roles with their names as the task's fields call them.
    pub fn roles(&self) -> [(&'static str, &Role<'_>); 3] {
        [
            ("lead", &self.lead),
            ("implementers", &self.implementers),
            ("partners", &self.partners),
        ]
    }
}

/// The roles a table's columns hold: (lead, implementers, partners) column indices.
pub(super) fn role_columns(a: &Appendix) -> (Option<usize>, Option<usize>, Option<usize>) {
    let titled = |words: &[&str]| {
        a.columns.iter().position(|c| {
            let t = crate::text::to_lower(&c.title);
            matches!(c.kind, ColumnKind::Agency | ColumnKind::AgencyList)
                && words.iter().any(|w| t.contains(w))
        })
    };
    let lead = titled(&["chủ trì"]).or_else(|| {
        // A single agency column under another title ("Đơn vị thực hiện") leads.
        let singles: Vec<usize> = (0..a.columns.len())
            .filter(|&i| a.columns[i].kind == ColumnKind::Agency)
            .collect();
        (singles.len() == 1 && titled(&["phối hợp"]) != Some(singles[0])).then(|| singles[0])
    });
    let partners = titled(&["phối hợp"]);
    let implementers = titled(&["thực hiện"]).filter(|&i| Some(i) != lead);
    (lead, implementers, partners)
}

/// Calls `f` for every task of the body, then every appendix row of a table
/// with a lead column that has anything written in it.
pub(super) fn each_assignment(doc: &Document, f: &mut dyn FnMut(&Assignment)) {
    let empty = Task::default();
    fn go(nodes: &[Node], path: &mut Vec<usize>, empty: &Task, f: &mut dyn FnMut(&Assignment)) {
        for (i, n) in nodes.iter().enumerate() {
            path.push(i);
            if n.kind == NodeKind::Task || n.task.is_some() {
                let t = n.task.as_ref().unwrap_or(empty);
                let base = format!("{}.task", node_path(path));
                f(&Assignment {
                    lead: task_role(&t.lead, &base, "lead"),
                    implementers: task_role(&t.implementers, &base, "implementers"),
                    partners: task_role(&t.partners, &base, "partners"),
                    row: false,
                });
            }
            go(&n.children, path, empty, f);
            path.pop();
        }
    }
    go(&doc.body, &mut Vec::new(), &empty, f);
    for (ai, a) in doc.appendices.iter().enumerate() {
        let (lead, implementers, partners) = role_columns(a);
        let Some(lead) = lead else { continue };
        for (gi, g) in a.groups.iter().enumerate() {
            for (ri, r) in g.rows.iter().enumerate() {
                if is_blank_row(r) {
                    continue;
                }
                let role = |ci: Option<usize>| {
                    let ci = ci.filter(|&c| c < r.cells.len());
                    Role {
                        ids: ci.map_or(&[][..], |c| r.cells[c].agencies.as_slice()),
                        text: ci.map_or("", |c| r.cells[c].text.trim()),
                        list: format!(
                            "appendices[{ai}].groups[{gi}].rows[{ri}].cells[{}].agencies",
                            ci.unwrap_or(lead)
                        ),
                    }
                };
                f(&Assignment {
                    lead: role(Some(lead)),
                    implementers: role(implementers),
                    partners: role(partners),
                    row: true,
                });
            }
        }
    }
}

fn task_role<'a>(ids: &'a [String], base: &str, name: &str) -> Role<'a> {
    Role {
        ids,
        text: "",
        list: format!("{base}.{name}"),
    }
}

/// A row being typed: no cell holds anything yet.
fn is_blank_row(r: &Row) -> bool {
    r.cells
        .iter()
        .all(|c| c.text.trim().is_empty() && c.agencies.is_empty() && c.timeframe.is_none())
}

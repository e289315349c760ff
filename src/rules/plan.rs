//! Plan logic (plan.*): who leads each task, agency references, timeframes and
//! report deadlines against the parent plan.

use rustc_hash::FxHashMap;

use super::assignment::{each_assignment, role_columns, Assignment};
use super::{Applies, Context, Rule, Severity, Sink};
use crate::model::numbering::node_path;
use crate::model::{days_in_month, Cell, Document, Node, NodeKind, ReportPeriod, Task, Timeframe};

/// The family's rules, grouped by what they look at.
pub fn rules() -> Vec<Rule> {
    [assignment_rules(), time_rules()]
        .into_iter()
        .flatten()
        .collect()
}

/// Who does each task: lead, partners and the agency directory.
fn assignment_rules() -> Vec<Rule> {
    use Applies::*;
    use Severity::*;
    vec![
        Rule {
            id: "plan.task.lead",
            severity: Error,
            applies: Both,
            title_vi: "Mỗi nhiệm vụ có đúng một cơ quan chủ trì",
            title_en: "Each task has exactly one lead agency",
            check: task_lead,
        },
        Rule {
            id: "plan.task.lead_partner",
            severity: Error,
            applies: Both,
            title_vi: "Cơ quan chủ trì không đồng thời là cơ quan phối hợp",
            title_en: "The lead agency is not also a partner",
            check: task_lead_partner,
        },
        Rule {
            id: "plan.task.duplicate_agency",
            severity: Error,
            applies: Both,
            title_vi: "Một cơ quan không ghi hai lần trong một nhiệm vụ",
            title_en: "No agency twice in one task",
            check: task_duplicate_agency,
        },
        Rule {
            id: "plan.agency.unknown",
            severity: Error,
            applies: Both,
            title_vi: "Cơ quan được giao có trong danh mục",
            title_en: "Assigned agencies exist in the directory",
            check: agency_unknown,
        },
        Rule {
            id: "plan.agency.unused",
            severity: Info,
            applies: Both,
            title_vi: "Cơ quan trong danh mục không được giao việc",
            title_en: "Directory agency never assigned",
            check: agency_unused,
        },
    ]
}

/// When: timeframes and report deadlines.
fn time_rules() -> Vec<Rule> {
    use Applies::*;
    use Severity::*;
    vec![
        Rule {
            id: "plan.timeframe.text",
            severity: Info,
            applies: Both,
            title_vi: "Thời gian thực hiện hiểu được",
            title_en: "Timeframe is understood",
            check: timeframe_text,
        },
        Rule {
            id: "plan.timeframe.invalid",
            severity: Error,
            applies: Both,
            title_vi: "Thời gian thực hiện hợp lệ",
            title_en: "Timeframe is a valid value",
            check: timeframe_invalid,
        },
        Rule {
            id: "plan.timeframe.period",
            severity: Warning,
            applies: Both,
            title_vi: "Thời gian thực hiện nằm trong thời kỳ của kế hoạch",
            title_en: "Timeframe lies within the plan period",
            check: timeframe_period,
        },
        Rule {
            id: "plan.report_deadline.parent",
            severity: Error,
            applies: Both,
            title_vi: "Hạn báo cáo sớm hơn hạn của kế hoạch cấp trên",
            title_en: "Report deadlines fall before the parent plan's",
            check: report_deadline_parent,
        },
        Rule {
            id: "plan.report_deadline.exists",
            severity: Error,
            applies: Both,
            title_vi: "Hạn báo cáo là ngày có thật",
            title_en: "Report deadline is a real date",
            check: report_deadline_exists,
        },
    ]
}

/// Calls `f(path, task)` for every task node; a task node without details gets a default task.
fn each_task(doc: &Document, f: &mut dyn FnMut(&str, &Task)) {
    let empty = Task::default();
    fn go(nodes: &[Node], path: &mut Vec<usize>, empty: &Task, f: &mut dyn FnMut(&str, &Task)) {
        for (i, n) in nodes.iter().enumerate() {
            path.push(i);
            if n.kind == NodeKind::Task || n.task.is_some() {
                f(
                    &format!("{}.task", node_path(path)),
                    n.task.as_ref().unwrap_or(empty),
                );
            }
            go(&n.children, path, empty, f);
            path.pop();
        }
    }
    go(&doc.body, &mut Vec::new(), &empty, f);
}

use crate::model::agency_refs::each_agency_ref;

/// Calls `f(path, cell)` for every appendix cell; the path ends at the cell.
fn each_cell(doc: &Document, f: &mut dyn FnMut(&dyn Fn() -> String, &Cell)) {
    for (ai, a) in doc.appendices.iter().enumerate() {
        for (gi, g) in a.groups.iter().enumerate() {
            for (ri, r) in g.rows.iter().enumerate() {
                for (ci, c) in r.cells.iter().enumerate() {
                    f(
                        &|| format!("appendices[{ai}].groups[{gi}].rows[{ri}].cells[{ci}]"),
                        c,
                    );
                }
            }
        }
    }
}

/// Calls `f(path, timeframe)` for every structured timeframe (tasks and cells);
/// the path ends at the timeframe value.
fn each_timeframe(doc: &Document, f: &mut dyn FnMut(&dyn Fn() -> String, &Timeframe)) {
    each_task(doc, &mut |path, t| {
        if let Some(tf) = &t.timeframe {
            f(&|| format!("{path}.timeframe"), tf);
        }
    });
    each_cell(doc, &mut |path, c| {
        if let Some(tf) = &c.timeframe {
            f(&|| format!("{}.timeframe", path()), tf);
        }
    });
}

fn name<'a>(doc: &'a Document, id: &'a str) -> &'a str {
    doc.agency(id).map(|a| a.name.as_str()).unwrap_or(id)
}

fn task_lead(doc: &Document, _: &Context, s: &mut Sink) {
    each_assignment(doc, &mut |a| {
        let (what_vi, what_en) = work(a);
        match a.lead.ids.len() {
            0 if !a.lead.text.is_empty() => {} // named in words: plan.agency.unknown
            0 if a.implementers.ids.is_empty() => s.report(
                a.lead.list.clone(),
                format!("{what_vi} thiếu cơ quan chủ trì (mỗi nhiệm vụ có đúng một cơ quan chủ trì)."),
                format!("The {what_en} has no lead agency (each task has exactly one)."),
            ),
            // Practice (seeds 000-003): "Cơ quan thực hiện: các cơ quan, đơn vị …" with no lead.
            0 => s.report_as(
                Severity::Warning,
                a.lead.list.clone(),
                format!("{what_vi} thiếu cơ quan chủ trì, chỉ ghi cơ quan thực hiện; nên giao một cơ quan chủ trì để rõ trách nhiệm."),
                format!("The {what_en} has no lead agency, only implementers; name one lead so responsibility is clear."),
            ),
            1 => {}
            n => {
                let names = a.lead.ids.iter().map(|id| name(doc, id)).collect::<Vec<_>>().join(", ");
                s.report(
                    format!("{}[1]", a.lead.list),
                    format!("{what_vi} có {n} cơ quan chủ trì ({names}); chỉ giao một cơ quan chủ trì, các cơ quan khác phối hợp."),
                    format!("The {what_en} has {n} lead agencies ({names}); give it one lead and make the others partners."),
                );
            }
        }
    });
}

/// "Nhiệm vụ" / "task" or, for an appendix row, "Hàng của phụ lục" / "appendix row".
fn work(a: &Assignment) -> (&'static str, &'static str) {
    if a.row {
        ("Hàng của phụ lục", "appendix row")
    } else {
        ("Nhiệm vụ", "task")
    }
}

fn task_lead_partner(doc: &Document, _: &Context, s: &mut Sink) {
    each_assignment(doc, &mut |a| {
        let (what_vi, what_en) = work(a);
        let (what_vi, what_en) = (crate::text::to_lower(what_vi), what_en);
        for (k, p) in a.partners.ids.iter().enumerate() {
            if a.lead.ids.contains(p) {
                s.report(
                    format!("{}[{k}]", a.partners.list),
                    format!(
                        "{} vừa chủ trì vừa phối hợp trong cùng {what_vi}.",
                        name(doc, p)
                    ),
                    format!(
                        "{} is both the lead and a partner of the same {what_en}.",
                        name(doc, p)
                    ),
                );
            }
        }
    });
}

fn task_duplicate_agency(doc: &Document, _: &Context, s: &mut Sink) {
    each_assignment(doc, &mut |a| {
        let (what_vi, what_en) = work(a);
        let what_vi = crate::text::to_lower(what_vi);
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for (role, list) in a.roles() {
            for (k, id) in list.ids.iter().enumerate() {
                match seen.iter().find(|(other, _)| *other == id) {
                    // Lead also partner has its own rule.
                    Some((_, "lead")) if role == "partners" => {}
                    Some(_) => s.report(
                        format!("{}[{k}]", list.list),
                        format!("{} được ghi hai lần trong cùng {what_vi}.", name(doc, id)),
                        format!("{} is listed twice in the same {what_en}.", name(doc, id)),
                    ),
                    None => seen.push((id, role)),
                }
            }
        }
    });
}

/// Each agency id's place in the directory: a plan's thousand rows name
/// agencies a few thousand times, looked up here instead of along the list.
fn agency_index(doc: &Document) -> FxHashMap<&str, usize> {
    doc.agencies
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect()
}

fn agency_unknown(doc: &Document, _: &Context, s: &mut Sink) {
    let index = agency_index(doc);
    each_agency_ref(doc, &mut |path, id| {
        if !index.contains_key(id) {
            s.report(
                path(),
                format!("Cơ quan \"{id}\" không có trong danh mục cơ quan của văn bản."),
                format!("Agency \"{id}\" is not in the document's agency directory."),
            );
        }
    });
    agency_named_in_words(doc, s);
}

/// An agency column's cell that names an agency in words the directory does not hold.
fn agency_named_in_words(doc: &Document, s: &mut Sink) {
    let known = |t: &str| {
        let t = crate::text::to_lower(t);
        doc.agencies.iter().any(|a| {
            crate::text::to_lower(&a.name) == t
                || a.short_name
                    .as_ref()
                    .is_some_and(|n| crate::text::to_lower(n) == t)
        })
    };
    for (ai, a) in doc.appendices.iter().enumerate() {
        let (lead, implementers, partners) = role_columns(a);
        for ci in [lead, implementers, partners].into_iter().flatten() {
            for (gi, g) in a.groups.iter().enumerate() {
                for (ri, r) in g.rows.iter().enumerate() {
                    let Some(c) = r.cells.get(ci) else { continue };
                    let t = c.text.trim();
                    if t.is_empty() || !c.agencies.is_empty() || known(t) {
                        continue;
                    }
                    s.report(
                        format!("appendices[{ai}].groups[{gi}].rows[{ri}].cells[{ci}].text"),
                        format!("Cơ quan \"{t}\" không có trong danh mục cơ quan của văn bản; chọn cơ quan từ danh mục hoặc thêm vào danh mục."),
                        format!("Agency \"{t}\" is not in the document's agency directory; pick one from the directory or add it."),
                    );
                }
            }
        }
    }
}

fn agency_unused(doc: &Document, _: &Context, s: &mut Sink) {
    let index = agency_index(doc);
    let mut used = vec![false; doc.agencies.len()];
    each_agency_ref(doc, &mut |_, id| {
        if let Some(&i) = index.get(id) {
            used[i] = true;
        }
    });
    for (i, a) in doc.agencies.iter().enumerate() {
        if !used[i] {
            s.report(
                format!("agencies[{i}]"),
                format!(
                    "{} có trong danh mục nhưng không được giao nhiệm vụ nào.",
                    a.name
                ),
                format!("{} is in the directory but has no task.", a.name),
            );
        }
    }
}

fn timeframe_text(doc: &Document, _: &Context, s: &mut Sink) {
    each_timeframe(doc, &mut |path, tf| {
        let Timeframe::Text(t) = tf else { return };
        if !tf.is_understood() {
            s.report(
                format!("{}.text", path()),
                format!(
                    "Không hiểu được thời gian thực hiện \"{t}\"; nên ghi dạng chuẩn (Thường xuyên, Năm 2026, Quý I/2026, 2026 - 2030, Trước ngày 31/3/2026…)."
                ),
                format!(
                    "The timeframe \"{t}\" is not understood; prefer a standard form (Thường xuyên, Năm 2026, Quý I/2026, 2026 - 2030, Trước ngày 31/3/2026…)."
                ),
            );
        }
    });
}

fn timeframe_invalid(doc: &Document, _: &Context, s: &mut Sink) {
    each_timeframe(doc, &mut |path, tf| {
        if tf.is_invalid() {
            let shown = tf.to_vi();
            s.report(
                path(),
                format!("Thời gian thực hiện \"{shown}\" không hợp lệ."),
                format!("The timeframe \"{shown}\" is not a valid value."),
            );
        }
    });
}

fn timeframe_period(doc: &Document, _: &Context, s: &mut Sink) {
    let Some(p) = doc.period else { return };
    each_timeframe(doc, &mut |path, tf| {
        let Some((from, to)) = tf.years() else { return };
        if from < p.from || to > p.to {
            let shown = tf.to_vi();
            s.report(
                path(),
                format!(
                    "Thời gian \"{shown}\" nằm ngoài thời kỳ của kế hoạch ({} - {}).",
                    p.from, p.to
                ),
                format!(
                    "The timeframe \"{shown}\" lies outside the plan period ({} - {}).",
                    p.from, p.to
                ),
            );
        }
    });
}

/// "báo cáo 6 tháng" / "6-month report": the editor's names, in running text.
fn period_vi(p: ReportPeriod) -> (String, String) {
    (
        crate::text::to_lower(p.label(crate::Lang::Vi)),
        crate::text::to_lower(p.label(crate::Lang::En)),
    )
}

fn report_deadline_parent(doc: &Document, _: &Context, s: &mut Sink) {
    let Some(parent) = &doc.parent else { return };
    for (i, own) in doc.report_deadlines.iter().enumerate() {
        if !deadline_exists(own) {
            continue; // plan.report_deadline.exists says so; no order to compare
        }
        let Some(theirs) = parent
            .report_deadlines
            .iter()
            .find(|d| d.period == own.period)
        else {
            continue;
        };
        if (own.month, own.day) >= (theirs.month, theirs.day) {
            let (vi, en) = period_vi(own.period);
            let (od, td) = (dm(own.day, own.month), dm(theirs.day, theirs.month));
            s.report(
                format!("report_deadlines[{i}]"),
                format!("Hạn {vi} ({od}) phải sớm hơn hạn của kế hoạch cấp trên ({td}) để kịp tổng hợp."),
                format!("The {en} deadline ({od}) must fall before the parent plan's ({td}) to leave time to consolidate."),
            );
        }
    }
}

fn dm(day: u8, month: u8) -> String {
    format!("{day:02}/{}", crate::model::month_vi(month))
}

/// Whether day and month name a real day (any year: 29/02 exists in a leap year).
fn deadline_exists(d: &crate::model::ReportDeadline) -> bool {
    (1..=12).contains(&d.month) && d.day > 0 && d.day <= days_in_month(2024, d.month)
}

fn report_deadline_exists(doc: &Document, _: &Context, s: &mut Sink) {
    for (i, d) in doc.report_deadlines.iter().enumerate() {
        if !deadline_exists(d) {
            s.report(
                format!("report_deadlines[{i}]"),
                format!("Hạn báo cáo ngày {}/{} không có thật.", d.day, d.month),
                format!(
                    "The report deadline {}/{} is not a real date.",
                    d.day, d.month
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests;

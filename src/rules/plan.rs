//! Plan logic (plan.*): who leads each task, agency references, timeframes and
//! report deadlines against the parent plan.

use rustc_hash::FxHashMap;

use super::{Applies, Context, Rule, Severity, Sink};
use crate::model::numbering::node_path;
use crate::model::{days_in_month, Cell, Document, Node, NodeKind, ReportPeriod, Task, Timeframe};

pub fn rules() -> Vec<Rule> {
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

/// Calls `f(path, id)` for every agency id referenced anywhere: task roles,
/// duty blocks, appendix cells. Paths end at the id ("….task.lead[0]").
fn each_agency_ref(doc: &Document, f: &mut dyn FnMut(&dyn Fn() -> String, &str)) {
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
    each_cell(doc, &mut |path, c| {
        for (k, id) in c.agencies.iter().enumerate() {
            f(&|| format!("{}.agencies[{k}]", path()), id);
        }
    });
}

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
    each_task(doc, &mut |path, t| {
        match t.lead.len() {
        0 if t.implementers.is_empty() => s.report(
            format!("{path}.lead"),
            "Nhiệm vụ thiếu cơ quan chủ trì (mỗi nhiệm vụ có đúng một cơ quan chủ trì).",
            "The task has no lead agency (each task has exactly one).",
        ),
        // Practice (seeds 000-003): "Cơ quan thực hiện: các cơ quan, đơn vị …" with no lead.
        0 => s.report_as(
            Severity::Warning,
            format!("{path}.lead"),
            "Nhiệm vụ thiếu cơ quan chủ trì, chỉ ghi cơ quan thực hiện; nên giao một cơ quan chủ trì để rõ trách nhiệm.",
            "The task has no lead agency, only implementers; name one lead so responsibility is clear.",
        ),
        1 => {}
        n => {
            let names = t.lead.iter().map(|id| name(doc, id)).collect::<Vec<_>>().join(", ");
            s.report(
                format!("{path}.lead[1]"),
                format!("Nhiệm vụ có {n} cơ quan chủ trì ({names}); chỉ giao một cơ quan chủ trì, các cơ quan khác phối hợp."),
                format!("The task has {n} lead agencies ({names}); give it one lead and make the others partners."),
            );
        }
    }
    });
}

fn task_lead_partner(doc: &Document, _: &Context, s: &mut Sink) {
    each_task(doc, &mut |path, t| {
        for (k, p) in t.partners.iter().enumerate() {
            if t.lead.contains(p) {
                s.report(
                    format!("{path}.partners[{k}]"),
                    format!(
                        "{} vừa chủ trì vừa phối hợp trong cùng nhiệm vụ.",
                        name(doc, p)
                    ),
                    format!(
                        "{} is both the lead and a partner of the same task.",
                        name(doc, p)
                    ),
                );
            }
        }
    });
}

fn task_duplicate_agency(doc: &Document, _: &Context, s: &mut Sink) {
    each_task(doc, &mut |path, t| {
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for (role, list) in [
            ("lead", &t.lead),
            ("implementers", &t.implementers),
            ("partners", &t.partners),
        ] {
            for (k, id) in list.iter().enumerate() {
                match seen.iter().find(|(other, _)| *other == id) {
                    // Lead also partner has its own rule.
                    Some((_, "lead")) if role == "partners" => {}
                    Some(_) => s.report(
                        format!("{path}.{role}[{k}]"),
                        format!("{} được ghi hai lần trong cùng nhiệm vụ.", name(doc, id)),
                        format!("{} is listed twice in the same task.", name(doc, id)),
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
mod tests {
    use super::super::testing::*;
    use crate::model::*;
    use crate::rules::Severity;

    fn task_mut(d: &mut Document) -> &mut Task {
        d.body[1].children[0].task.as_mut().unwrap()
    }
    const TASK: &str = "body[1].children[0].task";

    #[test]
    fn base_plan_is_clean() {
        assert_quiet(&base(), "plan.");
        assert_quiet(&party(), "plan.");
    }

    #[test]
    fn lead_count() {
        let mut d = base();
        task_mut(&mut d).lead.clear();
        let f = findings(&d, "plan.task.lead");
        assert_eq!(
            (f[0].path.as_str(), f[0].severity),
            (format!("{TASK}.lead").as_str(), Severity::Error)
        );
        assert!(f[0].message_vi.contains("thiếu cơ quan chủ trì"));
        task_mut(&mut d).implementers = vec!["cong_an_phuong".into()];
        let f = findings(&d, "plan.task.lead");
        assert_eq!(
            (f[0].path.as_str(), f[0].severity),
            (format!("{TASK}.lead").as_str(), Severity::Warning)
        );
        task_mut(&mut d).implementers.clear();
        task_mut(&mut d).lead = vec!["cong_an_phuong".into(), "phong_van_hoa_xa_hoi".into()];
        assert_eq!(paths(&d, "plan.task.lead"), [format!("{TASK}.lead[1]")]);
        d.body[1].children[0].task = None;
        assert_eq!(paths(&d, "plan.task.lead"), [format!("{TASK}.lead")]);
    }

    #[test]
    fn lead_partner_and_duplicates() {
        let mut d = base();
        let t = task_mut(&mut d);
        t.partners.push(t.lead[0].clone());
        assert_eq!(
            paths(&d, "plan.task.lead_partner"),
            [format!("{TASK}.partners[1]")]
        );
        assert!(paths(&d, "plan.task.duplicate_agency").is_empty());
        let t = task_mut(&mut d);
        t.partners.pop();
        t.implementers = vec!["cong_an_phuong".into()];
        t.partners.push("cong_an_phuong".into());
        assert_eq!(
            paths(&d, "plan.task.duplicate_agency"),
            [format!("{TASK}.partners[1]")]
        );
    }

    #[test]
    fn unknown_and_unused_agencies() {
        let mut d = base();
        task_mut(&mut d).partners[0] = "phong_khong_co".into();
        d.body[3].children[0].agencies[0] = "ban_khong_co".into();
        d.appendices[0].groups[0].rows[1].cells[2].agencies[0] = "x".into();
        assert_eq!(
            paths(&d, "plan.agency.unknown"),
            [
                format!("{TASK}.partners[0]"),
                "body[3].children[0].agencies[0]".into(),
                "appendices[0].groups[0].rows[1].cells[2].agencies[0]".into()
            ]
        );
        let d = sample::generated_plan(1);
        assert_eq!(
            paths(&d, "plan.agency.unused"),
            ["agencies[3]", "agencies[4]"]
        );
        assert_eq!(
            findings(&d, "plan.agency.unused")[0].severity,
            Severity::Info
        );
    }

    #[test]
    fn timeframes() {
        let mut d = base();
        task_mut(&mut d).timeframe = Some(Timeframe::Text("Đang cập nhật".into()));
        assert_eq!(
            paths(&d, "plan.timeframe.text"),
            [format!("{TASK}.timeframe.text")]
        );
        task_mut(&mut d).timeframe = Some(Timeframe::Text("Quý II/2026".into()));
        assert!(paths(&d, "plan.timeframe.text").is_empty());
        d.appendices[0].groups[0].rows[2].cells[4].timeframe = Some(Timeframe::Quarter {
            quarter: 5,
            year: 2026,
        });
        assert_eq!(
            paths(&d, "plan.timeframe.invalid"),
            ["appendices[0].groups[0].rows[2].cells[4].timeframe"]
        );
        task_mut(&mut d).timeframe = Some(Timeframe::YearRange {
            from: 2025,
            to: 2030,
        });
        assert_eq!(
            paths(&d, "plan.timeframe.period"),
            [format!("{TASK}.timeframe")]
        );
        d.period = None;
        assert!(paths(&d, "plan.timeframe.period").is_empty());
    }

    #[test]
    fn report_deadlines() {
        let mut d = base();
        let dl = |period, day, month| ReportDeadline { period, day, month };
        d.parent = Some(ParentRef {
            report_deadlines: vec![
                dl(ReportPeriod::SixMonth, 10, 6),
                dl(ReportPeriod::NineMonth, 15, 9),
                dl(ReportPeriod::Annual, 15, 11),
            ],
            ..parent_347()
        });
        d.report_deadlines = vec![
            dl(ReportPeriod::SixMonth, 5, 6),
            dl(ReportPeriod::NineMonth, 10, 9),
            dl(ReportPeriod::Annual, 10, 11),
        ];
        assert!(paths(&d, "plan.report_deadline.parent").is_empty());
        d.report_deadlines[1].day = 15;
        d.report_deadlines[2] = dl(ReportPeriod::Annual, 20, 11);
        assert_eq!(
            paths(&d, "plan.report_deadline.parent"),
            ["report_deadlines[1]", "report_deadlines[2]"]
        );
        d.report_deadlines[0] = dl(ReportPeriod::SixMonth, 31, 6);
        assert_eq!(
            paths(&d, "plan.report_deadline.exists"),
            ["report_deadlines[0]"]
        );
        // 31/6 is no day at all: no second, meaningless "before the parent's" error.
        assert_eq!(
            paths(&d, "plan.report_deadline.parent"),
            ["report_deadlines[1]", "report_deadlines[2]"]
        );
    }
}

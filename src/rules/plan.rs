//! Plan logic (plan.*): who leads each task, agency references, timeframes and
//! report deadlines against the parent plan.

use rustc_hash::FxHashMap;

use super::assignment::{each_assignment, role_columns, Assignment};
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

    const ROW: &str = "appendices[0].groups[0].rows[1]";

    fn row(d: &mut Document) -> &mut Vec<Cell> {
        &mut d.appendices[0].groups[0].rows[1].cells
    }

    #[test]
    fn appendix_rows_are_held_to_the_task_rules() {
        let mut d = base();
        row(&mut d)[2].agencies.clear();
        let f = findings(&d, "plan.task.lead");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].path.as_str(), f[0].severity),
            (format!("{ROW}.cells[2].agencies").as_str(), Severity::Error)
        );
        assert!(f[0]
            .message_vi
            .starts_with("Hàng của phụ lục thiếu cơ quan chủ trì"));
        let lead = row(&mut d)[3].agencies[0].clone();
        row(&mut d)[2].agencies = vec![lead];
        assert_eq!(
            paths(&d, "plan.task.lead_partner"),
            [format!("{ROW}.cells[3].agencies[0]")]
        );
        let other = row(&mut d)[3].agencies[1].clone();
        row(&mut d)[3].agencies[0] = other;
        assert_eq!(
            paths(&d, "plan.task.duplicate_agency"),
            [format!("{ROW}.cells[3].agencies[1]")]
        );
        // A row not yet written in is not a row without a lead.
        let mut d = base();
        for c in row(&mut d) {
            *c = Cell::default();
        }
        assert!(paths(&d, "plan.task.lead").is_empty());
    }

    #[test]
    fn an_agency_written_in_words_must_be_in_the_directory() {
        let mut d = base();
        let cells = &mut d.appendices[0].groups[0].rows[1].cells;
        cells[2] = Cell {
            text: "Phòng Tư pháp".into(),
            ..Cell::default()
        };
        assert_eq!(
            paths(&d, "plan.agency.unknown"),
            [format!("{ROW}.cells[2].text")]
        );
        assert!(paths(&d, "plan.task.lead").is_empty());
        d.appendices[0].groups[0].rows[1].cells[2].text = "Công an phường".into();
        assert!(paths(&d, "plan.agency.unknown").is_empty());
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
        // A timeframe in words is held to the period too, in a row as in a task.
        task_mut(&mut d).timeframe = Some(Timeframe::Regular);
        d.appendices[0].groups[0].rows[2].cells[4].timeframe =
            Some(Timeframe::Text("Năm 2031 và các năm tiếp theo".into()));
        assert_eq!(
            paths(&d, "plan.timeframe.period"),
            ["appendices[0].groups[0].rows[2].cells[4].timeframe"]
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

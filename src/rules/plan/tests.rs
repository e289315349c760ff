//! Tests of the plan logic rules.

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

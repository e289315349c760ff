//! A held-out ward plan, written for this test and taken from no seed: clean,
//! it gets no error and no warning; with one defect planted per class the
//! checker misses no more, each is found as an error or a warning at the
//! field it concerns, and no fix changes what the author did not get wrong.
#![cfg(not(target_arch = "wasm32"))]

use kehoach::model::json::from_json;
use kehoach::model::{Document, PartialDate, ReportDeadline, ReportPeriod, Timeframe};
use kehoach::rules::{self, Finding, Severity};

const TODAY: PartialDate = PartialDate {
    year: 2026,
    month: Some(2),
    day: Some(1),
};

fn clean() -> Document {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/heldout/phuong_le_chan_chuyen_doi_so.json"
    );
    from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn loud(doc: &Document) -> Vec<Finding> {
    rules::check(doc, TODAY)
        .findings
        .into_iter()
        .filter(|f| f.severity != Severity::Info)
        .collect()
}

/// The paragraph of lettered points, the appendix reference.
const POINTS: &str = "body[1].children[1].children[0].text";
const REFERENCE: &str = "body[1].children[1].children[1].text";

fn points(d: &mut Document) -> &mut String {
    &mut d.body[1].children[1].children[0].text
}

fn cells(d: &mut Document) -> &mut Vec<kehoach::model::Cell> {
    &mut d.appendices[0].groups[0].rows[1].cells
}

type Plant = fn(&mut Document);

/// One defect per class: what is planted, how, the rule and the path that must report it.
const PLANTED: [(&str, Plant, &str, &str); 13] = [
    (
        "lettered points skip d and đ",
        |d| {
            *points(d) = points(d)
                .replace("d) phối", "e) phối")
                .replace("\nđ) báo", "\ng) báo")
        },
        "nd30.points.sequence",
        POINTS,
    ),
    (
        "a year in the subject outside the period",
        |d| d.header.subject = d.header.subject.replace("năm 2026", "năm 2025"),
        "plan.year.subject",
        "header.subject",
    ),
    (
        "an appendix row without a lead",
        |d| cells(d)[2].agencies.clear(),
        "plan.task.lead",
        "appendices[0].groups[0].rows[1].cells[2].agencies",
    ),
    (
        "an appendix row whose lead is also a partner",
        |d| {
            cells(d)[3]
                .agencies
                .push("trung_tam_phuc_vu_hanh_chinh_cong".into())
        },
        "plan.task.lead_partner",
        "appendices[0].groups[0].rows[1].cells[3].agencies[1]",
    ),
    (
        "an appendix row timed outside the period",
        |d| cells(d)[4].timeframe = Some(Timeframe::Text("Năm 2027".into())),
        "plan.timeframe.period",
        "appendices[0].groups[0].rows[1].cells[4].timeframe",
    ),
    (
        "an appendix row naming an agency not in the directory",
        |d| cells(d)[3].agencies = vec!["phong_tu_phap".into()],
        "plan.agency.unknown",
        "appendices[0].groups[0].rows[1].cells[3].agencies[0]",
    ),
    (
        "a bare citation",
        |d| {
            d.opening[0] =
                "Căn cứ Nghị quyết số 57 của Bộ Chính trị về chuyển đổi số quốc gia;".into()
        },
        "cite.bare",
        "opening[0]",
    ),
    (
        "a space before a comma",
        |d| {
            d.body[2].children[0].text = d.body[2].children[0]
                .text
                .replace("phân cấp và", "phân cấp ,và")
        },
        "text.spacing",
        "body[2].children[0].text",
    ),
    (
        "a fixed name in title case",
        |d| {
            d.body[4].text = d.body[4]
                .text
                .replace("Ủy ban nhân dân phường", "Ủy Ban Nhân Dân phường")
        },
        "nd30.case.fixed_name",
        "body[4].text",
    ),
    (
        "a heading in lower case",
        |d| d.body[1].children[0].text = "nhiệm vụ chung".into(),
        "nd30.case.heading_start",
        "body[1].children[0].text",
    ),
    (
        "the date line names another ward",
        |d| d.header.place = "Hồng An".into(),
        "nd30.place.issuing_body",
        "header.place",
    ),
    (
        "Phụ lục II with a single unnumbered appendix",
        |d| d.body[1].children[1].children[1].text = "(Có Phụ lục II chi tiết kèm theo)".into(),
        "appendix.reference_missing",
        REFERENCE,
    ),
    (
        "an impossible report deadline",
        |d| {
            d.report_deadlines[0] = ReportDeadline {
                period: ReportPeriod::SixMonth,
                day: 31,
                month: 6,
            }
        },
        "plan.report_deadline.exists",
        "report_deadlines[0]",
    ),
];

#[test]
fn the_clean_plan_has_no_error_and_no_warning() {
    let doc = clean();
    assert_eq!(loud(&doc), vec![]);
    let (fixed, n) = rules::fix_all(&doc, &rules::Context { today: TODAY }, 5);
    assert_eq!((n, fixed), (0, doc));
}

#[test]
fn each_planted_defect_is_found_where_it_is() {
    for (what, plant, rule, path) in PLANTED {
        let mut doc = clean();
        plant(&mut doc);
        let found = loud(&doc);
        assert!(
            found.iter().any(|f| f.rule == rule && f.path == path),
            "{what}: no {rule} at {path} in {found:#?}"
        );
    }
}

#[test]
fn a_planted_defect_raises_nothing_beside_itself() {
    for (what, plant, rule, _) in PLANTED {
        let mut doc = clean();
        plant(&mut doc);
        let others: Vec<_> = loud(&doc).into_iter().filter(|f| f.rule != rule).collect();
        // The bare number leaves the appendix row's own checks alone; a reference
        // to a missing appendix leaves the only one unreferenced, as it is.
        let expected_beside = match rule {
            "appendix.reference_missing" => vec!["appendix.unreferenced"],
            _ => vec![],
        };
        let got: Vec<&str> = others.iter().map(|f| f.rule).collect();
        assert_eq!(got, expected_beside, "{what}: {others:#?}");
    }
}

#[test]
fn fixes_restore_what_the_author_meant() {
    let mut doc = clean();
    doc.body[2].children[0].text = doc.body[2].children[0]
        .text
        .replace("phân cấp và", "phân cấp ,và");
    doc.body[4].text = doc.body[4]
        .text
        .replace("Ủy ban nhân dân phường", "Ủy Ban Nhân Dân phường");
    doc.body[1].children[0].text = "nhiệm vụ chung".into();
    let (fixed, n) = rules::fix_all(&doc, &rules::Context { today: TODAY }, 5);
    assert_eq!(n, 3);
    let mut want = clean();
    want.body[2].children[0].text = want.body[2].children[0]
        .text
        .replace("phân cấp và", "phân cấp, và");
    want.body[1].children[0].text = "Nhiệm vụ chung".into();
    assert_eq!(fixed, want);
}

/// The second held-out plan and its planted defects.
#[path = "heldout/gia_vien.rs"]
mod gia_vien;

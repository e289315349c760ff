//! The five seed fixtures against the whole rule catalogue: no errors, except
//! what is really wrong in a seed (or missing from the seed's text) — each such
//! finding named here with the reason.
#![cfg(not(target_arch = "wasm32"))]

use kehoach::model::json::from_json;
use kehoach::model::PartialDate;
use kehoach::rules::{check_with, Context, Severity};
use std::path::PathBuf;

/// The day the checks are run as of: after every seed's date.
fn ctx() -> Context {
    Context {
        today: PartialDate::ymd(2026, 6, 1),
    }
}

fn errors_of(prefix: &str) -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            name.starts_with(prefix) && name.ends_with(".json")
        });
    let doc = from_json(&std::fs::read_to_string(path.expect(prefix)).unwrap()).unwrap();
    let mut errors: Vec<(String, String)> = check_with(&doc, &ctx())
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule.to_string(), f.path))
        .collect();
    errors.sort();
    errors
}

fn expect(prefix: &str, known: &[(&str, &str, &str)]) {
    let mut want: Vec<(String, String)> = known
        .iter()
        .map(|(rule, path, _reason)| (rule.to_string(), path.to_string()))
        .collect();
    want.sort();
    assert_eq!(
        errors_of(prefix),
        want,
        "{prefix}: errors other than the known defects of the seed"
    );
}

/// The seeds' text does not include the Phụ lục tables the body refers to.
const NO_TABLES: &str = "the appendix tables are not part of the seed's text";

#[test]
fn seed_000_city_plan_347() {
    expect(
        "000_",
        &[
            (
                "appendix.reference_missing",
                "body[1].children[1].children[0].children[0].text",
                NO_TABLES,
            ),
            (
                "appendix.reference_missing",
                "body[1].children[1].children[1].children[0].text",
                NO_TABLES,
            ),
        ],
    );
}

#[test]
fn seed_001_city_plan_294() {
    expect(
        "001_",
        &[
            (
                "appendix.reference_missing",
                "body[1].children[3].children[0].text",
                NO_TABLES,
            ),
            (
                "nd30.signature.name",
                "signature.name",
                "the signer's name is not legible in the OCR",
            ),
        ],
    );
}

#[test]
fn seed_002_ward_hong_an() {
    expect(
        "002_",
        &[
            (
                "appendix.reference_missing",
                "body[1].children[1].children[0].children[0].text",
                NO_TABLES,
            ),
            (
                "appendix.reference_missing",
                "body[1].children[1].children[1].children[0].text",
                NO_TABLES,
            ),
        ],
    );
}

#[test]
fn seed_003_commune_nghi_duong() {
    expect(
        "003_",
        &[
            ("appendix.reference_missing", "body[1].children[1].children[0].children[0].text", NO_TABLES),
            ("appendix.reference_missing", "body[1].children[1].children[1].children[0].text", NO_TABLES),
            (
                "cite.date_conflict",
                "opening[0]",
                "Nghị quyết 20/NQ-HĐND is dated 19/12/2025 in the subject and 11/12/2025 in the opening: a real error of the seed",
            ),
            ("nd30.signature.name", "signature.name", "the signer's name is not legible in the OCR"),
        ],
    );
}

#[test]
fn seed_004_party_programme_kien_an() {
    expect(
        "004_",
        &[
            (
                "nd30.signature.name",
                "signature.name",
                "the signer's name is not legible in the OCR",
            ),
            (
                "plan.task.lead",
                "body[1].children[0].children[7].children[2].task.lead[1]",
                "the seed gives two lead units, against its own one-lead principle",
            ),
            (
                "plan.task.lead",
                "body[1].children[1].children[5].children[2].task.lead[1]",
                "the seed gives two lead units (Đảng ủy Công an, Chi bộ Quân sự)",
            ),
            // Appendix rows are held to the same rule as tasks: the seed's
            // tables name two lead units in these rows.
            (
                "plan.task.lead",
                "appendices[1].groups[1].rows[6].cells[4].agencies[1]",
                TWO_LEADS,
            ),
            (
                "plan.task.lead",
                "appendices[1].groups[3].rows[0].cells[4].agencies[1]",
                TWO_LEADS,
            ),
            (
                "plan.task.lead",
                "appendices[1].groups[3].rows[1].cells[4].agencies[1]",
                TWO_LEADS,
            ),
            (
                "plan.task.lead",
                "appendices[1].groups[3].rows[3].cells[4].agencies[1]",
                TWO_LEADS,
            ),
            (
                "plan.task.lead",
                "appendices[1].groups[3].rows[4].cells[4].agencies[1]",
                TWO_LEADS,
            ),
            (
                "plan.task.lead",
                "appendices[2].groups[0].rows[3].cells[2].agencies[1]",
                TWO_LEADS,
            ),
            (
                "plan.task.lead",
                "appendices[2].groups[0].rows[8].cells[2].agencies[1]",
                TWO_LEADS,
            ),
            (
                "plan.task.lead",
                "appendices[2].groups[0].rows[10].cells[2].agencies[1]",
                TWO_LEADS,
            ),
            (
                "plan.task.lead_partner",
                "appendices[2].groups[0].rows[10].cells[3].agencies[1]",
                "the seed lists the socio-political organisations both as lead and as partner of this project",
            ),
        ],
    );
}

/// Rows of seed 004's tables that name two lead units, against its own principle.
const TWO_LEADS: &str = "the seed's table gives the row two lead units";

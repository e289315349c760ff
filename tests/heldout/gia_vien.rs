//! A second held-out ward plan (phường Gia Viên, phòng, chống thiên tai),
//! written for this test and taken from no seed, with two or more planted
//! defects of every class the checker once missed, worded unlike the first
//! plan's. Clean, it gets no error and no warning; each planted defect is
//! found once, as an error or a warning, at the field it is in, with nothing
//! else beside it; and applying every fix never changes what the author did
//! not get wrong.

#[path = "gia_vien_cases.rs"]
mod cases;
#[path = "vni.rs"]
mod vni;

#[path = "gia_vien_wording.rs"]
mod wording;

use cases::Case;
use kehoach::model::json::{from_json, to_value};
use kehoach::model::{Document, PartialDate};
use kehoach::rules::{self, Finding, Severity};
use serde_json::Value;

const TODAY: PartialDate = PartialDate {
    year: 2026,
    month: Some(4),
    day: Some(1),
};

fn ctx() -> rules::Context {
    rules::Context { today: TODAY }
}

pub fn clean() -> Document {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/heldout/phuong_gia_vien_thien_tai.json"
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

fn all_cases() -> impl Iterator<Item = &'static Case> {
    cases::CONTENT.iter().chain(wording::WORDING)
}

fn at_field(f: &Finding, field: &str) -> bool {
    f.path == field
        || f.path
            .strip_prefix(field)
            .is_some_and(|r| r.starts_with('.') || r.starts_with('['))
}

fn planted(c: &Case) -> Document {
    let mut d = clean();
    (c.plant)(&mut d);
    assert_ne!(d, clean(), "{}: nothing planted", c.what);
    d
}

#[test]
fn the_clean_plan_has_no_error_and_no_warning() {
    let doc = clean();
    assert_eq!(loud(&doc), vec![]);
    let (fixed, n) = rules::fix_all(&doc, &ctx(), 5);
    assert_eq!((n, fixed), (0, doc));
}

#[test]
fn each_planted_defect_is_found_once_where_it_is() {
    let mut missed = Vec::new();
    for c in all_cases() {
        let found = loud(&planted(c));
        for field in c.at {
            let here = found.iter().filter(|f| at_field(f, field)).count();
            if here != 1 {
                missed.push(format!(
                    "[{}] {}: {here} at {field} in {:#?}",
                    c.class, c.what, found
                ));
            }
        }
    }
    let n = all_cases().count();
    eprintln!("caught {}/{n}", n - missed.len());
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

#[test]
fn a_planted_defect_raises_nothing_beside_itself() {
    let mut noisy = Vec::new();
    for c in all_cases() {
        let found = loud(&planted(c));
        let others: Vec<_> = found
            .iter()
            .filter(|f| !c.at.iter().any(|a| at_field(f, a)))
            // The only appendix, referred to as one that is not there, is unreferenced.
            .filter(|f| {
                !(c.class == "appendix reference" && c.at == [cases::REF])
                    || f.rule != "appendix.unreferenced"
            })
            .collect();
        if !others.is_empty() {
            noisy.push(format!("[{}] {}: {others:#?}", c.class, c.what));
        }
    }
    assert!(noisy.is_empty(), "{}", noisy.join("\n"));
}

/// Every leaf of a document's JSON by its path.
fn leaves(v: &Value, path: String, out: &mut std::collections::BTreeMap<String, Value>) {
    match v {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, v)| leaves(v, format!("{path}.{k}"), out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, v)| leaves(v, format!("{path}[{i}]"), out)),
        _ => {
            out.insert(path, v.clone());
        }
    }
}

#[test]
fn fixes_change_only_what_the_author_got_wrong() {
    let mut bad = Vec::new();
    let clean_leaves = {
        let mut m = Default::default();
        leaves(&to_value(&clean()), String::new(), &mut m);
        m
    };
    for c in all_cases() {
        let doc = planted(c);
        let (fixed, _) = rules::fix_all(&doc, &ctx(), 5);
        if c.restores && fixed != clean() {
            bad.push(format!(
                "[{}] {}: the fixes do not give back the clean plan",
                c.class, c.what
            ));
        }
        let (mut p, mut f) = (Default::default(), Default::default());
        leaves(&to_value(&doc), String::new(), &mut p);
        leaves(&to_value(&fixed), String::new(), &mut f);
        for (path, v) in &f {
            if Some(v) != clean_leaves.get(path) && Some(v) != p.get(path) {
                bad.push(format!("[{}] {}: {path} became {v}", c.class, c.what));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn every_class_has_two_cases_or_more() {
    for class in [
        "sequence",
        "year",
        "appendix row",
        "bare citation",
        "spacing",
        "capitals",
        "place",
        "appendix reference",
        "deadline",
        "legacy",
    ] {
        assert!(
            all_cases().filter(|c| c.class == class).count() >= 2,
            "{class}"
        );
    }
}

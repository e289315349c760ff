//! The seed documents as fixtures: each loads, is canonical JSON v1 (export →
//! import → export gives identical bytes), is NFC, and holds its seed's parts.
#![cfg(not(target_arch = "wasm32"))]

use kehoach::model::json::{from_json, to_json};
use kehoach::model::{numbering, Document, NodeKind, Profile};
use std::path::PathBuf;
use unicode_normalization::is_nfc;

fn fixture_paths() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    v
}

fn load(prefix: &str) -> Document {
    let path = fixture_paths()
        .into_iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .expect(prefix);
    from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn count(doc: &Document, kind: NodeKind) -> usize {
    let mut n = 0;
    numbering::visit(&doc.body, &doc.settings.numbering, &mut |node, _, _| {
        n += usize::from(node.kind == kind)
    });
    n
}

fn top_headings(doc: &Document) -> Vec<String> {
    doc.body
        .iter()
        .filter(|n| n.kind == NodeKind::Heading)
        .map(|n| n.text.clone())
        .collect()
}

#[test]
fn every_fixture_is_canonical_and_round_trips() {
    let paths = fixture_paths();
    assert!(paths.len() >= 4, "fixtures missing: {paths:?}");
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let doc = from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let once = to_json(&doc);
        assert_eq!(
            once,
            text,
            "{} is not in canonical form (run `kehoach fmt`)",
            p.display()
        );
        assert_eq!(to_json(&from_json(&once).unwrap()), once, "{}", p.display());
        assert!(is_nfc(&text), "{} is not NFC", p.display());
    }
}

#[test]
fn agency_references_resolve_in_every_fixture() {
    for p in fixture_paths() {
        let doc = from_json(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let mut refs: Vec<String> = vec![];
        numbering::visit(&doc.body, &doc.settings.numbering, &mut |n, _, _| {
            refs.extend(n.agencies.iter().cloned());
            if let Some(t) = &n.task {
                refs.extend(
                    t.lead
                        .iter()
                        .chain(&t.implementers)
                        .chain(&t.partners)
                        .cloned(),
                );
            }
        });
        for a in &doc.appendices {
            for g in &a.groups {
                for r in &g.rows {
                    assert_eq!(r.cells.len(), a.columns.len(), "{}: row width", p.display());
                    refs.extend(r.cells.iter().flat_map(|c| c.agencies.iter().cloned()));
                }
            }
        }
        for id in refs {
            assert!(
                doc.agency(&id).is_some(),
                "{}: unknown agency {id}",
                p.display()
            );
        }
    }
}

#[test]
fn city_plan_347_holds_its_seed() {
    let d = load("000_");
    assert_eq!(d.number_line(), "Số: 347/KH-UBND");
    assert_eq!(d.header.date.long_vi(), "ngày 26 tháng 12 năm 2025");
    assert_eq!(
        top_headings(&d),
        [
            "MỤC ĐÍCH, YÊU CẦU",
            "NỘI DUNG",
            "KINH PHÍ THỰC HIỆN",
            "TỔ CHỨC THỰC HIỆN"
        ]
    );
    assert_eq!(count(&d, NodeKind::Duty), 9);
    assert_eq!(
        d.report_deadlines
            .iter()
            .map(|r| (r.day, r.month))
            .collect::<Vec<_>>(),
        [(10, 6), (15, 9), (15, 11)]
    );
    assert!(d.body.last().unwrap().text.ends_with("./."));
    assert_eq!(d.signature.name, "Nguyễn Minh Hùng");
}

#[test]
fn city_plan_294_holds_its_seed() {
    let d = load("001_");
    assert_eq!(d.number_line(), "Số: 294/KH-UBND");
    assert_eq!(count(&d, NodeKind::Task), 5);
    assert_eq!(d.period.map(|p| (p.from, p.to)), Some((2025, 2030)));
}

#[test]
fn ward_plan_hong_an_is_an_unnumbered_draft_cascading_347() {
    let d = load("002_");
    assert!(d.is_draft());
    assert_eq!(d.number_line(), "Số:      /KH-UBND");
    assert_eq!(d.header.date.long_vi(), "ngày      tháng      năm 2026");
    let parent = d.parent.as_ref().expect("parent plan");
    assert_eq!(
        (parent.number.as_str(), parent.symbol.as_str()),
        ("347", "KH-UBND")
    );
    assert_eq!(
        d.report_deadlines
            .iter()
            .map(|r| (r.day, r.month))
            .collect::<Vec<_>>(),
        [(5, 6), (10, 9), (10, 11)]
    );
    assert_eq!(count(&d, NodeKind::Duty), 6);
    assert_eq!(d.recipients.items.len(), 7);
    assert_eq!(d.recipients.archive.as_deref(), Some("VT, VHXXH"));
    assert_eq!(d.signature.name, "Nguyễn Hữu Thanh");
}

#[test]
fn commune_plan_nghi_duong_holds_its_seed() {
    let d = load("003_");
    assert_eq!(d.number_line(), "Số: 34/KH-UBND");
    assert_eq!(d.header.date.long_vi(), "ngày 21 tháng 01 năm 2026");
    assert_eq!(count(&d, NodeKind::Duty), 7);
    assert!(d
        .agencies
        .iter()
        .any(|a| a.name == "Trung tâm Dịch vụ sự nghiệp công"));
}

#[test]
fn party_programme_kien_an_holds_its_seed_and_three_tables() {
    let Some(_) = fixture_paths()
        .iter()
        .find(|p| p.to_string_lossy().contains("004_"))
    else {
        panic!("fixture 004 missing");
    };
    let d = load("004_");
    assert_eq!(d.profile, Profile::Party);
    assert_eq!(d.number_line(), "Số 04-CTr/ĐU");
    assert_eq!(d.appendices.len(), 3);
    for a in &d.appendices {
        assert!(
            a.groups.iter().map(|g| g.rows.len()).sum::<usize>() > 0,
            "appendix {} has rows",
            a.number
        );
    }
}

#[test]
fn committed_schema_matches_the_rust_types() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schema/kehoach-v1.schema.json");
    let committed = std::fs::read_to_string(path).unwrap();
    assert_eq!(
        committed,
        kehoach::model::schema::schema_json(),
        "schema out of date: run `cargo run -- schema > schema/kehoach-v1.schema.json`"
    );
}

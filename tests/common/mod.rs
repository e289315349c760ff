//! Helpers shared by the template tests (tests/templates*.rs): fixtures,
//! built-in templates, the facts of the two seed wards and readers of a
//! document's parts.
#![allow(dead_code)]

use kehoach::model::json::{from_json, to_json};
use kehoach::model::{Document, NodeKind, PartialDate, ReportPeriod, SignPrefix};
use kehoach::rules::{self, Severity};
use kehoach::templates::{self, Facts, Template};
use std::path::PathBuf;

pub fn fixture(prefix: &str) -> Document {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            name.starts_with(prefix) && name.ends_with(".json")
        });
    from_json(&std::fs::read_to_string(path.expect(prefix)).unwrap()).unwrap()
}

pub fn template(id: &str) -> Template {
    templates::find_builtin(id).unwrap_or_else(|| panic!("no built-in template {id}"))
}

pub fn dump(name: &str, doc: &Document) {
    if let Ok(dir) = std::env::var("KEHOACH_DUMP") {
        std::fs::write(
            PathBuf::from(dir).join(format!("{name}.json")),
            to_json(doc),
        )
        .unwrap();
    }
}

pub fn assert_no_errors(name: &str, doc: &Document) {
    let report = rules::check(doc, PartialDate::ymd(2026, 6, 1));
    let errors: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("  {} at {}: {}", f.rule, f.path, f.message_en))
        .collect();
    assert!(
        errors.is_empty(),
        "{name}: {} rule errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

pub fn assert_round_trips(name: &str, doc: &Document) {
    let text = to_json(doc);
    assert!(
        !text.contains("{{"),
        "{name}: a placeholder is left in the document"
    );
    let back = from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(&back, doc, "{name}: JSON v1 round trip");
    assert_eq!(to_json(&back), text, "{name}: canonical bytes");
}

pub fn hong_an() -> Facts {
    Facts::new()
        .with("cap", "phường")
        .with("ten_don_vi", "Hồng An")
        .with("so_nq", "41")
        .with("ngay_nq", "23/12/2025")
        .with("ngay_ke_hoach", "2026")
        .with("so_kh_cap_tren", "347")
        .with("ngay_kh_cap_tren", "26/12/2025")
        .with("han_bao_cao_cap_tren", "10/6, 15/9, 15/11")
        .with("chuc_vu_ky", "chu_tich")
        .with("nguoi_ky", "Nguyễn Hữu Thanh")
}

pub fn nghi_duong() -> Facts {
    Facts::new()
        .with("cap", "xã")
        .with("ten_don_vi", "Nghi Dương")
        .with("so_nq", "20")
        .with("ngay_nq", "19/12/2025")
        .with("so_ke_hoach", "34")
        .with("ngay_ke_hoach", "21/01/2026")
        .with("so_kh_cap_tren", "347")
        .with("ngay_kh_cap_tren", "26/12/2025")
        .with("han_bao_cao_cap_tren", "10/6, 15/9, 15/11")
        .with("han_bao_cao", "05/6, 10/9, 10/11")
        .with("chuc_vu_ky", "pho_chu_tich")
        .with("nguoi_ky", "Nguyễn Văn Bình")
}

pub const DEMOCRACY: &str = "dan_chu_co_so_phuong_xa";

pub fn top(doc: &Document) -> Vec<String> {
    doc.body
        .iter()
        .filter(|n| n.kind == NodeKind::Heading)
        .map(|n| n.text.clone())
        .collect()
}

/// Headings and tasks directly under each top-level heading.
pub fn second(doc: &Document) -> Vec<Vec<String>> {
    doc.body
        .iter()
        .filter(|n| n.kind == NodeKind::Heading)
        .map(|n| {
            n.children
                .iter()
                .filter(|c| matches!(c.kind, NodeKind::Heading | NodeKind::Task))
                .map(|c| c.text.clone())
                .collect()
        })
        .collect()
}

pub fn section<'a>(doc: &'a Document, title: &str) -> &'a kehoach::model::Node {
    doc.body
        .iter()
        .find(|n| n.text == title || n.text.replace(',', "") == title.replace(',', ""))
        .unwrap_or_else(|| panic!("no section {title}"))
}

pub fn duties(doc: &Document) -> Vec<String> {
    section(doc, "TỔ CHỨC THỰC HIỆN")
        .children
        .iter()
        .filter(|n| n.kind == NodeKind::Duty)
        .map(|n| n.text.clone())
        .collect()
}

pub fn duty_agency_names(doc: &Document) -> Vec<Vec<String>> {
    section(doc, "TỔ CHỨC THỰC HIỆN")
        .children
        .iter()
        .filter(|n| n.kind == NodeKind::Duty)
        .map(|n| {
            n.agencies
                .iter()
                .map(|id| doc.agency(id).map(|a| a.name.clone()).unwrap_or_default())
                .collect()
        })
        .collect()
}

pub fn sign_lines(doc: &Document) -> Vec<(Option<SignPrefix>, String)> {
    doc.signature
        .lines
        .iter()
        .map(|l| (l.prefix, l.text.clone()))
        .collect()
}

pub fn deadlines(list: &[kehoach::model::ReportDeadline]) -> Vec<(ReportPeriod, u8, u8)> {
    list.iter().map(|d| (d.period, d.day, d.month)).collect()
}

/// Every text of the document, with its path.
pub fn texts(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    kehoach::model::walk::for_each_text(doc, &mut |path, text| {
        out.push((path.to_string(), text.to_string()))
    });
    out
}

/// Words of the other level must not appear: "phường" in a commune plan, "xã"
/// (as a word, not in "xã hội" or "hợp tác xã") in a ward plan.
pub fn stray_level_words(doc: &Document, other: &str) -> Vec<String> {
    let mut bad = Vec::new();
    for (path, text) in texts(doc) {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
        for (i, w) in words.iter().enumerate() {
            // "xã hội", "Văn hóa - Xã hội", "chính trị - xã hội", "hợp tác xã" are not the level.
            let compound = words.get(i + 1) == Some(&"hội")
                || (i >= 2 && words[i - 1] == "tác" && words[i - 2] == "hợp");
            if *w == other && !compound {
                bad.push(format!("{path}: {text}"));
                break;
            }
        }
    }
    bad
}

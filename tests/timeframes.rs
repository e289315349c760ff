//! Every timeframe written in the fixtures (the seeds restored) and the
//! built-in templates is understood by the checks: none is left to the
//! "timeframe not understood" note.
#![cfg(not(target_arch = "wasm32"))]

use kehoach::model::Timeframe;
use serde_json::Value;
use std::path::PathBuf;

/// The JSON files of `dir` (relative to the crate).
fn json_files(dir: &str) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    v
}

/// Every `"timeframe": {"text": …}` in a JSON value, placeholders filled in.
fn texts(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x.get("text").and_then(Value::as_str)) {
                    ("timeframe", Some(t)) => out.push(fill(t)),
                    _ => texts(x, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| texts(x, out)),
        _ => {}
    }
}

/// "{{han_bao_cao.annual}}" → "10/11": a template's placeholder as a value.
fn fill(t: &str) -> String {
    let mut s = t.to_string();
    while let (Some(a), Some(b)) = (s.find("{{"), s.find("}}")) {
        s.replace_range(a..b + 2, "10/11");
    }
    s
}

#[test]
fn every_written_timeframe_is_understood() {
    let mut all = Vec::new();
    for path in json_files("tests/fixtures")
        .into_iter()
        .chain(json_files("templates"))
    {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut found = Vec::new();
        texts(&v, &mut found);
        all.extend(found.into_iter().map(|t| (path.clone(), t)));
    }
    assert!(all.len() >= 20, "only {} timeframes found", all.len());
    let not_understood: Vec<_> = all
        .iter()
        .filter(|(_, t)| !Timeframe::Text(t.clone()).is_understood())
        .collect();
    assert!(not_understood.is_empty(), "{not_understood:#?}");
}

#[test]
fn forms_named_in_the_seeds_are_understood() {
    for t in [
        "Hằng năm",
        "Thường xuyên",
        "Giai đoạn 2026–2030",
        "Quý I hằng năm",
        "Năm 2026 và các năm tiếp theo",
        "Trước ngày 15/11 hằng năm",
        "Trước ngày 31/3/2026",
        "Từ tháng 01/2026 đến tháng 6/2026",
        "Từ ngày 01/3/2026 đến ngày 30/6/2026",
        "Khi có chỉ đạo của cấp trên",
    ] {
        assert!(Timeframe::Text(t.into()).is_understood(), "{t}");
    }
    assert!(!Timeframe::Text("Đang cập nhật".into()).is_understood());
}

#[test]
fn quarters_and_halves_written_in_words_are_timeframes() {
    use kehoach::model::Timeframe as T;
    // A quarter by its number reads as the quarter by its Roman numeral.
    assert_eq!(
        T::parse_vi("quý 2 năm 2026"),
        T::Quarter {
            quarter: 2,
            year: 2026
        }
    );
    assert_eq!(T::parse_vi("Quý 2 năm 2026"), T::parse_vi("Quý II/2026"));
    assert_eq!(T::parse_vi("Quý II năm 2026"), T::parse_vi("quý 2/2026"));
    // Half-years and the first months of a year keep their words, and the
    // checks know the year they name.
    for (t, y) in [
        ("6 tháng đầu năm 2026", 2026),
        ("6 tháng cuối năm 2026", 2026),
        ("9 tháng đầu năm 2027", 2027),
        ("Trong 6 tháng đầu năm 2026", 2026),
        ("Cuối năm 2026", 2026),
        ("Đầu năm 2026", 2026),
    ] {
        let tf = T::Text(t.into());
        assert!(tf.is_understood(), "{t}");
        assert_eq!(tf.years(), Some((y, y)), "{t}");
    }
    assert_eq!(
        T::parse_vi("6 tháng đầu năm 2026").to_vi(),
        "6 tháng đầu năm 2026"
    );
}

#[test]
fn the_line_under_the_field_says_what_was_understood() {
    use kehoach::model::Timeframe as T;
    use kehoach::Lang;
    assert_eq!(
        T::parse_vi("quý 2 năm 2026").meaning(Lang::Vi),
        "Hiểu là một quý: «Quý II/2026»"
    );
    assert_eq!(
        T::parse_vi("6 tháng đầu năm 2026").meaning(Lang::Vi),
        "Hiểu là thời gian ghi bằng lời, trong năm 2026: «6 tháng đầu năm 2026»"
    );
    assert_eq!(
        T::parse_vi("6 tháng đầu năm 2026").meaning(Lang::En),
        "Understood as a time in words, within 2026: «6 tháng đầu năm 2026»"
    );
    assert_eq!(
        T::parse_vi("Đang cập nhật").meaning(Lang::Vi),
        "Chưa hiểu được — giữ nguyên như đã gõ."
    );
    assert_eq!(T::parse_vi("").meaning(Lang::Vi), "");
}

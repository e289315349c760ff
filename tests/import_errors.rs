//! Malformed input: each gives a message naming the exact JSON path, in
//! Vietnamese and English, and nothing panics whatever the bytes.
#![cfg(not(target_arch = "wasm32"))]

use kehoach::model::json::{from_json, to_json};
use kehoach::model::sample::generated_plan;
use serde_json::Value;

fn sample() -> Value {
    serde_json::from_str(&to_json(&generated_plan(10))).unwrap()
}

fn err(v: &Value) -> kehoach::model::json::ImportError {
    from_json(&v.to_string()).unwrap_err()
}

#[test]
fn truncated_json_says_it_is_cut_off() {
    let text = to_json(&generated_plan(10));
    let e = from_json(&text[..text.len() / 2]).unwrap_err();
    assert!(e.message_vi.contains("cắt cụt"), "{}", e.message_vi);
    assert!(e.message_en.contains("is cut off"), "{}", e.message_en);
}

#[test]
fn wrong_version_is_refused_by_path() {
    let mut v = sample();
    v["version"] = Value::from(7);
    let e = err(&v);
    assert_eq!(e.path, "version");
    assert!(e.message_vi.contains("phiên bản 7"), "{}", e.message_vi);
    v["version"] = Value::from("1");
    assert_eq!(err(&v).path, "version");
    v["format"] = Value::from("docx");
    assert_eq!(err(&v).path, "format");
}

#[test]
fn unknown_field_is_named_with_its_path() {
    let mut v = sample();
    v["appendices"][0]["columns"][2]["colour"] = Value::from("red");
    let e = err(&v);
    assert_eq!(e.path, "appendices[0].columns[2].colour");
    assert!(
        e.message_en
            .starts_with("Column 3 of appendix 1: has a member “colour”"),
        "{}",
        e.message_en
    );
    assert!(
        e.message_vi.contains("không thuộc định dạng kế hoạch"),
        "{}",
        e.message_vi
    );
}

#[test]
fn wrong_type_deep_in_an_appendix_row_names_the_cell() {
    let mut v = sample();
    v["appendices"][0]["groups"][0]["rows"][3]["cells"][1]["text"] = Value::from(5);
    let e = err(&v);
    assert_eq!(e.path, "appendices[0].groups[0].rows[3].cells[1].text");
    assert!(
        e.message_vi
            .starts_with("Phụ lục thứ 1, nhóm 1, dòng 4, cột 2: cần một chuỗi chữ"),
        "{}",
        e.message_vi
    );
    let mut v = sample();
    v["appendices"][0]["groups"][0]["rows"][2]["cells"][4]["timeframe"] = Value::from("someday");
    assert_eq!(
        err(&v).path,
        "appendices[0].groups[0].rows[2].cells[4].timeframe"
    );
    let mut v = sample();
    v["body"][1]["children"][0]["task"]["lead"] = Value::from("phong_van_hoa_xa_hoi");
    assert_eq!(err(&v).path, "body[1].children[0].task.lead");
    let mut v = sample();
    v["header"]["date"] = Value::from("26/12/2025");
    assert_eq!(err(&v).path, "header.date");
}

#[test]
fn arbitrary_bytes_never_panic() {
    let text = to_json(&generated_plan(3));
    // Every prefix, and every single-byte corruption at a stride, must return
    // Ok or Err, never panic.
    for end in (0..text.len()).step_by(7) {
        if text.is_char_boundary(end) {
            let _ = from_json(&text[..end]);
        }
    }
    let bytes = text.as_bytes();
    for i in (0..bytes.len()).step_by(13) {
        for b in [b'"', b'{', b']', b'0', b'x', b'\\'] {
            let mut m = bytes.to_vec();
            m[i] = b;
            if let Ok(s) = std::str::from_utf8(&m) {
                let _ = from_json(s);
            }
        }
    }
    for s in [
        "",
        "null",
        "[]",
        "1",
        "\"kehoach\"",
        "{\"format\":\"kehoach\"}",
        "{\"format\":\"kehoach\",\"version\":-1}",
        "{\"format\":\"kehoach\",\"version\":1}",
    ] {
        assert!(from_json(s).is_err(), "{s}");
    }
}

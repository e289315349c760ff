//! The reader against serde's derived `Deserialize` through
//! `serde_path_to_error` (the reference): same result, path and message.

use super::*;
use crate::model::{sample::generated_plan, Document};
use crate::templates::{Template, BUILTIN_SOURCES};
use serde::de::DeserializeOwned;
use serde_json::json;
use std::fmt::Debug;

/// What `serde_path_to_error` over serde_json's `Value` deserializer says.
fn reference<T: DeserializeOwned>(v: Value) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize(v).map_err(|e| {
        let path = e.path().to_string();
        (
            if path == "." { String::new() } else { path },
            e.inner().to_string(),
        )
    })
}

fn same<T: DeserializeOwned + FromJson + PartialEq + Debug>(v: &Value) -> bool {
    let ours = from_value::<T>(v.clone()).map_err(|(p, e)| (p, e.to_string()));
    assert_eq!(ours, reference::<T>(v.clone()), "{v}");
    ours.is_err()
}

/// Every JSON pointer in `v`, the root first.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, x)| pointers(x, format!("{at}/{i}"), out)),
        Value::Object(m) => m
            .iter()
            .for_each(|(k, x)| pointers(x, format!("{at}/{k}"), out)),
        _ => {}
    }
    out.push(at);
}

/// Break `doc` at every value (`stride` > 1 samples): other types, strings
/// that are not dates or variants, extra and missing members; the first
/// error's path and message must match the reference.
fn mutate_everywhere<T: DeserializeOwned + FromJson + PartialEq + Debug>(
    doc: &Value,
    stride: usize,
) -> usize {
    let replacements = [
        json!(null),
        json!(true),
        json!(5),
        json!(-5),
        json!(1.5),
        json!(70000),
        json!("x"),
        json!("2026-13-01"),
        json!([]),
        json!(["x"]),
        json!({}),
        json!({"x": 1}),
        json!({"quarter": {"quarter": "I", "year": 2026}}),
        json!({"regular": 5}),
        json!({"year": 2026, "month": 5}),
        json!({"before": "2026-02-30"}),
        json!({"text": null}),
        json!({"year": []}),
        json!({"year_range": [2025, 2030]}),
    ];
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    let mut errors = 0;
    for p in all.iter().step_by(stride) {
        for r in &replacements {
            let mut v = doc.clone();
            *v.pointer_mut(p).unwrap() = r.clone();
            errors += same::<T>(&v) as usize;
        }
        let mut v = doc.clone();
        match v.pointer_mut(p).unwrap() {
            Value::Object(m) => {
                m.insert("colour".into(), json!("red"));
                errors += same::<T>(&v) as usize;
                let mut v = doc.clone();
                if let Some(Value::Object(m)) = v.pointer_mut(p) {
                    if let Some(k) = m.keys().next().cloned() {
                        m.remove(&k);
                        errors += same::<T>(&v) as usize;
                    }
                }
            }
            Value::Array(items) => {
                items.push(json!({"text": 1}));
                errors += same::<T>(&v) as usize;
            }
            _ => {}
        }
    }
    errors
}

#[test]
fn documents_fail_like_serde_path_to_error() {
    let doc = serde_json::to_value(generated_plan(2)).unwrap();
    assert!(!same::<Document>(&doc));
    assert!(mutate_everywhere::<Document>(&doc, 1) > 1000);
    for (text, stride) in [
        (
            include_str!("../../../tests/fixtures/002_kh_phuong_hong_an.json"),
            1,
        ),
        (
            include_str!("../../../tests/fixtures/004_ctr04_dang_uy_kien_an.json"),
            97,
        ),
    ] {
        let fixture: Value = serde_json::from_str(text).unwrap();
        assert!(!same::<Document>(&fixture));
        assert!(mutate_everywhere::<Document>(&fixture, stride) > 500);
    }
}

#[test]
fn templates_fail_like_serde_path_to_error() {
    for (_, text) in BUILTIN_SOURCES {
        let t: Value = serde_json::from_str(text).unwrap();
        assert!(!same::<Template>(&t));
        let mut top = t.clone();
        top["document"] = json!({});
        mutate_everywhere::<Template>(&top, 1);
    }
}

#[test]
fn paths_read_like_serde_path_to_error() {
    let doc = serde_json::to_value(generated_plan(2)).unwrap();
    let mut v = doc.clone();
    v["appendices"][0]["groups"][0]["rows"][1]["cells"][1]["text"] = json!(5);
    let (path, e) = from_value::<Document>(v).unwrap_err();
    assert_eq!(path, "appendices[0].groups[0].rows[1].cells[1].text");
    assert_eq!(
        e.to_string(),
        "invalid type: integer `5`, expected a string"
    );
    let mut v = doc.clone();
    v["header"]["colour"] = json!("red");
    assert_eq!(from_value::<Document>(v).unwrap_err().0, "header.colour");
    let mut v = doc;
    v.as_object_mut().unwrap().remove("header");
    let (path, e) = from_value::<Document>(v).unwrap_err();
    assert_eq!(
        (path.as_str(), e.to_string().as_str()),
        ("", "missing field `header`")
    );
}

/// The forms only the browser's readers use (embed options, the draft list):
/// unknown members skipped, JSON names that differ from the field's, every
/// field defaulted like a `#[serde(default)]` container.
#[derive(serde::Deserialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
struct Options {
    #[serde(default)]
    read_only: bool,
    #[serde(default)]
    base_url: Option<String>,
    widths: Vec<u16>,
}

structs! { Options ignore { read_only as "readOnly" = false, base_url as "baseUrl" = None, widths } }

#[test]
fn skipped_members_renamed_fields_and_defaults_match_serde() {
    let v = json!({"readOnly": true, "baseUrl": "/k/", "widths": [1, 2], "onExport": {"x": 1}});
    assert!(!same::<Options>(&v));
    assert_eq!(
        from_value::<Options>(v).unwrap(),
        Options {
            read_only: true,
            base_url: Some("/k/".into()),
            widths: vec![1, 2]
        }
    );
    assert!(
        mutate_everywhere::<Options>(
            &json!({"readOnly": false, "baseUrl": null, "widths": [7]}),
            1
        ) > 20
    );
    assert!(
        same::<Options>(&json!({"read_only": true})),
        "a field's own name is not its JSON name"
    );
    assert!(!same::<Options>(&json!({"widths": []})));
}

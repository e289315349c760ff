//! Standardized JSON v1: export (canonical bytes, NFC), import (strict, exact
//! error paths in Vietnamese and English, never panics) and the migration hook.

mod every_error;
mod parse;
mod wording;

use super::{Document, FORMAT_NAME, FORMAT_VERSION};
pub use every_error::{error_limit, errors_text, from_json_all, MAX_ERRORS};
pub use parse::parse_value;
use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// Why a JSON text is not a valid plan. `path` is the JSON path of the
/// offending value ("appendices[0].groups[1].rows[3].cells[2].text"), "" for the root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub path: String,
    pub message_vi: String,
    pub message_en: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en)
    }
}

impl std::error::Error for ImportError {}

impl ImportError {
    /// An error about the value at `path`: the place in words, then what is wrong.
    fn at(path: &str, vi: String, en: String) -> Self {
        let (message_vi, message_en) = if path.is_empty() {
            (crate::text::capitalise(&vi), crate::text::capitalise(&en))
        } else {
            let (at_vi, at_en) = super::place::json_place(path);
            (format!("{at_vi}: {vi}"), format!("{at_en}: {en}"))
        };
        ImportError {
            path: path.to_string(),
            message_vi,
            message_en,
        }
    }

    pub fn message(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Vi => &self.message_vi,
            crate::Lang::En => &self.message_en,
        }
    }
}

/// The canonical JSON text of a document: pretty-printed with two spaces, keys
/// in declaration order, all text NFC, ending with a newline. Export → import →
/// export gives identical bytes. Written through serde's derived `Serialize`
/// (a hand-written writer saved only 3 KB gzip of first load, under the 10 KB
/// that would keep it).
pub fn to_json(doc: &Document) -> String {
    // NFC over the whole text equals NFC per string: JSON syntax is ASCII and
    // no ASCII character composes with a following combining mark.
    let mut out = crate::text::to_nfc(&to_text(doc));
    out.push('\n');
    out
}

/// The JSON text of a draft as the browser stores it: `to_json` without its
/// indentation. The largest plan the limits allow is 7.3 M characters pretty
/// and 3.75 M without, and Chromium keeps 5 M characters per origin. (This
/// walk, not serde_json's compact writer: the bundle holds one serializer.)
pub fn to_stored_json(doc: &Document) -> String {
    // NFC after the indentation is gone: half the text to look at.
    crate::text::to_nfc(&without_indentation(to_text(doc)))
}

/// Pretty JSON text without its indentation and line ends.
fn without_indentation(pretty: String) -> String {
    // On bytes, whole texts copied at once: UTF-8 never uses an ASCII byte
    // inside a multi-byte character. (Char by char it took 30 ms natively on
    // the largest plan, about half of saving it.)
    let bytes = pretty.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 2);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            // Outside quotes only indentation, line ends and the space after
            // a colon: serde_json escapes every control character in a text.
            b' ' | b'\n' | b'\r' | b'\t' => i += 1,
            b'"' => {
                let end = text_end(bytes, i + 1);
                out.extend_from_slice(&bytes[i..end]);
                i = end;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(compact) => compact,
        Err(_) => pretty,
    }
}

/// The index just past the quote that closes the JSON text whose first
/// character is at `from`.
fn text_end(bytes: &[u8], mut from: usize) -> usize {
    loop {
        let next = bytes
            .get(from..)
            .and_then(|rest| rest.iter().position(|&b| b == b'"' || b == b'\\'));
        let Some(k) = next else {
            return bytes.len();
        };
        if bytes[from + k] == b'"' {
            return from + k + 1;
        }
        // A backslash and the character it escapes.
        from += k + 2;
    }
}

/// The pretty JSON text of any model type (as `to_json`, without NFC and the
/// final newline).
pub fn to_text<T: Serialize + ?Sized>(t: &T) -> String {
    serde_json::to_string_pretty(t).unwrap_or_default()
}

/// The JSON value of a model type, read back from its text (so the web bundle
/// holds one serializer of the model, serde_json's pretty one).
pub fn to_value<T: Serialize + ?Sized>(t: &T) -> Value {
    serde_json::from_str(&to_text(t)).unwrap_or(Value::Null)
}

/// Read a document from JSON text, migrating older versions. Text or a
/// document over the editor's limits (`limits`) is refused, the text before
/// it is parsed. A member written twice in one object is refused, never lost;
/// a UTF-8 byte order mark is skipped (`parse`).
pub fn from_json(text: &str) -> Result<Document, ImportError> {
    super::limits::check_size(text.len())?;
    from_value(parse_value(text)?)
}

/// Read a document from an already parsed JSON value; refused when over the
/// editor's limits (`limits::check`).
pub fn from_value(value: Value) -> Result<Document, ImportError> {
    let doc = read_document(value)?;
    super::limits::check(&doc)?;
    Ok(doc)
}

/// Read a document from a JSON value without the limits check (for callers
/// that report it their own way, e.g. templates).
pub fn read_document(value: Value) -> Result<Document, ImportError> {
    let value = migrate(value)?;
    deserialize(value).map_err(|(path, e)| {
        let (vi, en) = wording::value_error(&e.to_string());
        ImportError::at(&path, vi, en)
    })
}

/// Read any model type from a JSON value; on error, the JSON path of the value
/// it concerns ("" for the root) and serde_json's error (`read`).
pub fn deserialize<T: super::read::FromJson>(
    value: Value,
) -> Result<T, (String, serde_json::Error)> {
    super::read::from_value(value)
}

/// Bring any supported older version up to the current one. v1 is current;
/// a later v2 adds a step `1 => upgrade_v1_to_v2(value)` here.
pub fn migrate(value: Value) -> Result<Value, ImportError> {
    let Value::Object(map) = &value else {
        return Err(ImportError::at(
            "",
            "tệp phải chứa một đối tượng JSON (dạng {…}).".into(),
            "the file must hold a JSON object ({…}).".into(),
        ));
    };
    match map.get("format") {
        Some(Value::String(f)) if f == FORMAT_NAME => {}
        Some(other) => {
            return Err(ImportError::at(
                "format",
                format!(
                    "tệp không phải kế hoạch của kehoach: cần “{FORMAT_NAME}”, tệp ghi {other}."
                ),
                format!("not a kehoach plan: expected “{FORMAT_NAME}”, the file has {other}."),
            ))
        }
        None => {
            return Err(ImportError::at(
                "format",
                format!("thiếu, cần ghi “format”: “{FORMAT_NAME}”."),
                format!("is missing: write “format”: “{FORMAT_NAME}”."),
            ))
        }
    }
    let version = match map.get("version") {
        Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64().unwrap_or_default(),
        Some(other) => {
            return Err(ImportError::at(
                "version",
                format!("phải là một số nguyên dương, tệp ghi {other}."),
                format!("must be a positive whole number, the file has {other}."),
            ))
        }
        None => {
            return Err(ImportError::at(
                "version",
                "thiếu, cần ghi “version”: 1.".into(),
                "is missing: write “version”: 1.".into(),
            ))
        }
    };
    upgrade(value, version, MIGRATIONS)
}

/// One migration step: the version it reads and the function that turns such a
/// value into the next version (it also sets the new "version").
pub type Migration = (u64, fn(Value) -> Value);

/// The published steps. v1 is the first published version, so none yet; when v2
/// comes, `(1, v1_to_v2)` goes here and v1 files keep opening.
pub const MIGRATIONS: &[Migration] = &[];

/// Apply `steps` from `version` until the value is current.
pub fn upgrade(
    mut value: Value,
    mut version: u64,
    steps: &[Migration],
) -> Result<Value, ImportError> {
    while version < FORMAT_VERSION as u64 {
        let Some((_, step)) = steps.iter().find(|(from, _)| *from == version) else {
            return Err(ImportError::at(
                "version",
                format!("phiên bản {version} không được hỗ trợ (chỉ đọc phiên bản 1 đến {FORMAT_VERSION})."),
                format!("version {version} is not supported (this app reads versions 1 to {FORMAT_VERSION})."),
            ));
        };
        value = step(value);
        version = value
            .get("version")
            .and_then(Value::as_u64)
            .unwrap_or(u64::MAX);
    }
    if version > FORMAT_VERSION as u64 {
        return Err(ImportError::at(
            "version",
            format!("phiên bản {version} mới hơn phiên bản ứng dụng này đọc được ({FORMAT_VERSION}); hãy cập nhật ứng dụng."),
            format!("version {version} is newer than this app reads ({FORMAT_VERSION}); update the app."),
        ));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocKind, Profile};

    #[test]
    fn new_document_round_trips() {
        let doc = Document::new(DocKind::Plan, Profile::State);
        let a = to_json(&doc);
        let back = from_json(&a).unwrap();
        assert_eq!(back, doc);
        assert_eq!(to_json(&back), a);
    }

    #[test]
    fn a_stored_draft_has_no_indentation_and_reads_back_the_same() {
        let mut doc = Document::new(DocKind::Plan, Profile::State);
        doc.header.subject = "Kế hoạch  \"số 1\" \\ \n  tiếp\\".into();
        let stored = to_stored_json(&doc);
        assert!(!stored.contains("\n  \""), "{stored}");
        assert!(
            stored.contains("Kế hoạch  \\\"số 1\\\" \\\\ \\n  tiếp\\\\\""),
            "{stored}"
        );
        assert_eq!(from_json(&stored).unwrap(), doc);
        let large = crate::model::sample::generated_plan(300);
        let stored = to_stored_json(&large);
        assert!(stored.len() * 2 < to_json(&large).len());
        assert_eq!(from_json(&stored).unwrap(), large);
    }

    #[test]
    fn errors_name_the_path() {
        let doc = Document::new(DocKind::Plan, Profile::State);
        let mut v: Value = serde_json::from_str(&to_json(&doc)).unwrap();
        v["header"]["subject"] = Value::from(5);
        let e = from_value(v.clone()).unwrap_err();
        assert_eq!(e.path, "header.subject");
        assert_eq!(
            e.message_vi,
            "Trích yếu: cần một chuỗi chữ trong dấu ngoặc kép, nhưng tệp ghi số 5."
        );
        assert_eq!(
            e.message_en,
            "The subject line: expected a text in double quotes, but the file has the number 5."
        );
        v["header"]["subject"] = Value::from("x");
        v["header"]["colour"] = Value::from("red");
        let e = from_value(v.clone()).unwrap_err();
        assert!(e.path.starts_with("header"), "{}", e.path);
        assert!(e.message_en.contains("colour"));
        v["version"] = Value::from(2);
        assert_eq!(from_value(v).unwrap_err().path, "version");
        let e = from_json("{\"format\": \"kehoach\", ").unwrap_err();
        assert!(e.message_vi.contains("cắt cụt"), "{}", e.message_vi);
    }

    #[test]
    fn the_migration_hook_upgrades_older_files() {
        // A pretend v0 that called the subject "title": one step makes it v1.
        fn v0_to_v1(mut v: Value) -> Value {
            let title = v["header"]
                .as_object_mut()
                .and_then(|h| h.remove("title_line"))
                .unwrap_or_default();
            v["header"]["subject"] = title;
            v["version"] = Value::from(1);
            v
        }
        let mut v: Value =
            serde_json::from_str(&to_json(&Document::new(DocKind::Plan, Profile::State))).unwrap();
        v["version"] = Value::from(0);
        v["header"].as_object_mut().unwrap().remove("subject");
        v["header"]["title_line"] = Value::from("Kế hoạch cũ");
        let upgraded = upgrade(v.clone(), 0, &[(0, v0_to_v1)]).unwrap();
        let doc: Document = serde_json::from_value(upgraded).unwrap();
        assert_eq!(doc.header.subject, "Kế hoạch cũ");
        assert_eq!(upgrade(v, 0, MIGRATIONS).unwrap_err().path, "version");
    }

    #[test]
    fn to_value_equals_serde_json_to_value() {
        for doc in [
            crate::model::sample::generated_plan(20),
            from_json(include_str!(
                "../../tests/fixtures/004_ctr04_dang_uy_kien_an.json"
            ))
            .unwrap(),
        ] {
            assert_eq!(to_value(&doc), serde_json::to_value(&doc).unwrap());
            assert_eq!(
                to_value(&doc.report_deadlines),
                serde_json::to_value(&doc.report_deadlines).unwrap()
            );
        }
    }

    #[test]
    fn export_is_nfc() {
        let mut doc = Document::new(DocKind::Plan, Profile::State);
        doc.header.subject = "Ke\u{302}\u{301} hoa\u{323}ch".into();
        assert!(to_json(&doc).contains("Kế hoạch"));
    }
}

/// Every kind of import error names its place in words and reads as whole
/// Vietnamese or English: no JSON path, no serde wording, no Rust type.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod wording_tests {
    use super::*;
    use crate::rules::wording_tests::machine_words;

    fn broken(f: impl FnOnce(&mut Value)) -> ImportError {
        let mut v = to_value(&crate::model::sample::generated_plan(3));
        f(&mut v);
        from_value(v).unwrap_err()
    }

    fn all_errors() -> Vec<ImportError> {
        let mut out = vec![
            broken(|v| v["header"]["date"] = "26/12/2025".into()),
            broken(|v| v["header"]["date"] = 2026.into()),
            broken(|v| v["header"]["subject"] = 5.into()),
            broken(|v| v["header"]["colour"] = "red".into()),
            broken(|v| v["body"][1]["children"][0]["task"]["lead"] = "ubnd".into()),
            broken(|v| v["body"][1]["children"][0]["kind"] = "chapter".into()),
            broken(|v| {
                v["appendices"][0]["groups"][0]["rows"][1]["cells"][4]["timeframe"] =
                    "someday".into()
            }),
            broken(|v| v["appendices"][0]["columns"][2] = Value::Array(vec![])),
            broken(|v| v["agencies"][0]["level"] = true.into()),
            broken(|v| v["settings"]["font_size"] = 300.into()),
            broken(|v| v["period"] = serde_json::json!({"from": 2026})),
            broken(|v| v["opening"] = "Căn cứ".into()),
            broken(|v| {
                v["report_deadlines"] =
                    serde_json::json!([{"period": "annual", "day": 1.5, "month": 2}])
            }),
            broken(|v| v["recipients"] = Value::Null),
            broken(|v| v["format"] = "docx".into()),
            broken(|v| v["version"] = 9.into()),
            broken(|v| v["version"] = "1".into()),
        ];
        let text = to_json(&crate::model::sample::generated_plan(2));
        for bad in [
            text[..text.len() / 2].to_string(),
            text.replacen("\"body\"", "\"body\": [], \"body\"", 1),
            text.replacen(",", "", 1),
            text.replacen("\"format\"", "format", 1),
            format!("{text}x"),
            "[1, 2".to_string(),
            "{\"a\": tru}".to_string(),
            "".to_string(),
            "[]".to_string(),
        ] {
            out.push(from_json(&bad).unwrap_err());
        }
        out
    }

    #[test]
    fn import_errors_name_places_in_words_in_whole_sentences() {
        let serde_en = [
            "EOF",
            "invalid type",
            "invalid value",
            "expected struct",
            "struct ",
            "sequence",
            "u8",
            "u16",
            "i32",
            "unknown field",
            "missing field",
            "`",
        ];
        let english_in_vi = [
            "expected", "found", "string", " an ", "invalid", "field", "`",
        ];
        for e in all_errors() {
            for m in [&e.message_vi, &e.message_en] {
                assert!(machine_words(m).is_empty(), "{m}: {:?}", machine_words(m));
                assert!(m.ends_with('.'), "{m}");
                assert!(m.chars().next().is_some_and(char::is_uppercase), "{m}");
            }
            for w in serde_en {
                assert!(!e.message_en.contains(w), "{w}: {}", e.message_en);
            }
            for w in english_in_vi {
                assert!(!e.message_vi.contains(w), "{w}: {}", e.message_vi);
            }
        }
    }

    #[test]
    fn a_date_error_and_a_duplicate_read_as_sentences() {
        let e = broken(|v| v["header"]["date"] = "26/12/2025".into());
        assert_eq!(e.path, "header.date");
        assert_eq!(e.message_vi, "Dòng ngày tháng ở phần đầu: cần một ngày viết dạng “YYYY”, “YYYY-MM” hoặc “YYYY-MM-DD” (ví dụ “2026-01-15”), nhưng tệp ghi chuỗi chữ “26/12/2025”.");
        let text = to_json(&crate::model::sample::generated_plan(2));
        let e = from_json(&text.replacen("\"body\"", "\"body\": [], \"body\"", 1)).unwrap_err();
        assert_eq!(e.path, "body");
        assert!(
            e.message_vi
                .starts_with("Phần nội dung: trường “body” được ghi hai lần"),
            "{}",
            e.message_vi
        );
        let e = from_json(&text[..text.len() / 2]).unwrap_err();
        assert!(
            e.message_en
                .starts_with("The JSON file is cut off: it ends suddenly at line"),
            "{}",
            e.message_en
        );
    }
}

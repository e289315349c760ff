//! JSON text to a `serde_json::Value`, refusing what serde_json's own `Value`
//! reader lets through silently: a member written twice in one object. That
//! reader keeps the last one, so `{"body": [...], "body": []}` would lose the
//! first body on `fmt` or `check --fix`. A UTF-8 byte order mark (Notepad
//! writes one) is skipped. Syntax errors get messages a ward officer can act
//! on, in Vietnamese and English, with line and column.

use super::super::read::Path;
use super::ImportError;
use serde::de::{DeserializeSeed, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::fmt;

/// Parse JSON text (one value, nothing after it but white space).
pub fn parse_value(text: &str) -> Result<Value, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let duplicate = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = Strict {
        at: Path::Root,
        duplicate: &duplicate,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v));
    parsed.map_err(|e| match duplicate.take() {
        Some(path) => duplicate_error(&path, e.line(), e.column()),
        None => syntax_error(e),
    })
}

fn duplicate_error(path: &str, line: usize, col: usize) -> ImportError {
    let key = path.rsplit(['.', '[']).next().unwrap_or(path);
    ImportError::at(
        path,
        format!("trường “{key}” được ghi hai lần trong cùng một đối tượng (dòng {line}, cột {col}); mỗi trường chỉ được ghi một lần, hãy xóa bản thừa."),
        format!("the member “{key}” is written twice in the same object (line {line}, column {col}); write it once and delete the other."),
    )
}

/// The message of a JSON syntax error.
pub(super) fn syntax_error(e: serde_json::Error) -> ImportError {
    let eof = e.classify() == serde_json::error::Category::Eof;
    let (vi, en) = super::wording::syntax_error(&e.to_string(), eof, e.line(), e.column());
    ImportError::at("", vi, en)
}

/// Reads one value at `at`; the first duplicate member's path goes to `duplicate`.
#[derive(Clone, Copy)]
struct Strict<'a> {
    at: Path<'a>,
    duplicate: &'a RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(Strict {
            at: Path::Index(&self.at, out.len()),
            ..self
        })? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                *self.duplicate.borrow_mut() = Some(Path::Key(&self.at, &key).to_string());
                return Err(A::Error::custom(format!("duplicate field `{key}`")));
            }
            let value = map.next_value_seed(Strict {
                at: Path::Key(&self.at, &key),
                ..self
            })?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_member_written_twice_is_refused_with_its_path() {
        let e = parse_value(r#"{"a": {"b": [{"c": 1, "c": 2}]}}"#).unwrap_err();
        assert_eq!(e.path, "a.b[0].c");
        assert!(e.message_vi.contains("ghi hai lần"), "{}", e.message_vi);
        assert!(e.message_en.contains("written twice"), "{}", e.message_en);
        let e = parse_value("{\"body\": [1],\n \"body\": []}").unwrap_err();
        assert_eq!(e.path, "body");
        assert!(e.message_vi.contains("dòng 2"), "{}", e.message_vi);
    }

    #[test]
    fn the_same_key_in_different_objects_is_fine() {
        let v =
            parse_value(r#"{"a": {"x": 1}, "b": {"x": 2}, "c": [{"x": 3}, {"x": 4}]}"#).unwrap();
        assert_eq!(v["c"][1]["x"], 4);
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"s": "Kế hoạch \"số\" 05", "n": -3, "u": 18446744073709551615, "f": 1.5e3, "t": true, "z": null, "a": [[], {}]}"#;
        assert_eq!(
            parse_value(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(parse_value("\u{feff}{\"a\": 1}").unwrap()["a"], 1);
    }

    #[test]
    fn trailing_text_and_deep_nesting_are_named() {
        let e = parse_value("{\"a\": 1}\n}x").unwrap_err();
        assert!(
            e.message_vi
                .contains("ở dòng 2, cột 1: sau văn bản JSON còn ký tự thừa"),
            "{}",
            e.message_vi
        );
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let e = parse_value(&deep).unwrap_err();
        assert!(
            e.message_vi.contains("lồng nhau quá sâu"),
            "{}",
            e.message_vi
        );
        assert!(e.message_en.contains("128 levels"), "{}", e.message_en);
    }
}

//! Reading a type from an owned `serde_json::Value` while keeping the JSON path
//! of the first error ("appendices[0].groups[0].rows[3].cells[1].text").
//!
//! It replaces `serde_path_to_error` wrapped around serde_json's own `Value`
//! deserializer: that pair monomorphised every model type's `Deserialize` once
//! more through a generic wrapper (about 90 KB of the web bundle). Here one
//! concrete deserializer does both. It mirrors serde_json's `Value`
//! deserializer (same visits, same error values) and `serde_path_to_error`'s
//! paths: map keys and enum variants joined by ".", indices as "[i]", a key's
//! own error (unknown field) at the key, a map's error (missing field) at the
//! map. A test in `json` compares both on many broken documents and templates.

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess, Unexpected, VariantAccess, Visitor,
};
use serde::Deserialize;
use serde_json::{map, Error, Number, Value};
use std::cell::RefCell;
use std::fmt::Write as _;

/// Read `T` from `value`; on error, the path of the innermost value it concerns
/// ("" for the root) and serde_json's error.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, (String, Error)> {
    let track = Track::default();
    T::deserialize(De { value, path: Path::Root, track: &track }).map_err(|e| (track.0.take().unwrap_or_default(), e))
}

/// Where the value being read sits, as a chain of borrowed links to its parent.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Index(&'a Path<'a>, usize),
    Key(&'a Path<'a>, &'a str),
}

impl Path<'_> {
    /// Write the path ("a.b[2].c"); whether it has any segment.
    fn render(&self, out: &mut String) -> bool {
        match *self {
            Path::Root => false,
            Path::Index(parent, i) => {
                parent.render(out);
                let _ = write!(out, "[{i}]");
                true
            }
            Path::Key(parent, key) => {
                if parent.render(out) {
                    out.push('.');
                }
                out.push_str(key);
                true
            }
        }
    }
}

/// The path of the first (innermost) error; outer levels see it already set.
#[derive(Default)]
struct Track(RefCell<Option<String>>);

impl Track {
    #[cold]
    fn fail(&self, path: &Path, err: Error) -> Error {
        let mut slot = self.0.borrow_mut();
        if slot.is_none() {
            let mut s = String::new();
            path.render(&mut s);
            *slot = Some(s);
        }
        err
    }
}

struct De<'a> {
    value: Value,
    path: Path<'a>,
    track: &'a Track,
}

#[cold]
fn invalid_type(value: &Value, exp: &dyn de::Expected) -> Error {
    de::Error::invalid_type(unexpected(value), exp)
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => number_unexpected(n),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

fn number_unexpected(n: &Number) -> Unexpected<'static> {
    match (n.as_u64(), n.as_i64()) {
        (Some(u), _) => Unexpected::Unsigned(u),
        (None, Some(i)) => Unexpected::Signed(i),
        _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
    }
}

fn visit_number<'de, V: Visitor<'de>>(n: &Number, visitor: V) -> Result<V::Value, Error> {
    match (n.as_u64(), n.as_i64()) {
        (Some(u), _) => visitor.visit_u64(u),
        (None, Some(i)) => visitor.visit_i64(i),
        _ => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
    }
}

fn visit_array<'de, V: Visitor<'de>>(items: Vec<Value>, path: &Path, track: &Track, visitor: V) -> Result<V::Value, Error> {
    let len = items.len();
    let mut seq = Seq { iter: items.into_iter(), index: 0, path, track };
    let out = visitor.visit_seq(&mut seq)?;
    if seq.iter.len() == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(len, &"fewer elements in array"))
    }
}

fn visit_object<'de, V: Visitor<'de>>(object: map::Map<String, Value>, path: &Path, track: &Track, visitor: V) -> Result<V::Value, Error> {
    let len = object.len();
    let mut m = Map { iter: object.into_iter(), value: None, key: String::new(), path, track };
    let out = visitor.visit_map(&mut m)?;
    if m.iter.len() == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(len, &"fewer elements in map"))
    }
}

impl<'de> Deserializer<'de> for De<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => visit_number(&n, visitor),
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => visit_array(items, &self.path, self.track, visitor),
            Value::Object(object) => visit_object(object, &self.path, self.track, visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Bool(b) => visitor.visit_bool(b),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::String(s) => visitor.visit_string(s),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_byte_buf(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => visit_array(items, &self.path, self.track, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Array(items) => visit_array(items, &self.path, self.track, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(self, _name: &'static str, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Object(object) => visit_object(object, &self.path, self.track, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(self, _name: &'static str, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Array(items) => visit_array(items, &self.path, self.track, visitor),
            Value::Object(object) => visit_object(object, &self.path, self.track, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(self, _name: &'static str, _variants: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        let (variant, value) = match self.value {
            Value::Object(object) => {
                let mut iter = object.into_iter();
                match (iter.next(), iter.next()) {
                    (Some((variant, value)), None) => (variant, Some(value)),
                    _ => return Err(de::Error::invalid_value(Unexpected::Map, &"map with a single key")),
                }
            }
            Value::String(variant) => (variant, None),
            other => return Err(invalid_type(&other, &"string or map")),
        };
        visitor.visit_enum(Enum { variant, value, path: &self.path, track: self.track })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        drop(self);
        visitor.visit_unit()
    }
}

impl De<'_> {
    fn deserialize_number<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Number(n) => visit_number(&n, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }
}

struct Seq<'a> {
    iter: std::vec::IntoIter<Value>,
    index: usize,
    path: &'a Path<'a>,
    track: &'a Track,
}

impl<'de> SeqAccess<'de> for Seq<'_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        let Some(value) = self.iter.next() else { return Ok(None) };
        let path = Path::Index(self.path, self.index);
        self.index += 1;
        seed.deserialize(De { value, path, track: self.track }).map(Some).map_err(|e| self.track.fail(&path, e))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct Map<'a> {
    iter: map::IntoIter,
    value: Option<Value>,
    key: String,
    path: &'a Path<'a>,
    track: &'a Track,
}

impl<'de> MapAccess<'de> for Map<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.iter.next() else { return Ok(None) };
        self.value = Some(value);
        self.key = key;
        let key: &str = &self.key;
        seed.deserialize(key.into_deserializer()).map(Some).map_err(|e| self.track.fail(&Path::Key(self.path, key), e))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let path = Path::Key(self.path, &self.key);
        let Some(value) = self.value.take() else { return Err(self.track.fail(self.path, de::Error::custom("value is missing"))) };
        seed.deserialize(De { value, path, track: self.track }).map_err(|e| self.track.fail(&path, e))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct Enum<'a> {
    variant: String,
    value: Option<Value>,
    path: &'a Path<'a>,
    track: &'a Track,
}

impl<'de, 'a> EnumAccess<'de> for Enum<'a> {
    type Error = Error;
    type Variant = Variant<'a>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Variant<'a>), Error> {
        let v = seed.deserialize(self.variant.as_str().into_deserializer())?;
        Ok((v, Variant { variant: self.variant, value: self.value, parent: self.path, track: self.track }))
    }
}

/// The content of an externally tagged variant; its path is the enum's path
/// followed by the variant name.
struct Variant<'a> {
    variant: String,
    value: Option<Value>,
    parent: &'a Path<'a>,
    track: &'a Track,
}

impl<'de> VariantAccess<'de> for Variant<'_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        let path = Path::Key(self.parent, &self.variant);
        match self.value {
            None => Ok(()),
            Some(value) => <()>::deserialize(De { value, path, track: self.track }).map_err(|e| self.track.fail(&path, e)),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        let path = Path::Key(self.parent, &self.variant);
        let out = match self.value {
            Some(value) => seed.deserialize(De { value, path, track: self.track }),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"newtype variant")),
        };
        out.map_err(|e| self.track.fail(&path, e))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        let path = Path::Key(self.parent, &self.variant);
        let out = match self.value {
            Some(Value::Array(items)) if items.is_empty() => visitor.visit_unit(),
            Some(Value::Array(items)) => visit_array(items, &path, self.track, visitor),
            Some(other) => Err(invalid_type(&other, &"tuple variant")),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"tuple variant")),
        };
        out.map_err(|e| self.track.fail(&path, e))
    }

    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        let path = Path::Key(self.parent, &self.variant);
        let out = match self.value {
            Some(Value::Object(object)) => visit_object(object, &path, self.track, visitor),
            Some(other) => Err(invalid_type(&other, &"struct variant")),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"struct variant")),
        };
        out.map_err(|e| self.track.fail(&path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{sample::generated_plan, Document};
    use crate::templates::{Template, BUILTIN_SOURCES};
    use serde_json::json;
    use std::fmt::Debug;

    /// What `serde_path_to_error` over serde_json's `Value` deserializer says.
    fn reference<T: DeserializeOwned>(v: Value) -> Result<T, (String, String)> {
        serde_path_to_error::deserialize(v).map_err(|e| {
            let path = e.path().to_string();
            (if path == "." { String::new() } else { path }, e.inner().to_string())
        })
    }

    fn same<T: DeserializeOwned + PartialEq + Debug>(v: &Value) -> bool {
        let ours = from_value::<T>(v.clone()).map_err(|(p, e)| (p, e.to_string()));
        assert_eq!(ours, reference::<T>(v.clone()), "{v}");
        ours.is_err()
    }

    /// Every JSON pointer in `v`, the root first.
    fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Array(items) => items.iter().enumerate().for_each(|(i, x)| pointers(x, format!("{at}/{i}"), out)),
            Value::Object(m) => m.iter().for_each(|(k, x)| pointers(x, format!("{at}/{k}"), out)),
            _ => {}
        }
        out.push(at);
    }

    /// Break `doc` at every value (`stride` > 1 samples): other types, strings
    /// that are not dates or variants, extra and missing members; the first
    /// error's path and message must match the reference.
    fn mutate_everywhere<T: DeserializeOwned + PartialEq + Debug>(doc: &Value, stride: usize) -> usize {
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
        for (text, stride) in
            [(include_str!("../../tests/fixtures/002_kh_phuong_hong_an.json"), 1), (include_str!("../../tests/fixtures/004_ctr04_dang_uy_kien_an.json"), 97)]
        {
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
        assert_eq!(e.to_string(), "invalid type: integer `5`, expected a string");
        let mut v = doc.clone();
        v["header"]["colour"] = json!("red");
        assert_eq!(from_value::<Document>(v).unwrap_err().0, "header.colour");
        let mut v = doc;
        v.as_object_mut().unwrap().remove("header");
        let (path, e) = from_value::<Document>(v).unwrap_err();
        assert_eq!((path.as_str(), e.to_string().as_str()), ("", "missing field `header`"));
    }
}

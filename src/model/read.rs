//! Reading model types from an owned `serde_json::Value`, with the JSON path of
//! the first error ("appendices[0].groups[0].rows[3].cells[1].text").
//!
//! Written by hand rather than through serde's derived `Deserialize`: driving
//! the derived visitors through `serde_path_to_error` (for the exact paths)
//! costs the first load 31 KB gzip more. Measured 2026-12-05 with
//! `npm run bench:size`: a new user's first load is 377.5 KB gzip with the
//! derives and serde_path_to_error (branch `json`), 346.2 KB with this reader,
//! against a budget of 360 KB (e2e/size.test.mjs). Here each type is one small
//! function over a shared member loop ([`members`]). What is accepted, the
//! messages and the paths are serde's (serde_json's `Value` deserializer and
//! `serde_path_to_error`), to the letter: the tests compare both on thousands
//! of broken documents and templates, which is why the derives stay (the
//! reference for those tests, the writer, and the JSON Schema). Messages come
//! from serde's own error constructors. Members written twice are refused
//! before this, when the text is parsed (`json::parse`).

use serde::de::{Error as _, Unexpected};
use serde_json::{Error, Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::variants::UnitEnum;
use super::*;

/// Where the failing value sits ("" for the root) and serde_json's error.
pub type Fail = (String, Error);

/// Where the value being read sits, as a chain of borrowed links to its parent.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    Root,
    Index(&'a Path<'a>, usize),
    Key(&'a Path<'a>, &'a str),
}

impl std::fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        self.render(&mut s);
        f.write_str(&s)
    }
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

    #[cold]
    fn fail(&self, e: Error) -> Fail {
        let mut s = String::new();
        self.render(&mut s);
        (s, e)
    }
}

/// A type read from a JSON value at a path.
pub trait FromJson: Sized {
    fn from_json(v: Value, at: &Path) -> Result<Self, Fail>;
}

/// Read `T` from `value`; on error, the path of the innermost value it concerns.
pub fn from_value<T: FromJson>(value: Value) -> Result<T, Fail> {
    T::from_json(value, &Path::Root)
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

#[cold]
fn invalid_type(value: &Value, expected: &str, at: &Path) -> Fail {
    at.fail(Error::invalid_type(unexpected(value), &expected))
}

impl FromJson for Value {
    fn from_json(v: Value, _: &Path) -> Result<Self, Fail> {
        Ok(v)
    }
}

impl FromJson for String {
    fn from_json(v: Value, at: &Path) -> Result<Self, Fail> {
        match v {
            Value::String(s) => Ok(s),
            other => Err(invalid_type(&other, "a string", at)),
        }
    }
}

impl FromJson for bool {
    fn from_json(v: Value, at: &Path) -> Result<Self, Fail> {
        match v {
            Value::Bool(b) => Ok(b),
            other => Err(invalid_type(&other, "a boolean", at)),
        }
    }
}

/// An integer within `min..=max`, with serde's primitive visitors' messages.
fn integer(v: &Value, at: &Path, name: &str, min: i64, max: i64) -> Result<i64, Fail> {
    let Value::Number(n) = v else {
        return Err(invalid_type(v, name, at));
    };
    match (n.as_u64(), n.as_i64()) {
        (Some(u), _) if u <= max as u64 => Ok(u as i64),
        (Some(u), _) => Err(at.fail(Error::invalid_value(Unexpected::Unsigned(u), &name))),
        (None, Some(i)) if i >= min => Ok(i),
        (None, Some(i)) => Err(at.fail(Error::invalid_value(Unexpected::Signed(i), &name))),
        _ => Err(at.fail(Error::invalid_type(unexpected(v), &name))),
    }
}

macro_rules! integers {
    ($($t:ident),*) => {$(
        impl FromJson for $t {
            fn from_json(v: Value, at: &Path) -> Result<Self, Fail> {
                integer(&v, at, stringify!($t), $t::MIN as i64, $t::MAX as i64).map(|n| n as $t)
            }
        }
    )*};
}
integers!(u8, u16, u32, i32);

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: Value, at: &Path) -> Result<Self, Fail> {
        match v {
            Value::Null => Ok(None),
            v => T::from_json(v, at).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: Value, at: &Path) -> Result<Self, Fail> {
        match v {
            Value::Array(items) => {
                // A plain loop: `collect` into a `Result` costs about 1 KB of wasm per type.
                let mut out = Vec::with_capacity(items.len());
                for (i, x) in items.into_iter().enumerate() {
                    out.push(T::from_json(x, &Path::Index(at, i))?);
                }
                Ok(out)
            }
            other => Err(invalid_type(&other, "a sequence", at)),
        }
    }
}

impl FromJson for BTreeMap<String, String> {
    fn from_json(v: Value, at: &Path) -> Result<Self, Fail> {
        match v {
            Value::Object(m) => {
                let mut out = BTreeMap::new();
                for (k, x) in m {
                    let s = String::from_json(x, &Path::Key(at, &k))?;
                    out.insert(k, s);
                }
                Ok(out)
            }
            other => Err(invalid_type(&other, "a map", at)),
        }
    }
}

impl FromJson for PartialDate {
    fn from_json(v: Value, at: &Path) -> Result<Self, Fail> {
        match v {
            Value::String(s) => PartialDate::parse_iso(&s)
                .map_err(|e| at.fail(Error::invalid_value(Unexpected::Str(&s), &e.as_str()))),
            other => Err(invalid_type(&other, date::EXPECTING, at)),
        }
    }
}

// ---------------------------------------------------------------------------
// Enums: externally tagged, as serde_json reads them.

/// An enum value's variant name and content: `"name"` or `{"name": content}`.
fn tagged(v: Value, at: &Path) -> Result<(String, Option<Value>), Fail> {
    match v {
        Value::String(s) => Ok((s, None)),
        Value::Object(m) => {
            let mut it = m.into_iter();
            match (it.next(), it.next()) {
                (Some((name, content)), None) => Ok((name, Some(content))),
                _ => Err(at.fail(Error::invalid_value(
                    Unexpected::Map,
                    &"map with a single key",
                ))),
            }
        }
        other => Err(invalid_type(&other, "string or map", at)),
    }
}

/// A unit variant's content: none, or `null`.
fn unit(content: Option<Value>, at: &Path) -> Result<(), Fail> {
    match content {
        None | Some(Value::Null) => Ok(()),
        Some(other) => Err(invalid_type(&other, "unit", at)),
    }
}

fn newtype<T: FromJson>(content: Option<Value>, at: &Path) -> Result<T, Fail> {
    match content {
        Some(v) => T::from_json(v, at),
        None => Err(at.fail(Error::invalid_type(
            Unexpected::UnitVariant,
            &"newtype variant",
        ))),
    }
}

fn struct_variant(content: Option<Value>, at: &Path) -> Result<Map<String, Value>, Fail> {
    match content {
        Some(Value::Object(m)) => Ok(m),
        Some(other) => Err(invalid_type(&other, "struct variant", at)),
        None => Err(at.fail(Error::invalid_type(
            Unexpected::UnitVariant,
            &"struct variant",
        ))),
    }
}

/// An enum of unit variants only, named as in its table (`variants`).
impl<T: UnitEnum> FromJson for T {
    fn from_json(v: Value, at: &Path) -> Result<Self, Fail> {
        let (name, content) = tagged(v, at)?;
        let t =
            T::from_name(&name).ok_or_else(|| at.fail(Error::unknown_variant(&name, T::NAMES)))?;
        unit(content, &Path::Key(at, &name))?;
        Ok(t)
    }
}

/// A struct variant's two fields (unknown members skipped, as serde does for
/// an enum without `deny_unknown_fields`).
fn two_fields<A: FromJson, B: FromJson>(
    content: Option<Value>,
    at: &Path,
    names: [&'static str; 2],
) -> Result<(A, B), Fail> {
    let (mut a, mut b) = (None, None);
    for (key, value) in struct_variant(content, at)? {
        let here = Path::Key(at, &key);
        if key == names[0] {
            a = Some(A::from_json(value, &here)?);
        } else if key == names[1] {
            b = Some(B::from_json(value, &here)?);
        }
    }
    match (a, b) {
        (Some(a), Some(b)) => Ok((a, b)),
        (None, _) => Err(at.fail(Error::missing_field(names[0]))),
        (_, None) => Err(at.fail(Error::missing_field(names[1]))),
    }
}

impl FromJson for Timeframe {
    fn from_json(v: Value, at: &Path) -> Result<Self, Fail> {
        const VARIANTS: &[&str] = &[
            "regular",
            "annually",
            "year",
            "quarter",
            "month",
            "year_range",
            "annual_deadline",
            "before",
            "on_directive",
            "text",
        ];
        let (name, content) = tagged(v, at)?;
        let here = Path::Key(at, &name);
        Ok(match name.as_str() {
            "regular" => unit(content, &here).map(|_| Timeframe::Regular)?,
            "annually" => unit(content, &here).map(|_| Timeframe::Annually)?,
            "on_directive" => unit(content, &here).map(|_| Timeframe::OnDirective)?,
            "year" => Timeframe::Year(newtype(content, &here)?),
            "before" => Timeframe::Before(newtype(content, &here)?),
            "text" => Timeframe::Text(newtype(content, &here)?),
            "quarter" => two_fields(content, &here, ["quarter", "year"])
                .map(|(quarter, year)| Timeframe::Quarter { quarter, year })?,
            "month" => two_fields(content, &here, ["month", "year"])
                .map(|(month, year)| Timeframe::Month { month, year })?,
            "year_range" => two_fields(content, &here, ["from", "to"])
                .map(|(from, to)| Timeframe::YearRange { from, to })?,
            "annual_deadline" => two_fields(content, &here, ["day", "month"])
                .map(|(day, month)| Timeframe::AnnualDeadline { day, month })?,
            _ => return Err(at.fail(Error::unknown_variant(&name, VARIANTS))),
        })
    }
}

// ---------------------------------------------------------------------------
// Structs

/// How a struct's members were given, for the message about a missing one.
pub struct Form<'a> {
    at: &'a Path<'a>,
    fields: &'static [&'static str],
    expecting: &'static str,
    /// An array, read field by field (serde's derived visitors accept one).
    seq: bool,
}

impl Form<'_> {
    /// Field `i` was not given and has no default.
    #[cold]
    pub fn missing(&self, i: usize) -> Fail {
        if self.seq {
            let (n, exp) = (self.fields.len(), self.expecting);
            let s = if n == 1 {
                format!("{exp} with 1 element")
            } else {
                format!("{exp} with {n} elements")
            };
            self.at.fail(Error::invalid_length(i, &s.as_str()))
        } else {
            self.at.fail(Error::missing_field(self.fields[i]))
        }
    }
}

/// A struct's members, handed to `put(field index, value, its path)` in the
/// order serde's derived visitor reads them: an object's members in the
/// object's order (unknown ones refused when `deny`, else skipped), or an
/// array's elements as the fields in declaration order. One function for every
/// struct, so each struct's own code is only the dispatch to its fields' types.
pub fn members<'a>(
    v: Value,
    at: &'a Path<'a>,
    fields: &'static [&'static str],
    expecting: &'static str,
    deny: bool,
    put: &mut dyn FnMut(usize, Value, &Path) -> Result<(), Fail>,
) -> Result<Form<'a>, Fail> {
    match v {
        Value::Object(m) => {
            for (key, value) in m {
                let here = Path::Key(at, &key);
                match fields.iter().position(|f| *f == key) {
                    Some(i) => put(i, value, &here)?,
                    None if deny => return Err(here.fail(Error::unknown_field(&key, fields))),
                    None => {}
                }
            }
            Ok(Form {
                at,
                fields,
                expecting,
                seq: false,
            })
        }
        Value::Array(items) => {
            let len = items.len();
            for (i, x) in items.into_iter().enumerate().take(fields.len()) {
                put(i, x, &Path::Index(at, i))?;
            }
            if len > fields.len() {
                return Err(at.fail(Error::invalid_length(len, &"fewer elements in array")));
            }
            Ok(Form {
                at,
                fields,
                expecting,
                seq: true,
            })
        }
        other => Err(invalid_type(&other, expecting, at)),
    }
}

/// `FromJson` for structs, as serde derives `Deserialize` (see [`members`]);
/// then the fields not given are defaulted or refused, in declaration order.
/// `deny` refuses unknown members (`deny_unknown_fields`), `ignore` skips
/// them. A field is `name`, `name = default`, or `name as "jsonName" = default`.
macro_rules! structs {
    ($($ty:ident $mode:ident { $($field:ident $(as $key:literal)? $(= $default:expr)?),* $(,)? })*) => {$(
        impl $crate::model::read::FromJson for $ty {
            fn from_json(v: serde_json::Value, at: &$crate::model::read::Path) -> Result<Self, $crate::model::read::Fail> {
                use $crate::model::read::FromJson;
                // The fields' indices, by name.
                #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
                enum Field { $($field),* }
                const FIELDS: &[&str] = &[$($crate::model::read::structs!(@key $field $($key)?)),*];
                $(let mut $field = None;)*
                #[allow(unused_variables)]
                let form = $crate::model::read::members(v, at, FIELDS, concat!("struct ", stringify!($ty)), $crate::model::read::structs!(@deny $mode), &mut |i, value, here| {
                    $(if i == Field::$field as usize {
                        $field = Some(FromJson::from_json(value, here)?);
                        return Ok(());
                    })*
                    Ok(())
                })?;
                Ok($ty { $($field: match $field {
                    Some(x) => x,
                    None => $crate::model::read::structs!(@missing form (Field::$field as usize) $(, $default)?),
                }),* })
            }
        }
    )*};
    (@key $field:ident) => { stringify!($field) };
    (@key $field:ident $key:literal) => { $key };
    (@deny deny) => { true };
    (@deny ignore) => { false };
    (@missing $form:ident $i:expr) => { return Err($form.missing($i)) };
    (@missing $form:ident $i:expr, $default:expr) => { $default };
}
// Used by the browser-only option and draft-list readers (and the tests).
#[allow(unused_imports)]
pub(crate) use structs;

structs! {
    Document deny {
        format, version, kind, profile, header,
        opening = vec![], body = vec![], agencies = vec![], appendices = vec![],
        recipients = Recipients::default(), signature = Signature::default(), parent = None,
        report_deadlines = vec![], period = None, settings = Settings::default(),
    }
    Header deny { parent_body = None, issuing_body, body_code, number = None, symbol, place, date, title = None, subject }
    Node deny { kind, text = String::new(), task = None, agencies = vec![], children = vec![], child_numbering = vec![] }
    Task deny { lead = vec![], implementers = vec![], partners = vec![], form = None, timeframe = None, timeframe_text = None, output = None }
    Agency deny { id, name, short_name = None, level = AgencyLevel::default() }
    Column deny { id, title, kind, width = None }
    Cell deny { text = String::new(), agencies = vec![], timeframe = None }
    Row deny { cells }
    RowGroup deny { heading = String::new(), rows = vec![] }
    Appendix deny { number, title, attached_note = None, columns, groups = vec![], row_numbering = RowNumbering::default(), landscape = false }
    Recipients deny { items = vec![], archive = None }
    SignLine deny { prefix = None, text }
    Signature deny { lines = vec![], name = String::new() }
    ParentRef deny { kind, number, symbol, date, issuing_body, citations = vec![], report_deadlines = vec![] }
    CitedDoc deny { reference, date }
    ReportDeadline deny { period, day, month }
    YearRange deny { from, to }
    Settings deny { tone_style = ToneStyle::default(), font_size = default_font_size(), numbering = default_numbering() }
}

#[cfg(test)]
mod tests;

//! Every place a JSON plan cannot be read, not just the first: after an
//! error, the value it concerns is set aside (left out of its object) and the
//! file is read again, so the person can fix all of them in one go.

use super::{from_json, migrate, parse_value, ImportError};
use crate::model::Document;
use crate::Lang;
use serde_json::Value;

/// At most this many errors are looked for (each costs one more reading).
pub const MAX_ERRORS: usize = 20;

/// Bytes read again, at most, to look for further errors: on a 7 MB file 20
/// readings took 0.3 s natively (about a second in the browser, in one task);
/// a large file gets fewer.
const READ_AGAIN_BYTES: usize = 16 * 1024 * 1024;

/// How many errors are looked for in a file of `len` bytes (each one after
/// the first costs a reading of the whole file).
pub fn error_limit(len: usize) -> usize {
    (1 + READ_AGAIN_BYTES / len.max(1)).min(MAX_ERRORS)
}

/// Read a document like `from_json`; when it cannot be read, every error
/// found (at most [`error_limit`]), in the order the reading meets them. A file
/// that is not JSON, or not a plan of this app, has one error.
pub fn from_json_all(text: &str) -> Result<Document, Vec<ImportError>> {
    let first = match from_json(text) {
        Ok(doc) => return Ok(doc),
        Err(e) => e,
    };
    // Text that does not parse or is not a current plan has nothing further to read.
    let Some(mut value) = parse_value(text).ok().and_then(|v| migrate(v).ok()) else {
        return Err(vec![first]);
    };
    let mut errors = vec![first];
    let mut aside: Vec<String> = Vec::new();
    while errors.len() < error_limit(text.len()) {
        let path = errors.last().map(|e| e.path.clone()).unwrap_or_default();
        // An error about a value that holds one set aside (a member now
        // missing) is the same mistake again: stop there.
        if aside.iter().any(|a| within(a, &path)) || !set_aside(&mut value, &path) {
            break;
        }
        aside.push(path);
        match super::read_document(value.clone()) {
            Ok(_) => break,
            Err(e) => errors.push(e),
        }
    }
    // The last error found after setting values aside may be a consequence of
    // it (a required member now missing): it was caught by `within` above
    // only for the next round.
    if let (Some(last), true) = (errors.last(), errors.len() > 1) {
        if aside.iter().any(|a| within(a, &last.path)) {
            errors.pop();
        }
    }
    Err(errors)
}

/// At most this many errors are spelled out in a message; the rest are counted.
pub const SHOWN_ERRORS: usize = 5;

/// The errors of a file as one message: the only one as it is; several
/// numbered, the first `SHOWN_ERRORS` of them in full and how many more.
/// `limit` is how many were looked for ([`error_limit`]).
pub fn errors_text(errors: &[ImportError], limit: usize, lang: Lang) -> String {
    if let [only] = errors {
        return only.message(lang).to_string();
    }
    let n = errors.len();
    let listed: Vec<String> = errors
        .iter()
        .take(SHOWN_ERRORS)
        .enumerate()
        .map(|(i, e)| format!("({}) {}", i + 1, e.message(lang)))
        .collect();
    let rest = n.saturating_sub(SHOWN_ERRORS);
    // Looking stops at `limit`: there may be more than were found.
    let at_least = n >= limit;
    let more = match (rest, at_least, lang) {
        (0, _, _) => String::new(),
        (r, false, Lang::Vi) => format!(" Còn {r} chỗ sai khác."),
        (r, true, Lang::Vi) => format!(" Còn ít nhất {r} chỗ sai khác."),
        (1, false, Lang::En) => " One more place is wrong.".to_string(),
        (r, false, Lang::En) => format!(" {r} more places are wrong."),
        (r, true, Lang::En) => format!(" At least {r} more places are wrong."),
    };
    let head = match lang {
        Lang::Vi => format!("tệp có {n} chỗ sai:"),
        Lang::En => format!("the file is wrong in {n} places:"),
    };
    let head = if at_least {
        match lang {
            Lang::Vi => format!("tệp có ít nhất {n} chỗ sai:"),
            Lang::En => format!("the file is wrong in at least {n} places:"),
        }
    } else {
        head
    };
    format!("{head} {}{more}", listed.join(" "))
}

/// Whether `path` is `inner` or holds it ("header" holds "header.date").
fn within(inner: &str, path: &str) -> bool {
    inner == path
        || path.is_empty()
        || inner
            .strip_prefix(path)
            .is_some_and(|rest| rest.starts_with(['.', '[']))
}

/// Leave the member at `path` out of its object. An element of a list is
/// not removed (the places of those after it would change): false then.
fn set_aside(value: &mut Value, path: &str) -> bool {
    let Some((parent, key)) = path.rsplit_once('.').or(Some(("", path))) else {
        return false;
    };
    if key.is_empty() || key.ends_with(']') {
        return false;
    }
    let Some(Value::Object(map)) = at(value, parent) else {
        return false;
    };
    map.remove(key).is_some()
}

/// The value at `path` ("a.b[2].c"; "" is the root).
fn at<'v>(mut value: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    if path.is_empty() {
        return Some(value);
    }
    for part in path.split('.') {
        let (key, indices) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            value = value.get_mut(key)?;
        }
        for index in indices.split('[').filter(|s| !s.is_empty()) {
            value = value.get_mut(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::{to_json, to_value};

    fn plan() -> Value {
        to_value(&crate::model::sample::generated_plan(3))
    }

    #[test]
    fn every_wrong_value_is_reported_with_its_place() {
        let mut v = plan();
        v["header"]["date"] = "26/12/2025".into();
        v["header"]["subject"] = 5.into();
        v["agencies"][0]["level"] = true.into();
        v["appendices"][0]["groups"][0]["rows"][1]["cells"][4]["timeframe"] = "someday".into();
        let errors = from_json_all(&v.to_string()).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(errors.len(), 4, "{paths:?}");
        for p in [
            "header.date",
            "header.subject",
            "agencies[0].level",
            "appendices[0].groups[0].rows[1].cells[4].timeframe",
        ] {
            assert!(paths.contains(&p), "{p} in {paths:?}");
        }
        // Each names its place in words.
        assert!(errors.iter().all(|e| !e.message_vi.contains("header.")));
    }

    #[test]
    fn a_readable_file_opens_and_a_broken_text_has_one_error() {
        let text = to_json(&crate::model::sample::generated_plan(3));
        assert!(from_json_all(&text).is_ok());
        assert_eq!(from_json_all(&text[..text.len() / 2]).unwrap_err().len(), 1);
        assert_eq!(from_json_all("[]").unwrap_err().len(), 1);
    }

    #[test]
    fn a_missing_member_after_setting_aside_is_not_reported_again() {
        // A list where an object belongs: one error, not a cascade.
        let mut v = plan();
        v["body"][0] = 5.into();
        let errors = from_json_all(&v.to_string()).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        let mut v = plan();
        v["recipients"] = Value::Null;
        v["header"]["date"] = "x".into();
        let errors = from_json_all(&v.to_string()).unwrap_err();
        assert!(errors.len() <= 2, "{errors:?}");
        assert!(errors.iter().all(|e| !e.message_en.is_empty()));
    }

    #[test]
    fn a_large_file_is_read_again_fewer_times_and_says_there_may_be_more() {
        assert_eq!(error_limit(1_000), MAX_ERRORS);
        assert_eq!(error_limit(10 * 1024 * 1024), 2);
        // Three wrong values in a file padded to 9 MB: two looked for.
        let mut v = plan();
        v["header"]["date"] = "26/12/2025".into();
        v["header"]["subject"] = 5.into();
        v["agencies"][0]["level"] = true.into();
        v["opening"] = Value::from(vec!["x".repeat(9 * 1024 * 1024)]);
        let errors = from_json_all(&v.to_string()).unwrap_err();
        assert_eq!(errors.len(), 2);
        let vi = errors_text(&errors, 2, Lang::Vi);
        assert!(vi.starts_with("tệp có ít nhất 2 chỗ sai: (1) "), "{vi}");
    }

    #[test]
    fn several_errors_read_as_one_numbered_message() {
        let mut v = plan();
        v["header"]["date"] = "26/12/2025".into();
        v["header"]["subject"] = 5.into();
        let errors = from_json_all(&v.to_string()).unwrap_err();
        let vi = errors_text(&errors, MAX_ERRORS, Lang::Vi);
        assert!(vi.starts_with("tệp có 2 chỗ sai: (1) "), "{vi}");
        assert!(vi.contains(" (2) "), "{vi}");
        let en = errors_text(&errors, MAX_ERRORS, Lang::En);
        assert!(
            en.starts_with("the file is wrong in 2 places: (1) "),
            "{en}"
        );
        assert_eq!(
            errors_text(&errors[..1], MAX_ERRORS, Lang::Vi),
            errors[0].message_vi
        );
        // Many: the first five and a count.
        let many: Vec<ImportError> = (0..8).map(|_| errors[0].clone()).collect();
        let vi = errors_text(&many, MAX_ERRORS, Lang::Vi);
        assert!(vi.contains("(5) ") && !vi.contains("(6) "), "{vi}");
        assert!(vi.ends_with("Còn 3 chỗ sai khác."), "{vi}");
    }

    #[test]
    fn paths_find_their_values() {
        let mut v = plan();
        assert!(at(&mut v, "appendices[0].groups[0].rows[1].cells[4]").is_some());
        assert!(at(&mut v, "nothing.here").is_none());
        assert!(within("header.date", "header"));
        assert!(!within("header.date", "head"));
    }
}

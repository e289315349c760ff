//! Reading templates from JSON text and checking them: every placeholder
//! declared, every fact used, the filled-in document valid JSON v1.

use super::*;

/// Read and check a template from JSON text. Errors name the JSON path, in
/// Vietnamese and English; never panics.
pub fn parse_template(text: &str) -> Result<Template, TemplateError> {
    too_big(text)?;
    let value = crate::model::json::parse_value(text).map_err(from_import_error)?;
    let t = template_from_value(value, "")?;
    validate(&t, "")?;
    Ok(t)
}

/// Read several templates (a portal's list): a JSON array of templates, or a
/// single template object. Paths start with the index ("[2].facts[0].kind").
pub fn parse_template_list(text: &str) -> Result<Vec<Template>, TemplateError> {
    too_big(text)?;
    let value = crate::model::json::parse_value(text).map_err(from_import_error)?;
    let items = match value {
        Value::Array(items) => items,
        other => vec![other],
    };
    let mut out: Vec<Template> = Vec::new();
    let many = items.len() > 1;
    for (i, item) in items.into_iter().enumerate() {
        let prefix = if many {
            format!("[{i}]")
        } else {
            String::new()
        };
        let t = template_from_value(item, &prefix)?;
        validate(&t, &prefix)?;
        if out.iter().any(|o| o.id == t.id) {
            return Err(TemplateError::at(
                &join(&prefix, "id"),
                format!("mã mẫu \"{}\" bị trùng.", t.id),
                format!("template id \"{}\" is used twice.", t.id),
            ));
        }
        out.push(t);
    }
    Ok(out)
}

/// Template text over the limit of a document's JSON (`limits`), refused unread.
fn too_big(text: &str) -> Result<(), TemplateError> {
    crate::model::limits::check_size(text.len()).map_err(|e| TemplateError {
        path: String::new(),
        message_vi: e.message_vi,
        message_en: e.message_en,
    })
}

pub(crate) fn join(prefix: &str, path: &str) -> String {
    match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path.to_string(),
        (false, true) => prefix.to_string(),
        (false, false) if path.starts_with('[') => format!("{prefix}{path}"),
        (false, false) => format!("{prefix}.{path}"),
    }
}

pub(crate) fn template_from_value(value: Value, prefix: &str) -> Result<Template, TemplateError> {
    if !value.is_object() {
        return Err(TemplateError::at(
            prefix,
            "mẫu phải là một đối tượng JSON (dạng {…}).",
            "a template must be a JSON object.",
        ));
    }
    json::deserialize(value).map_err(|(path, e)| {
        let en = e.to_string();
        let vi = if let Some(rest) = en.strip_prefix("unknown field ") {
            let field = rest.split(',').next().unwrap_or(rest);
            format!("trường {field} không có trong định dạng mẫu ({en}).")
        } else if let Some(rest) = en.strip_prefix("missing field ") {
            format!("thiếu trường bắt buộc {rest}.")
        } else if en.starts_with("unknown variant") {
            format!("giá trị không nằm trong danh sách cho phép ({en}).")
        } else {
            format!("dữ liệu không hợp lệ ({en}).")
        };
        TemplateError::at(&join(prefix, &path), vi, en)
    })
}

/// A JSON error of the template text (syntax, a member written twice) as a template error.
fn from_import_error(e: crate::model::json::ImportError) -> TemplateError {
    TemplateError {
        path: e.path,
        message_vi: e.message_vi,
        message_en: e.message_en,
    }
}

pub(crate) fn valid_key(k: &str) -> bool {
    k.starts_with(|c: char| c.is_ascii_lowercase())
        && k.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Reserved placeholder `{{open}}`: prints a literal "{{".
pub const OPEN_BRACES: &str = "open";

/// Check a template: ids and keys, examples, every placeholder declared with a
/// form its fact has, every fact used, and the document valid JSON v1 once the
/// example values are filled in. `prefix` is put before every path.
pub fn validate(t: &Template, prefix: &str) -> Result<(), TemplateError> {
    let at = |p: &str, vi: String, en: String| TemplateError::at(&join(prefix, p), vi, en);
    validate_names(t, &at)?;
    for (i, f) in t.facts.iter().enumerate() {
        validate_fact(t, i, f, &at)?;
    }
    let used = validate_placeholders(t, &at)?;
    if let Some(err) = malformed_placeholder(&t.document, "document") {
        return Err(at(&err.0, err.1, err.2));
    }
    for (i, f) in t.facts.iter().enumerate() {
        let referenced = t
            .facts
            .iter()
            .any(|o| o.earlier_than.as_deref() == Some(&f.key));
        if !used.contains(&f.key) && !referenced {
            return Err(at(
                &format!("facts[{i}].key"),
                format!("dữ kiện \"{}\" không được dùng ở đâu trong văn bản.", f.key),
                format!("fact \"{}\" is not used anywhere in the document.", f.key),
            ));
        }
    }
    // The document, filled in with the examples, is a valid plan.
    instantiate(t, &Facts::examples(t)).map_err(|e| TemplateError {
        path: join(prefix, &e.path),
        message_vi: format!("{} (với các giá trị ví dụ)", e.message_vi),
        message_en: format!("{} (with the example values)", e.message_en),
    })?;
    Ok(())
}

/// An error at a path of the template (made by `validate`, which knows the prefix).
type At<'a> = dyn Fn(&str, String, String) -> TemplateError + 'a;

/// The template's id and name.
fn validate_names(t: &Template, at: &At) -> Result<(), TemplateError> {
    if t.id.is_empty()
        || !t
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    {
        return Err(at(
            "id",
            format!(
                "mã mẫu \"{}\" chỉ gồm chữ thường không dấu, chữ số, \"_\" hoặc \"-\".",
                t.id
            ),
            format!(
                "template id \"{}\" must be lower-case ASCII letters, digits, \"_\" or \"-\".",
                t.id
            ),
        ));
    }
    if t.name_vi.trim().is_empty() {
        return Err(at(
            "name_vi",
            "thiếu tên mẫu.".into(),
            "the template has no name.".into(),
        ));
    }
    Ok(())
}

/// Fact `i`: its key, example and `earlier_than`.
fn validate_fact(t: &Template, i: usize, f: &FactDef, at: &At) -> Result<(), TemplateError> {
    let p = format!("facts[{i}]");
    if !valid_key(&f.key) || f.key == OPEN_BRACES {
        return Err(at(
            &format!("{p}.key"),
            format!("tên dữ kiện \"{}\" chỉ gồm chữ thường không dấu, chữ số và \"_\" (và không phải \"open\").", f.key),
            format!("fact key \"{}\" must be lower-case ASCII letters, digits and \"_\" (and not \"open\").", f.key),
        ));
    }
    if t.facts[..i].iter().any(|o| o.key == f.key) {
        return Err(at(
            &format!("{p}.key"),
            format!("dữ kiện \"{}\" khai báo hai lần.", f.key),
            format!("fact \"{}\" is declared twice.", f.key),
        ));
    }
    if f.required && f.example.as_deref().is_none_or(|e| e.trim().is_empty()) {
        return Err(at(
            &format!("{p}.example"),
            format!("dữ kiện bắt buộc \"{}\" cần giá trị ví dụ.", f.key),
            format!("required fact \"{}\" needs an example value.", f.key),
        ));
    }
    if let Some(e) = &f.example {
        if !e.trim().is_empty() {
            parse_fact(f.kind, e).map_err(|(vi, en)| {
                at(
                    &format!("{p}.example"),
                    format!("giá trị ví dụ không hợp lệ: {vi}"),
                    format!("invalid example: {en}"),
                )
            })?;
        }
    }
    if let Some(other) = &f.earlier_than {
        let ok = f.kind == FactKind::Deadlines
            && t.facts
                .iter()
                .any(|o| &o.key == other && o.kind == FactKind::Deadlines && o.key != f.key);
        if !ok {
            return Err(at(
                &format!("{p}.earlier_than"),
                format!(
                    "\"earlier_than\" phải là tên một dữ kiện hạn báo cáo khác, nhận \"{other}\"."
                ),
                format!("\"earlier_than\" must name another deadlines fact, found \"{other}\"."),
            ));
        }
    }
    Ok(())
}

/// Every placeholder declared, with a form its fact has; the facts used.
fn validate_placeholders(t: &Template, at: &At) -> Result<Vec<String>, TemplateError> {
    let mut used: Vec<String> = Vec::new();
    for ph in placeholders(t) {
        let p = join("document", &ph.path);
        let key = crate::text::to_lower(&ph.key);
        let Some(def) = t.fact(&key) else {
            return Err(at(
                &p,
                format!("chỗ điền {{{{{}}}}} chưa khai báo trong \"facts\".", ph.raw),
                format!(
                    "placeholder {{{{{}}}}} is not declared in \"facts\".",
                    ph.raw
                ),
            ));
        };
        if !def.kind.forms().contains(&ph.form.as_str()) {
            return Err(at(
                &p,
                format!(
                    "dạng \"{}\" không dùng được với dữ kiện \"{}\" ({:?}); dùng một trong: {}.",
                    ph.form,
                    key,
                    def.kind,
                    forms_list(def.kind)
                ),
                format!(
                    "form \"{}\" does not apply to fact \"{}\" ({:?}); use one of: {}.",
                    ph.form,
                    key,
                    def.kind,
                    forms_list(def.kind)
                ),
            ));
        }
        used.push(key);
    }
    Ok(used)
}

pub(crate) fn forms_list(kind: FactKind) -> String {
    kind.forms()
        .iter()
        .map(|f| {
            if f.is_empty() {
                "{{key}}".to_string()
            } else {
                format!("{{{{key.{f}}}}}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One placeholder found in a template's document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// JSON path inside `document` ("body[0].text").
    pub path: String,
    /// The key as written ("CAP", "ten_don_vi").
    pub key: String,
    /// The form after the dot, "" for none.
    pub form: String,
    /// Everything between the braces.
    pub raw: String,
}

/// Every placeholder of the template's document, in document order
/// (`{{open}}` escapes are not placeholders).
pub fn placeholders(t: &Template) -> Vec<Placeholder> {
    let mut out = Vec::new();
    walk_strings(&t.document, "", &mut |path, s| {
        for raw in scan(s).into_iter().flatten() {
            let (key, form) = split_placeholder(&raw);
            if key != OPEN_BRACES {
                out.push(Placeholder {
                    path: path.to_string(),
                    key: key.to_string(),
                    form: form.to_string(),
                    raw,
                });
            }
        }
    });
    out
}

pub(crate) fn walk_strings(v: &Value, path: &str, f: &mut dyn FnMut(&str, &str)) {
    match v {
        Value::String(s) => f(path, s),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk_strings(item, &format!("{path}[{i}]"), f);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                walk_strings(item, &join(path, k), f);
            }
        }
        _ => {}
    }
}

/// The placeholders of one string, or `None` if a "{{" is not closed.
pub(crate) fn scan(s: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let end = after.find("}}")?;
        out.push(after[..end].to_string());
        rest = &after[end + 2..];
    }
    Some(out)
}

pub(crate) fn split_placeholder(raw: &str) -> (&str, &str) {
    let raw = raw.trim();
    raw.split_once('.').unwrap_or((raw, ""))
}

pub(crate) fn well_formed(raw: &str) -> bool {
    let (key, form) = split_placeholder(raw);
    !key.is_empty()
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && form
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

pub(crate) fn malformed_placeholder(v: &Value, path: &str) -> Option<(String, String, String)> {
    let mut found = None;
    walk_strings(v, path, &mut |p, s| {
        if found.is_some() {
            return;
        }
        match scan(s) {
            None => {
                found = Some((
                    p.to_string(),
                    "\"{{\" không có \"}}\" đóng (viết {{open}} để in \"{{\").".into(),
                    "\"{{\" is never closed (write {{open}} to print \"{{\").".into(),
                ))
            }
            Some(list) => {
                if let Some(bad) = list.iter().find(|r| !well_formed(r)) {
                    found = Some((
                        p.to_string(),
                        format!("chỗ điền {{{{{bad}}}}} sai dạng (cần {{{{tên}}}} hoặc {{{{tên.dạng}}}})."),
                        format!("malformed placeholder {{{{{bad}}}}} (expected {{{{key}}}} or {{{{key.form}}}})."),
                    ));
                }
            }
        }
    });
    found
}

// The template types read by the model's reader (`model::read`): the same
// messages and paths as a document's. Kept here so the model does not know
// about templates.
use crate::model::read::{Fail, FromJson, Path};

crate::model::variants::unit_enums! {
    FactKind {
        Text "text", OptionalText "optional_text", Level "level", Number "number", Date "date", Deadlines "deadlines", Signer "signer",
    }
}

crate::model::read::structs! {
    Template deny { id, name_vi, name_en, description_vi = String::new(), description_en = String::new(), facts = vec![], document }
    FactDef deny { key, label_vi, label_en, kind, example = None, required = true, earlier_than = None }
}

impl FromJson for Facts {
    fn from_json(v: Value, at: &Path) -> Result<Self, Fail> {
        std::collections::BTreeMap::from_json(v, at).map(Facts)
    }
}

#[cfg(test)]
mod fact_kind_names {
    use super::*;
    use crate::model::variants::UnitEnum;

    #[test]
    fn each_name_is_what_serde_writes() {
        for v in FactKind::VARIANTS {
            assert_eq!(
                serde_json::to_value(v).unwrap(),
                Value::from(v.name()),
                "{v:?}"
            );
        }
        assert_eq!(FactKind::VARIANTS.len(), 7);
    }
}

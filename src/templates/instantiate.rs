//! Starting a plan from a template: resolve the facts, substitute every
//! placeholder in the document's JSON value, read the result as JSON v1.

use super::*;
use crate::model::month_vi;

/// Resolve every declared fact from what was given.
pub(crate) fn resolve(
    t: &Template,
    facts: &Facts,
) -> Result<BTreeMap<String, (FactKind, FactValue)>, TemplateError> {
    let mut out = BTreeMap::new();
    for f in &t.facts {
        let path = format!("facts.{}", f.key);
        let given = facts.get(&f.key).map(str::trim).filter(|v| !v.is_empty());
        let value = match given {
            Some(raw) => parse_fact(f.kind, raw).map_err(|msg| unreadable(f, &path, msg))?,
            None if f.required => return Err(missing_required(f, &path)),
            None => FactValue::Absent,
        };
        if let FactValue::Signer(s) = &value {
            check_signer(t, f, &path, s)?;
        }
        out.insert(f.key.clone(), (f.kind, value));
    }
    own_deadlines(t, &mut out)?;
    Ok(out)
}

/// A required fact left empty (path "facts.<key>").
fn missing_required(def: &FactDef, path: &str) -> TemplateError {
    TemplateError::at(
        path,
        format!("thiếu dữ kiện bắt buộc \"{}\" ({}).", def.label_vi, def.key),
        format!("missing required fact \"{}\" ({}).", def.label_en, def.key),
    )
}

/// A value that cannot be read as its fact's kind, with the fact's label.
fn unreadable(def: &FactDef, path: &str, (vi, en): Msg) -> TemplateError {
    TemplateError::at(
        path,
        format!("{}: {vi}", def.label_vi),
        format!("{}: {en}", def.label_en),
    )
}

/// The signer fits the document's profile: a Party document is signed by its
/// secretaries, a People's Committee document by its chair or vice-chairs.
fn check_signer(t: &Template, f: &FactDef, path: &str, s: &Signer) -> Result<(), TemplateError> {
    let party = t.document.get("profile").and_then(Value::as_str) == Some("party");
    if s.is_party() == party {
        return Ok(());
    }
    let (vi, en) = if party {
        (
            "văn bản của Đảng: người ký là \"bi_thu\" (Bí thư) hoặc \"pho_bi_thu\" (Phó Bí thư)",
            "a Party document is signed by \"bi_thu\" (secretary) or \"pho_bi_thu\" (deputy secretary)",
        )
    } else {
        (
            "văn bản của Ủy ban nhân dân: người ký là \"chu_tich\" (Chủ tịch) hoặc \"pho_chu_tich\" (Phó Chủ tịch)",
            "a People's Committee document is signed by \"chu_tich\" (chair) or \"pho_chu_tich\" (vice-chair)",
        )
    };
    Err(TemplateError::at(
        path,
        format!("{}: {vi}.", f.label_vi),
        format!("{}: {en}.", f.label_en),
    ))
}

/// Own deadlines: derived from the parent's when absent, checked earlier when given.
fn own_deadlines(
    t: &Template,
    out: &mut BTreeMap<String, (FactKind, FactValue)>,
) -> Result<(), TemplateError> {
    for f in &t.facts {
        let Some(parent_key) = &f.earlier_than else {
            continue;
        };
        let parent = match out.get(parent_key) {
            Some((_, FactValue::Deadlines(p))) => p.clone(),
            _ => continue,
        };
        let path = format!("facts.{}", f.key);
        match out.get(&f.key) {
            Some((_, FactValue::Deadlines(own))) => {
                for d in own {
                    if let Some(p) = parent.iter().find(|p| p.period == d.period) {
                        if (d.month, d.day) >= (p.month, p.day) {
                            let (od, pd) =
                                (day_month_vi(d.day, d.month), day_month_vi(p.day, p.month));
                            return Err(TemplateError::at(
                                &path,
                                format!("hạn báo cáo {} ({od}) phải sớm hơn hạn của kế hoạch cấp trên ({pd}) để kịp tổng hợp.", d.period.short_vi()),
                                format!("the {} deadline ({od}) must fall before the parent plan's ({pd}) to leave time to consolidate.", period_key(d.period)),
                            ));
                        }
                    }
                }
            }
            _ => {
                out.insert(
                    f.key.clone(),
                    (
                        FactKind::Deadlines,
                        FactValue::Deadlines(earlier_deadlines(&parent, EARLIER_BY_DAYS)),
                    ),
                );
            }
        }
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Case {
    AsIs,
    Upper,
    Capital,
}

pub(crate) fn case_of(key: &str) -> Case {
    let has_upper = key.chars().any(|c| c.is_ascii_uppercase());
    let has_lower = key.chars().any(|c| c.is_ascii_lowercase());
    if has_upper && !has_lower {
        Case::Upper
    } else if key.starts_with(|c: char| c.is_ascii_uppercase()) {
        Case::Capital
    } else {
        Case::AsIs
    }
}

pub(crate) fn apply_case(s: String, case: Case) -> String {
    match case {
        Case::AsIs => s,
        Case::Upper => crate::text::to_upper(&s),
        Case::Capital => {
            let mut c = s.chars();
            match c.next() {
                Some(first) => crate::text::upper_char(first).chain(c).collect(),
                None => s,
            }
        }
    }
}

pub(crate) const BLANK_NUMBER: &str = "      ";

pub(crate) fn render_text(kind: FactKind, value: &FactValue, form: &str) -> Result<String, Msg> {
    let missing = |what: &str| (format!("không có {what}."), format!("no {what} given."));
    Ok(match (value, form) {
        (FactValue::Absent, "blank") => BLANK_NUMBER.to_string(),
        (FactValue::Absent, _) => String::new(),
        (FactValue::Text(s), "blank") if s.is_empty() => BLANK_NUMBER.to_string(),
        (FactValue::Text(s), _) => s.clone(),
        (FactValue::Level(l), f) => l.word(f).unwrap_or_default().to_string(),
        (FactValue::Date(d), "") => d.short_vi(),
        (FactValue::Date(d), "iso") => d.to_string(),
        (FactValue::Date(d), "long") => d.long_vi(),
        (FactValue::Date(d), "year") => d.year.to_string(),
        (FactValue::Date(d), "day") => d.day.map(|x| format!("{x:02}")).unwrap_or_default(),
        (FactValue::Date(d), "month") => d.month.map(month_vi).unwrap_or_default(),
        (FactValue::Deadlines(list), "") => deadlines_text(list),
        (FactValue::Deadlines(list), f) => {
            let d = list
                .iter()
                .find(|d| period_key(d.period) == f)
                .ok_or_else(|| missing(&format!("hạn báo cáo kỳ {f} / deadline for {f}")))?;
            day_month_vi(d.day, d.month)
        }
        (FactValue::Signer(s), _) => s.title_vi().to_string(),
        (v, f) => {
            return Err((
                format!("dạng \"{f}\" không dùng được với {kind:?} ({v:?})."),
                format!("form \"{f}\" does not apply to {kind:?} ({v:?})."),
            ))
        }
    })
}

/// The value a string that is exactly one placeholder turns into.
pub(crate) fn render_whole(
    kind: FactKind,
    value: &FactValue,
    form: &str,
    case: Case,
) -> Result<Value, Msg> {
    Ok(match (value, form) {
        (FactValue::Absent, "") => Value::Null,
        (FactValue::Deadlines(list), "") => json::to_value(list),
        (FactValue::Signer(s), "") => s.lines(),
        _ => Value::String(apply_case(render_text(kind, value, form)?, case)),
    })
}

/// Fill every placeholder in `v` (at JSON path `path`) with the resolved facts.
pub(crate) fn substitute(
    v: &mut Value,
    path: &str,
    facts: &BTreeMap<String, (FactKind, FactValue)>,
) -> Result<(), TemplateError> {
    match v {
        Value::String(s) => {
            if let Some(filled) = fill_string(s, path, facts)? {
                *v = filled;
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                substitute(item, &format!("{path}[{i}]"), facts)?;
            }
        }
        Value::Object(map) => {
            for (k, item) in map.iter_mut() {
                substitute(item, &join(path, k), facts)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// What a string with placeholders becomes (`None`: it has none): a string
/// that is exactly one placeholder takes the fact's whole value (a list, a
/// null); any other has each placeholder written out in its text.
fn fill_string(
    s: &str,
    path: &str,
    facts: &BTreeMap<String, (FactKind, FactValue)>,
) -> Result<Option<Value>, TemplateError> {
    if !s.contains("{{") {
        return Ok(None);
    }
    let fail = |(vi, en): Msg| TemplateError::at(path, vi, en);
    let list = scan(s).ok_or_else(|| {
        fail((
            "\"{{\" không có \"}}\" đóng.".into(),
            "\"{{\" is never closed.".into(),
        ))
    })?;
    let trimmed = s.trim();
    if list.len() == 1
        && trimmed.starts_with("{{")
        && trimmed.ends_with("}}")
        && trimmed.len() == list[0].len() + 4
        && split_placeholder(&list[0]).0 != OPEN_BRACES
    {
        let (kind, value, form, case) = lookup(&list[0], facts).map_err(fail)?;
        return render_whole(kind, value, form, case)
            .map(Some)
            .map_err(fail);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find("}}").unwrap_or(after.len());
        let raw = &after[..end];
        if split_placeholder(raw).0 == OPEN_BRACES && split_placeholder(raw).1.is_empty() {
            out.push_str("{{");
        } else {
            let (kind, value, form, case) = lookup(raw, facts).map_err(fail)?;
            out.push_str(&apply_case(
                render_text(kind, value, form).map_err(fail)?,
                case,
            ));
        }
        rest = after.get(end + 2..).unwrap_or("");
    }
    out.push_str(rest);
    Ok(Some(Value::String(out)))
}

/// The fact a placeholder's text (`raw`, between the braces) names, with the
/// form it asks for and the case its key is written in.
fn lookup<'f>(
    raw: &'f str,
    facts: &'f BTreeMap<String, (FactKind, FactValue)>,
) -> Result<(FactKind, &'f FactValue, &'f str, Case), Msg> {
    if !well_formed(raw) {
        return Err((
            format!("chỗ điền {{{{{raw}}}}} sai dạng."),
            format!("malformed placeholder {{{{{raw}}}}}."),
        ));
    }
    let (key, form) = split_placeholder(raw);
    let (kind, value) = facts.get(&crate::text::to_lower(key)).ok_or_else(|| {
        (
            format!("chỗ điền {{{{{raw}}}}} chưa khai báo trong \"facts\"."),
            format!("placeholder {{{{{raw}}}}} is not declared in \"facts\"."),
        )
    })?;
    if !kind.forms().contains(&form) {
        return Err((
            format!("dạng \"{form}\" không dùng được với dữ kiện \"{key}\"."),
            format!("form \"{form}\" does not apply to fact \"{key}\"."),
        ));
    }
    Ok((*kind, value, form, case_of(key)))
}

/// Start a plan from a template: fill every placeholder with the given facts and
/// read the result as a JSON v1 document. A missing required fact, a value that
/// cannot be read, an undeclared placeholder or a document that is not valid
/// JSON v1 once filled in gives an error naming its path.
pub fn instantiate(t: &Template, facts: &Facts) -> Result<Document, TemplateError> {
    let values = resolve(t, facts)?;
    let mut doc = t.document.clone();
    substitute(&mut doc, "document", &values)?;
    let doc = json::read_document(doc).map_err(|e| {
        let path = join("document", &e.path);
        let strip = |m: &str| {
            m.split_once(": ")
                .map(|(_, r)| r.to_string())
                .unwrap_or_else(|| m.to_string())
        };
        TemplateError::at(&path, strip(&e.message_vi), strip(&e.message_en))
    })?;
    // The limits' message is whole (no path to strip).
    crate::model::limits::check(&doc).map_err(|e| TemplateError {
        path: "document".into(),
        message_vi: e.message_vi,
        message_en: e.message_en,
    })?;
    Ok(doc)
}

/// Like [`instantiate`], with every fact not given taken from the template's
/// examples: the gallery's preview, or a form filled in part.
pub fn instantiate_with_examples(t: &Template, facts: &Facts) -> Result<Document, TemplateError> {
    let mut all = Facts::examples(t);
    for (k, v) in &facts.0 {
        if !v.trim().is_empty() {
            all.set(k, v);
        }
    }
    instantiate(t, &all)
}

/// Check one value as it is typed into the start form (path "facts.<key>").
/// An empty value is fine for an optional fact.
pub fn check_fact(def: &FactDef, value: &str) -> Result<(), TemplateError> {
    let path = format!("facts.{}", def.key);
    if value.trim().is_empty() {
        return if def.required {
            Err(missing_required(def, &path))
        } else {
            Ok(())
        };
    }
    parse_fact(def.kind, value)
        .map(|_| ())
        .map_err(|msg| unreadable(def, &path, msg))
}

/// The required facts not given yet, in the template's order.
pub fn missing_facts<'a>(t: &'a Template, facts: &Facts) -> Vec<&'a FactDef> {
    t.facts
        .iter()
        .filter(|f| f.required && facts.get(&f.key).is_none_or(|v| v.trim().is_empty()))
        .collect()
}

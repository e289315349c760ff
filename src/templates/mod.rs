//! Templates: a plan document with named placeholders plus the list of facts a
//! person gives when starting from it (ward or commune name and level, its own
//! resolution, the parent plan, the signer …). The format is public and read at
//! run time from JSON text (built-in templates, personal templates saved from a
//! draft, templates a portal supplies); `templates/README.md` describes it.
//!
//! Substitution works on the JSON value of the document before it is read as a
//! [`Document`], so placeholders may stand anywhere a string does:
//! - inside a longer string, `{{key}}` or `{{key.form}}` is replaced by text;
//! - a string that is exactly one placeholder takes the fact's typed JSON value
//!   (report deadlines become an array, signer lines an array, a missing
//!   optional fact `null`), which is how typed fields are filled.

mod level;

pub use level::{Level, WORDS};

use crate::model::{json, Document, PartialDate, ReportDeadline, ReportPeriod};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use unicode_normalization::UnicodeNormalization;

/// Why a template (or starting a plan from it) failed. `path` is the JSON path
/// of the offending value: "facts[2].kind", "document.body[0].text",
/// "facts.ten_don_vi" (a fact given when starting), "" for the root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub path: String,
    pub message_vi: String,
    pub message_en: String,
}

impl TemplateError {
    fn at(path: &str, vi: impl Into<String>, en: impl Into<String>) -> Self {
        let shown = if path.is_empty() { "(gốc)" } else { path };
        let shown_en = if path.is_empty() { "(root)" } else { path };
        TemplateError { path: path.to_string(), message_vi: format!("{shown}: {}", vi.into()), message_en: format!("{shown_en}: {}", en.into()) }
    }

    pub fn message(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Vi => &self.message_vi,
            crate::Lang::En => &self.message_en,
        }
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en)
    }
}

impl std::error::Error for TemplateError {}

/// What kind of value a fact holds; it decides how the typed text is read and
/// which forms (`{{key.form}}`) a placeholder may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// Free text ("Hồng An").
    Text,
    /// Text that may be left empty.
    OptionalText,
    /// "phường" or "xã"; forms are the wording table ([`WORDS`]).
    Level,
    /// A document number, digits only; below 10 gets its leading zero ("5" → "05").
    Number,
    /// A date "23/12/2025", "2025-12-23", or partial "12/2025", "2026".
    Date,
    /// Report deadlines "05/6, 10/9, 10/11" (6-month, 9-month, annual) or labelled
    /// "6 tháng: 05/6; 9 tháng: 10/9; năm: 10/11".
    Deadlines,
    /// Who signs: for a People's Committee "chu_tich" (Chủ tịch) or "pho_chu_tich"
    /// (Phó Chủ tịch, KT.); for a Party committee "bi_thu" (Bí thư) or "pho_bi_thu" (Phó Bí thư, K/T).
    Signer,
}

impl FactKind {
    /// The forms a placeholder `{{key.form}}` may use ("" is the plain `{{key}}`).
    pub fn forms(self) -> &'static [&'static str] {
        match self {
            FactKind::Text => &[""],
            FactKind::OptionalText | FactKind::Number => &["", "blank"],
            FactKind::Level => &["", "khu_dan_cu", "cong_an", "quan_su", "phong_kinh_te", "ubnd", "hdnd", "dang_uy", "level"],
            FactKind::Date => &["", "iso", "long", "year", "day", "month"],
            FactKind::Deadlines => &["", "six_month", "nine_month", "annual", "quarterly", "other"],
            FactKind::Signer => &[""],
        }
    }
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// One fact asked for when a plan is started from the template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FactDef {
    /// Placeholder name: lower-case ASCII letters, digits and "_" ("ten_don_vi").
    pub key: String,
    pub label_vi: String,
    pub label_en: String,
    pub kind: FactKind,
    /// A value shown as a hint and used to check the template; required facts need one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub required: bool,
    /// Deadlines only: the key of another deadlines fact (the parent plan's) that
    /// these must all fall before; when this fact is left empty it is derived
    /// from that one, [`EARLIER_BY_DAYS`] days earlier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earlier_than: Option<String>,
}

/// How many days earlier a unit's own report deadlines fall than its parent's
/// when they are derived (347/KH-UBND 10/6 → ward 05/6).
pub const EARLIER_BY_DAYS: u8 = 5;

/// A template: metadata, the facts to ask for, and the document with placeholders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// Stable ASCII id ("dan_chu_co_so_phuong_xa").
    pub id: String,
    pub name_vi: String,
    pub name_en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description_vi: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description_en: String,
    #[serde(default)]
    pub facts: Vec<FactDef>,
    /// A JSON v1 document whose strings may hold placeholders.
    pub document: Value,
}

impl Template {
    pub fn fact(&self, key: &str) -> Option<&FactDef> {
        self.facts.iter().find(|f| f.key == key)
    }

    /// Name in the given language.
    pub fn name(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Vi => &self.name_vi,
            crate::Lang::En => &self.name_en,
        }
    }

    /// Description in the given language.
    pub fn description(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Vi => &self.description_vi,
            crate::Lang::En => &self.description_en,
        }
    }
}

/// The facts given when starting a plan: key → value as typed. Its JSON form is
/// a plain object `{"cap": "xã", "ten_don_vi": "Nghi Dương"}` (for keeping a form).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Facts(pub BTreeMap<String, String>);

impl Facts {
    pub fn new() -> Self {
        Facts::default()
    }

    /// Builder form: `Facts::new().with("cap", "xã")`.
    pub fn with(mut self, key: &str, value: &str) -> Self {
        self.set(key, value);
        self
    }

    pub fn set(&mut self, key: &str, value: &str) {
        self.0.insert(key.to_string(), value.to_string());
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    /// The parent plan's facts, under the keys the built-in templates use for a
    /// cascade: `so_kh_cap_tren` (number), `ngay_kh_cap_tren` (date) and
    /// `han_bao_cao_cap_tren` (its report deadlines), when the parent has them.
    pub fn from_parent(parent: &Document) -> Facts {
        let mut f = Facts::new();
        if let Some(n) = parent.header.number.as_deref().filter(|n| !n.trim().is_empty()) {
            f.set("so_kh_cap_tren", n.trim());
        }
        if parent.header.date.is_complete() {
            f.set("ngay_kh_cap_tren", &parent.header.date.short_vi());
        }
        if !parent.report_deadlines.is_empty() {
            f.set("han_bao_cao_cap_tren", &deadlines_text(&parent.report_deadlines));
        }
        f
    }

    /// The template's example values (what the gallery preview shows).
    pub fn examples(t: &Template) -> Facts {
        let mut f = Facts::new();
        for d in &t.facts {
            if let Some(e) = &d.example {
                f.set(&d.key, e);
            }
        }
        f
    }
}

// ---------------------------------------------------------------------------
// Built-in templates

/// Source text of every built-in template (file name, JSON), compiled in.
pub const BUILTIN_SOURCES: &[(&str, &str)] = &[
    ("dan_chu_co_so_phuong_xa.json", include_str!("../../templates/dan_chu_co_so_phuong_xa.json")),
    ("tuyen_giao_dan_van_phuong_xa.json", include_str!("../../templates/tuyen_giao_dan_van_phuong_xa.json")),
    ("chuong_trinh_hanh_dong_dang_uy.json", include_str!("../../templates/chuong_trinh_hanh_dong_dang_uy.json")),
    ("ke_hoach_trong.json", include_str!("../../templates/ke_hoach_trong.json")),
];

/// The built-in templates in gallery order, read once. Each is checked by the
/// tests; one that fails to parse is left out rather than stopping the app.
pub fn builtin() -> Vec<Template> {
    builtin_cached().to_vec()
}

fn builtin_cached() -> &'static [Template] {
    static CACHE: std::sync::OnceLock<Vec<Template>> = std::sync::OnceLock::new();
    CACHE.get_or_init(|| BUILTIN_SOURCES.iter().filter_map(|(_, text)| parse_template(text).ok()).collect())
}

/// A built-in template by id.
pub fn find_builtin(id: &str) -> Option<Template> {
    builtin_cached().iter().find(|t| t.id == id).cloned()
}

/// JSON Schema (draft 2020-12) of the template file format; `document` is any
/// JSON object there (its strings hold placeholders). `schema/kehoach-template-v1.schema.json`
/// is held equal by a test.
#[cfg(not(target_arch = "wasm32"))]
pub fn schema_json() -> String {
    let mut schema = schemars::schema_for!(Template);
    schema.insert("$id".into(), "https://kehoach.local/schema/kehoach-template-v1.schema.json".into());
    schema.insert("title".into(), "kehoach plan template, format v1 (see templates/README.md)".into());
    if let Some(props) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
        props.insert(
            "document".into(),
            serde_json::json!({
                "description": "A kehoach JSON v1 document whose strings may hold placeholders {{key}} / {{key.form}}.",
                "type": "object",
                "required": ["format", "version", "kind", "profile", "header"],
                "properties": { "format": { "const": crate::model::FORMAT_NAME }, "version": { "const": crate::model::FORMAT_VERSION } }
            }),
        );
    }
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}

// ---------------------------------------------------------------------------
// Reading and checking

/// Read and check a template from JSON text. Errors name the JSON path, in
/// Vietnamese and English; never panics.
pub fn parse_template(text: &str) -> Result<Template, TemplateError> {
    let value: Value = serde_json::from_str(text).map_err(syntax_error)?;
    let t = template_from_value(value, "")?;
    validate(&t, "")?;
    Ok(t)
}

/// Read several templates (a portal's list): a JSON array of templates, or a
/// single template object. Paths start with the index ("[2].facts[0].kind").
pub fn parse_template_list(text: &str) -> Result<Vec<Template>, TemplateError> {
    let value: Value = serde_json::from_str(text).map_err(syntax_error)?;
    let items = match value {
        Value::Array(items) => items,
        other => vec![other],
    };
    let mut out: Vec<Template> = Vec::new();
    let many = items.len() > 1;
    for (i, item) in items.into_iter().enumerate() {
        let prefix = if many { format!("[{i}]") } else { String::new() };
        let t = template_from_value(item, &prefix)?;
        validate(&t, &prefix)?;
        if out.iter().any(|o| o.id == t.id) {
            return Err(TemplateError::at(&join(&prefix, "id"), format!("mã mẫu \"{}\" bị trùng.", t.id), format!("template id \"{}\" is used twice.", t.id)));
        }
        out.push(t);
    }
    Ok(out)
}

fn join(prefix: &str, path: &str) -> String {
    match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path.to_string(),
        (false, true) => prefix.to_string(),
        (false, false) if path.starts_with('[') => format!("{prefix}{path}"),
        (false, false) => format!("{prefix}.{path}"),
    }
}

fn template_from_value(value: Value, prefix: &str) -> Result<Template, TemplateError> {
    if !value.is_object() {
        return Err(TemplateError::at(prefix, "mẫu phải là một đối tượng JSON (dạng {…}).", "a template must be a JSON object."));
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let en = e.inner().to_string();
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

fn syntax_error(e: serde_json::Error) -> TemplateError {
    let (line, col) = (e.line(), e.column());
    TemplateError::at("", format!("JSON sai cú pháp ở dòng {line}, cột {col} ({e})."), format!("invalid JSON: {e}"))
}

fn valid_key(k: &str) -> bool {
    k.starts_with(|c: char| c.is_ascii_lowercase()) && k.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Reserved placeholder `{{open}}`: prints a literal "{{".
pub const OPEN_BRACES: &str = "open";

/// Check a template: ids and keys, examples, every placeholder declared with a
/// form its fact has, every fact used, and the document valid JSON v1 once the
/// example values are filled in. `prefix` is put before every path.
pub fn validate(t: &Template, prefix: &str) -> Result<(), TemplateError> {
    let at = |p: &str, vi: String, en: String| TemplateError::at(&join(prefix, p), vi, en);
    if t.id.is_empty() || !t.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-') {
        return Err(at("id", format!("mã mẫu \"{}\" chỉ gồm chữ thường không dấu, chữ số, \"_\" hoặc \"-\".", t.id), format!("template id \"{}\" must be lower-case ASCII letters, digits, \"_\" or \"-\".", t.id)));
    }
    if t.name_vi.trim().is_empty() {
        return Err(at("name_vi", "thiếu tên mẫu.".into(), "the template has no name.".into()));
    }
    for (i, f) in t.facts.iter().enumerate() {
        let p = format!("facts[{i}]");
        if !valid_key(&f.key) || f.key == OPEN_BRACES {
            return Err(at(&format!("{p}.key"), format!("tên dữ kiện \"{}\" chỉ gồm chữ thường không dấu, chữ số và \"_\" (và không phải \"open\").", f.key), format!("fact key \"{}\" must be lower-case ASCII letters, digits and \"_\" (and not \"open\").", f.key)));
        }
        if t.facts[..i].iter().any(|o| o.key == f.key) {
            return Err(at(&format!("{p}.key"), format!("dữ kiện \"{}\" khai báo hai lần.", f.key), format!("fact \"{}\" is declared twice.", f.key)));
        }
        if f.required && f.example.as_deref().is_none_or(|e| e.trim().is_empty()) {
            return Err(at(&format!("{p}.example"), format!("dữ kiện bắt buộc \"{}\" cần giá trị ví dụ.", f.key), format!("required fact \"{}\" needs an example value.", f.key)));
        }
        if let Some(e) = &f.example {
            if !e.trim().is_empty() {
                parse_fact(f.kind, e).map_err(|(vi, en)| at(&format!("{p}.example"), format!("giá trị ví dụ không hợp lệ: {vi}"), format!("invalid example: {en}")))?;
            }
        }
        if let Some(other) = &f.earlier_than {
            let ok = f.kind == FactKind::Deadlines && t.facts.iter().any(|o| &o.key == other && o.kind == FactKind::Deadlines && o.key != f.key);
            if !ok {
                return Err(at(&format!("{p}.earlier_than"), format!("\"earlier_than\" phải là tên một dữ kiện hạn báo cáo khác, nhận \"{other}\"."), format!("\"earlier_than\" must name another deadlines fact, found \"{other}\".")));
            }
        }
    }
    // Placeholders: declared, known form.
    let mut used: Vec<String> = Vec::new();
    for ph in placeholders(t) {
        let p = join("document", &ph.path);
        let key = ph.key.to_lowercase();
        let Some(def) = t.fact(&key) else {
            return Err(at(&p, format!("chỗ điền {{{{{}}}}} chưa khai báo trong \"facts\".", ph.raw), format!("placeholder {{{{{}}}}} is not declared in \"facts\".", ph.raw)));
        };
        if !def.kind.forms().contains(&ph.form.as_str()) {
            return Err(at(&p, format!("dạng \"{}\" không dùng được với dữ kiện \"{}\" ({:?}); dùng một trong: {}.", ph.form, key, def.kind, forms_list(def.kind)), format!("form \"{}\" does not apply to fact \"{}\" ({:?}); use one of: {}.", ph.form, key, def.kind, forms_list(def.kind))));
        }
        used.push(key);
    }
    if let Some(err) = malformed_placeholder(&t.document, "document") {
        return Err(at(&err.0, err.1, err.2));
    }
    for (i, f) in t.facts.iter().enumerate() {
        let referenced = t.facts.iter().any(|o| o.earlier_than.as_deref() == Some(&f.key));
        if !used.contains(&f.key) && !referenced {
            return Err(at(&format!("facts[{i}].key"), format!("dữ kiện \"{}\" không được dùng ở đâu trong văn bản.", f.key), format!("fact \"{}\" is not used anywhere in the document.", f.key)));
        }
    }
    // The document, filled in with the examples, is a valid plan.
    instantiate(t, &Facts::examples(t)).map_err(|e| {
        TemplateError { path: join(prefix, &e.path), message_vi: format!("{} (với các giá trị ví dụ)", e.message_vi), message_en: format!("{} (with the example values)", e.message_en) }
    })?;
    Ok(())
}

fn forms_list(kind: FactKind) -> String {
    kind.forms().iter().map(|f| if f.is_empty() { "{{key}}".to_string() } else { format!("{{{{key.{f}}}}}") }).collect::<Vec<_>>().join(", ")
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
                out.push(Placeholder { path: path.to_string(), key: key.to_string(), form: form.to_string(), raw });
            }
        }
    });
    out
}

fn walk_strings(v: &Value, path: &str, f: &mut dyn FnMut(&str, &str)) {
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
fn scan(s: &str) -> Option<Vec<String>> {
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

fn split_placeholder(raw: &str) -> (&str, &str) {
    let raw = raw.trim();
    raw.split_once('.').unwrap_or((raw, ""))
}

fn well_formed(raw: &str) -> bool {
    let (key, form) = split_placeholder(raw);
    !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && form.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn malformed_placeholder(v: &Value, path: &str) -> Option<(String, String, String)> {
    let mut found = None;
    walk_strings(v, path, &mut |p, s| {
        if found.is_some() {
            return;
        }
        match scan(s) {
            None => found = Some((p.to_string(), "\"{{\" không có \"}}\" đóng (viết {{open}} để in \"{{\").".into(), "\"{{\" is never closed (write {{open}} to print \"{{\").".into())),
            Some(list) => {
                if let Some(bad) = list.iter().find(|r| !well_formed(r)) {
                    found = Some((p.to_string(), format!("chỗ điền {{{{{bad}}}}} sai dạng (cần {{{{tên}}}} hoặc {{{{tên.dạng}}}})."), format!("malformed placeholder {{{{{bad}}}}} (expected {{{{key}}}} or {{{{key.form}}}}).")));
                }
            }
        }
    });
    found
}

// ---------------------------------------------------------------------------
// Fact values

/// Who signs: a People's Committee signs collectively (TM.), a Party committee too (T/M).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signer {
    /// TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH
    Chair,
    /// TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH
    ViceChair,
    /// T/M ĐẢNG ỦY / BÍ THƯ
    Secretary,
    /// T/M ĐẢNG ỦY / K/T BÍ THƯ / PHÓ BÍ THƯ
    DeputySecretary,
}

impl Signer {
    pub fn parse(s: &str) -> Option<Signer> {
        match crate::model::edit::slug(s).as_str() {
            "chu_tich" | "chair" | "ct" => Some(Signer::Chair),
            "pho_chu_tich" | "vice_chair" | "pct" | "kt_chu_tich" => Some(Signer::ViceChair),
            "bi_thu" | "secretary" => Some(Signer::Secretary),
            "pho_bi_thu" | "deputy_secretary" | "kt_bi_thu" => Some(Signer::DeputySecretary),
            _ => None,
        }
    }

    /// True for the Party committee signers (bi_thu, pho_bi_thu).
    pub fn is_party(self) -> bool {
        matches!(self, Signer::Secretary | Signer::DeputySecretary)
    }

    pub fn title_vi(self) -> &'static str {
        match self {
            Signer::Chair => "Chủ tịch",
            Signer::ViceChair => "Phó Chủ tịch",
            Signer::Secretary => "Bí thư",
            Signer::DeputySecretary => "Phó Bí thư",
        }
    }

    /// Signature lines as JSON v1 values.
    fn lines(self) -> Value {
        match self {
            Signer::Chair => serde_json::json!([{"prefix": "tm", "text": "ỦY BAN NHÂN DÂN"}, {"text": "CHỦ TỊCH"}]),
            Signer::ViceChair => serde_json::json!([{"prefix": "tm", "text": "ỦY BAN NHÂN DÂN"}, {"prefix": "kt", "text": "CHỦ TỊCH"}, {"text": "PHÓ CHỦ TỊCH"}]),
            Signer::Secretary => serde_json::json!([{"prefix": "tm", "text": "ĐẢNG ỦY"}, {"text": "BÍ THƯ"}]),
            Signer::DeputySecretary => serde_json::json!([{"prefix": "tm", "text": "ĐẢNG ỦY"}, {"prefix": "kt", "text": "BÍ THƯ"}, {"text": "PHÓ BÍ THƯ"}]),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum FactValue {
    Text(String),
    Level(Level),
    Date(PartialDate),
    Deadlines(Vec<ReportDeadline>),
    Signer(Signer),
    /// An optional fact left empty.
    Absent,
}

type Msg = (String, String);

fn parse_fact(kind: FactKind, raw: &str) -> Result<FactValue, Msg> {
    let s: String = raw.trim().nfc().collect();
    match kind {
        FactKind::Text | FactKind::OptionalText => Ok(FactValue::Text(s)),
        FactKind::Level => Level::parse(&s).map(FactValue::Level).ok_or_else(|| (format!("cần \"phường\" hoặc \"xã\", nhận \"{s}\"."), format!("expected \"phường\" (ward) or \"xã\" (commune), found \"{s}\"."))),
        FactKind::Number => parse_number(&s).map(FactValue::Text),
        FactKind::Date => parse_date(&s).map(FactValue::Date),
        FactKind::Deadlines => parse_deadlines(&s).map(FactValue::Deadlines),
        FactKind::Signer => Signer::parse(&s).map(FactValue::Signer).ok_or_else(|| (format!("cần \"chu_tich\" (Chủ tịch), \"pho_chu_tich\" (Phó Chủ tịch), \"bi_thu\" (Bí thư) hoặc \"pho_bi_thu\" (Phó Bí thư), nhận \"{s}\"."), format!("expected \"chu_tich\" (chair), \"pho_chu_tich\" (vice-chair), \"bi_thu\" (secretary) or \"pho_bi_thu\" (deputy secretary), found \"{s}\"."))),
    }
}

fn parse_number(s: &str) -> Result<String, Msg> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || s.bytes().all(|b| b == b'0') {
        return Err((format!("số văn bản chỉ gồm chữ số, nhận \"{s}\"."), format!("a document number is digits only, found \"{s}\".")));
    }
    Ok(if s.len() == 1 { format!("0{s}") } else { s.to_string() })
}

/// Read a date as people type it: "23/12/2025", "23-12-2025", "2025-12-23",
/// "12/2025", "2026". The day and month must exist.
pub fn parse_date(s: &str) -> Result<PartialDate, Msg> {
    let bad = || (format!("cần ngày dạng 23/12/2025 (hoặc 12/2025, 2026), nhận \"{s}\"."), format!("expected a date like 23/12/2025 (or 12/2025, 2026), found \"{s}\"."));
    let date = if let Ok(d) = PartialDate::parse_iso(s) {
        d
    } else {
        let parts: Vec<&str> = s.split(['/', '-', '.']).map(str::trim).collect();
        let num = |p: &str| -> Option<u32> { (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok()).flatten() };
        let year = |p: &str| num(p).filter(|y| (1900..=2200).contains(y)).map(|y| y as i32);
        match parts.as_slice() {
            [d, m, y] => PartialDate::ymd(year(y).ok_or_else(bad)?, num(m).filter(|m| (1..=12).contains(m)).ok_or_else(bad)? as u8, num(d).filter(|d| (1..=31).contains(d)).ok_or_else(bad)? as u8),
            [m, y] => PartialDate { year: year(y).ok_or_else(bad)?, month: Some(num(m).filter(|m| (1..=12).contains(m)).ok_or_else(bad)? as u8), day: None },
            _ => return Err(bad()),
        }
    };
    if !date.exists() {
        return Err((format!("ngày {} không có thật.", date.short_vi()), format!("{} is not a real date.", date.short_vi())));
    }
    Ok(date)
}

const PERIOD_ORDER: [ReportPeriod; 3] = [ReportPeriod::SixMonth, ReportPeriod::NineMonth, ReportPeriod::Annual];

fn period_key(p: ReportPeriod) -> &'static str {
    match p {
        ReportPeriod::Quarterly => "quarterly",
        ReportPeriod::SixMonth => "six_month",
        ReportPeriod::NineMonth => "nine_month",
        ReportPeriod::Annual => "annual",
        ReportPeriod::Other => "other",
    }
}

fn period_label_vi(p: ReportPeriod) -> &'static str {
    match p {
        ReportPeriod::Quarterly => "quý",
        ReportPeriod::SixMonth => "6 tháng",
        ReportPeriod::NineMonth => "9 tháng",
        ReportPeriod::Annual => "năm",
        ReportPeriod::Other => "khác",
    }
}

fn parse_period(label: &str) -> Option<ReportPeriod> {
    match crate::model::edit::slug(label).as_str() {
        "quarterly" | "quy" | "hang_quy" | "hang_quy_" => Some(ReportPeriod::Quarterly),
        "six_month" | "6_thang" | "sau_thang" | "bao_cao_6_thang" => Some(ReportPeriod::SixMonth),
        "nine_month" | "9_thang" | "chin_thang" | "bao_cao_9_thang" => Some(ReportPeriod::NineMonth),
        "annual" | "nam" | "ca_nam" | "hang_nam" | "bao_cao_nam" => Some(ReportPeriod::Annual),
        "other" | "khac" => Some(ReportPeriod::Other),
        _ => None,
    }
}

/// Read report deadlines: "05/6, 10/9, 10/11" (6-month, 9-month, annual, in
/// that order) or labelled "6 tháng: 05/6; 9 tháng: 10/9; năm: 10/11"
/// ("six_month=05/6" also works). Every day/month must exist.
pub fn parse_deadlines(s: &str) -> Result<Vec<ReportDeadline>, Msg> {
    let mut out: Vec<ReportDeadline> = Vec::new();
    let entries: Vec<&str> = s.split([',', ';', '\n']).map(str::trim).filter(|e| !e.is_empty()).collect();
    if entries.is_empty() {
        return Err(("chưa có hạn báo cáo nào (ví dụ \"05/6, 10/9, 10/11\").".into(), "no report deadline given (e.g. \"05/6, 10/9, 10/11\").".into()));
    }
    for (i, e) in entries.iter().enumerate() {
        let (period, dm) = match e.split_once([':', '=']) {
            Some((label, dm)) => (parse_period(label).ok_or_else(|| (format!("không hiểu kỳ báo cáo \"{}\" (dùng 6 tháng, 9 tháng, năm, quý).", label.trim()), format!("unknown report period \"{}\" (use six_month, nine_month, annual, quarterly).", label.trim())))?, dm.trim()),
            None => (*PERIOD_ORDER.get(i).ok_or_else(|| ("quá ba hạn không ghi kỳ báo cáo; ghi rõ dạng \"quý: 10/3\".".to_string(), "more than three unlabelled deadlines; label them like \"quarterly: 10/3\".".to_string()))?, *e),
        };
        let dm = dm.trim_start_matches("trước ngày").trim_start_matches("ngày").trim();
        let bad = || (format!("hạn \"{dm}\" cần dạng ngày/tháng, ví dụ 05/6."), format!("deadline \"{dm}\" must be day/month, e.g. 05/6."));
        let (d, m) = dm.split_once('/').ok_or_else(bad)?;
        let (d, m): (u8, u8) = (d.trim().parse().map_err(|_| bad())?, m.trim().parse().map_err(|_| bad())?);
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(2024, m) {
            return Err((format!("hạn {d}/{m} không có thật."), format!("deadline {d}/{m} is not a real date.")));
        }
        if out.iter().any(|o| o.period == period) {
            return Err((format!("kỳ báo cáo {} ghi hai lần.", period_label_vi(period)), format!("the {} deadline is given twice.", period_key(period))));
        }
        out.push(ReportDeadline { period, day: d, month: m });
    }
    Ok(out)
}

/// Month as written in a date: "01", "02", then "3" … "12" (Nghị định 30).
fn month_vi(m: u8) -> String {
    if m <= 2 {
        format!("{m:02}")
    } else {
        m.to_string()
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    (28..=31).rev().find(|&d| PartialDate::ymd(year, month, d).exists()).unwrap_or(0)
}

/// "05/6" (Nghị định 30 zeros: day below 10, months 1 and 2).
pub fn day_month_vi(day: u8, month: u8) -> String {
    format!("{day:02}/{}", month_vi(month))
}

/// Deadlines as [`parse_deadlines`] reads them back: "05/6, 10/9, 10/11" when
/// they are exactly 6-month, 9-month and annual, labelled otherwise.
pub fn deadlines_text(list: &[ReportDeadline]) -> String {
    let standard = list.len() == 3 && list.iter().zip(PERIOD_ORDER).all(|(d, p)| d.period == p);
    list.iter()
        .map(|d| if standard { day_month_vi(d.day, d.month) } else { format!("{}: {}", period_label_vi(d.period), day_month_vi(d.day, d.month)) })
        .collect::<Vec<_>>()
        .join(if standard { ", " } else { "; " })
}

/// The unit's own deadlines derived from its parent's, `days` earlier each
/// (10/6 → 05/6 with 5 days), staying within the year.
pub fn earlier_deadlines(parent: &[ReportDeadline], days: u8) -> Vec<ReportDeadline> {
    parent
        .iter()
        .map(|d| {
            let (mut day, mut month) = (d.day as i32 - days as i32, d.month);
            while day < 1 && month > 1 {
                month -= 1;
                day += days_in_month(2025, month) as i32;
            }
            ReportDeadline { period: d.period, day: day.max(1) as u8, month }
        })
        .collect()
}

/// Resolve every declared fact from what was given.
fn resolve(t: &Template, facts: &Facts) -> Result<BTreeMap<String, (FactKind, FactValue)>, TemplateError> {
    let mut out = BTreeMap::new();
    for f in &t.facts {
        let path = format!("facts.{}", f.key);
        let given = facts.get(&f.key).map(str::trim).filter(|v| !v.is_empty());
        let value = match given {
            Some(raw) => parse_fact(f.kind, raw).map_err(|(vi, en)| TemplateError::at(&path, format!("{}: {vi}", f.label_vi), format!("{}: {en}", f.label_en)))?,
            None if f.required => {
                return Err(TemplateError::at(&path, format!("thiếu dữ kiện bắt buộc \"{}\" ({}).", f.label_vi, f.key), format!("missing required fact \"{}\" ({}).", f.label_en, f.key)))
            }
            None => FactValue::Absent,
        };
        if let FactValue::Signer(s) = &value {
            let party = t.document.get("profile").and_then(Value::as_str) == Some("party");
            if s.is_party() != party {
                let (vi, en) = if party {
                    ("văn bản của Đảng: người ký là \"bi_thu\" (Bí thư) hoặc \"pho_bi_thu\" (Phó Bí thư)", "a Party document is signed by \"bi_thu\" (secretary) or \"pho_bi_thu\" (deputy secretary)")
                } else {
                    ("văn bản của Ủy ban nhân dân: người ký là \"chu_tich\" (Chủ tịch) hoặc \"pho_chu_tich\" (Phó Chủ tịch)", "a People's Committee document is signed by \"chu_tich\" (chair) or \"pho_chu_tich\" (vice-chair)")
                };
                return Err(TemplateError::at(&path, format!("{}: {vi}.", f.label_vi), format!("{}: {en}.", f.label_en)));
            }
        }
        out.insert(f.key.clone(), (f.kind, value));
    }
    // Own deadlines: derived from the parent's when absent, checked earlier when given.
    for f in &t.facts {
        let Some(parent_key) = &f.earlier_than else { continue };
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
                            let (od, pd) = (day_month_vi(d.day, d.month), day_month_vi(p.day, p.month));
                            return Err(TemplateError::at(
                                &path,
                                format!("hạn báo cáo {} ({od}) phải sớm hơn hạn của kế hoạch cấp trên ({pd}) để kịp tổng hợp.", period_label_vi(d.period)),
                                format!("the {} deadline ({od}) must fall before the parent plan's ({pd}) to leave time to consolidate.", period_key(d.period)),
                            ));
                        }
                    }
                }
            }
            _ => {
                out.insert(f.key.clone(), (FactKind::Deadlines, FactValue::Deadlines(earlier_deadlines(&parent, EARLIER_BY_DAYS))));
            }
        }
    }
    Ok(out)
}

#[derive(Clone, Copy, PartialEq)]
enum Case {
    AsIs,
    Upper,
    Capital,
}

fn case_of(key: &str) -> Case {
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

fn apply_case(s: String, case: Case) -> String {
    match case {
        Case::AsIs => s,
        Case::Upper => s.to_uppercase(),
        Case::Capital => {
            let mut c = s.chars();
            match c.next() {
                Some(first) => first.to_uppercase().chain(c).collect(),
                None => s,
            }
        }
    }
}

const BLANK_NUMBER: &str = "      ";

fn render_text(kind: FactKind, value: &FactValue, form: &str) -> Result<String, Msg> {
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
            let d = list.iter().find(|d| period_key(d.period) == f).ok_or_else(|| missing(&format!("hạn báo cáo kỳ {f} / deadline for {f}")))?;
            day_month_vi(d.day, d.month)
        }
        (FactValue::Signer(s), _) => s.title_vi().to_string(),
        (v, f) => return Err((format!("dạng \"{f}\" không dùng được với {kind:?} ({v:?})."), format!("form \"{f}\" does not apply to {kind:?} ({v:?})."))),
    })
}

/// The value a string that is exactly one placeholder turns into.
fn render_whole(kind: FactKind, value: &FactValue, form: &str, case: Case) -> Result<Value, Msg> {
    Ok(match (value, form) {
        (FactValue::Absent, "") => Value::Null,
        (FactValue::Deadlines(list), "") => serde_json::to_value(list).unwrap_or(Value::Null),
        (FactValue::Signer(s), "") => s.lines(),
        _ => Value::String(apply_case(render_text(kind, value, form)?, case)),
    })
}

fn substitute(v: &mut Value, path: &str, facts: &BTreeMap<String, (FactKind, FactValue)>) -> Result<(), TemplateError> {
    match v {
        Value::String(s) => {
            if !s.contains("{{") {
                return Ok(());
            }
            let fail = |vi: String, en: String| TemplateError::at(path, vi, en);
            let list = scan(s).ok_or_else(|| fail("\"{{\" không có \"}}\" đóng.".into(), "\"{{\" is never closed.".into()))?;
            let lookup = |raw: &str| -> Result<(FactKind, &FactValue, String, Case), TemplateError> {
                if !well_formed(raw) {
                    return Err(fail(format!("chỗ điền {{{{{raw}}}}} sai dạng."), format!("malformed placeholder {{{{{raw}}}}}.")));
                }
                let (key, form) = split_placeholder(raw);
                let (kind, value) = facts.get(&key.to_lowercase()).ok_or_else(|| fail(format!("chỗ điền {{{{{raw}}}}} chưa khai báo trong \"facts\"."), format!("placeholder {{{{{raw}}}}} is not declared in \"facts\".")))?;
                if !kind.forms().contains(&form) {
                    return Err(fail(format!("dạng \"{form}\" không dùng được với dữ kiện \"{key}\"."), format!("form \"{form}\" does not apply to fact \"{key}\".")));
                }
                Ok((*kind, value, form.to_string(), case_of(key)))
            };
            let trimmed = s.trim();
            if list.len() == 1 && trimmed.starts_with("{{") && trimmed.ends_with("}}") && trimmed.len() == list[0].len() + 4 && split_placeholder(&list[0]).0 != OPEN_BRACES {
                let (kind, value, form, case) = lookup(&list[0])?;
                *v = render_whole(kind, value, &form, case).map_err(|(vi, en)| fail(vi, en))?;
                return Ok(());
            }
            let mut out = String::with_capacity(s.len());
            let mut rest = s.as_str();
            while let Some(start) = rest.find("{{") {
                out.push_str(&rest[..start]);
                let after = &rest[start + 2..];
                let end = after.find("}}").unwrap_or(after.len());
                let raw = &after[..end];
                if split_placeholder(raw).0 == OPEN_BRACES && split_placeholder(raw).1.is_empty() {
                    out.push_str("{{");
                } else {
                    let (kind, value, form, case) = lookup(raw)?;
                    out.push_str(&apply_case(render_text(kind, value, &form).map_err(|(vi, en)| fail(vi, en))?, case));
                }
                rest = after.get(end + 2..).unwrap_or("");
            }
            out.push_str(rest);
            *s = out;
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

/// Start a plan from a template: fill every placeholder with the given facts and
/// read the result as a JSON v1 document. A missing required fact, a value that
/// cannot be read, an undeclared placeholder or a document that is not valid
/// JSON v1 once filled in gives an error naming its path.
pub fn instantiate(t: &Template, facts: &Facts) -> Result<Document, TemplateError> {
    let values = resolve(t, facts)?;
    let mut doc = t.document.clone();
    substitute(&mut doc, "document", &values)?;
    json::from_value(doc).map_err(|e| {
        let path = join("document", &e.path);
        let strip = |m: &str| m.split_once(": ").map(|(_, r)| r.to_string()).unwrap_or_else(|| m.to_string());
        TemplateError::at(&path, strip(&e.message_vi), strip(&e.message_en))
    })
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
            Err(TemplateError::at(&path, format!("thiếu dữ kiện bắt buộc \"{}\" ({}).", def.label_vi, def.key), format!("missing required fact \"{}\" ({}).", def.label_en, def.key)))
        } else {
            Ok(())
        };
    }
    parse_fact(def.kind, value).map(|_| ()).map_err(|(vi, en)| TemplateError::at(&path, format!("{}: {vi}", def.label_vi), format!("{}: {en}", def.label_en)))
}

/// The required facts not given yet, in the template's order.
pub fn missing_facts<'a>(t: &'a Template, facts: &Facts) -> Vec<&'a FactDef> {
    t.facts.iter().filter(|f| f.required && facts.get(&f.key).is_none_or(|v| v.trim().is_empty())).collect()
}

// ---------------------------------------------------------------------------
// Saving a draft as a personal template

/// A personal template from a draft: the document as it stands, no
/// placeholders and no facts. A literal "{{" in the text is escaped as
/// `{{open}}`, so starting from the template gives the document back.
pub fn template_from_document(doc: &Document, id: &str, name: &str) -> Template {
    let mut value = serde_json::to_value(doc).unwrap_or(Value::Null);
    escape_braces(&mut value);
    let id = crate::model::edit::slug(id);
    Template {
        id: if id.is_empty() { "mau_rieng".to_string() } else { id },
        name_vi: name.to_string(),
        name_en: name.to_string(),
        description_vi: String::new(),
        description_en: String::new(),
        facts: vec![],
        document: value,
    }
}

fn escape_braces(v: &mut Value) {
    match v {
        Value::String(s) if s.contains("{{") => *s = s.replace("{{", "{{open}}"),
        Value::Array(items) => items.iter_mut().for_each(escape_braces),
        Value::Object(map) => map.values_mut().for_each(escape_braces),
        _ => {}
    }
}

/// The template as JSON text (what a personal template is saved as), NFC,
/// pretty-printed, ending with a newline.
pub fn to_template_json(t: &Template) -> String {
    let text = serde_json::to_string_pretty(t).unwrap_or_default();
    let mut out: String = text.nfc().collect();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny(doc_subject: &str, facts: &str) -> String {
        format!(
            r#"{{"id": "t", "name_vi": "Mẫu", "name_en": "T", "facts": {facts},
            "document": {{"format": "kehoach", "version": 1, "kind": "plan", "profile": "state",
              "header": {{"issuing_body": "ỦY BAN NHÂN DÂN", "body_code": "UBND", "symbol": "KH-UBND", "place": "X", "date": "2026", "subject": "{doc_subject}"}}}}}}"#
        )
    }

    #[test]
    fn deadlines_read_and_print_back() {
        let d = parse_deadlines("10/6, 15/9, 15/11").unwrap();
        assert_eq!(d.iter().map(|d| (d.period, d.day, d.month)).collect::<Vec<_>>(), [(ReportPeriod::SixMonth, 10, 6), (ReportPeriod::NineMonth, 15, 9), (ReportPeriod::Annual, 15, 11)]);
        assert_eq!(deadlines_text(&d), "10/6, 15/9, 15/11");
        assert_eq!(deadlines_text(&earlier_deadlines(&d, 5)), "05/6, 10/9, 10/11");
        let l = parse_deadlines("6 tháng: 05/6; năm: 10/11").unwrap();
        assert_eq!(parse_deadlines(&deadlines_text(&l)).unwrap(), l);
        assert!(parse_deadlines("31/6").is_err());
        assert!(parse_deadlines("quý: 1/3; quý: 2/6").is_err());
        assert_eq!(earlier_deadlines(&[ReportDeadline { period: ReportPeriod::Annual, day: 3, month: 3 }], 5)[0], ReportDeadline { period: ReportPeriod::Annual, day: 26, month: 2 });
    }

    #[test]
    fn dates_and_numbers() {
        assert_eq!(parse_date("23/12/2025").unwrap(), PartialDate::ymd(2025, 12, 23));
        assert_eq!(parse_date("2025-12-23").unwrap(), PartialDate::ymd(2025, 12, 23));
        assert_eq!(parse_date("2026").unwrap(), PartialDate::year_only(2026));
        assert_eq!(parse_date("1/2026").unwrap().short_vi(), "01/2026");
        assert!(parse_date("31/2/2026").is_err());
        assert!(parse_date("hôm qua").is_err());
        assert_eq!(parse_number("5").unwrap(), "05");
        assert!(parse_number("5a").is_err());
    }

    #[test]
    fn case_follows_the_key() {
        let facts = r#"[{"key": "cap", "label_vi": "Cấp", "label_en": "Level", "kind": "level", "example": "phường"},
                        {"key": "ten", "label_vi": "Tên", "label_en": "Name", "kind": "text", "example": "Hồng An"}]"#;
        let t = parse_template(&tiny("{{CAP}} {{TEN}} · {{Cap}} {{cap}} · {{Cap.khu_dan_cu}} · {{open}}x}}", facts)).unwrap();
        let d = instantiate(&t, &Facts::new().with("cap", "xã").with("ten", "Nghi Dương")).unwrap();
        assert_eq!(d.header.subject, "XÃ NGHI DƯƠNG · Xã xã · Thôn · {{x}}");
    }

    #[test]
    fn errors_name_paths() {
        let facts = r#"[{"key": "ten", "label_vi": "Tên đơn vị", "label_en": "Unit name", "kind": "text", "example": "Hồng An"}]"#;
        let e = parse_template(&tiny("{{ten}} {{so_nq}}", facts)).unwrap_err();
        assert_eq!(e.path, "document.header.subject");
        assert!(e.message_vi.contains("so_nq") && e.message_en.contains("not declared"), "{e:?}");
        let e = parse_template(&tiny("{{ten}} {{ten.iso}}", facts)).unwrap_err();
        assert!(e.message_en.contains("form \"iso\""), "{e:?}");
        let e = parse_template(&tiny("{{ten", facts)).unwrap_err();
        assert_eq!(e.path, "document.header.subject");
        let e = parse_template(&tiny("x", facts)).unwrap_err();
        assert_eq!(e.path, "facts[0].key", "{e:?}");
        let bad = tiny("{{ten}}", facts).replacen("\"example\"", "\"colour\": 1, \"example\"", 1);
        let e = parse_template(&bad).unwrap_err();
        assert_eq!(e.path, "facts[0].colour", "{e:?}");
        assert!(e.message_en.contains("colour") && e.message_vi.contains("colour"));
        let t = parse_template(&tiny("{{ten}}", facts)).unwrap();
        let e = instantiate(&t, &Facts::new()).unwrap_err();
        assert_eq!(e.path, "facts.ten");
        assert!(e.message_vi.contains("Tên đơn vị") && e.message_en.contains("missing required fact"), "{e:?}");
        let e = parse_template("[1, 2").unwrap_err();
        assert_eq!(e.path, "");
        assert!(parse_template("[]").is_err());
    }

    #[test]
    fn typed_text_is_stored_nfc() {
        let facts = r#"[{"key": "ten", "label_vi": "Tên", "label_en": "Name", "kind": "text", "example": "Hồng An"}]"#;
        let t = parse_template(&tiny("{{ten}}", facts)).unwrap();
        let d = instantiate(&t, &Facts::new().with("ten", "Nghi Du\u{31b}o\u{31b}ng")).unwrap();
        assert_eq!(d.header.subject, "Nghi Dương");
        let f: Facts = serde_json::from_str(r#"{"ten": "Hồng An"}"#).unwrap();
        assert_eq!(f.get("ten"), Some("Hồng An"));
    }

    #[test]
    fn form_helpers() {
        let facts = r#"[{"key": "ten", "label_vi": "Tên", "label_en": "Name", "kind": "text", "example": "Hồng An"},
                        {"key": "ngay", "label_vi": "Ngày", "label_en": "Date", "kind": "date", "example": "21/01/2026"}]"#;
        let t = parse_template(&tiny("{{ten}} {{ngay}}", facts)).unwrap();
        assert_eq!(missing_facts(&t, &Facts::new().with("ten", "X")).iter().map(|f| f.key.as_str()).collect::<Vec<_>>(), ["ngay"]);
        assert_eq!(instantiate_with_examples(&t, &Facts::new().with("ten", "Nghi Dương")).unwrap().header.subject, "Nghi Dương 21/01/2026");
        assert!(check_fact(&t.facts[1], "30/02/2026").unwrap_err().message_en.contains("not a real date"));
        assert_eq!(check_fact(&t.facts[1], "").unwrap_err().path, "facts.ngay");
        assert!(check_fact(&t.facts[1], "2026-02-28").is_ok());
    }

    #[test]
    fn whole_string_placeholders_take_typed_values() {
        let facts = r#"[{"key": "so", "label_vi": "Số", "label_en": "No.", "kind": "number", "required": false},
                        {"key": "ngay", "label_vi": "Ngày", "label_en": "Date", "kind": "date", "example": "21/01/2026"}]"#;
        let text = tiny("Số {{so.blank}}/KH ngày {{ngay}}", facts).replace("\"date\": \"2026\"", "\"date\": \"{{ngay.iso}}\", \"number\": \"{{so}}\"");
        let t = parse_template(&text).unwrap();
        let d = instantiate(&t, &Facts::examples(&t)).unwrap();
        assert_eq!(d.header.number, None);
        assert_eq!(d.header.date, PartialDate::ymd(2026, 1, 21));
        assert_eq!(d.header.subject, "Số       /KH ngày 21/01/2026");
        let d = instantiate(&t, &Facts::examples(&t).with("so", "7")).unwrap();
        assert_eq!(d.header.number.as_deref(), Some("07"));
    }
}

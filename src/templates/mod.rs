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

mod facts;
mod instantiate;
mod level;
mod read;

pub use facts::*;
pub use instantiate::*;
pub use level::{Level, WORDS};
pub use read::*;

use crate::model::{json, Document, PartialDate, ReportDeadline, ReportPeriod};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

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
        TemplateError {
            path: path.to_string(),
            message_vi: format!("{shown}: {}", vi.into()),
            message_en: format!("{shown_en}: {}", en.into()),
        }
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
            FactKind::Level => &[
                "",
                "khu_dan_cu",
                "cong_an",
                "quan_su",
                "phong_kinh_te",
                "ubnd",
                "hdnd",
                "dang_uy",
                "level",
            ],
            FactKind::Date => &["", "iso", "long", "year", "day", "month"],
            FactKind::Deadlines => &[
                "",
                "six_month",
                "nine_month",
                "annual",
                "quarterly",
                "other",
            ],
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
        if let Some(n) = parent
            .header
            .number
            .as_deref()
            .filter(|n| !n.trim().is_empty())
        {
            f.set("so_kh_cap_tren", n.trim());
        }
        if parent.header.date.is_complete() {
            f.set("ngay_kh_cap_tren", &parent.header.date.short_vi());
        }
        if !parent.report_deadlines.is_empty() {
            f.set(
                "han_bao_cao_cap_tren",
                &deadlines_text(&parent.report_deadlines),
            );
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

/// Source text of every built-in template (file name, JSON), compiled in
/// on one line (`build.rs`; `templates/` holds the pretty-printed source).
pub const BUILTIN_SOURCES: &[(&str, &str)] = &[
    (
        "dan_chu_co_so_phuong_xa.json",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/templates/dan_chu_co_so_phuong_xa.json"
        )),
    ),
    (
        "tuyen_giao_dan_van_phuong_xa.json",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/templates/tuyen_giao_dan_van_phuong_xa.json"
        )),
    ),
    (
        "chuong_trinh_hanh_dong_dang_uy.json",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/templates/chuong_trinh_hanh_dong_dang_uy.json"
        )),
    ),
    (
        "ke_hoach_trong.json",
        include_str!(concat!(env!("OUT_DIR"), "/templates/ke_hoach_trong.json")),
    ),
];

/// The same templates without their documents (`"document": null`, see
/// build.rs), for the gallery: listing templates and asking for facts needs no
/// document, and the browser build then loads the documents only when a plan
/// is started. A test holds each card equal to its template.
pub const BUILTIN_CARDS: &[&str] = &[
    include_str!(concat!(
        env!("OUT_DIR"),
        "/templates/dan_chu_co_so_phuong_xa.card.json"
    )),
    include_str!(concat!(
        env!("OUT_DIR"),
        "/templates/tuyen_giao_dan_van_phuong_xa.card.json"
    )),
    include_str!(concat!(
        env!("OUT_DIR"),
        "/templates/chuong_trinh_hanh_dong_dang_uy.card.json"
    )),
    include_str!(concat!(
        env!("OUT_DIR"),
        "/templates/ke_hoach_trong.card.json"
    )),
];

/// The built-in templates' cards in gallery order: everything but the document
/// (`Value::Null`; [`find_builtin`] gives the whole template). Not checked
/// again here: the tests check the whole templates.
pub fn builtin_cards() -> Vec<Template> {
    BUILTIN_CARDS
        .iter()
        .filter_map(|text| {
            serde_json::from_str(text)
                .ok()
                .and_then(|v| read::template_from_value(v, "").ok())
        })
        .collect()
}

/// The built-in templates in gallery order, read once. Each is checked by the
/// tests; one that fails to parse is left out rather than stopping the app.
pub fn builtin() -> Vec<Template> {
    builtin_cached().to_vec()
}

fn builtin_cached() -> &'static [Template] {
    static CACHE: std::sync::OnceLock<Vec<Template>> = std::sync::OnceLock::new();
    CACHE.get_or_init(|| {
        BUILTIN_SOURCES
            .iter()
            .filter_map(|(_, text)| parse_template(text).ok())
            .collect()
    })
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
    schema.insert(
        "$id".into(),
        "https://kehoach.local/schema/kehoach-template-v1.schema.json".into(),
    );
    schema.insert(
        "title".into(),
        "kehoach plan template, format v1 (see templates/README.md)".into(),
    );
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
// Saving a draft as a personal template

/// A personal template from a draft: the document as it stands, no
/// placeholders and no facts. A literal "{{" in the text is escaped as
/// `{{open}}`, so starting from the template gives the document back.
pub fn template_from_document(doc: &Document, id: &str, name: &str) -> Template {
    let mut value = json::to_value(doc);
    escape_braces(&mut value);
    let id = crate::model::edit::slug(id);
    Template {
        id: if id.is_empty() {
            "mau_rieng".to_string()
        } else {
            id
        },
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
    let mut out = crate::text::to_nfc(&text);
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
        assert_eq!(
            d.iter()
                .map(|d| (d.period, d.day, d.month))
                .collect::<Vec<_>>(),
            [
                (ReportPeriod::SixMonth, 10, 6),
                (ReportPeriod::NineMonth, 15, 9),
                (ReportPeriod::Annual, 15, 11)
            ]
        );
        assert_eq!(deadlines_text(&d), "10/6, 15/9, 15/11");
        assert_eq!(
            deadlines_text(&earlier_deadlines(&d, 5)),
            "05/6, 10/9, 10/11"
        );
        let l = parse_deadlines("6 tháng: 05/6; năm: 10/11").unwrap();
        assert_eq!(parse_deadlines(&deadlines_text(&l)).unwrap(), l);
        assert!(parse_deadlines("31/6").is_err());
        assert!(parse_deadlines("quý: 1/3; quý: 2/6").is_err());
        assert_eq!(
            earlier_deadlines(
                &[ReportDeadline {
                    period: ReportPeriod::Annual,
                    day: 3,
                    month: 3
                }],
                5
            )[0],
            ReportDeadline {
                period: ReportPeriod::Annual,
                day: 26,
                month: 2
            }
        );
    }

    #[test]
    fn dates_and_numbers() {
        assert_eq!(
            parse_date("23/12/2025").unwrap(),
            PartialDate::ymd(2025, 12, 23)
        );
        assert_eq!(
            parse_date("2025-12-23").unwrap(),
            PartialDate::ymd(2025, 12, 23)
        );
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
        let t = parse_template(&tiny(
            "{{CAP}} {{TEN}} · {{Cap}} {{cap}} · {{Cap.khu_dan_cu}} · {{open}}x}}",
            facts,
        ))
        .unwrap();
        let d = instantiate(
            &t,
            &Facts::new().with("cap", "xã").with("ten", "Nghi Dương"),
        )
        .unwrap();
        assert_eq!(d.header.subject, "XÃ NGHI DƯƠNG · Xã xã · Thôn · {{x}}");
    }

    #[test]
    fn errors_name_paths() {
        let facts = r#"[{"key": "ten", "label_vi": "Tên đơn vị", "label_en": "Unit name", "kind": "text", "example": "Hồng An"}]"#;
        let e = parse_template(&tiny("{{ten}} {{so_nq}}", facts)).unwrap_err();
        assert_eq!(e.path, "document.header.subject");
        assert!(
            e.message_vi.contains("so_nq") && e.message_en.contains("not declared"),
            "{e:?}"
        );
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
        assert!(
            e.message_vi.contains("Tên đơn vị") && e.message_en.contains("missing required fact"),
            "{e:?}"
        );
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
        assert_eq!(
            missing_facts(&t, &Facts::new().with("ten", "X"))
                .iter()
                .map(|f| f.key.as_str())
                .collect::<Vec<_>>(),
            ["ngay"]
        );
        assert_eq!(
            instantiate_with_examples(&t, &Facts::new().with("ten", "Nghi Dương"))
                .unwrap()
                .header
                .subject,
            "Nghi Dương 21/01/2026"
        );
        assert!(check_fact(&t.facts[1], "30/02/2026")
            .unwrap_err()
            .message_en
            .contains("not a real date"));
        assert_eq!(check_fact(&t.facts[1], "").unwrap_err().path, "facts.ngay");
        assert!(check_fact(&t.facts[1], "2026-02-28").is_ok());
    }

    #[test]
    fn whole_string_placeholders_take_typed_values() {
        let facts = r#"[{"key": "so", "label_vi": "Số", "label_en": "No.", "kind": "number", "required": false},
                        {"key": "ngay", "label_vi": "Ngày", "label_en": "Date", "kind": "date", "example": "21/01/2026"}]"#;
        let text = tiny("Số {{so.blank}}/KH ngày {{ngay}}", facts).replace(
            "\"date\": \"2026\"",
            "\"date\": \"{{ngay.iso}}\", \"number\": \"{{so}}\"",
        );
        let t = parse_template(&text).unwrap();
        let d = instantiate(&t, &Facts::examples(&t)).unwrap();
        assert_eq!(d.header.number, None);
        assert_eq!(d.header.date, PartialDate::ymd(2026, 1, 21));
        assert_eq!(d.header.subject, "Số       /KH ngày 21/01/2026");
        let d = instantiate(&t, &Facts::examples(&t).with("so", "7")).unwrap();
        assert_eq!(d.header.number.as_deref(), Some("07"));
    }
}

//! The rule catalogue. Each rule is a small pure function over the document with a
//! stable id, a severity, a Vietnamese and English message and the JSON path of the
//! field it concerns. `check` runs them all, following the document's profile.
//!
//! Rules live in files by family; each file exposes `rules() -> Vec<Rule>`.

use crate::model::{Document, PartialDate, Profile};
use crate::Lang;

mod text_rules;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A correction a finding offers: set the text field at `path` to `value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub path: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// JSON path of the field concerned, e.g. "header.number".
    pub path: String,
    pub message_vi: String,
    pub message_en: String,
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.message_vi,
            Lang::En => &self.message_en,
        }
    }
}

/// What the rules know besides the document: today's date (for "not in the future").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    pub today: PartialDate,
}

/// Which profiles a rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applies {
    Both,
    StateOnly,
    PartyOnly,
}

/// Collects the findings of one rule; fills in id and severity.
pub struct Sink<'a> {
    rule: &'static Rule,
    out: &'a mut Vec<Finding>,
}

impl Sink<'_> {
    /// Report at `path` with the rule's severity.
    pub fn report(&mut self, path: impl Into<String>, vi: impl Into<String>, en: impl Into<String>) {
        self.push(path.into(), vi.into(), en.into(), None, self.rule.severity);
    }

    /// Report with a fix that sets the field at `path` to `value`.
    pub fn report_fix(&mut self, path: impl Into<String>, vi: impl Into<String>, en: impl Into<String>, value: impl Into<String>) {
        let path = path.into();
        let fix = Fix { path: path.clone(), value: value.into() };
        self.push(path, vi.into(), en.into(), Some(fix), self.rule.severity);
    }

    /// Report with a severity other than the rule's default (e.g. info for a draft).
    pub fn report_as(&mut self, severity: Severity, path: impl Into<String>, vi: impl Into<String>, en: impl Into<String>) {
        self.push(path.into(), vi.into(), en.into(), None, severity);
    }

    fn push(&mut self, path: String, message_vi: String, message_en: String, fix: Option<Fix>, severity: Severity) {
        self.out.push(Finding { rule: self.rule.id, severity, path, message_vi, message_en, fix });
    }
}

/// One rule of the catalogue.
pub struct Rule {
    /// Stable id, e.g. "nd30.date.leading_zero", "plan.task.one_lead".
    pub id: &'static str,
    pub severity: Severity,
    pub applies: Applies,
    /// One line saying what the rule checks.
    pub title_vi: &'static str,
    pub title_en: &'static str,
    pub check: fn(&Document, &Context, &mut Sink),
}

/// All findings of one check, most severe first, then in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
    /// "3 lỗi, 5 cảnh báo, 1 gợi ý" / "3 errors, 5 warnings, 1 info".
    pub fn summary(&self, lang: Lang) -> String {
        let (e, w, i) = (self.count(Severity::Error), self.count(Severity::Warning), self.count(Severity::Info));
        match lang {
            Lang::Vi => format!("{e} lỗi, {w} cảnh báo, {i} gợi ý"),
            Lang::En => format!("{e} errors, {w} warnings, {i} info"),
        }
    }
}

/// The whole catalogue, in a stable order.
pub fn catalogue() -> &'static [Rule] {
    static CATALOGUE: std::sync::OnceLock<Vec<Rule>> = std::sync::OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let mut all: Vec<Rule> = Vec::new();
        // Rule families register here: all.extend(format::rules()); …
        all.extend(text_rules::rules());
        all.sort_by_key(|r| r.id);
        all
    })
}

/// Run every rule that applies to the document's profile.
pub fn check_with(doc: &Document, ctx: &Context) -> Report {
    let mut findings = Vec::new();
    for rule in catalogue() {
        let applies = match rule.applies {
            Applies::Both => true,
            Applies::StateOnly => doc.profile == Profile::State,
            Applies::PartyOnly => doc.profile == Profile::Party,
        };
        if applies {
            (rule.check)(doc, ctx, &mut Sink { rule, out: &mut findings });
        }
    }
    findings.sort_by_key(|f| f.severity);
    Report { findings }
}

/// Run every rule with today's date from the system clock (browser clock in wasm).
pub fn check(doc: &Document) -> Report {
    check_with(doc, &Context { today: today() })
}

/// Today's date: `js_sys::Date` in the browser (std's clock panics in wasm).
pub fn today() -> PartialDate {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new_0();
        PartialDate::ymd(d.get_full_year() as i32, d.get_month() as u8 + 1, d.get_date() as u8)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        civil_from_days((secs / 86_400) as i64)
    }
}

/// Days since 1970-01-01 to a calendar date (Howard Hinnant's algorithm).
#[cfg(not(target_arch = "wasm32"))]
fn civil_from_days(z: i64) -> PartialDate {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    PartialDate::ymd(y as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), PartialDate::ymd(1970, 1, 1));
        assert_eq!(civil_from_days(20_454), PartialDate::ymd(2026, 1, 1));
        assert!(today().year >= 2026);
    }
}

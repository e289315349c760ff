//! The rule catalogue. Each rule is a small pure function over the document with a
//! stable id, a severity, a Vietnamese and English message and the JSON path of the
//! field it concerns. `check` runs them all, following the document's profile.
//!
//! Rules live in files by family; each file exposes `rules() -> Vec<Rule>`.

use crate::model::{Document, PartialDate, Profile};
use crate::Lang;

pub mod appendix;
mod assignment;
mod citation_scan;
pub mod citations;
mod cite_full;
pub mod dates;
mod fields;
pub mod format;
mod header_facts;
mod invisible;
pub mod plan;
pub mod reference;
mod sequence;
mod text_rules;
mod wording;
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod wording_tests;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The word shown before a message: "Lỗi" / "Error".
    pub fn label(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            Severity::Error => ("Lỗi", "Error"),
            Severity::Warning => ("Cảnh báo", "Warning"),
            Severity::Info => ("Gợi ý", "Info"),
        };
        lang.pick(vi, en)
    }

    /// How many findings of this severity, in words: "3 lỗi", "1 warning",
    /// "2 warnings" (English counts take their plural; "info" has none).
    pub fn counted(self, n: usize, lang: Lang) -> String {
        let (vi, one, many) = match self {
            Severity::Error => ("lỗi", "error", "errors"),
            Severity::Warning => ("cảnh báo", "warning", "warnings"),
            Severity::Info => ("gợi ý", "info", "info"),
        };
        let word = lang.pick(vi, if n == 1 { one } else { many });
        format!("{n} {word}")
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

    pub fn fixable(&self) -> bool {
        self.fix.is_some()
    }

    /// The finding as JSON, as `kehoach check --format json` and the editor's
    /// events give it; `lang` adds "message" in that language.
    pub fn to_json(&self, lang: Option<Lang>) -> serde_json::Value {
        let mut v = serde_json::json!({
            "rule": self.rule,
            "severity": self.severity.as_str(),
            "path": self.path,
            "message_vi": self.message_vi,
            "message_en": self.message_en,
            "fixable": self.fixable(),
        });
        if let Some(lang) = lang {
            v["message"] = self.message(lang).into();
        }
        v
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
    shared: &'a Shared,
}

/// Work that several rules of one check need, done by the first that asks
/// and reused by the others: one scan of the text fields for the text rules,
/// the citations for the cite.* rules, the references to appendices for the
/// appendix.* rules. Lives for one document's check.
#[derive(Default)]
pub(crate) struct Shared {
    text_fields: std::cell::OnceCell<fields::Fields>,
    citations: std::cell::OnceCell<Vec<citations::Citation>>,
    appendix_refs: std::cell::OnceCell<Vec<appendix::Reference>>,
}

impl<'a> Sink<'a> {
    /// The check's shared work, borrowed apart from the sink so a rule can
    /// read it while reporting.
    pub(crate) fn shared(&self) -> &'a Shared {
        self.shared
    }
}

impl Sink<'_> {
    /// Report at `path` with the rule's severity.
    pub fn report(
        &mut self,
        path: impl Into<String>,
        vi: impl Into<String>,
        en: impl Into<String>,
    ) {
        self.push(path.into(), vi.into(), en.into(), None, self.rule.severity);
    }

    /// Report with a fix that sets the field at `path` to `value`.
    pub fn report_fix(
        &mut self,
        path: impl Into<String>,
        vi: impl Into<String>,
        en: impl Into<String>,
        value: impl Into<String>,
    ) {
        let path = path.into();
        let fix = Fix {
            path: path.clone(),
            value: value.into(),
        };
        self.push(path, vi.into(), en.into(), Some(fix), self.rule.severity);
    }

    /// Report with a severity other than the rule's default (e.g. info for a draft).
    pub fn report_as(
        &mut self,
        severity: Severity,
        path: impl Into<String>,
        vi: impl Into<String>,
        en: impl Into<String>,
    ) {
        self.push(path.into(), vi.into(), en.into(), None, severity);
    }

    fn push(
        &mut self,
        path: String,
        message_vi: String,
        message_en: String,
        fix: Option<Fix>,
        severity: Severity,
    ) {
        self.out.push(Finding {
            rule: self.rule.id,
            severity,
            path,
            message_vi,
            message_en,
            fix,
        });
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
    /// Counts and findings as JSON (see `Finding::to_json`).
    pub fn to_json(&self, lang: Option<Lang>) -> serde_json::Value {
        serde_json::json!({
            "errors": self.count(Severity::Error),
            "warnings": self.count(Severity::Warning),
            "infos": self.count(Severity::Info),
            "findings": self.findings.iter().map(|f| f.to_json(lang)).collect::<Vec<_>>(),
        })
    }

    /// "3 lỗi, 5 cảnh báo, 1 gợi ý" / "3 errors, 5 warnings, 1 info".
    pub fn summary(&self, lang: Lang) -> String {
        Severity::ALL
            .map(|s| s.counted(self.count(s), lang))
            .join(", ")
    }
}

/// Stable insertion sort, for the short lists here (the catalogue, the dates
/// in one text): a few hundred bytes of wasm where each `sort_by_key` type
/// brings its own 3 KB.
pub(crate) fn sort_small_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// The whole catalogue, in a stable order.
pub fn catalogue() -> &'static [Rule] {
    static CATALOGUE: std::sync::OnceLock<Vec<Rule>> = std::sync::OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let mut all: Vec<Rule> = Vec::new();
        // Rule families register here.
        all.extend(format::rules());
        all.extend(plan::rules());
        all.extend(appendix::rules());
        all.extend(citations::rules());
        all.extend(text_rules::rules());
        all.extend(invisible::rules());
        all.extend(sequence::rules());
        all.extend(wording::rules());
        all.extend(header_facts::rules());
        all.extend(cite_full::rules());
        sort_small_by_key(&mut all, |r| r.id);
        all
    })
}

/// Run every rule that applies to the document's profile.
pub fn check_with(doc: &Document, ctx: &Context) -> Report {
    let mut findings = Vec::new();
    let shared = Shared::default();
    for rule in catalogue() {
        let applies = match rule.applies {
            Applies::Both => true,
            Applies::StateOnly => doc.profile == Profile::State,
            Applies::PartyOnly => doc.profile == Profile::Party,
        };
        if applies {
            run(rule, doc, ctx, &mut findings, &shared);
        }
    }
    // Errors first, then warnings, then notes, each in rule order: a stable
    // split by severity (the standard sort would add a few KB to the bundle).
    let mut sorted = Vec::with_capacity(findings.len());
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        sorted.extend(findings.extract_if(.., |f| f.severity == severity));
    }
    Report { findings: sorted }
}

/// Run one rule of the catalogue regardless of profile (benchmarks, tools).
pub fn check_one(rule: &'static Rule, doc: &Document, ctx: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    run(rule, doc, ctx, &mut findings, &Shared::default());
    findings
}

/// Run one rule, its findings added to `out`.
fn run(
    rule: &'static Rule,
    doc: &Document,
    ctx: &Context,
    out: &mut Vec<Finding>,
    shared: &Shared,
) {
    (rule.check)(doc, ctx, &mut Sink { rule, out, shared });
}

/// Apply the fixes of a report, at most one per path (the first: most severe).
/// Returns the new document and how many fixes took; a fix whose path no longer
/// holds text is skipped. One pass over the document however many fixes
/// (`walk::set_texts`).
pub fn apply_fixes(doc: &Document, report: &Report) -> (Document, usize) {
    let mut out = doc.clone();
    let n = apply_fixes_in_place(&mut out, report);
    (out, n)
}

/// `apply_fixes` on the document itself; returns how many fixes took.
pub fn apply_fixes_in_place(doc: &mut Document, report: &Report) -> usize {
    let edits: Vec<(&str, &str)> = report
        .findings
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .map(|f| (f.path.as_str(), f.value.as_str()))
        .collect();
    crate::model::walk::set_texts(doc, &edits).len()
}

/// Apply every fix, re-checking after each pass, until nothing changes or
/// `max_passes` passes have run. Returns the document and the fixes applied.
pub fn fix_all(doc: &Document, ctx: &Context, max_passes: usize) -> (Document, usize) {
    let mut doc = doc.clone();
    let mut total = 0;
    for _ in 0..max_passes {
        let report = check_with(&doc, ctx);
        let n = apply_fixes_in_place(&mut doc, &report);
        if n == 0 {
            break;
        }
        total += n;
    }
    (doc, total)
}

/// Run every rule, judging dates against `today` (the caller's clock: the
/// browser's in the app, Vietnam's date in the CLI), so the rules stay pure.
pub fn check(doc: &Document, today: PartialDate) -> Report {
    check_with(doc, &Context { today })
}

/// Shared helpers of the rule tests: a clean state plan, a clean Party programme,
/// and findings of one rule.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::model::{sample::generated_plan, DocKind, SignLine, SignPrefix, YearRange};

    pub fn ctx() -> Context {
        Context {
            today: PartialDate::ymd(2026, 6, 1),
        }
    }

    /// City plan 347/KH-UBND of 26/12/2025 as the parent of a cascaded plan,
    /// without citations or deadlines (tests add what they check).
    pub fn parent_347() -> crate::model::ParentRef {
        crate::model::ParentRef {
            kind: DocKind::Plan,
            number: "347".into(),
            symbol: "KH-UBND".into(),
            date: PartialDate::ymd(2025, 12, 26),
            issuing_body: "UBND thành phố Hải Phòng".into(),
            citations: vec![],
            report_deadlines: vec![],
        }
    }

    /// The generated ward plan with three appendix rows.
    pub fn base() -> Document {
        generated_plan(3)
    }

    /// A Party action programme (Hướng dẫn 36) built on the same content.
    pub fn party() -> Document {
        let mut d = base();
        d.kind = DocKind::Programme;
        d.profile = Profile::Party;
        d.header.parent_body = Some("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG".into());
        d.header.issuing_body = "ĐẢNG ỦY PHƯỜNG KIẾN AN".into();
        d.header.body_code = "ĐU".into();
        d.header.number = Some("04".into());
        d.header.symbol = "CTr/ĐU".into();
        d.header.place = "Kiến An".into();
        d.header.date = PartialDate::ymd(2025, 12, 12);
        d.header.title = Some("CHƯƠNG TRÌNH HÀNH ĐỘNG".into());
        d.header.subject =
            "Thực hiện Nghị quyết Đại hội đại biểu Đảng bộ phường lần thứ I, nhiệm kỳ 2025 - 2030"
                .into();
        d.opening = vec!["Căn cứ Nghị quyết số 09-NQ/ĐH ngày 27/9/2025 Đại hội đại biểu Đảng bộ thành phố lần thứ I, nhiệm kỳ 2025 - 2030;".into()];
        d.period = Some(YearRange {
            from: 2025,
            to: 2030,
        });
        d.appendices[0].attached_note = Some("Kèm theo Chương trình hành động số 04-CTr/ĐU ngày 12/12/2025 của Ban Chấp hành Đảng bộ phường".into());
        d.recipients.archive = Some("VPĐU".into());
        d.signature.lines = vec![
            SignLine {
                prefix: Some(SignPrefix::Tm),
                text: "BAN CHẤP HÀNH".into(),
            },
            SignLine {
                prefix: None,
                text: "BÍ THƯ".into(),
            },
        ];
        d
    }

    pub fn findings(doc: &Document, id: &str) -> Vec<Finding> {
        assert!(catalogue().iter().any(|r| r.id == id), "no rule {id}");
        // check_with sorts by severity, stably: within a severity, findings stay in document order.
        check_with(doc, &ctx())
            .findings
            .into_iter()
            .filter(|f| f.rule == id)
            .collect()
    }

    pub fn paths(doc: &Document, id: &str) -> Vec<String> {
        findings(doc, id).into_iter().map(|f| f.path).collect()
    }

    pub fn fixes(doc: &Document, id: &str) -> Vec<(String, String)> {
        findings(doc, id)
            .into_iter()
            .map(|f| f.fix.map(|x| (x.path, x.value)).expect("a fix"))
            .collect()
    }

    /// No finding at all from rules whose id starts with `prefix`.
    pub fn assert_quiet(doc: &Document, prefix: &str) {
        let noisy: Vec<_> = check_with(doc, &ctx())
            .findings
            .into_iter()
            .filter(|f| f.rule.starts_with(prefix))
            .collect();
        assert!(noisy.is_empty(), "{noisy:#?}");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn small_sort_is_stable_and_ordered() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_small_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let ids: Vec<&str> = catalogue().iter().map(|r| r.id).collect();
        assert!(
            ids.windows(2).all(|w| w[0] <= w[1]),
            "catalogue in id order"
        );
    }

    #[test]
    fn findings_come_errors_first_then_in_rule_order() {
        let mut doc = crate::model::sample::generated_plan(3);
        doc.header.subject = "ke hoach  thuc hien".into();
        doc.header.number = Some("5".into());
        doc.recipients.items.clear();
        let report = check_with(&doc, &testing::ctx());
        let order: Vec<(Severity, &str)> = report
            .findings
            .iter()
            .map(|f| (f.severity, f.rule))
            .collect();
        assert!(
            order.iter().any(|o| o.0 == Severity::Error)
                && order.iter().any(|o| o.0 != Severity::Error),
            "{order:?}"
        );
        assert!(order.windows(2).all(|w| w[0].0 <= w[1].0), "{order:?}");
        let position = |id: &str| catalogue().iter().position(|r| r.id == id).unwrap();
        assert!(
            order
                .windows(2)
                .all(|w| w[0].0 != w[1].0 || position(w[0].1) <= position(w[1].1)),
            "{order:?}"
        );
    }

    #[test]
    fn generated_plan_is_clean() {
        let doc = crate::model::sample::generated_plan(1000);
        let report = check_with(&doc, &testing::ctx());
        let loud: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .collect();
        assert!(loud.is_empty(), "{loud:#?}");
    }

    #[test]
    fn catalogue_ids_are_unique() {
        // The catalogue is sorted by id, so duplicates are neighbours.
        let ids: Vec<&str> = catalogue().iter().map(|r| r.id).collect();
        let mut dedup = ids.clone();
        dedup.dedup();
        assert_eq!(ids, dedup);
    }

    #[test]
    fn one_pass_applies_every_fix_of_a_report() {
        // Every row: a number typed in the automatic STT column and a doubled
        // space in its content, two fixes on two fields.
        let mut doc = crate::model::sample::generated_plan(120);
        for (i, r) in doc.appendices[0]
            .groups
            .iter_mut()
            .flat_map(|g| g.rows.iter_mut())
            .enumerate()
        {
            r.cells[0].text = (i + 1).to_string();
            r.cells[1].text = r.cells[1].text.replacen(' ', "  ", 1);
        }
        let report = check_with(&doc, &testing::ctx());
        let (fixed, n) = apply_fixes(&doc, &report);
        assert_eq!(n, 240);
        let left = check_with(&fixed, &testing::ctx());
        assert!(left.findings.iter().all(|f| f.fix.is_none()), "{left:#?}");
        assert_eq!(fixed, crate::model::sample::generated_plan(120));
        assert_eq!(fix_all(&doc, &testing::ctx(), 2), (fixed, 240));
    }

    #[test]
    fn fixes_apply_until_stable() {
        let mut doc = crate::model::sample::generated_plan(3);
        doc.header.number = Some("5".into());
        doc.recipients.items[0] = "- UBND thành phố;".into();
        doc.opening[0] = doc.opening[0].replace("26/12/2025", "26/12/2025 và ngày 5/6/2025");
        let (fixed, n) = fix_all(&doc, &testing::ctx(), 5);
        assert_eq!(n, 3);
        assert_eq!(fixed.header.number.as_deref(), Some("05"));
        assert_eq!(fixed.recipients.items[0], "UBND thành phố");
        assert!(fixed.opening[0].contains("ngày 05/6/2025"));
        assert!(check_with(&fixed, &testing::ctx())
            .findings
            .iter()
            .all(|f| f.fix.is_none()));
    }
}

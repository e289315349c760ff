//! Citations of other documents (cite.*): "Nghị quyết số 82/NQ-HĐND ngày 11/12/2025",
//! "Chương trình hành động số 05-CTr/TU ngày 06/11/2025", "Nghị quyết 45-NQ/TW, ngày
//! 24/01/2019", "Luật … số 10/2022/QH15". One document must carry one date everywhere,
//! agree with the parent plan, not post-date the plan, and its type word must match
//! the type code of its symbol.

pub use super::citation_scan::{citations, citations_in, reference_key, type_code, Citation};
use super::citation_scan::{known_code, scan, KIND_WORDS};
use super::dates::{date_at, format_like};
use super::fields::{field_facts, for_each_field_where};
use super::{Applies, Context, Rule, Severity, Sink};
use crate::model::place::place_in_sentence;
use crate::model::{days_in_month, Document, PartialDate, Profile};

/// `citations(doc)`, found once per check and read by several rules; only the
/// fields whose facts say they cite something are scanned again.
pub(super) fn shared_citations<'a>(doc: &Document, s: &Sink<'a>) -> &'a [Citation] {
    let fields = field_facts(doc, s);
    s.shared().citations.get_or_init(|| {
        let mut out = Vec::new();
        for_each_field_where(doc, fields, |f| f.cites, &mut |path, text, _| {
            scan(text, path, &mut out)
        });
        out
    })
}

pub fn rules() -> Vec<Rule> {
    use Applies::*;
    use Severity::*;
    vec![
        Rule {
            id: "cite.date_conflict",
            severity: Error,
            applies: Both,
            title_vi: "Một văn bản được trích dẫn với cùng một ngày",
            title_en: "A cited document carries one date everywhere",
            check: date_conflict,
        },
        Rule {
            id: "cite.after_plan",
            severity: Error,
            applies: Both,
            title_vi: "Văn bản được trích dẫn không ban hành sau kế hoạch",
            title_en: "A cited document is not dated after the plan",
            check: after_plan,
        },
        Rule {
            id: "cite.parent",
            severity: Error,
            applies: Both,
            title_vi: "Trích dẫn khớp với kế hoạch cấp trên",
            title_en: "Citations agree with the parent plan",
            check: parent_agrees,
        },
        Rule {
            id: "cite.kind_code",
            severity: Error,
            applies: Both,
            title_vi: "Tên loại văn bản khớp mã trong ký hiệu",
            title_en: "The type word matches the symbol's type code",
            check: kind_code,
        },
        Rule {
            id: "cite.date_exists",
            severity: Error,
            applies: Both,
            title_vi: "Ngày của văn bản được trích dẫn có thật",
            title_en: "A cited date exists",
            check: date_exists,
        },
    ]
}

/// This document's own reference ("15/KH-UBND", "04-CTr/ĐU"), when it has a number.
pub(super) fn own_reference(doc: &Document) -> Option<String> {
    let n = doc
        .header
        .number
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())?;
    Some(match doc.profile {
        Profile::State => format!("{n}/{}", doc.header.symbol),
        Profile::Party => format!("{n}-{}", doc.header.symbol),
    })
}

fn parent_reference(doc: &Document) -> Option<(String, PartialDate)> {
    let p = doc.parent.as_ref()?;
    let sep = if p.symbol.contains('/') { '-' } else { '/' };
    Some((format!("{}{sep}{}", p.number.trim(), p.symbol), p.date))
}

/// How sure two dates for one reference are a mistake. A reference with its year
/// in it ("61/2023/NĐ-CP") names one document: error. Otherwise numbers restart
/// (state: every 1 January; Party "05-CTr/TU": every term), so two dates may be
/// two documents sharing a number: warning, with the reason appended.
fn conflict_severity(
    reference: &str,
    a: &PartialDate,
    b: &PartialDate,
) -> (Severity, &'static str, &'static str) {
    let digits = reference.bytes().take_while(u8::is_ascii_digit).count();
    let party_style = reference[digits..].starts_with('-');
    let year_in_reference = reference
        .split(['/', '-'])
        .skip(1)
        .any(|seg| seg.len() == 4 && seg.bytes().all(|b| b.is_ascii_digit()));
    if year_in_reference {
        (Severity::Error, "", "")
    } else if party_style {
        (
            Severity::Warning,
            " Nếu là cùng một văn bản thì một trong hai ngày sai (văn bản Đảng đánh số lại mỗi nhiệm kỳ, nên cũng có thể là hai văn bản khác nhau).",
            " If this is one document, one of the dates is wrong (Party numbering restarts every term, so these may be two documents).",
        )
    } else if a.year != b.year {
        (
            Severity::Warning,
            " Nếu là cùng một văn bản thì một trong hai ngày sai (số văn bản đánh lại từ 01/01 mỗi năm, nên cũng có thể là hai văn bản khác nhau).",
            " If this is one document, one of the dates is wrong (numbers restart every 1 January, so these may be two documents).",
        )
    } else {
        (Severity::Error, "", "")
    }
}

fn date_conflict(doc: &Document, _: &Context, s: &mut Sink) {
    // First date seen per reference key, with where it was seen.
    let mut first: Vec<(String, PartialDate, String)> = Vec::new();
    if let Some(own) = own_reference(doc).filter(|_| doc.header.date.is_complete()) {
        first.push((reference_key(&own), doc.header.date, "header.date".into()));
    }
    for c in shared_citations(doc, s) {
        let Some(date) = c.date else { continue };
        let key = reference_key(&c.reference);
        match first.iter().find(|(k, _, _)| *k == key) {
            Some((_, d, _)) if *d == date => {}
            Some((_, d, at)) => {
                let (severity, note_vi, note_en) = conflict_severity(&c.reference, d, &date);
                let (at_vi, at_en) = place_in_sentence(doc, at);
                s.report_as(
                    severity,
                    c.path.clone(),
                    format!(
                        "{} {} ghi ngày {}, nhưng ở {at_vi} ghi ngày {}.{note_vi}",
                        c.kind_word,
                        c.reference,
                        date.short_vi(),
                        d.short_vi()
                    ),
                    format!(
                        "{} {} is dated {date} here but {d} in {at_en}.{note_en}",
                        c.kind_word, c.reference
                    ),
                )
            }
            None => first.push((key, date, c.path.clone())),
        }
    }
}

/// Last day the plan's (possibly partial) date stands for.
fn plan_last_day(d: &PartialDate) -> PartialDate {
    let m = d.month.unwrap_or(12);
    let day = d.day.unwrap_or_else(|| days_in_month(d.year, m));
    PartialDate::ymd(d.year, m, day)
}

fn after_plan(doc: &Document, _: &Context, s: &mut Sink) {
    let own = &doc.header.date;
    if !own.exists() {
        return;
    }
    let last = plan_last_day(own).ordinal();
    let own_key = own_reference(doc).map(|r| reference_key(&r));
    let vi_own = if own.is_complete() {
        own.short_vi()
    } else {
        format!("năm {}", own.year)
    };
    if let Some(p) = &doc.parent {
        if p.date.ordinal() > last {
            s.report(
                "parent.date",
                format!(
                    "Kế hoạch cấp trên ngày {} ban hành sau văn bản này ({vi_own}).",
                    p.date.short_vi()
                ),
                format!(
                    "The parent plan ({}) is dated after this document ({own}).",
                    p.date
                ),
            );
        }
    }
    for c in shared_citations(doc, s) {
        let Some(date) = c.date else { continue };
        if date.ordinal() > last && own_key.as_deref() != Some(reference_key(&c.reference).as_str())
        {
            s.report(
                c.path.clone(),
                format!(
                    "{} {} ngày {} ban hành sau văn bản này ({vi_own}).",
                    c.kind_word,
                    c.reference,
                    date.short_vi()
                ),
                format!(
                    "{} {} ({date}) is dated after this document ({own}).",
                    c.kind_word, c.reference
                ),
            );
        }
    }
}

fn parent_agrees(doc: &Document, _: &Context, s: &mut Sink) {
    let Some(parent) = &doc.parent else { return };
    let mut known: Vec<(String, PartialDate, &str)> = parent
        .citations
        .iter()
        .map(|c| {
            (
                reference_key(&c.reference),
                c.date,
                "trích dẫn của kế hoạch cấp trên",
            )
        })
        .collect();
    if let Some((r, d)) = parent_reference(doc) {
        known.insert(0, (reference_key(&r), d, "kế hoạch cấp trên"));
    }
    if known.is_empty() {
        return;
    }
    let fields = field_facts(doc, s);
    let mut found = Vec::new();
    for_each_field_where(doc, fields, |f| f.cites, &mut |path, text, _| {
        found.clear();
        scan(text, path, &mut found);
        for c in &found {
            let (Some(date), Some((from, to))) = (c.date, c.date_span) else {
                continue;
            };
            let key = reference_key(&c.reference);
            let Some((_, d, source)) = known
                .iter()
                .find(|(k, _, _)| *k == key)
                .filter(|(_, d, _)| *d != date)
            else {
                continue;
            };
            let en_source = if *source == "kế hoạch cấp trên" {
                "the parent plan"
            } else {
                "the parent plan's citation"
            };
            let (severity, note_vi, note_en) = conflict_severity(&c.reference, d, &date);
            let vi = format!(
                "{} {} ghi ngày {}, khác ngày {} theo {source}.{note_vi}",
                c.kind_word,
                c.reference,
                date.short_vi(),
                d.short_vi()
            );
            let en = format!(
                "{} {} is dated {date}, but {en_source} has {d}.{note_en}",
                c.kind_word, c.reference
            );
            if severity == Severity::Error {
                // The parent plan is the authority: offer its date, written in the same style.
                let written = date_at(text, from)
                    .map(|m| format_like(&m, d))
                    .unwrap_or_default();
                s.report_fix(
                    c.path.clone(),
                    vi,
                    en,
                    format!("{}{written}{}", &text[..from], &text[to..]),
                );
            } else {
                s.report_as(severity, c.path.clone(), vi, en);
            }
        }
    });
}

fn kind_code(doc: &Document, _: &Context, s: &mut Sink) {
    for c in shared_citations(doc, s) {
        let Some(code) = type_code(&c.reference) else {
            continue;
        };
        let Some((_, codes)) = KIND_WORDS
            .iter()
            .find(|(w, _)| crate::text::to_lower(w) == crate::text::to_lower(&c.kind_word))
        else {
            continue;
        };
        if codes.is_empty() || !known_code(code) || codes.contains(&code) {
            continue;
        }
        let want = codes.join(" hoặc ");
        s.report(
            c.path.clone(),
            format!("\"{} {}\": {} có mã {want}, ký hiệu lại ghi {code}; kiểm tra tên loại hoặc số, ký hiệu.", c.kind_word, c.reference, c.kind_word),
            format!(
                "\"{} {}\": a {} has the code {}, but the symbol has {code}; check the type word or the reference.",
                c.kind_word,
                c.reference,
                c.kind_word,
                codes.join(" or ")
            ),
        );
    }
}

fn date_exists(doc: &Document, _: &Context, s: &mut Sink) {
    for c in shared_citations(doc, s) {
        if let Some(d) = c.date.filter(|d| !d.exists()) {
            s.report(
                c.path.clone(),
                format!(
                    "{} {} ghi ngày {}/{}/{} không có thật.",
                    c.kind_word,
                    c.reference,
                    d.day.unwrap_or(0),
                    d.month.unwrap_or(0),
                    d.year
                ),
                format!(
                    "{} {} is dated {d}, which does not exist.",
                    c.kind_word, c.reference
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::model::{CitedDoc, ParentRef};

    fn cites(text: &str) -> Vec<(String, String, Option<String>)> {
        let mut out = Vec::new();
        citations_in(text, "x", &mut out);
        out.into_iter()
            .map(|c| (c.kind_word, c.reference, c.date.map(|d| d.to_string())))
            .collect()
    }

    fn c(k: &str, r: &str, d: Option<&str>) -> (String, String, Option<String>) {
        (k.into(), r.into(), d.map(String::from))
    }

    #[test]
    fn recognises_the_seed_forms() {
        assert_eq!(
            cites("Thực hiện Nghị quyết số 82/NQ-HĐND ngày 11/12/2025 của Hội đồng nhân dân thành phố; Kế hoạch số 347/KH-UBND ngày 26/12/2025 của UBND thành phố về triển khai"),
            [c("Nghị quyết", "82/NQ-HĐND", Some("2025-12-11")), c("Kế hoạch", "347/KH-UBND", Some("2025-12-26"))]
        );
        assert_eq!(
            cites("Căn cứ Nghị quyết số 09-NQ/ĐH ngày 27/9/2025 Đại hội"),
            [c("Nghị quyết", "09-NQ/ĐH", Some("2025-09-27"))]
        );
        assert_eq!(
            cites("thực hiện Nghị quyết 45-NQ/TW, ngày 24/01/2019 của Bộ Chính trị"),
            [c("Nghị quyết", "45-NQ/TW", Some("2019-01-24"))]
        );
        assert_eq!(
            cites("Nghị quyết số 226/2025/QH15, ngày 27/6/2025 của Quốc hội"),
            [c("Nghị quyết", "226/2025/QH15", Some("2025-06-27"))]
        );
        assert_eq!(
            cites("Quyết định số 12/QĐ-UBND ngày 11 tháng 12 năm 2025"),
            [c("Quyết định", "12/QĐ-UBND", Some("2025-12-11"))]
        );
        assert_eq!(
            cites("Nghị quyết Đại hội đại biểu Đảng bộ thành phố lần thứ I, nhiệm kỳ 2025-2030 và Chương trình hành động số 05-CTr/TU ngày 06/11/2025"),
            [c("Chương trình", "05-CTr/TU", Some("2025-11-06"))]
        );
        assert_eq!(
            cites("Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022"),
            [c("Luật", "10/2022/QH15", Some("2022-11-10"))]
        );
        assert_eq!(
            cites("Nghị quyết số 82/NQ-HĐND của HĐND thành phố"),
            [c("Nghị quyết", "82/NQ-HĐND", None)]
        );
        assert_eq!(
            cites("Nghị định số 61/2023/NĐ-CP ngày 16/6/2023 của Chính phủ"),
            [c("Nghị định", "61/2023/NĐ-CP", Some("2023-06-16"))]
        );
        assert!(cites("ban hành kế hoạch số 5/KH-UBND; pháp luật số 1/2020/QH14; Kế hoạch này, giai đoạn 2025-2030").is_empty());
        assert_eq!(type_code("61/2023/NĐ-CP"), Some("NĐ"));
        assert_eq!(type_code("04-CTr/ĐU"), Some("CTr"));
        assert_eq!(reference_key("05/KH-UBND"), reference_key("5/KH-UBND"));
    }

    #[test]
    fn base_plan_is_clean() {
        assert_quiet(&base(), "cite.");
        assert_quiet(&party(), "cite.");
        assert_eq!(citations(&base()).len(), 3);
    }

    #[test]
    fn two_dates_for_one_document() {
        let mut d = base();
        d.opening[0] =
            "Thực hiện Kế hoạch số 347/KH-UBND ngày 25/12/2025 của UBND thành phố".into();
        assert_eq!(paths(&d, "cite.date_conflict"), ["opening[0]"]);
        d.appendices[0].attached_note =
            Some("Kèm theo Kế hoạch số 15/KH-UBND ngày 16/01/2026".into());
        assert_eq!(
            paths(&d, "cite.date_conflict"),
            ["opening[0]", "appendices[0].attached_note"]
        );
        assert!(findings(&d, "cite.date_conflict")
            .iter()
            .all(|f| f.severity == Severity::Error));
    }

    #[test]
    fn numbers_that_restart_make_a_conflict_a_warning() {
        let mut d = base();
        // Another year: state numbers restart on 1 January, so maybe another document.
        d.opening[0] = "Thực hiện Kế hoạch số 347/KH-UBND ngày 26/12/2024".into();
        let f = findings(&d, "cite.date_conflict");
        assert_eq!((f.len(), f[0].severity), (1, Severity::Warning));
        // Party numbers restart every term (seed 004: 05-CTr/TU of 25/8/2025 and of 06/11/2025).
        d.opening[0] = "Chương trình hành động số 05-CTr/TU ngày 06/11/2025; Chương trình hành động số 05-CTr/TU, ngày 25/8/2025".into();
        let f = findings(&d, "cite.date_conflict");
        assert_eq!((f.len(), f[0].severity), (1, Severity::Warning));
        // The year inside the reference names one document.
        d.opening[0] =
            "Nghị định số 61/2023/NĐ-CP ngày 16/8/2023; Nghị định số 61/2023/NĐ-CP ngày 16/6/2023"
                .into();
        let f = findings(&d, "cite.date_conflict");
        assert_eq!((f.len(), f[0].severity), (1, Severity::Error));
    }

    #[test]
    fn cited_after_the_plan() {
        let mut d = base();
        d.opening[0] = "Căn cứ Nghị quyết số 41/NQ-HĐND ngày 23/01/2026".into();
        assert_eq!(paths(&d, "cite.after_plan"), ["opening[0]"]);
        d.header.date = PartialDate::year_only(2026);
        d.header.number = None;
        assert!(paths(&d, "cite.after_plan").is_empty());
    }

    #[test]
    fn parent_disagreement() {
        let mut d = base();
        d.parent = Some(ParentRef {
            citations: vec![CitedDoc {
                reference: "82/NQ-HĐND".into(),
                date: PartialDate::ymd(2025, 12, 11),
            }],
            ..parent_347()
        });
        assert_quiet(&d, "cite.");
        d.header.subject = "Triển khai Kế hoạch số 347/KH-UBND ngày 27/12/2025 và Nghị quyết số 82/NQ-HĐND ngày 12/12/2025".into();
        assert_eq!(
            paths(&d, "cite.parent"),
            ["header.subject", "header.subject"]
        );
        let fixed = crate::rules::fix_all(&d, &ctx(), 5).0;
        assert_eq!(fixed.header.subject, "Triển khai Kế hoạch số 347/KH-UBND ngày 26/12/2025 và Nghị quyết số 82/NQ-HĐND ngày 11/12/2025");
        d.header.subject = "Triển khai Nghị quyết số 82/NQ-HĐND ngày 12 tháng 12 năm 2025".into();
        assert_eq!(
            fixes(&d, "cite.parent")[0].1,
            "Triển khai Nghị quyết số 82/NQ-HĐND ngày 11 tháng 12 năm 2025"
        );
        d.parent.as_mut().unwrap().date = PartialDate::ymd(2026, 2, 1);
        assert_eq!(paths(&d, "cite.after_plan"), ["parent.date"]);
    }

    #[test]
    fn type_word_and_code() {
        let mut d = base();
        d.opening[0] = "Thực hiện Kế hoạch số 82/NQ-HĐND ngày 11/12/2025; Nghị quyết số 226/2025/QH15; Quy định số 22-QĐ/TW ngày 28/5/2021".into();
        let f = findings(&d, "cite.kind_code");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].path, "opening[0]");
        assert!(f[0].message_vi.contains("82/NQ-HĐND"));
    }

    #[test]
    fn impossible_cited_date() {
        let mut d = base();
        d.opening[0] = "Căn cứ Nghị quyết số 41/NQ-HĐND ngày 30/02/2025".into();
        assert_eq!(paths(&d, "cite.date_exists"), ["opening[0]"]);
    }
}

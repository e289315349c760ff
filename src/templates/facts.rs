//! Fact values: reading what a person types for each kind of fact (level,
//! number, date, report deadlines, signer) and printing it back.

use super::*;
use crate::model::{days_in_month, month_vi};

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
    pub const ALL: [Signer; 4] = [
        Signer::Chair,
        Signer::ViceChair,
        Signer::Secretary,
        Signer::DeputySecretary,
    ];

    /// The value a start form's signer select gives (`parse` reads it back).
    pub fn key(self) -> &'static str {
        match self {
            Signer::Chair => "chu_tich",
            Signer::ViceChair => "pho_chu_tich",
            Signer::Secretary => "bi_thu",
            Signer::DeputySecretary => "pho_bi_thu",
        }
    }

    /// The choice as shown: the title, and the prefix a deputy signs with as
    /// the export prints it ("Phó Chủ tịch (KT.)", "Phó Bí thư (K/T)").
    pub fn label(self) -> String {
        let profile = if self.is_party() {
            crate::model::Profile::Party
        } else {
            crate::model::Profile::State
        };
        match self {
            Signer::ViceChair | Signer::DeputySecretary => format!(
                "{} ({})",
                self.title_vi(),
                crate::model::SignPrefix::Kt.label(profile)
            ),
            _ => self.title_vi().to_string(),
        }
    }

    /// `label` in the interface's language: in English, the Vietnamese title
    /// as it is printed, then what it means.
    pub fn label_in(self, lang: crate::Lang) -> String {
        let gloss = match self {
            Signer::Chair => "the chair",
            Signer::ViceChair => "a vice-chair, for the chair",
            Signer::Secretary => "the secretary",
            Signer::DeputySecretary => "a deputy secretary, for the secretary",
        };
        match lang {
            crate::Lang::Vi => self.label(),
            crate::Lang::En => format!("{} — {gloss}", self.label()),
        }
    }

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
    pub(crate) fn lines(self) -> Value {
        match self {
            Signer::Chair => {
                serde_json::json!([{"prefix": "tm", "text": "ỦY BAN NHÂN DÂN"}, {"text": "CHỦ TỊCH"}])
            }
            Signer::ViceChair => {
                serde_json::json!([{"prefix": "tm", "text": "ỦY BAN NHÂN DÂN"}, {"prefix": "kt", "text": "CHỦ TỊCH"}, {"text": "PHÓ CHỦ TỊCH"}])
            }
            Signer::Secretary => {
                serde_json::json!([{"prefix": "tm", "text": "ĐẢNG ỦY"}, {"text": "BÍ THƯ"}])
            }
            Signer::DeputySecretary => {
                serde_json::json!([{"prefix": "tm", "text": "ĐẢNG ỦY"}, {"prefix": "kt", "text": "BÍ THƯ"}, {"text": "PHÓ BÍ THƯ"}])
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FactValue {
    Text(String),
    Level(Level),
    Date(PartialDate),
    Deadlines(Vec<ReportDeadline>),
    Signer(Signer),
    /// An optional fact left empty.
    Absent,
}

pub(crate) type Msg = (String, String);

pub(crate) fn parse_fact(kind: FactKind, raw: &str) -> Result<FactValue, Msg> {
    let s = crate::text::to_nfc(raw.trim());
    match kind {
        FactKind::Text | FactKind::OptionalText => Ok(FactValue::Text(s)),
        FactKind::Level => Level::parse(&s)
            .map(FactValue::Level)
            .ok_or_else(|| (format!("cần \"phường\" hoặc \"xã\", nhận \"{s}\"."), format!("expected \"phường\" (ward) or \"xã\" (commune), found \"{s}\"."))),
        FactKind::Number => parse_number(&s).map(FactValue::Text),
        FactKind::Date => parse_date(&s).map(FactValue::Date),
        FactKind::Deadlines => parse_deadlines(&s).map(FactValue::Deadlines),
        FactKind::Signer => Signer::parse(&s).map(FactValue::Signer).ok_or_else(|| {
            (
                format!("cần \"chu_tich\" (Chủ tịch), \"pho_chu_tich\" (Phó Chủ tịch), \"bi_thu\" (Bí thư) hoặc \"pho_bi_thu\" (Phó Bí thư), nhận \"{s}\"."),
                format!(
                    "expected \"chu_tich\" (chair), \"pho_chu_tich\" (vice-chair), \"bi_thu\" (secretary) or \"pho_bi_thu\" (deputy secretary), found \"{s}\"."
                ),
            )
        }),
    }
}

pub(crate) fn parse_number(s: &str) -> Result<String, Msg> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || s.bytes().all(|b| b == b'0') {
        return Err((
            format!("số văn bản chỉ gồm chữ số, nhận \"{s}\"."),
            format!("a document number is digits only, found \"{s}\"."),
        ));
    }
    Ok(if s.len() == 1 {
        format!("0{s}")
    } else {
        s.to_string()
    })
}

pub use crate::model::parse_date;

pub(crate) const PERIOD_ORDER: [ReportPeriod; 3] = [
    ReportPeriod::SixMonth,
    ReportPeriod::NineMonth,
    ReportPeriod::Annual,
];

/// The period's name in template keys and English messages (its JSON name).
pub(crate) fn period_key(p: ReportPeriod) -> &'static str {
    match p {
        ReportPeriod::Quarterly => "quarterly",
        ReportPeriod::SixMonth => "six_month",
        ReportPeriod::NineMonth => "nine_month",
        ReportPeriod::Annual => "annual",
        ReportPeriod::Other => "other",
    }
}

pub(crate) fn parse_period(label: &str) -> Option<ReportPeriod> {
    match crate::model::edit::slug(label).as_str() {
        "quarterly" | "quy" | "hang_quy" | "hang_quy_" => Some(ReportPeriod::Quarterly),
        "six_month" | "6_thang" | "sau_thang" | "bao_cao_6_thang" => Some(ReportPeriod::SixMonth),
        "nine_month" | "9_thang" | "chin_thang" | "bao_cao_9_thang" => {
            Some(ReportPeriod::NineMonth)
        }
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
    let entries: Vec<&str> = s
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect();
    if entries.is_empty() {
        return Err((
            "chưa có hạn báo cáo nào (ví dụ \"05/6, 10/9, 10/11\").".into(),
            "no report deadline given (e.g. \"05/6, 10/9, 10/11\").".into(),
        ));
    }
    for (i, e) in entries.iter().enumerate() {
        let (period, dm) = match e.split_once([':', '=']) {
            Some((label, dm)) => (
                parse_period(label).ok_or_else(|| {
                    (
                        format!("không hiểu kỳ báo cáo \"{}\" (dùng 6 tháng, 9 tháng, năm, quý).", label.trim()),
                        format!("unknown report period \"{}\" (use six_month, nine_month, annual, quarterly).", label.trim()),
                    )
                })?,
                dm.trim(),
            ),
            None => (
                *PERIOD_ORDER.get(i).ok_or_else(|| {
                    (
                        "quá ba hạn không ghi kỳ báo cáo; ghi rõ dạng \"quý: 10/3\".".to_string(),
                        "more than three unlabelled deadlines; label them like \"quarterly: 10/3\".".to_string(),
                    )
                })?,
                *e,
            ),
        };
        let (d, m) = parse_day_month(dm)?;
        if out.iter().any(|o| o.period == period) {
            return Err((
                format!("kỳ báo cáo {} ghi hai lần.", period.short_vi()),
                format!("the {} deadline is given twice.", period_key(period)),
            ));
        }
        out.push(ReportDeadline {
            period,
            day: d,
            month: m,
        });
    }
    Ok(out)
}

/// Read a deadline's day and month, day first: "05/6", "5-6", "05.06",
/// "trước ngày 05/6". The day must exist in that month (29/2 does).
pub fn parse_day_month(s: &str) -> Result<(u8, u8), Msg> {
    let dm = s
        .trim()
        .trim_start_matches("trước ngày")
        .trim_start_matches("ngày")
        .trim();
    let bad = || {
        (
            format!("hạn \"{dm}\" cần dạng ngày/tháng, ví dụ 05/6."),
            format!("deadline \"{dm}\" must be day/month, e.g. 05/6."),
        )
    };
    let (d, m) = dm.split_once(['/', '-', '.']).ok_or_else(bad)?;
    let (d, m): (u8, u8) = (
        d.trim().parse().map_err(|_| bad())?,
        m.trim().parse().map_err(|_| bad())?,
    );
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(2024, m) {
        return Err((
            format!("hạn {d}/{m} không có thật."),
            format!("deadline {d}/{m} is not a real date."),
        ));
    }
    Ok((d, m))
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
        .map(|d| {
            if standard {
                day_month_vi(d.day, d.month)
            } else {
                format!("{}: {}", d.period.short_vi(), day_month_vi(d.day, d.month))
            }
        })
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
            ReportDeadline {
                period: d.period,
                day: day.max(1) as u8,
                month,
            }
        })
        .collect()
}

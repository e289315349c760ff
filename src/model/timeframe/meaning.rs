//! How the app understood a timeframe, in words, for the line under the
//! field: "Hiểu là một quý: «Quý II/2026»", "Hiểu là thời gian ghi bằng lời
//! (năm 2026): «6 tháng đầu năm 2026»", or that it was kept as typed.

use super::Timeframe;
use crate::Lang;

impl Timeframe {
    /// The line saying what this timeframe was understood as ("" for none).
    pub fn meaning(&self, lang: Lang) -> String {
        let what = match self {
            Timeframe::Text(s) if s.trim().is_empty() => return String::new(),
            Timeframe::Text(s) => return words_meaning(s, lang),
            Timeframe::Regular => ("thường xuyên", "ongoing"),
            Timeframe::Annually => ("hằng năm", "every year"),
            Timeframe::Year(_) => ("một năm", "a year"),
            Timeframe::Quarter { .. } => ("một quý", "a quarter"),
            Timeframe::Month { .. } => ("một tháng", "a month"),
            Timeframe::YearRange { .. } => ("giai đoạn nhiều năm", "a period of years"),
            Timeframe::AnnualDeadline { .. } => ("hạn hằng năm", "a yearly deadline"),
            Timeframe::Before(_) => ("hạn chót", "a deadline"),
            Timeframe::OnDirective => ("khi có chỉ đạo", "when directed"),
        };
        let printed = self.to_vi();
        match lang {
            Lang::Vi => format!("Hiểu là {}: «{printed}»", what.0),
            Lang::En => format!("Understood as {}: «{printed}»", what.1),
        }
    }
}

/// A timeframe in words: understood when the checks can read it, and then
/// printed as written.
fn words_meaning(s: &str, lang: Lang) -> String {
    let Some(reading) = Timeframe::read_text(s) else {
        return lang
            .pick(
                "Chưa hiểu được — giữ nguyên như đã gõ.",
                "Not understood — kept as typed.",
            )
            .into();
    };
    let s = s.trim();
    match (reading.years, lang) {
        (Some((a, b)), Lang::Vi) if a == b => {
            format!("Hiểu là thời gian ghi bằng lời, trong năm {a}: «{s}»")
        }
        (Some((a, b)), Lang::Vi) => {
            format!("Hiểu là thời gian ghi bằng lời, từ năm {a} đến năm {b}: «{s}»")
        }
        (None, Lang::Vi) => format!("Hiểu là thời gian ghi bằng lời: «{s}»"),
        (Some((a, b)), Lang::En) if a == b => {
            format!("Understood as a time in words, within {a}: «{s}»")
        }
        (Some((a, b)), Lang::En) => format!("Understood as a time in words, {a} to {b}: «{s}»"),
        (None, Lang::En) => format!("Understood as a time in words: «{s}»"),
    }
}

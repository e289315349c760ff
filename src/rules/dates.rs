//! Dates written in running text: "ngày 5/6/2025", "ngày 05 tháng 6 năm 2025",
//! "ngày 05/6" (no year, e.g. report deadlines). Shared by the leading-zero rule
//! and the citation scanner; byte offsets let a fix rewrite just the date.

use crate::model::PartialDate;

/// One date found in a text, with the byte ranges of its parts as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Start of the word "ngày".
    pub start: usize,
    /// End of the last digit of the date.
    pub end: usize,
    pub day: (usize, usize),
    pub month: (usize, usize),
    pub year: Option<i32>,
    /// "ngày d tháng m năm yyyy" rather than "ngày d/m/yyyy".
    pub long: bool,
}

impl DateMention {
    pub fn day_value(&self, text: &str) -> u32 {
        text[self.day.0..self.day.1].parse().unwrap_or(0)
    }
    pub fn month_value(&self, text: &str) -> u32 {
        text[self.month.0..self.month.1].parse().unwrap_or(0)
    }
    /// The date, when it has a year and values that fit a PartialDate (day 1–31, month 1–12).
    pub fn date(&self, text: &str) -> Option<PartialDate> {
        let (d, m) = (self.day_value(text), self.month_value(text));
        ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some(())?;
        Some(PartialDate::ymd(self.year?, m as u8, d as u8))
    }
}

fn digits(text: &str, at: usize, min: usize, max: usize) -> Option<usize> {
    let n = text[at..].bytes().take_while(u8::is_ascii_digit).count();
    (min..=max).contains(&n).then_some(at + n)
}

fn spaces(text: &str, at: usize) -> usize {
    at + text[at..]
        .bytes()
        .take_while(|b| *b == b' ' || *b == b'\t')
        .count()
}

/// Parse a date whose word "ngày" starts at byte `at`.
pub fn date_at(text: &str, at: usize) -> Option<DateMention> {
    let rest = &text[at..];
    let word = ["ngày", "Ngày", "NGÀY"]
        .into_iter()
        .find(|w| rest.starts_with(w))?;
    let p = spaces(text, at + word.len());
    if p == at + word.len() {
        return None;
    }
    let day_end = digits(text, p, 1, 2)?;
    let day = (p, day_end);
    let after = &text[day_end..];
    if after.starts_with('/') {
        let m0 = day_end + 1;
        let m1 = digits(text, m0, 1, 2)?;
        if text[m1..].starts_with('/') {
            let y1 = digits(text, m1 + 1, 4, 4)?;
            if text[y1..].starts_with(|c: char| c.is_ascii_digit() || c == '/') {
                return None;
            }
            let year = text[m1 + 1..y1].parse().ok();
            return Some(DateMention {
                start: at,
                end: y1,
                day,
                month: (m0, m1),
                year,
                long: false,
            });
        }
        if text[m1..].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        return Some(DateMention {
            start: at,
            end: m1,
            day,
            month: (m0, m1),
            year: None,
            long: false,
        });
    }
    // Long form: "ngày 11 tháng 12 năm 2025".
    let p = spaces(text, day_end);
    let t = ["tháng", "Tháng", "THÁNG"]
        .into_iter()
        .find(|w| text[p..].starts_with(w))?;
    let m0 = spaces(text, p + t.len());
    let m1 = digits(text, m0, 1, 2)?;
    let p = spaces(text, m1);
    let n = ["năm", "Năm", "NĂM"]
        .into_iter()
        .find(|w| text[p..].starts_with(w))?;
    let y0 = spaces(text, p + n.len());
    let y1 = digits(text, y0, 4, 4)?;
    let year = text[y0..y1].parse().ok();
    Some(DateMention {
        start: at,
        end: y1,
        day,
        month: (m0, m1),
        year,
        long: true,
    })
}

/// Every date written with "ngày" in `text`, in order.
pub fn date_mentions(text: &str) -> Vec<DateMention> {
    let mut out = Vec::new();
    // "gày"/"GÀY" then check the "n" before: one pass over the bytes, cheap on long texts.
    for needle in ["gày", "GÀY"] {
        for (i, _) in text.match_indices(needle) {
            if i == 0 || !matches!(text.as_bytes()[i - 1], b'n' | b'N') {
                continue;
            }
            let start = i - 1;
            let word_start = text[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if word_start {
                if let Some(m) = date_at(text, start) {
                    out.push(m);
                }
            }
        }
    }
    super::sort_small_by_key(&mut out, |m| m.start);
    out
}

/// "ngày d tháng m năm yyyy" / "ngày d/m/yyyy" form of `date` in the style of `m`.
pub fn format_like(m: &DateMention, date: &PartialDate) -> String {
    let day = date.day.map(|d| format!("{d:02}")).unwrap_or_default();
    let month = date.month.map(crate::model::month_vi).unwrap_or_default();
    if m.long {
        format!("ngày {day} tháng {month} năm {}", date.year)
    } else {
        format!("ngày {day}/{month}/{}", date.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(t: &str) -> (u32, u32, Option<i32>, bool) {
        let v = date_mentions(t);
        assert_eq!(v.len(), 1, "{t}");
        (v[0].day_value(t), v[0].month_value(t), v[0].year, v[0].long)
    }

    #[test]
    fn forms() {
        assert_eq!(one("ban hành ngày 5/6/2025 của"), (5, 6, Some(2025), false));
        assert_eq!(one("Ngày 11 tháng 12 năm 2025"), (11, 12, Some(2025), true));
        assert_eq!(one("trước ngày 05/6 hằng năm"), (5, 6, None, false));
        assert_eq!(
            one("Từ ngày 14 đến ngày 15/8/2025"),
            (15, 8, Some(2025), false)
        );
        assert!(date_mentions("ngày    tháng    năm 2026").is_empty());
        assert!(date_mentions("hằng ngày, 12/2025").is_empty());
        assert!(date_mentions("ngày 1/2/20255").is_empty());
    }
}

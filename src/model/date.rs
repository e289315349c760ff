//! A calendar date that may be partial: a draft plan is often dated only by year
//! ("ngày    tháng    năm 2026"). JSON form is ISO 8601: "2026", "2026-01", "2026-01-21".
//! Calendar validity (31/02) is deliberately not enforced here, so a document as
//! typed is never refused; the rule `nd30.date.exists` reports it instead.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn ymd(year: i32, month: u8, day: u8) -> Self {
        PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    pub fn year_only(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// True when year, month and day are all given.
    pub fn is_complete(&self) -> bool {
        self.month.is_some() && self.day.is_some()
    }

    /// Whether a complete date exists in the Gregorian calendar.
    pub fn exists(&self) -> bool {
        match (self.month, self.day) {
            (Some(m), Some(d)) => d >= 1 && d <= days_in_month(self.year, m),
            (Some(m), None) => (1..=12).contains(&m),
            _ => true,
        }
    }

    /// Parse the ISO form; rejects anything that is not "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    /// with month 1–12 and day 1–31.
    pub fn parse_iso(s: &str) -> Result<Self, String> {
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
        };
        let bad =
            || format!("an ISO 8601 date \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\", found \"{s}\"");
        let year = parts.first().and_then(|p| num(p, 4)).ok_or_else(bad)? as i32;
        let month = match parts.get(1) {
            Some(p) => Some(num(p, 2).filter(|m| (1..=12).contains(m)).ok_or_else(bad)? as u8),
            None => None,
        };
        let day = match parts.get(2) {
            Some(p) => Some(num(p, 2).filter(|d| (1..=31).contains(d)).ok_or_else(bad)? as u8),
            None => None,
        };
        if parts.len() > 3 {
            return Err(bad());
        }
        Ok(PartialDate { year, month, day })
    }

    /// "ngày 26 tháng 12 năm 2025", with the leading zeros of Nghị định 30
    /// (day below 10, months 1 and 2); blanks for the parts a draft leaves open.
    pub fn long_vi(&self) -> String {
        let day = self
            .day
            .map(|d| format!("{d:02}"))
            .unwrap_or_else(|| "    ".into());
        let month = self.month.map(month_vi).unwrap_or_else(|| "    ".into());
        format!("ngày {day} tháng {month} năm {}", self.year)
    }

    /// "26/12/2025" (citation style, same leading-zero rule); partial dates print what they have.
    pub fn short_vi(&self) -> String {
        match (self.day, self.month) {
            (Some(d), Some(m)) => format!("{d:02}/{}/{}", month_vi(m), self.year),
            (None, Some(m)) => format!("{}/{}", month_vi(m), self.year),
            _ => self.year.to_string(),
        }
    }

    /// Days since 0000-03-01 for comparisons; partial parts count as the first day.
    pub fn ordinal(&self) -> i64 {
        let (y, m, d) = (
            self.year as i64,
            self.month.unwrap_or(1) as i64,
            self.day.unwrap_or(1) as i64,
        );
        let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d - 1
    }
}

/// Read a date as people type it, day first: "5/1/2026", "05/01/2026",
/// "05-01-2026", "05.01.2026", "05012026" (eight digits, ddmmyyyy), the ISO
/// "2026-01-05", "1/2026" or "2026". The day and month must exist; the error
/// (Vietnamese, English) quotes what was typed.
pub fn parse_date(s: &str) -> Result<PartialDate, (String, String)> {
    let s = s.trim();
    let bad = || {
        (
            format!("cần ngày dạng 23/12/2025 (ngày/tháng/năm; hoặc 12/2025, 2026), nhận \"{s}\"."),
            format!("expected a date like 23/12/2025 (day/month/year; or 12/2025, 2026), found \"{s}\"."),
        )
    };
    let date = if let Ok(d) = PartialDate::parse_iso(s) {
        d
    } else {
        let eight;
        let parts: Vec<&str> = if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
            eight = [&s[..2], &s[2..4], &s[4..]];
            eight.to_vec()
        } else {
            s.split(['/', '-', '.']).map(str::trim).collect()
        };
        let num = |p: &str| -> Option<u32> {
            (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let year = |p: &str| {
            num(p)
                .filter(|y| (1900..=2200).contains(y))
                .map(|y| y as i32)
        };
        let month = |p: &str| num(p).filter(|m| (1..=12).contains(m)).map(|m| m as u8);
        match parts.as_slice() {
            [d, m, y] => PartialDate::ymd(
                year(y).ok_or_else(bad)?,
                month(m).ok_or_else(bad)?,
                num(d).filter(|d| (1..=31).contains(d)).ok_or_else(bad)? as u8,
            ),
            [m, y] => PartialDate {
                year: year(y).ok_or_else(bad)?,
                month: Some(month(m).ok_or_else(bad)?),
                day: None,
            },
            _ => return Err(bad()),
        }
    };
    if !date.exists() {
        return Err((
            format!("ngày {} không có thật.", date.short_vi()),
            format!("{} is not a real date.", date.short_vi()),
        ));
    }
    Ok(date)
}

/// "06/12/2026 14:05": a moment as the app lists it (when a draft was
/// saved), day first with two-digit day and month, as dates are typed.
pub fn moment_vi(year: i32, month: u8, day: u8, hour: u8, minute: u8) -> String {
    format!("{day:02}/{month:02}/{year} {hour:02}:{minute:02}")
}

/// Month as written in a date: "01", "02", then "3" … "12" (Nghị định 30).
pub fn month_vi(m: u8) -> String {
    if m <= 2 {
        format!("{m:02}")
    } else {
        m.to_string()
    }
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// What a date must look like in JSON (serde's "expected …").
pub(crate) const EXPECTING: &str =
    "an ISO 8601 date string \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"";

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(EXPECTING)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PartialDate, E> {
                PartialDate::parse_iso(v)
                    .map_err(|e| E::invalid_value(de::Unexpected::Str(v), &e.as_str()))
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "ISO 8601 date; a draft may give only the year or year and month.",
            "type": "string",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn moments_are_listed_day_first() {
        assert_eq!(super::moment_vi(2026, 12, 6, 9, 5), "06/12/2026 09:05");
        assert_eq!(super::moment_vi(2027, 1, 31, 23, 59), "31/01/2027 23:59");
    }
    use super::*;

    #[test]
    fn iso_forms_round_trip() {
        for s in ["2026", "2026-01", "2025-12-26"] {
            assert_eq!(PartialDate::parse_iso(s).unwrap().to_string(), s);
        }
        for s in [
            "26/12/2025",
            "2025-13-01",
            "2025-1-1",
            "2025-12-32",
            "",
            "2025-12-01-01",
        ] {
            assert!(PartialDate::parse_iso(s).is_err(), "{s}");
        }
    }

    #[test]
    fn vietnamese_forms_follow_decree_30_zeros() {
        assert_eq!(
            PartialDate::ymd(2026, 1, 5).long_vi(),
            "ngày 05 tháng 01 năm 2026"
        );
        assert_eq!(
            PartialDate::ymd(2025, 12, 26).long_vi(),
            "ngày 26 tháng 12 năm 2025"
        );
        assert_eq!(PartialDate::ymd(2025, 6, 10).short_vi(), "10/6/2025");
        assert_eq!(
            PartialDate::year_only(2026).long_vi(),
            "ngày      tháng      năm 2026"
        );
    }

    #[test]
    fn existence_and_order() {
        assert!(!PartialDate::ymd(2026, 2, 29).exists());
        for typed in [
            "5/1/2026",
            "05/01/2026",
            "05-01-2026",
            "05.01.2026",
            "05012026",
            "2026-01-05",
            " 5/1/2026 ",
        ] {
            assert_eq!(
                parse_date(typed),
                Ok(PartialDate::ymd(2026, 1, 5)),
                "{typed}"
            );
        }
        let (vi, en) = parse_date("31/06/2026").unwrap_err();
        assert!(
            vi.contains("31/6/2026") && vi.contains("không có thật"),
            "{vi}"
        );
        assert!(en.contains("not a real date"), "{en}");
        let (vi, _) = parse_date("5/13/2026").unwrap_err();
        assert!(vi.contains("\"5/13/2026\""), "{vi}");
        assert!(parse_date("0501202").is_err());
        assert!(PartialDate::ymd(2024, 2, 29).exists());
        assert!(
            PartialDate::ymd(2025, 12, 31).ordinal() + 1 == PartialDate::ymd(2026, 1, 1).ordinal()
        );
    }
}

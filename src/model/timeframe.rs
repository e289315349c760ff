//! Timeframe of a task ("Thời gian thực hiện"), held as a structured value and
//! parsed from / printed back to the Vietnamese forms found in the seeds.
//! Hand-written: no crate knows these forms. Free text is the last resort.

use super::date::{month_vi, PartialDate};
use serde::{Deserialize, Serialize};

mod meaning;
mod reading;
pub use reading::Reading;

/// JSON form is externally tagged: `"regular"`, `{"year": 2026}`,
/// `{"quarter": {"quarter": 1, "year": 2026}}`, `{"text": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Timeframe {
    /// Thường xuyên
    Regular,
    /// Hằng năm
    Annually,
    /// Năm 2026
    Year(i32),
    /// Quý I/2026
    Quarter { quarter: u8, year: i32 },
    /// Tháng 12/2025
    Month { month: u8, year: i32 },
    /// 2025 - 2030
    YearRange { from: i32, to: i32 },
    /// Trước ngày 10/11 hằng năm
    AnnualDeadline { day: u8, month: u8 },
    /// Trước ngày 31/3/2026 (or a partial date: "Trước tháng 6/2026")
    Before(PartialDate),
    /// Khi có chỉ đạo của cấp trên
    OnDirective,
    /// Anything else, kept as written.
    Text(String),
}

const ROMAN_QUARTERS: [&str; 4] = ["I", "II", "III", "IV"];

impl Timeframe {
    /// Understand a Vietnamese timeframe; unknown forms come back as `Text`.
    pub fn parse_vi(input: &str) -> Timeframe {
        let original = input.trim();
        let s = normalise(original);
        let s = s.as_str();
        if s.is_empty() {
            return Timeframe::Text(String::new());
        }
        match s {
            "thường xuyên" => return Timeframe::Regular,
            "hằng năm" | "hàng năm" => return Timeframe::Annually,
            "khi có chỉ đạo của cấp trên" | "theo chỉ đạo của cấp trên" => {
                return Timeframe::OnDirective
            }
            _ => {}
        }
        if let Some(t) = parse_structured(s) {
            return t;
        }
        Timeframe::Text(original.to_string())
    }

    /// The canonical Vietnamese form, as printed in the documents.
    pub fn to_vi(&self) -> String {
        match self {
            Timeframe::Regular => "Thường xuyên".into(),
            Timeframe::Annually => "Hằng năm".into(),
            Timeframe::Year(y) => format!("Năm {y}"),
            Timeframe::Quarter { quarter, year } => {
                let q = ROMAN_QUARTERS
                    .get((*quarter as usize).wrapping_sub(1))
                    .copied()
                    .unwrap_or("?");
                format!("Quý {q}/{year}")
            }
            Timeframe::Month { month, year } => format!("Tháng {}/{year}", month_vi(*month)),
            Timeframe::YearRange { from, to } => format!("{from} - {to}"),
            Timeframe::AnnualDeadline { day, month } => {
                format!("Trước ngày {day:02}/{} hằng năm", month_vi(*month))
            }
            Timeframe::Before(d) if d.day.is_some() => format!("Trước ngày {}", d.short_vi()),
            Timeframe::Before(d) if d.month.is_some() => format!("Trước tháng {}", d.short_vi()),
            Timeframe::Before(d) => format!("Trước năm {}", d.year),
            Timeframe::OnDirective => "Khi có chỉ đạo của cấp trên".into(),
            Timeframe::Text(t) => t.clone(),
        }
    }

    /// What a timeframe written in words says (`Text`), when it can be understood:
    /// "Năm 2026 và các năm tiếp theo", "Quý I hằng năm", "Sau khi có …".
    pub fn read_text(text: &str) -> Option<Reading> {
        match Timeframe::parse_vi(text) {
            Timeframe::Text(_) => reading::read(text),
            t => Some(Reading { years: t.years() }),
        }
    }

    /// Whether the checks understand this timeframe (always, unless free text they cannot read).
    pub fn is_understood(&self) -> bool {
        match self {
            Timeframe::Text(t) => Timeframe::read_text(t).is_some(),
            _ => true,
        }
    }

    /// The timeframe as printed: what the author wrote (`written`, e.g. "giai đoạn
    /// 2025 - 2030", "Thực hiện thường xuyên") when there is such a text and it does
    /// not mean something else than this value, else the canonical form of
    /// [`to_vi`](Self::to_vi). Written text that reads as another structured value
    /// (left over after the value was changed) is not printed.
    pub fn printed(&self, written: Option<&str>) -> String {
        let written = written.map(str::trim).filter(|w| !w.is_empty());
        match written {
            Some(w) => match Timeframe::parse_vi(w) {
                Timeframe::Text(_) => w.to_string(),
                same if same == *self => w.to_string(),
                _ => self.to_vi(),
            },
            None => self.to_vi(),
        }
    }

    /// Years this timeframe touches, when it names any (for the plan-period check).
    pub fn years(&self) -> Option<(i32, i32)> {
        match self {
            Timeframe::Text(t) => Timeframe::read_text(t).and_then(|r| r.years),
            Timeframe::Year(y)
            | Timeframe::Quarter { year: y, .. }
            | Timeframe::Month { year: y, .. } => Some((*y, *y)),
            Timeframe::YearRange { from, to } => Some((*from, *to)),
            Timeframe::Before(d) => Some((d.year, d.year)),
            _ => None,
        }
    }

    /// Whether the structured value itself is impossible (Quý V, tháng 13, 2030 - 2025, 31/02).
    pub fn is_invalid(&self) -> bool {
        match self {
            Timeframe::Quarter { quarter, .. } => !(1..=4).contains(quarter),
            Timeframe::Month { month, .. } => !(1..=12).contains(month),
            Timeframe::YearRange { from, to } => from > to,
            Timeframe::AnnualDeadline { day, month } => {
                !(1..=12).contains(month)
                    || *day == 0
                    || *day > super::date::days_in_month(2024, *month)
            }
            Timeframe::Before(d) => !d.exists(),
            _ => false,
        }
    }
}

/// Lower case, single spaces, no trailing full stop or semicolon, "hàng" kept.
fn normalise(s: &str) -> String {
    let lower = crate::text::to_lower(s);
    let joined = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.trim_end_matches(['.', ';', ',']).trim().to_string()
}

fn num<T: std::str::FromStr>(s: &str) -> Option<T> {
    let s = s.trim();
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

fn year(s: &str) -> Option<i32> {
    let s = s.trim();
    (s.len() == 4).then(|| num(s))?
}

fn roman_or_arabic_quarter(s: &str) -> Option<u8> {
    let s = crate::text::to_upper(s.trim());
    ROMAN_QUARTERS
        .iter()
        .position(|q| *q == s)
        .map(|i| i as u8 + 1)
        .or_else(|| num(&s))
}

/// "d/m/yyyy", "d/m" or "d tháng m năm yyyy" pieces.
fn day_month(s: &str) -> Option<(u8, u8)> {
    let (d, m) = s.split_once('/')?;
    Some((num(d)?, num(m)?))
}

fn parse_structured(s: &str) -> Option<Timeframe> {
    // 2025 - 2030, giai đoạn 2025-2030, năm 2025 - 2030, từ năm 2025 đến năm 2030
    let range_src = s
        .trim_start_matches("giai đoạn ")
        .trim_start_matches("năm ")
        .replace("từ năm ", "")
        .replace(" đến năm ", "-")
        .replace(['–', '—'], "-");
    if let Some((a, b)) = range_src.split_once('-') {
        if let (Some(from), Some(to)) = (year(a), year(b)) {
            return Some(Timeframe::YearRange { from, to });
        }
    }
    if let Some(y) = s.strip_prefix("năm ").and_then(year).or_else(|| year(s)) {
        return Some(Timeframe::Year(y));
    }
    if let Some(rest) = s.strip_prefix("quý ") {
        let (q, y) = rest.split_once('/').or_else(|| rest.split_once(" năm "))?;
        return Some(Timeframe::Quarter {
            quarter: roman_or_arabic_quarter(q)?,
            year: year(y)?,
        });
    }
    if let Some(rest) = s.strip_prefix("tháng ") {
        let (m, y) = rest.split_once('/').or_else(|| rest.split_once(" năm "))?;
        return Some(Timeframe::Month {
            month: num(m)?,
            year: year(y)?,
        });
    }
    if let Some(rest) = s.strip_prefix("trước ngày ") {
        for suffix in [" hằng năm", " hàng năm"] {
            if let Some(dm) = rest.strip_suffix(suffix) {
                let (day, month) = day_month(dm)?;
                return Some(Timeframe::AnnualDeadline { day, month });
            }
        }
        let mut parts = rest.split('/');
        let (d, m, y) = (
            num(parts.next()?)?,
            num(parts.next()?)?,
            year(parts.next()?)?,
        );
        return parts
            .next()
            .is_none()
            .then_some(Timeframe::Before(PartialDate::ymd(y, m, d)));
    }
    if let Some(rest) = s.strip_prefix("trước tháng ") {
        let (m, y) = rest.split_once('/')?;
        return Some(Timeframe::Before(PartialDate {
            year: year(y)?,
            month: Some(num(m)?),
            day: None,
        }));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_forms_parse_and_print_back() {
        let cases = [
            ("Thường xuyên", Timeframe::Regular),
            ("Hằng năm", Timeframe::Annually),
            ("Năm 2026", Timeframe::Year(2026)),
            (
                "Quý I/2026",
                Timeframe::Quarter {
                    quarter: 1,
                    year: 2026,
                },
            ),
            (
                "Tháng 12/2025",
                Timeframe::Month {
                    month: 12,
                    year: 2025,
                },
            ),
            (
                "2025 - 2030",
                Timeframe::YearRange {
                    from: 2025,
                    to: 2030,
                },
            ),
            (
                "Trước ngày 10/11 hằng năm",
                Timeframe::AnnualDeadline { day: 10, month: 11 },
            ),
            ("Khi có chỉ đạo của cấp trên", Timeframe::OnDirective),
            (
                "Trước ngày 31/3/2026",
                Timeframe::Before(PartialDate::ymd(2026, 3, 31)),
            ),
        ];
        for (text, value) in cases {
            assert_eq!(Timeframe::parse_vi(text), value, "{text}");
            assert_eq!(value.to_vi(), text);
        }
    }

    #[test]
    fn variants_people_type() {
        assert_eq!(Timeframe::parse_vi("  thường  xuyên. "), Timeframe::Regular);
        assert_eq!(Timeframe::parse_vi("Hàng năm"), Timeframe::Annually);
        assert_eq!(
            Timeframe::parse_vi("Giai đoạn 2025-2030"),
            Timeframe::YearRange {
                from: 2025,
                to: 2030
            }
        );
        assert_eq!(
            Timeframe::parse_vi("quý 3 năm 2026"),
            Timeframe::Quarter {
                quarter: 3,
                year: 2026
            }
        );
        assert_eq!(Timeframe::parse_vi("2027"), Timeframe::Year(2027));
        assert_eq!(
            Timeframe::parse_vi("Trước ngày 5/6 hàng năm"),
            Timeframe::AnnualDeadline { day: 5, month: 6 }
        );
    }

    #[test]
    fn the_written_form_prints_unless_it_means_another_value() {
        let range = Timeframe::YearRange {
            from: 2025,
            to: 2030,
        };
        assert_eq!(
            range.printed(Some(" giai đoạn 2025 - 2030 ")),
            "giai đoạn 2025 - 2030"
        );
        assert_eq!(
            Timeframe::Regular.printed(Some("Thực hiện thường xuyên")),
            "Thực hiện thường xuyên"
        );
        assert_eq!(range.printed(Some("Năm 2026")), "2025 - 2030");
        assert_eq!(range.printed(Some("  ")), "2025 - 2030");
        assert_eq!(range.printed(None), "2025 - 2030");
    }

    #[test]
    fn free_text_is_kept_as_written() {
        let t = "Sau khi có hướng dẫn của Sở Nội vụ";
        assert_eq!(Timeframe::parse_vi(t), Timeframe::Text(t.into()));
        assert!(Timeframe::Quarter {
            quarter: 5,
            year: 2026
        }
        .is_invalid());
        assert!(!Timeframe::Regular.is_invalid());
    }
}

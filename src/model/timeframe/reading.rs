//! Timeframes as officers write them beyond the canonical forms of `parse_vi`:
//! "Năm 2026 và các năm tiếp theo", "Quý I hằng năm", "Từ tháng 3 đến tháng
//! 6/2026", "Sau khi có Nghị quyết của Thành ủy", "Hoàn thành năm 2026",
//! several clauses ("Năm 2025 triển khai; giai đoạn 2026 - 2027 nhân rộng").
//! The text stays as written; this only says what it means to the checks.

/// What a timeframe written in words says, as far as the checks need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// First and last year the timeframe names; None when it names none
    /// ("Thường xuyên", "Quý I hằng năm", "Khi có chỉ đạo của cấp trên").
    pub years: Option<(i32, i32)>,
}

/// A clause that starts with one of these waits on an event; any year in it
/// belongs to the event ("Theo chỉ đạo … nhiệm kỳ 2026 - 2031"), not to the task.
const EVENT_STARTS: [&str; 8] = [
    "khi ",
    "sau khi ",
    "ngay sau khi ",
    "theo chỉ đạo",
    "theo yêu cầu",
    "theo hướng dẫn",
    "theo kế hoạch",
    "theo quy định",
];

/// Words that say when without naming a year.
const RECURRING: [&str; 15] = [
    "thường xuyên",
    "hằng năm",
    "hàng năm",
    "hằng quý",
    "hàng quý",
    "hằng tháng",
    "hàng tháng",
    "định kỳ",
    "đột xuất",
    "liên tục",
    "các năm tiếp theo",
    "những năm tiếp theo",
    "suốt nhiệm kỳ",
    "cả nhiệm kỳ",
    "toàn nhiệm kỳ",
];

/// Understand a timeframe written in words: every clause (split at ";", a
/// line break or the end of a sentence) must say when, by a year, a quarter,
/// a month, a date, a recurring word or an event it waits on.
pub fn read(text: &str) -> Option<Reading> {
    let lower = crate::text::to_lower(text).replace(['–', '—'], "-");
    let mut years: Option<(i32, i32)> = None;
    let mut clauses = 0;
    for clause in lower.split([';', '\n']).flat_map(|c| c.split(". ")) {
        let clause = clause.trim().trim_end_matches(['.', ',', ':']).trim();
        if clause.is_empty() {
            continue;
        }
        clauses += 1;
        if EVENT_STARTS.iter().any(|e| clause.starts_with(e)) {
            continue;
        }
        let named = clause_years(clause);
        if named.is_empty() && !says_when(clause) {
            return None;
        }
        for y in named {
            years = Some(years.map_or((y, y), |(a, b)| (a.min(y), b.max(y))));
        }
    }
    (clauses > 0).then_some(Reading { years })
}

/// Whether the clause names a quarter, a month, a date or a recurring time.
fn says_when(clause: &str) -> bool {
    let has_word = |w: &str| {
        clause.match_indices(w).any(|(i, _)| {
            let before = clause[..i].chars().next_back();
            let after = clause[i + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    };
    if RECURRING.iter().any(|w| has_word(w)) {
        return true;
    }
    let quarter = [
        "quý i", "quý ii", "quý iii", "quý iv", "quý 1", "quý 2", "quý 3", "quý 4",
    ];
    if quarter.iter().any(|w| has_word(w)) {
        return true;
    }
    // "tháng 3", "ngày 05/6": a month or a day named by its number.
    let numbered = |w: &str| {
        clause
            .match_indices(w)
            .any(|(i, _)| clause[i + w.len()..].starts_with(|c: char| c.is_ascii_digit()))
    };
    numbered("tháng ") || numbered("ngày ")
}

/// The years a clause names: four-digit numbers from 1945 to 2100 standing
/// alone or ending a date ("31/3/2026"), not inside a longer number or a symbol.
fn clause_years(clause: &str) -> Vec<i32> {
    let b = clause.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let before = start.checked_sub(1).map(|k| b[k]);
        let after = b.get(i).copied();
        let glued = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c >= 0x80);
        // "10/2022/QH15": a year inside a document symbol.
        let symbol_after = matches!(after, Some(b'/' | b'-'))
            && glued(b.get(i + 1).copied())
            && !b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if i - start == 4 && !glued(before) && !glued(after) && !symbol_after {
            let y: i32 = clause[start..i].parse().unwrap_or(0);
            if (1945..=2100).contains(&y) {
                out.push(y);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(t: &str) -> Option<(i32, i32)> {
        read(t)
            .unwrap_or_else(|| panic!("not understood: {t}"))
            .years
    }

    #[test]
    fn forms_of_the_seeds_are_understood() {
        assert_eq!(years("Hằng năm"), None);
        assert_eq!(years("Thường xuyên."), None);
        assert_eq!(years("Giai đoạn 2026–2030"), Some((2026, 2030)));
        assert_eq!(years("Quý I hằng năm"), None);
        assert_eq!(years("Năm 2026 và các năm tiếp theo"), Some((2026, 2026)));
        assert_eq!(
            years("từ năm 2025 và các năm tiếp theo."),
            Some((2025, 2025))
        );
        assert_eq!(years("Trước ngày 31/3/2026"), Some((2026, 2026)));
        assert_eq!(years("Từ tháng 3 đến tháng 6/2026"), Some((2026, 2026)));
        assert_eq!(
            years("Từ ngày 01/3/2026 đến ngày 30/6/2027"),
            Some((2026, 2027))
        );
        assert_eq!(years("2025, 2026"), Some((2025, 2026)));
        assert_eq!(years("Hoàn thành năm 2026"), Some((2026, 2026)));
        assert_eq!(
            years("Năm 2025 triển khai đồng bộ; giai đoạn 2026 - 2027 nhân rộng; 2030 tổng kết toàn diện."),
            Some((2025, 2030))
        );
        assert_eq!(years("Sau khi có Nghị quyết của Thành ủy"), None);
        // The years belong to the election the directive is about.
        assert_eq!(
            years("Theo chỉ đạo của cấp trên về công tác bầu cử nhiệm kỳ 2026 - 2031"),
            None
        );
        assert_eq!(
            years("Việc theo dõi: Hằng năm hoặc đột xuất.\nViệc báo cáo: 6 tháng, hằng năm (trước ngày 05/6)."),
            None
        );
    }

    #[test]
    fn words_that_say_no_time_are_not_understood() {
        for t in [
            "",
            "Đang cập nhật",
            "Phòng Văn hóa - Xã hội",
            "Năm 2026; chưa xác định",
            "Theo Nghị quyết 82/NQ-HĐND",
            "6 tháng",
        ] {
            assert_eq!(read(t), None, "{t}");
        }
    }
}

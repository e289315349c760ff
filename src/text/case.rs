//! Upper and lower case exactly as the standard library maps them
//! (`str::to_uppercase`, `str::to_lowercase` with its final-sigma rule,
//! `char::to_uppercase`, `char::to_lowercase`), over tables `build.rs` packs
//! from this toolchain's own mappings. The standard library's tables are pairs
//! of `u32` that gzip poorly (about 10 KB of the web bundle); these runs take
//! a fraction of that. `same_as_std` compares every code point.

use std::sync::OnceLock;

use super::unpack::Reader;

mod packed {
    include!(concat!(env!("OUT_DIR"), "/case_tables.rs"));
}

/// One direction of the mapping.
struct Mapping {
    /// (first, last, step, delta): every `step`-th code point from `first` to
    /// `last` maps to itself plus `delta`.
    runs: Vec<(u32, u32, u32, i32)>,
    /// (code point, start, length) of mappings to several chars, in `chars`.
    multi: Vec<(u32, u32, u32)>,
    chars: Vec<char>,
}

struct Tables {
    lower: Mapping,
    upper: Mapping,
    /// Inclusive ranges of Case_Ignorable, and of Cased chars that are not ignorable.
    ignorable: Vec<(u32, u32)>,
    cased: Vec<(u32, u32)>,
}

fn add(c: u32, delta: i32) -> char {
    char::from_u32(c.wrapping_add_signed(delta)).unwrap_or('\u{FFFD}')
}

fn mapping(runs: &[u8], multi: &[u8]) -> Mapping {
    let mut m = Mapping {
        runs: Vec::new(),
        multi: Vec::new(),
        chars: Vec::new(),
    };
    let (mut r, mut last) = (Reader(runs), 0);
    while !r.0.is_empty() {
        let first = last + r.varint();
        let count = r.varint();
        let step = u32::from(r.byte());
        let delta = r.zigzag();
        last = first + step * (count - 1);
        m.runs.push((first, last, step, delta));
    }
    let (mut r, mut cp) = (Reader(multi), 0);
    while !r.0.is_empty() {
        cp += r.varint();
        let len = u32::from(r.byte());
        m.multi.push((cp, m.chars.len() as u32, len));
        for _ in 0..len {
            m.chars.push(add(cp, r.zigzag()));
        }
    }
    m
}

fn ranges(packed: &[u8]) -> Vec<(u32, u32)> {
    let (mut out, mut r, mut last) = (Vec::new(), Reader(packed), 0);
    while !r.0.is_empty() {
        let first = last + r.varint();
        last = first + r.varint();
        out.push((first, last));
    }
    out
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables {
        lower: mapping(packed::LOWER, packed::LOWER_MULTI),
        upper: mapping(packed::UPPER, packed::UPPER_MULTI),
        ignorable: ranges(packed::CASE_IGNORABLE),
        cased: ranges(packed::CASED),
    })
}

fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    ranges
        .get(ranges.partition_point(|r| r.1 < c))
        .is_some_and(|r| r.0 <= c)
}

/// A char in the other case: one to three chars, like `core::char::ToUppercase`.
#[derive(Clone, Debug)]
pub struct CaseChars {
    chars: [char; 3],
    len: u8,
    at: u8,
}

impl CaseChars {
    fn one(c: char) -> Self {
        CaseChars {
            chars: [c, '\0', '\0'],
            len: 1,
            at: 0,
        }
    }
}

impl Iterator for CaseChars {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let c = self
            .chars
            .get(self.at as usize)
            .filter(|_| self.at < self.len)
            .copied();
        self.at += c.is_some() as u8;
        c
    }
}

fn map(m: &Mapping, c: char) -> CaseChars {
    let cp = c as u32;
    if let Some(&(first, _, step, delta)) = m.runs.get(m.runs.partition_point(|r| r.1 < cp)) {
        if first <= cp && (cp - first).is_multiple_of(step) {
            return CaseChars::one(add(cp, delta));
        }
    }
    if let Ok(i) = m.multi.binary_search_by_key(&cp, |e| e.0) {
        let (_, start, len) = m.multi[i];
        let mut out = CaseChars {
            chars: ['\0'; 3],
            len: len as u8,
            at: 0,
        };
        out.chars[..len as usize].copy_from_slice(&m.chars[start as usize..(start + len) as usize]);
        return out;
    }
    CaseChars::one(c)
}

/// `s` with its first letter in upper case ("đoạn 2…" → "Đoạn 2…").
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => upper_char(c).chain(chars).collect(),
        None => String::new(),
    }
}

/// `c.to_uppercase()`.
pub fn upper_char(c: char) -> CaseChars {
    if c.is_ascii() {
        return CaseChars::one(c.to_ascii_uppercase());
    }
    map(&tables().upper, c)
}

/// Code points below this (Latin, Greek, Cyrillic, Vietnamese's Latin
/// Extended Additional) are lower-cased through a direct table made on first
/// use: the runs' binary search per char was 70% of laying out the largest
/// plan's preview (4 MB of text, 250 ms → 40 ms natively).
const DIRECT: u32 = 0x2000;

/// `DIRECT` entries: the one char each maps to, or `u32::MAX` when it maps to
/// several.
fn lower_direct() -> &'static [u32] {
    static DIRECT_LOWER: OnceLock<Vec<u32>> = OnceLock::new();
    DIRECT_LOWER.get_or_init(|| {
        (0..DIRECT)
            .map(|cp| {
                let mut m = map(&tables().lower, char::from_u32(cp).unwrap_or('\0'));
                match (m.next(), m.next()) {
                    (Some(one), None) => one as u32,
                    _ => u32::MAX,
                }
            })
            .collect()
    })
}

/// `c.to_lowercase()`.
pub fn lower_char(c: char) -> CaseChars {
    if c.is_ascii() {
        return CaseChars::one(c.to_ascii_lowercase());
    }
    if let Some(one) = direct_lower(c) {
        return CaseChars::one(one);
    }
    map(&tables().lower, c)
}

/// The one char `c` lower-cases to, from the direct table.
fn direct_lower(c: char) -> Option<char> {
    lower_direct()
        .get(c as usize)
        .and_then(|&l| char::from_u32(l))
}

/// `s.to_uppercase()`.
pub fn to_upper(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().flat_map(upper_char));
    out
}

/// `s.to_lowercase()`: "Σ" ends a word as "ς".
pub fn to_lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == 'Σ' {
            let word_final = ignorable_then_cased(s[..i].chars().rev())
                && !ignorable_then_cased(s[i + 'Σ'.len_utf8()..].chars());
            out.push(if word_final { 'ς' } else { 'σ' });
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(one) = direct_lower(c) {
            out.push(one);
        } else {
            out.extend(lower_char(c));
        }
    }
    out
}

/// Whether the first char that is not Case_Ignorable is Cased.
fn ignorable_then_cased(mut chars: impl Iterator<Item = char>) -> bool {
    let t = tables();
    chars
        .find(|&c| !in_ranges(&t.ignorable, c))
        .is_some_and(|c| in_ranges(&t.cased, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // Compared with std on purpose: the tables must agree with it.
    #[allow(clippy::disallowed_methods)]
    fn same_as_std() {
        for c in '\0'..=char::MAX {
            assert!(
                upper_char(c).eq(c.to_uppercase()),
                "upper U+{:04X}",
                c as u32
            );
            assert!(
                lower_char(c).eq(c.to_lowercase()),
                "lower U+{:04X}",
                c as u32
            );
        }
        // The final-sigma rule around every char of the planes in use.
        for c in ('\0'..'\u{20000}').chain('\u{E0000}'..'\u{E0200}') {
            for s in [
                format!("AΣ{c}A"),
                format!("{c}Σ"),
                format!("AΣ{c}"),
                format!("{c}Σa"),
            ] {
                assert_eq!(
                    to_lower(&s),
                    s.to_lowercase(),
                    "{:?}",
                    s.chars().map(|c| c as u32).collect::<Vec<_>>()
                );
            }
        }
        for s in [
            "ΟΔΟΣ",
            "ΟΔΟΣ ΟΔΟΣ.",
            "Σ",
            "aΣ",
            "aΣ\u{301}",
            "a\u{301}Σ b",
            "ΣΑΣ's",
            "ỦY BAN NHÂN DÂN",
            "Kế hoạch ß ŉ ǰ İ ﬃ",
            "",
        ] {
            assert_eq!(to_lower(s), s.to_lowercase(), "{s}");
            assert_eq!(to_upper(s), s.to_uppercase(), "{s}");
        }
    }
}

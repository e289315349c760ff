//! Vietnamese typed without any marks ("Ke hoach thuc hien nhiem vu"), from
//! OCR or typing without an input method.
//!
//! Decided by counting words. A word is evidence when, as Vietnamese, it
//! would normally carry marks: either it cannot be spelled right without them
//! ("thuc", "hien", "phuong": a stop final without sắc/nặng, or ie/uo/uoi…)
//! or it is one of the common syllables that almost always carry one ("ke",
//! "vu", "nhan", "dan"). The text lacks marks when it has four words or more,
//! almost none of them marked, almost none foreign-looking (English), and at
//! least half of them are evidence. Codes ("KH-UBND", "NQ/TW") and numbers
//! are not words here.

use super::letters::{char_indices, words};
use super::syllable::{has_syllable_shape, is_vietnamese_syllable};

/// Common syllables of administrative text, written without their usual marks.
const USUALLY_MARKED: &[&str] = &[
    "ba", "bai", "bo", "can", "cap", "chi", "chinh", "chu", "co", "con", "cong", "cu", "cua",
    "dai", "dan", "dang", "de", "den", "dia", "dinh", "doi", "don", "dong", "du", "dung", "giai",
    "ha", "hanh", "ho", "hoa", "hoi", "hon", "ke", "khoa", "ky", "la", "le", "ly", "moi", "nam",
    "nang", "ngay", "nghi", "nghia", "nha", "nhan", "nhu", "nhung", "noi", "pho", "phong", "phu",
    "qua", "quan", "so", "su", "tai", "tam", "te", "the", "thi", "thoi", "thong", "thu", "tinh",
    "to", "tong", "tra", "tren", "tri", "tu", "uy", "va", "van", "ve", "vi", "viec", "voi", "vu",
    "xa", "xay", "y", "hong", "truong", "nguoi",
];

fn usually_marked(word: &str) -> bool {
    USUALLY_MARKED.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// A code such as "UBND", "KH", "TW": all capitals and not a syllable.
fn is_code(w: &str) -> bool {
    w.chars().count() >= 2
        && !w.chars().any(char::is_lowercase)
        && !is_vietnamese_syllable(w)
        && !has_syllable_shape(w)
}

/// The quick exit of `lacks_diacritics`, fed one word at a time so a caller
/// already going through the words (`text::WordScan`) need not split again.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct QuickCount {
    words: usize,
    marked_lower: usize,
}

impl QuickCount {
    pub fn add(&mut self, w: &str) {
        self.words += 1;
        if !w.is_ascii() && char_indices(w).any(|(_, c)| c.is_lowercase()) {
            self.marked_lower += 1;
        }
    }

    /// False for ordinary text: few words, or many marked words in lower case
    /// (never codes), so the full count could not reach its thresholds.
    pub fn may_lack(&self) -> bool {
        self.words >= 4 && self.marked_lower * 5 <= self.words
    }
}

/// Text folded for matching what a person types against names: diacritics
/// removed, đ → d, lower case, every run of other characters one space
/// ("Phòng Văn hóa - Xã hội" → "phong van hoa xa hoi").
pub fn fold(s: &str) -> String {
    let mut out = String::new();
    for c in super::to_nfd(s).chars() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c if ('\u{300}'..='\u{36f}').contains(&c) => continue,
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.extend(super::lower_char(c));
    }
    out.truncate(out.trim_end().len());
    out
}

/// Whether `text` is Vietnamese typed without diacritics.
pub fn lacks_diacritics(text: &str) -> bool {
    let mut quick = QuickCount::default();
    for (_, w) in words(text) {
        quick.add(w);
    }
    if !quick.may_lack() {
        return false;
    }
    let (mut total, mut marked, mut foreign, mut evidence) = (0usize, 0usize, 0usize, 0usize);
    for (_, w) in words(text) {
        if is_code(w) {
            continue;
        }
        total += 1;
        if !w.is_ascii() {
            marked += 1;
            continue;
        }
        if !has_syllable_shape(w) {
            foreign += 1;
            continue;
        }
        if !is_vietnamese_syllable(w) || usually_marked(w) {
            evidence += 1;
        }
    }
    total >= 4
        && marked * 5 <= total
        && foreign * 10 <= total
        && evidence >= 2
        && evidence * 2 >= total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_marks_case_and_punctuation() {
        assert_eq!(fold("Phòng Văn hóa - Xã hội"), "phong van hoa xa hoi");
        assert_eq!(fold("  CÔNG AN  phường. "), "cong an phuong");
        assert_eq!(fold("Đảng ủy"), "dang uy");
        assert_eq!(fold("cong an"), fold("Công An"));
    }

    #[test]
    fn fires_on_unmarked_vietnamese() {
        for s in [
            "Ke hoach thuc hien nhiem vu",
            "Uy ban nhan dan phuong Hong An",
            "To chuc quan triet, tuyen truyen, pho bien den can bo, dang vien",
            "KE HOACH THUC HIEN NHIEM VU NAM 2026",
            "Thuc hien Ke hoach so 347/KH-UBND ngay 26/12/2025 cua UBND thanh pho",
        ] {
            assert!(lacks_diacritics(s), "{s}");
        }
    }

    #[test]
    fn quiet_on_marked_text_codes_english_and_short_strings() {
        for s in [
            "Kế hoạch thực hiện nhiệm vụ năm 2026 của Ủy ban nhân dân phường Hồng An",
            "Trong thời gian tới, các cơ quan, đơn vị theo dõi và báo cáo",
            "KH-UBND NQ/TW CTr/TU QĐ-UBND HĐND",
            "347/KH-UBND 26/12/2025 15 20 30",
            "Ke hoach thuc",
            "VT, VHXH",
            "The ward committee will implement the plan in the coming year",
            "Nguyen Van An visited Hong An ward in Hai Phong",
            "Report of the people's committee on democracy at the grassroots",
            "",
        ] {
            assert!(!lacks_diacritics(s), "{s}");
        }
    }
}

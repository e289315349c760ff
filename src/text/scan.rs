//! One pass over the words of a text collecting what several detectors look
//! at first, for a caller that runs them all on every field (the text rules):
//! splitting text into words was most of their time, done once per rule.

use super::diacritics::QuickCount;
use super::legacy;
use super::letters::words;
use super::tone::tone_style_of_word;
use super::ToneStyle;

/// What the words of one text say before any detector runs in full.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordScan {
    diacritics: QuickCount,
    classic: bool,
    modern: bool,
    /// Some word passes `legacy::may_vote`, or the words are not those
    /// legacy detection splits.
    legacy: bool,
}

impl WordScan {
    pub fn of(text: &str) -> Self {
        let mut scan = WordScan {
            legacy: !legacy::splits_like_words(text),
            ..WordScan::default()
        };
        for (_, w) in words(text) {
            scan.diacritics.add(w);
            scan.legacy = scan.legacy || legacy::may_vote(w);
            match tone_style_of_word(w) {
                Some(ToneStyle::Classic) => scan.classic = true,
                Some(ToneStyle::Modern) => scan.modern = true,
                None => {}
            }
        }
        scan
    }

    /// False when `lacks_diacritics(text)` is certainly false; true means
    /// it has to be asked.
    pub fn may_lack_diacritics(&self) -> bool {
        self.diacritics.may_lack()
    }

    /// False when `detect_legacy(text)` is certainly None.
    pub fn may_be_legacy(&self) -> bool {
        self.legacy
    }

    /// Whether `first_word_in_style(text, style)` finds a word (for NFC text,
    /// which `tone_style_of_word` expects).
    pub fn has_word_in_style(&self, style: ToneStyle) -> bool {
        match style {
            ToneStyle::Classic => self.classic,
            ToneStyle::Modern => self.modern,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{detect_legacy, first_word_in_style, lacks_diacritics};

    #[test]
    fn agrees_with_the_detectors() {
        for s in [
            "Ke hoach thuc hien nhiem vu",
            "Kế hoạch thực hiện nhiệm vụ năm 2026 của Ủy ban nhân dân phường Hồng An",
            "Văn hóa, hòa bình, khỏe mạnh",
            "Văn hoá, hoà bình, khoẻ mạnh, thủy lợi",
            "KH-UBND NQ/TW",
            "KÕ ho¹ch",
            "Céng hßa x· héi chñ nghÜa ViÖt Nam",
            "UÛy ban nhaân daân phöôøng",
            "Keá hoaïch",
            "",
        ] {
            let scan = WordScan::of(s);
            assert!(scan.may_lack_diacritics() || !lacks_diacritics(s), "{s}");
            assert!(scan.may_be_legacy() || detect_legacy(s).is_none(), "{s}");
            for style in [ToneStyle::Classic, ToneStyle::Modern] {
                assert_eq!(
                    scan.has_word_in_style(style),
                    first_word_in_style(s, style).is_some(),
                    "{s}"
                );
            }
        }
        assert!(WordScan::of("Ke hoach thuc hien nhiem vu").may_lack_diacritics());
        assert!(!WordScan::of("Kế hoạch thực hiện nhiệm vụ năm 2026").may_lack_diacritics());
        assert!(WordScan::of("Keá hoaïch").may_be_legacy());
        assert!(!WordScan::of("Báo cáo kết quả thực hiện dân chủ").may_be_legacy());
    }
}

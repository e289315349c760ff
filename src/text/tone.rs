//! Where the tone mark goes in the open syllables oa, oe, uy: classic "hòa,
//! khỏe, thủy" (on the first vowel) or modern "hoà, khoẻ, thuỷ" (on the
//! second). Only these are ambiguous: "quý" (qu is the onset), and syllables
//! with a final consonant ("hoàn", "khoảng", "quyết") are the same in both.

use super::letters::{make, vowel, words};
use super::syllable::{analyse, is_vietnamese_syllable};
use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// Where the tone mark goes in oa/oe/uy syllables: "hòa" (classic) or "hoà" (modern).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ToneStyle {
    /// hòa, thủy, khỏe — the style of the seed documents.
    #[default]
    Classic,
    /// hoà, thuỷ, khoẻ.
    Modern,
}

impl ToneStyle {
    pub const ALL: [ToneStyle; 2] = [ToneStyle::Classic, ToneStyle::Modern];

    /// The style shown by example, the same in both languages.
    pub fn label(self) -> &'static str {
        match self {
            ToneStyle::Classic => "hòa, thủy, khỏe",
            ToneStyle::Modern => "hoà, thuỷ, khoẻ",
        }
    }
}

/// The style a word shows, None when the word is not one of the ambiguous
/// syllables (or has no tone mark). Expects NFC.
pub fn tone_style_of_word(word: &str) -> Option<ToneStyle> {
    ambiguous(word).map(|(style, _)| style)
}

/// For an ambiguous syllable: its style and the char index of its nucleus.
fn ambiguous(word: &str) -> Option<(ToneStyle, usize)> {
    // No final consonant: the word must end in o/u + a/e/y, one of them toned.
    // Tones are never ASCII, so most words are ruled out by their last bytes
    // without decoding a char: an ASCII ending other than a/e/y, or two ASCII letters.
    if let [.., before, last] = word.as_bytes() {
        if last.is_ascii()
            && (before.is_ascii() || !matches!(last.to_ascii_lowercase(), b'a' | b'e' | b'y'))
        {
            return None;
        }
    }
    let mut rev = word.chars().rev();
    let (last, before) = (vowel(rev.next()?)?, vowel(rev.next()?)?);
    if !matches!((before.base, last.base), (6, 0) | (6, 3) | (9, 11))
        || before.tone + last.tone == 0
    {
        return None;
    }
    let s = analyse(word, true)?;
    if !s.coda().is_empty()
        || s.onset() == ['q', 'u']
        || !matches!(s.nucleus(), ['o', 'a'] | ['o', 'e'] | ['u', 'y'])
    {
        return None;
    }
    let start = s.nucleus_start();
    match s.tone_at? - start {
        0 => Some((ToneStyle::Classic, start)),
        _ => Some((ToneStyle::Modern, start)),
    }
}

/// The first word of `text` written in `style`, if any.
pub fn first_word_in_style(text: &str, style: ToneStyle) -> Option<&str> {
    words(text)
        .map(|(_, w)| w)
        .find(|w| tone_style_of_word(w) == Some(style))
}

/// `text` with every ambiguous syllable rewritten to `style`; case is kept.
pub fn to_tone_style(text: &str, style: ToneStyle) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, w) in words(text) {
        let Some((found, at)) = ambiguous(w) else {
            continue;
        };
        if found == style {
            continue;
        }
        out.push_str(&text[last..start]);
        last = start + w.len();
        let mut chars: Vec<char> = w.chars().collect();
        let (from, to) = if style == ToneStyle::Modern {
            (at, at + 1)
        } else {
            (at + 1, at)
        };
        if let (Some(a), Some(b)) = (vowel(chars[from]), vowel(chars[to])) {
            chars[from] = make(a.base, 0, a.upper);
            chars[to] = make(b.base, a.tone, b.upper);
        }
        let moved: String = chars.into_iter().collect();
        // Only a word valid in both styles changes.
        if is_vietnamese_syllable(&moved) {
            out.push_str(&moved);
        } else {
            out.push_str(w);
        }
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ToneStyle::*;

    #[test]
    fn styles_of_words() {
        for w in [
            "hòa", "hóa", "hỏa", "khỏe", "thủy", "lũy", "Ủy", "HÒA", "Thủy", "xòe",
        ] {
            assert_eq!(tone_style_of_word(w), Some(Classic), "{w}");
        }
        for w in [
            "hoà", "hoá", "hoả", "khoẻ", "thuỷ", "luỹ", "Uỷ", "HOÀ", "xoè",
        ] {
            assert_eq!(tone_style_of_word(w), Some(Modern), "{w}");
        }
        for w in [
            "quý", "quỳ", "hoàn", "khoảng", "quyết", "hoa", "thuy", "của", "huỳnh", "hoài",
            "khuya", "", "UBND",
        ] {
            assert_eq!(tone_style_of_word(w), None, "{w}");
        }
    }

    #[test]
    fn rewrite_both_ways_keeping_case() {
        let classic = "Văn hóa, hòa bình, khỏe mạnh, thủy lợi, Ủy ban, HÒA, quý, hoàn thành, quyết";
        let modern = "Văn hoá, hoà bình, khoẻ mạnh, thuỷ lợi, Uỷ ban, HOÀ, quý, hoàn thành, quyết";
        assert_eq!(to_tone_style(classic, Modern), modern);
        assert_eq!(to_tone_style(modern, Classic), classic);
        assert_eq!(to_tone_style(classic, Classic), classic);
        assert_eq!(first_word_in_style(classic, Modern), None);
        assert_eq!(first_word_in_style(modern, Modern), Some("hoá"));
    }
}

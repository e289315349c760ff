//! Vietnamese vowel letters split into (base vowel, tone, case) and put back
//! together, plus a word iterator. Everything else in `text` builds on these.

/// Tones in table order: none, huyền (grave), sắc (acute), hỏi (hook above),
/// ngã (tilde), nặng (dot below).
pub(crate) const NO_TONE: u8 = 0;
pub(crate) const ACUTE: u8 = 2;
pub(crate) const DOT: u8 = 5;

/// Base vowels (index into `LOWER`): a ă â e ê i o ô ơ u ư y.
pub(crate) const BASES: [char; 12] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

/// Every Vietnamese vowel letter, one row per base vowel, one column per tone.
const LOWER: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
];

/// A vowel letter taken apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Vowel {
    /// Index into `BASES`.
    pub base: u8,
    pub tone: u8,
    pub upper: bool,
}

impl Vowel {
    pub fn base_char(self) -> char {
        BASES[self.base as usize]
    }
}

/// Vowel letters by code point: Latin-1 (U+00C0–U+00FF), Latin Extended-A/B
/// (U+0100–U+01B0: ă ĩ ũ ơ ư) and the Vietnamese block (U+1EA0–U+1EF9),
/// so a lookup is one index.
struct Index {
    latin: [Option<Vowel>; 0x1B0 - 0xC0 + 1],
    viet: [Option<Vowel>; 0x1EF9 - 0x1EA0 + 1],
}

fn index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut idx = Index {
            latin: [None; 0x1B0 - 0xC0 + 1],
            viet: [None; 0x1EF9 - 0x1EA0 + 1],
        };
        for (b, row) in LOWER.iter().enumerate() {
            for (t, &c) in row.iter().enumerate() {
                for (ch, upper) in [(c, false), (upper_of(c), true)] {
                    let v = Some(Vowel {
                        base: b as u8,
                        tone: t as u8,
                        upper,
                    });
                    match ch as usize {
                        n @ 0xC0..=0x1B0 => idx.latin[n - 0xC0] = v,
                        n @ 0x1EA0..=0x1EF9 => idx.viet[n - 0x1EA0] = v,
                        _ => {} // plain ASCII vowels are matched directly
                    }
                }
            }
        }
        idx
    })
}

fn upper_of(c: char) -> char {
    super::upper_char(c).next().unwrap_or(c)
}

/// The vowel letter `c` taken apart; None for consonants and anything else.
pub(crate) fn vowel(c: char) -> Option<Vowel> {
    let base = match c {
        'a' | 'A' => 0,
        'e' | 'E' => 3,
        'i' | 'I' => 5,
        'o' | 'O' => 6,
        'u' | 'U' => 9,
        'y' | 'Y' => 11,
        _ if c.is_ascii() => return None,
        _ => {
            return match c as usize {
                n @ 0xC0..=0x1B0 => index().latin[n - 0xC0],
                n @ 0x1EA0..=0x1EF9 => index().viet[n - 0x1EA0],
                _ => None,
            }
        }
    };
    Some(Vowel {
        base,
        tone: NO_TONE,
        upper: c.is_ascii_uppercase(),
    })
}

/// The letter with this base, tone and case.
pub(crate) fn make(base: u8, tone: u8, upper: bool) -> char {
    let c = LOWER[base as usize][tone as usize];
    if upper {
        upper_of(c)
    } else {
        c
    }
}

/// Index of a base vowel char (lower case, no tone) in `BASES`.
pub(crate) fn base_index(c: char) -> Option<u8> {
    BASES.iter().position(|&b| b == c).map(|i| i as u8)
}

/// A letter of a Vietnamese word, lower-cased, tone removed: vowels give their
/// base vowel and tone, consonants themselves (đ for Đ). None for anything that
/// is not a letter of the Vietnamese alphabet (f, j, w, z count, for loan words).
pub(crate) fn plain(c: char) -> Option<(char, u8)> {
    if let Some(v) = vowel(c) {
        return Some((v.base_char(), v.tone));
    }
    match c {
        'a'..='z' => Some((c, NO_TONE)),
        'A'..='Z' => Some((c.to_ascii_lowercase(), NO_TONE)),
        'đ' | 'Đ' => Some(('đ', NO_TONE)),
        _ => None,
    }
}

/// Combining diacritical marks (as left by NFD input).
pub(crate) fn is_combining(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// `c.is_alphabetic()`, answered by a match for the Latin blocks Vietnamese is
/// written in: std looks non-ASCII chars up in a table, which dominated the
/// text rules. `alphabetic_matches_std` checks every char of these blocks.
#[inline(always)]
pub(crate) fn is_alphabetic(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | 'ª' | 'µ' | 'º' => true,
        '\0'..='\u{BF}' | '×' | '÷' => false,
        '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => true,
        _ => c.is_alphabetic(),
    }
}

/// A char that belongs to a word: a letter or a combining mark.
#[inline(always)]
pub(crate) fn is_word_char(c: char) -> bool {
    is_alphabetic(c) || is_combining(c)
}

/// Maximal runs of word chars, with their byte offsets. In ASCII the word
/// chars are the letters; `is_word` decides the other chars.
pub(crate) fn words_by<F: Fn(char) -> bool>(s: &str, is_word: F) -> Words<'_, F> {
    Words { s, at: 0, is_word }
}

/// Iterator of `words_by`: a loop over bytes, decoding only non-ASCII chars.
/// In the size-tuned release build (opt-level "z", also the wasm build) std's
/// char iterators and the word predicate are calls per char, which were most
/// of the text rules' time; Vietnamese text is mostly ASCII.
pub(crate) struct Words<'a, F> {
    s: &'a str,
    at: usize,
    is_word: F,
}

impl<F: Fn(char) -> bool> Words<'_, F> {
    /// Whether the char at byte `i` belongs to a word, and its length.
    #[inline(always)]
    fn word_char_at(&self, i: usize) -> (bool, usize) {
        let b = self.s.as_bytes()[i];
        if b.is_ascii() {
            return (b.is_ascii_alphabetic(), 1);
        }
        let (c, len) = decode(self.s.as_bytes(), i);
        ((self.is_word)(c), len)
    }
}

impl<'a, F: Fn(char) -> bool> Iterator for Words<'a, F> {
    type Item = (usize, &'a str);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, &'a str)> {
        let len = self.s.len();
        let mut i = self.at;
        while i < len {
            let (word, n) = self.word_char_at(i);
            if word {
                break;
            }
            i += n;
        }
        if i >= len {
            self.at = len;
            return None;
        }
        let start = i;
        while i < len {
            let (word, n) = self.word_char_at(i);
            if !word {
                break;
            }
            i += n;
        }
        self.at = i;
        Some((start, &self.s[start..i]))
    }
}

/// `s.char_indices()`, decoding only non-ASCII chars (see `Words`).
pub(crate) fn char_indices(s: &str) -> CharIndices<'_> {
    CharIndices { s, at: 0 }
}

pub(crate) struct CharIndices<'a> {
    s: &'a str,
    at: usize,
}

impl Iterator for CharIndices<'_> {
    type Item = (usize, char);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, char)> {
        let at = self.at;
        let bytes = self.s.as_bytes();
        let b = *bytes.get(at)?;
        if b.is_ascii() {
            self.at = at + 1;
            return Some((at, char::from(b)));
        }
        let (c, len) = decode(bytes, at);
        self.at = at + len;
        Some((at, c))
    }
}

/// The char whose UTF-8 form starts at `bytes[at]` (a lead byte of valid
/// UTF-8, as in a `str`), and its length in bytes.
#[inline(always)]
pub(crate) fn decode(bytes: &[u8], at: usize) -> (char, usize) {
    let b = u32::from(bytes[at]);
    let (mut code, len) = match b {
        0xC0..=0xDF => (b & 0x1F, 2),
        0xE0..=0xEF => (b & 0x0F, 3),
        _ => (b & 0x07, 4),
    };
    for &t in &bytes[at + 1..at + len] {
        code = code << 6 | u32::from(t & 0x3F);
    }
    (
        char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER),
        len,
    )
}

/// Words of ordinary text: runs of letters and combining marks.
pub(crate) fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    words_by(s, is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vowels_round_trip() {
        for (b, row) in LOWER.iter().enumerate() {
            for (t, &c) in row.iter().enumerate() {
                let v = vowel(c).unwrap();
                assert_eq!((v.base as usize, v.tone as usize, v.upper), (b, t, false));
                assert_eq!(make(v.base, v.tone, v.upper), c);
                let u = vowel(upper_of(c)).unwrap();
                assert!(u.upper);
                assert_eq!(make(u.base, u.tone, u.upper), upper_of(c));
            }
        }
        assert_eq!(
            vowel('Ệ'),
            Some(Vowel {
                base: 4,
                tone: 5,
                upper: true
            })
        );
        assert_eq!(vowel('b'), None);
        assert_eq!(vowel('ß'), None);
    }

    #[test]
    fn plain_letters() {
        assert_eq!(plain('Ử'), Some(('ư', 3)));
        assert_eq!(plain('Đ'), Some(('đ', 0)));
        assert_eq!(plain('K'), Some(('k', 0)));
        assert_eq!(plain('©'), None);
        assert_eq!(plain('Ð'), None);
    }

    #[test]
    fn alphabetic_matches_std() {
        for c in ('\0'..='\u{36F}')
            .chain('\u{1E00}'..='\u{1FFF}')
            .chain(['“', '–', '€', '漢', 'Ω', 'я'])
        {
            assert_eq!(
                is_alphabetic(c),
                c.is_alphabetic(),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn ascii_word_chars_are_the_letters() {
        // What `words_by` assumes of every predicate it is given.
        for c in '\0'..='\x7F' {
            assert_eq!(is_word_char(c), c.is_ascii_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn words_split_on_non_letters() {
        let w: Vec<_> = words("Số: 05/KH-UBND, ngày  hôm nay").collect();
        assert_eq!(
            w,
            vec![
                (0, "Số"),
                (9, "KH"),
                (12, "UBND"),
                (18, "ngày"),
                (25, "hôm"),
                (30, "nay")
            ]
        );
        assert_eq!(words("  ").count(), 0);
        assert_eq!(
            words("ở cơ sở").collect::<Vec<_>>(),
            vec![(0, "ở"), (4, "cơ"), (8, "sở")]
        );
        let s = "Kế “hoạch” 漢 a\u{301} 😀 ß\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}";
        assert!(char_indices(s).eq(s.char_indices()));
        assert_eq!(words("").count(), 0);
    }
}

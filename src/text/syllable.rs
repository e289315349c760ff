//! Is a word a well-formed Vietnamese syllable? Onset, vowel nucleus, final
//! consonant and tone are checked against the spelling rules (k/gh/ngh before
//! i e ê y; a stop final p t c ch takes only sắc or nặng; ă â iê uô ươ need a
//! final). Used to tell real words from legacy-encoding debris and from text
//! typed without marks; not a dictionary, so rare loan spellings may fail.

use super::letters::{base_index, plain, ACUTE, DOT};

const MAX: usize = 8;

/// Length of the onset: ngh ng nh ch gh gi kh ph qu th tr, or one of
/// b c d đ g h k l m n p r s t v x, or none.
fn onset_len(l: &[char]) -> usize {
    let at = |i: usize| l.get(i).copied().unwrap_or('\0');
    match (at(0), at(1), at(2)) {
        ('n', 'g', 'h') => 3,
        ('n', 'g' | 'h', _)
        | ('c' | 'g' | 'k' | 'p' | 't', 'h', _)
        | ('g', 'i', _)
        | ('q', 'u', _)
        | ('t', 'r', _) => 2,
        (
            'b' | 'c' | 'd' | 'đ' | 'g' | 'h' | 'k' | 'l' | 'm' | 'n' | 'p' | 'r' | 's' | 't' | 'v'
            | 'x',
            _,
            _,
        ) => 1,
        _ => 0,
    }
}

/// Nuclei that may or may not take a final consonant.
const BOTH: [&str; 15] = [
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy", "uơ",
];
/// Nuclei that need a final consonant.
const CLOSED_ONLY: [&str; 10] = ["ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê", "oo"];
/// Nuclei ending in a glide: never followed by a consonant.
const OPEN_ONLY: [&str; 30] = [
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa",
    "ưi", "ưu", "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu",
];

/// A parsed syllable: base letters (lower case, no tone) and where its parts are.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Syllable {
    letters: [char; MAX],
    len: usize,
    onset_len: usize,
    nucleus_end: usize,
    pub tone: u8,
    /// Letter (= char) index of the vowel carrying the tone mark.
    pub tone_at: Option<usize>,
}

impl Syllable {
    pub fn onset(&self) -> &[char] {
        &self.letters[..self.onset_len]
    }
    /// Letter index where the nucleus starts.
    pub fn nucleus_start(&self) -> usize {
        self.onset_len
    }
    pub fn nucleus(&self) -> &[char] {
        &self.letters[self.onset_len..self.nucleus_end]
    }
    pub fn coda(&self) -> &[char] {
        &self.letters[self.nucleus_end..self.len]
    }
}

fn is_vowel_letter(c: char) -> bool {
    base_index(c).is_some()
}

/// Base vowel index with ă â → a, ê → e, ô ơ → o, ư → u.
fn strip(b: u8) -> u8 {
    match b {
        1 | 2 => 0,
        4 => 3,
        7 | 8 => 6,
        10 => 9,
        _ => b,
    }
}

/// A nucleus of up to three vowels packed in 4 bits each (base index + 1).
fn key(vowels: impl Iterator<Item = char>, loose: bool) -> Option<u16> {
    let mut k = 0u16;
    for (n, c) in vowels.enumerate() {
        let b = base_index(c)?;
        if n == 3 {
            return None;
        }
        k = (k << 4) | (u16::from(if loose { strip(b) } else { b }) + 1);
    }
    Some(k)
}

/// The nucleus lists as keys: [both, closed only, open only], exact and stripped.
struct Nuclei {
    exact: [Vec<u16>; 3],
    loose: [Vec<u16>; 3],
}

fn nuclei() -> &'static Nuclei {
    static N: std::sync::OnceLock<Nuclei> = std::sync::OnceLock::new();
    N.get_or_init(|| {
        let keys = |list: &[&str], loose| {
            list.iter()
                .filter_map(|n| key(n.chars(), loose))
                .collect::<Vec<u16>>()
        };
        Nuclei {
            exact: [
                keys(&BOTH, false),
                keys(&CLOSED_ONLY, false),
                keys(&OPEN_ONLY, false),
            ],
            loose: [
                keys(&BOTH, true),
                keys(&CLOSED_ONLY, true),
                keys(&OPEN_ONLY, true),
            ],
        }
    })
}

/// Parse `word` as one syllable. `strict`: the spelling as written must be
/// valid; otherwise only its shape (ignoring marks: "thuc", "nhiem" pass, as
/// "thực", "nhiệm" would).
pub(crate) fn analyse(word: &str, strict: bool) -> Option<Syllable> {
    analyse_chars(word.chars(), strict)
}

/// `analyse` over chars, so a converted word can be checked without building a string.
pub(crate) fn analyse_chars(chars: impl Iterator<Item = char>, strict: bool) -> Option<Syllable> {
    let mut s = Syllable {
        letters: ['\0'; MAX],
        len: 0,
        onset_len: 0,
        nucleus_end: 0,
        tone: 0,
        tone_at: None,
    };
    for c in chars {
        if s.len == MAX {
            return None;
        }
        let (b, t) = plain(c)?;
        if t != 0 {
            if s.tone_at.is_some() {
                return None;
            }
            s.tone = t;
            s.tone_at = Some(s.len);
        }
        s.letters[s.len] = b;
        s.len += 1;
    }
    let l = &s.letters[..s.len];
    let vowel_from = |n: usize| l[n..].iter().any(|&c| is_vowel_letter(c));
    let mut onset = onset_len(l);
    if onset == 2 && l[0] == 'g' && !vowel_from(2) {
        onset = 1; // "gì", "gìn": g + i
    }
    if !vowel_from(onset) || s.tone_at.is_some_and(|i| i < onset) {
        return None;
    }
    let mut end = onset;
    while end < l.len() && is_vowel_letter(l[end]) {
        end += 1;
    }
    let (o, nucleus, coda) = (&l[..onset], &l[onset..end], &l[end..]);
    let stop = matches!(coda, ['c'] | ['c', 'h'] | ['p'] | ['t']);
    if nucleus.is_empty() || !(stop || matches!(coda, [] | ['m'] | ['n'] | ['n', 'g'] | ['n', 'h']))
    {
        return None;
    }
    let k = key(nucleus.iter().copied(), !strict)?;
    let [both, closed, open] = if strict {
        &nuclei().exact
    } else {
        &nuclei().loose
    };
    if !(both.contains(&k)
        || if coda.is_empty() {
            open.contains(&k)
        } else {
            closed.contains(&k)
        })
    {
        return None;
    }
    let front = matches!(nucleus[0], 'i' | 'e' | 'ê' | 'y');
    let front_only = matches!(o, ['k'] | ['g', 'h'] | ['n', 'g', 'h']);
    let back_only =
        matches!(o, ['c'] | ['n', 'g']) || (o == ['g'] && matches!(nucleus[0], 'e' | 'ê'));
    if (front_only && !front) || (back_only && front) {
        return None;
    }
    if strict && stop && s.tone != ACUTE && s.tone != DOT {
        return None;
    }
    s.onset_len = onset;
    s.nucleus_end = end;
    Some(s)
}

/// Whether `word` (one word, NFC, any case) is a correctly spelled Vietnamese syllable.
pub fn is_vietnamese_syllable(word: &str) -> bool {
    analyse(word, true).is_some()
}

/// Whether `word` has the shape of a Vietnamese syllable once marks are added
/// ("thuc", "nhiem", "ban"); false for "plan", "of", "UBND".
pub(crate) fn has_syllable_shape(word: &str) -> bool {
    analyse(word, false).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_syllables_pass() {
        for w in [
            "nghiêng", "người", "được", "quyết", "quý", "giữa", "gì", "gìn", "khuỷu", "xoong",
            "hoà", "hòa", "thuở", "Ủy", "ban", "nhân", "dân", "KẾ", "HOẠCH", "Cộng", "xã", "hội",
            "chủ", "nghĩa", "Việt", "Nam", "Độc", "lập", "tự", "hạnh", "phúc", "khoẻ", "thuỷ",
            "tuổi", "chuyên", "khuya", "ở", "ấy", "ạ", "kìa", "yêu", "the", "to",
        ] {
            assert!(is_vietnamese_syllable(w), "{w}");
        }
    }

    #[test]
    fn non_syllables_fail() {
        for w in [
            "thuc",
            "hien",
            "nhiem",
            "plan",
            "of",
            "UBND",
            "KH",
            "café",
            "Keá",
            "nhaân",
            "ho¹ch",
            "kõ",
            "céng",
            "ce",
            "kan",
            "gẻ",
            "qúa",
            "hòaa",
            "nghiênggg",
            "Ð",
        ] {
            assert!(!is_vietnamese_syllable(w), "{w}");
        }
    }

    #[test]
    fn shapes_ignore_marks() {
        for w in [
            "thuc", "hien", "nhiem", "vu", "Ke", "hoach", "phuong", "nguoi", "duoc",
        ] {
            assert!(has_syllable_shape(w), "{w}");
        }
        for w in ["plan", "of", "and", "visited", "ward", "UBND", "year"] {
            assert!(!has_syllable_shape(w), "{w}");
        }
    }

    #[test]
    fn parts() {
        let s = analyse("Thuỷ", true).unwrap();
        assert_eq!(s.onset(), &['t', 'h']);
        assert_eq!(s.nucleus(), &['u', 'y']);
        assert!(s.coda().is_empty());
        assert_eq!((s.tone, s.tone_at), (3, Some(3)));
        assert_eq!(s.nucleus_start(), 2);
    }
}

//! VNI-Windows (the VNI fonts, `VNI-Times`).
//!
//! A vowel with marks is written as the plain vowel followed by one mark byte
//! ("Keá" = K e + á-byte = "Kế"); a few letters are single bytes (ô = ơ, ö = ư,
//! ñ = đ, and the i/y forms). Pasted into a Unicode field the bytes read as
//! Windows-1252, i.e. Latin-1 letters. Upper-case marks follow upper-case vowels.

use crate::text::letters::{make, vowel};

/// Single-byte letters (lower and upper case).
const LETTERS: [(char, char); 18] = [
    ('ô', 'ơ'),
    ('Ô', 'Ơ'),
    ('ö', 'ư'),
    ('Ö', 'Ư'),
    ('ñ', 'đ'),
    ('Ñ', 'Đ'),
    ('í', 'í'),
    ('Í', 'Í'),
    ('ì', 'ì'),
    ('Ì', 'Ì'),
    ('æ', 'ỉ'),
    ('Æ', 'Ỉ'),
    ('ó', 'ĩ'),
    ('Ó', 'Ĩ'),
    ('ò', 'ị'),
    ('Ò', 'Ị'),
    ('î', 'ỵ'),
    ('Î', 'Ỵ'),
];

/// What a mark byte does to the vowel before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Adds a tone to any vowel.
    Tone(u8),
    /// a, e, o → â, ê, ô with a tone (0 = none).
    Circumflex(u8),
    /// a → ă with a tone.
    Breve(u8),
}

/// Mark bytes (lower case; the upper-case byte is the Latin-1 capital).
fn mark(c: char) -> Option<Mark> {
    use Mark::*;
    Some(match crate::text::lower_char(c).next()? {
        'ø' => Tone(1),
        'ù' => Tone(2),
        'û' => Tone(3),
        'õ' => Tone(4),
        'ï' => Tone(5),
        'â' => Circumflex(0),
        'à' => Circumflex(1),
        'á' => Circumflex(2),
        'å' => Circumflex(3),
        'ã' => Circumflex(4),
        'ä' => Circumflex(5),
        'ê' => Breve(0),
        'è' => Breve(1),
        'é' => Breve(2),
        'ú' => Breve(3),
        'ü' => Breve(4),
        'ë' => Breve(5),
        _ => return None,
    })
}

fn letter(c: char) -> Option<char> {
    LETTERS.iter().find(|e| e.0 == c).map(|e| e.1)
}

/// A char VNI text can contain: ASCII, a single-byte letter or a mark byte.
pub(crate) fn in_domain(c: char) -> bool {
    c.is_ascii() || letter(c).is_some() || mark(c).is_some()
}

/// `prev` with the mark applied, when the mark fits that vowel.
fn apply(prev: char, m: Mark) -> Option<char> {
    let v = vowel(prev)?;
    if v.tone != 0 {
        return None;
    }
    let (base, tone) = match m {
        Mark::Tone(t) => (v.base, t),
        Mark::Circumflex(t) => match v.base {
            0 => (2, t), // a → â
            3 => (4, t), // e → ê
            6 => (7, t), // o → ô
            _ => return None,
        },
        Mark::Breve(t) if v.base == 0 => (1, t),
        Mark::Breve(_) => return None,
    };
    Some(make(base, tone, v.upper))
}

/// Convert one word into `out` (cleared first); false when it does not fit.
pub(crate) fn convert_word(word: &str, out: &mut [char; 16]) -> Option<usize> {
    let mut n = 0;
    for c in word.chars() {
        if n > 0 {
            if let Some(combined) = mark(c).and_then(|m| apply(out[n - 1], m)) {
                out[n - 1] = combined;
                continue;
            }
        }
        if n == out.len() {
            return None;
        }
        out[n] = letter(c).unwrap_or(c);
        n += 1;
    }
    Some(n)
}

/// Convert one word, appending to `out`.
pub(crate) fn push_word(word: &str, out: &mut String) {
    let mut prev: Option<char> = None;
    for c in word.chars() {
        if let Some(combined) = prev.and_then(|p| mark(c).and_then(|m| apply(p, m))) {
            out.pop();
            out.push(combined);
            prev = Some(combined);
            continue;
        }
        let l = letter(c).unwrap_or(c);
        out.push(l);
        prev = Some(l);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(w: &str) -> String {
        let mut s = String::new();
        push_word(w, &mut s);
        s
    }

    #[test]
    fn words_convert() {
        assert_eq!(conv("Keá"), "Kế");
        assert_eq!(conv("hoaïch"), "hoạch");
        assert_eq!(conv("UÛy"), "Ủy");
        assert_eq!(conv("nhaân"), "nhân");
        assert_eq!(conv("ñöôïc"), "được");
        assert_eq!(conv("ngöôøi"), "người");
        assert_eq!(conv("nghóa"), "nghĩa");
        assert_eq!(conv("taêng"), "tăng");
        assert_eq!(conv("ñaët"), "đặt");
        assert_eq!(conv("COÄNG"), "CỘNG");
        assert_eq!(conv("HOØA"), "HÒA");
        assert_eq!(conv("ÑOÄC"), "ĐỘC");
        assert_eq!(conv("LAÄP"), "LẬP");
        assert_eq!(conv("Vieät"), "Việt");
        assert_eq!(conv("Thò"), "Thị");
        assert_eq!(conv("Myõ"), "Mỹ");
    }

    #[test]
    fn fixed_buffer_matches_string_version() {
        let mut buf = ['\0'; 16];
        for w in ["Keá", "ngöôøi", "UÛy", "plain"] {
            let n = convert_word(w, &mut buf).unwrap();
            assert_eq!(buf[..n].iter().collect::<String>(), conv(w));
        }
        assert!(convert_word("aaaaaaaaaaaaaaaaaaaa", &mut buf).is_none());
    }

    #[test]
    fn domain() {
        assert!(in_domain('ï') && in_domain('Û') && in_domain('k'));
        assert!(!in_domain('ư') && !in_domain('ạ') && !in_domain('¹'));
    }
}

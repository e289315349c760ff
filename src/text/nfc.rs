//! Unicode normalization: documents are stored and exported in NFC
//! (precomposed "ế"), while input may arrive as NFD ("e" + U+0302 + U+0301).

use super::letters::decode;
use unicode_normalization::UnicodeNormalization;

/// Whether `text` is already in NFC.
pub fn is_nfc(text: &str) -> bool {
    all_nfc_starters(text) || unicode_normalization::is_nfc(text)
}

/// Whether every char of `text` passes `is_nfc_starter`; ASCII bytes are
/// skipped without decoding (see `letters::Words` on the size-tuned build).
fn all_nfc_starters(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii() {
            i += 1;
            continue;
        }
        let (c, len) = decode(bytes, i);
        if !is_nfc_starter(c) {
            return false;
        }
        i += len;
    }
    true
}

/// A char that is NFC on its own and never combines with a neighbour (NFC
/// quick check "yes", combining class 0): text made only of these is NFC.
/// Covers every precomposed Vietnamese letter and common punctuation, so the
/// usual field skips the table lookups of the full check. `starters_are_nfc`
/// checks each of these chars against the crate's tables.
fn is_nfc_starter(c: char) -> bool {
    matches!(c, '\0'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2010}'..='\u{2027}')
}

/// `text` in NFC.
pub fn to_nfc(text: &str) -> String {
    text.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::{char::canonical_combining_class, is_nfc_quick, IsNormalized};

    #[test]
    fn nfd_is_detected_and_composed() {
        let nfd = "Ke\u{302}\u{301} hoa\u{323}ch";
        assert!(!is_nfc(nfd));
        assert_eq!(to_nfc(nfd), "Kế hoạch");
        assert!(is_nfc("Kế hoạch"));
        assert!(is_nfc("plain ASCII"));
        assert!(is_nfc(""));
        assert_eq!(to_nfc("Kế hoạch"), "Kế hoạch");
    }

    #[test]
    fn starters_are_nfc() {
        for c in ('\0'..='\u{10FFFF}').filter(|&c| is_nfc_starter(c)) {
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "U+{:04X}", c as u32);
        }
        // Outside the fast path the full check still decides.
        assert!(!is_nfc("Kê\u{301}"));
        assert!(is_nfc("Kế “hoạch” – 漢"));
        assert!(!is_nfc("\u{2126}")); // OHM SIGN → Ω
    }
}

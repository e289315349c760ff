//! Unicode normalization: documents are stored and exported in NFC
//! (precomposed "ế"), while input may arrive as NFD ("e" + U+0302 + U+0301).

use unicode_normalization::UnicodeNormalization;

/// Whether `text` is already in NFC.
pub fn is_nfc(text: &str) -> bool {
    text.is_ascii() || unicode_normalization::is_nfc(text)
}

/// `text` in NFC.
pub fn to_nfc(text: &str) -> String {
    text.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}

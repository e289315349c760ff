//! A paragraph's text as it is assembled from runs: pieces with their
//! formatting, legacy-font runs joined and converted to Unicode.

use crate::text::{legacy_to_unicode, to_nfc, to_upper, Legacy};

/// The legacy encoding of a font, and whether it shows capitals only
/// (`.VnTimeH`, `.VnArialH`: TCVN3 "H" fonts draw capitals in the places of
/// small letters).
pub fn legacy_font(name: &str) -> Option<(Legacy, bool)> {
    let n = name.trim();
    let prefix = |p: &str| n.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    if prefix(".Vn") {
        Some((Legacy::Tcvn3, n.len() > 4 && n.ends_with('H')))
    } else if prefix("VNI-") || prefix("VNI ") {
        Some((Legacy::Vni, false))
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    pub bold: bool,
    pub italic: bool,
    pub legacy: Option<(Legacy, bool)>,
}

struct Piece {
    text: String,
    /// Every run in the piece that has non-blank text is bold / italic.
    bold: bool,
    italic: bool,
    legacy: Option<(Legacy, bool)>,
}

/// Pieces of one paragraph, in order.
#[derive(Default)]
pub struct ParaText {
    pieces: Vec<Piece>,
}

impl ParaText {
    /// Add text from a run. Runs of one legacy encoding join into one piece
    /// (VNI writes one letter as two chars, which Word may split across runs).
    pub fn push(&mut self, s: &str, look: Look) {
        if s.is_empty() {
            return;
        }
        let blank = s.chars().all(char::is_whitespace);
        if let Some(last) = self.pieces.last_mut() {
            let same_look = last.bold == look.bold && last.italic == look.italic;
            if last.legacy == look.legacy && (look.legacy.is_some() || same_look || blank) {
                last.text.push_str(s);
                if !blank {
                    last.bold &= look.bold;
                    last.italic &= look.italic;
                }
                return;
            }
        }
        self.pieces.push(Piece {
            text: s.to_string(),
            bold: look.bold || blank,
            italic: look.italic || blank,
            legacy: look.legacy,
        });
    }

    /// The text (legacy pieces converted, NFC) and whether all its
    /// non-blank text is bold / italic (false for a blank paragraph).
    pub fn finish(self) -> (String, bool, bool) {
        let mut text = String::new();
        let (mut bold, mut italic, mut any) = (true, true, false);
        for p in self.pieces {
            if !p.text.chars().all(char::is_whitespace) {
                any = true;
                bold &= p.bold;
                italic &= p.italic;
            }
            match p.legacy {
                Some((enc, upper)) => {
                    let u = legacy_to_unicode(&p.text, enc);
                    text.push_str(&if upper { to_upper(&u) } else { u });
                }
                None => text.push_str(&p.text),
            }
        }
        (to_nfc(&text), bold && any, italic && any)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_fonts_are_named_by_prefix() {
        assert_eq!(legacy_font(".VnTime"), Some((Legacy::Tcvn3, false)));
        assert_eq!(legacy_font(".VnTimeH"), Some((Legacy::Tcvn3, true)));
        assert_eq!(legacy_font(".VnArial NarrowH"), Some((Legacy::Tcvn3, true)));
        assert_eq!(legacy_font("VNI-Times"), Some((Legacy::Vni, false)));
        assert_eq!(legacy_font("Times New Roman"), None);
        assert_eq!(legacy_font("Vnx"), None);
    }

    #[test]
    fn converter_reads_the_strings_the_tests_use() {
        assert_eq!(legacy_to_unicode("KÕ ho¹ch", Legacy::Tcvn3), "Kế hoạch");
        assert_eq!(legacy_to_unicode("Keá hoaïch", Legacy::Vni), "Kế hoạch");
    }

    #[test]
    fn vni_letters_split_across_runs_join() {
        let vni = Look {
            bold: false,
            italic: false,
            legacy: Some((Legacy::Vni, false)),
        };
        let mut t = ParaText::default();
        t.push("Ke", vni);
        t.push("á hoa", Look { bold: true, ..vni });
        t.push("ïch", vni);
        assert_eq!(t.finish(), ("Kế hoạch".to_string(), false, false));
    }
}

//! Unicode normalization: documents are stored and exported in NFC
//! (precomposed "ế"), while input may arrive as NFD ("e" + U+0302 + U+0301).
//!
//! Composition and decomposition are written here over packed copies of the
//! canonical tables of `unicode-normalization` (`nfc_tables`), not through the
//! crate: its `nfc()` / `nfd()` iterators pick canonical or compatibility
//! decomposition at run time, which links the compatibility tables (about
//! 60 KB of the web bundle) that NFC never uses, and its hash tables gzip
//! poorly. `matches_the_crate` holds the two equal.

use super::letters::decode;
use super::nfc_tables::{canonical_combining_class, compose, decompose_canonical};

/// Whether `text` is already in NFC.
pub fn is_nfc(text: &str) -> bool {
    all_nfc_starters(text) || nfc_chars(text).iter().copied().eq(text.chars())
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
    if all_nfc_starters(text) {
        return text.to_string();
    }
    nfc_chars(text).into_iter().collect()
}

/// `text` in NFD (canonical decomposition, marks in canonical order).
pub fn to_nfd(text: &str) -> String {
    nfd_chars(text).into_iter().collect()
}

/// Canonical decomposition with each run of combining marks put in canonical
/// order (a stable sort by combining class; runs are a few marks long).
fn nfd_chars(text: &str) -> Vec<char> {
    let mut out: Vec<(char, u8)> = Vec::with_capacity(text.len());
    let mut one = Vec::with_capacity(4);
    for c in text.chars() {
        one.clear();
        decompose_canonical(c, &mut one);
        for &d in &one {
            let class = canonical_combining_class(d);
            let mut at = out.len();
            if class != 0 {
                while at > 0 && out[at - 1].1 > class {
                    at -= 1;
                }
            }
            out.insert(at, (d, class));
        }
    }
    out.into_iter().map(|(c, _)| c).collect()
}

/// Canonical composition of the NFD form (UAX #15): a mark joins the last
/// starter unless a mark of the same or a higher class, or a starter, stands
/// between them.
fn nfc_chars(text: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(text.len());
    // Index of the last starter in `out`, and the class of the last char kept
    // after it (`None`: nothing kept since the starter).
    let mut starter: Option<usize> = None;
    let mut last_class: Option<u8> = None;
    for c in nfd_chars(text) {
        let class = canonical_combining_class(c);
        if let Some(s) = starter {
            let blocked = last_class.is_some_and(|l| l == 0 || l >= class);
            if !blocked {
                if let Some(composed) = compose(out[s], c) {
                    out[s] = composed;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last_class = None;
        } else {
            last_class = Some(class);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

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
            assert_eq!(
                is_nfc_quick(std::iter::once(c)),
                IsNormalized::Yes,
                "U+{:04X}",
                c as u32
            );
        }
        // Outside the fast path the full check still decides.
        assert!(!is_nfc("Kê\u{301}"));
        assert!(is_nfc("Kế “hoạch” – 漢"));
        assert!(!is_nfc("\u{2126}")); // OHM SIGN → Ω
    }

    /// The hand-written NFC / NFD give exactly what the crate's iterators give:
    /// every char alone, every starter followed by marks in both orders, and
    /// pseudo-random mixes of letters, marks, Hangul jamo and singletons.
    #[test]
    fn matches_the_crate() {
        fn check(s: &str) {
            assert_eq!(
                to_nfc(s),
                s.nfc().collect::<String>(),
                "nfc {:?}",
                s.chars().map(|c| c as u32).collect::<Vec<_>>()
            );
            assert_eq!(
                to_nfd(s),
                s.nfd().collect::<String>(),
                "nfd {:?}",
                s.chars().map(|c| c as u32).collect::<Vec<_>>()
            );
            assert_eq!(is_nfc(s), unicode_normalization::is_nfc(s), "is_nfc {s:?}");
        }
        for c in '\0'..='\u{10FFFF}' {
            check(c.encode_utf8(&mut [0; 4]));
        }
        let marks: Vec<char> = ('\u{300}'..='\u{36F}')
            .chain('\u{1DC0}'..='\u{1DFF}')
            .chain([
                '\u{5B0}', '\u{94D}', '\u{93C}', '\u{3099}', '\u{309A}', '\u{B3E}', '\u{B56}',
                '\u{BD7}', '\u{CD5}', '\u{D3E}', '\u{DCF}', '\u{102E}', '\u{1161}', '\u{11A8}',
                '\u{0345}',
            ])
            .collect();
        let bases: Vec<char> = "aeiouyAEIOUYđĐăâêôơưkKhoạchếỆ漢\u{1100}\u{1112}\u{AC00}\u{AC01}\u{B47}\u{BC6}\u{CC6}\u{D46}\u{DD9}\u{1025}\u{304B}\u{30AB}\u{2126}\u{212B}\u{1F00}\u{3B1}\u{3C9}\u{F900} .".chars().collect();
        for &b in &bases {
            for &m1 in &marks {
                check(&format!("{b}{m1}"));
                for &m2 in marks.iter().step_by(7) {
                    check(&format!("{b}{m1}{m2}"));
                    check(&format!("{m1}{b}{m2}"));
                }
            }
        }
        let pool: Vec<char> = bases.iter().chain(marks.iter()).copied().collect();
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..(seed % 9) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push(pool[(seed % pool.len() as u64) as usize]);
            }
            seed = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
            check(&s);
        }
    }
}

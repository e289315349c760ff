//! Invisible characters that change what a text shows or hide what it holds:
//! bidirectional controls (U+202E turns "2026" into "6202" on screen), zero-width
//! characters, and control characters other than tab and line feed. None of
//! them belongs in Vietnamese administrative text, so removing them is certain.
//! The soft hyphen (U+00AD) is not one of them: in text pasted from the TCVN3
//! fonts it is the letter "ư" (`legacy`).

/// What kind of invisible character a char is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invisible {
    /// Changes the direction text is shown in: U+061C, U+200E, U+200F,
    /// U+202A–U+202E, U+2066–U+2069.
    Bidi,
    /// Takes no room: U+200B–U+200D, U+2060–U+2064, U+FEFF.
    ZeroWidth,
    /// A C0 control other than tab and line feed (carriage return included),
    /// DEL, or a C1 control.
    Control,
}

impl Invisible {
    pub fn of(c: char) -> Option<Invisible> {
        match c {
            '\t' | '\n' => None,
            '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Some(Invisible::Control),
            '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' => Some(Invisible::Bidi),
            '\u{2066}'..='\u{2069}' => Some(Invisible::Bidi),
            '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' => {
                Some(Invisible::ZeroWidth)
            }
            _ => None,
        }
    }

    /// "ký tự điều khiển hướng chữ" / "bidirectional control character".
    pub fn name(self) -> (&'static str, &'static str) {
        match self {
            Invisible::Bidi => (
                "ký tự điều khiển hướng chữ",
                "bidirectional control character",
            ),
            Invisible::ZeroWidth => ("ký tự ẩn không có độ rộng", "zero-width character"),
            Invisible::Control => ("ký tự điều khiển", "control character"),
        }
    }
}

/// Whether `t` holds any invisible character: one pass over the bytes, a
/// look at the next ones only after the lead bytes the characters start with
/// (C2: C1 controls; D8: U+061C; E2: U+200B–U+2069; EF: U+FEFF).
pub fn has_invisible(t: &str) -> bool {
    let b = t.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    b.iter().enumerate().any(|(i, &c)| match c {
        b'\t' | b'\n' => false,
        0..0x20 | 0x7F => true,
        0xC2 => (0x80..=0x9F).contains(&at(i + 1)),
        0xD8 => at(i + 1) == 0x9C,
        0xE2 => match at(i + 1) {
            0x80 => matches!(at(i + 2), 0x8B..=0x8F | 0xAA..=0xAE),
            0x81 => matches!(at(i + 2), 0xA0..=0xA4 | 0xA6..=0xA9),
            _ => false,
        },
        0xEF => at(i + 1) == 0xBB && at(i + 2) == 0xBF,
        _ => false,
    })
}

/// The invisible characters of `t`, each once, in order of first appearance.
pub fn invisible_chars(t: &str) -> Vec<(char, Invisible)> {
    let mut out: Vec<(char, Invisible)> = Vec::new();
    for c in t.chars() {
        if let Some(kind) = Invisible::of(c) {
            if !out.iter().any(|&(seen, _)| seen == c) {
                out.push((c, kind));
            }
        }
    }
    out
}

/// `t` without its invisible characters. A carriage return is a line break
/// typed the old way: CR LF and a lone CR become one line feed, as the exports
/// print them.
pub fn remove_invisible(t: &str) -> String {
    map_with_line_feeds(t, |c| Invisible::of(c).is_none().then_some(c))
}

/// `t` with CR LF and a lone CR as one line feed and every other character
/// as `map` says (`None`: left out). One reading of line breaks for the
/// invisible-character fix and the exports' `clean`.
pub fn map_with_line_feeds(t: &str, map: impl Fn(char) -> Option<char>) -> String {
    let mut out = String::with_capacity(t.len());
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            c => out.extend(map(c)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_and_removes_each_kind() {
        let t = "Năm \u{202E}6202\u{202C} có\u{200B} ký\u{1}tự\r\nmới\rdòng";
        assert!(has_invisible(t));
        let kinds: Vec<_> = invisible_chars(t)
            .into_iter()
            .map(|(c, k)| (c as u32, k))
            .collect();
        assert_eq!(
            kinds,
            [
                (0x202E, Invisible::Bidi),
                (0x202C, Invisible::Bidi),
                (0x200B, Invisible::ZeroWidth),
                (0x1, Invisible::Control),
                (0xD, Invisible::Control),
            ]
        );
        assert_eq!(remove_invisible(t), "Năm 6202 có kýtự\nmới\ndòng");
        assert!(!has_invisible(&remove_invisible(t)));
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for t in [
            "Kế hoạch số 15/KH-UBND\tngày 15/01/2026\ncủa phường",
            "“Trích yếu” – 😀 ß — ½",
            "ph\u{AD}êng", // TCVN3 "phường": the soft hyphen is a letter there
            "plain ascii, with tab\tand newline\n",
        ] {
            assert!(!has_invisible(t), "{t:?}");
            assert_eq!(remove_invisible(t), t);
            assert!(invisible_chars(t).is_empty());
        }
    }

    #[test]
    fn the_byte_scan_agrees_with_the_char_classes_on_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for s in [format!("{c}"), format!("ờ{c}a"), format!("“{c}")] {
                assert_eq!(has_invisible(&s), Invisible::of(c).is_some(), "{c:?}");
            }
        }
    }

    #[test]
    fn ascii_and_char_scans_agree() {
        for b in 0u8..0x80 {
            let s = format!("ab{}", b as char);
            assert_eq!(
                has_invisible(&s),
                Invisible::of(b as char).is_some(),
                "{b:#x}"
            );
        }
        for c in [
            '\u{80}', '\u{9F}', '\u{61C}', '\u{2066}', '\u{2069}', '\u{2064}', '\u{FEFF}',
        ] {
            assert!(has_invisible(&format!("Việt{c}")), "{c:?}");
        }
        for c in [
            '\u{A0}', '\u{AD}', '\u{2010}', '\u{2065}', '\u{206A}', '\u{2028}',
        ] {
            assert!(!has_invisible(&format!("Việt{c}")), "{c:?}");
        }
    }
}

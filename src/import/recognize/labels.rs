//! The written labels of body lines ("I.", "1.", "1.2.", "a)", "A.", "-", "+"),
//! read back into the numbering styles the model prints them with
//! (`model::numbering::label`). A letter such as "I." or "C." may be a Roman
//! numeral or a letter of the alphabet: both readings are returned, and the
//! tree builder keeps the one that continues the list it is in.

use crate::model::numbering::{parse_roman, VI_LETTERS};
use crate::model::NumberStyle;

/// One reading of a label: its style and its place in the list (1 for "I.",
/// "1.", "a)"; 0 for "-" and "+", which do not count).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub style: NumberStyle,
    pub ordinal: usize,
}

/// A label at the start of a line and the text after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label<'a> {
    pub readings: Vec<Reading>,
    pub rest: &'a str,
}

/// Read the label that starts `text`, if any. A label must be followed by a
/// space or end the line, so "2030 là năm" or "-5%" are not labels.
pub fn read_label(text: &str) -> Option<Label<'_>> {
    let t = text.trim_start();
    let (word, rest) = match t.find(char::is_whitespace) {
        Some(i) => (&t[..i], t[i..].trim_start()),
        None => (t, ""),
    };
    let readings = readings_of(word);
    if readings.is_empty() {
        // "1.Tổ chức" without a space after the dot.
        return glued_label(t);
    }
    Some(Label { readings, rest })
}

/// Readings of a label written alone ("I.", "a)", "•"), as Word's automatic
/// numbering gives it.
pub fn readings_of(word: &str) -> Vec<Reading> {
    let mut out = Vec::new();
    let one = |style| Reading { style, ordinal: 0 };
    match word {
        "-" | "–" | "—" | "•" | "·" | "‒" | "−" => return vec![one(NumberStyle::Dash)],
        "+" => return vec![one(NumberStyle::Plus)],
        _ => {}
    }
    let (body, end) = match word.char_indices().last() {
        Some((i, c @ ('.' | ')' | '-' | '/'))) => (&word[..i], c),
        _ => return out,
    };
    if body.is_empty() {
        return out;
    }
    if body.chars().all(|c| c.is_ascii_digit() || c == '.') {
        arabic(body, end, &mut out);
    } else if body.chars().all(|c| c.is_ascii_uppercase()) {
        if let Some(n) = parse_roman(body) {
            let style = if end == '-' {
                NumberStyle::UpperRomanDash
            } else {
                NumberStyle::UpperRoman
            };
            if end != ')' {
                out.push(Reading { style, ordinal: n });
            }
        }
        if body.len() == 1 && end == '.' {
            let n = usize::from(body.as_bytes()[0] - b'A') + 1;
            out.push(Reading {
                style: NumberStyle::UpperAlpha,
                ordinal: n,
            });
        }
    } else if end == ')' || end == '.' {
        if let Some(i) = VI_LETTERS.iter().position(|l| *l == body) {
            out.push(Reading {
                style: NumberStyle::LowerAlpha,
                ordinal: i + 1,
            });
        }
    }
    out
}

fn arabic(body: &str, end: char, out: &mut Vec<Reading>) {
    let parts: Vec<&str> = body.split('.').collect();
    if parts.iter().any(|p| p.is_empty() || p.len() > 3) {
        return;
    }
    let last: usize = parts[parts.len() - 1].parse().unwrap_or(0);
    if last == 0 {
        return;
    }
    let style = match (parts.len(), end) {
        (1, '-') => NumberStyle::ArabicDash,
        (1, _) => NumberStyle::Arabic,
        (_, '.') => NumberStyle::ArabicNested,
        _ => return,
    };
    out.push(Reading {
        style,
        ordinal: last,
    });
}

/// "1.Tổ chức", "a)Tổ chức", "-Tổ chức": a label glued to a capitalised word.
fn glued_label(t: &str) -> Option<Label<'_>> {
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let cut = chars.windows(2).find_map(|w| {
        let ((i, c), (_, next)) = (w[0], w[1]);
        (i > 0 && c.is_uppercase() && next.is_lowercase()).then_some(i)
    })?;
    let (word, rest) = t.split_at(cut);
    if word.chars().any(char::is_alphabetic) && !word.ends_with(['.', ')']) {
        return None;
    }
    let readings = readings_of(word);
    (!readings.is_empty()).then_some(Label { readings, rest })
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberStyle::*;

    fn styles(text: &str) -> Vec<(NumberStyle, usize)> {
        read_label(text)
            .map(|l| l.readings.iter().map(|r| (r.style, r.ordinal)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn every_printed_style_reads_back() {
        assert_eq!(styles("II. NỘI DUNG"), [(UpperRoman, 2)]);
        assert_eq!(styles("III- NHIỆM VỤ"), [(UpperRomanDash, 3)]);
        assert_eq!(styles("12. Tổ chức"), [(Arabic, 12)]);
        assert_eq!(styles("2- Tổ chức"), [(ArabicDash, 2)]);
        assert_eq!(styles("1.3. Tổ chức"), [(ArabicNested, 3)]);
        assert_eq!(styles("đ) Tổ chức"), [(LowerAlpha, 5)]);
        assert_eq!(styles("B. NHIỆM VỤ"), [(UpperAlpha, 2)]);
        assert_eq!(styles("- Nội dung"), [(Dash, 0)]);
        assert_eq!(styles("+ Nội dung"), [(Plus, 0)]);
        assert_eq!(styles("• Nội dung"), [(Dash, 0)]);
    }

    #[test]
    fn a_letter_that_is_also_a_roman_numeral_has_both_readings() {
        assert_eq!(styles("I. MỤC ĐÍCH"), [(UpperRoman, 1), (UpperAlpha, 9)]);
        assert_eq!(styles("C. TỔ CHỨC"), [(UpperRoman, 100), (UpperAlpha, 3)]);
    }

    #[test]
    fn numbers_and_dashes_inside_text_are_not_labels() {
        assert!(read_label("2030 là năm").is_none());
        assert!(read_label("-5% so với").is_none());
        assert!(read_label("Kế hoạch").is_none());
        assert!(read_label("A.B. Smith").is_none());
        assert!(read_label("f) không có chữ f").is_none());
    }

    #[test]
    fn the_rest_is_the_text_after_the_label() {
        let l = read_label("  1.  Tổ chức quán triệt").unwrap();
        assert_eq!(l.rest, "Tổ chức quán triệt");
        let l = read_label("1.Tổ chức").unwrap();
        assert_eq!((l.readings[0].style, l.rest), (Arabic, "Tổ chức"));
    }
}

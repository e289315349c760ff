//! Spacing inside a line: doubled spaces, a space before , . ; : ! ? ), a
//! space after ( and no space after a comma or semicolon glued to a word
//! ("2030,thuỷ"). Line breaks are never touched, nor leading indentation,
//! trailing spaces, "./." itself, dot leaders ("ngày ... tháng") and the wide
//! blanks a draft leaves for a number or date ("số      /KH-UBND",
//! "ngày    tháng    năm 2026").

const BEFORE_PUNCT: [char; 6] = [',', ';', ':', '!', '?', ')'];
/// Words after which a run of three or more spaces is a blank to fill in.
const BLANK_AFTER: [&str; 4] = ["ngày", "tháng", "năm", "số"];

/// Cheap test for anything the fix could change (the marks are ASCII; a
/// letter after a comma may be any byte of a UTF-8 letter).
fn candidate(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(2).any(|w| {
        matches!(
            (w[0], w[1]),
            (b' ', b' ' | b',' | b'.' | b';' | b':' | b'!' | b'?' | b')') | (b'(', b' ')
        ) || matches!(w[0], b',' | b';') && (w[1].is_ascii_alphabetic() || w[1] >= 0x80)
    })
}

/// A comma or semicolon written straight after a word and straight before
/// the next one ("2030,thuỷ"): it needs a space after it. Digits around it
/// ("1,5") are a number, left alone.
fn glued_mark(chars: &[char], i: usize) -> bool {
    matches!(chars[i], ',' | ';')
        && i > 0
        && !chars[i - 1].is_whitespace()
        && chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
}

/// The corrected text when `text` has a spacing problem, None when it is clean.
pub fn spacing_fix(text: &str) -> Option<String> {
    if !candidate(text) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        fix_line(line, &mut out);
    }
    (out != text).then_some(out)
}

/// `text` with its spacing corrected (unchanged when clean).
pub fn fix_spacing(text: &str) -> String {
    spacing_fix(text).unwrap_or_else(|| text.to_string())
}

/// Whether `text` has doubled spaces or a space before punctuation.
pub fn has_spacing_issue(text: &str) -> bool {
    spacing_fix(text).is_some()
}

fn fix_line(line: &str, out: &mut String) {
    let chars: Vec<char> = line.chars().collect();
    let end = if chars.last() == Some(&'\r') {
        chars.len() - 1
    } else {
        chars.len()
    };
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != ' ' || i == 0 || i >= end {
            out.push(chars[i]);
            if glued_mark(&chars, i) {
                out.push(' ');
            }
            i += 1;
            continue;
        }
        let mut j = i;
        while j < end && chars[j] == ' ' {
            j += 1;
        }
        if j == end {
            // trailing spaces: left alone
            out.extend(&chars[i..j]);
            i = j;
            continue;
        }
        let (prev, next) = (chars[i - 1], chars[j]);
        let dot_leader = next == '.' && chars.get(j + 1) == Some(&'.');
        let drop = (BEFORE_PUNCT.contains(&next) || next == '.' && !dot_leader) || prev == '(';
        let glued_after = matches!(next, ',' | ';' | ':' | '!' | '?')
            && chars.get(j + 1).is_some_and(|c| c.is_alphabetic());
        if drop && glued_after {
            // "2030 ,thuỷ" → "2030, thuỷ": the space goes after the mark.
            out.push(next);
            out.push(' ');
            i = j + 1;
            continue;
        } else if drop {
            // nothing
        } else if j - i >= 2 && !is_blank(&chars[..i], next, j - i) {
            out.push(' ');
        } else {
            out.extend(&chars[i..j]);
        }
        i = j;
    }
}

/// A wide run of spaces left on purpose for a number or a date.
fn is_blank(before: &[char], next: char, run: usize) -> bool {
    if run < 3 {
        return false;
    }
    if next == '/' {
        return true;
    }
    let start = before
        .iter()
        .rposition(|c| c.is_whitespace())
        .map_or(0, |p| p + 1);
    let word: String = before[start..]
        .iter()
        .flat_map(|&c| super::lower_char(c))
        .collect();
    BLANK_AFTER.contains(&word.trim_end_matches(':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_doubled_spaces_and_space_before_punctuation() {
        assert_eq!(fix_spacing("Một  hai   ba"), "Một hai ba");
        assert_eq!(
            fix_spacing("tuyên truyền , phổ biến ; và :"),
            "tuyên truyền, phổ biến; và:"
        );
        assert_eq!(
            fix_spacing("( Có Phụ lục I kèm theo )"),
            "(Có Phụ lục I kèm theo)"
        );
        assert_eq!(fix_spacing("Xong !  Thật ?"), "Xong! Thật?");
        assert_eq!(fix_spacing("kết thúc ."), "kết thúc.");
        assert_eq!(fix_spacing("phường Hồng An ./."), "phường Hồng An./.");
        assert!(has_spacing_issue("a  b"));
    }

    #[test]
    fn a_mark_glued_to_the_next_word_gets_its_space_after() {
        assert_eq!(fix_spacing("năm 2030 ,thuỷ lợi"), "năm 2030, thuỷ lợi");
        assert_eq!(fix_spacing("Lưu :VT"), "Lưu: VT");
        // Only spaces move: the letters, tone marks included, stay as written.
        let t = "hoà  thuỷ ,khoẻ ;hòa thủy";
        let strip = |s: &str| s.replace(' ', "");
        assert_eq!(strip(&fix_spacing(t)), strip(t));
        assert_eq!(fix_spacing("1 ,5"), "1,5");
    }

    #[test]
    fn a_comma_glued_to_both_words_gets_a_space_after() {
        // What an older fix left ("2030,thủy") is still reported, and fixed.
        assert!(has_spacing_issue("năm 2030,thủy lợi"));
        assert_eq!(fix_spacing("năm 2030,thủy lợi"), "năm 2030, thủy lợi");
        assert_eq!(fix_spacing("xã hội;khoẻ mạnh"), "xã hội; khoẻ mạnh");
        assert_eq!(fix_spacing("Đảng ủy,Ủy ban"), "Đảng ủy, Ủy ban");
        // The fix is stable: fixing twice changes nothing more.
        let once = fix_spacing("năm 2030 ,thuỷ lợi,hoà bình");
        assert_eq!(once, "năm 2030, thuỷ lợi, hoà bình");
        assert!(!has_spacing_issue(&once));
        // Numbers keep their comma.
        for s in ["1,5 tỷ đồng", "Điều 5,6", "a, b", "(a,"] {
            assert!(!has_spacing_issue(s), "{s:?}");
        }
    }

    #[test]
    fn leaves_what_it_must() {
        for s in [
            "Trên đây là Kế hoạch của Ủy ban nhân dân phường Hồng An./.",
            "dòng một\ndòng hai",
            "dòng một \n dòng hai",
            "  thụt đầu dòng",
            "cuối dòng  ",
            "Kế hoạch số      /KH-UBND ngày    tháng    năm 2026",
            "Số:      /KH-UBND",
            "ngày ... tháng ... năm ...",
            "Một, hai; ba: bốn. (năm)",
            "",
        ] {
            assert!(!has_spacing_issue(s), "{s:?}");
            assert_eq!(fix_spacing(s), s);
        }
    }

    #[test]
    fn does_not_join_lines() {
        assert_eq!(fix_spacing("a  b\nc  ,d\r\ne"), "a b\nc, d\r\ne");
        assert_eq!(fix_spacing("a\n , b"), "a\n , b");
    }
}

//! "Ð" (U+00D0, Icelandic eth) and "ð" (U+00F0) typed for Vietnamese "Đ"
//! (U+0110) and "đ" (U+0111). They look alike in most fonts but sort, search
//! and spell-check differently. Only a mark at the start of a word counts,
//! since Vietnamese đ only ever begins a syllable ("Guðrún" is left alone).

const ETH_UPPER: char = '\u{D0}';
const ETH_LOWER: char = '\u{F0}';

fn is_eth(c: char) -> bool {
    c == ETH_UPPER || c == ETH_LOWER
}

/// Byte offsets of eth letters that stand for đ (at the start of a word).
fn positions(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut prev_letter = false;
    text.char_indices().filter_map(move |(i, c)| {
        let hit = is_eth(c) && !prev_letter;
        prev_letter = c.is_alphabetic();
        hit.then_some(i)
    })
}

/// Byte offset of the first eth used for đ, if any.
pub fn find_eth_for_dj(text: &str) -> Option<usize> {
    // Ð is C3 90 and ð is C3 B0 in UTF-8: a byte scan rules most text out.
    if !text
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == 0xC3 && (w[1] == 0x90 || w[1] == 0xB0))
    {
        return None;
    }
    positions(text).next()
}

/// Whether `text` uses an eth for đ.
pub fn has_eth_for_dj(text: &str) -> bool {
    find_eth_for_dj(text).is_some()
}

/// `text` with every eth used for đ replaced: Ð → Đ, ð → đ.
pub fn fix_eth_for_dj(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    let mut last = 0;
    for i in positions(text) {
        out.push_str(&text[last..i]);
        out.push(if text[i..].starts_with(ETH_UPPER) {
            'Đ'
        } else {
            'đ'
        });
        last = i + ETH_UPPER.len_utf8();
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eth_is_found_and_fixed() {
        assert!(has_eth_for_dj("ÐỒNG CHÍ"));
        assert_eq!(
            fix_eth_for_dj("ÐẢNG CỘNG SẢN, ðồng chí Ðinh"),
            "ĐẢNG CỘNG SẢN, đồng chí Đinh"
        );
        assert_eq!(find_eth_for_dj("Số 5 Ðường"), Some(7));
    }

    #[test]
    fn correct_text_and_foreign_words_are_left() {
        assert!(!has_eth_for_dj("ĐẢNG CỘNG SẢN VIỆT NAM, đồng chí"));
        assert!(!has_eth_for_dj("Guðrún"));
        assert_eq!(fix_eth_for_dj("Guðrún"), "Guðrún");
        assert!(!has_eth_for_dj(""));
    }
}

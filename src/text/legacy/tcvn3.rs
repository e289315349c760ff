//! TCVN3 (TCVN 5712:1993, VN3; the ABC keyboard and the `.VnTime` fonts).
//!
//! One byte per letter. Text typed in these fonts and pasted into a Unicode
//! field arrives as the Windows-1252 reading of those bytes: "KÕ ho¹ch" for
//! "Kế hoạch". Bytes 0xA0–0xFF read as the Latin-1 code point of the same
//! value, so the keys below are those chars. The lower-case font `.VnTime`
//! draws the letters in the right column; the capitals font `.VnTimeH` draws
//! the same bytes as capitals (the converter decides case from the word).

/// Latin-1 char (= TCVN3 byte) → Vietnamese letter, lower-case font. Sorted by key.
const TABLE: &[(char, char)] = &[
    ('\u{A1}', 'Ă'), // ¡
    ('\u{A2}', 'Â'), // ¢
    ('\u{A3}', 'Ê'), // £
    ('\u{A4}', 'Ô'), // ¤
    ('\u{A5}', 'Ơ'), // ¥
    ('\u{A6}', 'Ư'), // ¦
    ('\u{A7}', 'Đ'), // §
    ('\u{A8}', 'ă'), // ¨
    ('\u{A9}', 'â'), // ©
    ('\u{AA}', 'ê'), // ª
    ('\u{AB}', 'ô'), // «
    ('\u{AC}', 'ơ'), // ¬
    ('\u{AD}', 'ư'), // soft hyphen: invisible once pasted, e.g. "ph\u{AD}êng"
    ('\u{AE}', 'đ'), // ®
    ('\u{AF}', 'Ằ'), // ¯  capitals from the full table (VN1/VN2), used by some fonts
    ('\u{B5}', 'à'), // µ
    ('\u{B6}', 'ả'), // ¶
    ('\u{B7}', 'ã'), // ·
    ('\u{B8}', 'á'), // ¸
    ('\u{B9}', 'ạ'), // ¹
    ('\u{BA}', 'Ẳ'), // º
    ('\u{BB}', 'ằ'), // »
    ('\u{BC}', 'ẳ'), // ¼
    ('\u{BD}', 'ẵ'), // ½
    ('\u{BE}', 'ắ'), // ¾
    ('\u{BF}', 'Ẵ'), // ¿
    ('\u{C0}', 'Ắ'), // À
    ('\u{C1}', 'Ầ'), // Á
    ('\u{C2}', 'Ẩ'), // Â
    ('\u{C3}', 'Ẫ'), // Ã
    ('\u{C4}', 'Ấ'), // Ä
    ('\u{C5}', 'Ề'), // Å
    ('\u{C6}', 'ặ'), // Æ
    ('\u{C7}', 'ầ'), // Ç
    ('\u{C8}', 'ẩ'), // È
    ('\u{C9}', 'ẫ'), // É
    ('\u{CA}', 'ấ'), // Ê
    ('\u{CB}', 'ậ'), // Ë
    ('\u{CC}', 'è'), // Ì
    ('\u{CD}', 'Ể'), // Í
    ('\u{CE}', 'ẻ'), // Î
    ('\u{CF}', 'ẽ'), // Ï
    ('\u{D0}', 'é'), // Ð
    ('\u{D1}', 'ẹ'), // Ñ
    ('\u{D2}', 'ề'), // Ò
    ('\u{D3}', 'ể'), // Ó
    ('\u{D4}', 'ễ'), // Ô
    ('\u{D5}', 'ế'), // Õ
    ('\u{D6}', 'ệ'), // Ö
    ('\u{D7}', 'ì'), // ×
    ('\u{D8}', 'ỉ'), // Ø
    ('\u{D9}', 'Ễ'), // Ù
    ('\u{DA}', 'Ế'), // Ú
    ('\u{DB}', 'Ồ'), // Û
    ('\u{DC}', 'ĩ'), // Ü
    ('\u{DD}', 'í'), // Ý
    ('\u{DE}', 'ị'), // Þ
    ('\u{DF}', 'ò'), // ß
    ('\u{E0}', 'Ổ'), // à
    ('\u{E1}', 'ỏ'), // á
    ('\u{E2}', 'õ'), // â
    ('\u{E3}', 'ó'), // ã
    ('\u{E4}', 'ọ'), // ä
    ('\u{E5}', 'ồ'), // å
    ('\u{E6}', 'ổ'), // æ
    ('\u{E7}', 'ỗ'), // ç
    ('\u{E8}', 'ố'), // è
    ('\u{E9}', 'ộ'), // é
    ('\u{EA}', 'ờ'), // ê
    ('\u{EB}', 'ở'), // ë
    ('\u{EC}', 'ỡ'), // ì
    ('\u{ED}', 'ớ'), // í
    ('\u{EE}', 'ợ'), // î
    ('\u{EF}', 'ù'), // ï
    ('\u{F0}', 'Ỗ'), // ð
    ('\u{F1}', 'ủ'), // ñ
    ('\u{F2}', 'ũ'), // ò
    ('\u{F3}', 'ú'), // ó
    ('\u{F4}', 'ụ'), // ô
    ('\u{F5}', 'ừ'), // õ
    ('\u{F6}', 'ử'), // ö
    ('\u{F7}', 'ữ'), // ÷
    ('\u{F8}', 'ứ'), // ø
    ('\u{F9}', 'ự'), // ù
    ('\u{FA}', 'ỳ'), // ú
    ('\u{FB}', 'ỷ'), // û
    ('\u{FC}', 'ỹ'), // ü
    ('\u{FD}', 'ý'), // ý
    ('\u{FE}', 'ỵ'), // þ
    ('\u{FF}', 'Ố'), // ÿ
];

/// The Vietnamese letter a TCVN3 byte (read as Latin-1) stands for.
pub(crate) fn letter(c: char) -> Option<char> {
    if !('\u{A1}'..='\u{FF}').contains(&c) {
        return None;
    }
    TABLE
        .binary_search_by_key(&c, |e| e.0)
        .ok()
        .map(|i| TABLE[i].1)
}

/// A char TCVN3 text can contain: ASCII or a table key.
pub(crate) fn in_domain(c: char) -> bool {
    c.is_ascii() || letter(c).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_maps_known_bytes() {
        assert!(TABLE.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(letter('Õ'), Some('ế'));
        assert_eq!(letter('¹'), Some('ạ'));
        assert_eq!(letter('©'), Some('â'));
        assert_eq!(letter('\u{AD}'), Some('ư'));
        assert_eq!(letter('§'), Some('Đ'));
        assert_eq!(letter('®'), Some('đ'));
        assert_eq!(letter('a'), None);
        assert!(in_domain('K') && in_domain('û') && !in_domain('ư'));
    }
}

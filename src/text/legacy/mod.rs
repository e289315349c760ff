//! Text typed in a legacy Vietnamese encoding and pasted as Unicode:
//! TCVN3/ABC ("KÕ ho¹ch", "Uû ban nh©n d©n") and VNI-Windows ("Keá hoaïch").
//!
//! The tables are written by hand from the published TCVN 5712:1993 (VN3) and
//! VNI-Windows character tables. No crate is used because none on crates.io
//! does this reliably: the few that exist convert byte strings, not text that
//! has already been read as Windows-1252, and they do not tell legacy text
//! from correct Vietnamese, which is what a checker needs.
//!
//! Detection works word by word: a word votes for an encoding when it is not a
//! valid Vietnamese syllable as written but becomes one once converted. Words
//! that are valid Vietnamese and could not be legacy text count against it,
//! and so do English words (legacy text is Vietnamese throughout).

#[cfg(test)]
pub(crate) mod samples;
mod tcvn3;
mod vni;

use super::letters::{is_word_char, words_by};
use super::syllable::{analyse_chars, has_syllable_shape, is_vietnamese_syllable};

/// A legacy Vietnamese encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Legacy {
    /// TCVN3 (TCVN 5712:1993 VN3), the ABC keyboard's `.VnTime` fonts.
    Tcvn3,
    /// VNI-Windows, the `VNI-Times` fonts.
    Vni,
}

impl Legacy {
    /// Name shown to people.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC)",
            Legacy::Vni => "VNI",
        }
    }
}

fn legacy_word_char(c: char) -> bool {
    is_word_char(c) || tcvn3::letter(c).is_some()
}

/// Votes for each encoding and words proving the text is already Unicode.
#[derive(Default)]
struct Counts {
    tcvn: usize,
    vni: usize,
    /// Valid words with a char TCVN3 cannot produce.
    proofs_t: usize,
    /// Valid words with a non-ASCII char that VNI would not read as another word.
    proofs_v: usize,
    /// ASCII words in lower or mixed case that are not Vietnamese (English).
    foreign: usize,
}

/// Both encodings write only ASCII and chars of U+00A0–U+00FF.
fn has_latin1(text: &str) -> bool {
    // In UTF-8 those chars are C2 A0–C2 BF and C3 80–C3 BF; C2 and C3 are
    // lead bytes only, so a byte scan answers without decoding chars.
    let b = text.as_bytes();
    let mut i = 1;
    while i < b.len() {
        if b[i - 1] == 0xC3 || (b[i - 1] == 0xC2 && b[i] >= 0xA0) {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether `w` passes the first test of a vote in `counts`: Latin-1 chars in
/// a word that is not valid as written. Text without such a word is not legacy.
pub(crate) fn may_vote(w: &str) -> bool {
    has_latin1(w) && !is_vietnamese_syllable(w)
}

/// Whether detection splits `text` into the same words as `letters::words`:
/// it does unless the text holds a TCVN3 byte that is not a letter (¡–¿, ×, ÷;
/// ª µ º are letters). In UTF-8 those are C2 A1–C2 BF, C3 97 and C3 B7.
pub(crate) fn splits_like_words(text: &str) -> bool {
    // Byte searches (memchr) first: C2, 97 and B7 are rare in Vietnamese text,
    // while C3 starts many of its letters (á, â, ê, ô).
    let b = text.as_bytes();
    let pair =
        |lead: u8, second: fn(u8) -> bool| b.windows(2).any(|w| w[0] == lead && second(w[1]));
    let symbol = b.contains(&0xC2) && pair(0xC2, |x| (0xA1..=0xBF).contains(&x));
    let sign = (b.contains(&0x97) || b.contains(&0xB7)) && pair(0xC3, |x| x == 0x97 || x == 0xB7);
    !symbol && !sign
}

/// A word that VNI would read as another valid word ("XAÕ" → "XÃ").
fn vni_reads_as_word(w: &str, buf: &mut [char; 16]) -> bool {
    w.chars().all(vni::in_domain)
        && vni::convert_word(w, buf).is_some_and(|len| {
            !buf[..len].iter().copied().eq(w.chars())
                && analyse_chars(buf[..len].iter().copied(), true).is_some()
        })
}

/// Votes first; proofs and foreign words only when something voted (the usual
/// clean text stops early: they only ever weigh against a vote).
fn counts(text: &str) -> Counts {
    let mut n = Counts::default();
    if !has_latin1(text) {
        return n;
    }
    let mut buf = ['\0'; 16];
    for (_, w) in words_by(text, legacy_word_char) {
        // ASCII words have no Latin-1 chars either.
        if !has_latin1(w) || is_vietnamese_syllable(w) {
            continue;
        }
        let has_letter = w.chars().any(|c| !c.is_ascii() && c.is_alphabetic());
        if has_letter
            && w.chars().all(tcvn3::in_domain)
            && analyse_chars(w.chars().map(|c| tcvn3::letter(c).unwrap_or(c)), true).is_some()
        {
            n.tcvn += 1;
        }
        if vni_reads_as_word(w, &mut buf) {
            n.vni += 1;
        }
    }
    if n.tcvn + n.vni == 0 {
        return n;
    }
    for (_, w) in words_by(text, legacy_word_char) {
        if w.is_ascii() {
            if w.len() >= 2 && w.bytes().any(|b| b.is_ascii_lowercase()) && !has_syllable_shape(w) {
                n.foreign += 1;
            }
            continue;
        }
        if !is_vietnamese_syllable(w) {
            continue;
        }
        // Valid as written: proof of Unicode unless the encoding could have produced it.
        if !w.chars().all(tcvn3::in_domain) {
            n.proofs_t += 1;
        }
        if !vni_reads_as_word(w, &mut buf) {
            n.proofs_v += 1;
        }
    }
    n
}

/// Which legacy encoding `text` was typed in, if it was.
/// Never fires on correct Vietnamese or on English.
pub fn detect_legacy(text: &str) -> Option<Legacy> {
    if text.is_ascii() {
        return None;
    }
    let n = counts(text);
    let t_ok = n.tcvn > 0 && n.tcvn > n.proofs_t && n.tcvn >= n.foreign;
    let v_ok = n.vni > 0 && n.vni > n.proofs_v && n.vni >= n.foreign;
    match (t_ok, v_ok) {
        (true, true) if n.vni > n.tcvn => Some(Legacy::Vni),
        (true, _) => Some(Legacy::Tcvn3),
        (false, true) => Some(Legacy::Vni),
        (false, false) => None,
    }
}

/// Legacy text converted to Unicode, and whether the conversion is certain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// Every word the encoding can have written, converted (NFC).
    pub text: String,
    /// True when the whole text reads as valid Vietnamese once converted and
    /// no word could be either Unicode or legacy: then the conversion can be
    /// offered as a fix. False: say the text is garbled, offer no fix.
    pub certain: bool,
}

/// What a text's words say about a conversion from one encoding.
#[derive(Default)]
struct Tally {
    /// Valid only once converted: legacy words.
    converted: usize,
    /// Valid as written and once converted, as another word ("sô" is VNI "sơ").
    ambiguous: usize,
    /// Valid Vietnamese the encoding cannot have written: Unicode words.
    unicode: usize,
    /// Valid neither as written nor converted: nothing is sure.
    garbled: usize,
}

/// Convert legacy text to Unicode, deciding on the whole text at once: a word
/// the encoding can have written is converted when that gives a valid
/// syllable; a word valid only as written is kept. The conversion is certain
/// when every word ends valid Vietnamese (or is ASCII, as codes and acronyms
/// are) and the text is not a mix of Unicode words and words that read as
/// Vietnamese both ways ("Cô quan" is Unicode "cô" or VNI "cơ").
pub fn convert_legacy(text: &str, from: Legacy) -> Converted {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let upper_text = from == Legacy::Tcvn3 && mostly_upper(text);
    let mut tally = Tally::default();
    let mut word = String::new();
    let mut last = 0;
    for (start, w) in words_by(text, legacy_word_char) {
        out.push_str(&text[last..start]);
        last = start + w.len();
        let in_domain = match from {
            Legacy::Tcvn3 => w.chars().all(tcvn3::in_domain),
            Legacy::Vni => w.chars().all(vni::in_domain),
        };
        let valid = is_vietnamese_syllable(w);
        if !in_domain {
            out.push_str(w);
            if valid {
                tally.unicode += 1;
            } else {
                tally.garbled += 1;
            }
            continue;
        }
        word.clear();
        match from {
            Legacy::Tcvn3 => push_tcvn3(w, upper_text, &mut word),
            Legacy::Vni => vni::push_word(w, &mut word),
        }
        if word == w {
            // ASCII (codes, acronyms), or the same in both ("chính" in VNI).
            out.push_str(w);
            if !valid && !w.is_ascii() {
                tally.garbled += 1;
            }
        } else if is_vietnamese_syllable(&word) || is_dj_code(&word) {
            out.push_str(&word);
            if valid {
                tally.ambiguous += 1;
            } else {
                tally.converted += 1;
            }
        } else if valid {
            out.push_str(w);
            tally.unicode += 1;
        } else {
            out.push_str(&word);
            tally.garbled += 1;
        }
    }
    out.push_str(&text[last..]);
    let certain = tally.garbled == 0
        && tally.converted + tally.ambiguous > 0
        && (tally.unicode == 0 || tally.ambiguous == 0);
    Converted { text: out, certain }
}

/// A code written with Đ, as symbols are ("NĐ-CP", "HĐND", "QĐ"): capitals
/// only, one Đ at least. Legacy text writes the Đ as a byte of its own, so
/// the word is legacy as surely as a syllable that converts.
fn is_dj_code(w: &str) -> bool {
    w.chars().count() >= 2
        && w.contains('Đ')
        && w.chars().all(|c| c == 'Đ' || c.is_ascii_uppercase())
}

/// Convert legacy text to Unicode (NFC), for text known to be in `from` (a
/// Word run in a `.VnTime` font): [`convert_legacy`]'s text.
pub fn legacy_to_unicode(text: &str, from: Legacy) -> String {
    convert_legacy(text, from).text
}

/// ASCII letters mostly capitals: a heading typed in `.VnTimeH`.
fn mostly_upper(text: &str) -> bool {
    let upper = text.chars().filter(char::is_ascii_uppercase).count();
    let lower = text.chars().filter(char::is_ascii_lowercase).count();
    upper >= 2 && upper > 3 * lower
}

/// One TCVN3 word. Capitals come from `.VnTimeH`, which draws the lower-case
/// bytes as capitals: a word whose ASCII letters are all capitals (two or
/// more, or one in an all-capitals text) is converted to capitals.
fn push_tcvn3(word: &str, upper_text: bool, out: &mut String) {
    let upper = word.chars().filter(char::is_ascii_uppercase).count();
    let lower = word.chars().filter(char::is_ascii_lowercase).count();
    let caps = lower == 0 && (upper >= 2 || upper_text);
    for c in word.chars() {
        match tcvn3::letter(c) {
            Some(l) if caps => out.extend(crate::text::upper_char(l)),
            Some(l) => out.push(l),
            None => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORRECT_VI: &str = "Thực hiện Kế hoạch số 347/KH-UBND ngày 26/12/2025 của Ủy ban nhân dân thành phố, \
        Ủy ban nhân dân phường Hồng An ban hành Kế hoạch triển khai thực hiện như sau: tổ chức quán triệt, \
        tuyên truyền, phổ biến sâu rộng đến cán bộ, đảng viên và Nhân dân; bảo đảm dân chủ ở cơ sở, \
        khỏe mạnh, hòa hợp, thủy lợi, quý vị, hoà bình, thuỷ sản, khoẻ; Độc lập - Tự do - Hạnh phúc. \
        Phòng Văn hóa - Xã hội chủ trì, phối hợp với Công an phường và các cơ quan, đơn vị liên quan./.";
    const ENGLISH: &str =
        "The ward committee will implement the plan in 2026, with the café owners' association, \
        naïve résumés, Zürich, Ångström and façades; © 2026 · § 3 × 4 ÷ 2 « quoted » µm ½.";

    #[test]
    fn ascii_word_chars_are_the_letters() {
        // What `words_by` assumes of `legacy_word_char`.
        for c in '\0'..='\x7F' {
            assert_eq!(legacy_word_char(c), c.is_ascii_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn non_letter_bytes_are_the_only_split_difference() {
        for c in '\u{80}'..='\u{FFFF}' {
            let differs = legacy_word_char(c) != is_word_char(c);
            let mut buf = [0; 4];
            assert!(
                !differs || !splits_like_words(c.encode_utf8(&mut buf)),
                "{c:?}"
            );
        }
        assert!(splits_like_words("Kế hoạch\u{A0}năm 2026"));
        assert!(!splits_like_words("KÕ ho¹ch"));
    }

    #[test]
    fn quiet_on_correct_text() {
        assert_eq!(detect_legacy(CORRECT_VI), None);
        assert_eq!(detect_legacy(ENGLISH), None);
        assert_eq!(detect_legacy("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), None);
        assert_eq!(detect_legacy("ÁN, ÉP, Ô TÔ, ÚT, Ý KIẾN, ÔNG"), None);
        assert_eq!(detect_legacy(""), None);
        assert_eq!(detect_legacy("KH-UBND"), None);
    }

    #[test]
    fn quiet_on_long_correct_sentences() {
        for s in [
            "Ủy ban nhân dân phường Hồng An ban hành Kế hoạch triển khai thực hiện Nghị quyết số 82/NQ-HĐND \
             ngày 10/12/2025 của Hội đồng nhân dân thành phố về nhiệm vụ phát triển kinh tế - xã hội năm 2026, \
             với mục đích quán triệt đầy đủ, sâu sắc các quan điểm, mục tiêu, nhiệm vụ và giải pháp đã đề ra.",
            "Cơ quan chủ trì: Phòng Văn hóa - Xã hội; cơ quan phối hợp: Công an phường, Trung tâm Phục vụ hành chính công; \
             thời gian thực hiện: thường xuyên; hình thức: ban hành văn bản, tổ chức hội nghị, kiểm tra, giám sát.",
            "Trên đây là Kế hoạch thực hiện dân chủ ở cơ sở năm 2026 của Ủy ban nhân dân phường Hồng An. \
             Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai, báo cáo kết quả trước ngày 05/6 và 10/11./.",
            "ĐẢNG CỘNG SẢN VIỆT NAM - ĐẢNG ỦY PHƯỜNG HỒNG AN - CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN NGHỊ QUYẾT",
            "Khỏe mạnh, hòa bình, thủy lợi, hoà hợp, thuỷ sản, khoẻ khoắn, quý, quỳ, huỳnh, khuỷu tay, nghiêng, người ấy ạ.",
            "ÐẢNG CỘNG SẢN VIỆT NAM, Ðinh Văn An, Ðà Nẵng",
            "Le comité de quartier prépare un plan annuel; der Ausschuß für Bürgerbeteiligung; señor Muñoz; café, naïve, coöperate.",
            "Minutes: the People's Committee approved 12 tasks (≥ 15 %), see § 4 and annex II × 2 – “final” version…",
        ] {
            assert_eq!(detect_legacy(s), None, "{s}");
        }
    }

    #[test]
    fn tcvn3_detected_and_converted() {
        for (legacy, unicode) in [
            ("KÕ ho¹ch", "Kế hoạch"),
            ("Uû ban nh©n d©n", "Uỷ ban nhân dân"),
            (
                "Céng hßa x· héi chñ nghÜa ViÖt Nam",
                "Cộng hòa xã hội chủ nghĩa Việt Nam",
            ),
            ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
            (
                "Ph\u{AD}êng Hång An tæ chøc thùc hiÖn ®\u{AD}îc",
                "Phường Hồng An tổ chức thực hiện được",
            ),
            (
                "CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            ),
            ("KÕ HO¹CH", "KẾ HOẠCH"),
            ("Uû BAN NH©N D©N PH¦êNG", "UỶ BAN NHÂN DÂN PHƯỜNG"),
            ("§éC LËP - Tù DO - H¹NH PHóC", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"),
            (
                "Trªn ®©y lµ KÕ ho¹ch cña Uû ban nh©n d©n ph\u{AD}êng./.",
                "Trên đây là Kế hoạch của Uỷ ban nhân dân phường./.",
            ),
        ] {
            assert_eq!(detect_legacy(legacy), Some(Legacy::Tcvn3), "{legacy}");
            assert_eq!(legacy_to_unicode(legacy, Legacy::Tcvn3), unicode);
        }
    }

    #[test]
    fn vni_detected_and_converted() {
        for (legacy, unicode) in [
            ("Keá hoaïch", "Kế hoạch"),
            ("UÛy ban nhaân daân", "Ủy ban nhân dân"),
            ("Xin chaøo caùc baïn", "Xin chào các bạn"),
            (
                "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            ),
            ("ñöôïc ngöôøi daân ñoàng tình", "được người dân đồng tình"),
        ] {
            assert_eq!(detect_legacy(legacy), Some(Legacy::Vni), "{legacy}");
            assert_eq!(legacy_to_unicode(legacy, Legacy::Vni), unicode);
        }
    }

    #[test]
    fn unicode_words_in_mixed_text_are_kept() {
        assert_eq!(legacy_to_unicode("Kế ho¹ch", Legacy::Tcvn3), "Kế hoạch");
        let c = convert_legacy("Số 05, ngày 15/01/2026: KÕ ho¹ch", Legacy::Tcvn3);
        assert_eq!(c.text, "Số 05, ngày 15/01/2026: Kế hoạch");
        assert!(c.certain);
    }

    #[test]
    fn words_the_same_in_both_encodings_do_not_make_text_mixed() {
        // The fault of issue 19: "chính" reads the same in VNI and Unicode;
        // "Soá", "hoà", "sô" are valid both ways. The whole text is VNI.
        let c = convert_legacy("Chính quyeàn Soá hoùa hoà sô", Legacy::Vni);
        assert_eq!(c.text, "Chính quyền Số hóa hồ sơ");
        assert!(c.certain);
    }

    #[test]
    fn symbols_with_dj_convert_with_the_text() {
        // "NÑ-CP" is VNI for "NĐ-CP": a code, not a syllable, yet surely legacy.
        let c = convert_legacy("Nghò ñònh soá 66/2021/NÑ-CP cuûa Chính phuû", Legacy::Vni);
        assert_eq!(c.text, "Nghị định số 66/2021/NĐ-CP của Chính phủ");
        assert!(c.certain, "{c:?}");
        let c = convert_legacy("Nghò quyeát cuûa HÑND phöôøng", Legacy::Vni);
        assert_eq!(c.text, "Nghị quyết của HĐND phường");
        assert!(c.certain, "{c:?}");
        // A word of lower-case letters that does not read is still garbled.
        assert!(!convert_legacy("Keá hoaïch ñx", Legacy::Vni).certain);
    }

    #[test]
    fn unicode_mixed_with_words_valid_both_ways_is_not_certain() {
        // "Được" cannot be VNI; "sô" may be Unicode "sô" or VNI "sơ".
        let c = convert_legacy("Được hoùa sô", Legacy::Vni);
        assert!(!c.certain, "{c:?}");
        // A word valid neither way: no sure reading.
        assert!(!convert_legacy("Keá hoaïch xqzø", Legacy::Vni).certain);
        // Nothing to convert is nothing certain.
        assert!(!convert_legacy("Kế hoạch", Legacy::Vni).certain);
    }
}

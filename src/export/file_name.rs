//! The name an exported file gets: the document's subject in ASCII words,
//! cut between words so that no number or word is ever cut in half
//! ("…-ngay-11-12-2025", never "…-ngay-11-12-202").

use crate::model::Document;

/// At most this many characters before the extension (whole words only).
const MAX_STEM: usize = 80;

/// The file name of `doc` without its extension: lower-case ASCII words of
/// the subject joined by "-", cut after the last whole word that fits in
/// `MAX_STEM`; "ke-hoach" when the subject has no letter or digit.
pub fn file_stem(doc: &Document) -> String {
    stem_of(&doc.header.subject)
}

/// `file_stem` of a subject.
pub fn stem_of(subject: &str) -> String {
    let slug = crate::model::edit::slug(subject);
    let mut out = String::new();
    for word in slug.split('_').filter(|w| !w.is_empty()) {
        let extra = if out.is_empty() { 0 } else { 1 };
        if out.len() + extra + word.len() > MAX_STEM {
            // A single word longer than the limit is kept whole: a name too
            // long beats a word cut in half.
            if out.is_empty() {
                out.push_str(word);
            }
            break;
        }
        if extra == 1 {
            out.push('-');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        "ke-hoach".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::stem_of;

    #[test]
    fn a_long_subject_is_cut_between_words_never_inside_a_number() {
        let subject = "Triển khai thực hiện Nghị quyết số 82/NQ-CP của Chính phủ về các nhiệm vụ, giải pháp trọng tâm ngày 11/12/2025";
        let stem = stem_of(subject);
        assert!(stem.len() <= 80, "{stem}");
        assert!(
            stem.starts_with("trien-khai-thuc-hien-nghi-quyet-so-82-nq-cp"),
            "{stem}"
        );
        // Every word of the name is a whole word of the subject.
        let whole = crate::model::edit::slug(subject);
        let words: Vec<&str> = whole.split('_').collect();
        for w in stem.split('-') {
            assert!(words.contains(&w), "{w} of {stem} is cut");
        }
        assert!(!stem.ends_with("202"), "{stem}");
    }

    #[test]
    fn the_date_is_whole_when_it_fits() {
        assert_eq!(
            stem_of("Kế hoạch tuyên truyền ngày 11/12/2025"),
            "ke-hoach-tuyen-truyen-ngay-11-12-2025"
        );
        // The old cut at 60 characters left "…-ngay-11-12-202".
        let s = stem_of("Tổ chức các hoạt động kỷ niệm và tuyên truyền ngày 11/12/2025");
        assert_eq!(
            s,
            "to-chuc-cac-hoat-dong-ky-niem-va-tuyen-truyen-ngay-11-12-2025"
        );
        let s = stem_of(
            "Tổ chức các hoạt động kỷ niệm và tuyên truyền rộng rãi trên địa bàn phường ngày 11/12/2025",
        );
        assert_eq!(
            s,
            "to-chuc-cac-hoat-dong-ky-niem-va-tuyen-truyen-rong-rai-tren-dia-ban-phuong-ngay"
        );
    }

    #[test]
    fn an_empty_subject_gives_a_plain_name() {
        assert_eq!(stem_of(""), "ke-hoach");
        assert_eq!(stem_of(" ,;/ "), "ke-hoach");
        assert_eq!(stem_of("Đảng ủy"), "dang-uy");
    }
}

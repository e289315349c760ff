//! A file handed to the importer, whatever it is: a Word file (.docx), text in
//! UTF-8 or UTF-16, or something the importer cannot read (.doc, .odt, PDF,
//! text in a legacy 8-bit encoding), told apart by its first bytes, not its
//! name, with a message that says what to do.

use super::docx::{self, DocxError};
use super::{recognize, Imported};
use crate::Lang;

/// Why a file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// The Word reader's own message (damaged, .doc, password, .odt, PDF …).
    Docx(DocxError),
    /// Text that is not UTF-8: the line of the first byte that is not.
    NotUtf8 { line: usize },
    /// A JSON plan of this app: it opens with «Nhập JSON…».
    Json,
    /// Recognised, but larger than the editor opens (`model::limits`).
    TooLarge(crate::model::json::ImportError),
}

impl FileError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (FileError::Docx(e), _) => e.message(lang),
            (FileError::NotUtf8 { line }, Lang::Vi) => format!(
                "Tệp văn bản không ở dạng Unicode UTF-8 (từ dòng {line}); có lẽ được gõ bằng bảng mã cũ (TCVN3, VNI hoặc Windows-1258). Hãy mở tệp trong Word hoặc Notepad rồi lưu lại dưới dạng UTF-8, hoặc chép nội dung và dùng «Dán cả văn bản»."
            ),
            (FileError::NotUtf8 { line }, Lang::En) => format!(
                "The text file is not Unicode UTF-8 (from line {line}); it was probably typed in a legacy encoding (TCVN3, VNI or Windows-1258). Open it in Word or Notepad and save it as UTF-8, or copy its text and use «Paste a whole plan»."
            ),
            (FileError::Json, Lang::Vi) => "Đây là tệp JSON của kế hoạch: hãy mở bằng «Nhập JSON…».".into(),
            (FileError::Json, Lang::En) => "This is a plan's JSON file: open it with «Import JSON…».".into(),
            (FileError::TooLarge(e), Lang::Vi) => e.message_vi.clone(),
            (FileError::TooLarge(e), Lang::En) => e.message_en.clone(),
        }
    }
}

/// Whether a file name is one the importer reads (Word, text), or one it names
/// (.doc) to say what to do, rather than a plan's JSON.
pub fn is_importable_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".docx", ".txt", ".doc"].iter().any(|e| lower.ends_with(e))
}

/// Import a file's bytes.
pub fn import_bytes(bytes: &[u8]) -> Result<Imported, FileError> {
    if for_word_reader(bytes) {
        let source = docx::read_docx(bytes).map_err(FileError::Docx)?;
        return within_limits(recognize::recognize(&source));
    }
    let text = decode_text(bytes)?;
    if text.trim_start().starts_with('{') && text.contains("\"format\"") {
        return Err(FileError::Json);
    }
    within_limits(super::import_text(&text))
}

/// An import the editor can open: within the limits every other way in holds
/// (`model::limits`), so a huge Word file never reaches the editor.
pub fn within_limits(imported: Imported) -> Result<Imported, FileError> {
    crate::model::limits::check(&imported.document).map_err(FileError::TooLarge)?;
    Ok(imported)
}

/// A zip (.docx, .odt), an OLE file (.doc, a password-protected .docx) or a
/// PDF: the Word reader reads the first and names the others.
fn for_word_reader(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"PK\x05\x06")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        || bytes.starts_with(b"%PDF")
}

/// Text from UTF-8 (with or without a byte order mark) or UTF-16 with its mark
/// (what Notepad writes as "Unicode").
pub fn decode_text(bytes: &[u8]) -> Result<String, FileError> {
    let utf16 = |le: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    match bytes {
        [0xFF, 0xFE, ..] => return Ok(utf16(true)),
        [0xFE, 0xFF, ..] => return Ok(utf16(false)),
        _ => {}
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    std::str::from_utf8(body).map(str::to_string).map_err(|e| {
        let line = 1 + body[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        FileError::NotUtf8 { line }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_or_without_a_mark_and_utf16_with_one_are_read() {
        assert_eq!(decode_text("Kế hoạch".as_bytes()).unwrap(), "Kế hoạch");
        assert_eq!(decode_text(b"\xEF\xBB\xBFK").unwrap(), "K");
        let mut le = vec![0xFF, 0xFE];
        le.extend("Kế".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_text(&le).unwrap(), "Kế");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Kế".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode_text(&be).unwrap(), "Kế");
    }

    #[test]
    fn legacy_bytes_are_refused_with_the_line_and_the_fix() {
        // "Kế hoạch" in Windows-1258 on line 2.
        let e = decode_text(b"dong 1\nK\xEA\xEC ho\xE5ch").unwrap_err();
        assert_eq!(e, FileError::NotUtf8 { line: 2 });
        let vi = e.message(Lang::Vi);
        assert!(vi.contains("dòng 2") && vi.contains("UTF-8") && vi.contains("Dán cả văn bản"));
        assert!(e.message(Lang::En).contains("line 2"));
    }

    #[test]
    fn a_plan_over_the_editor_limits_is_refused_whole() {
        let rows = crate::model::limits::MAX_ROWS + 1;
        let text = crate::export::text::to_text(&crate::model::sample::generated_plan(rows));
        let e = import_bytes(text.as_bytes()).unwrap_err();
        assert!(matches!(e, FileError::TooLarge(_)));
        assert!(e.message(Lang::Vi).starts_with("Văn bản quá lớn"));
    }

    #[test]
    fn a_plan_json_is_sent_to_the_json_import() {
        let json = crate::model::json::to_json(&crate::model::Document::new(
            crate::model::DocKind::Plan,
            crate::model::Profile::State,
        ));
        assert_eq!(import_bytes(json.as_bytes()).unwrap_err(), FileError::Json);
    }
}

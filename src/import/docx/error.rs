//! Why a file could not be read, in words a ward officer understands, with
//! what to do about it.

use crate::Lang;

/// A file that `read_docx` cannot read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// No bytes at all.
    Empty,
    /// An OLE compound file: a Word 97–2003 `.doc` (or another old Office
    /// file), or a password-protected file whose directory could not be read.
    OldWord,
    /// An OLE compound file holding an `EncryptedPackage` stream: a .docx
    /// protected by a password (Word encrypts it inside an OLE container).
    Encrypted,
    /// An OpenDocument file (LibreOffice Writer `.odt` or another ODF type).
    OpenDocument,
    Pdf,
    /// Rich Text Format (`{\rtf`).
    Rtf,
    /// Neither a ZIP archive nor a known format.
    NotZip,
    /// A ZIP archive that cannot be read (cut short, corrupted, or a
    /// compression method this reader does not have).
    Damaged,
    /// A ZIP archive without a Word document part (Excel, PowerPoint, a .zip).
    NoDocument,
    /// A part whose XML is broken.
    BrokenXml {
        part: String,
    },
    /// The file or its unpacked content is over the limit (`limit_mb`).
    TooLarge {
        limit_mb: u64,
    },
}

const SAVE_AS_VI: &str =
    "Mở tệp trong Word rồi chọn Tệp → Lưu thành… → Word Document (.docx), sau đó nhập tệp .docx vừa lưu.";
const SAVE_AS_EN: &str =
    "Open the file in Word, choose File → Save As… → Word Document (.docx), then import the saved .docx file.";

impl DocxError {
    /// The message shown to the user: what the file is and what to do.
    pub fn message(&self, lang: Lang) -> String {
        let (vi, en) = self.sentences();
        lang.pick(vi, en)
    }

    fn sentences(&self) -> (String, String) {
        let s = |vi: &str, en: &str| (vi.to_string(), en.to_string());
        match self {
            DocxError::Empty => s(
                "Tệp rỗng, không có nội dung. Hãy chọn lại đúng tệp Word (.docx).",
                "The file is empty. Please choose the Word file (.docx) again.",
            ),
            DocxError::OldWord => (
                format!("Tệp này là tệp Word 97–2003 (.doc) hoặc tệp Word có đặt mật khẩu, chương trình chỉ đọc được tệp .docx. {SAVE_AS_VI} Nếu tệp có mật khẩu, hãy bỏ mật khẩu trước khi lưu."),
                format!("This is a Word 97–2003 file (.doc) or a password-protected Word file; only .docx files can be read. {SAVE_AS_EN} If the file has a password, remove it before saving."),
            ),
            DocxError::Encrypted => s(
                "Tệp Word này được bảo vệ bằng mật khẩu nên không đọc được. Mở tệp trong Word, nhập mật khẩu, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu → Mã hóa bằng mật khẩu, xóa mật khẩu rồi bấm OK), lưu lại thành .docx rồi nhập lại.",
                "This Word file is protected by a password and cannot be read. Open it in Word, enter the password, remove it (File → Info → Protect Document → Encrypt with Password, clear the password, OK), save as .docx and import it again.",
            ),
            DocxError::OpenDocument => s(
                "Tệp này là tệp OpenDocument (.odt, của LibreOffice hoặc OpenOffice), không phải tệp Word. Mở tệp trong LibreOffice Writer hoặc Word rồi lưu thành Word Document (.docx), sau đó nhập tệp .docx vừa lưu.",
                "This is an OpenDocument file (.odt, from LibreOffice or OpenOffice), not a Word file. Open it in LibreOffice Writer or Word, save it as Word Document (.docx), then import the saved .docx file.",
            ),
            DocxError::Pdf => s(
                "Tệp này là tệp PDF, không nhập được. Hãy tìm bản Word (.docx) của văn bản; nếu chỉ có PDF, mở bằng Word (Word chuyển PDF thành văn bản), kiểm tra lại rồi lưu thành .docx để nhập.",
                "This is a PDF file, which cannot be imported. Find the Word (.docx) version of the document; if you only have the PDF, open it in Word (Word converts it), check it, and save it as .docx to import.",
            ),
            DocxError::Rtf => (
                format!("Tệp này là tệp RTF, không phải tệp .docx. {SAVE_AS_VI}"),
                format!("This is an RTF file, not a .docx file. {SAVE_AS_EN}"),
            ),
            DocxError::NotZip => (
                format!("Tệp này không phải tệp Word (.docx). Nếu đây là văn bản Word ở dạng khác, {}", lower_first(SAVE_AS_VI)),
                format!("This is not a Word file (.docx). If it is a Word document in another format, {}", lower_first(SAVE_AS_EN)),
            ),
            DocxError::Damaged => (
                format!("Tệp Word bị hỏng hoặc không trọn vẹn (có thể tải về chưa xong), không đọc được. Hãy tải lại hoặc chép lại tệp; nếu Word mở được tệp, {}", lower_first(SAVE_AS_VI)),
                format!("The Word file is damaged or incomplete (perhaps not fully downloaded) and cannot be read. Download or copy it again; if Word opens it, {}", lower_first(SAVE_AS_EN)),
            ),
            DocxError::NoDocument => s(
                "Tệp này là tệp nén nhưng không chứa văn bản Word (có thể là tệp Excel, PowerPoint hoặc tệp .zip). Hãy chọn đúng tệp Word (.docx).",
                "This file is an archive but holds no Word document (it may be an Excel, PowerPoint or .zip file). Please choose the Word file (.docx).",
            ),
            DocxError::BrokenXml { part } => (
                format!("Tệp Word bị hỏng: một phần nội dung không đọc được (phần {part}). Mở tệp trong Word; nếu Word sửa được, lưu lại thành .docx rồi nhập lại."),
                format!("The Word file is damaged: part of its content cannot be read (part {part}). Open it in Word; if Word repairs it, save it again as .docx and import it again."),
            ),
            DocxError::TooLarge { limit_mb } => (
                format!("Tệp quá lớn để nhập: nội dung vượt quá {limit_mb} MB. Văn bản kế hoạch thường nhỏ hơn nhiều; hãy xóa hình ảnh, bảng dữ liệu lớn không cần thiết trong Word, lưu lại rồi nhập lại."),
                format!("The file is too large to import: its content is over {limit_mb} MB. A plan is usually far smaller; remove pictures and large data tables you do not need in Word, save, and import again."),
            ),
        }
    }
}

/// "Mở tệp…" → "mở tệp…", to continue a sentence.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => crate::text::to_lower(&f.to_string()) + c.as_str(),
        None => String::new(),
    }
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for DocxError {}

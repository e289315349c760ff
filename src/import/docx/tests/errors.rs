//! Files that are not .docx, or broken, or too large: each refused with a
//! message saying what the file is and what to do.

use super::{docx, p, zip_parts, NS};
use crate::import::docx::container::Limits;
use crate::import::docx::{read_docx, read_with, DocxError};
use crate::Lang;
use std::io::Write;

fn err(bytes: &[u8]) -> DocxError {
    read_docx(bytes).unwrap_err()
}

fn assert_says(e: &DocxError, words: &[&str]) {
    let vi = e.message(Lang::Vi);
    for w in words {
        assert!(vi.contains(w), "{w:?} missing in {vi}");
    }
    let en = e.message(Lang::En);
    assert!(en.ends_with('.') && !en.contains("Error"), "{en}");
}

#[test]
fn other_kinds_of_file_are_named_with_what_to_do() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(2048, 0);
    let e = err(&ole);
    assert_eq!(e, DocxError::OldWord);
    assert_says(
        &e,
        &[".doc", "mật khẩu", "Lưu thành", "Word Document (.docx)"],
    );

    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    ole[1024..1024 + name.len()].copy_from_slice(&name);
    let e = err(&ole);
    assert_eq!(e, DocxError::Encrypted);
    assert_says(&e, &["mật khẩu", "bỏ mật khẩu", ".docx"]);

    let odt = zip_parts(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", b"<x/>"),
    ]);
    assert_says(
        &err(&odt),
        &["OpenDocument", ".odt", "lưu thành Word Document (.docx)"],
    );
    assert_says(&err(b"%PDF-1.7\n..."), &["PDF", ".docx"]);
    assert_says(&err(b"{\\rtf1\\ansi hello}"), &["RTF", "Lưu thành"]);
    assert_says(
        &err(b"just some text"),
        &["không phải tệp Word", "Lưu thành"],
    );
    assert_says(&err(b""), &["rỗng"]);
}

#[test]
fn broken_packages_are_refused_with_a_reason() {
    let good = docx(&p(None, "x"), None, None);
    let e = err(&good[..good.len() - 30]);
    assert_eq!(e, DocxError::Damaged);
    assert_says(&e, &["bị hỏng", "tải lại"]);

    let xlsx = zip_parts(&[("xl/workbook.xml", b"<workbook/>")]);
    assert_says(&err(&xlsx), &["không chứa văn bản Word", "Excel"]);

    let broken = zip_parts(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>")]);
    let e = err(&broken);
    assert_eq!(
        e,
        DocxError::BrokenXml {
            part: "word/document.xml".into()
        }
    );
    assert_says(&e, &["bị hỏng", "Mở tệp trong Word"]);

    // A bad checksum (one byte changed inside a stored part).
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("word/document.xml", stored).unwrap();
    w.write_all(format!("<w:document {NS}><w:body/></w:document>").as_bytes())
        .unwrap();
    let mut bytes = w.finish().unwrap().into_inner();
    let at = bytes.windows(6).position(|x| x == b"<w:bod").unwrap();
    bytes[at + 3] = b'B';
    assert_eq!(err(&bytes), DocxError::Damaged);
}

#[test]
fn sizes_are_limited_while_inflating() {
    // 2 KB of XML deflates to far less: the limit counts what comes out.
    let body = p(None, &"a".repeat(2000));
    let bytes = docx(&body, None, None);
    assert!(bytes.len() < 1000);
    let small = Limits {
        part: 1000,
        total: 10_000,
    };
    let e = read_with(&bytes, small).unwrap_err();
    assert!(matches!(e, DocxError::TooLarge { .. }), "{e:?}");
    assert_says(&e, &["quá lớn", "MB"]);
    // Each part under the part limit, together over the total.
    let styles = format!("<!-- {} -->", "s".repeat(500));
    let bytes = docx(&p(None, &"a".repeat(500)), Some(&styles), Some(&styles));
    let e = read_with(
        &bytes,
        Limits {
            part: 1000,
            total: 2000,
        },
    )
    .unwrap_err();
    assert!(matches!(e, DocxError::TooLarge { .. }), "{e:?}");
    assert!(read_with(
        &bytes,
        Limits {
            part: 1000,
            total: 4000
        }
    )
    .is_ok());
}

#[test]
fn sizes_in_the_zip_headers_are_not_trusted() {
    let body = p(None, &"a".repeat(5000));
    let mut bytes = docx(&body, None, None);
    // Claim an uncompressed size of 100 bytes in both headers.
    for sig in [&b"PK\x03\x04"[..], b"PK\x01\x02"] {
        let at = bytes.windows(4).position(|x| x == sig).unwrap();
        let field = at + if sig[2] == 3 { 22 } else { 24 };
        bytes[field..field + 4].copy_from_slice(&100u32.to_le_bytes());
    }
    let e = read_with(
        &bytes,
        Limits {
            part: 1000,
            total: 10_000,
        },
    )
    .unwrap_err();
    assert!(matches!(e, DocxError::TooLarge { .. }), "{e:?}");
}

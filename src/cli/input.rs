//! Every file the CLI reads comes through [`read_input`]: only ordinary files
//! (or `-`, standard input), at most `KEHOACH_MAX_INPUT_MB` megabytes (50 by
//! default; read with a bound, so even standard input cannot fill the memory),
//! and only UTF-8 text, with a message naming UTF-16 or the legacy Vietnamese
//! 8-bit encodings and how to fix them. A Word or text file is imported
//! (`cli::import`) from the same bytes.

use super::oserr::describe;
use crate::model::Document;
use crate::Lang;
use std::fs::File;
use std::io::{self, Read};

/// The environment variable setting the input size limit, in megabytes.
pub const LIMIT_VAR: &str = "KEHOACH_MAX_INPUT_MB";
/// The input size limit when the variable is not set, in megabytes.
pub const DEFAULT_LIMIT_MB: u64 = 50;

/// How a path is named in messages: the file name, or standard input for `-`.
pub fn place(path: &str, lang: Lang) -> String {
    if path == "-" {
        lang.pick("đầu vào chuẩn (stdin)", "standard input")
            .to_string()
    } else {
        path.to_string()
    }
}

/// Read and parse one plan, with a message in the chosen language on failure.
/// A Word or text file (by its name) is imported first.
pub fn load(path: &str, lang: Lang) -> Result<Document, String> {
    if crate::import::file::is_importable_name(path) {
        return super::import::read(path, lang).map(|i| i.document);
    }
    let text = read_input(path, lang)?;
    parse(path, &text, lang)
}

/// Parse text read from `path` as a plan; the message names the path.
pub fn parse(path: &str, text: &str, lang: Lang) -> Result<Document, String> {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(format!(
            "{}: {}",
            place(path, lang),
            lang.pick(
                "tệp trống, không có nội dung kế hoạch nào.",
                "the file is empty: it holds no plan."
            )
        ));
    }
    crate::model::json::from_json(text)
        .map_err(|e| format!("{}: {}", place(path, lang), e.message(lang)))
}

/// The text of the file at `path` (`-`: standard input), or why it cannot be
/// read, in the chosen language, naming the file.
pub fn read_input(path: &str, lang: Lang) -> Result<String, String> {
    let fail = |why: String| match lang {
        Lang::Vi => format!("{}: không đọc được tệp: {why}", place(path, lang)),
        Lang::En => format!("{}: cannot read the file: {why}", place(path, lang)),
    };
    decode(read_bytes(path, lang)?, lang).map_err(fail)
}

/// The bytes of the file at `path` (`-`: standard input): an ordinary file
/// within the size limit, or why not.
pub fn read_bytes(path: &str, lang: Lang) -> Result<Vec<u8>, String> {
    let fail = |why: String| match lang {
        Lang::Vi => format!("{}: không đọc được tệp: {why}", place(path, lang)),
        Lang::En => format!("{}: cannot read the file: {why}", place(path, lang)),
    };
    let limit = limit_bytes(lang)?;
    let bytes = if path == "-" {
        read_bounded(io::stdin().lock(), limit)
    } else {
        read_file(path, limit, lang)?
    }
    .map_err(|e| fail(format!("{}.", describe(&e, lang))))?;
    if bytes.len() as u64 > limit {
        return Err(fail(too_big(limit, lang)));
    }
    Ok(bytes)
}

/// The limit in bytes, from `KEHOACH_MAX_INPUT_MB` or the default.
fn limit_bytes(lang: Lang) -> Result<u64, String> {
    let mb = match std::env::var(LIMIT_VAR) {
        Err(_) => DEFAULT_LIMIT_MB,
        Ok(v) => match v.trim().parse::<u64>() {
            Ok(n @ 1..=100_000) => n,
            _ => {
                return Err(match lang {
                    Lang::Vi => format!("biến môi trường {LIMIT_VAR} phải là một số nguyên từ 1 đến 100000 (megabyte), nhận «{v}»."),
                    Lang::En => format!("the environment variable {LIMIT_VAR} must be a whole number from 1 to 100000 (megabytes), found “{v}”."),
                })
            }
        },
    };
    Ok(mb * 1024 * 1024)
}

fn too_big(limit: u64, lang: Lang) -> String {
    let mb = limit / (1024 * 1024);
    match lang {
        Lang::Vi => format!("tệp lớn hơn giới hạn {mb} MB; một kế hoạch không lớn như vậy (đổi giới hạn bằng biến môi trường {LIMIT_VAR})."),
        Lang::En => format!("the file is larger than the {mb} MB limit; a plan is never that large (change the limit with the environment variable {LIMIT_VAR})."),
    }
}

/// At most `limit + 1` bytes: one more than allowed tells that it is too big.
fn read_bounded(r: impl Read, limit: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    r.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// An ordinary file only: a folder, a pipe (FIFO) or a device is refused
/// before it is opened, so nothing blocks or reads for ever.
fn read_file(path: &str, limit: u64, lang: Lang) -> Result<io::Result<Vec<u8>>, String> {
    let refuse = |why: &str| format!("{path}: {why}");
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return Ok(Err(e)),
    };
    if meta.is_dir() {
        return Err(refuse(lang.pick(
            "đây là một thư mục, không phải tệp.",
            "this is a folder, not a file.",
        )));
    }
    if !meta.is_file() {
        return Err(refuse(lang.pick(
            "đây không phải tệp thông thường (có thể là ống dẫn FIFO hay thiết bị); chỉ đọc được tệp lưu trên đĩa.",
            "this is not an ordinary file (perhaps a pipe (FIFO) or a device); only files stored on disk can be read.",
        )));
    }
    if meta.len() > limit {
        return Err(refuse(&too_big(limit, lang)));
    }
    Ok(File::open(path).and_then(|f| read_bounded(f, limit)))
}

/// UTF-8 text, or why not: UTF-16, a Word or zip file, NUL bytes, or bytes
/// that are not UTF-8 (a legacy 8-bit Vietnamese encoding).
fn decode(bytes: Vec<u8>, lang: Lang) -> Result<String, String> {
    if let Some(name) = utf16(&bytes) {
        return Err(match lang {
            Lang::Vi => format!("tệp được lưu bằng bảng mã {name} (Notepad gọi là “Unicode”), không phải UTF-8. Hãy mở tệp rồi lưu lại dưới dạng UTF-8."),
            Lang::En => format!("the file is in the {name} encoding (Notepad calls it “Unicode”), not UTF-8. Open the file and save it again as UTF-8."),
        });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(lang
            .pick(
                "đây là tệp nén (có thể là tệp Word .docx), không phải tệp kế hoạch JSON.",
                "this is a zip file (perhaps a Word .docx file), not a JSON plan file.",
            )
            .to_string());
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let (line, col) = line_col(&bytes, at);
        return Err(match lang {
            Lang::Vi => format!("tệp chứa byte 0 (NUL) ở dòng {line}, cột {col}: đây không phải tệp văn bản JSON."),
            Lang::En => format!("the file holds a zero (NUL) byte at line {line}, column {col}: it is not a JSON text file."),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let (line, col) = line_col(e.as_bytes(), at);
        let byte = at + 1;
        match lang {
            Lang::Vi => format!("tệp không phải UTF-8: byte thứ {byte} (dòng {line}, cột {col}) không hợp lệ; có lẽ tệp được lưu bằng bảng mã 8-bit cũ của tiếng Việt (Windows-1258, TCVN3 hoặc VNI). Hãy mở tệp rồi lưu lại dưới dạng UTF-8."),
            Lang::En => format!("the file is not UTF-8: byte {byte} (line {line}, column {col}) is not valid; it is probably in a legacy 8-bit Vietnamese encoding (Windows-1258, TCVN3 or VNI). Open the file and save it again as UTF-8."),
        }
    })
}

/// "UTF-16 LE" or "UTF-16 BE": by the byte order mark, or without one by the
/// zero bytes every other byte (the high half of each ASCII character).
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some("UTF-16 LE");
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("UTF-16 BE");
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros_at = |odd: usize| sample.chunks_exact(2).filter(|p| p[odd] == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= pairs * 4 && even * 10 < pairs {
        Some("UTF-16 LE")
    } else if even * 10 >= pairs * 4 && odd * 10 < pairs {
        Some("UTF-16 BE")
    } else {
        None
    }
}

/// The line and column (from 1, columns in characters) of byte `at`.
fn line_col(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    #[test]
    fn utf16_is_named_with_or_without_a_mark() {
        let e = decode(utf16le("{\"format\": \"kehoach\"}"), Lang::Vi).unwrap_err();
        assert!(
            e.contains("UTF-16 LE") && e.contains("lưu lại dưới dạng UTF-8"),
            "{e}"
        );
        let be: Vec<u8> = "{\"a\": 1}"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert!(decode(be, Lang::En).unwrap_err().contains("UTF-16 BE"));
        let mut marked = vec![0xFF, 0xFE];
        marked.extend(utf16le("Kế hoạch"));
        assert!(decode(marked, Lang::En).unwrap_err().contains("UTF-16 LE"));
    }

    #[test]
    fn legacy_bytes_give_the_line_and_column_of_the_first_bad_byte() {
        // "Kê hoạch" in Windows-1258: ê is the byte 0xEA, ạ is a then 0xF2.
        let bytes = b"{\n  \"title\": \"K\xEA hoa\xF2ch\"\n}".to_vec();
        let e = decode(bytes, Lang::Vi).unwrap_err();
        assert!(e.contains("byte thứ 16 (dòng 2, cột 14)"), "{e}");
        assert!(e.contains("Windows-1258, TCVN3 hoặc VNI"), "{e}");
        assert_eq!(decode(b"{}".to_vec(), Lang::Vi).unwrap(), "{}");
        assert!(decode(b"{\"a\":\0}".to_vec(), Lang::En)
            .unwrap_err()
            .contains("line 1, column 6"));
    }
}

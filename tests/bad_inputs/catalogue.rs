//! The catalogue of bad inputs: how each input is made (at test time, in a
//! fresh folder), the arguments, the exit code and a fragment of the message
//! in Vietnamese and in English. In `args`, `IN` is `DIR/in.json`, `OUT` is
//! `DIR/out.txt` and `DIR` the folder itself.

use kehoach::model::json::to_json;
use kehoach::model::sample::generated_plan;
use serde_json::{json, Value};
use std::path::Path;

/// One bad input and what the tool must say about it.
pub struct Case {
    pub name: &'static str,
    /// Makes the input files in the folder.
    pub make: fn(&Path),
    pub args: &'static [&'static str],
    /// Environment variables set for the run.
    pub env: &'static [(&'static str, &'static str)],
    /// Bytes given on standard input (otherwise none).
    pub stdin: Option<fn() -> Vec<u8>>,
    pub code: i32,
    pub vi: &'static str,
    pub en: &'static str,
}

pub const fn case(
    name: &'static str,
    make: fn(&Path),
    args: &'static [&'static str],
    code: i32,
    vi: &'static str,
    en: &'static str,
) -> Case {
    Case {
        name,
        make,
        args,
        env: &[],
        stdin: None,
        code,
        vi,
        en,
    }
}

fn plan() -> Value {
    serde_json::from_str(&to_json(&generated_plan(5))).unwrap()
}

fn put(dir: &Path, bytes: impl AsRef<[u8]>) {
    std::fs::write(dir.join("in.json"), bytes).unwrap();
}

fn put_value(dir: &Path, v: &Value) {
    put(dir, serde_json::to_string_pretty(v).unwrap());
}

pub fn good(dir: &Path) {
    put(dir, to_json(&generated_plan(5)));
}

pub fn nothing(_: &Path) {}

fn with(dir: &Path, edit: fn(&mut Value)) {
    let mut v = plan();
    edit(&mut v);
    put_value(dir, &v);
}

fn utf16le(s: &str, bom: bool) -> Vec<u8> {
    let mut b = if bom { vec![0xFF, 0xFE] } else { vec![] };
    b.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
    b
}

fn big_stdin() -> Vec<u8> {
    vec![b' '; 2 * 1024 * 1024]
}

fn input_cases_1() -> Vec<Case> {
    vec![
        // Broken or odd JSON text.
        case(
            "truncated JSON",
            |d| {
                let t = to_json(&generated_plan(5));
                put(d, &t[..t.len() / 2])
            },
            &["check", "IN"],
            2,
            "bị cắt cụt",
            "The JSON file is cut off",
        ),
        case(
            "trailing characters",
            |d| put(d, to_json(&generated_plan(2)) + "}}"),
            &["check", "IN"],
            2,
            "ký tự thừa",
            "there are characters after the document",
        ),
        case(
            "duplicate key",
            |d| {
                put(
                    d,
                    to_json(&generated_plan(2)).replacen(
                        "\"version\": 1,",
                        "\"version\": 1,\n  \"version\": 1,",
                        1,
                    ),
                )
            },
            &["check", "IN"],
            2,
            "ghi hai lần",
            "written twice",
        ),
        case(
            "deep nesting",
            |d| put(d, format!("{}{}", "[".repeat(100_000), "]".repeat(100_000))),
            &["check", "IN"],
            2,
            "lồng nhau quá sâu",
            "nests more than 128 levels",
        ),
        case(
            "not an object",
            |d| put(d, "[1, 2, 3]"),
            &["check", "IN"],
            2,
            "Tệp phải chứa một đối tượng JSON",
            "The file must hold a JSON object",
        ),
        case(
            "empty file",
            |d| put(d, ""),
            &["check", "IN"],
            2,
            "tệp trống",
            "the file is empty",
        ),
        case(
            "only white space and a BOM",
            |d| put(d, "\u{feff}  \n\n"),
            &["fmt", "IN"],
            2,
            "tệp trống",
            "the file is empty",
        ),
    ]
}

fn input_cases_2() -> Vec<Case> {
    vec![
        case(
            "BOM before a good plan is accepted",
            |d| put(d, format!("\u{feff}{}", to_json(&generated_plan(3)))),
            &["check", "IN"],
            0,
            "0 lỗi, 0 cảnh báo",
            "0 errors, 0 warnings",
        ),
        // Wrong types and values at several places.
        case(
            "version as text",
            |d| with(d, |v| v["version"] = json!("1")),
            &["check", "IN"],
            2,
            "Số phiên bản của tệp: phải là một số nguyên dương",
            "The file's version number: must be a positive whole number",
        ),
        case(
            "wrong version",
            |d| with(d, |v| v["version"] = json!(7)),
            &["check", "IN"],
            2,
            "phiên bản 7",
            "7",
        ),
        case(
            "date as a number",
            |d| with(d, |v| v["header"]["date"] = json!(20260115)),
            &["check", "IN"],
            2,
            "Dòng ngày tháng ở phần đầu: cần một ngày viết dạng",
            "The date line in the header: expected a date written",
        ),
        case(
            "body not a list",
            |d| with(d, |v| v["body"] = json!("text")),
            &["export", "IN"],
            2,
            "Phần nội dung: cần một danh sách",
            "The body: expected a list",
        ),
        case(
            "cell text as a number",
            |d| {
                with(d, |v| {
                    v["appendices"][0]["groups"][0]["rows"][0]["cells"][1]["text"] = json!(5)
                })
            },
            &["fmt", "IN"],
            2,
            "Phụ lục thứ 1, nhóm 1, dòng 1, cột 2: cần một chuỗi chữ",
            "Appendix 1, group 1, row 1, column 2: expected a text",
        ),
        case(
            "unknown field",
            |d| with(d, |v| v["header"]["colour"] = json!("red")),
            &["check", "IN"],
            2,
            "Phần đầu văn bản: có trường “colour” không thuộc định dạng",
            "The header: has a member “colour” that the plan format",
        ),
    ]
}

fn input_cases_3() -> Vec<Case> {
    vec![
        case(
            "field over the length limit",
            |d| with(d, |v| v["header"]["place"] = json!("x".repeat(20_000))),
            &["check", "IN"],
            2,
            "tối đa 10.000 ký tự",
            "at most 10,000",
        ),
        case(
            "file over the plan size limit",
            |d| {
                put(
                    d,
                    format!(
                        "{}{}",
                        " ".repeat(11 * 1024 * 1024),
                        to_json(&generated_plan(1))
                    ),
                )
            },
            &["check", "IN"],
            2,
            "MB",
            "MB",
        ),
        // Bytes that are not UTF-8 text.
        case(
            "NUL bytes",
            |d| put(d, b"{\"format\": \"keho\0ach\"}"),
            &["check", "IN"],
            2,
            "byte 0 (NUL) ở dòng 1, cột 17",
            "zero (NUL) byte at line 1, column 17",
        ),
        case(
            "UTF-16 LE with BOM",
            |d| put(d, utf16le(&to_json(&generated_plan(2)), true)),
            &["check", "IN"],
            2,
            "bảng mã UTF-16 LE",
            "in the UTF-16 LE encoding",
        ),
        case(
            "UTF-16 LE without BOM",
            |d| put(d, utf16le(&to_json(&generated_plan(2)), false)),
            &["fmt", "IN"],
            2,
            "bảng mã UTF-16 LE",
            "in the UTF-16 LE encoding",
        ),
        case(
            "UTF-16 BE",
            |d| {
                put(
                    d,
                    to_json(&generated_plan(2))
                        .encode_utf16()
                        .flat_map(u16::to_be_bytes)
                        .collect::<Vec<u8>>(),
                )
            },
            &["export", "IN"],
            2,
            "bảng mã UTF-16 BE",
            "in the UTF-16 BE encoding",
        ),
    ]
}

fn input_cases_4() -> Vec<Case> {
    vec![
        case(
            "Windows-1258",
            |d| {
                put(
                    d,
                    b"{\n  \"format\": \"kehoach\",\n  \"title\": \"K\xEA hoa\xF2ch\"\n}",
                )
            },
            &["check", "IN"],
            2,
            "byte thứ 39 (dòng 3, cột 14)",
            "byte 39 (line 3, column 14)",
        ),
        case(
            "TCVN3",
            |d| put(d, b"{\"title\": \"K\xD5 ho\xB9ch\"}"),
            &["fmt", "--check", "IN"],
            2,
            "Windows-1258, TCVN3 hoặc VNI",
            "Windows-1258, TCVN3 or VNI",
        ),
        case(
            "a Word file",
            |d| put(d, b"PK\x03\x04\x14\x00\x06\x00word/document.xml"),
            &["check", "IN"],
            2,
            "tệp Word .docx",
            "Word .docx file",
        ),
        // Not files at all.
        case(
            "a folder given to fmt",
            |d| std::fs::create_dir(d.join("in.json")).unwrap(),
            &["fmt", "IN"],
            2,
            "thư mục, không phải tệp",
            "a folder, not a file",
        ),
        case(
            "a missing file",
            nothing,
            &["check", "IN"],
            2,
            "không tìm thấy tệp",
            "file not found",
        ),
        case(
            "a missing template file",
            nothing,
            &["template", "check", "IN"],
            2,
            "không tìm thấy tệp",
            "file not found",
        ),
        case(
            "a FIFO",
            |d| mkfifo(&d.join("in.json")),
            &["check", "IN"],
            2,
            "FIFO",
            "FIFO",
        ),
        case(
            "a device",
            nothing,
            &["export", "/dev/zero"],
            2,
            "thiết bị",
            "device",
        ),
    ]
}

fn input_cases_5() -> Vec<Case> {
    vec![
        case(
            "a FIFO given to fmt",
            |d| mkfifo(&d.join("in.json")),
            &["fmt", "IN"],
            2,
            "FIFO",
            "FIFO",
        ),
        case(
            "a FIFO given to export",
            |d| mkfifo(&d.join("in.json")),
            &["export", "IN", "--text", "OUT"],
            2,
            "FIFO",
            "FIFO",
        ),
        case(
            "a FIFO as a template",
            |d| mkfifo(&d.join("in.json")),
            &["template", "new", "IN"],
            2,
            "FIFO",
            "FIFO",
        ),
        case(
            "an empty folder",
            nothing,
            &["check", "DIR"],
            2,
            "không có tệp kế hoạch .json",
            "holds no .json plan file",
        ),
    ]
}

/// The whole table (kept in parts of a few cases so no function grows long).
pub fn cases() -> Vec<Case> {
    let mut v = Vec::new();
    v.extend(input_cases_1());
    v.extend(input_cases_2());
    v.extend(input_cases_3());
    v.extend(input_cases_4());
    v.extend(input_cases_5());
    v.extend(super::usage::cases());
    v.push(Case {
        env: &[("KEHOACH_MAX_INPUT_MB", "1")],
        ..case(
            "over the input limit",
            |d| put(d, vec![b' '; 2 * 1024 * 1024]),
            &["fmt", "IN"],
            2,
            "giới hạn 1 MB",
            "the 1 MB limit",
        )
    });
    v.push(Case {
        env: &[("KEHOACH_MAX_INPUT_MB", "1")],
        stdin: Some(big_stdin),
        ..case(
            "standard input over the limit",
            nothing,
            &["check", "-"],
            2,
            "giới hạn 1 MB",
            "the 1 MB limit",
        )
    });
    v.push(Case {
        env: &[("KEHOACH_MAX_INPUT_MB", "lots")],
        ..case(
            "bad limit variable",
            good,
            &["check", "IN"],
            2,
            "KEHOACH_MAX_INPUT_MB phải là một số nguyên",
            "KEHOACH_MAX_INPUT_MB must be a whole number",
        )
    });
    v.push(Case {
        stdin: Some(|| b"{\"format\": ".to_vec()),
        ..case(
            "truncated standard input",
            nothing,
            &["export", "-"],
            2,
            "đầu vào chuẩn (stdin): Tệp JSON bị cắt cụt",
            "standard input: The JSON file is cut off",
        )
    });
    v
}

/// A named pipe at `path` (through the `mkfifo` tool).
pub fn mkfifo(path: &Path) {
    let st = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(st.success());
}

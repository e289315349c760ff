//! serde's error messages ("invalid type: string \"x\", expected a sequence",
//! "EOF while parsing an object at line 3 column 5") said again as whole
//! Vietnamese and English sentences a ward officer can act on: what the file
//! holds, what was expected, in words, never a Rust type or serde's jargon.

/// A message in Vietnamese and English.
type Words = (String, String);

/// What serde says was expected, in words ("a sequence" → "một danh sách").
fn expected(exp: &str) -> Words {
    let w = |vi: &str, en: &str| (vi.to_string(), en.to_string());
    let exp = exp.trim();
    if exp.contains("ISO 8601") {
        return w(
            "một ngày viết dạng “YYYY”, “YYYY-MM” hoặc “YYYY-MM-DD” (ví dụ “2026-01-15”)",
            "a date written “YYYY”, “YYYY-MM” or “YYYY-MM-DD” (e.g. “2026-01-15”)",
        );
    }
    if let Some(rest) = exp.strip_prefix("one of ") {
        let list = rest.replace('`', "“").replace("“,", "”,");
        let list = format!("{}”", list.trim_end_matches('“').trim_end_matches('”'));
        return (
            format!("một trong các giá trị {list}"),
            format!("one of the values {list}"),
        );
    }
    if exp.starts_with("struct ") || exp == "a map" || exp == "map" {
        return w("một đối tượng {…}", "an object {…}");
    }
    match exp {
        "a string" | "string" => w(
            "một chuỗi chữ trong dấu ngoặc kép",
            "a text in double quotes",
        ),
        "a sequence" | "sequence" => w("một danh sách […]", "a list […]"),
        "a boolean" => w("true hoặc false", "true or false"),
        "u8" | "u16" | "u32" | "i32" | "integer" => w("một số nguyên", "a whole number"),
        "string or map" => w("một chuỗi chữ hoặc một đối tượng", "a text or an object"),
        "unit" => w("không có giá trị kèm theo (null)", "no value (null)"),
        "newtype variant" | "struct variant" => w("một giá trị kèm theo", "a value with it"),
        "map with a single key" => w("một đối tượng chỉ có một trường", "an object of one member"),
        "fewer elements in array" => w("ít phần tử hơn", "fewer elements"),
        _ if exp.contains(" with ") && exp.contains("element") => {
            w("một danh sách đủ phần tử", "a list with every element")
        }
        _ => w("một giá trị khác", "another value"),
    }
}

/// What the file holds, from serde's "unexpected" part ("string \"x\"").
fn found(unexp: &str) -> Words {
    let unexp = unexp.trim();
    let value = |s: &str| s.trim_matches(['`', '"']).to_string();
    if let Some(s) = unexp.strip_prefix("string ") {
        let v = value(s);
        return (format!("chuỗi chữ “{v}”"), format!("the text “{v}”"));
    }
    for (kind, vi, en) in [
        ("integer ", "số", "the number"),
        ("floating point ", "số", "the number"),
        ("boolean ", "giá trị", "the value"),
    ] {
        if let Some(s) = unexp.strip_prefix(kind) {
            let v = value(s);
            return (format!("{vi} {v}"), format!("{en} {v}"));
        }
    }
    let (vi, en) = match unexp {
        "sequence" => ("một danh sách", "a list"),
        "map" => ("một đối tượng", "an object"),
        "null" | "unit value" => ("null (không có giá trị)", "null (no value)"),
        "unit variant" => ("một tên không kèm giá trị", "a bare name"),
        _ => ("một giá trị khác", "another value"),
    };
    (vi.to_string(), en.to_string())
}

/// The first `name` in backquotes: "unknown field `colour`, …" → "colour".
fn quoted(s: &str) -> &str {
    s.split('`').nth(1).unwrap_or("")
}

/// serde's message about a value, as whole sentences (no place: the caller
/// puts the place in words before it).
pub fn value_error(en: &str) -> Words {
    let en = en.split(" at line ").next().unwrap_or(en);
    if let Some(rest) = en.strip_prefix("unknown field ") {
        let f = quoted(rest);
        return (
            format!("có trường “{f}” không thuộc định dạng kế hoạch (phiên bản 1); hãy xóa hoặc sửa tên trường."),
            format!("has a member “{f}” that the plan format (version 1) does not define; delete it or correct its name."),
        );
    }
    if let Some(rest) = en.strip_prefix("missing field ") {
        let f = quoted(rest);
        return (
            format!("thiếu trường bắt buộc “{f}”."),
            format!("lacks the required member “{f}”."),
        );
    }
    if let Some(rest) = en.strip_prefix("unknown variant ") {
        let v = quoted(rest);
        let (want_vi, want_en) = rest
            .split_once(", expected ")
            .map(|(_, e)| expected(e))
            .unwrap_or_else(|| ("giá trị khác".into(), "another value".into()));
        return (
            format!("ghi “{v}”, không phải giá trị được phép; cần {want_vi}."),
            format!("holds “{v}”, which is not an allowed value; expected {want_en}."),
        );
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = en.strip_prefix(prefix) {
            let (what, exp) = rest.split_once(", expected ").unwrap_or((rest, ""));
            let exp = exp.split(", found ").next().unwrap_or(exp);
            let ((found_vi, found_en), (want_vi, want_en)) = (found(what), expected(exp));
            return (
                format!("cần {want_vi}, nhưng tệp ghi {found_vi}."),
                format!("expected {want_en}, but the file has {found_en}."),
            );
        }
    }
    if en.starts_with("invalid length") {
        let exp = en.split_once(", expected ").map_or("", |(_, e)| e);
        let (want_vi, want_en) = expected(exp);
        return (
            format!("có số phần tử không đúng; cần {want_vi}."),
            format!("has the wrong number of elements; expected {want_en}."),
        );
    }
    (
        "có giá trị không đọc được.".into(),
        "holds a value that cannot be read.".into(),
    )
}

/// A JSON syntax error of serde_json (with its line and column) as sentences.
pub fn syntax_error(en: &str, eof: bool, line: usize, col: usize) -> Words {
    let at_vi = format!("ở dòng {line}, cột {col}");
    let at_en = format!("at line {line}, column {col}");
    let what = en.split(" at line ").next().unwrap_or(en);
    if eof {
        return (
            format!("Tệp JSON bị cắt cụt, kết thúc đột ngột {at_vi}; hãy lấy lại tệp đầy đủ."),
            format!(
                "The JSON file is cut off: it ends suddenly {at_en}; get the whole file again."
            ),
        );
    }
    let (vi, en): (&str, &str) = if what.starts_with("trailing characters") {
        (
            "sau văn bản JSON còn ký tự thừa; tệp chỉ được chứa một đối tượng JSON",
            "there are characters after the document; the file must hold one JSON object only",
        )
    } else if what.starts_with("recursion limit exceeded") {
        (
            "JSON lồng nhau quá sâu (quá 128 cấp); văn bản kế hoạch không lồng sâu như vậy",
            "the JSON nests more than 128 levels deep; a plan never nests that deep",
        )
    } else if what.starts_with("expected `,` or") {
        (
            "thiếu dấu phẩy hoặc dấu đóng ngoặc",
            "a comma or a closing bracket is missing",
        )
    } else if what.starts_with("expected `:`") {
        (
            "thiếu dấu hai chấm sau tên trường",
            "a colon is missing after a member name",
        )
    } else if what.starts_with("key must be a string") {
        (
            "tên trường phải đặt trong dấu ngoặc kép",
            "a member name must be in double quotes",
        )
    } else if what.starts_with("control character") {
        (
            "một chuỗi chữ có ký tự điều khiển (như xuống dòng) chưa được viết thành \\n",
            "a text holds a control character (such as a line break) not written as \\n",
        )
    } else if what.starts_with("invalid escape") || what.starts_with("invalid unicode") {
        (
            "một chuỗi chữ có dấu gạch chéo ngược (\\) viết sai",
            "a text has a wrongly written backslash (\\)",
        )
    } else if what.starts_with("expected value") || what.starts_with("expected ident") {
        (
            "gặp ký tự không phải giá trị JSON (chuỗi, số, danh sách, đối tượng, true, false, null)",
            "a character that does not start a JSON value (text, number, list, object, true, false, null)",
        )
    } else if what.contains("number") {
        ("một số viết sai", "a number is written wrongly")
    } else {
        ("cú pháp không đúng", "the syntax is wrong")
    };
    (
        format!("Tệp JSON sai cú pháp {at_vi}: {vi}."),
        format!("The JSON file is not valid {at_en}: {en}."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_become_whole_sentences() {
        let (vi, en) = value_error("invalid value: string \"26/12/2025\", expected an ISO 8601 date \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\", found \"26/12/2025\"");
        assert_eq!(vi, "cần một ngày viết dạng “YYYY”, “YYYY-MM” hoặc “YYYY-MM-DD” (ví dụ “2026-01-15”), nhưng tệp ghi chuỗi chữ “26/12/2025”.");
        assert_eq!(en, "expected a date written “YYYY”, “YYYY-MM” or “YYYY-MM-DD” (e.g. “2026-01-15”), but the file has the text “26/12/2025”.");
        let (vi, en) = value_error("invalid type: integer `5`, expected a string");
        assert_eq!(
            vi,
            "cần một chuỗi chữ trong dấu ngoặc kép, nhưng tệp ghi số 5."
        );
        assert_eq!(
            en,
            "expected a text in double quotes, but the file has the number 5."
        );
        let (vi, _) =
            value_error("unknown variant `someday`, expected one of `regular`, `annually`");
        assert_eq!(vi, "ghi “someday”, không phải giá trị được phép; cần một trong các giá trị “regular”, “annually”.");
        let (vi, en) = value_error("invalid type: map, expected struct Header");
        assert!(
            vi.contains("một đối tượng {…}") && !en.contains("struct"),
            "{en}"
        );
        let (vi, _) = syntax_error("EOF while parsing an object at line 3 column 5", true, 3, 5);
        assert!(vi.starts_with("Tệp JSON bị cắt cụt"), "{vi}");
        let (_, en) = syntax_error("expected `,` or `}` at line 2 column 9", false, 2, 9);
        assert_eq!(en, "The JSON file is not valid at line 2, column 9: a comma or a closing bracket is missing.");
    }
}

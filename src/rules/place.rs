//! The place of a field in words, for messages that must say where a problem
//! is without showing a JSON path: "body[1].children[0].text" → "Nội dung,
//! mục 2.1" / "Body, item 2.1".

/// The numbers in a path, in order: "appendices[0].groups[2].rows[7]" → 0, 2, 7.
fn indices(path: &str) -> Vec<usize> {
    path.split(['[', ']'])
        .filter_map(|s| s.parse().ok())
        .collect()
}

/// What a task or cell field is ("…task.form" → "hình thức thực hiện").
fn field_suffix(path: &str) -> (&'static str, &'static str) {
    if path.ends_with("timeframe.text") {
        (", thời gian thực hiện", ", timeframe")
    } else if path.ends_with("task.form") {
        (", hình thức thực hiện", ", form")
    } else if path.ends_with("task.output") {
        (", sản phẩm", ", output")
    } else {
        ("", "")
    }
}

/// The place of the field at `path` in Vietnamese and English, capitalised.
pub fn place(path: &str) -> (String, String) {
    let fixed = |vi: &str, en: &str| (vi.to_string(), en.to_string());
    let ix = indices(path);
    let nth = |k: usize| ix.get(k).map_or(0, |i| i + 1);
    let (sv, se) = field_suffix(path);
    match path.split(['.', '[']).next().unwrap_or("") {
        "header" => match path {
            "header.parent_body" => fixed("Tên cơ quan cấp trên", "The parent body's name"),
            "header.issuing_body" => fixed("Tên cơ quan ban hành", "The issuing body's name"),
            "header.body_code" => fixed("Chữ viết tắt tên cơ quan", "The body's short code"),
            "header.number" => fixed("Số văn bản", "The document number"),
            "header.symbol" => fixed("Ký hiệu văn bản", "The document symbol"),
            "header.place" => fixed("Địa danh", "The place name"),
            "header.title" => fixed("Tên loại văn bản", "The document title"),
            "header.subject" => fixed("Trích yếu", "The subject"),
            _ => fixed("Phần đầu văn bản", "The header"),
        },
        "opening" => (
            format!("Đoạn mở đầu thứ {}", nth(0)),
            format!("Opening paragraph {}", nth(0)),
        ),
        "body" => {
            let item: Vec<String> = ix.iter().map(|i| (i + 1).to_string()).collect();
            let item = item.join(".");
            (
                format!("Nội dung, mục {item} (theo vị trí){sv}"),
                format!("Body, item {item} (by position){se}"),
            )
        }
        "agencies" => (
            format!("Tên cơ quan thứ {} trong danh sách cơ quan", nth(0)),
            format!("The name of agency {} in the agency list", nth(0)),
        ),
        "appendices" => appendix_place(path, &ix, (sv, se)),
        "recipients" if path.starts_with("recipients.items") => (
            format!("Nơi nhận thứ {}", nth(0)),
            format!("Recipient {}", nth(0)),
        ),
        "recipients" => fixed("Nơi lưu", "The archive line"),
        "signature" if path == "signature.name" => fixed("Họ tên người ký", "The signer's name"),
        "signature" => (
            format!("Dòng thứ {} của phần chữ ký", nth(0)),
            format!("Line {} of the signature block", nth(0)),
        ),
        "parent" => fixed("Văn bản cấp trên", "The parent document"),
        _ => fixed("Một trường văn bản", "A text field"),
    }
}

fn appendix_place(path: &str, ix: &[usize], (sv, se): (&str, &str)) -> (String, String) {
    let a = ix.first().map_or(0, |i| i + 1);
    let n = |k: usize| ix.get(k).map_or(0, |i| i + 1);
    let (what_vi, what_en) = if path.contains(".rows[") {
        (
            format!("Ô cột {} hàng {} nhóm {}{sv}", n(3), n(2), n(1)),
            format!(
                "The cell in column {}, row {}, group {}{se}",
                n(3),
                n(2),
                n(1)
            ),
        )
    } else if path.contains(".groups[") {
        (
            format!("Tiêu đề nhóm {}", n(1)),
            format!("The heading of group {}", n(1)),
        )
    } else if path.contains(".columns[") {
        (
            format!("Tên cột {}", n(1)),
            format!("The title of column {}", n(1)),
        )
    } else if path.ends_with(".number") {
        ("Số".into(), "The number".into())
    } else if path.ends_with(".attached_note") {
        ("Dòng “Kèm theo”".into(), "The “attached to” line".into())
    } else {
        ("Tên".into(), "The title".into())
    };
    (
        format!("{what_vi} của phụ lục thứ {a}"),
        format!("{what_en} of appendix {a}"),
    )
}

#[cfg(test)]
mod tests {
    use super::place;

    #[test]
    fn places_are_words_without_paths() {
        let cases = [
            ("header.subject", "Trích yếu", "The subject"),
            ("opening[1]", "Đoạn mở đầu thứ 2", "Opening paragraph 2"),
            (
                "body[1].children[0].text",
                "Nội dung, mục 2.1 (theo vị trí)",
                "Body, item 2.1 (by position)",
            ),
            (
                "body[0].task.timeframe.text",
                "Nội dung, mục 1 (theo vị trí), thời gian thực hiện",
                "Body, item 1 (by position), timeframe",
            ),
            (
                "appendices[0].groups[2].rows[7].cells[1].text",
                "Ô cột 2 hàng 8 nhóm 3 của phụ lục thứ 1",
                "The cell in column 2, row 8, group 3 of appendix 1",
            ),
            (
                "appendices[1].columns[0].title",
                "Tên cột 1 của phụ lục thứ 2",
                "The title of column 1 of appendix 2",
            ),
            ("recipients.items[0]", "Nơi nhận thứ 1", "Recipient 1"),
            ("recipients.archive", "Nơi lưu", "The archive line"),
            (
                "signature.lines[1].text",
                "Dòng thứ 2 của phần chữ ký",
                "Line 2 of the signature block",
            ),
            (
                "agencies[3].name",
                "Tên cơ quan thứ 4 trong danh sách cơ quan",
                "The name of agency 4 in the agency list",
            ),
        ];
        for (path, vi, en) in cases {
            assert_eq!(place(path), (vi.to_string(), en.to_string()), "{path}");
        }
    }
}

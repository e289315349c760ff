//! The place of a field in words, for messages that must say where a problem
//! is without showing a JSON path: "body[1].children[0].text" → "mục II.1" /
//! "item II.1", "header.date" → "dòng ngày tháng ở phần đầu", a cell → "Phụ lục
//! I, dòng 3, cột Đơn vị chủ trì". Items take the labels the document prints
//! (`model::numbering`), appendix rows their printed STT (`edit::row_numbers`),
//! columns their titles.

use super::numbering::labels_along;
use super::{Document, RowNumbering};

/// A place in Vietnamese and English.
type Words = (String, String);

/// The numbers in a path, in order: "appendices[0].groups[2].rows[7]" → 0, 2, 7.
fn indices(path: &str) -> Vec<usize> {
    path.split(['[', ']'])
        .filter_map(|s| s.parse().ok())
        .collect()
}

/// The place of the field at `path`, capitalised to start a sentence.
pub fn place(doc: &Document, path: &str) -> Words {
    let (vi, en) = place_in_sentence(doc, path);
    (crate::text::capitalise(&vi), crate::text::capitalise(&en))
}

/// The place of the field at `path` as it reads inside a sentence
/// ("nhưng ở dòng ngày tháng ở phần đầu ghi …").
pub fn place_in_sentence(doc: &Document, path: &str) -> Words {
    describe(Some(doc), path)
}

/// The place of a value in a JSON file that could not be read as a document
/// (import errors): by position, as no labels can be computed.
pub fn json_place(path: &str) -> Words {
    let (vi, en) = describe(None, path);
    (crate::text::capitalise(&vi), crate::text::capitalise(&en))
}

fn describe(doc: Option<&Document>, path: &str) -> Words {
    let ix = indices(path);
    let nth = |k: usize| ix.get(k).map_or(0, |i| i + 1);
    let w = |vi: &str, en: &str| (vi.to_string(), en.to_string());
    let container = match path {
        "opening" => Some(("phần mở đầu", "the opening")),
        "body" => Some(("phần nội dung", "the body")),
        "agencies" => Some(("danh mục cơ quan", "the agency directory")),
        "appendices" => Some(("các phụ lục", "the appendices")),
        "recipients" => Some(("phần nơi nhận", "the recipients")),
        "signature" => Some(("phần chữ ký", "the signature block")),
        "report_deadlines" => Some(("các hạn báo cáo", "the report deadlines")),
        _ => None,
    };
    if let Some((vi, en)) = container {
        return w(vi, en);
    }
    match path.split(['.', '[']).next().unwrap_or("") {
        "header" => header_place(path),
        "opening" => (
            format!("đoạn {} của phần mở đầu", nth(0)),
            format!("paragraph {} of the opening", nth(0)),
        ),
        "body" => body_place(doc, path, &ix),
        "agencies" => agency_place(doc, path, ix.first().copied().unwrap_or(0)),
        "appendices" => appendix_place(doc, path, &ix),
        "recipients" if path.starts_with("recipients.items") => (
            format!("nơi nhận thứ {}", nth(0)),
            format!("recipient {}", nth(0)),
        ),
        "recipients" => w(
            "dòng “Lưu” ở nơi nhận",
            "the archive line of the recipients",
        ),
        "signature" if path == "signature.name" => w("họ tên người ký", "the signer's name"),
        "signature" => (
            format!("dòng {} của phần chữ ký", nth(0)),
            format!("line {} of the signature block", nth(0)),
        ),
        "parent" if path.starts_with("parent.citations") => (
            format!("văn bản thứ {} mà kế hoạch cấp trên trích dẫn", nth(0)),
            format!("document {} cited by the parent plan", nth(0)),
        ),
        "parent" => w(
            "thông tin về kế hoạch cấp trên",
            "the parent plan's details",
        ),
        "report_deadlines" => deadline_place(doc, ix.first().copied().unwrap_or(0)),
        "period" => w("thời kỳ của kế hoạch", "the plan period"),
        "settings" if path.starts_with("settings.numbering") => w(
            "cách đánh số các cấp (phần Cài đặt)",
            "the numbering of levels (in Settings)",
        ),
        "settings" if path.starts_with("settings.font_size") => {
            w("cỡ chữ (phần Cài đặt)", "the font size (in Settings)")
        }
        "settings" if path.starts_with("settings.tone_style") => w(
            "kiểu đặt dấu thanh (phần Cài đặt)",
            "the tone mark style (in Settings)",
        ),
        "settings" => w("phần Cài đặt", "the settings"),
        "" => w("tệp", "the file"),
        "format" => w(
            "khai báo định dạng của tệp",
            "the file's format declaration",
        ),
        "version" => w("số phiên bản của tệp", "the file's version number"),
        "kind" => w("loại văn bản", "the document type"),
        "profile" => w(
            "hệ văn bản (Nhà nước hay Đảng)",
            "the document profile (State or Party)",
        ),
        _ => w("một phần của văn bản", "a part of the document"),
    }
}

fn header_place(path: &str) -> Words {
    let (vi, en) = match path {
        "header.parent_body" => ("tên cơ quan cấp trên", "the parent body's name"),
        "header.issuing_body" => ("tên cơ quan ban hành", "the issuing body's name"),
        "header.body_code" => ("chữ viết tắt tên cơ quan", "the body's short code"),
        "header.number" => ("số văn bản", "the document number"),
        "header.symbol" => ("ký hiệu văn bản", "the document symbol"),
        "header.place" => ("địa danh ở dòng ngày tháng", "the place in the date line"),
        "header.date" => ("dòng ngày tháng ở phần đầu", "the date line in the header"),
        "header.title" => ("tên loại văn bản", "the document type name"),
        "header.subject" => ("trích yếu", "the subject line"),
        _ => ("phần đầu văn bản", "the header"),
    };
    (vi.to_string(), en.to_string())
}

/// "II.1.a" from the labels "II.", "1.", "a)"; a nested label ("1.2.")
/// already holds its parent's and replaces it.
fn joined_label(labels: &[String]) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for l in labels {
        let l = l.trim_end_matches(['.', ')', '-']);
        if l.is_empty() || l == "+" {
            continue;
        }
        match parts.last() {
            Some(last) if l.starts_with(&format!("{last}.")) => *parts.last_mut().unwrap() = l,
            _ => parts.push(l),
        }
    }
    parts.join(".")
}

/// A body node and, after it, the field of it the path names.
fn body_place(doc: Option<&Document>, path: &str, ix: &[usize]) -> Words {
    // Node indices end where the path leaves the tree ("….task.partners[1]").
    let tree_steps = path.matches("children[").count() + 1;
    let steps = &ix[..tree_steps.min(ix.len())];
    let Some(doc) = doc else {
        let at: Vec<String> = steps.iter().map(|i| (i + 1).to_string()).collect();
        let at = at.join(".");
        let (vi, en) = (
            format!("phần nội dung, mục {at} (đếm theo thứ tự)"),
            format!("the body, item {at} (by position)"),
        );
        return with_field(path, ix.get(tree_steps).copied(), (vi, en));
    };
    let labels = labels_along(&doc.body, &doc.settings.numbering, steps);
    let numbered = labels
        .iter()
        .rposition(|l| !l.is_empty() && l != "-" && l != "+");
    let (vi, en) = match numbered {
        Some(k) => {
            let label = joined_label(&labels[..=k]);
            let tail: Vec<String> = steps[k + 1..].iter().map(|i| (i + 1).to_string()).collect();
            if tail.is_empty() {
                (format!("mục {label}"), format!("item {label}"))
            } else {
                let tail = tail.join(".");
                (
                    format!("đoạn {tail} của mục {label}"),
                    format!("paragraph {tail} of item {label}"),
                )
            }
        }
        None => {
            let at: Vec<String> = steps.iter().map(|i| (i + 1).to_string()).collect();
            let at = at.join(".");
            (
                format!("đoạn {at} của phần nội dung"),
                format!("paragraph {at} of the body"),
            )
        }
    };
    with_field(path, ix.get(tree_steps).copied(), (vi, en))
}

/// "cơ quan chủ trì của mục II.1": the node's place with the field the path names.
fn with_field(path: &str, k: Option<usize>, (vi, en): Words) -> Words {
    match node_field(path, k) {
        Some((fv, fe)) => (format!("{fv} của {vi}"), format!("{fe} of {en}")),
        None => (vi, en),
    }
}

/// The field of a task or duty block a path ends in, with its position in a list.
fn node_field(path: &str, k: Option<usize>) -> Option<Words> {
    let n = k.map_or(1, |k| k + 1);
    let listed = |vi: &str, en: &str| match k {
        Some(_) => (format!("{vi} thứ {n}"), format!("{en} {n}")),
        None => (vi.to_string(), format!("the {en}")),
    };
    let tail = path.rsplit("].").next().unwrap_or(path);
    Some(if tail.starts_with("task.lead") {
        listed("cơ quan chủ trì", "lead agency")
    } else if tail.starts_with("task.partners") {
        listed("cơ quan phối hợp", "partner")
    } else if tail.starts_with("task.implementers") {
        listed("cơ quan thực hiện", "implementing agency")
    } else if tail.starts_with("task.timeframe") {
        ("thời gian thực hiện".into(), "the timeframe".into())
    } else if tail.starts_with("task.form") {
        ("hình thức thực hiện".into(), "the form".into())
    } else if tail.starts_with("task.output") {
        ("sản phẩm".into(), "the output".into())
    } else if tail.starts_with("task") {
        ("phân công".into(), "the assignment".into())
    } else if tail.starts_with("agencies") {
        listed("cơ quan được giao", "assigned agency")
    } else {
        return None;
    })
}

fn agency_place(doc: Option<&Document>, path: &str, i: usize) -> Words {
    let (vi, en) = match doc.and_then(|d| d.agencies.get(i)) {
        Some(a) if !a.name.trim().is_empty() => (
            format!("cơ quan “{}” trong danh mục cơ quan", a.name.trim()),
            format!("the agency “{}” in the agency directory", a.name.trim()),
        ),
        _ => (
            format!("cơ quan thứ {} trong danh mục cơ quan", i + 1),
            format!("agency {} in the agency directory", i + 1),
        ),
    };
    if path.ends_with(".short_name") {
        (
            format!("tên viết tắt của {vi}"),
            format!("the short name of {en}"),
        )
    } else if path.ends_with(".level") {
        (format!("cấp của {vi}"), format!("the level of {en}"))
    } else {
        (vi, en)
    }
}

fn deadline_place(doc: Option<&Document>, i: usize) -> Words {
    match doc.and_then(|d| d.report_deadlines.get(i)) {
        Some(d) => (
            format!(
                "hạn {}",
                crate::text::to_lower(d.period.label(crate::Lang::Vi))
            ),
            format!(
                "the {} deadline",
                crate::text::to_lower(d.period.label(crate::Lang::En))
            ),
        ),
        None => (
            format!("hạn báo cáo thứ {}", i + 1),
            format!("report deadline {}", i + 1),
        ),
    }
}

/// "Phụ lục I" (or "phụ lục thứ 2" when it has no number yet).
fn appendix_name(doc: Option<&Document>, a: usize) -> Words {
    let list = doc.map_or(&[][..], |d| &d.appendices[..]);
    match list.get(a).map(|x| x.number.trim()) {
        Some(n) if !n.is_empty() => (format!("Phụ lục {n}"), format!("Appendix {n}")),
        Some(_) if list.len() == 1 => ("Phụ lục".into(), "the appendix".into()),
        _ => (
            format!("phụ lục thứ {}", a + 1),
            format!("appendix {}", a + 1),
        ),
    }
}

fn appendix_place(doc: Option<&Document>, path: &str, ix: &[usize]) -> Words {
    let a = ix.first().copied().unwrap_or(0);
    let (name_vi, name_en) = appendix_name(doc, a);
    let n = |k: usize| ix.get(k).map_or(1, |i| i + 1);
    if path.contains(".rows[") {
        return row_place(doc, ix, (name_vi, name_en));
    }
    let (vi, en) = if path.contains(".groups[") {
        (
            format!("tiêu đề nhóm {}", n(1)),
            format!("the heading of group {}", n(1)),
        )
    } else if path.contains(".columns[") && path.ends_with(".title") {
        (
            format!("tên cột {}", n(1)),
            format!("the title of column {}", n(1)),
        )
    } else if path.contains(".columns[") {
        (format!("cột {}", n(1)), format!("column {}", n(1)))
    } else if path.ends_with(".number") {
        ("số".into(), "the number".into())
    } else if path.ends_with(".attached_note") {
        ("dòng “Kèm theo”".into(), "the “attached to” line".into())
    } else if path.ends_with(".title") {
        ("tên".into(), "the title".into())
    } else {
        return (name_vi, name_en);
    };
    (format!("{vi} của {name_vi}"), format!("{en} of {name_en}"))
}

/// "Phụ lục I, dòng 3, cột Đơn vị chủ trì": the row by its printed number.
fn row_place(doc: Option<&Document>, ix: &[usize], (name_vi, name_en): Words) -> Words {
    let (a, g, r) = (ix[0], ix.get(1).copied(), ix.get(2).copied());
    let (Some(g), Some(r)) = (g, r) else {
        return (name_vi, name_en);
    };
    let Some(appendix) = doc.and_then(|d| d.appendices.get(a)) else {
        let mut vi = format!("{name_vi}, nhóm {}, dòng {}", g + 1, r + 1);
        let mut en = format!("{name_en}, group {}, row {}", g + 1, r + 1);
        if let Some(c) = ix.get(3) {
            vi.push_str(&format!(", cột {}", c + 1));
            en.push_str(&format!(", column {}", c + 1));
        }
        return (vi, en);
    };
    let per_group = appendix.row_numbering == RowNumbering::PerGroup && appendix.groups.len() > 1;
    let before: usize = if per_group {
        0
    } else {
        appendix.groups.iter().take(g).map(|x| x.rows.len()).sum()
    };
    let row = before + r + 1;
    let (mut vi, mut en) = if per_group {
        (
            format!("{name_vi}, nhóm {}, dòng {row}", g + 1),
            format!("{name_en}, group {}, row {row}", g + 1),
        )
    } else {
        (
            format!("{name_vi}, dòng {row}"),
            format!("{name_en}, row {row}"),
        )
    };
    if let Some(c) = ix.get(3) {
        match appendix.columns.get(*c).map(|c| c.title.trim()) {
            Some(t) if !t.is_empty() => {
                vi.push_str(&format!(", cột {t}"));
                en.push_str(&format!(", column {t}"));
            }
            _ => {
                vi.push_str(&format!(", cột {}", c + 1));
                en.push_str(&format!(", column {}", c + 1));
            }
        }
    }
    (vi, en)
}

#[cfg(test)]
mod tests {
    use super::{place, place_in_sentence};
    use crate::model::sample::generated_plan;
    use crate::model::{Document, NumberStyle, ReportDeadline, ReportPeriod, RowNumbering};

    /// Each path (Vietnamese, English) reads as the words given.
    fn assert_places(doc: &Document, cases: &[(&str, &str, &str)]) {
        for (path, vi, en) in cases {
            assert_eq!(place(doc, path), (vi.to_string(), en.to_string()), "{path}");
        }
    }

    #[test]
    fn places_are_words_with_printed_labels() {
        let mut doc = generated_plan(60);
        doc.report_deadlines = vec![ReportDeadline {
            period: ReportPeriod::SixMonth,
            day: 5,
            month: 6,
        }];
        let cases = [
            ("header.subject", "Trích yếu", "The subject line"),
            (
                "header.date",
                "Dòng ngày tháng ở phần đầu",
                "The date line in the header",
            ),
            (
                "opening[1]",
                "Đoạn 2 của phần mở đầu",
                "Paragraph 2 of the opening",
            ),
            ("body[1].children[0].text", "Mục II.1", "Item II.1"),
            (
                "body[1].children[1].children[0].text",
                "Đoạn 1 của mục II.2",
                "Paragraph 1 of item II.2",
            ),
            (
                "body[0].children[0].children[0].text",
                "Đoạn 1 của mục I.1",
                "Paragraph 1 of item I.1",
            ),
            (
                "body[4].text",
                "Đoạn 5 của phần nội dung",
                "Paragraph 5 of the body",
            ),
            (
                "body[1].children[0].task.timeframe.text",
                "Thời gian thực hiện của mục II.1",
                "The timeframe of item II.1",
            ),
            (
                "body[1].children[0].task.partners[1]",
                "Cơ quan phối hợp thứ 2 của mục II.1",
                "Partner 2 of item II.1",
            ),
            (
                "body[1].children[0].task.lead",
                "Cơ quan chủ trì của mục II.1",
                "The lead agency of item II.1",
            ),
        ];
        assert_places(&doc, &cases);
    }

    #[test]
    fn appendix_and_closing_places_are_words() {
        let mut doc = generated_plan(60);
        doc.report_deadlines = vec![ReportDeadline {
            period: ReportPeriod::SixMonth,
            day: 5,
            month: 6,
        }];
        let cases = [
            (
                "appendices[0].groups[1].rows[2].cells[2].text",
                "Phụ lục I, dòng 53, cột Cơ quan chủ trì",
                "Appendix I, row 53, column Cơ quan chủ trì",
            ),
            (
                "appendices[0].columns[0].title",
                "Tên cột 1 của Phụ lục I",
                "The title of column 1 of Appendix I",
            ),
            ("recipients.items[0]", "Nơi nhận thứ 1", "Recipient 1"),
            (
                "signature.lines[1].text",
                "Dòng 2 của phần chữ ký",
                "Line 2 of the signature block",
            ),
            (
                "agencies[3].name",
                "Cơ quan “Công an phường” trong danh mục cơ quan",
                "The agency “Công an phường” in the agency directory",
            ),
            (
                "report_deadlines[0]",
                "Hạn báo cáo 6 tháng",
                "The 6-month report deadline",
            ),
            (
                "settings.numbering",
                "Cách đánh số các cấp (phần Cài đặt)",
                "The numbering of levels (in Settings)",
            ),
        ];
        assert_places(&doc, &cases);
        assert_eq!(
            place_in_sentence(&doc, "opening[0]").0,
            "đoạn 1 của phần mở đầu"
        );
    }

    #[test]
    fn rows_numbered_per_group_name_the_group_and_nested_labels_read_once() {
        let mut doc = generated_plan(60);
        doc.appendices[0].row_numbering = RowNumbering::PerGroup;
        assert_eq!(
            place(&doc, "appendices[0].groups[1].rows[2].cells[1].text").0,
            "Phụ lục I, nhóm 2, dòng 3, cột Nội dung nhiệm vụ"
        );
        doc.settings.numbering = vec![NumberStyle::ArabicNested];
        assert_eq!(place(&doc, "body[1].children[0].text").0, "Mục 2.1");
        doc.appendices.push(doc.appendices[0].clone());
        doc.appendices[1].number.clear();
        assert_eq!(
            place(&doc, "appendices[1].title").0,
            "Tên của phụ lục thứ 2"
        );
    }
}

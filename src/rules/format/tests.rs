use super::super::testing::*;
use super::*;
use crate::model::{PartialDate, SignLine, SignPrefix};

#[test]
fn base_plan_is_clean() {
    assert_quiet(&base(), "nd30.");
}

#[test]
fn required_parts() {
    let mut d = base();
    d.header.issuing_body = " ".into();
    d.header.subject.clear();
    d.recipients.items.clear();
    d.signature.lines.clear();
    d.body.clear();
    assert_eq!(
        paths(&d, "nd30.parts.required"),
        [
            "header.issuing_body",
            "header.subject",
            "body",
            "signature.lines",
            "recipients.items"
        ]
    );
}

#[test]
fn number_rules() {
    let mut d = base();
    d.header.number = Some("5".into());
    assert_eq!(
        fixes(&d, "nd30.number.leading_zero"),
        [("header.number".into(), "05".into())]
    );
    assert!(paths(&d, "nd30.number.digits").is_empty());
    d.header.number = Some("5a".into());
    assert_eq!(paths(&d, "nd30.number.digits"), ["header.number"]);
    assert!(paths(&d, "nd30.number.leading_zero").is_empty());
    d.header.number = Some("05".into());
    assert!(paths(&d, "nd30.number.leading_zero").is_empty());
    d.header.number = None;
    let f = findings(&d, "nd30.number.draft");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Info);
    assert!(paths(&d, "nd30.number.digits").is_empty());
}

#[test]
fn symbol_rules() {
    let mut d = base();
    d.header.symbol = "QĐ-UBND".into();
    assert_eq!(
        fixes(&d, "nd30.symbol.type_code"),
        [("header.symbol".into(), "KH-UBND".into())]
    );
    d.header.symbol = "KH-UBX".into();
    assert!(paths(&d, "nd30.symbol.type_code").is_empty());
    assert_eq!(paths(&d, "nd30.symbol.body_code"), ["header.symbol"]);
    d.kind = crate::model::DocKind::OfficialLetter;
    d.header.symbol = "UBND-VX".into();
    assert_quiet(&d, "nd30.symbol.");
    let mut p = party();
    assert_quiet(&p, "nd30.symbol.");
    p.header.symbol = "CTr-ĐU".into();
    assert_eq!(paths(&p, "nd30.symbol.type_code"), ["header.symbol"]);
}

#[test]
fn text_dates_take_decree_30_zeros() {
    let mut d = base();
    d.opening[0] = "Căn cứ Luật số 10/2022/QH15 ngày 10/11/2022; Nghị định ngày 5/6/2023 và ngày 15 tháng 08 năm 2024.".into();
    let f = fixes(&d, "nd30.date.leading_zero");
    assert_eq!(f, [("opening[0]".into(), "Căn cứ Luật số 10/2022/QH15 ngày 10/11/2022; Nghị định ngày 05/6/2023 và ngày 15 tháng 8 năm 2024.".into())]);
    d.opening[0] = "ngày 09/02/2025, ngày 1/1/2026, ngày 12/08/2025".into();
    assert_eq!(
        fixes(&d, "nd30.date.leading_zero")[0].1,
        "ngày 09/02/2025, ngày 01/01/2026, ngày 12/8/2025"
    );
    d.opening[0] = "ngày 05 tháng 01 năm 2026, ngày 26/12/2025".into();
    assert!(paths(&d, "nd30.date.leading_zero").is_empty());
}

#[test]
fn header_date_rules() {
    let mut d = base();
    d.header.date = PartialDate::ymd(2026, 2, 31);
    assert_eq!(paths(&d, "nd30.date.exists"), ["header.date"]);
    d.header.date = PartialDate::year_only(2026);
    assert_eq!(paths(&d, "nd30.date.complete"), ["header.date"]);
    d.header.number = None;
    assert!(paths(&d, "nd30.date.complete").is_empty());
    d.header.number = Some("15".into());
    d.header.date = PartialDate::ymd(2026, 6, 2);
    assert_eq!(paths(&d, "nd30.date.future"), ["header.date"]);
    d.header.number = None;
    assert!(paths(&d, "nd30.date.future").is_empty());
}

#[test]
fn dates_in_the_text_exist() {
    let mut d = base();
    let at = "body[0].children[0].children[0].text";
    let text = &mut d.body[0].children[0].children[0].text;
    *text = "Báo cáo 6 tháng trước ngày 30/6/2026, báo cáo năm trước ngày 29/02.".into();
    assert_quiet(&d, "nd30.date.");
    d.body[0].children[0].children[0].text =
        "Báo cáo 6 tháng trước ngày 31/6/2026, báo cáo năm trước ngày 30 tháng 02 năm 2027.".into();
    let f = findings(&d, "nd30.date.exists");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!((f[0].path.as_str(), f[0].severity), (at, Severity::Error));
    assert!(
        f[0].message_vi
            .contains("“ngày 31/6/2026”, “ngày 30 tháng 02 năm 2027”"),
        "{}",
        f[0].message_vi
    );
    // A cited document's impossible date is reported once, by cite.date_exists.
    d.body[0].children[0].children[0].text =
        "Thực hiện Nghị quyết số 41/NQ-HĐND ngày 30/02/2025 của Hội đồng nhân dân phường.".into();
    assert!(paths(&d, "nd30.date.exists").is_empty());
    assert_eq!(paths(&d, "cite.date_exists"), [at]);
    d.header.date = PartialDate::ymd(2026, 2, 29);
    assert_eq!(paths(&d, "nd30.date.exists"), ["header.date"]);
}

#[test]
fn signature_rules() {
    let mut d = base();
    d.signature.lines.insert(
        1,
        SignLine {
            prefix: Some(SignPrefix::Kt),
            text: "CHỦ TỊCH".into(),
        },
    );
    d.signature.lines[2].text = "PHÓ CHỦ TỊCH".into();
    assert_quiet(&d, "nd30.signature.");
    d.signature.lines[2].text = "CHỦ TỊCH".into();
    assert_eq!(paths(&d, "nd30.signature.kt"), ["signature.lines[2]"]);
    d.signature.lines.truncate(2);
    assert_eq!(paths(&d, "nd30.signature.kt"), ["signature.lines[1]"]);
    d.signature.lines[0].text = "HỘI ĐỒNG NHÂN DÂN".into();
    assert_eq!(
        fixes(&d, "nd30.signature.committee"),
        [("signature.lines[0].text".into(), "ỦY BAN NHÂN DÂN".into())]
    );
    d.signature.lines[0].prefix = None;
    assert_eq!(
        paths(&d, "nd30.signature.committee"),
        ["signature.lines[0]"]
    );
    d.signature.name = "".into();
    assert_eq!(paths(&d, "nd30.signature.name"), ["signature.name"]);
    let mut p = party();
    assert!(paths(&p, "hd36.signature.prefix").is_empty());
    p.signature.lines[0].prefix = Some(SignPrefix::Tl);
    assert_eq!(paths(&p, "hd36.signature.prefix"), ["signature.lines[0]"]);
    assert!(paths(&p, "nd30.signature.committee").is_empty());
}

#[test]
fn recipients_rules() {
    let mut d = base();
    d.recipients.items[1] = "- Sở Nội vụ;".into();
    d.recipients.archive = Some("Lưu: VT, VHXH.".into());
    assert_eq!(
        fixes(&d, "nd30.recipients.punctuation"),
        [
            ("recipients.items[1]".into(), "Sở Nội vụ".into()),
            ("recipients.archive".into(), "VT, VHXH".into())
        ]
    );
    assert!(paths(&d, "nd30.recipients.archive").is_empty());
    d.recipients.archive = Some("VT".into());
    assert_eq!(paths(&d, "nd30.recipients.archive"), ["recipients.archive"]);
    d.recipients.archive = Some("VHXH".into());
    assert_eq!(paths(&d, "nd30.recipients.archive"), ["recipients.archive"]);
    d.recipients.archive = None;
    assert_eq!(paths(&d, "nd30.recipients.archive"), ["recipients.archive"]);
    let mut d = base();
    d.recipients.archive = Some("VT, VHXXH".into());
    assert_eq!(
        paths(&d, "nd30.recipients.archive_unit"),
        ["recipients.archive"]
    );
    d.recipients.archive = Some("VT, P.T.Nguyệt".into());
    assert!(paths(&d, "nd30.recipients.archive_unit").is_empty());
    assert_eq!(edit_distance("VHXXH", "VHXH"), 1);
    let mut p = party();
    p.recipients.archive = Some("VPĐU".into());
    assert!(paths(&p, "nd30.recipients.archive").is_empty());
}

#[test]
fn typed_labels() {
    for (t, rest) in [
        ("1. Mục đích", "Mục đích"),
        ("a) Nội dung", "Nội dung"),
        ("II. NỘI DUNG", "NỘI DUNG"),
        ("- Việc", "Việc"),
        ("đ) Việc", "Việc"),
        ("1.2. Việc", "Việc"),
        ("I- Việc", "Việc"),
        ("A. MỤC ĐÍCH", "MỤC ĐÍCH"),
    ] {
        assert_eq!(typed_label(t).map(|n| &t[n..]), Some(rest), "{t}");
    }
    for t in [
        "2025 - 2030 là giai đoạn",
        "Mục đích",
        "Ủy ban nhân dân",
        "(Có Phụ lục I)",
        "15/8/2025 khai mạc",
        "Việc",
    ] {
        assert_eq!(typed_label(t), None, "{t}");
    }
    let mut d = base();
    d.body[0].children[0].text = "1. Mục đích".into();
    assert_eq!(
        fixes(&d, "nd30.body.typed_label"),
        [("body[0].children[0].text".into(), "Mục đích".into())]
    );
    d.body[2].children[0].text = "- Kinh phí".into();
    assert_eq!(
        paths(&d, "nd30.body.typed_label").len(),
        1,
        "paragraphs print no label"
    );
}

#[test]
fn numbering_depth() {
    let mut d = base();
    d.settings.numbering.truncate(1);
    assert_eq!(
        paths(&d, "nd30.body.numbering_depth"),
        [
            "body[0].children[0]",
            "body[1].children[0]",
            "body[1].children[1]",
            "body[3].children[0]"
        ]
    );
}

#[test]
fn ending() {
    let mut d = base();
    let last = d.body.len() - 1;
    d.body[last].text = "Trên đây là Kế hoạch.".into();
    assert_eq!(
        fixes(&d, "nd30.body.ending"),
        [(
            format!("body[{last}].text"),
            "Trên đây là Kế hoạch./.".into()
        )]
    );
    assert!(paths(&party(), "nd30.body.ending").is_empty());
}

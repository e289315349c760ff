//! The planted defects of the Gia Viên plan in its wording: spacing,
//! capitals, the date line's place, text pasted from a VNI font.

use super::cases::{case, edit, node, row, vni_field, Case, POINTS, REF};

/// Defects of the wording.
pub const WORDING: &[Case] = &[
    case(
        "spacing",
        "two spaces in a task",
        |d| edit(d, &[1, 0, 1], "bão mạnh, siêu", "bão mạnh,  siêu"),
        &["body[1].children[0].children[1].text"],
        true,
    ),
    case(
        "spacing",
        "space before the full stop",
        |d| edit(d, &[3, 1, 0], "có yêu cầu.", "có yêu cầu ."),
        &["body[3].children[1].children[0].text"],
        true,
    ),
    case(
        "spacing",
        "two spaces in an appendix cell",
        |d| {
            row(d, 1, 0)[1].text = row(d, 1, 0)[1]
                .text
                .replace("phương án sơ", "phương án  sơ")
        },
        &["appendices[0].groups[1].rows[0].cells[1].text"],
        true,
    ),
    case(
        "spacing",
        "space before the colon of the opening",
        |d| d.opening[2] = d.opening[2].replace("như sau:", "như sau :"),
        &["opening[2]"],
        true,
    ),
    case(
        "spacing",
        "space before the closing bracket",
        |d| edit(d, &[0, 1, 0], "hậu cần tại chỗ)", "hậu cần tại chỗ )"),
        &["body[0].children[1].children[0].text"],
        true,
    ),
    case(
        "spacing",
        "space before a comma in an appendix cell",
        |d| {
            row(d, 0, 0)[1].text = row(d, 0, 0)[1]
                .text
                .replace("Nạo vét, khơi", "Nạo vét , khơi")
        },
        &["appendices[0].groups[0].rows[0].cells[1].text"],
        true,
    ),
    case(
        "capitals",
        "Kế Hoạch mid-sentence",
        |d| edit(d, &[1, 1, 1], "Kế hoạch này", "Kế Hoạch này"),
        &[REF],
        true,
    ),
    case(
        "capitals",
        "Ủy Ban Nhân Dân phường",
        |d| edit(d, &[3, 0, 0], "Ủy ban nhân dân", "Ủy Ban Nhân Dân"),
        &["body[3].children[0].children[0].text"],
        true,
    ),
    case(
        "capitals",
        "Phụ Lục",
        |d| edit(d, &[1, 1, 1], "Phụ lục", "Phụ Lục"),
        &[REF],
        true,
    ),
    case(
        "capitals",
        "Ủy ban Nhân dân phường in the closing",
        |d| edit(d, &[4], "Ủy ban nhân dân", "Ủy ban Nhân dân"),
        &["body[4].text"],
        true,
    ),
    case(
        "capitals",
        "Ủy Ban nhân dân, only Ban capital",
        |d| edit(d, &[1, 1, 0], "báo cáo Ủy ban", "báo cáo Ủy Ban"),
        &[POINTS],
        true,
    ),
    case(
        "capitals",
        "heading yêu cầu in lower case",
        |d| node(d, &[0, 1]).text = "yêu cầu".into(),
        &["body[0].children[1].text"],
        true,
    ),
    case(
        "capitals",
        "heading công tác chuẩn bị in lower case",
        |d| node(d, &[1, 0]).text = "công tác chuẩn bị".into(),
        &["body[1].children[0].text"],
        true,
    ),
    case(
        "place",
        "a neighbouring ward",
        |d| d.header.place = "Lê Chân".into(),
        &["header.place"],
        false,
    ),
    case(
        "place",
        "another ward",
        |d| d.header.place = "Ngô Quyền".into(),
        &["header.place"],
        false,
    ),
    case(
        "legacy",
        "funding paragraph in VNI (Kinh phí)",
        |d| vni_field(&mut node(d, &[2, 0]).text),
        &["body[2].children[0].text"],
        true,
    ),
    case(
        "legacy",
        "opening in VNI (Chính phủ, NĐ-CP)",
        |d| vni_field(&mut d.opening[1]),
        &["opening[1]"],
        true,
    ),
    case(
        "legacy",
        "duty paragraph in VNI (tìm kiếm)",
        |d| vni_field(&mut node(d, &[3, 1, 0]).text),
        &["body[3].children[1].children[0].text"],
        true,
    ),
    case(
        "legacy",
        "task in VNI (Chỉ huy, tìm kiếm)",
        |d| vni_field(&mut node(d, &[1, 0, 0]).text),
        &["body[1].children[0].children[0].text"],
        true,
    ),
    case(
        "legacy",
        "a heading in VNI capitals",
        |d| vni_field(&mut node(d, &[3]).text),
        &["body[3].text"],
        true,
    ),
    case(
        "legacy",
        "the subject in VNI",
        |d| vni_field(&mut d.header.subject),
        &["header.subject"],
        true,
    ),
    case(
        "legacy",
        "an appendix cell in VNI",
        |d| vni_field(&mut row(d, 1, 1)[1].text),
        &["appendices[0].groups[1].rows[1].cells[1].text"],
        true,
    ),
    case(
        "spacing",
        "double space in subject",
        |d| d.header.subject = d.header.subject.replace("cứu nạn trên", "cứu nạn  trên"),
        &["header.subject"],
        true,
    ),
    case(
        "spacing",
        "double space in appendix group heading",
        |d| d.appendices[0].groups[0].heading = "Công tác  phòng ngừa".into(),
        &["appendices[0].groups[0].heading"],
        true,
    ),
    case(
        "spacing",
        "space after opening bracket",
        |d| edit(d, &[0, 1, 0], "(chỉ huy", "( chỉ huy"),
        &["body[0].children[1].children[0].text"],
        true,
    ),
    case(
        "capitals",
        "Nhà Nước",
        |d| edit(d, &[0, 0, 0], "của Nhà nước", "của Nhà Nước"),
        &["body[0].children[0].children[0].text"],
        true,
    ),
    case(
        "capitals",
        "Kế Hoạch in the opening",
        |d| d.opening[2] = d.opening[2].replace("ban hành Kế hoạch", "ban hành Kế Hoạch"),
        &["opening[2]"],
        true,
    ),
    case(
        "capitals",
        "Ủy Ban Nhân Dân Phường in duty para",
        |d| {
            edit(
                d,
                &[3, 0, 0],
                "Ủy ban nhân dân phường",
                "Ủy Ban Nhân Dân Phường",
            )
        },
        &["body[3].children[0].children[0].text"],
        false,
    ),
    case(
        "capitals",
        "heading mục đích lower",
        |d| node(d, &[0, 0]).text = "mục đích".into(),
        &["body[0].children[0].text"],
        true,
    ),
    case(
        "place",
        "place without diacritics",
        |d| d.header.place = "Gia Vien".into(),
        &["header.place"],
        false,
    ),
    case(
        "place",
        "place another commune",
        |d| d.header.place = "An Dương".into(),
        &["header.place"],
        false,
    ),
    case(
        "legacy",
        "recipient in VNI",
        |d| vni_field(&mut d.recipients.items[1]),
        &["recipients.items[1]"],
        true,
    ),
    case(
        "legacy",
        "group heading in VNI",
        |d| vni_field(&mut d.appendices[0].groups[1].heading),
        &["appendices[0].groups[1].heading"],
        true,
    ),
    case(
        "legacy",
        "yêu cầu paragraph in VNI",
        |d| vni_field(&mut node(d, &[0, 1, 0]).text),
        &["body[0].children[1].children[0].text"],
        true,
    ),
    case(
        "legacy",
        "closing in VNI",
        |d| vni_field(&mut node(d, &[4]).text),
        &["body[4].text"],
        true,
    ),
];

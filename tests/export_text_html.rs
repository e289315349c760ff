#![cfg(not(target_arch = "wasm32"))]
//! Plain text and HTML exports of the sample plan.

use kehoach::export::{html, text::to_text};
use kehoach::model::sample::generated_plan;
use kehoach::model::Profile;

#[test]
fn text_reads_as_on_paper() {
    let t = to_text(&generated_plan(60));
    assert!(t.ends_with('\n'));
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(
        lines[0],
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    );
    assert_eq!(
        lines[1],
        "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN\tĐộc lập - Tự do - Hạnh phúc"
    );
    assert_eq!(
        lines[2],
        "Số: 15/KH-UBND\tHồng An, ngày 15 tháng 01 năm 2026"
    );
    assert!(lines.contains(&"KẾ HOẠCH"));
    for expected in [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Triển khai kịp thời, đồng bộ, hiệu quả.",
        "II. NỘI DUNG",
        "1. Tổ chức quán triệt, tuyên truyền, phổ biến",
        "- Cơ quan chủ trì: Phòng Văn hóa - Xã hội.",
        "- Cơ quan phối hợp: Văn phòng HĐND và UBND.",
        "- Hình thức: Ban hành văn bản, tổ chức hội nghị.",
        "- Thời gian thực hiện: Thường xuyên.",
        "- Sản phẩm: Báo cáo kết quả.",
        "2. Các nhiệm vụ cụ thể",
        "IV. TỔ CHỨC THỰC HIỆN",
        "Trên đây là Kế hoạch của Ủy ban nhân dân phường Hồng An./.",
        "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN",
        "- UBND thành phố;\tCHỦ TỊCH",
        "- Lưu: VT, VHXH.\t",
        "\tNguyễn Văn An",
        "Phụ lục I",
        "DANH MỤC NHIỆM VỤ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ",
        "(Kèm theo Kế hoạch số 15/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân phường Hồng An)",
        "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\tSản phẩm",
        "I.\tNhóm nhiệm vụ 1",
        "1\tThực hiện nhiệm vụ số 1 về bảo đảm dân chủ ở cơ sở\tPhòng Văn hóa - Xã hội\tVăn phòng HĐND và UBND; Phòng Kinh tế, Hạ tầng và Đô thị\tThường xuyên\tBáo cáo kết quả thực hiện",
        "II.\tNhóm nhiệm vụ 2",
    ] {
        assert!(lines.contains(&expected), "missing line {expected:?}");
    }
    assert!(t.contains("Số: 15/KH-UBND") && t.contains("Hồng An, ngày 15 tháng 01 năm 2026"));
    // The 51st row carries on the numbering across groups.
    assert!(lines
        .iter()
        .any(|l| l.starts_with("51\tThực hiện nhiệm vụ số 51")));
}

#[test]
fn text_labels_a_and_per_group_numbering() {
    let mut doc = generated_plan(60);
    // Tasks one level deeper take a) b).
    let task = doc.body[1].children[0].clone();
    doc.body[1].children[1].children.insert(0, task.clone());
    doc.body[1].children[1].children.insert(1, task);
    doc.appendices[0].row_numbering = kehoach::model::RowNumbering::PerGroup;
    let t = to_text(&doc);
    assert!(t.contains("\na) Tổ chức quán triệt, tuyên truyền, phổ biến\n"));
    assert!(t.contains("\nb) Tổ chức quán triệt, tuyên truyền, phổ biến\n"));
    assert!(t.contains("II.\tNhóm nhiệm vụ 2\n1\tThực hiện nhiệm vụ số 51"));
}

#[test]
fn text_draft_and_party() {
    let mut doc = generated_plan(1);
    doc.header.number = None;
    doc.header.date = kehoach::model::PartialDate::year_only(2026);
    let t = to_text(&doc);
    assert!(
        t.contains("Số:      /KH-UBND\tHồng An, ngày      tháng      năm 2026\n"),
        "{t}"
    );
    doc.profile = Profile::Party;
    doc.header.number = Some("04".into());
    doc.header.symbol = "CTr/ĐU".into();
    let t = to_text(&doc);
    assert!(t.contains("\tĐẢNG CỘNG SẢN VIỆT NAM\n"));
    assert!(t.contains("\n*\t\n"));
    assert!(t.contains("Số 04-CTr/ĐU\t"));
    assert!(t.contains("T/M ỦY BAN NHÂN DÂN"));
    assert!(t.contains("- Lưu VT, VHXH."));
    assert!(!t.contains("Độc lập"));
}

#[test]
fn html_has_styles_tables_and_escapes() {
    let h = html::to_html(&generated_plan(3));
    assert!(h.starts_with("<div style=\"font-family:'Times New Roman'"));
    assert!(h.contains("font-weight:bold\">ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN</p>"));
    assert!(h.contains("font-style:italic\">Hồng An, ngày 15 tháng 01 năm 2026</p>"));
    assert!(h.contains(
        "text-align:center;margin-top:18pt;font-size:14pt;font-weight:bold\">KẾ HOẠCH</p>"
    ));
    assert!(h.contains("<table border=\"1\""));
    assert!(h.contains("<thead><tr><th"));
    assert!(h.contains(">I.</td><td colspan=\"5\""));
    assert!(h.contains("page-break-before:always"));
    assert!(h.contains("class=\"kh-landscape\""));
    let mut draft = generated_plan(1);
    draft.header.number = None;
    assert!(html::to_html(&draft).contains(">Số: &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/KH-UBND</p>"));
    let page = html::to_print_html(&generated_plan(3));
    assert!(
        page.starts_with("<!DOCTYPE html>")
            && page.contains("@page")
            && page.contains("<meta charset=\"utf-8\">")
    );
}

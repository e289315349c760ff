//! The planted defects of the Gia Viên plan: two or more of every class
//! issue 19 lists, each with the field where it must be reported.

use super::vni::to_vni;
use kehoach::model::{Cell, Document, Node, ReportDeadline, ReportPeriod, Timeframe};

pub(super) fn node<'a>(d: &'a mut Document, at: &[usize]) -> &'a mut Node {
    let mut n = &mut d.body[at[0]];
    for &i in &at[1..] {
        n = &mut n.children[i];
    }
    n
}

/// The text of the body node at `at`, edited by replacing `from` with `to`
/// (which must be there: a plant that plants nothing would pass unseen).
pub(super) fn edit(d: &mut Document, at: &[usize], from: &str, to: &str) {
    let t = &mut node(d, at).text;
    assert!(t.contains(from), "{from:?} not in {t:?}");
    *t = t.replacen(from, to, 1);
}

pub(super) fn row(d: &mut Document, group: usize, row: usize) -> &mut Vec<Cell> {
    &mut d.appendices[0].groups[group].rows[row].cells
}

/// The field's text as pasted from a VNI font.
pub(super) fn vni_field(t: &mut String) {
    *t = to_vni(t);
}

pub(super) type Plant = fn(&mut Document);

/// A planted defect: what, how, the field(s) where it must be reported, and
/// whether applying the fixes must give back the clean plan exactly.
pub struct Case {
    pub class: &'static str,
    pub what: &'static str,
    pub plant: Plant,
    pub at: &'static [&'static str],
    pub restores: bool,
}

pub(super) const fn case(
    class: &'static str,
    what: &'static str,
    plant: Plant,
    at: &'static [&'static str],
    restores: bool,
) -> Case {
    Case {
        class,
        what,
        plant,
        at,
        restores,
    }
}

pub(super) const POINTS: &str = "body[1].children[1].children[0].text";
/// The only reference to the appendix.
pub const REF: &str = "body[1].children[1].children[1].text";

/// Defects of content and structure: hand-typed sequences, years, appendix
/// rows, bare citations, appendix references, report deadlines.
pub const CONTENT: &[Case] = &[
    case(
        "sequence",
        "d) then e): đ skipped",
        |d| {
            edit(d, &[1, 1, 0], "\nđ) tổng", "\ne) tổng");
            edit(d, &[1, 1, 0], "\ne) tham", "\ng) tham");
        },
        &[POINTS],
        false,
    ),
    case(
        "sequence",
        "numbered lines 1. 2. 4. in a duty",
        |d| {
            node(d, &[3, 2, 0]).text = "Các tổ dân phố thực hiện các việc sau:\n1. Nắm chắc số hộ, số nhân khẩu tại các khu vực xung yếu;\n2. Thông báo, hướng dẫn Nhân dân thực hiện các biện pháp bảo đảm an toàn;\n4. Báo cáo kết quả về Ủy ban nhân dân phường.".into();
        },
        &["body[3].children[2].children[0].text"],
        false,
    ),
    case(
        "sequence",
        "inline a) b) d) in a task",
        |d| {
            node(d, &[1, 0, 2]).text = "Tuyên truyền kiến thức, kỹ năng phòng, chống thiên tai cho Nhân dân, gồm: a) trên hệ thống truyền thanh của phường; b) trên trang thông tin điện tử; d) tại các buổi sinh hoạt tổ dân phố".into();
        },
        &["body[1].children[0].children[2].text"],
        false,
    ),
    case(
        "sequence",
        "sibling paragraphs a) b) c) e)",
        |d| {
            let para = |t: &str| Node {
                kind: kehoach::model::NodeKind::Paragraph,
                text: t.into(),
                ..Node::default()
            };
            node(d, &[0, 0]).children = vec![
                para("a) Chủ động phòng ngừa, ứng phó kịp thời với thiên tai."),
                para("b) Khắc phục khẩn trương, có hiệu quả hậu quả thiên tai."),
                para("c) Hạn chế thấp nhất thiệt hại về người và tài sản."),
                para("e) Nâng cao nhận thức của Nhân dân."),
            ];
        },
        &["body[0].children[0].children[3].text"],
        false,
    ),
    case(
        "year",
        "subject says năm 2027",
        |d| {
            d.header.subject = d.header.subject.replace("năm 2026", "năm 2027");
        },
        &["header.subject"],
        false,
    ),
    case(
        "year",
        "opening issues the plan for năm 2025",
        |d| {
            d.opening[2] = d.opening[2].replace(
                "ban hành Kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026",
                "ban hành Kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn năm 2025",
            );
        },
        &["opening[2]"],
        false,
    ),
    case(
        "year",
        "subject says giai đoạn 2026 - 2030 for a one-year plan",
        |d| {
            d.header.subject = d
                .header
                .subject
                .replace("năm 2026", "giai đoạn 2026 - 2030");
        },
        &["header.subject"],
        false,
    ),
    case(
        "year",
        "opening drafts the plan for năm 2027",
        |d| {
            d.opening[2] = d.opening[2].replace(
                "ban hành Kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026 như sau",
                "xây dựng Kế hoạch thực hiện công tác phòng, chống thiên tai năm 2027 như sau",
            );
        },
        &["opening[2]"],
        false,
    ),
    case(
        "appendix row",
        "row 2 without a lead",
        |d| row(d, 0, 1)[4].agencies.clear(),
        &["appendices[0].groups[0].rows[1].cells[4].agencies"],
        false,
    ),
    case(
        "appendix row",
        "row 3 without a lead",
        |d| row(d, 1, 0)[4].agencies.clear(),
        &["appendices[0].groups[1].rows[0].cells[4].agencies"],
        false,
    ),
    case(
        "appendix row",
        "row 1 lead also last partner",
        |d| {
            row(d, 0, 0)[5]
                .agencies
                .push("phong_kinh_te_ha_tang_va_do_thi".into())
        },
        &["appendices[0].groups[0].rows[0].cells[5].agencies[2]"],
        false,
    ),
    case(
        "appendix row",
        "row 4 lead also first partner",
        |d| {
            row(d, 1, 1)[5]
                .agencies
                .insert(0, "phong_kinh_te_ha_tang_va_do_thi".into())
        },
        &["appendices[0].groups[1].rows[1].cells[5].agencies[0]"],
        false,
    ),
    case(
        "appendix row",
        "row 2 in Quý III/2027",
        |d| {
            row(d, 0, 1)[3].timeframe = Some(Timeframe::Quarter {
                quarter: 3,
                year: 2027,
            })
        },
        &["appendices[0].groups[0].rows[1].cells[3].timeframe"],
        false,
    ),
    case(
        "appendix row",
        "row 3 before a 2025 date",
        |d| row(d, 1, 0)[3].timeframe = Some(Timeframe::Text("Trước ngày 30/4/2025".into())),
        &["appendices[0].groups[1].rows[0].cells[3].timeframe"],
        false,
    ),
    case(
        "appendix row",
        "row 2 led by an agency not in the list",
        |d| row(d, 0, 1)[4].agencies = vec!["ban_chi_huy_quan_su".into()],
        &["appendices[0].groups[0].rows[1].cells[4].agencies[0]"],
        false,
    ),
    case(
        "appendix row",
        "row 3 with a partner not in the list",
        |d| row(d, 1, 0)[5].agencies.push("hoi_chu_thap_do".into()),
        &["appendices[0].groups[1].rows[0].cells[5].agencies[2]"],
        false,
    ),
    case(
        "bare citation",
        "Nghị định số 66 with no symbol or date",
        |d| {
            d.opening[1] = "Căn cứ Nghị định số 66 của Chính phủ quy định chi tiết thi hành một số điều của Luật Phòng, chống thiên tai;".into();
        },
        &["opening[1]"],
        false,
    ),
    case(
        "bare citation",
        "Chỉ thị số 19 with nothing else",
        |d| {
            d.opening.insert(
                2,
                "Căn cứ Chỉ thị số 19 về tăng cường công tác phòng, chống thiên tai;".into(),
            );
        },
        &["opening[2]"],
        false,
    ),
    case(
        "bare citation",
        "Thông tư số 93 in the funding paragraph",
        |d| {
            node(d, &[2, 0]).text = "Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách phường và Quỹ phòng, chống thiên tai theo Thông tư số 93 của Bộ Tài chính.".into();
        },
        &["body[2].children[0].text"],
        false,
    ),
    case(
        "bare citation",
        "the city's Kế hoạch số 62 without symbol or date",
        |d| {
            d.opening[2] =
                d.opening[2].replace("Kế hoạch số 62/KH-UBND ngày 20/02/2026", "Kế hoạch số 62");
        },
        &["opening[2]"],
        false,
    ),
    case(
        "bare citation",
        "Nghị quyết 57 without số",
        |d| {
            edit(
                d,
                &[0, 1, 0],
                "không để bị động",
                "theo tinh thần Nghị quyết 57 của Bộ Chính trị, không để bị động",
            )
        },
        &["body[0].children[1].children[0].text"],
        false,
    ),
    case(
        "appendix reference",
        "the only reference says Phụ lục II",
        |d| edit(d, &[1, 1, 1], "tại Phụ lục kèm", "tại Phụ lục II kèm"),
        &[REF],
        false,
    ),
    case(
        "appendix reference",
        "a task also points to Phụ lục II",
        |d| {
            edit(
                d,
                &[1, 0, 1],
                "không bảo đảm an toàn",
                "không bảo đảm an toàn (chi tiết tại Phụ lục II)",
            )
        },
        &["body[1].children[0].children[1].text"],
        false,
    ),
    case(
        "appendix reference",
        "Phụ lục 2 in Arabic",
        |d| edit(d, &[1, 1, 1], "tại Phụ lục kèm", "tại Phụ lục 2 kèm"),
        &[REF],
        false,
    ),
    case(
        "deadline",
        "six-month report before 31/6",
        |d| {
            d.report_deadlines[0] = ReportDeadline {
                period: ReportPeriod::SixMonth,
                day: 31,
                month: 6,
            }
        },
        &["report_deadlines[0]"],
        false,
    ),
    case(
        "deadline",
        "nine-month report before 31/9",
        |d| {
            d.report_deadlines[1] = ReportDeadline {
                period: ReportPeriod::NineMonth,
                day: 31,
                month: 9,
            }
        },
        &["report_deadlines[1]"],
        false,
    ),
    case(
        "deadline",
        "the report paragraph says 31/6/2026",
        |d| {
            edit(
                d,
                &[3, 0, 1],
                "trước ngày 05/6/2026",
                "trước ngày 31/6/2026",
            )
        },
        &["body[3].children[0].children[1].text"],
        false,
    ),
    case(
        "sequence",
        "a. b. c. e. with dots",
        |d| {
            edit(d, &[1, 1, 0], "\na) thông", "\na. thông");
            edit(d, &[1, 1, 0], "\nb) hướng", "\nb. hướng");
            edit(d, &[1, 1, 0], "\nc) rà", "\nc. rà");
            edit(d, &[1, 1, 0], "\nd) bố", "\ne. bố");
            edit(d, &[1, 1, 0], "\nđ) tổng", "\ng. tổng");
            edit(d, &[1, 1, 0], "\ne) tham", "\nh. tham");
        },
        &[POINTS],
        false,
    ),
    case(
        "sequence",
        "duty children a) b) d)",
        |d| {
            let para = |t: &str| Node {
                kind: kehoach::model::NodeKind::Paragraph,
                text: t.into(),
                ..Node::default()
            };
            node(d, &[3, 1]).children = vec![
                para("a) Bảo đảm an ninh, trật tự tại các khu vực sơ tán dân."),
                para("b) Tham gia tìm kiếm cứu nạn khi có yêu cầu."),
                para("d) Báo cáo kết quả về Ủy ban nhân dân phường."),
            ];
        },
        &["body[3].children[1].children[2].text"],
        false,
    ),
    case(
        "sequence",
        "1) 2) 4)",
        |d| {
            node(d, &[2, 0]).text = "Kinh phí thực hiện gồm:\n1) ngân sách phường;\n2) Quỹ phòng, chống thiên tai;\n4) các nguồn hợp pháp khác.".into();
        },
        &["body[2].children[0].text"],
        false,
    ),
    case(
        "year",
        "subject starts Năm 2025",
        |d| {
            d.header.subject = "Năm 2025 về phòng, chống thiên tai và tìm kiếm cứu nạn trên địa bàn phường Gia Viên".into();
        },
        &["header.subject"],
        false,
    ),
    case(
        "year",
        "title with year",
        |d| {
            d.header.title = Some("KẾ HOẠCH NĂM 2025".into());
        },
        &["header.title"],
        false,
    ),
    case(
        "year",
        "opening triển khai năm 2027",
        |d| {
            d.opening[2] = d.opening[2].replace(
                "ban hành Kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026 như sau",
                "triển khai thực hiện nhiệm vụ năm 2027 như sau",
            );
        },
        &["opening[2]"],
        false,
    ),
    case(
        "bare citation",
        "Công văn số 125",
        |d| {
            edit(
                d,
                &[0, 1, 0],
                "không để bị động",
                "theo Công văn số 125 của Sở Nông nghiệp và Môi trường, không để bị động",
            )
        },
        &["body[0].children[1].children[0].text"],
        false,
    ),
    case(
        "bare citation",
        "Quyết định số 1250 in a task",
        |d| {
            edit(
                d,
                &[1, 0, 1],
                "không bảo đảm an toàn",
                "không bảo đảm an toàn theo Quyết định số 1250 của Ủy ban nhân dân thành phố",
            )
        },
        &["body[1].children[0].children[1].text"],
        false,
    ),
    case(
        "appendix reference",
        "Phụ lục I, II",
        |d| edit(d, &[1, 1, 1], "tại Phụ lục kèm", "tại Phụ lục I, II kèm"),
        &[REF],
        false,
    ),
    case(
        "appendix reference",
        "phụ lục số 02",
        |d| edit(d, &[1, 1, 1], "tại Phụ lục kèm", "tại phụ lục số 02 kèm"),
        &[REF],
        false,
    ),
    case(
        "appendix reference",
        "Phụ lục III in opening",
        |d| d.opening[2] = d.opening[2].replace("như sau:", "(Phụ lục III) như sau:"),
        &["opening[2]"],
        false,
    ),
    case(
        "deadline",
        "annual 31/11",
        |d| {
            d.report_deadlines[2] = ReportDeadline {
                period: ReportPeriod::Annual,
                day: 31,
                month: 11,
            }
        },
        &["report_deadlines[2]"],
        false,
    ),
    case(
        "deadline",
        "nine-month 31/9 in text too",
        |d| {
            edit(
                d,
                &[3, 0, 1],
                "trước ngày 10/9/2026",
                "trước ngày 31/9/2026",
            )
        },
        &["body[3].children[0].children[1].text"],
        false,
    ),
    case(
        "deadline",
        "29/02/2026 in a task timeframe",
        |d| {
            node(d, &[1, 0, 0]).task.as_mut().unwrap().timeframe =
                Some(Timeframe::Text("Trước ngày 29/02/2026".into()))
        },
        &["body[1].children[0].children[0].task.timeframe"],
        false,
    ),
];

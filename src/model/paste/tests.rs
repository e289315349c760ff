use super::*;
use crate::model::edit::cell_text;
use crate::model::table::TableShape;

fn tasks_doc() -> Document {
    let mut doc = sample::generated_plan(0);
    doc.appendices = vec![TableShape::Tasks.new_appendix(&doc)];
    doc
}

fn texts(doc: &Document, row: &Row) -> Vec<String> {
    let a = &doc.appendices[0];
    a.columns
        .iter()
        .zip(&row.cells)
        .map(|(c, cell)| cell_text(doc, c.kind, cell))
        .collect()
}

#[test]
fn tsv_from_excel_becomes_typed_rows() {
    let doc = sample::generated_plan(0);
    let pasted = "Tuyên truyền\tPhòng Văn hóa - Xã hội\tCông an phường; Sở Mới\tQuý I/2026\tBáo cáo\r\n\"Hai\tdòng\"\tVP\t\tNăm 2027\tKết quả\r\n";
    let p = rows_from_tsv(&doc, 0, 1, pasted);
    assert_eq!(p.plan.how, ColumnMap::InOrder);
    let rows = &p.rows;
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].cells[1].text, "Tuyên truyền");
    assert_eq!(rows[0].cells[2].agencies, ["phong_van_hoa_xa_hoi"]);
    assert_eq!(rows[0].cells[3].agencies, ["cong_an_phuong"]);
    assert_eq!(rows[0].cells[3].text, "Sở Mới", "kept as typed");
    assert!(doc.agency("so_moi").is_none(), "no agency made silently");
    assert_eq!(p.unlisted, ["Sở Mới"]);
    assert_eq!(
        rows[0].cells[4].timeframe,
        Some(Timeframe::Quarter {
            quarter: 1,
            year: 2026
        })
    );
    assert_eq!(rows[1].cells[1].text, "Hai\tdòng");
    assert_eq!(rows[1].cells[2].agencies, ["van_phong_hdnd_va_ubnd"]);
    assert_eq!(
        cell_text(&doc, ColumnKind::AgencyList, &rows[0].cells[3]),
        "Công an phường; Sở Mới"
    );
    let (vi, en) = p.message();
    assert_eq!(
        vi,
        "Đã dán 2 dòng; 1 cơ quan chưa có trong danh mục: «Sở Mới» — chọn ô để thêm."
    );
    assert!(en.starts_with("Pasted 2 rows; 1 agencies not in the directory"));
}

#[test]
fn a_row_number_column_is_left_out() {
    let doc = tasks_doc();
    let pasted = "1\tTuyên truyền\tCông an phường\tPhòng Văn hóa - Xã hội\tQuý I/2026\tBáo cáo\n2\tKiểm tra\tVăn phòng HĐND và UBND\t\tNăm 2026\tKết quả\n";
    let p = rows_from_tsv(&doc, 0, 1, pasted);
    assert_eq!(p.plan.how, ColumnMap::SkipNumbers);
    assert_eq!(
        texts(&doc, &p.rows[0]),
        [
            "",
            "Tuyên truyền",
            "Công an phường",
            "Phòng Văn hóa - Xã hội",
            "Quý I/2026",
            "Báo cáo"
        ]
    );
    assert_eq!(
        texts(&doc, &p.rows[1])[5],
        "Kết quả",
        "the last column is kept"
    );
    assert_eq!(
        p.message().0,
        "Đã dán 2 dòng; bỏ cột STT (bảng tự đánh số)."
    );
    // Pasted into a later column, or numbers that do not count up: in order.
    assert_eq!(
        rows_from_tsv(&doc, 0, 2, pasted).plan.how,
        ColumnMap::InOrder
    );
    let odd = "5\tA\n9\tB\n";
    assert_eq!(rows_from_tsv(&doc, 0, 1, odd).plan.how, ColumnMap::InOrder);
    // A single column of numbers is data, not row numbers.
    assert_eq!(
        rows_from_tsv(&doc, 0, 1, "1\n2\n").plan.how,
        ColumnMap::InOrder
    );
}

#[test]
fn a_first_row_of_titles_places_columns_by_title() {
    let doc = tasks_doc();
    let pasted = "STT\tCơ quan chủ trì\tNội dung nhiệm vụ\tGhi chú\tThời gian thực hiện\n1\tCông an phường\tTuần tra\tx\tNăm 2026\n2\tcong an phuong\tKiểm tra\ty\tQuý II/2026\n";
    let p = rows_from_tsv(&doc, 0, 3, pasted);
    assert_eq!(p.plan.how, ColumnMap::ByTitle);
    assert_eq!(p.rows.len(), 2, "the title row is not data");
    assert_eq!(
        texts(&doc, &p.rows[1]),
        ["", "Kiểm tra", "Công an phường", "", "Quý II/2026", ""]
    );
    assert_eq!(p.plan.unknown_titles, ["Ghi chú"]);
    assert_eq!(
        p.message().0,
        "Đã dán 2 dòng; xếp cột theo tiêu đề ở dòng đầu; bỏ cột không có trong bảng: «Ghi chú»."
    );
    // Titles without accents still match; one matching title is not enough.
    let plain = "noi dung nhiem vu\tthoi gian thuc hien\nA\tNăm 2026\n";
    assert_eq!(
        rows_from_tsv(&doc, 0, 1, plain).plan.how,
        ColumnMap::ByTitle
    );
    let one = "Nội dung nhiệm vụ\tabc\tdef\nA\tB\tC\n";
    assert_eq!(rows_from_tsv(&doc, 0, 1, one).plan.how, ColumnMap::InOrder);
}

#[test]
fn stt_titles() {
    for t in ["STT", "TT", "Số TT", "số thứ tự", "stt."] {
        assert!(is_stt_title(t), "{t}");
    }
    assert!(!is_stt_title("Nội dung"));
}

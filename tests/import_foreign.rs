//! A Word file this app did not write (python-docx, tests/docx_foreign/make.py:
//! the header as a borderless table, Word's automatic numbering, legacy fonts,
//! tracked changes, a comment, an appendix whose header row repeats, with a
//! merged group row and a vertically merged cell) imported whole: the structure
//! the recogniser finds in it.
#![cfg(not(target_arch = "wasm32"))]

use kehoach::import::file::import_bytes;
use kehoach::model::{ColumnKind, DocKind, NodeKind, PartialDate};
use std::path::PathBuf;
use std::process::Command;

fn foreign_docx() -> Vec<u8> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::Builder::new()
        .prefix("kehoach-foreign-import-")
        .tempdir()
        .unwrap();
    let out = tmp.path();
    let run = Command::new("python3")
        .arg(root.join("tests/docx_foreign/make.py"))
        .arg(out)
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        run.status.success(),
        "make.py failed (python-docx missing? run `bash scripts/setup.sh --test`): {stderr}"
    );
    std::fs::read(out.join("foreign.docx")).unwrap()
}

#[test]
fn a_plan_written_by_another_program_imports_with_its_structure() {
    let imported = import_bytes(&foreign_docx()).expect("imports");
    let doc = &imported.document;
    let h = &doc.header;
    assert_eq!(h.issuing_body, "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN");
    assert_eq!(
        (h.number.as_deref(), h.symbol.as_str()),
        (Some("12"), "KH-UBND")
    );
    assert_eq!(h.body_code, "UBND");
    assert_eq!(h.place, "Hồng An");
    assert_eq!(h.date, PartialDate::ymd(2026, 12, 5));
    assert_eq!(doc.kind, DocKind::Plan);
    // The legacy-font line is read as Unicode and is the subject.
    assert_eq!(h.subject, "Kế hoạch của Uỷ ban nhân dân");
    // Word's automatic numbering gives the tree: I. / 1. / - / 2. / II. / 1.
    let top: Vec<&str> = doc
        .body
        .iter()
        .filter(|n| n.kind == NodeKind::Heading)
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(top, ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG"], "{:#?}", doc.body);
    let purpose = &doc
        .body
        .iter()
        .find(|n| n.text == "MỤC ĐÍCH, YÊU CẦU")
        .unwrap();
    assert_eq!(purpose.children[0].text, "Mục đích");
    let item = &purpose.children[0].children[0];
    assert_eq!(
        (item.kind, item.text.as_str()),
        (NodeKind::Item, "Nâng cao nhận thức")
    );
    assert_eq!(purpose.children[1].text, "Yêu cầu");
    // The tracked insertion is kept, the deletion dropped, and the line is a
    // task's timeframe.
    let task = &doc.body[1].children[0].children[0];
    assert_eq!(
        (task.kind, task.text.as_str()),
        (NodeKind::Task, "Tổ chức thực hiện")
    );
    let timeframe = task
        .task
        .as_ref()
        .and_then(|t| t.timeframe.as_ref())
        .unwrap();
    assert_eq!(timeframe.to_vi(), "Quý I/2027");
    // The appendix: columns matched by name, the group row, 60 rows, the
    // vertically merged unit on both rows it spans.
    let app = &doc.appendices[0];
    let kinds: Vec<ColumnKind> = app.columns.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            ColumnKind::Index,
            ColumnKind::Text,
            ColumnKind::AgencyList,
            ColumnKind::Timeframe
        ]
    );
    assert_eq!(app.groups.len(), 1);
    assert_eq!(app.groups[0].heading, "Nhóm việc thường xuyên");
    assert_eq!(app.groups[0].rows.len(), 60);
    let unit = |r: usize| {
        let ids = &app.groups[0].rows[r].cells[2].agencies;
        kehoach::export::agency_names(doc, ids)
    };
    assert_eq!(
        (unit(0), unit(1), unit(2)),
        (
            "Công an phường".into(),
            "Công an phường".into(),
            "Văn phòng".into()
        )
    );
    // The report tells of the comment, the tracked changes and the legacy fonts.
    let report = imported.report.render(kehoach::Lang::Vi);
    assert!(report.contains("nhận xét"), "{report}");
    assert!(report.contains("theo dõi thay đổi"), "{report}");
    assert!(report.contains("bảng mã cũ"), "{report}");
}

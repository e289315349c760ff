//! A generated, realistic plan of any size: for benchmarks, the editor's speed
//! harness and tests that need volume. Deterministic, correct Vietnamese (NFC).

use super::*;

fn agency(id: &str, name: &str, short: &str) -> Agency {
    Agency {
        id: id.into(),
        name: name.into(),
        short_name: Some(short.into()),
        level: AgencyLevel::Ward,
    }
}

fn col(id: &str, title: &str, kind: ColumnKind) -> Column {
    Column {
        id: id.into(),
        title: title.into(),
        kind,
        width: None,
    }
}

fn task(text: &str, lead: &str, partners: &[&str], tf: Timeframe) -> Node {
    Node {
        kind: NodeKind::Task,
        text: text.into(),
        task: Some(Task {
            lead: vec![lead.into()],
            partners: partners.iter().map(|p| p.to_string()).collect(),
            form: Some("Ban hành văn bản, tổ chức hội nghị".into()),
            timeframe: Some(tf),
            output: Some("Báo cáo kết quả".into()),
            ..Task::default()
        }),
        ..Node::default()
    }
}

fn heading(text: &str, children: Vec<Node>) -> Node {
    Node {
        kind: NodeKind::Heading,
        text: text.into(),
        children,
        ..Node::default()
    }
}

/// A ward plan with one task appendix of `rows` rows, grouped 50 to a heading.
pub fn generated_plan(rows: usize) -> Document {
    let mut doc = Document::new(DocKind::Plan, Profile::State);
    doc.header = sample_header();
    doc.period = Some(YearRange {
        from: 2026,
        to: 2030,
    });
    doc.opening = vec![
        "Thực hiện Kế hoạch số 347/KH-UBND ngày 26/12/2025 của Ủy ban nhân dân thành phố, Ủy ban nhân dân phường Hồng An ban hành Kế hoạch thực hiện như sau:"
            .into(),
    ];
    doc.agencies = vec![
        agency("phong_van_hoa_xa_hoi", "Phòng Văn hóa - Xã hội", "VHXH"),
        agency("van_phong_hdnd_va_ubnd", "Văn phòng HĐND và UBND", "VP"),
        agency(
            "phong_kinh_te_ha_tang_va_do_thi",
            "Phòng Kinh tế, Hạ tầng và Đô thị",
            "KTHTĐT",
        ),
        agency("cong_an_phuong", "Công an phường", "CA"),
        agency(
            "trung_tam_phuc_vu_hanh_chinh_cong",
            "Trung tâm Phục vụ hành chính công",
            "TTPVHCC",
        ),
    ];
    let ids: Vec<&str> = doc.agencies.iter().map(|a| a.id.as_str()).collect();
    doc.body = sample_body(&ids);
    doc.appendices = vec![sample_appendix(rows, &ids)];
    doc.recipients = Recipients {
        items: vec![
            "UBND thành phố".into(),
            "Sở Nội vụ".into(),
            "Các phòng, ban, đơn vị thuộc phường".into(),
        ],
        archive: Some("VT, VHXH".into()),
    };
    doc.signature = Signature {
        lines: vec![
            SignLine {
                prefix: Some(SignPrefix::Tm),
                text: "ỦY BAN NHÂN DÂN".into(),
            },
            SignLine {
                prefix: None,
                text: "CHỦ TỊCH".into(),
            },
        ],
        name: "Nguyễn Văn An".into(),
    };
    doc
}

fn sample_header() -> Header {
    Header {
        parent_body: Some("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG".into()),
        issuing_body: "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN".into(),
        body_code: "UBND".into(),
        number: Some("15".into()),
        symbol: "KH-UBND".into(),
        place: "Hồng An".into(),
        date: PartialDate::ymd(2026, 1, 15),
        title: None,
        subject: "Triển khai thực hiện Kế hoạch số 347/KH-UBND ngày 26/12/2025 của Ủy ban nhân dân thành phố".into(),
    }
}

fn sample_body(ids: &[&str]) -> Vec<Node> {
    vec![
        heading(
            "MỤC ĐÍCH, YÊU CẦU",
            vec![heading(
                "Mục đích",
                vec![Node {
                    kind: NodeKind::Item,
                    text: "Triển khai kịp thời, đồng bộ, hiệu quả.".into(),
                    ..Node::default()
                }],
            )],
        ),
        heading(
            "NỘI DUNG",
            vec![
                task(
                    "Tổ chức quán triệt, tuyên truyền, phổ biến",
                    ids[0],
                    &[ids[1]],
                    Timeframe::Regular,
                ),
                heading(
                    "Các nhiệm vụ cụ thể",
                    vec![Node {
                        kind: NodeKind::Paragraph,
                        text: "(Có Phụ lục I chi tiết kèm theo)".into(),
                        ..Node::default()
                    }],
                ),
            ],
        ),
        heading(
            "KINH PHÍ THỰC HIỆN",
            vec![Node {
                kind: NodeKind::Paragraph,
                text: "Kinh phí thực hiện do ngân sách nhà nước bảo đảm theo phân cấp hiện hành."
                    .into(),
                ..Node::default()
            }],
        ),
        heading(
            "TỔ CHỨC THỰC HIỆN",
            vec![Node {
                kind: NodeKind::Duty,
                text: "Phòng Văn hóa - Xã hội".into(),
                agencies: vec![ids[0].into()],
                children: vec![Node {
                    kind: NodeKind::Paragraph,
                    text: "Theo dõi, tổng hợp, báo cáo kết quả thực hiện Kế hoạch.".into(),
                    ..Node::default()
                }],
                ..Node::default()
            }],
        ),
        Node {
            kind: NodeKind::Paragraph,
            text: "Trên đây là Kế hoạch của Ủy ban nhân dân phường Hồng An./.".into(),
            ..Node::default()
        },
    ]
}

/// The task appendix: `rows` rows, a group heading every 50.
fn sample_appendix(rows: usize, ids: &[&str]) -> Appendix {
    let mut groups: Vec<RowGroup> = Vec::new();
    for r in 0..rows {
        if r % 50 == 0 {
            groups.push(RowGroup {
                heading: format!("Nhóm nhiệm vụ {}", r / 50 + 1),
                rows: vec![],
            });
        }
        if let Some(g) = groups.last_mut() {
            g.rows.push(sample_row(r, ids));
        }
    }
    Appendix {
        number: "I".into(),
        title: "Danh mục nhiệm vụ thực hiện dân chủ ở cơ sở".into(),
        attached_note: Some(
            "Kèm theo Kế hoạch số 15/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân phường Hồng An"
                .into(),
        ),
        columns: vec![
            col("stt", "STT", ColumnKind::Index),
            col("content", "Nội dung nhiệm vụ", ColumnKind::Text),
            col("lead", "Cơ quan chủ trì", ColumnKind::Agency),
            col("partners", "Cơ quan phối hợp", ColumnKind::AgencyList),
            col("time", "Thời gian thực hiện", ColumnKind::Timeframe),
            col("output", "Sản phẩm", ColumnKind::Text),
        ],
        groups,
        row_numbering: RowNumbering::Continuous,
        landscape: true,
    }
}

/// Row `r` of the task appendix: agencies and timeframes in turn.
fn sample_row(r: usize, ids: &[&str]) -> Row {
    let timeframes = [
        Timeframe::Regular,
        Timeframe::Annually,
        Timeframe::Year(2027),
        Timeframe::Quarter {
            quarter: 2,
            year: 2026,
        },
    ];
    Row {
        cells: vec![
            Cell::default(),
            Cell {
                text: format!("Thực hiện nhiệm vụ số {} về bảo đảm dân chủ ở cơ sở", r + 1),
                ..Cell::default()
            },
            Cell {
                agencies: vec![ids[r % ids.len()].into()],
                ..Cell::default()
            },
            Cell {
                agencies: vec![
                    ids[(r + 1) % ids.len()].into(),
                    ids[(r + 2) % ids.len()].into(),
                ],
                ..Cell::default()
            },
            Cell {
                timeframe: Some(timeframes[r % timeframes.len()].clone()),
                ..Cell::default()
            },
            Cell {
                text: "Báo cáo kết quả thực hiện".into(),
                ..Cell::default()
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_plan_has_the_rows_asked_for_and_round_trips() {
        let doc = super::generated_plan(1000);
        let rows: usize = doc.appendices[0].groups.iter().map(|g| g.rows.len()).sum();
        assert_eq!(rows, 1000);
        let json = crate::model::json::to_json(&doc);
        assert_eq!(crate::model::json::from_json(&json).unwrap(), doc);
    }
}

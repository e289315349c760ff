//! The grassroots democracy template reproduces the ward and commune seeds
//! section by section; the cascade and the parent's facts travel with it.
#![cfg(not(target_arch = "wasm32"))]
// Native test code: std case mapping is fine here (the lint guards the wasm bundle).
#![allow(clippy::disallowed_methods)]

use kehoach::model::{Document, PartialDate, ReportPeriod};
use kehoach::templates::{instantiate, Facts};

mod common;
use common::*;

#[test]
fn democracy_plan_for_ward_hong_an_matches_seed_002() {
    let t = template(DEMOCRACY);
    let doc = instantiate(&t, &hong_an()).unwrap_or_else(|e| panic!("{}", e.message_en));
    dump("hong_an", &doc);
    let seed = fixture("002_");
    assert_no_errors("Hồng An", &doc);
    assert_round_trips("Hồng An", &doc);

    // Header: issuing body, unnumbered draft dated 2026, subject.
    assert_eq!(doc.header.issuing_body, seed.header.issuing_body);
    assert_eq!(doc.number_line(), seed.number_line());
    assert_eq!(doc.header.date, seed.header.date);
    assert_eq!(doc.header.place, seed.header.place);
    assert_eq!(doc.header.subject, seed.header.subject);
    // Top-level sections; the seed prints "MỤC ĐÍCH YÊU CẦU" without its comma (a typo, see notes).
    assert_eq!(
        top(&doc),
        [
            "MỤC ĐÍCH, YÊU CẦU",
            "NỘI DUNG",
            "KINH PHÍ THỰC HIỆN",
            "TỔ CHỨC THỰC HIỆN"
        ]
    );
    assert_eq!(
        top(&seed),
        [
            "MỤC ĐÍCH YÊU CẦU",
            "NỘI DUNG",
            "KINH PHÍ THỰC HIỆN",
            "TỔ CHỨC THỰC HIỆN"
        ]
    );
    let (ours, theirs) = (second(&doc), second(&seed));
    assert_eq!(ours[0], theirs[0], "I. Mục đích / Yêu cầu");
    // II follows the city plan 347 (as 003 does): 002 compresses II.1 into one task and drops II.3.
    assert_eq!(ours[1][1], theirs[1][1], "II.2");
    assert_eq!(
        section(&doc, "NỘI DUNG").children[1]
            .children
            .iter()
            .map(|n| &n.text)
            .collect::<Vec<_>>(),
        section(&seed, "NỘI DUNG").children[1]
            .children
            .iter()
            .map(|n| &n.text)
            .collect::<Vec<_>>()
    );
    // Duty blocks: the seed's six, plus the public service centre of 003.
    let mut expected = duties(&seed);
    expected.insert(4, "Trung tâm Dịch vụ sự nghiệp công:".into());
    assert_eq!(duties(&doc), expected);
    // Recipients, archive (the seed's "VHXXH" is a typo), signature.
    assert_eq!(doc.recipients.items, seed.recipients.items);
    assert_eq!(doc.recipients.archive.as_deref(), Some("VT, VHXH"));
    assert_eq!(sign_lines(&doc), sign_lines(&seed));
    assert_eq!(doc.signature.name, seed.signature.name);
    // Cascade.
    assert_eq!(doc.parent, seed.parent);
    assert_eq!(doc.report_deadlines, seed.report_deadlines);
    // Appendices I and II are referred to and present.
    assert_eq!(
        doc.appendices
            .iter()
            .map(|a| a.number.as_str())
            .collect::<Vec<_>>(),
        ["I", "II"]
    );
    assert!(doc.appendices[0]
        .attached_note
        .as_deref()
        .unwrap()
        .ends_with("của Ủy ban nhân dân phường Hồng An"));
    assert!(
        stray_level_words(&doc, "xã").is_empty(),
        "{:#?}",
        stray_level_words(&doc, "xã")
    );
    assert!(doc
        .agencies
        .iter()
        .any(|a| a.name == "Phòng Kinh tế, Hạ tầng và Đô thị"));
    assert!(doc.agencies.iter().any(|a| a.name == "Công an phường"));
    assert!(doc.agencies.iter().any(|a| a.name == "Các tổ dân phố"));
}

#[test]
fn democracy_plan_for_commune_nghi_duong_matches_seed_003() {
    let t = template(DEMOCRACY);
    let doc = instantiate(&t, &nghi_duong()).unwrap_or_else(|e| panic!("{}", e.message_en));
    dump("nghi_duong", &doc);
    let seed = fixture("003_");
    assert_no_errors("Nghi Dương", &doc);
    assert_round_trips("Nghi Dương", &doc);

    assert_eq!(doc.header.issuing_body, seed.header.issuing_body);
    assert_eq!(doc.number_line(), seed.number_line());
    assert_eq!(doc.header.date.long_vi(), "ngày 21 tháng 01 năm 2026");
    assert_eq!(doc.header.date, seed.header.date);
    assert_eq!(doc.header.place, seed.header.place);
    // The seed's subject reads "Hội đồng nhân dân Xã" (OCR capital); ours names it the same way as 002.
    assert!(doc
        .header
        .subject
        .contains("Nghị quyết số 20/NQ-HĐND ngày 19/12/2025 của HĐND xã"));
    assert!(doc.header.subject.ends_with("trên địa bàn xã Nghi Dương"));
    // Sections: same top level and the same second level as the commune seed (both follow plan 347).
    assert_eq!(top(&doc), top(&seed));
    assert_eq!(second(&doc), second(&seed));
    let content = |d: &Document| {
        section(d, "NỘI DUNG")
            .children
            .iter()
            .map(|n| {
                n.children
                    .iter()
                    .map(|c| (c.kind, c.children.len()))
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        content(&doc),
        content(&seed),
        "II: kinds and sizes of the points"
    );
    // Duty blocks: same agencies in the same order. 003 runs blocks 6 and 7 into one paragraph
    // and names some agencies in short form; the template keeps label + paragraph.
    // The template ends its headings with a colon as the ward's 002 prints them;
    // 003 prints all but the first without one.
    let ours: Vec<String> = duties(&doc)
        .iter()
        .map(|d| d.trim_end_matches(':').to_string())
        .collect();
    let theirs: Vec<String> = duties(&seed)
        .iter()
        .map(|d| d.trim_end_matches(':').to_string())
        .collect();
    assert_eq!(ours.len(), theirs.len());
    assert_eq!(ours[1], theirs[1], "Phòng Văn hóa - Xã hội");
    assert_eq!(ours[3], theirs[3], "Phòng Kinh tế");
    assert_eq!(ours[4], theirs[4], "Trung tâm Dịch vụ sự nghiệp công");
    assert!(
        theirs[5].starts_with("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam")
            && ours[5].starts_with("Đề nghị Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam")
    );
    for (o, t) in [(&ours[0], &theirs[0]), (&ours[6], &theirs[6])] {
        let common = "Đề nghị Ban Xây dựng Đảng Đảng ủy";
        assert!(o.starts_with(common) == t.starts_with(common), "{o} / {t}");
    }
    assert!(
        ours[0].ends_with("có trách nhiệm triển khai, thực hiện một số nội dung sau")
            && theirs[0].ends_with("có trách nhiệm triển khai, thực hiện một số nội dung sau")
    );
    let seed_duty_counts: Vec<usize> = section(&seed, "TỔ CHỨC THỰC HIỆN")
        .children
        .iter()
        .map(|n| n.children.len())
        .collect();
    let our_duty_counts: Vec<usize> = section(&doc, "TỔ CHỨC THỰC HIỆN")
        .children
        .iter()
        .map(|n| n.children.len())
        .collect();
    assert_eq!(
        our_duty_counts[..2],
        seed_duty_counts[..2],
        "points of IV.1 and IV.2"
    );
    assert_eq!(duty_agency_names(&doc)[3], ["Phòng Kinh tế"]);
    // Signature: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH as in the seed.
    assert_eq!(sign_lines(&doc), sign_lines(&seed));
    assert_eq!(doc.parent, seed.parent);
    assert_eq!(doc.report_deadlines, seed.report_deadlines);
    assert_eq!(doc.recipients.archive, seed.recipients.archive);
    assert!(doc
        .recipients
        .items
        .contains(&"CT, các PCT UBND xã".to_string()));
    assert!(doc.recipients.items.contains(&"Các thôn".to_string()));
    // Commune wording everywhere.
    assert!(
        stray_level_words(&doc, "phường").is_empty(),
        "{:#?}",
        stray_level_words(&doc, "phường")
    );
    for name in [
        "Công an xã",
        "Ban Chỉ huy quân sự xã",
        "Trung tâm Dịch vụ sự nghiệp công",
        "Phòng Kinh tế",
        "Các thôn",
    ] {
        assert!(doc.agencies.iter().any(|a| a.name == name), "{name}");
    }
    assert!(
        doc.appendices[1].attached_note.as_deref().unwrap() == "Kèm theo Kế hoạch số 34/KH-UBND ngày 21 tháng 01 năm 2026 của Ủy ban nhân dân xã Nghi Dương"
    );
}

#[test]
fn the_cascade_travels_with_the_template() {
    let t = template(DEMOCRACY);
    for facts in [hong_an(), nghi_duong()] {
        let doc = instantiate(&t, &facts).unwrap();
        let parent = doc.parent.as_ref().expect("parent reference");
        assert_eq!(
            (parent.number.as_str(), parent.symbol.as_str()),
            ("347", "KH-UBND")
        );
        assert_eq!(parent.date, PartialDate::ymd(2025, 12, 26));
        assert_eq!(parent.issuing_body, "Ủy ban nhân dân thành phố Hải Phòng");
        assert_eq!(
            parent
                .citations
                .iter()
                .map(|c| (c.reference.as_str(), c.date))
                .collect::<Vec<_>>(),
            [("82/NQ-HĐND", PartialDate::ymd(2025, 12, 11))]
        );
        assert_eq!(
            deadlines(&parent.report_deadlines),
            [
                (ReportPeriod::SixMonth, 10, 6),
                (ReportPeriod::NineMonth, 15, 9),
                (ReportPeriod::Annual, 15, 11)
            ]
        );
        assert_eq!(
            deadlines(&doc.report_deadlines),
            [
                (ReportPeriod::SixMonth, 5, 6),
                (ReportPeriod::NineMonth, 10, 9),
                (ReportPeriod::Annual, 10, 11)
            ]
        );
        // The text says the same dates as the typed fields.
        let all: String = texts(&doc)
            .into_iter()
            .map(|(_, s)| s)
            .collect::<Vec<_>>()
            .join("\n");
        assert!(all.contains("báo cáo 6 tháng trước ngày 05/6, báo cáo 9 tháng trước ngày 10/9, báo cáo năm trước ngày 10/11 hằng năm"));
        assert!(all.contains("Kế hoạch số 347/KH-UBND ngày 26/12/2025 của UBND thành phố"));
        assert!(
            !all.contains("10/6") && !all.contains("15/11"),
            "the city's deadlines are not the unit's"
        );
    }
    // Other city deadlines move the unit's with them.
    let doc = instantiate(
        &t,
        &hong_an().with("han_bao_cao_cap_tren", "15/6, 20/9, 20/11"),
    )
    .unwrap();
    assert_eq!(
        deadlines(&doc.report_deadlines),
        [
            (ReportPeriod::SixMonth, 10, 6),
            (ReportPeriod::NineMonth, 15, 9),
            (ReportPeriod::Annual, 15, 11)
        ]
    );
    // Deadlines that are not earlier than the parent's are refused.
    let e = instantiate(&t, &hong_an().with("han_bao_cao", "10/6, 10/9, 10/11")).unwrap_err();
    assert_eq!(e.path, "facts.han_bao_cao");
    assert!(
        e.message_vi.contains("sớm hơn") && e.message_en.contains("10/6"),
        "{e:?}"
    );
}

#[test]
fn the_city_plan_gives_the_parent_facts() {
    let city = fixture("000_");
    let parent = Facts::from_parent(&city);
    assert_eq!(parent.get("so_kh_cap_tren"), Some("347"));
    assert_eq!(parent.get("ngay_kh_cap_tren"), Some("26/12/2025"));
    assert_eq!(
        parent.get("han_bao_cao_cap_tren"),
        Some("10/6, 15/9, 15/11")
    );
    let mut facts = hong_an();
    for key in ["so_kh_cap_tren", "ngay_kh_cap_tren", "han_bao_cao_cap_tren"] {
        facts.0.remove(key);
    }
    facts.0.extend(parent.0);
    let doc = instantiate(&template(DEMOCRACY), &facts).unwrap();
    assert_eq!(doc.parent, fixture("002_").parent);
    assert_eq!(doc.report_deadlines, fixture("002_").report_deadlines);
}

#![cfg(not(target_arch = "wasm32"))]
//! The .docx export read back: package parts, well-formed XML, page geometry,
//! fonts and sizes, header table, page numbers, appendix sections and tables.

use kehoach::export::docx::to_docx;
use kehoach::model::sample::generated_plan;
use kehoach::model::{Document, Profile, SignPrefix};
use std::io::Read;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Every entry of the archive by name.
fn entries(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).expect("UTF-8 entry");
            (f.name().to_string(), s)
        })
        .collect()
}

fn part(bytes: &[u8], name: &str) -> String {
    entries(bytes)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no {name}"))
        .1
}

fn attr<'a>(n: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    n.attribute((W, name))
}

fn elems<'a>(doc: &'a roxmltree::Document<'a>, name: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| {
            n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(W)
        })
        .collect()
}

/// Text of a paragraph.
fn text(p: roxmltree::Node) -> String {
    p.descendants()
        .filter(|n| n.tag_name().name() == "t")
        .filter_map(|n| n.text())
        .collect()
}

fn plan() -> Document {
    generated_plan(120)
}

#[test]
fn package_parts_are_present_and_well_formed() {
    let bytes = to_docx(&plan());
    let parts = entries(&bytes);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    for needed in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/header1.xml",
    ] {
        assert!(names.contains(&needed), "{needed} missing from {names:?}");
    }
    for (name, xml) in &parts {
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let ct = part(&bytes, "[Content_Types].xml");
    assert!(ct.contains("/word/document.xml") && ct.contains("wordprocessingml.document.main+xml"));
    assert!(ct.contains("/word/header1.xml"));
    // Every relationship target exists.
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    let rels = roxmltree::Document::parse(&rels).unwrap();
    for r in rels
        .descendants()
        .filter(|n| n.has_tag_name("Relationship"))
    {
        let target = format!("word/{}", r.attribute("Target").unwrap());
        assert!(names.contains(&target.as_str()), "{target}");
    }
}

#[test]
fn page_size_margins_and_sections() {
    let bytes = to_docx(&plan());
    let xml = part(&bytes, "word/document.xml");
    let d = roxmltree::Document::parse(&xml).unwrap();
    let sects = elems(&d, "sectPr");
    assert_eq!(sects.len(), 2, "body section + one appendix section");
    let size = |s: roxmltree::Node| {
        let pg = s.children().find(|n| n.has_tag_name((W, "pgSz"))).unwrap();
        (
            attr(pg, "w").unwrap().to_string(),
            attr(pg, "h").unwrap().to_string(),
            attr(pg, "orient").map(str::to_string),
        )
    };
    assert_eq!(size(sects[0]), ("11906".into(), "16838".into(), None));
    assert_eq!(
        size(sects[1]),
        ("16838".into(), "11906".into(), Some("landscape".into()))
    );
    for s in &sects {
        let m = s.children().find(|n| n.has_tag_name((W, "pgMar"))).unwrap();
        assert_eq!(attr(m, "top"), Some("1134"));
        assert_eq!(attr(m, "bottom"), Some("1134"));
        assert_eq!(attr(m, "left"), Some("1701"));
        assert_eq!(attr(m, "right"), Some("851"));
        // Each section starts on a new page.
        let ty = s.children().find(|n| n.has_tag_name((W, "type"))).unwrap();
        assert_eq!(attr(ty, "val"), Some("nextPage"));
    }
    // Page 1 has no number: titlePg on the first section, with an empty first header.
    assert!(sects[0].children().any(|n| n.has_tag_name((W, "titlePg"))));
    assert!(!sects[1].children().any(|n| n.has_tag_name((W, "titlePg"))));
    let first = part(&bytes, "word/header2.xml");
    assert!(!first.contains("PAGE"));
}

#[test]
fn page_number_field_in_the_header_part() {
    let bytes = to_docx(&plan());
    let h = part(&bytes, "word/header1.xml");
    let d = roxmltree::Document::parse(&h).unwrap();
    let instr: String = elems(&d, "instrText")
        .iter()
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(instr.trim(), "PAGE");
    let kinds: Vec<&str> = elems(&d, "fldChar")
        .iter()
        .filter_map(|n| attr(*n, "fldCharType"))
        .collect();
    assert_eq!(kinds, ["begin", "separate", "end"]);
    let jc = elems(&d, "pStyle");
    assert_eq!(attr(jc[0], "val"), Some("Header"));
    let styles = part(&bytes, "word/styles.xml");
    assert!(
        styles.contains("w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"C\"/>")
    );
}

#[test]
fn fonts_and_sizes() {
    let mut doc = plan();
    for size in [13u8, 14] {
        doc.settings.font_size = size;
        let bytes = to_docx(&doc);
        let styles = part(&bytes, "word/styles.xml");
        let d = roxmltree::Document::parse(&styles).unwrap();
        let fonts = elems(&d, "rFonts");
        assert!(!fonts.is_empty());
        for f in fonts {
            for slot in ["ascii", "hAnsi", "cs", "eastAsia"] {
                assert_eq!(attr(f, slot), Some("Times New Roman"), "{slot}");
            }
        }
        let normal = d
            .descendants()
            .find(|n| n.has_tag_name((W, "style")) && attr(*n, "styleId") == Some("Normal"))
            .unwrap();
        let sz = normal
            .descendants()
            .find(|n| n.has_tag_name((W, "sz")))
            .unwrap();
        assert_eq!(
            attr(sz, "val"),
            Some((size as u32 * 2).to_string().as_str())
        );
        let jc = normal
            .descendants()
            .find(|n| n.has_tag_name((W, "jc")))
            .unwrap();
        assert_eq!(attr(jc, "val"), Some("both"));
        let ind = normal
            .descendants()
            .find(|n| n.has_tag_name((W, "ind")))
            .unwrap();
        assert_eq!(attr(ind, "firstLine"), Some("720"));
        let sp = normal
            .descendants()
            .find(|n| n.has_tag_name((W, "spacing")))
            .unwrap();
        assert!(attr(sp, "after").unwrap().parse::<u32>().unwrap() >= 120);
    }
}

/// Run properties (bold, italic, half-point size) of the paragraph whose text is `t`.
fn props_of(d: &roxmltree::Document, t: &str) -> (bool, bool, Option<String>, Option<String>) {
    let p = elems(d, "p")
        .into_iter()
        .find(|p| text(*p) == t)
        .unwrap_or_else(|| panic!("no paragraph {t:?}"));
    let r = p.descendants().find(|n| n.has_tag_name((W, "r"))).unwrap();
    let has = |name: &str| r.descendants().any(|n| n.has_tag_name((W, name)));
    let sz = r
        .descendants()
        .find(|n| n.has_tag_name((W, "sz")))
        .and_then(|n| attr(n, "val"))
        .map(str::to_string);
    let style = p
        .descendants()
        .find(|n| n.has_tag_name((W, "pStyle")))
        .and_then(|n| attr(n, "val"))
        .map(str::to_string);
    (has("b"), has("i"), sz, style)
}

#[test]
fn header_table_and_title_block() {
    let bytes = to_docx(&plan());
    let xml = part(&bytes, "word/document.xml");
    let d = roxmltree::Document::parse(&xml).unwrap();
    let tables = elems(&d, "tbl");
    let header = tables[0];
    // Two columns, no borders.
    let grid: Vec<_> = header
        .descendants()
        .filter(|n| n.has_tag_name((W, "gridCol")))
        .collect();
    assert_eq!(grid.len(), 2);
    let borders = header
        .descendants()
        .find(|n| n.has_tag_name((W, "tblBorders")))
        .unwrap();
    assert!(borders
        .children()
        .filter(|n| n.is_element())
        .all(|n| attr(n, "val") == Some("nil")));
    let first_row = header
        .children()
        .find(|n| n.has_tag_name((W, "tr")))
        .unwrap();
    let cells: Vec<_> = first_row
        .children()
        .filter(|n| n.has_tag_name((W, "tc")))
        .collect();
    let left: Vec<String> = cells[0]
        .children()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(text)
        .collect();
    let right: Vec<String> = cells[1]
        .children()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(text)
        .collect();
    assert_eq!(
        left[..2],
        [
            "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG".to_string(),
            "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN".into()
        ]
    );
    assert_eq!(
        right[..2],
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".to_string(),
            "Độc lập - Tự do - Hạnh phúc".into()
        ]
    );
    // A rule (top border) under the issuing body and under the motto.
    for c in &cells {
        assert!(c.descendants().any(|n| n.has_tag_name((W, "pBdr"))));
    }
    assert_eq!(
        props_of(&d, "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"),
        (false, false, Some("26".into()), Some("C".into()))
    );
    assert_eq!(
        props_of(&d, "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN"),
        (true, false, Some("26".into()), Some("C".into()))
    );
    assert_eq!(
        props_of(&d, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (true, false, Some("26".into()), Some("C".into()))
    );
    assert_eq!(
        props_of(&d, "Độc lập - Tự do - Hạnh phúc"),
        (true, false, Some("28".into()), Some("C".into()))
    );
    assert_eq!(props_of(&d, "Số: 15/KH-UBND").2, Some("26".into()));
    assert_eq!(
        props_of(&d, "Hồng An, ngày 15 tháng 01 năm 2026"),
        (false, true, Some("28".into()), Some("C".into()))
    );
    assert_eq!(
        props_of(&d, "KẾ HOẠCH"),
        (true, false, Some("28".into()), Some("C".into()))
    );
    let subj = "Triển khai thực hiện Kế hoạch số 347/KH-UBND ngày 26/12/2025 của Ủy ban nhân dân thành phố";
    assert!(props_of(&d, subj).0);
    // Body: headings bold, Normal style (justified, indented), derived labels.
    assert_eq!(
        props_of(&d, "I. MỤC ĐÍCH, YÊU CẦU"),
        (true, false, None, None)
    );
    assert_eq!(
        props_of(&d, "- Cơ quan chủ trì: Phòng Văn hóa - Xã hội."),
        (false, false, None, None)
    );
    assert!(elems(&d, "p")
        .iter()
        .any(|p| text(*p) == "Trên đây là Kế hoạch của Ủy ban nhân dân phường Hồng An./."));
    // Nơi nhận 12 pt bold italic, its lines 11 pt, beside the signature.
    assert_eq!(
        props_of(&d, "Nơi nhận:"),
        (true, true, Some("24".into()), Some("L".into()))
    );
    assert_eq!(props_of(&d, "- Lưu: VT, VHXH.").2, Some("22".into()));
    assert!(props_of(&d, "TM. ỦY BAN NHÂN DÂN").0);
    assert!(props_of(&d, "Nguyễn Văn An").0);
    let sig = tables[1];
    let sig_cells: Vec<_> = sig
        .descendants()
        .filter(|n| n.has_tag_name((W, "tc")))
        .collect();
    assert_eq!(sig_cells.len(), 2);
    assert!(text(sig_cells[0]).starts_with("Nơi nhận:"));
    assert!(text(sig_cells[1]).starts_with("TM. ỦY BAN NHÂN DÂN"));
}

#[test]
fn appendix_table_header_repeats_and_rows_are_numbered() {
    let bytes = to_docx(&plan());
    let xml = part(&bytes, "word/document.xml");
    let d = roxmltree::Document::parse(&xml).unwrap();
    assert_eq!(
        props_of(&d, "Phụ lục I"),
        (true, false, Some("28".into()), Some("C".into()))
    );
    assert!(props_of(&d, "DANH MỤC NHIỆM VỤ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ").0);
    let note =
        "(Kèm theo Kế hoạch số 15/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân phường Hồng An)";
    assert!(props_of(&d, note).1);
    let table = elems(&d, "tbl")[2];
    let borders = table
        .descendants()
        .find(|n| n.has_tag_name((W, "tblBorders")))
        .unwrap();
    assert!(borders
        .children()
        .filter(|n| n.is_element())
        .all(|n| attr(n, "val") == Some("single")));
    let rows: Vec<_> = table
        .children()
        .filter(|n| n.has_tag_name((W, "tr")))
        .collect();
    assert_eq!(
        rows.len(),
        1 + 3 + 120,
        "header, 3 group headings, 120 rows"
    );
    assert!(rows[0]
        .descendants()
        .any(|n| n.has_tag_name((W, "tblHeader"))));
    assert!(!rows[1]
        .descendants()
        .any(|n| n.has_tag_name((W, "tblHeader"))));
    let cells = |r: roxmltree::Node| -> Vec<String> {
        r.children()
            .filter(|n| n.has_tag_name((W, "tc")))
            .map(text)
            .collect()
    };
    assert_eq!(
        cells(rows[0]),
        [
            "STT",
            "Nội dung nhiệm vụ",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Thời gian thực hiện",
            "Sản phẩm"
        ]
    );
    assert_eq!(cells(rows[1]), ["I.", "Nhóm nhiệm vụ 1"]);
    assert_eq!(cells(rows[2])[0], "1");
    assert_eq!(
        cells(rows[2])[3],
        "Văn phòng HĐND và UBND; Phòng Kinh tế, Hạ tầng và Đô thị"
    );
    assert_eq!(cells(rows[2])[4], "Thường xuyên");
    assert_eq!(cells(rows[52]), ["II.", "Nhóm nhiệm vụ 2"]);
    assert_eq!(cells(rows[53])[0], "51");
    // Table widths fill the landscape text width.
    let total: u32 = table
        .descendants()
        .filter(|n| n.has_tag_name((W, "gridCol")))
        .map(|n| attr(n, "w").unwrap().parse::<u32>().unwrap())
        .sum();
    assert_eq!(total, 16838 - 1701 - 851);
}

#[test]
fn portrait_appendix_and_no_appendix() {
    let mut doc = plan();
    doc.appendices[0].landscape = false;
    let xml = part(&to_docx(&doc), "word/document.xml");
    assert!(!xml.contains("landscape"));
    doc.appendices.clear();
    let xml = part(&to_docx(&doc), "word/document.xml");
    let d = roxmltree::Document::parse(&xml).unwrap();
    assert_eq!(elems(&d, "sectPr").len(), 1);
    assert_eq!(elems(&d, "tbl").len(), 2);
}

#[test]
fn party_profile() {
    let mut doc = plan();
    doc.profile = Profile::Party;
    doc.header.parent_body = Some("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG".into());
    doc.header.issuing_body = "ĐẢNG ỦY PHƯỜNG KIẾN AN".into();
    doc.header.number = Some("04".into());
    doc.header.symbol = "CTr/ĐU".into();
    doc.signature.lines = vec![
        kehoach::model::SignLine {
            prefix: Some(SignPrefix::Tm),
            text: "BAN CHẤP HÀNH".into(),
        },
        kehoach::model::SignLine {
            prefix: Some(SignPrefix::Kt),
            text: "BÍ THƯ".into(),
        },
        kehoach::model::SignLine {
            prefix: None,
            text: "PHÓ BÍ THƯ".into(),
        },
    ];
    doc.recipients.archive = Some("VPĐU".into());
    doc.settings.font_size = 13;
    let bytes = to_docx(&doc);
    // Party body text is at least 14 pt.
    assert!(part(&bytes, "word/styles.xml").contains("<w:jc w:val=\"both\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"28\"/>"));
    let xml = part(&bytes, "word/document.xml");
    let d = roxmltree::Document::parse(&xml).unwrap();
    let texts: Vec<String> = elems(&d, "p").into_iter().map(text).collect();
    for t in [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 04-CTr/ĐU",
        "*",
        "T/M BAN CHẤP HÀNH",
        "K/T BÍ THƯ",
        "PHÓ BÍ THƯ",
        "- Lưu VPĐU.",
    ] {
        assert!(texts.iter().any(|x| x == t), "{t} missing");
    }
    assert!(!xml.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    assert!(!xml.contains("Độc lập - Tự do"));
    assert_eq!(
        props_of(&d, "ĐẢNG CỘNG SẢN VIỆT NAM"),
        (true, false, Some("28".into()), Some("C".into()))
    );
}

#[test]
fn output_is_deterministic() {
    assert_eq!(to_docx(&plan()), to_docx(&plan()));
}

//! Small .docx files built from raw XML: numbering, styles, tracked changes,
//! notes, legacy fonts, tables and every refusal.

use super::*;
use crate::import::source::{Block, Para, ReadNote, Table};
use std::io::Write;

mod errors;

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

/// A ZIP of these parts, deflated.
pub fn zip_parts(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A .docx with this body and optional styles and numbering parts (found at
/// Word's usual places, without relationships).
fn docx(body: &str, styles: Option<&str>, numbering: Option<&str>) -> Vec<u8> {
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
    );
    let styles = styles.map(|s| format!("<w:styles {NS}>{s}</w:styles>"));
    let numbering = numbering.map(|n| format!("<w:numbering {NS}>{n}</w:numbering>"));
    let mut parts: Vec<(&str, &[u8])> = vec![("word/document.xml", doc.as_bytes())];
    if let Some(s) = &styles {
        parts.push(("word/styles.xml", s.as_bytes()));
    }
    if let Some(n) = &numbering {
        parts.push(("word/numbering.xml", n.as_bytes()));
    }
    zip_parts(&parts)
}

fn read(body: &str, styles: Option<&str>, numbering: Option<&str>) -> Source {
    read_docx(&docx(body, styles, numbering)).unwrap()
}

fn paras(src: &Source) -> Vec<&Para> {
    src.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Para(p) => Some(p),
            Block::Table(_) => None,
        })
        .collect()
}

fn tables(src: &Source) -> Vec<&Table> {
    src.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Para(_) => None,
        })
        .collect()
}

fn p(num: Option<(u32, u8)>, text: &str) -> String {
    let num = num.map_or(String::new(), |(id, l)| {
        format!(r#"<w:pPr><w:numPr><w:ilvl w:val="{l}"/><w:numId w:val="{id}"/></w:numPr></w:pPr>"#)
    });
    format!("<w:p>{num}<w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn lvl(i: u8, fmt: &str, text: &str, extra: &str) -> String {
    format!(
        r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>{extra}</w:lvl>"#
    )
}

/// Abstract list 0: "I." / "%1.%2." / "a)" / "-"; 1: bullets "+" / Symbol;
/// list 1 and 2 use abstract 0, 3 restarts it at 1, 4 starts level 0 at 5.
fn numbering() -> String {
    format!(
        r#"<w:abstractNum w:abstractNumId="0">{}{}{}{}</w:abstractNum>
        <w:abstractNum w:abstractNumId="1">{}{}</w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
        <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>"#,
        lvl(0, "upperRoman", "%1.", ""),
        lvl(1, "decimal", "%1.%2.", ""),
        lvl(2, "lowerLetter", "%3)", ""),
        lvl(3, "bullet", "\u{F02D}", ""),
        lvl(0, "bullet", "+", ""),
        lvl(
            1,
            "bullet",
            "\u{F0B7}",
            r#"<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>"#
        ),
    )
}

fn labels(src: &Source) -> Vec<Option<&str>> {
    paras(src).iter().map(|p| p.label.as_deref()).collect()
}

#[test]
fn numbering_gives_word_labels_with_levels_reset() {
    let body = [
        p(Some((1, 0)), "Mục đích"),
        p(Some((1, 1)), "a"),
        p(Some((1, 1)), "b"),
        p(Some((1, 2)), "c"),
        p(Some((1, 2)), "d"),
        p(Some((1, 3)), "e"),
        p(Some((1, 0)), "Nội dung"),
        p(Some((1, 1)), "f"),
        p(Some((1, 2)), "g"),
        p(None, "plain"),
        p(Some((0, 0)), "numId 0"),
        p(Some((9, 0)), "unknown list"),
    ]
    .concat();
    let src = read(&body, None, Some(&numbering()));
    assert_eq!(
        labels(&src),
        [
            Some("I."),
            Some("I.1."),
            Some("I.2."),
            Some("a)"),
            Some("b)"),
            Some("-"),
            Some("II."),
            Some("II.1."),
            Some("a)"),
            None,
            None,
            None
        ]
    );
    assert_eq!(paras(&src)[0].text, "Mục đích");
}

#[test]
fn instances_continue_the_list_and_overrides_restart_it() {
    let body = [
        p(Some((1, 0)), "a"),
        p(Some((1, 0)), "b"),
        p(Some((2, 0)), "continues"),
        p(Some((3, 0)), "restarts"),
        p(Some((3, 0)), "then"),
        p(Some((4, 0)), "at five"),
        p(Some((5, 0)), "plus"),
        p(Some((5, 1)), "symbol"),
    ]
    .concat();
    let src = read(&body, None, Some(&numbering()));
    assert_eq!(
        labels(&src),
        [
            Some("I."),
            Some("II."),
            Some("III."),
            Some("I."),
            Some("II."),
            Some("V."),
            Some("+"),
            Some("•")
        ]
    );
}

#[test]
fn legal_numbering_restart_and_none_follow_the_level() {
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="0">{}{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        lvl(0, "upperRoman", "%1.", ""),
        lvl(1, "decimal", "%1.%2", r#"<w:isLgl/>"#),
        // Level 3 restarts only after level 1: level 2 does not reset it.
        lvl(2, "decimalZero", "%3.", r#"<w:lvlRestart w:val="1"/>"#),
    );
    let none = r#"<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl></w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#;
    let body = [
        p(Some((1, 0)), "a"),
        p(Some((1, 1)), "b"),
        p(Some((1, 2)), "c"),
        p(Some((1, 1)), "d"),
        p(Some((1, 2)), "e"),
        p(Some((2, 0)), "none"),
    ]
    .concat();
    let src = read(&body, None, Some(&format!("{numbering}{none}")));
    assert_eq!(
        labels(&src),
        [
            Some("I."),
            Some("1.1"),
            Some("01."),
            Some("1.2"),
            Some("02."),
            None
        ]
    );
}

const STYLES: &str = r#"
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title1"><w:name w:val="Tieu de"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Sub"><w:basedOn w:val="Title1"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="u1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="Plain"><w:basedOn w:val="Title1"/><w:pPr><w:jc w:val="both"/></w:pPr><w:rPr><w:b w:val="0"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Old"><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Listed"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="StrongOld"><w:basedOn w:val="Strong"/><w:rPr><w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/></w:rPr></w:style>
"#;

fn styled(style: &str, runs: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{runs}</w:p>"#)
}

#[test]
fn bold_centred_and_outline_come_through_the_style_chain() {
    let body = [
        styled("Title1", "<w:r><w:t>KẾ HOẠCH</w:t></w:r>"),
        styled("Sub", "<w:r><w:t>Về việc</w:t></w:r>"),
        styled("Plain", "<w:r><w:t>not bold</w:t></w:r>"),
        styled("Title1", r#"<w:r><w:rPr><w:b w:val="false"/></w:rPr><w:t>half</w:t></w:r><w:r><w:t> bold</w:t></w:r>"#),
        styled("u1", "<w:r><w:t>I. MỤC ĐÍCH</w:t></w:r>"),
        styled("Heading2", "<w:r><w:t>1. Mục đích</w:t></w:r>"),
        r#"<w:p><w:pPr><w:outlineLvl w:val="2"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>strong</w:t></w:r><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p>"#.into(),
        "<w:p><w:r><w:t>normal</w:t></w:r></w:p>".into(),
        styled("Missing", "<w:r><w:t>unknown style</w:t></w:r>"),
    ]
    .concat();
    let src = read(&body, Some(STYLES), None);
    let got: Vec<(bool, bool, bool, Option<u8>)> = paras(&src)
        .iter()
        .map(|p| (p.bold, p.italic, p.centered, p.outline))
        .collect();
    assert_eq!(
        got,
        [
            (true, false, true, None),
            (true, true, true, None),
            (false, false, false, None),
            (false, false, true, None),
            (false, false, false, Some(0)),
            (false, false, false, Some(1)),
            (true, false, true, Some(2)),
            (false, false, false, None),
            (false, false, false, None),
        ]
    );
    assert_eq!(paras(&src)[6].text, "strong  ");
}

#[test]
fn a_style_with_a_list_numbers_its_paragraphs() {
    let body = [
        styled("Listed", "<w:r><w:t>a</w:t></w:r>"),
        styled("Listed", "<w:r><w:t>b</w:t></w:r>"),
    ]
    .concat();
    let src = read(&body, Some(STYLES), Some(&numbering()));
    assert_eq!(labels(&src), [Some("I."), Some("II.")]);
}

#[test]
fn numbering_styles_and_levels_tied_to_styles_are_followed() {
    // Abstract 7 only links to the numbering style "Outline", whose list is
    // num 8 (abstract 6); abstract 6's level 1 is tied to paragraph style H2.
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="6">{}<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:pStyle w:val="H2"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
        <w:abstractNum w:abstractNumId="7"><w:numStyleLink w:val="Outline"/></w:abstractNum>
        <w:num w:numId="8"><w:abstractNumId w:val="6"/></w:num><w:num w:numId="9"><w:abstractNumId w:val="7"/></w:num>"#,
        lvl(0, "decimal", "Điều %1.", ""),
    );
    let styles = r#"<w:style w:type="numbering" w:styleId="Outline"><w:pPr><w:numPr><w:numId w:val="8"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:numId w:val="8"/></w:numPr></w:pPr></w:style>"#;
    let body = [
        p(Some((8, 0)), "a"),
        p(Some((9, 0)), "b"),
        styled("H2", "<w:r><w:t>c</w:t></w:r>"),
        styled("H2", "<w:r><w:t>d</w:t></w:r>"),
    ]
    .concat();
    let src = read(&body, Some(styles), Some(&numbering));
    assert_eq!(
        labels(&src),
        [Some("Điều 1."), Some("Điều 2."), Some("a)"), Some("b)")]
    );
}

#[test]
fn legacy_fonts_are_converted_and_reported() {
    let run = |font: &str, t: &str| {
        format!(
            r#"<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr><w:t xml:space="preserve">{t}</w:t></w:r>"#
        )
    };
    let body = [
        format!("<w:p>{}</w:p>", run(".VnTime", "KÕ ho¹ch")),
        // VNI letters split across runs.
        format!(
            "<w:p>{}{}</w:p>",
            run("VNI-Times", "Keá hoa"),
            run("VNI-Times", "ïch")
        ),
        format!("<w:p>{}</w:p>", run(".VnTimeH", "kÕ ho¹ch")),
        styled("Old", "<w:r><w:t>KÕ ho¹ch</w:t></w:r>"),
        styled(
            "Normal",
            r#"<w:r><w:rPr><w:rStyle w:val="StrongOld"/></w:rPr><w:t>Keá hoaïch</w:t></w:r>"#,
        ),
        "<w:p><w:r><w:t>KÕ ho¹ch</w:t></w:r></w:p>".into(),
    ]
    .concat();
    let src = read(&body, Some(STYLES), None);
    let texts: Vec<&str> = paras(&src).iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Kế hoạch",
            "Kế hoạch",
            "KẾ HOẠCH",
            "Kế hoạch",
            "Kế hoạch",
            "KÕ ho¹ch"
        ]
    );
    assert!(paras(&src)[4].bold);
    assert!(src.notes.contains(&ReadNote::LegacyFonts {
        runs: 6,
        fonts: vec![".VnTime".into(), "VNI-Times".into(), ".VnTimeH".into()],
    }));
}

#[test]
fn tracked_changes_keep_insertions_and_drop_deletions() {
    let body = r#"<w:p><w:r><w:t xml:space="preserve">Tổ chức </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>hội nghị</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>hội thảo</w:t></w:r></w:ins><w:moveFrom w:id="3"><w:r><w:t>cũ</w:t></w:r></w:moveFrom></w:p>
    <w:p><w:pPr><w:rPr><w:del w:id="4" w:author="A"/></w:rPr></w:pPr><w:del w:id="5" w:author="A"><w:r><w:delText>xoá hẳn</w:delText></w:r></w:del></w:p>
    <w:p><w:r><w:t>sau</w:t></w:r></w:p>"#;
    let src = read(body, None, None);
    let ps = paras(&src);
    assert_eq!(ps.len(), 2);
    assert_eq!(ps[0].text, "Tổ chức hội thảo");
    assert_eq!((ps[0].source, ps[1].source), (1, 3));
    assert!(src.notes.contains(&ReadNote::TrackedChanges {
        inserted: 1,
        deleted: 4
    }));
}

#[test]
fn a_deleted_paragraph_mark_runs_the_text_on_into_the_next() {
    let mark = r#"<w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr>"#;
    let body = format!(
        r#"<w:p>{mark}<w:r><w:t xml:space="preserve">Tổ chức </w:t></w:r></w:p>{}<w:p>{mark}<w:r><w:t>alone</w:t></w:r></w:p><w:tbl><w:tr><w:tc>{}<w:p>{mark}<w:r><w:t>cell end</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        p(Some((1, 0)), "hội nghị"),
        p(None, "in cell"),
    );
    let src = read(&body, None, Some(&numbering()));
    let ps = paras(&src);
    assert_eq!(
        (ps[0].source, ps[0].label.as_deref(), ps[0].text.as_str()),
        (1, Some("I."), "Tổ chức hội nghị")
    );
    assert_eq!((ps[1].source, ps[1].text.as_str()), (3, "alone"));
    let cell = &tables(&src)[0].rows[0].cells[0];
    assert_eq!(cell.text(), "in cell\ncell end");
}

#[test]
fn comments_notes_fields_and_objects_stay_out_of_the_text() {
    let body = r#"<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Căn cứ</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> Luật</w:t></w:r><w:r><w:endnoteReference w:id="2"/></w:r></w:p>
    <w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>/9</w:t></w:r></w:fldSimple></w:p>
    <w:p><w:r><w:t>Hình</w:t></w:r><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:txbxContent><w:p><w:r><w:t>in a box</w:t></w:r></w:p></w:txbxContent></wp:inline></w:drawing></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent></w:r></w:p>
    <w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:br w:type="page"/><w:noBreakHyphen/><w:softHyphen/><w:sym w:font="Wingdings" w:char="F0FC"/><w:t>d</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r></w:p>"#;
    let src = read(body, None, None);
    let texts: Vec<&str> = paras(&src).iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["Căn cứ Luật", "Trang 3/9", "Hình", "a\tb\nc-d"]);
    assert!(src.notes.contains(&ReadNote::Comments(1)));
    assert!(src.notes.contains(&ReadNote::Footnotes(2)));
    assert!(src
        .notes
        .contains(&ReadNote::ObjectsDropped { paras: vec![3] }));
}

#[test]
fn content_controls_and_links_keep_their_text_and_text_is_nfc() {
    let body = "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent><w:p><w:hyperlink r:id=\"rId9\"><w:r><w:t>Ho\u{0323}p</w:t></w:r></w:hyperlink><w:smartTag><w:r><w:t xml:space=\"preserve\"> dân</w:t></w:r></w:smartTag></w:p></w:sdtContent></w:sdt><w:customXml><w:p><w:r><w:t>x</w:t></w:r></w:p></w:customXml>";
    let src = read(body, None, None);
    let texts: Vec<&str> = paras(&src).iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["Họp dân", "x"]);
}

fn cell(attrs: &str, text: &str) -> String {
    format!("<w:tc><w:tcPr>{attrs}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
}

#[test]
fn tables_keep_spans_merges_and_header_rows() {
    let nested = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>n1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>n2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    let body = format!(
        r#"<w:p><w:r><w:t>before</w:t></w:r></w:p><w:tbl><w:tblPr/><w:tblGrid/>
        <w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}{}</w:tr>
        <w:tr>{}{}</w:tr>
        <w:sdt><w:sdtContent><w:tr>{}{}{}</w:tr></w:sdtContent></w:sdt>
        <w:tr>{}<w:tc><w:p><w:r><w:t>outer</w:t></w:r></w:p>{nested}</w:tc>{}</w:tr>
        <w:tr><w:trPr><w:del w:id="1" w:author="A"/></w:trPr>{}</w:tr>
        </w:tbl><w:p><w:r><w:t>after</w:t></w:r></w:p>"#,
        cell("", "TT"),
        cell("", "Nội dung"),
        cell("", "Thời gian"),
        cell(r#"<w:vMerge w:val="restart"/>"#, "I"),
        cell(r#"<w:gridSpan w:val="2"/>"#, "Nhóm"),
        cell("<w:vMerge/>", ""),
        cell("", "x"),
        cell("", "y"),
        cell(r#"<w:vMerge w:val="continue"/>"#, ""),
        cell("", "z"),
        cell("", "deleted row"),
    );
    let src = read(&body, None, None);
    let t = tables(&src)[0];
    assert_eq!(t.rows.len(), 4);
    let flags: Vec<bool> = t.rows.iter().map(|r| r.repeats_as_header).collect();
    assert_eq!(flags, [true, false, false, false]);
    let spans: Vec<Vec<(usize, bool)>> = t
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| (c.span, c.merged_up)).collect())
        .collect();
    assert_eq!(spans[1], [(1, false), (2, false)]);
    assert_eq!(spans[2], [(1, true), (1, false), (1, false)]);
    assert_eq!(spans[3], [(1, true), (1, false), (1, false)]);
    assert_eq!(t.rows[3].cells[1].text(), "outer\nn1\nn2");
    assert_eq!(t.rows[0].cells[1].text(), "Nội dung");
    // Source numbers count every paragraph, in cells and deleted rows too.
    assert_eq!(t.rows[0].cells[0].source(), Some(2));
    assert_eq!(
        t.rows[3].cells[1]
            .paras
            .iter()
            .map(|p| p.source)
            .collect::<Vec<_>>(),
        [11, 12, 13]
    );
    assert_eq!(paras(&src)[1].source, 16);
}

#[test]
fn the_main_part_is_found_through_its_relationship() {
    let doc = format!(
        r#"<w:document {NS}><w:body><w:p><w:r><w:t>elsewhere</w:t></w:r></w:p></w:body></w:document>"#
    );
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="doc/main.xml"/></Relationships>"#;
    let bytes = zip_parts(&[
        ("_rels/.rels", rels.as_bytes()),
        ("doc/main.xml", doc.as_bytes()),
    ]);
    let src = read_docx(&bytes).unwrap();
    assert_eq!(paras(&src)[0].text, "elsewhere");
}

#[test]
fn deep_nesting_is_cut_off_without_exhausting_the_stack() {
    let depth = 50_000;
    let body = format!(
        "{}{}{}<w:p><w:r><w:t>after</w:t></w:r></w:p>",
        "<w:sdt><w:sdtContent>".repeat(depth),
        p(None, "deep"),
        "</w:sdtContent></w:sdt>".repeat(depth)
    );
    let tables = "<w:tbl><w:tr><w:tc>".repeat(depth)
        + &p(None, "x")
        + &"</w:tc></w:tr></w:tbl>".repeat(depth);
    let run = |body: String| {
        std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || read_docx(&docx(&body, None, None)).unwrap())
            .unwrap()
            .join()
            .unwrap()
    };
    let src = run(body);
    assert_eq!(paras(&src).last().unwrap().text, "after");
    let src = run(tables);
    assert_eq!(src.blocks.len(), 1);
}

#[test]
fn a_field_code_left_open_hides_only_its_paragraph() {
    let body = r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF x </w:instrText></w:r><w:del w:id="1" w:author="A"><w:r><w:fldChar w:fldCharType="separate"/></w:r></w:del></w:p><w:p><w:r><w:t>kept</w:t></w:r></w:p>"#;
    let src = read(body, None, None);
    assert_eq!(paras(&src)[1].text, "kept");
}

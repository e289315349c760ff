#![cfg(not(target_arch = "wasm32"))]
//! Whatever a user can type into any field, every export stays valid.

use kehoach::export::{docx::to_docx, html::to_html, text::to_text};
use kehoach::model::sample::generated_plan;
use kehoach::model::*;
use std::io::Read;

mod hostile;

fn hostile_plan(profile: Profile) -> Document {
    let mut doc = generated_plan(3);
    doc.profile = profile;
    hostile::hostile(doc)
}

#[test]
fn docx_xml_stays_well_formed() {
    for profile in [Profile::State, Profile::Party] {
        let bytes = to_docx(&hostile_plan(profile));
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let mut xml = String::new();
            f.read_to_string(&mut xml).unwrap();
            let d =
                roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{}: {e}", f.name()));
            if f.name() == "word/document.xml" {
                let text: String = d
                    .descendants()
                    .filter(|n| n.has_tag_name("t"))
                    .filter_map(|n| n.text())
                    .collect();
                assert!(
                    text.contains("a & b < c > d \" e ' f  g  h 😀 i \u{200F} j"),
                    "text kept, controls dropped"
                );
                assert!(text.contains("]]> <!-- --> &amp;"));
                assert!(!text.contains(['\u{1}', '\u{0}', '\u{FEFF}', '\u{7F}', '\u{FFFF}', '\r']));
                // Line breaks inside a field are <w:br/>, tabs <w:tab/>.
                assert!(xml.contains("<w:br/>") && xml.contains("<w:tab/>"));
            }
        }
    }
}

#[test]
fn html_escapes_everything() {
    let h = to_html(&hostile_plan(Profile::State));
    assert!(h.contains(
        "a &amp; b &lt; c &gt; d &quot; e &#39; f &nbsp;g &nbsp;h 😀 i \u{200F} j<br>line two<br>three<br>\tafter tab ]]&gt; &lt;!-- --&gt; &amp;amp;"
    ));
    assert!(
        !h.contains("<!--")
            && !h.contains(" < c")
            && !h.contains(['\u{1}', '\u{0}', '\u{FEFF}', '\r'])
    );
    let page = kehoach::export::html::to_print_html(&hostile_plan(Profile::Party));
    assert!(!page.contains("<!--"));
}

#[test]
fn text_drops_controls_and_keeps_table_rows_whole() {
    let doc = hostile_plan(Profile::State);
    let t = to_text(&doc);
    assert!(!t.contains(['\u{1}', '\u{0}', '\u{FEFF}', '\r', '\u{7F}']));
    assert!(t.contains("😀") && t.contains('\u{200F}'));
    // Each appendix data row stays on one line with one cell per column.
    let cols = doc.appendices[0].columns.len();
    let rows = t
        .lines()
        .filter(|l| l.starts_with("1\t") || l.starts_with("2\t"))
        .collect::<Vec<_>>();
    assert_eq!(rows.len(), 2);
    for r in rows {
        assert_eq!(r.split('\t').count(), cols, "{r:?}");
    }
}

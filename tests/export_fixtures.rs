#![cfg(not(target_arch = "wasm32"))]
//! Every real fixture in tests/fixtures/*.json exports to a readable .docx, text
//! and HTML; all five seeds must be there and every one must give all three.
//! `KEHOACH_FIXTURES=DIR` points the test at another folder.

use kehoach::export::{docx::to_docx, html::to_html, text::to_text};
use std::io::Read;

#[test]
fn every_fixture_exports() {
    let dir = std::env::var_os("KEHOACH_FIXTURES")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut exported = 0;
    for f in &files {
        let json = std::fs::read_to_string(f).unwrap();
        let doc = kehoach::model::json::from_json(&json).unwrap_or_else(|e| panic!("{f:?}: {e}"));
        let text = to_text(&doc);
        assert!(!text.trim().is_empty(), "{f:?}: empty text");
        assert!(text.contains(&doc.number_line()), "{f:?}: no number line");
        assert!(to_html(&doc).contains("</table>"), "{f:?}");
        let bytes = to_docx(&doc);
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .unwrap_or_else(|e| panic!("{f:?}: {e}"));
        for i in 0..zip.len() {
            let mut e = zip.by_index(i).unwrap();
            let mut xml = String::new();
            e.read_to_string(&mut xml).unwrap();
            roxmltree::Document::parse(&xml)
                .unwrap_or_else(|err| panic!("{f:?} {}: {err}", e.name()));
        }
        exported += 1;
    }
    eprintln!("exported {exported} of {} fixture files", files.len());
    assert!(
        exported >= 5 && exported == files.len(),
        "exported {exported} of {} fixtures",
        files.len()
    );
}

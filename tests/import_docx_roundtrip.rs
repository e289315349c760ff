//! Every fixture exported to .docx by this app and imported back gives the same
//! document (ids and formatting-only fields aside), measured part by part.

#![allow(clippy::disallowed_methods)]

mod import_match;

use kehoach::export::docx::to_docx;
use kehoach::import::file::import_bytes;
use std::path::PathBuf;

#[test]
fn every_fixture_comes_back_from_its_word_export() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    let (mut matched, mut total) = (0, 0);
    for path in paths {
        let want =
            kehoach::model::json::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let imported = import_bytes(&to_docx(&want)).expect("the app's own .docx imports");
        let scores = import_match::compare(&want, &imported.document);
        eprintln!("== {}", path.file_name().unwrap().to_string_lossy());
        import_match::print(&scores);
        assert_eq!(scores[0].share(), 1.0, "every header field comes back");
        assert!(
            imported.report.kept.is_empty(),
            "{:?}",
            imported.report.kept
        );
        matched += scores.iter().map(|s| s.matched).sum::<usize>();
        total += scores.iter().map(|s| s.total).sum::<usize>();
    }
    eprintln!("all fixtures: {matched}/{total}");
    assert!(matched * 100 >= total * 95, "{matched}/{total} matched");
}

//! Plain text import measured against hand-made JSON: seed 002 (the clean seed
//! text, a ward plan) imported and compared with fixture 002, part by part.

mod common;
mod import_match;

use kehoach::import::import_text;
use std::path::PathBuf;

fn seed(name: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    std::fs::read_to_string(dir.join(name)).expect("the seeds sit beside the repository")
}

#[test]
fn seed_002_imports_as_fixture_002() {
    let imported = import_text(&seed("002_c7146c0b9c6fa341.txt"));
    let want = common::fixture("002");
    let scores = import_match::compare(&want, &imported.document);
    import_match::print(&scores);
    // Goal: 95 % of header fields, body nodes, tasks and agencies together.
    let main = &scores[..4];
    let matched: usize = main.iter().map(|s| s.matched).sum();
    let total: usize = main.iter().map(|s| s.total).sum();
    eprintln!("together: {matched}/{total}");
    assert!(matched * 100 >= total * 95, "{matched}/{total} matched");
    for s in &scores {
        assert!(
            s.share() >= 0.85,
            "{}: {}/{} matched",
            s.part,
            s.matched,
            s.total
        );
    }
}

#![cfg(not(target_arch = "wasm32"))]
//! Writes every export of every fixture, template and generated plan (and of
//! variants reaching the other branches: the other profile, empty signature and
//! recipients, hostile text) into `KEHOACH_EXPORT_DUMP=DIR`, so a refactoring of
//! the exports can be checked byte for byte (scripts/compare_exports.sh).
//! Ignored by default: `cargo test --test export_dump -- --ignored`.

use kehoach::export::{docx::to_docx, html, text::to_text};
use kehoach::model::sample::generated_plan;
use kehoach::model::*;
use kehoach::templates::{self, Facts};
use std::path::{Path, PathBuf};

mod hostile;
use hostile::hostile;

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn other_profile(mut doc: Document) -> Document {
    doc.profile = if doc.profile == Profile::State {
        Profile::Party
    } else {
        Profile::State
    };
    doc
}

/// Empty signature, recipients, place and parent body; landscape appendices.
fn stripped(mut doc: Document) -> Document {
    doc.signature = Signature::default();
    doc.recipients = Recipients::default();
    doc.header.place = String::new();
    doc.header.parent_body = None;
    doc.header.title = Some("  ".into());
    doc.settings.font_size = 12;
    for a in &mut doc.appendices {
        a.landscape = !a.landscape;
        a.attached_note = None;
    }
    doc
}

fn write(dir: &Path, name: &str, doc: &Document) -> usize {
    std::fs::write(dir.join(format!("{name}.txt")), to_text(doc)).unwrap();
    std::fs::write(dir.join(format!("{name}.html")), html::to_html(doc)).unwrap();
    std::fs::write(
        dir.join(format!("{name}.print.html")),
        html::to_print_html(doc),
    )
    .unwrap();
    std::fs::write(dir.join(format!("{name}.docx")), to_docx(doc)).unwrap();
    4
}

#[test]
#[ignore]
fn dump_every_export() {
    let Some(out) = std::env::var_os("KEHOACH_EXPORT_DUMP").map(PathBuf::from) else {
        panic!("set KEHOACH_EXPORT_DUMP=DIR");
    };
    std::fs::create_dir_all(&out).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs: Vec<(String, Document)> = Vec::new();
    for f in json_files(&root.join("tests/fixtures")) {
        let doc = kehoach::model::json::from_json(&std::fs::read_to_string(&f).unwrap())
            .unwrap_or_else(|e| panic!("{f:?}: {e}"));
        docs.push((f.file_stem().unwrap().to_string_lossy().into_owned(), doc));
    }
    // Each built-in template started with its example facts.
    for t in templates::builtin() {
        docs.push((
            format!("template_{}", t.id),
            templates::instantiate(&t, &Facts::examples(&t)).unwrap(),
        ));
    }
    for rows in [1, 3, 200] {
        docs.push((format!("generated_{rows}"), generated_plan(rows)));
    }
    let mut files = 0;
    for (name, doc) in &docs {
        files += write(&out, name, doc);
        files += write(&out, &format!("{name}.other"), &other_profile(doc.clone()));
        files += write(&out, &format!("{name}.stripped"), &stripped(doc.clone()));
        files += write(&out, &format!("{name}.hostile"), &hostile(doc.clone()));
        files += write(
            &out,
            &format!("{name}.hostile.other"),
            &other_profile(hostile(doc.clone())),
        );
    }
    eprintln!("wrote {files} files to {out:?}");
}

//! Import timing (measures, never asserts): `cargo bench --bench import`.
//! A plan of about 50 pages with a 1,000-row appendix, written as .docx by the
//! app's export and as text, imported back; median of repeated runs in ms.

use kehoach::export::{docx::to_docx, text::to_text};
use kehoach::import::{file::import_bytes, import_text};
use kehoach::model::sample::generated_plan;
use std::hint::black_box;

mod support;

use support::median_ms;

fn main() {
    let doc = generated_plan(1000);
    let docx = to_docx(&doc);
    let text = to_text(&doc);
    let runs = 21;
    let (ms, rows) = median_ms(runs, || {
        let i = import_bytes(black_box(&docx)).expect("the app's own .docx imports");
        i.report.appendices.iter().map(|a| a.rows).sum()
    });
    println!(
        "import .docx ({} KB, generated_plan(1000)): median {ms:.1} ms over {runs} runs, {rows} rows",
        docx.len() / 1024
    );
    let (ms, rows) = median_ms(runs, || {
        let i = import_text(black_box(&text));
        i.report.appendices.iter().map(|a| a.rows).sum()
    });
    println!(
        "import text  ({} KB): median {ms:.1} ms over {runs} runs, {rows} rows",
        text.len() / 1024
    );
}

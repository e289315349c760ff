//! Export timing on a large generated plan (measures, never asserts):
//! `cargo bench --bench export`. Prints the median of repeated runs in ms.

use kehoach::export::{docx::to_docx, html::to_html, text::to_text};
use kehoach::model::sample::generated_plan;
use std::hint::black_box;

mod support;

use support::median_ms;

fn main() {
    let rows = 1000;
    let doc = generated_plan(rows);
    let runs = 31;
    for (name, f) in [
        (
            "to_docx",
            &(|| to_docx(black_box(&doc)).len()) as &dyn Fn() -> usize,
        ),
        ("to_html", &|| to_html(black_box(&doc)).len()),
        ("to_text", &|| to_text(black_box(&doc)).len()),
    ] {
        let (ms, bytes) = median_ms(runs, f);
        println!("{name:8} generated_plan({rows}): median {ms:.2} ms over {runs} runs, output {bytes} bytes");
    }
}

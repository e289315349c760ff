//! Export timing on a large generated plan (measures, never asserts):
//! `cargo bench --bench export`. Prints the median of repeated runs in ms.

use kehoach::export::{docx::to_docx, html::to_html, text::to_text};
use kehoach::model::sample::generated_plan;
use std::hint::black_box;
use std::time::Instant;

fn median_ms(runs: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut size = f(); // warm-up
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            size = black_box(f());
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    (times[times.len() / 2], size)
}

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

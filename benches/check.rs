//! Time `rules::check_with` on the generated 1000-row plan: median of 60 runs, in ms.
//! Measures only; asserts nothing about time. Run: `cargo bench --bench check`.

use kehoach::model::sample::generated_plan;
use kehoach::model::PartialDate;
use kehoach::rules::{check_with, Context};
use std::time::Instant;

fn main() {
    let doc = generated_plan(1000);
    let ctx = Context { today: PartialDate::ymd(2026, 6, 1) };
    // Warm up (catalogue initialisation, caches).
    for _ in 0..5 {
        std::hint::black_box(check_with(&doc, &ctx));
    }
    let mut times: Vec<f64> = (0..60)
        .map(|_| {
            let start = Instant::now();
            let report = check_with(std::hint::black_box(&doc), &ctx);
            let t = start.elapsed().as_secs_f64() * 1000.0;
            std::hint::black_box(report);
            t
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let report = check_with(&doc, &ctx);
    println!(
        "check_with(generated_plan(1000)): median {:.3} ms, min {:.3} ms, max {:.3} ms over {} runs ({} rules, {} findings)",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len(),
        kehoach::rules::catalogue().len(),
        report.findings.len()
    );
}

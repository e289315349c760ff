//! Time `rules::check_with` on the generated 1000-row plan: median of 60 runs, in ms
//! (again on the same document, as the editor does, and on texts new to the check),
//! then the median of each rule alone (slowest first), to see where the time goes.
//! Measures only; asserts nothing about time. Run: `cargo bench --bench check`.

use kehoach::model::sample::generated_plan;
use kehoach::model::PartialDate;
use kehoach::rules::{catalogue, check_one, check_with, Context};
use std::time::Instant;

/// Sorted timings (ms) of `runs` calls of `f`.
fn times(runs: usize, mut f: impl FnMut()) -> Vec<f64> {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t
}

fn main() {
    let doc = generated_plan(1000);
    let ctx = Context {
        today: PartialDate::ymd(2026, 6, 1),
    };
    // Warm up (catalogue initialisation, caches).
    for _ in 0..5 {
        std::hint::black_box(check_with(&doc, &ctx));
    }
    let t = times(60, || {
        std::hint::black_box(check_with(std::hint::black_box(&doc), &ctx));
    });
    let report = check_with(&doc, &ctx);
    println!(
        "check_with(generated_plan(1000)): median {:.3} ms, min {:.3} ms, max {:.3} ms over {} runs ({} rules, {} findings)",
        t[t.len() / 2],
        t[0],
        t[t.len() - 1],
        t.len(),
        catalogue().len(),
        report.findings.len()
    );

    // The editor's case above: the same document again (text facts are kept
    // from one check to the next). A batch check's case: every appendix text
    // new, here 60 documents that share no cell text, each checked once.
    let others: Vec<_> = (0..60)
        .map(|i| {
            let mut other = doc.clone();
            for row in other
                .appendices
                .iter_mut()
                .flat_map(|a| a.groups.iter_mut())
                .flat_map(|g| g.rows.iter_mut())
            {
                for cell in row.cells.iter_mut().filter(|c| !c.text.is_empty()) {
                    cell.text.push_str(&format!(" (bổ sung {i})"));
                }
            }
            other
        })
        .collect();
    let mut next = others.iter();
    let cold = times(others.len(), || {
        let other = next.next().expect("one document per run");
        std::hint::black_box(check_with(std::hint::black_box(other), &ctx));
    });
    println!(
        "check_with, every appendix text new to the check: median {:.3} ms, min {:.3} ms, max {:.3} ms",
        cold[cold.len() / 2],
        cold[0],
        cold[cold.len() - 1]
    );

    let mut per_rule: Vec<(f64, &str)> = catalogue()
        .iter()
        .map(|rule| {
            let t = times(30, || {
                std::hint::black_box(check_one(rule, std::hint::black_box(&doc), &ctx));
            });
            (t[t.len() / 2], rule.id)
        })
        .collect();
    per_rule.sort_by(|a, b| b.0.total_cmp(&a.0));
    let sum: f64 = per_rule.iter().map(|(t, _)| t).sum();
    // Alone, each text.* rule also pays for the field scan the text rules share
    // (`rules::fields::FieldFacts`), which a full check does once.
    println!("per rule, each run alone (median ms; sum {sum:.3} ms; text.* rules each include the shared field scan):");
    for (t, id) in per_rule.iter().take(15) {
        println!("  {t:8.3}  {id}");
    }
}

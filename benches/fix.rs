//! `check --fix` and check on large plans (measures, never asserts):
//! `cargo bench --bench fix`. `FIX_ROWS` (default 20000) sets the rows of the
//! fixable plan, `HEADINGS` (default 20000) the headings of the second plan;
//! comma-separated lists time several sizes; `FIX_RUNS` (default 3) the runs
//! of each fix.
//!
//! - fix: `fix_all` on a plan whose every appendix row needs two fixes (a typed
//!   number in the automatic STT column, a doubled space in the content cell).
//! - headings: `check_with` on a plan with that many headings, their texts
//!   starting with capitals that read as Roman numerals or almost ("VIỆC",
//!   "CÔNG", "XÂY", "LIÊN", "IIII"), as a typed-label check sees them.

use kehoach::model::sample::generated_plan;
use kehoach::model::{Document, Node, NodeKind, PartialDate};
use kehoach::rules::{check_with, fix_all, Context};
use std::hint::black_box;
use std::time::Instant;

fn sizes(var: &str, default: usize) -> Vec<usize> {
    std::env::var(var)
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![default])
}

/// Every row of `generated_plan(rows)` with a typed number in the STT column
/// and a doubled space in its content.
fn fixable_plan(rows: usize) -> Document {
    let mut doc = generated_plan(rows);
    let mut n = 0;
    for g in doc.appendices[0].groups.iter_mut() {
        for r in g.rows.iter_mut() {
            n += 1;
            r.cells[0].text = n.to_string();
            r.cells[1].text = r.cells[1].text.replacen(' ', "  ", 1);
        }
    }
    doc
}

/// `generated_plan(10)` with `count` more headings, 100 to a parent heading.
fn heading_plan(count: usize) -> Document {
    const TEXTS: [&str; 6] = [
        "VIỆC LÀM VÀ AN SINH XÃ HỘI",
        "CÔNG TÁC TUYÊN TRUYỀN",
        "XÂY DỰNG CHÍNH QUYỀN",
        "LIÊN KẾT VÙNG",
        "IIII. Nhiệm vụ khác",
        "Lãnh đạo, chỉ đạo",
    ];
    let mut doc = generated_plan(10);
    let leaf = |i: usize| Node {
        kind: NodeKind::Heading,
        text: format!("{} {}", TEXTS[i % TEXTS.len()], i + 1),
        ..Node::default()
    };
    let mut made = 0;
    while made < count {
        let take = (count - made).min(100);
        let children = (made..made + take).map(leaf).collect();
        doc.body[1].children.push(Node {
            kind: NodeKind::Heading,
            text: format!("CÁC NHIỆM VỤ NHÓM {}", made / 100 + 1),
            children,
            ..Node::default()
        });
        made += take;
    }
    doc
}

fn main() {
    let ctx = Context {
        today: PartialDate::ymd(2026, 6, 1),
    };
    for rows in sizes("FIX_ROWS", 20_000) {
        let doc = fixable_plan(rows);
        let runs = std::env::var("FIX_RUNS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(3);
        let mut n = 0;
        let mut t: Vec<f64> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                let (fixed, applied) = fix_all(black_box(&doc), &ctx, 10);
                let ms = start.elapsed().as_secs_f64() * 1000.0;
                black_box(&fixed);
                n = applied;
                ms
            })
            .collect();
        t.sort_by(f64::total_cmp);
        println!(
            "fix_all(fixable plan, {rows} rows): median {:.1} ms, min {:.1} ms over {runs} runs, {n} fixes applied",
            t[t.len() / 2],
            t[0]
        );
    }
    for count in sizes("HEADINGS", 20_000) {
        let doc = heading_plan(count);
        black_box(check_with(&doc, &ctx)); // warm-up
        let mut t: Vec<f64> = (0..5)
            .map(|_| {
                let start = Instant::now();
                black_box(check_with(black_box(&doc), &ctx));
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        t.sort_by(f64::total_cmp);
        println!(
            "check_with(plan with {count} more headings): median {:.1} ms, min {:.1} ms over {} runs",
            t[t.len() / 2],
            t[0],
            t.len()
        );
    }
}

//! Times the full check in the browser (wasm, headless Chromium): 50 runs of
//! `rules::check_with` on `generated_plan(1000)`, median printed to the console.
//! Measures only, never asserts on time: the speed target lives in
//! benches/check.rs. Not a routine test (the test script runs tests/browser*.rs).
//! Run in the size-tuned release build the app ships with:
//!   CHROMEDRIVER=/usr/bin/chromedriver cargo test --release --target wasm32-unknown-unknown --test bench_browser_check -- --nocapture
#![cfg(target_arch = "wasm32")]

use kehoach::model::sample::generated_plan;
use kehoach::model::PartialDate;
use kehoach::rules::{check_with, Context};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `performance.now()` in ms (std's clock panics in wasm).
fn now_ms() -> f64 {
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).expect("performance");
    let now: js_sys::Function = js_sys::Reflect::get(&perf, &"now".into())
        .expect("performance.now")
        .into();
    now.call0(&perf)
        .ok()
        .and_then(|t| t.as_f64())
        .expect("a time")
}

#[wasm_bindgen_test]
fn check_generated_plan_1000() {
    let doc = generated_plan(1000);
    let ctx = Context {
        today: PartialDate::ymd(2026, 6, 1),
    };
    for _ in 0..5 {
        std::hint::black_box(check_with(&doc, &ctx)); // warm up
    }
    let mut times: Vec<f64> = (0..50)
        .map(|_| {
            let start = now_ms();
            std::hint::black_box(check_with(std::hint::black_box(&doc), &ctx));
            now_ms() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let report = check_with(&doc, &ctx);
    web_sys::console::log_1(
        &format!(
            "check_with(generated_plan(1000)) in wasm: median {:.3} ms, min {:.3} ms, max {:.3} ms over {} runs ({} findings)",
            times[times.len() / 2],
            times[0],
            times[times.len() - 1],
            times.len(),
            report.findings.len()
        )
        .into(),
    );
    assert!(!report.has_errors(), "{:#?}", report.findings);
}

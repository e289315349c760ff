//! Timing shared by the benchmarks (measures, never asserts).

use std::hint::black_box;
use std::time::Instant;

/// Median time of `runs` calls of `f` in ms, after one warm-up call, with the
/// size `f` returned (bytes, rows) from the last call.
pub fn median_ms(runs: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
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

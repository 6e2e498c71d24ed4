//! Parse + check throughput on generated files of many journeys.
//!
//! Run: `cargo bench --bench parse_check` (prints MB/s for a 10 MB and a 20 MB file
//! and the time ratio between them; figures are recorded in docs/performance.md).

mod support;

use std::time::{Duration, Instant};
use support::generate;

/// The best of `runs` timings of `f`.
fn best(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

fn main() {
    let mb = |b: usize| b as f64 / 1e6;
    let mut times = Vec::new();
    for size in [10_000_000, 20_000_000] {
        let text = generate(size);
        let parse = best(5, || {
            let p = journey::parse(&text);
            assert!(!p.has_errors());
        });
        let full = best(5, || {
            let c = journey::check(&text);
            assert!(!c.has_errors(), "{:?}", c.diagnostics.first());
        });
        println!(
            "{:>5.1} MB: parse {:>6.1} ms ({:>5.1} MB/s), parse+check {:>6.1} ms ({:>5.1} MB/s)",
            mb(text.len()),
            parse.as_secs_f64() * 1e3,
            mb(text.len()) / parse.as_secs_f64(),
            full.as_secs_f64() * 1e3,
            mb(text.len()) / full.as_secs_f64(),
        );
        times.push((text.len(), full));
    }
    let (b1, t1) = times[0];
    let (b2, t2) = times[1];
    println!(
        "size x{:.2} -> time x{:.2} (target: at most 2.2)",
        b2 as f64 / b1 as f64,
        t2.as_secs_f64() / t1.as_secs_f64()
    );
}

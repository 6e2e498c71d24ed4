//! Parse + check throughput on generated files of many journeys.
//!
//! Run: `cargo bench --bench parse_check` (prints MB/s for a 10 MB and a 20 MB file
//! and the time ratio between them; figures are recorded in docs/performance.md).

use std::time::{Duration, Instant};

/// One example's declarations, then copies of its journey and population with
/// fresh names until the text reaches `bytes`.
fn generate(bytes: usize) -> String {
    let src = include_str!("../examples/beauty_w2.journey");
    let split = src.find("\njourney ").expect("the example has a journey") + 1;
    let (decls, body) = src.split_at(split);
    let mut out = String::with_capacity(bytes + body.len());
    out.push_str(decls);
    let mut i = 0;
    while out.len() < bytes {
        i += 1;
        for line in body.lines() {
            if let Some(rest) = line.strip_prefix("journey ") {
                let (name, tail) = rest.split_once(' ').unwrap_or((rest, ""));
                out.push_str(&format!("journey {name}_{i} {tail}\n"));
            } else if let Some(rest) = line.strip_prefix("population ") {
                let (name, tail) = rest.split_once(' ').unwrap_or((rest, ""));
                out.push_str(&format!("population {name}_{i} {tail}\n"));
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

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
        let parse = best(3, || {
            let p = journey::syntax::parse(&text);
            assert!(!p.has_errors());
        });
        let full = best(3, || {
            let c = journey::check::check_source(&text);
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

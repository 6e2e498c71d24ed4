//! Where the memory of `journey check` goes: bytes live after each phase, counted by
//! a wrapping allocator (requested sizes, not the allocator's pages). The sizes of the
//! AST nodes are pinned by `syntax::tests::frequent_nodes_do_not_hold_a_condition_inline`.
//!
//! The last line is `journey check`'s own way (`check_diagnostics`), its peak counted
//! from the live bytes before it.
//!
//! Run: `RAYON_NUM_THREADS=1 cargo bench --bench check_memory -- FILE` (for example
//! one written by benches/check_process.sh; figures in docs/performance.md).

#[path = "support/counting.rs"]
mod counting;

use counting::{ALLOCATIONS, LIVE, PEAK};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

fn phase(name: &str) {
    let mb = |a: &AtomicUsize| a.load(Relaxed) as f64 / 1e6;
    println!(
        "{name:>16}: live {:>7.1} MB, peak {:>7.1} MB, {:>9} allocations so far",
        mb(&LIVE),
        mb(&PEAK),
        ALLOCATIONS.load(Relaxed)
    );
}

fn main() {
    // `cargo bench` passes `--bench` first.
    let Some(path) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        eprintln!("usage: cargo bench --bench check_memory -- FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).expect("a readable file");
    phase("read");
    // Through the library's facade: the AST alone, then the whole check (which parses
    // again, and frees each journey's AST once its model is built).
    let parsed = journey::parse(&text);
    phase("parsed");
    drop(parsed);
    phase("AST freed");
    let checked = journey::check(&text);
    phase("checked, linted");
    drop(checked);
    phase("model freed");
    // As `journey check` does it: each journey parsed, checked and linted in turn.
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    let diagnostics = journey::check_diagnostics(&text);
    phase("streamed check");
    drop(diagnostics);
}

//! The size of the checker's resolution table (issue 11, item 1) on the 10 MB file of
//! `parse_check`, and `journey check` on that file as a process.
//!
//! Run: `cargo build --release && cargo bench --bench resolve_table` (prints the
//! table's entries and bytes, then the best of 5 wall times and peak memory of
//! `journey check FILE` through `/usr/bin/time`; figures are recorded in
//! docs/performance.md). `JOURNEY=path/to/journey` runs another binary (an older build,
//! say); the file stays in `target/resolve-table/`.

mod support;

use journey::{Declaration, Reference};
use std::path::Path;
use std::process::Command;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = support::generate(10_000_000);
    let table = journey::check(&text).resolutions;
    let names: usize = table.decls.iter().map(|d| d.name.len()).sum();
    let refs = table.refs().count();
    let bytes =
        table.decls.len() * size_of::<Declaration>() + names + refs * size_of::<Reference>();
    println!(
        "table: {} declarations, {} references, {:.1} MB ({} bytes a reference) for {:.1} MB of source",
        table.decls.len(),
        refs,
        bytes as f64 / 1e6,
        size_of::<Reference>(),
        text.len() as f64 / 1e6,
    );

    let dir = root.join("target/resolve-table");
    std::fs::create_dir_all(&dir).expect("target/ is writable");
    let file = dir.join("10mb.journey");
    std::fs::write(&file, &text).expect("target/ is writable");
    let journey = std::env::var("JOURNEY")
        .unwrap_or_else(|_| root.join("target/release/journey").display().to_string());
    let runs: Vec<(f64, u64)> = (0..5)
        .map(|_| {
            let out = Command::new("/usr/bin/time")
                .args(["-f", "%e %M", &journey, "check"])
                .arg(&file)
                .output()
                .expect("/usr/bin/time runs");
            let stderr = String::from_utf8_lossy(&out.stderr);
            let mut last = stderr.lines().last().unwrap_or_default().split(' ');
            let secs = last.next().and_then(|s| s.parse().ok()).unwrap_or(f64::NAN);
            (secs, last.next().and_then(|s| s.parse().ok()).unwrap_or(0))
        })
        .collect();
    let (secs, kb) = runs.iter().min_by(|a, b| a.0.total_cmp(&b.0)).unwrap();
    println!(
        "{journey} check {}: best of 5 {secs:.2} s, {kb} KB peak",
        file.display()
    );
}

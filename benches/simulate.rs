//! Simulation throughput on the bundled beauty journey (spec §4 journey, §7 population),
//! 90 days: users per second and peak memory at 100k, 1M and 10M users, and the time
//! ratio 10M / 1M.
//!
//! Run: `cargo bench --bench simulate` (figures are recorded in docs/performance.md).
//! Each size runs the release binary in a child process under `/usr/bin/time` for its
//! peak resident memory. `SIM_BENCH_USERS=100000,1000000` picks other sizes, and
//! `SIM_BENCH_EXAMPLE=community_calendar` another file of examples/ (the version-2
//! community calendar: broadcast `every` sends, issue 14), over its population's days
//! or `SIM_BENCH_DAYS`.

use std::process::Command;
use std::time::Instant;

fn main() {
    let sizes: Vec<u64> = std::env::var("SIM_BENCH_USERS")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100_000, 1_000_000, 10_000_000]);
    let bin = env!("CARGO_BIN_EXE_journey");
    let name = std::env::var("SIM_BENCH_EXAMPLE").unwrap_or_else(|_| "beauty_w2".into());
    let example = format!("{}/examples/{name}.journey", env!("CARGO_MANIFEST_DIR"));
    let days = std::env::var("SIM_BENCH_DAYS").ok();
    let time = std::path::Path::new("/usr/bin/time");
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let span = days
        .as_ref()
        .map_or("the population's days".into(), |d| format!("{d} days"));
    println!("{name}, {span}, {threads} threads");
    let mut seconds = Vec::new();
    for users in sizes {
        let n = users.to_string();
        let mut args = vec!["simulate", &example, "--users", &n, "--format", "json"];
        if let Some(d) = &days {
            args.extend(["--days", d]);
        }
        let mut cmd = if time.exists() {
            let mut c = Command::new(time);
            c.args(["-f", "%U %S %M"]).arg(bin).args(args);
            c
        } else {
            let mut c = Command::new(bin);
            c.args(args);
            c
        };
        let started = Instant::now();
        let out = cmd.output().expect("the journey binary runs");
        let wall = started.elapsed().as_secs_f64();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // `/usr/bin/time` prints "user system max-resident-KB" last
        let stderr = String::from_utf8_lossy(&out.stderr);
        let figures: Vec<f64> = stderr
            .lines()
            .last()
            .unwrap_or("")
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        let (cpu, peak) = match figures[..] {
            [user, system, kb] => (
                format!("{:.2} s CPU", user + system),
                format!("{:.1} MB", kb / 1024.0),
            ),
            _ => ("CPU n/a".into(), "n/a".into()),
        };
        println!(
            "{users:>10} users: {wall:7.2} s wall, {cpu}, {:>9.0} users/s, peak memory {peak}",
            users as f64 / wall
        );
        seconds.push((users, wall));
    }
    if let (Some(a), Some(b)) = (
        seconds.iter().find(|(u, _)| *u == 1_000_000),
        seconds.iter().find(|(u, _)| *u == 10_000_000),
    ) {
        println!("10M / 1M time ratio: {:.2}", b.1 / a.1);
    }
}

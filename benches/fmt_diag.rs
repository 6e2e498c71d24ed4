//! The formatter and the human diagnostics on inputs that used to make them
//! quadratic, timed as a process (`journey fmt --check FILE`, `journey check FILE`).
//!
//! Run: `cargo bench --bench fmt_diag` (figures recorded in docs/performance.md).
//! Each input is timed at two sizes; a ratio near 2 for twice the size is linear, 4
//! is quadratic. `JOURNEY_BIN=path` times another build of the binary (the figures
//! before a fix).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// `n` comments after the last declaration (a run of comments, placed one by one).
fn trailing_comments(n: usize) -> String {
    let comments: String = (0..n).map(|i| format!("# comment {i}\n")).collect();
    format!("event e\n{comments}")
}

/// `n` declarations, each with a comment at the end of its line.
fn end_of_line_comments(n: usize) -> String {
    (0..n)
        .map(|i| format!("event e{i}  # comment {i}\n"))
        .collect()
}

/// One stage of `n` rules.
fn rules_in_one_stage(n: usize) -> String {
    let rules: String = (0..n)
        .map(|i| format!("    after {}m: tag t{}\n", i + 1, i % 10))
        .collect();
    let tags: String = (0..10).map(|k| format!("tag t{k}: bool\n")).collect();
    format!(
        "{tags}event e\n\njourney j {{\n  timezone \"Asia/Shanghai\"\n  entry on e\n\n  \
         stage s {{\n{rules}  }}\n}}\n"
    )
}

/// `n` declarations (events nothing uses: `check` warns about each).
fn declarations(n: usize) -> String {
    (0..n).map(|i| format!("event e{i}\n")).collect()
}

/// The CPU time (user + system) of the waited-for children so far, from
/// `/proc/self/stat` (Linux; zero elsewhere): unlike the wall clock, it does not
/// grow when other processes share the cores.
fn children_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name (which may hold spaces) and its `)`, from
    // field 3 (the state) on: cutime and cstime, fields 16 and 17, in clock ticks
    // (100 a second).
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let field = |n: usize| -> u64 {
        let value = after_name.split_whitespace().nth(n - 3);
        value.and_then(|v| v.parse().ok()).unwrap_or(0)
    };
    let ticks = field(16) + field(17);
    Duration::from_millis(ticks * 10)
}

/// The best of three runs of `journey ARGS FILE`, output discarded: wall clock and
/// CPU time.
fn time(bin: &Path, args: &[&str], file: &Path) -> (Duration, Duration) {
    let runs = (0..3).map(|_| {
        let (start, cpu) = (Instant::now(), children_cpu());
        let status = Command::new(bin)
            .args(args)
            .arg(file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("the journey binary runs");
        assert!(status.code().is_some_and(|c| c <= 1), "{args:?}: {status}");
        (start.elapsed(), children_cpu() - cpu)
    });
    let runs: Vec<_> = runs.collect();
    let wall = runs.iter().map(|r| r.0).min().unwrap();
    let cpu = runs.iter().map(|r| r.1).min().unwrap();
    (wall, cpu)
}

/// A name, a generator of inputs of a size, the larger size, and the command.
type Case = (
    &'static str,
    fn(usize) -> String,
    usize,
    &'static [&'static str],
);

fn main() {
    let bin = std::env::var_os("JOURNEY_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_journey")),
        PathBuf::from,
    );
    let dir = std::env::temp_dir().join("journey-bench-fmt-diag");
    std::fs::create_dir_all(&dir).unwrap();
    let cases: [Case; 6] = [
        (
            "trailing comments",
            trailing_comments,
            40_000,
            &["fmt", "--check"],
        ),
        (
            "end-of-line comments",
            end_of_line_comments,
            40_000,
            &["fmt", "--check"],
        ),
        (
            "rules in one stage",
            rules_in_one_stage,
            10_000,
            &["fmt", "--check"],
        ),
        ("declarations", declarations, 100_000, &["fmt", "--check"]),
        ("unused events", declarations, 100_000, &["check"]),
        (
            "unused events",
            declarations,
            100_000,
            &["check", "--format", "json"],
        ),
    ];
    println!("binary: {}", bin.display());
    for (name, generate, n, args) in cases {
        let times: Vec<_> = [n / 2, n]
            .into_iter()
            .map(|size| {
                let file = dir.join(format!("{}-{size}.journey", name.replace(' ', "-")));
                std::fs::write(&file, generate(size)).unwrap();
                let (wall, cpu) = time(&bin, args, &file);
                println!(
                    "{:<20} {name:<21} {size:>7}: {:>6.3} s wall, {:>6.3} s CPU",
                    args.join(" "),
                    wall.as_secs_f64(),
                    cpu.as_secs_f64()
                );
                cpu
            })
            .collect();
        println!(
            "{:<20} {name:<21} x2 size -> x{:.2} CPU time",
            args.join(" "),
            times[1].as_secs_f64() / times[0].as_secs_f64().max(0.01)
        );
    }
}

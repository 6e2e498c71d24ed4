//! The linter on inputs built to blow it up, run as a process: 10,000 rules in one
//! stage (`check` and `compile`), 10,000 sends behind guards that exclude each other
//! and 1,000 stages of tangled guards (J0409), conditions of 5,000 terms, and a ring
//! of 10,000 stages of same-moment transitions (J0415), and 30,000 unused tags under
//! an allow comment (30,000 warnings, each with its fix, as JSON).
//!
//! Run: `cargo build --release && cargo bench --bench check_scale` (prints, per input,
//! the best of 5 wall times and the peak memory that `/usr/bin/time` reports; figures
//! are recorded in docs/performance.md). `JOURNEY=path/to/journey` times another
//! binary (an older build, say), `RUNS=1` takes one run instead of 5; the files stay
//! in `target/check-scale/`.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

const DECLS: &str = r#"tag 会员: bool
tag 积分: number
event 下单 { 金额: number }
event 浏览
touchpoint wecom "企业微信1v1" {
  channel wecom
  limit 2 per day
  quiet 22:00..08:00
}
"#;

/// One journey of one stage holding `rules` rules of five kinds in turn: sends a
/// minute apart, event rules, `when` rules, guarded sends on later days, `every` rules.
fn many_rules(rules: usize) -> String {
    let mut out = format!(
        "{DECLS}journey 大 {{\n  timezone \"Asia/Shanghai\"\n  entry on 下单\n  limit 3 per day\n  goal 复购: 下单 within 30d\n  stage 一 {{\n"
    );
    for i in 0..rules {
        let _ = match i % 5 {
            0 => writeln!(out, "    after {}m: send wecom \"a{i}\"", i + 1),
            1 => writeln!(out, "    on 浏览: tag 积分 = {i}"),
            2 => writeln!(out, "    when count(浏览, 14d) >= {i}: send wecom \"w{i}\""),
            3 => writeln!(
                out,
                "    after {}d at 10:00 if 会员: send wecom \"d{i}\"",
                i % 30 + 1
            ),
            _ => writeln!(
                out,
                "    every daily at {:02}:{:02}: tag 积分 = 0",
                i % 24,
                i % 60
            ),
        };
    }
    out.push_str("    after 60d: exit \"done\"\n  }\n}\n");
    out
}

/// One stage of `rules` sends at 10:00 spread over 30 days, each behind its own
/// guard (`积分 == i`: no two hold together), so that J0409 weighs every busy day's
/// guards together.
fn guarded_sends(rules: usize) -> String {
    let mut out = format!(
        "{DECLS}journey 大 {{\n  timezone \"Asia/Shanghai\"\n  entry on 下单\n  goal 复购: 下单 within 30d\n  stage 一 {{\n"
    );
    for i in 0..rules {
        let day = i % 30 + 1;
        let _ = writeln!(
            out,
            "    after {day}d at 10:00 if 积分 == {i}: send wecom \"g{i}\""
        );
    }
    out.push_str("  }\n}\n");
    out
}

/// `stages` stages of 24 sends on one day, behind guards tangled over 12 tags
/// (`t{a} and not t{b}`): J0409 spends its whole budget weighing each stage's guards.
fn tangled_guards(stages: usize) -> String {
    let mut out: String = (0..12).map(|t| format!("tag t{t}: bool\n")).collect();
    out.push_str("event e\ntouchpoint w {\n  channel wecom\n  limit 2 per day\n}\n");
    out.push_str("journey j {\n  timezone \"UTC\"\n  entry on e\n  goal g: e within 1d\n");
    for s in 0..stages {
        let _ = writeln!(out, "  stage s{s} {{");
        for i in 0..24 {
            let (a, b) = (i % 12, (i * 5 + 1) % 12);
            let b = if a == b { (b + 1) % 12 } else { b };
            let _ = writeln!(out, "    after 1d if t{a} and not t{b}: send w \"m{i}\"");
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}

/// One `when` rule whose condition is `terms` terms over `tags` bool tags.
fn big_condition(tags: usize, cond: impl Fn(usize) -> String, terms: usize, sep: &str) -> String {
    let mut out = String::new();
    for t in 0..tags {
        let _ = writeln!(out, "tag t{t}: bool");
    }
    let cond: Vec<String> = (0..terms).map(cond).collect();
    let _ = write!(
        out,
        "event e\nevent v\ntouchpoint w {{ channel wecom }}\njourney j {{\n  timezone \"UTC\"\n  entry on e\n  stage a {{\n    when {}: send w \"x\"\n  }}\n}}\n",
        cond.join(sep)
    );
    out
}

/// A ring of `stages` stages, each moving users on at once when `vip` holds.
fn ring(stages: usize) -> String {
    let mut out = String::from(
        "tag vip: bool\nevent e\njourney j {\n  timezone \"UTC\"\n  entry on e\n  goal g: e within 1d\n",
    );
    for s in 0..stages {
        let _ = writeln!(out, "  stage s{s} {{ when vip -> s{} }}", (s + 1) % stages);
    }
    out.push_str("}\n");
    out
}

/// `tags` unused tags (a warning and a fix each) and an allow comment for another code:
/// every warning is looked up against the comment.
fn unused_tags(tags: usize) -> String {
    let mut out = String::from("# journey: allow J0406\nevent e\n");
    for t in 0..tags {
        let _ = writeln!(out, "tag t{t}: bool");
    }
    out.push_str(
        "journey j {\n  timezone \"UTC\"\n  entry on e\n  stage s {\n    on e -> s\n  }\n}\n",
    );
    out
}

/// Best of `runs`: (wall seconds, peak KB), through `/usr/bin/time`.
fn measure(runs: usize, args: &[&str]) -> (f64, u64) {
    (0..runs)
        .map(|_| {
            let out = Command::new("/usr/bin/time")
                .args(["-f", "%e %M"])
                .args(args)
                .output()
                .expect("/usr/bin/time runs");
            let stderr = String::from_utf8_lossy(&out.stderr);
            let last = stderr.lines().last().unwrap_or_default();
            let mut it = last.split_whitespace();
            let secs = it.next().and_then(|s| s.parse().ok()).unwrap_or(f64::NAN);
            let kb = it.next().and_then(|s| s.parse().ok()).unwrap_or(0);
            (secs, kb)
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .unwrap()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let journey = std::env::var("JOURNEY")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("target/release/journey"));
    let journey = journey.to_str().expect("a UTF-8 path");
    let runs = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let dir = root.join("target/check-scale");
    std::fs::create_dir_all(&dir).expect("target/check-scale");
    let tags = |n: usize| move |i: usize| format!("t{}", i * 7 % n);
    let contradiction = |i: usize| format!("(t{} and not t{})", i % 14, i % 14);
    let tautology = |i: usize| format!("(t{} or not t{})", i % 14, i % 14);
    let same_tag = |i: usize| format!("count(v, 14d) >= {i}");
    let inputs = [
        ("rules_10k", many_rules(10_000)),
        ("guarded_sends_10k", guarded_sends(10_000)),
        ("tangled_guards_1k_stages", tangled_guards(1_000)),
        (
            "or_5000_over_30_tags",
            big_condition(30, tags(30), 5_000, " or "),
        ),
        (
            "or_5000_contradictions_14_tags",
            big_condition(14, contradiction, 5_000, " or "),
        ),
        (
            "and_5000_tautologies_14_tags",
            big_condition(14, tautology, 5_000, " and "),
        ),
        (
            "or_5000_on_one_count",
            big_condition(1, same_tag, 5_000, " or "),
        ),
        ("ring_10k_stages", ring(10_000)),
        ("unused_30k_tags_allow", unused_tags(30_000)),
    ];
    for (name, text) in inputs {
        let path = dir.join(format!("{name}.journey"));
        std::fs::write(&path, text).expect("write the input");
        let file = path.to_str().expect("a UTF-8 path");
        let json = name.starts_with("unused");
        let args: &[&str] = match json {
            true => &[journey, "check", file, "--format", "json"],
            false => &[journey, "check", file],
        };
        let (secs, kb) = measure(runs, args);
        println!("{name:>32}: check   {secs:>6.2} s {:>6} MB", kb / 1024);
        if name == "rules_10k" {
            let plan = dir.join("plan.json");
            let plan = plan.to_str().expect("a UTF-8 path");
            let (secs, kb) = measure(runs, &[journey, "compile", file, "-o", plan]);
            println!("{name:>32}: compile {secs:>6.2} s {:>6} MB", kb / 1024);
        }
    }
}

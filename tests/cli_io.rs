//! The CLI's input and output safety (issue 11): write errors on standard output, `-o`
//! onto devices, FIFOs and links, outputs that are inputs, file permissions, the input
//! size limit, the limits of count flags and damaged partial reports. Every run checks
//! that nothing panicked.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[path = "support/cli.rs"]
mod cli;
use cli::ok;

const BEAUTY: &str = "examples/beauty_w2.journey";

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

fn run_with(args: &[&str], stdout: Stdio, stdin: Stdio) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_journey"))
        .env("JOURNEY_LANG", "en") // messages as the snapshots have them
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .stdin(stdin)
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("journey runs");
    let run = Run {
        code: out.status.code().expect("exited normally, not by a signal"),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "{args:?} panicked:\n{}",
        run.stderr
    );
    run
}

fn journey(args: &[&str]) -> Run {
    run_with(args, Stdio::piped(), Stdio::null())
}

/// Asserts exit status 2 and that stderr holds every one of `words`.
fn fails(args: &[&str], words: &[&str]) -> Run {
    let run = journey(args);
    assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
    for w in words {
        assert!(
            run.stderr.contains(w),
            "{args:?}: `{w}` not in {}",
            run.stderr
        );
    }
    run
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// A copy of the beauty example in `dir`.
fn beauty_in(dir: &Path) -> PathBuf {
    let path = dir.join("美妆.journey");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(BEAUTY), &path).unwrap();
    path
}

/// A partial report of one shard of 50 users, as JSON.
fn partial(dir: &Path) -> Value {
    let path = dir.join("part.json");
    ok(&[
        "simulate",
        BEAUTY,
        "--users",
        "50",
        "--shard",
        "0/1",
        "-o",
        s(&path),
    ]);
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

// ------------------------------------------------------------------ 1. stdout

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_exits_2_with_a_message_for_every_command() {
    let dir = scratch();
    let part = dir.path().join("p.json");
    std::fs::write(&part, partial(dir.path()).to_string()).unwrap();
    let unformatted = dir.path().join("u.journey");
    std::fs::write(&unformatted, "event   signup\n").unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["explain", "J0409"],
        vec!["--help"],
        vec!["--version"],
        vec!["check", BEAUTY],
        vec!["check", BEAUTY, "--format", "json"],
        vec!["check", BEAUTY, "--format", "sarif"],
        vec!["compile", BEAUTY],
        vec!["compile", "--schema"],
        vec!["graph", BEAUTY, "--format", "mermaid"],
        vec!["simulate", BEAUTY, "--users", "20"],
        vec!["simulate", BEAUTY, "--trace", "1"],
        vec!["report", "merge", s(&part)],
        vec!["fmt", "--check", s(&unformatted)],
    ];
    for args in commands {
        let full = std::fs::File::create("/dev/full").unwrap();
        let run = run_with(&args, full.into(), Stdio::null());
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("cannot write to standard output"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

// ------------------------------------------------------------------ 2. devices, FIFOs, links

#[cfg(unix)]
#[test]
fn output_onto_dev_null_leaves_the_device_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let dir = scratch();
    let part = dir.path().join("p.json");
    std::fs::write(&part, partial(dir.path()).to_string()).unwrap();
    for args in [
        vec!["compile", BEAUTY, "-o", "/dev/null"],
        vec!["simulate", BEAUTY, "--users", "20", "-o", "/dev/null"],
        vec!["graph", BEAUTY, "--format", "dot", "-o", "/dev/null"],
        vec!["report", "merge", s(&part), "-o", "/dev/null"],
    ] {
        ok(&args);
        let kind = std::fs::symlink_metadata("/dev/null").unwrap().file_type();
        assert!(kind.is_char_device(), "{args:?} replaced /dev/null");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn output_onto_dev_stdout_reaches_the_pipe() {
    let plan = ok(&["compile", BEAUTY, "-o", "/dev/stdout"]);
    assert_eq!(plan, ok(&["compile", BEAUTY]));
}

#[cfg(unix)]
#[test]
fn output_onto_a_fifo_is_written_into_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = scratch();
    let fifo = dir.path().join("plan.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    ok(&["compile", BEAUTY, "-o", s(&fifo)]);
    let plan = reader.join().unwrap();
    assert_eq!(plan.as_bytes(), ok(&["compile", BEAUTY]));
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the FIFO was replaced");
}

#[cfg(unix)]
#[test]
fn a_symlink_output_stays_a_link_and_its_target_gets_the_content() {
    let dir = scratch();
    let target = dir.path().join("real.json");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    ok(&["compile", BEAUTY, "-o", s(&link)]);
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(std::fs::read(&target).unwrap(), ok(&["compile", BEAUTY]));
}

// ------------------------------------------------------------------ 3. outputs are never inputs

#[cfg(unix)]
#[test]
fn no_command_writes_over_its_input_by_path_symlink_or_hard_link() {
    let dir = scratch();
    let source = beauty_in(dir.path());
    let original = std::fs::read(&source).unwrap();
    let symlink = dir.path().join("sym.journey");
    std::os::unix::fs::symlink(&source, &symlink).unwrap();
    let hard = dir.path().join("hard.journey");
    std::fs::hard_link(&source, &hard).unwrap();
    for out in [&source, &symlink, &hard] {
        for args in [
            vec!["simulate", s(&source), "--users", "20", "-o", s(out)],
            vec!["compile", s(&source), "-o", s(out)],
            vec!["graph", s(&source), "--format", "dot", "-o", s(out)],
        ] {
            fails(&args, &["refusing to write over the input"]);
            assert_eq!(std::fs::read(&source).unwrap(), original, "{args:?}");
        }
    }
    let part = dir.path().join("p.json");
    let text = partial(dir.path()).to_string();
    std::fs::write(&part, &text).unwrap();
    let part_link = dir.path().join("p-link.json");
    std::fs::hard_link(&part, &part_link).unwrap();
    fails(
        &["report", "merge", s(&part), "-o", s(&part_link)],
        &["refusing to write over the input", "p.json"],
    );
    assert_eq!(std::fs::read_to_string(&part).unwrap(), text);
}

// ------------------------------------------------------------------ 5. permissions

#[cfg(unix)]
#[test]
fn fmt_keeps_a_files_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch();
    let path = dir.path().join("a.journey");
    std::fs::write(&path, "event   signup\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    ok(&["fmt", s(&path)]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "event signup\n");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[cfg(unix)]
#[test]
fn a_new_output_file_is_not_private_like_a_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch();
    let plan = dir.path().join("plan.json");
    ok(&["compile", BEAUTY, "-o", s(&plan)]);
    let mode = std::fs::metadata(&plan).unwrap().permissions().mode();
    assert_ne!(mode & 0o044, 0, "mode {mode:o}: readable by its owner only");
}

// ------------------------------------------------------------------ 6. input size

#[cfg(unix)]
#[test]
fn an_endless_input_is_refused_at_the_size_limit_by_every_command() {
    for args in [
        vec!["check", "/dev/zero"],
        vec!["compile", "/dev/zero"],
        vec!["simulate", "/dev/zero"],
        vec!["graph", "/dev/zero", "--format", "dot"],
        vec!["fmt", "/dev/zero"],
        vec!["report", "merge", "/dev/zero"],
    ] {
        fails(&args, &["`/dev/zero` is larger than 64 MiB"]);
    }
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let run = run_with(&["fmt", "-"], Stdio::piped(), zero.into());
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("standard input is larger than 64 MiB"));
}

#[test]
fn a_20_mb_file_is_still_read() {
    let dir = scratch();
    let path = dir.path().join("big.journey");
    let mut text = "event signup\n".to_string();
    let comment = format!("# {}\n", "注释".repeat(30));
    while text.len() < 20_000_000 {
        text.push_str(&comment);
    }
    std::fs::write(&path, text).unwrap();
    let run = journey(&["check", s(&path)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

// ------------------------------------------------------------------ 7. count flags

#[test]
fn count_flags_beyond_their_limits_are_usage_errors() {
    let cases: [(&[&str], &str); 6] = [
        (&["--users", "1000000001"], "1,000,000,000"),
        (&["--days", "36501"], "36,500"),
        (&["--threads", "10000"], "256"),
        (&["--trace", "1000000000"], "999,999,999"),
        (&["--shard", "0/10001"], "10,000"),
        (&["--users", "1000000000", "--days", "1001"], "user-days"),
    ];
    for (flags, limit) in cases {
        let args = [&["simulate", BEAUTY][..], flags].concat();
        let flag = flags[0].trim_start_matches('-');
        fails(&args, &[flag, limit]);
    }
}

// ------------------------------------------------------------------ 8. damaged partial reports

#[test]
fn damaged_or_foreign_partial_reports_are_refused_by_name() {
    let dir = scratch();
    let good = partial(dir.path());
    let text = good.to_string();
    let edited = |edit: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        edit(&mut v);
        v.to_string().into_bytes()
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated",
            text.as_bytes()[..text.len() / 2].to_vec(),
            "cut short",
        ),
        ("empty", Vec::new(), "is empty"),
        ("binary", (0..=255u8).rev().collect(), "not JSON"),
        ("text", b"hello".to_vec(), "not JSON"),
        (
            "foreign",
            br#"{"name": "x"}"#.to_vec(),
            "not a partial report",
        ),
        ("array", b"[1, 2]".to_vec(), "not a partial report"),
        (
            "report",
            ok(&["simulate", BEAUTY, "--users", "20", "--format", "json"]),
            "a finished report of version 2",
        ),
        (
            "bad-json",
            br#"{"format": "journey-report-partial",}"#.to_vec(),
            "not valid JSON",
        ),
        (
            "wrong-type",
            edited(&|v| v["aggregates"]["users"] = json!("many")),
            "invalid type",
        ),
        (
            "missing",
            edited(&|v| v["meta"].as_object_mut().unwrap().clear()),
            "missing field",
        ),
        ("version", edited(&|v| v["version"] = json!(8)), "version 8"),
        (
            "shape",
            edited(&|v| v["aggregates"]["goals"] = json!([])),
            "0 goals",
        ),
        (
            "days",
            edited(&|v| v["aggregates"]["daily_sends"][0] = json!([1])),
            "daily counts",
        ),
        (
            "stage",
            edited(&|v| v["aggregates"]["paths"] = json!([{"stages": [99], "count": 1}])),
            "stage 99",
        ),
        (
            "transition",
            edited(&|v| v["aggregates"]["stages"][0]["to"] = json!([[99, 1]])),
            "stage 99",
        ),
        (
            "shards",
            edited(&|v| v["shard"] = json!({"index": 0, "count": 1u64 << 60})),
            "shard",
        ),
        (
            "timeline",
            edited(&|v| v["meta"]["timeline_days"] = json!(1u64 << 40)),
            "larger than any",
        ),
        (
            "overflow",
            edited(&|v| {
                let dwell = json!([[0, u64::MAX], [0, u64::MAX]]);
                v["aggregates"]["stages"][0]["dwell"] = dwell;
            }),
            "too large",
        ),
    ];
    for (name, bytes, words) in cases {
        let path = dir.path().join(format!("{name}.json"));
        std::fs::write(&path, bytes).unwrap();
        fails(
            &["report", "merge", s(&path)],
            &[&format!("{name}.json"), words],
        );
    }
    // counts that fit one by one but overflow together
    let mut big = good.clone();
    big["aggregates"]["users"] = json!(u64::MAX / 2 + 1);
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    big["shard"] = json!({"index": 0, "count": 2});
    std::fs::write(&a, big.to_string()).unwrap();
    big["shard"] = json!({"index": 1, "count": 2});
    std::fs::write(&b, big.to_string()).unwrap();
    fails(&["report", "merge", s(&a), s(&b)], &["b.json", "too large"]);
}

#[test]
fn a_population_too_large_to_simulate_is_j0315_on_the_number() {
    let dir = scratch();
    let base = "event signup\njourney j {\n  timezone \"Asia/Shanghai\"\n  entry on signup\n  stage a { after 1d: exit }\n}\n";
    for (size, days, marked) in [
        ("1_000_000_001", "30", "1_000_000_001"),
        ("1000", "36_501", "36_501"),
        ("1_000_000_000", "1_001", "1_000_000_000"),
    ] {
        let text = format!(
            "{base}population p {{\n  size {size}\n  start 2026-03-02\n  days {days}\n  arrivals signup over 1d\n}}\n"
        );
        let path = dir.path().join("p.journey");
        std::fs::write(&path, &text).unwrap();
        let run = journey(&["check", s(&path), "--format", "json"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let report: Value = serde_json::from_slice(&run.stdout).unwrap();
        let d = &report["diagnostics"][0];
        assert_eq!(d["code"], "J0315", "{report}");
        let line = text.lines().position(|l| l.contains(marked)).unwrap() + 1;
        assert_eq!(d["line"], line, "{d}");
        assert!(d["help"].as_str().unwrap().contains("at most"), "{d}");
        let sim = journey(&["simulate", s(&path)]);
        assert_eq!(sim.code, 1, "{}", sim.stderr);
    }
}

#[test]
fn missing_shards_are_listed_briefly() {
    let dir = scratch();
    let mut part = partial(dir.path());
    part["shard"] = json!({"index": 0, "count": 10_000});
    let path = dir.path().join("p.json");
    std::fs::write(&path, part.to_string()).unwrap();
    let run = fails(
        &["report", "merge", s(&path)],
        &["missing shards: 1/10000, 2/10000"],
    );
    assert!(run.stderr.contains("and 9989 more"), "{}", run.stderr);
}

//! `journey fmt` on files: in-place rewriting, `--check`, syntax errors, stdin.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

#[path = "support/scratch.rs"]
mod scratch;
use scratch::scratch;

const MESSY: &str = include_str!("fmt/messy.journey");
const BROKEN: &str = "journey j { stage s { after 1d -> } }\n";

fn journey(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journey"))
        .env("JOURNEY_LANG", "en") // messages as the snapshots have them
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn formatted() -> String {
    journey::format(MESSY).unwrap()
}

#[test]
fn the_examples_pass_the_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = journey(root, &["fmt", "--check", "examples"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "");
}

#[test]
fn check_lists_unformatted_files_and_writes_nothing() {
    let good = formatted();
    let dir = scratch("check", &[("a.journey", MESSY), ("b.journey", &good)]);
    let out = journey(&dir, &["fmt", "--check", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "./a.journey\n");
    assert_eq!(
        std::fs::read_to_string(dir.join("a.journey")).unwrap(),
        MESSY
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn formats_in_place_then_checks_clean() {
    let dir = scratch("write", &[("a.journey", MESSY)]);
    // The default path is the current directory.
    let out = journey(&dir, &["fmt"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "./a.journey\n");
    assert_eq!(
        std::fs::read_to_string(dir.join("a.journey")).unwrap(),
        formatted()
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    let out = journey(&dir, &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(0));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_file_with_syntax_errors_is_reported_and_left_alone() {
    let dir = scratch("broken", &[("a.journey", MESSY), ("b.journey", BROKEN)]);
    let out = journey(&dir, &["fmt", "."]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("J0001"), "{stderr}");
    assert!(
        stderr.contains("`./b.journey` has syntax errors; it was not formatted"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("b.journey")).unwrap(),
        BROKEN
    );
    // The other file is still formatted.
    assert_eq!(
        std::fs::read_to_string(dir.join("a.journey")).unwrap(),
        formatted()
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_missing_path_is_a_failure() {
    let out = journey(Path::new("."), &["fmt", "no/such/file.journey"]);
    assert_eq!(out.status.code(), Some(2));
}

fn pipe(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_journey"))
        .env("JOURNEY_LANG", "en") // messages as the snapshots have them
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn dash_formats_standard_input_to_standard_output() {
    let out = pipe(&["fmt", "-"], MESSY);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), formatted());
    assert_eq!(pipe(&["fmt", "--check", "-"], MESSY).status.code(), Some(1));
    assert_eq!(
        pipe(&["fmt", "--check", "-"], &formatted()).status.code(),
        Some(0)
    );
    let out = pipe(&["fmt", "-"], BROKEN);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_stays_a_link() {
    let dir = scratch("link", &[("real.txt", MESSY)]);
    std::os::unix::fs::symlink("real.txt", dir.join("a.journey")).unwrap();
    let out = journey(&dir, &["fmt", "a.journey"]);
    assert_eq!(out.status.code(), Some(0));
    let link = std::fs::symlink_metadata(dir.join("a.journey")).unwrap();
    assert!(link.file_type().is_symlink());
    assert_eq!(
        std::fs::read_to_string(dir.join("real.txt")).unwrap(),
        formatted()
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// U+FEFF is whitespace to the grammar: `every daily\u{FEFF}at 08:30` formats to a
/// file that still parses (it used to become `every daily, \u{FEFF} at 08:30`).
#[test]
fn a_zero_width_no_break_space_between_tokens_formats_to_a_valid_file() {
    let text = "event e\n\njourney j {\n  timezone \"Asia/Shanghai\"\n  entry on e\n\n  \
                stage s { every daily \u{FEFF}at 08:30: exit }\n}\n";
    let dir = scratch("feff", &[("a.journey", text)]);
    let out = journey(&dir, &["fmt", "a.journey"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.join("a.journey")).unwrap(),
        text.replace(" \u{FEFF}", " ")
    );
    let out = journey(&dir, &["check", "a.journey"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(journey(&dir, &["fmt", "--check"]).status.code(), Some(0));
    std::fs::remove_dir_all(dir).unwrap();
}

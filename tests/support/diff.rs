//! Running `journey` and git for the `journey diff` tests (tests/diff_cli.rs,
//! tests/diff_project.rs).

use std::path::Path;
use std::process::{Command, Output};

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `journey ARGS` in `dir` with `JOURNEY_LANG=lang` and no colour.
pub fn journey_in(lang: &str, dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journey"))
        .env("JOURNEY_LANG", lang)
        .env("NO_COLOR", "1")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("journey runs")
}

/// The standard output of a run that exited with `code`.
pub fn stdout(out: &Output, code: i32) -> String {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// `git ARGS` in `dir`, which must succeed (with an author, for commits).
pub fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

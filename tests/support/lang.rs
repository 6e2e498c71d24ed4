//! Runs the binary in a chosen language, the locale of the test's environment
//! cleared, for the tests of both languages' output (tests/help_lang.rs; the tests
//! that include tests/support/cli.rs reach it as `cli::lang`).

use std::process::{Command, Output};

/// `journey ARGS` with `JOURNEY_LANG=lang`, no locale variables and no colour, in
/// the repository root.
pub fn run_in(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journey"))
        .env("JOURNEY_LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("journey runs")
}

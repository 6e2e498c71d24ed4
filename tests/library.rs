//! The library's facade as a program that links it uses it: each function gives what
//! the matching `journey` command prints, and bad options are errors, not panics.

use journey::{
    check, compile, format, parse, render_json, render_report, render_sarif, simulate, trace, Lang,
    RenderOptions, ReportFormat, SimulateOptions, SourceFile,
};
use std::process::Command;

const EXAMPLE: &str = "examples/repurchase.journey";
const BROKEN: &str = "tests/diagnostics/J0101.journey";

/// The file at `path` (from the repository root), named as the command line names it.
fn read(path: &str) -> SourceFile {
    let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap();
    SourceFile::new(path, text)
}

/// What `journey ARGS` prints on standard output, run from the repository root.
fn cli(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_journey"))
        .env("JOURNEY_LANG", "en") // messages as the snapshots have them
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn options(users: u64) -> SimulateOptions {
    SimulateOptions {
        users: Some(users),
        seed: 3,
        ..SimulateOptions::default()
    }
}

#[test]
fn compile_gives_the_plan_of_journey_compile() {
    let file = read(EXAMPLE);
    let checked = check(&file.text);
    let model = checked.model.expect("the example checks clean");
    let plan = compile(&file, &model, None).unwrap();
    assert_eq!(plan.to_json(), cli(&["compile", EXAMPLE]));
    let missing = compile(&file, &model, Some("nope")).unwrap_err();
    assert!(missing.to_string().contains("`nope`"), "{missing}");
}

#[test]
fn the_renderers_give_the_output_of_journey_check() {
    let file = read(BROKEN);
    let checked = check(&file.text);
    assert!(checked.has_errors() && checked.model.is_none());
    assert!(parse(&file.text).diagnostics.len() <= checked.diagnostics.len());
    let diagnostics = checked.diagnostics.as_slice();
    assert_eq!(
        render_json([(&file, diagnostics)], Lang::En),
        cli(&["check", "--format", "json", BROKEN])
    );
    assert_eq!(
        render_sarif(&file, diagnostics, Lang::En),
        cli(&["check", "--format", "sarif", BROKEN])
    );
}

#[test]
fn simulate_and_trace_give_the_output_of_journey_simulate() {
    let file = read(EXAMPLE);
    let model = check(&file.text).model.unwrap();
    let report = simulate(&file, &model, &options(300)).unwrap();
    let args = ["simulate", EXAMPLE, "--users", "300", "--seed", "3"];
    assert_eq!(
        render_report(&report, ReportFormat::Json, RenderOptions::default()),
        cli(&[&args[..], &["--format", "json"]].concat())
    );
    assert_eq!(
        render_report(&report, ReportFormat::Markdown, RenderOptions::default()),
        cli(&[&args[..], &["--format", "markdown"]].concat())
    );
    assert_eq!(
        trace(&file, &model, &options(300), 7).unwrap(),
        cli(&[&args[..], &["--trace", "7"]].concat())
    );
}

/// The command line's parsers refuse these before a run; a library caller gets the
/// same limits as an error (more days than a run holds used to fail an assertion).
#[test]
fn options_beyond_their_limits_are_errors() {
    let file = read(EXAMPLE);
    let model = check(&file.text).model.unwrap();
    let too_many_days = SimulateOptions {
        days: Some(1_000_000),
        ..options(10)
    };
    let err = simulate(&file, &model, &too_many_days).unwrap_err();
    assert!(
        err.starts_with("--days 1000000: it must be at most 36,500"),
        "{err}"
    );
    let err = simulate(&file, &model, &options(0)).unwrap_err();
    assert!(err.starts_with("--users 0: it must be at least 1"), "{err}");
    let threads = SimulateOptions {
        threads: Some(100_000),
        ..options(10)
    };
    assert!(simulate(&file, &model, &threads).is_err());
    let err = trace(&file, &model, &options(10), 10).unwrap_err();
    assert!(err.contains("users are numbered 0 to 9"), "{err}");
}

#[test]
fn format_gives_a_file_that_formats_to_itself() {
    let text = "event   e\njourney j { entry on e\nstage s { after 1d: exit } }\n";
    let once = format(text).unwrap();
    assert_eq!(format(&once).unwrap(), once);
    assert!(format("journey {").is_err());
}

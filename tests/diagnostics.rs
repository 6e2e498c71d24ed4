//! One failing fixture per diagnostic code: `tests/diagnostics/JXXXX.journey`.
//!
//! Each fixture must produce exactly its own code, once, and its human and JSON
//! renderings are pinned by snapshots in `tests/snapshots/diagnostics/{human,json}/`,
//! named after the fixture.

use journey::{check, render_human, render_json, words, Code, HumanStyle, Lang, SourceFile};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diagnostics")
}

/// The fixtures, sorted by code: (code as in the file name, file text).
fn fixtures() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(fixture_dir()).expect("tests/diagnostics exists") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "journey") {
            let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            out.push((stem, text));
        }
    }
    out.sort();
    out
}

#[test]
fn every_code_has_a_fixture_and_every_fixture_is_a_code() {
    let names: BTreeSet<String> = fixtures().into_iter().map(|(name, _)| name).collect();
    // A project's codes (J05xx) take several files: tests/project_check.rs raises each.
    let codes: BTreeSet<String> = (Code::ALL.iter())
        .map(|c| c.as_str().to_string())
        .filter(|c| !c.starts_with("J05"))
        .collect();
    let missing: Vec<_> = codes.difference(&names).collect();
    let stray: Vec<_> = names.difference(&codes).collect();
    assert!(
        missing.is_empty(),
        "codes without a fixture in tests/diagnostics/: {missing:?}"
    );
    assert!(
        stray.is_empty(),
        "fixtures in tests/diagnostics/ that are not diagnostic codes: {stray:?}"
    );
}

#[test]
fn fixtures_start_with_their_code_and_title() {
    for (name, text) in fixtures() {
        let Some(code) = Code::parse(&name) else {
            continue; // reported by the test above
        };
        let first = text.lines().next().unwrap_or_default();
        assert_eq!(
            first,
            format!("# {}: {}", code.as_str(), code.title()),
            "first line of tests/diagnostics/{name}.journey"
        );
    }
}

#[test]
fn each_fixture_yields_exactly_its_code_and_matches_its_snapshots() {
    let mut failures = Vec::new();
    for (name, text) in fixtures() {
        let Some(code) = Code::parse(&name) else {
            continue;
        };
        let outcome = std::panic::catch_unwind(|| check_fixture(&name, code, &text));
        if outcome.is_err() {
            failures.push(name);
        }
    }
    assert!(
        failures.is_empty(),
        "fixtures failing (details above): {failures:?}"
    );
}

fn check_fixture(name: &str, code: Code, text: &str) {
    let checked = check(text);
    let codes: Vec<&str> = checked
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(
        codes,
        [code.as_str()],
        "tests/diagnostics/{name}.journey must produce exactly one {name}"
    );
    let d = &checked.diagnostics[0];
    assert_eq!(d.severity, code.severity(), "{name}: severity");
    assert_eq!(
        checked.model.is_some(),
        !d.is_error(),
        "{name}: a model exists exactly when there is no error"
    );
    assert!(!d.labels.is_empty(), "{name}: no label");
    for label in &d.labels {
        let span = label.span;
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{name}: label span {span:?} outside the text"
        );
        assert!(
            !words(&label.message, Lang::En).trim().is_empty() || d.labels.len() > 1,
            "{name}: primary label without text"
        );
    }
    assert!(
        !words(&d.message, Lang::En).trim().is_empty(),
        "{name}: empty message"
    );

    let file = SourceFile::new(format!("tests/diagnostics/{name}.journey"), text);
    for lang in [Lang::En, Lang::Zh] {
        let style = HumanStyle {
            lang,
            ..HumanStyle::PLAIN
        };
        let rendered = render_human(&file, &checked.diagnostics, style);
        assert!(
            !rendered.contains('\u{1b}'),
            "{name}: plain rendering has escape codes"
        );
        let json = render_json([(&file, checked.diagnostics.as_slice())], lang);
        insta::with_settings!({
            snapshot_path => format!("snapshots/diagnostics/human/{lang}"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
            description => format!("tests/diagnostics/{name}.journey, human rendering (Style::PLAIN), --lang {lang}"),
        }, {
            insta::assert_snapshot!(name.to_string(), rendered);
        });
        insta::with_settings!({
            snapshot_path => format!("snapshots/diagnostics/json/{lang}"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
            description => format!("tests/diagnostics/{name}.journey, --format json --lang {lang}"),
        }, {
            insta::assert_snapshot!(name.to_string(), json);
        });
    }
}

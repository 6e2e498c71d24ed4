//! Every example in `examples/` is clean (no errors, no warnings) and complete enough
//! to simulate: it has a population and every journey names its timezone.

use journey::{check, render_human, HumanStyle, SourceFile};
use std::path::{Path, PathBuf};

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "journey"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no examples in {}", dir.display());
    paths
}

fn display(path: &Path) -> String {
    format!("examples/{}", path.file_name().unwrap().to_string_lossy())
}

#[test]
fn every_example_checks_without_errors_or_warnings() {
    let mut dirty = Vec::new();
    for path in examples() {
        let text = std::fs::read_to_string(&path).unwrap();
        let checked = check(&text);
        if !checked.diagnostics.is_empty() {
            let file = SourceFile::new(display(&path), text);
            eprintln!(
                "{}",
                render_human(&file, &checked.diagnostics, HumanStyle::PLAIN)
            );
            dirty.push(display(&path));
        } else {
            assert!(checked.model.is_some(), "{}: no model", display(&path));
        }
    }
    assert!(
        dirty.is_empty(),
        "examples with diagnostics (shown above): {dirty:?}"
    );
}

#[test]
fn every_example_has_a_population_and_a_timezone() {
    for path in examples() {
        let name = display(&path);
        let text = std::fs::read_to_string(&path).unwrap();
        let Some(model) = check(&text).model else {
            panic!("{name} has errors");
        };
        assert!(!model.journeys.is_empty(), "{name}: no journey");
        assert!(!model.populations.is_empty(), "{name}: no population");
        for journey in &model.journeys {
            assert!(
                journey.timezone_given,
                "{name}: journey `{}` has no timezone",
                journey.name
            );
        }
    }
}

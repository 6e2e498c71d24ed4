//! `journey compile` and `journey graph` as a user runs them: exit statuses,
//! what reaches stdout, and that a failed run writes nothing.

use std::path::Path;
use std::process::{Command, Output};

#[path = "support/scratch.rs"]
mod scratch;
use scratch::scratch;

const BAD: &str = "event signup\njourney j { entry on sginup\n stage s { after 1d: exit } }\n";
const TWO: &str = "event e\njourney 甲 { entry on e stage s { after 1d: exit } }\njourney 乙 { entry on e stage t { after 1d: exit } }\n";

fn journey(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journey"))
        .env("JOURNEY_LANG", "en") // messages as the snapshots have them
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run journey")
}

fn example(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_file_with_errors_exits_1_and_writes_no_plan() {
    let dir = scratch("errors", &[("bad.journey", BAD)]);
    let out = journey(&["compile", "bad.journey", "-o", "plan.json"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unknown event `sginup`"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(names(&dir), ["bad.journey"]);

    let out = journey(&["compile", "bad.journey"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no partial plan on stdout");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_existing_output_is_untouched_when_compilation_fails() {
    let dir = scratch(
        "untouched",
        &[("bad.journey", BAD), ("plan.json", "{\"keep\":1}")],
    );
    let out = journey(&["compile", "bad.journey", "-o", "plan.json"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let kept = std::fs::read_to_string(dir.join("plan.json")).unwrap();
    assert_eq!(kept, "{\"keep\":1}");
    assert_eq!(names(&dir), ["bad.journey", "plan.json"]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn output_goes_to_stdout_or_atomically_to_a_file() {
    let source = example("beauty_w2.journey");
    let dir = scratch("output", &[("美妆.journey", &source), ("plan.json", "old")]);
    let printed = journey(&["compile", "美妆.journey"], &dir);
    assert_eq!(printed.status.code(), Some(0));
    let plan = String::from_utf8(printed.stdout).unwrap();
    assert!(plan.starts_with("{\n  \"format\": \"journey-plan\",\n  \"version\": 2,"));
    assert!(plan.contains("\"file\": \"美妆.journey\""));

    let written = journey(&["compile", "美妆.journey", "-o", "plan.json"], &dir);
    assert_eq!(written.status.code(), Some(0));
    assert!(written.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(dir.join("plan.json")).unwrap(),
        plan
    );
    assert_eq!(
        names(&dir),
        ["plan.json", "美妆.journey"],
        "no temporary left"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_input_is_never_overwritten() {
    let source = example("course.journey");
    let dir = scratch("input", &[("c.journey", &source)]);
    let out = journey(&["compile", "c.journey", "-o", "./c.journey"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.join("c.journey")).unwrap(),
        source
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn journeys_are_selected_by_name_and_unknown_names_listed() {
    let dir = scratch("select", &[("two.journey", TWO)]);
    let out = journey(&["compile", "two.journey", "--journey", "乙"], &dir);
    assert_eq!(out.status.code(), Some(0));
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(plan["journeys"].as_array().unwrap().len(), 1);
    assert_eq!(plan["journeys"][0]["name"], "乙");

    let out = journey(
        &["compile", "two.journey", "--journey", "丙", "-o", "p.json"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.ends_with(
            "error: `two.journey` has no journey `丙`; did you mean `甲`? Its journeys: `甲`, `乙`\n"
        ),
        "{stderr}"
    );
    assert!(!dir.join("p.json").exists());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_schema_flag_prints_the_checked_in_schema() {
    let dir = scratch("schema", &[]);
    let out = journey(&["compile", "--schema"], &dir);
    assert_eq!(out.status.code(), Some(0));
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/plan.schema.json");
    let printed = String::from_utf8(out.stdout).unwrap();
    let checked_in = std::fs::read_to_string(docs).unwrap();
    assert!(
        printed == checked_in,
        "`compile --schema` differs from docs/plan.schema.json"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn graphs_print_one_journey_or_every_one() {
    let dir = scratch("graph", &[("two.journey", TWO), ("bad.journey", BAD)]);
    let out = journey(
        &["graph", "two.journey", "--journey", "甲", "--format", "dot"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(0));
    let dot = String::from_utf8(out.stdout).unwrap();
    assert!(dot.starts_with("digraph \"甲\" {"), "{dot}");
    assert!(dot.contains("s0 -> done [label=\"after 1d\"];"), "{dot}");

    // without `--journey`, both, each in its own subgraph; Mermaid unless asked
    let out = journey(&["graph", "two.journey"], &dir);
    assert_eq!(out.status.code(), Some(0));
    let mermaid = String::from_utf8(out.stdout).unwrap();
    assert!(mermaid.starts_with("---\ntitle: \"two.journey\"\n---\nflowchart TD\n"));
    assert!(mermaid.contains("    subgraph j0[\"甲\"]\n"), "{mermaid}");
    assert!(mermaid.contains("    subgraph j1[\"乙\"]\n"), "{mermaid}");
    assert!(mermaid.contains("        j1_s0 -->|"), "{mermaid}");
    // `-o` with `.dot` (or `.gv`) asks for DOT
    let out = journey(&["graph", "two.journey", "-o", "two.gv"], &dir);
    assert_eq!(out.status.code(), Some(0));
    let dot = std::fs::read_to_string(dir.join("two.gv")).unwrap();
    assert!(dot.starts_with("digraph \"two.journey\" {"), "{dot}");
    assert!(
        dot.contains("    subgraph cluster_1 {\n        label=\"乙\";\n"),
        "{dot}"
    );

    let out = journey(&["graph", "bad.journey", "--format", "mermaid"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_unknown_journey_is_refused_with_the_nearest_as_simulate_refuses_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let file = "tests/portfolio/contention.journey";
    let said = "error: `tests/portfolio/contention.journey` has no journey `新各`; did you mean \
                `新客`? Its journeys: `新客`, `复购`\n";
    for command in ["compile", "graph", "simulate"] {
        let args = [command, file, "--journey", "新各"];
        let args = [
            &args[..],
            if command == "graph" {
                &["--format", "dot"]
            } else {
                &[]
            },
        ]
        .concat();
        let out = journey(&args, root);
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), said, "{command}");
    }
}

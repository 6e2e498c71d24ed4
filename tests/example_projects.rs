//! The example projects (directories under `examples/`) check clean as projects, are
//! formatted, and their portfolio file simulates every journey together — so they can
//! never rot. Single-file examples are covered by tests/examples.rs.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn projects() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no example projects in {}", dir.display());
    dirs
}

fn journey(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_journey"))
        .env("JOURNEY_LANG", "en")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn files(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "journey"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

#[test]
fn every_example_project_checks_clean_and_is_formatted() {
    for dir in projects() {
        let shown = dir.to_string_lossy().into_owned();
        assert!(
            dir.join("journey.toml").is_file(),
            "{shown}: no journey.toml"
        );
        let (code, out, err) = journey(&["check", "--deny", "warnings", &shown]);
        assert_eq!(code, 0, "{shown}:\n{out}{err}");
        let mut args = vec!["fmt".to_string(), "--check".to_string()];
        args.extend(files(&dir));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = journey(&args);
        assert_eq!(code, 0, "{shown}: not formatted:\n{out}{err}");
    }
}

#[test]
fn the_beauty_portfolio_runs_its_four_journeys_together() {
    let (code, out, err) = journey(&[
        "simulate",
        "examples/美妆私域/组合.journey",
        "--users",
        "3000",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let mut names: Vec<&str> = report["journeys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["name"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["会员日", "复购", "沉睡唤醒", "美妆新客"]);
    // The project's journey.toml sets the seed.
    assert_eq!(report["seed"], 7);
    // 企业微信1v1 is one inbox: every journey but 会员日's calendar sends reaches it.
    let wecom = report["touchpoints"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "wecom")
        .unwrap();
    let by_journey = wecom["by_journey"].as_object().unwrap();
    for name in ["美妆新客", "复购", "沉睡唤醒"] {
        assert!(
            by_journey[name].as_u64().unwrap() > 0,
            "{name}: {by_journey:?}"
        );
    }
    // Handoffs: 复购 is entered by buyers only, 沉睡唤醒 also by 新客's 30-day handoff.
    let entered = |name: &str| {
        report["journeys"]
            .as_array()
            .unwrap()
            .iter()
            .find(|j| j["name"] == name)
            .unwrap()["users"]
            .as_u64()
            .unwrap()
    };
    assert!(entered("沉睡唤醒") > entered("复购"));
    assert_eq!(report["teams"][0]["name"], "美妆顾问");
}

#[test]
fn the_car_project_has_a_sales_and_a_delivery_team_with_hours_and_service_levels() {
    // The hours are the plan's (common.journey, imported by the journey's file).
    let (code, out, err) = journey(&["compile", "examples/新能源车/新能源购车.journey"]);
    assert_eq!(code, 0, "{err}");
    let plan: Value = serde_json::from_str(&out).unwrap();
    let teams = plan["teams"].as_array().unwrap();
    assert_eq!(teams.len(), 2);
    let (sales, delivery) = (&teams[0], &teams[1]);
    assert_eq!(sales["name"], "销售");
    assert_eq!(sales["hours"]["days"].as_array().unwrap().len(), 7);
    assert_eq!(sales["hours"]["from"], 540, "09:00");
    assert_eq!(sales["hours"]["to"], 1260, "21:00");
    assert_eq!(delivery["name"], "交付");
    assert_eq!(delivery["hours"]["days"].as_array().unwrap().len(), 5);
    assert_eq!(delivery["hours"]["from"], 540, "09:00");
    assert_eq!(delivery["hours"]["to"], 1080, "18:00");
    assert_eq!(sales["span"]["file"], "common.journey");
    // Every task has a service level, so the report judges both teams' tasks by it.
    let (code, out, err) = journey(&[
        "simulate",
        "examples/新能源车/组合.journey",
        "--users",
        "2000",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        report["seed"], 11,
        "the project's journey.toml sets the seed"
    );
    let names: Vec<&str> = (report["teams"].as_array().unwrap().iter())
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["销售", "交付"]);
    for team in report["teams"].as_array().unwrap() {
        assert!(team["created"].as_u64().unwrap() > 0, "{team}");
        let within = team["within_sla"]
            .as_f64()
            .expect("tasks have service levels");
        assert!((0.0..=1.0).contains(&within), "{team}");
        assert!(team["suggested_capacity"].as_u64().is_some(), "{team}");
    }
}

/// `graph` on a journey file of a project draws the file's own journey, though the
/// file imports the journeys it hands users on to (新客 imports 复购 and 沉睡唤醒);
/// `--journey` still draws an imported one.
#[test]
fn graph_draws_a_project_file_s_own_journey() {
    for (file, title) in [
        ("新客.journey", "美妆新客 W2 运营"),
        ("复购.journey", "复购 T+1/T+7/T+21"),
        ("沉睡唤醒.journey", "沉睡用户唤醒"),
        ("会员日.journey", "每月 8 号会员日"),
    ] {
        let path = format!("examples/美妆私域/{file}");
        let (code, out, err) = journey(&["graph", &path, "--format", "mermaid"]);
        assert_eq!(code, 0, "{file}: {err}");
        assert!(
            out.starts_with(&format!("---\ntitle: \"{title}\"\n")),
            "{file}: {out}"
        );
    }
    let (code, out, err) = journey(&[
        "graph",
        "examples/美妆私域/新客.journey",
        "--journey",
        "复购",
        "--format",
        "dot",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("digraph \"复购\" {"), "{out}");
    // A file that declares no journey of its own draws the ones it imports, with the
    // hand-offs between them; the project's directory draws its entry file.
    let (code, out, err) = journey(&["graph", "examples/美妆私域/组合.journey", "--format", "dot"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.matches("    subgraph cluster_").count(), 4, "{out}");
    assert_eq!(out.matches(", style=bold];").count(), 3, "{out}");
    let (code, by_dir, err) = journey(&["graph", "examples/美妆私域", "--format", "dot"]);
    assert_eq!((code, by_dir), (0, out), "{err}");
}

/// `explain` knows the codes a project's `import` lines get.
#[test]
fn explain_says_what_each_import_error_means() {
    for code in ["J0501", "J0502", "J0503", "J0504", "J0505", "J0506"] {
        let (status, out, err) = journey(&["explain", code]);
        assert_eq!(status, 0, "{code}: {err}");
        assert!(out.starts_with(&format!("## {code}: ")), "{code}: {out}");
    }
}

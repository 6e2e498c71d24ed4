//! `journey diff` on projects: two copies of tests/fixtures/diff/project (a common
//! file, two journey files, an entry file with the population), the new one edited
//! here. Golden change lists for declarations moved between files (no change), a rule
//! changed in one journey file, a new import, a diagnostic fixed in common.journey;
//! the impact of every journey together equal to two `journey simulate` runs; a
//! template renamed in one journey with zero impact; `--base` on a project in a git
//! repository built here; the markdown output.

use serde_json::Value;
use std::path::{Path, PathBuf};

#[path = "support/diff.rs"]
mod support;
use support::{git, journey_in, root, stdout};

const PROJECT: &str = "tests/fixtures/diff/project";

/// A fresh directory for one test, with copies of the project as `old` and `new`.
fn versions(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("journey-diffproj-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for side in ["old", "new"] {
        copy(&root().join(PROJECT), &dir.join(side));
    }
    dir
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// Replaces `from` (which must be there) by `to` in `file`.
fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

/// `journey diff old new --format json` in `dir`, with `extra` flags.
fn diff(dir: &Path, extra: &[&str]) -> Value {
    let args = [&["diff", "old", "new", "--format", "json"], extra].concat();
    serde_json::from_str(&stdout(&journey_in("en", dir, &args), 0)).unwrap()
}

fn semantic(d: &Value) -> String {
    let v = serde_json::json!({"changes": d["changes"], "diagnostics": d["diagnostics"]});
    serde_json::to_string_pretty(&v).unwrap()
}

/// Every figure of the impact, named: `(path, {old, new, delta})`.
fn figures(impact: &Value) -> Vec<(String, Value)> {
    let list = |key: &str| impact[key].as_array().unwrap().clone();
    let mut out = vec![
        ("cost".to_string(), impact["cost"].clone()),
        ("fatigue.p95".into(), impact["fatigue"]["p95"].clone()),
        ("fatigue.max".into(), impact["fatigue"]["max"].clone()),
    ];
    for t in list("touchpoints") {
        for f in ["sent", "per_day", "peak", "cost"] {
            out.push((format!("{}.{f}", t["name"]), t[f].clone()));
        }
        for j in t["by_journey"].as_array().unwrap() {
            out.push((format!("{}.{}", t["name"], j["journey"]), j["sent"].clone()));
        }
    }
    for g in list("goals") {
        for f in ["rate", "lift"] {
            out.push((format!("{}.{f}", g["goal"]), g[f].clone()));
        }
    }
    for s in list("funnel") {
        let name = format!("{}/{}.users", s["journey"], s["stage"]);
        out.push((name, s["users"].clone()));
    }
    for p in list("policies") {
        out.push((format!("{}.capped", p["name"]), p["capped"].clone()));
    }
    for t in list("teams") {
        for f in ["backlog_end", "peak_backlog"] {
            out.push((format!("{}.{f}", t["name"]), t[f].clone()));
        }
    }
    out
}

fn assert_zero_impact(impact: &Value) {
    for (path, f) in figures(impact) {
        assert_eq!(f["old"], f["new"], "{path}");
        assert!(f["delta"].is_null() || f["delta"] == 0.0, "{path}: {f}");
    }
    for g in impact["goals"].as_array().unwrap() {
        assert_eq!(g["ci95"], serde_json::json!([0.0, 0.0]), "{}", g["goal"]);
    }
}

#[test]
fn identical_projects_have_no_changes_and_zero_impact() {
    let dir = versions("same");
    let d = diff(&dir, &[]);
    assert_eq!(d["changes"], serde_json::json!([]));
    assert_eq!(
        d["diagnostics"],
        serde_json::json!({"new": [], "fixed": []})
    );
    // Both journeys, together, on the project's seed (journey.toml).
    assert_eq!(d["impact"]["journeys"], serde_json::json!(["新客", "唤醒"]));
    assert_eq!(d["impact"]["seed"], 3);
    assert_zero_impact(&d["impact"]);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn declarations_moved_between_files_are_no_change() {
    let dir = versions("moved");
    let new = dir.join("new");
    edit(&new.join("新客.journey"), "tag vip: bool\n", "");
    edit(
        &new.join("common.journey"),
        "event signup",
        "tag vip: bool\n\nevent signup",
    );
    // and the team from common.journey into the journey that uses it
    edit(
        &new.join("common.journey"),
        "team 销售 { capacity 20 per day }\n",
        "",
    );
    edit(
        &new.join("新客.journey"),
        "journey 新客 {",
        "team 销售 { capacity 20 per day }\n\njourney 新客 {",
    );
    let d = diff(&dir, &[]);
    assert_eq!(d["changes"], serde_json::json!([]));
    assert_eq!(
        d["diagnostics"],
        serde_json::json!({"new": [], "fixed": []})
    );
    // The declarations' order changed too (vip now before the journeys' files): the
    // users' tags are drawn by the population's lines, so nothing else did.
    assert_zero_impact(&d["impact"]);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_rule_changed_in_one_journey_file() {
    let dir = versions("rule");
    edit(
        &dir.join("new/唤醒.journey"),
        "on visit: send 社群 \"welcome_back\"",
        "on visit: send wecom \"welcome_back\"",
    );
    let d = diff(&dir, &[]);
    insta::assert_snapshot!("diff_project_rule", semantic(&d));
    // The wecom sends of 唤醒 rise; 新客 shares the inbox and its caps.
    let wecom = &d["impact"]["touchpoints"][0];
    assert_eq!(wecom["name"], "wecom");
    let by = |j: &str| {
        let list = wecom["by_journey"].as_array().unwrap();
        list.iter().find(|x| x["journey"] == j).unwrap()["sent"].clone()
    };
    assert!(
        by("唤醒")["delta"].as_f64().unwrap() > 0.0,
        "{}",
        by("唤醒")
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_new_import_adds_its_journey_to_the_impact() {
    let dir = versions("import");
    let new = dir.join("new");
    std::fs::write(
        new.join("复购.journey"),
        "import \"common.journey\"\n\njourney 复购 {\n  timezone \"Asia/Shanghai\"\n  entry on purchase\n  reentry after 30d\n  goal 复购: purchase within 30d\n\n  stage 已下单 { after 3d at 10:00: send wecom \"coupon\" }\n}\n",
    )
    .unwrap();
    edit(
        &new.join("组合.journey"),
        "import \"唤醒.journey\"",
        "import \"唤醒.journey\"\nimport \"复购.journey\"",
    );
    let d = diff(&dir, &[]);
    insta::assert_snapshot!("diff_project_import", semantic(&d));
    let impact = &d["impact"];
    assert_eq!(
        impact["journeys"],
        serde_json::json!(["新客", "唤醒", "复购"])
    );
    let goal = (impact["goals"].as_array().unwrap().iter())
        .find(|g| g["goal"] == "复购/复购")
        .unwrap();
    assert!(goal["rate"]["old"].is_null() && goal["rate"]["new"].is_number());
    assert!(goal["ci95"].is_null());
    // The new journey alone has nothing to be compared with.
    let d = diff(&dir, &["--journey", "复购"]);
    assert!(d["impact"].is_null());
    let note = d["notes"][0].as_str().unwrap();
    assert!(
        note.contains("OLD has none of the journeys simulated (`复购`)"),
        "{note}"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_diagnostic_fixed_in_common_journey() {
    let dir = versions("fixed");
    edit(
        &dir.join("old/common.journey"),
        "event visit\n",
        "event visit\nevent refund\n",
    );
    let d = diff(&dir, &[]);
    insta::assert_snapshot!("diff_project_fixed", semantic(&d));
    assert_eq!(
        d["diagnostics"]["fixed"][0]["position"]["file"],
        "common.journey"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_file_with_imports_is_its_project() {
    let dir = versions("entry");
    edit(
        &dir.join("new/新客.journey"),
        "after 7d at 20:00",
        "after 5d at 20:00",
    );
    let by_dir = diff(&dir, &["--users", "500"]);
    let args = [
        "diff",
        "old/组合.journey",
        "new/组合.journey",
        "--format",
        "json",
        "--users",
        "500",
    ];
    let by_file: Value = serde_json::from_str(&stdout(&journey_in("en", &dir, &args), 0)).unwrap();
    assert_eq!(by_file["changes"], by_dir["changes"]);
    assert_eq!(by_file["impact"], by_dir["impact"]);
    assert_eq!(by_file["changes"][0]["new"]["file"], "新客.journey");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_template_rename_in_one_journey_has_zero_impact_exactly() {
    let dir = versions("template");
    edit(
        &dir.join("new/唤醒.journey"),
        "\"wakeup_coupon\"",
        "\"wakeup_coupon_v2\"",
    );
    let d = diff(&dir, &[]);
    assert_eq!(d["changes"].as_array().unwrap().len(), 1);
    assert_eq!(d["changes"][0]["parts"], serde_json::json!(["template"]));
    assert_zero_impact(&d["impact"]);
    std::fs::remove_dir_all(dir).ok();
}

/// `journey simulate` of a version's entry file, as JSON.
fn simulate(dir: &Path, side: &str, extra: &[&str]) -> Value {
    let entry = format!("{side}/组合.journey");
    let args = [&["simulate", entry.as_str(), "--format", "json"], extra].concat();
    serde_json::from_str(&stdout(&journey_in("en", dir, &args), 0)).unwrap()
}

#[test]
fn the_impact_equals_two_simulate_runs_with_the_same_seed() {
    let dir = versions("simulate");
    edit(
        &dir.join("new/唤醒.journey"),
        "when inactive 20d on weekend",
        "when inactive 14d on weekend",
    );
    edit(&dir.join("new/common.journey"), "capacity 20", "capacity 5");
    let flags = ["--seed", "11", "--users", "2000"];
    let d = diff(&dir, &flags);
    let impact = &d["impact"];
    assert_eq!(impact["seed"], 11);
    let mut compared = 0;
    for side in ["old", "new"] {
        let r = simulate(&dir, side, &flags);
        let find = |list: &Value, key: &str, name: &Value| -> Value {
            (list.as_array().unwrap().iter())
                .find(|x| x[key] == *name)
                .unwrap_or_else(|| panic!("{key} {name} in {list}"))
                .clone()
        };
        // both rounded to 6 decimals, the diff's from the unrounded figure
        let mut same = |what: &str, diff: &Value, report: &Value| {
            let (a, b) = (diff[side].as_f64(), report.as_f64());
            let close = a.zip(b).is_some_and(|(a, b)| (a - b).abs() < 1e-6);
            assert!(close || a == b, "{side} {what}: diff {a:?}, simulate {b:?}");
            compared += 1;
        };
        same("cost", &impact["cost"], &r["cost"]["total"]);
        let q = &r["fatigue"]["sends_per_user_day"];
        same("p95", &impact["fatigue"]["p95"], &q["p95"]);
        same("max", &impact["fatigue"]["max"], &q["max"]);
        for t in r["touchpoints"].as_array().unwrap() {
            let i = find(&impact["touchpoints"], "name", &t["name"]);
            same("sent", &i["sent"], &t["sent"]);
            same("cost", &i["cost"], &t["cost"]);
            for (journey, sent) in t["by_journey"].as_object().unwrap() {
                let j = find(&i["by_journey"], "journey", &Value::from(journey.as_str()));
                same("by journey", &j["sent"], sent);
            }
        }
        for j in r["journeys"].as_array().unwrap() {
            for g in j["goals"].as_array().unwrap() {
                let name = format!(
                    "{}/{}",
                    j["name"].as_str().unwrap(),
                    g["name"].as_str().unwrap()
                );
                let i = find(&impact["goals"], "goal", &Value::from(name));
                same("rate", &i["rate"], &g["treatment"]["rate"]);
                same("lift", &i["lift"], &g["lift"]);
            }
            for s in j["funnel"].as_array().unwrap() {
                let i = (impact["funnel"].as_array().unwrap().iter())
                    .find(|x| x["journey"] == j["name"] && x["stage"] == s["stage"])
                    .unwrap();
                same("funnel", &i["users"], &s["users"]);
            }
        }
        for p in r["policies"].as_array().unwrap() {
            let i = find(&impact["policies"], "name", &p["name"]);
            same("capped", &i["capped"], &p["capped"]);
        }
        for t in r["teams"].as_array().unwrap() {
            let i = find(&impact["teams"], "name", &t["name"]);
            same("backlog", &i["backlog_end"], &t["backlog_end"]);
        }
    }
    // per side: cost, fatigue 2, per touchpoint (2) sent, cost and 2 journeys' sends,
    // per goal (2) rate and lift, funnel 2, policy 1, team 1
    assert_eq!(compared, 2 * (3 + 2 * 4 + 2 * 2 + 2 + 1 + 1));
    // The earlier wake-up sends more; 销售 at a quarter of its capacity falls behind.
    let sent = &impact["touchpoints"][0]["sent"];
    assert!(sent["delta"].as_f64().unwrap() > 0.0, "{sent}");
    let backlog = &impact["teams"][0]["peak_backlog"];
    assert!(backlog["delta"].as_f64().unwrap() > 0.0, "{backlog}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn journey_flags_choose_the_journeys_simulated() {
    let dir = versions("journeys");
    let d = diff(&dir, &["--journey", "唤醒", "--users", "500"]);
    let impact = &d["impact"];
    assert_eq!(impact["journeys"], serde_json::json!(["唤醒"]));
    assert_eq!(impact["goals"].as_array().unwrap().len(), 1);
    let args = [
        "diff",
        "old",
        "new",
        "--journey",
        "唤醒",
        "--journey",
        "新课",
    ];
    let out = journey_in("en", &dir, &args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("did you mean `新客`?"), "{err}");
    // --fail-on reads a journey's stage as JOURNEY/STAGE, or STAGE when it is unique
    for (condition, code) in [
        ("funnel.唤醒/沉睡.users>100000", 0),
        ("funnel.沉睡.users>=0", 1),
    ] {
        let args = [
            "diff",
            "old",
            "new",
            "--users",
            "500",
            "--fail-on",
            condition,
        ];
        assert_eq!(
            journey_in("en", &dir, &args).status.code(),
            Some(code),
            "{condition}"
        );
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn the_markdown_of_a_project_diff() {
    let dir = versions("markdown");
    edit(
        &dir.join("new/唤醒.journey"),
        "on visit: send 社群 \"welcome_back\"",
        "on visit: send wecom \"welcome_back\"",
    );
    let args = [
        "diff", "old", "new", "--format", "markdown", "--users", "1000",
    ];
    insta::assert_snapshot!(
        "diff_project_markdown",
        stdout(&journey_in("en", &dir, &args), 0)
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn base_reads_every_file_of_the_project_from_git() {
    let dir = versions("git");
    let repo = dir.join("repo");
    let project = repo.join("campaigns");
    copy(&dir.join("old"), &project);
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-qm", "base"]);
    // The work tree: a rule changed, and a journey in a new, imported file.
    for side in [project.clone(), dir.join("new")] {
        edit(
            &side.join("唤醒.journey"),
            "after 30d: exit",
            "after 21d: exit",
        );
        std::fs::write(
            side.join("复购.journey"),
            "import \"common.journey\"\n\njourney 复购 {\n  timezone \"Asia/Shanghai\"\n  entry on purchase\n\n  stage 已下单 { after 3d: send wecom \"coupon\" }\n}\n",
        )
        .unwrap();
        edit(
            &side.join("组合.journey"),
            "import \"唤醒.journey\"",
            "import \"唤醒.journey\"\nimport \"复购.journey\"",
        );
    }
    let direct = diff(&dir, &["--users", "500"]);
    let base = |args: &[&str], at: &Path| -> Value {
        let args = [
            &["diff", "--base", "HEAD"],
            args,
            &["--format", "json", "--users", "500"],
        ]
        .concat();
        serde_json::from_str(&stdout(&journey_in("en", at, &args), 0)).unwrap()
    };
    for (args, at, name) in [
        (vec!["campaigns"], &repo, "HEAD:campaigns"),
        (
            vec!["campaigns/组合.journey"],
            &repo,
            "HEAD:campaigns/组合.journey",
        ),
        // no path: the current directory
        (vec![], &project, "HEAD:."),
    ] {
        let d = base(&args, at);
        assert_eq!(d["old"], name);
        assert_eq!(d["changes"], direct["changes"], "{args:?}");
        assert_eq!(d["impact"], direct["impact"], "{args:?}");
    }
    // A file imported at REF but missing there: OLD's J0503, fixed in NEW.
    git(
        &repo,
        &["add", "campaigns/组合.journey", "campaigns/唤醒.journey"],
    );
    git(&repo, &["commit", "-qm", "imports a file not committed"]);
    let d = base(&["campaigns"], &repo);
    let fixed = &d["diagnostics"]["fixed"];
    assert_eq!(fixed[0]["code"], "J0503", "{fixed}");
    assert_eq!(fixed[0]["position"]["file"], "组合.journey");
    assert!(d["impact"].is_null());
    // A directory git does not have at REF.
    std::fs::create_dir(repo.join("later")).unwrap();
    copy(&dir.join("old"), &repo.join("later"));
    let out = journey_in("en", &repo, &["diff", "--base", "HEAD", "later"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("does not exist at `HEAD`"), "{err}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn bad_project_inputs() {
    let dir = versions("bad");
    // A directory without journey files is a usage error.
    std::fs::create_dir(dir.join("empty")).unwrap();
    let out = journey_in("en", &dir, &["diff", "old", "empty"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("no .journey files"), "{err}");
    // NEW imports a file it does not have: its error, with the nearest file; exit 1.
    edit(
        &dir.join("new/组合.journey"),
        "import \"唤醒.journey\"",
        "import \"唤醒.journey\"\nimport \"唤醒2.journey\"",
    );
    let out = journey_in("en", &dir, &["diff", "old", "new", "--format", "json"]);
    let d: Value = serde_json::from_str(&stdout(&out, 1)).unwrap();
    let new = &d["diagnostics"]["new"][0];
    assert_eq!(new["code"], "J0503");
    assert_eq!(new["position"]["file"], "组合.journey");
    assert!(d["impact"].is_null());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    std::fs::remove_dir_all(dir).ok();
}

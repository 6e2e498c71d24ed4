//! `journey diff` from the command line: golden change lists for each kind of change,
//! no changes for identical and reformatted files, impact figures equal to two
//! `journey simulate` runs, zero impact for a template rename, `--base` on a git
//! repository built here, `--fail-on`, markdown escaping, and bad input.

use serde_json::Value;
use std::path::Path;
use std::process::Output;

#[path = "support/diff.rs"]
mod support;
use support::{git, journey_in, root, stdout};

#[path = "support/scratch.rs"]
mod scratch;
use scratch::scratch;

const DIR: &str = "tests/fixtures/diff";

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}.journey")
}

fn run(args: &[&str]) -> Output {
    journey_in("en", root(), args)
}

fn diff_json(old: &str, new: &str, extra: &[&str]) -> Value {
    let (old, new) = (fixture(old), fixture(new));
    let out = run(&[&["diff", &old, &new, "--format", "json"], extra].concat());
    serde_json::from_str(&stdout(&out, 0)).unwrap()
}

/// The changes and diagnostics of a diff: what the golden files hold (the impact has
/// its own tests).
fn semantic(d: &Value) -> Value {
    serde_json::json!({"changes": d["changes"], "diagnostics": d["diagnostics"]})
}

fn fails(args: &[&str], code: i32, words: &str) -> String {
    let out = run(args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    assert!(err.contains(words), "{args:?}: `{words}` not in {err}");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    err
}

/// Every figure of the impact: `(path, figure)`.
fn figures(impact: &Value) -> Vec<(String, Value)> {
    let mut out = vec![
        ("cost".to_string(), impact["cost"].clone()),
        ("fatigue.p95".into(), impact["fatigue"]["p95"].clone()),
        ("fatigue.max".into(), impact["fatigue"]["max"].clone()),
    ];
    for t in impact["touchpoints"].as_array().unwrap() {
        for f in ["sent", "per_day", "peak", "cost"] {
            out.push((format!("{}.{f}", t["name"]), t[f].clone()));
        }
    }
    for g in impact["goals"].as_array().unwrap() {
        for f in ["rate", "lift"] {
            out.push((format!("{}.{f}", g["goal"]), g[f].clone()));
        }
    }
    for s in impact["funnel"].as_array().unwrap() {
        out.push((format!("{}.users", s["stage"]), s["users"].clone()));
    }
    for t in impact["teams"].as_array().unwrap() {
        for f in ["backlog_end", "peak_backlog"] {
            out.push((format!("{}.{f}", t["name"]), t[f].clone()));
        }
    }
    out
}

#[test]
fn each_kind_of_change_has_its_golden_change_list() {
    for name in [
        "timing", "template", "stage", "decls", "split", "removed", "errors", "settings",
    ] {
        let out = run(&["diff", &fixture("base"), &fixture(name), "--format", "json"]);
        let expected = if name == "errors" { 1 } else { 0 };
        let d: Value = serde_json::from_str(&stdout(&out, expected)).unwrap();
        insta::assert_snapshot!(
            format!("diff_{name}"),
            serde_json::to_string_pretty(&semantic(&d)).unwrap()
        );
    }
}

#[test]
fn the_human_and_markdown_outputs_in_both_languages() {
    for (lang, format) in [
        ("en", "human"),
        ("zh", "human"),
        ("en", "markdown"),
        ("zh", "markdown"),
    ] {
        let args = [
            "diff",
            &fixture("base"),
            &fixture("timing"),
            "--format",
            format,
        ];
        let text = stdout(&journey_in(lang, root(), &args), 0);
        insta::assert_snapshot!(format!("diff_timing_{format}_{lang}"), text);
    }
}

#[test]
fn identical_files_have_no_changes_and_zero_impact() {
    let d = diff_json("base", "base", &[]);
    assert_eq!(d["changes"], serde_json::json!([]));
    assert_eq!(
        d["diagnostics"],
        serde_json::json!({"new": [], "fixed": []})
    );
    for (path, f) in figures(&d["impact"]) {
        assert_eq!(f["old"], f["new"], "{path}");
        assert!(f["delta"].is_null() || f["delta"] == 0.0, "{path}: {f}");
    }
    let human = stdout(&run(&["diff", &fixture("base"), &fixture("base")]), 0);
    assert!(human.contains("No changes."), "{human}");
}

#[test]
fn reformatting_and_reordering_is_no_change() {
    let d = diff_json("base", "messy", &[]);
    assert_eq!(d["changes"], serde_json::json!([]));
    assert_eq!(
        d["diagnostics"],
        serde_json::json!({"new": [], "fixed": []})
    );
}

#[test]
fn a_template_rename_has_zero_impact_exactly() {
    let d = diff_json("base", "template", &[]);
    assert_eq!(d["changes"].as_array().unwrap().len(), 1);
    assert_eq!(d["changes"][0]["parts"], serde_json::json!(["template"]));
    let impact = &d["impact"];
    for (path, f) in figures(impact) {
        assert_eq!(f["old"], f["new"], "{path}");
        assert!(f["delta"].is_null() || f["delta"] == 0.0, "{path}: {f}");
    }
    for g in impact["goals"].as_array().unwrap() {
        assert_eq!(g["ci95"], serde_json::json!([0.0, 0.0]), "{}", g["goal"]);
    }
    // The renamed template's sends moved to the new name, every one.
    let sent = |file: &str| -> Value {
        let out = run(&["simulate", &fixture(file), "--format", "json"]);
        serde_json::from_str(&stdout(&out, 0)).unwrap()
    };
    let (old, new) = (sent("base"), sent("template"));
    let template = |r: &Value, name: &str| {
        r["touchpoints"][0]["templates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["template"] == name)
            .map(|t| t["sent"].clone())
    };
    assert_eq!(
        template(&old, "coupon_21d"),
        template(&new, "coupon_21d_v2")
    );
    assert!(template(&old, "coupon_21d").is_some());
}

#[test]
fn the_impact_equals_two_simulate_runs_with_the_same_seed() {
    let d = diff_json("base", "timing", &["--seed", "7", "--users", "2000"]);
    let report = |file: &str| -> Value {
        let args = [
            "simulate",
            &fixture(file),
            "--seed",
            "7",
            "--users",
            "2000",
            "--format",
            "json",
        ];
        serde_json::from_str(&stdout(&run(&args), 0)).unwrap()
    };
    let (old, new) = (report("base"), report("timing"));
    let impact = &d["impact"];
    let close = |a: &Value, b: &Value, what: &str| {
        let (a, b) = (a.as_f64().unwrap(), b.as_f64().unwrap());
        assert!((a - b).abs() < 1e-6, "{what}: diff {a}, simulate {b}");
    };
    for (side, r) in [("old", &old), ("new", &new)] {
        close(&impact["cost"][side], &r["cost"]["total"], "cost");
        let q = &r["fatigue"]["sends_per_user_day"];
        close(&impact["fatigue"]["p95"][side], &q["p95"], "p95");
        close(&impact["fatigue"]["max"][side], &q["max"], "max");
        for t in r["touchpoints"].as_array().unwrap() {
            let i = impact["touchpoints"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["name"] == t["name"])
                .unwrap();
            close(&i["sent"][side], &t["sent"], "sent");
            close(&i["cost"][side], &t["cost"], "touchpoint cost");
        }
        let goal = &r["journeys"][0]["goals"][0];
        close(
            &impact["goals"][0]["rate"][side],
            &goal["treatment"]["rate"],
            "rate",
        );
        close(&impact["goals"][0]["lift"][side], &goal["lift"], "lift");
        for s in r["journeys"][0]["funnel"].as_array().unwrap() {
            let i = impact["funnel"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["stage"] == s["stage"])
                .unwrap();
            close(&i["users"][side], &s["users"], "funnel");
        }
        let team = &r["teams"][0];
        close(
            &impact["teams"][0]["backlog_end"][side],
            &team["backlog_end"],
            "backlog",
        );
    }
    // The added 朋友圈 post shows, and the interval holds the rate's delta.
    let moments = &impact["touchpoints"][2];
    assert_eq!(moments["name"], "朋友圈");
    assert!(moments["sent"]["delta"].as_f64().unwrap() > 0.0);
    let g = &impact["goals"][0];
    let (lo, hi) = (
        g["ci95"][0].as_f64().unwrap(),
        g["ci95"][1].as_f64().unwrap(),
    );
    let delta = g["rate"]["delta"].as_f64().unwrap();
    // (the moved post reaches no behaviour's multiplier, and a send's chance draws are
    // its own: each user's purchases, and so the goal, are the same on both sides)
    assert!(lo <= delta && delta <= hi, "{lo} <= {delta} <= {hi}");
}

#[test]
fn new_errors_exit_1_and_show_as_new_diagnostics_without_impact() {
    let out = run(&[
        "diff",
        &fixture("base"),
        &fixture("errors"),
        "--format",
        "json",
    ]);
    let d: Value = serde_json::from_str(&stdout(&out, 1)).unwrap();
    assert_eq!(d["diagnostics"]["new"][0]["code"], "J0103");
    assert!(d["impact"].is_null());
    assert_eq!(d["notes"].as_array().unwrap().len(), 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("has errors"), "{err}");
    // The other way round, the error is fixed.
    let out = run(&[
        "diff",
        &fixture("errors"),
        &fixture("base"),
        "--format",
        "json",
    ]);
    let d: Value = serde_json::from_str(&stdout(&out, 0)).unwrap();
    assert_eq!(d["diagnostics"]["fixed"][0]["code"], "J0103");
    assert_eq!(d["diagnostics"]["new"], serde_json::json!([]));
}

#[test]
fn fail_on_conditions_fail_the_run_when_they_hold() {
    let (base, timing) = (fixture("base"), fixture("timing"));
    let with = |conditions: &[&str]| {
        let mut args = vec!["diff", base.as_str(), timing.as_str()];
        for c in conditions {
            args.extend(["--fail-on", c]);
        }
        run(&args)
    };
    // Cost 3766.12 → 3756.26: −0.262%.
    for (condition, holds) in [
        ("cost-0.1%", true),
        ("cost-1%", false),
        ("cost-5", true),
        ("cost+5", false),
        ("touchpoints.朋友圈.sent+100%", true),
        ("touchpoints.朋友圈.sent+300%", false),
        ("touchpoints.社群.sent-60", true),
        ("fatigue.p95>3", false),
        ("fatigue.max>=3", true),
        ("goals.美妆新客/首单.rate.delta<-0.01", false),
        ("goals.美妆新客/首单.rate-0.01", false),
        ("teams.销售.peak_backlog>1", true),
        ("teams.销售.peak_backlog>2", false),
        ("funnel.沉睡.users-5", true),
    ] {
        let out = with(&[condition]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(if holds { 1 } else { 0 }),
            "{condition}: {err}"
        );
        assert_eq!(err.contains(condition), holds, "{condition}: {err}");
    }
    // Only the conditions that hold are listed.
    let out = with(&["fatigue.p95>3", "cost-0.1%"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("`cost-0.1%` holds") && !err.contains("p95>3"),
        "{err}"
    );
}

#[test]
fn bad_fail_on_expressions_are_usage_errors() {
    let (base, timing) = (fixture("base"), fixture("timing"));
    for (condition, words) in [
        ("cost", "no test"),
        ("cost>lots", "needs a number"),
        ("costs+10%", "not a figure"),
        ("fatigue.p95.delta+1", "`.delta` takes a comparison"),
    ] {
        fails(&["diff", &base, &timing, "--fail-on", condition], 2, words);
    }
    let err = fails(
        &[
            "diff",
            &base,
            &timing,
            "--fail-on",
            "touchpoints.朋友图.sent+10%",
        ],
        2,
        "no touchpoint `朋友图`",
    );
    assert!(err.contains("did you mean `朋友圈`?"), "{err}");
    fails(
        &["diff", &base, &timing, "--fail-on", "fatigue.p96>1"],
        2,
        "did you mean `p95`?",
    );
}

#[test]
fn usage_problems_exit_2() {
    fails(&["diff", &fixture("base")], 2, "name two files");
    fails(
        &["diff", &fixture("base"), "no/such.journey"],
        2,
        "no/such.journey",
    );
    fails(
        &[
            "diff",
            &fixture("base"),
            &fixture("timing"),
            "--journey",
            "x",
        ],
        2,
        "has no journey `x`",
    );
    fails(
        &[
            "diff",
            "--base",
            "HEAD",
            &fixture("base"),
            &fixture("timing"),
        ],
        2,
        "with --base, name the one file",
    );
}

#[test]
fn base_reads_the_old_version_from_git() {
    let repo = scratch("git", &[]);
    git(&repo, &["init", "-q"]);
    std::fs::create_dir(repo.join("campaigns")).unwrap();
    let file = repo.join("campaigns/c.journey");
    std::fs::copy(root().join(fixture("base")), &file).unwrap();
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-qm", "base"]);
    std::fs::copy(root().join(fixture("timing")), &file).unwrap();
    let run_in = |dir: &Path, args: &[&str]| journey_in("en", dir, args);
    let out = run_in(
        &repo,
        &[
            "diff",
            "--base",
            "HEAD",
            "campaigns/c.journey",
            "--format",
            "json",
        ],
    );
    let d: Value = serde_json::from_str(&stdout(&out, 0)).unwrap();
    assert_eq!(d["old"], "HEAD:campaigns/c.journey");
    let direct = diff_json("base", "timing", &[]);
    let names = |d: &Value| -> Vec<Value> {
        d["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].clone())
            .collect()
    };
    assert_eq!(names(&d), names(&direct));
    assert_eq!(d["impact"]["cost"], direct["impact"]["cost"]);
    // From inside the directory, the path is relative to it.
    let out = run_in(
        &repo.join("campaigns"),
        &["diff", "--base", "HEAD", "c.journey"],
    );
    assert!(stdout(&out, 0).contains("2 changes"));
    // An unknown revision, a file git does not have there, no repository at all.
    let err = |dir: &Path, args: &[&str], words: &str| {
        let out = run_in(dir, args);
        let e = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{e}");
        assert!(e.contains(words), "`{words}` not in {e}");
    };
    err(
        &repo,
        &["diff", "--base", "nope", "campaigns/c.journey"],
        "git knows no revision `nope`",
    );
    std::fs::copy(
        root().join(fixture("base")),
        repo.join("campaigns/new.journey"),
    )
    .unwrap();
    err(
        &repo,
        &["diff", "--base", "HEAD", "campaigns/new.journey"],
        "does not exist at `HEAD`",
    );
    let outside = scratch("no-git", &[]);
    std::fs::copy(root().join(fixture("base")), outside.join("c.journey")).unwrap();
    err(
        &outside,
        &["diff", "--base", "HEAD", "c.journey"],
        "not inside a git repository",
    );
    let _ = std::fs::remove_dir_all(&repo);
    let _ = std::fs::remove_dir_all(&outside);
}

#[test]
fn the_markdown_escapes_every_cell_and_starts_with_its_marker() {
    let out = run(&[
        "diff",
        &fixture("base"),
        &fixture("removed"),
        "--format",
        "markdown",
    ]);
    let text = stdout(&out, 0);
    assert!(text.starts_with("<!-- journey-diff -->\n"), "{text}");
    // A rule's head `when count(purchase, 60d) >= 2` is text, not markup.
    assert!(text.contains("count(purchase, 60d) &gt;= 2"), "{text}");
    // Every row of a table has its header's cells: no name broke out of its cell.
    let pipes = |line: &str| line.replace("\\|", "").matches('|').count();
    let mut header = None;
    for line in text.lines() {
        match (line.starts_with('|'), header) {
            (true, None) => header = Some(pipes(line)),
            (true, Some(n)) => assert_eq!(pipes(line), n, "{line}"),
            (false, _) => header = None,
        }
    }
}

#[test]
fn diff_schema_prints_the_checked_in_schema_and_the_output_validates() {
    let printed = stdout(&run(&["diff", "--schema"]), 0);
    let checked_in = std::fs::read_to_string(root().join("docs/diff.schema.json")).unwrap();
    assert_eq!(
        printed, checked_in,
        "regenerate: journey diff --schema > docs/diff.schema.json"
    );
    let schema: Value = serde_json::from_str(&checked_in).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for (old, new) in [("base", "timing"), ("base", "errors"), ("base", "stage")] {
        let out = run(&["diff", &fixture(old), &fixture(new), "--format", "json"]);
        let d: Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<String> = validator.iter_errors(&d).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{new}: {errors:?}");
    }
}

#[test]
fn both_versions_are_simulated_on_new_s_population() {
    // NEW has 2,000 users and more VIPs: OLD is simulated on that population too.
    let d = diff_json("base", "population", &[]);
    let parts = &d["changes"][0]["parts"];
    assert_eq!(*parts, serde_json::json!(["size", "tag vip"]));
    assert_eq!(d["impact"]["users"], 2000);
    let on_new = std::env::temp_dir().join(format!(
        "journey-diff-on-new-{}.journey",
        std::process::id()
    ));
    let base = std::fs::read_to_string(root().join(fixture("base"))).unwrap();
    let population = std::fs::read_to_string(root().join(fixture("population"))).unwrap();
    let start = |t: &str| t.find("population 美妆用户").unwrap();
    std::fs::write(
        &on_new,
        format!(
            "{}{}",
            &base[..start(&base)],
            &population[start(&population)..]
        ),
    )
    .unwrap();
    let out = run(&["simulate", on_new.to_str().unwrap(), "--format", "json"]);
    let report: Value = serde_json::from_str(&stdout(&out, 0)).unwrap();
    std::fs::remove_file(&on_new).ok();
    assert_eq!(d["impact"]["cost"]["old"], report["cost"]["total"]);
    assert_eq!(
        d["impact"]["goals"][0]["rate"]["old"],
        report["journeys"][0]["goals"][0]["treatment"]["rate"]
    );
}

//! `journey check` in CI: the SARIF log validated against the official SARIF 2.1.0
//! schema (`tests/schemas/`), GitHub annotations pinned by a snapshot, `--allow`,
//! stable output over many files checked in parallel, and the workflow and pre-commit
//! hook of `docs/ci.md` — parsed as YAML (with Python's PyYAML, which `.ci/run`
//! installs) and their `journey` commands run on a copy of `examples/`.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn journey(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journey"))
        .env("JOURNEY_LANG", "en") // messages as the snapshots have them
        .args(args)
        .current_dir(root())
        .output()
        .expect("the journey binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// A fresh directory under the system's temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("journey-ci-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    /// A directory holding a copy of `examples/` (its projects too), like a team's
    /// repository.
    fn with_examples(name: &str) -> TempDir {
        let dir = TempDir::new(name);
        copy_tree(&root().join("examples"), &dir.0.join("campaigns"));
        dir
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn schema_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/schemas/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).expect("the SARIF schema compiles")
}

fn validate_sarif(log: &Value) {
    let errors: Vec<String> = schema_validator()
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "SARIF schema violations: {errors:#?}");
}

#[test]
fn sarif_validates_against_the_sarif_schema_and_is_consistent() {
    let out = journey(&[
        "check",
        "--format",
        "sarif",
        "tests/lint",
        "tests/diagnostics/J0102.journey",
    ]);
    assert_eq!(out.status.code(), Some(1), "an error is among the files");
    let log: Value = serde_json::from_str(&stdout(&out)).unwrap();
    validate_sarif(&log);
    // The validator is not a rubber stamp: columns start at 1.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] =
        0.into();
    assert!(!schema_validator().is_valid(&broken));

    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["tool"]["driver"]["name"], "journey");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    let mut levels = Vec::new();
    for r in results {
        let rule = &rules[r["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], r["ruleId"]);
        // The help travels inside the log (no published docs site to link to).
        assert!(rule["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("**Fix:**"));
        assert_eq!(rule["defaultConfiguration"]["level"], r["level"]);
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.starts_with("tests/") && !uri.contains('\\'), "{uri}");
        levels.push(r["level"].as_str().unwrap());
    }
    assert!(levels.contains(&"error") && levels.contains(&"warning"));

    // The misspelt event's fix, as SARIF has fixes (the log above validated with it;
    // the lint cases' fixes, J0430's, are in it too).
    let fixed: Vec<_> = (results.iter())
        .filter(|r| r["fixes"].is_array() && r["ruleId"] == "J0102")
        .collect();
    assert_eq!(fixed.len(), 1, "{fixed:?}");
    let fix = &fixed[0]["fixes"][0];
    assert_eq!(fix["description"]["text"], "change it to `下单`");
    let change = &fix["artifactChanges"][0];
    assert_eq!(
        change["artifactLocation"]["uri"],
        "tests/diagnostics/J0102.journey"
    );
    let replacement = &change["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "下单");
    assert_eq!(
        replacement["deletedRegion"],
        serde_json::json!({"startLine": 13, "startColumn": 8, "endLine": 13, "endColumn": 11})
    );
}

#[test]
fn sarif_in_chinese_validates_and_its_rules_come_from_the_chinese_reference() {
    let out = journey(&[
        "check",
        "--lang",
        "zh",
        "--format",
        "sarif",
        "tests/diagnostics/J0102.journey",
        "tests/diagnostics/J0403.journey",
    ]);
    let log: Value = serde_json::from_str(&stdout(&out)).unwrap();
    validate_sarif(&log);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let titles: Vec<&str> = rules
        .iter()
        .map(|r| r["shortDescription"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["找不到事件", "到不了的阶段"]);
    for rule in rules {
        let help = rule["help"]["markdown"].as_str().unwrap();
        assert!(help.contains("**怎么改：**"), "{help}");
        // Chinese lines are joined without the spaces line breaks would leave.
        let description = rule["fullDescription"]["text"].as_str().unwrap();
        assert!(!description.contains("的 "), "{description}");
    }
}

#[test]
fn sarif_results_snapshot() {
    let out = journey(&[
        "check",
        "--format",
        "sarif",
        "tests/diagnostics/J0409.journey",
    ]);
    let log: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let run = &log["runs"][0];
    let rules: Vec<&Value> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["id"])
        .collect();
    insta::assert_snapshot!(
        "sarif_J0409",
        format!(
            "rules: {rules:?}\n{}",
            serde_json::to_string_pretty(&run["results"]).unwrap()
        )
    );
}

#[test]
fn github_annotations_snapshot() {
    let out = journey(&[
        "check",
        "--format",
        "github",
        "tests/diagnostics/J0102.journey",
        "./tests/diagnostics/J0409.journey",
        "tests/diagnostics/J0414.journey",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    // `0%` in a message is escaped, as GitHub requires.
    assert!(text.contains("reads 0%25 in every simulation"));
    insta::assert_snapshot!("github", text);
}

#[test]
fn allow_silences_warnings_for_the_run() {
    let out = journey(&["check", "--deny", "warnings", "tests/lint/J0410.journey"]);
    assert_eq!(out.status.code(), Some(1));
    let out = journey(&[
        "check",
        "--deny",
        "warnings",
        "--allow",
        "J0410",
        "tests/lint/J0410.journey",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("no problems found"));
    let out = journey(&[
        "check",
        "--allow",
        "j0406",
        "--allow",
        "J0410",
        "--format",
        "json",
        "tests/lint/allow.journey",
    ]);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["warnings"], 0);
}

#[test]
fn allow_rejects_what_is_not_a_warning_code() {
    let out = journey(&["check", "--allow", "J0046", "examples"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean J0406?"), "{err}");
    assert!(out.stdout.is_empty());

    let out = journey(&["check", "--allow", "J0101", "examples"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("errors cannot be allowed"));
}

#[test]
fn many_files_come_out_in_path_order_whatever_the_threads() {
    let dir = TempDir::new("order");
    // Written in reverse order, so directory order is unlikely to be path order.
    for i in (0..40).rev() {
        let code = 406 + i % 9;
        let text =
            std::fs::read_to_string(root().join(format!("tests/diagnostics/J0{code}.journey")))
                .unwrap();
        let sub = dir.0.join(format!("d{}", i % 3));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("f{i:02}.journey")), text).unwrap();
    }
    let run = |threads: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_journey"))
            .env("JOURNEY_LANG", "en") // messages as the snapshots have them
            .args(["check", "--format", "json"])
            .arg(&dir.0)
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        stdout(&out)
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert_eq!(one, run("4"));
    let report: Value = serde_json::from_str(&one).unwrap();
    assert_eq!(report["files"], 40);
    let files: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(files.len(), 40);
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
}

/// The ```yaml blocks of `docs/ci.md`, parsed (by PyYAML) into JSON values.
fn ci_doc_yaml() -> Vec<Value> {
    let doc = std::fs::read_to_string(root().join("docs/ci.md")).unwrap();
    doc.split("```yaml\n")
        .skip(1)
        .map(|rest| {
            let block = rest.split("\n```").next().unwrap();
            let mut child = Command::new("python3")
                .args([
                    "-c",
                    "import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))",
                ])
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .spawn()
                .expect("python3 runs (with PyYAML: `pip install pyyaml`; .ci/run installs it)");
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(block.as_bytes())
                .unwrap();
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "a YAML block of docs/ci.md does not parse:\n{block}"
            );
            serde_json::from_slice(&out.stdout).unwrap()
        })
        .collect()
}

/// Runs a command line from the docs with `journey` on the PATH, in `dir`.
fn shell(line: &str, dir: &Path) -> Output {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_journey")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("sh")
        .args(["-c", line])
        .current_dir(dir)
        .env("PATH", path)
        .output()
        .unwrap()
}

#[test]
fn the_github_workflow_parses_and_its_journey_commands_pass_on_the_examples() {
    let yaml = ci_doc_yaml();
    let workflow = yaml
        .iter()
        .find(|v| v.get("jobs").is_some())
        .expect("a workflow block");
    assert_eq!(workflow["permissions"]["security-events"], "write");
    let steps = workflow["jobs"]["journey"]["steps"].as_array().unwrap();
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    assert!(uses.contains(&"actions/checkout@v4"));
    let upload = steps
        .iter()
        .find(|s| s["uses"] == "github/codeql-action/upload-sarif@v3")
        .expect("an upload-sarif step");
    assert_eq!(upload["with"]["sarif_file"], "journey.sarif");

    let repo = TempDir::with_examples("workflow");
    let runs: Vec<&str> = steps
        .iter()
        .filter_map(|s| s["run"].as_str())
        .filter(|r| r.starts_with("journey "))
        .collect();
    assert!(runs.iter().any(|r| r.contains("--format github")));
    assert!(runs.iter().any(|r| r.contains("--format sarif")));
    assert!(runs.iter().any(|r| r.starts_with("journey fmt --check")));
    for run in runs {
        let out = shell(run, &repo.0);
        assert!(out.status.success(), "`{run}` failed: {out:?}");
    }
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(repo.0.join("journey.sarif")).unwrap())
            .unwrap();
    validate_sarif(&sarif);
}

#[test]
fn the_pre_commit_hooks_parse_and_run() {
    let yaml = ci_doc_yaml();
    let config = yaml
        .iter()
        .find(|v| v.get("repos").is_some())
        .expect("a pre-commit block");
    let hooks = config["repos"][0]["hooks"].as_array().unwrap();
    assert_eq!(config["repos"][0]["repo"], "local");
    let repo = TempDir::with_examples("pre-commit");
    let staged: Vec<String> = std::fs::read_dir(repo.0.join("campaigns"))
        .unwrap()
        .map(|e| format!("campaigns/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    for hook in hooks {
        let entry = hook["entry"].as_str().unwrap();
        assert_eq!(hook["language"], "system");
        let out = shell(&format!("{entry} {}", staged.join(" ")), &repo.0);
        assert!(
            out.status.success(),
            "`{entry}` failed on the examples: {out:?}"
        );
    }
    // The check hook stops a commit that brings a warning.
    let warned = root().join("tests/diagnostics/J0409.journey");
    let out = shell(
        &format!("journey check --deny warnings '{}'", warned.display()),
        &repo.0,
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn the_diff_workflow_comments_what_a_change_does_and_the_gitlab_job_parses() {
    let yaml = ci_doc_yaml();
    let workflow = yaml
        .iter()
        .find(|v| v["name"] == "journey diff")
        .expect("a journey diff workflow block");
    assert_eq!(workflow["permissions"]["pull-requests"], "write");
    let steps = workflow["jobs"]["diff"]["steps"].as_array().unwrap();
    let script = steps
        .iter()
        .find_map(|s| s["with"]["script"].as_str())
        .expect("a github-script step");
    // The comment is found again by the line the markdown starts with.
    assert!(script.contains("'<!-- journey-diff -->'"), "{script}");
    assert!(script.contains("updateComment") && script.contains("createComment"));
    let step = steps.iter().find(|s| s["id"] == "diff").unwrap()["run"]
        .as_str()
        .unwrap()
        .replace("${{ github.base_ref }}", "main");

    // A repository whose pull request moves the T+7 group-buy to T+5.
    let repo = TempDir::new("diff-workflow");
    let git = |args: &str| {
        let out = shell(
            &format!("git -c user.name=t -c user.email=t@example.com {args}"),
            &repo.0,
        );
        assert!(out.status.success(), "git {args}: {out:?}");
    };
    let fixture = |name: &str| root().join(format!("tests/fixtures/diff/{name}.journey"));
    std::fs::create_dir(repo.0.join("campaigns")).unwrap();
    git("init -q -b main");
    std::fs::copy(fixture("base"), repo.0.join("campaigns/c.journey")).unwrap();
    git("add .");
    git("commit -qm base");
    git("update-ref refs/remotes/origin/main HEAD");
    std::fs::copy(fixture("timing"), repo.0.join("campaigns/c.journey")).unwrap();
    git("commit -qam T+5");
    let out = shell(
        &format!("export GITHUB_OUTPUT=github-output\n{step}"),
        &repo.0,
    );
    assert!(out.status.success(), "{out:?}");
    let comment = std::fs::read_to_string(repo.0.join("journey-diff.md")).unwrap();
    assert!(comment.starts_with("<!-- journey-diff -->\n"), "{comment}");
    assert!(comment.contains("after 5d at 20:00"), "{comment}");
    let output = std::fs::read_to_string(repo.0.join("github-output")).unwrap();
    assert_eq!(output, "status=0\n", "no --fail-on condition holds");

    let gitlab = yaml
        .iter()
        .find_map(|v| v.get("journey-diff"))
        .expect("a GitLab job");
    let script = gitlab["script"].as_array().unwrap();
    assert!(script
        .iter()
        .any(|line| line.as_str().unwrap().contains("journey diff --base")));
    assert_eq!(gitlab["artifacts"]["paths"][0], "journey-diff.md");
}

//! `compile` and `simulate` of a file with imports (language-v2 §1): one plan with
//! everything in the closure, each location naming its file relative to the project
//! root; the simulation runs on the closure's declarations and population. Given a
//! directory, or no path inside a project, they run its one entry file (the only file
//! with a journey or a population that no other file imports), as `check` with no path
//! checks the project; several entry files or none is a usage error naming them.

#[path = "support/project.rs"]
mod project;
use project::Project;
use serde_json::Value;

const COMMON: &str = "tag 会员: bool\nevent signup\n\
touchpoint wecom \"企业微信1v1\" {\n  channel wecom\n}\n";

const JOURNEY: &str = "import \"../common.journey\"\n\njourney 新客 {\n  \
timezone \"Asia/Shanghai\"\n  entry on signup\n  stage 欢迎 {\n    \
on enter if 会员: send wecom \"hi\"\n    after 1d: exit\n  }\n}\n";

const POPULATION: &str = "import \"journeys/新客.journey\"\n\npopulation 用户 {\n  \
size 1_000\n  start 2026-03-02 09:00\n  days 10\n  arrivals signup over 1d\n  \
tag 会员: 100%\n}\n";

/// A project: `run.journey` declares the population and imports a journey, which
/// imports the declarations; `journey.toml` holds `toml`.
fn project(label: &str, toml: &str) -> Project {
    let p = Project::new(label);
    p.write("journey.toml", toml);
    p.write("common.journey", COMMON);
    p.write("journeys/新客.journey", JOURNEY);
    p.write("run.journey", POPULATION);
    p
}

#[test]
fn compile_and_simulate_take_the_whole_closure() {
    let p = project("closure", "");
    assert_eq!(p.findings(&[]), []);
    let (code, out, err) = p.run_in(".", &["compile", "journeys/新客.journey"]);
    assert_eq!(code, 0, "{err}");
    let plan: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(plan["source"]["file"], "journeys/新客.journey");
    let tag = &plan["tags"][0];
    assert_eq!(tag["name"], "会员");
    assert_eq!(tag["span"]["file"], "common.journey");
    assert_eq!(
        (tag["span"]["line"].as_u64(), tag["span"]["column"].as_u64()),
        (Some(1), Some(5))
    );
    let journey_span = &plan["journeys"][0]["span"];
    assert_eq!(journey_span["file"], "journeys/新客.journey");
    assert_eq!(journey_span["line"], 3);

    // `graph` reads the closure too.
    let (code, out, err) = p.run_in(
        ".",
        &["graph", "journeys/新客.journey", "--format", "mermaid"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("欢迎"), "{out}");

    // Every user is a member and enters once: 1,000 sends.
    let (code, out, err) = p.run_in(".", &["simulate", "run.journey", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let sent = &report["touchpoints"][0]["sent"];
    assert_eq!(sent, 1000, "{out}");
}

#[test]
fn fmt_puts_the_imports_first_and_leaves_the_imported_files_alone() {
    let p = Project::new("fmt");
    p.write("common.journey", "tag   会员 : bool\n");
    let file = p.write("a.journey", "tag vip: bool\nimport   \"common.journey\"\n");
    let (code, _, err) = p.run_in(".", &["fmt", "a.journey"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "import \"common.journey\"\n\ntag vip: bool\n"
    );
    // fmt formats the file it is given, not what it imports.
    let common = std::fs::read_to_string(p.0.join("common.journey")).unwrap();
    assert_eq!(common, "tag   会员 : bool\n");
    assert_eq!(p.run(&["fmt", "--check", "a.journey"]).0, 0);
}

/// The JSON report of `journey ARGS --format json` run in `dir`, which must succeed.
fn report(p: &Project, dir: &str, args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let (code, out, err) = p.run_in(dir, &all);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn a_directory_or_no_path_runs_the_entry_file_with_the_projects_settings() {
    let p = project("runs", "[simulate]\nseed = 11\n");
    let by_file = report(&p, ".", &["simulate", "run.journey"]);
    assert!(by_file.contains("\"seed\": 11"), "{by_file}");
    assert_eq!(report(&p, ".", &["simulate"]), by_file);
    assert_eq!(report(&p, ".", &["simulate", "."]), by_file);
    // from a subdirectory, and naming the project from outside it
    assert_eq!(report(&p, "journeys", &["simulate"]), by_file);
    let outside = p.0.parent().unwrap().to_path_buf();
    let name = p.0.file_name().unwrap().to_str().unwrap().to_string();
    let (code, out, err) = p.run_in("..", &["simulate", &name, "--format", "json"]);
    assert_eq!((code, out), (0, by_file), "{err} in {}", outside.display());

    let (code, plan, err) = p.run_in("journeys", &["compile"]);
    assert_eq!(code, 0, "{err}");
    let (_, by_file, _) = p.run_in(".", &["compile", "run.journey"]);
    assert_eq!(plan, by_file);
    assert!(plan.contains("\"file\": \"run.journey\""), "{plan}");
}

#[test]
fn several_entry_files_are_named_and_none_is_said() {
    let p = project("several", "");
    p.write(
        "other.journey",
        &POPULATION.replace("population 用户", "population 老用户"),
    );
    for command in ["simulate", "compile"] {
        let (code, out, err) = p.run_in("journeys", &[command]);
        assert_eq!((code, out.as_str()), (2, ""), "{err}");
        assert_eq!(
            err.trim_end(),
            format!(
                "error: `..` has 2 files that no other file imports (../other.journey, \
                 ../run.journey): name the one to {command}, e.g. `journey {command} \
                 ../other.journey`"
            )
        );
    }
    // a directory of declarations only: nothing to run
    p.write("decls/more.journey", "event 下单\n");
    let (code, _, err) = p.run_in(".", &["simulate", "decls"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "`decls` has no file with a journey or a population that no other file imports"
        ),
        "{err}"
    );
}

#[test]
fn no_path_outside_a_project_is_a_usage_error() {
    let p = Project::new("outside");
    p.write("a.journey", COMMON);
    let (code, out, err) = p.run_in(".", &["simulate"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("no journey.toml in this directory or above"),
        "{err}"
    );
}

//! A project of two files with an error in the imported one: every output format of
//! `journey check`, and `compile`, `simulate` and `graph`, name that file relative to
//! the project root; `graph`, `fmt` and `explain` work on project files as on single
//! ones.

use serde_json::Value;

#[path = "support/project.rs"]
mod project;
use project::Project;

const COMMON: &str = "tag 会员: bool\nevent signup\nevent 下单\n\
touchpoint wecom \"企业微信1v1\" {\n  channel wecom\n}\n";

/// The declarations with an error on line 7, column 14: a segment of an unknown tag
/// (and, the segment being unused, a warning before it).
fn common_with_error() -> String {
    format!("{COMMON}segment 老客 = 会员卡\n")
}

const BODY: &str = "journey 新客 {\n  timezone \"Asia/Shanghai\"\n  entry on signup\n  \
goal 下单: 下单 within 7d\n\n  stage 欢迎 {\n    on enter if 会员: send wecom \"hi\"\n    \
after 7d -> 复购\n  }\n\n  stage 复购 {\n    on 下单: exit\n    after 30d: exit\n  }\n}\n";

fn project(label: &str, common: &str) -> Project {
    let p = Project::new(label);
    p.write("journey.toml", "");
    p.write("shared/common.journey", common);
    p.write(
        "新客/a.journey",
        &format!("import \"../shared/common.journey\"\n\n{BODY}"),
    );
    p
}

#[test]
fn every_format_names_the_imported_file_relative_to_the_project_root() {
    let p = project("formats", &common_with_error());
    let file = "shared/common.journey";
    let check = |dir: &str, args: &[&str]| {
        let (code, out, err) = p.run_in(dir, &[&["check"], args].concat());
        assert_eq!(code, 1, "{out}{err}");
        out
    };
    let human = check(".", &["新客/a.journey"]);
    assert!(human.contains(&format!("╭─[{file}:7:14]")), "{human}");
    let json: Value =
        serde_json::from_str(&check(".", &["--format", "json", "新客/a.journey"])).unwrap();
    let d = &json["diagnostics"][1];
    assert_eq!(
        (&d["code"], &d["file"], &d["line"]),
        (&"J0104".into(), &file.into(), &7.into())
    );
    let sarif: Value =
        serde_json::from_str(&check(".", &["--format", "sarif", "新客/a.journey"])).unwrap();
    let result = &sarif["runs"][0]["results"][1];
    assert_eq!(result["ruleId"], "J0104");
    let at = &result["locations"][0]["physicalLocation"];
    assert_eq!(at["artifactLocation"]["uri"], file);
    assert_eq!(at["region"]["startLine"], 7);
    let github = check(".", &["--format", "github", "新客/a.journey"]);
    assert!(
        github.contains(&format!("\n::error file={file},line=7,col=14,")),
        "{github}"
    );
    // From a subdirectory, the human and JSON formats still name files from the root
    // (SARIF and GitHub, which code scanning resolves against the checkout, name them
    // from the current directory, as for single files: docs/language.md §19).
    let human = check("新客", &["a.journey"]);
    assert!(human.contains(&format!("╭─[{file}:7:14]")), "{human}");
    assert_eq!(
        p.findings(&["新客/a.journey"]),
        [
            ("J0401".to_string(), file.to_string(), 7),
            ("J0104".to_string(), file.to_string(), 7)
        ]
    );
    let (_, out, _) = p.run_in("新客", &["check", "--format", "json"]);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["diagnostics"][1]["file"], file);
    // A directory inside the project is checked in the project: named from its root.
    let json: Value = serde_json::from_str(&check(".", &["--format", "json", "新客"])).unwrap();
    assert_eq!(json["diagnostics"][1]["file"], file);
}

#[test]
fn compile_simulate_and_graph_name_the_imported_file_of_an_error_from_the_root() {
    let p = project("others", &common_with_error());
    p.write(
        "run.journey",
        "import \"新客/a.journey\"\n\npopulation p {\n  size 10\n  start 2026-03-02 00:00\n  \
         days 3\n  arrivals signup over 1d\n}\n",
    );
    let commands: [&[&str]; 3] = [
        &["compile", "../新客/a.journey"],
        &["graph", "--format", "dot", "../新客/a.journey"],
        &["simulate", "../run.journey"],
    ];
    for args in commands {
        // run from a directory beside the files: names are still from the root
        std::fs::create_dir_all(p.0.join("elsewhere")).unwrap();
        let (code, out, err) = p.run_in("elsewhere", args);
        assert_eq!((code, out.as_str()), (1, ""), "{args:?}: {err}");
        assert!(
            err.contains("╭─[shared/common.journey:7:14]"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn graph_draws_a_project_file_as_the_same_journey_written_in_one_file() {
    let p = project("graph", COMMON);
    p.write("single.journey", &format!("{COMMON}\n{BODY}"));
    for format in ["mermaid", "dot"] {
        let (code, project, err) = p.run_in(".", &["graph", "新客/a.journey", "--format", format]);
        assert_eq!(code, 0, "{err}");
        let (_, single) = p.run(&["graph", "single.journey", "--format", format]);
        assert_eq!(project, single);
        assert!(project.contains("复购"), "{project}");
    }
}

#[test]
fn fmt_formats_the_file_given_without_reading_its_imports() {
    // The imported file does not even parse: fmt neither reads nor reports it.
    let p = project("fmt", "tag 会员： bool\n");
    p.write(
        "新客/a.journey",
        &format!("import   \"../shared/common.journey\"\n{BODY}"),
    );
    let (code, out) = p.run(&["fmt", "--check", "新客/a.journey"]);
    assert_eq!(code, 1, "{out}");
    let (code, out) = p.run(&["fmt", "新客/a.journey"]);
    assert_eq!(code, 0, "{out}");
    let formatted = std::fs::read_to_string(p.0.join("新客/a.journey")).unwrap();
    assert_eq!(
        formatted,
        format!("import \"../shared/common.journey\"\n\n{BODY}")
    );
    let common = std::fs::read_to_string(p.0.join("shared/common.journey")).unwrap();
    assert_eq!(common, "tag 会员： bool\n");
}

#[test]
fn explain_speaks_the_projects_language_and_explains_the_import_errors() {
    let p = project("explain", COMMON);
    p.write("journey.toml", "[project]\nlang = \"zh\"\n");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_journey"))
            .env_remove("JOURNEY_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .args(args)
            .current_dir(p.0.join("新客"))
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(run(&["explain", "J0505"]).starts_with("## J0505: 导入形成循环\n"));
    assert!(run(&["explain", "--lang", "en", "J0505"]).starts_with("## J0505: import cycle"));
}

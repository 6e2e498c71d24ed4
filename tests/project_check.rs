//! `journey check` on projects (language-v2 §1): every `import` error at its line,
//! duplicates labelled in both files, diamonds, `check DIR`, `check` with no path,
//! file names relative to the project root in every format, and deep or wide projects.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

#[path = "support/project.rs"]
mod project;
use project::Project;

const COMMON: &str = "tag 会员: bool\nevent signup\nevent 下单\n\
touchpoint wecom \"企业微信1v1\" {\n  channel wecom\n}\n";

/// A journey using everything COMMON declares, after `imports`.
fn journey(imports: &str, name: &str) -> String {
    format!(
        "{imports}\njourney {name} {{\n  timezone \"Asia/Shanghai\"\n  entry on signup\n  \
         goal 下单: 下单 within 7d\n  stage 欢迎 {{\n    on enter if 会员: send wecom \"hi\"\n    \
         after 7d: exit\n  }}\n}}\n"
    )
}

fn found(code: &str, file: &str, line: u64) -> (String, String, u64) {
    (code.to_string(), file.to_string(), line)
}

#[test]
fn a_file_checks_clean_with_what_it_imports() {
    let p = Project::new("clean");
    p.write("journey.toml", "");
    p.write("common.journey", COMMON);
    p.write(
        "新客/新客.journey",
        &journey("import \"../common.journey\"\n", "新客"),
    );
    assert_eq!(p.findings(&["新客/新客.journey"]), []);
    // The declarations file on its own: nothing in it is unused.
    assert_eq!(p.findings(&["common.journey"]), []);
    // Without the import, every name is unknown.
    p.write("lone.journey", &journey("", "孤单"));
    let codes: Vec<_> = p
        .findings(&["lone.journey"])
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert!(codes.contains(&"J0102".to_string()), "{codes:?}");
}

#[test]
fn every_import_error_is_at_its_import_line() {
    let p = Project::new("errors");
    p.write("journey.toml", "");
    p.write("common.journey", COMMON);
    p.write("notes.txt", "");
    p.write("bad.journey", "x\u{0}");
    std::fs::write(p.0.join("latin1.journey"), [0xff, 0xfe]).unwrap();
    let imports = "import \"/etc/common.journey\"\n\
                   import \"https://example.com/a.journey\"\n\
                   import \"notes.txt\"\n\
                   import \"comon.journey\"\n\
                   import \"../outside.journey\"\n\
                   import \"latin1.journey\"\n";
    p.write(
        "main.journey",
        &format!("{imports}import \"common.journey\"\n"),
    );
    std::fs::write(p.0.parent().unwrap().join("outside.journey"), COMMON).ok();
    assert_eq!(
        p.findings(&["main.journey"]),
        [
            found("J0501", "main.journey", 1),
            found("J0501", "main.journey", 2),
            found("J0502", "main.journey", 3),
            found("J0503", "main.journey", 4),
            found("J0504", "main.journey", 5),
            found("J0506", "main.journey", 6),
        ]
    );
    let (code, out) = p.run(&["check", "main.journey"]);
    assert_eq!(code, 1);
    assert!(out.contains("did you mean `common.journey`?"), "{out}");
    assert!(out.contains("outside the project root `.`"), "{out}");
    assert!(out.contains("checked 1 file: 6 errors"), "{out}");
}

#[test]
fn a_cycle_is_reported_at_the_import_that_closes_it_naming_every_file() {
    let p = Project::new("cycle");
    p.write("journey.toml", "");
    p.write("a.journey", "import \"b/b.journey\"\n");
    p.write("b/b.journey", "import \"c.journey\"\n");
    p.write("b/c.journey", "tag t: bool\nimport \"../a.journey\"\n");
    let (code, out) = p.run(&["check", "--format", "json", "a.journey"]);
    assert_eq!(code, 1, "{out}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let d = &json["diagnostics"][0];
    assert_eq!(json["errors"], 1);
    assert_eq!(d["code"], "J0505");
    assert_eq!(
        (d["file"].as_str(), d["line"].as_u64()),
        (Some("b/c.journey"), Some(2))
    );
    assert_eq!(
        d["message"],
        "the imports form a cycle: a.journey → b/b.journey → b/c.journey → a.journey"
    );
    // A file importing itself is the shortest cycle.
    p.write("self.journey", "import \"self.journey\"\n");
    assert_eq!(
        p.findings(&["self.journey"]),
        [found("J0505", "self.journey", 1)]
    );
}

#[test]
fn a_diamond_is_loaded_once() {
    let p = Project::new("diamond");
    p.write("common.journey", COMMON);
    p.write(
        "left.journey",
        "import \"common.journey\"\nsegment 左 = 会员\n",
    );
    p.write(
        "right.journey",
        "import \"common.journey\"\nsegment 右 = not 会员\n",
    );
    let main = journey("import \"left.journey\"\nimport \"right.journey\"\n", "主");
    let main = main.replace("on enter if 会员", "on enter if 左").replace(
        "    after 7d: exit",
        "    after 1d if 右: send wecom \"再见\"\n    after 7d: exit",
    );
    p.write("main.journey", &main);
    assert_eq!(p.findings(&["main.journey"]), []);
}

#[test]
fn a_duplicate_across_files_is_labelled_in_both() {
    let p = Project::new("duplicate");
    p.write("common.journey", COMMON);
    p.write(
        "main.journey",
        &journey("import \"common.journey\"\n\ntag 会员: bool\n", "主"),
    );
    let (code, out) = p.run(&["check", "main.journey"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("duplicate_across_files", out);
    let (_, json) = p.run(&["check", "--format", "json", "main.journey"]);
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["errors"], 1);
    let d = &json["diagnostics"][0];
    // The primary label is in the file later in import order: the importing one.
    assert_eq!(
        (d["code"].as_str(), d["file"].as_str()),
        (Some("J0108"), Some("main.journey"))
    );
    // The other file's label names its file.
    let first = &d["labels"][1];
    assert_eq!(
        (first["file"].as_str(), first["line"].as_u64()),
        (Some("common.journey"), Some(1))
    );
    assert_eq!(d["labels"][0].get("file"), None);
    let (_, sarif) = p.run(&["check", "--format", "sarif", "main.journey"]);
    let sarif: Value = serde_json::from_str(&sarif).unwrap();
    let related = &sarif["runs"][0]["results"][0]["relatedLocations"][0];
    assert_eq!(
        related["physicalLocation"]["artifactLocation"]["uri"],
        "common.journey"
    );
    assert_eq!(related["message"]["text"], "first declared here");
}

#[test]
fn sarif_names_files_relative_to_the_project_root_and_validates() {
    let p = Project::new("sarif");
    p.write("journey.toml", "");
    p.write(
        "shared/common.journey",
        &format!("{COMMON}tag 没用: bool\n"),
    );
    p.write(
        "新客/a.journey",
        &journey("import \"../shared/common.journey\"\n", "甲"),
    );
    let (code, out) = p.run(&["check", "--format", "sarif", "新客/a.journey"]);
    assert_eq!(code, 0, "{out}");
    let log: Value = serde_json::from_str(&out).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-schema-2.1.0.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&log));
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "J0401");
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "shared/common.journey");
    assert_eq!(location["region"]["startLine"], 7);
}

#[test]
fn check_dir_reports_each_diagnostic_once_and_unused_across_the_project() {
    let p = Project::new("dir");
    p.write(
        "common.journey",
        &format!("{COMMON}tag 没用: bool\ntag 只有乙用: bool\n"),
    );
    p.write("a.journey", &journey("import \"common.journey\"\n", "甲"));
    let b = journey("import \"common.journey\"\n", "乙").replace("if 会员", "if 只有乙用");
    p.write("b.journey", &b);
    // `没用` is used by no root: once, though two roots report it; `只有乙用` is used
    // by b, so a's warning about it is dropped.
    assert_eq!(p.findings(&["."]), [found("J0401", "common.journey", 7)]);
    let (_, out) = p.run(&["check", "."]);
    assert!(out.contains("checked 3 files: 1 warning"), "{out}");
}

#[test]
fn check_with_no_path_checks_the_project_around_the_current_directory() {
    let p = Project::new("nopath");
    let (code, _) = p.run(&["check"]);
    assert_eq!(code, 2, "outside a project, a path is needed");
    p.write("journey.toml", "");
    p.write("common.journey", COMMON);
    p.write(
        "sub/a.journey",
        &journey("import \"../common.journey\"\n", "甲"),
    );
    p.write("sub/b.journey", "import \"../missing.journey\"\n");
    let out = Command::new(env!("CARGO_BIN_EXE_journey"))
        .env("JOURNEY_LANG", "en")
        .args(["check", "--format", "json"])
        .current_dir(p.0.join("sub"))
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"], 3);
    assert_eq!(json["diagnostics"][0]["file"], "sub/b.journey");
    assert_eq!(json["diagnostics"][0]["code"], "J0503");
    assert_eq!(json["errors"], 1);
}

#[test]
fn a_chain_a_thousand_files_deep_does_not_overflow() {
    let p = Project::new("deep");
    for i in 0..1000 {
        let next = if i + 1 < 1000 {
            format!("import \"f{}.journey\"\n", i + 1)
        } else {
            String::new()
        };
        p.write(&format!("f{i}.journey"), &format!("{next}tag t{i}: bool\n"));
    }
    let (code, out) = p.run(&["check", "f0.journey"]);
    assert_eq!(code, 0, "{out}");
    // A thousand tags in a declarations closure: none unused, none duplicate.
    assert!(out.contains("checked 1 file: no problems found"), "{out}");
}

#[test]
fn a_thousand_files_importing_one_declarations_file_check() {
    // Timed by benches/project.sh; here only the result.
    let p = Project::new("wide");
    p.write("journey.toml", "");
    p.write("common.journey", COMMON);
    for i in 0..1000 {
        p.write(
            &format!("j/{i:04}.journey"),
            &journey("import \"../common.journey\"\n", &format!("j{i}")),
        );
    }
    let (code, out) = p.run(&["check"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("checked 1001 files: no problems found"),
        "{out}"
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_followed_to_where_they_lead() {
    let p = Project::new("links");
    p.write("journey.toml", "");
    p.write("shared/common.journey", COMMON);
    let outside = Project::new("links-outside");
    outside.write("common.journey", COMMON);
    std::os::unix::fs::symlink(
        p.0.join("shared/common.journey"),
        p.0.join("inside.journey"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.0.join("common.journey"),
        p.0.join("outside.journey"),
    )
    .unwrap();
    p.write("a.journey", &journey("import \"inside.journey\"\n", "甲"));
    assert_eq!(p.findings(&["a.journey"]), []);
    p.write("b.journey", &journey("import \"outside.journey\"\n", "乙"));
    assert_eq!(
        p.findings(&["b.journey"])[0],
        found("J0504", "b.journey", 1)
    );
}

#[test]
fn an_indented_import_is_an_import() {
    let p = Project::new("indented");
    p.write("common.journey", COMMON);
    p.write("a.journey", &journey("  import \"common.journey\"\n", "甲"));
    assert_eq!(p.findings(&["a.journey"]), []);
}

//! `compile` and `simulate` of a file with imports (language-v2 §1): one plan with
//! everything in the closure, each location naming its file relative to the project
//! root; the simulation runs on the closure's declarations and population.

use serde_json::Value;
use std::process::Command;

const COMMON: &str = "tag 会员: bool\nevent signup\n\
touchpoint wecom \"企业微信1v1\" {\n  channel wecom\n}\n";

const JOURNEY: &str = "import \"../common.journey\"\n\njourney 新客 {\n  \
timezone \"Asia/Shanghai\"\n  entry on signup\n  stage 欢迎 {\n    \
on enter if 会员: send wecom \"hi\"\n    after 1d: exit\n  }\n}\n";

const POPULATION: &str = "import \"journeys/新客.journey\"\n\npopulation 用户 {\n  \
size 1_000\n  start 2026-03-02 09:00\n  days 10\n  arrivals signup over 1d\n  \
tag 会员: 100%\n}\n";

fn project() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("journey-project-compile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("journeys")).unwrap();
    std::fs::write(dir.join("journey.toml"), "").unwrap();
    std::fs::write(dir.join("common.journey"), COMMON).unwrap();
    std::fs::write(dir.join("journeys/新客.journey"), JOURNEY).unwrap();
    std::fs::write(dir.join("run.journey"), POPULATION).unwrap();
    dir
}

fn journey(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_journey"))
        .env("JOURNEY_LANG", "en")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn compile_and_simulate_take_the_whole_closure() {
    let dir = project();
    let (code, out, err) = journey(&dir, &["compile", "journeys/新客.journey"]);
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
    let (code, out, err) = journey(
        &dir,
        &["graph", "journeys/新客.journey", "--format", "mermaid"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("欢迎"), "{out}");

    // Every user is a member and enters once: 1,000 sends.
    let (code, out, err) = journey(&dir, &["simulate", "run.journey", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let sent = &report["touchpoints"][0]["sent"];
    assert_eq!(sent, 1000, "{out}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn fmt_puts_the_imports_first_and_leaves_the_imported_files_alone() {
    let dir = std::env::temp_dir().join(format!("journey-project-fmt-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("common.journey"), "tag   会员 : bool\n").unwrap();
    let file = dir.join("a.journey");
    std::fs::write(&file, "tag vip: bool\nimport   \"common.journey\"\n").unwrap();
    let (code, _, err) = journey(&dir, &["fmt", "a.journey"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "import \"common.journey\"\n\ntag vip: bool\n"
    );
    // fmt formats the file it is given, not what it imports.
    let common = std::fs::read_to_string(dir.join("common.journey")).unwrap();
    assert_eq!(common, "tag   会员 : bool\n");
    assert_eq!(journey(&dir, &["fmt", "--check", "a.journey"]).0, 0);
    std::fs::remove_dir_all(dir).unwrap();
}

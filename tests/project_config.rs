//! `journey.toml` (language-v2 §1, §11.15): the project's language, `[check]` deny
//! and allow, `[simulate] seed` as the default of `--seed`; flags win; the file's own
//! errors are said in the language chosen without it.

use std::path::{Path, PathBuf};
use std::process::Command;

const FILE: &str = "tag 没用: bool\nevent signup\n\
touchpoint wecom \"企业微信1v1\" {\n  channel wecom\n}\n\
journey 新客 {\n  timezone \"Asia/Shanghai\"\n  entry on signup\n  stage 欢迎 {\n    \
on enter: send wecom \"hi\"\n    after 1d: exit\n  }\n}\n\
population 用户 {\n  size 1_000\n  start 2026-03-02 09:00\n  days 3\n  \
arrivals signup over 2d\n}\n";

fn project(label: &str, toml: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("journey-config-{}-{label}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("journey.toml"), toml).unwrap();
    std::fs::write(dir.join("a.journey"), FILE).unwrap();
    dir
}

/// `journey ARGS` in `dir` with `env`: (exit code, stdout, stderr).
fn run(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_journey"));
    cmd.env_remove("JOURNEY_LANG")
        .env("LANG", "C")
        .env("LC_ALL", "C");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.args(args).current_dir(dir).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn deny_and_allow_set_the_check_and_flags_win() {
    let dir = project("deny", "[check]\ndeny = [\"warnings\"]\n");
    let (code, out, _) = run(&dir, &[], &["check", "a.journey"]);
    assert_eq!((code, out.contains("J0401")), (1, true), "{out}");
    let (code, _, _) = run(&dir, &[], &["check", "--allow", "J0401", "a.journey"]);
    assert_eq!(code, 0);
    std::fs::write(dir.join("journey.toml"), "[check]\ndeny = [\"J0401\"]\n").unwrap();
    assert_eq!(run(&dir, &[], &["check", "a.journey"]).0, 1);
    std::fs::write(dir.join("journey.toml"), "[check]\ndeny = [\"J0402\"]\n").unwrap();
    assert_eq!(run(&dir, &[], &["check", "a.journey"]).0, 0);
    std::fs::write(dir.join("journey.toml"), "[check]\nallow = [\"J0401\"]\n").unwrap();
    let (code, out, _) = run(&dir, &[], &["check"]);
    assert_eq!(code, 0);
    assert!(out.contains("checked 1 file: no problems found"), "{out}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_project_language_applies_unless_a_person_chose_one() {
    let dir = project("lang", "[project]\nlang = \"zh\"\n");
    let (_, out, _) = run(&dir, &[], &["check", "a.journey"]);
    assert!(out.contains("已检查 1 个文件"), "{out}");
    let (_, out, _) = run(&dir, &[], &["check", "--lang", "en", "a.journey"]);
    assert!(out.contains("checked 1 file"), "{out}");
    let (_, out, _) = run(&dir, &[("JOURNEY_LANG", "en")], &["check", "a.journey"]);
    assert!(out.contains("checked 1 file"), "{out}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn errors_in_the_file_are_said_without_its_language_with_a_suggestion() {
    let dir = project("errors", "[project]\nlang = \"zh\"\n[check]\ndeni = []\n");
    let (code, out, err) = run(&dir, &[], &["check", "a.journey"]);
    assert_eq!((code, out.as_str()), (2, ""));
    // named as the files given are, relative to the current directory
    assert_eq!(
        err,
        "error: `journey.toml`: unknown key `check.deni`; did you mean `deny`?\n"
    );
    let (_, _, err) = run(&dir, &[("JOURNEY_LANG", "zh")], &["simulate", "a.journey"]);
    assert!(
        err.contains("未知的键 `check.deni`；是不是 `deny`？"),
        "{err}"
    );
    std::fs::write(dir.join("journey.toml"), "[check]\nallow = [\"J4001\"]\n").unwrap();
    let (code, _, err) = run(&dir, &[], &["compile", "a.journey"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown code `J4001`"), "{err}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_project_seed_is_the_default_of_seed() {
    let dir = project("seed", "[simulate]\nseed = 7\n");
    let seed_of = |args: &[&str]| {
        let mut all = vec!["simulate", "a.journey", "--format", "json"];
        all.extend(args);
        let (code, out, err) = run(&dir, &[], &all);
        assert_eq!(code, 0, "{err}");
        let report: serde_json::Value = serde_json::from_str(&out).unwrap();
        report["seed"].as_u64().unwrap()
    };
    assert_eq!(seed_of(&[]), 7);
    assert_eq!(seed_of(&["--seed", "3"]), 3);
    assert_eq!(seed_of(&["--seed", "0"]), 0);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn report_merge_takes_the_language_of_its_parts_project_else_the_current_directory_s() {
    let dir = project("merge", "[project]\nlang = \"zh\"\n");
    std::fs::create_dir(dir.join("shards")).unwrap();
    for k in 0..2 {
        let (shard, part) = (format!("{k}/2"), format!("shards/p{k}.json"));
        let (code, _, err) = run(
            &dir,
            &[],
            &["simulate", "a.journey", "--shard", &shard, "-o", &part],
        );
        assert_eq!(code, 0, "{err}");
    }
    let merge = |at: &Path, env: &[(&str, &str)], parts: [&Path; 2], more: &[&str]| {
        let parts = parts.map(|p| p.to_str().unwrap());
        let args = [&["report", "merge", parts[0], parts[1]], more].concat();
        let (code, out, err) = run(at, env, &args);
        assert_eq!(code, 0, "{err}");
        out
    };
    let (_, single, _) = run(
        &dir,
        &[],
        &["simulate", "a.journey", "--format", "markdown"],
    );
    assert!(single.starts_with("# 新客 模拟报告\n"), "{single}");
    let parts = [Path::new("shards/p0.json"), Path::new("shards/p1.json")];
    let markdown = ["--format", "markdown"];
    // In the project, as `simulate` there: the same report, in the project's language.
    assert_eq!(merge(&dir, &[], parts, &markdown), single);
    // Its messages too.
    let (code, _, err) = run(&dir, &[], &["report", "merge", "shards/p0.json", "p9.json"]);
    assert_eq!(code, 2);
    assert_eq!(err, "错误：无法读取 `p9.json`：没有这个文件或文件夹\n");
    // A person's choice wins.
    let english = merge(&dir, &[], parts, &["--format", "markdown", "--lang", "en"]);
    assert!(english.starts_with("# Simulation of 新客\n"), "{english}");
    assert_eq!(
        merge(&dir, &[("JOURNEY_LANG", "en")], parts, &markdown),
        english
    );
    // Run from outside, the parts' project decides, as the file's does for `simulate`.
    let inside = parts.map(|p| dir.join(p));
    let outside = dir.parent().unwrap();
    let from_outside = merge(outside, &[], [&inside[0], &inside[1]], &markdown);
    assert_eq!(from_outside, single);
    // Parts outside any project (a CI job's temporary folder): the current directory's.
    let elsewhere = tempfile::tempdir().unwrap();
    let copies = [0, 1].map(|k| elsewhere.path().join(format!("p{k}.json")));
    for (from, to) in inside.iter().zip(&copies) {
        std::fs::copy(from, to).unwrap();
    }
    assert_eq!(
        merge(&dir, &[], [&copies[0], &copies[1]], &markdown),
        single
    );
    // Neither in a project: the locale's language (C here, English).
    let nowhere = merge(outside, &[], [&copies[0], &copies[1]], &markdown);
    assert_eq!(nowhere, english);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn fmt_speaks_the_project_s_language_and_formats_even_under_a_broken_journey_toml() {
    let dir = project("fmt", "[project]\nlang = \"zh\"\n");
    std::fs::write(
        dir.join("bad.journey"),
        "journey j { stage s { after 1d -> } }\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("messy.journey"),
        "event e\njourney j { entry on e stage s { after 1d: exit } }\n",
    )
    .unwrap();
    let zh = "错误：`bad.journey` 有语法错误，没有排版\n";
    let (code, _, err) = run(&dir, &[], &["fmt", "bad.journey"]);
    assert_eq!(code, 1);
    assert!(err.ends_with(zh), "{err}");
    let outside = dir.parent().unwrap();
    let bad = dir.join("bad.journey");
    let (_, _, err) = run(outside, &[], &["fmt", bad.to_str().unwrap()]);
    assert!(err.contains("有语法错误"), "{err}");
    let (_, _, err) = run(&dir, &[], &["fmt", "--lang", "en", "bad.journey"]);
    assert!(
        err.ends_with("error: `bad.journey` has syntax errors; it was not formatted\n"),
        "{err}"
    );
    // Only the language is read: a mistake in the file is `check`'s to report.
    std::fs::write(dir.join("journey.toml"), "[projet]\n").unwrap();
    let (code, out, err) = run(&dir, &[], &["fmt", "messy.journey"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "messy.journey\n", "")
    );
    assert_eq!(run(&dir, &[], &["check", "messy.journey"]).0, 2);
    std::fs::remove_dir_all(dir).unwrap();
}

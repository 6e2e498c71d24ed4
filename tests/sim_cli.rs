//! `journey simulate` and `journey report merge` from the command line: determinism,
//! shards, and bad input.

use std::path::Path;

#[path = "support/cli.rs"]
mod cli;
use cli::ok;

#[path = "support/scratch.rs"]
mod scratch;
use scratch::scratch;

const BEAUTY: &str = "examples/beauty_w2.journey";

fn fails(args: &[&str], code: i32, words: &str) {
    fails_in("en", args, code, words);
}

fn fails_in(lang: &str, args: &[&str], code: i32, words: &str) {
    let out = cli::lang::run_in(lang, args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    assert!(err.contains(words), "{args:?}: `{words}` not in {err}");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn the_report_does_not_depend_on_threads() {
    let base = [
        "simulate", BEAUTY, "--users", "20000", "--seed", "3", "--format", "json",
    ];
    let one = ok(&[&base[..], &["--threads", "1"]].concat());
    let two = ok(&[&base[..], &["--threads", "2"]].concat());
    assert_eq!(one, two);
    let other_seed = ok(&[
        "simulate", BEAUTY, "--users", "20000", "--seed", "4", "--format", "json",
    ]);
    assert_ne!(one, other_seed);
}

#[test]
fn merged_shards_equal_a_single_run_byte_for_byte() {
    let dir = scratch("shards", &[]);
    let args = ["simulate", BEAUTY, "--users", "9999", "--seed", "11"];
    let single = ok(&[&args[..], &["--format", "json"]].concat());
    let mut parts = Vec::new();
    for k in [2, 0, 1] {
        let part = dir.join(format!("part{k}.json"));
        let shard = format!("{k}/3");
        ok(&[&args[..], &["--shard", &shard, "-o", s(&part)]].concat());
        parts.push(part);
    }
    let merged = dir.join("merged.json");
    let mut merge = vec!["report", "merge"];
    merge.extend(parts.iter().map(|p| s(p)));
    merge.extend(["-o", s(&merged)]);
    ok(&merge);
    assert_eq!(std::fs::read(&merged).unwrap(), single);
    // an incomplete set is refused
    fails(
        &["report", "merge", s(&parts[0]), s(&parts[1])],
        2,
        "missing shards",
    );
    fails(&["report", "merge", s(&parts[0]), s(&parts[0])], 2, "twice");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_table_is_the_default_and_json_follows_the_extension() {
    let table = String::from_utf8(ok(&["simulate", BEAUTY, "--users", "500"])).unwrap();
    assert!(table.contains("Touchpoints") && table.contains("新手"));
    let dir = scratch("ext", &[]);
    let out = dir.join("r.json");
    ok(&["simulate", BEAUTY, "--users", "500", "-o", s(&out)]);
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(doc["format"], "journey-report");
    assert_eq!(doc["version"], 2);
    for key in [
        "lang",
        "population",
        "seed",
        "users",
        "days",
        "start",
        "timezone",
        "journeys",
        "touchpoints",
        "policies",
        "teams",
        "fatigue",
        "cost",
        "daily",
    ] {
        assert!(doc.get(key).is_some(), "{key}");
    }
    let journey = &doc["journeys"][0];
    for key in [
        "name", "label", "priority", "entered", "users", "holdout", "stopped", "loops", "goals",
        "stages", "funnel", "splits", "paths", "cost",
    ] {
        assert!(journey.get(key).is_some(), "{key}");
    }
    assert_eq!(journey["goals"][0]["name"], "首单");
    for key in ["users", "reached", "rate", "ci95"] {
        assert!(journey["goals"][0]["treatment"].get(key).is_some(), "{key}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn trace_prints_one_users_timeline() {
    let out = String::from_utf8(ok(&["simulate", BEAUTY, "--trace", "3"])).unwrap();
    assert!(out.contains("arrives: signup"), "{out}");
    assert!(out.contains("stage → 新手"), "{out}");
    assert!(out.contains("send wecom \"welcome_gift\""), "{out}");
    assert!(out.contains("Mon  group: "), "{out}");
    fails(
        &["simulate", BEAUTY, "--users", "10", "--trace", "10"],
        2,
        "0 to 9",
    );
}

/// One user's timeline of two examples, in both languages: the group, weekdays, block
/// rules with their actions under them, false guards with their values, quiet windows,
/// tasks and splits.
#[test]
fn the_trace_of_one_user_in_english_and_chinese() {
    for (example, user) in [("beauty_w2", "1"), ("course", "1")] {
        let file = format!("examples/{example}.journey");
        for lang in ["en", "zh"] {
            let args = ["--lang", lang, "simulate", &file, "--users", "1000"];
            let out = String::from_utf8(ok(&[&args[..], &["--trace", user]].concat())).unwrap();
            insta::assert_snapshot!(format!("trace_{example}_{user}_{lang}"), out);
        }
    }
}

#[test]
fn bad_input_is_refused_clearly() {
    let dir = scratch("bad", &[]);
    let no_pop = dir.join("no_pop.journey");
    std::fs::write(
        &no_pop,
        "event signup\njourney j {\n  timezone \"Asia/Shanghai\"\n  entry on signup\n  stage a { }\n}\n",
    )
    .unwrap();
    fails(&["simulate", s(&no_pop)], 2, "add a `population NAME");
    fails(&["simulate", BEAUTY, "--users", "0"], 2, "at least 1");
    fails(&["simulate", BEAUTY, "--days", "0"], 2, "at least 1");
    fails(&["simulate", BEAUTY, "--journey", "nope"], 2, "`美妆新客`");
    fails(
        &["simulate", BEAUTY, "--population", "nope"],
        2,
        "`美妆用户`",
    );
    fails(&["simulate", BEAUTY, "--threads", "0"], 2, "at least 1");
    fails(&["simulate", BEAUTY, "--shard", "3/3"], 2, "not a shard");
    let missing = dir.join("no/such/dir/r.json");
    fails(
        &["simulate", BEAUTY, "--users", "10", "-o", s(&missing)],
        2,
        "does not exist",
    );
    let broken = dir.join("broken.journey");
    std::fs::write(&broken, "journey j { entry on nothing }\n").unwrap();
    fails(&["simulate", s(&broken)], 1, "has errors");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn markdown_and_html_carry_the_same_facts() {
    let dir = scratch("formats", &[]);
    let (md, html) = (dir.join("r.md"), dir.join("r.html"));
    let args = ["simulate", BEAUTY, "--users", "2000", "--seed", "5"];
    ok(&[&args[..], &["-o", s(&md)]].concat());
    ok(&[&args[..], &["-o", s(&html)]].concat());
    let json: serde_json::Value =
        serde_json::from_slice(&ok(&[&args[..], &["--format", "json"]].concat())).unwrap();
    let md = std::fs::read_to_string(md).unwrap();
    let html = std::fs::read_to_string(html).unwrap();
    let sent = json["touchpoints"][0]["sent"].to_string();
    assert!(md.contains("## Touchpoints") && md.contains(&format!("| {sent} |")));
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains(&format!(">{sent}<")));
    // self-contained: charts inline, nothing fetched
    assert!(html.matches("<svg").count() >= 3);
    for external in ["<script", "<link", "src=", "url("] {
        assert!(!html.contains(external), "{external}");
    }
    assert_eq!(
        html.matches("http").count(),
        html.matches("http://www.w3.org/2000/svg").count()
    );
    std::fs::remove_dir_all(dir).unwrap();
}

const RULE_LOOP: &str = "tests/sim/rule_loop.journey";

#[test]
fn a_rule_loop_is_in_every_format_and_the_same_for_any_threads_or_shards() {
    let args = ["simulate", RULE_LOOP, "--users", "600", "--seed", "2"];
    let json = ok(&[&args[..], &["--format", "json", "--threads", "1"]].concat());
    assert_eq!(
        json,
        ok(&[&args[..], &["--format", "json", "--threads", "2"]].concat())
    );
    let doc: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let stopped = doc["journeys"][0]["stopped"].as_u64().unwrap();
    assert!(stopped > 0);
    assert_eq!(
        doc["journeys"][0]["loops"],
        serde_json::json!([{ "stages": ["休闲", "商务"], "users": stopped }])
    );
    let dir = scratch("loop-shards", &[]);
    let mut merge = vec!["report".to_string(), "merge".to_string()];
    for k in [1, 0] {
        let part = dir.join(format!("part{k}.json"));
        ok(&[&args[..], &["--shard", &format!("{k}/2"), "-o", s(&part)]].concat());
        merge.push(s(&part).to_string());
    }
    merge.extend(["--format".into(), "json".into()]);
    let merge: Vec<&str> = merge.iter().map(String::as_str).collect();
    assert_eq!(ok(&merge), json);
    std::fs::remove_dir_all(dir).unwrap();
    let line = format!("休闲 → 商务 → 休闲 | {stopped} |");
    let md = String::from_utf8(ok(&[&args[..], &["--format", "markdown"]].concat())).unwrap();
    assert!(md.contains("## Rule loops") && md.contains(&line), "{md}");
    let html = String::from_utf8(ok(&[&args[..], &["--format", "html"]].concat())).unwrap();
    assert!(html.contains("<h2>Rule loops</h2>"), "{html}");
    assert!(html.contains(&format!(
        "<td>休闲 → 商务 → 休闲</td><td class=\"n\">{stopped}</td>"
    )));
    let table = String::from_utf8(ok(&args)).unwrap();
    insta::assert_snapshot!("rule_loop_table", table);
}

#[test]
fn the_trace_says_a_user_was_stopped_in_a_rule_loop() {
    let out = String::from_utf8(ok(&["simulate", RULE_LOOP, "--trace", "3"])).unwrap();
    assert!(
        out.contains(
            "stopped by a rule loop 休闲 → 商务 → 休闲 \
             (more than 32 stage changes back into a stage at one moment)"
        ),
        "{out}"
    );
    assert!(out.trim_end().ends_with("(rule loop)"), "{out}");
    let zh =
        String::from_utf8(ok(&["--lang", "zh", "simulate", RULE_LOOP, "--trace", "3"])).unwrap();
    assert!(
        zh.contains("因规则循环 休闲 → 商务 → 休闲 被停止（同一时刻回到已进入过的阶段超过 32 次）"),
        "{zh}"
    );
    assert!(zh.trim_end().ends_with("（规则循环）"), "{zh}");
}

#[test]
fn merged_shards_equal_a_single_run_in_every_format_and_language() {
    let dir = scratch("shards-formats", &[]);
    let args = ["simulate", BEAUTY, "--users", "3000", "--seed", "5"];
    let mut merge = vec!["report".to_string(), "merge".to_string()];
    for k in [1, 3, 0, 2] {
        let part = dir.join(format!("part{k}.json"));
        ok(&[&args[..], &["--shard", &format!("{k}/4"), "-o", s(&part)]].concat());
        merge.push(s(&part).to_string());
    }
    let merge: Vec<&str> = merge.iter().map(String::as_str).collect();
    for lang in ["en", "zh"] {
        for format in ["json", "table", "markdown", "html"] {
            let options = ["--lang", lang, "--format", format];
            let single = ok(&[&args[..], &options].concat());
            let merged = ok(&[&merge[..], &options].concat());
            assert!(
                single == merged,
                "{lang} {format}: the merged report differs"
            );
        }
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn what_is_not_a_version_7_partial_report_is_refused_by_name() {
    let dir = scratch("not-partial", &[]);
    let part = dir.join("part.json");
    let args = ["simulate", BEAUTY, "--users", "10"];
    ok(&[&args[..], &["--shard", "0/1", "-o", s(&part)]].concat());
    let text = std::fs::read_to_string(&part).unwrap();
    let report = ok(&[&args[..], &["--format", "json"]].concat());
    let files = [
        ("v1.json", text.replace("\"version\":7", "\"version\":1")),
        ("v2.json", text.replace("\"version\":7", "\"version\":2")),
        (
            "v3s.json",
            text.replace("\"version\":7", "\"version\":\"7\""),
        ),
        ("final.json", String::from_utf8(report).unwrap()),
        (
            "plan.json",
            "{\"format\": \"journey-plan\", \"version\": 1}".into(),
        ),
        ("other.json", "{\"name\": \"美妆\"}".into()),
        ("list.json", "[3, 0, 1]".into()),
    ];
    for (name, text) in &files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let expected = [
        (
            "v1.json",
            "is a partial report of version 1; this journey reads version 7",
            "是第 1 版的分片模拟报告，当前的 journey 只能读第 7 版",
        ),
        (
            "v2.json",
            "is a partial report of version 2; this journey reads version 7",
            "是第 2 版的分片模拟报告",
        ),
        (
            "v3s.json",
            "is a damaged partial report: its version \"7\" is not a whole number",
            "它的版本号 \"7\" 不是整数",
        ),
        (
            "final.json",
            "is not a partial report (it is a finished report of version 2",
            "它是第 2 版的完整模拟报告",
        ),
        (
            "plan.json",
            "is not a partial report (it is a `journey-plan` file)",
            "它是 `journey-plan` 文件",
        ),
        (
            "other.json",
            "is not a partial report (it is other JSON)",
            "它是别的 JSON 文件",
        ),
        (
            "list.json",
            "is not a partial report (it is other JSON)",
            "它是别的 JSON 文件",
        ),
    ];
    for (name, en, zh) in expected {
        let path = dir.join(name);
        // the good part first: the bad one is refused by its name whatever comes before
        let merge = ["report", "merge", s(&part), s(&path)];
        fails_in("en", &merge, 2, &format!("`{}` {en}", s(&path)));
        fails_in("zh", &merge, 2, &format!("`{}` ", s(&path)));
        fails_in("zh", &merge, 2, zh);
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_partial_report_with_a_damaged_funnel_is_refused() {
    let dir = scratch("bad-funnel", &[]);
    let part = dir.join("part.json");
    ok(&[
        "simulate",
        BEAUTY,
        "--users",
        "10",
        "--shard",
        "0/1",
        "-o",
        s(&part),
    ]);
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&part).unwrap()).unwrap();
    let stages = doc["meta"]["stages"].as_array().unwrap().len();
    for funnel in [
        serde_json::json!([0, 0]),
        serde_json::json!((0..stages).rev().chain([stages]).collect::<Vec<_>>()),
        serde_json::json!((1..=stages).collect::<Vec<_>>()),
    ] {
        doc["meta"]["funnel"] = funnel;
        std::fs::write(&part, doc.to_string()).unwrap();
        fails(
            &["report", "merge", s(&part)],
            2,
            "is a damaged partial report: its funnel does not list every stage",
        );
    }
    std::fs::remove_dir_all(dir).unwrap();
}

/// Exit reasons, templates, fatigue and team queues, on a journey that has them all, are
/// the same for any threads and any shard split.
#[test]
fn the_report_version_2_counts_do_not_depend_on_threads_or_shards() {
    let ev = "examples/新能源车/组合.journey";
    let args = ["simulate", ev, "--users", "3000", "--seed", "5"];
    let json = |extra: &[&str]| ok(&[&args[..], &["--format", "json"], extra].concat());
    let one = json(&["--threads", "1"]);
    assert_eq!(one, json(&["--threads", "2"]));
    let doc: serde_json::Value = serde_json::from_slice(&one).unwrap();
    let reasons = doc["journeys"][0]["stages"][0]["exit_reasons"]
        .as_object()
        .unwrap();
    assert!(reasons.contains_key("on 战败"), "{reasons:?}");
    assert!(doc["touchpoints"][0]["templates"][0]["sent"].as_u64() > Some(0));
    assert!(doc["fatigue"]["histogram"].as_array().unwrap().len() > 1);
    assert!(doc["teams"][0]["done"].as_u64() > Some(0));
    assert!(doc["teams"][0]["suggested_capacity"].as_u64() > Some(0));
    let dir = scratch("v2-shards", &[]);
    let mut merge = vec!["report".to_string(), "merge".to_string()];
    for k in [1, 0] {
        let part = dir.join(format!("part{k}.json"));
        ok(&[&args[..], &["--shard", &format!("{k}/2"), "-o", s(&part)]].concat());
        merge.push(s(&part).to_string());
    }
    let merged = dir.join("merged.json");
    merge.extend(["-o".to_string(), s(&merged).to_string()]);
    ok(&merge.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(std::fs::read(&merged).unwrap(), one);
    std::fs::remove_dir_all(dir).unwrap();
}

const POLICY: &str = "tests/sim/policy.journey";

#[test]
fn a_policys_capped_sends_are_the_same_for_any_threads_or_shards() {
    let args = ["simulate", POLICY, "--users", "1000", "--seed", "3"];
    let json = ok(&[&args[..], &["--format", "json", "--threads", "1"]].concat());
    assert_eq!(
        json,
        ok(&[&args[..], &["--format", "json", "--threads", "3"]].concat())
    );
    let doc: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let capped = doc["policies"][0]["capped"].as_u64().unwrap();
    // every capped send is a click's thanks or an evening send after one: the policy's
    let by_touchpoint: u64 = (doc["touchpoints"].as_array().unwrap().iter())
        .map(|t| t["capped"].as_u64().unwrap())
        .sum();
    assert!(capped > 0);
    assert_eq!(capped, by_touchpoint);
    let dir = scratch("policy-shards", &[]);
    let mut merge = vec!["report".to_string(), "merge".to_string()];
    for k in [2, 0, 1] {
        let part = dir.join(format!("part{k}.json"));
        ok(&[&args[..], &["--shard", &format!("{k}/3"), "-o", s(&part)]].concat());
        merge.push(s(&part).to_string());
    }
    merge.extend(["--format".into(), "json".into()]);
    let merge: Vec<&str> = merge.iter().map(String::as_str).collect();
    assert_eq!(ok(&merge), json);
    std::fs::remove_dir_all(dir).unwrap();
}

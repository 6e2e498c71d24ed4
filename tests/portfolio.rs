//! Several journeys simulated together (issue 15 §2, language-v2 §2, §11.3): shared
//! touchpoint limits and policies decided by priority and counted in contention, the
//! `enter` hand-on, and a portfolio report that does not depend on threads or shards.

use serde_json::Value;

#[path = "support/cli.rs"]
mod cli;
use cli::ok;

#[path = "support/scratch.rs"]
mod scratch;
use scratch::scratch;

fn json(file: &str, more: &[&str]) -> Value {
    let args = [&["simulate", file, "--format", "json"], more].concat();
    serde_json::from_slice(&ok(&args)).unwrap()
}

fn count(v: &Value) -> u64 {
    v.as_u64().expect("a count")
}

/// The report's touchpoint `name`.
fn touchpoint<'v>(doc: &'v Value, name: &str) -> &'v Value {
    (doc["touchpoints"].as_array().unwrap().iter())
        .find(|t| t["name"] == name)
        .expect("the touchpoint")
}

fn journey<'v>(doc: &'v Value, name: &str) -> &'v Value {
    (doc["journeys"].as_array().unwrap().iter())
        .find(|j| j["name"] == name)
        .expect("the journey")
}

#[test]
fn the_higher_priority_gets_a_shared_touchpoints_one_send_a_day_and_the_other_is_capped() {
    let doc = json("tests/portfolio/contention.journey", &[]);
    // 100 users, all in both journeys from the first 10:00: 10 moments each
    let wecom = touchpoint(&doc, "wecom");
    assert_eq!(count(&wecom["sent"]), 1000);
    assert_eq!(count(&wecom["capped"]), 1000);
    assert_eq!(
        wecom["by_journey"],
        serde_json::json!({"新客": 0, "复购": 1000})
    );
    assert_eq!(
        doc["contention"],
        serde_json::json!([{"touchpoint": "wecom", "journey": "新客", "capped_by_others": 1000}])
    );
    let names: Vec<&str> = (doc["journeys"].as_array().unwrap().iter())
        .map(|j| j["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["新客", "复购"], "journeys in file order");
}

#[test]
fn a_policy_of_one_a_day_across_two_touchpoints_and_two_journeys_goes_to_the_higher_priority() {
    let doc = json("tests/portfolio/policy.journey", &[]);
    assert_eq!(count(&touchpoint(&doc, "sms")["sent"]), 1000);
    assert_eq!(count(&touchpoint(&doc, "wecom")["sent"]), 0);
    assert_eq!(count(&touchpoint(&doc, "wecom")["capped"]), 1000);
    assert_eq!(
        doc["policies"],
        serde_json::json!([{"name": "频控", "capped": 1000}])
    );
    assert_eq!(
        doc["contention"],
        serde_json::json!([{"policy": "频控", "journey": "提醒", "capped_by_others": 1000}])
    );
    // one send a day per user, over the portfolio: 100 users × 10 days
    let histogram = doc["fatigue"]["histogram"].as_array().unwrap();
    assert_eq!(
        histogram,
        &[
            serde_json::json!({"sends": 0, "user_days": 0}),
            serde_json::json!({"sends": 1, "user_days": 1000})
        ]
    );
}

#[test]
fn enter_hands_users_on_after_the_rules_actions_as_the_worked_example_says() {
    let doc = json("tests/portfolio/handoff.journey", &[]);
    let (new, repeat) = (journey(&doc, "新客"), journey(&doc, "复购"));
    // every buyer is handed on once (reentry never): 复购's entries are 新客's buyers
    let buyers = count(&new["goals"][0]["treatment"]["reached"]);
    assert!(buyers > 1000, "{buyers} buyers of 2,000");
    assert_eq!(count(&repeat["entered"]), buyers);
    // the thanks of the first purchase goes out; 复购's on-enter send, at the same
    // moment, is the policy's second of the day: capped, by 新客's send
    let (sms, wecom) = (touchpoint(&doc, "sms"), touchpoint(&doc, "wecom"));
    assert_eq!(count(&wecom["sent"]), 0);
    assert_eq!(count(&wecom["capped"]), buyers);
    let capped_sms = count(&sms["capped"]);
    assert_eq!(
        count(&doc["policies"][0]["capped"]),
        buyers + capped_sms,
        "the policy capped every on-enter send and the day's second thanks"
    );
    assert_eq!(
        doc["contention"],
        serde_json::json!([{"policy": "全局频控", "journey": "复购", "capped_by_others": buyers}])
    );
}

#[test]
fn a_portfolio_report_is_the_same_for_any_threads_or_shard_split() {
    let file = "tests/portfolio/handoff.journey";
    let args = ["simulate", file, "--seed", "7", "--format", "json"];
    let one = ok(&[&args[..], &["--threads", "1"]].concat());
    for threads in ["2", "4"] {
        assert_eq!(ok(&[&args[..], &["--threads", threads]].concat()), one);
    }
    let dir = scratch("shards", &[]);
    let mut merge = vec!["report".to_string(), "merge".to_string()];
    for k in [2, 0, 1] {
        let part = dir.join(format!("part{k}.json"));
        let part = part.to_str().unwrap().to_string();
        let shard = format!("{k}/3");
        ok(&[
            "simulate", file, "--seed", "7", "--shard", &shard, "-o", &part,
        ]);
        merge.push(part);
    }
    merge.extend(["--format".into(), "json".into()]);
    let merge: Vec<&str> = merge.iter().map(String::as_str).collect();
    assert_eq!(ok(&merge), one);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn journey_chooses_among_the_files_journeys_and_an_unknown_one_is_refused_with_the_nearest() {
    let file = "tests/portfolio/contention.journey";
    let alone = json(file, &["--journey", "新客"]);
    assert_eq!(alone["journeys"].as_array().unwrap().len(), 1);
    assert_eq!(count(&touchpoint(&alone, "wecom")["sent"]), 1000);
    assert!(alone.get("contention").is_none());
    let both = json(file, &["--journey", "复购", "--journey", "新客"]);
    assert_eq!(both, json(file, &[]));
    let out = cli::lang::run_in("en", &["simulate", file, "--journey", "复够"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `复购`?"), "{err}");
}

#[test]
fn the_text_reports_show_each_journey_and_the_contention_in_both_languages() {
    for lang in ["en", "zh"] {
        for format in ["table", "markdown"] {
            let args = [
                "--lang",
                lang,
                "simulate",
                "tests/portfolio/handoff.journey",
                "--users",
                "400",
                "--format",
                format,
            ];
            let text = String::from_utf8(ok(&args)).unwrap();
            insta::assert_snapshot!(format!("handoff.{format}.{lang}"), text);
        }
    }
}

#[test]
fn a_team_serves_the_tasks_of_every_journey_of_the_portfolio() {
    let doc = json("tests/portfolio/teams.journey", &[]);
    // 100 users enter both journeys at signup, each journey gives the team a task
    let team = &doc["teams"][0];
    assert_eq!(count(&team["created"]), 200);
    assert_eq!(count(&team["done"]), 200);
    let alone = json("tests/portfolio/teams.journey", &["--journey", "会员"]);
    assert_eq!(count(&alone["teams"][0]["created"]), 100);
}

/// Journey `name`'s stage `stage`'s `exit_reasons`.
fn exit_reasons<'v>(doc: &'v Value, name: &str, stage: usize) -> &'v Value {
    &journey(doc, name)["stages"][stage]["exit_reasons"]
}

#[test]
fn two_journeys_in_a_tag_loop_share_one_count_of_items_at_a_moment() {
    let doc = json("tests/portfolio/loop_tags.journey", &[]);
    // 开 and 关 fire in turn at the arrival moment, 开 first, each firing one send:
    // 10,001 items of the moment run (5,001 of 开, 5,000 of 关) and the next, 关's,
    // passes the limit and stops the user. Counted per journey, twice as many would run.
    let (on, off) = (journey(&doc, "开"), journey(&doc, "关"));
    assert_eq!(
        touchpoint(&doc, "sms")["by_journey"],
        serde_json::json!({"开": 50_010, "关": 50_000})
    );
    assert_eq!(count(&off["stopped"]), 10);
    assert_eq!(
        off["loops"],
        serde_json::json!([{"stages": ["s"], "users": 10}])
    );
    assert_eq!(count(&on["stopped"]), 0);
    assert_eq!(on["loops"], serde_json::json!([]));
    // the stopped user leaves every journey, each counting the rule loop's exit
    for name in ["开", "关"] {
        assert_eq!(
            exit_reasons(&doc, name, 0),
            &serde_json::json!({"rule loop": 10}),
            "{name}"
        );
    }
}

#[test]
fn two_journeys_entering_each_other_at_one_moment_are_stopped_by_the_stage_change_guard() {
    let doc = json("tests/portfolio/loop_enter.journey", &[]);
    // 甲's first entry and 32 re-entries into `a` at one moment are allowed; the 33rd
    // re-entry (34th entry) stops the user there. 乙 was entered after each of 甲's
    // first 33 entries and left by its own `exit` each time.
    let (a, b) = (journey(&doc, "甲"), journey(&doc, "乙"));
    assert_eq!(count(&a["entered"]), 340);
    assert_eq!(count(&a["stopped"]), 10);
    assert_eq!(
        a["loops"],
        serde_json::json!([{"stages": ["a"], "users": 10}])
    );
    assert_eq!(
        exit_reasons(&doc, "甲", 0),
        &serde_json::json!({"exit": 330, "rule loop": 10})
    );
    assert_eq!(count(&b["entered"]), 330);
    assert_eq!(count(&b["stopped"]), 0);
    assert_eq!(
        exit_reasons(&doc, "乙", 0),
        &serde_json::json!({"exit": 330})
    );
}

#[test]
fn in_stage_reads_the_stage_of_the_journey_it_is_written_in() {
    let doc = json("tests/portfolio/stages.journey", &[]);
    // 10 users: 快 in 二 at 02:00 on all 3 days, 慢 only on the last 2 (it reaches 二
    // at 03:00 on the first). Read from the first journey's state, 慢 would send 30.
    let sms = touchpoint(&doc, "sms");
    assert_eq!(sms["by_journey"], serde_json::json!({"快": 30, "慢": 20}));
}

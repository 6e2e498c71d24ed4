//! Named splits and version-2 goals (language v2 §3, §8, §11.7, §11.14) end to end:
//! goal windows `from stage`, their denominators, `when` goals reached at the window's
//! start or by time alone, `EVENT if COND` against a field distribution, the stability
//! of a named split's arms, the plan and report shapes, and the errors.

#[path = "support/sim.rs"]
mod sim;
use journey::{check, compile, render_human, trace, HumanStyle, Lang, SimulateOptions, SourceFile};
use sim::{near, simulate};
use std::process::Command;

const DECLS: &str = "tag persona: enum { 白领, 宝妈 }\nevent 注册\n\
                     event 下单 { 金额: number }\ntouchpoint wecom { channel wecom }\n";

/// A population of `size` users who each sign up once in the first day, with half of
/// them 白领 and the `behaviors` given.
fn population(size: u32, behaviors: &str) -> String {
    format!(
        "population p {{\n  size {size}\n  start 2026-03-01\n  days 20\n  arrivals 注册 over 1d\n  \
         tag persona: 白领 50%, 宝妈 50%\n{behaviors}}}\n"
    )
}

fn u(v: &serde_json::Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))
}

fn goal<'a>(report: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    let goals = report["journeys"][0]["goals"].as_array().unwrap();
    goals.iter().find(|g| g["name"] == name).unwrap()
}

fn stage_users(report: &serde_json::Value, name: &str) -> u64 {
    let stages = report["journeys"][0]["stages"].as_array().unwrap();
    u(&stages.iter().find(|s| s["name"] == name).unwrap()["users"])
}

/// Users in the goal's denominator and those who reached it, both groups together.
fn counts(report: &serde_json::Value, name: &str) -> (u64, u64) {
    let g = goal(report, name);
    let (t, h) = (&g["treatment"], &g["holdout"]);
    (
        u(&t["users"]) + u(&h["users"]),
        u(&t["reached"]) + u(&h["reached"]),
    )
}

#[test]
fn a_from_stage_goal_counts_only_the_users_who_entered_the_stage() {
    // 白领 move to b after exactly 1 day; no one else does. In b, `when persona == 白领`
    // holds at once (reached at the window's start); `when in stage c within 1d` is
    // reached on the boundary (b -> c after exactly 1d: the window includes its end),
    // `within 23h` is not; a goal without `from` counts every entrant.
    let text = format!(
        "{DECLS}journey j {{\n  timezone \"UTC\"\n  entry on 注册\n  \
         goal 白领: when persona == 白领 within 1d from stage b\n  \
         goal 到c: when in stage c within 1d from stage b\n  \
         goal 太短: when in stage c within 23h from stage b\n  \
         goal 全体: when persona == 白领\n  holdout 10%\n  \
         stage a {{ after 1d if persona == 白领 -> b }}\n  \
         stage b {{ after 1d -> c }}\n  stage c {{ }}\n}}\n{}",
        population(2000, "")
    );
    let report = simulate(&text, "goals-from");
    let (entered, in_b) = (
        u(&report["journeys"][0]["users"]),
        stage_users(&report, "b"),
    );
    assert!(0 < in_b && in_b < entered, "{in_b} of {entered} entered b");
    assert_eq!(counts(&report, "白领"), (in_b, in_b));
    assert_eq!(counts(&report, "到c"), (in_b, in_b));
    assert_eq!(counts(&report, "太短"), (in_b, 0));
    assert_eq!(counts(&report, "全体"), (entered, in_b));
    assert_eq!(goal(&report, "白领")["from"], "b");
    assert_eq!(goal(&report, "全体")["from"], serde_json::Value::Null);
    // holdout users are in the denominator of their own group
    let g = goal(&report, "白领");
    assert!(u(&g["holdout"]["users"]) > 0);
    assert_eq!(g["holdout"]["users"], g["holdout"]["reached"]);
}

#[test]
fn re_entering_the_from_stage_does_not_restart_the_window() {
    // a -> b at once, b -> a -> b every 12 hours: b is entered again and again, but
    // the window opened at the first entry and its 1d ends before the order at 30h
    let text = format!(
        "{DECLS}journey j {{\n  timezone \"UTC\"\n  entry on 注册\n  \
         goal 下单: 下单 within 1d from stage b\n  \
         stage a {{ on enter -> b }}\n  stage b {{ after 12h -> a }}\n}}\n{}",
        population(1, "")
    );
    let file = SourceFile::new("t.journey", text.clone());
    let model = check(&text).model.expect("checks clean");
    let timeline = trace(&file, &model, &SimulateOptions::default(), 0).unwrap();
    assert!(timeline.matches("stage a → b").count() > 10, "{timeline}");
    assert_eq!(
        timeline.matches("its window opens").count(),
        1,
        "{timeline}"
    );
}

#[test]
fn a_time_driven_when_goal_is_reached_exactly_when_time_makes_it_true() {
    // the sign-up is each user's only event: `inactive 2d` turns true exactly 2 days
    // after entry, on the last second of a 2d window and after a 47h one
    let text = format!(
        "{DECLS}journey j {{\n  timezone \"UTC\"\n  entry on 注册\n  \
         goal 沉默: when inactive 2d within 2d\n  goal 太早: when inactive 2d within 47h\n  \
         stage a {{ }}\n}}\n{}",
        population(300, "")
    );
    let report = simulate(&text, "goals-inactive");
    assert_eq!(counts(&report, "沉默"), (300, 300));
    assert_eq!(counts(&report, "太早"), (300, 0));
    let file = SourceFile::new("t.journey", text.clone());
    let model = check(&text).model.unwrap();
    let timeline = trace(&file, &model, &SimulateOptions::default(), 0).unwrap();
    let entered = timeline
        .lines()
        .find(|l| l.contains("enters journey"))
        .unwrap();
    let reached = timeline
        .lines()
        .find(|l| l.contains("goal 沉默 reached"))
        .unwrap();
    // the timestamps are `YYYY-MM-DD HH:MM:SS`: the same clock, two days later
    assert_eq!(entered[11..19], reached[11..19], "{timeline}");
    assert_ne!(entered[..10], reached[..10], "{timeline}");
}

#[test]
fn an_event_goal_from_a_stage_counts_the_passing_events_in_its_window() {
    // orders at 100% a day, a quarter of them >= 300: a Poisson process of 0.25/day.
    // The window opens on entering b, 1 day after the journey entry, and lasts 2
    // days: 1 − e^(−0.5) of b's users (from the entry it would be 1 − e^(−0.75))
    let text = format!(
        "{DECLS}journey j {{\n  timezone \"UTC\"\n  entry on 注册\n  \
         goal 大单: 下单 if 下单.金额 >= 300 within 2d from stage b\n  \
         stage a {{ after 1d -> b }}\n  stage b {{ }}\n}}\n{}",
        population(
            40000,
            "  behavior 下单 {\n    rate 100% per day\n    金额: uniform 0..400\n  }\n"
        )
    );
    let report = simulate(&text, "goals-event");
    let (users, reached) = counts(&report, "大单");
    assert_eq!(users, stage_users(&report, "b"));
    near(
        reached as f64 / users as f64,
        users as f64,
        1.0 - (-0.5f64).exp(),
    );
}

/// The arms of user `user` in the order the trace gives them.
fn arms(text: &str, user: u64) -> Vec<String> {
    let file = SourceFile::new("t.journey", text);
    let model = check(text).model.expect("checks clean");
    let timeline = trace(&file, &model, &SimulateOptions::default(), user).unwrap();
    (timeline.lines())
        .filter_map(|l| {
            l.split_once("split: arm ")
                .map(|(_, arm)| arm.trim().to_string())
        })
        .collect()
}

#[test]
fn a_named_split_keeps_every_users_arm_when_a_split_is_added_before_it() {
    let journey = |before: &str| {
        format!(
            "{DECLS}journey j {{\n  timezone \"UTC\"\n  entry on 注册\n  stage a {{\n{before}    \
             after 1d: split 券型实验 {{ 50% A: send wecom \"a\"  50% B: send wecom \"b\" }}\n    \
             after 2d: split {{ 50% X: send wecom \"x\"  50% Y: send wecom \"y\" }}\n  }}\n}}\n{}",
            population(60, "")
        )
    };
    let plain = journey("");
    let added =
        journey("    after 1h: split { 50% P: send wecom \"p\"  50% Q: send wecom \"q\" }\n");
    let mut unnamed_moved = 0;
    for user in 0..60 {
        let (old, new) = (arms(&plain, user), arms(&added, user));
        assert_eq!(old.len(), 2, "user {user}: {old:?}");
        assert_eq!(new.len(), 3, "user {user}: {new:?}");
        assert_eq!(old[0], new[1], "user {user}: the named split's arm");
        unnamed_moved += (old[1] != new[2]) as u32;
    }
    // the unnamed split's position moved, and with it about half of its users
    assert!(
        unnamed_moved > 10,
        "{unnamed_moved} of 60 users changed arm"
    );
}

#[test]
fn the_documented_named_split_draw_is_the_simulators() {
    // docs/plan.md §10.9: journey 美妆新客, split 券型实验, seed 0 → B, A, A, B
    let text = format!(
        "{DECLS}journey 美妆新客 {{\n  timezone \"UTC\"\n  entry on 注册\n  stage a {{\n    \
         on enter: split 券型实验 {{ 50% A: send wecom \"a\"  50% B: send wecom \"b\" }}\n  }}\n}}\n{}",
        population(4, "")
    );
    let got: Vec<String> = (0..4).flat_map(|user| arms(&text, user)).collect();
    assert_eq!(got, ["B", "A", "A", "B"]);
}

#[test]
fn the_plan_and_report_name_splits_and_carry_goal_windows() {
    let text = format!(
        "{DECLS}journey j {{\n  timezone \"UTC\"\n  entry on 注册\n  \
         goal 复购: when count(下单) >= 2 within 60d from stage b\n  \
         stage a {{\n    after 1d: split 券型实验 {{ 50% A: goto b  50% B: goto b }}\n  }}\n  \
         stage b {{\n    after 1d: split {{ 50% X: exit  50% Y: exit }}\n    \
         after 2d: split {{ 50% X: exit  50% Y: exit }}\n  }}\n}}\n{}",
        population(100, "")
    );
    let file = SourceFile::new("t.journey", text.clone());
    let model = check(&text).model.expect("checks clean");
    let plan: serde_json::Value =
        serde_json::from_str(&compile(&file, &model, None).unwrap().to_json()).unwrap();
    let j = &plan["journeys"][0];
    let goal = &j["goals"][0];
    assert_eq!(goal["from_stage"], "b");
    assert_eq!(goal.get("event"), None, "a `when` goal has no event");
    assert_eq!(goal["condition"]["op"], "compare");
    let split = &j["stages"][0]["rules"][0]["then"]["actions"][0];
    assert_eq!(split["name"], "券型实验");
    let unnamed = &j["stages"][1]["rules"][0]["then"]["actions"][0];
    assert_eq!(unnamed.get("name"), None);

    let report = simulate(&text, "goals-names");
    let names: Vec<&str> = (report["journeys"][0]["splits"].as_array().unwrap().iter())
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["券型实验", "b#1", "b#2"]);
}

/// `text`'s errors as `journey check` prints them.
fn human(text: &str) -> String {
    let file = SourceFile::new("goals.journey", text);
    let style = HumanStyle {
        lang: Lang::En,
        ..HumanStyle::PLAIN
    };
    let mut errors = check(text).diagnostics;
    errors.retain(|d| d.is_error());
    render_human(&file, &errors, style)
}

#[test]
fn a_split_name_used_twice_is_an_error_at_both() {
    let text = format!(
        "{DECLS}journey j {{\n  entry on 注册\n  timezone \"UTC\"\n  stage a {{\n    \
         after 1d: split 券型实验 {{ 50% A: exit  50% B: exit }}\n  }}\n  stage b {{\n    \
         after 1d: split 券型实验 {{ 50% A: exit  50% B: exit }}\n  }}\n}}\n"
    );
    insta::assert_snapshot!(human(&text));
}

#[test]
fn an_unknown_from_stage_suggests_the_nearest() {
    let text = format!(
        "{DECLS}journey j {{\n  entry on 注册\n  timezone \"UTC\"\n  \
         goal 复购: when count(下单) >= 2 within 60d from stage 新课\n  \
         stage 新客 {{ }}\n}}\n"
    );
    insta::assert_snapshot!(human(&text));
}

#[test]
fn a_when_goal_cannot_read_an_event_field() {
    let text = format!(
        "{DECLS}journey j {{\n  entry on 注册\n  timezone \"UTC\"\n  \
         goal 大单: when 下单.金额 >= 300 within 60d\n  stage a {{ }}\n}}\n"
    );
    insta::assert_snapshot!(human(&text));
}

#[test]
fn an_event_goal_cannot_read_another_events_field() {
    let text = format!(
        "{DECLS}journey j {{\n  entry on 注册\n  timezone \"UTC\"\n  \
         goal 大单: 注册 if 下单.金额 >= 300 within 60d\n  stage a {{ }}\n}}\n"
    );
    insta::assert_snapshot!(human(&text));
}

#[test]
fn the_persona_welcome_report_says_which_goals_count_a_stages_users() {
    // (tests/examples.rs and tests/fmt_cli.rs check every example clean and formatted)
    let out = Command::new(env!("CARGO_BIN_EXE_journey"))
        .args([
            "simulate",
            "examples/persona_welcome.journey",
            "--users",
            "200",
        ])
        .env("JOURNEY_LANG", "en")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    let note = "复购: its window opens at the first entry into 已购, and its users are those who entered it.";
    assert!(table.contains(note), "{table}");
}

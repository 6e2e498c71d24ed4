//! Language version 2, journey-wide rules (language-v2.md §3, §11.3, §11.6, §11.10):
//! rules in the journey body, outside any stage, through the checker, the lints, the
//! plan, `journey graph`, the simulator, the trace and `fmt`.

use journey::{
    check, compile, format, graph, simulate, trace, words, Code, GraphFormat, Lang,
    SimulateOptions, SourceFile,
};

const DECLS: &str = "\
tag vip: bool
event 入群
event 下单
event 投诉
touchpoint 社群 { channel group  broadcast }
touchpoint wecom { channel wecom  limit 2 per day }
team 客服 { capacity 10 per day }
";

const POPULATION: &str = "
population p {
  size 1_000
  start 2026-03-02 09:00
  days 14
  arrivals 入群 over 1m
}
";

/// A journey of `body` (journey-wide rules and stages) after the declarations, and the
/// population: every user arrives in the first minute of Monday 2026-03-02 09:00.
fn file(body: &str) -> String {
    format!(
        "{DECLS}journey 社群周历 {{\n  timezone \"Asia/Shanghai\"\n  entry on 入群\n  goal 首单: 下单 within 30d\n{body}\n}}\n{POPULATION}"
    )
}

/// Each diagnostic's code, the text at its first label and its help in English; but
/// for unused declarations and goals no population produces (J0401, J0414: the
/// fixtures share declarations and a population without behaviours).
fn diagnostics(text: &str) -> Vec<(Code, String, String)> {
    let ignored = [code("J0401"), code("J0414")];
    check(text)
        .diagnostics
        .iter()
        .filter(|d| !ignored.contains(&d.code))
        .map(|d| {
            let span = d.labels[0].span;
            let help = d.help.as_deref().map(|h| words(h, Lang::En));
            (
                d.code,
                text[span.start..span.end].to_string(),
                help.unwrap_or_default(),
            )
        })
        .collect()
}

fn code(text: &str) -> Code {
    Code::parse(text).unwrap()
}

#[test]
fn stage_triggers_in_the_journey_body_are_errors_that_name_the_stages() {
    let stages = "  stage 群成员 { after 7d -> KOC }\n  stage KOC { }";
    for (rule, spanned) in [
        ("on enter: send wecom \"hi\"", "on enter"),
        ("on exit: send wecom \"bye\"", "on exit"),
        ("after 1d: send wecom \"t1\"", "after 1d"),
        ("after 1d at 20:00 -> KOC", "after 1d"),
    ] {
        let text = file(&format!("  {rule}\n{stages}"));
        assert_eq!(
            diagnostics(&text),
            [(
                code("J0340"),
                spanned.to_string(),
                "move this rule into the stage it belongs to, `群成员` or `KOC`; journey-wide \
                 rules start with `on EVENT`, `when`, `every` or `on DATE`"
                    .to_string()
            )],
            "{rule}"
        );
    }
}

#[test]
fn names_in_journey_wide_rules_are_resolved_with_suggestions() {
    let text = file("  on 投诉 -> 客诉处里\n  stage 群成员 { }\n  stage 客诉处理 { }");
    let found = diagnostics(&text);
    assert_eq!(
        found[0],
        (
            code("J0106"),
            "客诉处里".to_string(),
            "did you mean `客诉处理`?".to_string()
        )
    );
    // the misspelt transition leads nowhere, so 客诉处理 is not reached
    assert_eq!(found[1].0, code("J0403"));
    assert_eq!(found.len(), 2);
    let text = file("  every mon at 20:00: send 社裙 \"x\"\n  stage 群成员 { }");
    assert_eq!(diagnostics(&text)[0].0, code("J0103"));
}

#[test]
fn the_good_journey_wide_triggers_check_clean() {
    let text = file(
        "  every mon, wed, fri at 20:00: send 社群 \"周历\"\n  every month on last at 10:00: send 社群 \"月底\"\n  on 2026-03-08 at 10:00: send 社群 \"女神节\"\n  on 下单 unless vip: tag vip\n  when vip -> 会员\n  stage 群成员 { }\n  stage 会员 { }",
    );
    assert_eq!(diagnostics(&text), []);
}

#[test]
fn a_stage_reached_only_by_a_journey_wide_transition_is_reachable_and_no_stage_is_a_dead_end() {
    // without goals, a stage with no way out is a dead end (J0404): the journey-wide
    // `exit` is a way out of every stage; 客诉处理 is reached only from the journey body
    let body = "  on 投诉 -> 客诉处理\n  stage 群成员 { on enter: send wecom \"hi\" }\n  stage 客诉处理 { on enter: task 客服 \"回访\" }";
    let text = file(body).replace("  goal 首单: 下单 within 30d\n", "  exit on 下单\n");
    assert_eq!(diagnostics(&text), []);
    // the same stages without the journey-wide rule
    let text = file("  stage 群成员 { on enter: send wecom \"hi\" }\n  stage 客诉处理 { }")
        .replace("  goal 首单: 下单 within 30d\n", "");
    let codes: Vec<Code> = diagnostics(&text).into_iter().map(|d| d.0).collect();
    assert_eq!(codes, [code("J0404"), code("J0403"), code("J0404")]);
}

#[test]
fn the_over_limit_lint_counts_a_journey_wide_send_in_every_stage() {
    // wecom allows 2 a day: the stage's own two Monday sends plus the journey-wide one
    let text = file(
        "  every mon at 20:00: send wecom \"周历\"\n  stage 群成员 {\n    every mon at 10:00: send wecom \"a\"\n    every mon at 12:00: send wecom \"b\"\n  }",
    );
    let found = diagnostics(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, code("J0409"));
    assert_eq!(found[0].1, "send wecom \"周历\"");
    // journey-wide sends alone over the cap: the same in every stage, reported once
    let text = file(
        "  every mon at 10:00: send wecom \"1\"\n  every mon at 11:00: send wecom \"2\"\n  every mon at 12:00: send wecom \"3\"\n  stage 群成员 { after 1d -> KOC }\n  stage KOC { }",
    );
    let found = diagnostics(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0, found[0].1.as_str()),
        (code("J0409"), "send wecom \"3\"")
    );
    // one stage send and the journey-wide one fit
    let text = file(
        "  every mon at 20:00: send wecom \"周历\"\n  stage 群成员 { every mon at 10:00: send wecom \"a\" }",
    );
    assert_eq!(diagnostics(&text), []);
}

#[test]
fn quiet_clashes_and_empty_split_arms_are_found_in_journey_wide_rules() {
    let quiet = DECLS.replace("limit 2 per day }", "limit 2 per day  quiet 22:00..08:00 }");
    let text = file("  every mon at 23:00: send wecom \"late\"\n  stage 群成员 { }")
        .replacen(DECLS, &quiet, 1);
    let found = diagnostics(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1.as_str()), (code("J0410"), "23:00"));
    let text = file(
        "  on 下单: split {\n    0% A: send wecom \"a\"\n    100% B: send wecom \"b\"\n  }\n  stage 群成员 { }",
    );
    let found = diagnostics(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1.as_str()), (code("J0411"), "0%"));
}

#[test]
fn a_journey_wide_when_transition_is_not_a_rule_loop() {
    // it is not armed again by entering 会员, so it cannot go round (J0415)
    let text = file("  when vip -> 会员\n  stage 群成员 { }\n  stage 会员 { }");
    assert_eq!(diagnostics(&text), []);
}

const CALENDAR: &str = "  every mon, wed, fri at 20:00: send 社群 \"周历\"
  on 投诉 -> 客诉处理
  stage 群成员 { after 3d -> 老成员 }
  stage 老成员 { after 4d: exit \"毕业\" }
  stage 客诉处理 { on enter: split { 50% A: send wecom \"道歉\" 50% B: task 客服 \"回访\" } }";

#[test]
fn the_plan_lists_journey_wide_rules_in_the_journey() {
    let text = file(CALENDAR);
    let model = check(&text).model.expect("checks clean");
    let plan = compile(&SourceFile::new("t.journey", &text), &model, None).unwrap();
    insta::assert_snapshot!("jwide_plan_journey", {
        let json: serde_json::Value = serde_json::from_str(&plan.to_json()).unwrap();
        serde_json::to_string_pretty(&json["journeys"][0]["rules"]).unwrap()
    });
    // a journey without them has no `rules` key: version-1-shaped plans stay as they were
    let text = file("  stage 群成员 { }");
    let model = check(&text).model.unwrap();
    let plan = compile(&SourceFile::new("t.journey", &text), &model, None).unwrap();
    let json: serde_json::Value = serde_json::from_str(&plan.to_json()).unwrap();
    assert!(json["journeys"][0].get("rules").is_none());
}

#[test]
fn the_graph_draws_journey_wide_transitions_from_any_stage() {
    let text = file(CALENDAR);
    let model = check(&text).model.unwrap();
    let plan = compile(&SourceFile::new("t.journey", &text), &model, None).unwrap();
    let mermaid = graph(&plan.journeys[0], &model, GraphFormat::Mermaid);
    assert!(mermaid.contains("anywhere{{\"any stage\"}}"), "{mermaid}");
    assert!(
        mermaid.contains("anywhere -.->|\"on 投诉\"| s2"),
        "{mermaid}"
    );
}

/// A run of 1,000 users, all arriving on Monday 09:00.
fn run(text: &str) -> journey::Report {
    let model = check(text).model.expect("checks clean");
    let options = SimulateOptions::default();
    simulate(&SourceFile::new("t.journey", text), &model, &options).unwrap()
}

#[test]
fn the_journey_wide_calendar_reaches_every_stage_and_ends_with_the_journey() {
    // Mon 20:00 and Wed 20:00 in 群成员, Fri 20:00 in 老成员; the exit on Monday
    // 09:00 of the next week comes before that Monday's 20:00
    let r = run(&file(CALENDAR));
    let group = &r.touchpoints[0];
    assert_eq!(group.name, "社群");
    assert_eq!(group.sent, 3 * 1_000);
    assert_eq!(group.posts, Some(3));
    let stages: Vec<(String, u64)> = (r.journeys[0].stages.iter())
        .map(|s| (s.name.clone(), s.entered))
        .collect();
    assert_eq!(
        stages,
        [
            ("群成员".to_string(), 1_000),
            ("老成员".to_string(), 1_000),
            ("客诉处理".to_string(), 0)
        ]
    );
}

#[test]
fn the_trace_names_journey_wide_rules() {
    let text = file(CALENDAR);
    let model = check(&text).model.unwrap();
    let options = SimulateOptions::default();
    let t = trace(&SourceFile::new("t.journey", &text), &model, &options, 0).unwrap();
    assert!(
        t.contains(
            "journey-wide: `every mon, wed, fri at 20:00: send 社群 \"周历\"` (line 12) fired"
        ),
        "{t}"
    );
    assert!(
        t.contains("journey-wide: `every mon, wed, fri at 20:00: send 社群 \"周历\"` (line 12) skipped: cancelled, the user left the journey"),
        "{t}"
    );
}

#[test]
fn fmt_keeps_journey_wide_rules_in_place_with_their_comments() {
    let messy = format!(
        "{DECLS}journey j {{ timezone \"UTC\" entry on 入群 goal g: 下单 within 1d\n# 周历\nevery mon,wed at 20:00:send 社群 \"x\"   on 投诉->b # 客诉\nstage a {{}} stage b {{}} }}\n"
    );
    let formatted = format(&messy).unwrap();
    let journey = &formatted[formatted.find("journey j").unwrap()..];
    assert_eq!(
        journey,
        "journey j {\n  timezone \"UTC\"\n  entry on 入群\n  goal g: 下单 within 1d\n  # 周历\n  every mon, wed at 20:00: send 社群 \"x\"\n  on 投诉 -> b  # 客诉\n\n  stage a {}\n\n  stage b {}\n}\n"
    );
    assert_eq!(format(&formatted).unwrap(), formatted);
}

#[test]
fn journey_wide_date_rules_and_named_splits_are_checked_like_a_stages() {
    // an `on DATE` before the population's start never fires (J0440), journey-wide too
    let text =
        file("  on 2026-03-01 at 20:00: send 社群 \"开营\"\n  stage 群成员 { after 1d: tag vip }");
    let found = diagnostics(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, code("J0440"));
    assert_eq!(found[0].1, "on 2026-03-01 at 20:00");
    // a split name is unique in its journey, journey-wide rules included (J0108)
    let text = file(
        "  on 下单: split 券型实验 { 50% A: tag vip  50% B: tag vip }\n  stage 群成员 {\n    after 1d: split 券型实验 { 50% A: tag vip  50% B: tag vip }\n  }",
    );
    let codes: Vec<_> = diagnostics(&text).into_iter().map(|d| d.0).collect();
    assert_eq!(codes, [code("J0108")]);
}

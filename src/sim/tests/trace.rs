//! The `--trace` timeline in words, in both languages: what a false guard read, which
//! limit capped a send, the user's group, a rule's actions under it.

use super::with_run;
use crate::i18n::Lang;

/// One journey of each case; every user arrives at 09:00 on Monday 2026-03-02.
const SRC: &str = r#"
event signup
event click
tag persona: enum { 白领, 宝妈 }
tag vip: bool
touchpoint wecom { channel wecom limit 2 per day quiet 22:00..08:00 }
touchpoint sms { channel sms }
team 销售 { capacity 40 per day }
journey j {
  timezone "Asia/Shanghai"
  entry on signup
  HOLDOUT
  limit 3 per day
  stage a {
    on enter: {
      send wecom "one"
      send wecom "two"
      send wecom "three"
      tag vip = true
    }
    after 1h: { send sms "four" send sms "five" }
    after 2h if persona == 白领: send sms "white_collar"
    after 3h if count(click, 1d) >= 2 and vip: task 销售 "call back"
    after 4h unless vip: send sms "not_vip"
    after 5h: task 销售 "call back"
    after 14h: send wecom "at_night"
  }
}
population p {
  size 10
  start 2026-03-02 09:00
  days 2
  arrivals signup over 1m
  tag persona: 宝妈 100%
}
"#;

/// User 0's timeline in `lang`, with `holdout` as the journey's holdout line.
fn trace(holdout: &str, lang: Lang) -> String {
    with_run(&SRC.replace("HOLDOUT", holdout), 0, |run| {
        run.trace(0, lang, &[])
    })
}

/// The first line of `text` that contains `words`.
fn line_with<'t>(text: &'t str, words: &str) -> &'t str {
    (text.lines().find(|l| l.contains(words)))
        .unwrap_or_else(|| panic!("no line with `{words}` in\n{text}"))
}

#[test]
fn a_false_guard_names_the_values_it_read() {
    let en = trace("", Lang::En);
    assert!(
        line_with(&en, "white_collar")
            .ends_with("(line 22) skipped: guard is false (persona = 宝妈, needs persona == 白领)"),
        "{en}"
    );
    assert!(
        line_with(&en, "(line 23)").ends_with(
            "skipped: guard is false (count(click, 1d) = 0, vip = true, \
             needs count(click, 1d) >= 2 and vip)"
        ),
        "{en}"
    );
    assert!(
        line_with(&en, "not_vip")
            .ends_with("skipped: guard is false (vip = true, needs vip to be false)"),
        "{en}"
    );
    let zh = trace("", Lang::Zh);
    assert!(
        line_with(&zh, "white_collar")
            .ends_with("（第 22 行）跳过：条件不成立（persona = 宝妈，需要 persona == 白领）"),
        "{zh}"
    );
    assert!(
        line_with(&zh, "not_vip").ends_with("条件不成立（vip = true，需要 vip 不成立）"),
        "{zh}"
    );
}

#[test]
fn a_capped_send_names_the_limit_and_what_was_sent() {
    let en = trace("", Lang::En);
    assert!(
        line_with(&en, "send wecom \"three\"").ends_with(
            "send wecom \"three\": capped by wecom's `limit 2 per day` (2 already sent today)"
        ),
        "{en}"
    );
    assert!(
        line_with(&en, "\"five\":").ends_with(
            "send sms \"five\": capped by the journey's `limit 3 per day` (3 already sent today)"
        ),
        "{en}"
    );
    let zh = trace("", Lang::Zh);
    assert!(
        line_with(&zh, "send wecom \"three\"")
            .ends_with("：被 wecom 的 `limit 2 per day` 拦下（今天已发 2 条）"),
        "{zh}"
    );
    assert!(
        line_with(&zh, "\"five\"：")
            .ends_with("：被旅程的 `limit 3 per day` 拦下（今天已发 3 条）"),
        "{zh}"
    );
}

#[test]
fn a_deferred_send_names_the_quiet_window() {
    let en = trace("", Lang::En);
    assert!(
        line_with(&en, "\"at_night\": deferred").ends_with(
            "send wecom \"at_night\": deferred by the quiet window `quiet 22:00..08:00` \
             to 2026-03-03 08:00:00 Tue"
        ),
        "{en}"
    );
}

#[test]
fn timestamps_carry_the_weekday_in_the_readers_language() {
    assert!(trace("", Lang::En).starts_with("2026-03-02 09:00:00 Mon  tags drawn: "));
    assert!(trace("", Lang::Zh).starts_with("2026-03-02 09:00:00 周一  抽取的标签："));
}

#[test]
fn the_first_lines_say_the_users_group() {
    let treatment = trace("", Lang::En);
    assert_eq!(
        treatment.lines().nth(1),
        Some(
            "2026-03-02 09:00:00 Mon  group: treatment (the holdout is 0% of users): sends go out"
        )
    );
    let holdout = trace("holdout 100%", Lang::En);
    assert!(
        holdout.lines().nth(1).unwrap().ends_with(
            "group: holdout (100% of users): every send is suppressed, no task is created and \
             no split arm is taken"
        ),
        "{holdout}"
    );
    assert!(line_with(&holdout, "\"one\"").ends_with(": suppressed (holdout)"));
    let zh = trace("holdout 100%", Lang::Zh);
    assert!(zh.lines().nth(1).unwrap().contains("分组：对照组"), "{zh}");
}

#[test]
fn a_block_rule_shows_its_head_then_its_actions_indented_under_it() {
    let en = trace("", Lang::En);
    let lines: Vec<&str> = en.lines().collect();
    let head = (lines.iter())
        .position(|l| l.ends_with("a: `on enter:` (line 15) fired"))
        .unwrap_or_else(|| panic!("{en}"));
    let after = |i: usize| lines[head + i].split_once("  ").unwrap().1;
    assert_eq!(after(1), "  send wecom \"one\": sent");
    assert_eq!(after(2), "  send wecom \"two\": sent");
    assert!(after(3).starts_with("  send wecom \"three\": capped"));
    assert_eq!(after(4), "  tag vip = true");
    // the next rule is back at the left
    assert!(!after(5).starts_with(' '), "{en}");
}

#[test]
fn a_task_names_its_text_its_team_and_the_teams_pace() {
    let en = trace("", Lang::En);
    assert!(
        line_with(&en, "task for").ends_with(
            "task for 销售: \"call back\" (joins the team's queue today; 销售 does 40 a day, \
             oldest first; the report's team table shows the backlog)"
        ),
        "{en}"
    );
    let zh = trace("", Lang::Zh);
    assert!(
        line_with(&zh, "任务交给")
            .contains("任务交给 销售：\"call back\"（今天进入团队队列；销售 每天处理 40 条"),
        "{zh}"
    );
}

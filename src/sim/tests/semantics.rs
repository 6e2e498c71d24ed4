//! Exact tests of the simulator's semantics (docs/language.md §11).

use super::{assert_proportion, notes, simulate, with_run, DECLS};
use crate::sim::loops::LoopGuard;
use crate::sim::trace::{Note, SendOutcome, Skip};
use crate::sim::DAY;
use crate::Report;

/// A journey in `tz` with `stages`, on `users` users all arriving in the first minute
/// after `start`.
pub(super) fn source(tz: &str, settings: &str, stages: &str, start: &str, days: u32) -> String {
    format!(
        "{DECLS}
touchpoint sms {{
  channel sms
  limit 2 per day
  limit 3 per week
  quiet 22:00..08:00
}}
journey j {{
  timezone \"{tz}\"
  entry on signup
{settings}
{stages}
}}
population p {{
  size 100
  start {start}
  days {days}
  arrivals signup over 1m
}}"
    )
}

/// `(local time, template, outcome)` of every send note.
pub(super) fn sends(src: &str) -> Vec<(String, String, SendOutcome)> {
    let templates = with_run(src, 0, |run| {
        run.prog
            .templates
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
    });
    notes(src, 0)
        .into_iter()
        .filter_map(|(at, _, n)| match n {
            Note::Send {
                template, outcome, ..
            } => Some((at, templates[template as usize].clone(), outcome)),
            _ => None,
        })
        .collect()
}

#[test]
fn sends_over_a_touchpoint_limit_are_capped_exactly() {
    // 5 sends at 10:00 each day for 7 days: 2 a day, and 3 a week
    let src = source(
        "Asia/Shanghai",
        "",
        "  stage a { every daily at 10:00: { send sms \"1\" send sms \"2\" send sms \"3\" send sms \"4\" send sms \"5\" } }",
        "2026-03-02 09:00", // a Monday
        7,
    );
    let r = simulate(&src, 100, 0, 2);
    let sms = &r.touchpoints[1];
    assert_eq!(sms.name, "sms");
    assert_eq!(sms.sent, 3 * 100);
    assert_eq!(sms.capped, (35 - 3) * 100);
    let daily: Vec<u64> = r.daily.iter().map(|d| d.sends.0[1].1).collect();
    assert_eq!(daily, vec![200, 100, 0, 0, 0, 0, 0, 0]);
}

#[test]
fn journey_limit_caps_across_touchpoints() {
    let src = source(
        "Asia/Shanghai",
        "  limit 1 per day",
        "  stage a { on enter: { send wecom \"1\" send sms \"2\" } }",
        "2026-03-02 09:00",
        2,
    );
    let r = simulate(&src, 100, 0, 1);
    assert_eq!((r.touchpoints[0].sent, r.touchpoints[1].capped), (100, 100));
}

#[test]
fn a_send_in_the_quiet_window_is_deferred_to_its_end_exactly() {
    let src = source(
        "Asia/Shanghai",
        "",
        "  stage a {\n    on enter: send sms \"night\"\n    after 1h: send sms \"later\"\n    after 10h: send sms \"at_end\"\n  }",
        "2026-03-02 22:30",
        3,
    );
    let s = sends(&src);
    // entry at 22:30:xx: both deferred to 08:00; the 10h one is due at 08:30 (outside)
    assert_eq!(s[0].1, "night");
    assert!(matches!(s[0].2, SendOutcome::Deferred { .. }));
    assert_eq!(s[1].1, "later");
    assert!(matches!(s[1].2, SendOutcome::Deferred { .. }));
    assert_eq!(
        (&s[2].0[..], &s[2].1[..], s[2].2),
        ("2026-03-03 08:00:00", "night", SendOutcome::Sent)
    );
    assert_eq!(
        (&s[3].0[..], &s[3].1[..], s[3].2),
        ("2026-03-03 08:00:00", "later", SendOutcome::Sent)
    );
    // the third sms that day is over `limit 2 per day`, the touchpoint's (counters 3..)
    assert_eq!(s[4].1, "at_end");
    assert!(
        matches!(s[4].2, SendOutcome::Capped { cap, sent: 2 } if cap.max == 2 && cap.period == 0 && cap.counter >= 3),
        "{:?}",
        s[4].2
    );
    let r = simulate(&src, 100, 0, 1);
    assert_eq!(r.touchpoints[1].deferred, 200);
    assert_eq!(r.touchpoints[1].sent, 200);
    assert_eq!(r.touchpoints[1].capped, 100);
}

#[test]
fn a_send_due_exactly_at_the_window_end_is_not_deferred() {
    let src = source(
        "Asia/Shanghai",
        "",
        "  stage a { on enter at 08:00: send sms \"x\" }",
        "2026-03-02 07:00",
        2,
    );
    let s = sends(&src);
    assert_eq!(s.len(), 1);
    assert_eq!(
        s[0],
        ("2026-03-02 08:00:00".into(), "x".into(), SendOutcome::Sent)
    );
}

#[test]
fn every_mon_wed_fri_fires_on_exactly_those_days() {
    let src = source(
        "Asia/Shanghai",
        "",
        "  stage a { every mon, wed, fri at 20:00: send wecom \"seeding\" }",
        "2026-03-02 09:00", // Monday
        14,
    );
    let times: Vec<String> = sends(&src).into_iter().map(|s| s.0).collect();
    assert_eq!(
        times,
        [
            "2026-03-02",
            "2026-03-04",
            "2026-03-06",
            "2026-03-09",
            "2026-03-11",
            "2026-03-13"
        ]
        .map(|d| format!("{d} 20:00:00"))
    );
}

#[test]
fn every_without_a_clock_fires_at_midnight() {
    let src = source(
        "Asia/Shanghai",
        "",
        "  stage a { every weekend: send wecom \"w\" }",
        "2026-03-02 09:00",
        8,
    );
    let times: Vec<String> = sends(&src).into_iter().map(|s| s.0).collect();
    assert_eq!(times, ["2026-03-07 00:00:00", "2026-03-08 00:00:00"]);
}

#[test]
fn after_seven_days_at_eight_pm_across_dst_in_new_york() {
    // DST starts on 2026-03-08: 7 × 24 h after 10:00 EST is 11:00 EDT on 03-09
    let src = source(
        "America/New_York",
        "",
        "  stage a { after 7d at 20:00: send wecom \"t7\" }",
        "2026-03-02 10:00",
        10,
    );
    let all = notes(&src, 0);
    let (at, t, _) = all
        .iter()
        .find(|(_, _, n)| matches!(n, Note::Send { .. }))
        .expect("a send");
    assert_eq!(at, "2026-03-09 20:00:00");
    // 10:00 EST = 15:00Z on 03-02; 20:00 EDT = 00:00Z on 03-10: 7 d 9 h later
    assert_eq!(*t, 7 * DAY + 9 * 3600);
}

#[test]
fn leaving_a_stage_cancels_its_pending_rules() {
    let src = source(
        "Asia/Shanghai",
        "",
        "  stage a {\n    after 2d: send wecom \"never\"\n    every daily at 12:00: send wecom \"daily\"\n    after 1d -> b\n  }\n  stage b { after 3d: send wecom \"in_b\" }",
        "2026-03-02 09:00",
        10,
    );
    let all = notes(&src, 0);
    let arrival = (all.iter())
        .find(|(_, _, n)| matches!(n, Note::Arrival { .. }))
        .unwrap()
        .1;
    let s: Vec<(i64, &str)> = all
        .iter()
        .filter_map(|(_, t, n)| match n {
            Note::Send { template, .. } => {
                Some((*t - arrival, ["never", "daily", "in_b"][*template as usize]))
            }
            _ => None,
        })
        .collect();
    // entry at 09:00:xx: the 12:00 moment, then 4 days later in b
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].1, "daily");
    assert_eq!(s[1], (4 * DAY, "in_b"));
    let cancelled: Vec<_> = all
        .iter()
        .filter(|(_, _, n)| {
            matches!(
                n,
                Note::Skipped {
                    why: Skip::StageLeft,
                    ..
                }
            )
        })
        .collect();
    assert_eq!(cancelled.len(), 2); // the after 2d and the next every moment
    let r = simulate(&src, 100, 0, 2);
    assert_eq!(
        r.journeys[0].stages[0].exits.0,
        vec![("b".to_string(), 100)]
    );
    assert_eq!(r.journeys[0].stages[0].dwell_hours.median, Some(24.0));
}

#[test]
fn a_transition_ends_the_moment_in_source_order() {
    let src = source(
        "Asia/Shanghai",
        "",
        "  stage a {\n    after 1d: send wecom \"first\"\n    after 1d -> b\n    after 1d: send wecom \"never\"\n  }\n  stage b {\n    on enter: send wecom \"enter_b\"\n  }",
        "2026-03-02 09:00",
        3,
    );
    let s: Vec<String> = sends(&src).into_iter().map(|s| s.1).collect();
    assert_eq!(s, ["first", "enter_b"]);
}

#[test]
fn on_exit_runs_before_on_enter_of_the_new_stage() {
    let src = source(
        "Asia/Shanghai",
        "",
        "  stage a {\n    on exit: send wecom \"bye_a\"\n    after 1h -> b\n  }\n  stage b { on enter: send wecom \"hi_b\" }",
        "2026-03-02 09:00",
        1,
    );
    let s: Vec<(String, String)> = sends(&src).into_iter().map(|s| (s.0, s.1)).collect();
    assert_eq!(s[0].1, "bye_a");
    assert_eq!(s[1].1, "hi_b");
    assert_eq!(s[0].0, s[1].0);
}

#[test]
fn guards_are_evaluated_at_the_fire_moment() {
    // the tag is set after the rule was scheduled, before it fires
    let src = source(
        "Asia/Shanghai",
        "",
        "  stage a {\n    after 2h if vip: send wecom \"vip_only\"\n    after 1h: tag vip\n  }",
        "2026-03-02 09:00",
        1,
    );
    let s: Vec<String> = sends(&src).into_iter().map(|s| s.1).collect();
    assert_eq!(s, ["vip_only"]);
}

#[test]
fn when_inactive_fires_exactly_when_the_window_passes() {
    // no event after the signup: inactive 3d holds exactly 3 days after it
    let src = source(
        "Asia/Shanghai",
        "",
        "  stage a { when inactive 3d: send wecom \"wake\" }",
        "2026-03-02 09:00",
        5,
    );
    let all = notes(&src, 0);
    let arrival = all
        .iter()
        .find(|(_, _, n)| matches!(n, Note::Arrival { .. }))
        .unwrap()
        .1;
    let send = all
        .iter()
        .find(|(_, _, n)| matches!(n, Note::Send { .. }))
        .unwrap()
        .1;
    assert_eq!(send, arrival + 3 * DAY);
}

#[test]
fn when_fires_once_until_its_condition_turns_false() {
    // `did click within 1h` turns true at each click and false an hour later
    let src = format!(
        "{DECLS}
journey j {{
  timezone \"Asia/Shanghai\"
  entry on signup
  stage a {{
    on enter: send wecom \"x\"
    when did click within 1h: send wecom \"clicked\"
  }}
}}
population p {{
  size 10
  start 2026-03-02 09:00
  arrivals signup over 1m
  days 30
  behavior click {{ rate 100% per day }}
}}"
    );
    let all = notes(&src, 0);
    let clicks: Vec<i64> = all
        .iter()
        .filter(|(_, _, n)| matches!(n, Note::Event { event: 1, .. }))
        .map(|(_, t, _)| *t)
        .collect();
    let fired: Vec<i64> = all
        .iter()
        .skip(1)
        .filter(|(_, _, n)| matches!(n, Note::Send { .. }))
        .map(|(_, t, _)| *t)
        .collect();
    // a click re-arms the rule only if the previous one was more than an hour before
    let mut expected = Vec::new();
    let mut last = i64::MIN / 2;
    for &c in &clicks {
        if c >= last + 3600 {
            expected.push(c);
        }
        last = c;
    }
    assert!(clicks.len() > 5, "enough clicks to test: {}", clicks.len());
    assert_eq!(fired.iter().skip(1).copied().collect::<Vec<_>>(), expected);
}

#[test]
fn goals_count_after_leaving_the_journey_but_not_the_entry_event() {
    let src = format!(
        "{DECLS}
journey j {{
  timezone \"Asia/Shanghai\"
  entry on buy
  exit on click
  goal again: buy within 10d
  stage a {{ on enter: send wecom \"x\" }}
}}
population p {{
  size 2000
  start 2026-03-02 09:00
  days 30
  arrivals buy over 1m
  behavior click {{ rate 100% per day }}
  behavior buy {{ rate 10% per day }}
}}"
    );
    let r = simulate(&src, 2000, 0, 2);
    // clicks (and leaving) come after a day on average; buys within 10 days still count
    let rate = r.journeys[0].goals[0].treatment.rate.unwrap();
    assert_proportion("goal after exit", rate, 1.0 - (-1.0f64).exp(), 2000);
    assert_eq!(r.journeys[0].stages[0].exits.0[0].0, "exit");
}

#[test]
fn reentry_after_a_pause() {
    let src = format!(
        "{DECLS}
journey j {{
  timezone \"Asia/Shanghai\"
  entry on signup
  reentry after 5d
  stage a {{ after 1d: exit }}
}}
population p {{
  size 10
  start 2026-03-02 09:00
  days 20
  arrivals signup over 1m
  behavior signup {{ rate 100% per day }}
}}"
    );
    // enter, exit after a day, re-enter at the first signup 5 days after the last entry
    let all = notes(&src, 0);
    let times = |f: fn(&Note) -> bool| -> Vec<i64> {
        all.iter()
            .filter(|(_, _, n)| f(n))
            .map(|(_, t, _)| *t)
            .collect()
    };
    let entries = times(|n| matches!(n, Note::EnterJourney));
    let signups = times(|n| matches!(n, Note::Event { event: 0, .. }));
    assert!(entries.len() >= 3, "{entries:?}");
    for w in entries.windows(2) {
        let first_allowed = signups.iter().find(|&&s| s >= w[0] + 5 * DAY);
        assert_eq!(Some(&w[1]), first_allowed);
    }
}

#[test]
fn holdout_users_get_no_split_arm() {
    let src = format!(
        "{DECLS}
journey j {{
  timezone \"Asia/Shanghai\"
  entry on signup
  holdout 20%
  stage a {{
    after 1h: split {{
      50% A: send wecom \"a\"
      50% B: send wecom \"b\"
    }}
  }}
}}
population p {{
  size 100
  start 2026-03-02 09:00
  days 5
  arrivals signup over 1m
}}"
    );
    let r = simulate(&src, 100, 0, 2);
    let arm_users: u64 = r.journeys[0].splits[0].arms.iter().map(|a| a.users).sum();
    assert!(
        r.journeys[0].holdout > 5 && r.journeys[0].holdout < 40,
        "{}",
        r.journeys[0].holdout
    );
    assert_eq!(arm_users, r.journeys[0].users - r.journeys[0].holdout);
    assert_eq!(r.touchpoints[0].sent, arm_users);
}

#[test]
fn a_rule_loop_stops_the_user_instead_of_hanging() {
    let src = source(
        "Asia/Shanghai",
        "",
        "  stage a { on enter -> b }\n  stage b { on enter -> a }",
        "2026-03-02 09:00",
        2,
    );
    let r = simulate(&src, 100, 0, 2);
    assert_eq!(r.journeys[0].stopped, 100);
    assert_eq!(loops(&r), [(vec!["a", "b"], 100)]);
    let exits: u64 = r.journeys[0]
        .stages
        .iter()
        .map(|s| {
            s.exits
                .0
                .iter()
                .filter(|e| e.0 == "exit")
                .map(|e| e.1)
                .sum::<u64>()
        })
        .sum();
    assert_eq!(exits, 100);
}

#[test]
fn when_count_in_a_window_moves_repeat_buyers() {
    // every user buys twice within a minute of entry... at 100%/day buys come about a day
    // apart; a user moves to b at the moment of their second buy within 60 days
    let src = format!(
        "{DECLS}
journey j {{
  timezone \"Asia/Shanghai\"
  entry on signup
  stage a {{ when count(buy, 60d) >= 2 -> b }}
  stage b {{ }}
}}
population p {{
  size 10
  start 2026-03-02 09:00
  days 30
  arrivals signup over 1m
  behavior buy {{ rate 100% per day }}
}}"
    );
    let all = notes(&src, 0);
    let buys: Vec<i64> = all
        .iter()
        .filter(|(_, _, n)| matches!(n, Note::Event { event: 2, .. }))
        .map(|(_, t, _)| *t)
        .collect();
    let moved = all
        .iter()
        .find(|(_, _, n)| {
            matches!(
                n,
                Note::Stage {
                    from: Some(0),
                    to: 1
                }
            )
        })
        .map(|(_, t, _)| *t);
    assert_eq!(moved, buys.get(1).copied());
}

#[test]
fn the_report_adds_up_on_the_beauty_example() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/beauty_w2.journey"
    ))
    .unwrap();
    let r = simulate(&src, 3000, 9, 2);
    // every stage visit ends exactly one way
    for s in &r.journeys[0].stages {
        let ended: u64 = s.exits.0.iter().map(|(_, n)| n).sum();
        assert_eq!(ended, s.entered, "{}", s.name);
    }
    // visits into a stage come from the entries and the transitions into it
    let into = |name: &str| -> u64 {
        r.journeys[0]
            .stages
            .iter()
            .flat_map(|s| &s.exits.0)
            .filter(|(to, _)| to == name)
            .map(|(_, n)| n)
            .sum()
    };
    let entries: u64 = r.journeys[0].paths.iter().map(|p| p.count).sum();
    assert!(entries <= r.journeys[0].stages[0].entered);
    for s in &r.journeys[0].stages[1..] {
        assert_eq!(into(&s.name), s.entered, "{}", s.name);
    }
    let g = &r.journeys[0].goals[0];
    assert_eq!(g.treatment.users + g.holdout.users, r.journeys[0].users);
    assert_eq!(g.holdout.users, r.journeys[0].holdout);
    for (i, tp) in r.touchpoints.iter().enumerate() {
        let daily: u64 = r.daily.iter().map(|d| d.sends.0[i].1).sum();
        assert_eq!(daily, tp.sent, "{}", tp.name);
    }
    let reached: u64 = r.daily.iter().map(|d| d.goals.0[0].1).sum();
    assert_eq!(reached, g.treatment.reached + g.holdout.reached);
    let arm_users: u64 = r.journeys[0].splits[0].arms.iter().map(|a| a.users).sum();
    assert!(arm_users <= r.journeys[0].stages[1].users);
}

#[test]
fn an_entry_exit_loop_stops_the_user_instead_of_hanging() {
    let src = format!(
        "{DECLS}
journey j {{
  timezone \"Asia/Shanghai\"
  entry when vip
  reentry always
  exit when vip
  stage a {{ }}
}}
population p {{
  size 10
  start 2026-03-02 09:00
  days 2
  arrivals signup over 1m
  tag vip: 100%
}}"
    );
    let r = simulate(&src, 10, 0, 1);
    assert_eq!(r.journeys[0].stopped, 10);
    assert_eq!(loops(&r), [(vec!["a"], 10)]);
}

/// `(stages, users)` of each rule loop of a report.
fn loops(r: &Report) -> Vec<(Vec<&str>, u64)> {
    (r.journeys[0].loops.iter())
        .map(|l| (l.stages.iter().map(String::as_str).collect(), l.users))
        .collect()
}

const RULE_LOOP: &str = include_str!("../../../tests/sim/rule_loop.journey");

#[test]
fn two_when_transitions_that_hold_together_stop_the_user_after_tens_of_steps() {
    let r = simulate(RULE_LOOP, 2000, 0, 2);
    assert!(r.journeys[0].stopped > 1000, "{}", r.journeys[0].stopped);
    assert_eq!(loops(&r), [(vec!["休闲", "商务"], r.journeys[0].stopped)]);
    // a stopped user is out of the journey: their visit ended with `exit`
    let exits: u64 = (r.journeys[0].stages.iter().flat_map(|s| &s.exits.0))
        .filter(|(to, _)| to == "exit")
        .map(|(_, n)| n)
        .sum();
    assert!(exits >= r.journeys[0].stopped);
    // without the guard, 10,000 stage changes per stopped user
    let visits: u64 = r.journeys[0].stages.iter().map(|s| s.entered).sum();
    assert!(visits < 40 * 2000, "{visits}");
}

#[test]
fn the_trace_of_a_stopped_user_names_the_loop_and_ends_there() {
    let user = (0..20)
        .find(|&u| {
            notes(RULE_LOOP, u)
                .iter()
                .any(|(_, _, n)| matches!(n, Note::Stopped { .. }))
        })
        .expect("a user of the first 20 is caught in the loop");
    let all = notes(RULE_LOOP, user);
    let stop = (all.iter())
        .position(|(_, _, n)| matches!(n, Note::Stopped { .. }))
        .unwrap();
    let (_, at, note) = &all[stop];
    assert!(matches!(
        note,
        Note::Stopped { stages, guard: LoopGuard::StageChanges } if stages == &[0, 1]
    ));
    // into 商务, back to 休闲, then 32 more entries into a stage entered at that moment
    let changes = (all.iter())
        .filter(|(_, t, n)| t == at && matches!(n, Note::Stage { .. }))
        .count();
    assert_eq!(changes, 2 + 33);
    // it leaves the journey, and nothing more happens to it
    assert!(matches!(all[stop + 1].2, Note::ExitJourney { .. }));
    assert_eq!(all.len(), stop + 2);
}

#[test]
fn fatigue_exit_reasons_and_templates_of_a_hand_computed_journey() {
    // Every user enters at 09:00 on 03-02 and gets 2 sends that day, 1 on 03-03, none
    // on 03-04, and leaves at 09:00 on 03-04 ("done"): 3 user-days each, one with 0,
    // one with 1, one with 2 sends. Template "x" is sent by two rules.
    let stages = r#"  stage a {
    on enter: send wecom "x"
    after 1h: send wecom "y"
    after 1d: send wecom "x"
    after 2d: exit "done"
  }"#;
    let src = source("Asia/Shanghai", "", stages, "2026-03-02 09:00", 5);
    let r = simulate(&src, 100, 0, 2);
    let histogram: Vec<(u64, u64)> = (r.fatigue.histogram.iter())
        .map(|b| (b.sends, b.user_days))
        .collect();
    assert_eq!(histogram, [(0, 100), (1, 100), (2, 100)]);
    let q = &r.fatigue.sends_per_user_day;
    assert_eq!((q.p50, q.p95, q.max), (Some(1), Some(2), Some(2)));
    assert_eq!(
        r.journeys[0].stages[0].exit_reasons.0,
        [("done".into(), 100)]
    );
    let templates: Vec<(&str, u64)> = (r.touchpoints[0].templates.iter())
        .map(|t| (t.template.as_str(), t.sent))
        .collect();
    assert_eq!(templates, [("x", 200), ("y", 100)]);
}

#[test]
fn fatigue_counts_every_day_in_the_journey_until_the_run_ends() {
    // one send at entry; 3 days from 09:00 touch 4 dates, all in the journey
    let stages = "  stage a { on enter: send wecom \"x\" }";
    let src = source("Asia/Shanghai", "", stages, "2026-03-02 09:00", 3);
    let r = simulate(&src, 100, 0, 1);
    let histogram: Vec<(u64, u64)> = (r.fatigue.histogram.iter())
        .map(|b| (b.sends, b.user_days))
        .collect();
    assert_eq!(histogram, [(0, 300), (1, 100)]);
    let q = &r.fatigue.sends_per_user_day;
    assert_eq!((q.p50, q.p95, q.max), (Some(0), Some(1), Some(1)));
}

#[test]
fn exit_lines_and_exit_actions_are_counted_by_their_reason() {
    // exit lines as written (their whitespace made single), `exit` without a text
    let settings = "  exit on click\n  exit when   vip\n";
    let stages = r#"  stage a {
    on enter: tag vip = true
  }"#;
    let src = source("Asia/Shanghai", settings, stages, "2026-03-02 09:00", 2);
    let r = simulate(&src, 100, 0, 1);
    assert_eq!(
        r.journeys[0].stages[0].exit_reasons.0,
        [("when vip".into(), 100)]
    );
    let stages = "  stage a { after 1h: exit }";
    let src = source("Asia/Shanghai", "", stages, "2026-03-02 09:00", 2);
    let r = simulate(&src, 100, 0, 1);
    assert_eq!(
        r.journeys[0].stages[0].exit_reasons.0,
        [("exit".into(), 100)]
    );
}

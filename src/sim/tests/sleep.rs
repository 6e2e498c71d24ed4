//! Sleeping `every` rules (`sim::sleep`) against running every item (`per_item`): the
//! same report, byte for byte, with guards turning true and false at random seconds and
//! at the rules' own moments (by rules handled before them and after them), stage
//! changes, and a rule loop at a sleeping rule's moment.

use super::bulk::{reports, same_both_ways, stopped};
use super::*;

/// Per stage of `src`'s only journey, its rules that may sleep (bits by rule index).
fn sleepers(src: &str) -> Vec<u64> {
    with_run(src, 0, |run| {
        let stages = run.prog.stages.iter();
        let mask = |s: &crate::sim::program::Stage| {
            (s.rules.iter().enumerate()).fold(0, |m, (k, r)| m | (r.sleeps as u64) << k)
        };
        stages.map(mask).collect()
    })
}

/// Stage `a`'s Saturday 10:00 rules, in rank order: one that sets vip for low tiers
/// (before the vip rules), two guarded by vip either way, one that clears vip for high
/// tiers (after them); events that set and clear vip and raise the tier at any second;
/// a daily rule with a clock at the same 10:00; stage changes both ways.
const TOGGLES: &str = r#"
tag vip: bool
tag tier: number 0..10
event join
event buy
event refund
event upgrade
touchpoint dm {
  channel wecom
}
journey j {
  timezone "Asia/Shanghai"
  entry on join
  stage a {
    every sat at 10:00 if tier between 0 and 3: tag vip
    every sat at 10:00 if vip: send dm "vip weekly"
    every sat at 10:00 unless vip: send dm "weekly"
    every sat at 10:00 if tier between 4 and 10: untag vip
    every daily at 09:00, 10:00 if vip and tier between 2 and 8: send dm "daily"
    on buy: tag vip
    on refund: untag vip
    on upgrade: tag tier = 6
    when count(buy) >= 3 -> b
  }
  stage b {
    every daily at 10:00 if vip: send dm "b daily"
    on refund -> a
  }
}
population p {
  size 3000
  start 2026-03-02 09:00
  days 40
  arrivals join over 10d
  tag vip: 40%
  tag tier: uniform 0..10
  behavior buy { rate 20% per day }
  behavior refund { rate 15% per day }
  behavior upgrade { rate 3% per day }
}
"#;

#[test]
fn sleeping_rules_report_the_same_as_every_item() {
    // every guarded `every` rule of both stages may sleep
    assert_eq!(sleepers(TOGGLES), [0b11111, 0b1]);
    same_both_ways(TOGGLES, 3_000);
}

/// A file of `head`'s declarations, journey `j` (entered on `join`, in Shanghai) with
/// the lines of `journey`, and a population of 100 users arriving over 10 days, 30% of
/// them `vip`, with `behaviors`.
fn journey_file(head: &str, journey: &str, behaviors: &str) -> String {
    format!(
        r#"{head}
journey j {{
  timezone "Asia/Shanghai"
  entry on join
{journey}
}}
population p {{
  size 100
  start 2026-03-02 09:00
  days 20
  arrivals join over 10d
  tag vip: 30%
{behaviors}
}}
"#
    )
}

/// [`LOOP_RULES`](super::bulk::LOOP_RULES) from Saturday 12:30, with a sleeping rule at
/// that moment ranked before the loop's items and one after them: the loop guard counts
/// the first (handled already) and not the second (still waiting).
fn looping() -> String {
    let head = "tag looping: bool\ntag go: bool\ntag vip: bool\nevent join\nevent leave
touchpoint dm {\n  channel wecom\n  limit 2 per day\n}";
    let journey = format!(
        r#"  reentry always
  exit on leave
  every sat at 12:30: tag go
  stage a {{
    every sat at 12:30 if vip: send dm "before"
{}
    every sat at 12:30 unless not vip: send dm "after"
  }}"#,
        super::bulk::LOOP_RULES
    );
    let behaviors = "  behavior join { rate 50% per day }\n  behavior leave { rate 20% per day }";
    journey_file(head, &journey, behaviors)
}

#[test]
fn a_loop_at_a_sleeping_rules_moment_is_stopped_alike() {
    let src = looping();
    assert_eq!(sleepers(&src), [0b1001]);
    let stopped = stopped(&reports(&src, 200, true)[0]);
    assert!(stopped > 20, "{stopped} stopped");
    same_both_ways(&src, 200);
}

/// A rule sharing a moment with a bulk rule never sleeps (the bulk path reads the
/// highest rank handled at its moments); nor do timed rules or guards reading more than
/// tags.
#[test]
fn rules_at_bulk_moments_timed_or_reading_history_do_not_sleep() {
    let head = "tag vip: bool\nevent join\nevent buy
touchpoint feed {\n  channel moments\n  broadcast\n}\ntouchpoint dm {\n  channel wecom\n}";
    let journey = r#"  every daily at 12:30: send feed "post"
  stage a {
    every sat at 12:30 if vip: send dm "at the broadcast"
    every sat at 10:00 after 1h if vip: send dm "timed"
    every sat at 10:00 if did buy: send dm "history"
    every sat at 10:00 if vip: send dm "sleeps"
  }"#;
    let src = journey_file(head, journey, "  behavior buy { rate 10% per day }");
    assert_eq!(sleepers(&src), [0b1000]);
    same_both_ways(&src, 300);
}

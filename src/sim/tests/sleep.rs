//! Sleeping `every` rules (`sim::sleep`) against running every item (`per_item`): the
//! same report, byte for byte, with guards turning true and false at random seconds and
//! at the rules' own moments (by rules handled before them and after them), stage
//! changes, and a rule loop at a sleeping rule's moment.

use super::bulk::{reports, same_both_ways};
use super::*;

/// Per stage of `src`'s only journey, its rules that may sleep (bits by rule index).
fn sleepers(src: &str) -> Vec<u64> {
    with_run(src, 0, |run| {
        run.prog.sleepers.iter().map(|s| s.rules).collect()
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

/// `when` rules that set and clear a tag for ever from Saturday 12:30, with a sleeping
/// rule at that moment ranked before the loop's items and one after them: the loop
/// guard counts the first (handled already) and not the second (still waiting).
const LOOPING: &str = r#"
tag looping: bool
tag go: bool
tag vip: bool
event join
event leave
touchpoint dm {
  channel wecom
  limit 2 per day
}
journey j {
  timezone "Asia/Shanghai"
  entry on join
  reentry always
  exit on leave
  every sat at 12:30: tag go
  stage a {
    every sat at 12:30 if vip: send dm "before"
    when go and looping: {
      untag looping
      send dm "x"
    }
    when go and not looping: {
      tag looping
      send dm "z"
    }
    every sat at 12:30 unless not vip: send dm "after"
  }
}
population p {
  size 100
  start 2026-03-02 09:00
  days 20
  arrivals join over 10d
  tag vip: 30%
  behavior join { rate 50% per day }
  behavior leave { rate 20% per day }
}
"#;

#[test]
fn a_loop_at_a_sleeping_rules_moment_is_stopped_alike() {
    assert_eq!(sleepers(LOOPING), [0b1001]);
    let report = &reports(LOOPING, 200, true)[0];
    let stopped = report
        .split("\"stopped\": ")
        .nth(1)
        .and_then(|r| r.split(',').next());
    let stopped: u64 = stopped.and_then(|n| n.trim().parse().ok()).expect(report);
    assert!(stopped > 20, "{stopped} stopped");
    same_both_ways(LOOPING, 200);
}

/// A rule sharing a moment with a bulk rule never sleeps (the bulk path reads the
/// highest rank handled at its moments); nor do timed rules or guards reading more than
/// tags.
#[test]
fn rules_at_bulk_moments_timed_or_reading_history_do_not_sleep() {
    let src = r#"
tag vip: bool
event join
event buy
touchpoint feed {
  channel moments
  broadcast
}
touchpoint dm {
  channel wecom
}
journey j {
  timezone "Asia/Shanghai"
  entry on join
  every daily at 12:30: send feed "post"
  stage a {
    every sat at 12:30 if vip: send dm "at the broadcast"
    every sat at 10:00 after 1h if vip: send dm "timed"
    every sat at 10:00 if did buy: send dm "history"
    every sat at 10:00 if vip: send dm "sleeps"
  }
}
population p {
  size 100
  start 2026-03-02 09:00
  days 20
  arrivals join over 10d
  tag vip: 30%
  behavior buy { rate 10% per day }
}
"#;
    assert_eq!(sleepers(src), [0b1000]);
    same_both_ways(src, 300);
}

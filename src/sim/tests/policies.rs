//! `policy` blocks in the send pipeline (language v2 §2, docs/plan.md §10.8): exact
//! counts of what each policy lets out and caps.

use super::semantics::sends;
use super::{simulate, DECLS};
use crate::sim::trace::SendOutcome;
use crate::Report;

/// 100 users who enter at once and stay `days` days in one stage with `rules`, under
/// `policies` and the journey `settings`.
fn source(policies: &str, settings: &str, rules: &str, days: u32) -> String {
    format!(
        "{DECLS}
touchpoint sms {{ channel sms }}
touchpoint app {{ channel push }}
touchpoint 朋友圈 {{ channel moments  broadcast }}
{policies}
journey j {{
  timezone \"Asia/Shanghai\"
  entry on signup
{settings}
  stage s {{
{rules}
  }}
}}
population p {{
  size 100
  start 2026-03-02 00:00
  days {days}
  arrivals signup over 1m
}}"
    )
}

/// `(sent, capped)` of a touchpoint of the report.
fn counts(r: &Report, tp: &str) -> (u64, u64) {
    let t = r.touchpoints.iter().find(|t| t.name == tp).unwrap();
    (t.sent, t.capped)
}

fn policy_capped(r: &Report) -> Vec<(&str, u64)> {
    (r.policies.iter())
        .map(|p| (p.name.as_str(), p.capped))
        .collect()
}

const DAILY_FOUR: &str = "    every daily at 10:00: send wecom \"a\"
    every daily at 11:00: send sms \"b\"
    every daily at 12:00: send app \"c\"
    every daily at 13:00: send 朋友圈 \"d\"";

#[test]
fn a_policy_of_one_a_day_lets_out_the_first_send_of_each_day_across_touchpoints() {
    // `app` is excepted and `朋友圈` a broadcast: neither is checked nor counted
    let policy = "policy 频控 { limit 1 per day  except app }";
    let r = simulate(&source(policy, "", DAILY_FOUR, 3), 100, 0, 2);
    assert_eq!(counts(&r, "wecom"), (300, 0));
    assert_eq!(counts(&r, "sms"), (0, 300));
    assert_eq!(counts(&r, "app"), (300, 0));
    assert_eq!(counts(&r, "朋友圈"), (300, 0));
    assert_eq!(policy_capped(&r), [("频控", 300)]);
}

#[test]
fn every_policy_applies_and_each_counts_what_it_capped() {
    let policies = "policy 日 { limit 2 per day }\npolicy 周 { limit 3 per week  except 朋友圈 }";
    let rules = "    every daily at 10:00: send wecom \"a\"
    every daily at 11:00: send sms \"b\"
    every daily at 12:00: send app \"c\"";
    // 2026-03-02 is a Monday: the three days are in one ISO week
    let r = simulate(&source(policies, "", rules, 3), 100, 0, 2);
    // day 1: a b sent, c capped by 日; day 2: a sent (the week's third), b and c capped
    // by 周; day 3: a b c capped by 周
    assert_eq!(counts(&r, "wecom"), (200, 100));
    assert_eq!(counts(&r, "sms"), (100, 200));
    assert_eq!(counts(&r, "app"), (0, 300));
    assert_eq!(policy_capped(&r), [("日", 100), ("周", 500)]);
}

#[test]
fn the_journey_limit_comes_before_the_policies_and_the_touchpoint_limits_after() {
    let policy = "policy 频控 { limit 1 per day }";
    // both the journey's and the policy's 1 a day would cap `b`: the journey's is first
    let rules = "    every daily at 10:00: send wecom \"a\"
    every daily at 11:00: send sms \"b\"";
    let r = simulate(&source(policy, "  limit 1 per day", rules, 1), 100, 0, 2);
    assert_eq!(counts(&r, "sms"), (0, 100));
    assert_eq!(policy_capped(&r), [("频控", 0)]);
    // the policy's and the touchpoint's 1 a day would cap `e`: the policy's is first
    let declarations = format!("{policy}\ntouchpoint 限一 {{ channel sms  limit 1 per day }}");
    let rules = "    every daily at 10:00: send 限一 \"e\"
    every daily at 11:00: send 限一 \"e\"";
    let r = simulate(&source(&declarations, "", rules, 1), 100, 0, 2);
    assert_eq!(counts(&r, "限一"), (100, 100));
    assert_eq!(policy_capped(&r), [("频控", 100)]);
}

#[test]
fn a_rolling_policy_counts_the_window_across_touchpoints() {
    // 1 per 2d: day 1's `a` goes out, then nothing until exactly 48 hours later
    let policy = "policy 频控 { limit 1 per 2d }";
    let rules = "    every daily at 10:00: send wecom \"a\"
    every daily at 11:00: send sms \"b\"";
    let r = simulate(&source(policy, "", rules, 4), 100, 0, 2);
    assert_eq!(counts(&r, "wecom"), (200, 200));
    assert_eq!(counts(&r, "sms"), (0, 400));
    assert_eq!(policy_capped(&r), [("频控", 600)]);
}

#[test]
fn the_trace_names_the_policy_that_capped_a_send() {
    let src = source("policy 频控 { limit 1 per day }", "", DAILY_FOUR, 1);
    let outcomes: Vec<_> = (sends(&src).into_iter())
        .map(|(_, template, outcome)| match outcome {
            SendOutcome::Capped { cap, sent } => (template, Some((cap.policy, sent))),
            _ => (template, None),
        })
        .collect();
    assert_eq!(
        outcomes,
        [
            ("a".to_string(), None),
            ("b".to_string(), Some((0, 1))),
            ("c".to_string(), Some((0, 1))),
            ("d".to_string(), None),
        ]
    );
}

#[test]
fn a_journey_wide_every_send_counts_toward_the_policy() {
    // a journey-wide `every` rule alone on its touchpoint is counted in bulk unless a
    // counter it bumps is shared: the policy's is, so `b` finds the day's send counted
    let rules = "    every daily at 11:00: send sms \"b\"";
    let src = source("policy 频控 { limit 1 per day }", "", rules, 3).replace(
        "  stage s {",
        "  every daily at 10:00: send wecom \"a\"\n  stage s {",
    );
    let r = simulate(&src, 100, 0, 2);
    assert_eq!(counts(&r, "wecom"), (300, 0));
    assert_eq!(counts(&r, "sms"), (0, 300));
    assert_eq!(policy_capped(&r), [("频控", 300)]);
}

#[test]
fn the_report_gives_the_journeys_priority() {
    let rules = "    on enter: send wecom \"a\"";
    let r = simulate(&source("", "  priority -7", rules, 1), 10, 0, 1);
    assert_eq!(r.journeys[0].priority, -7);
    assert!(r.policies.is_empty());
}

//! Exact tests of the version-2 time constructs (language-v2.md §4, §10, §11.11–12):
//! month days, one-off dates, `today in` and rolling limits, followed note by note.

use super::{notes, simulate, with_run, DECLS};
use crate::sim::trace::{Note, SendOutcome};

/// One journey of one stage `rules` (touchpoint `tp` may carry `limits`), for users
/// arriving in the first minute after `start`.
fn source(limits: &str, rules: &str, start: &str, days: u32) -> String {
    format!(
        "{DECLS}
touchpoint tp {{
  channel sms
{limits}
}}
journey j {{
  timezone \"Asia/Shanghai\"
  entry on signup
  stage a {{
{rules}
  }}
}}
population p {{
  size 10
  start {start}
  days {days}
  arrivals signup over 1m
}}"
    )
}

/// `(local time, outcome is Sent)` of every send note of user 0.
fn sends(src: &str) -> Vec<(String, bool)> {
    notes(src, 0)
        .into_iter()
        .filter_map(|(at, _, n)| match n {
            Note::Send { outcome, .. } => Some((at, outcome == SendOutcome::Sent)),
            _ => None,
        })
        .collect()
}

fn sent(src: &str) -> Vec<String> {
    sends(src)
        .into_iter()
        .filter(|s| s.1)
        .map(|s| s.0)
        .collect()
}

#[test]
fn limit_one_per_three_days_lets_a_daily_send_through_every_72_hours() {
    let src = source(
        "  limit 1 per 3d",
        "    every daily at 10:00: send tp \"daily\"",
        "2026-03-02 09:00",
        10,
    );
    let all = sends(&src);
    assert_eq!(all.len(), 10, "one attempt a day");
    assert_eq!(
        sent(&src),
        ["2026-03-02", "2026-03-05", "2026-03-08", "2026-03-11"].map(|d| format!("{d} 10:00:00"))
    );
    // the others are capped by the rolling window, not by a calendar period
    assert_eq!(all.iter().filter(|s| !s.1).count(), 6);
}

#[test]
fn a_rolling_journey_limit_counts_sends_of_every_touchpoint() {
    let rules = "    every daily at 09:00: send tp \"a\"
    every daily at 10:00: send wecom \"b\"
    every daily at 11:00: send tp \"c\"";
    let src = source("", rules, "2026-03-02 08:00", 2)
        .replace("  entry on signup", "  entry on signup\n  limit 2 per 1d");
    // at 11:00 the window (11:00 the day before, 11:00] holds 09:00 and 10:00; the next
    // day at 09:00 it holds only the 10:00 send of the day before
    let outcomes: Vec<bool> = sends(&src).into_iter().map(|s| s.1).collect();
    assert_eq!(outcomes, [true, true, false, true, true, false]);
}

#[test]
fn every_month_on_31_skips_30_day_months_and_last_hits_february_28_and_29() {
    let on = |days: &str, start: &str| {
        sent(&source(
            "",
            &format!("    every month on {days} at 10:00: send tp \"m\""),
            start,
            366,
        ))
    };
    let d31 = on("31", "2026-01-01 09:00");
    assert_eq!(
        d31.iter().map(|t| &t[..10]).collect::<Vec<_>>(),
        [
            "2026-01-31",
            "2026-03-31",
            "2026-05-31",
            "2026-07-31",
            "2026-08-31",
            "2026-10-31",
            "2026-12-31"
        ]
    );
    let last = on("31, last", "2028-01-01 09:00");
    assert_eq!(last.len(), 12, "31 and last on the same day fire once");
    assert_eq!(&last[1], "2028-02-29 10:00:00");
    let last = on("last", "2026-01-01 09:00");
    assert_eq!(&last[1], "2026-02-28 10:00:00");
    // 1 and 15 of every month over 366 days from 2026-01-01: 24, and 2027-01-01
    assert_eq!(on("1, 15", "2026-01-01 00:00").len(), 25);
}

#[test]
fn a_date_trigger_fires_once_and_never_before_the_user_enters() {
    let rules = "    on 2026-03-05 at 20:00: send tp \"once\"\n    on 2026-03-01: send tp \"past\"\n    on 2026-03-06: send tp \"midnight\"";
    assert_eq!(
        sent(&source("", rules, "2026-03-02 09:00", 30)),
        ["2026-03-05 20:00:00", "2026-03-06 00:00:00"]
    );
    // timing applies as to any trigger
    let shifted = "    on 2026-03-05 at 20:00 after 1h: send tp \"later\"";
    assert_eq!(
        sent(&source("", shifted, "2026-03-02 09:00", 30)),
        ["2026-03-05 21:00:00"]
    );
}

#[test]
fn today_in_holds_on_both_ends_of_the_window_only() {
    let rules = "    every daily at 10:00 if today in 2026-03-04..2026-03-06: send tp \"window\"";
    assert_eq!(
        sent(&source("", rules, "2026-03-02 09:00", 10)),
        ["2026-03-04", "2026-03-05", "2026-03-06"].map(|d| format!("{d} 10:00:00"))
    );
    // a `when` on the window fires at the local midnight it opens
    let when = "    when today in 2026-03-04..2026-03-06: send tp \"open\"";
    assert_eq!(
        sent(&source("", when, "2026-03-02 09:00", 10)),
        ["2026-03-04 00:00:00"]
    );
}

#[test]
fn monthly_sends_over_a_run_are_exact_for_every_user() {
    // 8th of each month from 2026-01-01 over 365 days: 12 per user
    let src = source(
        "",
        "    every month on 8 at 10:00: send tp \"会员日\"",
        "2026-01-01 00:00",
        365,
    );
    let report = simulate(&src, 200, 7, 2);
    let tp = report.touchpoints.iter().find(|t| t.name == "tp").unwrap();
    assert_eq!(tp.sent, 200 * 12);
    let one_thread = serde_json::to_string(&simulate(&src, 200, 7, 1)).unwrap();
    assert_eq!(serde_json::to_string(&report).unwrap(), one_thread);
    with_run(&src, 0, |run| assert_eq!(run.prog.rings, 0));
}

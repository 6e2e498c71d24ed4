//! The bulk path (`sim::bulk`) against the per-item path: the same report, byte for
//! byte, on every example and on journeys built to reach its edges.

use super::*;

/// Whether the program of `src`'s only journey has a bulk rule.
fn has_bulk(src: &str) -> bool {
    with_run(src, 0, |run| run.prog.bulk.is_some())
}

/// The journey-wide rules of `src`'s only journey counted in bulk.
fn bulk_rules(src: &str) -> Vec<usize> {
    with_run(src, 0, |run| {
        (run.prog.bulk.iter().flat_map(|b| &b.rules))
            .map(|r| r.rule)
            .collect()
    })
}

/// The JSON report of every journey × population pair of `src`, with the bulk path on
/// or off (an error in place of a report when the pair cannot run).
pub(super) fn reports(src: &str, users: u64, per_item: bool) -> Vec<String> {
    let model = check_source(src).model.expect("the source checks clean");
    let file = SourceFile::new("test.journey", src);
    let mut out = Vec::new();
    for j in &model.journeys {
        for p in &model.populations {
            let options = SimulateOptions {
                journey: vec![j.name.clone()],
                population: Some(p.name.clone()),
                users: Some(users),
                threads: Some(2),
                per_item,
                ..SimulateOptions::default()
            };
            out.push(match crate::simulate(&file, &model, &options) {
                Ok(report) => serde_json::to_string_pretty(&report).unwrap(),
                Err(e) => e,
            });
        }
    }
    out
}

pub(super) fn same_both_ways(src: &str, users: u64) {
    let (bulk, per_item) = (reports(src, users, false), reports(src, users, true));
    assert_eq!(bulk.len(), per_item.len());
    for (a, b) in bulk.iter().zip(&per_item) {
        assert!(a == b, "the reports differ:\n{}", first_difference(a, b));
    }
}

fn first_difference(a: &str, b: &str) -> String {
    let line = (a.lines().zip(b.lines())).position(|(x, y)| x != y);
    line.map_or("(lengths)".into(), |i| {
        format!("line {i}: {:?} / {:?}", a.lines().nth(i), b.lines().nth(i))
    })
}

#[test]
fn every_example_reports_the_same_on_both_paths() {
    for file in super::example_files() {
        let src = std::fs::read_to_string(&file).unwrap();
        eprintln!("{}", file.display());
        same_both_ways(&src, 3_000);
    }
    let community = include_str!("../../../examples/community_calendar.journey");
    // 社群's three rules (周三会员日 guarded by 会员, which 下单 sets), 直播 (read by
    // 下单's `after send 直播 within 6h: x3`) and 朋友圈
    assert_eq!(bulk_rules(community), [0, 1, 2, 3, 4]);
}

/// A broadcast three times a day (journey-wide rule 1), entries and exits by events
/// at any second, exits by journey-wide rules just before and just after it at 12:30
/// and by `exit when`, re-entries, a holdout, per-item sends through other touchpoints
/// (fatigue days interleave), stage changes and a `when` rule.
fn edges(timezone: &str, quiet: &str, limit: &str, clocks: &str) -> String {
    format!(
        r#"
tag vip: bool
event join
event buy
event leave
touchpoint feed {{
  channel moments
  broadcast
  {limit}
  {quiet}
}}
touchpoint dm {{
  channel wecom
  limit 2 per day
  quiet 22:00..08:00
}}
journey j {{
  timezone "{timezone}"
  entry on join
  reentry always
  exit on leave
  exit when vip and inactive 3d
  holdout 20%
  every daily at 12:30 if vip: exit "before"
  every daily at {clocks}: send feed "post"
  every sat at 12:30: exit "after"
  on buy: send dm "thanks"
  stage a {{
    every daily at 12:30: send dm "noon"
    on buy -> b
  }}
  stage b {{
    on enter: send dm "welcome b"
    when inactive 2d -> a
  }}
}}
population p {{
  size 500
  start 2026-03-06 09:00
  days 30
  arrivals join over 5d
  tag vip: 30%
  behavior join {{ rate 40% per day }}
  behavior buy {{ rate 50% per day }}
  behavior leave {{ rate 15% per day }}
}}
"#
    )
}

#[test]
fn visits_cut_anywhere_report_the_same_on_both_paths() {
    let src = edges(
        "Asia/Shanghai",
        "",
        "limit 3 per day",
        "08:30, 12:30, 21:00",
    );
    assert!(has_bulk(&src));
    same_both_ways(&src, 2_000);
}

/// Days without the rule's moments between days with them (their users' quiet days
/// and the days counted per thread must add up as the per-item path's), and weeks
/// without a per-item send (monthly `dm` and exit rules, rare purchases and leaving).
#[test]
fn a_weekly_broadcast_reports_the_same_on_both_paths() {
    let daily = "every daily at 08:30, 12:30, 21:00: send feed";
    let src = edges(
        "Asia/Shanghai",
        "",
        "limit 3 per day",
        "08:30, 12:30, 21:00",
    );
    assert!(src.contains(daily));
    let src = (src.replace(daily, "every mon, thu at 20:00, 20:30: send feed"))
        .replace(
            "every daily at 12:30: send dm",
            "every month on 1 at 12:30: send dm",
        )
        .replace(
            "every sat at 12:30: exit",
            "every month on 1 at 12:30: exit",
        )
        .replace("rate 50% per day", "rate 5% per day")
        .replace("rate 15% per day", "rate 3% per day");
    assert!(has_bulk(&src));
    same_both_ways(&src, 2_000);
}

#[test]
fn daylight_saving_changes_report_the_same_on_both_paths() {
    let src = edges("America/New_York", "", "", "02:30, 12:30, 23:59");
    assert!(has_bulk(&src));
    same_both_ways(&src, 1_000);
}

#[test]
fn a_quiet_window_just_past_the_clocks_keeps_the_bulk_path() {
    let src = edges(
        "Asia/Shanghai",
        "quiet 21:01..08:30",
        "",
        "08:30, 12:30, 21:00",
    );
    assert!(has_bulk(&src));
    same_both_ways(&src, 1_000);
}

#[test]
fn a_quiet_window_at_a_clock_or_a_cap_that_can_bind_runs_item_by_item() {
    let quiet = edges(
        "Asia/Shanghai",
        "quiet 21:00..08:30",
        "",
        "08:30, 12:30, 21:00",
    );
    assert!(!has_bulk(&quiet));
    same_both_ways(&quiet, 1_000);
    let capped = edges(
        "Asia/Shanghai",
        "",
        "limit 2 per day",
        "08:30, 12:30, 21:00",
    );
    assert!(!has_bulk(&capped));
    same_both_ways(&capped, 1_000);
    let weekly = edges(
        "Asia/Shanghai",
        "",
        "limit 20 per week",
        "08:30, 12:30, 21:00",
    );
    assert!(!has_bulk(&weekly));
}

#[test]
fn a_trace_runs_item_by_item() {
    let src = edges("Asia/Shanghai", "", "", "08:30, 12:30, 21:00");
    let trace = with_run(&src, 0, |run| run.trace(3, crate::i18n::Lang::En, &[]));
    // each of the broadcast's sends is in the timeline, as the per-item path notes it
    assert!(trace.matches("\"post\"").count() > 10, "{trace}");
}

/// Two `when` rules that set and clear `looping` for ever once `go` is set: a rule loop
/// at one moment, which the loop guard stops.
pub(super) const LOOP_RULES: &str = r#"
    when go and looping: {
      untag looping
      send dm "x"
    }
    when go and not looping: {
      tag looping
      send dm "z"
    }"#;

/// How many users the loop guard stopped, from a JSON report.
pub(super) fn stopped(report: &str) -> u64 {
    let stopped = report
        .split("\"stopped\": ")
        .nth(1)
        .and_then(|r| r.split(',').next());
    stopped.and_then(|n| n.trim().parse().ok()).expect(report)
}

/// [`LOOP_RULES`] from Saturday 12:30, a moment of the broadcast: the loop guard counts
/// the broadcast's item among the moment's items, on both paths (`owner` `stage a` or
/// the journey's own rules, before the broadcast).
fn looping(wide: bool) -> String {
    let rules = LOOP_RULES;
    let (wide_rules, stage_rules) = if wide { (rules, "") } else { ("", rules) };
    format!(
        r#"
tag looping: bool
tag go: bool
event join
event leave
touchpoint feed {{
  channel moments
  broadcast
}}
touchpoint dm {{
  channel wecom
  limit 2 per day
}}
journey j {{
  timezone "Asia/Shanghai"
  entry on join
  reentry always
  exit on leave
  {wide_rules}
  every sat at 12:30: tag go
  every daily at 08:30, 12:30, 21:00: send feed "post"
  stage a {{
    {stage_rules}
    every daily at 09:00: send dm "y"
  }}
}}
population p {{
  size 100
  start 2026-03-02 09:00
  days 20
  arrivals join over 10d
  behavior join {{ rate 50% per day }}
  behavior leave {{ rate 20% per day }}
}}
"#
    )
}

#[test]
fn a_loop_at_a_moment_of_the_broadcast_is_stopped_alike_on_both_paths() {
    for wide in [false, true] {
        let src = looping(wide);
        assert!(has_bulk(&src));
        let stopped = stopped(&reports(&src, 200, true)[0]);
        assert!(stopped > 20, "{stopped} stopped");
        same_both_ways(&src, 200);
    }
}

/// Two bulk rules through two touchpoints (fatigue days merge their moments), one of
/// them read by a behaviour's `after send` multipliers and so is the broadcast; a rule
/// with a moment of the broadcast's (21:00) runs item by item.
#[test]
fn bulk_sends_read_by_behaviours_report_the_same_on_both_paths() {
    let src = edges(
        "Asia/Shanghai",
        "",
        "limit 3 per day",
        "08:30, 12:30, 21:00",
    );
    let live = r#"
touchpoint live {
  channel live
  limit 1 per day
}
touchpoint ad {
  channel wecom
}
touchpoint dm {"#;
    let rules = r#"on buy: send dm "thanks"
  every thu, sat at 19:50: send live "live"
  every daily at 21:00: send ad "clash""#;
    let buy = r#"behavior buy {
    rate 50% per day
    after send live within 6h: x3
    after send feed within 2h: x2
  }"#;
    let src = (src.replace("touchpoint dm {", live))
        .replace(r#"on buy: send dm "thanks""#, rules)
        .replace("behavior buy { rate 50% per day }", buy);
    assert_eq!(bulk_rules(&src), [1, 4]);
    same_both_ways(&src, 2_000);
}

/// Chances opened by the broadcast's sends (`after send feed` and `after send any`):
/// the events they draw come within the window, before the lazy count reaches the
/// send, so the moments whose draws open one run as items in the rule's turn. The
/// events reach everything a chance can: purchases (stage changes, per-item sends on
/// the same days), leaving (exits just after a moment, the pending item taken out)
/// and joining (re-entries); the holdout's sends open none. `leave`'s chance opens
/// often and first, `buy`'s after a failed draw of `leave`'s.
#[test]
fn chances_opened_by_bulk_sends_report_the_same_on_both_paths() {
    let src = edges(
        "Asia/Shanghai",
        "",
        "limit 3 per day",
        "08:30, 12:30, 21:00",
    );
    let behaviors = r#"behavior join {
    rate 40% per day
    after send any within 30m: 20%
  }
  behavior buy {
    rate 50% per day
    after send feed within 1d: 15%
  }
  behavior leave {
    rate 15% per day
    after send feed within 2h: 10%
  }"#;
    let plain = "behavior join { rate 40% per day }
  behavior buy { rate 50% per day }
  behavior leave { rate 15% per day }";
    assert!(src.contains(plain));
    let src = src.replace(plain, behaviors);
    assert_eq!(bulk_rules(&src), [1]);
    same_both_ways(&src, 2_000);
    // the exit at the broadcast's 12:30 on Saturdays comes after it
    let saturday = src.replace(
        "every sat at 12:30: exit",
        "every sat at 12:30, 21:00: exit",
    );
    same_both_ways(&saturday, 2_000);
}

/// Four rules through one touchpoint (`limit 3 per day`, reached on Wednesdays by
/// the rules' moments together, and a quiet window), two of them guarded by a tag (`if
/// vip`, `unless vip`) that changes between moments (a purchase tags, Tuesday and
/// Friday 09:00 untag) and at one (Friday 20:30, the guarded rule's, untagged by a
/// rule handled before it, or after it with `after`). Fridays and Sundays have only
/// a guarded rule's moment (with the guard false, a quiet day). The touchpoint's sends are read
/// by a behaviour and open chances (a purchase, which tags, follows the send; leaving
/// exits just after it); the holdout, exits around 12:30 and re-entries as in
/// [`edges`].
fn guarded(after: bool) -> String {
    let src = edges(
        "Asia/Shanghai",
        "quiet 23:00..07:00",
        "limit 3 per day",
        "08:30, 12:30, 21:00",
    );
    let untag = "every fri at 20:30: untag vip\n  ";
    let rules = format!(
        r#"{}every mon, wed at 20:00: send feed "a"
  every wed, fri at 20:30 if vip: send feed "b"
  every mon, wed, sat at 12:30: send feed "c"
  every sun at 10:00 unless vip: send feed "d"
  {}on buy unless vip: tag vip
  every tue, fri at 09:00: untag vip"#,
        if after { "" } else { untag },
        if after { untag } else { "" },
    );
    let behaviors = r#"behavior buy {
    rate 30% per day
    after send feed within 2h: x2
    after send feed within 1d: 15%
  }
  behavior leave {
    rate 10% per day
    after send feed within 2h: 5%
  }"#;
    let daily = r#"every daily at 08:30, 12:30, 21:00: send feed "post""#;
    let plain = "behavior buy { rate 50% per day }
  behavior leave { rate 15% per day }";
    assert!(src.contains(daily) && src.contains(plain));
    src.replace(daily, &rules).replace(plain, behaviors)
}

#[test]
fn guarded_rules_through_one_touchpoint_report_the_same_on_both_paths() {
    for after in [false, true] {
        let src = guarded(after);
        let first = if after { 1 } else { 2 };
        assert_eq!(bulk_rules(&src), [first, first + 1, first + 2, first + 3]);
        same_both_ways(&src, 3_000);
    }
    // counts over several days: `c` six days a week, a monthly `dm`, rare purchases
    // and leaving, vip users staying; whole days inside them, Sundays with only a
    // guarded rule's moment (and a false guard: no sends)
    let rare = [
        (
            "every mon, wed, sat at 12:30: send feed",
            "every mon, tue, wed, thu, fri, sat at 12:30: send feed",
        ),
        (
            "every sat at 12:30: exit",
            "every month on 1 at 12:30: exit",
        ),
        (
            "every daily at 12:30: send dm",
            "every month on 1 at 12:30: send dm",
        ),
        (
            "every daily at 12:30 if vip: exit",
            "every month on 1 at 12:30 if vip: exit",
        ),
        ("vip and inactive 3d", "vip and inactive 20d"),
        (
            "every tue, fri at 09:00: untag",
            "every tue at 09:00: untag",
        ),
        ("rate 30% per day", "rate 4% per day"),
        ("rate 10% per day", "rate 2% per day"),
    ];
    let rare = (rare.iter()).fold(guarded(false), |src, (a, b)| {
        assert!(src.contains(a), "{a}");
        src.replace(a, b)
    });
    same_both_ways(&rare, 3_000);
    // counts ending on Sundays after their only moment, vip from Saturday 09:00 to
    // Monday 09:00 (the last day of a count has no sends)
    let sundays = [
        (
            "every month on 1 at 12:30: exit",
            "every sun at 11:00: exit",
        ),
        (
            "every tue at 09:00: untag vip",
            "every sat at 09:00: tag vip\n  every mon at 09:00: untag vip",
        ),
    ];
    let sundays = (sundays.iter()).fold(rare, |src, (a, b)| {
        assert!(src.contains(a), "{a}");
        src.replace(a, b)
    });
    same_both_ways(&sundays, 3_000);
}

/// The touchpoint's rules are counted in bulk together or not at all: a cap their
/// moments reach together (two a day on Wednesdays: each rule alone stays under it),
/// a quiet window at one rule's clock, a guard reading more than tags, another
/// action sending through it.
#[test]
fn one_rule_through_the_touchpoint_keeps_them_all_item_by_item() {
    let src = guarded(false);
    let variants = [
        src.replace(
            "limit 3 per day\n  quiet 23:00",
            "limit 2 per day\n  quiet 23:00",
        ),
        src.replace("quiet 23:00..07:00", "quiet 20:15..07:00"),
        src.replace(
            "unless vip: send feed",
            "unless vip and inactive 2d: send feed",
        ),
        src.replace(
            r#"on buy: send dm "thanks""#,
            r#"on buy: send feed "thanks""#,
        ),
    ];
    for variant in &variants {
        assert!(variant != &src);
        assert!(bulk_rules(variant).is_empty(), "{variant}");
        same_both_ways(variant, 1_000);
    }
}

/// `journey diff`'s paired run adds the sends counted per thread as the plain run does
/// (they were left out: no posts, and whole days missing from the per-day sends).
#[test]
fn a_paired_run_counts_the_bulk_sends_as_the_plain_run() {
    let community = include_str!("../../../examples/community_calendar.journey");
    with_run(community, 7, |run| {
        let alone = run.simulate(0..600, &std::sync::atomic::AtomicU64::new(0));
        let side = || crate::sim::paired::Side::One(*run);
        let paired = crate::sim::paired::simulate_paired(&side(), &side(), &[], 0..600);
        assert!(alone.posts.iter().any(|p| p.count() > 0));
        assert!(paired.first == [alone.clone()] && paired.second == [alone]);
    });
}

//! Language version 2, broadcast touchpoints and populations with history (issue 14;
//! language-v2 §5 "Broadcast", §6, §10, §11.9, §11.13), end to end: the checker's
//! errors, the plan, the formatter, and the simulator's exact counts.

use journey::{check, compile, format, simulate, Code, Report, SimulateOptions, SourceFile};
use std::path::Path;

#[path = "support/cli.rs"]
mod cli;
use cli::ok;

#[path = "support/scratch.rs"]
mod scratch;
use scratch::scratch;

/// A file of declarations, one journey in Asia/Shanghai and a population, from parts.
fn source(touchpoints: &str, journey: &str, population: &str) -> String {
    format!(
        "event signup
event purchase {{ amount: number }}
event add_wecom
{touchpoints}
journey j {{
  timezone \"Asia/Shanghai\"
{journey}
}}
population p {{
  size 1000
  start 2026-03-02 09:00
{population}
}}
"
    )
}

fn run(src: &str, users: u64, threads: u64) -> Report {
    let model = check(src).model.unwrap_or_else(|| {
        panic!("the source has errors: {:#?}", check(src).diagnostics);
    });
    let options = SimulateOptions {
        users: Some(users),
        seed: 5,
        threads: Some(threads),
        ..SimulateOptions::default()
    };
    simulate(&SourceFile::new("t.journey", src), &model, &options).expect("a simulation")
}

/// The codes of `src`'s diagnostics, but for unused declarations (the small sources
/// here leave things unused).
fn codes(src: &str) -> Vec<Code> {
    (check(src).diagnostics.iter())
        .map(|d| d.code)
        .filter(|c| *c != Code::UnusedDeclaration)
        .collect()
}

/// Asserts that `observed` is within 5 standard errors of `expected` for a proportion
/// over `n` trials.
fn assert_share(what: &str, observed: u64, n: u64, expected: f64) {
    let se = (expected * (1.0 - expected) / n as f64).sqrt();
    let share = observed as f64 / n as f64;
    assert!(
        (share - expected).abs() <= 5.0 * se,
        "{what}: {share} observed, {expected} ± 5 × {se} expected"
    );
}

const MOMENTS: &str = "touchpoint wecom { channel wecom  cost 1 }
touchpoint 朋友圈 { channel moments  broadcast  limit 3 per day  cost 20  quiet 22:00..08:00 }";

// ------------------------------------------------------------------ broadcast

#[test]
fn broadcast_posts_are_counted_once_per_template_and_moment_and_cost_per_post() {
    // 10 days from 09:00: 20:00 falls on 10 days; 22:30 and 23:30 (the same template)
    // are both deferred to 08:00 the next morning, one post, also on 10 days (the
    // last at 08:00 of day 10, before the run ends at 09:00).
    let src = source(
        MOMENTS,
        "  entry on signup
  limit 1 per day
  stage a {
    on enter: send wecom \"welcome\"
    every daily at 20:00: send 朋友圈 \"晚安\"
    every daily at 22:30: send 朋友圈 \"夜宵\"
    every daily at 23:30: send 朋友圈 \"夜宵\"
    after 100d: exit
  }",
        "  days 10\n  arrivals signup over 1m",
    );
    let users = 300;
    let r = run(&src, users, 2);
    let (wecom, moments) = (&r.touchpoints[0], &r.touchpoints[1]);
    assert!(moments.broadcast && !wecom.broadcast);
    // the journey's `limit 1 per day` leaves the broadcast alone: every send goes out
    assert_eq!(wecom.sent, users);
    assert_eq!(moments.sent, users * 30);
    assert_eq!(moments.capped, 0);
    assert_eq!(moments.posts, Some(20));
    assert_eq!(wecom.posts, None);
    assert_eq!(moments.cost, 20.0 * 20.0);
    let posts: Vec<_> = (moments.templates.iter())
        .map(|t| (t.template.as_str(), t.sent, t.posts, t.cost))
        .collect();
    assert_eq!(
        posts,
        [
            ("夜宵", users * 20, Some(10), 200.0),
            ("晚安", users * 10, Some(10), 200.0)
        ]
    );
    // the journey's cost is its sends; the total adds the posts
    assert_eq!(r.journeys[0].cost, users as f64);
    assert_eq!(r.cost.total, users as f64 + 400.0);
}

#[test]
fn a_broadcast_keeps_its_own_limit_per_user() {
    // 4 posts a day through a touchpoint of 3 a day: the 4th is capped for every user
    let src = source(
        MOMENTS,
        "  entry on signup
  stage a {
    every daily at 10:00, 12:00, 14:00, 16:00: send 朋友圈 \"x\"
  }",
        "  days 3\n  arrivals signup over 1m",
    );
    let r = run(&src, 100, 1);
    let moments = &r.touchpoints[1];
    // days 0 (from 09:00), 1, 2: 12 sends a user, 9 out, 3 capped
    assert_eq!(moments.sent, 900);
    assert_eq!(moments.capped, 300);
    assert_eq!(moments.posts, Some(9));
}

#[test]
fn broadcast_given_twice_is_an_error() {
    let src = "touchpoint t { channel moments  broadcast  broadcast }\n";
    assert_eq!(codes(src), [Code::DuplicateSetting]);
}

#[test]
fn over_limit_ignores_broadcasts_against_the_journey_limit_only() {
    let journey = |tp: &str| {
        source(
            MOMENTS,
            &format!(
                "  entry on signup
  limit 1 per day
  stage a {{
    on enter: {{ send {tp} \"1\" send {tp} \"2\" }}
    after 30d: exit
  }}"
            ),
            "  days 10\n  arrivals signup over 1m",
        )
    };
    assert_eq!(codes(&journey("wecom")), [Code::OverDailyLimit]);
    assert_eq!(codes(&journey("朋友圈")), []);
    // its own limit still counts
    let own = journey("朋友圈").replace(
        "on enter: { send 朋友圈 \"1\" send 朋友圈 \"2\" }",
        "on enter: { send 朋友圈 \"1\" send 朋友圈 \"2\" send 朋友圈 \"3\" send 朋友圈 \"4\" }",
    );
    assert_eq!(codes(&own), [Code::OverDailyLimit]);
}

#[test]
fn the_plan_says_which_touchpoints_are_broadcasts() {
    let src = source(
        MOMENTS,
        "  entry on signup\n  stage a { after 1d: exit }",
        "  days 10\n  arrivals signup over 1m",
    );
    let model = check(&src).model.expect("clean");
    let plan = compile(&SourceFile::new("t.journey", &src), &model, None).expect("a plan");
    let json: serde_json::Value = serde_json::from_str(&plan.to_json()).unwrap();
    assert_eq!(json["version"], 2);
    assert_eq!(json["touchpoints"][0]["broadcast"], false);
    assert_eq!(json["touchpoints"][1]["broadcast"], true);
}

// ------------------------------------------------------------------ populations

#[test]
fn history_drives_inactive_entry_as_its_distribution_says() {
    // One past purchase, uniform in the 90 days before the start: `inactive 30d` holds
    // at the start for 60/90 of users, and by day 10 for 70/90.
    let src = source(
        "",
        "  entry when inactive 30d\n  stage a { after 100d: exit }",
        "  days 10\n  arrivals none\n  history purchase: 100% within 90d",
    );
    let users = 20_000;
    let r = run(&src, users, 2);
    assert_eq!(r.arrived, users);
    assert_share("entered by day 10", r.journeys[0].entered, users, 7.0 / 9.0);
}

#[test]
fn history_counts_in_conditions_and_triggers_no_rule() {
    // 2..4 past purchases each: `count(purchase) >= 2` holds for everyone at the start,
    // `>= 3` for two thirds; `on purchase` never fires (no purchase in the run).
    let src = source(
        "touchpoint wecom { channel wecom }",
        "  entry when count(purchase) >= 3
  stage a {
    on purchase: send wecom \"thanks\"
    after 100d: exit
  }",
        "  days 5\n  arrivals none\n  history purchase: 2..4 within 30d",
    );
    let users = 12_000;
    let r = run(&src, users, 2);
    assert_share("entered", r.journeys[0].entered, users, 2.0 / 3.0);
    assert_eq!(r.touchpoints[0].sent, 0);
}

#[test]
fn once_caps_a_behaviour_at_one_event_history_included() {
    // rate 5% a day for 30 days: a user adds the WeCom contact with chance
    // 1 − e^(−1.5), never twice; half the users added it before the start and so never
    // again.
    let journey = "  entry on add_wecom
  reentry always
  stage a { after 1m: exit }";
    let behavior = "  behavior add_wecom { rate 5% per day  once }";
    let users = 20_000;
    let expected = 1.0 - (-1.5f64).exp();
    let fresh = source(
        "",
        journey,
        &format!("  days 30\n  arrivals signup over 1m\n{behavior}"),
    );
    let r = run(&fresh, users, 2);
    assert_eq!(r.journeys[0].entered, r.journeys[0].users, "entered twice");
    assert_share("added once", r.journeys[0].users, users, expected);
    let with_history = source(
        "",
        journey,
        &format!(
            "  days 30\n  arrivals signup over 1m\n  history add_wecom: 50% within 30d\n{behavior}"
        ),
    );
    let r = run(&with_history, users, 2);
    assert_eq!(r.journeys[0].entered, r.journeys[0].users, "entered twice");
    assert_share(
        "added once, after none",
        r.journeys[0].users,
        users,
        0.5 * expected,
    );
}

#[test]
fn bad_population_lines_are_errors_with_their_codes() {
    let cases: [(&str, Code); 7] = [
        ("history purchase: 5..2 within 30d", Code::EmptyRange),
        ("history nobody: 1..2 within 30d", Code::UnknownEvent),
        ("history purchase: 1..2 within 0d", Code::InvalidDuration),
        (
            "history purchase: 1..5000 within 30d",
            Code::TooLargeToSimulate,
        ),
        (
            "history purchase: 1..2 within 30d\n  history purchase: 5% within 9d",
            Code::DuplicateSetting,
        ),
        (
            "arrivals none\n  arrivals signup over 1d",
            Code::DuplicateSetting,
        ),
        (
            "arrivals none\n  behavior purchase { once  once }",
            Code::DuplicateSetting,
        ),
    ];
    for (lines, code) in cases {
        let lines = if lines.contains("arrivals") {
            lines.to_string()
        } else {
            format!("arrivals none\n  {lines}")
        };
        let src = source(
            "",
            "  entry on signup\n  stage a { after 1d: exit }",
            &format!("  days 5\n  {lines}"),
        );
        let checked = check(&src);
        let found: Vec<_> = checked.diagnostics.iter().map(|d| d.code).collect();
        assert!(found.contains(&code), "{lines}: {code:?} not in {found:?}");
        let d = checked.diagnostics.iter().find(|d| d.code == code).unwrap();
        let span = d.labels[0].span;
        assert!(!src[span.start..span.end].is_empty(), "{lines}: no span");
    }
}

#[test]
fn the_formatter_lays_out_the_new_lines_and_is_idempotent() {
    let messy = "touchpoint m {channel moments   broadcast\n cost 20}
event e
population p {
size 10   start 2026-03-02 09:00 days 5 arrivals    none
history e :  1 .. 3   within 30d   # past
history   e2:40%  within 9d
behavior e { once }
}
";
    let formatted = format(messy).expect("formats");
    assert!(
        formatted.contains("  broadcast\n"),
        "broadcast on its own line:\n{formatted}"
    );
    assert!(formatted.contains("  arrivals none\n"), "{formatted}");
    assert!(
        formatted.contains("  history e: 1..3 within 30d  # past\n"),
        "{formatted}"
    );
    assert!(
        formatted.contains("  history e2: 40% within 9d\n"),
        "{formatted}"
    );
    assert!(formatted.contains("  behavior e { once }\n"), "{formatted}");
    assert_eq!(format(&formatted).expect("formats again"), formatted);
}

// ------------------------------------------------------------------ the wake-up example

const WAKEUP: &str = "examples/dormant_wakeup.journey";

#[test]
fn the_wake_up_journeys_first_day_is_not_empty() {
    // Every user has 1–3 past purchases in the 90 days before the start; those whose
    // last one is 30 days old or more enter at once: Σ_n (2/3)^n / 3 = 38/81 of them,
    // and the treatment users among them get the welcome on day 0.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(WAKEUP);
    let src = std::fs::read_to_string(path).unwrap();
    let users = 20_000;
    let r = run(&src, users, 2);
    let wecom = r.daily[0].sends.0[0].1;
    let expected = 38.0 / 81.0 * 0.9;
    assert_share("welcomed on day 0", wecom, users, expected);
    let moments = r.touchpoints.iter().find(|t| t.broadcast).unwrap();
    assert!(moments.posts.unwrap() > 0);
}

#[test]
fn posts_merge_exactly_across_shards_and_threads() {
    let dir = scratch("posts", &[]);
    let args = ["simulate", WAKEUP, "--users", "3000", "--seed", "9"];
    let single = ok(&[&args[..], &["--format", "json", "--threads", "1"]].concat());
    let two = ok(&[&args[..], &["--format", "json", "--threads", "2"]].concat());
    assert_eq!(single, two);
    let mut parts = Vec::new();
    for k in [1, 0, 2] {
        let part = dir.join(format!("part{k}.json"));
        let shard = format!("{k}/3");
        ok(&[
            &args[..],
            &["--shard", &shard, "-o", part.to_str().unwrap()],
        ]
        .concat());
        parts.push(part);
    }
    let merged = dir.join("merged.json");
    let mut merge = vec!["report", "merge"];
    merge.extend(parts.iter().map(|p| p.to_str().unwrap()));
    merge.extend(["-o", merged.to_str().unwrap()]);
    ok(&merge);
    assert_eq!(std::fs::read(&merged).unwrap(), single);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_trace_shows_history_and_a_user_present_from_the_start() {
    let out = String::from_utf8(ok(&["simulate", WAKEUP, "--trace", "0"])).unwrap();
    assert!(
        out.contains("exists from the start (arrivals none)"),
        "{out}"
    );
    let past: Vec<&str> = (out.lines())
        .filter(|l| l.contains("past event 下单"))
        .collect();
    assert!(!past.is_empty(), "{out}");
    // placed in the 90 days before the start (2026-03-02 09:00)
    for line in past {
        let date = &line[..10];
        assert!(("2025-12-02".."2026-03-03").contains(&date), "{line}");
    }
    let zh = cli::lang::run_in("zh", &["simulate", WAKEUP, "--trace", "0"]);
    let zh = String::from_utf8(zh.stdout).unwrap();
    assert!(zh.contains("历史事件 下单"), "{zh}");
}

#[test]
fn the_new_errors_read_plainly() {
    let src = source(
        "",
        "  entry on signup\n  stage a { after 1d: exit }",
        "  days 5\n  arrivals none\n  history purchase: 5..2 within 30d\n  history signup: 1..5000 within 30d",
    );
    let file = SourceFile::new("t.journey", src.as_str());
    let checked = check(&src);
    let text = journey::render_human(&file, &checked.diagnostics, journey::HumanStyle::PLAIN);
    insta::assert_snapshot!("v2_bcast_population_errors", text);
}

#[test]
fn a_goal_only_history_produces_is_unreachable() {
    // past events happen before the run: no goal window can see them
    let src = source(
        "",
        "  entry on signup\n  goal g: purchase within 30d\n  stage a { after 1d: exit }",
        "  days 5\n  arrivals signup over 1d\n  history purchase: 1..2 within 30d",
    );
    assert_eq!(codes(&src), [Code::UnreachableGoal]);
}

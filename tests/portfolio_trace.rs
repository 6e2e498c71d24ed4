//! `journey simulate --trace USER` on a portfolio (issue 15, the runner contract): one
//! timeline of every journey the user is in, each journey's lines labelled `[name]`, the
//! user's own (tags, arrival, events) once; what the trace shows adds up to the report.

use serde_json::Value;
use std::collections::BTreeMap;

#[path = "support/cli.rs"]
mod cli;
use cli::ok;

const HANDOFF: &str = "tests/portfolio/handoff.journey";
const CONTENTION: &str = "tests/portfolio/contention.journey";
const OWN_LIMITS: &str = "tests/portfolio/own_limits.journey";
const BEAUTY4: &str = "tests/portfolio/beauty4.journey";

fn trace(file: &str, user: u64, more: &[&str]) -> String {
    let user = user.to_string();
    String::from_utf8(ok(&[&["simulate", file, "--trace", &user], more].concat())).unwrap()
}

/// A trace line's journey (`None` for the user's own lines) and its words, indent
/// and all. A line is `2026-03-02 10:00:00 Mon  [新客] …`.
fn parse(line: &str) -> (Option<&str>, &str) {
    let (_, rest) = line.split_at(line.find("  ").expect("a moment first"));
    let rest = &rest[2..];
    match rest.strip_prefix('[') {
        Some(labelled) => {
            let (journey, words) = labelled.split_once("] ").expect("a closed label");
            (Some(journey), words)
        }
        None => (None, rest),
    }
}

#[test]
fn a_portfolio_users_timeline_in_english_and_chinese() {
    // user 1 buys four times over two days: 新客 sends 感谢 and hands them on to 复购,
    // whose 补货 the policy caps (新客's 感谢 used the day's one); the third purchase,
    // on a day 感谢 already went out, has its own 感谢 capped
    for lang in ["en", "zh"] {
        let text = trace(HANDOFF, 1, &["--users", "12", "--lang", lang]);
        insta::assert_snapshot!(format!("handoff_trace.{lang}"), text);
    }
}

#[test]
fn the_users_own_lines_show_once_and_every_other_line_names_its_journey() {
    let text = trace(CONTENTION, 3, &["--days", "2"]);
    let lines: Vec<_> = text.lines().map(parse).collect();
    let own: Vec<&str> = (lines.iter())
        .filter(|(j, _)| j.is_none())
        .map(|(_, w)| *w)
        .collect();
    assert_eq!(own, ["tags drawn: ", "arrives: signup", "event signup"]);
    let journeys = |words: &str| -> Vec<&str> {
        (lines.iter())
            .filter(|(_, w)| w.starts_with(words))
            .map(|(j, _)| j.expect("a journey's line"))
            .collect()
    };
    // both enter on the one signup, 复购 (priority 10) first
    assert_eq!(journeys("enters journey"), ["复购", "新客"]);
    assert_eq!(journeys("group: treatment"), ["新客", "复购"]);
    // each day 复购's send goes out and 新客's is capped by the send 复购 used
    let sends: Vec<(&str, &str)> = (lines.iter())
        .filter(|(_, w)| w.starts_with("  send"))
        .map(|(j, w)| (j.unwrap(), w.trim_start()))
        .collect();
    let capped = "send wecom \"新客早安\": capped by wecom's `limit 1 per day` (1 already sent \
                  today); the allowance went to 复购 (1 sent)";
    let day = [("复购", "send wecom \"复购早安\": sent"), ("新客", capped)];
    assert_eq!(sends, [day, day].concat());
}

#[test]
fn a_journeys_own_limits_are_named_as_its_own_in_a_portfolio() {
    // 会员 comes second: its own counters are placed after the shared ones
    let text = trace(OWN_LIMITS, 0, &[]);
    let of = |journey: &str, send: &str| -> Vec<&str> {
        (text.lines().map(parse))
            .filter(|(j, w)| *j == Some(journey) && w.trim_start().starts_with(send))
            .map(|(_, w)| w.split_once(": ").unwrap().1)
            .collect()
    };
    let daily = "capped by the journey's `limit 1 per day` (1 already sent today); the \
                 allowance went to 会员 (1 sent)";
    let rolling = "capped by the journey's `limit 2 per 3d` (2 already sent in the last 3d); \
                   the allowance went to 会员 (2 sent)";
    assert_eq!(
        of("会员", "send wecom \"会员早安\""),
        ["sent", "sent", rolling]
    );
    assert_eq!(of("会员", "send sms \"会员晚安\""), [daily, daily, rolling]);
    assert_eq!(of("新客", "send wecom"), ["sent"; 3]);
}

#[test]
fn enter_of_a_journey_the_run_leaves_out_says_so_and_journey_still_picks_one() {
    let picked = trace(HANDOFF, 1, &["--users", "12", "--journey", "新客"]);
    assert!(picked.lines().all(|l| parse(l).0.is_none()), "{picked}");
    assert!(
        picked.contains("enter 复购: handed on to journey 复购, which this run does not simulate"),
        "{picked}"
    );
    let both = trace(HANDOFF, 1, &["--users", "12"]);
    assert!(
        both.contains(
            "[新客]   enter 复购: handed on to journey 复购 once this rule's actions are done"
        ),
        "{both}"
    );
}

/// Per journey and touchpoint, the trace's sends by outcome (`sent`, `capped`,
/// `deferred`, `suppressed`), and per journey and touchpoint the capped sends whose
/// journey had not used the cap's allowance itself (the report's contention).
#[derive(Default, Debug, PartialEq)]
struct Sends {
    outcomes: BTreeMap<(String, String, &'static str), u64>,
    contention: BTreeMap<(String, String), u64>,
}

impl Sends {
    fn add(&mut self, text: &str) {
        for (journey, words) in text.lines().map(parse) {
            let Some(journey) = journey else { continue };
            let Some(send) = words.trim_start().strip_prefix("send ") else {
                continue;
            };
            let (touchpoint, rest) = send.split_once(' ').unwrap();
            let outcome = rest.split_once("\": ").unwrap().1;
            let kind = ["sent", "capped", "deferred", "suppressed"]
                .into_iter()
                .find(|k| outcome.starts_with(k))
                .unwrap_or_else(|| panic!("an outcome: {outcome}"));
            let key = (journey.to_string(), touchpoint.to_string());
            *self
                .outcomes
                .entry((key.0.clone(), key.1.clone(), kind))
                .or_default() += 1;
            if kind == "capped" && !capped_by_own(journey, outcome) {
                *self.contention.entry(key).or_default() += 1;
            }
        }
    }
}

/// Whether a capped send's journey had used the whole allowance itself: its own count
/// in `the allowance went to 会员 (2 sent), …` reaches the `limit N`.
fn capped_by_own(journey: &str, outcome: &str) -> bool {
    let max: u64 = (outcome.split_once("`limit ").unwrap().1)
        .split_once(' ')
        .unwrap()
        .0
        .parse()
        .unwrap();
    let used = outcome.split_once("the allowance went to ").unwrap().1;
    let own = (used.split(", "))
        .find_map(|u| u.strip_prefix(&format!("{journey} (")))
        .map_or(0, |n| n.split_once(' ').unwrap().0.parse().unwrap());
    own >= max
}

#[test]
fn every_users_trace_adds_up_to_the_reports_sends_and_contention() {
    // four journeys, quiet windows, journey, touchpoint and rolling limits, holdouts
    let (users, days) = (24u64, "30");
    let mut traced = Sends::default();
    for user in 0..users {
        traced.add(&trace(
            BEAUTY4,
            user,
            &["--users", &users.to_string(), "--days", days],
        ));
    }
    let doc: Value = serde_json::from_slice(&ok(&[
        "simulate",
        BEAUTY4,
        "--users",
        &users.to_string(),
        "--days",
        days,
        "--format",
        "json",
    ]))
    .unwrap();
    let of = |journey: &str, tp: &str, kind: &'static str| {
        (traced.outcomes)
            .get(&(journey.into(), tp.into(), kind))
            .copied()
            .unwrap_or(0)
    };
    let journeys: Vec<&str> = (doc["journeys"].as_array().unwrap().iter())
        .map(|j| j["name"].as_str().unwrap())
        .collect();
    let mut capped = 0;
    for tp in doc["touchpoints"].as_array().unwrap() {
        let name = tp["name"].as_str().unwrap();
        for kind in ["sent", "capped", "deferred", "suppressed"] {
            let sum: u64 = journeys.iter().map(|j| of(j, name, kind)).sum();
            assert_eq!(sum, tp[kind].as_u64().unwrap(), "{name} {kind}");
        }
        for j in &journeys {
            assert_eq!(
                of(j, name, "sent"),
                tp["by_journey"][j].as_u64().unwrap(),
                "{name} {j}"
            );
        }
        capped += tp["capped"].as_u64().unwrap();
    }
    assert!(capped > 100, "the sample caps sends: {capped}");
    let reported: BTreeMap<(String, String), u64> = (doc["contention"].as_array().unwrap())
        .iter()
        .map(|c| {
            let key = (
                c["journey"].as_str().unwrap(),
                c["touchpoint"].as_str().unwrap(),
            );
            (
                (key.0.into(), key.1.into()),
                c["capped_by_others"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(traced.contention, reported);
}

#[test]
fn a_projects_rules_are_named_by_their_line_in_their_own_file() {
    let dir = "examples/美妆私域";
    let mut checked = 0;
    for user in [3, 7] {
        let text = trace(&format!("{dir}/组合.journey"), user, &["--users", "1000"]);
        for line in text.lines().filter(|l| l.ends_with(" fired")) {
            // `新手: `on enter:` (新客.journey line 16) fired`
            let (rule, at) = line.rsplit_once("` (").unwrap();
            let rule = rule.split_once(": `").unwrap().1;
            let (file, number) = at.trim_end_matches(") fired").split_once(" line ").unwrap();
            let source = std::fs::read_to_string(format!("{dir}/{file}")).unwrap();
            let written = source.lines().nth(number.parse::<usize>().unwrap() - 1);
            assert!(
                written.is_some_and(|w| w.trim_start().starts_with(rule)),
                "{line}: {written:?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 5, "rules fired: {checked}");
}

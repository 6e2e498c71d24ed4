//! The runner contract's exact moments (docs/plan.md §10.17 and §10.9): each test
//! scripts one user's events to the second and checks what the simulator did, so the
//! document cannot drift from it.

use super::{notes, scripted, with_run};
use crate::sim::rng::{hash_unit, holdout_salt, SPLIT_SALT};
use crate::sim::trace::{Note, SendOutcome};
use crate::sim::{Time, DAY};

const H: Time = 3600;

const HEAD: &str = r#"
event signup
event click
event buy { amount: number }
tag vip: bool
touchpoint wecom {
  channel wecom
  limit 1 per day
  quiet 22:00..08:00
}
touchpoint sms { channel sms }
"#;

/// A journey entered on `signup` with `settings` and `stages`, over a population that
/// exists from Monday 2026-03-02 00:00 (time 0) in Shanghai.
pub(super) fn file(settings: &str, stages: &str) -> String {
    format!(
        "{HEAD}journey j {{
  timezone \"Asia/Shanghai\"
  entry on signup
{settings}
{stages}
}}
population p {{
  size 1
  start 2026-03-02 00:00
  days 10
  arrivals none
}}
"
    )
}

/// What happened to the user when `script`'s events happened, in order, as
/// `(seconds, what)`: journey entries and exits, stages entered, goals, and sends with
/// their outcome.
pub(super) fn story(src: &str, script: &[(Time, &str)]) -> Vec<(Time, String)> {
    let (templates, stages) = with_run(src, 0, |run| {
        let templates: Vec<String> = run.prog.templates.iter().map(|t| t.to_string()).collect();
        let stages: Vec<String> = run
            .prog
            .journey
            .stages
            .iter()
            .map(|s| s.name.clone())
            .collect();
        (templates, stages)
    });
    scripted(src, script)
        .into_iter()
        .filter_map(|(_, t, n)| {
            let what = match n {
                Note::EnterJourney => "enter".to_string(),
                Note::ExitJourney { .. } => "exit".to_string(),
                Note::Stage { to, .. } => format!("stage {}", stages[to]),
                Note::Goal { .. } => "goal".to_string(),
                Note::Send {
                    template, outcome, ..
                } => {
                    let outcome = match outcome {
                        SendOutcome::Suppressed => "suppressed".to_string(),
                        SendOutcome::Deferred { until } => format!("deferred to {until}"),
                        SendOutcome::Capped { .. } => "capped".to_string(),
                        SendOutcome::Sent => "sent".to_string(),
                    };
                    format!("{} {outcome}", templates[template as usize])
                }
                _ => return None,
            };
            Some((t, what))
        })
        .collect()
}

pub(super) fn at(t: Time, what: &str) -> (Time, String) {
    (t, what.to_string())
}

#[test]
fn a_when_rule_made_due_by_a_firing_runs_before_later_rules_and_its_transition_cancels_them() {
    let src = file(
        "",
        "  stage a {
    after 1h: tag vip = true
    when vip -> b
    after 1h: send sms \"late\"
  }
  stage b { on enter: send sms \"in_b\" }",
    );
    assert_eq!(
        story(&src, &[(0, "signup")]),
        [
            at(0, "enter"),
            at(0, "stage a"),
            at(H, "stage b"),
            at(H, "in_b sent")
        ]
    );
}

#[test]
fn a_when_rule_made_due_by_a_firing_waits_for_the_lower_indexes_already_due() {
    let src = file(
        "",
        "  stage a {
    after 1h: tag vip = true
    after 1h: send sms \"still\"
    when vip -> b
  }
  stage b { on enter: send sms \"in_b\" }",
    );
    assert_eq!(
        story(&src, &[(0, "signup")]),
        [
            at(0, "enter"),
            at(0, "stage a"),
            at(H, "still sent"),
            at(H, "stage b"),
            at(H, "in_b sent")
        ]
    );
}

#[test]
fn a_when_exit_made_true_by_a_firing_leaves_at_once() {
    let src = file(
        "  exit when vip",
        "  stage a {
    after 1h: tag vip = true
    after 1h: send sms \"never\"
  }",
    );
    assert_eq!(
        story(&src, &[(0, "signup")]),
        [at(0, "enter"), at(0, "stage a"), at(H, "exit")]
    );
}

#[test]
fn a_send_deferred_to_a_moment_goes_out_before_the_rules_due_then() {
    // wecom: 1 a day, quiet 22:00..08:00; the user enters at 23:00
    let src = file(
        "",
        "  stage a {
    on enter: send wecom \"night\"
    every daily at 08:00: send wecom \"morning\"
    on click: send wecom \"click\"
  }",
    );
    let eight = 32 * H;
    let all = story(&src, &[(23 * H, "signup"), (eight, "click")]);
    assert_eq!(
        all[..all.iter().position(|(t, _)| *t > eight).unwrap()],
        [
            at(23 * H, "enter"),
            at(23 * H, "stage a"),
            at(23 * H, &format!("night deferred to {eight}")),
            at(eight, "night sent"),
            at(eight, "morning capped"),
            at(eight, "click capped"),
        ]
    );
}

#[test]
fn a_goal_window_starts_at_the_latest_entry_and_a_user_reaches_a_goal_once() {
    let src = file(
        "  reentry always
  exit on click
  goal g: buy within 1d",
        "  stage a { on enter: send sms \"hi\" }",
    );
    let script = [
        (0, "signup"),
        (H, "click"),         // leaves
        (2 * DAY, "buy"),     // outside the first entry's day: not reached
        (3 * DAY, "signup"),  // enters again
        (3 * DAY + H, "buy"), // within a day of the latest entry: reached
        (3 * DAY + 2 * H, "buy"),
    ];
    let all: Vec<_> = story(&src, &script)
        .into_iter()
        .filter(|(_, w)| ["enter", "exit", "goal"].contains(&w.as_str()))
        .collect();
    assert_eq!(
        all,
        [
            at(0, "enter"),
            at(H, "exit"),
            at(3 * DAY, "enter"),
            at(3 * DAY + H, "goal")
        ]
    );
}

#[test]
fn moments_are_whole_seconds_so_days_since_above_one_holds_a_second_after_one_day() {
    // before any buy days_since is +∞: both hold on entry
    let src = file(
        "",
        "  stage a {
    when days_since(buy) > 1: send sms \"gt\"
    when days_since(buy) >= 1: send sms \"ge\"
  }",
    );
    assert_eq!(
        story(&src, &[(0, "signup"), (H, "buy")]),
        [
            at(0, "enter"),
            at(0, "stage a"),
            at(0, "gt sent"),
            at(0, "ge sent"),
            at(H + 86_400, "ge sent"),
            at(H + 86_401, "gt sent"),
        ]
    );
}

#[test]
fn a_timed_when_that_turns_false_and_true_again_keeps_both_runs() {
    let src = file(
        "",
        "  stage a {
    on click: tag vip = true
    on buy: tag vip = false
    when vip after 2h: send sms \"x\"
  }",
    );
    let script = [
        (0, "signup"),
        (H, "click"),
        (H + H / 2, "buy"),
        (2 * H, "click"),
    ];
    assert_eq!(
        story(&src, &script),
        [
            at(0, "enter"),
            at(0, "stage a"),
            at(3 * H, "x sent"),
            at(4 * H, "x sent")
        ]
    );
}

#[test]
fn all_events_of_a_second_come_before_its_rules_which_run_by_index() {
    let src = file(
        "",
        "  stage a {
    after 1h: send sms \"timer\"
    on click: send sms \"clicked\"
    on buy -> b
    after 1h: send sms \"late\"
  }
  stage b { on enter: send sms \"in_b\" }",
    );
    assert_eq!(
        story(&src, &[(0, "signup"), (H, "click"), (H, "buy")]),
        [
            at(0, "enter"),
            at(0, "stage a"),
            at(H, "timer sent"),
            at(H, "clicked sent"),
            at(H, "stage b"),
            at(H, "in_b sent"),
        ]
    );
}

#[test]
fn rule_guards_of_a_second_see_all_its_events() {
    let src = file(
        "",
        "  stage a {
    on buy: send sms \"each\"
    on buy if count(buy) == 1: send sms \"first\"
  }",
    );
    assert_eq!(
        story(&src, &[(0, "signup"), (H, "buy"), (H, "buy")]),
        [
            at(0, "enter"),
            at(0, "stage a"),
            at(H, "each sent"),
            at(H, "each sent")
        ]
    );
}

/// The journey of docs/plan.md §10.9's test vectors.
const VECTORS: &str = r#"
event signup
touchpoint sms { channel sms }
journey j {
  entry on signup
  holdout 20%
  stage a {
    on enter: split {
      30% A: send sms "a"
      70% B: send sms "b"
    }
  }
}
population p {
  size 12
  start 2026-03-02 00:00
  days 1
  arrivals signup over 1m
}
"#;

/// Rows `| user | u_holdout | holdout | u_split | arm |` of the table between the
/// `<!-- assignment vectors -->` markers of docs/plan.md.
fn documented_vectors() -> Vec<(u64, f64, bool, f64, String)> {
    let doc = include_str!("../../../docs/plan.md");
    let marker = "<!-- assignment vectors -->";
    let table = doc
        .split(marker)
        .nth(1)
        .expect("the vectors in docs/plan.md");
    table
        .lines()
        .filter(|l| l.starts_with("| ") && l.chars().nth(2).is_some_and(|c| c.is_ascii_digit()))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(|c| c.trim().trim_matches('`')).collect();
            (
                cells[1].parse().unwrap(),
                cells[2].parse().unwrap(),
                cells[3] == "yes",
                cells[4].parse().unwrap(),
                cells[5].to_string(),
            )
        })
        .collect()
}

#[test]
fn the_documented_assignment_vectors_are_the_simulators() {
    let vectors = documented_vectors();
    assert_eq!(vectors.len(), 12);
    assert_eq!(
        holdout_salt("j"),
        0x08c1_4407_b564_b4a7,
        "the salt the table states"
    );
    let mut holdouts = 0;
    for (user, u_holdout, holdout, u_split, arm) in vectors {
        assert_eq!(
            hash_unit(0, user, holdout_salt("j")),
            u_holdout,
            "user {user}"
        );
        assert_eq!(hash_unit(0, user, SPLIT_SALT), u_split, "user {user}");
        let all = notes(VECTORS, user);
        let group = all.iter().find_map(|(_, _, n)| match n {
            Note::Group { holdout } => Some(*holdout),
            _ => None,
        });
        assert_eq!(group, Some(holdout), "user {user}");
        let got = all.iter().find_map(|(_, _, n)| match n {
            Note::Split { arm, .. } => Some(*arm),
            _ => None,
        });
        let expected = match arm.as_str() {
            "—" => None,
            "A" => Some(0),
            _ => Some(1),
        };
        assert_eq!(got, Some(expected), "user {user}");
        holdouts += usize::from(holdout);
    }
    assert!(holdouts > 0, "the vectors show a holdout user");
}

#[test]
fn splits_are_numbered_in_plan_order_outer_before_inner() {
    // split 0 is the outer one, 1 the one inside its arm A, 2 the one of the next rule
    let src = r#"
event signup
touchpoint sms { channel sms }
journey j {
  entry on signup
  stage a {
    on enter: split {
      50% A: split {
        40% C: send sms "C"
        60% D: send sms "D"
      }
      50% B: send sms "B"
    }
    after 1h: split {
      20% E: send sms "E"
      80% F: send sms "F"
    }
  }
}
population p {
  size 40
  start 2026-03-02 00:00
  days 1
  arrivals signup over 1m
}
"#;
    let templates = with_run(src, 0, |run| {
        (run.prog.templates.iter())
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
    });
    let arm = |user: u64, n: u64, arms: [(&'static str, f64); 2]| {
        let u = hash_unit(0, user, SPLIT_SALT + n);
        if u < arms[0].1 / 100.0 {
            arms[0].0
        } else {
            arms[1].0
        }
    };
    for user in 0..40 {
        let mut expected = vec![arm(user, 0, [("A", 50.0), ("B", 50.0)])];
        if expected[0] == "A" {
            expected = vec![arm(user, 1, [("C", 40.0), ("D", 60.0)])];
        }
        expected.push(arm(user, 2, [("E", 20.0), ("F", 80.0)]));
        let sent: Vec<&str> = notes(src, user)
            .into_iter()
            .filter_map(|(_, _, n)| match n {
                Note::Send { template, .. } => Some(templates[template as usize].as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(sent, expected, "user {user}");
    }
}

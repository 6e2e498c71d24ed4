//! Exact tests of journey-wide rules (language-v2.md §3, §11.3, §11.10): rules written
//! in the journey body, outside any stage, run in every stage.

use super::notes;
use super::semantics::{sends, source};
use super::simulate;
use crate::sim::program::JOURNEY_WIDE;
use crate::sim::trace::{Note, Skip};

const MONDAY: &str = "2026-03-02 09:00";

/// The local moments and templates of the sends of user 0.
fn sent(src: &str) -> Vec<(String, String)> {
    sends(src).into_iter().map(|(at, t, _)| (at, t)).collect()
}

/// The stage changes of user 0: (local moment, from, to).
fn moves(src: &str) -> Vec<(String, Option<usize>, usize)> {
    (notes(src, 0).into_iter())
        .filter_map(|(at, _, n)| match n {
            Note::Stage { from, to } => Some((at, from, to)),
            _ => None,
        })
        .collect()
}

fn at_20(days: &[&str]) -> Vec<(String, String)> {
    days.iter()
        .map(|d| (format!("{d} 20:00:00"), "cal".to_string()))
        .collect()
}

#[test]
fn a_journey_wide_every_fires_on_each_calendar_moment_across_a_stage_change() {
    // the user moves to b on Thursday; in a stage the calendar would stop there
    let wide = source(
        "Asia/Shanghai",
        "  every mon, wed, fri at 20:00: send wecom \"cal\"",
        "  stage a { after 3d -> b }\n  stage b { }",
        MONDAY,
        14,
    );
    let days = [
        "2026-03-02",
        "2026-03-04",
        "2026-03-06",
        "2026-03-09",
        "2026-03-11",
        "2026-03-13",
    ];
    assert_eq!(sent(&wide), at_20(&days));
    let r = simulate(&wide, 100, 0, 2);
    assert_eq!(r.touchpoints[0].sent, 600);
    let in_a = source(
        "Asia/Shanghai",
        "",
        "  stage a {\n    every mon, wed, fri at 20:00: send wecom \"cal\"\n    after 3d -> b\n  }\n  stage b { }",
        MONDAY,
        14,
    );
    assert_eq!(sent(&in_a), at_20(&days[..2]));
}

#[test]
fn leaving_the_journey_cancels_the_pending_journey_wide_moments() {
    let src = source(
        "Asia/Shanghai",
        "  every mon, wed, fri at 20:00: send wecom \"cal\"",
        "  stage a { after 3d -> b }\n  stage b { after 2d: exit }",
        MONDAY,
        14,
    );
    // Mon, Wed in a; Fri in b; the exit on Saturday morning ends the calendar
    assert_eq!(
        sent(&src),
        at_20(&["2026-03-02", "2026-03-04", "2026-03-06"])
    );
    let cancelled: Vec<String> = (notes(&src, 0).into_iter())
        .filter_map(|(at, _, n)| match n {
            Note::Skipped {
                stage: JOURNEY_WIDE,
                rule: 0,
                why: Skip::StageLeft,
            } => Some(at[..10].to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(cancelled, ["2026-03-07"]);
    assert_eq!(simulate(&src, 100, 0, 2).touchpoints[0].sent, 300);
}

#[test]
fn a_journey_wide_firing_shifted_by_its_timing_survives_a_stage_change() {
    // triggered on Monday 20:00, due on Tuesday 20:00; the user moves on Tuesday 09:00
    let src = source(
        "Asia/Shanghai",
        "  every mon at 20:00 after 1d: send wecom \"tue\"",
        "  stage a { after 1d -> b }\n  stage b { }",
        MONDAY,
        3,
    );
    assert_eq!(
        sent(&src),
        [("2026-03-03 20:00:00".to_string(), "tue".to_string())]
    );
}

#[test]
fn a_journey_wide_transition_moves_the_user_from_any_stage() {
    let rule = "  on 2026-03-03 at 12:00 -> z";
    let (a, b, z) = (0, 1, 2);
    // from the first stage
    let src = source(
        "Asia/Shanghai",
        rule,
        "  stage a { }\n  stage b { }\n  stage z { }",
        MONDAY,
        3,
    );
    let moved = moves(&src);
    assert_eq!(moved[1], ("2026-03-03 12:00:00".into(), Some(a), z));
    // from another stage
    let src = source(
        "Asia/Shanghai",
        rule,
        "  stage a { after 1h -> b }\n  stage b { }\n  stage z { }",
        MONDAY,
        3,
    );
    let moved: Vec<_> = moves(&src).into_iter().map(|m| (m.1, m.2)).collect();
    assert_eq!(moved, [(None, a), (Some(a), b), (Some(b), z)]);
}

#[test]
fn a_journey_wide_transition_into_the_current_stage_re_enters_it() {
    let src = source(
        "Asia/Shanghai",
        "  on 2026-03-03 at 12:00 -> z",
        "  stage a { after 1h -> z }\n  stage z {\n    on exit: send wecom \"left_z\"\n    on enter: send wecom \"enter_z\"\n  }",
        MONDAY,
        3,
    );
    let s: Vec<String> = sent(&src).into_iter().map(|(_, t)| t).collect();
    assert_eq!(s, ["enter_z", "left_z", "enter_z"]);
    let moved: Vec<_> = moves(&src).into_iter().map(|m| (m.1, m.2)).collect();
    assert_eq!(moved, [(None, 0), (Some(0), 1), (Some(1), 1)]);
}

#[test]
fn journey_wide_rules_run_before_the_stage_rules_at_one_moment() {
    // written after the stage, the journey-wide rule still runs first: the stage's
    // guard sees its tag
    let src = source(
        "Asia/Shanghai",
        "",
        "  stage a { every mon at 20:00 if vip: send wecom \"tagged\" }\n  every mon at 20:00: tag vip",
        MONDAY,
        14,
    );
    let s = sent(&src);
    let mondays = ["2026-03-02 20:00:00", "2026-03-09 20:00:00"];
    assert_eq!(s.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(), mondays);
    let fired: Vec<usize> = (notes(&src, 0).into_iter())
        .filter_map(|(at, _, n)| match n {
            Note::Fired { stage, .. } if at == mondays[0] => Some(stage),
            _ => None,
        })
        .collect();
    assert_eq!(fired, [JOURNEY_WIDE, 0]);
}

#[test]
fn a_journey_wide_when_re_arms_only_when_its_condition_turns_false() {
    // vip from 1h; a stage change at 2h (the stage's own `when` fires on entering b,
    // the journey-wide one does not); vip false at 3h and true again at 4h: both fire
    let src = source(
        "Asia/Shanghai",
        "  when vip: send wecom \"wide\"",
        "  stage a {\n    after 1h: tag vip\n    after 2h -> b\n  }\n  stage b {\n    when vip: send wecom \"stage\"\n    after 1h: untag vip\n    after 2h: tag vip\n  }",
        MONDAY,
        2,
    );
    let all = notes(&src, 0);
    let arrival = (all.iter())
        .find(|(_, _, n)| matches!(n, Note::Arrival { .. }))
        .unwrap()
        .1;
    let templates = ["wide", "stage"];
    let s: Vec<(i64, &str)> = all
        .iter()
        .filter_map(|(_, t, n)| match n {
            Note::Send { template, .. } => {
                Some(((t - arrival) / 3600, templates[*template as usize]))
            }
            _ => None,
        })
        .collect();
    assert_eq!(s, [(1, "wide"), (2, "stage"), (4, "wide"), (4, "stage")]);
}

//! `when` rules re-evaluated only when what they read changed (`sim::watch`): each
//! input below changes at a moment when time alone would not re-evaluate the rule, so
//! a rule skipped too eagerly misses its firing.

use super::contract::{at, file, story};
use crate::sim::{Time, DAY};

const H: Time = 3600;

#[test]
fn a_when_rule_is_re_evaluated_when_an_event_a_tag_or_the_stage_it_reads_changes() {
    let src = file(
        "  on buy: tag vip",
        "  stage a {
    when inactive 2d: send sms \"idle\"
    when vip -> b
  }
  stage b {
    when did click: send sms \"clicker\"
    when count(buy) >= 2: send sms \"repeat\"
  }",
    );
    let script = [
        (0, "signup"),
        (3 * DAY, "click"),
        (5 * DAY + H, "buy"),
        (6 * DAY, "buy"),
    ];
    assert_eq!(
        story(&src, &script),
        [
            at(0, "enter"),
            at(0, "stage a"),
            // time alone: 2 days after the signup
            at(2 * DAY, "idle sent"),
            // the click (any event) re-arms `inactive`; time fires it 2 days later
            at(5 * DAY, "idle sent"),
            // the buy's tag
            at(5 * DAY + H, "stage b"),
            // the click was before the stage: read on entering it
            at(5 * DAY + H, "clicker sent"),
            // the second buy, counted without a window
            at(6 * DAY, "repeat sent"),
        ]
    );
}

/// `sim::watch`'s `Idle` rules: no event marks them stale, each event re-arms them and
/// moves their moment itself, journey-wide and in a stage.
#[test]
fn an_event_re_arms_an_inactive_rule_and_moves_its_moment_without_re_reading_it() {
    let src = file(
        "  when inactive 2d: send sms \"wide\"",
        "  stage a {
    when inactive 3d: send sms \"idle\"
    when did buy -> b
  }
  stage b { }",
    );
    let script = [
        (0, "signup"),
        (H, "click"),
        (5 * DAY, "click"),
        (7 * DAY + H, "buy"),
    ];
    assert_eq!(
        story(&src, &script),
        [
            at(0, "enter"),
            at(0, "stage a"),
            // from the click at 1h, not the signup
            at(2 * DAY + H, "wide sent"),
            at(3 * DAY + H, "idle sent"),
            // both were disarmed: the click at day 5 re-arms them
            at(7 * DAY, "wide sent"),
            at(7 * DAY + H, "stage b"),
            // the buy moved the journey-wide rule's moment in stage a
            at(9 * DAY + H, "wide sent"),
        ]
    );
}

//! Rules of one stage that fire together. J0412: a rule that never runs because an
//! unguarded transition moves users out first — due at the same moment but later in
//! source order (rules due together run in source order, and a transition ends the
//! moment for the stage), or triggered by the same event or condition as a transition
//! without delay while the rule itself waits (`after …`) and is cancelled on leaving.
//! J0413: two `when` rules whose conditions, guards and timing are the same.

use super::logic::Verdict;
use super::moments::{always_leaves, Fixed};
use super::{Cx, StageOf};
use crate::check::model::{Guard, Rule, Timing, Trigger};
use crate::diag::{Code, Diagnostic};
use crate::syntax::ast;

pub(super) fn check(cx: &Cx, (stage, sm, _): StageOf, out: &mut Vec<Diagnostic>) {
    for (j, later) in stage.rules.iter().enumerate() {
        if let Some((i, delayed)) = shadow(cx, &sm.rules, j) {
            let (when, label) = if delayed {
                ("before this rule is due", "cancelled when users leave")
            } else {
                (
                    "at the same moment",
                    "due at the same moment as the transition",
                )
            };
            out.push(
                Diagnostic::new(
                    Code::ShadowedRule,
                    format!(
                        "this rule never runs: an unguarded transition moves users out of stage `{}` {when}",
                        stage.name.name
                    ),
                    later.trigger.span(),
                    label,
                )
                .with_label(stage.rules[i].span, "users leave the stage here")
                .with_help("leaving a stage cancels its pending rules, and a transition ends the moment for the rules after it: put the actions into the transition's rule (`…: { send …  goto … }`), or into the next stage's `on enter`"),
            );
        } else if let (Some(i), ast::Trigger::When(c, _)) =
            (twin_when(cx, &sm.rules, j), &later.trigger)
        {
            out.push(
                Diagnostic::new(
                    Code::DuplicateWhen,
                    "this `when` rule has the same condition, guard and timing as one above",
                    c.span(),
                    "same condition as above",
                )
                .with_label(stage.rules[i].trigger.span(), "first used here")
                .with_help("both fire at the same moment for the same users: merge their actions into one rule, or change one of the conditions"),
            );
        }
    }
}

/// An unguarded rule that moves users out before rule `j` runs, and whether `j`
/// waits (`after`) rather than being due at the same moment.
fn shadow(cx: &Cx, rules: &[Rule], j: usize) -> Option<(usize, bool)> {
    let rule = &rules[j];
    rules
        .iter()
        .enumerate()
        .filter(|&(i, r)| i != j && always_leaves(r))
        .find_map(|(i, r)| {
            if i < j && same_moment(cx, r, rule) {
                Some((i, false))
            } else if r.timing == Timing::default()
                && rule.timing.after.is_some_and(|d| d.minutes() > 0)
                && same_trigger(cx, r, rule)
            {
                Some((i, true))
            } else {
                None
            }
        })
}

/// An earlier `when` rule with the same condition, guard and timing as rule `j`.
fn twin_when(cx: &Cx, rules: &[Rule], j: usize) -> Option<usize> {
    let rule = &rules[j];
    if !matches!(rule.trigger, Trigger::When(_)) {
        return None;
    }
    (0..j)
        .find(|&i| same_moment(cx, &rules[i], rule) && same_guard(cx, &rules[i].guard, &rule.guard))
}

/// Whether two rules always fire together.
fn same_moment(cx: &Cx, a: &Rule, b: &Rule) -> bool {
    match (Fixed::of(a), Fixed::of(b)) {
        (Some(fa), Some(fb)) => fa == fb,
        _ => a.timing == b.timing && same_trigger(cx, a, b),
    }
}

/// Whether two triggers start the same rules' clocks: the same event, equivalent
/// `when` conditions, or the same `every` calendar.
fn same_trigger(cx: &Cx, a: &Rule, b: &Rule) -> bool {
    match (&a.trigger, &b.trigger) {
        (Trigger::Event(x), Trigger::Event(y)) => x == y,
        (Trigger::When(x), Trigger::When(y)) => {
            cx.logic.verdict(x) == Verdict::Depends && cx.logic.equivalent(x, y)
        }
        (
            Trigger::Every { days, clocks },
            Trigger::Every {
                days: days_b,
                clocks: clocks_b,
            },
        ) => days == days_b && clocks == clocks_b,
        _ => false,
    }
}

fn same_guard(cx: &Cx, a: &Option<Guard>, b: &Option<Guard>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => x.negated == y.negated && cx.logic.equivalent(&x.cond, &y.cond),
        _ => false,
    }
}

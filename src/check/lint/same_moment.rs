//! Rules of one stage due at the same moment. J0412: a rule after an unguarded
//! transition due at the same moment never runs (rules due together run in source
//! order, and a transition ends the moment for the stage). J0413: two `when` rules
//! whose conditions hold for exactly the same users, with the same timing.

use super::moments::{always_leaves, Fixed};
use super::Cx;
use crate::check::model::{Rule, Trigger};
use crate::diag::{Code, Diagnostic};
use crate::syntax::ast;

pub(super) fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for (stage, sm, _) in cx.stages() {
        for (j, (later, lm)) in stage.rules.iter().zip(&sm.rules).enumerate() {
            let mut twins = (0..j).filter(|&i| same_moment(cx, &sm.rules[i], lm));
            let Some(first) = twins.next() else { continue };
            let leaving = std::iter::once(first)
                .chain(twins)
                .find(|&i| always_leaves(&sm.rules[i]));
            if let Some(i) = leaving {
                let earlier = &stage.rules[i];
                out.push(
                    Diagnostic::new(
                        Code::ShadowedRule,
                        format!(
                            "this rule never runs: the rule on line {} moves users out of stage `{}` at the same moment",
                            cx.line(earlier.span),
                            stage.name.name
                        ),
                        later.trigger.span(),
                        "due at the same moment as the transition above",
                    )
                    .with_label(earlier.span, "users leave the stage here first")
                    .with_help("rules due together run in source order and a transition ends the moment: put this rule before the transition, or merge its actions into it"),
                );
            } else if let ast::Trigger::When(c, _) = &later.trigger {
                out.push(
                    Diagnostic::new(
                        Code::DuplicateWhen,
                        format!(
                            "this `when` rule has the same condition and timing as the one on line {}",
                            cx.line(stage.rules[first].span)
                        ),
                        c.span(),
                        "same condition as above",
                    )
                    .with_label(stage.rules[first].trigger.span(), "first used here")
                    .with_help("both fire at the same moment for the same users: merge their actions into one rule, or change one of the conditions"),
                );
            }
        }
    }
}

/// Whether two rules of a stage always fire together.
fn same_moment(cx: &Cx, a: &Rule, b: &Rule) -> bool {
    if let (Some(fa), Some(fb)) = (Fixed::of(a), Fixed::of(b)) {
        return fa == fb;
    }
    if a.timing != b.timing {
        return false;
    }
    match (&a.trigger, &b.trigger) {
        (Trigger::Event(x), Trigger::Event(y)) => x == y,
        (Trigger::When(x), Trigger::When(y)) => {
            cx.logic.verdict(x) == super::logic::Verdict::Depends && cx.logic.equivalent(x, y)
        }
        (
            Trigger::Every {
                days: dx,
                clocks: cx_,
            },
            Trigger::Every {
                days: dy,
                clocks: cy,
            },
        ) => dx == dy && cx_ == cy,
        _ => false,
    }
}

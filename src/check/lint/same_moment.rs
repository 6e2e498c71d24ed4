//! Rules of one stage that fire together. J0412: a rule that never runs because an
//! unguarded transition moves users out first — due at the same moment but later in
//! source order (rules due together run in source order, and a transition ends the
//! moment for the stage), or triggered by the same event or condition as a transition
//! without delay while the rule itself waits (`after …`) and is cancelled on leaving.
//! J0413: two `when` rules whose conditions, guards and timing are the same.
//!
//! Each rule gets keys (its moment, its trigger, its guard, with equivalent conditions
//! sharing a [`Classes`] number), and each rule looks up the first rule with its key:
//! linear in the rules, where comparing every pair took 30 s for 10,000 rules.

use super::classes::Classes;
use super::moments::{always_leaves, Fixed};
use super::{Cx, StageOf};
use crate::check::model::{EventId, Rule, Timing, Trigger};
use crate::diag::{Code, Diagnostic};
use crate::i18n::msg;
use crate::units::{Clock, DaySet};
use rustc_hash::FxHashMap as HashMap;

pub(super) fn check(cx: &Cx, (sm, _): StageOf, out: &mut Vec<Diagnostic>) {
    let keys = keys(cx, &sm.rules);
    let firsts = Firsts::of(&sm.rules, &keys);
    for (j, later) in sm.rules.iter().enumerate() {
        if let Some((i, delayed)) = firsts.shadow(later, &keys[j], j) {
            let (message, label) = if delayed {
                (
                    msg!("shadowed-delayed", stage = &sm.name),
                    msg!("shadowed-delayed.label"),
                )
            } else {
                (
                    msg!("shadowed-at-once", stage = &sm.name),
                    msg!("shadowed-at-once.label"),
                )
            };
            out.push(
                Diagnostic::new(Code::ShadowedRule, message, later.spans.trigger, label)
                    .with_label(sm.rules[i].span, msg!("shadowed.leave"))
                    .with_help(msg!("shadowed.help")),
            );
        } else if let (Some(i), Trigger::When(c)) = (firsts.twin_when(&keys[j], j), &later.trigger)
        {
            out.push(
                Diagnostic::new(
                    Code::DuplicateWhen,
                    msg!("duplicate-when"),
                    c.span,
                    msg!("duplicate-when.label"),
                )
                .with_label(sm.rules[i].spans.trigger, msg!("duplicate-when.first"))
                .with_help(msg!("duplicate-when.help")),
            );
        }
    }
}

/// What starts a rule's clock, equal for two rules exactly when their triggers start
/// the same clocks: the same event, equivalent `when` conditions (that depend on the
/// user), or the same `every` calendar.
#[derive(Clone, PartialEq, Eq, Hash)]
enum TriggerKey {
    Event(EventId),
    When(usize),
    Every(DaySet, Vec<Clock>),
}

/// When a rule fires, equal for two rules exactly when they always fire together.
#[derive(Clone, PartialEq, Eq, Hash)]
enum MomentKey {
    /// From the stage entry alone.
    Fixed(Fixed),
    Triggered(Timing, TriggerKey),
}

/// A rule's keys; `None` where no other rule can match.
struct RuleKeys {
    trigger: Option<TriggerKey>,
    moment: Option<MomentKey>,
    /// `when` rules only: the moment and the guard (`unless`, and its class).
    twin: Option<(MomentKey, Option<(bool, usize)>)>,
}

fn keys(cx: &Cx, rules: &[Rule]) -> Vec<RuleKeys> {
    let mut classes = Classes::new(&cx.logic);
    rules
        .iter()
        .map(|r| {
            let trigger = match &r.trigger {
                Trigger::Event(e) => Some(TriggerKey::Event(*e)),
                Trigger::When(c) => classes.of_trigger(c).map(TriggerKey::When),
                Trigger::Every { days, clocks, .. } => {
                    Some(TriggerKey::Every(*days, clocks.clone()))
                }
                _ => None,
            };
            let moment = match Fixed::of(r) {
                Some(f) => Some(MomentKey::Fixed(f)),
                None => trigger.clone().map(|t| MomentKey::Triggered(r.timing, t)),
            };
            let twin = match (&moment, &r.trigger) {
                (Some(m), Trigger::When(_)) => {
                    let guard = r.guard.as_ref().map(|g| (g.negated, classes.of(&g.cond)));
                    Some((m.clone(), guard))
                }
                _ => None,
            };
            RuleKeys {
                trigger,
                moment,
                twin,
            }
        })
        .collect()
}

/// The first rule with each key.
struct Firsts {
    /// Among rules that always leave the stage, by moment.
    leaving_at: HashMap<MomentKey, usize>,
    /// Among rules that always leave the stage without timing, by trigger.
    leaving_on: HashMap<TriggerKey, usize>,
    /// Among `when` rules, by moment and guard.
    twins: HashMap<(MomentKey, Option<(bool, usize)>), usize>,
}

impl Firsts {
    fn of(rules: &[Rule], keys: &[RuleKeys]) -> Firsts {
        let mut firsts = Firsts {
            leaving_at: HashMap::default(),
            leaving_on: HashMap::default(),
            twins: HashMap::default(),
        };
        for (i, (r, k)) in rules.iter().zip(keys).enumerate() {
            if always_leaves(r) {
                if let Some(m) = &k.moment {
                    firsts.leaving_at.entry(m.clone()).or_insert(i);
                }
                if let Some(t) = k.trigger.as_ref().filter(|_| r.timing == Timing::default()) {
                    firsts.leaving_on.entry(t.clone()).or_insert(i);
                }
            }
            if let Some(t) = &k.twin {
                firsts.twins.entry(t.clone()).or_insert(i);
            }
        }
        firsts
    }

    /// The first unguarded rule that moves users out before rule `j` runs, and
    /// whether `j` waits (`after`) rather than being due at the same moment.
    fn shadow(&self, rule: &Rule, keys: &RuleKeys, j: usize) -> Option<(usize, bool)> {
        let at_once = keys
            .moment
            .as_ref()
            .and_then(|m| self.leaving_at.get(m))
            .filter(|&&i| i < j);
        let waits = rule.timing.after.is_some_and(|d| d.minutes() > 0);
        // A rule that waits has timing, so it is never the transition it waits on.
        let before = keys
            .trigger
            .as_ref()
            .filter(|_| waits)
            .and_then(|t| self.leaving_on.get(t));
        match (at_once, before) {
            (Some(&a), Some(&b)) if b < a => Some((b, true)),
            (Some(&a), _) => Some((a, false)),
            (None, Some(&b)) => Some((b, true)),
            (None, None) => None,
        }
    }

    /// An earlier `when` rule with the same condition, guard and timing as rule `j`.
    fn twin_when(&self, keys: &RuleKeys, j: usize) -> Option<usize> {
        let t = keys.twin.as_ref()?;
        self.twins.get(t).copied().filter(|&i| i < j)
    }
}

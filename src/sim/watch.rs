//! What each `when` rule's condition reads, so that re-evaluating the conditions after
//! an event or a tag change skips the rules that change cannot affect.
//!
//! Every `when` rule of the journey (journey-wide, then stage by stage) has a bit. An
//! event marks stale the rules reading that event (`did`, `count`, `sum`,
//! `days_since`) or any event (`inactive`); a tag change those reading the tag; a
//! stage or journey entry or exit marks them all. A rule not stale is re-evaluated
//! only once time reaches the moment its condition may change by itself
//! ([`View::next_change`](super::cond::View::next_change), kept from its last
//! evaluation). Skipping it is then exact: its condition has the value it had when
//! last evaluated, and an edge-triggered rule re-evaluated on an unchanged value does
//! nothing (still disarmed when true, still armed when false).
//!
//! A rule whose condition is `inactive D` alone ([`Idle`]) is not marked by events,
//! though every event changes what it reads: the event re-reads it itself
//! ([`User::idle_reset`]), as nothing but the event's moment decides its value.

use super::calendar::Time;
use super::program::{Program, Stage, JOURNEY_WIDE};
use super::reads::{Idle, Watch, ALL};
use super::trace::Observer;
use super::user::User;
use crate::check::model::{Cond, Model, NumExpr};

impl Watch {
    pub fn new(model: &Model, wide: &Stage, stages: &[Stage]) -> Watch {
        let mut w = Watch {
            bases: Vec::with_capacity(stages.len()),
            on_event: vec![0; model.events.len()],
            on_tag: vec![0; model.tags.len()],
            always: 0,
            rules: 0,
            masks: Vec::with_capacity(stages.len()),
            idle: vec![Vec::new(); stages.len()],
        };
        let mut next = wide.when.len();
        let wide_mask = low_bits(wide.when.len());
        for s in stages {
            w.bases.push(next as u32);
            w.masks
                .push(wide_mask | low_bits(next + s.when.len()) & !low_bits(next));
            next += s.when.len();
        }
        w.rules = next;
        if next > 64 {
            w.always = ALL;
            return w;
        }
        let owners = std::iter::once((JOURNEY_WIDE, wide)).chain(stages.iter().enumerate());
        let mut wide_idle = Vec::new();
        for (owner, stage) in owners {
            for (k, &rule) in stage.when.iter().enumerate() {
                if let crate::check::model::Trigger::When(c) = stage.rules[rule].trigger {
                    let bit = w.bit(owner, k);
                    let Some(window) = idle_window(c) else {
                        w.read(model, c, 1 << bit);
                        continue;
                    };
                    let wide = owner == JOURNEY_WIDE;
                    let idle = Idle {
                        wide,
                        rule,
                        bit,
                        window,
                    };
                    match wide {
                        true => wide_idle.push(idle),
                        false => w.idle[owner].push(idle),
                    }
                }
            }
        }
        for own in &mut w.idle {
            own.splice(0..0, wide_idle.iter().copied());
        }
        w
    }

    /// The bit of the `k`-th `when` rule of `owner` (a stage, or [`JOURNEY_WIDE`]).
    #[inline(always)]
    pub fn bit(&self, owner: usize, k: usize) -> usize {
        match owner {
            JOURNEY_WIDE => k,
            stage => self.bases[stage] as usize + k,
        }
    }

    /// Whether rule `bit` must be re-evaluated at `t`: marked in `stale`, or time has
    /// reached `until`, the moment its condition may change by itself.
    #[inline(always)]
    pub fn due(stale: u64, bit: usize, t: Time, until: &[Time]) -> bool {
        (stale >> (bit & 63)) & 1 != 0 || t >= until[bit]
    }

    fn read(&mut self, model: &Model, c: &Cond, bit: u64) {
        match c {
            Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| self.read(model, c, bit)),
            Cond::Not(c) => self.read(model, c, bit),
            Cond::Segment(s) => self.read(model, &model.segment(*s).cond, bit),
            Cond::Flag(tag)
            | Cond::EnumIs { tag, .. }
            | Cond::TextIs { tag, .. }
            | Cond::EnumIn { tag, .. }
            | Cond::TextIn { tag, .. }
            | Cond::NumberIn { tag, .. }
            | Cond::Has { tag, .. }
            | Cond::Between { tag, .. } => self.on_tag[tag.index()] |= bit,
            Cond::Compare { left, right, .. } => {
                self.number(left, bit);
                self.number(right, bit);
            }
            Cond::Did { event, .. } => self.on_event[event.index()] |= bit,
            Cond::Inactive(_) => self.on_event.iter_mut().for_each(|m| *m |= bit),
            Cond::Field { .. } => self.always |= bit,
            // the stage: every entry and exit marks all rules; the date: time alone
            Cond::InStage(_) | Cond::TodayIn(_) => {}
        }
    }

    fn number(&mut self, e: &NumExpr, bit: u64) {
        match e {
            NumExpr::Const(_) => {}
            NumExpr::Tag(tag) => self.on_tag[tag.index()] |= bit,
            NumExpr::Count { event, .. }
            | NumExpr::Sum { event, .. }
            | NumExpr::DaysSince(event) => self.on_event[event.index()] |= bit,
        }
    }
}

/// `D` of a condition that is `inactive D` alone, in seconds.
fn idle_window(c: &Cond) -> Option<Time> {
    match c {
        Cond::Inactive(d) => Some(d.seconds() as Time).filter(|&w| w > 0),
        _ => None,
    }
}

/// The bits `0..n` (all of them from 64 on).
fn low_bits(n: usize) -> u64 {
    1u64.checked_shl(n as u32).map_or(ALL, |b| b - 1)
}

/// The rules re-evaluated every time in `p`: in a portfolio all of them, as the other
/// journeys change tags without marking this one's rules.
#[inline(always)]
pub fn always(p: &Program) -> u64 {
    match p.portfolio {
        Some(_) => ALL,
        None => p.watch.always,
    }
}

impl<O: Observer> User<'_, '_, O> {
    /// Whether a `when` rule of the journey or the current stage must be re-evaluated
    /// at `t` (inside the journey): most re-evaluations after an event or a tag change
    /// have none.
    #[inline(always)]
    pub(super) fn rules_due(&self, t: Time) -> bool {
        let (p, j) = (self.prog, &self.s.j);
        (j.stale | always(p)) & p.watch.masks[j.stage] != 0 || t >= j.rules_until
    }

    /// An event at `t` inside the journey sets the [`Idle`] rules of the journey and
    /// the current stage as their re-evaluation after it would: the last activity is
    /// now `t`, so `inactive D` is false (`D` > 0), the rule is armed, and its
    /// condition may next change at `t + D`; the earliest such moment of the rules is
    /// the one their evaluation would leave. (In a portfolio every rule is re-evaluated
    /// anyway, see [`always`].)
    pub(super) fn idle_reset(&mut self, t: Time) {
        let (p, s) = (self.prog, &mut *self.s);
        if p.portfolio.is_some() {
            return;
        }
        let idle = &p.watch.idle[s.j.stage];
        if idle.is_empty() {
            return;
        }
        for i in idle {
            let armed = match i.wide {
                true => &mut s.armed_wide,
                false => &mut s.armed,
            };
            armed[i.rule] = true;
            s.until[i.bit] = t + i.window;
        }
        self.s.j.rules_until = self.rules_until();
    }

    /// The earliest moment a `when` rule of the journey or the current stage may
    /// change by time alone, from their last evaluations. Always inlined: called out
    /// of line it cost more than its work.
    #[inline(always)]
    pub(super) fn rules_until(&self) -> Time {
        let (p, stage, until) = (self.prog, self.s.j.stage, &self.s.until);
        // the journey's bits, then the stage's: two runs of `until`
        let base = p.watch.bit(stage, 0);
        let own = &until[base..base + p.stages[stage].when.len()];
        let earliest = |times: &[Time]| times.iter().fold(Time::MAX, |a, &b| a.min(b));
        earliest(&until[..p.wide.when.len()]).min(earliest(own))
    }
}

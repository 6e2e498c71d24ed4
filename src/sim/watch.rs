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

use super::calendar::Time;
use super::program::{Program, Stage, JOURNEY_WIDE};
use super::reads::{Watch, ALL};
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
        for (owner, stage) in owners {
            for (k, &rule) in stage.when.iter().enumerate() {
                if let crate::check::model::Trigger::When(c) = stage.rules[rule].trigger {
                    let bit = 1 << w.bit(owner, k);
                    w.read(model, c, bit);
                }
            }
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

    /// The earliest moment a `when` rule of the journey or the current stage may
    /// change by time alone, from their last evaluations.
    pub(super) fn rules_until(&self) -> Time {
        let (p, stage) = (self.prog, self.s.j.stage);
        let wide = p.wide.when.len();
        let bits = (0..wide).chain((0..p.stages[stage].when.len()).map(|k| p.watch.bit(stage, k)));
        bits.map(|bit| self.s.until[bit]).min().unwrap_or(Time::MAX)
    }
}

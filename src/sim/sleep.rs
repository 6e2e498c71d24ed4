//! Sleeping `every` rules: a stage's untimed `every … if COND` whose guard reads only
//! tags, once skipped because the guard is false, stays false until a tag changes. The
//! rule then queues no item for its next moments (each would be skipped) and sleeps;
//! any tag change wakes it, queuing its next moment as the per-item path has it
//! queued. In the community calendar, `every sat at 10:00 if 辅食期` is false for most
//! users, and its weekly items were a fifth of the run's instructions.
//!
//! Exact, report for report, against running every item (`per_item`, the tests of
//! `sim::tests::bulk`): a sleeping rule's skipped items change nothing but the loop
//! guard's count at their moment and the highest rank handled at it
//! ([`JourneyState::moment_rank`]). The count is made up as `User::bulk_steps` makes
//! up the bulk rules' (`User::sleepers_steps`); the rank is read only for a bulk rule's
//! moment, and a rule with a moment shared with the bulk rules never sleeps. Nor does
//! one in a portfolio (another journey's tag changes would not wake it) or while a
//! trace is written (it shows each skip).
//!
//! [`JourneyState::moment_rank`]: super::user::JourneyState::moment_rank

use super::bulk::reads_only_tags;
use super::calendar::{Calendar, Time};
use super::program::Program;
use super::queue::Item;
use super::trace::Observer;
use super::user::User;
use crate::check::model::Trigger;

impl Program<'_> {
    /// Per stage, the rules that may sleep (bits by rule index, the first 64 rules).
    pub(super) fn sleepers(&self, cal: &Calendar) -> Vec<u64> {
        let bulk_moments = self.bulk.iter().flat_map(|b| &b.moments);
        let bulk_moments: Vec<Time> = bulk_moments.copied().collect();
        let mut tags = vec![false; self.model.tags.len()];
        (self.stages.iter())
            .map(|stage| {
                let rules = stage.rules.iter().take(64).enumerate();
                let sleeps = rules.filter(|(_, r)| {
                    matches!(r.trigger, Trigger::Every { .. } | Trigger::Dates { .. })
                        && !r.timed
                        && r.guard
                            .is_some_and(|g| reads_only_tags(self.model, &g.cond, &mut tags))
                        && bulk_moments.iter().all(|&m| r.every.next(cal, m) != m)
                });
                sleeps.fold(0, |mask, (k, _)| mask | 1 << k)
            })
            .collect()
    }
}

/// The rank of stage rule `rule`'s `every` items.
fn rank(rule: usize) -> u64 {
    Item::Every {
        rule: rule as u16,
        epoch: 0,
    }
    .rank()
}

impl<O: Observer> User<'_, '_, O> {
    /// The item of stage rule `rule` at `t` is handled: `true` when the rule falls
    /// asleep instead (its guard is false; see the module's comment), its next moment
    /// not queued.
    #[inline(always)]
    pub(super) fn falls_asleep(&mut self, t: Time, owner: usize, rule: usize) -> bool {
        let p = self.prog;
        let may = p.sleepers.get(owner).is_some_and(|m| m >> rule & 1 == 1);
        if O::ON || !may || p.portfolio.is_some() {
            return false;
        }
        let g = p.stages[owner].rules[rule]
            .guard
            .expect("a sleeper has a guard");
        if self.view(t).holds(&g.cond) != g.negated {
            return false;
        }
        self.s.j.asleep |= 1 << rule;
        true
    }

    /// A tag changes at `t`: every sleeping rule wakes, its next moment queued, `t`
    /// itself unless its item at `t` would have been handled already.
    pub(super) fn wake_sleepers(&mut self, t: Time) {
        let (stage, mut asleep) = (self.s.j.stage, std::mem::take(&mut self.s.j.asleep));
        while asleep != 0 {
            let rule = asleep.trailing_zeros() as usize;
            asleep &= asleep - 1;
            let every = &self.prog.stages[stage].rules[rule].every;
            let mut at = every.next(self.cal, t);
            if at == t && self.sh.moment == t && self.s.j.moment_rank > rank(rule) {
                at = every.next(self.cal, t + 1);
            }
            self.push_rule_item(at, stage, rule, true);
        }
    }

    /// Items at moment `t` are near the loop guard's count: a sleeping rule's item at
    /// `t` counts as the per-item path counts it, at once if it would have been handled
    /// already, else queued to be handled in its turn; the rule is awake again.
    pub(super) fn sleepers_steps(&mut self, t: Time) {
        let stage = self.s.j.stage;
        let mut asleep = self.s.j.asleep;
        while asleep != 0 {
            let rule = asleep.trailing_zeros() as usize;
            asleep &= asleep - 1;
            let every = &self.prog.stages[stage].rules[rule].every;
            if every.next(self.cal, t) != t {
                continue;
            }
            self.s.j.asleep &= !(1 << rule);
            if self.s.j.moment_rank > rank(rule) {
                self.sh.steps += 1;
                let next = every.next(self.cal, t + 1);
                self.push_rule_item(next, stage, rule, true);
            } else {
                self.push_rule_item(t, stage, rule, true);
            }
        }
    }
}

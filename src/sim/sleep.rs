//! Sleeping `every` rules: a stage's untimed `every … if COND` whose guard reads only
//! tags, once skipped because the guard is false, stays false until one of those tags
//! changes. The rule then queues no item for its next moments (each would be skipped)
//! and sleeps; a change of a tag it reads wakes it, queuing its next moment as the
//! per-item path has it queued. In the community calendar, `every sat at 10:00 if
//! 辅食期` is false for most users, and its weekly items were a fifth of the run's
//! instructions.
//!
//! Exact, report for report, against running every item (`per_item`; the tests in
//! `sim::tests::sleep`, and every example in `sim::tests::bulk`): a sleeping rule's
//! skipped items change nothing but the loop
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
    /// Marks the stage rules that may sleep ([`Rule::sleeps`], among a stage's first 64
    /// rules) and, per stage and tag, those a change of the tag wakes.
    ///
    /// [`Rule::sleeps`]: super::program::Rule::sleeps
    pub(super) fn find_sleepers(&mut self, cal: &Calendar) {
        let bulk_moments = self.bulk.iter().flat_map(|b| &b.moments);
        let bulk_moments: Vec<Time> = bulk_moments.copied().collect();
        let (model, tags) = (self.model, self.model.tags.len());
        self.wakes = (self.stages.iter_mut())
            .map(|stage| {
                let mut wakes = vec![0u64; tags];
                for (k, r) in stage.rules.iter_mut().take(64).enumerate() {
                    let mut read = vec![false; tags];
                    r.sleeps = matches!(r.trigger, Trigger::Every { .. } | Trigger::Dates { .. })
                        && !r.timed
                        && r.guard
                            .is_some_and(|g| reads_only_tags(model, &g.cond, &mut read))
                        && bulk_moments.iter().all(|&m| r.every.next(cal, m) != m);
                    if r.sleeps {
                        (wakes.iter_mut().zip(&read))
                            .filter(|(_, &read)| read)
                            .for_each(|(mask, _)| *mask |= 1 << k);
                    }
                }
                wakes
            })
            .collect();
    }

    /// No rule sleeps: every item is run (`per_item`).
    pub fn keep_awake(&mut self) {
        let rules = self.stages.iter_mut().flat_map(|s| &mut s.rules);
        rules.for_each(|r| r.sleeps = false);
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
    /// The item of stage rule `rule`, one that [sleeps], at `t` is handled: `true`
    /// when the rule falls asleep instead (its guard is false; see the module's
    /// comment), its next moment not queued.
    ///
    /// [sleeps]: super::program::Rule::sleeps
    #[inline(always)]
    pub(super) fn falls_asleep(&mut self, t: Time, owner: usize, rule: usize) -> bool {
        let p = self.prog;
        if O::ON || p.portfolio.is_some() {
            return false;
        }
        let g = p.stages[owner].rules[rule]
            .guard
            .expect("a sleeper has a guard");
        if self.view(t).holds(&g.cond) != g.negated {
            return false;
        }
        let j = &mut self.s.j;
        if j.dozed_at != t {
            (j.dozed_at, j.dozed) = (t, 0);
        }
        j.dozed |= 1 << rule;
        j.asleep |= 1 << rule;
        true
    }

    /// Tag `tag` changes at `t`: the sleeping rules whose guard reads it wake, their
    /// next moment queued, `t` itself unless their item at `t` would have been handled
    /// already.
    #[inline(always)]
    pub(super) fn wake_sleepers(&mut self, t: Time, tag: usize) {
        let stage = self.s.j.stage;
        let mut asleep = self.s.j.asleep & self.prog.wakes[stage][tag];
        if asleep == 0 {
            return;
        }
        self.s.j.asleep &= !asleep;
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
    /// already, else queued to be handled in its turn; the rule is awake again. One
    /// that fell asleep at `t` was counted when its item was handled.
    pub(super) fn sleepers_steps(&mut self, t: Time) {
        let (stage, j) = (self.s.j.stage, &self.s.j);
        let mut asleep = j.asleep & !if j.dozed_at == t { j.dozed } else { 0 };
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

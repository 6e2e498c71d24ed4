//! Rules of the current stage: scheduling, `every` moments, guards, actions, splits.

use super::calendar::Time;
use super::history::NEVER;
use super::program::{Op, Slot, JOURNEY_WIDE};
use super::queue::Item;
use super::rng::hash_unit;
use super::trace::{reads, Leave, Note, Observer, Skip};
use super::user::{note, User};

impl<O: Observer> User<'_, '_, O> {
    /// Queues a firing of `rule` of `owner` (the current stage, or [`JOURNEY_WIDE`])
    /// for trigger moment `t`.
    #[inline(always)]
    pub(super) fn schedule(&mut self, t: Time, owner: usize, rule: usize) {
        let shift = self.prog.rules_of(owner).rules[rule].shift;
        let at = self.cal.shift(t, shift);
        self.push_rule_item(at, owner, rule, false);
    }

    /// A stage's items belong to the stage visit, a journey-wide rule's to the journey
    /// entry: those survive stage changes and end when the user leaves the journey.
    #[inline(always)]
    pub(super) fn push_rule_item(&mut self, at: Time, owner: usize, rule: usize, every: bool) {
        if at < self.horizon {
            let rule = rule as u16;
            let snap = self.sh.snap;
            let item = match (owner == JOURNEY_WIDE, every) {
                (false, true) => Item::Every {
                    rule,
                    epoch: self.s.j.epoch,
                },
                (false, false) => Item::Rule {
                    rule,
                    epoch: self.s.j.epoch,
                    snap,
                },
                (true, true) => Item::WideEvery {
                    rule,
                    epoch: self.s.j.jepoch,
                },
                (true, false) => Item::WideRule {
                    rule,
                    epoch: self.s.j.jepoch,
                    snap,
                },
            };
            self.s.queue.push(at, item);
        }
    }

    /// An `every` moment: queue the next one, then fire (or shift by the rule's timing).
    #[inline(always)]
    pub(super) fn every(&mut self, t: Time, owner: usize, rule: usize) {
        let r = &self.prog.rules_of(owner).rules[rule];
        if r.sleeps && self.falls_asleep(t, owner, rule) {
            return;
        }
        let next = r.every.next(self.cal, t + 1);
        self.push_rule_item(next, owner, rule, true);
        if r.timed {
            self.schedule(t, owner, rule);
        } else {
            self.fire(t, owner, rule);
        }
    }

    /// A rule's fire moment: the guard, then the actions.
    #[inline(always)]
    pub(super) fn fire(&mut self, t: Time, owner: usize, rule: usize) {
        let r = &self.prog.rules_of(owner).rules[rule];
        if let Some(g) = r.guard {
            if self.view(t).holds(&g.cond) == g.negated {
                note!(
                    self,
                    t,
                    Note::Skipped {
                        stage: owner,
                        rule,
                        why: Skip::GuardFalse {
                            reads: reads(&self.view(t), &g.cond),
                        },
                    }
                );
                return;
            }
        }
        note!(self, t, Note::Fired { stage: owner, rule });
        self.run_ops(t, &r.ops);
        note!(self, t, Note::RuleDone);
    }

    /// Runs actions in order; `false` when a `goto` or `exit` ended the block.
    #[inline(always)]
    pub(super) fn run_ops(&mut self, t: Time, ops: &[Op<'_>]) -> bool {
        for op in ops {
            match *op {
                Op::Send { tp, template } => self.send(t, tp, template),
                Op::SetTag { tag, value } => self.set_tag(t, tag, value),
                Op::AddMember { tag, bit } => self.set_tag(t, tag, self.sh.tags[tag] | bit),
                Op::RemoveMember { tag, bit } => self.set_tag(t, tag, self.sh.tags[tag] & !bit),
                Op::SetFromField { tag, field, cast } => {
                    let v = self.event_fields().get(field).copied().unwrap_or(0.0);
                    self.set_tag(t, tag, self.prog.cast_slot(cast, v));
                }
                Op::Goto(to) => {
                    if !self.s.j.exiting {
                        self.transition(t, to);
                        return false;
                    }
                }
                Op::Exit { reason, counted_as } => {
                    self.exit_journey(t, counted_as, || {
                        Leave::As(reason.map_or("exit".into(), |r| format!("exit \"{r}\"")))
                    });
                    return false;
                }
                Op::Split(split) => {
                    if !self.split(t, split) {
                        return false;
                    }
                }
                Op::If(chain) => {
                    if !self.branch(t, chain) {
                        return false;
                    }
                }
                Op::Task {
                    team,
                    text,
                    within,
                    wide,
                } => {
                    let created = self.task(t, team, within, wide);
                    note!(
                        self,
                        t,
                        Note::Task {
                            team,
                            text,
                            created
                        }
                    );
                }
                Op::Enter(journey) => {
                    note!(self, t, Note::Enter { journey });
                    // in a portfolio that runs the journey, `sim::portfolio` enters it
                    // after this item
                    if let Some(&Some(at)) = self.prog.portfolio.as_ref().map(|m| &m[journey]) {
                        self.s.enters.push(at);
                        self.sh.stirred = true;
                    }
                }
            }
        }
        true
    }

    pub(super) fn set_tag(&mut self, t: Time, tag: usize, value: Slot) {
        self.bulk_retag(t, tag, |u| u.sh.tags[tag] = value);
        if self.s.j.asleep != 0 {
            self.wake_sleepers(t, tag);
        }
        self.s.j.dirty = true;
        self.s.j.stale |= self.prog.watch.on_tag[tag];
        self.s.retagged = true;
        self.sh.stirred = true;
        note!(self, t, Note::Tag { tag, value });
    }

    /// Runs the first branch of an `if` chain whose condition holds at `t` (none may);
    /// `false` when its actions ended the block.
    pub(super) fn branch(&mut self, t: Time, chain: usize) -> bool {
        let branches = &self.prog.ifs[chain].branches;
        let view = self.view(t);
        let taken = (branches.iter()).position(|b| b.cond.is_none_or(|c| view.holds(c)));
        note!(self, t, {
            // What the conditions tried read (up to the branch taken, or all of them),
            // each value once.
            let tried = taken.map_or(branches.len(), |k| k + 1);
            let view = self.view(t);
            let mut seen = Vec::new();
            for read in (branches[..tried].iter())
                .filter_map(|b| b.cond)
                .flat_map(|c| reads(&view, c))
            {
                if !seen.contains(&read) {
                    seen.push(read);
                }
            }
            Note::Branch {
                chain,
                branch: taken,
                reads: seen,
            }
        });
        match taken {
            Some(k) => self.run_ops(t, &branches[k].ops),
            None => true,
        }
    }

    /// Runs the user's arm of a split (holdout users get none); `false` when the arm's
    /// actions ended the block.
    pub(super) fn split(&mut self, t: Time, split: usize) -> bool {
        if self.s.j.holdout {
            note!(self, t, Note::Split { split, arm: None });
            return true;
        }
        let arms = &self.prog.splits[split].arms;
        let u = hash_unit(self.seed, self.index, self.prog.splits[split].salt);
        let arm = arms
            .iter()
            .position(|a| u < a.upto)
            .unwrap_or(arms.len() - 1);
        self.s.split_arm[split] = arm as u16 + 1;
        let stay = self.s.j.jepoch;
        if self.s.split_at[split] == NEVER || self.s.split_stay[split] != stay {
            self.s.split_at[split] = t;
            self.s.split_stay[split] = stay;
        }
        note!(
            self,
            t,
            Note::Split {
                split,
                arm: Some(arm),
            }
        );
        self.run_ops(t, &arms[arm].ops)
    }
}

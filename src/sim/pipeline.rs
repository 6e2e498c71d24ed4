//! The send pipeline (docs/language.md §11.6): holdout → quiet window → caps → sent.
//! In a portfolio the caps also count the journey's own sends, for contention.

use super::bulk::CLOSED;
use super::calendar::Time;
use super::program::{Cap, NO_POLICY, ROLLING};
use super::queue::Item;
use super::rng::Draws;
use super::rolling;
use super::trace::{Note, Observer, SendOutcome};
use super::user::{note, Counter, User};

/// The first of `caps` already reached in the current periods.
fn reached<'c>(caps: &'c [Cap], counters: &[Counter], periods: &[i64; 3]) -> Option<&'c Cap> {
    caps.iter().find(|cap| {
        let c = &counters[cap.counter];
        c.period == periods[cap.period] && c.count >= cap.max
    })
}

/// Counts a send in the counters of `caps`. Always inlined: left to itself the
/// compiler called it out of line from one of `go_out`'s two sites (25 instructions a
/// send in the community calendar).
#[inline(always)]
fn bump(caps: &[Cap], counters: &mut [Counter], periods: &[i64; 3]) {
    for cap in caps {
        let (c, period) = (&mut counters[cap.counter], periods[cap.period]);
        c.count = if c.period == period { c.count + 1 } else { 1 };
        c.period = period;
    }
}

/// The template a task's chance draws are keyed with (a task has none; templates are
/// numbered below it).
pub(super) const TASK_DRAWS: u32 = u32::MAX;

impl<O: Observer> User<'_, '_, O> {
    /// A portfolio's send capped by `cap`: contention when the journey's own sends had
    /// not reached it (a journey's own limit never: only its sends count there).
    #[cold]
    fn contention(&mut self, t: Time, tp: usize, cap: Cap, periods: &[i64; 3]) {
        let (s, one) = (&*self.s, std::slice::from_ref(&cap));
        let own = match cap.period {
            ROLLING => rolling::reached(one, &s.own_rings, t).is_some(),
            _ => reached(one, &s.own_caps, periods).is_some(),
        };
        if !own {
            match cap.policy {
                NO_POLICY => self.agg.contention_touchpoints[tp] += 1,
                k => self.agg.contention_policies[k as usize] += 1,
            }
        }
    }

    /// A `send` action at `t`.
    #[inline(always)]
    pub(super) fn send(&mut self, t: Time, tp: usize, template: u32) {
        if self.s.j.holdout {
            self.agg.touchpoints[tp].suppressed += 1;
            note!(
                self,
                t,
                Note::Send {
                    tp,
                    template,
                    outcome: SendOutcome::Suppressed,
                }
            );
            return;
        }
        let cal = self.cal;
        if let Some((quiet, end)) = self.prog.quiet[tp] {
            if quiet.contains(cal.clock_of(t)) {
                let until = cal.next_at(t, end);
                self.agg.touchpoints[tp].deferred += 1;
                note!(
                    self,
                    t,
                    Note::Send {
                        tp,
                        template,
                        outcome: SendOutcome::Deferred { until },
                    }
                );
                if until < self.horizon {
                    let (tp, epoch) = (tp as u16, self.s.j.jepoch);
                    self.s.queue.push(
                        until,
                        Item::SendOut {
                            tp,
                            template,
                            epoch,
                        },
                    );
                }
                return;
            }
        }
        self.go_out(t, tp, template);
    }

    /// The moment a send goes out: journey and touchpoint caps, then sent.
    #[inline(always)]
    pub(super) fn go_out(&mut self, t: Time, tp: usize, template: u32) {
        let (p, cal) = (self.prog, self.cal);
        let day = cal.day_of(t);
        let periods = cal.periods(day);
        let (s, sh) = (&mut *self.s, &mut *self.sh);
        let caps = &p.caps[tp];
        let more = p.more_than_caps[tp];
        let capped = match reached(caps, &sh.caps, &periods) {
            Some(&cap) => Some((cap, sh.caps[cap.counter].count)),
            None if more => rolling::reached(&p.rolling[tp], &sh.rings, t),
            None => None,
        };
        if let Some((cap, sent)) = capped {
            self.agg.touchpoints[tp].capped += 1;
            if cap.policy != NO_POLICY {
                self.agg.policies[cap.policy as usize] += 1;
            }
            if p.portfolio.is_some() {
                self.contention(t, tp, cap, &periods);
            }
            note!(
                self,
                t,
                Note::Send {
                    tp,
                    template,
                    outcome: SendOutcome::Capped { cap, sent },
                }
            );
            return;
        }
        bump(caps, &mut sh.caps, &periods);
        if more {
            rolling::bump(&p.rolling[tp], &mut sh.rings, t);
            if p.broadcast[tp] {
                self.agg.posts[template as usize].add(t);
            }
        }
        if p.portfolio.is_some() {
            bump(caps, &mut s.own_caps, &periods);
            if more {
                rolling::bump(&p.rolling[tp], &mut s.own_rings, t);
            }
        }
        let any = p.model.touchpoints.len();
        sh.last_sent[tp] = t;
        sh.last_sent[any] = t;
        self.agg.touchpoints[tp].sent += 1;
        self.agg.daily_sends[tp][day as usize] += 1;
        self.agg.template_sends[template as usize] += 1;
        if self.s.j.bulk_next != CLOSED && day > self.sh.fatigue_day {
            // the bulk rule's moments of the days this closes first: fatigue days
            // advance in order (within a day, sends count in any order)
            self.bulk_count_on(t, day as usize);
        }
        self.fatigue_advance(day);
        self.sh.fatigue_sends += 1;
        note!(
            self,
            t,
            Note::Send {
                tp,
                template,
                outcome: SendOutcome::Sent,
            }
        );
        self.open_chances(t, tp, template);
    }

    /// The `after send`/`after task` chances of reaction slot `slot` at `t` (a send of
    /// `template`, or a task: [`TASK_DRAWS`]): each drawn event happens at a uniform
    /// moment in the chance's window. The draws come from the moment's own stream
    /// ([`Draws`]), not the user's.
    pub(super) fn open_chances(&mut self, t: Time, slot: usize, template: u32) {
        let chances = &self.prog.chances[slot];
        if chances.is_empty() {
            return;
        }
        let mut draws = Draws::at(self.seed, self.index, t, slot, template);
        for chance in chances {
            if draws.bits() < chance.below {
                let delay = (draws.unit() * chance.within as f64) as Time;
                let at = t + 1 + delay.min(chance.within - 1);
                if at < self.horizon {
                    let behavior = chance.behavior as u16;
                    self.s.queue.push(at, Item::Chance { behavior });
                }
            }
        }
    }
}

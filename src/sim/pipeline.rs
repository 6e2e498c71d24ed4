//! The send pipeline (docs/language.md §11.6): holdout → quiet window → caps → sent.

use super::calendar::Time;
use super::program::Caps;
use super::queue::Item;
use super::trace::{Note, Observer, SendOutcome};
use super::user::{note, Counter, User};
use crate::units::DaySet;

/// Whether a cap is already reached in the current periods.
fn reached(caps: &Caps, counters: &[Counter; 3], periods: &[i64; 3]) -> bool {
    (0..3).any(|i| counters[i].period == periods[i] && counters[i].count >= caps[i])
}

fn bump(counters: &mut [Counter; 3], periods: &[i64; 3]) {
    for (c, &p) in counters.iter_mut().zip(periods) {
        if c.period != p {
            *c = Counter {
                period: p,
                count: 0,
            };
        }
        c.count += 1;
    }
}

impl<O: Observer> User<'_, '_, O> {
    /// A `send` action at `t`.
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
        let cal = self.run.cal;
        if let Some(quiet) = self.run.prog.model.touchpoints[tp].quiet {
            if quiet.contains(cal.clock_of(t)) {
                let until = cal.next_match(t, DaySet::DAILY, Some(quiet.to));
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
                if until < self.run.horizon {
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
    pub(super) fn go_out(&mut self, t: Time, tp: usize, template: u32) {
        let (p, cal) = (self.run.prog, self.run.cal);
        let day = cal.day_of(t);
        let periods = cal.periods(day);
        let s = &mut *self.s;
        if reached(&p.journey_caps, &s.journey_caps, &periods)
            || reached(&p.caps[tp], &s.caps[tp], &periods)
        {
            self.agg.touchpoints[tp].capped += 1;
            note!(
                self,
                t,
                Note::Send {
                    tp,
                    template,
                    outcome: SendOutcome::Capped,
                }
            );
            return;
        }
        bump(&mut s.journey_caps, &periods);
        bump(&mut s.caps[tp], &periods);
        let any = s.last_sent.len() - 1;
        s.last_sent[tp] = t;
        s.last_sent[any] = t;
        self.agg.touchpoints[tp].sent += 1;
        self.agg.daily_sends[tp][day as usize] += 1;
        note!(
            self,
            t,
            Note::Send {
                tp,
                template,
                outcome: SendOutcome::Sent,
            }
        );
        for chance in &p.chances[tp] {
            if self.rng.chance(chance.p) {
                let delay = (self.rng.unit() * chance.within as f64) as Time;
                let at = t + 1 + delay.min(chance.within - 1);
                if at < self.run.horizon {
                    let behavior = chance.behavior as u16;
                    self.s.queue.push(at, Item::Chance { behavior });
                }
            }
        }
    }
}

//! A population's past and its one-time events (language-v2 §6): `history` lines
//! placed before the run's start, `arrivals none`, and `once` behaviours.

use super::calendar::Time;
use super::trace::{Note, Observer};
use super::user::{note, User};
use crate::check::model::HistoryAmount;

impl<O: Observer> User<'_, '_, O> {
    /// Places the user's past events in the `within` before the start (whole seconds,
    /// `-within..=-1`), in time order: they count in what conditions read (`did`,
    /// `count`, `sum`, `days_since`, `inactive`) and in `once`, and trigger no rule.
    pub(super) fn place_history(&mut self) {
        let p = self.prog;
        if p.population.history.is_empty() {
            return;
        }
        let mut past = std::mem::take(&mut self.sh.past);
        past.clear();
        for h in &p.population.history {
            let n = match h.amount {
                HistoryAmount::Range { low, high } => {
                    let spread = f64::from(high - low + 1);
                    low + ((self.sh.rng.unit() * spread) as u32).min(high - low)
                }
                HistoryAmount::Share(share) => u32::from(self.sh.rng.chance(share.fraction())),
            };
            let within = h.within.seconds() as Time;
            for _ in 0..n {
                let before = 1 + ((self.sh.rng.unit() * within as f64) as Time).min(within - 1);
                past.push((-before, h.event.index()));
            }
        }
        past.sort_unstable();
        for &(t, event) in &past {
            self.draw_fields(event);
            self.sh.hist.record(&p.retention, event, t, &self.sh.fields);
            self.spend_once(event);
            note!(
                self,
                t,
                Note::Past {
                    event,
                    fields: self.drawn_fields(event),
                }
            );
        }
        self.sh.past = past;
    }

    /// `arrivals none`: the user exists from the start without an arrival event; their
    /// behaviours start then and `entry when` is evaluated at once.
    pub(super) fn present_from_start(&mut self) -> bool {
        self.agg.arrived += 1;
        note!(self, 0, Note::FromStart);
        self.start_behaviors(0);
        self.s.j.dirty = true;
        self.settle_or_stop(0)
    }

    /// Records that `event` happened, for a `once` behaviour of it.
    #[inline(always)]
    pub(super) fn spend_once(&mut self, event: usize) {
        if self.prog.once[event] {
            self.sh.spent[event] = true;
            self.sh.spent_any = true;
        }
    }

    /// Whether a behaviour may no longer produce `event`: it is `once` and happened.
    #[inline(always)]
    pub(super) fn once_spent(&self, event: usize) -> bool {
        self.sh.spent[event]
    }
}

//! Behaviours: Poisson processes by thinning, with multipliers, and event field values.
//!
//! A behaviour's rate at `t` is its base rate times every multiplier that holds at `t`
//! (`if COND: xK`, and `after send TP within D: xK` while a send through `TP` went out
//! less than `D` ago). Candidates are drawn at an upper bound of that rate (every
//! multiplier above 1 applied) and each is kept with probability rate(t) / bound, which
//! samples the non-homogeneous process exactly, however conditions change in between.

use super::calendar::Time;
use super::history::{fill_each, NEVER};
use super::program::Behavior;
use super::queue::Item;
use super::rng::Rng;
use super::trace::Observer;
use super::user::User;

/// Mixed into the seed of the stream of non-number field values.
const VALUES_SALT: u64 = 0x6669_656c_6473; // "fields"

/// The whole second at which a candidate at `at` (>= 0) is handled: `at.ceil()`,
/// without `ceil`'s library call (no SSE4.1 on the baseline x86-64 target).
#[inline(always)]
fn second_of(at: f64) -> Time {
    let whole = at as Time;
    whole + ((whole as f64) < at) as Time
}

impl<O: Observer> User<'_, '_, O> {
    /// Queues each behaviour's first candidate after the user's arrival.
    pub(super) fn start_behaviors(&mut self, arrival: Time) {
        for (b, beh) in self.prog.behaviors.iter().enumerate() {
            if beh.rate_max > 0.0 {
                self.sh.candidate[b] = arrival as f64;
                if let Some(w) = &beh.windows {
                    self.sh.windowed[b].y = w.integral(arrival as f64);
                }
                self.next_candidate(b);
            }
        }
    }

    /// Draws behaviour `b`'s candidate after the pending one, at its bound (see
    /// `sim::bounds`).
    #[inline(always)]
    fn next_candidate(&mut self, b: usize) {
        let beh = &self.prog.behaviors[b];
        if beh.windows.is_some() {
            return self.next_windowed_candidate(b);
        }
        let next = self.sh.candidate[b] + self.sh.rng.exponential(beh.fixed);
        self.queue_candidate(b, next);
    }

    /// [`User::next_candidate`] for a behaviour with windows: out of line, so that the
    /// event loop, where the other is inlined, stays as small as it was without them.
    #[inline(never)]
    fn next_windowed_candidate(&mut self, b: usize) {
        let beh = &self.prog.behaviors[b];
        let wait = self.sh.rng.exponential(beh.fixed);
        let w = beh.windows.as_ref().expect("a behaviour with windows");
        let next = self.sh.windowed[b].next(w, self.sh.candidate[b], wait);
        self.queue_candidate(b, next);
    }

    #[inline(always)]
    fn queue_candidate(&mut self, b: usize, next: f64) {
        self.sh.candidate[b] = next;
        if next < self.horizon as f64 {
            let behavior = b as u16;
            self.s
                .queue
                .push(second_of(next), Item::Candidate { behavior });
        }
    }

    /// A candidate of behaviour `b` at `t`: kept with probability rate(t) / bound.
    #[inline(always)]
    pub(super) fn candidate(&mut self, t: Time, b: usize) {
        let beh = &self.prog.behaviors[b];
        if self.once_spent(beh.event) {
            // a `once` behaviour that happened: no more candidates
            return;
        }
        let bound = match beh.windows {
            None => beh.fixed,
            Some(_) => beh.fixed * self.sh.windowed[b].level,
        };
        let keep = self.sh.rng.unit() * bound < self.rate(t, beh, bound);
        self.next_candidate(b);
        if keep {
            self.happen(t, beh.event);
        }
    }

    /// Behaviour `beh`'s rate at `t`, at most `bound`.
    fn rate(&self, t: Time, beh: &Behavior, bound: f64) -> f64 {
        let view = self.view(t);
        let mut rate = beh.rate;
        for (cond, k) in &beh.model.multipliers {
            if view.holds(cond) {
                rate *= k;
            }
        }
        // the bulk moments gone out before `t`, found for the first touchpoint that
        // reads them
        let mut upto = None;
        for m in &beh.send_multipliers {
            let last = self.last_send(m.last_sent, t, &mut upto);
            if last != NEVER && t - last < m.within {
                rate *= m.k;
            }
        }
        debug_assert!(
            rate <= bound * (1.0 + 1e-12),
            "rate {rate} above its bound {bound}"
        );
        rate
    }

    /// Draws the fields of an event into the field buffer (a field without a draw is
    /// 0, its type's empty value: see `sim::fields`). The buffer past the event's fields
    /// is never read for it.
    pub(super) fn draw_fields(&mut self, event: usize) {
        let fields = self.prog.model.events[event].fields.len();
        if fields == 0 {
            return;
        }
        fill_each(&mut self.sh.fields[..fields], 0.0);
        let Some(b) = self.prog.behavior_of[event] else {
            return;
        };
        let b = &self.prog.behaviors[b];
        for (field, draw) in &b.fields {
            self.sh.fields[*field] = f64::from_bits(draw.sample(&mut self.sh.rng));
        }
        if b.value_fields.is_empty() {
            return;
        }
        let (seed, index) = (self.seed, self.index);
        let values =
            (self.sh.values).get_or_insert_with(|| Rng::for_user(seed ^ VALUES_SALT, index));
        for (field, draw) in &b.value_fields {
            self.sh.fields[*field] = f64::from_bits(draw.sample(values));
        }
    }

    /// The drawn fields of an event, in declaration order, for the trace.
    pub(super) fn drawn_fields(&self, event: usize) -> Vec<(usize, f64)> {
        self.prog.behavior_of[event].map_or_else(Vec::new, |b| {
            let b = &self.prog.behaviors[b];
            let mut drawn: Vec<_> = (b.fields.iter().chain(&b.value_fields))
                .map(|(f, _)| (*f, self.sh.fields[*f]))
                .collect();
            drawn.sort_unstable_by_key(|(f, _)| *f);
            drawn
        })
    }
}

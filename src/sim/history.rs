//! One user's event history, kept only as far back as the journey's conditions look.
//!
//! Per event kind: the count, the last time, running totals of the fields some `sum`
//! reads, and — only when a windowed `count`/`sum` reads the event — the times (and
//! summed field values) of the events inside the longest such window. Memory per user
//! is bounded by the events in that window, whatever the length of the run.

use super::calendar::Time;
use std::collections::VecDeque;

/// "Never happened".
pub const NEVER: Time = Time::MIN / 4;

/// What the conditions read of one event kind (built once per run).
#[derive(Clone, Debug, Default)]
pub struct Retention {
    /// The longest window of a `count`/`sum` over this event; 0 keeps no times.
    pub keep: Time,
    /// Fields (by index in the event) that some `sum` reads, in slot order.
    pub sum_fields: Vec<u32>,
}

#[derive(Clone, Debug, Default)]
struct Kind {
    count: u64,
    last: Time,
    totals: Vec<f64>,
    times: VecDeque<Time>,
    /// `sum_fields.len()` values per kept time.
    values: VecDeque<f64>,
}

#[derive(Clone, Debug, Default)]
pub struct History {
    kinds: Vec<Kind>,
    last_any: Time,
}

impl History {
    /// Empties the history for the next user, keeping the buffers.
    pub fn reset(&mut self, retention: &[Retention]) {
        self.kinds.resize_with(retention.len(), Kind::default);
        for (k, r) in self.kinds.iter_mut().zip(retention) {
            k.count = 0;
            k.last = NEVER;
            refill(&mut k.totals, r.sum_fields.len(), 0.0);
            k.times.clear();
            k.values.clear();
        }
        self.last_any = NEVER;
    }

    /// Records event `e` at `t` with its field values (by field index).
    pub fn record(&mut self, retention: &[Retention], e: usize, t: Time, fields: &[f64]) {
        let r = &retention[e];
        let k = &mut self.kinds[e];
        k.count += 1;
        k.last = t;
        self.last_any = t;
        for (total, &f) in k.totals.iter_mut().zip(&r.sum_fields) {
            *total += fields[f as usize];
        }
        if r.keep > 0 {
            let width = r.sum_fields.len();
            while k.times.front().is_some_and(|&old| old + r.keep <= t) {
                k.times.pop_front();
                k.values.drain(..width);
            }
            k.times.push_back(t);
            k.values
                .extend(r.sum_fields.iter().map(|&f| fields[f as usize]));
        }
    }

    pub fn last(&self, e: usize) -> Time {
        self.kinds[e].last
    }

    pub fn last_any(&self) -> Time {
        self.last_any
    }

    /// The index of the first kept event inside the window `(now - w, now]`.
    fn window_start(&self, e: usize, now: Time, w: Time) -> usize {
        self.kinds[e].times.partition_point(|&t| t + w <= now)
    }

    /// Events of kind `e` in the window `(now - w, now]`, or ever when `w` is `None`.
    pub fn count(&self, e: usize, now: Time, w: Option<Time>) -> f64 {
        let k = &self.kinds[e];
        match w {
            None => k.count as f64,
            Some(w) => (k.times.len() - self.window_start(e, now, w)) as f64,
        }
    }

    /// The sum of summed-field slot `slot` of kind `e` over the window (or ever).
    pub fn sum(&self, e: usize, slot: usize, now: Time, w: Option<Time>, width: usize) -> f64 {
        let k = &self.kinds[e];
        match w {
            None => k.totals[slot],
            Some(w) => {
                let from = self.window_start(e, now, w);
                k.values
                    .iter()
                    .skip(from * width + slot)
                    .step_by(width)
                    .sum()
            }
        }
    }

    /// When the oldest event inside the window `(now - w, now]` leaves it.
    pub fn window_expiry(&self, e: usize, now: Time, w: Time) -> Time {
        let from = self.window_start(e, now, w);
        self.kinds[e].times.get(from).map_or(Time::MAX, |&t| t + w)
    }
}

/// Sets `v` to `len` copies of `value`, in place when it has that length already (as
/// it has from the second user of a thread on).
pub(super) fn refill<T: Copy>(v: &mut Vec<T>, len: usize, value: T) {
    if v.len() == len {
        fill_each(v, value);
    } else {
        v.clear();
        v.resize(len, value);
    }
}

/// Sets every element of `v` to `value`. The simulator's per-user vectors are most
/// often a few elements long, and the `memset` call that a plain `fill` becomes costs
/// more than their stores: glibc picks its AVX-512 version on CPUs that have it, whose
/// wide registers slow the core down, and that was 7% of the CPU time of 1M users of
/// the community calendar (`perf record`; docs/performance.md). Longer ones still
/// take the call.
#[inline(always)]
pub(super) fn fill_each<T: Copy>(v: &mut [T], value: T) {
    if v.len() > 16 {
        return v.fill(value);
    }
    for x in v {
        *x = value;
        // the element made opaque after its store, so that the loop is not turned back
        // into a `memset` call (`value` made opaque instead went through the stack:
        // a store and a load more per element)
        std::hint::black_box(x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_half_open_and_trimmed() {
        let ret = vec![Retention {
            keep: 100,
            sum_fields: vec![1],
        }];
        let mut h = History::default();
        h.reset(&ret);
        h.record(&ret, 0, 10, &[0.0, 5.0]);
        h.record(&ret, 0, 50, &[0.0, 7.0]);
        assert_eq!(h.count(0, 60, Some(100)), 2.0);
        assert_eq!(h.count(0, 110, Some(100)), 1.0); // (10, 110]: 10 has left
        assert_eq!(h.sum(0, 0, 110, Some(100), 1), 7.0);
        assert_eq!(h.sum(0, 0, 110, None, 1), 12.0);
        assert_eq!(h.window_expiry(0, 60, 100), 110);
        assert_eq!(h.window_expiry(0, 110, 100), 150);
        h.record(&ret, 0, 200, &[0.0, 1.0]);
        assert_eq!(h.count(0, 200, None), 3.0);
        assert_eq!(h.count(0, 200, Some(100)), 1.0);
        assert_eq!(h.last(0), 200);
    }
}

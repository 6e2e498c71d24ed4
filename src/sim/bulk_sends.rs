//! The bulk rule's sends (`sim::bulk`) for one user: counted per stay, per day, into
//! the aggregates the per-item path adds to, with the loop guard's count of items kept
//! as the per-item path keeps it.

use super::aggregate::Aggregates;
use super::bulk::CLOSED;
use super::calendar::Time;
use super::trace::Observer;
use super::user::{Run, Scratch, User};

impl<O: Observer> User<'_, '_, O> {
    /// The journey-wide `rule` starts at `t`: `true` when its moments are counted in
    /// bulk (never while observed: a trace shows each send).
    pub(super) fn bulk_start(&mut self, t: Time, rule: usize) -> bool {
        match &self.prog.bulk {
            Some(b) if b.rule == rule && !O::ON => {
                self.s.j.bulk_next = b.index_at(t);
                // the items handled so far at `t` came before the rule's first
                self.s.j.moment_rank = 0;
                true
            }
            _ => false,
        }
    }

    /// Counts the open stay's moments before `end` as sent (or suppressed for a
    /// holdout user), with fatigue days advancing as the per-item path advances them:
    /// the first day's moments join the open fatigue day (or close it), the days up to
    /// the last day hold only the rule's moments and are the same for every user (they
    /// and the posts are counted per thread, [`Cover`](super::bulk::Cover)), and the
    /// last day stays open.
    #[inline(never)]
    pub(super) fn bulk_count(&mut self, end: Time) {
        let Some(b) = &self.prog.bulk else { return };
        let from = self.s.j.bulk_next as usize;
        if from >= b.moments.len() {
            return;
        }
        let to = b.index_from(from, end.min(self.horizon));
        if to <= from {
            return;
        }
        self.s.j.bulk_next = to as u32;
        let n = (to - from) as u64;
        if self.s.j.holdout {
            self.agg.touchpoints[b.tp].suppressed += n;
            return;
        }
        self.agg.touchpoints[b.tp].sent += n;
        self.agg.template_sends[b.template as usize] += n;
        if b.broadcast {
            self.s.bulk.moments(b, from, to);
        }
        let (first, last) = (b.day[from] as usize, b.day[to - 1] as usize);
        let head = (b.first[first + 1] as usize).min(to) - from;
        self.agg.daily_sends[b.tp][first] += head as u64;
        self.fatigue_advance(first as i64);
        self.s.j.fatigue_sends += head as u64;
        if last > first {
            if last > first + 1 {
                self.s.bulk.days(b, first + 1, last);
            }
            // closes the first day; the days between with moments are counted per
            // thread, not among the quiet ones
            self.fatigue_advance(last as i64);
            self.s.j.fatigue_quiet -= (b.busy[last] - b.busy[first + 1]) as u64;
            let tail = (to - b.first[last] as usize) as u64;
            self.agg.daily_sends[b.tp][last] += tail;
            self.s.j.fatigue_sends = tail;
        }
    }

    /// The stay ends at `t`. The per-item path sent the moment at `t` if its item was
    /// handled before this one, and keeps the stay's next item queued, stale: it is
    /// queued here too, as it counts among the items of its moment.
    pub(super) fn bulk_close(&mut self, t: Time) {
        let Some(b) = &self.prog.bulk else { return };
        let j = &self.s.j;
        if j.bulk_next == CLOSED {
            return;
        }
        let before = j.moment == t && j.moment_rank > b.rank();
        self.bulk_count(t + before as Time);
        let j = &mut self.s.j;
        let next = b.moments.get(j.bulk_next as usize).copied();
        j.bulk_next = CLOSED;
        if let Some(next) = next.filter(|&m| m < self.horizon) {
            // queued already by `bulk_steps`
            if !(next == t && j.bulk_synced == t) {
                self.s.queue.push(next, b.stale());
            }
        }
    }

    /// Items at moment `t` are near the loop guard's count: the bulk rule's item at
    /// `t`, if the stay has one, is counted as the per-item path counts it: at once if
    /// it would have been handled already, else queued (stale: the moment is counted
    /// in bulk) to be handled in its turn.
    pub(super) fn bulk_steps(&mut self, t: Time) {
        let Some(b) = &self.prog.bulk else { return };
        let j = &mut self.s.j;
        if j.bulk_synced == t {
            return;
        }
        j.bulk_synced = t;
        let i = b.index_at(t) as usize;
        if i < j.bulk_next as usize || b.moments.get(i) != Some(&t) || t >= self.horizon {
            return;
        }
        if j.moment_rank > b.rank() {
            j.steps += 1;
        } else {
            self.s.queue.push(t, b.stale());
        }
    }
}

impl Run<'_> {
    /// Adds the bulk rule's sends counted per thread in `s` to `agg`: after a thread's
    /// users, before its aggregates are merged or read.
    pub(super) fn bulk_flush(&self, s: &mut Scratch, agg: &mut Aggregates) {
        if let Some(b) = &self.prog.bulk {
            s.bulk.flush(b, agg);
        }
    }
}

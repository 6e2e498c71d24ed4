//! The bulk rule's sends (`sim::bulk`) for one user: counted per stay, per day, into
//! the aggregates the per-item path adds to, with the loop guard's count of items kept
//! as the per-item path keeps it.

use super::aggregate::Aggregates;
use super::bulk::{Bulk, CLOSED};
use super::calendar::Time;
use super::rng::Draws;
use super::trace::Observer;
use super::user::{Own, Run, User};

impl<O: Observer> User<'_, '_, O> {
    /// The journey-wide `rule` starts at `t`: `true` when its moments are counted in
    /// bulk (never while observed: a trace shows each send). Every bulk rule starts
    /// at the same `t`, the journey entry.
    pub(super) fn bulk_start(&mut self, t: Time, rule: usize) -> bool {
        match &self.prog.bulk {
            Some(b) if b.counts(rule) && !O::ON => {
                // the items handled so far at `t` came before the rules' first
                self.s.j.moment_rank = 0;
                if self.s.j.bulk_next == CLOSED {
                    // the stay opens (with the first of the rules)
                    self.s.j.bulk_next = b.index_in(self.cal, t) as u32;
                    self.s.j.bulk_read = self.s.j.bulk_next;
                    self.s.j.bulk_off = self.bulk_guards(b, t);
                    self.bulk_probe(b, self.s.j.bulk_next as usize);
                }
                true
            }
            _ => false,
        }
    }

    /// Counts the open stay's moments before `end` as sent (or suppressed for a
    /// holdout user), with fatigue days advancing as the per-item path advances them:
    /// the sends themselves are counted per thread ([`Cover`](super::bulk::Cover)), as
    /// are the fatigue figures of the days strictly inside the count, which hold only
    /// the rules' moments and are the same for every user; the first day's moments
    /// join the open fatigue day (or close it), and the last day stays open. A
    /// touchpoint whose last send a behaviour reads has it found from the moment list
    /// while the guards stay as they are ([`User::last_send`]).
    pub(super) fn bulk_count(&mut self, end: Time) {
        if let Some(b) = &self.prog.bulk {
            self.bulk_count_to(b.index_in(self.cal, end.min(self.horizon)));
        }
    }

    /// [`User::bulk_count`] for a per-item send at `t` on local day `day`, which closes
    /// the open fatigue day: the moments before it are found from the day's first.
    #[inline(always)]
    pub(super) fn bulk_count_on(&mut self, t: Time, day: usize) {
        if let Some(b) = &self.prog.bulk {
            self.bulk_count_to(b.index_on(day, t));
        }
    }

    /// Counts the open stay's moments before moment `to` (see [`User::bulk_count`]).
    #[inline(never)]
    fn bulk_count_to(&mut self, to: usize) {
        let Some(b) = &self.prog.bulk else { return };
        let from = self.s.j.bulk_next as usize;
        if to <= from {
            return;
        }
        self.s.j.bulk_next = to as u32;
        // the guarded rules whose guard is false: their moments do not go out
        let off = self.s.j.bulk_off;
        let on = |r: &&super::bulk::BulkRule| r.bit & off == 0;
        if self.s.j.holdout {
            for r in b.rules.iter().filter(on) {
                self.agg.touchpoints[r.tp].suppressed += r.between(from, to);
            }
            return;
        }
        self.s.bulk.moments(b, from, to, off);
        // (a day whose moments are all a false guard's is opened with no sends: it
        // counts as the quiet day it is on the per-item path, a stay's days all count)
        let (first, last) = (b.day[from] as usize, b.day[to - 1] as usize);
        let head = (b.first[first + 1] as usize).min(to);
        self.fatigue_advance(first as i64);
        self.sh.fatigue_sends += b.sent(off, from, head);
        if last > first {
            if last > first + 1 {
                self.s.bulk.days(b, first + 1, last, off);
            }
            // closes the first day; the days between with sends are counted per
            // thread, not among the quiet ones
            self.fatigue_advance(last as i64);
            let busy = &b.busy[off as usize];
            self.sh.fatigue_quiet -= (busy[last] - busy[first + 1]) as u64;
            self.sh.fatigue_sends = b.sent(off, b.first[last] as usize, to);
        }
    }

    /// The last send through touchpoint `tp` (a reaction slot) before the item being
    /// handled at `t`, for a behaviour's `after send` multiplier: a bulk rule's moment
    /// not yet kept in `last_sent` ([`JourneyState::bulk_read`] on) went out if it is
    /// before `t`, or at `t` with its item handled before this one. `upto` keeps the
    /// index of the first moment that did not, for the item's other multipliers
    /// (`None`: not found yet).
    ///
    /// [`JourneyState::bulk_read`]: super::user::JourneyState::bulk_read
    #[inline(always)]
    pub(super) fn last_send(&self, tp: usize, t: Time, upto: &mut Option<usize>) -> Time {
        let kept = self.sh.last_sent[tp];
        let Some(b) = &self.prog.bulk else {
            return kept;
        };
        let j = &self.s.j;
        let readers = b.readers.get(tp).map_or(&[][..], |r| &r[..]);
        if j.bulk_next == CLOSED || j.holdout || readers.is_empty() {
            return kept;
        }
        let from = j.bulk_read as usize;
        let to = *upto.get_or_insert_with(|| {
            let to = b.index_in(self.cal, t);
            let handled = b.moments.get(to) == Some(&t)
                && self.sh.moment == t
                && j.moment_rank > b.rank_of(to);
            to + handled as usize
        });
        // the touchpoint's rules whose guard holds (one while it is sent by one rule)
        let rules =
            (readers.iter().map(|&r| &b.rules[r as usize])).filter(|r| r.bit & j.bulk_off == 0);
        (rules.filter_map(|r| r.last_between(from, to))).fold(kept, Time::max)
    }

    /// The moment up to which (exclusive) the open stay's moments went out before the
    /// item being handled at `t`: those before `t`, and the one at `t` if its rule's
    /// item would have been handled before this one.
    pub(super) fn bulk_handled_to(&self, b: &Bulk, t: Time) -> Time {
        let i = b.index_at(t) as usize;
        let j = &self.s.j;
        let before =
            b.moments.get(i) == Some(&t) && self.sh.moment == t && j.moment_rank > b.rank_of(i);
        t + before as Time
    }

    /// Keeps the last send of the moments counted since [`JourneyState::bulk_read`]
    /// in `last_sent`, for each touchpoint whose last send a behaviour reads, with the
    /// guards as they are: before they change, and when the stay closes. Between those
    /// the moments are read from the list ([`User::last_send`]), not kept at each count.
    ///
    /// [`JourneyState::bulk_read`]: super::user::JourneyState::bulk_read
    pub(super) fn bulk_keep(&mut self, b: &Bulk) {
        let j = &mut self.s.j;
        let (from, to, off) = (j.bulk_read as usize, j.bulk_next as usize, j.bulk_off);
        j.bulk_read = j.bulk_next;
        if j.holdout {
            // (a holdout user's moments are suppressed: nothing went out)
            return;
        }
        let on = (b.rules.iter()).filter(|r| r.read && r.bit & off == 0);
        for r in on {
            if let Some(m) = r.last_between(from, to) {
                // (several rules may send through the touchpoint)
                let last = &mut self.sh.last_sent[r.tp];
                *last = m.max(*last);
            }
        }
    }

    /// The stay ends at `t`. The per-item path sent the moment at `t` if its item was
    /// handled before this one, and keeps each rule's next item queued, stale: they
    /// are queued here too, as they count among the items of their moments.
    pub(super) fn bulk_close(&mut self, t: Time) {
        let Some(b) = &self.prog.bulk else { return };
        let j = &self.s.j;
        if j.bulk_next == CLOSED {
            return;
        }
        let handled = self.bulk_handled_to(b, t);
        if j.bulk_probe != CLOSED {
            // the per-item path leaves only each rule's next item behind (below)
            let probe = j.bulk_probe as usize;
            let item = b.rules[b.of[probe] as usize].probe(j.jepoch);
            self.s.j.bulk_probe = CLOSED;
            self.s.queue.remove(b.moments[probe], item);
        }
        self.bulk_count(handled);
        self.bulk_keep(b);
        let j = &mut self.s.j;
        let next = j.bulk_next as usize;
        j.bulk_next = CLOSED;
        for r in &b.rules {
            let Some(&at) = r.times.get(r.before[next] as usize) else {
                continue;
            };
            // queued already by `bulk_steps`
            if at < self.horizon && !(at == t && j.bulk_synced == t) {
                self.s.queue.push(at, r.stale());
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
        let i = b.index_at(t) as usize;
        if i == j.bulk_probe as usize {
            // its item is queued: it counts itself
            return;
        }
        j.bulk_synced = t;
        if i < j.bulk_next as usize || b.moments.get(i) != Some(&t) || t >= self.horizon {
            return;
        }
        if j.moment_rank > b.rank_of(i) {
            self.sh.steps += 1;
        } else {
            self.s.queue.push(t, b.rules[b.of[i] as usize].stale());
        }
    }
}

impl<O: Observer> User<'_, '_, O> {
    /// Queues an chance item ([`PROBE`](super::bulk::PROBE)) at the first of the open stay's moments from
    /// merged moment `from` whose send opens a chance: the event a chance draws comes
    /// within its window, before the lazy count would reach the send, so the moment
    /// is handled in its rule's turn, as the per-item path handles it. A holdout
    /// user's sends are suppressed and open none.
    pub(super) fn bulk_probe(&mut self, b: &Bulk, from: usize) {
        self.s.j.bulk_probe = CLOSED;
        if let Some(i) = self.bulk_next_chance(b, from, b.moments.len()) {
            self.s.j.bulk_probe = i as u32;
            let r = &b.rules[b.of[i] as usize];
            self.s.queue.push(b.moments[i], r.probe(self.s.j.jepoch));
        }
    }

    /// The first of merged moments `[from, to)` before the run's end whose send opens a
    /// chance (a guarded rule's while its guard holds); none for a holdout user.
    pub(super) fn bulk_next_chance(&self, b: &Bulk, from: usize, to: usize) -> Option<usize> {
        if !b.opens || self.s.j.holdout {
            return None;
        }
        let off = self.s.j.bulk_off;
        let to = to.min(b.moments.len());
        let user = Draws::user_part(self.seed, self.index);
        // the openers of moments `[from, to)` before the run's end (the calendar's last
        // day may go on past it: tested in the loop, where it is predicted, not by a
        // binary search, which is not)
        let openers = &b.openers[b.opener[from.min(to)] as usize..b.opener[to] as usize];
        (openers.iter())
            .take_while(|o| o.time < self.horizon)
            .find(|o| o.bit & off == 0 && o.opens(user))
            .map(|o| o.at as usize)
    }

    /// The queued chance item ([`PROBE`](super::bulk::PROBE)) of the open stay at `t`: the send's chances
    /// open (the send itself is counted in bulk), then the next moment that opens one
    /// is queued.
    pub(super) fn bulk_chance(&mut self, t: Time) {
        let Some(b) = &self.prog.bulk else { return };
        let i = self.s.j.bulk_probe as usize;
        let r = &b.rules[b.of[i] as usize];
        // the rule's item at `t` was counted among the moment's items (`bulk_steps`)
        self.s.j.bulk_synced = t;
        // (a guard read may have turned false since the item was queued)
        if r.bit & self.s.j.bulk_off == 0 {
            self.open_chances(t, r.tp, r.template);
        }
        self.bulk_probe(b, i + 1);
    }
}

impl Run<'_> {
    /// Adds the bulk rule's sends counted per thread in `s` to `agg`: after a thread's
    /// users, before its aggregates are merged or read.
    pub(super) fn bulk_flush(&self, s: &mut Own, agg: &mut Aggregates) {
        if let Some(b) = &self.prog.bulk {
            s.bulk.flush(b, agg);
        }
    }
}

//! Guarded bulk rules (`every … if COND: send …` counted in bulk, `sim::bulk`): a
//! guard that reads only tags holds or not from one tag change to the next, so a
//! count takes the guards as they are (`JourneyState::bulk_off`), and a change of a
//! tag some guard reads first counts the moments that went out before it.

use super::bulk::{Bulk, CLOSED};
use super::calendar::Time;
use super::trace::Observer;
use super::user::User;

impl<O: Observer> User<'_, '_, O> {
    /// The guarded bulk rules whose guard is false at `t` (their [`bit`]s).
    ///
    /// [`bit`]: super::bulk::BulkRule::bit
    pub(super) fn bulk_guards(&self, b: &Bulk, t: Time) -> u32 {
        let view = self.view(t);
        let false_now = (b.guarded.iter()).map(|&r| &b.rules[r]).filter(|r| {
            let (cond, negated) = r.guard.as_ref().expect("a guarded rule");
            view.holds(cond) == *negated
        });
        false_now.map(|r| r.bit).sum()
    }

    /// Tag `tag` changes at `t`: if a bulk rule's guard reads it, the open stay's
    /// moments that went out before the item being handled are counted with the
    /// guards as they were, then `change` runs, then the guards are taken anew (when
    /// they changed, the readers' last sends under the old ones kept, and the chance
    /// look-ahead redone from there).
    #[inline(always)]
    pub(super) fn bulk_retag(&mut self, t: Time, tag: usize, change: impl FnOnce(&mut Self)) {
        let Some(b) = &self.prog.bulk else {
            return change(self);
        };
        if !b.watched[tag] || self.s.j.bulk_next == CLOSED {
            return change(self);
        }
        self.bulk_count(self.bulk_handled_to(b, t));
        change(self);
        let off = self.bulk_guards(b, t);
        if off != self.s.j.bulk_off {
            self.bulk_keep(b);
            self.s.j.bulk_off = off;
            self.bulk_rescan(b, t);
        }
    }

    /// The guards changed at `t`: a moment before the queued chance item (or any, when
    /// none is queued) may now open a chance; the queued one, if its rule's guard turned
    /// false, opens none when handled (`User::bulk_chance`).
    fn bulk_rescan(&mut self, b: &Bulk, t: Time) {
        let j = &self.s.j;
        let Some(i) = self.bulk_next_chance(b, j.bulk_next as usize, j.bulk_probe as usize) else {
            return;
        };
        let (j, queue) = (&mut self.s.j, &mut self.s.queue);
        if j.bulk_probe != CLOSED {
            // due after `t`: the moments from `bulk_next` are in order, none shared
            let p = j.bulk_probe as usize;
            queue.remove(b.moments[p], b.rules[b.of[p] as usize].probe(j.jepoch));
        }
        let (r, m) = (&b.rules[b.of[i] as usize], b.moments[i]);
        if m == t && j.bulk_synced == t {
            // `bulk_steps` queued the rule's item at `t`, stale: the chance item counts
            // itself among the moment's items instead
            queue.remove(t, r.stale());
        }
        j.bulk_probe = i as u32;
        queue.push(m, r.probe(j.jepoch));
    }
}

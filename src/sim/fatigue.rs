//! Fatigue (§9): over every local day a user was in the journey (in a portfolio: in
//! some journey), from the day they entered to the day they left or the run ended, the
//! sends that reached them that day.
//! Sends come in time order, so one open day per user is enough: it is counted when a
//! later day begins for the user. The days between without sends are summed per user
//! and counted once, when the run ends for the user.

use super::trace::Observer;
use super::user::{User, NO_DAY};

impl<O: Observer> User<'_, '_, O> {
    /// The user enters the journey on local day `day`: a day left earlier goes on being
    /// counted if it is the same day (a day counts once), and is closed otherwise. A
    /// user already in another journey of a portfolio has been counted all along.
    pub(super) fn fatigue_enter(&mut self, day: i64) {
        if self.sh.inside > 1 {
            self.fatigue_advance(day);
            return;
        }
        let j = &*self.sh;
        if j.fatigue_day != day {
            if j.fatigue_day != NO_DAY {
                self.agg.fatigue.add(j.fatigue_sends as usize, 1);
            }
            self.sh.fatigue_day = day;
            self.sh.fatigue_sends = 0;
        }
    }

    /// The user, in the journey since the open day, is still in it on `day`: the open
    /// day and the days in between (without sends) are counted, and `day` opens.
    /// Inlined into every send; the day change, once per user-day, is kept out of line
    /// so that the send path stays short.
    #[inline(always)]
    pub(super) fn fatigue_advance(&mut self, day: i64) {
        if day > self.sh.fatigue_day {
            self.fatigue_next_day(day);
        }
    }

    #[inline(never)]
    fn fatigue_next_day(&mut self, day: i64) {
        let j = &mut *self.sh;
        self.agg.fatigue.add(j.fatigue_sends as usize, 1);
        j.fatigue_quiet += (day - j.fatigue_day - 1) as u64;
        j.fatigue_day = day;
        j.fatigue_sends = 0;
    }

    /// The run ends on `last_day`: a user still in a journey is counted up to it.
    pub(super) fn fatigue_finish(&mut self, last_day: i64) {
        if self.sh.fatigue_day == NO_DAY {
            return;
        }
        if self.sh.inside > 0 {
            self.fatigue_advance(last_day);
        }
        let j = &*self.sh;
        self.agg.fatigue.add(j.fatigue_sends as usize, 1);
        if j.fatigue_quiet > 0 {
            self.agg.fatigue.add(0, j.fatigue_quiet);
        }
    }
}

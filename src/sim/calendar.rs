//! Local time in the journey's timezone, precomputed once per run.
//!
//! Simulation time is whole seconds since the population's `start` ([`Time`]). Local
//! time is kept as "local seconds" since midnight of the start date, so the local day,
//! clock, weekday, ISO week and month of a moment are integer arithmetic. The timezone's
//! offset changes (DST) inside the simulated range are found once with chrono-tz and
//! stored as a short list of segments; between changes local time is the simulation
//! time plus a constant, and no timezone lookup happens while users are simulated.

use crate::check::model::Timing;
use crate::units::{Clock, DaySet, Weekday};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Offset, TimeZone, Timelike};
use chrono_tz::Tz;

/// Seconds since the simulation start.
pub type Time = i64;

pub const DAY: Time = 86_400;

/// From `from` on (until the next segment), local seconds = time + `delta` + start clock.
#[derive(Clone, Copy, Debug)]
struct Segment {
    from: Time,
    delta: i64,
}

#[derive(Clone, Debug)]
pub struct Calendar {
    segments: Vec<Segment>,
    max_delta: i64,
    /// Local seconds after midnight at the simulation start.
    start_clock: i64,
    /// Weekday of local day 0, Monday = 0.
    start_weekday: i64,
    start_date: NaiveDate,
    /// [`Calendar::periods`] of each local day of the run, and one more.
    periods: Vec<[i64; 3]>,
    /// Precomputed [`Calendar::next_match`] answers, see [`Calendar::table`].
    matches: Vec<Matches>,
}

/// A precomputed (day set, clock) pair of the calendar, see [`Calendar::table`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableId(u16);

/// Where a rule's timing moves its trigger moment (a [`Timing`] bound to a calendar).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shift {
    after: Time,
    to: ShiftTo,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ShiftTo {
    /// No `at` and no days: the moment `after` later.
    Moment,
    /// `at` a clock (on some days).
    Table(TableId),
    /// On some days, without a clock.
    Days(DaySet),
}

/// One (day set, clock) pair of [`Calendar::next_match`], answered per local day.
#[derive(Clone, Debug)]
struct Matches {
    days: DaySet,
    at: Clock,
    /// For each local day `d` of the run, the moment at `at` on the first day of
    /// `days` from `d` on (`Time::MAX` for an empty set).
    next: Vec<Time>,
}

impl Calendar {
    /// The calendar of a run starting at local `start` in `tz` and lasting `horizon`.
    pub fn new(tz: Tz, start: NaiveDateTime, horizon: Time) -> Calendar {
        let first = first_instant_at_or_after(tz, start);
        let offset = |ts: i64| -> i64 {
            let utc = chrono::DateTime::from_timestamp(ts, 0)
                .expect("in range")
                .naive_utc();
            tz.offset_from_utc_datetime(&utc).fix().local_minus_utc() as i64
        };
        let offset0 = offset(first);
        let local_start = chrono::DateTime::from_timestamp(first + offset0, 0)
            .expect("in range")
            .naive_utc();

        let mut segments = vec![Segment {
            from: Time::MIN,
            delta: 0,
        }];
        let (mut prev_t, mut prev_off) = (-2 * DAY, offset(first - 2 * DAY));
        segments[0].delta = prev_off - offset0;
        let end = horizon + 40 * DAY;
        while prev_t < end {
            let t = prev_t + 3600;
            let off = offset(first + t);
            if off != prev_off {
                // the change happened in (prev_t, t]: find its exact second
                let (mut lo, mut hi) = (prev_t, t);
                while hi - lo > 1 {
                    let mid = lo + (hi - lo) / 2;
                    if offset(first + mid) == prev_off {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                segments.push(Segment {
                    from: hi,
                    delta: off - offset0,
                });
                prev_off = off;
            }
            prev_t = t;
        }
        let start_date = local_start.date();
        let mut cal = Calendar {
            max_delta: segments.iter().map(|s| s.delta).max().unwrap_or(0),
            segments,
            start_clock: local_start.num_seconds_from_midnight() as i64,
            start_weekday: start_date.weekday().num_days_from_monday() as i64,
            start_date,
            periods: Vec::new(),
            matches: Vec::new(),
        };
        let days = cal.day_of(horizon.max(0)) + 2;
        let month_key = |d: NaiveDate| d.year() as i64 * 12 + d.month0() as i64;
        let base = month_key(start_date);
        cal.periods = (0..days)
            .map(|d| [d, cal.week(d), month_key(cal.date(d)) - base])
            .collect();
        cal
    }

    /// Local seconds (since local midnight of the start date) at `t`.
    pub fn local(&self, t: Time) -> i64 {
        let delta = if self.segments.len() == 1 {
            self.segments[0].delta
        } else {
            let i = self.segments.partition_point(|s| s.from <= t);
            self.segments[i - 1].delta
        };
        t + delta + self.start_clock
    }

    /// The earliest moment whose local time is at or after local seconds `n`: a clock
    /// skipped by a DST change maps to the end of the gap, a repeated one to its first
    /// occurrence.
    pub fn instant(&self, n: i64) -> Time {
        if let [only] = self.segments[..] {
            return n - only.delta - self.start_clock;
        }
        let lower = n - self.start_clock - self.max_delta;
        let mut i = self.segments.partition_point(|s| s.from <= lower).max(1) - 1;
        loop {
            let seg = self.segments[i];
            let t = (n - seg.delta - self.start_clock).max(seg.from);
            match self.segments.get(i + 1) {
                Some(next) if t >= next.from => i += 1,
                _ => return t,
            }
        }
    }

    /// The local day index of `t` (day 0 is the start date).
    pub fn day_of(&self, t: Time) -> i64 {
        self.local(t).div_euclid(DAY)
    }

    /// The local clock (whole minutes) at `t`.
    pub fn clock_of(&self, t: Time) -> Clock {
        let minutes = self.local(t).rem_euclid(DAY) / 60;
        Clock::new(minutes as u32 / 60, minutes as u32 % 60).expect("within a day")
    }

    pub fn weekday(&self, day: i64) -> Weekday {
        Weekday::ALL[(self.start_weekday + day).rem_euclid(7) as usize]
    }

    /// ISO week number counted from the start date's week.
    pub fn week(&self, day: i64) -> i64 {
        (day + self.start_weekday).div_euclid(7)
    }

    /// Calendar month counted from the start month.
    pub fn month(&self, day: i64) -> i64 {
        match self.periods.get(day as usize) {
            Some(p) if day >= 0 => p[2],
            _ => {
                let (d, s) = (self.date(day), self.start_date);
                (d.year() as i64 - s.year() as i64) * 12 + d.month0() as i64 - s.month0() as i64
            }
        }
    }

    /// The day itself, its [`Calendar::week`] and [`Calendar::month`]: the periods of
    /// caps, looked up for the days of the run.
    /// Inlined into every send: the table lookup is the whole of the usual case.
    #[inline(always)]
    pub fn periods(&self, day: i64) -> [i64; 3] {
        match self.periods.get(day as usize) {
            Some(&p) if day >= 0 => p,
            _ => self.periods_outside(day),
        }
    }

    #[cold]
    fn periods_outside(&self, day: i64) -> [i64; 3] {
        [day, self.week(day), self.month(day)]
    }

    pub fn date(&self, day: i64) -> NaiveDate {
        self.start_date + chrono::Duration::days(day)
    }

    /// The local day index of `date` (the inverse of [`Calendar::date`]).
    pub fn day_index(&self, date: NaiveDate) -> i64 {
        (date - self.start_date).num_days()
    }

    /// The number of local days the calendar covers: the run's, and one more.
    pub fn days(&self) -> i64 {
        self.periods.len() as i64
    }

    /// Precomputes [`Calendar::next_match`] for a (day set, clock) pair, for each local
    /// day of the run: for the `every` rules, `at` timings and quiet windows of a
    /// program, whose next moments are most of the calendar work of a simulation.
    pub fn table(&mut self, days: DaySet, at: Clock) -> TableId {
        let index = self.find(days, at).unwrap_or_else(|| {
            let first_on_or_after = |d: i64| (d..d + 7).find(|&m| days.contains(self.weekday(m)));
            // the days of the periods table: the run's, and one more
            let next = (0..self.periods.len() as i64)
                .map(|d| {
                    first_on_or_after(d).map_or(Time::MAX, |m| {
                        self.instant(m * DAY + at.minutes() as i64 * 60)
                    })
                })
                .collect();
            self.matches.push(Matches { days, at, next });
            self.matches.len() - 1
        });
        TableId(u16::try_from(index).expect("fewer than 65,536 clock moments in a program"))
    }

    /// [`Calendar::next_match`] for a precomputed pair.
    #[inline(always)]
    pub fn next_at(&self, t: Time, table: TableId) -> Time {
        self.next_at_from(t, self.day_of(t), table)
    }

    /// [`Calendar::next_at`] with `today`, the local day of `t`, already known.
    #[inline(always)]
    fn next_at_from(&self, t: Time, today: i64, table: TableId) -> Time {
        let m = &self.matches[table.0 as usize];
        if let Ok(mut d) = usize::try_from(today) {
            // the matching days from today on, in order, as in `search` (on a DST change
            // the moment of today's match may be before `t`); past the table, the search
            while let Some(&candidate) = m.next.get(d) {
                if candidate >= t {
                    return candidate;
                }
                d += 1;
            }
        }
        self.search(t, today, m.days, Some(m.at))
    }

    /// The next moment at or after `t` on one of `days`, at `at` (or, without a clock,
    /// `t` itself if its day matches, else the next matching day's midnight).
    pub fn next_match(&self, t: Time, days: DaySet, at: Option<Clock>) -> Time {
        match at.and_then(|at| self.find(days, at)) {
            Some(i) => self.next_at(t, TableId(i as u16)),
            None => self.search(t, self.day_of(t), days, at),
        }
    }

    /// The index of the precomputed table of a pair.
    fn find(&self, days: DaySet, at: Clock) -> Option<usize> {
        self.matches
            .iter()
            .position(|m| (m.days, m.at) == (days, at))
    }

    /// [`Calendar::next_match`] by walking the days from `today`, the day of `t`.
    fn search(&self, t: Time, today: i64, days: DaySet, at: Option<Clock>) -> Time {
        // bit k: day `today + k` is one of `days`
        let mut ahead = days.week_from(self.weekday(today));
        while ahead != 0 {
            let d = today + ahead.trailing_zeros() as i64;
            ahead &= ahead - 1;
            match at {
                Some(c) => {
                    let candidate = self.instant(d * DAY + c.minutes() as i64 * 60);
                    if candidate >= t {
                        return candidate;
                    }
                }
                None if d == today => return t,
                None => return self.instant(d * DAY),
            }
        }
        Time::MAX
    }

    /// A rule's timing bound to this calendar, for [`Calendar::shift`].
    pub fn bind(&mut self, timing: &Timing) -> Shift {
        let to = match (timing.days, timing.at) {
            (None, None) => ShiftTo::Moment,
            (days, Some(at)) => ShiftTo::Table(self.table(days.unwrap_or(DaySet::DAILY), at)),
            (Some(days), None) => ShiftTo::Days(days),
        };
        Shift {
            after: timing.after.map_or(0, |d| d.seconds() as i64),
            to,
        }
    }

    /// A rule's fire moment for trigger moment `t` (spec §4 timing).
    #[inline(always)]
    pub fn shift(&self, t: Time, shift: Shift) -> Time {
        let t = t + shift.after;
        match shift.to {
            ShiftTo::Moment => t,
            ShiftTo::Table(table) => self.next_at(t, table),
            ShiftTo::Days(days) => self.next_match(t, days, None),
        }
    }

    /// The tables of an `every days at clocks` trigger (`00:00` without clocks), for
    /// [`Calendar::next_every`].
    pub fn every_tables(&mut self, days: DaySet, clocks: &[Clock]) -> Vec<TableId> {
        if clocks.is_empty() {
            return vec![self.table(days, Clock::default())];
        }
        clocks.iter().map(|&c| self.table(days, c)).collect()
    }

    /// The next `every` moment at or after `t`: the earliest of its clocks' next
    /// moments, the local day of `t` worked out once for all of them.
    #[inline(always)]
    pub fn next_every(&self, t: Time, tables: &[TableId]) -> Time {
        match tables {
            [table] => self.next_at(t, *table),
            _ => {
                let today = self.day_of(t);
                (tables
                    .iter()
                    .map(|&table| self.next_at_from(t, today, table)))
                .min()
                .unwrap_or(Time::MAX)
            }
        }
    }

    /// A readable local time for traces: `2026-03-02 09:00:00`.
    pub fn format(&self, t: Time) -> String {
        let n = self.local(t);
        let (day, secs) = (n.div_euclid(DAY), n.rem_euclid(DAY));
        format!(
            "{} {:02}:{:02}:{:02}",
            self.date(day),
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

/// The UTC timestamp of the first instant at or after local `start` (a start inside a
/// DST gap moves to the gap's end; a repeated one takes its first occurrence).
fn first_instant_at_or_after(tz: Tz, start: NaiveDateTime) -> i64 {
    let mut local = start;
    loop {
        if let Some(dt) = tz.from_local_datetime(&local).earliest() {
            return dt.timestamp();
        }
        local += chrono::Duration::minutes(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Duration;

    fn at(date: &str, clock: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(&format!("{date} {clock}"), "%Y-%m-%d %H:%M").unwrap()
    }

    fn utc(cal_start: i64, t: Time) -> String {
        chrono::DateTime::from_timestamp(cal_start + t, 0)
            .unwrap()
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }

    #[test]
    fn shanghai_is_a_constant_offset() {
        let cal = Calendar::new(
            chrono_tz::Asia::Shanghai,
            at("2026-03-02", "09:00"),
            90 * DAY,
        );
        assert_eq!(cal.local(0), 9 * 3600);
        assert_eq!(cal.format(0), "2026-03-02 09:00:00");
        assert_eq!(cal.weekday(0), Weekday::Mon);
        assert_eq!(cal.day_of(15 * 3600 - 1), 0);
        assert_eq!(cal.day_of(15 * 3600), 1);
        assert_eq!(cal.month(29), 0);
        assert_eq!(cal.month(30), 1); // 2026-04-01
        assert_eq!(cal.week(6), 0);
        assert_eq!(cal.week(7), 1);
        assert_eq!(cal.periods(30), [30, 4, 1]);
        // the day before the start, Sunday 2026-03-01, is outside the table
        assert_eq!(cal.periods(-1), [-1, -1, 0]);
        // next Wednesday 20:00 from Monday 09:00
        let wed = DaySet::parse_word("wed").unwrap();
        let t = cal.next_match(0, wed, Clock::parse("20:00"));
        assert_eq!(cal.format(t), "2026-03-04 20:00:00");
        // a day without a clock: now if it matches, else next midnight
        assert_eq!(cal.next_match(5, DaySet::WEEKDAY, None), 5);
        let sat = cal.next_match(5, DaySet::WEEKEND, None);
        assert_eq!(cal.format(sat), "2026-03-07 00:00:00");
    }

    #[test]
    fn after_seven_days_at_eight_pm_across_new_york_dst() {
        // DST starts on Sunday 2026-03-08 at 02:00 local (EST → EDT)
        let ny = chrono_tz::America::New_York;
        let start = at("2026-03-02", "09:00");
        let mut cal = Calendar::new(ny, start, 30 * DAY);
        let t0 = first_instant_at_or_after(ny, start);
        assert_eq!(utc(t0, 0), "2026-03-02 14:00");
        let timing = Timing {
            after: Some(Duration::from_days(7)),
            days: None,
            at: Clock::parse("20:00"),
        };
        let entry = 3600; // 10:00 EST
        let shift = cal.bind(&timing);
        let fire = cal.shift(entry, shift);
        assert_eq!(cal.format(fire), "2026-03-09 20:00:00");
        assert_eq!(utc(t0, fire), "2026-03-10 00:00"); // 20:00 EDT = 00:00Z
                                                       // a 02:30 that does not exist on 03-08 maps to the end of the gap, 03:00 EDT
        let t = cal.next_match(5 * DAY, DaySet::DAILY, Clock::parse("02:30"));
        assert_eq!(cal.format(t), "2026-03-08 03:00:00");
        assert_eq!(utc(t0, t), "2026-03-08 07:00");
        // elapsed durations are exact: 7 days after 10:00 EST is 11:00 EDT
        assert_eq!(cal.format(entry + 7 * DAY), "2026-03-09 11:00:00");
    }

    #[test]
    fn precomputed_matches_are_the_searched_ones_across_dst() {
        let ny = chrono_tz::America::New_York;
        let pairs = [
            (DaySet::DAILY, "01:30"),
            (DaySet::DAILY, "02:30"),
            (DaySet::WEEKEND, "00:00"),
            (DaySet::parse_word("sun").unwrap(), "01:59"),
            (DaySet::EMPTY, "10:00"),
        ]
        .map(|(days, clock)| (days, Clock::parse(clock).unwrap()));
        for start in ["2026-03-02", "2026-10-20"] {
            let plain = Calendar::new(ny, at(start, "09:00"), 30 * DAY);
            let mut cal = plain.clone();
            for (days, clock) in pairs {
                cal.table(days, clock);
            }
            for t in (0..32 * DAY).step_by(397) {
                for (days, clock) in pairs {
                    let (got, want) = (
                        cal.next_match(t, days, Some(clock)),
                        plain.next_match(t, days, Some(clock)),
                    );
                    assert_eq!(got, want, "{start} t={t} {days:?} {clock:?}");
                }
            }
        }
    }

    #[test]
    fn repeated_clock_in_autumn_takes_the_first_occurrence() {
        // DST ends on Sunday 2026-11-01 at 02:00 local (EDT → EST): 01:30 happens twice
        let ny = chrono_tz::America::New_York;
        let start = at("2026-10-30", "00:00");
        let cal = Calendar::new(ny, start, 10 * DAY);
        let t0 = first_instant_at_or_after(ny, start);
        let t = cal.next_match(DAY, DaySet::DAILY, Clock::parse("01:30"));
        assert_eq!(cal.format(t), "2026-10-31 01:30:00");
        let t = cal.next_match(t + 1, DaySet::DAILY, Clock::parse("01:30"));
        assert_eq!(utc(t0, t), "2026-11-01 05:30"); // 01:30 EDT
        let later = cal.next_match(t + 1, DaySet::DAILY, Clock::parse("01:30"));
        assert_eq!(cal.format(later), "2026-11-02 01:30:00");
        assert_eq!(cal.day_of(t + 3600), cal.day_of(t)); // 01:30 EST, same local day
    }
}

//! `every DAYS at C1, C2, …`: the moments of a rule with several clocks, merged into
//! one list before the run, so that finding the next one reads one list from the day's
//! first moment instead of every clock's table (a daily rule at three clocks fires
//! three times a day for every user of a run).

use super::calendar::{Calendar, TableId, Time, DAY};
use crate::units::{Clock, DaySet};

#[derive(Debug)]
pub struct Clocks {
    /// Each clock's table: the answer past the merged list.
    tables: Vec<TableId>,
    /// The moments of every clock on every matching day, from the run's first local
    /// day to a week past the calendar, in order (local time only moves forward, so
    /// a day's moments all come before the next day's).
    moments: Vec<Time>,
    /// Per local day of the calendar, the index in `moments` of the first moment on a
    /// matching day from that day on.
    first: Vec<u32>,
}

impl Clocks {
    pub fn new(cal: &mut Calendar, days: DaySet, clocks: &[Clock]) -> Clocks {
        let tables = cal.every_tables(days, clocks);
        let (mut moments, mut first) = (Vec::new(), Vec::new());
        for d in 0..cal.days() + 7 {
            if d < cal.days() {
                first.push(moments.len() as u32);
            }
            if days.contains(cal.weekday(d)) {
                let at = |c: &Clock| cal.instant(d * DAY + c.minutes() as i64 * 60);
                moments.extend(clocks.iter().map(at));
            }
        }
        moments.sort_unstable();
        Clocks {
            tables,
            moments,
            first,
        }
    }

    /// The first moment at or after `t`: [`Calendar::next_every`] of the clocks' tables.
    #[inline(always)]
    pub fn next(&self, cal: &Calendar, t: Time) -> Time {
        let today = cal.day_of(t);
        if let Some(&i) = usize::try_from(today).ok().and_then(|d| self.first.get(d)) {
            if let Some(&m) = self.moments[i as usize..].iter().find(|&&m| m >= t) {
                return m;
            }
        }
        cal.next_every(t, &self.tables)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Weekday;
    use chrono::NaiveDate;

    /// Every minute of a run, the merged list against the clocks' tables.
    fn same_as_tables(tz: chrono_tz::Tz, start: &str, days: DaySet, clocks: &[Clock]) {
        let start = NaiveDate::parse_from_str(start, "%Y-%m-%d").unwrap();
        let horizon = 60 * DAY;
        let mut cal = Calendar::new(tz, start.and_hms_opt(9, 0, 0).unwrap(), horizon);
        let merged = Clocks::new(&mut cal, days, clocks);
        let tables = cal.every_tables(days, clocks);
        for t in (-DAY..horizon + 10 * DAY).step_by(60).chain([0, 1, 59]) {
            assert_eq!(merged.next(&cal, t), cal.next_every(t, &tables), "at {t}");
        }
    }

    #[test]
    fn the_merged_list_answers_as_the_tables_do() {
        let clock = |h, m| Clock::new(h, m).unwrap();
        let three = [clock(8, 30), clock(12, 30), clock(21, 0)];
        let shanghai = chrono_tz::Asia::Shanghai;
        same_as_tables(shanghai, "2026-03-02", DaySet::DAILY, &three);
        let mon_wed = DaySet::from(Weekday::Mon).union(Weekday::Wed.into());
        same_as_tables(
            shanghai,
            "2026-03-02",
            mon_wed,
            &[clock(21, 0), clock(7, 0)],
        );
        same_as_tables(shanghai, "2026-03-02", DaySet::WEEKEND, &three);
        // both DST changes, and clocks inside the skipped and the repeated hour
        let ny = chrono_tz::America::New_York;
        let night = [clock(1, 30), clock(2, 30), clock(23, 59)];
        same_as_tables(ny, "2026-02-20", DaySet::DAILY, &night);
        same_as_tables(ny, "2026-10-20", DaySet::DAILY, &night);
    }
}

//! Calendar moments of `every` rules: weekly ones from the calendar's precomputed
//! tables, and dated ones (`every month on …`, `on DATE`, language-v2.md §4) as the
//! sorted list of their moments inside the run, found once per program.

use super::calendar::{Calendar, TableId, Time, DAY};
use super::clocks::Clocks;
use crate::check::model::Dates;
use crate::units::{Clock, DaySet};

/// The moments an `every`-like rule fires at, from stage entry on. A plain tag byte
/// (`repr(u8)`) rather than one hidden in a vector's capacity: telling the kinds apart
/// is on the path of every `every` moment.
#[derive(Debug, Default)]
#[repr(u8)]
pub enum Moments {
    /// Not a calendar rule.
    #[default]
    None,
    /// `every DAYS at CLOCK` (one clock, or midnight without one): the calendar's table.
    Weekly(TableId),
    /// `every DAYS at CLOCKS` with several clocks, merged (see [`Clocks`]).
    Clocks(Clocks),
    /// Dated moments, sorted and without repeats, all inside the run's calendar.
    Listed(Vec<Time>),
}

impl Moments {
    /// The moments of `every DAYS at CLOCKS`.
    pub fn weekly(cal: &mut Calendar, days: DaySet, clocks: &[Clock]) -> Moments {
        match clocks {
            [_, _, ..] => Moments::Clocks(Clocks::new(cal, days, clocks)),
            [clock] => Moments::Weekly(cal.table(days, *clock)),
            [] => Moments::Weekly(cal.table(days, Clock::default())),
        }
    }

    /// The dated moments of `dates` at `clocks` on the run's local days. A month
    /// without a listed day has none; a date listed twice (`31, last`) counts once.
    pub fn dated(cal: &Calendar, dates: Dates, clocks: &[Clock]) -> Moments {
        let days: Vec<i64> = match dates {
            Dates::Month(days) => (0..cal.days())
                .filter(|&d| days.contains(cal.date(d)))
                .collect(),
            // a date before the run is kept (its moment is before every entry, so it
            // never fires), one after it is dropped
            Dates::On(date) => Some(cal.day_index(date))
                .filter(|&d| d < cal.days())
                .into_iter()
                .collect(),
        };
        let mut moments: Vec<Time> = days
            .iter()
            .flat_map(|&d| {
                clocks
                    .iter()
                    .map(move |c| cal.instant(d * DAY + c.minutes() as i64 * 60))
            })
            .collect();
        moments.sort_unstable();
        moments.dedup();
        Moments::Listed(moments)
    }

    /// The moments inside the calendar's days, in order.
    pub fn all(&self, cal: &Calendar) -> Vec<Time> {
        let mut times = Vec::new();
        let mut m = self.next(cal, 0);
        while m != Time::MAX && cal.day_of(m) < cal.days() {
            times.push(m);
            m = self.next(cal, m + 1);
        }
        times
    }

    /// The first moment at or after `t` (`Time::MAX`: none).
    #[inline(always)]
    pub fn next(&self, cal: &Calendar, t: Time) -> Time {
        match self {
            Moments::Weekly(table) => cal.next_at(t, *table),
            Moments::Clocks(clocks) => clocks.next(cal, t),
            Moments::Listed(moments) => {
                let i = moments.partition_point(|&m| m < t);
                moments.get(i).copied().unwrap_or(Time::MAX)
            }
            Moments::None => Time::MAX,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::MonthDays;
    use chrono::NaiveDate;

    fn cal(start: &str, days: i64) -> Calendar {
        let start = NaiveDate::parse_from_str(start, "%Y-%m-%d").unwrap();
        Calendar::new(
            chrono_tz::Asia::Shanghai,
            start.and_hms_opt(0, 0, 0).unwrap(),
            days * DAY,
        )
    }

    fn dates(cal: &Calendar, m: &Moments) -> Vec<String> {
        let Moments::Listed(ts) = m else {
            panic!("listed")
        };
        ts.iter().map(|&t| cal.format(t)).collect()
    }

    #[test]
    fn the_31st_skips_short_months_and_last_finds_february_29() {
        let c = cal("2028-01-01", 200);
        let days = MonthDays::day(31).unwrap().union(MonthDays::LAST);
        let ten = Clock::new(10, 0).unwrap();
        let m = Moments::dated(&c, Dates::Month(days), &[ten]);
        let got = dates(&c, &m);
        assert_eq!(
            got,
            [
                "2028-01-31 10:00:00",
                "2028-02-29 10:00:00",
                "2028-03-31 10:00:00",
                "2028-04-30 10:00:00",
                "2028-05-31 10:00:00",
                "2028-06-30 10:00:00",
            ]
        );
        let only_31 = Moments::dated(&c, Dates::Month(MonthDays::day(31).unwrap()), &[ten]);
        assert_eq!(
            dates(&c, &only_31).len(),
            3,
            "Jan, Mar, May: July 31 is day 212"
        );
    }

    #[test]
    fn a_date_fires_once_and_not_before_entry() {
        let c = cal("2026-06-01", 30);
        let date = NaiveDate::from_ymd_opt(2026, 6, 18).unwrap();
        let m = Moments::dated(&c, Dates::On(date), &[Clock::new(20, 0).unwrap()]);
        assert_eq!(dates(&c, &m), ["2026-06-18 20:00:00"]);
        let moment = 17 * DAY + 20 * 3600;
        assert_eq!(m.next(&c, 0), moment);
        assert_eq!(m.next(&c, moment), moment);
        assert_eq!(m.next(&c, moment + 1), Time::MAX);
        let before = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        let early = Moments::dated(&c, Dates::On(before), &[Clock::default()]);
        assert_eq!(early.next(&c, 0), Time::MAX);
    }
}

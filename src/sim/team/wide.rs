//! The slot arithmetic in 64 bits against the 128-bit arithmetic it replaced (kept here
//! as the oracle, as it was): the same slot counts and days at the edges (capacity and
//! minute at `u32::MAX`, hours from 00:00 or to 24:00, every weekday first, every set of
//! working days) and on random inputs.

use super::*;
use proptest::prelude::*;

/// The 128-bit `Pace` arithmetic before the 64-bit one.
struct Old(Pace);

impl Old {
    fn c(&self) -> u128 {
        self.0.capacity as u128
    }

    fn works(&self, day: u128) -> bool {
        let weekday = (self.0.first_weekday as u128 + day) % 7;
        (self.0.hours.days.days()).any(|d| d as u128 == weekday)
    }

    fn working_days_before(&self, day: u128) -> u128 {
        let per_week = self.0.hours.days.len() as u128;
        let rest = (day / 7 * 7..day).filter(|&d| self.works(d)).count();
        day / 7 * per_week + rest as u128
    }

    fn working_day(&self, i: u128) -> u128 {
        let per_week = (self.0.hours.days.len() as u128).max(1);
        let mut rest = i % per_week;
        let mut day = i / per_week * 7;
        loop {
            if self.works(day) {
                if rest == 0 {
                    return day;
                }
                rest -= 1;
            }
            day += 1;
        }
    }

    fn slots_of_day(&self, t: u128, ended: bool) -> u128 {
        if self.0.capacity == 0 {
            return 0;
        }
        let (c, day_ticks) = (self.c(), 1440 * self.c());
        let (day, within) = (t / day_ticks, t % day_ticks);
        let before = self.working_days_before(day) * c;
        let Some(into) = within.checked_sub(self.0.hours.from as u128 * c) else {
            return before;
        };
        if !self.works(day) {
            return before;
        }
        let length = (self.0.hours.to - self.0.hours.from) as u128;
        let today = if ended {
            into / length
        } else {
            into.div_ceil(length)
        };
        before + today.min(c)
    }
}

/// Both arithmetics agree at tick `t` (and on the day of the slots counted there).
fn agree(pace: Pace, t: u64) {
    let old = Old(pace);
    let (started, ended) = (pace.started(t), pace.ended(t));
    assert_eq!(
        started as u128,
        old.slots_of_day(t as u128, false),
        "{pace:?} {t}"
    );
    assert_eq!(
        ended as u128,
        old.slots_of_day(t as u128, true),
        "{pace:?} {t}"
    );
    let day = t / (1440 * pace.c().max(1));
    assert_eq!(pace.works(day), old.works(day as u128));
    let before = pace.working_days_before(day);
    assert_eq!(before as u128, old.working_days_before(day as u128));
    assert_eq!(
        pace.working_day(before) as u128,
        old.working_day(before as u128)
    );
    if pace.capacity > 0 {
        assert_eq!(
            pace.day_of_slot(started) as u128,
            old.working_day(started as u128 / old.c())
        );
    }
}

fn pace(days: u8, from: u32, to: u32, capacity: u32, first_weekday: u32) -> Pace {
    let days = (0..7)
        .filter(|d| days >> d & 1 == 1)
        .fold(DaySet::EMPTY, |set, d| {
            set.union(DaySet::from(Weekday::ALL[d]))
        });
    Pace {
        hours: Hours { days, from, to },
        capacity,
        first_weekday,
    }
}

#[test]
fn the_edges_agree() {
    let capacities = [
        0,
        1,
        2,
        3,
        7,
        1439,
        1440,
        1441,
        100_000,
        u32::MAX - 1,
        u32::MAX,
    ];
    let minutes = [
        0,
        1,
        539,
        540,
        1079,
        1080,
        1439,
        1440,
        10_079,
        10_080,
        u32::MAX - 1,
        u32::MAX,
    ];
    let hours = [(0, 1440), (0, 1), (1439, 1440), (540, 1080)];
    for days in 1..=0x7fu8 {
        for first_weekday in 0..7 {
            for &(from, to) in &hours {
                for &capacity in &capacities {
                    let pace = pace(days, from, to, capacity, first_weekday);
                    for &m in &minutes {
                        let t = pace.ticks(m);
                        for t in [t, t.saturating_add(1), t.saturating_sub(1)] {
                            agree(pace, t);
                        }
                    }
                    agree(pace, u64::MAX);
                }
            }
        }
    }
}

proptest! {
    #[test]
    fn random_inputs_agree(
        days in 1..=0x7fu8,
        first_weekday in 0..7u32,
        from in 0..1440u32,
        length in 1..=1440u32,
        capacity in prop_oneof![0..3000u32, any::<u32>()],
        minute in prop_oneof![0..200_000u32, any::<u32>()],
        rest in any::<u32>(),
    ) {
        let pace = pace(days, from, (from + length).min(1440), capacity, first_weekday);
        // any tick of the minute, not only its first
        let t = pace.ticks(minute) + rest as u64 % pace.c().max(1);
        agree(pace, t);
    }
}

use super::*;

const H: u32 = 60;
const D: u32 = 1440;

/// Tasks `(created, count)` without service level, whose users stay.
fn tasks(pairs: &[(u32, u64)]) -> TaskCounts {
    keyed(
        &pairs
            .iter()
            .map(|&(c, n)| (c, NO_MINUTE, NO_MINUTE, n))
            .collect::<Vec<_>>(),
    )
}

/// Tasks `(created, deadline, left, count)`.
fn keyed(rows: &[(u32, u32, u32, u64)]) -> TaskCounts {
    let mut t = TaskCounts::default();
    for &(created, deadline, left, n) in rows {
        let key = TaskKey {
            created,
            journey: 0,
            deadline,
            left,
        };
        t.add(key, n);
    }
    t
}

/// All day, every day, from a Monday.
fn all_day(capacity: u32) -> Pace {
    Pace {
        hours: Hours::ALL_DAY,
        capacity,
        first_weekday: 0,
    }
}

/// Weekdays 09:00..18:00, from a Monday.
fn office(capacity: u32) -> Pace {
    Pace {
        hours: Hours {
            days: DaySet::WEEKDAY,
            from: 9 * H,
            to: 18 * H,
        },
        capacity,
        first_weekday: 0,
    }
}

/// The slot counts at any tick, the definition the queue's counts at whole minutes
/// ([`Pace::started_by`], [`Pace::ended_by`]) and the slots' ends are checked against.
impl Pace {
    /// The slots of the day of tick `t` up to `t`: `k·(b − a) < t − a·c` for slots that
    /// started before `t` (`ended`: `(k + 1)·(b − a) ≤ t − a·c`).
    fn slots_of_day(&self, t: u64, ended: bool) -> u64 {
        if self.capacity == 0 {
            return 0;
        }
        let (c, day_ticks) = (self.c(), DAY_MINUTES * self.c());
        let (day, within) = (t / day_ticks, t % day_ticks);
        let before = self.working_days_before(day) * c;
        let Some(into) = within.checked_sub(self.hours.from as u64 * c) else {
            return before;
        };
        if !self.works(day) {
            return before;
        }
        let length = self.length();
        let today = if ended {
            into / length
        } else {
            into.div_ceil(length)
        };
        before + today.min(c)
    }

    /// Slots that start before tick `t`: the index of the first slot starting at or
    /// after `t`.
    pub(super) fn started(&self, t: u64) -> u64 {
        self.slots_of_day(t, false)
    }

    /// Slots that end at or before tick `t`.
    pub(super) fn ended(&self, t: u64) -> u64 {
        self.slots_of_day(t, true)
    }
}

#[test]
fn the_slots_by_a_minute_are_those_by_its_tick() {
    let hours = [(0, 1440), (0, 1), (1439, 1440), (540, 1080), (545, 1079)];
    for days in [DaySet::DAILY, DaySet::WEEKDAY, DaySet::WEEKEND] {
        for (from, to) in hours {
            for capacity in [0, 1, 2, 3, 7, 1439, 1440, 1441, u32::MAX] {
                for first_weekday in [0, 3, 6] {
                    let pace = Pace {
                        hours: Hours { days, from, to },
                        capacity,
                        first_weekday,
                    };
                    let far = [u32::MAX - 1, u32::MAX];
                    for m in (0..20 * D).step_by(7).chain(1435..1445).chain(far) {
                        let (w, t) = (pace.worked(m), pace.ticks(m));
                        assert_eq!(pace.started_by(w), pace.started(t), "{pace:?} {m}");
                        assert_eq!(pace.ended_by(w), pace.ended(t), "{pace:?} {m}");
                    }
                }
            }
        }
    }
}

#[test]
fn four_slots_a_day_serve_first_in_first_out() {
    // capacity 4: slots at 00:00, 06:00, 12:00, 18:00, each 6 h long
    // 2 tasks at 05:00 → slots 06:00 (done 12:00) and 12:00 (done 18:00);
    // 1 task at 07:00 → slot 18:00 (done 24:00); 1 task at 23:00 → slot day 2 00:00
    let created = tasks(&[(5 * H, 2), (7 * H, 1), (23 * H, 1)]);
    let q = replay(&created, &all_day(4), 2, 2 * D);
    assert_eq!((q.created, q.done, q.dropped, q.backlog_end), (4, 4, 0, 0));
    let day = |created, done, backlog| QueueDay {
        created,
        done,
        dropped: 0,
        backlog,
    };
    assert_eq!(q.daily, [day(4, 3, 1), day(0, 1, 0)]);
    // waits: 7 h, 13 h, 17 h, 7 h → p50 (rank 2) 7 h, p90 (rank 4) 17 h
    assert_eq!(q.wait_p50_minutes, Some(7.0 * 60.0));
    assert_eq!(q.wait_p90_minutes, Some(17.0 * 60.0));
    // a task counts in the backlog until done: 2 at 05:00, 3 at 07:00, and at
    // 23:00 the 05:00 ones are done and the 07:00 one is being served: 2
    assert_eq!(q.peak_backlog, 3);
    assert_eq!(q.within_sla, None);
}

#[test]
fn an_idle_slot_is_lost_and_a_task_waits_for_the_next_slot_start() {
    // capacity 2: slots 00:00 and 12:00. A task at 00:00 is served at once (done
    // 12:00); a task at 00:01 waits for the 12:00 slot; the 00:00 slot of day 2 is
    // idle and a task at 00:01 on day 2 waits for 12:00.
    let q = replay(&tasks(&[(0, 1), (1, 1), (D + 1, 1)]), &all_day(2), 2, 2 * D);
    assert_eq!(q.done, 3);
    assert_eq!((q.daily[0].done, q.daily[1].done), (2, 1));
    // waits 12 h, 23 h 59, 23 h 59 (done at 24:00 on day 2)
    assert_eq!(q.wait_p50_minutes, Some((24 * 60 - 1) as f64));
    assert_eq!(q.peak_backlog, 2);
}

#[test]
fn slots_ending_after_the_run_do_not_count() {
    // capacity 1: one slot a day, done at midnight; 3 tasks at 01:00 on day 1 wait
    // for day 2's slot
    let created = tasks(&[(H, 3)]);
    let q = replay(&created, &all_day(1), 2, 2 * D);
    assert_eq!((q.done, q.backlog_end), (1, 2));
    assert_eq!((q.daily[0].backlog, q.daily[1].backlog), (3, 2));
    assert_eq!(q.peak_backlog, 3);
    assert_eq!(q.wait_p90_minutes, Some((2 * D - H) as f64));
    // the run ends at 12:00 on day 2: that slot ends after it
    let q = replay(&created, &all_day(1), 2, D + 12 * H);
    assert_eq!((q.done, q.backlog_end), (0, 3));
    assert_eq!(q.wait_p50_minutes, None);
}

#[test]
fn capacity_that_does_not_divide_the_day_cuts_it_exactly() {
    // capacity 7: slot s spans s·1440/7 minutes; a task at minute 206 waits for
    // slot 2 (starting at 411 3/7) rather than slot 1 (205 5/7)
    let q = replay(&tasks(&[(206, 1)]), &all_day(7), 1, D);
    let wait = q.wait_p50_minutes.unwrap();
    assert!((wait - (3.0 * 1440.0 / 7.0 - 206.0)).abs() < 1e-9, "{wait}");
}

#[test]
fn working_hours_are_cut_into_the_capacity_and_outside_them_tasks_wait() {
    // 3 a day in 09:00..18:00: slots 09:00, 12:00, 15:00, each 3 h. The run starts on
    // a Monday and lasts a week.
    let pace = office(3);
    // a task at 08:00 Monday waits for 09:00 (done 12:00, 4 h); one at 18:30 Monday
    // for Tuesday 09:00 (done 12:00, 17 h 30); one at 10:00 Friday for 12:00 (done
    // 15:00, 5 h); one at 20:00 Friday for Monday 09:00, after the run's week
    let created = tasks(&[
        (8 * H, 1),
        (18 * H + 30, 1),
        (4 * D + 10 * H, 1),
        (4 * D + 20 * H, 1),
    ]);
    let q = replay(&created, &pace, 7, 7 * D);
    assert_eq!((q.done, q.backlog_end), (3, 1));
    assert_eq!(q.wait_p50_minutes, Some((5 * H) as f64));
    assert_eq!(q.wait_p90_minutes, Some((17 * H + 30) as f64));
    // the weekend has no slots: nothing is done then
    assert_eq!(q.daily[5].done + q.daily[6].done, 0);
    assert_eq!(q.daily[6].backlog, 1);
    // next Monday's 09:00 slot, done at 12:00: the task waited 2 days 16 h
    let q = replay(&created, &pace, 8, 7 * D + 12 * H);
    assert_eq!(q.done, 4);
    assert_eq!(q.wait_p90_minutes, Some((2 * D + 16 * H) as f64));
}

#[test]
fn a_task_is_dropped_when_its_user_leaves_before_a_slot_reaches_it() {
    // capacity 1 all day: the one slot of each day starts at 00:00
    // 2 tasks at 01:00: one whose user leaves at 06:00 (dropped then, before day 2's
    // slot), one whose user stays (done at the end of day 2)
    let created = keyed(&[(H, NO_MINUTE, 6 * H, 1), (H, NO_MINUTE, NO_MINUTE, 1)]);
    let q = replay(&created, &all_day(1), 2, 2 * D);
    assert_eq!((q.created, q.done, q.dropped, q.backlog_end), (2, 1, 1, 0));
    assert_eq!(q.daily[0].dropped, 1);
    assert_eq!(q.daily[0].backlog, 1);
    // the dropped task used no slot: the stayer takes day 2's, waiting 47 h
    assert_eq!(q.wait_p50_minutes, Some((47 * H) as f64));
    // a user leaving after the slot started: the task was reached, and is done
    let reached = keyed(&[(H, NO_MINUTE, D + H, 1)]);
    let q = replay(&reached, &all_day(1), 2, 2 * D);
    assert_eq!((q.done, q.dropped), (1, 0));
    // leaving at the slot's start drops it: it is waiting only before its user leaves
    let at_start = keyed(&[(H, NO_MINUTE, D, 1)]);
    assert_eq!(replay(&at_start, &all_day(1), 2, 2 * D).dropped, 1);
    // leaving after the run: still waiting at its end, not dropped
    let q = replay(&reached, &all_day(1), 1, D);
    assert_eq!((q.done, q.dropped, q.backlog_end), (0, 0, 1));
}

#[test]
fn the_service_level_counts_tasks_done_by_their_deadline_among_those_judged() {
    // capacity 2 all day (slots 00:00 and 12:00, 12 h each), 4 tasks at 01:00 with 1 d
    // to do them: done at 24:00 (in time), 36:00, 48:00 and 60:00 (late)
    let created = keyed(&[(H, D + H, NO_MINUTE, 4)]);
    let q = replay(&created, &all_day(2), 3, 3 * D);
    assert_eq!(q.within_sla, Some(0.25));
    // a dropped task is not judged: 2 of 3 left at 02:00, the last done in time
    let dropping = keyed(&[(H, D + H, 2 * H, 2), (H, D + H, NO_MINUTE, 1)]);
    let q = replay(&dropping, &all_day(2), 2, 2 * D);
    assert_eq!((q.dropped, q.within_sla), (2, Some(1.0)));
    // a deadline after the run is not judged; without any judged: no share
    let late = keyed(&[(H, 5 * D, NO_MINUTE, 4)]);
    assert_eq!(replay(&late, &all_day(2), 3, 3 * D).within_sla, None);
}

#[test]
fn suggested_capacity_is_the_least_that_clears_the_backlog_to_a_day() {
    // 100 tasks at 00:00 on day 1 of a 1-day run: with c a day, c are done by the
    // end; the backlog 100 − c ≤ c first holds at c = 50
    let all = Hours::ALL_DAY;
    let created = tasks(&[(0, 100)]);
    assert_eq!(suggested_capacity(&created, all, 0, 1, D), Some(50));
    assert_eq!(replay(&created, &all_day(49), 1, D).backlog_end, 51);
    assert_eq!(suggested_capacity(&tasks(&[]), all, 0, 1, D), None);
    // created a minute before the end, no slot finishes them: the backlog is all
    // 1,000, one day's capacity at 1,000 a day
    let late = tasks(&[(D - 1, 1000)]);
    assert_eq!(suggested_capacity(&late, all, 0, 1, D), Some(1000));
    // over 200 days the demand is 5 a day: 500 a day is not enough
    let late = tasks(&[(200 * D - 1, 1000)]);
    assert_eq!(suggested_capacity(&late, all, 0, 200, 200 * D), None);
}

#[test]
fn suggested_capacity_meets_the_service_level_for_nine_tasks_in_ten() {
    // 10 tasks at 00:00 to be done within 6 h, in a 1-day run: with c slots a day of
    // 24/c h, the tasks done by 06:00 are ⌊c/4⌋; 9 of 10 first at c = 36
    let created = keyed(&[(0, 6 * H, NO_MINUTE, 10)]);
    assert_eq!(
        suggested_capacity(&created, Hours::ALL_DAY, 0, 1, D),
        Some(36)
    );
    assert_eq!(replay(&created, &all_day(36), 1, D).within_sla, Some(0.9));
    assert_eq!(replay(&created, &all_day(35), 1, D).within_sla, Some(0.8));
}

#[test]
fn the_worked_example_of_the_runner_contract() {
    // docs/plan.md §10.10: weekdays 09:00..18:00, 3 a day, from a Friday to Monday 12:00
    let pace = Pace {
        first_weekday: 4,
        ..office(3)
    };
    let created = keyed(&[
        (8 * H, 12 * H, NO_MINUTE, 1),      // A
        (8 * H + 30, NO_MINUTE, 10 * H, 1), // B, dropped at 10:00
        (10 * H, 10 * H + D, NO_MINUTE, 1), // C
        (10 * H, 12 * H, NO_MINUTE, 1),     // D, ahead of C
        (16 * H, 16 * H + D, NO_MINUTE, 1), // E, Monday
    ]);
    let q = replay(&created, &pace, 4, 3 * D + 12 * H);
    assert_eq!((q.created, q.dropped, q.done, q.backlog_end), (5, 1, 4, 0));
    assert_eq!(q.within_sla, Some(0.5));
    assert_eq!(q.wait_p50_minutes, Some((5 * H) as f64));
    assert_eq!(q.wait_p90_minutes, Some((68 * H) as f64));
}

#[test]
fn a_slot_ends_at_the_first_tick_that_counts_it_ended() {
    let hours = [(0, 1440), (0, 1), (1439, 1440), (540, 1080), (545, 1079)];
    for days in [DaySet::DAILY, DaySet::WEEKDAY, DaySet::WEEKEND] {
        for (from, to) in hours {
            for capacity in [1, 2, 3, 7, 1439, 1440, 1441] {
                for first_weekday in [0, 3, 6] {
                    let pace = Pace {
                        hours: Hours { days, from, to },
                        capacity,
                        first_weekday,
                    };
                    for n in (0..3000).chain([123_456, 1_000_003]) {
                        let end = pace.slot_end(n);
                        assert_eq!(pace.ended(end), n + 1, "{pace:?} {n}");
                        assert_eq!(pace.ended(end - 1), n, "{pace:?} {n}");
                    }
                }
            }
        }
    }
}

/// The quantile as the smallest wait `v` that at least ⌈q·n⌉ tasks waited at most,
/// found by bisection over `v` with the queue's `ended`: the definition the quantile
/// of the waits must meet.
fn quantile_by_bisection(services: &[Service], pace: &Pace, end: u32, q: f64) -> Option<u64> {
    let done: u64 = services.iter().map(|s| s.done).sum();
    if done == 0 {
        return None;
    }
    let rank = ((q * done as f64).ceil() as u64).clamp(1, done);
    let at_most = |v: u64| -> u64 {
        (services.iter())
            .map(|s| {
                let ended = pace.ended(v.saturating_add(pace.ticks(s.key.created)));
                ended.saturating_sub(s.first_slot).min(s.done)
            })
            .sum()
    };
    let (mut low, mut high) = (0u64, pace.ticks(end));
    while low < high {
        let mid = low + (high - low) / 2;
        if at_most(mid) >= rank {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    Some(low)
}

#[test]
fn the_wait_quantiles_are_the_smallest_waits_enough_tasks_waited_at_most() {
    // a small generator, so that the cases are the same on every run
    let mut x = 0x2545_f491_4f6c_dd1du64;
    let mut next = |n: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % n
    };
    for case in 0..300 {
        let end = 3 * D + next(20 * D as u64) as u32;
        let rows: Vec<(u32, u32, u32, u64)> = (0..1 + next(40))
            .map(|_| {
                let created = next(end as u64) as u32;
                let left = match next(3) {
                    0 => created + next(3 * D as u64) as u32,
                    _ => NO_MINUTE,
                };
                (created, NO_MINUTE, left, 1 + next(4))
            })
            .collect();
        let pace = match case % 2 {
            0 => office(1 + next(30) as u32),
            _ => all_day(1 + next(30) as u32),
        };
        let tasks = keyed(&rows);
        let services: Vec<Service> = serve(place(&tasks, &pace, end), &pace, end).collect();
        let mut waits = waits(&services, &pace);
        for q in [0.01, 0.5, 0.9, 1.0] {
            let expected = quantile_by_bisection(&services, &pace, end, q);
            assert_eq!(wait_quantile(&mut waits, q), expected, "{rows:?} {q}");
        }
    }
}

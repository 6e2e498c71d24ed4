//! Rolling caps, `limit N per 3d` (language-v2.md §10 "Rolling windows"): a send at
//! `t` passes when fewer than `N` sends went out in `(t − D, t]`. Each cap keeps the
//! moments of the user's last `N` sends that counted against it (a deferred send counts
//! when it goes out), so the check is one comparison with the oldest of them.

use super::calendar::Time;
use super::program::Cap;
use std::collections::VecDeque;

/// The first of `caps` whose window before `t` already holds `max` sends, with the
/// number of sends in it. Inlined into the sends through touchpoints with rolling caps
/// or posts (see [`super::Program::more_than_caps`]): for a broadcast without rolling
/// caps it is one length test.
#[inline(always)]
pub fn reached(caps: &[Cap], rings: &[VecDeque<Time>], t: Time) -> Option<(Cap, u32)> {
    if caps.is_empty() {
        return None;
    }
    first_reached(caps, rings, t)
}

#[inline(never)]
fn first_reached(caps: &[Cap], rings: &[VecDeque<Time>], t: Time) -> Option<(Cap, u32)> {
    let cap = caps.iter().find(|cap| {
        let ring = &rings[cap.counter];
        let full =
            ring.len() >= cap.max as usize && ring.front().is_some_and(|&o| o > t - cap.window);
        full || cap.max == 0
    })?;
    let in_window = rings[cap.counter]
        .iter()
        .filter(|&&s| s > t - cap.window)
        .count();
    Some((*cap, in_window as u32))
}

/// Counts a send at `t` in the rings of `caps`, keeping each ring's last `max`.
#[inline(always)]
pub fn bump(caps: &[Cap], rings: &mut [VecDeque<Time>], t: Time) {
    for cap in caps {
        let ring = &mut rings[cap.counter];
        ring.push_back(t);
        if ring.len() > cap.max as usize {
            ring.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::calendar::DAY;
    use crate::sim::program::{NO_POLICY, ROLLING};

    #[test]
    fn one_per_three_days_passes_exactly_72_hours_apart() {
        let cap = Cap {
            counter: 0,
            period: ROLLING,
            max: 1,
            window: 3 * DAY,
            policy: NO_POLICY,
        };
        let mut rings = vec![VecDeque::new()];
        let mut passed = Vec::new();
        for day in 0..10 {
            let t = day * DAY;
            if reached(&[cap], &rings, t).is_none() {
                bump(&[cap], &mut rings, t);
                passed.push(day);
            }
        }
        assert_eq!(passed, [0, 3, 6, 9]);
        // one second short of 72 hours is still inside the window
        assert!(reached(&[cap], &rings, 12 * DAY - 1).is_some());
        assert!(reached(&[cap], &rings, 12 * DAY).is_none());
    }

    #[test]
    fn two_per_day_counts_the_window_not_the_calendar_day() {
        let cap = Cap {
            counter: 0,
            period: ROLLING,
            max: 2,
            window: DAY,
            policy: NO_POLICY,
        };
        let mut rings = vec![VecDeque::new()];
        for t in [0, 3600] {
            assert!(reached(&[cap], &rings, t).is_none());
            bump(&[cap], &mut rings, t);
        }
        assert_eq!(reached(&[cap], &rings, DAY - 1), Some((cap, 2)));
        assert!(
            reached(&[cap], &rings, DAY).is_none(),
            "the send at 0 left the window"
        );
    }
}

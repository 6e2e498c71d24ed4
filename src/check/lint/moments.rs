//! When rules fire: moments in local minutes on a week-aligned clock (minute 0 is a
//! Monday 00:00), the timing shifts of spec §4, stage timeouts, and what a rule sends.

use crate::check::model::{Action, Body, Rule, Stage, Timing, TouchpointId, Trigger};
use crate::check::visit::each_action;
use crate::source::Span;
use crate::units::{Clock, DaySet, QuietWindow, Weekday};

pub const DAY: u64 = 24 * 60;

/// A number of minutes as a person writes it in a journey: `40d` rather than `5w5d`.
pub fn duration(minutes: u64) -> String {
    if minutes > 0 && minutes % DAY == 0 {
        format!("{}d", minutes / DAY)
    } else {
        crate::units::Duration::from_minutes(minutes).to_string()
    }
}

/// The day (counted from the Monday of minute 0) of moment `m`.
pub fn day(m: u64) -> u64 {
    m / DAY
}

pub fn weekday(m: u64) -> Weekday {
    Weekday::ALL[(day(m) % 7) as usize]
}

/// The first moment at or after `m` that matches `days` and `at` (spec §4 timing).
pub fn shift(m: u64, days: Option<DaySet>, at: Option<Clock>) -> u64 {
    let mut t = match at {
        Some(c) => {
            let same_day = day(m) * DAY + u64::from(c.minutes());
            if same_day >= m {
                same_day
            } else {
                same_day + DAY
            }
        }
        None => m,
    };
    if let Some(days) = days.filter(|d| !d.is_empty()) {
        while !days.contains(weekday(t)) {
            // Without `at`, a later day starts at its midnight.
            t = (day(t) + 1) * DAY + at.map_or(0, |c| u64::from(c.minutes()));
        }
    }
    t
}

/// The moment a send due at `m` goes out: deferred to the end of a quiet window.
pub fn defer(m: u64, quiet: Option<QuietWindow>) -> u64 {
    match quiet {
        Some(q) if q.contains(clock(m)) => shift(m, None, Some(q.to)),
        _ => m,
    }
}

fn clock(m: u64) -> Clock {
    let minutes = (m % DAY) as u32;
    Clock::new(minutes / 60, minutes % 60).unwrap_or_default()
}

/// A rule whose fire moment follows from the stage entry alone (`on enter`,
/// `after D`): `offset` after entry, then shifted by `days` and `at`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fixed {
    pub offset: u64,
    pub days: Option<DaySet>,
    pub at: Option<Clock>,
}

impl Fixed {
    pub fn of(rule: &Rule) -> Option<Fixed> {
        let base = match rule.trigger {
            Trigger::Enter => 0,
            Trigger::After(d) => d.minutes(),
            _ => return None,
        };
        Some(Fixed {
            offset: base + rule.timing.after.map_or(0, |d| d.minutes()),
            days: rule.timing.days,
            at: rule.timing.at,
        })
    }

    /// The fire moment for users entering at `entry`.
    pub fn moment(self, entry: u64) -> u64 {
        shift(entry + self.offset, self.days, self.at)
    }

    /// How much later than `offset` the `on`/`at` shift can push the moment, at most.
    pub fn slack(self) -> u64 {
        match (self.days, self.at) {
            (Some(_), _) => 7 * DAY - 1,
            (None, Some(_)) => DAY - 1,
            (None, None) => 0,
        }
    }
}

/// The moments of an `every` rule on local day `d`, for users who entered at `entry`.
pub fn every_moments(rule: &Rule, d: u64, entry: u64) -> impl Iterator<Item = u64> + '_ {
    let today = match rule.trigger.calendar() {
        Some((days, clocks, _)) if days.contains(weekday(d * DAY)) => Some(clocks),
        _ => None,
    };
    // `every mon` with no clock fires at midnight.
    let midnight = today.is_some_and(<[Clock]>::is_empty).then_some(d * DAY);
    today
        .into_iter()
        .flatten()
        .map(move |c| d * DAY + u64::from(c.minutes()))
        .chain(midnight)
        .filter(move |&m| m >= entry)
        .map(|m| timed(m, &rule.timing))
}

/// A trigger moment moved by the rule's timing.
fn timed(m: u64, t: &Timing) -> u64 {
    shift(m + t.after.map_or(0, |d| d.minutes()), t.days, t.at)
}

/// Whether firing `rule` always takes users out of the stage: no guard, and a
/// transition, or a `goto` or `exit` among its top-level actions.
pub fn always_leaves(rule: &Rule) -> bool {
    rule.guard.is_none()
        && match &rule.body {
            Body::Transition(_) => true,
            Body::Actions(actions) => actions
                .iter()
                .any(|a| matches!(a.node, Action::Goto(_) | Action::Exit { .. })),
        }
}

/// The stage's timeout (spec §9): its earliest unguarded rule with a fixed moment
/// that always leaves, as `(latest moment after entry, rule index)`.
pub fn timeout(stage: &Stage) -> Option<(u64, usize)> {
    stage
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| always_leaves(r))
        .filter_map(|(i, r)| Fixed::of(r).map(|f| (f.offset + f.slack(), i)))
        .min()
}

/// Calls `f` with each send of a rule's actions (its touchpoint and span), in every
/// split arm and `if` branch; which of them one user can receive together is
/// `limits/together.rs`'s to say.
pub fn each_send(rule: &Rule, mut f: impl FnMut(TouchpointId, Span)) {
    if let Body::Actions(actions) = &rule.body {
        each_action(actions, |a| {
            if let Action::Send { touchpoint, .. } = &a.node {
                f(*touchpoint, a.span)
            }
        });
    }
}

/// Adds every touchpoint `rule` can send through, in every split arm, to `out`.
pub fn touchpoints(rule: &Rule, out: &mut Vec<TouchpointId>) {
    if let Body::Actions(actions) = &rule.body {
        each_action(actions, |a| match &a.node {
            Action::Send { touchpoint, .. } if !out.contains(touchpoint) => out.push(*touchpoint),
            _ => {}
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Clock {
        Clock::parse(s).unwrap()
    }

    #[test]
    fn shifts_move_to_the_next_matching_clock_and_day() {
        // Monday 21:00 → 20:00 is tomorrow (Tuesday).
        let mon_21 = 21 * 60;
        assert_eq!(shift(mon_21, None, Some(c("20:00"))), DAY + 20 * 60);
        // Exactly at the clock: no shift.
        assert_eq!(shift(20 * 60, None, Some(c("20:00"))), 20 * 60);
        // Weekend at 10:00 from Monday 21:00 → Saturday 10:00.
        let sat_10 = 5 * DAY + 10 * 60;
        assert_eq!(
            shift(mon_21, Some(DaySet::WEEKEND), Some(c("10:00"))),
            sat_10
        );
        // `on weekend` alone → Saturday midnight.
        assert_eq!(shift(mon_21, Some(DaySet::WEEKEND), None), 5 * DAY);
    }

    #[test]
    fn quiet_windows_defer_to_their_end() {
        let q = Some(QuietWindow {
            from: c("22:00"),
            to: c("08:00"),
        });
        assert_eq!(defer(23 * 60, q), DAY + 8 * 60);
        assert_eq!(defer(7 * 60, q), 8 * 60);
        assert_eq!(defer(8 * 60, q), 8 * 60);
        assert_eq!(defer(23 * 60, None), 23 * 60);
    }
}

//! The bound a behaviour's candidates are drawn at (thinning, `sim::behavior`), as tight
//! as the program lets it be.
//!
//! Any bound at or above the rate samples the process exactly; the closer it is, the
//! fewer candidates are drawn only to be dropped. With every multiplier above 1 applied
//! at all times, the community calendar's 下单 drew its candidates at nine times its
//! base rate, and dropped six of every seven.
//! An `after send TP within D: xK` multiplier whose touchpoint sends only at known
//! moments is applied only where it can hold: when every send through `TP` is an action
//! of an untimed `every` or `on DATE` rule, at moments no quiet window defers, sends go
//! out at those calendar moments or not at all, so the multiplier holds only within
//! `[moment, moment + D]` of one of them (`Behavior::windows`). The bound is then a
//! step function of time, the same for every user, sampled by inverting its integral.
//!
//! Windows stay off in a portfolio, where another journey's sends reach the behaviours
//! too (`Program::fixed_bounds`). A behaviour without them draws the very candidates it
//! drew before.
//!
//! (`if COND: xK` on tags, applied only while it holds, was tried and dropped: a tag
//! change must then re-draw the pending candidate, and in the community calendar the
//! tags that multipliers read change about as often as candidates were saved.)

use super::calendar::{Calendar, Time};
use super::program::{Op, Program, SendMultiplier};
use super::windows::Windows;
use crate::check::model::Trigger;

/// How far each window is widened on both sides, in seconds: a candidate at `c` is
/// handled at the whole second `⌈c⌉` and reads sends before it, and the step function's
/// float arithmetic must not move a window's edge past the moment it covers.
const MARGIN: f64 = 2.0;

impl Program<'_> {
    /// Finds each behaviour's `after send` multipliers that the bound applies only
    /// where they can hold (see the module's comment).
    pub(super) fn find_bounds(&mut self, cal: &Calendar) {
        let scheduled: Vec<Option<Vec<Time>>> = (0..self.model.touchpoints.len())
            .map(|tp| self.send_moments(tp, cal))
            .collect();
        let windowed = |m: &SendMultiplier| {
            let moments = scheduled.get(m.last_sent)?.as_ref()?;
            (m.k > 1.0).then(|| (m.k, spans(moments, m.within)))
        };
        for beh in &mut self.behaviors {
            let each: Vec<_> = beh.send_multipliers.iter().map(windowed).collect();
            if each.iter().all(Option::is_none) {
                continue;
            }
            // the multipliers left at all times, in the order of `rate_max`'s product
            let fixed: f64 = (beh.model.multipliers.iter().map(|(_, k)| *k))
                .chain((beh.send_multipliers.iter().zip(&each)).map(|(m, w)| {
                    if w.is_some() {
                        1.0
                    } else {
                        m.k
                    }
                }))
                .map(|k| k.max(1.0))
                .product();
            let windows: Vec<(f64, Vec<(f64, f64)>)> = each.into_iter().flatten().collect();
            beh.fixed = beh.rate * fixed;
            beh.windows = Some(Windows::new(&windows));
        }
    }

    /// Every multiplier in the bound at all times, as a portfolio needs them (see the
    /// module's comment).
    pub fn fixed_bounds(&mut self) {
        for beh in &mut self.behaviors {
            beh.fixed = beh.rate_max;
            beh.windows = None;
        }
    }

    /// The moments at which sends through `tp` may go out, when every send through it
    /// is an action of an untimed `every` or `on DATE` rule (not inside an `if` or a
    /// split) at moments outside its quiet window: the union of those rules' moments.
    fn send_moments(&self, tp: usize, cal: &Calendar) -> Option<Vec<Time>> {
        let rules = (self.stages.iter().chain([&self.wide])).flat_map(|s| &s.rules);
        let mut direct = 0;
        let mut moments = Vec::new();
        for r in rules {
            let sends = (r.ops.iter())
                .filter(|op| matches!(op, Op::Send { tp: t, .. } if *t == tp))
                .count();
            if sends == 0 {
                continue;
            }
            let calendar = matches!(r.trigger, Trigger::Every { .. } | Trigger::Dates { .. });
            if !calendar || r.timed {
                return None;
            }
            direct += sends;
            moments.extend(r.every.all(cal));
        }
        if direct == 0 || direct != self.sends_through(tp) {
            return None;
        }
        let deferred = |&m: &Time| self.quiet[tp].is_some_and(|(q, _)| q.contains(cal.clock_of(m)));
        if moments.iter().any(deferred) {
            return None;
        }
        moments.sort_unstable();
        moments.dedup();
        Some(moments)
    }
}

/// The spans `[m, m + within]` of `moments` (in order), widened by [`MARGIN`] and
/// merged where they meet.
fn spans(moments: &[Time], within: Time) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::new();
    for &m in moments {
        let (from, to) = (m as f64 - MARGIN, (m + within) as f64 + MARGIN);
        match out.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => out.push((from, to)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Per behaviour of `src`'s population, the mean level of its windows over the
    /// run (`None`: no windows).
    fn mean_levels(src: &str) -> Vec<Option<f64>> {
        crate::sim::tests::with_run(src, 0, |run| {
            let end = run.horizon as f64;
            (run.prog.behaviors.iter())
                .map(|b| b.windows.as_ref().map(|w| w.integral(end) / end))
                .collect()
        })
    }

    fn journey(rules: &str) -> String {
        format!(
            "{}touchpoint sms {{ channel sms\n quiet 22:00..08:00 }}
journey j {{
  timezone \"Asia/Shanghai\"
  entry on signup
  every daily at 12:00: send wecom \"noon\"
  stage a {{
{rules}
  }}
}}
population p {{
  size 10
  start 2026-03-02 00:00
  days 10
  arrivals signup over 1h
  behavior buy {{
    rate 1% per day
    after send wecom within 6h: x3
    after send sms within 6h: x2
  }}
}}",
            crate::sim::tests::DECLS
        )
    }

    #[test]
    fn only_touchpoints_sent_at_calendar_moments_get_windows() {
        // wecom at noon only, sms not at all: wecom's 6 h windows a day (x3)
        let level = 1.0 + 2.0 * (6.0 * 3600.0 + 2.0 * MARGIN) / 86_400.0;
        let levels = mean_levels(&journey("on enter: tag vip"));
        assert!((levels[0].unwrap() - level).abs() < 1e-9, "{levels:?}");
        // a send at entry can come at any time: no windows
        assert_eq!(mean_levels(&journey("on enter: send wecom \"hi\"")), [None]);
        // nor at a calendar moment inside a quiet window (the send is deferred)
        let sms = mean_levels(&journey("every daily at 23:00: send sms \"late\""));
        assert!((sms[0].unwrap() - level).abs() < 1e-9, "{sms:?}");
        // outside it, sms gets windows too (x2 at 19:00..01:00; the run ends at
        // midnight of its tenth day, in the last one)
        let both = mean_levels(&journey("every daily at 19:00: send sms \"evening\""));
        let sms = 10.0 * (6.0 * 3600.0 + 2.0 * MARGIN) - (3600.0 + MARGIN);
        let sms_too = level + sms / (10.0 * 86_400.0);
        assert!((both[0].unwrap() - sms_too).abs() < 1e-9, "{both:?}");
    }

    #[test]
    fn windows_are_widened_and_merged_where_they_meet() {
        assert_eq!(
            spans(&[100, 105, 300], 10),
            vec![(98.0, 117.0), (298.0, 312.0)]
        );
    }
}

//! The builder's arms for the version-2 time constructs (language-v2.md §4): month
//! days, one-off dates, `today in` windows and rolling limit windows.

use super::{kids, Builder, P};
use crate::diag::Code;
use crate::i18n::msg;
use crate::syntax::ast::{DateTrigger, Spanned, Trigger};
use crate::syntax::parser::Rule;
use crate::units::{Duration, LimitPeriod, MonthDays, MAX_ROLLING_DAYS};

impl Builder {
    /// What follows `per` in a limit: `day|week|month` or a rolling duration.
    pub(super) fn limit_period(&mut self, p: P<'_>) -> Spanned<LimitPeriod> {
        if p.as_rule() == Rule::duration {
            let text = p.as_str();
            let d = self.duration(p);
            // A duration too long to parse at all has had its error already.
            let parsed = Duration::parse(text).is_some();
            let days = d.value.minutes().div_ceil(24 * 60);
            if parsed && (d.value == Duration::ZERO || days > MAX_ROLLING_DAYS) {
                self.error(
                    Code::RollingWindowOutOfRange,
                    msg!("rolling-window-out-of-range", window = text),
                    d.span,
                    msg!("rolling-window-out-of-range.label"),
                    msg!("rolling-window-out-of-range.help"),
                );
            }
            return Spanned::new(LimitPeriod::Rolling(d.value), d.span);
        }
        let period = self.period(p);
        Spanned::new(LimitPeriod::Calendar(period.value), period.span)
    }

    /// `every month on 1, 15, last at 10:00`.
    pub(super) fn every_month(&mut self, p: P<'_>) -> Trigger {
        let span = self.span(&p);
        let mut it = kids(p);
        let days = self.month_days(it.next().unwrap());
        let clocks = it
            .next()
            .map(|cs| self.all(kids(cs), Self::clock))
            .unwrap_or_default();
        Trigger::EveryMonth {
            days,
            clocks: clocks.into_boxed_slice(),
            span,
        }
    }

    /// The listed days of the month; a day outside 1–31 is an error (and left out).
    fn month_days(&mut self, p: P<'_>) -> Spanned<MonthDays> {
        let span = self.span(&p);
        let mut set = MonthDays::EMPTY;
        for day in kids(p) {
            if day.as_rule() == Rule::last_day {
                set = set.union(MonthDays::LAST);
                continue;
            }
            let text = day.as_str();
            let n = self.integer::<u32>(day);
            match MonthDays::day(n.value) {
                Some(d) => set = set.union(d),
                None => self.error(
                    Code::InvalidMonthDay,
                    msg!("invalid-month-day", day = text),
                    n.span,
                    msg!("invalid-month-day.label"),
                    msg!("invalid-month-day.help"),
                ),
            }
        }
        Spanned::new(set, span)
    }

    /// `on 2026-06-18 at 20:00`; the trigger's span starts at `on`, with the rule.
    pub(super) fn on_date(&mut self, p: P<'_>, rule_start: usize) -> Trigger {
        let end = self.span(&p).end;
        let mut it = kids(p);
        let date = self.date(it.next().unwrap());
        let at = it.next().map(|c| self.clock(c));
        let span = crate::source::Span::new(rule_start, end);
        Trigger::Date(Box::new(DateTrigger { date, at, span }))
    }
}

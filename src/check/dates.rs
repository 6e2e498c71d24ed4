//! The version-2 time constructs in the checker (language-v2.md §4): date triggers
//! and `today in` windows. Month days and rolling windows are checked as they are
//! read (src/syntax/build/time.rs), where their spans are.

use super::model::{Dates, Trigger};
use super::{Checker, Report};
use crate::diag::{Code, Diagnostic};
use crate::i18n::msg;
use crate::syntax::ast;
use crate::units::{Clock, DateRange};

impl Checker<'_> {
    /// `every month on …` and `on DATE`, or `None` for another trigger.
    pub(super) fn date_trigger(&mut self, t: &ast::Trigger) -> Option<Trigger> {
        let (dates, clocks, span) = match t {
            ast::Trigger::EveryMonth { days, clocks, span } => {
                (Dates::Month(days.value), clocks.to_vec(), *span)
            }
            ast::Trigger::Date(d) => (
                Dates::On(d.date.value),
                d.at.iter().cloned().collect(),
                d.span,
            ),
            _ => return None,
        };
        // Without `at`, 00:00 (§11.11), said at the trigger.
        let (clocks, clock_spans) = if clocks.is_empty() {
            (vec![Clock::default()], vec![span])
        } else {
            clocks.iter().map(|c| (c.value, c.span)).unzip()
        };
        Some(Trigger::Dates {
            dates,
            clocks,
            clock_spans,
        })
    }

    /// `today in FIRST..LAST`; a range that ends before it starts is an error.
    pub(super) fn today_in(
        &mut self,
        first: &ast::Spanned<chrono::NaiveDate>,
        last: &ast::Spanned<chrono::NaiveDate>,
        span: crate::source::Span,
    ) -> DateRange {
        let range = DateRange {
            first: first.value,
            last: last.value,
        };
        if range.is_empty() {
            let (low, high) = (first.value.to_string(), last.value.to_string());
            self.push(
                Diagnostic::new(
                    Code::EmptyRange,
                    msg!("empty-date-range", first = &low, last = &high),
                    span,
                    msg!("empty-date-range.label"),
                )
                .with_help(msg!("empty-date-range.help", first = low, last = high)),
            );
        }
        range
    }
}

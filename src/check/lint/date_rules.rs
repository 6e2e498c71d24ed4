//! J0440: an `on DATE` rule whose moment comes before every population starts — no
//! user is in the journey then, so it never fires in a simulation (language-v2.md §11.11).

use crate::check::model::{Dates, Journey, Trigger};
use crate::diag::{Code, Diagnostic};
use crate::i18n::msg;
use crate::source::Span;
use chrono::{NaiveDateTime, NaiveTime};

/// The local moments of journey `j`'s `on DATE` triggers, with where each is written.
pub(in crate::check) fn of(j: &Journey) -> Vec<(NaiveDateTime, Span)> {
    (j.all_rules())
        .filter_map(|r| match &r.trigger {
            Trigger::Dates {
                dates: Dates::On(date),
                clocks,
                ..
            } => {
                let clock = clocks.first()?;
                let time = NaiveTime::from_hms_opt(clock.hour(), clock.minute(), 0)?;
                Some((date.and_time(time), r.spans.trigger))
            }
            _ => None,
        })
        .collect()
}

/// Warns on each moment before the earliest population `start`.
pub(super) fn check(
    starts: &[(NaiveDateTime, &str)],
    moments: &[(NaiveDateTime, Span)],
    out: &mut Vec<Diagnostic>,
) {
    let Some(&(start, population)) = starts.iter().min() else {
        return;
    };
    for &(moment, span) in moments.iter().filter(|(m, _)| *m < start) {
        // the moment as the source writes it, the start as a population does
        let written = moment.format("%Y-%m-%d at %H:%M").to_string();
        out.push(
            Diagnostic::new(
                Code::DateBeforeStart,
                msg!(
                    "date-before-start",
                    moment = written,
                    population = population,
                    start = start.format("%Y-%m-%d %H:%M").to_string()
                ),
                span,
                msg!("date-before-start.label"),
            )
            .with_help(msg!("date-before-start.help")),
        );
    }
}

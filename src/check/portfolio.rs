//! What several journeys on one population need (language v2 §2, §11.2): `priority`,
//! `enter JOURNEY`, and one time zone for the journeys simulated together.

use super::model::{Journey, JourneyId};
use super::{Checker, Report};
use crate::diag::{Code, Diagnostic};
use crate::i18n::msg;
use crate::source::Span;
use crate::syntax::ast::{self, Value};

/// Priorities beyond this are refused: they are ranks, and an `f64` holds every
/// integer up to it exactly.
const MAX_PRIORITY: f64 = 1e15;

impl Checker<'_> {
    /// The value of `priority N`: an integer, else J0351 (and 0).
    pub(super) fn priority(&mut self, value: &Value) -> i64 {
        if let Value::Number(n) = value {
            if n.value.fract() == 0.0 && n.value.abs() <= MAX_PRIORITY {
                return n.value as i64;
            }
        }
        let written = match value {
            Value::Number(n) => n.value.to_string(),
            Value::Str(s) => format!("\"{}\"", s.value),
            Value::Name(i) => i.name.clone(),
        };
        self.push(
            Diagnostic::new(
                Code::PriorityNotInteger,
                msg!("priority-not-integer", value = &written),
                value.span(),
                msg!("priority-not-integer.label"),
            )
            .with_help(msg!("priority-not-integer.help")),
        );
        0
    }

    /// The journey of `enter JOURNEY`: J0110 when there is none, J0350 when it is the
    /// journey being checked (a stage of its own is reached with `goto`).
    pub(super) fn enter(&mut self, name: &ast::Ident) -> Option<JourneyId> {
        let id = self.journey_ref(name)?;
        let own = self
            .journey
            .map(|d| &*self.decls.declared.decls[d.index()].name);
        if own == Some(name.name.as_str()) {
            self.push(
                Diagnostic::new(
                    Code::EnterOwnJourney,
                    msg!("enter-own-journey", name = &name.name),
                    name.span,
                    msg!("enter-own-journey.label"),
                )
                .with_help(msg!("enter-own-journey.help")),
            );
            return None;
        }
        Some(id)
    }
}

/// A journey's time zone and the span of its name: what J0352 compares.
pub(super) type Zone = (chrono_tz::Tz, Span);

pub(super) fn zone(j: &Journey) -> Zone {
    (j.timezone, j.span)
}

/// J0352 when a file with a population has journeys in different time zones: they
/// are simulated together, on one calendar (§11.2). Reported once, at the first
/// journey whose zone differs from the first journey's; `name` gives the name of the
/// journey of `zones[i]`.
pub(super) fn mixed_timezones<'a>(
    zones: &[Zone],
    name: impl Fn(usize) -> &'a str,
    population: bool,
) -> Option<Diagnostic> {
    let (first, _) = zones.split_first()?;
    let i = zones
        .iter()
        .position(|z| z.0 != first.0)
        .filter(|_| population)?;
    let (zone, span) = zones[i];
    Some(
        Diagnostic::new(
            Code::MixedTimezones,
            msg!(
                "mixed-timezones",
                name = name(i),
                zone = zone.name(),
                first = name(0),
                first_zone = first.0.name()
            ),
            span,
            msg!("mixed-timezones.label", zone = zone.name()),
        )
        .with_label(
            first.1,
            msg!("mixed-timezones.first", first_zone = first.0.name()),
        )
        .with_help(msg!("mixed-timezones.help", first_zone = first.0.name())),
    )
}

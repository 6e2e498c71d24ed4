//! J0414: a goal whose event no population can produce — it is not any population's
//! arrival event, and no behaviour has a `rate` or a per-send chance through a
//! touchpoint some journey sends on. Simulated, the goal reads 0%.

use super::moments;
use super::Cx;
use crate::check::model::{EventId, Goal, Journey, Population, SendEffect, TouchpointId};
use crate::diag::{Code, Diagnostic};

/// The touchpoints journey `j` sends on, added to `sent` (each once).
pub(super) fn sent_by(j: &Journey, sent: &mut Vec<TouchpointId>) {
    for r in j.stages.iter().flat_map(|s| &s.rules) {
        moments::touchpoints(r, sent);
    }
}

/// `goals`: every journey's; `sent`: every touchpoint any journey sends on.
pub(super) fn check<'g>(
    cx: &Cx,
    populations: &[Population],
    sent: &[TouchpointId],
    goals: impl Iterator<Item = &'g Goal>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(first) = populations.first() else {
        return;
    };
    let produced = |e: EventId| {
        populations.iter().any(|p| {
            p.arrivals.event == e
                || p.behaviors.iter().filter(|b| b.event == e).any(|b| {
                    b.rate_per_day.is_some_and(|r| r > 0.0)
                        || b.after_send.iter().any(|a| {
                            matches!(a.effect, SendEffect::Chance(p) if p.value() > 0.0)
                                && a.touchpoint.map_or(!sent.is_empty(), |t| sent.contains(&t))
                        })
                })
        })
    };
    for g in goals {
        if produced(g.event) {
            continue;
        }
        let event = &cx.model.event(g.event).name;
        out.push(
            Diagnostic::new(
                Code::UnreachableGoal,
                format!("no population produces `{event}`, so goal `{}` reads 0% in every simulation", g.name),
                g.event_span,
                "never happens in simulation",
            )
            .with_help(format!(
                "describe how users produce it, e.g. `behavior {event} {{ rate 1% per day }}` in population `{}`, or an `after send … : P%` chance through a touchpoint the journey sends on",
                first.name
            )),
        );
    }
}

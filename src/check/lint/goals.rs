//! J0414: a goal whose event no population can produce — it is not any population's
//! arrival event, and no behaviour has a `rate` or a per-send chance through a
//! touchpoint some journey sends on. Simulated, the goal reads 0%.

use super::moments;
use super::Cx;
use crate::check::model::{EventId, SendEffect};
use crate::diag::{Code, Diagnostic};

pub(super) fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let populations = &cx.model.populations;
    let Some(first) = populations.first() else {
        return;
    };
    let mut sent = Vec::new();
    for (sm, _) in cx.stages() {
        for r in &sm.rules {
            moments::touchpoints(r, &mut sent);
        }
    }
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
    for g in cx.model.journeys.iter().flat_map(|j| &j.goals) {
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

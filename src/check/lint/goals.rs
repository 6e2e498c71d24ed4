//! J0414: a goal whose event no population can produce — it is not any population's
//! arrival event, and no behaviour has a `rate` or a per-send chance through a
//! touchpoint some journey sends on. Simulated, the goal reads 0%.

use super::moments;
use super::Cx;
use crate::check::model::{
    AfterSend, EventId, Goal, Journey, Population, Reach, Reacts, SendEffect, TouchpointId,
};
use crate::diag::{Code, Diagnostic};
use crate::i18n::msg;

/// The touchpoints journey `j` sends on, added to `sent` (each once).
pub(super) fn sent_by(j: &Journey, sent: &mut Vec<TouchpointId>) {
    for r in j.all_rules() {
        moments::touchpoints(r, sent);
    }
}

/// What a population can produce, for J0414: its name, and the events it produces
/// whatever is sent, or only after a send (through a touchpoint, or `None` for any).
pub(in crate::check) struct Producer {
    name: String,
    /// The local moment the population starts (for J0426 and J0440).
    start: chrono::NaiveDateTime,
    always: Vec<EventId>,
    after_send: Vec<(EventId, Option<TouchpointId>)>,
}

impl Producer {
    pub(in crate::check) fn of(p: &Population) -> Producer {
        let positive = |a: &AfterSend| matches!(a.effect, SendEffect::Chance(c) if c.value() > 0.0);
        // a chance after a task is taken as producing the event whatever is sent: tasks
        // come from any rule, and the lint follows sends only
        let always = p.behaviors.iter().filter(|b| {
            b.rate_per_day.is_some_and(|r| r > 0.0)
                || (b.after_send.iter()).any(|a| matches!(a.after, Reacts::Task(_)) && positive(a))
        });
        let chances = p.behaviors.iter().flat_map(|b| {
            b.after_send.iter().filter_map(move |a| match a.after {
                Reacts::Send(tp) if positive(a) => Some((b.event, tp)),
                _ => None,
            })
        });
        Producer {
            name: p.name.clone(),
            start: p.start,
            // history happens before the run: it reaches no goal
            always: (p.arrivals.map(|a| a.event).into_iter())
                .chain(always.map(|b| b.event))
                .collect(),
            after_send: chances.collect(),
        }
    }
}

impl Producer {
    /// The population's start and name.
    pub(super) fn start(&self) -> (chrono::NaiveDateTime, &str) {
        (self.start, &self.name)
    }
}

/// `goals`: every journey's; `sent`: every touchpoint any journey sends on.
pub(super) fn check<'g>(
    cx: &Cx,
    producers: &[Producer],
    sent: &[TouchpointId],
    goals: impl Iterator<Item = &'g Goal>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(first) = producers.first() else {
        return;
    };
    let produced = |e: EventId| {
        producers.iter().any(|p| {
            p.always.contains(&e)
                || p.after_send.iter().any(|&(event, through)| {
                    event == e && through.map_or(!sent.is_empty(), |t| sent.contains(&t))
                })
        })
    };
    for g in goals {
        // a `when` goal reads conditions, which history and tags can make true
        let Reach::Event {
            event, event_span, ..
        } = g.reach
        else {
            continue;
        };
        if produced(event) {
            continue;
        }
        let event = &cx.model.event(event).name;
        out.push(
            Diagnostic::new(
                Code::UnreachableGoal,
                msg!("unreachable-goal", event = event, goal = &g.name),
                event_span,
                msg!("unreachable-goal.label"),
            )
            .with_help(msg!(
                "unreachable-goal.help",
                event = event,
                population = &first.name
            )),
        );
    }
}

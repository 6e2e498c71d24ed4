//! J0430: a stage rule that repeats a journey-wide rule word for word. The journey-wide
//! rule already runs in every stage, so users in the stage get both: the usual slip
//! when a calendar copied into each stage is moved to the journey body and one copy
//! stays behind. J0431: a journey-wide transition on a recurring calendar trigger,
//! which moves users already in its target stage into it again at every moment. And
//! the analyses of a stage's own rules that read nothing but the rules (J0410 quiet
//! clashes, J0411 empty split arms), on the journey-wide rules.

use super::{quiet, splits, Cx, StageOf};
use crate::check::model::{self, Action, Body, Cond, Dates, StageId, Trigger};
use crate::check::visit::{each_action, walk_cond, Visit};
use crate::diag::{Code, Diagnostic, Fix, Safety};
use crate::i18n::msg;
use crate::source::Span;

pub(super) fn check(cx: &Cx, (sm, jm): StageOf, out: &mut Vec<Diagnostic>) {
    if jm.rules.is_empty() {
        return;
    }
    let words = |span: Span| {
        let text = cx.text.get(span.start..span.end).unwrap_or("");
        text.split_whitespace().collect::<Vec<_>>()
    };
    let wide: Vec<_> = jm.rules.iter().map(|r| (words(r.span), r.span)).collect();
    for r in &sm.rules {
        let here = words(r.span);
        let Some(&(_, original)) = wide.iter().find(|(w, _)| *w == here) else {
            continue;
        };
        let mut d = Diagnostic::new(
            Code::RepeatsJourneyWideRule,
            msg!("repeats-journey-wide-rule", stage = &sm.name),
            r.span,
            msg!("repeats-journey-wide-rule.label"),
        )
        .with_label(original, msg!("repeats-journey-wide-rule.original"))
        .with_help(msg!("repeats-journey-wide-rule.help", stage = &sm.name));
        if let Some(lines) = own_lines(cx.text, r.span) {
            let title = msg!("repeats-journey-wide-rule.fix");
            d = d.with_fix(Fix::replace(title, Safety::Suggested, lines, ""));
        }
        out.push(d);
    }
}

/// J0410 and J0411 on the journey-wide rules (J0409 counts them in each stage).
pub(super) fn journey(cx: &Cx, j: &model::Journey, out: &mut Vec<Diagnostic>) {
    if j.rules.is_empty() {
        return;
    }
    let rules = model::Stage {
        name: j.name.clone(),
        label: None,
        rules: j.rules.clone(),
        span: j.span,
    };
    quiet::check(cx, (&rules, j), out);
    splits::check(cx, (&rules, j), out);
    for r in &j.rules {
        recurring_transition(j, r, out);
    }
}

/// J0431 for `r`: on a weekly or monthly trigger, a `-> S` (or `goto S`) whose guard
/// does not mention `in stage S` re-enters `S` for users already there, each time
/// (language-v2.md §11.10: as `goto` does), running its `on enter` rules again and
/// restarting its `after` timers.
fn recurring_transition(j: &model::Journey, r: &model::Rule, out: &mut Vec<Diagnostic>) {
    let recurring = match &r.trigger {
        Trigger::Every { .. } => true,
        Trigger::Dates { dates, .. } => matches!(dates, Dates::Month(_)),
        _ => false,
    };
    if !recurring {
        return;
    }
    let mut targets = Vec::new();
    match &r.body {
        Body::Transition(to) => targets.push(*to),
        Body::Actions(actions) => each_action(actions, |a| {
            if let Action::Goto(to) = a.node {
                targets.push(to);
            }
        }),
    }
    targets.dedup();
    for to in targets {
        if r.guard.as_ref().is_some_and(|g| mentions(&g.cond, to)) {
            continue;
        }
        let stage = &j.stages[to.index()].name;
        out.push(
            Diagnostic::new(
                Code::RecurringJourneyWideTransition,
                msg!("recurring-journey-wide-transition", stage = stage),
                r.spans.trigger,
                msg!("recurring-journey-wide-transition.label", stage = stage),
            )
            .with_help(match r.guard {
                None => msg!("recurring-journey-wide-transition.help", stage = stage),
                Some(_) => msg!(
                    "recurring-journey-wide-transition.help-guard",
                    stage = stage
                ),
            }),
        );
    }
}

/// Whether `cond` reads `in stage S` for `stage`.
fn mentions(cond: &Cond, stage: StageId) -> bool {
    struct Finds(StageId, bool);
    impl Visit<'_> for Finds {
        fn visit_cond(&mut self, c: &Cond) {
            self.1 |= matches!(c, Cond::InStage(s) if *s == self.0);
            walk_cond(self, c);
        }
    }
    let mut finds = Finds(stage, false);
    finds.visit_cond(cond);
    finds.1
}

/// The whole lines of `span`, line break included, when nothing else is written on
/// them (no other rule, no comment): what deleting the rule removes.
fn own_lines(text: &str, span: Span) -> Option<Span> {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i + 1);
    let blank = |s: &str| s.trim().is_empty();
    (blank(&text[start..span.start]) && blank(&text[span.end..end])).then(|| Span::new(start, end))
}

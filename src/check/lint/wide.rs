//! J0430: a stage rule that repeats a journey-wide rule word for word. The journey-wide
//! rule already runs in every stage, so users in the stage get both: the usual slip
//! when a calendar copied into each stage is moved to the journey body and one copy
//! stays behind. And the analyses of a stage's own rules that read nothing but the
//! rules (J0410 quiet clashes, J0411 empty split arms), on the journey-wide rules.

use super::{quiet, splits, Cx, StageOf};
use crate::check::model;
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

//! J0410: an `at` clock (or an `every … at` clock) inside the quiet window of a
//! touchpoint the rule sends through: every such send is deferred to the window's end.

use super::moments;
use super::{Cx, StageOf};
use crate::diag::{Code, Diagnostic};
use crate::i18n::msg;

pub(super) fn check(cx: &Cx, (sm, _): StageOf, out: &mut Vec<Diagnostic>) {
    for r in &sm.rules {
        let mut tps = Vec::new();
        moments::touchpoints(r, &mut tps);
        let every = match r.trigger.calendar() {
            Some((_, clocks, clock_spans)) => clocks.iter().zip(clock_spans),
            None => [].iter().zip(&[]),
        };
        let at = r.timing.at.iter().zip([&r.spans.at]);
        for (&clock, &span) in every.chain(at) {
            for &tp in &tps {
                let t = cx.model.touchpoint(tp);
                let Some(q) = t.quiet.filter(|q| q.contains(clock)) else {
                    continue;
                };
                let (from, to) = (q.from.to_string(), q.to.to_string());
                let mut d = Diagnostic::new(
                    Code::QuietClock,
                    msg!(
                        "quiet-clock",
                        clock = clock.to_string(),
                        touchpoint = &t.name,
                        from = &from,
                        to = &to
                    ),
                    span,
                    msg!("quiet-clock.label", touchpoint = &t.name, to = &to),
                );
                if let Some(span) = t.quiet_span {
                    d = d.with_label(span, msg!("quiet-clock.window"));
                }
                out.push(d.with_help(msg!("quiet-clock.help", from = from, to = to)));
            }
        }
    }
}

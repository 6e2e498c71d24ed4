//! J0410: an `at` clock (or an `every … at` clock) inside the quiet window of a
//! touchpoint the rule sends through: every such send is deferred to the window's end.

use super::moments;
use super::{Cx, StageOf};
use crate::check::model::Trigger;
use crate::diag::{Code, Diagnostic};

pub(super) fn check(cx: &Cx, (sm, _): StageOf, out: &mut Vec<Diagnostic>) {
    for r in &sm.rules {
        let mut tps = Vec::new();
        moments::touchpoints(r, &mut tps);
        let every = match &r.trigger {
            Trigger::Every {
                clocks,
                clock_spans,
                ..
            } => clocks.iter().zip(clock_spans),
            _ => [].iter().zip(&[]),
        };
        let at = r.timing.at.iter().zip([&r.spans.at]);
        for (&clock, &span) in every.chain(at) {
            for &tp in &tps {
                let t = cx.model.touchpoint(tp);
                let Some(q) = t.quiet.filter(|q| q.contains(clock)) else {
                    continue;
                };
                let mut d = Diagnostic::new(
                    Code::QuietClock,
                    format!(
                        "{} falls inside the quiet window of `{}` ({}..{})",
                        clock, t.name, q.from, q.to
                    ),
                    span,
                    format!("sends through `{}` are held until {}", t.name, q.to),
                );
                if let Some(span) = t.quiet_span {
                    d = d.with_label(span, "quiet window");
                }
                out.push(d.with_help(format!(
                    "the send is always deferred to {}: move the clock outside {}..{} (to {}, say), or send through another touchpoint",
                    q.to, q.from, q.to, q.to
                )));
            }
        }
    }
}

//! J0410: an `at` clock (or an `every … at` clock) inside the quiet window of a
//! touchpoint the rule sends through: every such send is deferred to the window's end.

use super::moments;
use super::{Cx, StageOf};
use crate::diag::{Code, Diagnostic};
use crate::syntax::ast;

pub(super) fn check(cx: &Cx, (stage, sm, _): StageOf, out: &mut Vec<Diagnostic>) {
    for (r, rm) in stage.rules.iter().zip(&sm.rules) {
        let mut tps = Vec::new();
        moments::touchpoints(rm, &mut tps);
        let every = match &r.trigger {
            ast::Trigger::Every { clocks, .. } => clocks.as_slice(),
            _ => &[],
        };
        for clock in every.iter().chain(&r.timing.at) {
            for &tp in &tps {
                let t = cx.model.touchpoint(tp);
                let Some(q) = t.quiet.filter(|q| q.contains(clock.value)) else {
                    continue;
                };
                let mut d = Diagnostic::new(
                    Code::QuietClock,
                    format!(
                        "{} falls inside the quiet window of `{}` ({}..{})",
                        clock.value, t.name, q.from, q.to
                    ),
                    clock.span,
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

//! J0408: a rule due after the stage's own timeout (spec §9 "After timeout"). The
//! timeout is the earliest unguarded `after D -> S` (or `goto`/`exit`); a timeout
//! with an `on`/`at` shift counts at the latest moment the shift can give, and the
//! rule's own shift counts as zero, so every rule flagged can truly never fire.

use super::moments::{self, Fixed};
use super::{Cx, StageOf};
use crate::diag::{Code, Diagnostic};
use crate::i18n::msg;

pub(super) fn check(cx: &Cx, (sm, _): StageOf, out: &mut Vec<Diagnostic>) {
    let Some((latest, t)) = moments::timeout(sm) else {
        return;
    };
    let timeout_offset = Fixed::of(&sm.rules[t]).map_or(latest, |f| f.offset);
    let timeout_span = sm.rules[t].span;
    for (i, r) in sm.rules.iter().enumerate() {
        let Some(f) = Fixed::of(r) else { continue };
        if i == t || f.offset <= latest {
            continue;
        }
        let span = r.spans.due;
        let due = moments::duration(f.offset);
        let gone = moments::duration(timeout_offset);
        let timeout = cx.quote(timeout_span, "the-timeout");
        out.push(
            Diagnostic::new(
                Code::AfterTimeout,
                msg!(
                    "after-timeout",
                    due = &due,
                    stage = &sm.name,
                    timeout = timeout
                ),
                span,
                msg!("after-timeout.label", due = due),
            )
            .with_label(timeout_span, msg!("after-timeout.leave"))
            .with_help(msg!("after-timeout.help", gone = gone)),
        );
    }
}

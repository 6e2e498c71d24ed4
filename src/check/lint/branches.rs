//! J0423: an `if` branch that no user reaches — the branches before it take every user
//! its condition lets through (`if vip: … else if vip and 新客: …`), or every user at all
//! (an `else` after `if vip: … else if not vip: …`). Decided by the analysis of J0406.

use super::logic::{Verdict, MAX_EVALUATIONS};
use super::Cx;
use crate::check::model::{Branch, Cond, Spanned};
use crate::diag::{Code, Diagnostic};
use crate::i18n::msg;

/// Reports the first unreachable branch of a chain (those after it are unreachable
/// too). A branch whose own condition never holds is J0406's, and the branches after
/// one whose condition always holds are J0407's: neither is reported again here.
pub(super) fn check(cx: &Cx, branches: &[Branch], out: &mut Vec<Diagnostic>) {
    let mut left = MAX_EVALUATIONS;
    let mut before: Vec<Spanned<Cond>> = Vec::new();
    for b in branches {
        let own = b
            .cond
            .as_ref()
            .map(|c| cx.logic.verdict_within(c, &mut left));
        if own == Some(Verdict::Never) {
            continue;
        }
        if !before.is_empty() {
            let taken = Spanned::unplaced(Cond::Or(before.clone()));
            let not_taken = Spanned::unplaced(Cond::Not(Box::new(taken)));
            let reached = match &b.cond {
                Some(c) => Cond::And(vec![c.clone(), not_taken]),
                None => not_taken.node,
            };
            if cx.logic.verdict_within(&reached, &mut left) == Verdict::Never {
                out.push(
                    Diagnostic::new(
                        Code::UnreachableBranch,
                        msg!(
                            "unreachable-branch",
                            branch = cx.quote(b.head, "this-branch")
                        ),
                        b.head,
                        msg!("unreachable-branch.label"),
                    )
                    .with_help(match b.cond {
                        Some(_) => msg!("unreachable-branch.help"),
                        None => msg!("unreachable-branch.help-else"),
                    }),
                );
                return;
            }
        }
        match (own, &b.cond) {
            (Some(Verdict::Always), _) | (_, None) => return,
            (_, Some(c)) => before.push(c.clone()),
        }
    }
}

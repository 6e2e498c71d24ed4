//! A population's `history` lines (language-v2 §6): past events placed before the
//! run's start.

use super::model::{History, HistoryAmount};
use super::{Checker, Report};
use crate::diag::{Code, Diagnostic};
use crate::i18n::msg;
use crate::limits::grouped;
use crate::source::Span;
use crate::syntax::ast;
use crate::units::Duration;

/// The most past events one `history` line gives a user: each is kept per user while
/// the user is simulated, so the bound keeps memory per user small.
pub const MAX_HISTORY: u32 = 1_000;

impl Checker<'_> {
    /// Checks `history EVENT: AMOUNT within D`; `None` when it cannot be simulated.
    pub(super) fn history(
        &mut self,
        event: &ast::Ident,
        amount: &ast::HistoryAmount,
        within: &ast::Spanned<Duration>,
    ) -> Option<History> {
        let event = self.event_ref(event);
        let within = self.window(within, "history");
        let amount = match amount {
            ast::HistoryAmount::Range { low, high, span } => {
                if low.value > high.value {
                    self.empty_range(*span, f64::from(low.value), f64::from(high.value));
                    return None;
                }
                if high.value > MAX_HISTORY {
                    self.too_much_history(high.span, high.value);
                    return None;
                }
                HistoryAmount::Range {
                    low: low.value,
                    high: high.value,
                }
            }
            ast::HistoryAmount::Share(p) => HistoryAmount::Share(p.value),
        };
        Some(History {
            event: event?,
            amount,
            within,
        })
    }

    fn too_much_history(&mut self, span: Span, count: u32) {
        self.push(
            Diagnostic::new(
                Code::TooLargeToSimulate,
                msg!("history-too-many", count = grouped(u64::from(count))),
                span,
                msg!(
                    "history-too-many.label",
                    max = grouped(u64::from(MAX_HISTORY))
                ),
            )
            .with_help(msg!(
                "history-too-many.help",
                max = grouped(u64::from(MAX_HISTORY))
            )),
        );
    }
}

//! What is known to hold where an `if` branch's condition is read: the rule's guard
//! (negated after `unless`) and the conditions of the branches around it. J0406 and
//! J0407 judge a branch condition under it (`on 下单 if 下单.金额 > 500` makes an inner
//! `if 下单.金额 < 100` a branch that never runs).
//!
//! The guard is read when the rule fires and the branch after the actions before it
//! have run, so a condition on what those actions change (tags, the stage) is known
//! only when the rule changes nothing: `unless vip: { tag vip = true  if vip: … }`.

use crate::check::model::{Action, Cond, NumExpr, Rule, Spanned};
use crate::check::visit::{each_action, walk_cond, Visit};

/// Decides which conditions of one rule may be taken as known at its branches.
pub struct Known {
    /// The rule sets a tag or moves the user: only steady conditions are known.
    changes: bool,
}

impl Known {
    pub fn of(actions: &[Spanned<Action>]) -> Known {
        let mut changes = false;
        each_action(actions, |a| {
            changes |= matches!(
                a.node,
                Action::SetTag { .. }
                    | Action::AddMember { .. }
                    | Action::RemoveMember { .. }
                    | Action::SetFromField { .. }
                    | Action::Untag { .. }
                    | Action::Goto(_)
            )
        });
        Known { changes }
    }

    /// The rule's guard as it holds when the rule fires, if it can be known at the
    /// branches.
    pub fn guard(&self, rule: &Rule) -> Option<Spanned<Cond>> {
        let g = rule.guard.as_ref()?;
        let c = match g.negated {
            true => Spanned::new(Cond::Not(Box::new(g.cond.clone())), g.cond.span),
            false => g.cond.clone(),
        };
        self.keeps(&c).then_some(c)
    }

    /// Whether `c`, holding before the rule's actions, still holds at its branches.
    pub fn keeps(&self, c: &Cond) -> bool {
        !self.changes || steady(c)
    }
}

/// Whether no action can change `c`: it reads only event fields, counts, times and
/// dates, never a tag, a segment (made of tags) or the stage.
fn steady(c: &Cond) -> bool {
    struct Steady(bool);
    impl Visit<'_> for Steady {
        fn visit_cond(&mut self, c: &Cond) {
            match c {
                Cond::Flag(_)
                | Cond::Segment(_)
                | Cond::EnumIs { .. }
                | Cond::TextIs { .. }
                | Cond::EnumIn { .. }
                | Cond::TextIn { .. }
                | Cond::NumberIn { .. }
                | Cond::Has { .. }
                | Cond::Between { .. }
                | Cond::InStage(_) => self.0 = false,
                _ => walk_cond(self, c),
            }
        }
        fn visit_num(&mut self, n: &NumExpr) {
            self.0 &= !matches!(n, NumExpr::Tag(_));
        }
    }
    let mut v = Steady(true);
    v.visit_cond(c);
    v.0
}

//! J0411: a `split` arm with 0% of users — its actions never run.

use super::{Cx, StageOf};
use crate::check::model::SplitArm;
use crate::check::visit::{walk_arm, Visit};
use crate::diag::{Code, Diagnostic};
use crate::i18n::msg;

pub(super) fn check(_: &Cx, (sm, _): StageOf, out: &mut Vec<Diagnostic>) {
    let mut arms = DeadArms(out);
    for r in &sm.rules {
        arms.visit_rule(r);
    }
}

/// Reports each arm of 0%, then looks into it for more.
struct DeadArms<'o>(&'o mut Vec<Diagnostic>);

impl Visit<'_> for DeadArms<'_> {
    fn visit_arm(&mut self, arm: &SplitArm) {
        if arm.percent.value() == 0.0 {
            self.0.push(
                Diagnostic::new(
                    Code::DeadSplitArm,
                    msg!("dead-split-arm", arm = &arm.name),
                    arm.percent_span,
                    msg!("dead-split-arm.label"),
                )
                .with_help(msg!("dead-split-arm.help")),
            );
        }
        walk_arm(self, arm);
    }
}

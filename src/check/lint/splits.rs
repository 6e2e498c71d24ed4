//! J0411: a `split` arm with 0% of users — its actions never run.

use super::{Cx, StageOf};
use crate::diag::{Code, Diagnostic};
use crate::syntax::ast::{Action, RuleBody};

pub(super) fn check(_: &Cx, (stage, _, _): StageOf, out: &mut Vec<Diagnostic>) {
    for r in &stage.rules {
        if let RuleBody::Actions(actions) = &r.body {
            arms(actions, out);
        }
    }
}

fn arms(actions: &[Action], out: &mut Vec<Diagnostic>) {
    for a in actions {
        let Action::Split { arms: list, .. } = a else {
            continue;
        };
        for arm in list {
            if arm.percent.value.value() == 0.0 {
                out.push(
                    Diagnostic::new(
                        Code::DeadSplitArm,
                        format!(
                            "split arm `{}` gets 0% of users, so its actions never run",
                            arm.name.name
                        ),
                        arm.percent.span,
                        "no user lands in this arm",
                    )
                    .with_help("give the arm a share of users, or remove it"),
                );
            }
            arms(&arm.actions, out);
        }
    }
}

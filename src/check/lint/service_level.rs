//! J0460: a task whose service level is shorter than one slot of its team (language v2
//! §10: the team's working hours cut into `capacity` slots a day). A task is done at the
//! end of the first slot that starts after it is created, so it can never be done
//! sooner than one slot later, and such a task misses its service level every time.

use super::Cx;
use crate::check::model::{Action, Body, Journey};
use crate::check::visit::each_action;
use crate::diag::{Code, Diagnostic};
use crate::i18n::msg;
use crate::units::Duration;

pub(super) fn journey(cx: &Cx, j: &Journey, out: &mut Vec<Diagnostic>) {
    for r in j.all_rules() {
        let Body::Actions(actions) = &r.body else {
            continue;
        };
        each_action(actions, |a| {
            let Action::Task {
                team,
                within: Some(within),
                ..
            } = &a.node
            else {
                return;
            };
            let t = cx.model.team(*team);
            let hours = t.hours.map_or(1440, |h| h.to.minutes() - h.from.minutes()) as u64;
            let (capacity, within_minutes) = (t.capacity_per_day as u64, within.node.minutes());
            // within < hours / capacity, in whole numbers
            if capacity == 0 || within_minutes * capacity >= hours {
                return;
            }
            let slot = Duration::from_minutes(hours.div_ceil(capacity)).to_string();
            let needed = hours.div_ceil(within_minutes).to_string();
            out.push(
                Diagnostic::new(
                    Code::ServiceLevelBelowSlot,
                    msg!(
                        "service-level-below-slot",
                        within = within.node.to_string(),
                        team = &t.name,
                        slot = &slot
                    ),
                    within.span,
                    msg!("service-level-below-slot.label", slot = &slot),
                )
                .with_label(t.span, msg!("service-level-below-slot.team"))
                .with_help(msg!(
                    "service-level-below-slot.help",
                    slot = slot,
                    capacity = needed
                )),
            );
        });
    }
}

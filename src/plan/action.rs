//! The plan's actions, and their lowering from the checked model. They live together
//! (the plan's other types are in types.rs, the rest of the lowering in lower.rs) so
//! that a new action kind changes one file of this stage, where the compiler points.
//! As in types.rs, the doc comments become the descriptions in `docs/plan.schema.json`.

use crate::check::model as m;
// A branch holds a condition and a condition never holds an action: the plan's
// conditions are in types.rs, which re-exports this file's actions; naming them
// through the plan's root keeps this file below types.rs.
use crate::plan::Condition;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One step of a rule, named by `type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Action {
    /// Send message `template` through `touchpoint` (through the send pipeline).
    Send {
        touchpoint: String,
        template: String,
    },
    /// Set `tag` to `value` (bool, number, enum variant name or text).
    SetTag { tag: String, value: Value },
    /// Add member `value` to set tag `tag`.
    AddMember { tag: String, value: String },
    /// Remove member `value` from set tag `tag`.
    RemoveMember { tag: String, value: String },
    /// Set `tag` to the value of field `field` of the event that triggered the rule
    /// (for a rule with a timing, the values that event carried when it happened). An
    /// enum field's variant is set by name; an unset field unsets the tag.
    SetFromField {
        tag: String,
        event: String,
        field: String,
    },
    /// Reset `tag` to its type's empty value.
    Untag { tag: String },
    /// Move the user to `stage` of the same journey; the rest of this moment's
    /// rules of the old stage do not run.
    Goto { stage: String },
    /// End the journey for the user; `reason` is for reports.
    Exit { reason: Option<String> },
    /// Put the user in one arm (deterministically from the user id and `key`, or from
    /// `name` when the split has one) and run that arm's actions. Holdout users get no
    /// arm.
    Split {
        key: String,
        /// `split NAME { … }` (version 2): the arm is drawn from the journey, this
        /// name and the user, not from `key` (docs/plan.md §10.9). Absent: unnamed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        arms: Vec<Arm>,
    },
    /// Queue work `text` for `team` (docs/plan.md §12); `within_seconds` is its service
    /// level. Holdout users get no task.
    Task {
        team: String,
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        within_seconds: Option<u64>,
    },
    /// Evaluate the branches' conditions in order, at the moment the rule runs, and run
    /// the actions of the first that holds (a branch without a condition, the `else`,
    /// always holds and comes last); when none holds, do nothing.
    If { branches: Vec<Branch> },
    /// Enter the user into `journey` now, in its first stage, as its entry trigger
    /// would (its entry condition is not evaluated; its `reentry` applies), after the
    /// rest of this rule's actions (docs/plan.md §10.10).
    Enter { journey: String },
}

/// One branch of an `if` action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Branch {
    /// Null for the `else` branch.
    pub condition: Option<Condition>,
    pub actions: Vec<Action>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Arm {
    pub name: String,
    /// The share of users in this arm; the arms of a split add up to 100.
    #[schemars(range(min = 0, max = 100))]
    pub percent: f64,
    pub actions: Vec<Action>,
}

/// A tag value: a bool, a number, or a string (enum variant or text).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    Number(f64),
    Text(String),
}

/// Lowers the actions of one journey's rules: ids become names.
pub(super) struct LowerActions<'a> {
    pub model: &'a m::Model,
    /// The journey's stages, for `goto`.
    pub stages: &'a [m::Stage],
    /// Lowers the condition of an `if` branch (lower.rs lowers guards the same way).
    pub cond: &'a dyn Fn(&m::Cond) -> Condition,
}

impl LowerActions<'_> {
    /// `key` names the place of `actions` (`stage/rule`, then `/arm` inside a split or
    /// `/branch` inside an `if`);
    /// each action's position is added to it for the key of a split.
    pub(super) fn actions(&self, actions: &[m::Spanned<m::Action>], key: &str) -> Vec<Action> {
        let each = actions.iter().enumerate();
        each.map(|(i, a)| self.action(a, &format!("{key}/{i}")))
            .collect()
    }

    fn action(&self, a: &m::Action, key: &str) -> Action {
        let tag_name = |tag: &m::TagId| self.model.tag(*tag).name.clone();
        let member_name =
            |tag: &m::TagId, member: &u32| self.model.variant_name(*tag, *member).to_string();
        match a {
            m::Action::Send {
                touchpoint,
                template,
                ..
            } => Action::Send {
                touchpoint: self.model.touchpoint(*touchpoint).name.clone(),
                template: template.clone(),
            },
            m::Action::SetTag { tag, value } => Action::SetTag {
                tag: tag_name(tag),
                value: self.value(*tag, value),
            },
            m::Action::AddMember { tag, member } => Action::AddMember {
                tag: tag_name(tag),
                value: member_name(tag, member),
            },
            m::Action::RemoveMember { tag, member } => Action::RemoveMember {
                tag: tag_name(tag),
                value: member_name(tag, member),
            },
            m::Action::SetFromField { tag, event, field } => {
                let event = self.model.event(*event);
                Action::SetFromField {
                    tag: tag_name(tag),
                    event: event.name.clone(),
                    field: event.fields[field.0 as usize].name.clone(),
                }
            }
            m::Action::Untag { tag } => Action::Untag { tag: tag_name(tag) },
            m::Action::Goto(s) => Action::Goto {
                stage: self.stages[s.index()].name.clone(),
            },
            m::Action::Exit { reason } => Action::Exit {
                reason: reason.clone(),
            },
            m::Action::Split { name, arms } => {
                let arms = arms.iter().enumerate().map(|(i, arm)| Arm {
                    name: arm.name.clone(),
                    percent: arm.percent.value(),
                    actions: self.actions(&arm.actions, &format!("{key}/{i}")),
                });
                Action::Split {
                    key: key.to_string(),
                    name: name.clone(),
                    arms: arms.collect(),
                }
            }
            m::Action::Task { team, text, within } => Action::Task {
                team: self.model.team(*team).name.clone(),
                text: text.clone(),
                within_seconds: within.as_ref().map(|d| d.node.seconds()),
            },
            m::Action::Enter(j) => Action::Enter {
                journey: self.model.journeys[j.index()].name.clone(),
            },
            m::Action::If { branches } => Action::If {
                branches: (branches.iter().enumerate())
                    .map(|(i, b)| Branch {
                        condition: b.cond.as_ref().map(|c| (self.cond)(c)),
                        actions: self.actions(&b.actions, &format!("{key}/{i}")),
                    })
                    .collect(),
            },
        }
    }

    /// A tag value as JSON: enum variants by name.
    fn value(&self, tag: m::TagId, v: &m::TagValue) -> Value {
        match v {
            m::TagValue::Bool(b) => Value::Bool(*b),
            m::TagValue::Number(n) => Value::Number(*n),
            m::TagValue::Text(t) => Value::Text(t.clone()),
            m::TagValue::Variant(i) => Value::Text(self.model.variant_name(tag, *i).to_string()),
        }
    }
}

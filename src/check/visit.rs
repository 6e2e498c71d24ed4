//! One traversal of the checked model's actions and conditions. A [`Visit`] has a
//! method per kind of node whose default walks into the node's children (the `walk_*`
//! functions); an analysis overrides the methods of the nodes it cares about and calls
//! the matching `walk_*` where it wants to go deeper. What a node's children are is
//! decided once, by an exhaustive match: for conditions here, for actions by
//! `Action::arms` and `Action::branches` next to the `Action` enum (check/model.rs). So a new kind of
//! condition is added here once, a new kind of action not at all, and no analysis
//! changes for either.

use super::model::{
    Action, Body, Branch, Cond, NumExpr, Rule, SegmentId, Spanned, SplitArm, Trigger,
};

/// A read-only walk over actions and conditions; every method defaults to visiting
/// the node's children.
pub trait Visit<'m> {
    fn visit_rule(&mut self, rule: &'m Rule) {
        walk_rule(self, rule)
    }
    fn visit_actions(&mut self, actions: &'m [Spanned<Action>]) {
        walk_actions(self, actions)
    }
    fn visit_action(&mut self, action: &'m Spanned<Action>) {
        walk_action(self, action)
    }
    fn visit_arm(&mut self, arm: &'m SplitArm) {
        walk_arm(self, arm)
    }
    fn visit_branch(&mut self, branch: &'m Branch) {
        walk_branch(self, branch)
    }
    fn visit_cond(&mut self, cond: &'m Cond) {
        walk_cond(self, cond)
    }
    fn visit_num(&mut self, _num: &'m NumExpr) {}
}

/// A rule's `when` condition, then its guard, then its actions.
pub fn walk_rule<'m, V: Visit<'m> + ?Sized>(v: &mut V, rule: &'m Rule) {
    if let Trigger::When(c) = &rule.trigger {
        v.visit_cond(c);
    }
    if let Some(g) = &rule.guard {
        v.visit_cond(&g.cond);
    }
    match &rule.body {
        Body::Actions(actions) => v.visit_actions(actions),
        Body::Transition(_) => {}
    }
}

pub fn walk_actions<'m, V: Visit<'m> + ?Sized>(v: &mut V, actions: &'m [Spanned<Action>]) {
    for a in actions {
        v.visit_action(a);
    }
}

/// The action's split arms and `if` branches, as `Action::arms` and
/// `Action::branches` (check/model.rs) give them.
pub fn walk_action<'m, V: Visit<'m> + ?Sized>(v: &mut V, action: &'m Spanned<Action>) {
    for arm in action.arms() {
        v.visit_arm(arm);
    }
    for branch in action.branches() {
        v.visit_branch(branch);
    }
}

pub fn walk_arm<'m, V: Visit<'m> + ?Sized>(v: &mut V, arm: &'m SplitArm) {
    v.visit_actions(&arm.actions)
}

/// A branch's condition, then its actions.
pub fn walk_branch<'m, V: Visit<'m> + ?Sized>(v: &mut V, branch: &'m Branch) {
    if let Some(c) = &branch.cond {
        v.visit_cond(c);
    }
    v.visit_actions(&branch.actions)
}

pub fn walk_cond<'m, V: Visit<'m> + ?Sized>(v: &mut V, cond: &'m Cond) {
    match cond {
        Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| v.visit_cond(c)),
        Cond::Not(c) => v.visit_cond(c),
        Cond::Compare { left, right, .. } => {
            v.visit_num(left);
            v.visit_num(right);
        }
        Cond::Flag(_)
        | Cond::Segment(_)
        | Cond::EnumIs { .. }
        | Cond::TextIs { .. }
        | Cond::EnumIn { .. }
        | Cond::TextIn { .. }
        | Cond::NumberIn { .. }
        | Cond::Has { .. }
        | Cond::Between { .. }
        | Cond::Did { .. }
        | Cond::Inactive(_)
        | Cond::InStage(_)
        | Cond::Field { .. }
        | Cond::TodayIn(_) => {}
    }
}

/// Calls `f` on every action of `actions`, those in split arms and branches too,
/// parents first.
pub fn each_action<'m>(actions: &'m [Spanned<Action>], f: impl FnMut(&'m Spanned<Action>)) {
    struct Each<F>(F);
    impl<'m, F: FnMut(&'m Spanned<Action>)> Visit<'m> for Each<F> {
        fn visit_action(&mut self, action: &'m Spanned<Action>) {
            (self.0)(action);
            walk_action(self, action);
        }
    }
    Each(f).visit_actions(actions);
}

/// The segments `c` names, in order, repeats included (not those the segments name).
pub fn segments_in(c: &Cond, out: &mut Vec<SegmentId>) {
    struct Segments<'o>(&'o mut Vec<SegmentId>);
    impl Visit<'_> for Segments<'_> {
        fn visit_cond(&mut self, c: &Cond) {
            if let Cond::Segment(s) = c {
                self.0.push(*s);
            }
            walk_cond(self, c);
        }
    }
    Segments(out).visit_cond(c);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::model::{EventId, Spanned, StageId, TagId, TouchpointId};
    use crate::syntax::ast::CmpOp;
    use crate::units::Percent;

    fn placed(actions: Vec<Action>) -> Vec<Spanned<Action>> {
        actions.into_iter().map(Spanned::unplaced).collect()
    }

    fn arm(actions: Vec<Action>) -> SplitArm {
        SplitArm {
            name: "a".into(),
            percent: Percent::default(),
            percent_span: Default::default(),
            actions: placed(actions),
        }
    }

    #[test]
    fn every_action_is_visited_inside_nested_splits_parents_first() {
        let actions = placed(vec![
            Action::Untag { tag: TagId(0) },
            Action::Split {
                name: None,
                arms: vec![
                    arm(vec![Action::Goto(StageId(1))]),
                    arm(vec![Action::Split {
                        name: Some("券型实验".into()),
                        arms: vec![arm(vec![Action::Goto(StageId(2))])],
                    }]),
                ],
            },
            Action::Send {
                touchpoint: TouchpointId(0),
                template: String::new(),
            },
        ]);
        let mut kinds = Vec::new();
        each_action(&actions, |a| {
            kinds.push(match &a.node {
                Action::Untag { .. } => "untag".to_string(),
                Action::Split { .. } => "split".to_string(),
                Action::Goto(s) => format!("goto {}", s.0),
                Action::Send { .. } => "send".to_string(),
                _ => "other".to_string(),
            })
        });
        assert_eq!(
            kinds,
            ["untag", "split", "goto 1", "split", "goto 2", "send"]
        );
    }

    #[test]
    fn branches_are_walked_condition_first_and_in_order() {
        let flag = |t| Some(Spanned::unplaced(Cond::Flag(TagId(t))));
        let branch = |cond, actions| Branch {
            cond,
            actions: placed(actions),
            head: Default::default(),
        };
        let actions = placed(vec![Action::If {
            branches: vec![
                branch(flag(1), vec![Action::Goto(StageId(1))]),
                branch(
                    None,
                    vec![Action::Split {
                        name: None,
                        arms: vec![arm(vec![Action::Goto(StageId(2))])],
                    }],
                ),
            ],
        }]);
        struct Seen(Vec<String>);
        impl Visit<'_> for Seen {
            fn visit_action(&mut self, a: &Spanned<Action>) {
                if let Action::Goto(s) = a.node {
                    self.0.push(format!("goto {}", s.0));
                }
                walk_action(self, a);
            }
            fn visit_cond(&mut self, c: &Cond) {
                if let Cond::Flag(t) = c {
                    self.0.push(format!("flag {}", t.0));
                }
            }
        }
        let mut seen = Seen(Vec::new());
        seen.visit_actions(&actions);
        assert_eq!(seen.0, ["flag 1", "goto 1", "goto 2"]);
    }

    #[test]
    fn numbers_are_found_under_not_and_or() {
        let at = Spanned::unplaced;
        let compare = |n| {
            at(Cond::Compare {
                left: NumExpr::Tag(TagId(n)),
                op: CmpOp::Gt,
                right: NumExpr::Const(n as f64),
            })
        };
        let did = at(Cond::Did {
            event: EventId(0),
            within: None,
        });
        let cond = Cond::And(vec![
            at(Cond::Not(Box::new(compare(1)))),
            at(Cond::Or(vec![did, compare(2)])),
        ]);
        struct Numbers(Vec<NumExpr>);
        impl Visit<'_> for Numbers {
            fn visit_num(&mut self, num: &NumExpr) {
                self.0.push(num.clone());
            }
        }
        let mut found = Numbers(Vec::new());
        found.visit_cond(&cond);
        assert_eq!(
            found.0,
            [
                NumExpr::Tag(TagId(1)),
                NumExpr::Const(1.0),
                NumExpr::Tag(TagId(2)),
                NumExpr::Const(2.0)
            ]
        );
    }

    /// Every condition node of the checked model carries the span it was written at,
    /// and equality ignores it.
    #[test]
    fn condition_nodes_carry_their_spans() {
        let text = "tag vip: bool\ntag age: number\nsegment a = vip and not (age > 3 or age < 1)\nsegment b = vip and not (age > 3 or age < 1)\n";
        let checked = crate::check::check_source(text);
        let model = checked.model.expect("the file checks");
        struct Spans<'t>(&'t str, Vec<&'t str>);
        impl Spans<'_> {
            fn tree(&mut self, c: &Spanned<Cond>) {
                self.1.push(&self.0[c.span.start..c.span.end]);
                match &c.node {
                    Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| self.tree(c)),
                    Cond::Not(c) => self.tree(c),
                    _ => {}
                }
            }
        }
        let mut spans = Spans(text, Vec::new());
        spans.tree(&model.segments[0].cond);
        assert_eq!(
            spans.1,
            [
                "vip and not (age > 3 or age < 1)",
                "vip",
                "not (age > 3 or age < 1)",
                "age > 3 or age < 1",
                "age > 3",
                "age < 1"
            ]
        );
        assert_ne!(model.segments[0].cond.span, model.segments[1].cond.span);
        assert_eq!(model.segments[0].cond, model.segments[1].cond);
    }
}

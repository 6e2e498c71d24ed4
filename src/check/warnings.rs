//! Warnings: unused declarations, missing timezone, unreachable and dead-end stages,
//! a file without a journey.

use super::{Checker, Report};
use crate::diag::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::ast::{self, Item};
use std::sync::atomic::Ordering;

impl Checker<'_> {
    /// The whole-file warnings, after the journeys' own (`journey_warnings`, in file
    /// order: they are computed with the journeys).
    pub(super) fn warnings(&mut self, file: &ast::File, journey_warnings: Vec<Diagnostic>) {
        self.unused();
        self.diagnostics.extend(journey_warnings);
        let any_journey = file.items.iter().any(|i| matches!(i, Item::Journey(_)));
        if !any_journey {
            let span = file
                .items
                .first()
                .map_or(Span::default(), |i| item_name(i).span);
            self.push(
                Diagnostic::new(Code::NoJourney, "this file declares no journey", span, "no `journey` block in this file")
                    .with_help("add a `journey NAME { entry on EVENT  stage … }` block; declarations alone do nothing"),
            );
        }
    }

    fn unused(&mut self) {
        let m = &self.decls.model;
        let uses = &self.decls.uses;
        let kinds = [
            (
                "tag",
                &uses.tags,
                m.tags
                    .iter()
                    .map(|t| (t.name.as_str(), t.span))
                    .collect::<Vec<_>>(),
            ),
            (
                "event",
                &uses.events,
                m.events.iter().map(|e| (e.name.as_str(), e.span)).collect(),
            ),
            (
                "touchpoint",
                &uses.touchpoints,
                m.touchpoints
                    .iter()
                    .map(|t| (t.name.as_str(), t.span))
                    .collect(),
            ),
            (
                "segment",
                &uses.segments,
                m.segments
                    .iter()
                    .map(|s| (s.name.as_str(), s.span))
                    .collect(),
            ),
            (
                "team",
                &uses.teams,
                m.teams.iter().map(|t| (t.name.as_str(), t.span)).collect(),
            ),
        ];
        let mut found = Vec::new();
        for (kind, used, decls) in kinds {
            for ((name, span), used) in decls.into_iter().zip(used) {
                if !used.load(Ordering::Relaxed) {
                    found.push(
                        Diagnostic::new(
                            Code::UnusedDeclaration,
                            format!("{kind} `{name}` is declared but never used"),
                            span,
                            "never used",
                        )
                        .with_help("remove it, or use it in a journey, segment or population"),
                    );
                }
            }
        }
        self.diagnostics.extend(found);
    }

    pub(super) fn journey_warnings(&mut self, j: &ast::Journey) {
        if !j
            .settings
            .iter()
            .any(|s| matches!(s, ast::JourneySetting::Timezone(_)))
        {
            self.push(
                Diagnostic::new(
                    Code::MissingTimezone,
                    format!(
                        "journey `{}` has no timezone, so UTC is assumed",
                        j.name.name
                    ),
                    j.name.span,
                    "clocks and days of this journey are read in UTC",
                )
                .with_help(
                    "add `timezone \"Asia/Shanghai\"` (or the IANA name where your users live)",
                ),
            );
        }
        if j.stages.is_empty() {
            return;
        }
        let index = |name: &str| j.stages.iter().position(|s| s.name.name == name);
        let targets: Vec<Vec<usize>> = j
            .stages
            .iter()
            .map(|s| {
                let mut out = Vec::new();
                for r in &s.rules {
                    match &r.body {
                        ast::RuleBody::Transition(t) => out.extend(index(&t.name)),
                        ast::RuleBody::Actions(a) => gotos(a, &mut |n| out.extend(index(n))),
                    }
                }
                out
            })
            .collect();

        let mut reached = vec![false; j.stages.len()];
        let mut stack = vec![0];
        while let Some(s) = stack.pop() {
            if !std::mem::replace(&mut reached[s], true) {
                stack.extend(&targets[s]);
            }
        }
        for (s, stage) in j.stages.iter().enumerate() {
            if !reached[s] {
                self.push(
                    Diagnostic::new(
                        Code::UnreachableStage,
                        format!("no user can reach stage `{}`", stage.name.name),
                        stage.name.span,
                        "nothing leads here",
                    )
                    .with_help(format!(
                        "users enter `{}`; lead to it with `-> {}` or `goto {}` from a stage they reach, or remove it",
                        j.stages[0].name.name, stage.name.name, stage.name.name
                    )),
                );
            }
        }

        let has_goal_or_exit = j.settings.iter().any(|s| {
            matches!(
                s,
                ast::JourneySetting::Goal(_) | ast::JourneySetting::Exit(_)
            )
        });
        if has_goal_or_exit {
            return;
        }
        for stage in &j.stages {
            let leaves = stage.rules.iter().any(|r| match &r.body {
                ast::RuleBody::Transition(_) => true,
                ast::RuleBody::Actions(a) => leaves(a),
            });
            if !leaves {
                self.push(
                    Diagnostic::new(
                        Code::DeadEndStage,
                        format!("stage `{}` is a dead end: users who get here stay forever", stage.name.name),
                        stage.name.span,
                        "no `->`, `goto` or `exit` in this stage",
                    )
                    .with_help("add a way out (`after 30d -> …`, `exit`), or give the journey a `goal` or an `exit` line"),
                );
            }
        }
    }
}

fn gotos(actions: &[ast::Action], f: &mut impl FnMut(&str)) {
    for a in actions {
        match a {
            ast::Action::Goto { stage, .. } => f(&stage.name),
            ast::Action::Split { arms, .. } => arms.iter().for_each(|arm| gotos(&arm.actions, f)),
            _ => {}
        }
    }
}

fn leaves(actions: &[ast::Action]) -> bool {
    actions.iter().any(|a| match a {
        ast::Action::Goto { .. } | ast::Action::Exit { .. } => true,
        ast::Action::Split { arms, .. } => arms.iter().any(|arm| leaves(&arm.actions)),
        _ => false,
    })
}

fn item_name(item: &Item) -> &ast::Ident {
    match item {
        Item::Tag(x) => &x.name,
        Item::Event(x) => &x.name,
        Item::Touchpoint(x) => &x.name,
        Item::Segment(x) => &x.name,
        Item::Team(x) => &x.name,
        Item::Journey(x) => &x.name,
        Item::Population(x) => &x.name,
    }
}

//! Warnings: unused declarations, missing timezone, unreachable and dead-end stages,
//! a file without a journey.

use super::graph::StageGraph;
use super::model::Journey;
use super::{Checker, Report};
use crate::diag::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::ast::{self, Item};
use std::sync::atomic::Ordering;

impl Checker<'_> {
    /// The whole-file warnings, after the journeys' own (`journey_warnings`, in file
    /// order: they are computed with the journeys); `no_journey` from [`no_journey`].
    pub(super) fn warnings(&mut self, no_journey: Option<Span>, journey_warnings: Vec<Diagnostic>) {
        self.unused();
        self.diagnostics.extend(journey_warnings);
        if let Some(span) = no_journey {
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
}

/// A journey's own warnings: no timezone, unreachable and dead-end stages. Read from
/// its model, which is built (with a placeholder entry) even when the journey has
/// errors.
pub(super) fn journey_warnings(j: &Journey) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if !j.timezone_given {
        out.push(
            Diagnostic::new(
                Code::MissingTimezone,
                format!("journey `{}` has no timezone, so UTC is assumed", j.name),
                j.span,
                "clocks and days of this journey are read in UTC",
            )
            .with_help("add `timezone \"Asia/Shanghai\"` (or the IANA name where your users live)"),
        );
    }
    if j.stages.is_empty() {
        return out;
    }
    let graph = StageGraph::of(j);
    for (stage, reached) in j.stages.iter().zip(graph.reachable()) {
        if !reached {
            out.push(
                Diagnostic::new(
                    Code::UnreachableStage,
                    format!("no user can reach stage `{}`", stage.name),
                    stage.span,
                    "nothing leads here",
                )
                .with_help(format!(
                    "users enter `{}`; lead to it with `-> {}` or `goto {}` from a stage they reach, or remove it",
                    j.stages[0].name, stage.name, stage.name
                )),
            );
        }
    }
    if !j.goals.is_empty() || !j.exits.is_empty() {
        return out;
    }
    for (s, stage) in j.stages.iter().enumerate() {
        if !graph.leaves(s) {
            out.push(
                Diagnostic::new(
                    Code::DeadEndStage,
                    format!("stage `{}` is a dead end: users who get here stay forever", stage.name),
                    stage.span,
                    "no `->`, `goto` or `exit` in this stage",
                )
                .with_help("add a way out (`after 30d -> …`, `exit`), or give the journey a `goal` or an `exit` line"),
            );
        }
    }
    out
}

/// Where to report a file without a journey (its first item's name), or `None` when
/// it has one. Taken before the checker consumes the items.
pub(super) fn no_journey(file: &ast::File) -> Option<Span> {
    let any_journey = file.items.iter().any(|i| matches!(i, Item::Journey(_)));
    (!any_journey).then(|| {
        file.items
            .first()
            .map_or(Span::default(), |i| item_name(i).span)
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

#[cfg(test)]
mod tests {
    use crate::check::check_source;
    use crate::diag::Code;

    /// The stage warnings read the model, which a journey without an entry still
    /// gets for them.
    #[test]
    fn a_journey_without_an_entry_still_gets_its_stage_warnings() {
        let text = "event e\njourney j {\n  stage a {\n    on e: exit\n  }\n  stage b {\n    on e: exit\n  }\n}\n";
        let codes: Vec<Code> = check_source(text)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect();
        assert!(codes.contains(&Code::MissingEntry), "{codes:?}");
        assert!(codes.contains(&Code::MissingTimezone), "{codes:?}");
        assert!(codes.contains(&Code::UnreachableStage), "{codes:?}");
    }
}

//! Warnings: unused declarations, missing timezone, unreachable and dead-end stages,
//! nothing unused in a declarations file.

use super::graph::StageGraph;
use super::model::Journey;
use super::resolve::DeclKind;
use super::Checker;
use crate::diag::{Code, Diagnostic, Fix, Safety};
use crate::i18n::{msg, Arg};
use std::sync::atomic::Ordering;

impl Checker<'_> {
    /// The whole-file warnings, after the journeys' own (`journey_warnings`, in file
    /// order: they are computed with the journeys).
    pub(super) fn warnings(&mut self, journey_warnings: Vec<Diagnostic>) {
        // A file with no journey and no population is a declarations file (language
        // v2 §1): what it declares is for the files that import it, so nothing in it
        // is unused when it is checked on its own. Read from the declarations (the
        // resolution table's), not the AST.
        let declared = &self.decls.declared;
        let declarations_file = !declared.items.iter().any(|i| {
            let kind = declared.decls[i.index()].kind;
            kind == DeclKind::Journey || kind == DeclKind::Population
        });
        if !declarations_file {
            self.unused();
        }
        self.diagnostics.extend(journey_warnings);
    }

    fn unused(&mut self) {
        let m = &self.decls.model;
        let uses = &self.decls.uses;
        let kinds = [
            (
                "kind-tag",
                &uses.tags,
                m.tags
                    .iter()
                    .map(|t| (t.name.as_str(), t.span))
                    .collect::<Vec<_>>(),
            ),
            (
                "kind-event",
                &uses.events,
                m.events.iter().map(|e| (e.name.as_str(), e.span)).collect(),
            ),
            (
                "kind-touchpoint",
                &uses.touchpoints,
                m.touchpoints
                    .iter()
                    .map(|t| (t.name.as_str(), t.span))
                    .collect(),
            ),
            (
                "kind-segment",
                &uses.segments,
                m.segments
                    .iter()
                    .map(|s| (s.name.as_str(), s.span))
                    .collect(),
            ),
            (
                "kind-team",
                &uses.teams,
                m.teams.iter().map(|t| (t.name.as_str(), t.span)).collect(),
            ),
        ];
        // each declaration's whole span by its name's: looked up once per unused name
        let whole: rustc_hash::FxHashMap<_, _> = (self.decls.declared.decls.iter())
            .map(|d| (d.name_span, d.span))
            .collect();
        let mut found = Vec::new();
        for (kind, used, decls) in kinds {
            for ((name, span), used) in decls.into_iter().zip(used) {
                if used.load(Ordering::Relaxed) {
                    continue;
                }
                let mut d = Diagnostic::new(
                    Code::UnusedDeclaration,
                    msg!("unused-declaration", kind = Arg::Word(kind), name = name),
                    span,
                    msg!("unused-declaration.label"),
                )
                .with_help(msg!("unused-declaration.help"));
                // The whole declaration goes; `lint::fixes` widens the edit to its
                // whole lines, once the text is at hand.
                if let Some(&whole) = whole.get(&span) {
                    d = d.with_fix(Fix::replace(
                        msg!(
                            "fix-remove-declaration",
                            kind = Arg::Word(kind),
                            name = name
                        ),
                        Safety::Suggested,
                        whole,
                        "",
                    ));
                }
                found.push(d);
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
                msg!("missing-timezone", name = &j.name),
                j.span,
                msg!("missing-timezone.label"),
            )
            .with_help(msg!("missing-timezone.help")),
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
                    msg!("unreachable-stage", stage = &stage.name),
                    stage.span,
                    msg!("unreachable-stage.label"),
                )
                .with_help(msg!(
                    "unreachable-stage.help",
                    first = &j.stages[0].name,
                    stage = &stage.name
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
                    msg!("dead-end-stage", stage = &stage.name),
                    stage.span,
                    msg!("dead-end-stage.label"),
                )
                .with_help(msg!("dead-end-stage.help")),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::check_source;
    use crate::diag::{Code, Severity};

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

    /// A way out that names something unknown is an error, and still a way out: the
    /// stage is not also called a dead end.
    #[test]
    fn a_way_out_with_an_unknown_name_is_not_a_dead_end() {
        let cases = [
            "stage 新手 {\n    after 1d: goto 老客户\n  }",
            "exit on 退款\n  stage 新手 {\n    after 1d: send x \"hi\"\n  }",
            "goal 复购: 购买 within 30d\n  stage 新手 {\n  }",
        ];
        for case in cases {
            let text = format!(
                "event 注册\njourney 新客 {{\n  timezone \"UTC\"\n  entry on 注册\n  {case}\n}}\n"
            );
            let codes: Vec<Code> = check_source(&text)
                .diagnostics
                .iter()
                .map(|d| d.code)
                .collect();
            assert!(!codes.contains(&Code::DeadEndStage), "{case}: {codes:?}");
            assert!(
                codes.iter().any(|c| c.severity() == Severity::Error),
                "{case}: {codes:?}"
            );
        }
    }
}

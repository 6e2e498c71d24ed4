//! Goals of both forms (`EVENT if COND`, `when COND`) with their `from stage`, and the
//! names of a journey's named splits (language v2 §3).

use super::model::{Goal, Reach, StageId};
use super::scope::LocalScope;
use super::{Checker, Report};
use crate::source::Span;
use crate::syntax::ast;

impl Checker<'_> {
    /// A goal's model; `None` when its event is unknown (reported).
    pub(super) fn goal(&mut self, g: &ast::Goal, stages: &LocalScope<StageId>) -> Option<Goal> {
        let reach = match &g.reach {
            ast::Reach::Event { event, cond } => {
                // the condition first: references are recorded in file order
                let handled = self.decls.events.get(&event.name);
                let cond =
                    self.handling(handled, |c| cond.as_ref().map(|x| c.cond(x, Some(stages))));
                Reach::Event {
                    event: self.event_ref(event)?,
                    event_span: event.span,
                    cond,
                }
            }
            // no event is being handled: `EVENT.FIELD` here is J0320
            ast::Reach::When(c) => Reach::When(self.cond(c, Some(stages))),
        };
        let within = g.within.as_ref().map(|w| self.window(w, "goal"));
        let from = match &g.from {
            Some(s) => Some(self.stage_ref(stages, s, None)?),
            None => None,
        };
        Some(Goal {
            name: g.name.name.clone(),
            reach,
            within,
            from,
            span: g.span,
        })
    }

    /// Split names are unique within a journey: a second split of the same name is an
    /// error pointing at both.
    pub(super) fn split_names(&mut self, j: &ast::Journey) {
        let splits = named_splits(j);
        let mut names: LocalScope<Span> = LocalScope::with_capacity(splits.len());
        for (name, _) in splits {
            if let Err(earlier) = names.declare(&name.name, name.span) {
                self.duplicate("kind-split", name, earlier);
            }
        }
    }
}

/// A journey's named splits in source order, each with the span of the whole split.
pub(super) fn named_splits(j: &ast::Journey) -> Vec<(&ast::Ident, Span)> {
    fn walk<'a>(actions: &'a [ast::Action], out: &mut Vec<(&'a ast::Ident, Span)>) {
        for a in actions {
            match a {
                ast::Action::Split { name, arms, span } => {
                    out.extend(name.as_ref().map(|n| (n, *span)));
                    arms.iter().for_each(|arm| walk(&arm.actions, out));
                }
                ast::Action::If { branches, .. } => {
                    branches.iter().for_each(|b| walk(&b.actions, out));
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for rule in (j.rules.iter()).chain(j.stages.iter().flat_map(|s| &s.rules)) {
        if let ast::RuleBody::Actions(actions) = &rule.body {
            walk(actions, &mut out);
        }
    }
    out
}

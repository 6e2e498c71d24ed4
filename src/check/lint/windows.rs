//! J0426: a `today in` window that ends before every population starts — the
//! condition is false for the whole simulation (language-v2.md §10, issue 14). Read
//! in entries, exits, `when` triggers, guards and `if` branches.

use crate::check::model::{Branch, Cond, Entry, ExitLine, Journey, Spanned, Trigger};
use crate::check::visit::{walk_actions, Visit};
use crate::diag::{Code, Diagnostic};
use crate::i18n::msg;
use crate::source::Span;
use crate::units::DateRange;

/// The `today in` windows of journey `j`'s entry, exits, triggers and guards, with
/// where each is written.
pub(in crate::check) fn of(j: &Journey) -> Vec<(DateRange, Span)> {
    let mut out = Vec::new();
    let entry = match &j.entry {
        Entry::On { cond, .. } => cond.as_ref(),
        Entry::When(c) => Some(c),
    };
    let exits = j.exits.iter().filter_map(|e| match e {
        ExitLine::When(c) => Some(c),
        ExitLine::On(..) => None,
    });
    let rules = j.all_rules();
    let triggers = rules.clone().filter_map(|r| match &r.trigger {
        Trigger::When(c) => Some(c),
        _ => None,
    });
    let guards = rules
        .clone()
        .filter_map(|r| r.guard.as_ref().map(|g| &g.cond));
    for c in entry.into_iter().chain(exits).chain(triggers).chain(guards) {
        windows(c, &mut out);
    }
    let mut branches = Branches(&mut out);
    rules.for_each(|r| branches.visit_rule(r));
    out
}

/// Adds the windows of the `if` branches' conditions, nested ones included.
struct Branches<'o>(&'o mut Vec<(DateRange, Span)>);

impl<'m> Visit<'m> for Branches<'_> {
    fn visit_branch(&mut self, b: &'m Branch) {
        if let Some(c) = &b.cond {
            windows(c, self.0);
        }
        walk_actions(self, &b.actions);
    }
}

fn windows(c: &Spanned<Cond>, out: &mut Vec<(DateRange, Span)>) {
    match &c.node {
        Cond::TodayIn(range) => out.push((*range, c.span)),
        Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| windows(c, out)),
        Cond::Not(c) => windows(c, out),
        _ => {}
    }
}

/// Warns on each window whose last day is before the earliest population `start`.
pub(super) fn check(
    starts: &[(chrono::NaiveDateTime, &str)],
    windows: &[(DateRange, Span)],
    out: &mut Vec<Diagnostic>,
) {
    let Some(&(start, population)) = starts.iter().min() else {
        return;
    };
    let start = start.date();
    for &(range, span) in windows.iter().filter(|(r, _)| r.last < start) {
        out.push(
            Diagnostic::new(
                Code::DateWindowBeforeStart,
                msg!(
                    "window-before-start",
                    window = range.to_string(),
                    population = population,
                    start = start.to_string()
                ),
                span,
                msg!("window-before-start.label"),
            )
            .with_help(msg!("window-before-start.help")),
        );
    }
}

//! The diagnostics of a file, checked as a stream (issue 11, item 9): the
//! declarations are parsed and bound first, then each journey and population is
//! parsed, checked and linted on its own, in parallel, keeping only its diagnostics
//! and the little that the analyses across items need (the goals, the touchpoints
//! sent on, what the populations produce for J0414; the use marks for J0401) — so no syntax tree
//! or model of the whole file is ever held. The diagnostics are those of
//! [`super::check_source`] (a test compares them on every example and fixture).

use super::model::{Goal, Id, TouchpointId};
use super::{check_item, decls, lint, portfolio, Checker, Decls, ItemModel};
use crate::diag::Diagnostic;
use crate::syntax::{self, ast};
use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};

/// The diagnostics of `text`, sorted; `None` when it has a syntax error (the whole
/// file's parse, with its recovery, reports it).
pub(super) fn diagnostics(text: &str) -> Option<Vec<Diagnostic>> {
    let syntax::Deferred {
        comments,
        diagnostics: mut parse_diagnostics,
        items,
        later,
    } = syntax::parse_deferring(text)?;
    let file = ast::File {
        imports: Vec::new(),
        items,
    };
    let (decls, mut diagnostics, _) = decls::Declarer::run(&file);
    let errors = diagnostics.iter().any(Diagnostic::is_error);
    let stream = Stream {
        text,
        decls: &decls,
        // Declarations with errors are not analysed (a segment may refer to itself).
        linter: (!errors).then(|| lint::Linter::new(&decls.model, text)),
        errors: AtomicBool::new(errors),
        sent: decls
            .model
            .touchpoints
            .iter()
            .map(|_| AtomicBool::new(false))
            .collect(),
    };
    // Results come back in file order, whatever the thread count.
    // Each stand-in is freed on its worker, too.
    let items = file.items.into_par_iter().zip(later).enumerate();
    let outcomes = crate::par::map_all(items, |(i, (item, range))| stream.item(i, &item, range));

    let mut journey_warnings = Vec::new();
    let mut found = Vec::new();
    let (mut goals, mut populations) = (Vec::new(), Vec::new());
    let (mut windows, mut dates) = (Vec::new(), Vec::new());
    let (mut zones, mut zone_items) = (Vec::new(), Vec::new());
    for (i, (s, zone)) in outcomes?.into_iter().enumerate() {
        if let Some(zone) = zone {
            zones.push(zone);
            zone_items.push(i);
        }
        let Some(s) = s else { continue };
        diagnostics.extend(s.diagnostics);
        journey_warnings.extend(s.warnings);
        parse_diagnostics.extend(s.parse);
        found.extend(s.lint);
        goals.extend(s.goals);
        windows.extend(s.windows);
        dates.extend(s.dates);
        populations.extend(s.population);
    }
    let mut c = Checker::new(&decls);
    c.warnings(journey_warnings);
    diagnostics.append(&mut c.diagnostics);
    let declared = &decls.declared;
    let name = |z: usize| &*declared.decls[declared.items[zone_items[z]].index()].name;
    diagnostics.extend(portfolio::mixed_timezones(
        &zones,
        name,
        !populations.is_empty(),
    ));
    // As in `check_source`: the linter runs only on a file without errors.
    let linter = stream
        .linter
        .filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    diagnostics.append(&mut parse_diagnostics);
    if let Some(linter) = linter {
        let sent: Vec<TouchpointId> = (stream.sent.iter().enumerate())
            .filter(|(_, sent)| sent.load(Ordering::Relaxed))
            .map(|(t, _)| TouchpointId::from_index(t))
            .collect();
        diagnostics.extend(linter.declarations());
        diagnostics.append(&mut found);
        diagnostics.extend(linter.goals(&populations, &sent, goals.iter(), &windows, &dates));
    }
    lint::allow(text, &comments, &mut diagnostics);
    crate::diag::sort(&mut diagnostics);
    Some(diagnostics)
}

/// What every item's check reads.
struct Stream<'a> {
    text: &'a str,
    decls: &'a Decls,
    /// `None` when the declarations have errors.
    linter: Option<lint::Linter<'a>>,
    /// Set once any error is found: the linter's findings would be dropped.
    errors: AtomicBool,
    /// Per touchpoint: does a journey send on it (for J0414).
    sent: Vec<AtomicBool>,
}

/// What is kept of one item: a journey's or population's [`Streamed`] (for most of them
/// nothing), and a journey's time zone.
type ItemOutcome = (Option<Box<Streamed>>, Option<portfolio::Zone>);

/// What is kept of one journey or population: nothing, for most of them.
#[derive(Default)]
struct Streamed {
    diagnostics: Vec<Diagnostic>,
    /// The journey's own warnings, reported after all errors.
    warnings: Vec<Diagnostic>,
    /// The parser's (warnings only).
    parse: Vec<Diagnostic>,
    lint: Vec<Diagnostic>,
    /// The journey's goals, or what the population produces (for J0414).
    goals: Vec<Goal>,
    /// The journey's `today in` windows (for J0426).
    windows: Vec<(crate::units::DateRange, crate::source::Span)>,
    /// The moments of its `on DATE` rules (for J0440).
    dates: Vec<(chrono::NaiveDateTime, crate::source::Span)>,
    population: Option<lint::Producer>,
}

impl Stream<'_> {
    /// Parses (when `range` is given), checks and lints item `i`: `Some((None, None))`
    /// for a declaration, `None` for a syntax error; a journey's time zone beside (kept
    /// out of the box, which most journeys do not need).
    fn item(
        &self,
        i: usize,
        item: &ast::Item,
        range: Option<(usize, usize)>,
    ) -> Option<ItemOutcome> {
        let (parsed, parse) = match range {
            Some(range) => {
                let (item, parse) = syntax::parse_later(self.text, range, item)?;
                (Some(item), parse)
            }
            None => (None, Vec::new()),
        };
        let Some(outcome) = check_item(self.decls, i, parsed.as_ref().unwrap_or(item)) else {
            return Some((None, None));
        };
        // The syntax tree is freed here, before the linter runs on the model.
        drop(parsed);
        if outcome.diagnostics.iter().any(Diagnostic::is_error) {
            self.errors.store(true, Ordering::Relaxed);
        }
        let linter = self
            .linter
            .as_ref()
            .filter(|_| !self.errors.load(Ordering::Relaxed));
        let mut s = Streamed {
            diagnostics: outcome.diagnostics,
            warnings: outcome.warnings,
            parse,
            ..Streamed::default()
        };
        let mut zone = None;
        match outcome.model {
            Some(ItemModel::Journey(j)) => {
                zone = Some(portfolio::zone(&j));
                if let Some(linter) = linter {
                    let mut sent = Vec::new();
                    s.lint = linter.journey(&j, &mut sent);
                    for t in sent {
                        self.sent[t.index()].store(true, Ordering::Relaxed);
                    }
                }
                s.windows = lint::windows::of(&j);
                s.dates = lint::date_rules::of(&j);
                s.goals = j.goals;
            }
            Some(ItemModel::Population(p)) => {
                if let Some(linter) = linter {
                    s.lint = linter.population(&p);
                }
                s.population = Some(lint::Producer::of(&p));
            }
            None => {}
        }
        let empty = s.diagnostics.is_empty()
            && s.warnings.is_empty()
            && s.parse.is_empty()
            && s.lint.is_empty()
            && s.goals.is_empty()
            && s.population.is_none();
        Some(((!empty).then(|| Box::new(s)), zone))
    }
}

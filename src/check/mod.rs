//! AST → checked model. Resolves every name to an id, checks types, and collects
//! every semantic error and warning of the file (it does not stop at the first).

mod cond;
mod dates;
mod decls;
mod fields;
mod goals;
pub(crate) mod graph;
mod history;
mod journey;
mod lint;
pub mod model;
mod population;
mod portfolio;
pub mod resolve;
pub mod scope;
mod stream;
mod timezone;
pub(crate) mod visit;
mod warnings;

pub use model::Model;
pub use resolve::Resolutions;

use crate::diag::{Code, Diagnostic, Fix, Safety};
use crate::i18n::{msg, Arg, Message};
use crate::source::Span;
use crate::syntax::{self, ast};
use model::*;
use rayon::prelude::*;
use resolve::{DeclId, DeclKind, Declared, Reference};
use scope::Scope;
use std::borrow::Borrow;
use std::sync::atomic::{AtomicBool, Ordering};

/// The outcome of checking one file.
#[derive(Debug, Default)]
pub struct Checked {
    /// Present only when the file has no errors.
    pub model: Option<Model>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every declaration and every resolved reference; for a file with syntax errors,
    /// those of the items that parsed.
    pub resolutions: Resolutions,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Parses and checks source text. Semantic checks run only on a file without
/// syntax errors: names in an unparsed item would otherwise look unknown or unused.
pub fn check_source(text: &str) -> Checked {
    check_consuming(text, syntax::parse(text))
}

/// The diagnostics of [`check_source`], for `journey check`, which needs no model:
/// checked as a stream, each journey parsed, checked, linted and freed in turn
/// (docs/performance.md, item 9); a file with a syntax error takes the whole-file
/// parse, which recovers from it.
pub fn diagnostics(text: &str) -> Vec<Diagnostic> {
    stream::diagnostics(text).unwrap_or_else(|| check_source(text).diagnostics)
}

/// [`check_parsed`] that consumes the parse: each journey's and population's AST is
/// freed as soon as its model is built, so the memory peak holds the AST or the model,
/// not both (docs/performance.md, item 9).
fn check_consuming(text: &str, parsed: syntax::Parsed) -> Checked {
    if parsed.has_errors() {
        return check_parsed(text, &parsed);
    }
    let syntax::Parsed {
        ast,
        comments,
        diagnostics,
    } = parsed;
    let mut checked = check_owned(ast);
    checked.diagnostics.extend(diagnostics);
    lint::run(&comments, text, &mut checked);
    crate::diag::sort(&mut checked.diagnostics);
    checked
}

/// [`check_source`] on a file already parsed (the LSP keeps the parse for its index).
pub fn check_parsed(text: &str, parsed: &syntax::Parsed) -> Checked {
    if parsed.has_errors() {
        let mut diagnostics = parsed.diagnostics.clone();
        crate::diag::sort(&mut diagnostics);
        return Checked {
            model: None,
            diagnostics,
            resolutions: resolve(&parsed.ast),
        };
    }
    let mut checked = check(&parsed.ast);
    checked
        .diagnostics
        .extend(parsed.diagnostics.iter().cloned());
    lint::run(&parsed.comments, text, &mut checked);
    crate::diag::sort(&mut checked.diagnostics);
    checked
}

/// The declarations and references of any AST, also one recovered from a file with
/// syntax errors: the checker's own resolution, its diagnostics discarded.
pub fn resolve(file: &ast::File) -> Resolutions {
    check(file).resolutions
}

/// Checks a parsed file.
pub fn check(file: &ast::File) -> Checked {
    let (decls, diagnostics, segment_refs) = decls::Declarer::run(file);
    let outcomes = check_items(&decls, &file.items, parallel(&file.items));
    gather(decls, diagnostics, segment_refs, outcomes)
}

/// [`check`] that frees each journey's and population's AST once it is checked.
fn check_owned(file: ast::File) -> Checked {
    let (decls, diagnostics, segment_refs) = decls::Declarer::run(&file);
    let parallel = parallel(&file.items);
    let outcomes = check_items(&decls, file.items, parallel);
    gather(decls, diagnostics, segment_refs, outcomes)
}

/// Checks the journeys and populations of a file (`items`: borrowed, or owned to free
/// each item once checked), in file order.
fn check_items<Items, Item>(decls: &Decls, items: Items, parallel: bool) -> Vec<Outcome>
where
    Items: IntoIterator<Item = Item> + IntoParallelIterator<Item = Item>,
    <Items as IntoParallelIterator>::Iter: IndexedParallelIterator,
    Item: Borrow<ast::Item> + Send,
{
    let check = |(i, item): (usize, Item)| check_item(decls, i, item.borrow());
    if parallel {
        items
            .into_par_iter()
            .enumerate()
            .filter_map(check)
            .collect()
    } else {
        IntoIterator::into_iter(items)
            .enumerate()
            .filter_map(check)
            .collect()
    }
}

/// The checked file from its declarations and its items' outcomes (in file order).
fn gather(
    decls: Decls,
    mut diagnostics: Vec<Diagnostic>,
    segment_refs: Vec<Reference>,
    outcomes: Vec<Outcome>,
) -> Checked {
    let mut refs = Vec::with_capacity(outcomes.len() + 1);
    refs.push(segment_refs.into_boxed_slice());

    let mut journeys = Vec::new();
    let mut populations = Vec::new();
    let mut journey_warnings = Vec::new();
    for outcome in outcomes {
        diagnostics.extend(outcome.diagnostics);
        journey_warnings.extend(outcome.warnings);
        refs.push(outcome.refs);
        match outcome.model {
            Some(ItemModel::Journey(j)) => journeys.push(j),
            Some(ItemModel::Population(p)) => populations.push(p),
            None => {}
        }
    }
    let mut c = Checker::new(&decls);
    c.warnings(journey_warnings);
    diagnostics.append(&mut c.diagnostics);
    let zones: Vec<_> = journeys.iter().map(portfolio::zone).collect();
    let name = |i: usize| journeys[i].name.as_str();
    diagnostics.extend(portfolio::mixed_timezones(
        &zones,
        name,
        !populations.is_empty(),
    ));

    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    let mut model = decls.model;
    model.journeys = journeys;
    model.populations = populations;
    Checked {
        model: (!has_errors).then_some(model),
        diagnostics,
        resolutions: Resolutions::new(decls.declared.decls, refs),
    }
}

/// Files with at least this many journeys and populations check them in parallel:
/// each only reads the declarations, and the outcomes come back in file order, so
/// the diagnostics do not depend on the thread count.
const PARALLEL_ITEMS: usize = 32;

fn parallel(items: &[ast::Item]) -> bool {
    let checked = items
        .iter()
        .filter(|i| matches!(i, ast::Item::Journey(_) | ast::Item::Population(_)))
        .count();
    checked >= PARALLEL_ITEMS
}

/// Checks the `i`th item of a file if it is a journey or a population.
fn check_item(decls: &Decls, i: usize, item: &ast::Item) -> Option<Outcome> {
    let mut c = Checker::new(decls);
    let (model, warnings) = match item {
        ast::Item::Journey(j) => {
            c.journey = Some(decls.declared.items[i]);
            let (model, warnings) = c.journey(j);
            (model.map(ItemModel::Journey), warnings)
        }
        ast::Item::Population(p) => (c.population(p).map(ItemModel::Population), Vec::new()),
        _ => return None,
    };
    Some(Outcome {
        model,
        diagnostics: c.diagnostics,
        warnings,
        // Trimmed on the worker, where the list was grown.
        refs: c.refs.into_boxed_slice(),
    })
}

/// What checking one journey or population produced.
struct Outcome {
    model: Option<ItemModel>,
    diagnostics: Vec<Diagnostic>,
    /// The journey's warnings, reported after all errors (as a whole-file pass would).
    warnings: Vec<Diagnostic>,
    /// The references it resolved.
    refs: Box<[Reference]>,
}

/// A checked journey or population.
enum ItemModel {
    Journey(Journey),
    Population(Population),
}

/// Which declarations something refers to, for the unused-declaration warning.
/// The marks are atomic so that checks running in parallel can set them.
#[derive(Debug, Default)]
struct Uses {
    tags: Vec<AtomicBool>,
    events: Vec<AtomicBool>,
    touchpoints: Vec<AtomicBool>,
    segments: Vec<AtomicBool>,
    teams: Vec<AtomicBool>,
}

fn mark(uses: &[AtomicBool], index: usize) {
    uses[index].store(true, Ordering::Relaxed);
}

/// The top-level declarations, their names bound. Built first (in `decls`); after
/// that, checks only read them.
#[derive(Debug, Default)]
struct Decls {
    /// The declarations; journeys and populations are added at the end.
    model: Model,
    tags: Scope<TagId>,
    events: Scope<EventId>,
    touchpoints: Scope<TouchpointId>,
    segments: Scope<SegmentId>,
    teams: Scope<TeamId>,
    journeys: Scope<JourneyId>,
    policies: Scope<PolicyId>,
    uses: Uses,
    /// Every declaration, for the resolution table.
    declared: Declared,
}

/// Checks conditions, journeys and populations against the declarations.
struct Checker<'d> {
    decls: &'d Decls,
    diagnostics: Vec<Diagnostic>,
    /// The references resolved, for the resolution table.
    refs: Vec<Reference>,
    /// The declaration of the journey being checked: stage names refer to its stages.
    journey: Option<DeclId>,
    /// The event whose fields the condition or action being checked may read (the
    /// trigger of an `on EVENT` rule, the event of an entry, exit line or goal).
    handling: Option<EventId>,
}

/// Reporting shared by the declaration pass and the checks after it.
trait Report {
    fn push(&mut self, d: Diagnostic);

    /// A second declaration of a name. No fix: only the name's span is known here,
    /// not the whole declaration's extent, so removing it could not be exact.
    fn duplicate(&mut self, kind: &'static str, name: &ast::Ident, earlier: Span) {
        self.push(
            Diagnostic::new(
                Code::DuplicateName,
                msg!("duplicate-name", kind = Arg::Word(kind), name = &name.name),
                name.span,
                msg!("duplicate-name.label"),
            )
            .with_label(earlier, msg!("duplicate-name.first"))
            .with_help(msg!("duplicate-name.help")),
        );
    }

    /// A setting given twice; `setting` is its code (`channel`, `tag 风格`).
    fn duplicate_setting(&mut self, setting: &str, span: Span, earlier: Span) {
        self.push(
            Diagnostic::new(
                Code::DuplicateSetting,
                msg!("duplicate-setting", setting = setting),
                span,
                msg!("duplicate-setting.label"),
            )
            .with_label(earlier, msg!("duplicate-setting.first"))
            .with_help(msg!("duplicate-setting.help", setting = setting)),
        );
    }

    fn empty_range(&mut self, span: Span, low: f64, high: f64) {
        let (low, high) = (low.to_string(), high.to_string());
        self.push(
            Diagnostic::new(
                Code::EmptyRange,
                msg!("empty-range", low = &low, high = &high),
                span,
                msg!("empty-range.label"),
            )
            .with_help(msg!("empty-range.help", low = low, high = high)),
        );
    }

    /// A declaration (`kind`, a `kind-…` word, and its name) without a setting it needs.
    fn missing_setting(
        &mut self,
        (kind, name): (&'static str, &str),
        setting: &str,
        span: Span,
        example: &str,
    ) {
        self.push(
            Diagnostic::new(
                Code::MissingSetting,
                msg!(
                    "missing-setting",
                    kind = Arg::Word(kind),
                    name = name,
                    setting = setting
                ),
                span,
                msg!("missing-setting.label", setting = setting),
            )
            .with_help(msg!("missing-setting.help", example = example)),
        );
    }
}

impl Report for Checker<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }
}

/// What a name lookup is for: its kind word and diagnostic code.
#[derive(Clone, Copy)]
enum Kind {
    Tag,
    Event,
    Touchpoint,
    Team,
    Journey,
}

impl Kind {
    fn decl_kind(self) -> DeclKind {
        match self {
            Kind::Tag => DeclKind::Tag,
            Kind::Event => DeclKind::Event,
            Kind::Touchpoint => DeclKind::Touchpoint,
            Kind::Team => DeclKind::Team,
            Kind::Journey => DeclKind::Journey,
        }
    }
}

impl<'d> Checker<'d> {
    fn new(decls: &'d Decls) -> Self {
        Checker {
            decls,
            diagnostics: Vec::new(),
            refs: Vec::new(),
            journey: None,
            handling: None,
        }
    }

    /// A declared tag (borrowed from the declarations, not from `self`).
    fn tag(&self, id: TagId) -> &'d Tag {
        self.decls.model.tag(id)
    }

    fn unknown(&mut self, kind: Kind, name: &ast::Ident) {
        let decls = self.decls;
        let (code, word, suggestion) = match kind {
            Kind::Tag => (Code::UnknownTag, "kind-tag", decls.tags.suggest(&name.name)),
            Kind::Event => (
                Code::UnknownEvent,
                "kind-event",
                decls.events.suggest(&name.name),
            ),
            Kind::Touchpoint => (
                Code::UnknownTouchpoint,
                "kind-touchpoint",
                decls.touchpoints.suggest(&name.name),
            ),
            Kind::Team => (
                Code::UnknownTeam,
                "kind-team",
                decls.teams.suggest(&name.name),
            ),
            Kind::Journey => (
                Code::UnknownJourney,
                "kind-journey",
                decls.journeys.suggest(&name.name),
            ),
        };
        let mut d = Diagnostic::new(
            code,
            msg!("unknown-name", kind = Arg::Word(word), name = &name.name),
            name.span,
            msg!("unknown-name.label", kind = Arg::Word(word)),
        );
        d = match suggestion {
            Some(s) => d.with_suggestion(Some(s)).with_fix(Fix::replace(
                msg!("fix-use-name", name = s),
                Safety::Safe,
                name.span,
                s,
            )),
            None => d.with_help(declaration_help(kind, &name.name)),
        };
        self.push(d);
    }

    /// Resolves a reference: marks the declaration used, or reports the unknown name.
    fn resolve<I: Id>(
        &mut self,
        kind: Kind,
        scope: &Scope<I>,
        uses: &[AtomicBool],
        name: &ast::Ident,
    ) -> Option<I> {
        let id = scope.get(&name.name);
        match id {
            Some(id) => {
                mark(uses, id.index());
                self.refer(kind.decl_kind(), id.index(), name.span);
            }
            None => self.unknown(kind, name),
        }
        id
    }

    fn tag_ref(&mut self, name: &ast::Ident) -> Option<TagId> {
        let d = self.decls;
        self.resolve(Kind::Tag, &d.tags, &d.uses.tags, name)
    }

    fn event_ref(&mut self, name: &ast::Ident) -> Option<EventId> {
        let d = self.decls;
        self.resolve(Kind::Event, &d.events, &d.uses.events, name)
    }

    fn touchpoint_ref(&mut self, name: &ast::Ident) -> Option<TouchpointId> {
        let d = self.decls;
        self.resolve(Kind::Touchpoint, &d.touchpoints, &d.uses.touchpoints, name)
    }

    fn team_ref(&mut self, name: &ast::Ident) -> Option<TeamId> {
        let d = self.decls;
        self.resolve(Kind::Team, &d.teams, &d.uses.teams, name)
    }

    /// A journey named by `enter` (journeys have no unused warning: nothing is marked).
    fn journey_ref(&mut self, name: &ast::Ident) -> Option<JourneyId> {
        let id = self.decls.journeys.get(&name.name);
        match id {
            Some(id) => self.refer(DeclKind::Journey, id.index(), name.span),
            None => self.unknown(Kind::Journey, name),
        }
        id
    }

    /// A positive window (`within`, `inactive`, `over`): zero is a mistake. `window`
    /// names which one, as `zero-window` words it (`within`, `count`, `goal`…).
    fn window(
        &mut self,
        d: &ast::Spanned<crate::units::Duration>,
        window: &'static str,
    ) -> crate::units::Duration {
        if d.value.minutes() == 0 {
            self.push(
                Diagnostic::new(
                    Code::InvalidDuration,
                    msg!("zero-window", window = window),
                    d.span,
                    msg!("zero-window.label"),
                )
                .with_help(msg!("zero-window.help")),
            );
        }
        d.value
    }
}

/// How to declare a name that nothing declares.
fn declaration_help(kind: Kind, name: &str) -> Message {
    let id = match kind {
        Kind::Tag => "declare-tag",
        Kind::Event => "declare-event",
        Kind::Touchpoint => "declare-touchpoint",
        Kind::Team => "declare-team",
        Kind::Journey => "declare-journey",
    };
    Message::new(id).with("name", name)
}

/// Percents that should add up to 100 (with rounding slack for decimals).
fn sums_to_100(total: f64) -> bool {
    (total - 100.0).abs() < 1e-6
}

#[cfg(test)]
mod tests;

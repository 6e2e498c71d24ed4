//! The linter: deeper analyses of a file that checked without errors (J0406–J0415),
//! one file per analysis, and the `# journey: allow J0xxx` comments that silence a
//! warning on the next line.
//!
//! The analyses read the checked model only (names resolved, values typed, each
//! condition and rule part with the span it was written at).

mod allow;
mod branches;
mod classes;
mod conditions;
pub(super) mod date_rules;
mod fixes;
mod goals;
mod known;
mod limits;
mod logic;
mod loops;
mod moments;
mod quiet;
mod same_moment;
mod service_level;
mod splits;
mod timeout;
mod wide;
pub(super) mod windows;

use super::model::{self, Model};
use super::Checked;
use crate::diag::Diagnostic;
use crate::i18n::Arg;
use crate::source::Span;
pub(super) use goals::Producer;
use logic::Logic;
use rayon::prelude::*;

/// Runs every analysis on a checked file (only when it has no errors: conditions
/// and names of a file with errors are not trustworthy), then applies the allow
/// comments to all its warnings.
pub(super) fn run(comments: &[Span], text: &str, checked: &mut Checked) {
    if let Some(model) = &checked.model {
        let linter = Linter::new(model, text);
        let (mut found, per_stage) = rayon::join(
            || {
                let mut out = linter.declarations();
                for p in &model.populations {
                    out.extend(linter.population(p));
                }
                let mut sent = Vec::new();
                for j in &model.journeys {
                    conditions::journey(&linter.cx, j, &mut out);
                    loops::check(&linter.cx, j, &mut out);
                    wide::journey(&linter.cx, j, &mut out);
                    service_level::journey(&linter.cx, j, &mut out);
                    goals::sent_by(j, &mut sent);
                }
                let producers: Vec<_> = model.populations.iter().map(Producer::of).collect();
                let goals = model.journeys.iter().flat_map(|j| &j.goals);
                let windows: Vec<_> = model.journeys.iter().flat_map(windows::of).collect();
                let dates: Vec<_> = model.journeys.iter().flat_map(date_rules::of).collect();
                out.extend(linter.goals(&producers, &sent, goals, &windows, &dates));
                out
            },
            || linter.cx.per_stage(&model.journeys),
        );
        found.extend(per_stage);
        // The caller sorts by position and code: the split of the work across
        // threads does not change the result.
        checked.diagnostics.append(&mut found);
    }
    allow(text, comments, &mut checked.diagnostics);
}

/// Applies the `# journey: allow J0xxx` comments to a file's diagnostics, and
/// completes the fixes that need the file's text (`fixes.rs`): both passes run last,
/// on every diagnostic of the file, whichever way it was checked.
pub(super) fn allow(text: &str, comments: &[Span], diagnostics: &mut Vec<Diagnostic>) {
    allow::apply(text, comments, diagnostics);
    fixes::complete(text, diagnostics);
}

/// The analyses, item by item, against a file's declarations: [`run`] on a whole
/// model, or a check that lints each journey as soon as it is checked and keeps only
/// its findings (`check::stream`). The analyses of one item do not depend on the
/// others, except J0414 ([`Linter::goals`]).
pub(super) struct Linter<'a> {
    cx: Cx<'a>,
}

impl<'a> Linter<'a> {
    /// `model`: the declarations (its journeys and populations are not read).
    pub(super) fn new(model: &'a Model, text: &'a str) -> Self {
        Linter {
            cx: Cx {
                model,
                text,
                logic: Logic::new(model),
            },
        }
    }

    /// The findings on the declarations (the segments' conditions).
    pub(super) fn declarations(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        conditions::segments(&self.cx, &mut out);
        out
    }

    pub(super) fn population(&self, p: &model::Population) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        conditions::population(&self.cx, p, &mut out);
        out
    }

    /// The findings on one journey; the touchpoints it sends on are added to `sent`
    /// (for [`Linter::goals`]).
    pub(super) fn journey(
        &self,
        j: &model::Journey,
        sent: &mut Vec<model::TouchpointId>,
    ) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        conditions::journey(&self.cx, j, &mut out);
        loops::check(&self.cx, j, &mut out);
        wide::journey(&self.cx, j, &mut out);
        service_level::journey(&self.cx, j, &mut out);
        goals::sent_by(j, sent);
        out.extend(self.cx.per_stage(std::slice::from_ref(j)));
        out
    }

    /// J0414, across journeys: goals whose event no population produces (`sent`:
    /// every touchpoint any journey sends on); J0426 and J0440: date windows and
    /// `on DATE` rules over before every population starts.
    /// every touchpoint any journey sends on.
    pub(super) fn goals<'g>(
        &self,
        populations: &[Producer],
        sent: &[model::TouchpointId],
        goals: impl Iterator<Item = &'g model::Goal>,
        windows: &[(crate::units::DateRange, Span)],
        dates: &[(chrono::NaiveDateTime, Span)],
    ) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        goals::check(&self.cx, populations, sent, goals, &mut out);
        let starts: Vec<_> = populations.iter().map(Producer::start).collect();
        windows::check(&starts, windows, &mut out);
        date_rules::check(&starts, dates, &mut out);
        out
    }
}

/// A stage, with its journey.
type StageOf<'a> = (&'a model::Stage, &'a model::Journey);

/// The analyses that look at one stage at a time.
const STAGE_ANALYSES: [fn(&Cx, StageOf, &mut Vec<Diagnostic>); 6] = [
    timeout::check,
    limits::check,
    quiet::check,
    splits::check,
    same_moment::check,
    wide::check,
];

/// Files with at least this many stages analyse them in parallel.
const PARALLEL_STAGES: usize = 64;

/// What every analysis reads.
struct Cx<'a> {
    /// The declarations (analyses of a journey or population are given it).
    model: &'a Model,
    text: &'a str,
    logic: Logic<'a>,
}

impl<'a> Cx<'a> {
    /// The findings of [`STAGE_ANALYSES`] on the stages of `journeys`, stage by stage
    /// in file order.
    fn per_stage<'j>(&self, journeys: &'j [model::Journey]) -> Vec<Diagnostic> {
        let one = |s: StageOf<'j>| {
            let mut out = Vec::new();
            for analysis in STAGE_ANALYSES {
                analysis(self, s, &mut out);
            }
            out
        };
        let stages: Vec<_> = journeys
            .iter()
            .flat_map(|j| j.stages.iter().map(move |s| (s, j)))
            .collect();
        if stages.len() >= PARALLEL_STAGES {
            stages.into_par_iter().flat_map_iter(one).collect()
        } else {
            stages.into_iter().flat_map(one).collect()
        }
    }

    /// The source text at `span` (shown in backticks) when it is short and on one
    /// line, else the catalogue word `fallback`.
    fn quote(&self, span: Span, fallback: &'static str) -> Arg {
        match self.text.get(span.start..span.end) {
            Some(s) if s.chars().count() <= 60 && !s.contains('\n') => {
                Arg::Names(vec![s.to_string()])
            }
            _ => Arg::Word(fallback),
        }
    }
}

//! The linter: deeper analyses of a file that checked without errors (J0406–J0415),
//! one file per analysis, and the `# journey: allow J0xxx` comments that silence a
//! warning on the next line.
//!
//! The analyses read the checked model only (names resolved, values typed, each
//! condition and rule part with the span it was written at).

mod allow;
mod classes;
mod conditions;
mod goals;
mod limits;
mod logic;
mod loops;
mod moments;
mod quiet;
mod same_moment;
mod splits;
mod timeout;

use super::model::{self, Model};
use super::Checked;
use crate::diag::Diagnostic;
use crate::source::Span;
use logic::Logic;
use rayon::prelude::*;

/// Runs every analysis on a checked file (only when it has no errors: conditions
/// and names of a file with errors are not trustworthy), then applies the allow
/// comments to all its warnings.
pub(super) fn run(comments: &[Span], text: &str, checked: &mut Checked) {
    if let Some(model) = &checked.model {
        let cx = Cx {
            model,
            text,
            logic: Logic::new(model),
        };
        let (mut found, per_stage) = rayon::join(
            || {
                let mut out = Vec::new();
                conditions::check(&cx, &mut out);
                goals::check(&cx, &mut out);
                loops::check(&cx, &mut out);
                out
            },
            || cx.per_stage(),
        );
        found.extend(per_stage);
        // The caller sorts by position and code: the split of the work across
        // threads does not change the result.
        checked.diagnostics.append(&mut found);
    }
    allow::apply(text, comments, &mut checked.diagnostics);
}

/// A stage, with its journey.
type StageOf<'a> = (&'a model::Stage, &'a model::Journey);

/// The analyses that look at one stage at a time.
const STAGE_ANALYSES: [fn(&Cx, StageOf, &mut Vec<Diagnostic>); 5] = [
    timeout::check,
    limits::check,
    quiet::check,
    splits::check,
    same_moment::check,
];

/// Files with at least this many stages analyse them in parallel.
const PARALLEL_STAGES: usize = 64;

/// What every analysis reads.
struct Cx<'a> {
    model: &'a Model,
    text: &'a str,
    logic: Logic<'a>,
}

impl<'a> Cx<'a> {
    /// Each stage of every journey, with its journey.
    fn stages(&self) -> impl Iterator<Item = StageOf<'a>> {
        let journeys = self.model.journeys.iter();
        journeys.flat_map(|j| j.stages.iter().map(move |s| (s, j)))
    }

    /// The findings of [`STAGE_ANALYSES`], stage by stage in file order.
    fn per_stage(&self) -> Vec<Diagnostic> {
        let one = |s: StageOf<'a>| {
            let mut out = Vec::new();
            for analysis in STAGE_ANALYSES {
                analysis(self, s, &mut out);
            }
            out
        };
        let stages: Vec<_> = self.stages().collect();
        if stages.len() >= PARALLEL_STAGES {
            stages.into_par_iter().flat_map_iter(one).collect()
        } else {
            stages.into_iter().flat_map(one).collect()
        }
    }

    /// The source text at `span` in backticks when it is short and on one line, else
    /// `fallback`.
    fn quote(&self, span: Span, fallback: &str) -> String {
        match self.text.get(span.start..span.end) {
            Some(s) if s.chars().count() <= 60 && !s.contains('\n') => format!("`{s}`"),
            _ => fallback.to_string(),
        }
    }
}

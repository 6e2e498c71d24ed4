//! The linter: deeper analyses of a file that checked without errors (J0406–J0414),
//! one file per analysis, and the `# journey: allow J0xxx` comments that silence a
//! warning on the next line.
//!
//! The analyses read the checked model (names resolved, values typed) and take spans
//! from the AST beside it; in a file without errors the two match item for item.

mod allow;
mod conditions;
mod goals;
mod limits;
mod logic;
mod moments;
mod quiet;
mod same_moment;
mod splits;
mod timeout;

use super::model::{self, Model};
use super::Checked;
use crate::source::Span;
use crate::syntax::ast;
use logic::Logic;

/// Runs every analysis on a checked file (only when it has no errors: conditions
/// and names of a file with errors are not trustworthy), then applies the allow
/// comments to all its warnings.
pub(super) fn run(file: &ast::File, comments: &[Span], text: &str, checked: &mut Checked) {
    if let Some(model) = &checked.model {
        let cx = Cx {
            file,
            model,
            text,
            logic: Logic::new(model),
        };
        let out = &mut checked.diagnostics;
        conditions::check(&cx, out);
        timeout::check(&cx, out);
        limits::check(&cx, out);
        quiet::check(&cx, out);
        splits::check(&cx, out);
        same_moment::check(&cx, out);
        goals::check(&cx, out);
    }
    allow::apply(text, comments, &mut checked.diagnostics);
}

/// What every analysis reads.
struct Cx<'a> {
    file: &'a ast::File,
    model: &'a Model,
    text: &'a str,
    logic: Logic<'a>,
}

impl<'a> Cx<'a> {
    /// Each journey as written, with its model.
    fn journeys(&self) -> impl Iterator<Item = (&'a ast::Journey, &'a model::Journey)> {
        let asts = self.file.items.iter().filter_map(|i| match i {
            ast::Item::Journey(j) => Some(j),
            _ => None,
        });
        asts.zip(&self.model.journeys)
    }

    /// Each stage of every journey as written, with its model and its journey's.
    fn stages(
        &self,
    ) -> impl Iterator<Item = (&'a ast::Stage, &'a model::Stage, &'a model::Journey)> {
        self.journeys().flat_map(|(ja, jm)| {
            ja.stages
                .iter()
                .zip(&jm.stages)
                .map(move |(a, m)| (a, m, jm))
        })
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

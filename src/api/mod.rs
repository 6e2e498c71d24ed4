//! The library's public surface: parse, check, compile, simulate and format a
//! `.journey` file, render its diagnostics and reports, and serve the language
//! server. Everything else in the crate is private to it, so this list is the
//! whole contract a program that links the library relies on.

mod render;

pub use crate::check::resolve::{
    DeclId, DeclKind, Declaration, FileId, Reference, Resolutions, Target,
};
pub use crate::check::{Checked, Model};
pub use crate::cli::simulate::{Format as ReportFormat, SimulateOptions};
pub use crate::diag::human::Style as HumanStyle;
pub use crate::diag::{Code, Diagnostic, Edit, Fix, Label, Safety, Severity, Worded};
pub use crate::i18n::{words, Arg, Lang, Message};
pub use crate::plan::graph::GraphFormat;
pub use crate::plan::{NoSuchJourney, Plan};
pub use crate::report::{RenderOptions, Report};
pub use crate::source::{SourceFile, Span};
pub use crate::syntax::{Parsed, RESERVED};
pub use render::{render_github, render_human, render_json, render_report, render_sarif};

use crate::cli::simulate::{run_simulation, Produce, Simulated};
use std::path::Path;

/// Parses source text into its syntax tree, with the syntax errors; never fails.
pub fn parse(text: &str) -> Parsed {
    crate::syntax::parse(text)
}

/// Parses and checks source text: every error and warning of the file, and its
/// checked model when it has no errors.
pub fn check(text: &str) -> Checked {
    crate::check::check_source(text)
}

/// The diagnostics of [`check`] without the model, as `journey check` finds them:
/// each journey is parsed, checked and linted in turn, so the memory a file takes is
/// not held all at once.
pub fn check_diagnostics(text: &str) -> Vec<Diagnostic> {
    crate::check::diagnostics(text)
}

/// The plan (`journey compile`) of a checked `model` of `file`: every journey, or
/// only `journey`. [`Plan::to_json`] gives the JSON that runners execute.
pub fn compile(
    file: &SourceFile,
    model: &Model,
    journey: Option<&str>,
) -> Result<Plan, NoSuchJourney> {
    crate::plan::lower(model, file, journey)
}

/// A journey of a plan as a Mermaid or DOT graph (`journey graph`); `model` is the
/// checked model the plan was compiled from.
pub fn graph(journey: &crate::plan::Journey, model: &Model, format: GraphFormat) -> String {
    crate::plan::graph::render(journey, model, format)
}

/// Formats a file (`journey fmt`); a file with syntax errors is not formatted and its
/// errors are returned instead.
pub fn format(text: &str) -> Result<String, Vec<Diagnostic>> {
    crate::fmt::format(text)
}

/// Simulates a journey of the checked `model` of `file` on a population (`journey
/// simulate`). The same options and seed give the same report on any thread count;
/// options out of their documented limits are refused with a message.
pub fn simulate(
    file: &SourceFile,
    model: &Model,
    options: &SimulateOptions,
) -> Result<Report, String> {
    match simulated(file, model, options, Produce::Report(Lang::En))? {
        Simulated::Report(report) => Ok(*report),
        _ => unreachable!("a run asked for a report gives a report"),
    }
}

/// One user's timeline (`journey simulate --trace USER`), users numbered from 0.
pub fn trace(
    file: &SourceFile,
    model: &Model,
    options: &SimulateOptions,
    user: u64,
) -> Result<String, String> {
    // The library speaks English, as its other errors do.
    match simulated(file, model, options, Produce::Trace(user, Lang::En, &[]))? {
        Simulated::Trace(timeline) => Ok(timeline),
        _ => unreachable!("a run asked for a trace gives a trace"),
    }
}

fn simulated(
    file: &SourceFile,
    model: &Model,
    options: &SimulateOptions,
    produce: Produce<'_>,
) -> Result<Simulated, String> {
    let name = Path::new(&file.name);
    run_simulation(name, model, &file.text, options, produce, None)
        .map_err(|e| crate::i18n::words(&e, Lang::En))
}

/// Serves one editor on standard input and output until it sends `exit` (`journey
/// lsp`).
pub fn serve_language_server() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    crate::lsp::run(None, Lang::default(), crate::cli::files::disk())
}

/// Runs the `journey` command line with the process's arguments (the program's
/// `main`).
pub fn run_cli() -> std::process::ExitCode {
    crate::cli::main()
}

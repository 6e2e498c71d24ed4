//! Text for what the facade returns: diagnostics in the four formats of `journey
//! check --format`, and simulation reports in those of `journey simulate --format`.

use super::{Diagnostic, HumanStyle, Lang, RenderOptions, Report, ReportFormat, SourceFile};
use crate::cli::explain;
use crate::diag::{github, human, json, sarif};

/// Diagnostics as `journey check` prints them for a person.
pub fn render_human(file: &SourceFile, diagnostics: &[Diagnostic], style: HumanStyle) -> String {
    human::render(file, diagnostics, style)
}

/// Diagnostics as GitHub Actions workflow commands (`--format github`).
pub fn render_github(file: &SourceFile, diagnostics: &[Diagnostic], lang: Lang) -> String {
    github::render(file, diagnostics, lang)
}

/// The JSON report of `journey check --format json` over several files.
pub fn render_json<'a>(
    files: impl IntoIterator<Item = (&'a SourceFile, &'a [Diagnostic])>,
    lang: Lang,
) -> String {
    pretty(&json::report(files, lang))
}

/// The SARIF log of `journey check --format sarif` for one file, with each rule's
/// explanation.
pub fn render_sarif(file: &SourceFile, diagnostics: &[Diagnostic], lang: Lang) -> String {
    pretty(&sarif::log(
        sarif::results(file, diagnostics, lang),
        |code| explain::section(code, lang),
    ))
}

/// A simulation report as `journey simulate --format` writes it (`options`: its
/// layout flags, such as `--daily`).
pub fn render_report(report: &Report, format: ReportFormat, options: RenderOptions) -> String {
    crate::cli::simulate::render(report, format, options)
}

fn pretty(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).expect("a diagnostics report serialises") + "\n"
}

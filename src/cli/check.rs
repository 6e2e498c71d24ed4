//! `journey check PATH...`

use super::output::Stdout;
use super::{exit, explain, fail, files};
use crate::check::diagnostics;
use crate::diag::{github, human, json, sarif, Code, Severity};
use crate::source::SourceFile;
use crate::suggest::nearest;
use clap::ValueEnum;
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (searched recursively for *.journey).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format: `sarif` for code scanning, `github` for pull-request annotations.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Treat warnings as errors (`--deny warnings`).
    #[arg(long, value_enum, value_name = "WHAT")]
    deny: Option<Deny>,
    /// Silence a warning for this run, e.g. `--allow J0409` (repeatable).
    #[arg(long, value_name = "CODE", value_parser = allowed_code)]
    allow: Vec<Code>,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum Deny {
    Warnings,
}

/// What one file adds to the output. It is rendered on the worker thread, so only
/// the output, not the file's text, is kept until everything is printed.
enum Piece {
    Text(String),
    Json(Vec<json::JsonDiagnostic>),
    Sarif(Vec<sarif::SarifResult>),
}

struct Report {
    errors: usize,
    warnings: usize,
    piece: Piece,
}

pub fn run(args: Args) -> u8 {
    let paths = match files::collect(&args.paths) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let style = human::Style::for_stream(std::io::stdout().is_terminal());
    // Files are checked on all cores; results keep the order of `paths`.
    let reports: Vec<Result<Report, String>> = paths
        .par_iter()
        .map(|path| check_file(path, &args, style))
        .collect();

    let mut unreadable = 0;
    let (mut checked, mut errors, mut warnings) = (0, 0, 0);
    let mut json_diagnostics = Vec::new();
    let mut sarif_results = Vec::new();
    let mut out = Stdout::lock();
    for report in reports {
        let report = match report {
            Ok(r) => r,
            Err(e) => {
                fail(e);
                unreadable += 1;
                continue;
            }
        };
        checked += 1;
        errors += report.errors;
        warnings += report.warnings;
        match report.piece {
            Piece::Text(text) => {
                if let Err(e) = out.print(&text) {
                    return fail(e);
                }
            }
            Piece::Json(d) => json_diagnostics.extend(d),
            Piece::Sarif(r) => sarif_results.extend(r),
        }
    }
    let written = match args.format {
        Format::Human | Format::Github => out
            .print(&summary(checked, errors, warnings, unreadable))
            .and_then(|()| out.print("\n")),
        Format::Json => {
            let report = json::JsonReport {
                files: checked,
                errors,
                warnings,
                diagnostics: json_diagnostics,
            };
            out.json(&report)
        }
        Format::Sarif => out.json(&sarif::log(sarif_results, explain::section)),
    };
    if let Err(e) = written.and_then(|()| out.finish()) {
        return fail(e);
    }
    if unreadable > 0 {
        exit::FAILURE
    } else if errors > 0 || (warnings > 0 && args.deny.is_some()) {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

fn check_file(path: &Path, args: &Args, style: human::Style) -> Result<Report, String> {
    let text = files::read(path)?;
    let mut diagnostics = diagnostics(&text);
    diagnostics.retain(|d| d.is_error() || !args.allow.contains(&d.code));
    let name = match args.format {
        Format::Sarif | Format::Github => files::relative_name(path),
        Format::Human | Format::Json => files::display_name(path),
    };
    let file = SourceFile::new(name, text);
    let count = |sev| diagnostics.iter().filter(|d| d.severity == sev).count();
    let piece = match args.format {
        Format::Human if diagnostics.is_empty() => Piece::Text(String::new()),
        Format::Human => Piece::Text(human::render(&file, &diagnostics, style)),
        Format::Github => Piece::Text(github::render(&file, &diagnostics)),
        Format::Json => Piece::Json(
            diagnostics
                .iter()
                .map(|d| json::diagnostic(&file, d))
                .collect(),
        ),
        Format::Sarif => Piece::Sarif(sarif::results(&file, &diagnostics)),
    };
    Ok(Report {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        piece,
    })
}

/// `--allow CODE`: a warning code; anything else is a usage error with a suggestion.
fn allowed_code(text: &str) -> Result<Code, String> {
    match Code::parse(text) {
        Some(code) if code.severity() == Severity::Warning => Ok(code),
        Some(code) => Err(format!(
            "{code} is an error, and errors cannot be allowed (only warnings, J04xx)"
        )),
        None => {
            let warnings = Code::ALL
                .iter()
                .filter(|c| c.severity() == Severity::Warning)
                .map(|c| c.as_str());
            Err(match nearest(&text.trim().to_ascii_uppercase(), warnings) {
                Some(s) => format!("`{text}` is not a warning code; did you mean {s}?"),
                None => format!(
                    "`{text}` is not a warning code; they look like J0409 (`journey explain CODE` says what one means)"
                ),
            })
        }
    }
}

/// The closing line: `checked 3 files: 2 errors, 1 warning`, and how many files
/// could not be read at all.
pub fn summary(files: usize, errors: usize, warnings: usize, unreadable: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let findings = match (errors, warnings) {
        (0, 0) => "no problems found".to_string(),
        (e, 0) => plural(e, "error"),
        (0, w) => plural(w, "warning"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    };
    let mut line = format!("checked {}: {findings}", plural(files, "file"));
    if unreadable > 0 {
        let verb = if unreadable == 1 { "was" } else { "were" };
        line.push_str(&format!("; {} {verb} not read", plural(unreadable, "file")));
    }
    line
}

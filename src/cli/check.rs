//! `journey check PATH...`

use super::{exit, fail, files};
use crate::check::check_source;
use crate::diag::{self, human, Diagnostic, Severity};
use crate::source::SourceFile;
use clap::ValueEnum;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (searched recursively for *.journey).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Treat warnings as errors (`--deny warnings`).
    #[arg(long, value_enum, value_name = "WHAT")]
    deny: Option<Deny>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Deny {
    Warnings,
}

pub fn run(args: Args) -> u8 {
    let paths = match files::collect(&args.paths) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let mut io_failed = false;
    let mut results: Vec<(SourceFile, Vec<Diagnostic>)> = Vec::new();
    for path in &paths {
        match files::read(path) {
            Ok(text) => {
                let checked = check_source(&text);
                results.push((
                    SourceFile::new(files::display_name(path), text),
                    checked.diagnostics,
                ));
            }
            Err(e) => {
                fail(e);
                io_failed = true;
            }
        }
    }

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        Format::Json => {
            let report = diag::json::report(results.iter().map(|(f, d)| (f, d.as_slice())));
            serde_json::to_writer_pretty(&mut out, &report)
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(out))
        }
        Format::Human => write_human(&mut out, &results),
    };
    if written.is_err() {
        return exit::FAILURE;
    }

    let count = |sev| {
        results
            .iter()
            .flat_map(|(_, d)| d)
            .filter(|d| d.severity == sev)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    if io_failed {
        exit::FAILURE
    } else if errors > 0 || (warnings > 0 && args.deny.is_some()) {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

fn write_human(
    out: &mut impl Write,
    results: &[(SourceFile, Vec<Diagnostic>)],
) -> std::io::Result<()> {
    let style = human::Style::for_stream(std::io::stdout().is_terminal());
    for (file, diags) in results {
        out.write_all(human::render(file, diags, style).as_bytes())?;
    }
    let count = |sev| {
        results
            .iter()
            .flat_map(|(_, d)| d)
            .filter(|d| d.severity == sev)
            .count()
    };
    writeln!(
        out,
        "{}",
        summary(
            results.len(),
            count(Severity::Error),
            count(Severity::Warning)
        )
    )
}

/// The closing line: `checked 3 files: 2 errors, 1 warning`.
pub fn summary(files: usize, errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let findings = match (errors, warnings) {
        (0, 0) => "no problems found".to_string(),
        (e, 0) => plural(e, "error"),
        (0, w) => plural(w, "warning"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    };
    format!("checked {}: {findings}", plural(files, "file"))
}

//! `journey fmt [--check] [PATH…]`

use super::output::{self, Stdout};
use super::{exit, fail, files, say_error};
use crate::diag::human;
use crate::i18n::{msg, Lang, Message};
use crate::limits::MAX_INPUT_BYTES;
use crate::source::SourceFile;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (searched recursively for *.journey); `-` formats
    /// standard input to standard output.
    #[arg(value_name = "PATH", default_value = ".")]
    paths: Vec<PathBuf>,
    /// Write nothing; list the files that are not formatted and exit 1 if any.
    #[arg(long)]
    check: bool,
}

/// What happened to one file.
enum Outcome {
    Unchanged,
    /// Reformatted (or, under `--check`, would be).
    Changed,
    /// Not formatted: the rendered syntax errors.
    Invalid(String),
    /// Could not be read or written.
    Failed(Message),
}

impl Args {
    /// The first path, whose project's language is the run's (none for standard input:
    /// the current directory's then).
    pub(super) fn anchor(&self) -> Option<&Path> {
        (self.paths.first().map(PathBuf::as_path)).filter(|p| p.as_os_str() != "-")
    }
}

pub fn run(args: Args, lang: Lang) -> u8 {
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        return if args.paths.len() == 1 {
            stdin(args.check, lang)
        } else {
            fail(msg!("fmt-stdin-alone"), lang)
        };
    }
    let paths = match files::collect(&args.paths) {
        Ok(p) => p,
        Err(e) => return fail(e, lang),
    };
    // Files are formatted on all cores and written by the worker; only the short
    // outcome is kept, and outcomes are reported in path order.
    let outcomes: Vec<Outcome> = paths
        .par_iter()
        .map(|path| format_file(path, args.check, lang))
        .collect();
    let mut code = exit::OK;
    let mut out = Stdout::lock();
    for (path, outcome) in paths.iter().zip(outcomes) {
        match outcome {
            Outcome::Unchanged => {}
            Outcome::Changed => {
                if let Err(e) = out.print(&format!("{}\n", files::display_name(path))) {
                    return fail(e, lang);
                }
                if args.check {
                    code = code.max(exit::FINDINGS);
                }
            }
            Outcome::Invalid(report) => {
                output::eprint(&report);
                say_error(
                    msg!("fmt-not-formatted", file = files::display_name(path)),
                    lang,
                );
                code = code.max(exit::FINDINGS);
            }
            Outcome::Failed(e) => code = code.max(fail(e, lang)),
        }
    }
    match out.finish() {
        Ok(()) => code,
        Err(e) => fail(e, lang),
    }
}

fn format_file(path: &Path, check: bool, lang: Lang) -> Outcome {
    let text = match files::read(path) {
        Ok(t) => t,
        Err(e) => return Outcome::Failed(e),
    };
    match crate::fmt::format(&text) {
        Ok(formatted) if formatted == text => Outcome::Unchanged,
        Ok(_) if check => Outcome::Changed,
        Ok(formatted) => match files::write_atomic(path, formatted.as_bytes()) {
            Ok(()) => Outcome::Changed,
            Err(e) => Outcome::Failed(e),
        },
        Err(errors) => {
            let file = SourceFile::new(files::display_name(path), text);
            Outcome::Invalid(human::render(
                &file,
                &errors,
                human::Style::for_stderr(lang),
            ))
        }
    }
}

/// `journey fmt -`: standard input to standard output (for editors). Under
/// `--check`, prints nothing and exits 1 when the input is not formatted.
fn stdin(check: bool, lang: Lang) -> u8 {
    let text = match files::read_limited(std::io::stdin().lock(), files::STDIN, MAX_INPUT_BYTES)
        .and_then(|bytes| String::from_utf8(bytes).map_err(|_| msg!("fmt-stdin-not-utf8")))
    {
        Ok(text) => text,
        Err(e) => return fail(e, lang),
    };
    match crate::fmt::format(&text) {
        Ok(formatted) if check => {
            if formatted == text {
                exit::OK
            } else {
                exit::FINDINGS
            }
        }
        Ok(formatted) => match output::print(&formatted) {
            Ok(()) => exit::OK,
            Err(e) => fail(e, lang),
        },
        Err(errors) => {
            let file = SourceFile::new("<stdin>", text);
            output::eprint(&human::render(
                &file,
                &errors,
                human::Style::for_stderr(lang),
            ));
            exit::FINDINGS
        }
    }
}

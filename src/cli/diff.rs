//! `journey diff OLD NEW`, `journey diff --base REF PATH`, and `journey diff --schema`.
//! Wires files (or git) to `crate::diff` and output; owns the exit status: 0 when it
//! ran, 1 when NEW has errors or a `--fail-on` condition holds, 2 for usage and I/O.

use super::flags::Refused;
use super::output::{self, Output};
use super::simulate::SimulateOptions;
use super::{exit, fail, files, say_error};
use crate::diff::{self, fail_on::FailOn, render, Diff, ImpactOptions, Version};
use crate::i18n::{msg, words, Lang, Message};
use clap::ValueEnum;
use std::path::{Path, PathBuf};

mod git;
mod read;

#[derive(clap::Args)]
pub struct Args {
    /// The old version, then the new one (with `--base`: the new one only, by default
    /// the current directory): a file, a file with imports (its project), or a
    /// project directory.
    #[arg(value_name = "PATH", num_args = 0..=2)]
    files: Vec<PathBuf>,
    /// Read the old version from git at this revision (`main`, `HEAD~1`, a commit),
    /// through the `git` command: the file, or every file of the project.
    #[arg(long, value_name = "REF")]
    base: Option<String>,
    #[command(flatten)]
    options: SimulateOptions,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Write the diff to this file (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    output: Option<PathBuf>,
    /// Exit 1 when this condition on the impact holds, e.g. `fatigue.p95>3`,
    /// `cost+10%`, `goals.J/G.rate-0.01` (repeatable; docs/diff.md).
    #[arg(long = "fail-on", value_name = "EXPR", value_parser = fail_on)]
    fail_on: Vec<FailOn>,
    /// Print the diff's JSON Schema (docs/diff.schema.json) instead of comparing.
    #[arg(long, conflicts_with_all = ["files", "base", "format"])]
    schema: bool,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Format {
    Human,
    Markdown,
    Json,
}

impl Args {
    /// The new version's file or directory, where the project's `journey.toml` is
    /// looked for.
    pub(super) fn anchor(&self) -> Option<&Path> {
        self.files.last().map(PathBuf::as_path)
    }

    /// The project's `[simulate] seed`, used when `--seed` was not given.
    pub(super) fn default_seed(&mut self, seed: u64) {
        self.options.seed = seed;
    }
}

fn fail_on(text: &str) -> Result<FailOn, Refused> {
    FailOn::parse(text).map_err(Refused)
}

pub fn run(args: Args, lang: Lang) -> u8 {
    let inputs: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    let output = match Output::new(args.output.as_deref(), &inputs) {
        Ok(o) => o,
        Err(e) => return fail(e, lang),
    };
    if args.schema {
        return written(output.write(&diff::schema_json()), lang);
    }
    let (old, new) = match versions(&args) {
        Ok(pair) => pair,
        Err(e) => return fail(e, lang),
    };
    let o = &args.options;
    let options = ImpactOptions {
        journeys: o.journey.clone(),
        population: o.population.clone(),
        users: o.users,
        days: o.days,
        seed: o.seed,
        threads: o.threads,
    };
    let d = match diff::diff(&old, &new, &options, lang) {
        Ok(d) => d,
        Err(e) => return fail(e, lang),
    };
    let text = match args.format {
        Format::Human => render::human(&d, lang),
        Format::Markdown => render::markdown(&d, lang),
        Format::Json => d.to_json(),
    };
    if let Err(e) = output.write(&text) {
        return fail(e, lang);
    }
    if new.has_errors() {
        say_error(msg!("diff-new-has-errors", file = new.name.clone()), lang);
        return exit::FINDINGS;
    }
    verdict(&d, &args.fail_on, lang)
}

/// Exit 1 when a `--fail-on` condition holds, listing each on standard error.
fn verdict(d: &Diff, conditions: &[FailOn], lang: Lang) -> u8 {
    if conditions.is_empty() {
        return exit::OK;
    }
    let Some(impact) = &d.impact else {
        return fail(msg!("diff-fail-on-no-impact"), lang);
    };
    let mut held = Vec::new();
    for c in conditions {
        match c.triggered(impact) {
            Ok(true) => held.push(c.text.clone()),
            Ok(false) => {}
            Err(e) => return fail(e, lang),
        }
    }
    for text in &held {
        output::eprint(&(words(&msg!("diff-fail-on-held", condition = text.clone()), lang) + "\n"));
    }
    if held.is_empty() {
        exit::OK
    } else {
        exit::FINDINGS
    }
}

fn written(result: Result<(), Message>, lang: Lang) -> u8 {
    match result {
        Ok(()) => exit::OK,
        Err(e) => fail(e, lang),
    }
}

/// The two versions the command line names.
fn versions(args: &Args) -> Result<(Version, Version), Message> {
    let here = PathBuf::from(".");
    let (old, new_path) = match (&args.base, args.files.as_slice()) {
        (Some(base), []) => (git::version(base, &here)?, &here),
        (Some(base), [path]) => (git::version(base, path)?, path),
        (Some(_), _) => return Err(msg!("diff-base-one-path")),
        (None, [old, new]) => (read::version(old, files::display_name(old))?, new),
        (None, _) => return Err(msg!("diff-two-paths")),
    };
    let new = read::version(new_path, files::display_name(new_path))?;
    Ok((old, new))
}

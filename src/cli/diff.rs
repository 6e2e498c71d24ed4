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
use std::process::Command;

#[derive(clap::Args)]
pub struct Args {
    /// The old version, then the new one (with `--base`: the new one only).
    #[arg(value_name = "FILE", num_args = 0..=2)]
    files: Vec<PathBuf>,
    /// Read the old version of the file from git at this revision (`main`, `HEAD~1`,
    /// a commit), through the `git` command.
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
    /// The new version's file, where the project's `journey.toml` is looked for.
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
        // a diff compares one journey: the first named (default: the file's only one)
        journey: o.journey.first().cloned(),
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
        say_error(
            msg!("diff-new-has-errors", file = new.source.name.clone()),
            lang,
        );
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
    let (old_name, old_text, new_path) = match (&args.base, args.files.as_slice()) {
        (Some(base), [path]) => {
            let (name, text) = from_git(base, file(path)?)?;
            (name, text, path)
        }
        (Some(_), _) => return Err(msg!("diff-base-one-path")),
        (None, [old, new]) => (files::display_name(old), files::read(file(old)?)?, new),
        (None, _) => return Err(msg!("diff-two-paths")),
    };
    let new_text = files::read(file(new_path)?)?;
    let new_name = files::display_name(new_path);
    for (name, text) in [(&old_name, &old_text), (&new_name, &new_text)] {
        // Checked alone, a file's imported names would all be unknown: refuse it plainly
        // until a version can hold a project's files.
        if crate::project::has_imports(text) {
            return Err(msg!("diff-no-imports", path = name.clone()));
        }
    }
    Ok((
        Version::load(old_name, old_text),
        Version::load(new_name, new_text),
    ))
}

/// A version is one file until projects land: a directory is refused, plainly.
fn file(path: &Path) -> Result<&Path, Message> {
    if path.is_dir() {
        return Err(msg!(
            "diff-no-directories",
            path = path.display().to_string()
        ));
    }
    Ok(path)
}

/// The text of `path` at revision `base`, named `BASE:PATH`.
fn from_git(base: &str, path: &Path) -> Result<(String, String), Message> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .map_err(|e| msg!("diff-no-git", reason = e.to_string()))
    };
    if !git(&["rev-parse", "--is-inside-work-tree"])?
        .status
        .success()
    {
        return Err(msg!(
            "diff-not-a-repository",
            path = path.display().to_string()
        ));
    }
    let commit = format!("{base}^{{commit}}");
    if !git(&["rev-parse", "--verify", "--quiet", &commit])?
        .status
        .success()
    {
        return Err(msg!("diff-unknown-ref", reference = base));
    }
    let shown = git(&["show", &format!("{base}:./{name}")])?;
    if !shown.status.success() {
        return Err(msg!(
            "diff-not-in-ref",
            path = path.display().to_string(),
            reference = base
        ));
    }
    let text = String::from_utf8(shown.stdout).map_err(|e| {
        msg!(
            "cli-not-utf8",
            path = format!("{base}:{}", path.display()),
            offset = e.utf8_error().valid_up_to().to_string()
        )
    })?;
    Ok((format!("{base}:{}", files::display_name(path)), text))
}

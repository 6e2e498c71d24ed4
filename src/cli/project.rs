//! The project's `journey.toml` for a command: found from the command's file or
//! directory (else the current directory), and read before the command runs.
//! `report merge` takes its parts' project, else the current directory's: parts are
//! often written outside the project (a CI job's temporary folder), and the merge
//! is then run from the project.

use super::Command;
use crate::i18n::Message;
use crate::project::config::Config;
use crate::project::CONFIG;
use std::path::{Path, PathBuf};

/// The configuration for `command`; the default for `lsp`, which reads each
/// project's own.
pub(super) fn config(command: &Command) -> Result<Config, Message> {
    let file_dir = |file: &Path| file.parent().map_or_else(PathBuf::new, Path::to_path_buf);
    // a directory's own project, a file's
    let path_dir = |p: &Path| match p.is_dir() {
        true => p.to_path_buf(),
        false => file_dir(p),
    };
    let dir = match command {
        Command::Lsp(_) => return Ok(Config::default()),
        Command::Fmt(args) => args.anchor().map(path_dir),
        Command::Check(args) => args.anchor().map(path_dir),
        Command::Compile(args) => args.file.as_deref().map(path_dir),
        Command::Simulate(args) => args.file.as_deref().map(path_dir),
        Command::Graph(args) => args.file.as_deref().map(path_dir),
        Command::Diff(args) => args.anchor().map(path_dir),
        Command::Report(args) => Some(file_dir(args.anchor())).filter(|d| in_a_project(d)),
        Command::Explain(_) => None,
    };
    let dir = match dir {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => std::env::current_dir().unwrap_or_default(),
    };
    let dir = dir.canonicalize().unwrap_or(dir);
    let shown = |path: &Path| PathBuf::from(super::files::relative_name(path));
    let config = Config::find(&dir, &super::files::read, &shown);
    match command {
        // `fmt` takes only the language: a broken `journey.toml` is for the commands
        // that use the rest of it to report, not a reason to leave files unformatted.
        Command::Fmt(_) => Ok(config.unwrap_or_default()),
        _ => config,
    }
}

/// Whether `dir` lies in a project: a `journey.toml` in it or above it. (The empty
/// directory of a bare file name is not: the current directory decides then anyway.)
fn in_a_project(dir: &Path) -> bool {
    (dir.canonicalize().ok()).is_some_and(|d| crate::project::root_of(&d).join(CONFIG).is_file())
}

/// Whether `journey simulate` or `journey diff` was given `--seed` (the project's seed
/// is only its default).
pub(super) fn seed_given(matches: &clap::ArgMatches) -> bool {
    matches
        .subcommand()
        .filter(|(name, _)| matches!(*name, "simulate" | "diff"))
        .and_then(|(_, m)| m.value_source("seed"))
        .is_some_and(|s| s == clap::parser::ValueSource::CommandLine)
}

//! The project's `journey.toml` for a command: found from the command's file or
//! directory (else the current directory), and read before the command runs.

use super::Command;
use crate::i18n::Message;
use crate::project::config::Config;
use std::path::{Path, PathBuf};

/// The configuration for `command`; the default for `fmt` and `lsp`, which work
/// on text alone.
pub(super) fn config(command: &Command) -> Result<Config, Message> {
    let file_dir = |file: &Path| file.parent().map_or_else(PathBuf::new, Path::to_path_buf);
    // a directory's own project, a file's
    let path_dir = |p: &Path| match p.is_dir() {
        true => p.to_path_buf(),
        false => file_dir(p),
    };
    let dir = match command {
        Command::Fmt(_) | Command::Lsp(_) => return Ok(Config::default()),
        Command::Check(args) => args.anchor().map(path_dir),
        Command::Compile(args) => args.file.as_deref().map(path_dir),
        Command::Simulate(args) => args.file.as_deref().map(path_dir),
        Command::Graph(args) => args.file.as_deref().map(path_dir),
        Command::Diff(args) => args.anchor().map(path_dir),
        Command::Explain(_) | Command::Report(_) => None,
    };
    let dir = match dir {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => std::env::current_dir().unwrap_or_default(),
    };
    let dir = dir.canonicalize().unwrap_or(dir);
    Config::find(&dir, &super::files::read)
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

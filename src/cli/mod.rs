//! The command line: argument parsing and dispatch. Each subcommand lives in its own
//! file and only wires library stages to files and output.

mod check;
mod compile;
mod diff;
mod entry;
pub(crate) mod explain;
pub(crate) mod files;
mod fix;
mod flags;
mod fmt;
mod graph;
mod help;
mod lsp;
mod output;
mod project;
mod report;
pub(crate) mod simulate;
mod usage;

use crate::i18n::{msg, words, Lang, Message};
use clap::{FromArgMatches, Parser, Subcommand};
use std::process::ExitCode;

/// Exit statuses shared by every subcommand.
pub mod exit {
    pub const OK: u8 = 0;
    /// The input has errors (or warnings under `--deny warnings`).
    pub const FINDINGS: u8 = 1;
    /// Bad usage, or a file could not be read or written.
    pub const FAILURE: u8 = 2;
}

const EXAMPLES: &str = "\
Examples:
  journey check examples/                          check every .journey file under a directory
  journey check campaign.journey --format json     machine-readable diagnostics for CI
  journey check . --deny warnings                  fail on warnings too
  journey check . --format sarif > journey.sarif   SARIF for GitHub code scanning
  journey check . --allow J0409                    silence one warning for this run
  journey explain J0102                            what a code means and how to fix it
  journey simulate campaign.journey                simulate it on its population: report tables
  journey simulate campaign.journey -o r.html      the same report as one HTML page with charts
  journey simulate campaign.journey --trace 7      one simulated user's timeline
  journey compile campaign.journey -o plan.json    the JSON plan runners execute (docs/plan.md)
  journey graph campaign.journey --format mermaid  the journey's stages and transitions
  journey fmt --check .                            list .journey files that are not formatted
  journey diff --base main campaign.journey        what a change does: changes, problems, impact";

#[derive(Parser)]
#[command(
    name = "journey",
    version,
    about = "Check, compile and simulate .journey campaign files (私域运营 journeys).",
    after_help = EXAMPLES,
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of messages: `zh` (中文) or `en`. Default: $JOURNEY_LANG, else the
    /// project's journey.toml, else Chinese when the locale ($LC_ALL, $LC_MESSAGES,
    /// $LANG) is `zh…`, else English.
    #[arg(long, global = true, value_name = "LANG", value_parser = lang)]
    lang: Option<Lang>,
}

/// `--lang`: `en` or `zh` (also as a locale, `zh-CN`).
fn lang(text: &str) -> Result<Lang, flags::Refused> {
    text.parse()
        .map_err(|()| flags::Refused(msg!("cli-bad-lang", value = text)))
}

#[derive(Subcommand)]
enum Command {
    /// Check journey files for errors and warnings.
    Check(check::Args),
    /// Explain a diagnostic code, with a failing example and the fix.
    Explain(explain::Args),
    /// Compile a journey file into the JSON plan that runners execute.
    Compile(compile::Args),
    /// Draw a journey's stages and transitions as a Mermaid or DOT graph.
    Graph(graph::Args),
    /// Format journey files in place, listing those it changed (`--check`: change nothing).
    Fmt(fmt::Args),
    /// Run the language server on stdin/stdout (for editors; see docs/editor.md).
    Lsp(lsp::Args),
    /// Simulate a journey on a population: stages, sends, costs, goals, team workload.
    Simulate(simulate::Args),
    /// Work with simulation reports (merge shards).
    Report(report::Args),
    /// What a change does: semantic changes, new and fixed problems, simulated impact.
    Diff(diff::Args),
}

pub fn main() -> ExitCode {
    // The language is read before parsing, for the help and the usage errors.
    let lang = usage::lang(std::env::args_os());
    let matches = help::command(lang).try_get_matches_from(std::env::args_os());
    let seed_given = matches.as_ref().is_ok_and(project::seed_given);
    let parsed = matches.and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            if let Some(text) = usage::words(&e, lang) {
                output::eprint(&text);
                return ExitCode::from(exit::FAILURE);
            }
            let code = match e.print() {
                // `--help` or `--version` to a full disk or a closed pipe
                Err(io) if !e.use_stderr() => fail(output::stdout_failed(io), lang),
                _ if e.use_stderr() => exit::FAILURE,
                _ => exit::OK,
            };
            return ExitCode::from(code);
        }
    };
    let lang = match Lang::choose(cli.lang) {
        Ok(lang) => lang,
        Err(e) => {
            // Said in English: the language asked for is the one we do not have.
            return ExitCode::from(fail(
                msg!(
                    "cli-bad-lang-variable",
                    variable = e.variable,
                    value = e.value
                ),
                Lang::En,
            ));
        }
    };
    // The project's `journey.toml`: its errors are said in the language chosen
    // without it; its language applies when neither `--lang` nor JOURNEY_LANG chose.
    let config = match project::config(&cli.command) {
        Ok(config) => config,
        Err(e) => return ExitCode::from(fail(e, lang)),
    };
    let lang = match (Lang::explicit(cli.lang), config.lang) {
        (None, Some(project)) => project,
        _ => lang,
    };
    let mut command = cli.command;
    if let Err(e) = entry_file(&mut command) {
        return ExitCode::from(fail(e, lang));
    }
    let code = match command {
        Command::Check(mut args) => {
            args.apply(&config);
            check::run(args, lang)
        }
        Command::Explain(args) => explain::run(args, lang),
        Command::Compile(args) => compile::run(args, lang),
        Command::Graph(args) => graph::run(args, lang),
        Command::Fmt(args) => fmt::run(args, lang),
        Command::Lsp(args) => lsp::run(args, Lang::explicit(cli.lang), lang),
        Command::Simulate(mut args) => {
            if let Some(seed) = config.seed.filter(|_| !seed_given) {
                args.options.seed = seed;
            }
            simulate::run(args, lang)
        }
        Command::Report(args) => report::run(args, lang),
        Command::Diff(mut args) => {
            if let Some(seed) = config.seed.filter(|_| !seed_given) {
                args.default_seed(seed);
            }
            diff::run(args, lang)
        }
    };
    ExitCode::from(code)
}

/// `simulate`, `compile` and `graph` given a directory, or no path, run its entry file
/// ([`entry::resolve`]); `--schema` needs no file.
fn entry_file(command: &mut Command) -> Result<(), Message> {
    let (file, name) = match command {
        Command::Simulate(args) if !args.schema => (&mut args.file, "simulate"),
        Command::Compile(args) if !args.schema => (&mut args.file, "compile"),
        Command::Graph(args) => (&mut args.file, "graph"),
        _ => return Ok(()),
    };
    *file = Some(entry::resolve(file.take(), name)?);
    Ok(())
}

/// Prints a usage or I/O failure the way every subcommand does: `error: …` / `错误：…`.
pub fn fail(message: impl Into<Message>, lang: Lang) -> u8 {
    say_error(message, lang);
    exit::FAILURE
}

/// Prints an error line to standard error: `error: …` / `错误：…`.
pub fn say_error(message: impl Into<Message>, lang: Lang) {
    let message = words(&message.into(), lang);
    output::eprint(&(words(&msg!("cli-error", message = message), lang) + "\n"));
}

//! The command line: argument parsing and dispatch. Each subcommand lives in its own
//! file and only wires library stages to files and output.

mod check;
mod explain;
mod files;
mod output;
mod report;
mod simulate;

use clap::{Parser, Subcommand};
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
  journey check examples/                     check every .journey file under a directory
  journey check campaign.journey --format json  machine-readable diagnostics for CI
  journey check . --deny warnings             fail on warnings too
  journey explain J0102                       what a diagnostic code means and how to fix it
  journey simulate campaign.journey           simulate it on its population: a report in tables
  journey simulate campaign.journey -o r.html the same report as one HTML page with charts
  journey simulate campaign.journey --trace 7 one simulated user's timeline";

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
}

#[derive(Subcommand)]
enum Command {
    /// Check journey files for errors and warnings.
    Check(check::Args),
    /// Explain a diagnostic code, with a failing example and the fix.
    Explain(explain::Args),
    /// Simulate a journey on a population: stages, sends, costs, goals, team workload.
    Simulate(simulate::Args),
    /// Work with simulation reports (merge shards).
    Report(report::Args),
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            let code = if e.use_stderr() {
                exit::FAILURE
            } else {
                exit::OK
            };
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Simulate(args) => simulate::run(args),
        Command::Report(args) => report::run(args),
    };
    ExitCode::from(code)
}

/// Prints a usage or I/O failure the way every subcommand does.
pub fn fail(message: impl std::fmt::Display) -> u8 {
    eprintln!("error: {message}");
    exit::FAILURE
}

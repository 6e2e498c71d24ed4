//! `journey report merge PARTS... [-o FILE]`

use super::simulate::{render, Format};
use super::{exit, fail, files, output};
use crate::report::{self, Partial};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Merge the partial reports of `journey simulate --shard K/N` into the report a
    /// single run gives.
    Merge(MergeArgs),
}

#[derive(clap::Args)]
struct MergeArgs {
    /// Partial reports, one per shard, in any order.
    #[arg(required = true, value_name = "PART")]
    parts: Vec<PathBuf>,
    /// Output format (default: from the `-o` file's extension, else `table`).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(args: Args) -> u8 {
    let Command::Merge(args) = args.command;
    match merge(&args) {
        Ok(text) => match output::write(args.output.as_deref(), &text) {
            Ok(()) => exit::OK,
            Err(e) => fail(e),
        },
        Err(e) => fail(e),
    }
}

fn merge(args: &MergeArgs) -> Result<String, String> {
    let mut parts = Vec::new();
    for path in &args.parts {
        let name = files::display_name(path);
        let text = files::read(path)?;
        let part: Partial = serde_json::from_str(&text)
            .map_err(|e| format!("`{name}` is not a partial report: {e}"))?;
        report::check_partial(&part, &name)?;
        parts.push((name, part));
    }
    let (meta, agg) = report::merge(parts)?;
    let format = args
        .format
        .unwrap_or_else(|| Format::from_path(args.output.as_deref()));
    Ok(render(&report::build(&meta, &agg), format))
}

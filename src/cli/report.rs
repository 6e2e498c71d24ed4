//! `journey report merge PARTS... [-o FILE]`

use super::flags::LayoutFlags;
use super::output::Output;
use super::simulate::{render, Format};
use super::{exit, fail, files};
use crate::i18n::{Lang, Message};
use crate::report::{self, PartialReader};
use std::path::{Path, PathBuf};

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
    #[command(flatten)]
    layout: LayoutFlags,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    output: Option<PathBuf>,
}

impl Args {
    /// The first part, whose project (if it lies in one) is the merge's.
    pub(super) fn anchor(&self) -> &Path {
        let Command::Merge(args) = &self.command;
        &args.parts[0] // clap requires at least one
    }
}

pub fn run(args: Args, lang: Lang) -> u8 {
    let Command::Merge(args) = args.command;
    let inputs: Vec<&Path> = args.parts.iter().map(PathBuf::as_path).collect();
    let result = Output::new(args.output.as_deref(), &inputs)
        .and_then(|output| output.write(&merge(&args, output.path(), lang)?));
    match result {
        Ok(()) => exit::OK,
        Err(e) => fail(e, lang),
    }
}

fn merge(args: &MergeArgs, out: Option<&Path>, lang: Lang) -> Result<String, Message> {
    let mut reader = PartialReader::default();
    let mut parts = Vec::new();
    for path in &args.parts {
        let name = files::display_name(path);
        let part = reader.read(&files::read_bytes(path)?, &name)?;
        parts.push((name, part));
    }
    let journeys = report::merge(parts)?;
    let format = args.format.unwrap_or_else(|| Format::from_path(out));
    let report = report::build_all(&journeys, lang);
    Ok(render(&report, format, args.layout.options()))
}

//! `journey graph FILE [--journey NAME] --format mermaid|dot`

use super::{compile, exit, fail};
use crate::plan::graph::{self, GraphFormat};
use clap::ValueEnum;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The .journey file to draw.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The journey to draw; needed when the file has several.
    #[arg(long, value_name = "NAME")]
    journey: Option<String>,
    /// Mermaid flowchart (renders on GitHub in a ```mermaid block) or Graphviz DOT.
    #[arg(long, value_enum)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Mermaid,
    Dot,
}

pub fn run(args: Args) -> u8 {
    let plan = match compile::load(&args.file, args.journey.as_deref()) {
        Ok(plan) => plan,
        Err(code) => return code,
    };
    let journey = match plan.journeys.as_slice() {
        [one] => one,
        [] => return fail(format!("`{}` declares no journey", args.file.display())),
        several => {
            let names: Vec<&str> = several.iter().map(|j| j.name.as_str()).collect();
            return fail(format!(
                "`{}` has several journeys ({}); pick one with --journey NAME",
                args.file.display(),
                names.join(", ")
            ));
        }
    };
    let format = match args.format {
        Format::Mermaid => GraphFormat::Mermaid,
        Format::Dot => GraphFormat::Dot,
    };
    let text = graph::render(journey, format);
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => exit::OK,
        Err(e) => fail(format!("cannot write the graph to stdout: {e}")),
    }
}

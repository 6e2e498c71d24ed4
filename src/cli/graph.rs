//! `journey graph FILE [--journey NAME] --format mermaid|dot [-o PATH]`

use super::output::Output;
use super::{compile, exit, fail};
use crate::i18n::{msg, Arg, Lang};
use crate::plan;
use crate::plan::graph::{self, GraphFormat};
use clap::ValueEnum;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// The .journey file to draw.
    #[arg(value_name = "FILE")]
    pub(super) file: PathBuf,
    /// The journey to draw; needed when the file has several.
    #[arg(long, value_name = "NAME")]
    journey: Option<String>,
    /// Mermaid flowchart (renders on GitHub in a ```mermaid block) or Graphviz DOT.
    #[arg(long, value_enum)]
    format: Format,
    /// Write to PATH (atomically: all or nothing) instead of stdout.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Mermaid,
    Dot,
}

pub fn run(args: Args, lang: Lang) -> u8 {
    let output = match Output::new(args.output.as_deref(), &[&args.file]) {
        Ok(o) => o,
        Err(e) => return fail(e, lang),
    };
    let (plan, model) = match compile::load(&args.file, args.journey.as_deref(), lang) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let file = args.file.display().to_string();
    let journey = match own_journeys(&plan.journeys, &args.file).as_slice() {
        [one] => *one,
        [] => return fail(msg!("graph-no-journey", file = file), lang),
        several => {
            let names = Arg::NameList(several.iter().map(|j| j.name.clone()).collect());
            return fail(
                msg!("graph-several-journeys", file = file, names = names),
                lang,
            );
        }
    };
    let format = match args.format {
        Format::Mermaid => GraphFormat::Mermaid,
        Format::Dot => GraphFormat::Dot,
    };
    let text = graph::render(journey, &model, format);
    match output.write(&text) {
        Ok(()) => exit::OK,
        Err(e) => fail(e, lang),
    }
}

/// The journeys the file itself declares, when it imports others (a journey file
/// that imports the journeys it hands users on to draws its own); all of them
/// otherwise. Plan locations name files relative to the project root.
fn own_journeys<'a>(journeys: &'a [plan::Journey], file: &Path) -> Vec<&'a plan::Journey> {
    let all: Vec<&plan::Journey> = journeys.iter().collect();
    if all.len() < 2 {
        return all;
    }
    let Ok(path) = file.canonicalize() else {
        return all;
    };
    let root = crate::project::root_of_file(&path);
    let own: Vec<&plan::Journey> = (all.iter().copied())
        .filter(|j| root.join(&j.span.file) == path)
        .collect();
    if own.is_empty() {
        all
    } else {
        own
    }
}

//! `journey graph [FILE|DIR] [--journey NAME] [--format mermaid|dot] [-o PATH]`: one
//! journey, or a file's several journeys together with their hand-offs.

use super::output::Output;
use super::{compile, exit, fail, files};
use crate::i18n::{msg, Lang};
use crate::plan;
use crate::plan::graph::{self, GraphFormat};
use clap::ValueEnum;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// The .journey file to draw; a directory draws its entry file (the one no other
    /// file imports); none, inside a project, the project's.
    #[arg(value_name = "FILE")]
    pub(super) file: Option<PathBuf>,
    /// The journey to draw (default: every journey of the file, together, with the
    /// `enter` hand-offs between them).
    #[arg(long, value_name = "NAME")]
    journey: Option<String>,
    /// Mermaid flowchart (renders on GitHub in a ```mermaid block) or Graphviz DOT
    /// (default: from the `-o` file's extension, `.dot` or `.gv`, else Mermaid).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write to PATH (atomically: all or nothing) instead of stdout.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Mermaid,
    Dot,
}

impl Format {
    /// The format an output file's extension asks for.
    fn from_path(path: Option<&Path>) -> Format {
        match path.and_then(|p| p.extension()) {
            Some(ext) if ext == "dot" || ext == "gv" => Format::Dot,
            _ => Format::Mermaid,
        }
    }
}

pub fn run(args: Args, lang: Lang) -> u8 {
    // `cli::entry_file` has put the file in (a directory's, the project's)
    let Some(file) = &args.file else {
        return exit::FAILURE;
    };
    let output = match Output::new(args.output.as_deref(), &[file]) {
        Ok(o) => o,
        Err(e) => return fail(e, lang),
    };
    let (plan, model) = match compile::load(file, args.journey.as_deref(), lang) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let format = match args
        .format
        .unwrap_or(Format::from_path(args.output.as_deref()))
    {
        Format::Mermaid => GraphFormat::Mermaid,
        Format::Dot => GraphFormat::Dot,
    };
    let name = file.display().to_string();
    let text = match own_journeys(&plan.journeys, file).as_slice() {
        [] => return fail(msg!("graph-no-journey", file = name), lang),
        [one] => graph::render(one, &model, format),
        several => graph::render_portfolio(several, &model, format, &files::display_name(file)),
    };
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

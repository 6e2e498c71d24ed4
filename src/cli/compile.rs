//! `journey compile FILE [--journey NAME] [-o PATH]`, and `journey compile --schema`.

use super::output::{self, Output};
use super::{exit, fail, files, say_error};
use crate::check::{check_source, Model};
use crate::diag::human;
use crate::i18n::{msg, Lang, Message};
use crate::plan::{self, Plan};
use crate::source::SourceFile;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// The .journey file to compile; a directory compiles its entry file (the one no
    /// other file imports); none, inside a project, the project's.
    #[arg(value_name = "FILE")]
    pub(super) file: Option<PathBuf>,
    /// Compile only this journey (declarations are always kept).
    #[arg(long, value_name = "NAME")]
    journey: Option<String>,
    /// Write to PATH (atomically: all or nothing) instead of stdout.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Print the plan's JSON Schema (docs/plan.schema.json) instead of a plan.
    #[arg(long, conflicts_with_all = ["file", "journey"])]
    pub(super) schema: bool,
}

pub fn run(args: Args, lang: Lang) -> u8 {
    let inputs: Vec<&Path> = args.file.iter().map(PathBuf::as_path).collect();
    let output = match Output::new(args.output.as_deref(), &inputs) {
        Ok(o) => o,
        Err(e) => return fail(e, lang),
    };
    let text = match &args.file {
        Some(file) if !args.schema => match load(file, args.journey.as_deref(), lang) {
            Ok((plan, _)) => plan.to_json(),
            Err(code) => return code,
        },
        _ => plan::schema_json(),
    };
    match output.write(&text) {
        Ok(()) => exit::OK,
        Err(e) => fail(e, lang),
    }
}

/// Reads, checks and lowers a file into its plan (returned with the checked model it
/// comes from), printing its diagnostics (errors and warnings) to stderr. `Err` holds the exit status: [`exit::FINDINGS`] when
/// the file has errors, [`exit::FAILURE`] when it cannot be read or `journey`
/// names no journey of it.
pub fn load(path: &Path, journey: Option<&str>, lang: Lang) -> Result<(Plan, Model), u8> {
    let text = files::read(path).map_err(|e| fail(e, lang))?;
    let name = files::display_name(path);
    let style = human::Style::for_stderr(lang);
    let (checked, plan) = if crate::project::has_imports(&text) {
        // The whole closure: one model, each location naming its file.
        let root = crate::project::root_of_file(path);
        let project = crate::project::check(path, text, (&root, &root), &files::read);
        output::eprint(&project.render(&project.checked.diagnostics, style));
        let plan =
            (project.checked.model.as_ref()).map(|model| plan::lower(model, &project.map, journey));
        (project.checked, plan)
    } else {
        let checked = check_source(&text);
        let file = SourceFile::new(name.clone(), text);
        if !checked.diagnostics.is_empty() {
            output::eprint(&human::render(&file, &checked.diagnostics, style));
        }
        let plan = (checked.model.as_ref()).map(|model| plan::lower(model, &file, journey));
        (checked, plan)
    };
    let (Some(model), Some(plan)) = (checked.model, plan) else {
        let errors = checked.diagnostics.iter().filter(|d| d.is_error()).count();
        say_error(
            msg!("compile-not-written", file = &name, count = errors),
            lang,
        );
        return Err(exit::FINDINGS);
    };
    let plan = plan.map_err(|e| fail(no_such_journey(&model, &e.name, &name), lang))?;
    Ok((plan, model))
}

/// `--journey NAME` names no journey of the file: said as `simulate` says it, with
/// the nearest name.
fn no_such_journey(model: &Model, name: &str, file: &str) -> Message {
    match model.journeys.is_empty() {
        true => msg!("compile-no-such-journey", name = name),
        false => crate::sim::portfolio::no_such_journey(model, name, file),
    }
}

//! `journey compile FILE [--journey NAME] [-o PATH]`, and `journey compile --schema`.

use super::output::{self, Output};
use super::{exit, fail, files};
use crate::check::{check_source, Model};
use crate::diag::human;
use crate::i18n::Lang;
use crate::plan::{self, Plan};
use crate::source::SourceFile;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// The .journey file to compile.
    #[arg(value_name = "FILE", required_unless_present = "schema")]
    file: Option<PathBuf>,
    /// Compile only this journey (declarations are always kept).
    #[arg(long, value_name = "NAME")]
    journey: Option<String>,
    /// Write to PATH (atomically: all or nothing) instead of stdout.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Print the plan's JSON Schema (docs/plan.schema.json) instead of a plan.
    #[arg(long, conflicts_with_all = ["file", "journey"])]
    schema: bool,
}

pub fn run(args: Args, lang: Lang) -> u8 {
    let inputs: Vec<&Path> = args.file.iter().map(PathBuf::as_path).collect();
    let output = match Output::new(args.output.as_deref(), &inputs) {
        Ok(o) => o,
        Err(e) => return fail(e),
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
        Err(e) => fail(e),
    }
}

/// Reads, checks and lowers a file into its plan (returned with the checked model it
/// comes from), printing its diagnostics (errors and warnings) to stderr. `Err` holds the exit status: [`exit::FINDINGS`] when
/// the file has errors, [`exit::FAILURE`] when it cannot be read or `journey`
/// names no journey of it.
pub fn load(path: &Path, journey: Option<&str>, lang: Lang) -> Result<(Plan, Model), u8> {
    let text = files::read(path).map_err(fail)?;
    let checked = check_source(&text);
    let file = SourceFile::new(files::display_name(path), text);
    if !checked.diagnostics.is_empty() {
        let style = human::Style::for_stderr(lang);
        output::eprint(&human::render(&file, &checked.diagnostics, style));
    }
    let Some(model) = checked.model else {
        let errors = checked.diagnostics.iter().filter(|d| d.is_error()).count();
        let plural = if errors == 1 { "" } else { "s" };
        output::eprint(&format!(
            "error: `{}` has {errors} error{plural}; nothing was written\n",
            file.name
        ));
        return Err(exit::FINDINGS);
    };
    let plan = plan::lower(&model, &file, journey).map_err(fail)?;
    Ok((plan, model))
}

//! `journey check PATH...`

mod fixes;
mod project;

use super::flags::Refused;
use super::output::Stdout;
use super::{exit, explain, fail, files, fix, output};
use crate::check::diagnostics;
use crate::diag::{github, human, json, sarif, Code, Diagnostic, Severity};
use crate::i18n::{msg, words, Arg, Lang, Message};
use crate::source::SourceFile;
use crate::suggest::nearest;
use clap::ValueEnum;
use project::Unit;
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (searched recursively for *.journey; a directory is
    /// checked as a project). Without one, the project around the current directory.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format: `sarif` for code scanning, `github` for pull-request annotations.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Treat warnings as errors (`--deny warnings`).
    #[arg(long, value_enum, value_name = "WHAT")]
    deny: Option<Deny>,
    /// Silence a warning for this run, e.g. `--allow J0409` (repeatable).
    #[arg(long, value_name = "CODE", value_parser = allowed_code)]
    allow: Vec<Code>,
    /// Apply the safe fixes (full-width punctuation, a misspelt name with one close
    /// match…), rewrite the files, then report what remains.
    #[arg(long)]
    fix: bool,
    /// With `--fix` or `--diff`: also apply the suggested fixes (removing an unused
    /// declaration, adding a timezone…), which a person should review.
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print the fixes as a unified diff and change nothing.
    #[arg(long)]
    diff: bool,
    /// Warnings that fail the check: the project's `[check] deny` codes.
    #[arg(skip)]
    deny_codes: Vec<Code>,
}

impl Args {
    /// The file or directory that says which project this is: the first path.
    pub(super) fn anchor(&self) -> Option<&Path> {
        self.paths.first().map(PathBuf::as_path)
    }

    /// Adds the project's `[check]` policy; the command line's flags win.
    pub(super) fn apply(&mut self, config: &crate::project::config::Config) {
        if config.deny_warnings && self.deny.is_none() {
            self.deny = Some(Deny::Warnings);
        }
        let given = self.allow.clone();
        self.deny_codes = (config.deny.iter())
            .filter(|c| !given.contains(c))
            .copied()
            .collect();
        self.allow
            .extend(config.allow.iter().filter(|c| !self.deny_codes.contains(c)));
    }
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
pub(super) enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum Deny {
    Warnings,
}

/// What one file adds to the output. It is rendered on the worker thread, so only
/// the output, not the file's text, is kept until everything is printed.
pub(super) enum Piece {
    Text(String),
    Json(Vec<json::JsonDiagnostic>),
    Sarif(Vec<sarif::SarifResult>),
}

pub(super) struct Report {
    pub errors: usize,
    pub warnings: usize,
    /// Of the warnings, those the project denies (`[check] deny`).
    pub denied: usize,
    /// How many fixes were made (or, under `--diff`, would be).
    pub fixed: usize,
    pub piece: Piece,
    /// Under `--fix`, the files to rewrite and their fixed texts: written together
    /// once every argument is checked, so that a file that cannot be written leaves
    /// every file as it was.
    pub rewrites: Vec<(PathBuf, String)>,
}

/// What a check reports and what fails it, beyond errors.
pub(super) struct Policy<'a> {
    pub format: Format,
    pub allow: &'a [Code],
    pub deny: &'a [Code],
}

impl Policy<'_> {
    /// How many of `diagnostics` are warnings the project denies.
    pub fn denied<D: std::borrow::Borrow<Diagnostic>>(&self, diagnostics: &[D]) -> usize {
        (diagnostics.iter())
            .filter(|d| !d.borrow().is_error() && self.deny.contains(&d.borrow().code))
            .count()
    }
}

impl Args {
    fn policy(&self) -> Policy<'_> {
        Policy {
            format: self.format,
            allow: &self.allow,
            deny: &self.deny_codes,
        }
    }
}

/// What one argument asks to check: a file on its own, or a project.
enum Job {
    File(PathBuf),
    Project(Unit),
}

pub fn run(args: Args, lang: Lang) -> u8 {
    if args.unsafe_fixes && !(args.fix || args.diff) {
        return fail(msg!("check-unsafe-fixes-alone"), lang);
    }
    let jobs = match jobs(&args) {
        Ok(j) => j,
        Err(e) => return fail(e, lang),
    };
    let style = human::Style::for_stream(std::io::stdout().is_terminal(), lang);
    // Files are checked on all cores; results keep the order of `paths`.
    let mut reports: Vec<Result<Report, Message>> = jobs
        .par_iter()
        .flat_map_iter(|job| match job {
            Job::File(path) => check_path(path, &args, style),
            Job::Project(unit) => check_project(unit, &args, style),
        })
        .collect();
    let rewrites: Vec<(PathBuf, String)> = (reports.iter_mut().flatten())
        .flat_map(|r| std::mem::take(&mut r.rewrites))
        .collect();
    let rewrites: Vec<(&Path, &[u8])> = (rewrites.iter())
        .map(|(path, text)| (path.as_path(), text.as_bytes()))
        .collect();
    if let Err(e) = files::rewrite_all(&rewrites) {
        let e = msg!(
            "check-fix-nothing-written",
            reason = Arg::Message(Box::new(e))
        );
        return fail(e, lang);
    }

    let mut unreadable = 0;
    let (mut checked, mut errors, mut warnings, mut fixed, mut denied) = (0, 0, 0, 0, 0);
    let mut json_diagnostics = Vec::new();
    let mut sarif_results = Vec::new();
    let mut out = Stdout::lock();
    for report in reports {
        let report = match report {
            Ok(r) => r,
            Err(e) => {
                out.flush_before_stderr();
                fail(e, lang);
                unreadable += 1;
                continue;
            }
        };
        checked += 1;
        errors += report.errors;
        warnings += report.warnings;
        denied += report.denied;
        fixed += report.fixed;
        match report.piece {
            Piece::Text(text) => {
                if let Err(e) = out.print(&text) {
                    return fail(e, lang);
                }
            }
            Piece::Json(d) => json_diagnostics.extend(d),
            Piece::Sarif(r) => sarif_results.extend(r),
        }
    }
    let mut done = (args.fix || args.diff).then(|| {
        let done = if args.diff {
            msg!("check-would-fix", count = fixed)
        } else {
            msg!("check-fixed", count = fixed)
        };
        words(&done, lang)
    });
    let written = match args.format {
        _ if args.diff => Ok(()),
        Format::Human | Format::Github => {
            let mut line = summary(checked, errors, warnings, unreadable, lang);
            if let Some(done) = done.take() {
                line.push_str(&words(&msg!("check-and-fixed", fixed = done), lang));
            }
            out.print(&line).and_then(|()| out.print("\n"))
        }
        Format::Json => {
            let report = json::JsonReport {
                files: checked,
                errors,
                warnings,
                diagnostics: json_diagnostics,
            };
            out.json(&report)
        }
        Format::Sarif => out.json(&sarif::log(sarif_results, |code| {
            explain::section(code, lang)
        })),
    };
    if let Err(e) = written.and_then(|()| out.finish()) {
        return fail(e, lang);
    }
    // Machine-read formats and the diff keep standard output to themselves.
    if let Some(done) = done {
        output::eprint(&(done + "\n"));
    }
    if unreadable > 0 {
        exit::FAILURE
    } else if errors > 0 || denied > 0 || (warnings > 0 && args.deny.is_some()) {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

/// The arguments as jobs; no path means the project around the current directory.
fn jobs(args: &Args) -> Result<Vec<Job>, Message> {
    if args.paths.is_empty() {
        let cwd = std::env::current_dir().map_err(|_| msg!("check-no-project"))?;
        let root = crate::project::root_of(&cwd);
        if !root.join(crate::project::CONFIG).is_file() {
            return Err(msg!("check-no-project"));
        }
        return Ok(vec![Job::Project(Unit::dir(&root)?)]);
    }
    let mut jobs = Vec::new();
    for path in &args.paths {
        if path.is_dir() {
            jobs.push(Job::Project(Unit::dir(path)?));
        } else {
            jobs.extend(
                files::collect(std::slice::from_ref(path))?
                    .into_iter()
                    .map(Job::File),
            );
        }
    }
    Ok(jobs)
}

/// A project's reports, fixed first when asked.
fn check_project(unit: &Unit, args: &Args, style: human::Style) -> Vec<Result<Report, Message>> {
    if !(args.fix || args.diff) {
        return project::check(unit, &args.policy(), style);
    }
    let asked = fixes::Asked {
        unsafe_fixes: args.unsafe_fixes,
        diff: args.diff,
    };
    fixes::fix(unit, &args.policy(), &asked, style)
}

/// One file given: with `import` lines, the project it roots; else on its own, but
/// for fixes a file of a project is fixed in it, so that a name it forgot to import is
/// not "fixed" into a near one it has (`project::hints`).
fn check_path(path: &Path, args: &Args, style: human::Style) -> Vec<Result<Report, Message>> {
    let in_project = || {
        let root = crate::project::root_of_file(path);
        root.join(crate::project::CONFIG).is_file()
    };
    match files::read(path) {
        Ok(read)
            if crate::project::has_imports(&read) || (args.fix || args.diff) && in_project() =>
        {
            check_project(&Unit::file(path), args, style)
        }
        read => vec![read.map(|read| check_file(path, read, args, style))],
    }
}

fn check_file(path: &Path, read: String, args: &Args, style: human::Style) -> Report {
    // Without `--fix` or `--diff` the text read is the text checked: it is not copied
    // (10 MB copied on one core, before the parallel work, was measurable).
    let (text, made, original) = if args.fix || args.diff {
        let fixed = fix::fix_text(&read, args.unsafe_fixes, style.lang);
        (fixed.text, fixed.made, Some(read))
    } else {
        (read, Vec::new(), None)
    };
    let mut rewrites = Vec::new();
    if args.fix && !args.diff && original.as_ref().is_some_and(|o| *o != text) {
        rewrites.push((path.to_path_buf(), text.clone()));
    }
    let mut diagnostics = diagnostics(&text);
    diagnostics.retain(|d| d.is_error() || !args.allow.contains(&d.code));
    let count = |sev| diagnostics.iter().filter(|d| d.severity == sev).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let denied = args.policy().denied(&diagnostics);
    if args.format == Format::Human && diagnostics.is_empty() && made.is_empty() && !args.diff {
        // Nothing to render, so no line index to build.
        return Report {
            errors,
            warnings,
            denied,
            fixed: 0,
            piece: Piece::Text(String::new()),
            rewrites,
        };
    }
    let name = match args.format {
        Format::Sarif | Format::Github => files::relative_name(path),
        Format::Human | Format::Json => files::display_name(path),
    };
    let file = SourceFile::new(name, text);
    let fixed = made.len();
    let piece = match args.format {
        _ if args.diff => Piece::Text(fix::unified_diff(
            &file.name,
            original.as_deref().unwrap_or_default(),
            &file.text,
        )),
        Format::Human if !made.is_empty() => Piece::Text(
            fixes_made(&file.name, &made, style.lang) + &human::render(&file, &diagnostics, style),
        ),
        Format::Human => Piece::Text(human::render(&file, &diagnostics, style)),
        Format::Github => Piece::Text(github::render(&file, &diagnostics, style.lang)),
        Format::Json => Piece::Json(
            diagnostics
                .iter()
                .map(|d| json::diagnostic(&file, d, style.lang))
                .collect(),
        ),
        Format::Sarif => Piece::Sarif(sarif::results(&file, &diagnostics, style.lang)),
    };
    Report {
        errors,
        warnings,
        denied,
        fixed,
        piece,
        rewrites,
    }
}

/// The fixes made in one file: a line naming it, then one line per fix.
pub(super) fn fixes_made(name: &str, made: &[(Code, String)], lang: Lang) -> String {
    let mut out = words(
        &msg!("check-fixed-file", file = name, count = made.len()),
        lang,
    );
    out.push('\n');
    for (code, title) in made {
        out.push_str(&format!("  {} {title}\n", code.as_str()));
    }
    out.push('\n');
    out
}

/// `--allow CODE`: a warning code; anything else is a usage error with a suggestion.
fn allowed_code(text: &str) -> Result<Code, Refused> {
    match Code::parse(text) {
        Some(code) if code.severity() == Severity::Warning => Ok(code),
        Some(code) => Err(Refused(msg!("check-allow-error", code = code.as_str()))),
        None => {
            let warnings = Code::ALL
                .iter()
                .filter(|c| c.severity() == Severity::Warning)
                .map(|c| c.as_str());
            Err(Refused(
                match nearest(&text.trim().to_ascii_uppercase(), warnings) {
                    Some(s) => msg!("check-allow-unknown.near", text = text, near = s),
                    None => msg!("check-allow-unknown", text = text),
                },
            ))
        }
    }
}

/// The closing line: `checked 3 files: 2 errors, 1 warning`, and how many files
/// could not be read at all.
pub fn summary(
    files: usize,
    errors: usize,
    warnings: usize,
    unreadable: usize,
    lang: Lang,
) -> String {
    let say = |m| words(&m, lang);
    let errors_words = || say(msg!("errors-count", count = errors));
    let warnings_words = || say(msg!("warnings-count", count = warnings));
    let findings = match (errors, warnings) {
        (0, 0) => say(msg!("check-no-problems")),
        (_, 0) => errors_words(),
        (0, _) => warnings_words(),
        _ => say(msg!(
            "check-errors-and-warnings",
            errors = errors_words(),
            warnings = warnings_words()
        )),
    };
    let files = say(msg!("files-count", count = files));
    let mut line = say(msg!("check-summary", files = files, findings = findings));
    if unreadable > 0 {
        let files = say(msg!("files-count", count = unreadable));
        line.push_str(&say(msg!(
            "check-unreadable",
            files = files,
            count = unreadable
        )));
    }
    line
}

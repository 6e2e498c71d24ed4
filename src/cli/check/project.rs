//! `journey check` on projects: a file with `import` lines, a directory, or (with no
//! path) the project around the current directory. Each root's import closure is
//! checked as one file; diagnostics are named by their file relative to the project
//! root, each reported once however many roots load its file.

use super::{Format, Piece, Policy, Report};
use crate::cli::files;
use crate::diag::{github, human, json, sarif, Code, Diagnostic, Severity};
use crate::i18n::Message;
use crate::project::{self, hints, ProjectChecked};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What to check as one project: its canonical root and its root files.
pub struct Unit {
    pub root: PathBuf,
    pub files: Vec<PathBuf>,
}

impl Unit {
    /// A file with imports, in the project around it.
    pub fn file(path: &Path) -> Unit {
        Unit {
            root: project::root_of_file(path),
            files: vec![path.to_path_buf()],
        }
    }

    /// Every `.journey` file under `dir`, each a root, in sorted path order, in the
    /// project around `dir` (a directory inside a project is named from its root, and
    /// fixes may reach the project's files outside `dir`).
    pub fn dir(dir: &Path) -> Result<Unit, Message> {
        let canonical = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        Ok(Unit {
            root: project::root_of(&canonical),
            files: files::collect(&[dir.to_path_buf()])?,
        })
    }
}

/// Checks a unit: one report per root file (an unreadable root is its error), each
/// diagnostic once in the first root that reports it.
pub fn check(unit: &Unit, policy: &Policy, style: human::Style) -> Vec<Result<Report, Message>> {
    let checked = check_roots(unit, names(unit, policy.format), &files::read);
    reports(&checked, policy, style)
}

/// The directory files are named relative to. Code scanning resolves names against
/// the checkout, where the check runs: SARIF and GitHub annotations name files
/// relative to the current directory (as for single files, `files::relative_name`);
/// the other formats, to the project root.
pub fn names(unit: &Unit, format: Format) -> PathBuf {
    let cwd = std::env::current_dir().and_then(|d| d.canonicalize());
    match (format, cwd) {
        (Format::Sarif | Format::Github, Ok(cwd)) => cwd,
        _ => unit.root.clone(),
    }
}

/// Every root of `unit` checked with its closure, in parallel, the files read by
/// `read`, named relative to `names`; an unknown name that another file of the project
/// declares gets the help and fix of a missing `import` (`project::hints`).
pub fn check_roots(
    unit: &Unit,
    names: PathBuf,
    read: project::Read,
) -> Vec<Result<ProjectChecked, Message>> {
    let mut checked: Vec<Result<ProjectChecked, Message>> = unit
        .files
        .par_iter()
        .map(|path| {
            let text = read(path)?;
            Ok(project::check_diagnostics(
                path,
                text,
                (&unit.root, &names),
                read,
            ))
        })
        .collect();
    if checked.iter().flatten().any(hints::wanted) {
        let declared = hints::Declared::of(&project_files(unit), read);
        for p in checked.iter_mut().flatten() {
            declared.hint(p, &unit.root);
        }
    }
    checked
}

/// Every `.journey` file of `unit`'s project, canonical: under its root when that is a
/// project's (a `journey.toml` marks it), else the unit's own files — a file outside
/// any project is not a reason to walk the folder around it.
fn project_files(unit: &Unit) -> Vec<PathBuf> {
    let files = match unit.root.join(project::CONFIG).is_file() {
        true => files::collect(std::slice::from_ref(&unit.root)).unwrap_or_default(),
        false => unit.files.clone(),
    };
    (files.iter())
        .map(|f| f.canonicalize().unwrap_or_else(|_| f.clone()))
        .collect()
}

/// Which diagnostics of each checked root stand: an unused warning only when no root
/// loading its file uses the declaration (`project::unused_across`); an unreadable
/// root has none.
pub fn standing(checked: &[Result<ProjectChecked, Message>]) -> Vec<Vec<bool>> {
    let ok: Vec<&ProjectChecked> = checked.iter().filter_map(|c| c.as_ref().ok()).collect();
    let mut kept = project::unused_across(&ok).into_iter();
    (checked.iter())
        .map(|c| match c {
            Ok(_) => kept.next().unwrap_or_default(),
            Err(_) => Vec::new(),
        })
        .collect()
}

/// The reports of checked roots: one per root, each diagnostic once.
pub fn reports(
    checked: &[Result<ProjectChecked, Message>],
    policy: &Policy,
    style: human::Style,
) -> Vec<Result<Report, Message>> {
    let mut seen = HashSet::new();
    checked
        .iter()
        .zip(standing(checked))
        .map(|(c, keep)| {
            let p = c.as_ref().map_err(Clone::clone)?;
            let mut diagnostics: Vec<&Diagnostic> = (p.checked.diagnostics.iter())
                .zip(keep)
                .filter(|(d, keep)| *keep && (d.is_error() || !policy.allow.contains(&d.code)))
                .map(|(d, _)| d)
                .filter(|d| seen.insert(identity(p, d)))
                .collect();
            diagnostics.sort_by_key(|d| {
                let span = d.primary_span();
                (p.map.file_of(span.start), span.start, d.code)
            });
            let mut report = report(p, &diagnostics, policy.format, style);
            report.denied = policy.denied(&diagnostics);
            Ok(report)
        })
        .collect()
}

/// What makes two roots' diagnostics the same finding: the file and place of each
/// label, the code and the words.
fn identity(p: &ProjectChecked, d: &Diagnostic) -> (Code, String, Vec<(PathBuf, usize, usize)>) {
    let labels = d.labels.iter().map(|l| {
        let file = &p.map.files[p.map.file_of(l.span.start)];
        (
            file.path.clone(),
            l.span.start - file.base,
            l.span.end - file.base,
        )
    });
    (d.code, format!("{:?}", d.message), labels.collect())
}

fn report(
    p: &ProjectChecked,
    diagnostics: &[&Diagnostic],
    format: Format,
    style: human::Style,
) -> Report {
    let count = |sev| diagnostics.iter().filter(|d| d.severity == sev).count();
    let lang = style.lang;
    let mut text = String::new();
    let mut json_out = Vec::new();
    let mut sarif_out = Vec::new();
    for d in diagnostics {
        for (i, (file, part)) in p.map.split(d).into_iter().enumerate() {
            let source = &p.map.files[file].source;
            let part = std::slice::from_ref(&part);
            match format {
                Format::Human => text.push_str(&human::render(source, part, style)),
                Format::Github => text.push_str(&github::render(source, part, lang)),
                // One entry per finding, in its primary label's file; the labels in
                // other files join it, naming their file.
                Format::Json if i == 0 => json_out.push(json::diagnostic(source, &part[0], lang)),
                Format::Sarif if i == 0 => sarif_out.extend(sarif::results(source, part, lang)),
                Format::Json => {
                    if let Some(d) = json_out.last_mut() {
                        d.relate(source, &part[0], lang);
                    }
                }
                Format::Sarif => {
                    if let Some(r) = sarif_out.last_mut() {
                        r.relate(source, &part[0], lang);
                    }
                }
            }
        }
    }
    Report {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        denied: 0,
        fixed: 0,
        rewrites: Vec::new(),
        piece: match format {
            Format::Json => Piece::Json(json_out),
            Format::Sarif => Piece::Sarif(sarif_out),
            Format::Human | Format::Github => Piece::Text(text),
        },
    }
}

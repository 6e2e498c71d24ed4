//! `journey check --fix` / `--diff` on a project: every root's closure is checked as
//! one, so imported names are known (a correct imported name is never "fixed"), each
//! fix is mapped back to the file its edits are in, and the fixes of all roots are
//! made round after round on the files' texts in memory — a fix in a file that many
//! roots load is made once. Then every changed file is rewritten together, or shown as
//! a diff, and the project is reported as `journey check` reports it.

use super::project::{check_roots, names, reports, standing, Unit};
use super::{fixes_made, Piece, Policy, Report};
use crate::cli::{files, fix};
use crate::diag::{Code, Fix};
use crate::i18n::{msg, words, Lang, Message};
use crate::project::{shown_name, ProjectChecked};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What was asked besides checking.
pub struct Asked {
    /// Also the suggested fixes (`--unsafe-fixes`).
    pub unsafe_fixes: bool,
    /// Show a diff and change nothing (`--diff`), else rewrite the files (`--fix`).
    pub diff: bool,
}

/// A file the fixes changed: its text as read, and as fixed so far.
struct Changed {
    before: String,
    now: String,
    made: Vec<(Code, String)>,
}

/// Fixes `unit` and reports what remains: one report per root, the first also
/// carrying the fixes (their lines, or the diff) and, under `--fix`, the files to
/// rewrite.
pub fn fix(
    unit: &Unit,
    policy: &Policy,
    asked: &Asked,
    style: crate::diag::human::Style,
) -> Vec<Result<Report, Message>> {
    let names = names(unit, policy.format);
    // Canonical path → the file's changed text; files not in it are read from disk.
    let mut changed: BTreeMap<PathBuf, Changed> = BTreeMap::new();
    let mut outside = BTreeSet::new();
    let mut round = 0;
    let checked = loop {
        let checked = {
            let read = |path: &Path| match path.canonicalize().ok().and_then(|p| changed.get(&p)) {
                Some(c) => Ok(c.now.clone()),
                None => files::read(path),
            };
            check_roots(unit, names.clone(), &read)
        };
        if round == fix::MAX_ROUNDS {
            break checked;
        }
        round += 1;
        let offered = offered(&checked, &unit.root, asked.unsafe_fixes, &mut outside);
        let mut progress = false;
        for (path, (text, fixes)) in offered {
            let fixes = fixes.iter().map(|(code, f)| (*code, f));
            let Some(next) = fix::one_round(&text, fixes, style.lang) else {
                continue;
            };
            progress = true;
            let c = changed.entry(path).or_insert_with(|| Changed {
                before: text,
                now: String::new(),
                made: Vec::new(),
            });
            c.now = next.text;
            c.made.extend(next.made);
        }
        if !progress {
            break checked;
        }
    };
    for path in &outside {
        let note = msg!(
            "check-fix-outside",
            file = path.display().to_string(),
            root = unit.root.display().to_string()
        );
        crate::cli::output::eprint(&(words(&note, style.lang) + "\n"));
    }
    changed.retain(|_, c| c.now != c.before);
    let shown = |path: &Path| shown_name(path, &unit.root);
    let lines: String = if asked.diff {
        (changed.iter())
            .map(|(path, c)| fix::unified_diff(&shown(path), &c.before, &c.now))
            .collect()
    } else {
        made_lines(&changed, &shown, policy, style.lang)
    };
    let mut reports = reports(&checked, policy, style);
    if asked.diff {
        // The diff keeps standard output to itself (as for a single file).
        for report in reports.iter_mut().flatten() {
            report.piece = Piece::Text(String::new());
        }
    }
    if let Some(first) = reports.iter_mut().flatten().next() {
        first.fixed = changed.values().map(|c| c.made.len()).sum();
        if let Piece::Text(text) = &mut first.piece {
            text.insert_str(0, &lines);
        }
        if !asked.diff {
            first.rewrites = (changed.into_iter())
                .map(|(path, c)| (path, c.now))
                .collect();
        }
    }
    reports
}

/// The fixes the roots' standing diagnostics offer, by file (canonical path), each
/// with the file's text as checked: safe ones, and suggested ones when asked; a fix
/// that several roots offer, once. A file outside the project root is never written:
/// its fixes go to `outside`.
fn offered(
    checked: &[Result<ProjectChecked, Message>],
    root: &Path,
    unsafe_fixes: bool,
    outside: &mut BTreeSet<PathBuf>,
) -> BTreeMap<PathBuf, (String, Vec<(Code, Fix)>)> {
    let mut by_file: BTreeMap<PathBuf, (String, Vec<(Code, Fix)>)> = BTreeMap::new();
    for (p, keep) in checked.iter().zip(standing(checked)) {
        let Ok(p) = p else { continue };
        for d in (p.checked.diagnostics.iter())
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(d, _)| d)
        {
            let wanted = d
                .fixes
                .iter()
                .filter(|f| fix::wanted(f.safety, unsafe_fixes));
            for (file, local) in wanted.filter_map(|f| p.map.local_fix(f)) {
                let file = &p.map.files[file];
                if !file.path.starts_with(root) {
                    outside.insert(file.path.clone());
                    continue;
                }
                let (_, fixes) = by_file
                    .entry(file.path.clone())
                    .or_insert_with(|| (file.source.text.clone(), Vec::new()));
                if !fixes.iter().any(|(_, f)| *f == local) {
                    fixes.push((d.code, local));
                }
            }
        }
    }
    by_file
}

/// The human format's lines for the fixes made, file by file; nothing in the others.
fn made_lines(
    changed: &BTreeMap<PathBuf, Changed>,
    shown: &dyn Fn(&Path) -> String,
    policy: &Policy,
    lang: Lang,
) -> String {
    if policy.format != super::Format::Human {
        return String::new();
    }
    (changed.iter())
        .map(|(path, c)| fixes_made(&shown(path), &c.made, lang))
        .collect()
}

//! Projects: several files joined by `import` (language-v2 §1). A file's import
//! closure is loaded into one byte space (`map`), its items joined into one AST in
//! import order, and checked as one file is; diagnostics are cut back into files only
//! to be rendered.

pub mod config;
pub mod hints;
mod load;
mod map;

pub use load::{load, load_all, root_of, shown_name, Read};
pub use map::SourceMap;

use crate::check::{self, Checked};
use crate::diag::{human, Code, Diagnostic};
use crate::syntax::ast;
use std::path::{Path, PathBuf};

/// The file that marks a project's root.
pub const CONFIG: &str = "journey.toml";

/// Whether a file's text may have an `import` line: only such a file is loaded as a
/// project, so a single file keeps its single-file path (and its speed) exactly. A
/// line that only looks like one costs nothing but the project path, which checks a
/// file without imports as the single-file path does.
pub fn has_imports(text: &str) -> bool {
    std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|p| p + 1))
        .any(|start| {
            let line = text[start..].trim_start_matches([' ', '\t', '\u{FEFF}']);
            let rest = line.strip_prefix("import").unwrap_or("");
            rest.starts_with([' ', '\t', '"'])
        })
}

/// A file checked with everything it imports.
pub struct ProjectChecked {
    pub map: SourceMap,
    pub checked: Checked,
    /// Whether the closure has a journey or a population: without either it is a
    /// declarations file's, and the checker reports nothing unused.
    pub reports_unused: bool,
}

/// Checks the closure of `entry` (read as `text`) in the project at `root`
/// (canonical; see [`root_of`]), naming files relative to `names`.
pub fn check(entry: &Path, text: String, root: (&Path, &Path), read: Read) -> ProjectChecked {
    let loaded = load::load(entry, text, root, read);
    let checked = check::check_parsed(&loaded.map.text, &loaded.parsed);
    let reports_unused = (loaded.parsed.ast.items.iter())
        .any(|i| matches!(i, ast::Item::Journey(_) | ast::Item::Population(_)));
    ProjectChecked {
        map: loaded.map,
        checked,
        reports_unused,
    }
}

/// [`check`] for `journey check`, which needs no model: a file without imports is
/// checked as `journey check FILE` checks it, streamed (docs/performance.md, item 9),
/// so that checking a directory costs what checking its files one by one does.
pub fn check_diagnostics(
    entry: &Path,
    text: String,
    root: (&Path, &Path),
    read: Read,
) -> ProjectChecked {
    if has_imports(&text) {
        return check(entry, text, root, read);
    }
    // Items open at column 0 (`syntax::chunks`); the checker itself decides what is
    // unused, this only says whether the file is a declarations file.
    let reports_unused = crate::syntax::chunks(&text).iter().any(|&(start, _)| {
        let item = &text[start..];
        ["journey", "population"].iter().any(|k| {
            item.strip_prefix(k)
                .is_some_and(|rest| rest.starts_with([' ', '\t', '`']))
        })
    });
    let checked = Checked {
        diagnostics: check::diagnostics(&text),
        ..Checked::default()
    };
    ProjectChecked {
        map: load::lone(entry, text, root.1),
        checked,
        reports_unused,
    }
}

impl ProjectChecked {
    /// `diagnostics` in the human format, each part in its own file.
    pub fn render(&self, diagnostics: &[Diagnostic], style: human::Style) -> String {
        let mut out = String::new();
        for d in diagnostics {
            for (file, part) in self.map.split(d) {
                let source = &self.map.files[file].source;
                out.push_str(&human::render(source, std::slice::from_ref(&part), style));
            }
        }
        out
    }
}

/// The canonical project root of a file: the nearest directory upward with a
/// `journey.toml`, else the file's own directory.
pub fn root_of_file(path: &Path) -> PathBuf {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    root_of(path.parent().unwrap_or(Path::new(".")))
}

/// For `journey check DIR`, where every file is a root: a declaration is unused only
/// when no root that loads its file uses it, so an unused warning stays only when
/// every root whose closure holds the file (and reports unused declarations at all)
/// reports it. `projects` are the roots' checks; the result says, per root and
/// diagnostic, whether it is kept.
pub fn unused_across(projects: &[&ProjectChecked]) -> Vec<Vec<bool>> {
    use std::collections::HashMap;
    let key = |p: &ProjectChecked, d: &Diagnostic| {
        let span = d.primary_span();
        let file = &p.map.files[p.map.file_of(span.start)];
        (file.path.clone(), span.start - file.base)
    };
    let mut reported: HashMap<(PathBuf, usize), usize> = HashMap::new();
    let mut holding: HashMap<PathBuf, usize> = HashMap::new();
    for p in projects {
        if !p.reports_unused {
            continue;
        }
        for f in &p.map.files {
            *holding.entry(f.path.clone()).or_default() += 1;
        }
        for d in &p.checked.diagnostics {
            if d.code == Code::UnusedDeclaration {
                *reported.entry(key(p, d)).or_default() += 1;
            }
        }
    }
    projects
        .iter()
        .map(|p| {
            (p.checked.diagnostics.iter())
                .map(|d| {
                    d.code != Code::UnusedDeclaration || {
                        let (path, at) = key(p, d);
                        reported.get(&(path.clone(), at)) == holding.get(&path)
                    }
                })
                .collect()
        })
        .collect()
}

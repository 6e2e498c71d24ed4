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
///
/// A line counts when, after spaces, tabs and U+FEFF, it starts with `import` and a
/// space, a tab or `"`. The word is searched for, not every line (a file of 10,000
/// journeys has 140,000 lines and no `import`: this runs on one core before the
/// parallel check).
pub fn has_imports(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memmem::find_iter(bytes, b"import").any(|at| {
        matches!(bytes.get(at + 6), Some(b' ' | b'\t' | b'"')) && blank_line_so_far(&bytes[..at])
    })
}

/// Whether the last line of `before` holds only spaces, tabs and U+FEFF.
fn blank_line_so_far(mut before: &[u8]) -> bool {
    loop {
        match before {
            [] | [.., b'\n'] => return true,
            [rest @ .., b' ' | b'\t'] | [rest @ .., 0xEF, 0xBB, 0xBF] => before = rest,
            _ => return false,
        }
    }
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

#[cfg(test)]
mod tests {
    use super::has_imports;

    /// The definition, line by line: what the search must agree with.
    fn by_lines(text: &str) -> bool {
        text.split('\n').any(|line| {
            let line = line.trim_start_matches([' ', '\t', '\u{FEFF}']);
            let rest = line.strip_prefix("import").unwrap_or("");
            rest.starts_with([' ', '\t', '"'])
        })
    }

    #[test]
    fn an_import_line_is_found_after_blanks_only() {
        assert!(has_imports("import \"a.journey\""));
        assert!(has_imports("tag a: bool\n\t \u{FEFF} import\t\"a\"\n"));
        assert!(has_imports("\u{FEFF}import\"a\""));
        assert!(!has_imports("tag a: bool # import \"a\"\n"));
        assert!(!has_imports("x import \"a\""));
        assert!(!has_imports("imports \"a\"\nimport\nimport"));
        assert!(!has_imports("\rimport \"a\""));
    }

    #[test]
    fn the_search_agrees_with_the_lines_on_every_short_mix() {
        let parts = ["import", " ", "\t", "\u{FEFF}", "\n", "\r", "\"", "x", "ı"];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            texts = (texts.iter())
                .flat_map(|t| parts.iter().map(move |p| format!("{t}{p}")))
                .collect();
            for t in &texts {
                assert_eq!(has_imports(t), by_lines(t), "{t:?}");
            }
        }
    }
}

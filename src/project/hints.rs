//! An unknown name that another file of the project declares: the file referring to it
//! most likely forgot an `import`. Such a diagnostic keeps its code and label, but its
//! help names the file and its fix adds the `import` line (suggested: importing brings
//! in everything that file declares) instead of a "did you mean" that would rewrite a
//! correct name into a near one in scope.

use super::{shown_name, ProjectChecked, Read};
use crate::diag::{Code, Diagnostic, Fix, Safety};
use crate::i18n::msg;
use crate::source::Span;
use crate::syntax::{self, ast};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// The kinds of name an unknown-name code looks for.
fn kinds(code: Code) -> &'static [&'static str] {
    match code {
        Code::UnknownTag => &["tag"],
        Code::UnknownEvent => &["event"],
        Code::UnknownTouchpoint => &["touchpoint"],
        Code::UnknownCondition => &["tag", "segment"],
        Code::UnknownTeam => &["team"],
        Code::UnknownJourney => &["journey"],
        _ => &[],
    }
}

/// Whether any of `checked`'s diagnostics could get a hint: only then is the project
/// read for its declarations.
pub fn wanted(checked: &ProjectChecked) -> bool {
    (checked.checked.diagnostics.iter()).any(|d| !kinds(d.code).is_empty())
}

/// Where each name of the project is declared: (kind, name) → the first file, in the
/// order given, that declares it.
#[derive(Default)]
pub struct Declared(HashMap<(&'static str, String), PathBuf>);

impl Declared {
    /// The top-level declarations of `files` (canonical paths); a file that cannot be
    /// read declares nothing here (it is reported where it is checked).
    pub fn of(files: &[PathBuf], read: Read) -> Declared {
        let mut declared = Declared::default();
        for path in files {
            let Ok(text) = read(path) else { continue };
            for item in syntax::parse(&text).ast.items {
                let (kind, name) = match item {
                    ast::Item::Tag(d) => ("tag", d.name.name),
                    ast::Item::Event(d) => ("event", d.name.name),
                    ast::Item::Touchpoint(d) => ("touchpoint", d.name.name),
                    ast::Item::Segment(d) => ("segment", d.name.name),
                    ast::Item::Team(d) => ("team", d.name.name),
                    ast::Item::Journey(d) => ("journey", d.name.name),
                    ast::Item::Population(_) | ast::Item::Policy(_) => continue,
                };
                declared
                    .0
                    .entry((kind, name))
                    .or_insert_with(|| path.clone());
            }
        }
        declared
    }

    /// Gives each unknown name of `checked` that a file outside its closure declares
    /// the help and the fix of a missing `import`; `root` names that file.
    pub fn hint(&self, checked: &mut ProjectChecked, root: &Path) {
        let map = &checked.map;
        for d in &mut checked.checked.diagnostics {
            let span = d.primary_span();
            let Some(name) = map.text.get(span.start..span.end) else {
                continue;
            };
            let found = (kinds(d.code).iter())
                .find_map(|kind| self.0.get(&(*kind, name.to_string())))
                .filter(|f| !map.files.iter().any(|m| &m.path == *f));
            let Some(declaring) = found else { continue };
            let here = &map.files[map.file_of(span.start)];
            let Some(path) = relative(here.path.parent().unwrap_or(root), declaring) else {
                continue;
            };
            not_imported(d, name, &shown_name(declaring, root), &path, here.base);
        }
    }
}

/// The help and fix of a name declared in `file`, imported from here as `path`; the
/// `import` line goes at the start of the referring file (global offset `start`).
fn not_imported(d: &mut Diagnostic, name: &str, file: &str, path: &str, start: usize) {
    d.help = Some(Box::new(msg!(
        "unknown-not-imported",
        name = name,
        file = file,
        path = path
    )));
    d.fixes = vec![Fix::replace(
        msg!("unknown-not-imported-fix", path = path),
        Safety::Suggested,
        Span::new(start, start),
        format!("import \"{path}\"\n"),
    )];
}

/// `to` as an import path written in `from` (both canonical): `../common.journey`.
fn relative(from: &Path, to: &Path) -> Option<String> {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let up = std::iter::repeat_n("..".to_string(), from.len() - common);
    let down = to[common..]
        .iter()
        .map(|c| c.as_os_str().to_str().map(str::to_string));
    let parts: Option<Vec<String>> = up.map(Some).chain(down).collect();
    Some(parts?.join("/"))
}

#[cfg(test)]
mod tests {
    use super::relative;
    use std::path::Path;

    #[test]
    fn an_import_path_goes_up_to_the_common_folder_then_down() {
        let at = |from: &str, to: &str| relative(Path::new(from), Path::new(to)).unwrap();
        assert_eq!(at("/p/新客", "/p/common.journey"), "../common.journey");
        assert_eq!(at("/p", "/p/shared/c.journey"), "shared/c.journey");
        assert_eq!(at("/p/a/b", "/p/c/d.journey"), "../../c/d.journey");
    }
}

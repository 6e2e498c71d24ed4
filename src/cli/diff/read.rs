//! A version on disk: a directory is a project of every `.journey` file under it (the
//! directory its root, as for `journey check DIR`); a file with `import` lines is its
//! import closure in the project around it; any other file is itself alone.

use crate::cli::files;
use crate::diff::Version;
use crate::i18n::Message;
use crate::project;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The version at `path`, named `name`.
pub fn version(path: &Path, name: String) -> Result<Version, Message> {
    if path.is_dir() {
        let root = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        return directory(name, &root, path);
    }
    let text = files::read(path)?;
    if !project::has_imports(&text) {
        return Ok(Version::load(name, text));
    }
    let root = project::root_of_file(path);
    Ok(Version::project(
        name,
        &root,
        vec![(path.to_path_buf(), text)],
        &files::read,
    ))
}

/// Every `.journey` file under `dir`, in the project at `root`. The files no other
/// file of the directory imports come first (in path order): a directory whose one
/// entry file imports the others (`组合.journey`) then orders its journeys as
/// `journey simulate ENTRY` does, and the impact is that of the entry's.
pub fn directory(name: String, root: &Path, dir: &Path) -> Result<Version, Message> {
    let paths = files::collect(&[dir.to_path_buf()])?;
    let mut entries = Vec::with_capacity(paths.len());
    let mut imported: HashSet<PathBuf> = HashSet::new();
    for path in paths {
        let text = files::read(&path)?;
        let here = path.parent().unwrap_or(Path::new(""));
        for import in crate::syntax::parse(&text).ast.imports {
            if let Ok(target) = here.join(&import.path.value).canonicalize() {
                imported.insert(target);
            }
        }
        entries.push((path, text));
    }
    let is_imported = |p: &PathBuf| p.canonicalize().is_ok_and(|p| imported.contains(&p));
    // stable: path order within each group
    entries.sort_by_key(|(p, _)| is_imported(p));
    Ok(Version::project(name, root, entries, &files::read))
}

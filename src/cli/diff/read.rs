//! A version on disk: a directory is a project of every `.journey` file under it (the
//! directory its root, as for `journey check DIR`); a file with `import` lines is its
//! import closure in the project around it; any other file is itself alone.

use crate::cli::{entry, files};
use crate::diff::Version;
use crate::i18n::Message;
use crate::project;
use std::path::Path;

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
    let mut files = entry::read_dir(dir)?;
    // stable: path order within each group
    files.sort_by_key(|f| f.imported);
    let entries = files.into_iter().map(|f| (f.path, f.text)).collect();
    Ok(Version::project(name, root, entries, &files::read))
}

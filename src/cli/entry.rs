//! The file `journey simulate` and `journey compile` run when given a directory, or no
//! path inside a project: the directory's one *entry file* — the only file holding a
//! journey or a population that no other file of the directory imports
//! (`美妆私域/组合.journey`, which imports the four journeys).

use super::files;
use crate::i18n::{msg, Message};
use crate::syntax::ast::Item;
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

/// A `.journey` file under a directory, read.
pub struct DirFile {
    pub path: PathBuf,
    pub text: String,
    /// Another file of the directory imports it.
    pub imported: bool,
    /// It holds a journey or a population (it is not a declarations file).
    pub runs: bool,
}

/// Every `.journey` file under `dir`, in path order.
pub fn read_dir(dir: &Path) -> Result<Vec<DirFile>, Message> {
    let mut out = Vec::new();
    let mut imported: HashSet<PathBuf> = HashSet::new();
    for path in files::collect(&[dir.to_path_buf()])? {
        let text = files::read(&path)?;
        let ast = crate::syntax::parse(&text).ast;
        let here = path.parent().unwrap_or(Path::new(""));
        for import in &ast.imports {
            if let Ok(target) = here.join(&import.path.value).canonicalize() {
                imported.insert(target);
            }
        }
        let runs = (ast.items.iter()).any(|i| matches!(i, Item::Journey(_) | Item::Population(_)));
        out.push(DirFile {
            path,
            text,
            imported: false,
            runs,
        });
    }
    for file in &mut out {
        file.imported = file
            .path
            .canonicalize()
            .is_ok_and(|p| imported.contains(&p));
    }
    Ok(out)
}

/// The file `journey COMMAND` runs for `path`: a file is itself; a directory, its one
/// entry file; no path, the entry file of the project around the current directory.
pub fn resolve(path: Option<PathBuf>, command: &str) -> Result<PathBuf, Message> {
    let dir = match path {
        Some(path) if !path.is_dir() => return Ok(path),
        Some(dir) => dir,
        None => project_dir().ok_or_else(|| msg!("cli-no-path-no-project", command = command))?,
    };
    let entries: Vec<PathBuf> = (read_dir(&dir)?.into_iter())
        .filter(|f| f.runs && !f.imported)
        .map(|f| tidy(f.path))
        .collect();
    let name = |p: &Path| p.display().to_string();
    match entries.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(msg!(
            "cli-no-entry-file",
            path = name(&dir),
            command = command
        )),
        [first, ..] => {
            const SHOWN: usize = 5;
            let mut names: Vec<String> = entries.iter().take(SHOWN).map(|p| name(p)).collect();
            if entries.len() > SHOWN {
                names.push("…".into());
            }
            Err(msg!(
                "cli-many-entry-files",
                path = name(&dir),
                count = entries.len(),
                names = names.join(", "),
                command = command,
                first = name(first)
            ))
        }
    }
}

/// The root of the project around the current directory (the nearest directory with a
/// `journey.toml`), as a path relative to it (`.`, `..`, `../..`).
fn project_dir() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    let root = cwd
        .ancestors()
        .find(|d| d.join(crate::project::CONFIG).is_file())?;
    let depth = cwd.strip_prefix(root).ok()?.components().count();
    Some(match depth {
        0 => PathBuf::from("."),
        n => std::iter::repeat_n("..", n).collect(),
    })
}

/// `./组合.journey` → `组合.journey`, as the user would type it.
fn tidy(path: PathBuf) -> PathBuf {
    match path.components().next() {
        Some(Component::CurDir) => path.components().skip(1).collect(),
        _ => path,
    }
}

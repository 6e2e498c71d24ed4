//! Loading an import closure: the files, read once each, parsed into one byte space,
//! their items in import order (each file after the files it imports), and the
//! errors of the `import` lines (language-v2 §1).

use super::map::SourceMap;
use crate::diag::{Code, Diagnostic};
use crate::i18n::{msg, Message};
use crate::suggest::nearest;
use crate::syntax::{self, ast};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A closure, parsed: the map of its files and one AST of all their items.
#[derive(Debug)]
pub struct Loaded {
    pub map: SourceMap,
    /// Every file's items in import order; every file's comments and diagnostics
    /// (the import errors among them), global spans throughout.
    pub parsed: syntax::Parsed,
}

/// Where a file stands in the depth-first walk.
enum State {
    /// Its imports are being loaded: an import of it closes a cycle.
    Open,
    Done,
}

/// The project root of a file in `dir`: the nearest directory upward holding a
/// `journey.toml`, else `dir` itself.
pub fn root_of(dir: &Path) -> PathBuf {
    dir.ancestors()
        .find(|d| d.join(super::CONFIG).is_file())
        .unwrap_or(dir)
        .to_path_buf()
}

/// How the loader reads an imported file (the command line's reader, with its size
/// limit and its messages).
pub type Read<'a> = &'a (dyn Fn(&Path) -> Result<String, Message> + Sync);

/// Loads the closure of `entry` (an existing file) within the project at `root`
/// (canonical), naming files relative to `names` (the root, or for code scanning the
/// current directory). The walk keeps its own stack, so a chain of imports however
/// deep cannot overflow the thread's.
pub fn load(entry: &Path, text: String, roots: (&Path, &Path), read: Read) -> Loaded {
    load_all(vec![(entry.to_path_buf(), text)], roots, read)
}

/// [`load`] for several entries (with their texts): their closures joined, each file
/// loaded once, the entries walked in the order given. An entry another one already
/// imported is not walked again, so its items keep their place after that importer's
/// imports.
pub fn load_all(
    entries: Vec<(PathBuf, String)>,
    (root, names): (&Path, &Path),
    read: Read,
) -> Loaded {
    let mut map = SourceMap::default();
    let mut states: HashMap<PathBuf, (usize, State)> = HashMap::new();
    let mut parses: Vec<Option<syntax::Parsed>> = Vec::new();
    let mut order = Vec::new();
    let mut diagnostics = Vec::new();
    let open = |map: &mut SourceMap, parses: &mut Vec<_>, path: PathBuf, text: String| {
        let base = map.add(shown_name(&path, names), path, text);
        let parsed = syntax::parse_at(&map.files.last().unwrap().source.text, base);
        parses.push(Some(parsed));
        map.files.len() - 1
    };
    let mut entries = entries.into_iter();
    // (file, the next of its imports to follow)
    let mut stack: Vec<(usize, usize)> = Vec::new();
    loop {
        let Some(&mut (file, ref mut next)) = stack.last_mut() else {
            // The next entry not loaded yet, opened only now: an earlier entry that
            // imports it finds it unopened, not open (which would read as a cycle).
            let Some((entry, text)) = entries.next() else {
                break;
            };
            let entry = entry.canonicalize().unwrap_or(entry);
            if let std::collections::hash_map::Entry::Vacant(slot) = states.entry(entry) {
                let first = open(&mut map, &mut parses, slot.key().clone(), text);
                slot.insert((first, State::Open));
                stack.push((first, 0));
            }
            continue;
        };
        let imports = &parses[file]
            .as_ref()
            .expect("open files keep their parse")
            .ast
            .imports;
        let Some(import) = imports.get(*next).cloned() else {
            stack.pop();
            let path = &map.files[file].path;
            if let Some(state) = states.get_mut(path) {
                state.1 = State::Done;
            }
            order.push(file);
            continue;
        };
        *next += 1;
        let dir = map.files[file]
            .path
            .parent()
            .unwrap_or(Path::new(""))
            .to_path_buf();
        let target = match resolve(&import, &dir, root) {
            Ok(target) => target,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        match states.get(&target) {
            Some((_, State::Done)) => {}
            Some((at, State::Open)) => {
                let from = stack.iter().position(|(f, _)| f == at).unwrap_or(0);
                let cycle: Vec<String> = stack[from..]
                    .iter()
                    .map(|(f, _)| map.files[*f].source.name.clone())
                    .chain(std::iter::once(map.files[*at].source.name.clone()))
                    .collect();
                diagnostics.push(
                    Diagnostic::new(
                        Code::ImportCycle,
                        msg!("import-cycle", files = cycle.join(" → ")),
                        import.span,
                        msg!("import-cycle.label"),
                    )
                    .with_help(msg!("import-cycle.help")),
                );
            }
            None => match read(&target) {
                Ok(text) => {
                    let id = open(&mut map, &mut parses, target.clone(), text);
                    states.insert(target, (id, State::Open));
                    stack.push((id, 0));
                }
                Err(e) => diagnostics.push(Diagnostic::new(
                    Code::ImportUnreadable,
                    msg!("import-unreadable", reason = e),
                    import.path.span,
                    msg!("import-unreadable.label"),
                )),
            },
        }
    }
    let mut parsed = syntax::Parsed::default();
    for file in &order {
        let part = parses[*file].take().expect("each file is parsed once");
        parsed.ast.imports.extend(part.ast.imports);
        parsed.ast.items.extend(part.ast.items);
        parsed.comments.extend(part.comments);
        parsed.diagnostics.extend(part.diagnostics);
    }
    parsed.comments.sort();
    parsed.diagnostics.extend(diagnostics);
    Loaded { map, parsed }
}

/// The map of a file without imports: itself alone.
pub fn lone(entry: &Path, text: String, names: &Path) -> SourceMap {
    let path = entry.canonicalize().unwrap_or_else(|_| entry.to_path_buf());
    let mut map = SourceMap::default();
    map.add(shown_name(&path, names), path, text);
    map
}

/// The file an `import` names, or why it names none.
fn resolve(import: &ast::Import, dir: &Path, root: &Path) -> Result<PathBuf, Diagnostic> {
    let written = import.path.value.as_str();
    let error = |code, message, label| Diagnostic::new(code, message, import.path.span, label);
    let drive = written.as_bytes().get(1) == Some(&b':');
    if written.contains("://")
        || Path::new(written).has_root()
        || drive
        || written.starts_with('\\')
    {
        return Err(error(
            Code::ImportNotRelative,
            msg!("import-not-relative", path = written),
            msg!("import-not-relative.label"),
        )
        .with_help(msg!("import-not-relative.help")));
    }
    if !written.ends_with(".journey") {
        return Err(error(
            Code::ImportNotJourney,
            msg!("import-not-journey", path = written),
            msg!("import-not-journey.label"),
        )
        .with_help(msg!("import-not-journey.help")));
    }
    let joined = dir.join(written);
    let target = match joined.canonicalize() {
        Ok(target) => target,
        Err(_) => {
            let d = error(
                Code::ImportMissing,
                msg!("import-missing", path = written),
                msg!("import-missing.label"),
            );
            return Err(match sibling_near(&joined) {
                Some(near) => {
                    let near = Path::new(written).with_file_name(near);
                    let near = near.to_string_lossy().replace('\\', "/");
                    d.with_help(msg!("import-missing.near", near = near))
                }
                None => d.with_help(msg!("import-missing.help")),
            });
        }
    };
    let own_root = root_of(dir);
    if !target.starts_with(&own_root) {
        let shown = shown_name(&own_root, root);
        return Err(error(
            Code::ImportLeavesRoot,
            msg!("import-leaves-root", path = written),
            msg!(
                "import-leaves-root.label",
                root = if shown.is_empty() {
                    ".".to_string()
                } else {
                    shown
                }
            ),
        )
        .with_help(msg!("import-leaves-root.help")));
    }
    Ok(target)
}

/// The import path with its file name replaced by the nearest `.journey` file of
/// the same directory, for a missing file's "did you mean".
fn sibling_near(missing: &Path) -> Option<String> {
    let name = missing.file_name()?.to_str()?;
    let entries = std::fs::read_dir(missing.parent()?).ok()?;
    let names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".journey"))
        .collect();
    nearest(name, names.iter().map(String::as_str)).map(str::to_string)
}

/// A path as diagnostics name it: relative to the project root, with `/`.
pub fn shown_name(path: &Path, root: &Path) -> String {
    let Ok(relative) = path.strip_prefix(root) else {
        return path.to_string_lossy().into_owned();
    };
    let parts: Vec<_> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests;

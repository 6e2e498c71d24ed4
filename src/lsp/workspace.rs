//! Projects in the editor (language-v2 §1): every open document is checked with
//! its import closure, as `journey check FILE` checks it, reading each file as the
//! editor has it (an open buffer's unsaved text, else the disk's). So are the files
//! of the document's project that import others, read from disk, so that an edit of
//! a declarations file re-checks the journeys that import it even when they are not
//! open. A file's published diagnostics are those of every checked closure that
//! holds it, merged.

use crate::check::{self, Resolutions};
use crate::diag::{Code, Diagnostic};
use crate::i18n::{Lang, Message};
use crate::ide;
use crate::project::{self, SourceMap};
use crate::source::{SourceFile, Span};
use crate::syntax::{self, ast, Parsed};
use lsp_types::Uri;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

mod watch;

/// A project larger than this is not scanned: its open documents are still checked
/// with their closures, but an edit re-checks only open importers.
const MAX_PROJECT_FILES: usize = 2_000;

/// One file checked with its closure: an open document, or a project file with
/// imports.
#[derive(Debug)]
pub struct Root {
    /// The closure's files, this one first (at base 0, so its own offsets are the
    /// closure's); their joined text is moved into `view`.
    pub map: SourceMap,
    /// Each file's diagnostics from this closure, spans local to that file.
    pub parts: Vec<Vec<Diagnostic>>,
    /// Whether the closure has a journey or a population (else nothing is unused).
    reports_unused: bool,
    /// The editor's index over the closure's text, for an open document.
    pub view: Option<ide::Document>,
}

impl Root {
    /// The index of `path` in the closure.
    fn holds(&self, path: &Path) -> Option<usize> {
        self.map.files.iter().position(|f| f.path == path)
    }
}

/// What the index of an open document is built from, once its diagnostics are out.
pub struct Pending {
    source: SourceFile,
    parsed: Parsed,
    resolutions: Resolutions,
}

struct Open {
    text: String,
    version: Option<i32>,
    /// A `file:` URI: its imports are followed and its project scanned.
    on_disk: bool,
}

pub struct Workspace {
    disk: super::Disk,
    pub roots: HashMap<PathBuf, Root>,
    open: HashMap<PathBuf, Open>,
    /// The path of each URI the editor has named, and back (kept after a document
    /// is closed, so that its diagnostics go on being published to its URI).
    paths: HashMap<Uri, PathBuf>,
    uris: HashMap<PathBuf, Uri>,
    /// The `.journey` files of each project root listed so far (none listed for a
    /// project over [`MAX_PROJECT_FILES`]).
    projects: HashMap<PathBuf, Vec<PathBuf>>,
    /// A hash of what was last published for each URI, so that a file whose
    /// diagnostics did not change is not published again.
    published: HashMap<Uri, u64>,
    /// Each project's `journey.toml`, as last read.
    configs: super::policy::Configs,
    /// Whether the editor reports files changed on disk (a watcher was asked for and
    /// not refused): without it, `journey.toml` is not kept between edits.
    pub watched: bool,
}

/// The diagnostics to publish for one file, each with the text its spans are in.
pub type FileDiagnostics<'a> = Vec<(&'a SourceFile, &'a Diagnostic)>;

impl Workspace {
    pub fn new(disk: super::Disk) -> Workspace {
        Workspace {
            disk,
            roots: HashMap::new(),
            open: HashMap::new(),
            paths: HashMap::new(),
            uris: HashMap::new(),
            projects: HashMap::new(),
            published: HashMap::new(),
            configs: Default::default(),
            watched: false,
        }
    }

    /// The canonical path a document is known by (for another scheme than `file:`,
    /// its URI as a path, which no import can name).
    fn key(uri: &Uri) -> (PathBuf, bool) {
        match super::uri::to_path(uri) {
            Some(path) => (path.canonicalize().unwrap_or(path), true),
            None => (PathBuf::from(uri.as_str()), false),
        }
    }

    pub fn path(&self, uri: &Uri) -> Option<&Path> {
        self.paths.get(uri).map(PathBuf::as_path)
    }

    /// The root and index of an open document.
    pub fn view(&self, uri: &Uri) -> Option<(&Root, &ide::Document)> {
        let root = self.roots.get(self.path(uri)?)?;
        Some((root, root.view.as_ref()?))
    }

    /// The URI of a file: the editor's own for a document it has opened.
    pub fn uri_of(&self, path: &Path) -> Option<Uri> {
        match self.uris.get(path) {
            Some(uri) => Some(uri.clone()),
            None => super::uri::from_path(path),
        }
    }

    pub fn version(&self, path: &Path) -> Option<i32> {
        self.open.get(path).and_then(|o| o.version)
    }

    /// A file as the editor has it: an open buffer's text, else the disk's.
    pub fn read(&self, path: &Path) -> Result<String, Message> {
        match self.open.get(path) {
            Some(open) => Ok(open.text.clone()),
            None => (self.disk.read)(path),
        }
    }

    /// A document opened or changed: checks it and every closure that holds it
    /// (listing its project's files the first time). Returns the re-checked roots
    /// with what their indexes are built from, and the files whose diagnostics may
    /// have changed.
    pub fn set(&mut self, uri: Uri, text: String, version: Option<i32>) -> Changed {
        let (path, on_disk) = Workspace::key(&uri);
        self.paths.insert(uri.clone(), path.clone());
        self.uris.insert(path.clone(), uri.clone());
        let open = Open {
            text,
            version,
            on_disk,
        };
        self.open.insert(path.clone(), open);
        let mut changed = Changed::default();
        if on_disk {
            if !self.watched {
                // Nothing reports a change of the project's `journey.toml`: it is
                // read again on each edit, as once per edit costs nothing.
                let root = project::root_of_file(&path);
                self.configs.forget(&root);
                changed.configs.insert(root.join(project::CONFIG));
            }
            self.scan(&path, &mut changed);
        }
        self.recheck(&path, &mut changed);
        changed
    }

    /// A document closed: its file is checked again as the disk has it, if it is a
    /// project file with imports, and so is every closure that holds it.
    pub fn close(&mut self, uri: &Uri) -> Changed {
        let mut changed = Changed::default();
        let Some(path) = self.paths.get(uri).cloned() else {
            return changed;
        };
        let on_disk = self.open.remove(&path).is_some_and(|o| o.on_disk);
        self.published.remove(uri);
        changed.files.insert(path.clone());
        self.reread(&path, on_disk, &mut changed);
        changed
    }

    /// A file that is not open, as the disk now has it: checked again if it is a
    /// project file with imports (else it is no longer a root), and so is every
    /// closure that holds it.
    fn reread(&mut self, path: &Path, on_disk: bool, changed: &mut Changed) {
        let project = on_disk && self.projects.contains_key(&project::root_of_file(path));
        match (self.disk.read)(path) {
            Ok(text) if project && project::has_imports(&text) => self.recheck(path, changed),
            _ => {
                self.forget_root(path, changed);
                self.recheck_holders(path, changed);
            }
        }
    }

    fn forget_root(&mut self, path: &Path, changed: &mut Changed) {
        if let Some(old) = self.roots.remove(path) {
            changed
                .files
                .extend(old.map.files.into_iter().map(|f| f.path));
        }
    }

    /// Lists the files of `path`'s project once, and checks those with imports:
    /// recursively under a `journey.toml`, else in the file's own directory (a file
    /// elsewhere cannot import it without leaving its root).
    fn scan(&mut self, path: &Path, changed: &mut Changed) {
        let root = project::root_of_file(path);
        if let Some(files) = self.projects.get_mut(&root) {
            // a file made since the listing
            if !files.iter().any(|f| f == path) && files.len() < MAX_PROJECT_FILES {
                files.push(path.to_path_buf());
            }
            return;
        }
        let config = root.join(project::CONFIG);
        let listed = if config.is_file() {
            changed.configs.insert(config);
            (self.disk.list)(&root)
        } else {
            let entries = std::fs::read_dir(&root).into_iter().flatten().flatten();
            let mut files: Vec<PathBuf> = entries
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "journey"))
                .collect();
            files.sort();
            files
        };
        let mut files: Vec<PathBuf> = if listed.len() > MAX_PROJECT_FILES {
            Vec::new()
        } else {
            listed
                .iter()
                .filter_map(|f| f.canonicalize().ok())
                .collect()
        };
        for file in &files {
            if self.open.contains_key(file) || self.roots.contains_key(file) {
                continue;
            }
            if let Ok(text) = (self.disk.read)(file) {
                if project::has_imports(&text) {
                    let (root, _) = self.check(file, text, false);
                    changed
                        .files
                        .extend(root.map.files.iter().map(|f| f.path.clone()));
                    self.roots.insert(file.clone(), root);
                }
            }
        }
        if !files.iter().any(|f| f == path) {
            files.push(path.to_path_buf());
        }
        self.projects.insert(root, files);
    }

    /// The `[project] lang` of the project `path` is in.
    pub fn project_lang(&self, path: &Path) -> Option<Lang> {
        // (not for a document of another scheme than `file:`, which has no project)
        path.is_absolute()
            .then(|| self.configs.of(path, self.disk).lang)
            .flatten()
    }

    /// Why the `journey.toml` at `path` does not parse, with its text; `None` when it
    /// parses or is gone.
    pub fn config_error(&self, path: &Path) -> Option<(String, Message)> {
        let error = self.configs.at(path.parent()?, self.disk).err()?;
        Some(((self.disk.read)(path).unwrap_or_default(), error))
    }

    /// The `.journey` files of `path`'s project, as far as they were listed.
    pub fn project_files(&self, path: &Path) -> &[PathBuf] {
        let root = project::root_of_file(path);
        self.projects.get(&root).map_or(&[], Vec::as_slice)
    }

    /// Checks `path` again, then every other closure that holds it.
    fn recheck(&mut self, path: &Path, changed: &mut Changed) {
        self.recheck_one(path, changed);
        self.recheck_holders(path, changed);
    }

    fn recheck_holders(&mut self, path: &Path, changed: &mut Changed) {
        let holders: Vec<PathBuf> = (self.roots.iter())
            .filter(|(p, r)| p.as_path() != path && r.holds(path).is_some())
            .map(|(p, _)| p.clone())
            .collect();
        for holder in holders {
            self.recheck_one(&holder, changed);
        }
    }

    fn recheck_one(&mut self, path: &Path, changed: &mut Changed) {
        let Ok(text) = self.read(path) else {
            self.forget_root(path, changed);
            return;
        };
        let (root, pending) = self.check(path, text, self.open.contains_key(path));
        let old = self.roots.insert(path.to_path_buf(), root);
        let files = old.into_iter().flat_map(|r| r.map.files);
        changed.files.extend(files.map(|f| f.path));
        let root = &self.roots[path];
        changed
            .files
            .extend(root.map.files.iter().map(|f| f.path.clone()));
        if let Some(pending) = pending {
            changed.pending.push((path.to_path_buf(), pending));
        }
    }

    /// Checks `path` (read as `text`) with its closure; with `view`, keeps what its
    /// index is built from. A file without imports, or not on disk, is checked
    /// alone, as `journey check` checks a single file.
    pub fn check(&self, path: &Path, text: String, view: bool) -> (Root, Option<Pending>) {
        let on_disk = self.open.get(path).is_none_or(|o| o.on_disk);
        let name = path.to_string_lossy().into_owned();
        let mut map = SourceMap::default();
        let (mut parsed, joined) = if on_disk && project::has_imports(&text) {
            let dir = project::root_of_file(path);
            let read = |p: &Path| self.read(p);
            let loaded = project::load(path, text, (&dir, &dir), &read);
            map = loaded.map;
            let joined = std::mem::take(&mut map.text);
            (loaded.parsed, joined)
        } else {
            let parsed = syntax::parse(&text);
            map.add(name.clone(), path.to_path_buf(), text.clone());
            map.text = String::new();
            (parsed, text)
        };
        let mut checked = check::check_parsed(&joined, &parsed);
        if on_disk {
            super::policy::apply(&self.configs.of(path, self.disk), &mut checked.diagnostics);
        }
        let reports_unused = (parsed.ast.items.iter())
            .any(|i| matches!(i, ast::Item::Journey(_) | ast::Item::Population(_)));
        let parts = if map.files.len() == 1 {
            vec![checked.diagnostics]
        } else {
            let mut parts = vec![Vec::new(); map.files.len()];
            for d in &checked.diagnostics {
                for (file, part) in map.split(d) {
                    parts[file].push(part);
                }
            }
            parts
        };
        let pending = view.then(|| Pending {
            source: SourceFile::new(name, joined),
            parsed: std::mem::take(&mut parsed),
            resolutions: checked.resolutions,
        });
        let root = Root {
            map,
            parts,
            reports_unused,
            view: None,
        };
        (root, pending)
    }

    /// Builds the index of a root checked with a view.
    pub fn index(&mut self, path: &Path, pending: Pending) {
        let doc =
            ide::Document::from_parsed(pending.source, pending.parsed, Some(pending.resolutions));
        if let Some(root) = self.roots.get_mut(path) {
            root.view = Some(doc);
        }
    }

    /// `each` over every other root whose closure holds `holding` (all but `skip`),
    /// with its index: an open document's as it is, the others checked afresh.
    pub fn with_views<T>(
        &self,
        holding: &Path,
        skip: &Path,
        mut each: impl FnMut(&Root, &ide::Document) -> T,
    ) -> Vec<T> {
        let mut paths: Vec<&PathBuf> = (self.roots.iter())
            .filter(|(p, r)| p.as_path() != skip && r.holds(holding).is_some())
            .map(|(p, _)| p)
            .collect();
        paths.sort();
        let mut out = Vec::new();
        for path in paths {
            let root = &self.roots[path];
            if let Some(doc) = &root.view {
                out.push(each(root, doc));
                continue;
            }
            let Ok(text) = self.read(path) else { continue };
            if let (fresh, Some(p)) = self.check(path, text, true) {
                let doc = ide::Document::from_parsed(p.source, p.parsed, Some(p.resolutions));
                out.push(each(&fresh, &doc));
            }
        }
        out
    }

    /// The diagnostics of `path` from every closure that holds it: each once, and an
    /// unused declaration only when every closure that reports unused declarations
    /// reports it (a tag one journey does not use may be another's).
    pub fn diagnostics(&self, path: &Path) -> FileDiagnostics<'_> {
        let holding: Vec<(&Root, usize)> = (self.roots.values())
            .filter_map(|r| Some((r, r.holds(path)?)))
            .collect();
        if let [(root, file)] = holding.as_slice() {
            let source = &root.map.files[*file].source;
            return root.parts[*file].iter().map(|d| (source, d)).collect();
        }
        let reporting = holding.iter().filter(|(r, _)| r.reports_unused).count();
        let mut unused: HashMap<Span, usize> = HashMap::new();
        for (root, file) in &holding {
            for d in &root.parts[*file] {
                if d.code == Code::UnusedDeclaration {
                    *unused.entry(d.primary_span()).or_default() += 1;
                }
            }
        }
        let mut out: FileDiagnostics = Vec::new();
        // Each closure reports the file's own findings again: compared in full only
        // with those of the same code at the same place.
        let mut seen: HashMap<(Code, Span), Vec<&Diagnostic>> = HashMap::new();
        for (root, file) in &holding {
            let source = &root.map.files[*file].source;
            for d in &root.parts[*file] {
                let kept = d.code != Code::UnusedDeclaration
                    || unused.get(&d.primary_span()) == Some(&reporting);
                let same = seen.entry((d.code, d.primary_span())).or_default();
                if kept && !same.contains(&d) {
                    same.push(d);
                    out.push((source, d));
                }
            }
        }
        // In file order, whichever closure found them first.
        out.sort_by_key(|(_, d)| (d.primary_span().start, d.code));
        out
    }

    /// Whether `text` (what is about to be published for `uri`, `empty` when it
    /// lists nothing) differs from what was published last; remembers it. A file
    /// never published needs no empty list.
    pub fn publishes(&mut self, uri: &Uri, text: &str, empty: bool) -> bool {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut hasher);
        let hash = hasher.finish();
        match self.published.insert(uri.clone(), hash) {
            None => !empty,
            Some(last) => last != hash,
        }
    }
}

/// What a change touched.
#[derive(Default)]
pub struct Changed {
    /// Files whose diagnostics may have changed.
    pub files: HashSet<PathBuf>,
    /// Files deleted on disk: each gets an empty list, published or not before.
    pub deleted: HashSet<PathBuf>,
    /// `journey.toml` files read anew, whose own diagnostic may have changed.
    pub configs: HashSet<PathBuf>,
    /// Open documents re-checked, whose indexes are to be rebuilt.
    pub pending: Vec<(PathBuf, Pending)>,
}

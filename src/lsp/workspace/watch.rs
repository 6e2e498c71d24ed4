//! Files changed on disk by another program (`git checkout`, a generator, a file
//! manager), as the editor reports them (`workspace/didChangeWatchedFiles`): the
//! project's listing follows, and so does every closure they touch. An open
//! document is the editor's: its buffer wins over the disk until it is closed.

use super::{Changed, Workspace, MAX_PROJECT_FILES};
use crate::diag::Code;
use crate::project;
use lsp_types::{FileChangeType, FileEvent};
use std::path::{Path, PathBuf};

impl Workspace {
    /// Files made, changed or deleted on disk: `.journey` files and `journey.toml`
    /// (other files and URIs are not the server's).
    pub fn on_disk(&mut self, events: Vec<FileEvent>) -> Changed {
        let mut changed = Changed::default();
        for event in events {
            let Some(path) = crate::lsp::uri::to_path(&event.uri) else {
                continue;
            };
            let path = canonical(&path);
            if path.file_name().is_some_and(|n| n == project::CONFIG) {
                self.config_changed(&path, &mut changed);
            } else if path.extension().is_some_and(|e| e == "journey") {
                self.journey_changed(path, event.typ, &mut changed);
            }
        }
        changed
    }

    fn journey_changed(&mut self, path: PathBuf, typ: FileChangeType, changed: &mut Changed) {
        let listed = self.projects.get_mut(&project::root_of_file(&path));
        if typ == FileChangeType::DELETED {
            if let Some(files) = listed {
                files.retain(|f| *f != path);
            }
            if self.open.contains_key(&path) {
                return;
            }
            changed.deleted.insert(path.clone());
            changed.files.insert(path.clone());
            self.forget_root(&path, changed);
            // its importers now miss it (J0503)
            self.recheck_holders(&path, changed);
            return;
        }
        if let Some(files) = listed {
            if !files.contains(&path) && files.len() < MAX_PROJECT_FILES {
                files.push(path.clone());
            }
        }
        if !self.open.contains_key(&path) {
            self.reread(&path, true, changed);
        }
        if typ == FileChangeType::CREATED {
            // A closure that missed a file may have been missing this one.
            let missing: Vec<PathBuf> = (self.roots.iter())
                .filter(|(p, r)| {
                    **p != path
                        && r.parts
                            .iter()
                            .flatten()
                            .any(|d| d.code == Code::ImportMissing)
                })
                .map(|(p, _)| p.clone())
                .collect();
            for root in missing {
                self.recheck_one(&root, changed);
            }
        }
    }

    /// A `journey.toml` made, changed or deleted: its project's policy and language,
    /// and even which files are its project (a new one makes a project root), may
    /// have changed. It is read again, the project listed again, and every closure
    /// under it checked again.
    fn config_changed(&mut self, config: &Path, changed: &mut Changed) {
        let Some(dir) = config.parent() else {
            return;
        };
        self.configs.forget(dir);
        self.projects.retain(|root, _| !root.starts_with(dir));
        changed.configs.insert(config.to_path_buf());
        let open: Vec<PathBuf> = (self.open.iter())
            .filter(|(p, o)| o.on_disk && p.starts_with(dir))
            .map(|(p, _)| p.clone())
            .collect();
        for path in &open {
            self.scan(path, changed);
        }
        let mut roots: Vec<PathBuf> = (self.roots.keys())
            .filter(|p| p.starts_with(dir))
            .cloned()
            .collect();
        roots.sort();
        // (open documents among them: each is a root)
        for root in roots {
            self.recheck_one(&root, changed);
        }
    }
}

/// The canonical path of a file that may no longer exist (deleted): its
/// directory's, joined with its name.
fn canonical(path: &Path) -> PathBuf {
    if let Ok(found) = path.canonicalize() {
        return found;
    }
    match (path.parent().map(Path::canonicalize), path.file_name()) {
        (Some(Ok(dir)), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

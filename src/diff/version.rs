//! One side of a diff: a version's files, its syntax tree and what the checker made
//! of it. A version is one file, or a project: a file's import closure, or every
//! `.journey` file of a directory with their imports. A project's files share one
//! byte space (`project::SourceMap`) and are checked as one AST, so the rest of the
//! diff reads declarations, journeys and rules wherever they are written; positions
//! name each file relative to the version's project root.

use super::tokens::{fingerprint, Renames};
use super::types::Position;
use crate::check::{check_parsed, Checked};
use crate::i18n::Message;
use crate::project::{self, SourceMap};
use crate::source::{Locate, Span};
use crate::syntax::{self, Parsed};
use std::path::{Path, PathBuf};

pub struct Version {
    /// As the command line names it (`REF:PATH` for a version read from git).
    pub name: String,
    /// The version's files; one, named `name`, for a single file.
    pub map: SourceMap,
    pub parsed: Parsed,
    pub checked: Checked,
    /// For a project: its root and its entry files (canonical), to load it again
    /// with a file changed ([`Version::with_file`]).
    project: Option<(PathBuf, Vec<PathBuf>)>,
    /// The temporary directory a version read from git was written to: loading it
    /// again resolves its imports there.
    _scratch: Option<tempfile::TempDir>,
}

impl Version {
    /// Parses and checks `text`, one file without imports, named `name` in positions
    /// and messages.
    pub fn load(name: impl Into<String>, text: String) -> Version {
        let name = name.into();
        let parsed = syntax::parse(&text);
        let checked = check_parsed(&text, &parsed);
        let mut map = SourceMap::default();
        map.add(name.clone(), PathBuf::from(&name), text);
        Version {
            name,
            map,
            parsed,
            checked,
            project: None,
            _scratch: None,
        }
    }

    /// The project whose entries are `entries` (files with their texts, in the order
    /// to walk them) in the project at `root` (canonical), its other files read with
    /// `read`; files are named relative to `root`.
    pub fn project(
        name: impl Into<String>,
        root: &Path,
        entries: Vec<(PathBuf, String)>,
        read: project::Read,
    ) -> Version {
        let paths = (entries.iter())
            .map(|(p, _)| p.canonicalize().unwrap_or_else(|_| p.clone()))
            .collect();
        let loaded = project::load_all(entries, (root, root), read);
        let checked = check_parsed(&loaded.map.text, &loaded.parsed);
        Version {
            name: name.into(),
            map: loaded.map,
            parsed: loaded.parsed,
            checked,
            project: Some((root.to_path_buf(), paths)),
            _scratch: None,
        }
    }

    /// The version, its files in `dir`, which is removed with it.
    pub fn in_scratch(self, dir: tempfile::TempDir) -> Version {
        Version {
            _scratch: Some(dir),
            ..self
        }
    }

    /// The same version with file `file`'s text replaced by `text`, checked again
    /// (for simulating OLD on NEW's population). A project's files are read from the
    /// version itself, not from disk.
    pub fn with_file(&self, file: usize, text: String) -> Version {
        let Some((root, entries)) = &self.project else {
            return Version::load(self.name.clone(), text);
        };
        let changed = &self.map.files[file].path;
        let texts: Vec<(PathBuf, String)> = (self.map.files.iter())
            .map(|f| match &f.path == changed {
                true => (f.path.clone(), text.clone()),
                false => (f.path.clone(), f.source.text.clone()),
            })
            .collect();
        let find = |path: &Path| texts.iter().find(|(p, _)| p == path).map(|(_, t)| t);
        let read = |path: &Path| -> Result<String, Message> {
            find(path)
                .cloned()
                .ok_or_else(|| Message::Text(path.display().to_string()))
        };
        let entries = (entries.iter())
            .filter_map(|e| Some((e.clone(), find(e)?.clone())))
            .collect();
        Version::project(self.name.clone(), root, entries, &read)
    }

    /// Every file's text end to end, which global spans slice.
    pub fn text(&self) -> &str {
        &self.map.text
    }

    /// The tokens of `span` (src/diff/tokens.rs), with `rename`'s names replaced.
    pub fn fingerprint(&self, span: Span, rename: &Renames) -> String {
        fingerprint(self.text(), span, rename)
    }

    /// Where `span` starts, for the diff's positions.
    pub fn position(&self, span: Span) -> Position {
        let p = self.map.position(span.start);
        Position {
            file: self.map.file_name(span.start).to_string(),
            line: p.line,
            column: p.column,
        }
    }

    pub fn has_errors(&self) -> bool {
        self.checked.model.is_none()
    }
}

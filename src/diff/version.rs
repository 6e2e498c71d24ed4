//! One side of a diff: a version's source, its syntax tree and what the checker made
//! of it. Today a version is one file; a project version (several files under a root)
//! will hold its files here, and the rest of the diff reads it through these fields.

use crate::check::{check_parsed, Checked};
use crate::source::SourceFile;
use crate::syntax::{self, Parsed};

pub struct Version {
    pub source: SourceFile,
    pub parsed: Parsed,
    pub checked: Checked,
}

impl Version {
    /// Parses and checks `text`, named `name` in positions and messages.
    pub fn load(name: impl Into<String>, text: String) -> Version {
        let parsed = syntax::parse(&text);
        let checked = check_parsed(&text, &parsed);
        Version {
            source: SourceFile::new(name, text),
            parsed,
            checked,
        }
    }

    pub fn text(&self) -> &str {
        &self.source.text
    }

    pub fn has_errors(&self) -> bool {
        self.checked.model.is_none()
    }
}

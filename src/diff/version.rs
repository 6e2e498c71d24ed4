//! One side of a diff: a version's source, its syntax tree and what the checker made
//! of it. Today a version is one file; a project version (several files under a root)
//! will hold its files here, and the rest of the diff reads it through these fields.

use super::tokens::{fingerprint, Renames};
use super::types::Position;
use crate::check::{check_parsed, Checked};
use crate::source::{SourceFile, Span};
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

    /// The tokens of `span` (src/diff/tokens.rs), with `rename`'s names replaced.
    pub fn fingerprint(&self, span: Span, rename: &Renames) -> String {
        fingerprint(self.text(), span, rename)
    }

    /// Where `span` starts, for the diff's positions.
    pub fn position(&self, span: Span) -> Position {
        let p = self.source.position(span.start);
        Position {
            file: self.source.name.clone(),
            line: p.line,
            column: p.column,
        }
    }

    pub fn has_errors(&self) -> bool {
        self.checked.model.is_none()
    }
}

//! Editor features over one document, free of any protocol: hover, definition,
//! references, completion, outline and rename. Everything works on byte offsets and
//! on whatever part of a broken document parsed; `lsp` turns it into LSP messages.

mod collect;
mod completion;
mod context;
mod hover;
mod index;
mod navigate;
mod rename;
mod symbols;

#[cfg(test)]
mod fixture;

pub use completion::{completion, Completion, CompletionKind, Completions};
pub use hover::{hover, Hover};
pub use index::{Def, DefId, Index, Kind, Ref};
pub use navigate::{definition, references};
pub use rename::{prepare_rename, rename, Edit};
pub use symbols::{symbols, Symbol};

use crate::source::{SourceFile, Span};
use crate::syntax::{self, Parsed};

/// One open document: its text, what parsed of it, and its symbol index.
#[derive(Debug)]
pub struct Document {
    pub source: SourceFile,
    pub parsed: Parsed,
    pub index: Index,
}

impl Document {
    pub fn new(text: impl Into<String>) -> Document {
        let source = SourceFile::new("", text);
        let parsed = syntax::parse(&source.text);
        let index = collect::index(&parsed.ast);
        Document {
            source,
            parsed,
            index,
        }
    }

    pub fn text(&self) -> &str {
        &self.source.text
    }

    /// The source text of `span`.
    pub fn slice(&self, span: Span) -> &str {
        &self.source.text[span.start..span.end]
    }
}

/// Folds runs of whitespace (line breaks included) into single spaces, for source
/// excerpts shown on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

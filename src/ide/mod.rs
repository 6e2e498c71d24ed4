//! Editor features over one document, free of any protocol: hover, definition,
//! references, completion, outline and rename. For a file with imports the document
//! is its closure's joined text (`project::SourceMap`), the file itself first. Everything works on byte offsets and
//! on whatever part of a broken document parsed; `lsp` turns it into LSP messages.

mod completion;
mod context;
mod hover;
mod index;
mod navigate;
mod recover;
mod rename;
mod symbols;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod variants_tests;

pub use completion::{completion, CompletionKind};
pub use hover::hover;
pub use index::{Index, Kind};
pub use navigate::{definition, references};
pub use rename::{is_name, prepare_rename, rename};
pub use symbols::{symbols, OutlineKind, Symbol};

use crate::check;
use crate::source::{SourceFile, Span};
use crate::syntax::{ast, Parsed};

/// One open document: its text, what parsed of it, and its symbol index.
#[derive(Debug)]
pub struct Document {
    pub source: SourceFile,
    /// The parse as `check` sees it.
    pub parsed: Parsed,
    /// A fuller AST recovered from a file with syntax errors, when there is one.
    recovered: Option<ast::File>,
    pub index: Index,
}

impl Document {
    #[cfg(test)]
    pub fn new(text: impl Into<String>) -> Document {
        let source = SourceFile::new("", text);
        let parsed = crate::syntax::parse(&source.text);
        Document::from_parsed(source, parsed, None)
    }

    /// A document from a parse already made and, when the server checked it first,
    /// the checker's resolution table of that parse: reused unless a fuller AST is
    /// recovered from syntax errors (which is resolved afresh).
    pub fn from_parsed(
        source: SourceFile,
        parsed: Parsed,
        checked: Option<check::Resolutions>,
    ) -> Document {
        let recovered = recover::recover(&source.text, &parsed);
        let resolutions = match (&recovered, checked) {
            (None, Some(table)) => table,
            (recovered, _) => check::resolve(recovered.as_ref().unwrap_or(&parsed.ast)),
        };
        let index = Index::from(resolutions);
        Document {
            source,
            parsed,
            recovered,
            index,
        }
    }

    /// The AST the editor features work on (spans are the same as in the text).
    pub fn ast(&self) -> &ast::File {
        self.recovered.as_ref().unwrap_or(&self.parsed.ast)
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

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLES: &[&str] = &[
        include_str!("../../examples/beauty_w2.journey"),
        include_str!("../../examples/community_calendar.journey"),
        include_str!("../../examples/course.journey"),
        include_str!("../../examples/dormant_wakeup.journey"),
        include_str!("../../examples/ltv_wakeup.journey"),
        include_str!("../../examples/member_day.journey"),
        include_str!("../../examples/repurchase.journey"),
    ];

    /// Every feature, at several places of many prefixes of every example (as if the
    /// file were being typed), answers without panicking.
    #[test]
    fn every_feature_survives_half_typed_files() {
        for example in EXAMPLES {
            let cuts: Vec<usize> = example.char_indices().map(|(i, _)| i).step_by(29).collect();
            for &cut in &cuts {
                let doc = Document::new(&example[..cut]);
                symbols(&doc);
                for at in [0, cut / 3, cut / 2, cut.saturating_sub(2), cut] {
                    let at = doc.source.clamp(at);
                    hover(&doc, at);
                    definition(&doc, at);
                    references(&doc, at, true);
                    let c = completion(&doc, at);
                    assert!(c.replace.end <= cut);
                    prepare_rename(&doc, at);
                    if let Ok(edits) = rename(&doc, at, "新名") {
                        assert!(edits.iter().all(|e| e.span.end <= cut));
                    }
                }
            }
        }
    }

    #[test]
    fn every_name_in_the_examples_resolves() {
        for example in EXAMPLES {
            let doc = Document::new(*example);
            assert!(!doc.parsed.has_errors());
            // Each declaration that the checker does not flag as unused has a use.
            let unused = crate::check::check_parsed(&doc.source.text, &doc.parsed)
                .diagnostics
                .iter()
                .filter(|d| d.code == crate::diag::Code::UnusedDeclaration)
                .count();
            let defs = doc.index.defs.iter().enumerate();
            let used = defs
                .filter(|(id, d)| d.parent.is_none() && !doc.index.references(*id).is_empty())
                .count();
            let declared = doc.index.defs.iter().filter(|d| {
                matches!(
                    d.kind,
                    Kind::Tag | Kind::Event | Kind::Touchpoint | Kind::Segment | Kind::Team
                )
            });
            assert_eq!(used + unused, declared.count(), "{}", &example[..60]);
        }
    }
}

//! One function per request: LSP params → [`crate::ide`] → LSP result. A request on
//! a document the server does not have gets an empty result.

mod code_action;
mod completion;
mod definition;
mod diagnostics;
mod formatting;
mod hover;
mod references;
mod rename;
mod symbols;

pub use code_action::{code_action, FIX_ALL};
pub use completion::completion;
pub use definition::definition;
pub use diagnostics::diagnostics;
pub use formatting::formatting;
pub use hover::hover;
pub use references::references;
pub use rename::{prepare_rename, rename};
pub use symbols::symbols;

use super::convert;
use super::state::State;
use crate::ide::Document;
use crate::source::Span;
use lsp_types::{Range, TextDocumentPositionParams};

/// The document and byte offset that a position points at.
fn at<'a>(state: &'a State, p: &TextDocumentPositionParams) -> Option<(&'a Document, usize)> {
    let doc = state.doc(&p.text_document.uri)?;
    Some((
        doc,
        convert::offset(&doc.source, p.position, state.encoding),
    ))
}

fn range(state: &State, doc: &Document, span: Span) -> Range {
    convert::range(&doc.source, span, state.encoding)
}

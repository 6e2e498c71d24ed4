//! One function per request: LSP params → [`crate::ide`] → LSP result. A request on
//! a document the server does not have gets an empty result.

mod across;
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
pub use diagnostics::{config_error, Listed};
pub use formatting::formatting;
pub use hover::hover;
pub use references::references;
pub use rename::{prepare_rename, rename};
pub use symbols::symbols;

use super::convert;
use super::state::State;
use super::workspace::Root;
use crate::ide::Document;
use crate::source::Span;
use lsp_types::{Location, Range, TextDocumentPositionParams};
use std::path::PathBuf;

/// The open document a position is in (its closure and index) and the byte offset
/// it points at: the document comes first in its closure, so its own offsets are
/// the closure's.
fn at<'a>(
    state: &'a State,
    p: &TextDocumentPositionParams,
) -> Option<(&'a Root, &'a Document, usize)> {
    let (root, doc) = state.workspace.view(&p.text_document.uri)?;
    let offset = convert::offset(own(root), p.position, state.encoding);
    Some((root, doc, offset))
}

/// The document's own text (the first file of its closure).
fn own(root: &Root) -> &crate::source::SourceFile {
    &root.map.files[0].source
}

/// A range in the document itself.
fn range(state: &State, root: &Root, span: Span) -> Range {
    convert::range(own(root), span, state.encoding)
}

/// A span of the closure as the file it is in and the span there.
fn local(root: &Root, span: Span) -> (PathBuf, Span) {
    let file = &root.map.files[root.map.file_of(span.start)];
    let shifted = Span::new(span.start - file.base, span.end - file.base);
    (file.path.clone(), shifted)
}

/// Where a span of the closure is, in the editor's terms.
fn location(state: &State, root: &Root, span: Span) -> Option<Location> {
    let file = &root.map.files[root.map.file_of(span.start)];
    let (_, shifted) = local(root, span);
    let uri = state.workspace.uri_of(&file.path)?;
    Some(Location::new(
        uri,
        convert::range(&file.source, shifted, state.encoding),
    ))
}

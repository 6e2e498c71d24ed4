use super::range;
use crate::ide::{self, Kind, OutlineKind};
use crate::lsp::state::State;
use crate::lsp::workspace::Root;
use lsp_types::{DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, SymbolKind};

pub fn symbols(
    state: &State,
    p: DocumentSymbolParams,
) -> Result<Option<DocumentSymbolResponse>, String> {
    let Some((root, doc)) = state.workspace.view(&p.text_document.uri) else {
        return Ok(None);
    };
    // The index covers the closure; the outline is the document's own (which comes
    // first in the closure's text).
    let own = super::own(root).text.len();
    let symbols = (ide::symbols(doc).into_iter())
        .filter(|s| s.span.start <= own)
        .map(|s| convert(state, root, s))
        .collect();
    Ok(Some(DocumentSymbolResponse::Nested(symbols)))
}

#[allow(deprecated)] // `deprecated` is a required field of the struct.
fn convert(state: &State, root: &Root, s: ide::Symbol) -> DocumentSymbol {
    DocumentSymbol {
        name: s.name,
        detail: Some(s.kind.as_str().to_string()),
        kind: match s.kind {
            OutlineKind::Decl(k) => kind(k),
            OutlineKind::Rule => SymbolKind::FUNCTION,
        },
        tags: None,
        deprecated: None,
        range: range(state, root, s.span),
        selection_range: range(state, root, s.name_span),
        children: Some(
            s.children
                .into_iter()
                .map(|c| convert(state, root, c))
                .collect(),
        ),
    }
}

pub fn kind(kind: Kind) -> SymbolKind {
    match kind {
        Kind::Tag => SymbolKind::PROPERTY,
        Kind::Variant => SymbolKind::ENUM_MEMBER,
        Kind::Event => SymbolKind::EVENT,
        Kind::Field => SymbolKind::FIELD,
        Kind::Touchpoint => SymbolKind::INTERFACE,
        Kind::Segment => SymbolKind::VARIABLE,
        Kind::Team => SymbolKind::STRUCT,
        Kind::Journey => SymbolKind::MODULE,
        Kind::Stage => SymbolKind::CLASS,
        Kind::Split => SymbolKind::EVENT,
        Kind::Population => SymbolKind::NAMESPACE,
        Kind::Policy => SymbolKind::CONSTANT,
    }
}

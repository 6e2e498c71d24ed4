use super::range;
use crate::ide::{self, Document, Kind, OutlineKind};
use crate::lsp::state::State;
use lsp_types::{DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, SymbolKind};

pub fn symbols(
    state: &State,
    p: DocumentSymbolParams,
) -> Result<Option<DocumentSymbolResponse>, String> {
    let Some(doc) = state.doc(&p.text_document.uri) else {
        return Ok(None);
    };
    let symbols = ide::symbols(doc)
        .into_iter()
        .map(|s| convert(state, doc, s))
        .collect();
    Ok(Some(DocumentSymbolResponse::Nested(symbols)))
}

#[allow(deprecated)] // `deprecated` is a required field of the struct.
fn convert(state: &State, doc: &Document, s: ide::Symbol) -> DocumentSymbol {
    DocumentSymbol {
        name: s.name,
        detail: Some(s.kind.as_str().to_string()),
        kind: match s.kind {
            OutlineKind::Decl(k) => kind(k),
            OutlineKind::Rule => SymbolKind::FUNCTION,
        },
        tags: None,
        deprecated: None,
        range: range(state, doc, s.span),
        selection_range: range(state, doc, s.name_span),
        children: Some(
            s.children
                .into_iter()
                .map(|c| convert(state, doc, c))
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

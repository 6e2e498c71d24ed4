use super::{at, range};
use crate::ide;
use crate::lsp::state::State;
use lsp_types::{Location, ReferenceParams};

pub fn references(state: &State, p: ReferenceParams) -> Result<Option<Vec<Location>>, String> {
    let pos = p.text_document_position;
    let Some((doc, offset)) = at(state, &pos) else {
        return Ok(None);
    };
    let spans = ide::references(doc, offset, p.context.include_declaration);
    Ok(Some(
        spans
            .into_iter()
            .map(|span| Location::new(pos.text_document.uri.clone(), range(state, doc, span)))
            .collect(),
    ))
}

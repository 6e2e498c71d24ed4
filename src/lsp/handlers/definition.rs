use super::{at, location};
use crate::ide;
use crate::lsp::state::State;
use lsp_types::{GotoDefinitionParams, GotoDefinitionResponse};

/// The declaration, in whichever file of the closure declares it.
pub fn definition(
    state: &State,
    p: GotoDefinitionParams,
) -> Result<Option<GotoDefinitionResponse>, String> {
    let Some((root, doc, offset)) = at(state, &p.text_document_position_params) else {
        return Ok(None);
    };
    let span = ide::definition(doc, offset);
    Ok(span
        .and_then(|span| location(state, root, span))
        .map(GotoDefinitionResponse::Scalar))
}

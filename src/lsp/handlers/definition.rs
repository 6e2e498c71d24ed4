use super::{at, range};
use crate::ide;
use crate::lsp::state::State;
use lsp_types::{GotoDefinitionParams, GotoDefinitionResponse, Location};

pub fn definition(
    state: &State,
    p: GotoDefinitionParams,
) -> Result<Option<GotoDefinitionResponse>, String> {
    let p = p.text_document_position_params;
    let Some((doc, offset)) = at(state, &p) else {
        return Ok(None);
    };
    Ok(ide::definition(doc, offset).map(|span| {
        GotoDefinitionResponse::Scalar(Location::new(
            p.text_document.uri.clone(),
            range(state, doc, span),
        ))
    }))
}

use super::{at, range};
use crate::ide;
use crate::lsp::state::State;
use lsp_types::{
    PrepareRenameResponse, RenameParams, TextDocumentPositionParams, TextEdit, WorkspaceEdit,
};
use std::collections::HashMap;

pub fn prepare_rename(
    state: &State,
    p: TextDocumentPositionParams,
) -> Result<Option<PrepareRenameResponse>, String> {
    let Some((doc, offset)) = at(state, &p) else {
        return Ok(None);
    };
    Ok(ide::prepare_rename(doc, offset)
        .map(|span| PrepareRenameResponse::Range(range(state, doc, span))))
}

/// An invalid new name is refused with an error response, which editors show.
pub fn rename(state: &State, p: RenameParams) -> Result<Option<WorkspaceEdit>, String> {
    let pos = p.text_document_position;
    let Some((doc, offset)) = at(state, &pos) else {
        return Ok(None);
    };
    let edits = ide::rename(doc, offset, &p.new_name)?
        .into_iter()
        .map(|e| TextEdit::new(range(state, doc, e.span), e.text))
        .collect();
    Ok(Some(WorkspaceEdit::new(HashMap::from([(
        pos.text_document.uri,
        edits,
    )]))))
}

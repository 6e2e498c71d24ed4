use super::across::across;
use super::{at, range};
use crate::ide;
use crate::lsp::state::State;
use lsp_types::{
    PrepareRenameResponse, RenameParams, TextDocumentPositionParams, TextEdit, Uri, WorkspaceEdit,
};

pub fn prepare_rename(
    state: &State,
    p: TextDocumentPositionParams,
) -> Result<Option<PrepareRenameResponse>, String> {
    let Some((root, doc, offset)) = at(state, &p) else {
        return Ok(None);
    };
    Ok(ide::prepare_rename(doc, offset)
        .map(|span| PrepareRenameResponse::Range(range(state, root, span))))
}

/// The edits in every file of the project that declares or uses the name. An
/// invalid new name, or one that clashes in any closure, is refused with an error
/// response, which editors show.
pub fn rename(state: &State, p: RenameParams) -> Result<Option<WorkspaceEdit>, String> {
    let Some(found) = at(state, &p.text_document_position) else {
        return Ok(None);
    };
    let edits = across(state, found, |doc, offset| {
        let edits = ide::rename(doc, offset, &p.new_name)?;
        Ok(edits.into_iter().map(|e| (e.span, e.text)).collect())
    })?
    .ok_or("there is no declared name here to rename")?;
    // Grouped by file in a list: a `Uri` keeps a `Cell` inside, which clippy's
    // `mutable_key_type` refuses as the key of a map being filled.
    let mut files: Vec<(Uri, Vec<TextEdit>)> = Vec::new();
    for (place, text) in edits {
        let edit = TextEdit::new(place.range, text);
        match files.iter_mut().find(|(uri, _)| *uri == place.uri) {
            Some((_, file)) => file.push(edit),
            None => files.push((place.uri, vec![edit])),
        }
    }
    Ok(Some(WorkspaceEdit::new(files.into_iter().collect())))
}

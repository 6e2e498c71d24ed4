use super::range;
use crate::lsp::state::State;
use crate::source::Span;
use lsp_types::{DocumentFormattingParams, TextEdit};

/// The whole document in `journey fmt`'s layout, as one edit. A document with syntax
/// errors is left alone (no edits): the diagnostics already say why.
pub fn formatting(
    state: &State,
    p: DocumentFormattingParams,
) -> Result<Option<Vec<TextEdit>>, String> {
    let Some((root, _)) = state.workspace.view(&p.text_document.uri) else {
        return Ok(None);
    };
    let text = &super::own(root).text;
    match crate::fmt::format(text) {
        Ok(formatted) if formatted != *text => Ok(Some(vec![TextEdit {
            range: range(state, root, Span::new(0, text.len())),
            new_text: formatted,
        }])),
        _ => Ok(Some(Vec::new())),
    }
}

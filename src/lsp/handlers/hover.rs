use super::{at, range};
use crate::ide;
use crate::lsp::state::State;
use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

pub fn hover(state: &State, p: HoverParams) -> Result<Option<Hover>, String> {
    let Some((root, doc, offset)) = at(state, &p.text_document_position_params) else {
        return Ok(None);
    };
    Ok(ide::hover(doc, offset).map(|h| Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: h.markdown,
        }),
        range: Some(range(state, root, h.span)),
    }))
}

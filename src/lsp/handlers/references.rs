use super::across::across;
use super::at;
use crate::ide;
use crate::lsp::state::State;
use lsp_types::{Location, ReferenceParams};

/// Every use of the name in the project, in every file that uses it.
pub fn references(state: &State, p: ReferenceParams) -> Result<Option<Vec<Location>>, String> {
    let Some(found) = at(state, &p.text_document_position) else {
        return Ok(None);
    };
    let include = p.context.include_declaration;
    let spans = across(state, found, |doc, offset| {
        let spans = ide::references(doc, offset, include);
        Ok(spans.into_iter().map(|s| (s, ())).collect())
    })?;
    let places = spans.unwrap_or_default().into_iter().map(|(l, ())| l);
    Ok(Some(places.collect()))
}

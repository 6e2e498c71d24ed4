use super::{at, range};
use crate::ide::{self, CompletionKind, Kind};
use crate::lsp::state::State;
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, CompletionTextEdit,
    TextEdit,
};

pub fn completion(
    state: &State,
    p: CompletionParams,
) -> Result<Option<CompletionResponse>, String> {
    let Some((root, doc, offset)) = at(state, &p.text_document_position) else {
        return Ok(None);
    };
    let found = ide::completion(doc, offset);
    let replace = range(state, root, found.replace);
    let items = found
        .items
        .into_iter()
        .enumerate()
        .map(|(i, c)| CompletionItem {
            kind: Some(kind(c.kind)),
            detail: c.detail,
            // Keep the server's order (most fitting first) rather than the alphabet.
            sort_text: Some(format!("{i:04}")),
            filter_text: Some(c.label.clone()),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(replace, c.insert))),
            label: c.label,
            ..Default::default()
        })
        .collect();
    Ok(Some(CompletionResponse::Array(items)))
}

fn kind(kind: CompletionKind) -> CompletionItemKind {
    match kind {
        CompletionKind::Keyword => CompletionItemKind::KEYWORD,
        CompletionKind::Day | CompletionKind::Period | CompletionKind::Channel => {
            CompletionItemKind::CONSTANT
        }
        CompletionKind::Duration => CompletionItemKind::UNIT,
        CompletionKind::Type => CompletionItemKind::TYPE_PARAMETER,
        CompletionKind::Symbol(k) => match k {
            Kind::Tag => CompletionItemKind::PROPERTY,
            Kind::Variant => CompletionItemKind::ENUM_MEMBER,
            Kind::Event => CompletionItemKind::EVENT,
            Kind::Field => CompletionItemKind::FIELD,
            Kind::Touchpoint => CompletionItemKind::INTERFACE,
            Kind::Segment => CompletionItemKind::VARIABLE,
            Kind::Team => CompletionItemKind::STRUCT,
            Kind::Journey => CompletionItemKind::MODULE,
            Kind::Stage => CompletionItemKind::CLASS,
            Kind::Split => CompletionItemKind::EVENT,
            Kind::Population => CompletionItemKind::MODULE,
            Kind::Policy => CompletionItemKind::CONSTANT,
        },
    }
}

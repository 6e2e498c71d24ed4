use super::{at, range};
use crate::ide::{self, CompletionKind, Document, Kind};
use crate::lsp::convert;
use crate::lsp::state::State;
use crate::lsp::workspace::Root;
use crate::syntax::{self, ast::Item};
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, CompletionTextEdit,
    Position, Range, TextEdit,
};
use std::path::Path;

pub fn completion(
    state: &State,
    p: CompletionParams,
) -> Result<Option<CompletionResponse>, String> {
    let Some((root, doc, offset)) = at(state, &p.text_document_position) else {
        return Ok(None);
    };
    let found = ide::completion(doc, offset);
    let replace = range(state, root, found.replace);
    let mut items: Vec<CompletionItem> = found
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
    if found.journey {
        for mut item in elsewhere(state, root, doc) {
            item.sort_text = Some(format!("{:04}", items.len()));
            item.text_edit = Some(CompletionTextEdit::Edit(TextEdit::new(
                replace,
                item.label.clone(),
            )));
            items.push(item);
        }
    }
    Ok(Some(CompletionResponse::Array(items)))
}

/// The journeys of the project's files that the document's closure does not hold,
/// each with the `import` line that brings its file in (after the document's last
/// `import`, else at the top).
fn elsewhere(state: &State, root: &Root, doc: &Document) -> Vec<CompletionItem> {
    let own = &root.map.files[0];
    let Some(dir) = own.path.parent() else {
        return Vec::new();
    };
    let last_import = (doc.parsed.ast.imports.iter())
        .map(|i| i.span.end)
        .filter(|&end| end <= own.source.text.len())
        .max();
    let line = last_import.map_or(0, |end| {
        convert::position(&own.source, end, state.encoding).line + 1
    });
    let at = Range::new(Position::new(line, 0), Position::new(line, 0));
    let mut items = Vec::new();
    for file in state.workspace.project_files(&own.path) {
        if root.map.files.iter().any(|f| f.path == *file) {
            continue;
        }
        let Ok(text) = state.workspace.read(file) else {
            continue;
        };
        let path = relative(dir, file);
        for item in syntax::parse(&text).ast.items {
            let Item::Journey(j) = item else { continue };
            let name = j.name.name.to_string();
            let label = if ide::is_name(&name) {
                name
            } else {
                format!("`{name}`")
            };
            items.push(CompletionItem {
                kind: Some(CompletionItemKind::MODULE),
                detail: Some(format!("journey in {path} (adds its import)")),
                filter_text: Some(label.clone()),
                additional_text_edits: Some(vec![TextEdit::new(
                    at,
                    format!("import \"{path}\"\n"),
                )]),
                label,
                ..Default::default()
            });
        }
    }
    items
}

/// `to` as an import in a file of `dir` writes it: relative, with `/`.
fn relative(dir: &Path, to: &Path) -> String {
    let from: Vec<_> = dir.components().collect();
    let target: Vec<_> = to.components().collect();
    let common = (from.iter().zip(&target))
        .take_while(|(a, b)| a == b)
        .count();
    let up = std::iter::repeat_n("..".to_string(), from.len() - common);
    let down = (target[common..].iter()).map(|c| c.as_os_str().to_string_lossy().into_owned());
    up.chain(down).collect::<Vec<_>>().join("/")
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

//! `textDocument/codeAction`: each fix of a diagnostic in the requested range as a
//! `quickfix`, and [`FIX_ALL`], every safe fix of the document at once (what an
//! editor runs on save with `"editor.codeActionsOnSave": {"source.fixAll": …}`).

use super::diagnostics::convert;
use crate::diag::{fix, Edit, Safety};
use crate::i18n::{msg, words};
use crate::lsp::state::State;
use crate::lsp::workspace::Root;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Range, TextEdit, Uri,
    WorkspaceEdit,
};
use std::collections::HashMap;

/// The kind of the action that makes every safe fix of a document.
pub const FIX_ALL: &str = "source.fixAll.journey";

pub fn code_action(
    state: &State,
    p: CodeActionParams,
) -> Result<Option<Vec<CodeActionOrCommand>>, String> {
    let uri = &p.text_document.uri;
    let Some((root, _)) = state.workspace.view(uri) else {
        return Ok(None);
    };
    // The document's own diagnostics (from its closure) that carry fixes.
    let found: Vec<_> = root.parts[0]
        .iter()
        .filter(|d| !d.fixes.is_empty())
        .collect();
    let source = super::own(root);
    let (enc, lang) = (state.encoding, state.lang(state.workspace.path(uri)));
    let wanted = |kind: &CodeActionKind| match &p.context.only {
        None => true,
        Some(only) => only.iter().any(|o| {
            let (kind, o) = (kind.as_str(), o.as_str());
            kind == o || kind.starts_with(&format!("{o}."))
        }),
    };
    let mut actions = Vec::new();
    if wanted(&CodeActionKind::QUICKFIX) {
        for d in &found {
            let diagnostic = convert(uri, source, d, enc, lang);
            if !overlap(diagnostic.range, p.range) {
                continue;
            }
            for f in &d.fixes {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: words(&f.title, lang),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(edit(state, root, uri, &f.edits)),
                    is_preferred: Some(f.safety == Safety::Safe && d.fixes.len() == 1),
                    ..Default::default()
                }));
            }
        }
    }
    let fix_all = CodeActionKind::new(FIX_ALL);
    if wanted(&fix_all) {
        let safe = found.iter().flat_map(|d| &d.fixes);
        let chosen = fix::compatible(safe.filter(|f| f.safety == Safety::Safe));
        if !chosen.is_empty() {
            let edits: Vec<Edit> = chosen.iter().flat_map(|f| f.edits.clone()).collect();
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: words(&msg!("fix-all-safe", count = chosen.len()), lang),
                kind: Some(fix_all),
                edit: Some(edit(state, root, uri, &edits)),
                ..Default::default()
            }));
        }
    }
    Ok(Some(actions))
}

/// Whether two ranges share a position (an empty range touching the other counts).
fn overlap(a: Range, b: Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// The edits, in the editor's positions, as a change to one document.
fn edit(state: &State, root: &Root, uri: &Uri, edits: &[Edit]) -> WorkspaceEdit {
    let edits = edits
        .iter()
        .map(|e| TextEdit {
            range: super::range(state, root, e.span),
            new_text: e.text.clone(),
        })
        .collect();
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}

//! References and rename across a project: every checked closure that holds the
//! declaration's file (the project's files that import it, open or not) is
//! searched, not only the closure of the document asked about.

use super::location;
use crate::ide::Document;
use crate::lsp::state::State;
use crate::lsp::workspace::Root;
use crate::source::Span;
use lsp_types::Location;
use std::path::PathBuf;

/// The declaration named at `offset`: its file, and its name's offset there.
fn declared(root: &Root, doc: &Document, offset: usize) -> Option<(PathBuf, usize)> {
    let (id, _) = doc.index.at(offset)?;
    let start = doc.index.defs[id].name_span.start;
    let file = &root.map.files[root.map.file_of(start)];
    Some((file.path.clone(), start - file.base))
}

/// `each` at the declaration named at `offset`, in the closure of the document
/// asked about and then in every other closure that holds the declaration's file:
/// what it finds, each place once, the asking document's first. `None` when no
/// declared name is at `offset`.
pub fn across<T>(
    state: &State,
    (root, doc, offset): (&Root, &Document, usize),
    mut each: impl FnMut(&Document, usize) -> Result<Vec<(Span, T)>, String>,
) -> Result<Option<Vec<(Location, T)>>, String> {
    let Some((file, at)) = declared(root, doc, offset) else {
        return Ok(None);
    };
    let mut out: Vec<(Location, T)> = Vec::new();
    let mut run = |root: &Root, doc: &Document| -> Result<(), String> {
        let Some(held) = root.map.files.iter().find(|f| f.path == file) else {
            return Ok(());
        };
        for (span, found) in each(doc, held.base + at)? {
            let Some(place) = location(state, root, span) else {
                continue;
            };
            if !out.iter().any(|(seen, _)| *seen == place) {
                out.push((place, found));
            }
        }
        Ok(())
    };
    run(root, doc)?;
    let skip = &root.map.files[0].path;
    for result in state.workspace.with_views(&file, skip, &mut run) {
        result?;
    }
    Ok(Some(out))
}

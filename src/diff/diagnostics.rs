//! New and fixed diagnostics. Two diagnostics are the same when their code and
//! message are, and they point at the same text on a line that reads the same: the
//! line number is left out, so lines that only moved (something added above them)
//! are not new problems.

use super::types::{DiagnosticChanges, DiagnosticEntry};
use super::version::Version;
use crate::diag::Diagnostic;
use crate::i18n::{words, Lang};

/// What identifies a diagnostic across versions. The file is left out too, so a
/// declaration moved to another file of a project keeps its warnings.
fn key(v: &Version, d: &Diagnostic) -> (String, String, String, String) {
    let span = d.primary_span();
    let file = &v.map.files[v.map.file_of(span.start)];
    let source = &file.source;
    let local = |at: usize| source.clamp(at.saturating_sub(file.base));
    let (start, end) = (local(span.start), local(span.end).max(local(span.start)));
    let line = source.line_of(start);
    let line_end = source.text[start..]
        .find('\n')
        .map_or(source.text.len(), |n| start + n);
    (
        d.code.as_str().to_string(),
        words(&d.message, Lang::En),
        source.text[start..end].to_string(),
        source.text[source.line_start(line)..line_end]
            .trim()
            .to_string(),
    )
}

fn entry(v: &Version, d: &Diagnostic, lang: Lang) -> DiagnosticEntry {
    DiagnosticEntry {
        code: d.code.as_str().to_string(),
        severity: d.severity.as_str().to_string(),
        message: words(&d.message, lang),
        position: v.position(d.primary_span()),
    }
}

/// The diagnostics NEW has and OLD has not (`new`), and those OLD had and NEW has not
/// (`fixed`), each counted as often as it occurs.
pub fn compare(old: &Version, new: &Version, lang: Lang) -> DiagnosticChanges {
    let mut old_keys: Vec<Option<_>> = (old.checked.diagnostics.iter())
        .map(|d| Some(key(old, d)))
        .collect();
    let mut out = DiagnosticChanges::default();
    for d in &new.checked.diagnostics {
        let k = key(new, d);
        match old_keys.iter_mut().find(|o| o.as_ref() == Some(&k)) {
            Some(slot) => *slot = None,
            None => out.new.push(entry(new, d, lang)),
        }
    }
    for (d, k) in old.checked.diagnostics.iter().zip(old_keys) {
        if k.is_some() {
            out.fixed.push(entry(old, d, lang));
        }
    }
    out
}

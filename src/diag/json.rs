//! The JSON renderer: `{"files","errors","warnings","diagnostics":[…]}` with 1-based
//! lines and columns counted in characters.

use super::{Diagnostic, Safety};
use crate::i18n::Lang;
use crate::source::{SourceFile, Span};
use serde::Serialize;

#[derive(Serialize)]
pub struct JsonReport {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<JsonDiagnostic>,
}

#[derive(Serialize)]
pub struct JsonDiagnostic {
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub help: Option<String>,
    pub labels: Vec<JsonLabel>,
    pub fixes: Vec<JsonFix>,
}

#[derive(Serialize)]
pub struct JsonFix {
    pub title: String,
    pub safety: &'static str,
    pub edits: Vec<JsonEdit>,
}

/// Replace the text from `line`:`column` up to `end_line`:`end_column` (exclusive;
/// equal for an insertion) with `text`.
#[derive(Serialize)]
pub struct JsonEdit {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub text: String,
}

#[derive(Serialize)]
pub struct JsonLabel {
    /// The label's file when it is not the diagnostic's (a project's finding with
    /// labels in two files); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    pub message: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// Start and end positions of a span; the end is exclusive (the character after).
pub fn range(file: &SourceFile, span: Span) -> (usize, usize, usize, usize) {
    let a = file.position(span.start);
    let b = file.position(span.end.max(span.start));
    (a.line, a.column, b.line, b.column)
}

pub fn diagnostic(file: &SourceFile, d: &Diagnostic, lang: Lang) -> JsonDiagnostic {
    let (line, column, end_line, end_column) = range(file, d.primary_span());
    let d = d.words(lang);
    JsonDiagnostic {
        code: d.code.as_str(),
        severity: d.severity.as_str(),
        message: d.message,
        file: file.name.clone(),
        line,
        column,
        end_line,
        end_column,
        help: d.help,
        labels: (d.labels.into_iter())
            .map(|(span, message)| {
                let (line, column, end_line, end_column) = range(file, span);
                JsonLabel {
                    file: None,
                    message,
                    line,
                    column,
                    end_line,
                    end_column,
                }
            })
            .collect(),
        fixes: (d.fixes.into_iter())
            .map(|(title, safety, edits)| JsonFix {
                title,
                safety: Safety::as_str(safety),
                edits: (edits.into_iter())
                    .map(|e| {
                        let (line, column, end_line, end_column) = range(file, e.span);
                        JsonEdit {
                            line,
                            column,
                            end_line,
                            end_column,
                            text: e.text,
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}

impl JsonDiagnostic {
    /// Adds `part`'s labels — the same finding's labels in `file`, another file —
    /// naming their file.
    pub fn relate(&mut self, file: &SourceFile, part: &Diagnostic, lang: Lang) {
        let labels = diagnostic(file, part, lang).labels.into_iter();
        self.labels.extend(labels.map(|l| JsonLabel {
            file: Some(file.name.clone()),
            ..l
        }));
    }
}

/// The whole report for a run over several files.
pub fn report<'a>(
    files: impl IntoIterator<Item = (&'a SourceFile, &'a [Diagnostic])>,
    lang: Lang,
) -> JsonReport {
    let mut out = JsonReport {
        files: 0,
        errors: 0,
        warnings: 0,
        diagnostics: Vec::new(),
    };
    for (file, diags) in files {
        out.files += 1;
        for d in diags {
            if d.is_error() {
                out.errors += 1;
            } else {
                out.warnings += 1;
            }
            out.diagnostics.push(diagnostic(file, d, lang));
        }
    }
    out
}

use crate::check;
use crate::diag::{self, Severity};
use crate::lsp::convert::{self, Encoding};
use crate::source::SourceFile;
use crate::syntax::Parsed;
use lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri,
};

/// The diagnostics of `journey check`, as LSP diagnostics: the primary label gives
/// the range, the other labels become related information, the help line is
/// appended to the message.
pub fn diagnostics(
    uri: &Uri,
    source: &SourceFile,
    parsed: &Parsed,
    enc: Encoding,
) -> Vec<Diagnostic> {
    check::check_parsed(&source.text, parsed)
        .diagnostics
        .iter()
        .map(|d| convert(uri, source, d, enc))
        .collect()
}

fn convert(uri: &Uri, src: &SourceFile, d: &diag::Diagnostic, enc: Encoding) -> Diagnostic {
    let related: Vec<_> = d
        .labels
        .iter()
        .skip(1)
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), convert::range(src, l.span, enc)),
            message: l.message.clone(),
        })
        .collect();
    let message = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    Diagnostic {
        range: convert::range(src, d.primary_span(), enc),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.as_str().to_string())),
        source: Some("journey".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

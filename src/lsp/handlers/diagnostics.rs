use crate::diag::{self, Severity};
use crate::i18n::{words, Lang, Message};
use crate::lsp::convert::{self, Encoding};
use crate::lsp::workspace::FileDiagnostics;
use crate::source::{SourceFile, Span};
use lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri,
};
use serde::{Serialize, Serializer};

/// The diagnostics of one file, ready to publish. Each becomes an LSP diagnostic
/// only as it is serialized (the primary label gives the range, the other labels
/// become related information, the help line is appended to the message), so that
/// a file of 100,000 warnings never holds both lists at once.
pub struct Listed<'a> {
    uri: &'a Uri,
    found: &'a FileDiagnostics<'a>,
    enc: Encoding,
    lang: Lang,
}

impl<'a> Listed<'a> {
    pub fn new(uri: &'a Uri, found: &'a FileDiagnostics<'a>, enc: Encoding, lang: Lang) -> Self {
        Listed {
            uri,
            found,
            enc,
            lang,
        }
    }
}

impl Serialize for Listed<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (uri, enc, lang) = (self.uri, self.enc, self.lang);
        s.collect_seq((self.found.iter()).map(|(source, d)| convert(uri, source, d, enc, lang)))
    }
}

/// One diagnostic as the editor gets it.
pub(super) fn convert(
    uri: &Uri,
    src: &SourceFile,
    d: &diag::Diagnostic,
    enc: Encoding,
    lang: Lang,
) -> Diagnostic {
    let range = convert::range(src, d.primary_span(), enc);
    let d = d.words(lang);
    let related: Vec<_> = (d.labels.iter().skip(1))
        .map(|(span, message)| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), convert::range(src, *span, enc)),
            message: message.clone(),
        })
        .collect();
    let message = diag::message_and_help(&d, lang);
    Diagnostic {
        range,
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

/// Why a project's `journey.toml` (its `text`) does not parse, at its place in it:
/// what `journey check` says of it before it stops. It has no code, as the command
/// line's has none: it is not a finding about the journeys.
pub fn config_error(text: &str, error: &Message, enc: Encoding, lang: Lang) -> Diagnostic {
    let src = SourceFile::new(crate::project::CONFIG, text);
    let place = crate::lsp::policy::error_span(text);
    Diagnostic {
        range: convert::range(&src, Span::new(place.start, place.end), enc),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some("journey".to_string()),
        message: words(error, lang),
        ..Default::default()
    }
}

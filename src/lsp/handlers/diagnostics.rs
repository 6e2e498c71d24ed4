use crate::check::{self, Resolutions};
use crate::diag::{self, Severity};
use crate::i18n::Lang;
use crate::lsp::convert::{self, Encoding};
use crate::source::SourceFile;
use crate::syntax::Parsed;
use lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri,
};
use serde::{Serialize, Serializer};

/// The diagnostics of `journey check` on one document, ready to publish. Each becomes
/// an LSP diagnostic only as it is serialized (the primary label gives the range,
/// the other labels become related information, the help line is appended to the
/// message), so that a file of 100,000 warnings never holds both lists at once.
pub struct Diagnostics<'a> {
    uri: &'a Uri,
    source: &'a SourceFile,
    found: Vec<diag::Diagnostic>,
    resolutions: Option<Resolutions>,
    enc: Encoding,
    lang: Lang,
}

pub fn diagnostics<'a>(
    uri: &'a Uri,
    source: &'a SourceFile,
    parsed: &Parsed,
    enc: Encoding,
    lang: Lang,
) -> Diagnostics<'a> {
    let checked = check::check_parsed(&source.text, parsed);
    Diagnostics {
        uri,
        source,
        found: checked.diagnostics,
        resolutions: Some(checked.resolutions),
        enc,
        lang,
    }
}

impl Diagnostics<'_> {
    /// The diagnostics that carry fixes, kept for code actions (taken once the list
    /// is published).
    pub fn take_fixable(&mut self) -> Vec<diag::Diagnostic> {
        let mut found = std::mem::take(&mut self.found);
        found.retain(|d| !d.fixes.is_empty());
        found
    }

    /// The checker's resolution table of the same parse, for the document's index (taken
    /// once, so the file is not resolved a second time).
    pub fn take_resolutions(&mut self) -> Option<Resolutions> {
        self.resolutions.take()
    }
}

impl Serialize for Diagnostics<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (uri, source, enc, lang) = (self.uri, self.source, self.enc, self.lang);
        s.collect_seq(
            self.found
                .iter()
                .map(|d| convert(uri, source, d, enc, lang)),
        )
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

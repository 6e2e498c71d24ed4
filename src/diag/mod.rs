//! Diagnostics as data: every stage pushes [`Diagnostic`] values into a list, and
//! one renderer per output format (`human`, `json`, `sarif`, `github`) turns the list into text.

mod codes;
pub mod fix;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

pub use codes::Code;
pub use fix::{Edit, Fix, Safety};

use crate::i18n::{msg, words, Lang, Message};
use crate::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A labelled span. The first label of a diagnostic is its primary one.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub span: Span,
    pub message: Message,
}

/// A finding, as data: its code, what it says (catalogue messages with their
/// arguments), where, and the fixes that are known. It is put into words — in the
/// reader's language — only when rendered ([`Diagnostic::words`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: Message,
    pub labels: Vec<Label>,
    /// Boxed, as few diagnostics have one: a diagnostic is moved around a lot.
    pub help: Option<Box<Message>>,
    pub fixes: Vec<Fix>,
}

/// A diagnostic in words of one language: what the renderers lay out.
#[derive(Clone, Debug, PartialEq)]
pub struct Worded {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// Each label's span and words (empty for an unlabelled span).
    pub labels: Vec<(Span, String)>,
    pub help: Option<String>,
    /// Each fix's title, its safety and its edits.
    pub fixes: Vec<(String, Safety, Vec<Edit>)>,
}

impl Diagnostic {
    /// A diagnostic of `code`, with the code's own severity and a primary label.
    pub fn new(
        code: Code,
        message: impl Into<Message>,
        span: Span,
        label: impl Into<Message>,
    ) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            labels: vec![Label {
                span,
                message: label.into(),
            }],
            help: None,
            fixes: Vec::new(),
        }
    }

    pub fn with_label(mut self, span: Span, message: impl Into<Message>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(Box::new(help.into()));
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }

    /// Adds "did you mean `x`?" when a suggestion is known.
    pub fn with_suggestion(self, suggestion: Option<&str>) -> Self {
        match suggestion {
            Some(s) => self.with_help(msg!("did-you-mean", names = vec![s.to_string()])),
            None => self,
        }
    }

    /// The diagnostic in words of `lang`.
    pub fn words(&self, lang: Lang) -> Worded {
        Worded {
            code: self.code,
            severity: self.severity,
            message: words(&self.message, lang),
            labels: (self.labels.iter())
                .map(|l| (l.span, words(&l.message, lang)))
                .collect(),
            help: self.help.as_ref().map(|h| words(h, lang)),
            fixes: (self.fixes.iter())
                .map(|f| (words(&f.title, lang), f.safety, f.edits.clone()))
                .collect(),
        }
    }

    /// Moves every span (labels and fixes) `base` bytes on: a file's diagnostics
    /// into the byte space of its project (`crate::project`).
    pub fn shift(&mut self, base: usize) {
        let moved = |s: Span| Span::new(s.start + base, s.end + base);
        self.labels.iter_mut().for_each(|l| l.span = moved(l.span));
        for edit in self.fixes.iter_mut().flat_map(|f| f.edits.iter_mut()) {
            edit.span = moved(edit.span);
        }
    }

    pub fn primary_span(&self) -> Span {
        self.labels.first().map(|l| l.span).unwrap_or_default()
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A diagnostic's message with its help line, for a format that has one text per
/// finding (SARIF, GitHub annotations, the editor).
pub fn message_and_help(d: &Worded, lang: Lang) -> String {
    match &d.help {
        Some(help) => {
            let help = words(&msg!("help-line", help = help.as_str()), lang);
            format!("{}\n{help}", d.message)
        }
        None => d.message.clone(),
    }
}

/// Sorts diagnostics by position, then code, so every renderer prints a stable order.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| (d.primary_span().start, d.primary_span().end, d.code));
}

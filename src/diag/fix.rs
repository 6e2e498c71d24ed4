//! Fixes: edits to the file that a diagnostic knows would resolve it.

use crate::i18n::Message;
use crate::source::Span;

/// Whether a fix may be applied without a person looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Safety {
    /// Applying it cannot change what a correct file means (a full-width `：` → `:`,
    /// Chinese quotes → `"`, a misspelt name with one close candidate).
    Safe,
    /// A likely fix that a person should confirm (removing an unused declaration,
    /// adding `timezone "Asia/Shanghai"`).
    Suggested,
}

impl Safety {
    pub fn as_str(self) -> &'static str {
        match self {
            Safety::Safe => "safe",
            Safety::Suggested => "suggested",
        }
    }
}

/// Replace the text at `span` (empty: insert) with `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// A titled set of edits, applied together.
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    pub title: Message,
    pub safety: Safety,
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix made of one edit.
    pub fn replace(title: Message, safety: Safety, span: Span, text: impl Into<String>) -> Fix {
        Fix {
            title,
            safety,
            edits: vec![Edit {
                span,
                text: text.into(),
            }],
        }
    }
}

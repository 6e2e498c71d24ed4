//! The human renderer: miette's graphical report, one per diagnostic.

use super::{Diagnostic, Severity};
use crate::source::{SourceFile, Span};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SpanContents,
};
use std::fmt;

/// How the human renderer draws.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Style {
    /// Plain text at 80 columns: what snapshots and pipes get.
    pub const PLAIN: Style = Style {
        color: false,
        width: 80,
    };

    /// For a stream: colour and 100 columns on a terminal (colour off when
    /// `NO_COLOR` is set), plain 80 columns otherwise.
    pub fn for_stream(terminal: bool) -> Style {
        let color = terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Style {
            color,
            width: if terminal { 100 } else { 80 },
        }
    }
}

/// Renders every diagnostic of one file into a string.
pub fn render(file: &SourceFile, diagnostics: &[Diagnostic], style: Style) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false);
    let mut out = String::new();
    for d in diagnostics {
        let report = Report { diag: d, file };
        // Writing into a String cannot fail.
        let _ = handler.render_report(&mut out, &report);
        out.push('\n');
    }
    out
}

/// One diagnostic seen through miette's trait, with spans clamped to the text
/// (miette drops a label at the very end of the source and panics past it).
struct Report<'a> {
    diag: &'a Diagnostic,
    file: &'a SourceFile,
}

impl Report<'_> {
    fn clamp(&self, span: Span) -> (usize, usize) {
        let len = self.file.text.len();
        let mut start = self.file.clamp(span.start);
        if start == len && len > 0 {
            start = self.file.clamp(len - 1);
        }
        let end = self.file.clamp(span.end.max(start)).max(start);
        (start, end - start)
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.diag.code.as_str()))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.diag
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        // Also for an empty file (miette 7.6 handles it): the snippet header is
        // what names the file.
        Some(self as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.diag.labels.iter().enumerate().map(
            |(i, l)| {
                let (start, len) = self.clamp(l.span);
                let text = (!l.message.is_empty()).then(|| l.message.clone());
                if i == 0 {
                    LabeledSpan::new_primary_with_span(text, (start, len))
                } else {
                    LabeledSpan::new_with_span(text, (start, len))
                }
            },
        )))
    }
}

impl SourceCode for Report<'_> {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner =
            self.file
                .text
                .as_str()
                .read_span(span, context_lines_before, context_lines_after)?;
        // miette counts this column (shown in the `file:line:column` header) in
        // bytes; ours count characters, as in the JSON output.
        let column = if context_lines_before == 0 {
            self.file.position(span.offset()).column - 1
        } else {
            inner.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.file.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

//! The human renderer: miette's graphical report, one per diagnostic.

mod shown;
mod wrap;

use super::{Diagnostic, Severity, Worded};
use crate::i18n::{msg, words, Lang};
use crate::source::{SourceFile, Span};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use shown::{escaped, Shown};
use std::fmt;
use std::ops::Range;

/// How the human renderer draws.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
    pub width: usize,
    /// The language of the words.
    pub lang: Lang,
}

impl Style {
    /// Plain text at 80 columns: what snapshots and pipes get.
    pub const PLAIN: Style = Style {
        color: false,
        width: 80,
        lang: Lang::En,
    };

    /// For a stream: colour and 100 columns on a terminal (colour off when
    /// `NO_COLOR` is set), plain 80 columns otherwise; words in `lang`.
    pub fn for_stream(terminal: bool, lang: Lang) -> Style {
        let color = terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Style {
            color,
            width: if terminal { 100 } else { 80 },
            lang,
        }
    }

    /// [`Style::for_stream`] for standard error, where diagnostics go when the
    /// output proper is a plan, a report or formatted text.
    pub fn for_stderr(lang: Lang) -> Style {
        use std::io::IsTerminal;
        Style::for_stream(std::io::stderr().is_terminal(), lang)
    }
}

/// Renders every diagnostic of one file into a string.
pub fn render(file: &SourceFile, diagnostics: &[Diagnostic], style: Style) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme.clone())
        .with_width(style.width)
        .with_links(false)
        .with_break_words(false)
        .with_word_separator(wrap::KEEPING_CODE_SPANS);
    let help_keyword = words(&msg!("help-keyword"), style.lang);
    let shown = Shown::new(file);
    let lines = Lines::new(&shown.file.text);
    let mut out = String::new();
    for d in diagnostics {
        let diag = shown_words(d, style.lang);
        let report = Report {
            diag: &diag,
            shown: &shown,
            lines: &lines,
        };
        // Writing into a String cannot fail.
        let _ = handler.render_report(&mut out, &report);
        // miette's help line comes last, led by its own English `help:`: it is laid
        // out here instead, the same way, led by the reader's word.
        if let Some(help) = &diag.help {
            out.push_str(&wrap::help_block(help, &help_keyword, &theme, style.width));
        }
        out.push('\n');
    }
    out
}

/// The diagnostic in words, with control characters from the file escaped.
fn shown_words(d: &Diagnostic, lang: Lang) -> Worded {
    let mut worded = d.words(lang);
    let escape = |text: &mut String| {
        if let std::borrow::Cow::Owned(e) = escaped(text) {
            *text = e;
        }
    };
    escape(&mut worded.message);
    worded.labels.iter_mut().for_each(|(_, l)| escape(l));
    worded.help.iter_mut().for_each(escape);
    worded
}

/// One diagnostic seen through miette's trait, on the file as shown, with spans
/// clamped to the text (miette drops a label at the very end of the source and
/// panics past it). Its help line is rendered apart ([`wrap::help_block`]).
struct Report<'a> {
    diag: &'a Worded,
    shown: &'a Shown<'a>,
    lines: &'a Lines,
}

impl Report<'_> {
    /// A span of the file, as the shown text's offset and length.
    fn clamp(&self, span: Span) -> (usize, usize) {
        let file = &self.shown.file;
        let span = self.shown.span(span);
        let len = file.text.len();
        let mut start = file.clamp(span.start);
        if start == len && len > 0 {
            start = file.clamp(len - 1);
        }
        let end = file.clamp(span.end.max(start)).max(start);
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

    fn source_code(&self) -> Option<&dyn SourceCode> {
        // Also for an empty file (miette 7.6 handles it): the snippet header is
        // what names the file.
        Some(self as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.diag.labels.iter().enumerate().map(
            |(i, (span, message))| {
                let (start, len) = self.clamp(*span);
                let text = (!message.is_empty()).then(|| message.clone());
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
        // miette finds lines by scanning the text from its start, once per label:
        // quadratic in the number of diagnostics. It scans only a window of whole
        // lines around the span here, and its line numbers and offsets are moved
        // back into the file: the same contents, found in time independent of the
        // file's size.
        let (first_line, window) =
            self.lines
                .window(span, context_lines_before, context_lines_after);
        let shifted = SourceSpan::new((span.offset() - window.start).into(), span.len());
        let file = &self.shown.file;
        let inner = file.text[window.clone()].read_span(
            &shifted,
            context_lines_before,
            context_lines_after,
        )?;
        // miette counts this column (shown in the `file:line:column` header) in
        // bytes; ours count characters of the file, as in the JSON output.
        let column = if context_lines_before == 0 {
            let offset = self.shown.original(span.offset());
            self.shown.original.position(offset).column - 1
        } else {
            inner.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            file.name.clone(),
            inner.data(),
            SourceSpan::new(
                (inner.span().offset() + window.start).into(),
                inner.span().len(),
            ),
            inner.line() + first_line,
            column,
            inner.line_count() + first_line,
        )))
    }
}

/// Where lines start as miette counts them: after `\n`, `\r\n` and a lone `\r`.
struct Lines {
    starts: Vec<usize>,
    len: usize,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let bytes = text.as_bytes();
        let breaks = memchr::memchr2_iter(b'\n', b'\r', bytes)
            .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'));
        Lines {
            starts: std::iter::once(0).chain(breaks.map(|i| i + 1)).collect(),
            len: text.len(),
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Where 0-based `line` starts (the end of the text past the last line).
    fn start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    /// The first line and the byte range of a window of whole lines around `span`
    /// in which miette finds the same contents as in the whole text: one line more
    /// than the context on each side.
    fn window(&self, span: &SourceSpan, before: usize, after: usize) -> (usize, Range<usize>) {
        let first = self.line_of(span.offset()).saturating_sub(before + 1);
        let last = self.line_of(span.offset() + span.len()) + after + 2;
        (first, self.start(first)..self.start(last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;
    use crate::i18n::Message;

    /// Words for a test diagnostic, the same in every language.
    fn said(words: &str) -> Message {
        Message::Text(words.to_string())
    }

    /// What miette finds in the whole text, compared with what the window gives,
    /// for every span of texts with every kind of line end, for 0 to 2 lines of
    /// context.
    #[test]
    fn the_window_reads_what_the_whole_text_reads() {
        let texts = [
            "",
            "a",
            "\n",
            "tag 风格: bool\n\nevent e\n",
            "a\r\nb\r\n\r\nc",
            "a\rb\r\rc\r\n\nd\n\re",
            "x\ny\nz\nw\nv\nu\nt",
        ];
        for text in texts {
            let file = SourceFile::new("t", text);
            let diag = Diagnostic::new(Code::Syntax, said("m"), Span::default(), said("l"))
                .words(Lang::En);
            let lines = Lines::new(text);
            let shown = Shown::new(&file);
            let report = Report {
                diag: &diag,
                shown: &shown,
                lines: &lines,
            };
            for start in 0..=text.len() {
                for end in start..=text.len() {
                    for (before, after) in [(0, 0), (1, 1), (2, 2), (0, 2), (2, 0)] {
                        let span = SourceSpan::from(start..end);
                        let what = format!("{text:?} {start}..{end} {before} {after}");
                        let expected = text.read_span(&span, before, after);
                        let actual = report.read_span(&span, before, after);
                        let (expected, actual) = match (expected, actual) {
                            (Ok(expected), Ok(actual)) => (expected, actual),
                            (Err(_), Err(_)) => continue,
                            _ => panic!("one is out of bounds, not the other: {what}"),
                        };
                        assert_eq!(actual.data(), expected.data(), "{what}");
                        assert_eq!(actual.span(), expected.span(), "{what}");
                        assert_eq!(actual.line(), expected.line(), "{what}");
                        assert_eq!(actual.line_count(), expected.line_count(), "{what}");
                        if before > 0 {
                            assert_eq!(actual.column(), expected.column(), "{what}");
                        }
                    }
                }
            }
        }
    }

    /// A file cannot drive the terminal: its control characters are shown as
    /// escapes in the snippet, the message, the labels and the help line, and the
    /// underline and the column still point at the character.
    #[test]
    fn control_characters_from_the_file_are_shown_escaped() {
        let text = "event e\u{1b}[2J\u{7}\nevent f\n";
        let file = SourceFile::new("t.journey", text);
        let mut diagnostics = crate::syntax::parse(text).diagnostics;
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        diagnostics.push(
            Diagnostic::new(
                Code::Syntax,
                said("m"),
                Span::new(11, 12),
                said("bell \u{7} here"),
            )
            .with_help(said("ring \u{7}")),
        );
        let out = render(&file, &diagnostics, Style::PLAIN);
        let raw: Vec<char> = (out.chars())
            .filter(|c| c.is_control() && *c != '\n')
            .collect();
        assert!(raw.is_empty(), "{raw:?} in\n{out}");
        // The message may wrap before the character: compare its words.
        let message: Vec<&str> = (out.split_whitespace()).filter(|w| *w != "│").collect();
        assert!(message.join(" ").contains("found `\\u{1b}`"), "{out}");
        assert!(out.contains(" 1 │ event e\\u{1b}[2J\\u{7}\n"), "{out}");
        assert!(out.contains("[t.journey:1:8]"), "{out}");
        assert!(out.contains("[t.journey:1:12]"), "{out}");
        assert!(out.contains("╰── bell \\u{7} here"), "{out}");
        assert!(out.contains("help: ring \\u{7}"), "{out}");
        // Each underline stands under the whole escape.
        let underlines: Vec<&str> = (out.lines())
            .filter_map(|l| l.trim_end().rsplit(' ').next().filter(|u| u.contains('┬')))
            .collect();
        assert_eq!(underlines, ["───┬──", "──┬──"], "{out}");
    }

    #[test]
    fn the_help_line_is_led_by_the_readers_word() {
        let file = SourceFile::new("t.journey", "event e\n");
        let d = Diagnostic::new(Code::Syntax, said("m"), Span::new(6, 7), said("l")).with_help(
            crate::i18n::msg!("did-you-mean", names = vec!["x".to_string()]),
        );
        let en = render(&file, std::slice::from_ref(&d), Style::PLAIN);
        assert!(en.ends_with("  help: did you mean `x`?\n\n"), "{en}");
        let zh_style = Style {
            lang: Lang::Zh,
            ..Style::PLAIN
        };
        let zh = render(&file, &[d], zh_style);
        assert!(zh.ends_with("  提示：是不是想写 `x`？\n\n"), "{zh}");
        assert!(!zh.contains("help"), "{zh}");
    }

    /// Reading a span looks at a few lines, not at the text before it: rendering
    /// is linear in the number of diagnostics.
    #[test]
    fn the_window_is_a_few_lines_wherever_the_span_is() {
        let text = "event e\n".repeat(100_000);
        let lines = Lines::new(&text);
        for offset in [0, text.len() / 2, text.len() - 3] {
            let (_, window) = lines.window(&SourceSpan::from(offset..offset + 1), 1, 1);
            assert!(window.len() <= 6 * "event e\n".len(), "{window:?}");
        }
    }
}

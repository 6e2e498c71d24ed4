//! What the terminal is given: control characters from the file (ESC, BEL, the
//! other C0 and C1 controls but tab and line ends) written as escapes (`\u{1b}`),
//! never raw, so a file cannot move the cursor, ring the bell or change colours.

use crate::source::{SourceFile, Span};
use std::borrow::Cow;

/// Whether `c` is shown escaped.
fn hidden(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// `text` with every control character escaped.
pub fn escaped(text: &str) -> Cow<'_, str> {
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A file as shown, with the offsets of its escapes to move spans between the
/// file and the shown text.
pub struct Shown<'a> {
    pub original: &'a SourceFile,
    pub file: Cow<'a, SourceFile>,
    /// For each escaped character, in file order: where it starts and ends in the
    /// file, and how many bytes longer the shown text is from its end on.
    escapes: Vec<(usize, usize, usize)>,
}

impl<'a> Shown<'a> {
    pub fn new(original: &'a SourceFile) -> Shown<'a> {
        let mut escapes = Vec::new();
        let mut extra = 0;
        for (i, c) in original.text.char_indices().filter(|&(_, c)| hidden(c)) {
            extra += c.escape_unicode().count() - c.len_utf8();
            escapes.push((i, i + c.len_utf8(), extra));
        }
        let file = match escaped(&original.text) {
            Cow::Borrowed(_) => Cow::Borrowed(original),
            Cow::Owned(text) => Cow::Owned(SourceFile::new(original.name.clone(), text)),
        };
        Shown {
            original,
            file,
            escapes,
        }
    }

    /// A span of the file, in the shown text (an escaped character is covered whole).
    pub fn span(&self, span: Span) -> Span {
        Span::new(self.shown(span.start), self.shown(span.end))
    }

    fn shown(&self, offset: usize) -> usize {
        let before = self.escapes.partition_point(|e| e.0 < offset);
        offset + before.checked_sub(1).map_or(0, |i| self.escapes[i].2)
    }

    /// The offset in the file of an offset of the shown text that starts a
    /// character or an escape.
    pub fn original(&self, offset: usize) -> usize {
        let before = self.escapes.partition_point(|e| e.1 + e.2 <= offset);
        offset - before.checked_sub(1).map_or(0, |i| self.escapes[i].2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_spans_follow_them() {
        assert_eq!(
            escaped("a\u{1b}[31mb\u{7}\tc\n"),
            "a\\u{1b}[31mb\\u{7}\tc\n"
        );
        assert!(matches!(escaped("tab\tand 中文\r\n"), Cow::Borrowed(_)));
        assert_eq!(escaped("\u{9b}"), "\\u{9b}");
        let file = SourceFile::new("f", "x\u{1b}y\u{85}z");
        let shown = Shown::new(&file);
        assert_eq!(shown.file.text, "x\\u{1b}y\\u{85}z");
        let text = &shown.file.text;
        let at = |s: Span| &text[s.start..s.end];
        assert_eq!(at(shown.span(Span::new(1, 2))), "\\u{1b}");
        assert_eq!(at(shown.span(Span::new(2, 3))), "y");
        assert_eq!(at(shown.span(Span::new(3, 6))), "\\u{85}z");
        for (original, shown_at) in [(0, 0), (1, 1), (2, 7), (3, 8), (5, 14)] {
            assert_eq!(shown.original(shown_at), original);
            assert_eq!(shown.shown(original), shown_at);
        }
    }
}

//! Source text, byte spans and the line index that turns spans into positions.

use serde::Serialize;

/// A byte range `[start, end)` into one source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

impl From<pest::Span<'_>> for Span {
    fn from(s: pest::Span<'_>) -> Span {
        Span::new(s.start(), s.end())
    }
}

/// A 1-based line and column, the column counted in Unicode characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Where a span is: the name of its file and its position there. One file locates
/// its own spans; a project's map locates the spans of every file it holds.
pub trait Locate {
    /// The name of the file compiled (of a project: its root file).
    fn name(&self) -> &str;
    /// The name of the file at `offset` (for a project: relative to its root).
    fn file_name(&self, offset: usize) -> &str;
    fn position(&self, offset: usize) -> Position;
}

impl Locate for SourceFile {
    fn name(&self) -> &str {
        &self.name
    }

    fn file_name(&self, _: usize) -> &str {
        &self.name
    }

    fn position(&self, offset: usize) -> Position {
        SourceFile::position(self, offset)
    }
}

/// One file as the tools see it: its display name and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let text = text.into();
        // memchr's iterator, not `match_indices`: `journey check` builds this on one
        // core before anything runs in parallel, and per line the char searcher cost
        // about ten times as much.
        let newlines = memchr::memchr_iter(b'\n', text.as_bytes());
        let line_starts = std::iter::once(0).chain(newlines.map(|i| i + 1)).collect();
        SourceFile {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// The 0-based line holding byte `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    /// The byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts[line.min(self.line_starts.len() - 1)]
    }

    /// 1-based line and character column of byte `offset`. An offset inside a
    /// multi-byte character counts as that character.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.clamp(offset);
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let column = self.text[start..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// The nearest char boundary at or before `offset`, within the text.
    pub fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let f = SourceFile::new("t", "tag 风格: bool\n  send 企业微信 \"x\"\n");
        assert_eq!(f.position(0), Position { line: 1, column: 1 });
        let off = f.text.find(':').unwrap();
        assert_eq!(f.position(off), Position { line: 1, column: 7 });
        let off = f.text.find('"').unwrap();
        assert_eq!(
            f.position(off),
            Position {
                line: 2,
                column: 13
            }
        );
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let f = SourceFile::new("t", "ab\n");
        assert_eq!(f.position(99), Position { line: 2, column: 1 });
        let f = SourceFile::new("t", "");
        assert_eq!(f.position(5), Position { line: 1, column: 1 });
    }

    #[test]
    fn offset_inside_a_character_counts_as_that_character() {
        let f = SourceFile::new("t", "风格");
        assert_eq!(f.position(1), Position { line: 1, column: 1 });
        assert_eq!(f.position(3), Position { line: 1, column: 2 });
    }
}

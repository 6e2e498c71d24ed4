//! The printer's output before comments are woven in: one [`Line`] per output line,
//! each remembering which source bytes it prints, and the source-text helpers the
//! printers share.

use super::space::{is_space, skip_space, skip_space_back};
use crate::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A whole construct on one line.
    Code,
    /// `head {`: its children follow, one level deeper.
    Open,
    /// The `}` that ends the last open block.
    Close,
}

/// Whether a blank line goes before a line (and its leading comments).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blank {
    /// Where the source had one.
    Keep,
    /// Always (around stages and multi-line top-level items).
    Always,
}

#[derive(Clone, Debug)]
pub struct Line {
    pub depth: usize,
    pub text: String,
    pub kind: Kind,
    /// Where the line's code starts in the source.
    pub start: usize,
    /// Source code before this offset belongs to the line (for an `Open` line: up to
    /// its first child).
    pub end: usize,
    pub blank: Blank,
    /// For aligned lines (population `tag` lines): the byte length of the part
    /// before the aligned column; the text goes on after one space.
    pub align: Option<usize>,
}

/// Builds [`Line`]s from the AST (the `impl`s live in `items.rs` and `journey.rs`).
pub struct Printer<'a> {
    pub src: &'a str,
    comments: &'a [Span],
    pub lines: Vec<Line>,
    depth: usize,
}

impl<'a> Printer<'a> {
    pub fn new(src: &'a str, comments: &'a [Span]) -> Self {
        Printer {
            src,
            comments,
            lines: Vec::new(),
            depth: 0,
        }
    }

    /// The source text of a span: names, strings and literals are printed as written.
    pub fn text(&self, span: Span) -> &'a str {
        &self.src[span.start..span.end]
    }

    /// Pushes a one-line construct covering `span`.
    pub fn line(&mut self, text: String, span: Span) -> &mut Line {
        let end = self.end(span);
        self.lines.push(Line {
            depth: self.depth,
            text,
            kind: Kind::Code,
            start: span.start,
            end,
            blank: Blank::Keep,
            align: None,
        });
        self.lines.last_mut().expect("just pushed")
    }

    /// Prints `head { … }` for a construct covering `span`, its children printed by
    /// `body`. `inside` is the source range between the braces. The block stays on
    /// one line when it has no children, or when `fold` allows one one-line child;
    /// a comment inside always opens it up.
    pub fn block(
        &mut self,
        head: String,
        span: Span,
        inside: Span,
        fold: bool,
        body: impl FnOnce(&mut Self),
    ) {
        let open = self.lines.len();
        self.line(format!("{head} {{"), span).kind = Kind::Open;
        self.depth += 1;
        body(self);
        self.depth -= 1;
        let children = &self.lines[open + 1..];
        let single = fold && children.len() == 1 && children[0].kind == Kind::Code;
        if !self.has_comment(inside) && (children.is_empty() || single) {
            let text = match children.first() {
                Some(child) => format!("{head} {{ {} }}", child.text),
                None => format!("{head} {{}}"),
            };
            self.lines.truncate(open);
            self.line(text, span);
            return;
        }
        // A block printed with braces the source lacks (`head: { action }`) closes
        // where its last action ends.
        let end = self.end(span);
        let close = if self.src.as_bytes()[end - 1] == b'}' {
            end - 1
        } else {
            end
        };
        self.lines[open].end = self.lines.get(open + 1).map_or(close, |l| l.start);
        self.line("}".into(), Span::new(close, end)).kind = Kind::Close;
    }

    /// The `{` that opens a block whose header ends at `head_end`, and the range
    /// inside the braces of a construct ending at `end`.
    pub fn inside_braces(&self, head_end: usize, end: usize) -> Span {
        let open = self.next_code(head_end);
        debug_assert_eq!(self.src.as_bytes().get(open), Some(&b'{'));
        Span::new(open + 1, self.prev_code_end(end) - 1)
    }

    pub fn has_comment(&self, range: Span) -> bool {
        let i = self.comments.partition_point(|c| c.start < range.start);
        self.comments.get(i).is_some_and(|c| c.start < range.end)
    }

    /// The comment that holds byte `pos`, if any.
    fn comment_at(&self, pos: usize) -> Option<Span> {
        let i = self.comments.partition_point(|c| c.start <= pos);
        i.checked_sub(1)
            .map(|i| self.comments[i])
            .filter(|c| pos < c.end)
    }

    /// The first code byte at or after `pos`, skipping whitespace and comments.
    pub fn next_code(&self, mut pos: usize) -> usize {
        loop {
            pos = skip_space(self.src, pos);
            match self.comment_at(pos) {
                Some(c) => pos = c.end,
                None => return pos,
            }
        }
    }

    /// Where the code of `span` ends. A node's span can run on over the whitespace
    /// and comments after it (when an optional part at its end is absent).
    pub fn end(&self, span: Span) -> usize {
        self.prev_code_end(span.end)
    }

    /// The end of the code before `pos`, skipping whitespace and comments.
    pub fn prev_code_end(&self, mut pos: usize) -> usize {
        loop {
            pos = skip_space_back(self.src, pos);
            match pos.checked_sub(1).and_then(|p| self.comment_at(p)) {
                Some(c) => pos = c.start,
                None => return pos,
            }
        }
    }

    /// Where the keyword of a setting starts, given the span of its value
    /// (`timezone "…"`, `holdout 10%`, `size 1_000` keep only the value's span).
    pub fn keyword_start(&self, value: Span) -> usize {
        let bytes = self.src.as_bytes();
        let mut pos = self.prev_code_end(value.start);
        while pos > 0 && (bytes[pos - 1].is_ascii_alphanumeric() || bytes[pos - 1] == b'_') {
            pos -= 1;
        }
        pos
    }

    /// `true` when the condition at `span` is written in parentheses.
    pub fn in_parens(&self, span: Span) -> bool {
        let before = self.prev_code_end(span.start);
        let after = self.next_code(span.end);
        before > 0
            && self.src.as_bytes()[before - 1] == b'('
            && self.src.as_bytes().get(after) == Some(&b')')
    }

    /// The words of a span, without commas, whitespace and comments
    /// (`mon, wed,  fri` → `mon`, `wed`, `fri`).
    pub fn words(&self, span: Span) -> Vec<&'a str> {
        let mut words = Vec::new();
        let mut pos = span.start;
        loop {
            pos = self.next_code(pos);
            if pos >= span.end {
                return words;
            }
            let rest = &self.src[pos..span.end];
            let len = rest
                .find(|c: char| is_space(c) || c == ',' || c == '#')
                .unwrap_or(rest.len());
            if len == 0 {
                pos += 1; // a comma
            } else {
                words.push(&rest[..len]);
                pos += len;
            }
        }
    }
}

//! From printed lines to text: comments woven back in, blank lines, alignment.

use super::doc::{Blank, Kind, Line};
use super::space::{is_space, skip_space};
use crate::source::Span;
use unicode_width::UnicodeWidthStr;

/// One output line.
struct Out {
    depth: usize,
    text: String,
    blank_before: bool,
    align: Option<usize>,
    /// An `Open` line: no blank line goes after it.
    open: bool,
    trailing: Option<String>,
    /// The column trailing comments of this line's run start at.
    comment_column: usize,
}

impl Out {
    fn new(depth: usize, text: String) -> Out {
        Out {
            depth,
            text,
            blank_before: false,
            align: None,
            open: false,
            trailing: None,
            comment_column: 0,
        }
    }

    fn width(&self) -> usize {
        self.depth * 2 + self.text.width()
    }
}

/// Where each comment goes: before a line (`lead`, indexed up to `lines.len()` for
/// the end of the file), lifted out of a line's middle (`hoist`), or at its end.
struct Placed {
    lead: Vec<Vec<Span>>,
    hoist: Vec<Vec<Span>>,
    trail: Vec<Option<Span>>,
}

/// A comment belongs to the last line that starts before it. Inside that line's
/// code it is lifted above the line; after code on its source line it trails the
/// line (one comment per line, others lead the next line); otherwise it leads the
/// next line.
fn place(src: &str, source: &SourceLines, lines: &[Line], comments: &[Span]) -> Placed {
    let mut placed = Placed {
        lead: vec![Vec::new(); lines.len() + 1],
        hoist: vec![Vec::new(); lines.len()],
        trail: vec![None; lines.len()],
    };
    let code_after = code_after(src, comments);
    for (&c, code_after) in comments.iter().zip(code_after) {
        let next = lines.partition_point(|l| l.start <= c.start);
        match next.checked_sub(1) {
            Some(o) if code_after < lines[o].end => placed.hoist[o].push(c),
            Some(o) if !source.first_on_line(c.start) && placed.trail[o].is_none() => {
                placed.trail[o] = Some(c)
            }
            _ => placed.lead[next].push(c),
        }
    }
    placed
}

/// For each comment, the first code byte after it. One backward pass: a run of
/// comments is skipped once, not once for each of its comments (quadratic in the
/// length of the run).
fn code_after(src: &str, comments: &[Span]) -> Vec<usize> {
    let mut after = vec![0; comments.len()];
    for i in (0..comments.len()).rev() {
        let pos = skip_space(src, comments[i].end);
        after[i] = match comments.get(i + 1) {
            Some(next) if next.start == pos => after[i + 1],
            _ => pos,
        };
    }
    after
}

pub fn render(src: &str, lines: Vec<Line>, comments: &[Span]) -> String {
    let source = SourceLines::new(src);
    let placed = place(src, &source, &lines, comments);
    let mut w = Writer {
        src,
        source,
        out: Vec::with_capacity(lines.len() + comments.len()),
    };
    let count = lines.len();
    for (i, line) in lines.into_iter().enumerate() {
        // The first element of a line's group (its comments, then the line) gets the
        // line's blank-line policy.
        let close = line.kind == Kind::Close;
        w.comments(&placed.lead[i], line.depth + usize::from(close), line.blank);
        let first = placed.lead[i].is_empty();
        for (k, c) in placed.hoist[i].iter().enumerate() {
            let blank = first && k == 0 && w.group_blank(line.blank, line.start);
            w.push(Out::new(line.depth, w.comment(c)), blank);
        }
        let blank = if close || !placed.hoist[i].is_empty() {
            false
        } else if first {
            w.group_blank(line.blank, line.start)
        } else {
            w.source.blank_before(line.start)
        };
        let out = Out {
            align: line.align,
            open: line.kind == Kind::Open,
            trailing: placed.trail[i].map(|c| w.comment(&c)),
            ..Out::new(line.depth, line.text)
        };
        w.push(out, blank);
    }
    w.comments(&placed.lead[count], 0, Blank::Keep);
    align(&mut w.out);
    let mut text = String::new();
    for o in &w.out {
        if o.blank_before {
            text.push('\n');
        }
        text.push_str(&" ".repeat(o.depth * 2));
        text.push_str(&o.text);
        if let Some(c) = &o.trailing {
            text.push_str(&" ".repeat(o.comment_column - o.width()));
            text.push_str(c);
        }
        text.push('\n');
    }
    text
}

struct Writer<'a> {
    src: &'a str,
    source: SourceLines,
    out: Vec<Out>,
}

impl Writer<'_> {
    fn comment(&self, c: &Span) -> String {
        self.src[c.start..c.end]
            .trim_end_matches(is_space)
            .to_string()
    }

    fn group_blank(&self, policy: Blank, pos: usize) -> bool {
        policy == Blank::Always || self.source.blank_before(pos)
    }

    /// Own-line comments before a line, at `depth`.
    fn comments(&mut self, comments: &[Span], depth: usize, policy: Blank) {
        for (k, c) in comments.iter().enumerate() {
            let blank = if k == 0 {
                self.group_blank(policy, c.start)
            } else {
                self.source.blank_before(c.start)
            };
            self.push(Out::new(depth, self.comment(c)), blank);
        }
    }

    fn push(&mut self, mut out: Out, blank: bool) {
        // No blank line at the start of the file or of a block.
        let after_open = self.out.last().is_none_or(|o| o.open);
        out.blank_before = blank && !after_open;
        self.out.push(out);
    }
}

/// Aligns the values of consecutive population `tag` lines, then the trailing
/// comments of consecutive lines, by display width (CJK characters are two columns).
fn align(out: &mut [Out]) {
    for_runs(
        out,
        |o| o.align.is_some(),
        |run| {
            let head = |o: &Out| o.text[..o.align.unwrap_or(0)].width();
            let column = run.iter().map(head).max().unwrap_or(0) + 1;
            for o in run {
                let k = o.align.unwrap_or(0);
                let pad = " ".repeat(column - head(o));
                o.text = format!("{}{pad}{}", &o.text[..k], &o.text[k + 1..]);
            }
        },
    );
    for_runs(
        out,
        |o| o.trailing.is_some(),
        |run| {
            let column = run.iter().map(Out::width).max().unwrap_or(0) + 2;
            for o in run {
                o.comment_column = column;
            }
        },
    );
}

/// Calls `f` on every maximal run of consecutive lines at one depth that are
/// `member`s, with no blank line between them.
fn for_runs(out: &mut [Out], member: impl Fn(&Out) -> bool, mut f: impl FnMut(&mut [Out])) {
    let mut i = 0;
    while i < out.len() {
        if !member(&out[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < out.len()
            && member(&out[j])
            && !out[j].blank_before
            && out[j].depth == out[i].depth
        {
            j += 1;
        }
        f(&mut out[i..j]);
        i = j;
    }
}

/// Where each source line's first code or comment starts (`None`: a blank line),
/// so that questions about lines cost a binary search, not a scan.
struct SourceLines {
    starts: Vec<usize>,
    first: Vec<Option<usize>>,
}

impl SourceLines {
    fn new(src: &str) -> Self {
        let mut lines = SourceLines {
            starts: vec![0],
            first: vec![None],
        };
        for (i, c) in src.char_indices() {
            match c {
                '\n' => {
                    lines.starts.push(i + 1);
                    lines.first.push(None);
                }
                c if is_space(c) => {}
                _ => {
                    let first = lines.first.last_mut().expect("one line at least");
                    first.get_or_insert(i);
                }
            }
        }
        lines
    }

    fn line_of(&self, pos: usize) -> usize {
        self.starts.partition_point(|&s| s <= pos) - 1
    }

    /// `true` when only whitespace comes before `pos` on its line.
    fn first_on_line(&self, pos: usize) -> bool {
        self.first[self.line_of(pos)].is_none_or(|f| f >= pos)
    }

    /// `true` when `pos` starts its source line and the line before it is blank.
    fn blank_before(&self, pos: usize) -> bool {
        let line = self.line_of(pos);
        line > 0 && self.first_on_line(pos) && self.first[line - 1].is_none()
    }
}

//! From printed lines to text: comments woven back in, blank lines, alignment.

use super::doc::{next_code, Blank, Kind, Line};
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
fn place(src: &str, lines: &[Line], comments: &[Span]) -> Placed {
    let mut placed = Placed {
        lead: vec![Vec::new(); lines.len() + 1],
        hoist: vec![Vec::new(); lines.len()],
        trail: vec![None; lines.len()],
    };
    for &c in comments {
        let next = lines.partition_point(|l| l.start <= c.start);
        match next.checked_sub(1) {
            Some(o) if next_code(src, c.end) < lines[o].end => placed.hoist[o].push(c),
            Some(o) if !first_on_line(src, c.start) && placed.trail[o].is_none() => {
                placed.trail[o] = Some(c)
            }
            _ => placed.lead[next].push(c),
        }
    }
    placed
}

pub fn render(src: &str, lines: Vec<Line>, comments: &[Span]) -> String {
    let placed = place(src, &lines, comments);
    let mut w = Writer {
        src,
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
            w.push(line.depth, w.comment(c), blank, None);
        }
        let blank = if close || !placed.hoist[i].is_empty() {
            false
        } else if first {
            w.group_blank(line.blank, line.start)
        } else {
            source_blank(src, line.start)
        };
        let trailing = placed.trail[i].map(|c| w.comment(&c));
        let open = line.kind == Kind::Open;
        w.push(line.depth, line.text, blank, trailing);
        let o = w.out.last_mut().expect("just pushed");
        o.align = line.align;
        o.open = open;
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
    out: Vec<Out>,
}

impl Writer<'_> {
    fn comment(&self, c: &Span) -> String {
        self.src[c.start..c.end].trim_end().to_string()
    }

    fn group_blank(&self, policy: Blank, pos: usize) -> bool {
        policy == Blank::Always || source_blank(self.src, pos)
    }

    /// Own-line comments before a line, at `depth`.
    fn comments(&mut self, comments: &[Span], depth: usize, policy: Blank) {
        for (k, c) in comments.iter().enumerate() {
            let blank = if k == 0 {
                self.group_blank(policy, c.start)
            } else {
                source_blank(self.src, c.start)
            };
            self.push(depth, self.comment(c), blank, None);
        }
    }

    fn push(&mut self, depth: usize, text: String, blank: bool, trailing: Option<String>) {
        // No blank line at the start of the file or of a block.
        let after_open = self.out.last().is_none_or(|o| o.open);
        self.out.push(Out {
            depth,
            text,
            blank_before: blank && !after_open,
            align: None,
            open: false,
            trailing,
            comment_column: 0,
        });
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

/// The start of the source line holding byte `pos`.
fn line_start(src: &str, pos: usize) -> usize {
    src.as_bytes()[..pos]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1)
}

fn is_blank(text: &str) -> bool {
    text.trim_start_matches('\u{FEFF}').trim().is_empty()
}

/// `true` when only whitespace comes before `pos` on its line.
fn first_on_line(src: &str, pos: usize) -> bool {
    is_blank(&src[line_start(src, pos)..pos])
}

/// `true` when `pos` starts its source line and the line before it is blank.
fn source_blank(src: &str, pos: usize) -> bool {
    let start = line_start(src, pos);
    start > 0 && first_on_line(src, pos) && is_blank(&src[line_start(src, start - 1)..start])
}

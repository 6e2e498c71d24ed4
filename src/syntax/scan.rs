//! A cheap lexical pre-pass over the raw text, before pest runs: it collects comment
//! spans (the formatter and the LSP need them), and catches what pest handles badly —
//! unterminated strings, nesting deep enough to exhaust the stack, and full-width
//! punctuation (every one of them, each with its fix: pest would stop at the first,
//! and a `--fix` run could not restore the file in one round).

mod full_width;

use crate::diag::{Code, Diagnostic, Edit, Fix, Safety};
use crate::i18n::{msg, Arg};
use crate::source::Span;

/// Deeper bracket nesting than this is refused (pest recursion is not bounded).
pub const MAX_DEPTH: usize = 256;

pub struct Scan {
    pub comments: Vec<Span>,
    pub diagnostics: Vec<Diagnostic>,
    /// What the scanned text does to the bracket depth.
    pub depth: Depth,
}

/// How a run of text changes the bracket depth, whatever the depth before it: from
/// depth `d` it ends at `max(d + net, end)` and its deepest point is `max(d +
/// net_peak, peak)` (a closing bracket at depth 0 changes nothing, so the depth is a
/// maximum of two lines, and so is their composition). `end` and `peak` are the
/// depths from 0.
#[derive(Clone, Copy, Debug, Default)]
pub struct Depth {
    net: isize,
    end: isize,
    /// The highest `net` just after an opening bracket (`isize::MIN` without one).
    net_peak: isize,
    peak: isize,
}

impl Depth {
    /// Whether `runs`, one after another from depth 0, nest deeper than [`MAX_DEPTH`]
    /// anywhere.
    pub fn too_deep<'a>(runs: impl IntoIterator<Item = &'a Depth>) -> bool {
        let mut d = 0isize;
        runs.into_iter().any(|run| {
            let deepest = d.saturating_add(run.net_peak).max(run.peak);
            d = (d + run.net).max(run.end);
            deepest > MAX_DEPTH as isize
        })
    }
}

/// Scans the whole text.
pub fn scan(text: &str) -> Scan {
    scan_from(text, 0)
}

/// Scans `text[start..end]`, where `start` is the start of a line: the scan starts
/// afresh there but for the bracket depth, since strings, comments and quoted names
/// end with their line. Spans are the text's; the depth ([`Scan::depth`], and the
/// nesting error) is counted from 0 at `start`, so the caller carries it across runs
/// with [`Depth::too_deep`].
pub fn scan_lines(text: &str, (start, end): (usize, usize)) -> Scan {
    scan_from(&text[..end], start)
}

fn scan_from(text: &str, start: usize) -> Scan {
    let mut comments = Vec::new();
    let mut diagnostics = Vec::new();
    let mut depth = Depth {
        net_peak: isize::MIN,
        ..Depth::default()
    };
    let mut too_deep = false;
    let bytes = text.as_bytes();
    let mut i = start;
    // Most bytes mean nothing here: skip to the next one that does.
    let next = |i: usize| bytes[i..].iter().position(|&b| SPECIAL[b as usize]);
    while let Some(skip) = next(i) {
        i += skip;
        match bytes[i] {
            b'#' => {
                let end = line_end(bytes, i);
                comments.push(Span::new(i, end));
                i = end;
            }
            b'"' => {
                let start = i;
                i += 1;
                loop {
                    match bytes.get(i) {
                        None | Some(b'\n') | Some(b'\r') => {
                            diagnostics.push(
                                Diagnostic::new(
                                    Code::UnterminatedString,
                                    msg!("unterminated-string"),
                                    Span::new(start, i),
                                    msg!("unterminated-string.label"),
                                )
                                .with_help(msg!("unterminated-string.help")),
                            );
                            break;
                        }
                        // Only `\"` and `\\` can hide a quote; a backslash never
                        // takes the line end (or the end of the text) with it.
                        Some(b'\\') => {
                            i += match bytes.get(i + 1) {
                                Some(b'"') | Some(b'\\') => 2,
                                _ => 1,
                            }
                        }
                        Some(b'"') => {
                            i += 1;
                            break;
                        }
                        Some(_) => i += 1,
                    }
                }
            }
            b'`' => {
                // A quoted name: skip to the closing backtick on the same line.
                let end = line_end(bytes, i);
                i = match memchr::memchr(b'`', &bytes[i + 1..end]) {
                    Some(p) => i + 1 + p + 1,
                    None => i + 1,
                };
            }
            b'(' | b'[' | b'{' => {
                depth.net += 1;
                depth.end += 1;
                depth.net_peak = depth.net_peak.max(depth.net);
                depth.peak = depth.peak.max(depth.end);
                if depth.end > MAX_DEPTH as isize && !too_deep {
                    too_deep = true;
                    diagnostics.push(
                        Diagnostic::new(
                            Code::NestingTooDeep,
                            msg!("nesting-too-deep", max = MAX_DEPTH),
                            Span::new(i, i + 1),
                            msg!("nesting-too-deep.label", level = MAX_DEPTH + 1),
                        )
                        .with_help(msg!("nesting-too-deep.help")),
                    );
                }
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth.net -= 1;
                depth.end = (depth.end - 1).max(0);
                i += 1;
            }
            _ => {
                // The first byte of a character that may be full-width.
                let c = text[i..].chars().next().expect("`i` starts a character");
                i = match full_width_quotes(text, i) {
                    Some((d, end)) => {
                        diagnostics.push(d);
                        end
                    }
                    None => {
                        diagnostics.extend(full_width(c, i));
                        i + c.len_utf8()
                    }
                };
            }
        }
    }
    Scan {
        comments,
        diagnostics,
        depth,
    }
}

/// The bytes [`scan`] acts on.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    let special = b"#\"`([{)]}";
    while k < special.len() {
        table[special[k] as usize] = true;
        k += 1;
    }
    let mut b = 0x80;
    while b < 256 {
        table[b] = full_width::may_start(b as u8);
        b += 1;
    }
    table
};

/// The error for a full-width character at `at` (none for other characters), with
/// the safe fix that writes its ASCII twin.
fn full_width(c: char, at: usize) -> Option<Diagnostic> {
    let (ascii, name) = full_width::twin(c)?;
    let span = Span::new(at, at + c.len_utf8());
    let fix = Fix::replace(
        msg!("fix-full-width", char = c.to_string(), ascii = &ascii),
        Safety::Safe,
        span,
        &ascii,
    );
    let message = msg!(
        "full-width",
        char = c.to_string(),
        name = Arg::Word(name),
        ascii = ascii
    );
    let label = msg!("full-width.label", name = Arg::Word(name));
    Some(Diagnostic::new(Code::FullWidth, message, span, label).with_fix(fix))
}

/// Text in Chinese quotes (`“欢迎语”`) where a string belongs, from `at` to the
/// closing `”` on the same line: one error, whose safe fix writes both quotes as
/// `"`; and where the scan goes on. `None` unless there is a `“` at `at` closed on
/// its line by a `”`, with no `"` or `\` between them (they would not stay a string).
fn full_width_quotes(text: &str, at: usize) -> Option<(Diagnostic, usize)> {
    let rest = text[at..].strip_prefix('“')?;
    let line = &rest[..line_end(rest.as_bytes(), 0)];
    let close = at + '“'.len_utf8() + line.find('”')?;
    let inside = &text[at + '“'.len_utf8()..close];
    if inside.contains(['"', '\\']) {
        return None;
    }
    let end = close + '”'.len_utf8();
    let quote = |start: usize, c: char| Edit {
        span: Span::new(start, start + c.len_utf8()),
        text: "\"".into(),
    };
    let fix = Fix {
        title: msg!("fix-full-width-quotes"),
        safety: Safety::Safe,
        edits: vec![quote(at, '“'), quote(close, '”')],
    };
    let d = Diagnostic::new(
        Code::FullWidth,
        msg!("full-width-quotes"),
        Span::new(at, end),
        msg!("full-width-quotes.label"),
    )
    .with_fix(fix);
    Some((d, end))
}

fn line_end(bytes: &[u8], from: usize) -> usize {
    memchr::memchr2(b'\n', b'\r', &bytes[from..]).map_or(bytes.len(), |p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_collected_but_not_inside_strings() {
        let text = "tag a: bool # one\nevent b \"#not\" # two\r\n";
        let s = scan(text);
        let found: Vec<_> = s.comments.iter().map(|c| &text[c.start..c.end]).collect();
        assert_eq!(found, ["# one", "# two"]);
        assert!(s.diagnostics.is_empty());
    }

    #[test]
    fn unterminated_string_is_reported_at_its_quote() {
        let s = scan("send wecom \"hello\nnext");
        assert_eq!(s.diagnostics.len(), 1);
        assert_eq!(s.diagnostics[0].code, Code::UnterminatedString);
        assert_eq!(s.diagnostics[0].primary_span(), Span::new(11, 17));
    }

    #[test]
    fn a_backslash_at_the_end_of_a_line_does_not_continue_the_string() {
        let s = scan("\"\\");
        assert_eq!(s.diagnostics[0].primary_span(), Span::new(0, 2));
        let s = scan("a \"x\\\nb \"y\"\n");
        assert_eq!(s.diagnostics.len(), 1);
        assert_eq!(s.diagnostics[0].primary_span(), Span::new(2, 5));
        assert!(scan("\"a\\\\\" \"b\\\"c\"").diagnostics.is_empty());
    }

    #[test]
    fn an_escape_at_the_end_of_the_text_is_unterminated() {
        let s = scan("send wecom \"hello\\");
        assert_eq!(s.diagnostics.len(), 1);
        assert_eq!(s.diagnostics[0].code, Code::UnterminatedString);
    }

    /// Texts of brackets, line breaks and strings from a seeded generator, scanned
    /// whole and line run by line run: the runs' depths, carried across, tell the
    /// same story as the whole scan.
    #[test]
    fn the_depth_carries_across_runs_of_lines() {
        let mut seed = 0x2545_f491_u64;
        let mut next = move |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % n
        };
        for round in 0..400 {
            // Mostly opening brackets in half of the rounds, so that some go too deep.
            let opens = if round % 2 == 0 { 6 } else { 3 };
            let mut text = String::new();
            for _ in 0..next(900) {
                text.push(match next(10) {
                    k if k < opens => ['(', '[', '{'][k as usize % 3],
                    6 | 7 => [')', ']', '}'][next(3) as usize],
                    8 => '\n',
                    _ => ['"', '#', ' '][next(3) as usize],
                });
            }
            let whole = scan(&text);
            let mut starts = vec![0];
            starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|p| p + 1));
            // Runs of one to three lines.
            starts.retain(|_| next(3) == 0);
            starts.insert(0, 0);
            starts.dedup();
            let ends = starts.iter().skip(1).copied().chain([text.len()]);
            let runs: Vec<Depth> = (starts.iter().copied().zip(ends))
                .map(|range| scan_lines(&text, range).depth)
                .collect();
            let deep = whole
                .diagnostics
                .iter()
                .any(|d| d.code == Code::NestingTooDeep);
            assert_eq!(Depth::too_deep(&runs), deep, "{text:?}");
            let end = runs.iter().fold(0, |d, r| (d + r.net).max(r.end));
            assert_eq!(end, whole.depth.end, "{text:?}");
        }
    }

    #[test]
    fn a_run_of_lines_is_scanned_with_the_text_s_spans() {
        let text = "tag a: bool\nevent b # note \"x\nevent c \"";
        let s = scan_lines(text, (12, 30));
        let found: Vec<_> = s.comments.iter().map(|c| &text[c.start..c.end]).collect();
        assert_eq!(found, ["# note \"x"]);
        assert!(s.diagnostics.is_empty());
        let s = scan_lines(text, (30, text.len()));
        assert_eq!(s.diagnostics[0].primary_span(), Span::new(38, 39));
    }

    #[test]
    fn deep_nesting_is_reported_once() {
        let text = "(".repeat(100_000);
        let s = scan(&text);
        assert_eq!(s.diagnostics.len(), 1);
        assert_eq!(s.diagnostics[0].code, Code::NestingTooDeep);
    }
}

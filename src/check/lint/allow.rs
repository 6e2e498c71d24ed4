//! `# journey: allow J0406, J0409` on the line before silences those warnings on the
//! next line. Errors cannot be silenced.

use crate::diag::{Code, Diagnostic};
use crate::source::Span;

pub(super) fn apply(text: &str, comments: &[Span], diagnostics: &mut Vec<Diagnostic>) {
    let mut allowed: Vec<(NextLine, Vec<Code>)> = comments
        .iter()
        .filter_map(|c| Some((next_line(text, c.start)?, codes(text.get(c.start..c.end)?)?)))
        .collect();
    if allowed.is_empty() {
        return;
    }
    // One comment per line, so the next lines are disjoint: found by halves, not by
    // counting lines from the start for every diagnostic (quadratic in a large file).
    allowed.sort_by_key(|(l, _)| l.start);
    diagnostics.retain(|d| {
        d.is_error() || {
            let at = d.primary_span().start.min(text.len());
            let i = allowed.partition_point(|(l, _)| l.start <= at);
            !(i > 0 && at <= allowed[i - 1].0.end && allowed[i - 1].1.contains(&d.code))
        }
    });
}

/// The bytes of a line, its line break included (an offset on a line break belongs to
/// the line it ends).
struct NextLine {
    start: usize,
    end: usize,
}

/// The line after the one holding byte `offset`; none on the last line.
fn next_line(text: &str, offset: usize) -> Option<NextLine> {
    let bytes = text.as_bytes();
    let start = offset + memchr::memchr(b'\n', bytes.get(offset..)?)? + 1;
    let end = memchr::memchr(b'\n', &bytes[start..]).map_or(text.len(), |i| start + i);
    Some(NextLine { start, end })
}

/// The codes of an allow comment: `# journey: allow J0406 J0409` (commas or spaces
/// between codes; anything after the codes is a free-form reason).
fn codes(comment: &str) -> Option<Vec<Code>> {
    let rest = comment.strip_prefix('#')?.trim_start();
    let rest = rest.strip_prefix("journey:")?.trim_start();
    let rest = rest.strip_prefix("allow")?;
    let codes: Vec<Code> = rest
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map_while(Code::parse)
        .collect();
    (!codes.is_empty()).then_some(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 1-based line of byte `offset`.
    fn line(text: &str, offset: usize) -> usize {
        let before = &text.as_bytes()[..offset.min(text.len())];
        before.iter().filter(|&&b| b == b'\n').count() + 1
    }

    /// Whether the allow comment starting at `comment` covers byte `at`, by counting
    /// lines: the definition [`apply`]'s lookup must agree with.
    fn covers_by_lines(text: &str, comment: usize, at: usize) -> bool {
        line(text, at) == line(text, comment) + 1
    }

    #[test]
    fn the_next_line_is_the_line_after_the_comment_by_count() {
        let texts = [
            "a\n# c\nb\n",
            "# c\nxy\r\n\nz",
            "# c",
            "# c\n",
            "x # c\n  中文\n末",
            "\n\n# c\n\n",
        ];
        for text in texts {
            let comment = text.find('#').unwrap();
            for at in 0..=text.len() + 2 {
                let by_range = next_line(text, comment)
                    .is_some_and(|l| l.start <= at.min(text.len()) && at.min(text.len()) <= l.end);
                assert_eq!(
                    by_range,
                    covers_by_lines(text, comment, at),
                    "{text:?} at {at}"
                );
            }
        }
    }

    #[test]
    fn allow_comments_list_codes_then_a_reason() {
        assert_eq!(
            codes("# journey: allow J0406, J0409 大促例外"),
            Some(vec![Code::NeverHolds, Code::OverDailyLimit])
        );
        assert_eq!(codes("#journey: allow j0410"), Some(vec![Code::QuietClock]));
        assert_eq!(codes("# journey: allow"), None);
        assert_eq!(codes("# allow J0406"), None);
    }
}

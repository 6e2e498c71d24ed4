//! `# journey: allow J0406, J0409` on the line before silences those warnings on the
//! next line. Errors cannot be silenced.

use crate::diag::{Code, Diagnostic};
use crate::source::Span;

pub(super) fn apply(text: &str, comments: &[Span], diagnostics: &mut Vec<Diagnostic>) {
    let allowed: Vec<(usize, Vec<Code>)> = comments
        .iter()
        .filter_map(|c| {
            let codes = codes(text.get(c.start..c.end)?)?;
            Some((line(text, c.start) + 1, codes))
        })
        .collect();
    if allowed.is_empty() {
        return;
    }
    diagnostics.retain(|d| {
        d.is_error() || {
            let at = line(text, d.primary_span().start);
            !allowed
                .iter()
                .any(|(l, codes)| *l == at && codes.contains(&d.code))
        }
    });
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

/// The 1-based line of byte `offset`.
fn line(text: &str, offset: usize) -> usize {
    let before = &text.as_bytes()[..offset.min(text.len())];
    before.iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

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

//! Fixes: edits to the file that a diagnostic knows would resolve it.

use crate::i18n::Message;
use crate::source::Span;

/// Whether a fix may be applied without a person looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Safety {
    /// Applying it cannot change what a correct file means (a full-width `：` → `:`,
    /// Chinese quotes → `"`, a misspelt name with one close candidate).
    Safe,
    /// A likely fix that a person should confirm (removing an unused declaration,
    /// adding `timezone "Asia/Shanghai"`).
    Suggested,
}

impl Safety {
    pub fn as_str(self) -> &'static str {
        match self {
            Safety::Safe => "safe",
            Safety::Suggested => "suggested",
        }
    }
}

/// Replace the text at `span` (empty: insert) with `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// A titled set of edits, applied together.
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    pub title: Message,
    pub safety: Safety,
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix made of one edit.
    pub fn replace(title: Message, safety: Safety, span: Span, text: impl Into<String>) -> Fix {
        Fix {
            title,
            safety,
            edits: vec![Edit {
                span,
                text: text.into(),
            }],
        }
    }
}

/// The fixes to apply together, in the order given: each fix whose edits overlap
/// none of those taken before it (two edits overlap when they share a character,
/// or insert at the same place). The others wait for the next round, when the file
/// has been checked again.
pub fn compatible<'a>(fixes: impl IntoIterator<Item = &'a Fix>) -> Vec<&'a Fix> {
    let mut taken: Vec<Span> = Vec::new();
    let mut chosen = Vec::new();
    for fix in fixes {
        let clashes = fix.edits.iter().enumerate().any(|(i, e)| {
            taken.iter().any(|t| overlap(*t, e.span))
                || fix.edits[..i].iter().any(|o| overlap(o.span, e.span))
        });
        if !clashes {
            taken.extend(fix.edits.iter().map(|e| e.span));
            chosen.push(fix);
        }
    }
    chosen
}

fn overlap(a: Span, b: Span) -> bool {
    match (a.start == a.end, b.start == b.end) {
        // Two insertions at one place: their order would be a guess.
        (true, true) => a.start == b.start,
        // An insertion clashes with a replacement around it, not at its edges.
        (true, false) => b.start < a.start && a.start < b.end,
        (false, true) => a.start < b.start && b.start < a.end,
        (false, false) => a.start < b.end && b.start < a.end,
    }
}

/// `text` with the edits of `fixes` (from [`compatible`]: no two overlap) made.
pub fn apply(text: &str, fixes: &[&Fix]) -> String {
    let mut edits: Vec<&Edit> = fixes.iter().flat_map(|f| &f.edits).collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.text);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Message;

    fn fix(edits: &[(usize, usize, &str)]) -> Fix {
        Fix {
            title: Message::Text("t".into()),
            safety: Safety::Safe,
            edits: edits
                .iter()
                .map(|&(start, end, text)| Edit {
                    span: Span::new(start, end),
                    text: text.to_string(),
                })
                .collect(),
        }
    }

    #[test]
    fn edits_are_made_back_to_front_whatever_their_order() {
        let text = "on enter： send wecom “欢迎”";
        let colon = text.find('：').unwrap();
        let open = text.find('“').unwrap();
        let close = text.find('”').unwrap();
        let fixes = [
            fix(&[(open, open + 3, "\""), (close, close + 3, "\"")]),
            fix(&[(colon, colon + 3, ":")]),
        ];
        let chosen = compatible(&fixes);
        assert_eq!(chosen.len(), 2);
        assert_eq!(apply(text, &chosen), "on enter: send wecom \"欢迎\"");
    }

    #[test]
    fn an_overlapping_fix_waits_for_the_next_round() {
        let fixes = [
            fix(&[(0, 3, "x")]),
            fix(&[(2, 4, "y")]),
            fix(&[(4, 5, "z")]),
        ];
        let chosen = compatible(&fixes);
        assert_eq!(chosen, [&fixes[0], &fixes[2]]);
        assert_eq!(apply("abcdef", &chosen), "xdzf");
    }

    #[test]
    fn insertions_clash_only_with_what_covers_their_place() {
        let at = |p| fix(&[(p, p, "+")]);
        // Two insertions at one place: the second waits.
        assert_eq!(compatible(&[at(2), at(2)]).len(), 1);
        // An insertion inside a replaced range waits; one at its edge does not.
        assert_eq!(compatible(&[fix(&[(1, 4, "x")]), at(2)]).len(), 1);
        assert_eq!(compatible(&[fix(&[(1, 4, "x")]), at(4)]).len(), 2);
        assert_eq!(compatible(&[fix(&[(1, 4, "x")]), at(1)]).len(), 2);
        let (a, b) = (fix(&[(1, 4, "x")]), at(4));
        assert_eq!(apply("abcdef", &compatible([&a, &b])), "ax+ef");
    }
}

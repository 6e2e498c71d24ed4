//! A piece of source as a list of tokens, for comparing what two versions say rather
//! than how they lay it out: whitespace and comments drop out, and a backtick name is
//! its bare name (`journey fmt` changes only those, so a formatted file has the tokens
//! of its original).

use crate::source::Span;
use std::collections::HashMap;

/// Names to read as others (a renamed stage's old name → its new name).
pub type Renames = HashMap<String, String>;

/// Characters that are tokens of their own.
const PUNCTUATION: &str = "(){}[],:;=<>!+-*/|&";

/// The tokens of `text[span]`, joined by `\u{1}` (which no token holds), with the
/// names of `rename` replaced: a renamed stage's rules compare equal to the old ones.
pub fn fingerprint(text: &str, span: Span, rename: &Renames) -> String {
    let mut out = String::new();
    for token in tokens(&text[span.start..span.end.min(text.len())]) {
        if !out.is_empty() {
            out.push('\u{1}');
        }
        out.push_str(rename.get(token).map_or(token, String::as_str));
    }
    out
}

/// `text[span]` on one line: runs of whitespace (line breaks included) as one space,
/// comments dropped. For naming a rule by its head.
pub fn one_line(text: &str, span: Span) -> String {
    tokens_spaced(&text[span.start..span.end.min(text.len())])
}

fn tokens_spaced(text: &str) -> String {
    let mut out = String::new();
    let mut last_end = None;
    for (start, token) in token_spans(text) {
        if let Some(end) = last_end {
            if end < start {
                out.push(' ');
            }
        }
        out.push_str(&text[start..start + token]);
        last_end = Some(start + token);
    }
    out
}

fn tokens(text: &str) -> impl Iterator<Item = &str> {
    token_spans(text).map(move |(start, len)| {
        let token = &text[start..start + len];
        // A backtick name is the name it quotes.
        token
            .strip_prefix('`')
            .and_then(|t| t.strip_suffix('`'))
            .unwrap_or(token)
    })
}

/// `(start, length)` in bytes of each token of `text`.
fn token_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let c = text[at..].chars().next()?;
        let start = at;
        if c.is_whitespace() {
            at += c.len_utf8();
            continue;
        }
        if c == '#' {
            at = text[at..].find('\n').map_or(text.len(), |n| at + n);
            continue;
        }
        if c == '"' || c == '`' {
            at += 1;
            while at < bytes.len() && bytes[at] != c as u8 {
                at += if bytes[at] == b'\\' { 2 } else { 1 };
            }
            at = (at + 1).min(bytes.len());
            return Some((start, at - start));
        }
        if PUNCTUATION.contains(c) {
            at += 1;
            return Some((start, 1));
        }
        while let Some(c) = text[at..].chars().next() {
            if c.is_whitespace() || c == '#' || c == '"' || c == '`' || PUNCTUATION.contains(c) {
                break;
            }
            at += c.len_utf8();
        }
        return Some((start, at - start));
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(text: &str) -> String {
        fingerprint(text, Span::new(0, text.len()), &HashMap::new())
    }

    #[test]
    fn layout_and_comments_do_not_count() {
        assert_eq!(
            fp("after 7d  at 20:00 :\n  send wecom \"a b\" # note"),
            fp("after 7d at 20 : 00: send wecom \"a b\"")
        );
        assert_ne!(fp("send wecom \"a b\""), fp("send wecom \"a  b\""));
        assert_eq!(fp("goto `新手`"), fp("goto 新手"));
    }

    #[test]
    fn a_hash_in_a_string_is_not_a_comment() {
        assert_ne!(fp("send w \"#1\""), fp("send w \"#2\""));
    }

    #[test]
    fn renamed_names_compare_as_the_new_name() {
        let rename = HashMap::from([("旧".to_string(), "新".to_string())]);
        let text = "on buy -> 旧";
        assert_eq!(
            fingerprint(text, Span::new(0, text.len()), &rename),
            fp("on buy -> 新")
        );
    }

    #[test]
    fn one_line_keeps_the_words_and_drops_the_layout() {
        let text = "after 7d\n   at 20:00 # later";
        assert_eq!(
            one_line(text, Span::new(0, text.len())),
            "after 7d at 20:00"
        );
    }
}

//! The grammar's whitespace: the one notion of "space between tokens" the formatter
//! uses, so that it never splits or joins text where the parser would not.

/// Whitespace as the grammar has it (`WHITESPACE` in `grammar/journey.pest`, comments
/// aside). Not `char::is_whitespace`: U+FEFF is whitespace to the grammar but not to
/// Unicode, and U+00A0, U+3000 or U+2028 are the other way round.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\n' | '\t' | '\r' | '\u{FEFF}')
}

/// The first byte at or after `pos` that is not whitespace.
pub fn skip_space(src: &str, pos: usize) -> usize {
    let rest = &src[pos..];
    pos + rest.len() - rest.trim_start_matches(is_space).len()
}

/// The end of what comes before `pos`, whitespace skipped backwards.
pub fn skip_space_back(src: &str, pos: usize) -> usize {
    src[..pos].trim_end_matches(is_space).len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    /// Every character the grammar might take for whitespace (Unicode's, the ASCII
    /// controls, the zero-width ones) is whitespace here exactly when the parser
    /// accepts it between two tokens.
    #[test]
    fn agrees_with_the_grammar() {
        let candidates = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace() || c.is_ascii_control())
            .chain(['\u{FEFF}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}']);
        for c in candidates {
            let parsed = !parse(&format!("tag a:{c}bool")).has_errors();
            assert_eq!(parsed, is_space(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn skips_multi_byte_whitespace_both_ways() {
        let src = "a \u{FEFF}\t\u{FEFF}b\u{3000}";
        assert_eq!(skip_space(src, 1), src.find('b').unwrap());
        assert_eq!(skip_space_back(src, src.find('b').unwrap()), 1);
        assert_eq!(skip_space(src, src.len() - 3), src.len() - 3);
    }
}

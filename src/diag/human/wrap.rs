//! Where lines of a report may break: between words, never inside a code span
//! (`` `a b` ``), so a name or a value to type stays whole on one line.

use miette::GraphicalTheme;
use textwrap::core::Word;
use textwrap::WordSeparator;
use unicode_width::UnicodeWidthStr;

/// Words as the Unicode line-breaking rules find them (between CJK characters
/// too), with the words of a code span joined into one.
pub const KEEPING_CODE_SPANS: WordSeparator = WordSeparator::Custom(words_keeping_code_spans);

fn words_keeping_code_spans(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    let spans = code_spans(line);
    let inside = |offset: usize| spans.iter().any(|s| s.0 < offset && offset < s.1);
    let mut words: Vec<Word<'_>> = Vec::new();
    let mut start = 0;
    for word in WordSeparator::UnicodeBreakProperties.find_words(line) {
        let offset = word.word.as_ptr() as usize - line.as_ptr() as usize;
        let end = offset + word.word.len() + word.whitespace.len();
        if inside(offset) && !words.is_empty() {
            words.pop();
        } else {
            start = offset;
        }
        words.push(Word::from(&line[start..end]));
    }
    Box::new(words.into_iter())
}

/// The byte ranges of the code spans of `line`: a run of backticks up to the next
/// run of as many.
fn code_spans(line: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'`' {
            i += 1;
            continue;
        }
        let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
        match open {
            Some((start, n)) if n == run => {
                spans.push((start, i + run));
                open = None;
            }
            None => open = Some((i, run)),
            Some(_) => {}
        }
        i += run;
    }
    spans
}

/// The help line as miette lays it out (after the snippet, indented 8 columns),
/// but led by the reader's word for "help" (`help:`, `提示：`) and wrapped around
/// code spans.
pub fn help_block(help: &str, keyword: &str, theme: &GraphicalTheme, width: usize) -> String {
    const INDENT: &str = "        ";
    let mut lead = format!("  {keyword}");
    while lead.width() < INDENT.len() {
        lead.push(' ');
    }
    let lead = theme.styles.help.style(lead).to_string();
    let options = textwrap::Options::new(width.saturating_sub(2))
        .initial_indent(&lead)
        .subsequent_indent(INDENT)
        .break_words(false)
        .word_separator(KEEPING_CODE_SPANS);
    textwrap::fill(help, options) + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_are_runs_of_backticks_closed_by_as_many() {
        assert_eq!(code_spans("a `b c` d"), [(2, 7)]);
        assert_eq!(code_spans("`` `x` `` and `y`"), [(0, 9), (14, 17)]);
        assert_eq!(code_spans("an open ` only"), []);
    }

    #[test]
    fn a_long_help_at_40_columns_never_breaks_inside_a_code_span() {
        let help = "write the condition as `days_since(last_purchase) >= 30` or as \
                    `inactive 30d on weekend`, then `journey check` again";
        let theme = GraphicalTheme::unicode_nocolor();
        let block = help_block(help, "help:", &theme, 40);
        for line in block.lines() {
            assert_eq!(
                line.matches('`').count() % 2,
                0,
                "a code span broken:\n{block}"
            );
        }
        assert!(block.lines().count() > 2, "{block}");
        assert!(
            block.contains("`days_since(last_purchase) >= 30`"),
            "{block}"
        );
        assert!(block.starts_with("  help: write"), "{block}");
        let zh = help_block("是不是想写 `新客`？", "提示：", &theme, 40);
        assert_eq!(zh, "  提示：是不是想写 `新客`？\n");
    }
}

//! Turning pest's "expected rule_a, rule_b" into what a person expects to type.

use super::parser::{Rule, RESERVED};
use crate::diag::{Code, Diagnostic, Fix, Safety};
use crate::i18n::{msg, Arg, Message};
use crate::source::Span;
use crate::units::fraction_as_percent;
use pest::error::{Error, ErrorVariant, InputLocation};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// One thing the parser would have accepted: something a person names in words
/// (a catalogue id, `expect-duration`), or a token to type as it is (`}`, `send`).
#[derive(Clone, Debug, PartialEq)]
enum Expected {
    Thing(&'static str),
    Token(String),
}

impl Expected {
    fn arg(&self) -> Arg {
        match self {
            Expected::Thing(id) => Arg::Word(id),
            Expected::Token(token) => Arg::Names(vec![token.clone()]),
        }
    }
}

/// Translates a pest error on the item `file[chunk]` (parsed on its own). The error
/// must come from a parse with error detail on (`pest::set_error_detail`).
pub fn translate(error: &Error<Rule>, file: &str, chunk: Range<usize>) -> Diagnostic {
    let text = &file[chunk.clone()];
    let base = chunk.start;
    let rule_pos = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((p, _)) => p,
    };
    let (positives, negatives) = match &error.variant {
        ErrorVariant::ParsingError {
            positives,
            negatives,
        } => (positives.as_slice(), negatives.as_slice()),
        ErrorVariant::CustomError { .. } => (&[][..], &[][..]),
    };
    // Literal tokens (`}`, `,`, keywords) are tracked further than rules. When such a
    // token is expected further on, that is where the text really stops making sense;
    // tokens inside a literal (the digits of `3x`) are not worth naming.
    let attempts = error.parse_attempts();
    let token_pos = attempts.as_ref().map_or(0, |a| a.max_position);
    let mut keywords = Vec::new();
    let mut tokens = Vec::new();
    for token in attempts.iter().flat_map(|a| a.expected_tokens()) {
        let token = token.to_string();
        if is_grammar_word(&token) {
            keywords.push(token.clone());
        } else if !is_punctuation(&token) {
            continue;
        }
        tokens.push(Expected::Token(token));
    }
    let use_tokens = token_pos > rule_pos && !tokens.is_empty();
    let pos = if use_tokens { token_pos } else { rule_pos };
    if token_pos > rule_pos && !use_tokens {
        tokens.clear();
        keywords.clear();
    }

    let mut expected: Vec<Expected> = Vec::new();
    let rules = positives
        .iter()
        .filter(|_| !use_tokens)
        .filter_map(|r| describe(*r));
    for e in rules.chain(tokens) {
        if !expected.contains(&e) {
            expected.push(e);
        }
    }

    let found = token_at(text, pos);
    let span = Span::new(base + found.start, base + found.end);
    let found_text = &text[found.start..found.end];

    // `!keyword` inside `name` records the reserved word as a negative attempt.
    let wants_name = positives.contains(&Rule::name) || negatives.contains(&Rule::keyword);
    if wants_name && RESERVED.contains(&found_text) {
        return Diagnostic::new(
            Code::ReservedWord,
            msg!("reserved-word", word = found_text),
            span,
            msg!("reserved-word.label"),
        )
        .with_help(msg!("reserved-word.help", word = found_text));
    }

    let at_end = found.start >= text.len();
    let wants = |e: Expected| expected.contains(&e);
    if at_end && wants(Expected::Token("}".into())) {
        if let Some(open) = unclosed_brace(text) {
            return unclosed(file, base + open, span);
        }
    }
    let one_of = Arg::OneOf(expected.iter().map(Expected::arg).collect());
    let message = match (expected.is_empty(), at_end) {
        (true, false) => msg!(
            "syntax-unexpected",
            found = Arg::Names(vec![found_text.into()])
        ),
        (true, true) => msg!("syntax-unexpected-end"),
        (false, false) => msg!(
            "syntax-expected",
            expected = one_of,
            found = Arg::Names(vec![found_text.into()])
        ),
        (false, true) => msg!("syntax-expected-end", expected = one_of),
    };
    let label = match expected.as_slice() {
        [one] => msg!("syntax-expected.label", expected = one.arg()),
        _ => msg!("syntax-unexpected.label"),
    };
    let mut d = Diagnostic::new(Code::Syntax, message, span, label);
    let typo = crate::suggest::nearest(found_text, keywords.iter().map(String::as_str));
    let wants_percent = expected.contains(&Expected::Thing("expect-percent"));
    let fraction = wants_percent
        .then(|| fraction_as_percent(found_text))
        .flatten();
    if let Some(percent) = fraction {
        // `holdout 0.1` means 10% far more often than 0.1%: offer that first.
        let help = msg!(
            "percent-from-fraction",
            found = found_text,
            percent = &percent
        );
        let title = msg!("fix-use-percent", percent = &percent);
        return d
            .with_help(help)
            .with_fix(Fix::replace(title, Safety::Suggested, span, percent));
    }
    if let Some(word) = typo {
        // A misspelt keyword: the closest word the grammar takes here.
        return d.with_suggestion(Some(word)).with_fix(Fix::replace(
            msg!("fix-use-name", name = word),
            Safety::Safe,
            span,
            word,
        ));
    }
    if let Some(help) = hint(&expected, found_text, at_end) {
        d = d.with_help(help);
    }
    d
}

/// A help line for frequent slips.
fn hint(expected: &[Expected], found: &str, at_end: bool) -> Option<Message> {
    let wants = |id: &'static str| expected.contains(&Expected::Thing(id));
    let wants_token = |t: &str| expected.contains(&Expected::Token(t.into()));
    let number = found.starts_with(|c: char| c.is_ascii_digit());
    Some(if at_end && wants_token("}") {
        msg!("syntax-help-unclosed")
    } else if wants("expect-duration") && number {
        msg!("syntax-help-duration")
    } else if wants("expect-percent") && number {
        msg!("syntax-help-percent", number = found)
    } else if wants("expect-comparison") && found == "=" {
        msg!("syntax-help-comparison")
    } else if wants("expect-clock") || (number && expected == [Expected::Token(":".into())]) {
        msg!("syntax-help-clock")
    } else if wants("expect-day") {
        msg!("syntax-help-day")
    } else if expected.len() == 1 && wants("expect-string") && !number {
        msg!("syntax-help-quote", text = found)
    } else if wants_token(":") && wants_token("->") {
        msg!("syntax-help-rule-end")
    } else if found == "else" {
        msg!("syntax-help-else")
    } else {
        return None;
    })
}

/// A `{` that the item never closes, with what it opens: "the journey `美妆新客`
/// opened on line 14 is never closed", and where the item's text ends.
fn unclosed(file: &str, open: usize, end: Span) -> Diagnostic {
    let line_start = file[..open].rfind('\n').map_or(0, |p| p + 1);
    let line = Arg::Text((file[..open].matches('\n').count() + 1).to_string());
    let message = match opened_item(&file[line_start..open]) {
        Some((kind, name)) => msg!(
            "unclosed-item",
            kind = Arg::Word(kind),
            name = name,
            line = line
        ),
        None => msg!("unclosed-brace", line = line),
    };
    let end_label = if end.start >= file.len() {
        msg!("unclosed-end")
    } else {
        msg!("unclosed-next-item")
    };
    Diagnostic::new(
        Code::Syntax,
        message,
        Span::new(open, open + 1),
        msg!("unclosed-item.label"),
    )
    .with_label(end, end_label)
    .with_help(msg!("syntax-help-unclosed"))
}

/// The words of an item or block that a line opens with `{`: its kind and name
/// (`stage 新手 "新手阶段" {` → stage, `新手`).
fn opened_item(line: &str) -> Option<(&'static str, &str)> {
    const KINDS: &[(&str, &str)] = &[
        ("tag", "unclosed-kind-tag"),
        ("event", "unclosed-kind-event"),
        ("touchpoint", "unclosed-kind-touchpoint"),
        ("segment", "unclosed-kind-segment"),
        ("team", "unclosed-kind-team"),
        ("journey", "unclosed-kind-journey"),
        ("population", "unclosed-kind-population"),
        ("stage", "unclosed-kind-stage"),
        ("behavior", "unclosed-kind-behavior"),
    ];
    let mut words = line.split_whitespace();
    let keyword = words.next()?;
    let kind = KINDS.iter().find(|(k, _)| *k == keyword)?.1;
    let rest = line.trim_start()[keyword.len()..].trim_start();
    let name = match rest.strip_prefix('`') {
        Some(quoted) => &quoted[..quoted.find('`')?],
        None => {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        }
    };
    (!name.is_empty()).then_some((kind, name))
}

/// The innermost `{` of `text` left open at its end (outside strings, comments
/// and quoted names).
fn unclosed_brace(text: &str) -> Option<usize> {
    let mut open = Vec::new();
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        let closing = match c {
            '{' => {
                open.push(i);
                continue;
            }
            '}' => {
                open.pop();
                continue;
            }
            '"' => '"',
            '`' => '`',
            '#' => '\n',
            _ => continue,
        };
        let mut escaped = false;
        for (_, d) in chars.by_ref() {
            if d == closing && !escaped || d == '\n' {
                break;
            }
            escaped = closing == '"' && d == '\\' && !escaped;
        }
    }
    open.pop()
}

/// Whether `token` is a word of the grammar, reserved or not. Each has a `kw_` rule,
/// so a new word is known here (and suggested for typos) without a list to update.
fn is_grammar_word(token: &str) -> bool {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let names = Rule::all_rules().iter().map(|r| format!("{r:?}"));
        names
            .filter_map(|n| n.strip_prefix("kw_").map(str::to_string))
            .collect()
    });
    words.contains(token)
}

fn is_punctuation(token: &str) -> bool {
    matches!(
        token,
        "{" | "}" | "(" | ")" | "[" | "]" | ":" | "," | "->" | "=" | "+=" | "-=" | ".."
    )
}

/// What a person would call the thing a rule matches; `None` for rules too internal
/// to mention (their parents are reported instead).
fn describe(rule: Rule) -> Option<Expected> {
    let name = format!("{rule:?}");
    if let Some(word) = name.strip_prefix("kw_") {
        return Some(Expected::Token(word.to_string()));
    }
    Some(Expected::Thing(match rule {
        Rule::name => "expect-name",
        Rule::string => "expect-string",
        Rule::number => "expect-number",
        Rule::integer => "expect-integer",
        Rule::percent => "expect-percent",
        Rule::multiplier => "expect-multiplier",
        Rule::duration => "expect-duration",
        Rule::clock | Rule::clocks => "expect-clock",
        Rule::date => "expect-date",
        Rule::day | Rule::days => "expect-day",
        Rule::period => "expect-period",
        Rule::cmp_op => "expect-comparison",
        Rule::value => "expect-value",
        Rule::channel_name => "expect-channel",
        Rule::field_type => "expect-field-type",
        Rule::cond | Rule::conj | Rule::unary => "expect-condition",
        Rule::transition => return Some(Expected::Token("->".into())),
        _ => return None,
    }))
}

/// The token starting at `pos`: a word, a number-like run, or one character.
fn token_at(text: &str, pos: usize) -> std::ops::Range<usize> {
    let pos = pos.min(text.len());
    let rest = &text[pos..];
    let Some(first) = rest.chars().next() else {
        return pos..pos;
    };
    let len = if first.is_alphanumeric() || first == '_' {
        rest.find(|c: char| {
            !(c.is_alphanumeric() || c == '_' || c == '.' && first.is_ascii_digit())
        })
        .unwrap_or(rest.len())
    } else if first == '`' {
        rest[1..].find('`').map_or(first.len_utf8(), |p| p + 2)
    } else {
        first.len_utf8()
    };
    pos..pos + len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grammar_words_are_the_keyword_rules_reserved_or_not() {
        for word in ["send", "untag", "count", "days_since", "enum"] {
            assert!(is_grammar_word(word), "{word}");
        }
        for other in ["counter", "kw_send", "{", ""] {
            assert!(!is_grammar_word(other), "{other}");
        }
    }
}

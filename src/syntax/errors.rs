//! Turning pest's "expected rule_a, rule_b" into what a person expects to type.

use super::parser::{Rule, RESERVED};
use crate::diag::{Code, Diagnostic, Fix, Safety};
use crate::i18n::msg;
use crate::source::Span;
use crate::units::fraction_as_percent;
use pest::error::{Error, ErrorVariant, InputLocation};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Translates a pest error on `text` (parsed from byte `base` of the file). The
/// error must come from a parse with error detail on (`pest::set_error_detail`).
pub fn translate(error: &Error<Rule>, text: &str, base: usize) -> Diagnostic {
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
        tokens.push(format!("`{token}`"));
    }
    let use_tokens = token_pos > rule_pos && !tokens.is_empty();
    let pos = if use_tokens { token_pos } else { rule_pos };
    if token_pos > rule_pos && !use_tokens {
        tokens.clear();
        keywords.clear();
    }

    let mut expected: Vec<String> = Vec::new();
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
            format!("`{found_text}` is a reserved word and cannot be used as a name"),
            span,
            "reserved word",
        )
        .with_help(format!(
            "quote it with backticks (`` `{found_text}` ``) or choose another name"
        ));
    }

    let at_end = found.start >= text.len();
    let found_desc = if at_end {
        "the end of the file".to_string()
    } else {
        format!("`{found_text}`")
    };
    let message = if expected.is_empty() {
        format!("unexpected {found_desc}")
    } else {
        format!("expected {}, found {found_desc}", join_or(&expected))
    };
    let label = if expected.len() == 1 {
        format!("expected {} here", expected[0])
    } else {
        "unexpected here".to_string()
    };
    let mut d = Diagnostic::new(Code::Syntax, message, span, label);
    let typo = crate::suggest::nearest(found_text, keywords.iter().map(String::as_str));
    let wants_percent = expected.iter().any(|e| e.contains("percent"));
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
        d = d
            .with_help(help)
            .with_fix(Fix::replace(title, Safety::Suggested, span, percent));
    } else if let Some(help) = hint(&expected, found_text, at_end, typo) {
        d = d.with_help(help);
    }
    d
}

/// A help line for frequent slips.
fn hint(expected: &[String], found: &str, at_end: bool, typo: Option<&str>) -> Option<String> {
    let wants = |s: &str| expected.iter().any(|e| e.contains(s));
    let number = found.starts_with(|c: char| c.is_ascii_digit());
    Some(if let Some(word) = typo {
        format!("did you mean `{word}`?")
    } else if at_end && wants("`}`") {
        "a `{` is not closed: add the missing `}`".into()
    } else if wants("duration") && number {
        "durations are whole numbers with a unit: `30m`, `1h`, `7d`, `2w`, `1d12h`".into()
    } else if wants("percent") && number {
        format!("percents are written with `%`: `{found}%`")
    } else if wants("comparison") && found == "=" {
        "compare with `==` (a single `=` sets a tag in an action)".into()
    } else if wants("clock") || (number && expected == ["`:`"]) {
        "clock times are 24-hour `HH:MM`, such as `09:00` or `20:30`".into()
    } else if wants("a day") {
        "days are `mon` `tue` `wed` `thu` `fri` `sat` `sun`, or `weekday`, `weekend`, `daily`"
            .into()
    } else if expected.len() == 1 && wants("a string") && !number {
        format!("put text in double quotes: \"{found}\"")
    } else if wants("`:`") && wants("`->`") {
        "a rule ends with `: ACTION` or `-> STAGE`".into()
    } else {
        return None;
    })
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
fn describe(rule: Rule) -> Option<String> {
    let name = format!("{rule:?}");
    if let Some(word) = name.strip_prefix("kw_") {
        return Some(format!("`{word}`"));
    }
    Some(
        match rule {
            Rule::name => "a name",
            Rule::string => "a string in double quotes",
            Rule::number => "a number",
            Rule::integer => "a whole number",
            Rule::percent => "a percent such as `50%`",
            Rule::multiplier => "a multiplier such as `x1.5`",
            Rule::duration => "a duration such as `7d` or `1h`",
            Rule::clock | Rule::clocks => "a clock time such as `20:00`",
            Rule::date => "a date such as `2026-03-02`",
            Rule::day | Rule::days => "a day such as `mon`, `weekend` or `daily`",
            Rule::period => "`day`, `week` or `month`",
            Rule::cmp_op => "a comparison such as `==` or `>=`",
            Rule::value => "a value",
            Rule::channel_name => "a channel such as `wecom`",
            Rule::field_type => "a field type (`number`, `text` or `bool`)",
            Rule::cond | Rule::conj | Rule::unary => "a condition",
            Rule::transition => "`->`",
            _ => return None,
        }
        .to_string(),
    )
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
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

//! Properties of `journey fmt` over the examples, a messy file and random
//! re-layouts of them: idempotent, same meaning, no comment dropped, no string
//! changed.

use journey::{check, format, parse, words, Lang};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

const MESSY: &str = include_str!("fmt/messy.journey");

/// The examples and the messy file.
fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "journey"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    files.push(("messy.journey".into(), MESSY.into()));
    files
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Token {
    Comment,
    Str,
    Other,
}

/// The grammar's whitespace (`WHITESPACE` in grammar/journey.pest): U+FEFF is one,
/// U+00A0, U+3000 and U+2028 are not (they are text inside comments and strings).
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\n' | '\t' | '\r' | '\u{FEFF}')
}

/// A small lexer, independent of the parser: comments, strings, backtick names,
/// brackets and commas, and words between whitespace.
fn lex(text: &str) -> Vec<(Token, &str)> {
    let mut tokens = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches(is_space);
        let Some(first) = rest.chars().next() else {
            return tokens;
        };
        let (kind, len) = match first {
            '#' => (
                Token::Comment,
                rest.find(['\n', '\r']).unwrap_or(rest.len()),
            ),
            '"' => {
                let mut escaped = false;
                let close = rest[1..]
                    .find(|c| {
                        let end = c == '"' && !escaped;
                        escaped = c == '\\' && !escaped;
                        end
                    })
                    .expect("closed string");
                (Token::Str, close + 2)
            }
            '`' => (Token::Other, rest[1..].find('`').expect("closed name") + 2),
            '{' | '}' | '(' | ')' | '[' | ']' | ',' => (Token::Other, 1),
            _ => (
                Token::Other,
                rest.find(|c: char| is_space(c) || "#\"`{}()[],".contains(c))
                    .unwrap_or(rest.len()),
            ),
        };
        tokens.push((kind, &rest[..len]));
        rest = &rest[len..];
    }
}

/// How many times each comment (trailing whitespace aside) and each string literal
/// occurs.
fn comments_and_strings(text: &str) -> BTreeMap<(Token, &str), usize> {
    let mut counts = BTreeMap::new();
    for (kind, token) in lex(text) {
        if kind != Token::Other {
            *counts
                .entry((kind, token.trim_end_matches(is_space)))
                .or_default() += 1;
        }
    }
    counts
}

/// A `{:?}` rendering with every `Span { start: …, end: … }` blanked out.
fn without_spans(debug: String) -> String {
    let mut out = String::new();
    let mut rest = debug.as_str();
    while let Some(i) = rest.find("Span { start: ") {
        let end = i + rest[i..].find('}').unwrap() + 1;
        out.push_str(&rest[..i]);
        out.push_str("Span");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The plan `journey compile` writes, with every source `span` removed (formatting
/// moves text, so line and column change by design); empty when the file has errors.
fn plan_without_spans(text: &str, model: Option<&journey::Model>) -> String {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.remove("span");
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let Some(model) = model else {
        return String::new();
    };
    let file = journey::SourceFile::new("f.journey", text);
    let plan = journey::compile(&file, model, None).expect("every journey");
    let mut value = serde_json::to_value(plan).unwrap();
    strip(&mut value);
    value.to_string()
}

/// What a file means: its AST, its checked model, its plan and its diagnostics,
/// spans aside.
fn meaning(text: &str) -> (String, String, String, Vec<String>) {
    let checked = check(text);
    let mut diagnostics: Vec<_> = checked
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code, words(&d.message, Lang::En)))
        .collect();
    diagnostics.sort();
    (
        without_spans(format!("{:?}", parse(text).ast)),
        without_spans(format!("{:?}", checked.model)),
        plan_without_spans(text, checked.model.as_ref()),
        diagnostics,
    )
}

fn assert_fmt_properties(name: &str, text: &str) {
    let formatted = format(text).unwrap_or_else(|e| panic!("{name} does not format: {e:#?}"));
    let again = format(&formatted).expect("formatted output parses");
    assert_eq!(again, formatted, "{name}: formatting is not idempotent");
    assert_eq!(
        meaning(&formatted),
        meaning(text),
        "{name}: formatting changed the meaning"
    );
    assert_eq!(
        comments_and_strings(&formatted),
        comments_and_strings(text),
        "{name}: a comment or a string changed"
    );
}

#[test]
fn the_corpus_keeps_its_meaning_comments_and_strings() {
    for (name, text) in corpus() {
        assert_fmt_properties(&name, &text);
        let model = check(&text).model;
        assert!(model.is_some(), "{name} should check without errors");
    }
}

#[test]
fn the_examples_are_formatted() {
    for (name, text) in corpus() {
        if name != "messy.journey" {
            assert_eq!(format(&text).unwrap(), text, "{name} is not formatted");
        }
    }
}

#[test]
fn the_messy_file_formats_to_the_snapshot() {
    insta::assert_snapshot!("messy", format(MESSY).unwrap());
}

/// Separators between tokens: newlines are not significant in the language, so any
/// of these gives a file of the same meaning. They include every kind of the
/// grammar's whitespace (U+FEFF and a lone `\r` too), and Unicode whitespace the
/// grammar does not know (U+00A0, U+3000, U+2028) where it takes it: in comments.
const SEPARATORS: &[&str] = &[
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n    ",
    "\t",
    "\n\n\n",
    " # inserted\n",
    "\n# own line\n  ",
    "\r\n",
    "\u{FEFF}",
    " \u{FEFF}\n\u{FEFF} ",
    "\r",
    " # cr\r",
    " #\u{A0}no-break\u{3000}\n",
    "\n\u{FEFF}#\u{2028}line separator\u{3000}\u{A0}\n",
];

/// The corpus file `file` with its tokens joined by the chosen separators.
fn relayout(text: &str, choices: &[usize]) -> String {
    let mut out = String::new();
    for (i, (kind, token)) in lex(text).into_iter().enumerate() {
        out.push_str(token);
        let sep = SEPARATORS[choices[i % choices.len()]];
        // A comment runs to the end of its line.
        out.push_str(if kind == Token::Comment && !sep.contains('\n') {
            "\n"
        } else {
            sep
        });
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_layout_formats_idempotently_with_the_same_meaning(
        file in 0usize..7,
        choices in proptest::collection::vec(0..SEPARATORS.len(), 1..600),
    ) {
        let corpus = corpus();
        let (name, text) = &corpus[file % corpus.len()];
        let text = relayout(text, &choices);
        assert_fmt_properties(name, &text);
    }

    /// A comment after any `{` of a formatted file stays where it is: it trails its
    /// line and changes nothing else (a comment after `split {` once wrapped the
    /// split in a block of its own).
    #[test]
    fn a_comment_after_an_opening_brace_stays_on_its_line(
        file in 0usize..7,
        picks in proptest::collection::vec(any::<bool>(), 1..64),
    ) {
        let corpus = corpus();
        let (name, text) = &corpus[file % corpus.len()];
        let formatted = format(text).unwrap();
        let commented = comment_opening_braces(&formatted, &picks);
        prop_assert_eq!(format(&commented).unwrap(), commented, "{}", name);
    }
}

/// `text` with `  # note` after the `{` ending some lines (picked in turn by
/// `picks`, cycled); every line ending in `split {` is picked.
fn comment_opening_braces(text: &str, picks: &[bool]) -> String {
    let mut braces = 0;
    let mut out = String::new();
    for line in text.lines() {
        out.push_str(line);
        let opens = lex(line)
            .last()
            .is_some_and(|&(kind, t)| kind == Token::Other && t == "{");
        if opens {
            if picks[braces % picks.len()] || line.ends_with("split {") {
                out.push_str("  # note");
            }
            braces += 1;
        }
        out.push('\n');
    }
    out
}

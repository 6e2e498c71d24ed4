//! Ties the lists written by hand to `grammar/journey.pest`: the reserved words, the
//! item keywords, the action keywords, the rules the AST builder handles, and the TextMate grammar's
//! keywords (editors/vscode). A change to the grammar that leaves one of them behind
//! fails here.

use super::ast::ACTION_KEYWORDS;
use super::{ITEM_KEYWORDS, RESERVED};
use std::collections::BTreeSet;

const GRAMMAR: &str = include_str!("../../grammar/journey.pest");
const BUILDER: &str = concat!(include_str!("build.rs"), include_str!("build/time.rs"));
const TEXTMATE: &str = include_str!("../../editors/vscode/syntaxes/journey.tmLanguage.json");

/// The body of a grammar rule: the text between its `{` and its closing `}`.
fn rule_body(name: &str) -> &'static str {
    let start = GRAMMAR
        .lines()
        .find(|l| l.split_whitespace().next() == Some(name) && l.contains('='))
        .unwrap_or_else(|| panic!("no rule `{name}` in the grammar"));
    let at = GRAMMAR.find(start).unwrap();
    let open = at + GRAMMAR[at..].find('{').unwrap() + 1;
    let mut depth = 1;
    for (i, c) in GRAMMAR[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 1 => return &GRAMMAR[open..open + i],
            '}' => depth -= 1,
            _ => {}
        }
    }
    panic!("rule `{name}` is not closed")
}

/// The texts of the double-quoted literals in `text`.
fn literals(text: &str) -> Vec<&str> {
    text.split('"').skip(1).step_by(2).collect()
}

/// The words of the grammar's `keyword` rule, written as a first letter followed by
/// the alternatives for the rest (`"a" ~ ("rrivals" | "lways")`).
fn grammar_keywords() -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for line in rule_body("keyword").lines() {
        let Some((first, rest)) = line.split_once('~') else {
            continue;
        };
        let first = literals(first);
        let [first] = first.as_slice() else {
            continue;
        };
        words.extend(literals(rest).iter().map(|tail| format!("{first}{tail}")));
    }
    words
}

/// `(name, modifier)` of every rule: the modifier is `_` (silent), `@`, `$` or empty.
fn grammar_rules() -> Vec<(&'static str, &'static str)> {
    GRAMMAR
        .lines()
        .filter_map(|l| {
            let (name, rest) = l.split_once('=')?;
            let name = name.trim();
            let rest = rest.trim_start();
            let modifier = rest.split('{').next()?;
            let is_rule = !name.is_empty()
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && rest.contains('{')
                && ["", "_", "@", "$"].contains(&modifier);
            is_rule.then_some((name, modifier))
        })
        .collect()
}

/// The words after `kw_` in the grammar's keyword rules, reserved or not.
fn grammar_kw_words() -> BTreeSet<String> {
    grammar_rules()
        .iter()
        .filter_map(|(name, _)| name.strip_prefix("kw_"))
        .map(str::to_string)
        .collect()
}

fn set(words: &[&str]) -> BTreeSet<String> {
    words.iter().map(|w| w.to_string()).collect()
}

#[test]
fn the_reserved_words_are_the_grammar_keyword_rule() {
    assert_eq!(set(&RESERVED), grammar_keywords());
    assert_eq!(
        RESERVED.len(),
        grammar_keywords().len(),
        "a word listed twice"
    );
}

#[test]
fn every_reserved_word_has_a_keyword_rule() {
    let missing: Vec<_> = grammar_keywords()
        .difference(&grammar_kw_words())
        .cloned()
        .collect();
    assert!(missing.is_empty(), "no kw_ rule for {missing:?}");
}

// The grammar tries its alternatives commonest first (a performance choice); the
// lists keep the order people read them in (completion), so they are compared as sets.
#[test]
fn the_item_keywords_open_the_grammar_items() {
    let items: Vec<String> = rule_body("item")
        .split('|')
        .map(|alt| {
            let first = rule_body(alt.trim()).split_whitespace().next().unwrap();
            first.strip_prefix("kw_").unwrap().to_string()
        })
        .collect();
    assert_eq!(ITEM_KEYWORDS.len(), items.len(), "a keyword listed twice");
    assert_eq!(set(ITEM_KEYWORDS), items.into_iter().collect());
}

#[test]
fn the_action_keywords_open_the_grammar_actions() {
    let mut words: Vec<String> = Vec::new();
    for alt in rule_body("action").split('|') {
        let first = rule_body(alt.trim()).split_whitespace().next().unwrap();
        let word = first.strip_prefix("kw_").unwrap().to_string();
        // `tag T = v`, `tag T += v` and `tag T -= v` share their keyword.
        if !words.contains(&word) {
            words.push(word);
        }
    }
    assert_eq!(ACTION_KEYWORDS.len(), words.len(), "a keyword listed twice");
    assert_eq!(set(ACTION_KEYWORDS), words.into_iter().collect());
}

/// Rules whose pairs the builder reads as text, by position or through their parent,
/// so that it never names them; every other rule that makes pairs must appear as
/// `Rule::name` in build.rs (a new rule cannot be built as something else unseen).
const READ_AS_TEXT: &[&str] = &[
    "comment_text",   // inside WHITESPACE: no pairs
    "keyword",        // only in `!keyword`: no pairs
    "string_inner",   // the text of `string`
    "integer",        // by position, in `limit`, `size`, `days`
    "date",           // by position, in `start`
    "period",         // by position, in `limit` and `rate`
    "clocks",         // by position, in `every`
    "cmp_op",         // by position, in `comparison`
    "field_type",     // its text: `number`, `bool` or `text`
    "channel_name",   // its text, as a name
    "value",          // the builder's `value` takes it where the grammar has one
    "variant",        // the builder's `variants` takes its child
    "file",           // the start rule
    "conj",           // the builder's `conj`, through `cond`
    "unary",          // the builder's `unary`, through `conj`
    "split_arm",      // the builder's `split_arm`, the only child of `split`
    "send_target",    // by position, in `after send`
    "weighted_value", // inside `weighted_values`
    "day",            // inside `days`
    "month_days",     // by position, in `every month`
];

#[test]
fn the_builder_names_every_rule_that_makes_pairs() {
    let unnamed: Vec<_> = grammar_rules()
        .into_iter()
        .filter(|(name, modifier)| *modifier != "_" && !name.starts_with("kw_"))
        .map(|(name, _)| name)
        .filter(|name| !READ_AS_TEXT.contains(name) && !BUILDER.contains(&format!("Rule::{name}")))
        .collect();
    assert!(
        unnamed.is_empty(),
        "build.rs does not handle {unnamed:?}: build it, or add it to READ_AS_TEXT"
    );
}

/// The words of the alternatives `(a|b|c)` in the `match` patterns under `json`.
fn textmate_words(json: &serde_json::Value) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    match json {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("match", serde_json::Value::String(pattern)) => {
                        let groups = pattern.split(['(', ')']);
                        let words_only = |g: &&str| {
                            !g.is_empty()
                                && g.chars()
                                    .all(|c| c.is_ascii_lowercase() || "_|".contains(c))
                        };
                        for group in groups.filter(words_only) {
                            words.extend(group.split('|').map(str::to_string));
                        }
                    }
                    _ => words.extend(textmate_words(value)),
                }
            }
        }
        serde_json::Value::Array(items) => {
            items.iter().for_each(|i| words.extend(textmate_words(i)))
        }
        _ => {}
    }
    words
}

#[test]
fn the_editor_highlights_exactly_the_reserved_words_as_keywords() {
    let tm: serde_json::Value = serde_json::from_str(TEXTMATE).unwrap();
    let repo = &tm["repository"];
    let mut keywords = textmate_words(&repo["keyword"]);
    keywords.extend(textmate_words(&repo["declaration"]));
    keywords.extend(textmate_words(&repo["stage"]));
    assert_eq!(keywords, grammar_keywords());
}

#[test]
fn the_editor_highlights_the_other_grammar_words_as_types_or_functions() {
    let tm: serde_json::Value = serde_json::from_str(TEXTMATE).unwrap();
    let mut words = textmate_words(&tm["repository"]["type"]);
    words.extend(textmate_words(&tm["repository"]["function"]));
    // settings that are not reserved (`broadcast`, `arrivals none`, `history`, `once`)
    words.extend(textmate_words(&tm["repository"]["setting"]));
    let contextual: BTreeSet<String> = grammar_kw_words()
        .difference(&grammar_keywords())
        .cloned()
        .collect();
    assert_eq!(words, contextual);
}

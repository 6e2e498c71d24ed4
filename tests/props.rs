//! Property tests: whatever the text, checking never panics, every diagnostic points
//! inside the text on character boundaries, rendering never panics, and checking is
//! deterministic.

use journey::{check, render_human, render_json, Diagnostic, HumanStyle, Lang, SourceFile};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use std::sync::OnceLock;

/// Cases per property; `PROPTEST_CASES=100000` runs a longer hunt.
const CASES: u32 = 256;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CASES);
    ProptestConfig {
        cases,
        // Shrinking a failing 5 KB file takes long; the first failure is enough.
        max_shrink_iters: 512,
        ..ProptestConfig::default()
    }
}

/// Checks `text`, verifies the spans, and renders every format.
fn exercise(text: &str) -> Result<(), TestCaseError> {
    let checked = check(text);
    for d in &checked.diagnostics {
        prop_assert!(!d.labels.is_empty(), "{} has no label", d.code);
        for label in &d.labels {
            let span = label.span;
            prop_assert!(
                span.start <= span.end && span.end <= text.len(),
                "{}: span {:?} outside a text of {} bytes",
                d.code,
                span,
                text.len()
            );
            prop_assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{}: span {:?} splits a character",
                d.code,
                span
            );
        }
    }
    prop_assert_eq!(
        checked.model.is_some(),
        !checked.diagnostics.iter().any(Diagnostic::is_error),
        "a model exists exactly when there is no error"
    );
    render(text, &checked.diagnostics)?;

    // Deterministic, also while the other tests of this file check in parallel.
    let again = check(text);
    prop_assert_eq!(&again.diagnostics, &checked.diagnostics);
    Ok(())
}

fn render(text: &str, diagnostics: &[Diagnostic]) -> Result<(), TestCaseError> {
    let file = SourceFile::new("props.journey", text);
    let plain = render_human(&file, diagnostics, HumanStyle::PLAIN);
    prop_assert!(!plain.contains('\x1b'), "escape codes in plain output");
    for d in diagnostics {
        prop_assert!(plain.contains(d.code.as_str()));
    }
    // Narrow and coloured, as on a small terminal.
    render_human(
        &file,
        diagnostics,
        HumanStyle {
            color: true,
            width: 20,
            lang: Lang::Zh,
        },
    );
    let json = render_json([(&file, diagnostics)], Lang::En);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let items = report["diagnostics"].as_array().unwrap();
    prop_assert_eq!(items.len(), diagnostics.len());
    for d in items {
        let at = |key: &str| d[key].as_u64().unwrap();
        prop_assert!(at("line") >= 1 && at("column") >= 1);
        prop_assert!((at("line"), at("column")) <= (at("end_line"), at("end_column")));
        prop_assert!(at("end_line") <= file.line_count() as u64);
    }
    Ok(())
}

// ------------------------------------------------------------------ inputs

/// Pieces of the language: keywords, names, Chinese words, punctuation, literals.
#[rustfmt::skip]
const TOKENS: &[&str] = &[
    // declarations and keywords
    "tag", "event", "touchpoint", "segment", "team", "journey", "population", "stage",
    "entry", "reentry", "exit", "goal", "holdout", "limit", "quiet", "timezone", "channel",
    "cost", "capacity", "on", "enter", "after", "at", "every", "when", "if", "unless",
    "send", "untag", "goto", "split", "task", "and", "or", "not", "in", "has", "between",
    "did", "within", "inactive", "per", "any", "never", "always", "size", "start", "days",
    "arrivals", "over", "behavior", "rate", "uniform", "count", "sum", "days_since",
    "bool", "enum", "number", "set", "text", "day", "week", "month",
    "broadcast", "history", "once", "none", "last", "today",
    // channels and days
    "wecom", "group", "official_account", "moments", "miniprogram", "sms", "push",
    "mon", "wed", "fri", "sat", "sun", "weekday", "weekend", "daily",
    // names
    "signup", "purchase", "visit", "amount", "sku", "vip", "persona", "x", "A", "B", "_",
    "`after sales`", "`", "wecom_1v1",
    // Chinese words
    "新手", "新客", "老客", "沉睡", "白领", "宝妈", "学生", "社群", "朋友圈", "企业微信",
    "下单", "会员", "风格", "销售", "美妆用户", "试驾", "到店",
    // punctuation
    "{", "}", "(", ")", "[", "]", ":", ",", ".", "..", "->", "=", "==", "!=", "<", "<=",
    ">", ">=", "+=", "-=", "%", "#", "\"", "\\", "\n", "\r\n", "\t", " ",
    // literals
    "\"Asia/Shanghai\"", "\"UTC\"", "\"Mars/Base\"", "\"welcome\"", "\"企业微信1v1\"",
    "\"a\\\"b\"", "\"\\u{4E2D}\"", "\"\\q\"", "\"unterminated", "0", "1", "42", "3.5",
    "100_000", "99999999999999999999", "1e9", "-1", "45%", "120%", "0%", "x1.5",
    "30m", "1h", "7d", "2w", "1d12h", "0d", "3天", "10x", "20:00", "00:00", "23:59",
    "24:00", "9:5", "25:61", "2026-03-02", "2026-02-30", "0000-00-00", "0..120", "120..0",
    // version 2: dates and their ranges, month days, history counts, event fields
    "2026-06-18", "2026-06-01..2026-06-18", "2026-06-18..2026-06-01", "9999-12-31", "31",
    "32", "1..3", "5..2", "purchase.amount", "下单.金额", "下单.", ".amount",
    "# comment\n", "\u{feff}", "\u{200b}", "😀", "é",
];

/// The pieces drawn: [`TOKENS`] and every reserved word of the grammar, so a new
/// keyword is generated without touching this file.
fn token() -> impl Strategy<Value = &'static str> {
    let all: Vec<&'static str> = TOKENS
        .iter()
        .chain(journey::RESERVED.iter())
        .copied()
        .collect();
    proptest::sample::select(all)
}

fn separator() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(&[" ", " ", " ", "", "\n", "\n  ", "\r\n", "\t"][..])
}

/// Token soup: keywords, names and punctuation in random order.
fn grammarish() -> impl Strategy<Value = String> {
    proptest::collection::vec((token(), separator()), 0..120).prop_map(|parts| {
        let mut s = String::new();
        for (t, sep) in parts {
            s.push_str(t);
            s.push_str(sep);
        }
        s
    })
}

/// Token soup shaped like a file: lines that start with a declaration keyword at
/// column 0 (so the item splitter cuts it into pieces) and indented bodies.
fn itemish() -> impl Strategy<Value = String> {
    let head = proptest::sample::select(
        &[
            "tag",
            "event",
            "touchpoint",
            "segment",
            "team",
            "journey",
            "population",
            "  stage",
            "  ",
            "    ",
        ][..],
    );
    proptest::collection::vec((head, proptest::collection::vec(token(), 0..12)), 0..30).prop_map(
        |lines| {
            let mut s = String::new();
            for (head, tokens) in lines {
                s.push_str(head);
                for t in tokens {
                    s.push(' ');
                    s.push_str(t);
                }
                s.push('\n');
            }
            s
        },
    )
}

fn examples() -> &'static [String] {
    static EXAMPLES: OnceLock<Vec<String>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "journey"))
            .collect();
        paths.sort();
        let texts: Vec<String> = paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        assert!(!texts.is_empty());
        texts
    })
}

/// A change to a text. Positions are fractions of the text's length (in 1/65536),
/// moved down to a character boundary when applied.
#[derive(Clone, Debug)]
enum Mutation {
    Delete {
        at: u16,
        len: u8,
    },
    Duplicate {
        at: u16,
        len: u8,
        to: u16,
    },
    Swap {
        a: u16,
        b: u16,
        len: u8,
    },
    Insert {
        at: u16,
        token: &'static str,
    },
    // Mutations that often keep the syntax, so the checker sees the result.
    DeleteLine {
        at: u16,
    },
    DuplicateLine {
        at: u16,
        to: u16,
    },
    SwapLines {
        a: u16,
        b: u16,
    },
    /// Replaces the word at or after `at` with `words()[word % len]`.
    ReplaceWord {
        at: u16,
        word: u16,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<u16>(), any::<u8>()).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<u16>(), any::<u8>(), any::<u16>()).prop_map(|(at, len, to)| Mutation::Duplicate {
            at,
            len,
            to
        }),
        (any::<u16>(), any::<u16>(), any::<u8>()).prop_map(|(a, b, len)| Mutation::Swap {
            a,
            b,
            len
        }),
        (any::<u16>(), token()).prop_map(|(at, token)| Mutation::Insert { at, token }),
    ]
}

fn structural_mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => any::<u16>().prop_map(|at| Mutation::DeleteLine { at }),
        1 => (any::<u16>(), any::<u16>()).prop_map(|(at, to)| Mutation::DuplicateLine { at, to }),
        1 => (any::<u16>(), any::<u16>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
        3 => (any::<u16>(), any::<u16>()).prop_map(|(at, word)| Mutation::ReplaceWord { at, word }),
    ]
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every word of the examples (names, keywords, numbers), and some undeclared names.
fn words() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<String> = examples()
            .iter()
            .flat_map(|t| t.split(|c: char| !is_word_char(c)))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .chain(["未声明", "undeclared", "x"].map(String::from))
            .collect();
        words.sort();
        words.dedup();
        words
    })
}

/// The line holding the character boundary at `fraction` of the text.
fn line_at(text: &str, fraction: u16) -> std::ops::Range<usize> {
    let at = boundary(text, fraction);
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    start..end
}

/// The character boundary at or before `fraction` of the text.
fn boundary(text: &str, fraction: u16) -> usize {
    let mut i = text.len() * fraction as usize / 65536;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The character boundary at or before `start + len`.
fn end_of(text: &str, start: usize, len: u8) -> usize {
    let mut i = (start + len as usize).min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &mut String, m: &Mutation) {
    match *m {
        Mutation::Delete { at, len } => {
            let start = boundary(text, at);
            let end = end_of(text, start, len);
            text.replace_range(start..end, "");
        }
        Mutation::Duplicate { at, len, to } => {
            let start = boundary(text, at);
            let end = end_of(text, start, len);
            let piece = text[start..end].to_string();
            let to = boundary(text, to);
            text.insert_str(to, &piece);
        }
        Mutation::Swap { a, b, len } => {
            let (a, b) = (boundary(text, a.min(b)), boundary(text, a.max(b)));
            let a_end = end_of(text, a, len).min(b);
            let b_end = end_of(text, b, len);
            let first = text[a..a_end].to_string();
            let second = text[b..b_end].to_string();
            // Replace the later range first so the earlier offsets stay valid.
            text.replace_range(b..b_end, &first);
            text.replace_range(a..a_end, &second);
        }
        Mutation::Insert { at, token } => {
            let at = boundary(text, at);
            text.insert_str(at, token);
        }
        Mutation::DeleteLine { at } => {
            let line = line_at(text, at);
            text.replace_range(line, "");
        }
        Mutation::DuplicateLine { at, to } => {
            let line = text[line_at(text, at)].to_string();
            let to = line_at(text, to).start;
            text.insert_str(to, &line);
        }
        Mutation::SwapLines { a, b } => {
            let (a, b) = (line_at(text, a.min(b)), line_at(text, a.max(b)));
            if a.end <= b.start {
                let first = text[a.clone()].to_string();
                let second = text[b.clone()].to_string();
                text.replace_range(b, &first);
                text.replace_range(a, &second);
            }
        }
        Mutation::ReplaceWord { at, word } => {
            let at = boundary(text, at);
            if let Some(start) = text[at..].find(is_word_char).map(|i| at + i) {
                let end = text[start..]
                    .find(|c: char| !is_word_char(c))
                    .map_or(text.len(), |i| start + i);
                let words = words();
                text.replace_range(start..end, &words[word as usize % words.len()]);
            }
        }
    }
}

fn mutated_example() -> impl Strategy<Value = String> {
    mutated_example_by(mutation().boxed(), 1..8)
}

fn structurally_mutated_example() -> impl Strategy<Value = String> {
    mutated_example_by(structural_mutation().boxed(), 1..4)
}

fn mutated_example_by(
    mutation: BoxedStrategy<Mutation>,
    count: std::ops::Range<usize>,
) -> impl Strategy<Value = String> {
    let examples_count = examples().len();
    (
        0..examples_count,
        proptest::collection::vec(mutation, count),
    )
        .prop_map(|(i, mutations)| {
            let mut text = examples()[i].clone();
            for m in &mutations {
                apply(&mut text, m);
            }
            text
        })
}

// ------------------------------------------------------------------ properties

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        exercise(&text)?;
    }

    #[test]
    fn arbitrary_ascii_and_cjk_never_panics(text in "[ -~\\n\\r\\t新客会员风格：，。（）【】“”]{0,400}") {
        exercise(&text)?;
    }

    #[test]
    fn token_soup_never_panics(text in grammarish()) {
        exercise(&text)?;
    }

    #[test]
    fn item_shaped_token_soup_never_panics(text in itemish()) {
        exercise(&text)?;
    }

    #[test]
    fn mutated_examples_never_panic(text in mutated_example()) {
        exercise(&text)?;
    }

    #[test]
    fn structurally_mutated_examples_never_panic(text in structurally_mutated_example()) {
        exercise(&text)?;
    }
}

#[test]
fn examples_survive_the_deletion_of_a_line() {
    // Each example with one of its lines removed, for every fourth line (a different
    // quarter of the lines in each example, to keep the debug build fast).
    for (n, text) in examples().iter().enumerate() {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        for skip in (n % 4..lines.len()).step_by(4) {
            let cut: String = lines
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != skip)
                .map(|(_, l)| *l)
                .collect();
            if let Err(e) = exercise(&cut) {
                panic!("example {n}, line {} removed: {e}", skip + 1);
            }
        }
    }
}

#[test]
fn prefixes_of_an_example_never_panic() {
    // Every character-boundary prefix of one example: half-typed text, as an
    // editor sends it.
    let text = &examples()[0];
    let mut cut = 0;
    while cut <= text.len() {
        if text.is_char_boundary(cut) {
            if let Err(e) = exercise(&text[..cut]) {
                panic!("prefix of {cut} bytes: {e}");
            }
        }
        cut += 29;
    }
}

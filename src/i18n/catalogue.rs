//! The catalogues, loaded once per language from the `.ftl` files built into the
//! binary, and the one function that puts a [`Message`] into words.

use super::{Arg, Lang, Message};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// Every catalogue file of a language, in the order they are loaded.
pub(super) const FILES: &[(&str, [&str; 2])] = &[
    (
        "diagnostics.ftl",
        [
            include_str!("en/diagnostics.ftl"),
            include_str!("zh/diagnostics.ftl"),
        ],
    ),
    (
        "syntax.ftl",
        [include_str!("en/syntax.ftl"), include_str!("zh/syntax.ftl")],
    ),
    (
        "check.ftl",
        [include_str!("en/check.ftl"), include_str!("zh/check.ftl")],
    ),
    (
        "lint.ftl",
        [include_str!("en/lint.ftl"), include_str!("zh/lint.ftl")],
    ),
    (
        "cli.ftl",
        [include_str!("en/cli.ftl"), include_str!("zh/cli.ftl")],
    ),
    (
        "report.ftl",
        [include_str!("en/report.ftl"), include_str!("zh/report.ftl")],
    ),
    (
        "html.ftl",
        [include_str!("en/html.ftl"), include_str!("zh/html.ftl")],
    ),
    (
        "help.ftl",
        [include_str!("en/help.ftl"), include_str!("zh/help.ftl")],
    ),
    (
        "trace.ftl",
        [include_str!("en/trace.ftl"), include_str!("zh/trace.ftl")],
    ),
    (
        "project.ftl",
        [
            include_str!("en/project.ftl"),
            include_str!("zh/project.ftl"),
        ],
    ),
    (
        "diff.ftl",
        [include_str!("en/diff.ftl"), include_str!("zh/diff.ftl")],
    ),
];

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 2] = [OnceLock::new(), OnceLock::new()];
    let index = lang as usize;
    BUNDLES[index].get_or_init(|| {
        let locale = lang
            .as_str()
            .parse()
            .expect("`en` and `zh` are language ids");
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        // Placeables are not wrapped in Unicode isolation marks: the words go to
        // terminals, JSON and editors, not to a bidirectional layout.
        bundle.set_use_isolating(false);
        for (name, texts) in FILES {
            let resource = FluentResource::try_new(texts[index].to_string())
                .unwrap_or_else(|(_, e)| panic!("{lang}/{name} does not parse: {e:?}"));
            bundle
                .add_resource(resource)
                .unwrap_or_else(|e| panic!("{lang}/{name}: {e:?}"));
        }
        bundle
    })
}

/// The message in words of `lang`. A catalogue id is `message` or
/// `message.attribute`; the tests (src/i18n/tests.rs) make sure every id the code
/// uses is in both catalogues, so a missing one shows as its id, never as a panic.
pub fn words(message: &Message, lang: Lang) -> String {
    match message {
        Message::Text(text) => text.clone(),
        Message::Catalogue { id, args } => format(id, args, lang),
    }
}

fn format(id: &str, args: &[(&'static str, Arg)], lang: Lang) -> String {
    let bundle = bundle(lang);
    let (name, attribute) = match id.split_once('.') {
        Some((name, attribute)) => (name, Some(attribute)),
        None => (id, None),
    };
    let pattern = bundle.get_message(name).and_then(|m| match attribute {
        Some(a) => m.get_attribute(a).map(|a| a.value()),
        None => m.value(),
    });
    let Some(pattern) = pattern else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (key, arg) in args {
        fluent_args.set(*key, value(arg, lang));
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    text.into_owned()
}

fn value(arg: &Arg, lang: Lang) -> FluentValue<'_> {
    let quoted =
        |names: &[String]| -> Vec<String> { names.iter().map(|n| format!("`{n}`")).collect() };
    match arg {
        Arg::Text(text) => FluentValue::from(text.as_str()),
        Arg::Count(n) => FluentValue::from(*n),
        Arg::Word(word) => FluentValue::from(format(word, &[], lang)),
        Arg::Names(names) => FluentValue::from(list(&quoted(names), Joiner::Or, lang)),
        Arg::AllNames(names) => FluentValue::from(list(&quoted(names), Joiner::And, lang)),
        Arg::NameList(names) => FluentValue::from(list(&quoted(names), Joiner::Comma, lang)),
        Arg::OneOf(items) => {
            let worded: Vec<String> = (items.iter())
                .map(|a| match value(a, lang) {
                    FluentValue::String(s) => s.into_owned(),
                    FluentValue::Number(n) => n.as_string().into_owned(),
                    _ => String::new(),
                })
                .collect();
            FluentValue::from(list(&worded, Joiner::Or, lang))
        }
        Arg::Message(m) => FluentValue::from(words(m, lang)),
        Arg::All(items) => FluentValue::from(list(&worded(items, lang), Joiner::And, lang)),
        Arg::Each(items) => FluentValue::from(list(&worded(items, lang), Joiner::Comma, lang)),
    }
}

/// Messages, each in words.
fn worded(items: &[Message], lang: Lang) -> Vec<String> {
    items.iter().map(|m| words(m, lang)).collect()
}

/// How a list ends: one of the items, all of them, or a plain enumeration.
enum Joiner {
    Or,
    And,
    Comma,
}

/// Items as the language lists them: "a, b or c" / "a、b 或 c" (or "and" / "和").
fn list(items: &[String], joiner: Joiner, lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            let (comma, last_word) = match (lang, joiner) {
                (Lang::En, Joiner::Or) => (", ", " or "),
                (Lang::En, Joiner::And) => (", ", " and "),
                (Lang::En, Joiner::Comma) => (", ", ", "),
                (Lang::Zh, Joiner::Or) => ("、", " 或 "),
                (Lang::Zh, Joiner::And) => ("、", " 和 "),
                (Lang::Zh, Joiner::Comma) => ("、", "、"),
            };
            format!("{}{last_word}{last}", init.join(comma))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::msg;

    #[test]
    fn nested_and_listed_messages_are_put_into_words_in_the_same_language() {
        let kinds = vec![msg!("kind-tag"), msg!("kind-event"), msg!("kind-team")];
        let all = msg!("did-you-mean", names = Arg::All(kinds.clone()));
        assert_eq!(words(&all, Lang::En), "did you mean tag, event and team?");
        assert_eq!(words(&all, Lang::Zh), "是不是想写 标签、事件 和 团队？");
        let each = msg!("did-you-mean", names = Arg::Each(kinds));
        assert_eq!(words(&each, Lang::En), "did you mean tag, event, team?");
        let names = Arg::NameList(vec!["甲".into(), "乙".into(), "丙".into()]);
        let listed = msg!("did-you-mean", names = names);
        assert_eq!(words(&listed, Lang::En), "did you mean `甲`, `乙`, `丙`?");
        assert_eq!(words(&listed, Lang::Zh), "是不是想写 `甲`、`乙`、`丙`？");
        let nested = msg!("did-you-mean", names = msg!("kind-tag"));
        assert_eq!(words(&nested, Lang::Zh), "是不是想写 标签？");
    }
}

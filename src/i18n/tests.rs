//! The catalogues agree with each other and with the code.

use super::catalogue::FILES;
use super::lang::LangError;
use super::*;
use std::collections::BTreeSet;
use std::path::Path;

/// The ids (`message`, `message.attribute`) of a catalogue file, each with the
/// variables its text uses.
fn entries(ftl: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out: Vec<(String, BTreeSet<String>)> = Vec::new();
    let mut message = String::new();
    for line in ftl.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let starts_entry = line.starts_with(|c: char| c.is_ascii_alphabetic());
        let attribute = line
            .trim_start()
            .strip_prefix('.')
            .filter(|_| line.starts_with(' '));
        let id = if starts_entry {
            message = line.split('=').next().unwrap().trim().to_string();
            Some(message.clone())
        } else {
            attribute
                .and_then(|a| a.split_once('='))
                .map(|(name, _)| format!("{message}.{}", name.trim()))
        };
        if let Some(id) = id {
            out.push((id, BTreeSet::new()));
        }
        let variables = &mut out.last_mut().expect("text belongs to an entry").1;
        for piece in line.split("{ $").skip(1) {
            let name: String = piece
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            variables.insert(name);
        }
    }
    out
}

#[test]
fn both_languages_have_the_same_messages_and_chinese_uses_only_their_variables() {
    for (name, [en, zh]) in FILES {
        let (en, zh) = (entries(en), entries(zh));
        let ids = |e: &[(String, BTreeSet<String>)]| -> Vec<String> {
            e.iter().map(|(id, _)| id.clone()).collect()
        };
        let only_en: Vec<_> = ids(&en)
            .into_iter()
            .filter(|i| !ids(&zh).contains(i))
            .collect();
        let only_zh: Vec<_> = ids(&zh)
            .into_iter()
            .filter(|i| !ids(&en).contains(i))
            .collect();
        assert!(
            only_en.is_empty() && only_zh.is_empty(),
            "{name}: only in en: {only_en:?}; only in zh: {only_zh:?}"
        );
        // English is the reference the code is written against; a Chinese text
        // may leave out a variable (a plural form), never use one more.
        for (id, zh_vars) in &zh {
            let en_vars = &en.iter().find(|(i, _)| i == id).unwrap().1;
            let extra: Vec<_> = zh_vars.difference(en_vars).collect();
            assert!(
                extra.is_empty(),
                "{name}: `{id}` uses {extra:?} in zh, not in en"
            );
        }
    }
}

/// Every `.rs` file under `dir`, but this one (its ids are examples).
fn sources(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/tests.rs") {
            out.push(std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// The code under src/, every file joined.
fn code() -> String {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files.concat()
}

/// The ids the code puts into words: `msg!("id"…`, `Message::new("id")`.
fn ids_in_code(code: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for opener in ["msg!(", "Message::new("] {
        for piece in code.split(opener).skip(1) {
            if let Some(quoted) = piece.trim_start().strip_prefix('"') {
                ids.insert(quoted.split('"').next().unwrap().to_string());
            }
        }
    }
    ids
}

#[test]
fn every_id_the_code_uses_is_in_the_catalogues_and_every_message_is_used() {
    let catalogue: BTreeSet<String> = FILES
        .iter()
        .flat_map(|(_, [en, _])| entries(en))
        .map(|(id, _)| id)
        .collect();
    let code = code();
    let missing: Vec<_> = ids_in_code(&code)
        .into_iter()
        .filter(|id| !catalogue.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "used in the code, not in the catalogues: {missing:?}"
    );
    // A message is used when the code names it, or one of its attributes (kinds
    // are named in tables, then passed as `Arg::Word`).
    let unused: Vec<_> = catalogue
        .iter()
        .filter(|id| !id.contains('.'))
        .filter(|id| !code.contains(&format!("\"{id}\"")) && !code.contains(&format!("\"{id}.")))
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalogues, used nowhere: {unused:?}"
    );
}

#[test]
fn arguments_are_put_into_words_in_the_same_language() {
    let m = msg!("unknown-name", kind = Arg::Word("kind-tag"), name = "风格");
    assert_eq!(words(&m, Lang::En), "unknown tag `风格`");
    assert_eq!(words(&m, Lang::Zh), "找不到标签 `风格`");
    let names = vec!["新客".to_string(), "新手".to_string(), "老客".to_string()];
    let m = msg!("did-you-mean", names = names);
    assert_eq!(
        words(&m, Lang::En),
        "did you mean `新客`, `新手` or `老客`?"
    );
    assert_eq!(words(&m, Lang::Zh), "是不是想写 `新客`、`新手` 或 `老客`？");
}

#[test]
fn counts_choose_plural_forms() {
    let m = |n: usize| msg!("errors-count", count = n);
    assert_eq!(words(&m(1), Lang::En), "1 error");
    assert_eq!(words(&m(3), Lang::En), "3 errors");
    assert_eq!(words(&m(3), Lang::Zh), "3 个错误");
}

#[test]
fn an_unknown_id_shows_as_itself() {
    let unknown = Message::Catalogue {
        id: "no-such-message",
        args: Box::new([]),
    };
    assert_eq!(words(&unknown, Lang::Zh), "no-such-message");
}

#[test]
fn the_language_comes_from_the_flag_then_journey_lang_then_the_locale() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    };
    let zh_locale: &[(&str, &str)] = &[("LANG", "zh_CN.UTF-8")];
    assert_eq!(
        Lang::choose_from(Some(Lang::En), env(zh_locale)),
        Ok(Lang::En)
    );
    assert_eq!(Lang::choose_from(None, env(zh_locale)), Ok(Lang::Zh));
    let both: &[(&str, &str)] = &[("JOURNEY_LANG", "en"), ("LANG", "zh_CN.UTF-8")];
    assert_eq!(Lang::choose_from(None, env(both)), Ok(Lang::En));
    // The first of LC_ALL, LC_MESSAGES, LANG that is set decides.
    let c_first: &[(&str, &str)] = &[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")];
    assert_eq!(Lang::choose_from(None, env(c_first)), Ok(Lang::En));
    let empty_skipped: &[(&str, &str)] = &[("LC_ALL", ""), ("LC_MESSAGES", "zh_TW")];
    assert_eq!(Lang::choose_from(None, env(empty_skipped)), Ok(Lang::Zh));
    assert_eq!(Lang::choose_from(None, env(&[])), Ok(Lang::En));
    let bad: &[(&str, &str)] = &[("JOURNEY_LANG", "fr")];
    assert_eq!(
        Lang::choose_from(None, env(bad)),
        Err(LangError {
            variable: "JOURNEY_LANG",
            value: "fr".into()
        })
    );
    assert_eq!(Lang::from_locale("zh-cn"), Lang::Zh);
    assert_eq!(Lang::from_locale("en-US"), Lang::En);
}

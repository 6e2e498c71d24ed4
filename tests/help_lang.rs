//! `journey --help` in the reader's language (issue 12, §3): Chinese under
//! `--lang zh` or `JOURNEY_LANG=zh`, clap's own English otherwise, unchanged.

#[path = "support/lang.rs"]
mod support;

/// The standard output of a successful run with `JOURNEY_LANG=lang` (the locale
/// variables cleared).
fn help(lang: &str, args: &[&str]) -> String {
    let out = support::run_in(lang, args);
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    assert!(out.stderr.is_empty(), "{args:?}");
    String::from_utf8(out.stdout).expect("help is UTF-8")
}

#[test]
fn the_english_help_is_clap_s_as_before() {
    insta::assert_snapshot!("en_root", help("en", &["--help"]));
    insta::assert_snapshot!("en_check", help("en", &["check", "--help"]));
}

#[test]
fn lang_zh_gives_the_help_in_chinese() {
    let root = help("en", &["--help", "--lang", "zh"]);
    insta::assert_snapshot!("zh_root", root);
    let check = help("en", &["check", "--help", "--lang", "zh"]);
    insta::assert_snapshot!("zh_check", check);
    assert!(check.contains("用法：journey check"), "{check}");
    assert!(check.contains("自动做安全的修改"), "{check}");
    assert!(check.contains("（默认：`human`）"), "{check}");
    assert!(!check.contains("[default:") && !check.contains("possible values"));
}

#[test]
fn journey_lang_zh_gives_the_short_help_and_subcommand_help_in_chinese() {
    let check = help("zh", &["check", "-h"]);
    assert_eq!(check, help("en", &["check", "--help", "--lang", "zh"]));
    let merge = help("zh", &["help", "report", "merge"]);
    assert!(
        merge.starts_with("把 `journey simulate --shard K/N`"),
        "{merge}"
    );
    assert!(merge.contains("\n选项:\n"), "{merge}");
}

#[test]
fn lang_en_overrides_journey_lang_zh() {
    assert_eq!(
        help("zh", &["--help", "--lang", "en"]),
        help("en", &["--help"])
    );
}

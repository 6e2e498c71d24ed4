use super::*;
use crate::i18n::words;

fn error(text: &str, lang: Lang) -> String {
    words(&Config::parse(text).unwrap_err(), lang)
}

#[test]
fn every_setting_is_read() {
    let text = "[project]\nlang = \"zh\"\n[check]\ndeny = [\"warnings\", \"J0401\"]\n\
                allow = [\"J0409\"]\n[simulate]\nseed = 7\n";
    let config = Config::parse(text).unwrap();
    assert_eq!(
        config,
        Config {
            lang: Some(Lang::Zh),
            deny_warnings: true,
            deny: vec![Code::UnusedDeclaration],
            allow: vec![Code::OverDailyLimit],
            seed: Some(7),
        }
    );
    assert_eq!(Config::parse("").unwrap(), Config::default());
}

#[test]
fn unknown_keys_and_tables_suggest_the_nearest() {
    assert_eq!(
        error("[check]\ndeni = [\"warnings\"]\n", Lang::En),
        "unknown key `check.deni`; did you mean `deny`?"
    );
    assert_eq!(
        error("[simulat]\nseed = 1\n", Lang::En),
        "unknown table `[simulat]`; did you mean `[simulate]`?"
    );
    assert_eq!(
        error("[check]\ndeni = []\n", Lang::Zh),
        "未知的键 `check.deni`；是不是 `deny`？"
    );
}

#[test]
fn unknown_codes_and_errors_in_deny_or_allow_are_refused() {
    assert_eq!(
        error("[check]\nallow = [\"J049\"]\n", Lang::En),
        "unknown code `J049` in `deny` or `allow`; did you mean `J0409`?"
    );
    assert!(error("[check]\ndeny = [\"J0101\"]\n", Lang::En).starts_with("`J0101` is an error"));
    assert_eq!(
        error("[check]\nallow = \"J0409\"\n", Lang::En),
        "`check.allow` must be a list of codes in quotes, such as `[\"J0409\"]`"
    );
}

#[test]
fn wrong_values_and_broken_toml_are_refused() {
    assert_eq!(
        error("[simulate]\nseed = -1\n", Lang::En),
        "`simulate.seed` must be a whole number, 0 or more"
    );
    assert_eq!(
        error("[project]\nlang = \"fr\"\n", Lang::En),
        "`project.lang` must be `\"zh\"` or `\"en\"`"
    );
    assert!(error("[project\n", Lang::En).starts_with("this is not valid TOML: "));
    assert!(error("project = 1\n", Lang::En).starts_with("`project` must be a table"));
}

//! Which language a person reads (language-v2.md §7): `--lang`, else `JOURNEY_LANG`,
//! else the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set — Chinese when it
//! starts with `zh` — else English.

use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language of a run: `flag` (`--lang`) if given, else the environment.
    pub fn choose(flag: Option<Lang>) -> Result<Lang, LangError> {
        Self::choose_from(flag, |name| std::env::var(name).ok())
    }

    /// The language chosen by a person for this run — `flag`, else `JOURNEY_LANG` —
    /// as opposed to one inferred from the locale.
    pub fn explicit(flag: Option<Lang>) -> Option<Lang> {
        let var = std::env::var("JOURNEY_LANG").ok();
        flag.or_else(|| var.and_then(|v| v.parse().ok()))
    }

    /// [`Lang::choose`] reading variables through `var` (tests pass their own).
    pub fn choose_from(
        flag: Option<Lang>,
        var: impl Fn(&str) -> Option<String>,
    ) -> Result<Lang, LangError> {
        if let Some(lang) = flag {
            return Ok(lang);
        }
        if let Some(value) = var("JOURNEY_LANG").filter(|v| !v.is_empty()) {
            return value.parse().map_err(|_| LangError {
                variable: "JOURNEY_LANG",
                value,
            });
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()));
        Ok(match locale {
            Some(l) if l.starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        })
    }

    /// The language of an editor's locale (`zh-CN`, `zh_TW`, `en-US`…).
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

impl FromStr for Lang {
    type Err = ();

    /// `en` or `zh`, also as a locale (`zh-CN`, `zh_CN.UTF-8`, `en_US`).
    fn from_str(s: &str) -> Result<Lang, ()> {
        let base = s.split(['-', '_', '.']).next().unwrap_or("");
        match base.to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "zh" => Ok(Lang::Zh),
            _ => Err(()),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An environment variable names a language we do not have.
#[derive(Debug, PartialEq)]
pub struct LangError {
    pub variable: &'static str,
    pub value: String,
}

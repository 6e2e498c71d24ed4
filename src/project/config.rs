//! `journey.toml` at a project's root (language-v2 §1, §11.15): the project's
//! language, its `check` policy and the simulation's default seed. Unknown keys and
//! unknown codes are errors with a suggestion; the file's errors are said in the
//! language chosen without it. Command-line flags win over the file.

use crate::diag::{Code, Severity};
use crate::i18n::{msg, Lang, Message};
use crate::suggest::nearest;
use std::path::{Path, PathBuf};
use toml::{Table, Value};

/// What a project's `journey.toml` sets; everything unset without one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// `[project] lang`.
    pub lang: Option<Lang>,
    /// `[check] deny = ["warnings"]`: every warning fails the check.
    pub deny_warnings: bool,
    /// `[check] deny`'s codes: these warnings fail the check.
    pub deny: Vec<Code>,
    /// `[check] allow`: warnings silenced project-wide.
    pub allow: Vec<Code>,
    /// `[simulate] seed`: the default of `--seed`.
    pub seed: Option<u64>,
}

/// The keys of each table, for the unknown-key suggestions.
const KEYS: &[(&str, &[&str])] = &[
    ("project", &["lang"]),
    ("check", &["deny", "allow"]),
    ("simulate", &["seed"]),
];

impl Config {
    /// The configuration of the project `dir` is in (the nearest `journey.toml`
    /// upward, read with `read`), or the default when there is none. The file is read
    /// and named by `shown` of its path (the command line names it relative to the
    /// current directory, as the files it is given).
    pub fn find(
        dir: &Path,
        read: super::Read,
        shown: &dyn Fn(&Path) -> PathBuf,
    ) -> Result<Config, Message> {
        let root = super::root_of(dir);
        let path = root.join(super::CONFIG);
        if !path.is_file() {
            return Ok(Config::default());
        }
        let path = shown(&path);
        let text = read(&path)?;
        Config::parse(&text)
            .map_err(|e| msg!("config-error", file = path.display().to_string(), error = e))
    }

    /// Reads the text of a `journey.toml`.
    pub fn parse(text: &str) -> Result<Config, Message> {
        let table: Table = text.parse().map_err(|e: toml::de::Error| {
            msg!("config-not-toml", reason = e.message().to_string())
        })?;
        let mut config = Config::default();
        for (section, value) in &table {
            let keys = KEYS
                .iter()
                .find(|(name, _)| name == section)
                .map(|(_, keys)| *keys);
            let Some(keys) = keys else {
                return Err(unknown(
                    ["config-unknown-table", "config-unknown-table.near"],
                    section,
                    KEYS.iter().map(|(n, _)| *n),
                ));
            };
            let Value::Table(entries) = value else {
                return Err(msg!("config-not-table", section = section.as_str()));
            };
            for (key, value) in entries {
                if !keys.contains(&key.as_str()) {
                    return Err(unknown_key(section, key, keys));
                }
                config.set(section, key, value)?;
            }
        }
        Ok(config)
    }

    fn set(&mut self, section: &str, key: &str, value: &Value) -> Result<(), Message> {
        let wrong = |expected: &'static str| {
            msg!(
                "config-wrong-value",
                key = format!("{section}.{key}"),
                expected = crate::i18n::Arg::Word(expected)
            )
        };
        match (section, key) {
            ("project", "lang") => {
                let text = value
                    .as_str()
                    .ok_or_else(|| wrong("config-expected-lang"))?;
                self.lang = Some(text.parse().map_err(|()| wrong("config-expected-lang"))?);
            }
            ("simulate", "seed") => {
                let seed = value.as_integer().and_then(|n| u64::try_from(n).ok());
                self.seed = Some(seed.ok_or_else(|| wrong("config-expected-seed"))?);
            }
            (_, list) => {
                let items = value
                    .as_array()
                    .ok_or_else(|| wrong("config-expected-codes"))?;
                for item in items {
                    let text = item
                        .as_str()
                        .ok_or_else(|| wrong("config-expected-codes"))?;
                    if list == "deny" && text == "warnings" {
                        self.deny_warnings = true;
                        continue;
                    }
                    let code = warning_code(text, list == "deny")?;
                    if list == "deny" {
                        self.deny.push(code);
                    } else {
                        self.allow.push(code);
                    }
                }
            }
        }
        Ok(())
    }
}

/// A warning's code in `deny` or `allow` (`deny` also takes `"warnings"`).
fn warning_code(text: &str, deny: bool) -> Result<Code, Message> {
    match Code::parse(text) {
        Some(code) if code.severity() == Severity::Warning => Ok(code),
        Some(code) => Err(msg!("config-error-code", code = code.as_str())),
        None => {
            let warnings = (Code::ALL.iter())
                .filter(|c| c.severity() == Severity::Warning)
                .map(|c| c.as_str());
            let words = deny.then_some("warnings").into_iter().chain(warnings);
            Err(unknown(
                ["config-unknown-code", "config-unknown-code.near"],
                text,
                words,
            ))
        }
    }
}

fn unknown_key(section: &str, key: &str, keys: &[&str]) -> Message {
    let near = nearest(key, keys.iter().copied());
    match near {
        Some(near) => msg!(
            "config-unknown-key.near",
            key = format!("{section}.{key}"),
            near = near
        ),
        None => msg!("config-unknown-key", key = format!("{section}.{key}")),
    }
}

/// An unknown table or code (`ids`: the message without and with a suggestion),
/// with the nearest known one.
fn unknown<'a>(
    ids: [&'static str; 2],
    text: &str,
    known: impl Iterator<Item = &'a str>,
) -> Message {
    match nearest(text, known) {
        Some(near) => Message::new(ids[1]).with("text", text).with("near", near),
        None => Message::new(ids[0]).with("text", text),
    }
}

#[cfg(test)]
mod tests;

//! Usage errors (an unknown flag, a missing value…) in the reader's language. clap
//! words them in English, and its English output is kept as it is; for other
//! languages they are rendered here from the error's kind and context. `--help` is
//! put into the reader's language by src/cli/help.rs.

use super::flags::Refused;
use crate::i18n::{msg, Arg, Lang, Message};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::error::Error as _;
use std::ffi::OsString;

/// The language of a run whose arguments did not parse: its `--lang` if that much
/// can be read from `args`, else the environment's.
pub fn lang(args: impl IntoIterator<Item = OsString>) -> Lang {
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let flag = args.iter().enumerate().find_map(|(i, arg)| {
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.get(i + 1)?.as_str(),
            Some(rest) => rest.strip_prefix('=')?,
            None => return None,
        };
        value.parse().ok()
    });
    Lang::choose(flag).unwrap_or_default()
}

/// The error in `lang`'s words, or `None` where clap's own output stands: in
/// English, for `--help` and `--version`, and for kinds not worded here.
pub fn words(error: &clap::Error, lang: Lang) -> Option<String> {
    if lang == Lang::En || !error.use_stderr() {
        return None;
    }
    let message = message(error, lang)?;
    let mut out = crate::i18n::words(&msg!("cli-error", message = text(&message, lang)), lang);
    let first = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s),
        Some(ContextValue::Strings(s)) => s.first(),
        _ => None,
    };
    let tip = match (
        first(ContextKind::SuggestedArg),
        first(ContextKind::SuggestedSubcommand),
    ) {
        (Some(s), _) => Some(msg!("cli-usage-tip", suggestion = s)),
        (None, Some(s)) => Some(msg!("cli-usage-tip-command", suggestion = s)),
        (None, None) => None,
    };
    if let Some(tip) = tip {
        out.push_str("\n\n");
        out.push_str(&text(&tip, lang));
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        // clap's usage line is plain text without its "Usage: " heading.
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        out.push_str("\n\n");
        out.push_str(&text(&msg!("cli-usage-line", usage = usage), lang));
    }
    out.push_str("\n\n");
    out.push_str(&text(&msg!("cli-usage-more"), lang));
    out.push('\n');
    Some(out)
}

fn text(message: &Message, lang: Lang) -> String {
    crate::i18n::words(message, lang)
}

/// What went wrong, from the error's kind and context.
fn message(error: &clap::Error, lang: Lang) -> Option<Message> {
    let string = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let arg = string(ContextKind::InvalidArg);
    let value = string(ContextKind::InvalidValue);
    Some(match error.kind() {
        ErrorKind::UnknownArgument => msg!("cli-usage-unknown-argument", arg = arg?),
        ErrorKind::InvalidSubcommand => msg!(
            "cli-usage-unknown-command",
            command = string(ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::InvalidValue if value.as_deref() == Some("") => {
            msg!("cli-usage-missing-value", arg = arg?)
        }
        ErrorKind::InvalidValue => match error.get(ContextKind::ValidValue) {
            Some(ContextValue::Strings(valid)) => msg!(
                "cli-usage-invalid-value.choices",
                arg = arg?,
                value = value?,
                choices = Arg::Names(valid.clone())
            ),
            _ => msg!("cli-usage-invalid-value", arg = arg?, value = value?),
        },
        ErrorKind::ValueValidation => msg!(
            "cli-usage-invalid-value.reason",
            arg = arg?,
            value = value?,
            reason = reason(error, lang)
        ),
        ErrorKind::MissingRequiredArgument => match error.get(ContextKind::InvalidArg) {
            Some(ContextValue::Strings(args)) => {
                msg!(
                    "cli-usage-missing-argument",
                    args = Arg::AllNames(args.clone())
                )
            }
            _ => return None,
        },
        ErrorKind::ArgumentConflict => msg!("cli-usage-conflict", arg = arg?),
        ErrorKind::MissingSubcommand => match error.get(ContextKind::ValidSubcommand) {
            Some(ContextValue::Strings(commands)) => msg!(
                "cli-usage-missing-command",
                commands = Arg::Names(commands.clone())
            ),
            _ => return None,
        },
        _ => return None,
    })
}

/// Why a value parser refused a value: its message in `lang` when it has one
/// ([`Refused`]), else the parser's own words.
fn reason(error: &clap::Error, lang: Lang) -> String {
    match error.source() {
        Some(source) => match source.downcast_ref::<Refused>() {
            Some(refused) => text(&refused.0, lang),
            None => source.to_string(),
        },
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang_of(args: &[&str]) -> Lang {
        lang(args.iter().map(OsString::from))
    }

    #[test]
    fn the_lang_flag_is_read_from_arguments_that_did_not_parse() {
        assert_eq!(
            lang_of(&["journey", "--lang", "zh", "check", "--x"]),
            Lang::Zh
        );
        assert_eq!(
            lang_of(&["journey", "check", "--lang=zh-CN", "--x"]),
            Lang::Zh
        );
        assert_eq!(
            lang_of(&["journey", "check", "--x", "--lang", "en"]),
            Lang::En
        );
    }
}

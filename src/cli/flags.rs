//! Count flags with documented limits ("Limits" in docs/language.md): a value out of
//! range is a usage error (exit 2) before any work starts. clap names the flag.

use crate::i18n::{msg, words, Lang, Message};
use crate::limits::grouped;
use crate::report::RenderOptions;
use std::fmt;

/// A parser of a whole number from `min` to `max`.
pub fn count(min: u64, max: u64) -> impl Fn(&str) -> Result<u64, Refused> + Clone {
    move |text| {
        let n: u64 = text
            .trim()
            .parse()
            .map_err(|_| Refused(msg!("flag-not-a-number", text = text)))?;
        if n < min {
            Err(Refused(msg!("flag-too-small", min = min.to_string())))
        } else if n > max {
            Err(Refused(msg!("flag-too-large", max = grouped(max))))
        } else {
            Ok(n)
        }
    }
}

/// Why a flag's value was refused, as a message. clap shows it in English (its
/// `Display`); usage errors in other languages put it into their words
/// (src/cli/usage.rs).
#[derive(Debug, Clone, PartialEq)]
pub struct Refused(pub Message);

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&words(&self.0, Lang::En))
    }
}

impl std::error::Error for Refused {}

/// How the report of `journey simulate` and `journey report merge` is laid out.
#[derive(clap::Args, Clone, Copy, Debug, Default)]
pub struct LayoutFlags {
    /// Show the timeline a row per day (default: a row per week).
    #[arg(long)]
    daily: bool,
}

impl LayoutFlags {
    pub fn options(self) -> RenderOptions {
        RenderOptions { daily: self.daily }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_outside_their_range_are_refused_with_the_limit() {
        let users = count(1, 1_000_000_000);
        assert_eq!(users("42"), Ok(42));
        assert_eq!(users("1000000000"), Ok(1_000_000_000));
        let err = users("1000000001").unwrap_err().to_string();
        assert!(err.contains("at most 1,000,000,000"), "{err}");
        assert!(users("0").unwrap_err().to_string().contains("at least 1"));
        let err = users("-1").unwrap_err();
        assert!(err.to_string().contains("not a whole number"));
        assert!(words(&err.0, Lang::Zh).contains("不是整数"));
        assert!(users("99999999999999999999999").is_err());
    }
}

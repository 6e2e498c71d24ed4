//! Count flags with documented limits ("Limits" in docs/language.md): a value out of
//! range is a usage error (exit 2) before any work starts. clap names the flag.

use crate::limits::grouped;

/// A parser of a whole number from `min` to `max`.
pub fn count(min: u64, max: u64) -> impl Fn(&str) -> Result<u64, String> + Clone {
    move |text| {
        let n: u64 = text
            .trim()
            .parse()
            .map_err(|_| format!("`{text}` is not a whole number"))?;
        if n < min {
            Err(format!("it must be at least {min}"))
        } else if n > max {
            Err(format!(
                "it must be at most {} (see \"Limits\" in docs/language.md)",
                grouped(max)
            ))
        } else {
            Ok(n)
        }
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
        let err = users("1000000001").unwrap_err();
        assert!(err.contains("at most 1,000,000,000"), "{err}");
        assert!(users("0").unwrap_err().contains("at least 1"));
        assert!(users("-1").unwrap_err().contains("not a whole number"));
        assert!(users("99999999999999999999999").is_err());
    }
}

//! "Did you mean" suggestions, shared by the parser's messages (a misspelt keyword)
//! and the checker's (a misspelt name). It depends on nothing else in the crate, so
//! that both layers can use it without reaching into each other.

/// The candidate closest to `name` by edit distance (in characters, so Chinese
/// names work), when at most a third of the name's characters (rounded up) differ.
pub fn nearest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let len = name.chars().count();
    let limit = len.div_ceil(3).max(1);
    candidates
        .filter(|c| *c != name)
        .map(|c| {
            let d = if c.eq_ignore_ascii_case(name) {
                0
            } else {
                strsim::damerau_levenshtein(name, c)
            };
            (d, c)
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn a_typo_within_a_third_of_the_name_is_suggested() {
        let names = ["wecom", "社群", "朋友圈"];
        assert_eq!(nearest("wecon", names.into_iter()), Some("wecom"));
        assert_eq!(nearest("WECOM", names.into_iter()), Some("wecom"));
        assert_eq!(nearest("朋友群", names.into_iter()), Some("朋友圈"));
        assert_eq!(nearest("sms", names.into_iter()), None);
        assert_eq!(
            nearest("wecom", names.into_iter()),
            None,
            "not the name itself"
        );
    }
}

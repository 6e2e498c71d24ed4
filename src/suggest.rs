//! "Did you mean" suggestions, shared by the parser's messages (a misspelt keyword)
//! and the checker's (a misspelt name). It depends on nothing else in the crate, so
//! that both layers can use it without reaching into each other.

/// The candidate closest to `name` by edit distance (in characters, so Chinese
/// names work), when at most a third of the name's characters (rounded up) differ.
/// Of equally close candidates, the first.
pub fn nearest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    closest(name, candidates).into_iter().next()
}

/// Every candidate as close to `name` as the closest one (in their order), when
/// near enough to be a typo (as for [`nearest`]): a help that names one of several
/// equally likely names would be a guess.
pub fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let len = name.chars().count();
    let limit = len.div_ceil(3).max(1);
    let mut best = limit;
    let mut out = Vec::new();
    for c in candidates.filter(|c| *c != name) {
        let d = if c.eq_ignore_ascii_case(name) {
            0
        } else {
            strsim::damerau_levenshtein(name, c)
        };
        if d < best {
            best = d;
            out.clear();
        }
        if d == best && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{closest, nearest};

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

    #[test]
    fn equally_close_candidates_are_all_given_in_order() {
        let stages = ["新手", "新客", "老客"];
        assert_eq!(closest("新克", stages.into_iter()), ["新手", "新客"]);
        assert_eq!(nearest("新克", stages.into_iter()), Some("新手"));
        assert_eq!(closest("老克", stages.into_iter()), ["老客"]);
        assert!(closest("沉睡", stages.into_iter()).is_empty());
    }
}

//! `journey check --fix` / `--diff`: applies the fixes the diagnostics carry, round
//! after round (a fix may reveal another: a full-width `：` fixed, the line parses
//! and its misspelt name is found), until none is left or [`MAX_ROUNDS`].

use crate::check::diagnostics;
use crate::diag::{fix, Code, Fix, Safety};
use crate::i18n::{words, Lang};

/// Rounds of fixing before giving up on a file whose fixes keep coming.
pub const MAX_ROUNDS: usize = 10;

/// What fixing one file's text gave.
pub struct Fixed {
    pub text: String,
    /// Each fix made, by code, with its title in words.
    pub made: Vec<(Code, String)>,
}

/// Makes the safe fixes of `text` (also the suggested ones with `unsafe_fixes`).
pub fn fix_text(text: &str, unsafe_fixes: bool, lang: Lang) -> Fixed {
    let mut current = text.to_string();
    let mut made = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let found = diagnostics(&current);
        let offered = found
            .iter()
            .flat_map(|d| d.fixes.iter().map(move |f| (d.code, f)))
            .filter(|(_, f)| wanted(f.safety, unsafe_fixes));
        match one_round(&current, offered, lang) {
            Some(next) => {
                current = next.text;
                made.extend(next.made);
            }
            None => break,
        }
    }
    Fixed {
        text: current,
        made,
    }
}

/// Whether a fix of `safety` is made: safe ones always, suggested ones when asked.
pub fn wanted(safety: Safety, unsafe_fixes: bool) -> bool {
    safety == Safety::Safe || unsafe_fixes
}

/// One round on one text: the fixes offered (by the code of their diagnostic, edits
/// local to `text`) that overlap none before them, made; `None` when that changes
/// nothing, so the rounds stop.
pub fn one_round<'a>(
    text: &str,
    offered: impl IntoIterator<Item = (Code, &'a Fix)>,
    lang: Lang,
) -> Option<Fixed> {
    let (codes, fixes): (Vec<Code>, Vec<&Fix>) = offered.into_iter().unzip();
    let chosen = fix::compatible(fixes.iter().copied());
    let made = chosen
        .iter()
        .map(|f| {
            let index = fixes.iter().position(|c| std::ptr::eq(*c, *f)).unwrap_or(0);
            (codes[index], words(&f.title, lang))
        })
        .collect();
    let next = fix::apply(text, &chosen);
    (next != text).then_some(Fixed { text: next, made })
}

/// A unified diff of a file's text before and after its fixes, `git diff` style.
pub fn unified_diff(name: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check_source;

    const MISSPELT: &str = "event 下单\njourney j {\n  timezone \"Asia/Shanghai\"\n  entry on 下单了\n  stage s { after 1d: exit }\n}\n";

    #[test]
    fn safe_fixes_are_made_and_named() {
        let fixed = fix_text(MISSPELT, false, Lang::En);
        assert_eq!(fixed.text, MISSPELT.replace("下单了", "下单"));
        assert_eq!(
            fixed.made,
            [(Code::UnknownEvent, "change it to `下单`".to_string())]
        );
        assert!(!check_source(&fixed.text).has_errors());
    }

    #[test]
    fn a_clean_file_is_left_as_it_is() {
        let clean = MISSPELT.replace("下单了", "下单");
        let fixed = fix_text(&clean, true, Lang::En);
        assert_eq!(fixed.text, clean);
        assert!(fixed.made.is_empty());
    }

    #[test]
    fn the_diff_has_git_headers_and_the_changed_line() {
        let after = MISSPELT.replace("下单了", "下单");
        let diff = unified_diff("x.journey", MISSPELT, &after);
        assert!(
            diff.starts_with("--- a/x.journey\n+++ b/x.journey\n@@"),
            "{diff}"
        );
        assert!(
            diff.contains("\n-  entry on 下单了\n+  entry on 下单\n"),
            "{diff}"
        );
    }
}

//! Conditions of one stage sorted into classes that hold for exactly the same users,
//! so that rules can be matched by key instead of comparing every pair.

use super::logic::{Logic, Verdict};
use crate::check::model::Cond;
use std::collections::HashMap;

/// At most this many exact equivalence checks per stage. A check costs up to
/// `logic::MAX_EVALUATIONS`, and a stage of n distinct conditions would need n²/2 of
/// them; past the budget a condition only joins the class of one written the same
/// way (the same model condition), so some rewordings go unnoticed — sound, as fewer
/// matches mean fewer warnings. Stages of the examples need a few dozen checks.
pub const MAX_EXACT_CHECKS: usize = 1_000;

/// Equivalence classes of conditions, numbered in the order they are first seen.
pub struct Classes<'l, 'c> {
    logic: &'l Logic<'l>,
    /// The first condition of each class, which later ones are compared with.
    representatives: Vec<&'c Cond>,
    /// The class of each condition as written (its `Debug` text: `Cond` holds `f64`s
    /// and has no `Hash`).
    written: HashMap<String, usize>,
    /// Exact checks made so far.
    pub exact_checks: usize,
}

impl<'l, 'c> Classes<'l, 'c> {
    pub fn new(logic: &'l Logic<'l>) -> Self {
        Classes {
            logic,
            representatives: Vec::new(),
            written: HashMap::new(),
            exact_checks: 0,
        }
    }

    /// The class of `cond`: that of an equivalent condition seen before, else a new one.
    pub fn of(&mut self, cond: &'c Cond) -> usize {
        let text = format!("{cond:?}");
        if let Some(&class) = self.written.get(&text) {
            return class;
        }
        let mut found = None;
        for (class, r) in self.representatives.iter().enumerate() {
            if self.exact_checks >= MAX_EXACT_CHECKS {
                break;
            }
            self.exact_checks += 1;
            if self.logic.equivalent(r, cond) {
                found = Some(class);
                break;
            }
        }
        let class = found.unwrap_or_else(|| {
            self.representatives.push(cond);
            self.representatives.len() - 1
        });
        self.written.insert(text, class);
        class
    }

    /// The class of a `when` condition that depends on the user, the only kind that
    /// starts a rule's clock like another's; `None` for a constant one.
    pub fn of_trigger(&mut self, cond: &'c Cond) -> Option<usize> {
        (self.logic.verdict(cond) == Verdict::Depends).then(|| self.of(cond))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check_source;
    use crate::check::model::Trigger;

    /// The classes of the `when` conditions of a one-stage file with these rules.
    fn classes_of(rules: &[String]) -> (Vec<usize>, usize) {
        let text = format!(
            "tag vip: bool\nevent e\nevent v\ntouchpoint w {{ channel wecom }}\n\
             journey j {{\n  timezone \"UTC\"\n  entry on e\n  stage a {{\n{}\n  }}\n}}\n",
            rules.join("\n")
        );
        let model = check_source(&text).model.expect("the file checks");
        let logic = Logic::new(&model);
        let mut classes = Classes::new(&logic);
        let found = model.journeys[0].stages[0]
            .rules
            .iter()
            .map(|r| match &r.trigger {
                Trigger::When(c) => classes.of(c),
                _ => unreachable!("only when rules"),
            })
            .collect();
        (found, classes.exact_checks)
    }

    #[test]
    fn rewordings_share_a_class() {
        let rules = ["when did v", "when vip", "when count(v) >= 1", "when vip"]
            .map(|r| format!("    {r}: send w \"x\""));
        assert_eq!(classes_of(&rules).0, [0, 1, 0, 1]);
    }

    #[test]
    fn distinct_conditions_stay_within_the_budget() {
        // 3,000 distinct conditions: 4.5 million pairs, compared exactly only until
        // the budget runs out; a condition written as an earlier one still matches.
        let mut rules: Vec<String> = (0..3_000)
            .map(|i| format!("    when count(v, 14d) >= {i}: send w \"x\""))
            .collect();
        rules.push("    when count(v, 14d) >= 7: send w \"x\"".into());
        let (found, checks) = classes_of(&rules);
        assert!(checks <= MAX_EXACT_CHECKS, "{checks} exact checks");
        assert_eq!(found[3_000], found[7]);
        let distinct: std::collections::HashSet<_> = found.iter().collect();
        assert_eq!(distinct.len(), 3_000);
    }
}

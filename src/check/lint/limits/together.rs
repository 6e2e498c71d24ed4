//! Which of one day's sends a single user can receive. Two sends whose guards cannot
//! hold together (`if 风格 == 商务风` / `if 风格 in [休闲风, 时尚风]`) never reach the
//! same user, so a day's count is not the sum of its sends but the most sends of
//! rules whose guards can all hold at once ([`Logic`], the analysis of J0406, decides
//! that). A user's tags and history are taken as the same all that day: a user whose
//! tag changes between two sends is not counted twice.

use super::Send;
use crate::check::lint::logic::{Logic, Verdict};
use crate::check::model::{self, Cond, Spanned};
use std::collections::HashMap;

/// The day's this many heaviest guards (distinct guards, by their sends that day) are
/// weighed exactly, trying at most 2¹² sets of them; the sends of any other guard are
/// all counted. That is an upper bound (never fewer sends than a user can receive),
/// as is the whole sum once the stage's [`BUDGET`] is spent.
const EXACT_GUARDS: usize = 12;

/// Atom evaluations (see `logic::MAX_EVALUATIONS`) one stage may spend weighing its
/// guards: the tests' stages spend a few dozen, 24 guards tangled over 12 tags more
/// than this. Past it, guards count as able to hold together (an upper bound).
const BUDGET: usize = 1 << 16;

pub struct Together<'a> {
    logic: &'a Logic<'a>,
    /// Per rule: its guard's class (rules with the same guard, as written, share
    /// one); `None` for a rule without a guard.
    class_of: Vec<Option<usize>>,
    /// Per class: the condition under which its rules fire.
    conds: Vec<Cond>,
    /// Whether a set of classes (sorted) can hold together.
    joint: HashMap<Vec<usize>, bool>,
    /// Per day's `(class, sends)` list: the classes one user can receive together.
    most: HashMap<Vec<(usize, usize)>, Vec<usize>>,
    /// Atom evaluations left for the stage; once spent, guards count as compatible.
    left: usize,
}

impl<'a> Together<'a> {
    pub fn new(logic: &'a Logic<'a>, stage: &model::Stage, text: &str) -> Together<'a> {
        let mut classes: HashMap<(bool, &str), usize> = HashMap::new();
        let mut conds = Vec::new();
        let class_of = stage
            .rules
            .iter()
            .map(|r| {
                let g = r.guard.as_ref()?;
                // The guard as written is its class's key (a guard placed nowhere
                // counts as no guard: all its sends are counted).
                let written = text
                    .get(g.cond.span.start..g.cond.span.end)
                    .filter(|w| !w.is_empty())?;
                Some(*classes.entry((g.negated, written)).or_insert_with(|| {
                    conds.push(match g.negated {
                        true => Cond::Not(Box::new(g.cond.clone())),
                        false => g.cond.node.clone(),
                    });
                    conds.len() - 1
                }))
            })
            .collect();
        Together {
            logic,
            class_of,
            conds,
            joint: HashMap::new(),
            most: HashMap::new(),
            left: BUDGET,
        }
    }

    /// The sends of `day` that one user can receive together, the most of them (in
    /// their order); all of them when none is guarded.
    pub fn receivable(&mut self, day: &[Send]) -> Vec<Send> {
        let mut classes: Vec<usize> = day.iter().filter_map(|s| self.class_of[s.rule]).collect();
        if classes.is_empty() {
            return day.to_vec();
        }
        classes.sort_unstable();
        let mut weights: Vec<(usize, usize)> = Vec::new();
        for c in classes {
            match weights.last_mut() {
                Some((last, n)) if *last == c => *n += 1,
                _ => weights.push((c, 1)),
            }
        }
        let keep = match self.most.get(&weights) {
            Some(keep) => keep.clone(),
            None => {
                let keep = self.most_together(&weights);
                self.most.insert(weights, keep.clone());
                keep
            }
        };
        day.iter()
            .filter(|s| self.class_of[s.rule].is_none_or(|c| keep.contains(&c)))
            .copied()
            .collect()
    }

    /// The classes to keep: the heaviest set of the [`EXACT_GUARDS`] heaviest that can
    /// hold together, and every lighter one.
    fn most_together(&mut self, weights: &[(usize, usize)]) -> Vec<usize> {
        let mut order = weights.to_vec();
        order.sort_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
        let (exact, rest) = order.split_at(order.len().min(EXACT_GUARDS));
        let mut suffix = vec![0; exact.len() + 1];
        for i in (0..exact.len()).rev() {
            suffix[i] = suffix[i + 1] + exact[i].1;
        }
        let mut best = (0, Vec::new());
        self.branch(exact, &suffix, 0, &mut Vec::new(), &mut best);
        best.1.extend(rest.iter().map(|&(c, _)| c));
        best.1
    }

    /// Branch and bound over `exact[i..]`, given the classes `chosen` so far
    /// (`weight`: their sends); `suffix[i]` is the sends of `exact[i..]`.
    fn branch(
        &mut self,
        exact: &[(usize, usize)],
        suffix: &[usize],
        i: usize,
        chosen: &mut Vec<(usize, usize)>,
        best: &mut (usize, Vec<usize>),
    ) {
        let weight: usize = chosen.iter().map(|&(_, n)| n).sum();
        if weight > best.0 {
            *best = (weight, chosen.iter().map(|&(c, _)| c).collect());
        }
        if i == exact.len() || weight + suffix[i] <= best.0 {
            return;
        }
        chosen.push(exact[i]);
        if self.hold_together(chosen) {
            self.branch(exact, suffix, i + 1, chosen, best);
        }
        chosen.pop();
        self.branch(exact, suffix, i + 1, chosen, best);
    }

    fn hold_together(&mut self, chosen: &[(usize, usize)]) -> bool {
        let mut key: Vec<usize> = chosen.iter().map(|&(c, _)| c).collect();
        key.sort_unstable();
        if let Some(&known) = self.joint.get(&key) {
            return known;
        }
        let all = Cond::And(
            key.iter()
                .map(|&c| Spanned::unplaced(self.conds[c].clone()))
                .collect(),
        );
        let can = self.logic.verdict_within(&all, &mut self.left) != Verdict::Never;
        self.joint.insert(key, can);
        can
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_source;
    use crate::diag::Code;

    const NONE: [usize; 0] = [];

    /// For each J0409 on one stage of sends through `w` (limit `cap` per day) under
    /// `rules`: the sends it marks on the busiest day (each rule here makes one).
    fn over_limit(cap: u32, rules: &str) -> Vec<usize> {
        let text = format!(
            "tag 风格: enum {{ 商务风, 休闲风, 时尚风 }}\ntag vip: bool\ntag n: number\nevent e\n\
             touchpoint w {{\n  channel wecom\n  limit {cap} per day\n}}\n\
             journey j {{\n  timezone \"UTC\"\n  entry on e\n  goal g: e within 1d\n  stage a {{\n{rules}  }}\n}}\n"
        );
        let checked = check_source(&text);
        checked
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::OverDailyLimit)
            .map(|d| d.labels.len())
            .collect()
    }

    #[test]
    fn sends_whose_guards_exclude_each_other_count_once() {
        let rules = "    after 1d at 10:00 if 风格 == 商务风: send w \"商务\"\n\
                     after 1d at 10:00 if 风格 in [休闲风, 时尚风]: send w \"休闲\"\n";
        assert_eq!(over_limit(1, rules), NONE);
        let rules = "    after 1d at 10:00 if vip: send w \"a\"\n\
                     after 1d at 11:00 unless vip: send w \"b\"\n\
                     on enter: send w \"welcome\"\n";
        assert_eq!(over_limit(2, rules), NONE);
    }

    #[test]
    fn sends_whose_guards_overlap_count_as_before() {
        let rules = "    after 1d at 10:00 if 风格 == 商务风: send w \"商务\"\n\
                     after 1d at 12:00 if vip: send w \"vip\"\n";
        assert_eq!(over_limit(1, rules), [2]);
    }

    /// Three guards that hold two by two but never all three: two sends at most.
    #[test]
    fn guards_are_weighed_together_not_two_by_two() {
        let rules = "    after 1d if 风格 in [商务风, 休闲风]: send w \"a\"\n\
                     after 1d if 风格 in [休闲风, 时尚风]: send w \"b\"\n\
                     after 1d if 风格 in [商务风, 时尚风]: send w \"c\"\n";
        assert_eq!(over_limit(2, rules), NONE);
        assert_eq!(over_limit(1, rules), [2]);
    }

    /// A guard that never holds (J0406) sends nothing.
    #[test]
    fn a_guard_that_never_holds_sends_nothing() {
        let rules = "    on enter: send w \"welcome\"\n\
                     after 1h if vip and not vip: send w \"never\"\n";
        assert_eq!(over_limit(1, rules), NONE);
    }

    /// Past the 12 heaviest guards of a day, sends are all counted: 14 guards that
    /// exclude each other give 1 (the exact part) + 2, an upper bound.
    #[test]
    fn past_twelve_guards_the_lighter_ones_are_all_counted() {
        let rules: String = (0..14)
            .map(|i| format!("    after 1d if n == {i}: send w \"n{i}\"\n"))
            .collect();
        assert_eq!(over_limit(1, &rules), [3]);
        let rules: String = (0..12)
            .map(|i| format!("    after 1d if n == {i}: send w \"n{i}\"\n"))
            .collect();
        assert_eq!(over_limit(1, &rules), NONE);
    }
}

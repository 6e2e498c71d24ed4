//! Which of one day's sends a single user can receive. Two sends whose guards cannot
//! hold together (`if 风格 == 商务风` / `if 风格 in [休闲风, 时尚风]`) never reach the
//! same user, so a day's count is not the sum of its sends but the most sends of
//! rules whose guards can all hold at once ([`Logic`], the analysis of J0406, decides
//! that). A send inside `if` branches goes out under its rule's guard and the
//! branches' conditions together (language-v2.md §10), and two sends in different
//! arms of one split, or different branches of one `if` chain, never reach the same
//! user. A user's tags and history are taken as the same all that day: a user whose
//! tag changes between two sends is not counted twice.

use super::Send;
use crate::check::lint::logic::{Logic, Verdict};
use crate::check::model::{self, Action, Body, Cond, Spanned};
use crate::source::Span;
use std::collections::HashMap;

/// The day's this many heaviest classes (distinct guards and paths, by their sends
/// that day) are weighed exactly, trying at most 2¹² sets of them; of the others, the
/// sends of the heaviest arm of each split or chain are all counted. That is an upper
/// bound (never fewer sends than a user can receive), as is the whole sum once the
/// stage's [`BUDGET`] is spent.
const EXACT_GUARDS: usize = 12;

/// Atom evaluations (see `logic::MAX_EVALUATIONS`) one stage may spend weighing its
/// guards: the tests' stages spend a few dozen, 24 guards tangled over 12 tags more
/// than this. Past it, guards count as able to hold together (an upper bound).
const BUDGET: usize = 1 << 16;

/// The sends that go out under the same conditions, on the same split arms and
/// branches.
struct Class {
    /// What must hold: the rule's guard and the conditions of the branches taken.
    cond: Cond,
    /// Per split or `if` chain around the sends (where it is written), the arm or
    /// branch taken, outermost first.
    choices: Vec<(Span, usize)>,
}

impl Class {
    /// Whether a user can receive the sends of both: not when they take different
    /// arms (or branches) of one split (or chain).
    fn compatible(&self, other: &Class) -> bool {
        self.choices.iter().all(|(at, i)| {
            other
                .choices
                .iter()
                .all(|(other_at, j)| at != other_at || i == j)
        })
    }
}

/// An arm (or branch) by its position, with its classes and their sends.
type Arm = (usize, Vec<(usize, usize)>);

/// How a class is found again: its conditions as written (`true` when negated) and
/// its choices.
type Key<'t> = (Vec<(bool, &'t str)>, Vec<(Span, usize)>);

pub struct Together<'a> {
    logic: &'a Logic<'a>,
    /// Per send action (where it is written): its class; a send under no guard, in
    /// no split or branch, has none.
    class_of: HashMap<Span, usize>,
    classes: Vec<Class>,
    /// Whether a set of classes (sorted) can hold together.
    joint: HashMap<Vec<usize>, bool>,
    /// Per day's `(class, sends)` list: the classes one user can receive together.
    most: HashMap<Vec<(usize, usize)>, Vec<usize>>,
    /// Atom evaluations left for the stage; once spent, guards count as compatible.
    left: usize,
}

/// The conditions and choices around the action being walked, and the classes found.
struct Walk<'t> {
    text: &'t str,
    conds: Vec<(bool, &'t Spanned<Cond>)>,
    choices: Vec<(Span, usize)>,
    keys: HashMap<Key<'t>, usize>,
    class_of: HashMap<Span, usize>,
    classes: Vec<Class>,
}

impl<'t> Walk<'t> {
    fn actions(&mut self, actions: &'t [Spanned<model::Action>]) {
        for a in actions {
            if let Action::Send { .. } = a.node {
                self.send(a.span);
            }
            for (i, arm) in a.arms().iter().enumerate() {
                self.choices.push((a.span, i));
                self.actions(&arm.actions);
                self.choices.pop();
            }
            // Branch `i` runs when its condition holds and those before it do not.
            let outside = self.conds.len();
            for (i, b) in a.branches().iter().enumerate() {
                self.choices.push((a.span, i));
                let inside = self.conds.len();
                self.conds.extend(b.cond.as_ref().map(|c| (false, c)));
                self.actions(&b.actions);
                self.conds.truncate(inside);
                self.choices.pop();
                self.conds.extend(b.cond.as_ref().map(|c| (true, c)));
            }
            self.conds.truncate(outside);
        }
    }

    fn send(&mut self, span: Span) {
        // A condition placed nowhere is left out (its sends count as unguarded).
        let written: Vec<(bool, &Spanned<Cond>, &str)> = self
            .conds
            .iter()
            .filter_map(|&(negated, c)| {
                let w = self.text.get(c.span.start..c.span.end)?;
                (!w.is_empty()).then_some((negated, c, w))
            })
            .collect();
        if written.is_empty() && self.choices.is_empty() {
            return;
        }
        let key = (
            written.iter().map(|&(n, _, w)| (n, w)).collect(),
            self.choices.clone(),
        );
        let classes = &mut self.classes;
        let class = *self.keys.entry(key).or_insert_with(|| {
            let each = written.iter().map(|&(negated, c, _)| match negated {
                true => Spanned::unplaced(Cond::Not(Box::new(c.clone()))),
                false => c.clone(),
            });
            classes.push(Class {
                cond: Cond::And(each.collect()),
                choices: self.choices.clone(),
            });
            classes.len() - 1
        });
        self.class_of.insert(span, class);
    }
}

impl<'a> Together<'a> {
    pub fn new(logic: &'a Logic<'a>, stage: &model::Stage, text: &str) -> Together<'a> {
        let mut walk = Walk {
            text,
            conds: Vec::new(),
            choices: Vec::new(),
            keys: HashMap::new(),
            class_of: HashMap::new(),
            classes: Vec::new(),
        };
        for r in &stage.rules {
            let Body::Actions(actions) = &r.body else {
                continue;
            };
            walk.conds.clear();
            walk.conds
                .extend(r.guard.as_ref().map(|g| (g.negated, &g.cond)));
            walk.actions(actions);
        }
        Together {
            logic,
            class_of: walk.class_of,
            classes: walk.classes,
            joint: HashMap::new(),
            most: HashMap::new(),
            left: BUDGET,
        }
    }

    /// The sends of `day` that one user can receive together, the most of them (in
    /// their order); all of them when none is guarded.
    pub fn receivable(&mut self, day: &[Send]) -> Vec<Send> {
        let mut classes: Vec<usize> = day
            .iter()
            .filter_map(|s| self.class_of.get(&s.span).copied())
            .collect();
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
            .filter(|s| self.class_of.get(&s.span).is_none_or(|c| keep.contains(c)))
            .copied()
            .collect()
    }

    /// The classes to keep: the heaviest set of the [`EXACT_GUARDS`] heaviest that can
    /// hold together, and of the lighter ones [`Together::heaviest_arms`].
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
        best.1.extend(self.heaviest_arms(rest));
        best.1
    }

    /// Of `rest` (classes with their sends), those in the heaviest arm (or branch) of
    /// each split (or chain), nested ones included, and all outside any: conditions
    /// unweighed, at least as many sends as a user can receive.
    fn heaviest_arms(&self, rest: &[(usize, usize)]) -> Vec<usize> {
        let mut keep = self.heaviest_below(rest, 0).1;
        keep.sort_unstable();
        keep
    }

    /// [`Together::heaviest_arms`] of classes that share their first `depth` choices:
    /// their sends and the classes kept.
    fn heaviest_below(&self, rest: &[(usize, usize)], depth: usize) -> (usize, Vec<usize>) {
        let (mut sends, mut keep) = (0, Vec::new());
        // Per split or chain at this depth, in order of first appearance: per arm, its
        // classes.
        let mut points: Vec<(Span, Vec<Arm>)> = Vec::new();
        for &(c, n) in rest {
            let Some(&(at, arm)) = self.classes[c].choices.get(depth) else {
                sends += n;
                keep.push(c);
                continue;
            };
            let p = match points.iter().position(|(p, _)| *p == at) {
                Some(p) => p,
                None => {
                    points.push((at, Vec::new()));
                    points.len() - 1
                }
            };
            let arms = &mut points[p].1;
            match arms.iter_mut().find(|(a, _)| *a == arm) {
                Some((_, cs)) => cs.push((c, n)),
                None => arms.push((arm, vec![(c, n)])),
            }
        }
        for (_, arms) in points {
            let best = arms
                .iter()
                .map(|(_, cs)| self.heaviest_below(cs, depth + 1))
                // Ties go to the first arm.
                .reduce(|best, next| if next.0 > best.0 { next } else { best });
            if let Some((n, cs)) = best {
                sends += n;
                keep.extend(cs);
            }
        }
        (sends, keep)
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
        let classes = &self.classes;
        let apart = key.iter().enumerate().any(|(i, &a)| {
            key[i + 1..]
                .iter()
                .any(|&b| !classes[a].compatible(&classes[b]))
        });
        let all = || {
            Cond::And(
                key.iter()
                    .map(|&c| Spanned::unplaced(classes[c].cond.clone()))
                    .collect(),
            )
        };
        let can = !apart && self.logic.verdict_within(&all(), &mut self.left) != Verdict::Never;
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

    /// A send in an `if` branch goes out under the rule's guard and the branch's
    /// condition together, and after the branches before it did not hold.
    #[test]
    fn branch_conditions_combine_with_the_guard() {
        // vip users get "a"; the others get "b" and "c": two at most.
        let rules = "    after 1d at 10:00: if vip: send w \"a\"\n\
                     after 1d at 11:00 unless vip: send w \"b\"\n\
                     after 1d at 12:00: {\n      if vip: send w \"vip\"\n      else: send w \"c\"\n    }\n";
        assert_eq!(over_limit(2, rules), NONE);
        assert_eq!(over_limit(1, rules), [2]);
        // The guard and the branch: 商务风 vip users only, none of whom gets "d".
        let rules = "    after 1d at 10:00 if vip: if 风格 == 商务风: send w \"商务\"\n\
                     after 1d at 11:00 if 风格 != 商务风: send w \"d\"\n";
        assert_eq!(over_limit(1, rules), NONE);
        // An `else if` runs only when the branch before it did not: "b" goes to
        // non-vip 商务风 users, who never get the vip send.
        let rules = "    after 1d at 10:00: {\n      if vip: send w \"a\"\n      else if 风格 == 商务风: send w \"b\"\n    }\n\
                     after 1d at 11:00 if vip and 风格 == 商务风: send w \"vip 商务\"\n";
        assert_eq!(over_limit(1, rules), [2]);
        let rules = "    after 1d at 10:00: {\n      if vip: send w \"a\"\n      else if 风格 == 商务风: send w \"b\"\n    }\n\
                     after 1d at 11:00 if 风格 == 商务风 and not vip: send w \"non-vip 商务\"\n";
        assert_eq!(over_limit(1, rules), [2]);
        let rules = "    after 1d at 10:00: {\n      if vip: send w \"a\"\n      else if 风格 == 商务风: send w \"b\"\n    }\n\
                     after 1d at 11:00 if 风格 != 商务风 and not vip: send w \"neither\"\n";
        assert_eq!(over_limit(1, rules), NONE);
    }

    /// The arms of one split, and the branches of one chain, never reach one user;
    /// those of two rules can.
    #[test]
    fn arms_and_branches_of_one_rule_exclude_each_other() {
        let rules = "    after 1d: split {\n      50% A: send w \"a\"\n      50% B: {\n        send w \"b1\"\n        send w \"b2\"\n      }\n    }\n";
        assert_eq!(over_limit(2, rules), NONE);
        assert_eq!(over_limit(1, rules), [2]);
        let rules = "    after 1d: {\n      if vip: send w \"a\"\n      else if n > 3: send w \"b\"\n      else: send w \"c\"\n    }\n";
        assert_eq!(over_limit(1, rules), NONE);
        let rules = "    after 1d: if vip: send w \"a\"\n\
                     after 1d: if n > 3: send w \"b\"\n";
        assert_eq!(over_limit(1, rules), [2]);
    }

    /// Past the 12 heaviest classes of a day, one arm of each split counts, and one
    /// branch of a chain inside it: 14 rules make 14 sends at most, not 28.
    #[test]
    fn past_twelve_classes_one_arm_of_each_split_counts() {
        let rules: String = (0..14)
            .map(|i| {
                format!(
                    "    after 1d: split {{\n      50% A: send w \"a{i}\"\n      50% B: {{\n        \
                     if vip: send w \"b{i}\"\n        else: send w \"c{i}\"\n      }}\n    }}\n"
                )
            })
            .collect();
        assert_eq!(over_limit(14, &rules), NONE);
        assert_eq!(over_limit(13, &rules), [14]);
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

//! J0415: transitions that can loop at one moment. Entering a stage runs, at that same
//! moment, its `on enter` rules and (armed afresh) its `when` rules whose conditions
//! already hold (spec §4; the simulator's `enter_stage` and `settle`). Such a rule that
//! moves users on, with no delay, is a *same-moment* transition; a cycle of them whose
//! conditions can hold together sends a user round it without end.
//!
//! Rules with `after`, `on DAYS` or `at CLOCK` timing are left out (a delay never fires
//! at the entry moment; a shift does only for users entering exactly at its clock), and
//! so are `on EVENT` rules (entering a stage produces no event) and `every` rules.
//!
//! The graph of same-moment transitions is cut into strongly connected components
//! (Tarjan, linear); each component with a cycle is searched for one cycle whose
//! conditions can hold together — the shortest way back from each of its transitions,
//! at most [`MAX_TRIES`] of them — and reported once.

use super::logic::Verdict;
use super::moments::Fixed;
use super::Cx;
use crate::check::graph::{StageEdge, StageGraph};
use crate::check::model::{self, Action, Body, Cond, Rule, Spanned, Trigger};
use crate::check::visit::each_action;
use crate::diag::{Code, Diagnostic};
use crate::i18n::msg;

/// At most this many cycles are tried per component. Cycles are many (exponentially
/// many in a dense component); a component whose first tries all need conditions that
/// cannot hold together is left quiet.
const MAX_TRIES: usize = 16;

pub(super) fn check(cx: &Cx, jm: &model::Journey, out: &mut Vec<Diagnostic>) {
    // Most journeys move users on only by events or after a delay: nothing to build.
    let mut rules = jm.stages.iter().flat_map(|s| &s.rules);
    if !rules.any(|r| at_once(r) && moves_on(r)) {
        return;
    }
    let loops = Loops::of(cx, jm);
    for component in loops.graph.cyclic_components() {
        if let Some(cycle) = loops.looping_cycle(cx, &component) {
            out.push(report(jm, &loops.graph, &cycle));
        }
    }
}

/// The same-moment transitions of one journey.
struct Loops {
    /// The journey's stage graph with only the same-moment transitions that run.
    graph: StageGraph,
    /// Per stage and rule, what must hold for the rule to move users on at once: its
    /// `when` condition and its guard (empty: nothing, as for an unguarded
    /// `on enter`); `None` for a rule that cannot.
    conds: Vec<Vec<Option<Vec<Spanned<Cond>>>>>,
}

impl Loops {
    fn of(cx: &Cx, jm: &model::Journey) -> Loops {
        let conds: Vec<Vec<Option<Vec<Spanned<Cond>>>>> = jm
            .stages
            .iter()
            .map(|stage| {
                let conds = stage.rules.iter().map(same_moment_condition);
                // A rule that can never fire moves nobody (J0406 says so).
                conds
                    .map(|c| {
                        c.filter(|c| {
                            c.is_empty()
                                || cx.logic.verdict(&Cond::And(c.clone())) != Verdict::Never
                        })
                    })
                    .collect()
            })
            .collect();
        // A rule's goto targets count once each in a row (two arms to one stage).
        let mut last = None;
        // A journey-wide `when` is not armed again by a stage change, so its
        // transitions cannot go round at one moment.
        let graph = StageGraph::of(jm).filtered(|e| {
            let keep = e.runs()
                && !e.wide
                && conds[e.from][e.rule].is_some()
                && last != Some((e.from, e.rule, e.to));
            if keep {
                last = Some((e.from, e.rule, e.to));
            }
            keep
        });
        Loops { graph, conds }
    }

    fn cond(&self, e: &StageEdge) -> &[Spanned<Cond>] {
        self.conds[e.from][e.rule].as_deref().unwrap_or_default()
    }

    /// A cycle of `component` (edges, starting from its first stage that has one)
    /// whose conditions are not shown never to hold together.
    fn looping_cycle(&self, cx: &Cx, component: &[usize]) -> Option<Vec<usize>> {
        let g = &self.graph;
        let inside = |s: usize| component.binary_search(&s).is_ok();
        let starts = component.iter().flat_map(|&s| g.out(s));
        let tries = starts.filter(|&&e| inside(g.edge(e).to)).take(MAX_TRIES);
        for &first in tries {
            let start = g.edge(first).from;
            let Some(back) = g.shortest_path(g.edge(first).to, start, &inside) else {
                continue;
            };
            let mut cycle = vec![first];
            cycle.extend(back);
            let all: Vec<Spanned<Cond>> = cycle
                .iter()
                .flat_map(|&e| self.cond(g.edge(e)).iter().cloned())
                .collect();
            // Undecided counts as possible: a loop hangs users, so a warning the file
            // can silence (`# journey: allow J0415`) is the lesser harm. A `Never`
            // is a proof that the cycle cannot be taken.
            if all.is_empty() || cx.logic.verdict(&Cond::And(all)) != Verdict::Never {
                return Some(cycle);
            }
        }
        None
    }
}

/// What must hold for `rule` to fire at the moment users enter its stage, or `None`
/// when it cannot fire then.
fn same_moment_condition(rule: &Rule) -> Option<Vec<Spanned<Cond>>> {
    if !at_once(rule) {
        return None;
    }
    let mut cond = Vec::new();
    if let Trigger::When(c) = &rule.trigger {
        cond.push(c.clone());
    }
    if let Some(g) = &rule.guard {
        cond.push(if g.negated {
            Spanned::unplaced(Cond::Not(Box::new(g.cond.clone())))
        } else {
            g.cond.clone()
        });
    }
    Some(cond)
}

/// Whether `rule` fires at the moment users enter its stage, when its conditions hold.
fn at_once(rule: &Rule) -> bool {
    let immediate = match &rule.trigger {
        Trigger::When(_) => {
            let t = rule.timing;
            t.after.is_none_or(|d| d.minutes() == 0) && t.days.is_none() && t.at.is_none()
        }
        _ => {
            let at_entry = Fixed {
                offset: 0,
                days: None,
                at: None,
            };
            Fixed::of(rule) == Some(at_entry)
        }
    };
    immediate && !matches!(rule.trigger, Trigger::Exit)
}

/// Whether `rule` can move users to a stage: a `->`, or a `goto` anywhere in its
/// actions (the only edges of the stage graph).
fn moves_on(rule: &Rule) -> bool {
    match &rule.body {
        Body::Transition(_) => true,
        Body::Actions(actions) => {
            let mut goto = false;
            each_action(actions, |a| goto |= matches!(a.node, Action::Goto(_)));
            goto
        }
    }
}

/// At most this many stages of a loop are named in the message, and rules labelled.
const MAX_SHOWN: usize = 16;

fn report(jm: &model::Journey, graph: &StageGraph, cycle: &[usize]) -> Diagnostic {
    let name = |s: usize| jm.stages[s].name.as_str();
    let rule_span = |e: &StageEdge| jm.stages[e.from].rules[e.rule].span;
    let edges: Vec<&StageEdge> = cycle.iter().map(|&e| graph.edge(e)).collect();
    let start = edges[0].from;
    let path: Vec<&str> = std::iter::once(start)
        .chain(edges.iter().map(|e| e.to))
        .map(name)
        .collect();
    // The stages joined by arrows are data (a path), not words. A loop through
    // thousands of stages is named by its ends.
    let message = if path.len() <= MAX_SHOWN {
        msg!("transition-loop", path = path.join(" → "))
    } else {
        let half = MAX_SHOWN / 2;
        msg!(
            "transition-loop.long",
            head = path[..half].join(" → "),
            tail = path[path.len() - half..].join(" → "),
            count = edges.len()
        )
    };
    let (closing, others) = edges.split_last().expect("a cycle has an edge");
    let mut d = Diagnostic::new(
        Code::TransitionLoop,
        message,
        rule_span(closing),
        msg!("transition-loop.back", stage = name(start)),
    );
    for e in others.iter().take(MAX_SHOWN - 1) {
        d = d.with_label(rule_span(e), msg!("transition-loop.on", stage = name(e.to)));
    }
    d.with_help(msg!("transition-loop.help"))
}

#[cfg(test)]
mod tests {
    use super::MAX_SHOWN;
    use crate::check::check_source;
    use crate::diag::{Code, Diagnostic};

    fn loops(text: &str) -> Vec<Diagnostic> {
        let checked = check_source(text);
        assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
        let all = checked.diagnostics.into_iter();
        all.filter(|d| d.code == Code::TransitionLoop).collect()
    }

    /// A journey of `stages` stages `s0`, `s1`…, each with the given rules (`{next}`
    /// is the following stage's name, round the ring).
    fn ring(stages: usize, rules: &[&str]) -> String {
        let mut out = String::from(
            "tag vip: bool\nevent e\njourney j {\n  timezone \"UTC\"\n  entry on e\n  goal g: e within 1d\n",
        );
        for s in 0..stages {
            let next = format!("s{}", (s + 1) % stages);
            let body: Vec<String> = rules.iter().map(|r| r.replace("{next}", &next)).collect();
            out.push_str(&format!(
                "  stage s{s} {{\n    {}\n  }}\n",
                body.join("\n    ")
            ));
        }
        out + "}\n"
    }

    #[test]
    fn a_long_ring_is_one_loop() {
        let found = loops(&ring(2_000, &["when vip -> {next}"]));
        assert_eq!(found.len(), 1);
        let message = crate::i18n::words(&found[0].message, crate::i18n::Lang::En);
        let ends = "s0 → s1 → s2 → s3 → s4 → s5 → s6 → s7 → … → s1993 → s1994 → s1995 → s1996 → s1997 → s1998 → s1999 → s0 (2000 stages)";
        assert!(message.ends_with(ends), "{message}");
        assert_eq!(found[0].labels.len(), MAX_SHOWN);
    }

    #[test]
    fn delays_and_exclusive_conditions_break_loops() {
        assert!(loops(&ring(3, &["when vip after 1h -> {next}"])).is_empty());
        // Each step needs `vip` and its opposite at once.
        let text = ring(2, &["when vip -> {next}"])
            .replace("stage s1 {\n    when vip", "stage s1 {\n    when not vip");
        assert!(loops(&text).is_empty());
    }

    #[test]
    fn a_component_whose_cycles_cannot_hold_is_left_after_a_few_tries() {
        // `vip` users move on along a chain, the others go back to the start: every
        // cycle needs `vip` and its opposite at once, and the search gives up after
        // MAX_TRIES of them.
        let mut text = ring(500, &["when not vip -> s0", "when vip -> {next}"]);
        text = text.replace(
            "stage s0 {\n    when not vip -> s0",
            "stage s0 {\n    on e: exit \"again\"",
        );
        text = text.replace(
            "s499 {\n    when not vip -> s0\n    when vip -> s0",
            "s499 {\n    when not vip -> s0",
        );
        assert!(loops(&text).is_empty());
    }
}

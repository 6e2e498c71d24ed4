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
use crate::check::model::{self, Action, Body, Cond, Rule, Trigger};
use crate::diag::{Code, Diagnostic};
use crate::syntax::ast;
use std::collections::VecDeque;

/// At most this many cycles are tried per component. Cycles are many (exponentially
/// many in a dense component); a component whose first tries all need conditions that
/// cannot hold together is left quiet.
const MAX_TRIES: usize = 16;

/// A same-moment transition.
struct Edge {
    from: usize,
    to: usize,
    rule: usize,
    /// What must hold for the rule to move users on: its `when` condition and its
    /// guard (`None`: nothing, as for an unguarded `on enter`).
    cond: Vec<Cond>,
}

pub(super) fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for (j, jm) in cx.journeys() {
        let graph = Graph::of(cx, jm);
        for component in graph.components() {
            if let Some(cycle) = graph.looping_cycle(cx, &component) {
                out.push(report(j, jm, &graph, &cycle));
            }
        }
    }
}

/// The same-moment transitions of one journey, by stage.
struct Graph {
    edges: Vec<Edge>,
    /// Per stage, its outgoing edges in rule order.
    out: Vec<Vec<usize>>,
}

impl Graph {
    fn of(cx: &Cx, jm: &model::Journey) -> Graph {
        let mut edges = Vec::new();
        for (from, stage) in jm.stages.iter().enumerate() {
            for (rule, r) in stage.rules.iter().enumerate() {
                let Some(cond) = same_moment_condition(r) else {
                    continue;
                };
                // A rule that can never fire moves nobody (J0406 says so).
                if !cond.is_empty() && cx.logic.verdict(&Cond::And(cond.clone())) == Verdict::Never
                {
                    continue;
                }
                let mut targets = Vec::new();
                match &r.body {
                    Body::Transition(s) => targets.push(s.index()),
                    Body::Actions(actions) => gotos(actions, &mut targets),
                }
                targets.dedup();
                for to in targets {
                    edges.push(Edge {
                        from,
                        to,
                        rule,
                        cond: cond.clone(),
                    });
                }
            }
        }
        let mut out = vec![Vec::new(); jm.stages.len()];
        for (i, e) in edges.iter().enumerate() {
            out[e.from].push(i);
        }
        Graph { edges, out }
    }

    /// The strongly connected components that hold a cycle, each as its stages in
    /// increasing order; Tarjan's algorithm, iterative (a journey may have thousands
    /// of stages in a chain).
    fn components(&self) -> Vec<Vec<usize>> {
        let mut t = Tarjan::new(self.out.len());
        let mut found = Vec::new();
        for root in 0..self.out.len() {
            if t.index[root] != UNSEEN {
                continue;
            }
            // (stage, how many of its out-edges are done)
            let mut work = vec![(t.visit(root), 0)];
            while let Some(&(v, done)) = work.last() {
                if let Some(&e) = self.out[v].get(done) {
                    if let Some(top) = work.last_mut() {
                        top.1 += 1;
                    }
                    let w = self.edges[e].to;
                    if t.index[w] == UNSEEN {
                        work.push((t.visit(w), 0));
                    } else if t.on_stack[w] {
                        t.low[v] = t.low[v].min(t.index[w]);
                    }
                    continue;
                }
                work.pop();
                if let Some(&(parent, _)) = work.last() {
                    t.low[parent] = t.low[parent].min(t.low[v]);
                }
                if t.low[v] == t.index[v] {
                    let component = t.pop_component(v);
                    let cyclic =
                        component.len() > 1 || self.out[v].iter().any(|&e| self.edges[e].to == v);
                    if cyclic {
                        found.push(component);
                    }
                }
            }
        }
        found.sort_unstable();
        found
    }

    /// A cycle of `component` (edges, starting from its first stage that has one)
    /// whose conditions are not shown never to hold together.
    fn looping_cycle(&self, cx: &Cx, component: &[usize]) -> Option<Vec<usize>> {
        let inside = |s: usize| component.binary_search(&s).is_ok();
        let starts = component.iter().flat_map(|&s| &self.out[s]);
        let tries = starts
            .filter(|&&e| inside(self.edges[e].to))
            .take(MAX_TRIES);
        for &first in tries {
            let start = self.edges[first].from;
            let Some(back) = self.shortest_path(self.edges[first].to, start, &inside) else {
                continue;
            };
            let mut cycle = vec![first];
            cycle.extend(back);
            let all: Vec<Cond> = cycle
                .iter()
                .flat_map(|&e| self.edges[e].cond.iter().cloned())
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

    /// The edges of a shortest path from `from` to `to` through stages `inside`
    /// (breadth first, edges in rule order).
    fn shortest_path(
        &self,
        from: usize,
        to: usize,
        inside: &impl Fn(usize) -> bool,
    ) -> Option<Vec<usize>> {
        let mut via: Vec<Option<usize>> = vec![None; self.out.len()];
        let mut seen = vec![false; self.out.len()];
        seen[from] = true;
        let mut queue = VecDeque::from([from]);
        while let Some(v) = queue.pop_front() {
            if v == to {
                let mut path = Vec::new();
                let mut at = to;
                while at != from {
                    let e = via[at]?;
                    path.push(e);
                    at = self.edges[e].from;
                }
                path.reverse();
                return Some(path);
            }
            for &e in &self.out[v] {
                let w = self.edges[e].to;
                if inside(w) && !seen[w] {
                    seen[w] = true;
                    via[w] = Some(e);
                    queue.push_back(w);
                }
            }
        }
        None
    }
}

const UNSEEN: usize = usize::MAX;

/// The bookkeeping of Tarjan's algorithm.
struct Tarjan {
    index: Vec<usize>,
    low: Vec<usize>,
    on_stack: Vec<bool>,
    stack: Vec<usize>,
    next: usize,
}

impl Tarjan {
    fn new(n: usize) -> Tarjan {
        Tarjan {
            index: vec![UNSEEN; n],
            low: vec![0; n],
            on_stack: vec![false; n],
            stack: Vec::new(),
            next: 0,
        }
    }

    fn visit(&mut self, v: usize) -> usize {
        self.index[v] = self.next;
        self.low[v] = self.next;
        self.next += 1;
        self.stack.push(v);
        self.on_stack[v] = true;
        v
    }

    /// The component whose root is `v`, in increasing order.
    fn pop_component(&mut self, v: usize) -> Vec<usize> {
        let mut component = Vec::new();
        while let Some(w) = self.stack.pop() {
            self.on_stack[w] = false;
            component.push(w);
            if w == v {
                break;
            }
        }
        component.sort_unstable();
        component
    }
}

/// What must hold for `rule` to fire at the moment users enter its stage, or `None`
/// when it cannot fire then.
fn same_moment_condition(rule: &Rule) -> Option<Vec<Cond>> {
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
    if !immediate || matches!(rule.trigger, Trigger::Exit) {
        return None;
    }
    let mut cond = Vec::new();
    if let Trigger::When(c) = &rule.trigger {
        cond.push(c.clone());
    }
    if let Some(g) = &rule.guard {
        cond.push(if g.negated {
            Cond::Not(Box::new(g.cond.clone()))
        } else {
            g.cond.clone()
        });
    }
    Some(cond)
}

/// The stages `actions` can send users to at once: each `goto` up to the first that
/// ends the block, including those in split arms that get users.
fn gotos(actions: &[Action], out: &mut Vec<usize>) {
    for a in actions {
        match a {
            Action::Goto(s) => {
                out.push(s.index());
                return;
            }
            Action::Exit { .. } => return,
            Action::Split { arms } => {
                for arm in arms.iter().filter(|arm| arm.percent.value() > 0.0) {
                    gotos(&arm.actions, out);
                }
            }
            _ => {}
        }
    }
}

fn report(j: &ast::Journey, jm: &model::Journey, graph: &Graph, cycle: &[usize]) -> Diagnostic {
    let name = |s: usize| jm.stages[s].name.as_str();
    let rule_span = |e: &Edge| j.stages[e.from].rules[e.rule].span;
    let edges: Vec<&Edge> = cycle.iter().map(|&e| &graph.edges[e]).collect();
    let start = edges[0].from;
    let path: Vec<&str> = std::iter::once(start)
        .chain(edges.iter().map(|e| e.to))
        .map(name)
        .collect();
    let (closing, others) = edges.split_last().expect("a cycle has an edge");
    let mut d = Diagnostic::new(
        Code::TransitionLoop,
        format!(
            "these transitions can loop at one moment: {}",
            path.join(" → ")
        ),
        rule_span(closing),
        format!("sends users back to `{}`, closing the loop", name(start)),
    );
    for e in others {
        d = d.with_label(rule_span(e), format!("sends users on to `{}`", name(e.to)));
    }
    d.with_help(
        "a user for whom all these conditions hold goes round and round without end: make the conditions exclude each other, or delay one of the transitions (`after 1d`)",
    )
}

#[cfg(test)]
mod tests {
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
        assert!(found[0].message.ends_with("s1998 → s1999 → s0"));
        assert_eq!(found[0].labels.len(), 2_000);
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

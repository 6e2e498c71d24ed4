//! The stage graph of one journey: its stages, and an edge for each `->` and each
//! `goto` (inside splits too), with the rule it belongs to. Built once from the
//! checked model; the reachability and dead-end warnings, the rule-loop lint (J0415)
//! and `journey graph` (src/plan/graph.rs, which draws its [`Way`]s) read it.

use super::model::{Action, Body, Journey, Rule, Spanned, SplitArm, StageId};
use super::visit::{walk_action, walk_arm, Visit};
use std::collections::VecDeque;

/// One way from a stage to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StageEdge {
    pub from: usize,
    pub to: usize,
    /// The rule's index in its stage (in the journey's own rules when `wide`).
    pub rule: usize,
    pub via: Via,
    /// A journey-wide rule's: the graph has such an edge from every stage.
    pub wide: bool,
}

/// [`Way::from`] of a journey-wide rule's way: it leaves whatever stage the user is in.
pub const ANY_STAGE: usize = usize::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// The rule's `-> stage`.
    Transition,
    /// A `goto`; `runs` is false when no user can get to it: it follows a `goto` or an
    /// `exit` of its block, or sits in a split arm of 0%.
    Goto { runs: bool },
}

impl StageEdge {
    /// Whether users who fire the rule can take this edge.
    pub fn runs(&self) -> bool {
        !matches!(self.via, Via::Goto { runs: false })
    }
}

/// One way out of a stage as written, in the order of the stage's rules and their
/// actions: a stage edge, or an `exit` action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Way {
    /// The stage, or [`ANY_STAGE`] for a journey-wide rule.
    pub from: usize,
    /// The rule's index in its stage (in the journey's own rules from [`ANY_STAGE`]).
    pub rule: usize,
    /// The stage it leads to; `None` for an `exit`.
    pub to: Option<usize>,
    /// The split arms and `if` branches it sits in, outermost first: the split's (or
    /// chain's) index among the actions of its block, and the arm's (branch's) index.
    pub arms: Vec<(usize, usize)>,
}

#[derive(Clone, Debug, Default)]
pub struct StageGraph {
    edges: Vec<StageEdge>,
    /// Every edge and `exit` in the order written (empty in a [`Self::filtered`] graph).
    ways: Vec<Way>,
    /// Per stage, its outgoing edges (indexes into `edges`) in rule order.
    out: Vec<Vec<usize>>,
    /// Per stage, whether it has a `->`, a `goto` or an `exit`.
    leaves: Vec<bool>,
}

impl StageGraph {
    /// The journey-wide rules' ways come first, from [`ANY_STAGE`]; their edges are
    /// repeated from every stage, first among each stage's (they run first).
    pub fn of(journey: &Journey) -> StageGraph {
        let mut wide = Vec::new();
        let mut all_ways = Vec::new();
        let wide_leaves = Ways::of(ANY_STAGE, &journey.rules, &mut wide, &mut all_ways);
        let mut edges = Vec::new();
        let mut leaves = Vec::with_capacity(journey.stages.len());
        for (from, stage) in journey.stages.iter().enumerate() {
            edges.extend(wide.iter().map(|e| StageEdge {
                from,
                wide: true,
                ..*e
            }));
            let leaves_here = Ways::of(from, &stage.rules, &mut edges, &mut all_ways);
            leaves.push(wide_leaves || leaves_here);
        }
        StageGraph::from_edges(edges, all_ways, leaves)
    }

    fn from_edges(edges: Vec<StageEdge>, ways: Vec<Way>, leaves: Vec<bool>) -> StageGraph {
        let mut out = vec![Vec::new(); leaves.len()];
        for (i, e) in edges.iter().enumerate() {
            out[e.from].push(i);
        }
        StageGraph {
            edges,
            ways,
            out,
            leaves,
        }
    }

    /// The same stages with only the edges `keep` accepts, for an analysis (without
    /// [`Self::ways`]).
    pub fn filtered(&self, mut keep: impl FnMut(&StageEdge) -> bool) -> StageGraph {
        let edges = self.edges.iter().filter(|e| keep(e)).copied().collect();
        StageGraph::from_edges(edges, Vec::new(), self.leaves.clone())
    }

    /// Every `->`, `goto` and `exit` in the order written: stage by stage, rule by
    /// rule, action by action (split arms in order).
    pub fn ways(&self) -> &[Way] {
        &self.ways
    }

    pub fn stages(&self) -> usize {
        self.out.len()
    }

    pub fn edge(&self, index: usize) -> &StageEdge {
        &self.edges[index]
    }

    /// The edges out of `stage`, as indexes, in rule order.
    pub fn out(&self, stage: usize) -> &[usize] {
        &self.out[stage]
    }

    /// Whether `stage` has a `->`, a `goto` or an `exit` (reachable or not).
    pub fn leaves(&self, stage: usize) -> bool {
        self.leaves[stage]
    }

    /// Per stage, whether users entering the first stage can get there by any edge.
    pub fn reachable(&self) -> Vec<bool> {
        let mut reached = vec![false; self.stages()];
        let mut stack = if self.stages() > 0 { vec![0] } else { vec![] };
        while let Some(s) = stack.pop() {
            if !std::mem::replace(&mut reached[s], true) {
                stack.extend(self.out[s].iter().map(|&e| self.edges[e].to));
            }
        }
        reached
    }

    /// The stages in the order users flow through them (the report's funnel, §11.14 of
    /// the version-2 design): breadth first from the first stage, each stage's edges in
    /// the order written, an edge to a stage already listed ignored (so cycles such as
    /// 沉睡 → 新客 do not matter); then the stages no user can reach, in source order.
    /// Edges no user can take (a `goto` after an `exit`, in a 0% arm) lead nowhere.
    pub fn flow_order(&self) -> Vec<usize> {
        let n = self.stages();
        let mut listed = vec![false; n];
        let mut order = Vec::with_capacity(n);
        if n > 0 {
            listed[0] = true;
            order.push(0);
        }
        // `order` is the queue: the stage at `next` is the next whose edges are followed.
        let mut next = 0;
        while let Some(&v) = order.get(next) {
            next += 1;
            for edge in self.out[v].iter().map(|&e| &self.edges[e]) {
                if edge.runs() && !std::mem::replace(&mut listed[edge.to], true) {
                    order.push(edge.to);
                }
            }
        }
        order.extend((0..n).filter(|&s| !listed[s]));
        order
    }

    /// The strongly connected components that hold a cycle, each as its stages in
    /// increasing order; Tarjan's algorithm, iterative (a journey may have thousands
    /// of stages in a chain).
    pub fn cyclic_components(&self) -> Vec<Vec<usize>> {
        let mut t = Tarjan::new(self.stages());
        let mut found = Vec::new();
        for root in 0..self.stages() {
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

    /// The edges of a shortest path from `from` to `to` through stages `inside`
    /// (breadth first, edges in rule order).
    pub fn shortest_path(
        &self,
        from: usize,
        to: usize,
        inside: &impl Fn(usize) -> bool,
    ) -> Option<Vec<usize>> {
        let mut via: Vec<Option<usize>> = vec![None; self.stages()];
        let mut seen = vec![false; self.stages()];
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

/// Collects one stage's edges from its rules' actions.
struct Ways<'e> {
    from: usize,
    rule: usize,
    /// Users can get to the current action: no 0% arm on the way to it.
    running: bool,
    /// The current block already sent users elsewhere (`goto` or `exit`).
    ended: bool,
    leaves: bool,
    /// The current action's index in its block.
    action: usize,
    /// The split arms around the current action (see [`Way::arms`]).
    arms: Vec<(usize, usize)>,
    edges: &'e mut Vec<StageEdge>,
    ways: &'e mut Vec<Way>,
}

impl Ways<'_> {
    /// Adds the edges and ways of `rules`, written in stage `from`; whether they
    /// have a way out.
    fn of(from: usize, rules: &[Rule], edges: &mut Vec<StageEdge>, ways: &mut Vec<Way>) -> bool {
        let mut w = Ways {
            from,
            rule: 0,
            running: true,
            ended: false,
            leaves: false,
            action: 0,
            arms: Vec::new(),
            edges,
            ways,
        };
        for (rule, r) in rules.iter().enumerate() {
            w.rule = rule;
            match &r.body {
                Body::Transition(to) => w.edge(*to, Via::Transition),
                Body::Actions(actions) => w.visit_actions(actions),
            }
        }
        w.leaves
    }

    fn edge(&mut self, to: StageId, via: Via) {
        self.edges.push(StageEdge {
            from: self.from,
            to: to.index(),
            rule: self.rule,
            via,
            wide: false,
        });
        self.way(Some(to.index()));
    }

    fn way(&mut self, to: Option<usize>) {
        self.leaves = true;
        self.ways.push(Way {
            from: self.from,
            rule: self.rule,
            to,
            arms: self.arms.clone(),
        });
    }
}

impl<'m> Visit<'m> for Ways<'_> {
    fn visit_actions(&mut self, actions: &'m [Spanned<Action>]) {
        let outer = std::mem::replace(&mut self.ended, false);
        for (i, action) in actions.iter().enumerate() {
            self.action = i;
            self.visit_action(action);
        }
        self.ended = outer;
    }

    fn visit_action(&mut self, action: &'m Spanned<Action>) {
        match &action.node {
            Action::Goto(to) => {
                let runs = self.running && !self.ended;
                self.edge(*to, Via::Goto { runs });
                self.ended = true;
            }
            Action::Exit { .. } => {
                self.way(None);
                self.ended = true;
            }
            Action::Split { arms, .. } => {
                let at = self.action;
                for (k, arm) in arms.iter().enumerate() {
                    self.arms.push((at, k));
                    self.visit_arm(arm);
                    self.arms.pop();
                }
            }
            // A branch is a block of its own, as an arm is; users reach it only when
            // they reach the chain.
            Action::If { branches } => {
                let (at, outer) = (self.action, self.running);
                self.running = outer && !self.ended;
                for (k, branch) in branches.iter().enumerate() {
                    self.arms.push((at, k));
                    self.visit_branch(branch);
                    self.arms.pop();
                }
                self.running = outer;
            }
            _ => walk_action(self, action),
        }
    }

    fn visit_arm(&mut self, arm: &'m SplitArm) {
        let outer = self.running;
        self.running = outer && !self.ended && arm.percent.value() > 0.0;
        walk_arm(self, arm);
        self.running = outer;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check_source;

    fn graph(stages: &str) -> StageGraph {
        let text = format!(
            "event e\njourney j {{\n  timezone \"UTC\"\n  entry on e\n  goal g: e within 1d\n{stages}}}\n"
        );
        let checked = check_source(&text);
        let model = checked.model.expect("the journey checks");
        StageGraph::of(&model.journeys[0])
    }

    fn edges(g: &StageGraph) -> Vec<(usize, usize, usize, bool)> {
        (0..g.edges.len())
            .map(|i| g.edge(i))
            .map(|e| (e.from, e.to, e.rule, e.runs()))
            .collect()
    }

    #[test]
    fn gotos_after_an_exit_or_in_an_empty_arm_do_not_run() {
        let g = graph(
            "  stage a {\n    on enter: { exit \"x\" goto b }\n    on e -> c\n  }\n  stage b {\n    on enter: split {\n      0% x: goto a\n      100% y: goto c\n    }\n  }\n  stage c {\n    on enter: { goto a goto b }\n  }\n",
        );
        assert_eq!(
            edges(&g),
            [
                (0, 1, 0, false),
                (0, 2, 1, true),
                (1, 0, 0, false),
                (1, 2, 0, true),
                (2, 0, 0, true),
                (2, 1, 0, false),
            ]
        );
        assert_eq!(g.reachable(), [true, true, true]);
        assert!((0..3).all(|s| g.leaves(s)));
    }

    #[test]
    fn a_journey_wide_transition_is_an_edge_from_every_stage() {
        let g = graph("  on e -> c\n  stage a { }\n  stage b { after 1d: exit }\n  stage c { }\n");
        let wide: Vec<_> = (0..g.edges.len())
            .map(|i| g.edge(i))
            .map(|e| (e.from, e.to, e.rule, e.wide))
            .collect();
        assert_eq!(wide, [(0, 2, 0, true), (1, 2, 0, true), (2, 2, 0, true)]);
        // b is reached by no edge; c, by the journey-wide one; every stage has a way out
        assert_eq!(g.reachable(), [true, false, true]);
        assert!((0..3).all(|s| g.leaves(s)));
        let ways: Vec<_> = g.ways().iter().map(|w| (w.from, w.to)).collect();
        assert_eq!(ways, [(ANY_STAGE, Some(2)), (1, None)]);
    }

    #[test]
    fn unreachable_stages_and_cycles() {
        let g = graph(
            "  stage a {\n    on enter -> b\n  }\n  stage b {\n    after 1d -> a\n  }\n  stage c {\n    on enter -> c\n  }\n  stage d {\n    on e: untag x\n  }\n"
                .replace(": untag x", ": exit")
                .as_str(),
        );
        assert_eq!(g.reachable(), [true, true, false, false]);
        assert_eq!(g.cyclic_components(), [vec![0, 1], vec![2]]);
        assert_eq!(g.shortest_path(1, 0, &|_| true), Some(vec![1]));
        let forward = g.filtered(|e| e.to > e.from);
        assert_eq!(forward.cyclic_components(), Vec::<Vec<usize>>::new());
    }

    #[test]
    fn the_flow_order_is_breadth_first_along_the_edges_as_written() {
        // declared a, b, c, d, 孤岛; a's rule to c comes before its rule to b, and b (one
        // step from a) comes before d (two steps); 孤岛 is reached by no one
        let g = graph(
            "  stage a {\n    on e -> c\n    after 1d -> b\n  }\n  stage b {\n    on e: exit\n  }\n  stage c {\n    on e -> d\n  }\n  stage d {\n    on e -> a\n  }\n  stage 孤岛 {\n    on e -> a\n  }\n",
        );
        assert_eq!(g.flow_order(), [0, 2, 1, 3, 4]);
    }

    #[test]
    fn the_flow_order_ignores_edges_back_and_edges_no_user_takes() {
        // a → b → c → a and c → b go back; b's goto to d follows an exit, so no user
        // reaches d (declared second): it comes last
        let g = graph(
            "  stage a {\n    on enter -> b\n  }\n  stage d {\n    on e -> a\n  }\n  stage b {\n    on e -> c\n    after 1d: { exit goto d }\n  }\n  stage c {\n    on e -> a\n    after 1d -> b\n  }\n",
        );
        assert_eq!(g.flow_order(), [0, 2, 3, 1]);
    }
}

//! Several journeys in one graph (`journey graph` of a portfolio): each journey a
//! subgraph of its own stages and transitions, and every `enter JOURNEY` a bold edge
//! from where it is written to the entry of the journey it hands the user on to.

use super::{dot_journey, id, mermaid_journey, quote, Graph, Node, DOT_DEFAULTS};
use crate::check::graph::StageGraph;
use crate::check::Model;
use crate::plan::types::Journey;
use std::fmt::Write;

use super::GraphFormat;

/// The graph of `journeys` (drawn in this order), titled `title` (the file's name).
pub fn render_portfolio(
    journeys: &[&Journey],
    model: &Model,
    format: GraphFormat,
    title: &str,
) -> String {
    let graphs: Vec<Graph> = (journeys.iter())
        .map(|j| {
            let checked = model.journeys.iter().find(|m| m.name == j.name);
            Graph::of(j, &checked.map(StageGraph::of).unwrap_or_default())
        })
        .collect();
    let drawn = Drawn { journeys, graphs };
    match format {
        GraphFormat::Mermaid => drawn.mermaid(title),
        GraphFormat::Dot => drawn.dot(title),
    }
}

/// The journeys of one graph, with their transitions.
pub(super) struct Drawn<'a> {
    pub journeys: &'a [&'a Journey],
    pub graphs: Vec<Graph>,
}

/// Where an `enter` edge ends: a drawn journey's entry, or a node for a journey
/// outside the graph (`outside` is its index among those).
enum Target {
    Drawn(usize),
    Outside(usize),
}

impl Drawn<'_> {
    /// The id prefix of journey `k`: none when it is drawn alone.
    pub fn prefix(&self, k: usize) -> String {
        match self.journeys.len() {
            1 => String::new(),
            _ => format!("j{k}_"),
        }
    }

    /// The journeys handed on to that are not drawn, in order of first mention.
    fn outside(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for e in self.graphs.iter().flat_map(|g| &g.enters) {
            let drawn = self.journeys.iter().any(|j| j.name == e.journey);
            if !drawn && !names.contains(&e.journey.as_str()) {
                names.push(&e.journey);
            }
        }
        names
    }

    fn target(&self, name: &str, outside: &[&str]) -> Target {
        match self.journeys.iter().position(|j| j.name == name) {
            Some(k) => Target::Drawn(k),
            None => Target::Outside(outside.iter().position(|n| *n == name).unwrap_or(0)),
        }
    }

    /// Every `enter` edge as (from id, to id, label).
    fn enter_edges(&self, outside: &[&str]) -> Vec<(String, String, &str)> {
        let mut edges = Vec::new();
        for (k, g) in self.graphs.iter().enumerate() {
            for e in &g.enters {
                let to = match self.target(&e.journey, outside) {
                    Target::Drawn(t) => id(&self.prefix(t), Node::Entry),
                    Target::Outside(o) => format!("journey{o}"),
                };
                edges.push((id(&self.prefix(k), e.from), to, e.label.as_str()));
            }
        }
        edges
    }

    /// The hand-offs of a Mermaid chart: nodes for the journeys outside it, then the
    /// edges.
    pub fn mermaid_enters(&self, out: &mut String) {
        let outside = self.outside();
        for (o, name) in outside.iter().enumerate() {
            let _ = writeln!(out, "    journey{o}[[\"{}\"]]", quote::mermaid(name));
        }
        for (from, to, label) in self.enter_edges(&outside) {
            let _ = writeln!(out, "    {from} ==>|\"{}\"| {to}", quote::mermaid(label));
        }
    }

    /// The hand-offs of a DOT graph, as [`Drawn::mermaid_enters`].
    pub fn dot_enters(&self, out: &mut String) {
        let outside = self.outside();
        for (o, name) in outside.iter().enumerate() {
            let _ = writeln!(
                out,
                "    journey{o} [label=\"{}\", shape=box3d];",
                quote::dot(name)
            );
        }
        for (from, to, label) in self.enter_edges(&outside) {
            let label = quote::dot(label);
            let _ = writeln!(out, "    {from} -> {to} [label=\"{label}\", style=bold];");
        }
    }

    fn mermaid(&self, title: &str) -> String {
        let mut out = format!(
            "---\ntitle: {}\n---\nflowchart TD\n",
            quote::mermaid_title(title)
        );
        for (k, (j, g)) in self.journeys.iter().zip(&self.graphs).enumerate() {
            let label = quote::mermaid(j.label.as_deref().unwrap_or(&j.name));
            let _ = writeln!(out, "    subgraph j{k}[\"{label}\"]");
            mermaid_journey(&mut out, j, g, &self.prefix(k), "        ");
            out.push_str("    end\n");
        }
        self.mermaid_enters(&mut out);
        out
    }

    fn dot(&self, title: &str) -> String {
        let mut out = format!("digraph \"{}\" {{\n", quote::dot(title));
        out.push_str(DOT_DEFAULTS);
        for (k, (j, g)) in self.journeys.iter().zip(&self.graphs).enumerate() {
            let label = quote::dot(j.label.as_deref().unwrap_or(&j.name));
            let _ = writeln!(
                out,
                "    subgraph cluster_{k} {{\n        label=\"{label}\";"
            );
            dot_journey(&mut out, j, g, &self.prefix(k), "        ");
            out.push_str("    }\n");
        }
        self.dot_enters(&mut out);
        out.push_str("}\n");
        out
    }
}

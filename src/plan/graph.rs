//! Journey graphs (`journey graph`): stages as nodes, every transition (`->` and
//! `goto`, inside splits too) and exit as an edge labelled with the rule's head.

use super::types::{Action, Journey, Then};
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GraphFormat {
    Mermaid,
    Dot,
}

/// Renders one journey's graph as a Mermaid flowchart or a Graphviz digraph.
pub fn render(journey: &Journey, format: GraphFormat) -> String {
    let graph = Graph::of(journey);
    match format {
        GraphFormat::Mermaid => mermaid(journey, &graph),
        GraphFormat::Dot => dot(journey, &graph),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Node {
    Entry,
    Stage(usize),
    /// Any stage: where journey-wide `exit` lines start.
    Anywhere,
    Exit,
}

struct Edge {
    from: Node,
    to: Node,
    label: String,
}

struct Graph {
    edges: Vec<Edge>,
}

impl Graph {
    fn of(j: &Journey) -> Graph {
        let mut g = Graph { edges: Vec::new() };
        if !j.stages.is_empty() {
            g.edge(Node::Entry, Node::Stage(0), j.entry.to_string());
        }
        let index = |name: &str| j.stages.iter().position(|s| s.name == name);
        for (i, stage) in j.stages.iter().enumerate() {
            for rule in &stage.rules {
                let head = rule.to_string();
                match &rule.then {
                    Then::Transition(to) => {
                        if let Some(to) = index(to) {
                            g.edge(Node::Stage(i), Node::Stage(to), head);
                        }
                    }
                    Then::Actions(actions) => g.actions(i, actions, &head, &index),
                }
            }
        }
        for exit in &j.exits {
            g.edge(Node::Anywhere, Node::Exit, exit.to_string());
        }
        g
    }

    fn actions(
        &mut self,
        from: usize,
        actions: &[Action],
        label: &str,
        index: &dyn Fn(&str) -> Option<usize>,
    ) {
        for action in actions {
            match action {
                Action::Goto { stage } => {
                    if let Some(to) = index(stage) {
                        self.edge(Node::Stage(from), Node::Stage(to), label.to_string());
                    }
                }
                Action::Exit { .. } => self.edge(Node::Stage(from), Node::Exit, label.to_string()),
                Action::Split { arms, .. } => {
                    for arm in arms {
                        let label = format!("{label} · split {} {}%", arm.name, arm.percent);
                        self.actions(from, &arm.actions, &label, index);
                    }
                }
                _ => {}
            }
        }
    }

    fn edge(&mut self, from: Node, to: Node, label: String) {
        self.edges.push(Edge { from, to, label });
    }

    fn uses(&self, node: Node) -> bool {
        self.edges.iter().any(|e| e.from == node || e.to == node)
    }
}

fn id(node: Node) -> String {
    match node {
        Node::Entry => "entry".into(),
        Node::Stage(i) => format!("s{i}"),
        Node::Anywhere => "anywhere".into(),
        Node::Exit => "done".into(),
    }
}

/// A stage's name, with its label on a second line joined by `newline`.
fn stage_text(j: &Journey, i: usize, newline: &str, escape: fn(&str) -> String) -> String {
    let stage = &j.stages[i];
    match &stage.label {
        Some(label) => format!("{}{newline}{}", escape(&stage.name), escape(label)),
        None => escape(&stage.name),
    }
}

fn mermaid(j: &Journey, g: &Graph) -> String {
    let title = j.label.as_deref().unwrap_or(&j.name);
    let mut out = format!("---\ntitle: {}\n---\nflowchart TD\n", mermaid_escape(title));
    // Writing into a String cannot fail.
    let _ = writeln!(out, "    entry([\"entry\"])");
    for i in 0..j.stages.len() {
        let text = stage_text(j, i, "<br>", mermaid_escape);
        let _ = writeln!(out, "    s{i}[\"{text}\"]");
    }
    if g.uses(Node::Anywhere) {
        let _ = writeln!(out, "    anywhere{{{{\"any stage\"}}}}");
    }
    if g.uses(Node::Exit) {
        let _ = writeln!(out, "    done(((\"exit\")))");
    }
    for e in &g.edges {
        let arrow = if e.from == Node::Anywhere {
            "-.->"
        } else {
            "-->"
        };
        let label = mermaid_escape(&e.label);
        let _ = writeln!(out, "    {} {arrow}|\"{label}\"| {}", id(e.from), id(e.to));
    }
    out
}

/// Mermaid text inside `"…"`: entity codes for the characters Mermaid or its
/// HTML labels would read as syntax.
fn mermaid_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn dot(j: &Journey, g: &Graph) -> String {
    let mut out = format!("digraph \"{}\" {{\n", dot_escape(&j.name));
    out.push_str("    rankdir=TB;\n    node [shape=box, style=rounded];\n");
    let _ = writeln!(out, "    entry [label=\"entry\", shape=oval];");
    for i in 0..j.stages.len() {
        let text = stage_text(j, i, "\\n", dot_escape);
        let _ = writeln!(out, "    s{i} [label=\"{text}\"];");
    }
    if g.uses(Node::Anywhere) {
        let _ = writeln!(out, "    anywhere [label=\"any stage\", shape=hexagon];");
    }
    if g.uses(Node::Exit) {
        let _ = writeln!(out, "    done [label=\"exit\", shape=doublecircle];");
    }
    for e in &g.edges {
        let style = if e.from == Node::Anywhere {
            ", style=dashed"
        } else {
            ""
        };
        let label = dot_escape(&e.label);
        let _ = writeln!(
            out,
            "    {} -> {} [label=\"{label}\"{style}];",
            id(e.from),
            id(e.to)
        );
    }
    out.push_str("}\n");
    out
}

/// DOT text inside `"…"`.
fn dot_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::tests::example_plan;

    fn journey(example: &str) -> Journey {
        example_plan(example).journeys.remove(0)
    }

    #[test]
    fn mermaid_graphs() {
        for example in ["beauty_w2", "ev_lifecycle"] {
            let text = render(&journey(example), GraphFormat::Mermaid);
            insta::assert_snapshot!(format!("{example}.mermaid"), text);
        }
    }

    #[test]
    fn dot_graphs() {
        for example in ["beauty_w2", "ev_lifecycle"] {
            let text = render(&journey(example), GraphFormat::Dot);
            insta::assert_snapshot!(format!("{example}.dot"), text);
        }
    }

    #[test]
    fn the_documented_example_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/graph-example.md");
        let doc = std::fs::read_to_string(path).expect("docs/graph-example.md");
        let graph = render(&journey("beauty_w2"), GraphFormat::Mermaid);
        assert!(
            doc.contains(&format!("```mermaid\n{graph}```\n")),
            "docs/graph-example.md is stale: paste in the output of \
             `journey graph examples/beauty_w2.journey --format mermaid`"
        );
    }

    #[test]
    fn gotos_inside_splits_are_edges_with_the_arm() {
        let source = "event e\njourney j { entry on e\n stage a { after 1d: split { 40% x: goto b  60% y: exit } }\n stage b { } }\n";
        let model = crate::check::check_source(source).model.expect("clean");
        let file = crate::source::SourceFile::new("t.journey", source);
        let plan = crate::plan::lower(&model, &file, None).unwrap();
        let text = render(&plan.journeys[0], GraphFormat::Mermaid);
        assert!(
            text.contains("s0 -->|\"after 1d · split x 40%\"| s1"),
            "{text}"
        );
        assert!(
            text.contains("s0 -->|\"after 1d · split y 60%\"| done"),
            "{text}"
        );
    }

    #[test]
    fn labels_are_escaped() {
        assert_eq!(
            mermaid_escape("a >= \"b\" #1"),
            "a #gt;= #quot;b#quot; #35;1"
        );
        assert_eq!(dot_escape("say \"hi\"\\"), "say \\\"hi\\\"\\\\");
    }
}

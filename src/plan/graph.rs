//! Journey graphs (`journey graph`): stages as nodes, every transition (`->` and
//! `goto`, inside splits too) and exit as an edge labelled with the rule's head. The
//! edges are the checker's [`StageGraph`] ways; the words are the plan's.

use super::types::{Action, Journey, Then};
use crate::check::graph::{StageGraph, ANY_STAGE};
use crate::check::Model;
use std::fmt::Write;

mod portfolio;
mod quote;

pub use portfolio::render_portfolio;
use portfolio::Drawn;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GraphFormat {
    Mermaid,
    Dot,
}

/// Renders one journey's graph as a Mermaid flowchart or a Graphviz digraph, from its
/// plan and the checked model the plan was lowered from (which holds a journey of
/// the same name, with the same stages, rules and actions in the same order).
pub fn render(journey: &Journey, model: &Model, format: GraphFormat) -> String {
    let checked = model.journeys.iter().find(|m| m.name == journey.name);
    let stages = checked.map(StageGraph::of).unwrap_or_default();
    let drawn = Drawn {
        journeys: &[journey],
        graphs: vec![Graph::of(journey, &stages)],
    };
    match format {
        GraphFormat::Mermaid => mermaid(&drawn),
        GraphFormat::Dot => dot(&drawn),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Node {
    Entry,
    Stage(usize),
    /// Any stage: where journey-wide `exit` lines and rules start.
    Anywhere,
    Exit,
}

struct Edge {
    from: Node,
    to: Node,
    label: String,
}

/// An `enter JOURNEY` action: the user is handed on to `journey` from `from`.
struct Enter {
    from: Node,
    journey: String,
    label: String,
}

struct Graph {
    edges: Vec<Edge>,
    enters: Vec<Enter>,
}

impl Graph {
    fn of(j: &Journey, stages: &StageGraph) -> Graph {
        let mut g = Graph {
            edges: Vec::new(),
            enters: Vec::new(),
        };
        if !j.stages.is_empty() {
            g.edge(Node::Entry, Node::Stage(0), j.entry.to_string());
        }
        for way in stages.ways() {
            // a journey-wide rule's way leaves whatever stage the user is in
            let (from, rules) = match way.from {
                ANY_STAGE => (Node::Anywhere, Some(&j.rules)),
                s => (Node::Stage(s), j.stages.get(s).map(|s| &s.rules)),
            };
            let Some(rule) = rules.and_then(|r| r.get(way.rule)) else {
                continue;
            };
            let mut label = rule.to_string();
            let mut actions = match &rule.then {
                Then::Actions(actions) => actions.as_slice(),
                Then::Transition(_) => &[],
            };
            // The split arms and `if` branches around the way (the plan lowers actions
            // one to one, so the model's positions are the plan's).
            for &(at, k) in &way.arms {
                match actions.get(at) {
                    Some(Action::Split { arms, .. }) if k < arms.len() => {
                        let arm = &arms[k];
                        let _ = write!(label, " · split {} {}%", arm.name, arm.percent);
                        actions = &arm.actions;
                    }
                    Some(Action::If { branches }) if k < branches.len() => {
                        let branch = &branches[k];
                        let _ = match &branch.condition {
                            Some(c) if k == 0 => write!(label, " · if {c}"),
                            Some(c) => write!(label, " · else if {c}"),
                            None => write!(label, " · else"),
                        };
                        actions = &branch.actions;
                    }
                    _ => break,
                }
            }
            let to = way.to.map_or(Node::Exit, Node::Stage);
            g.edge(from, to, label);
        }
        for exit in &j.exits {
            g.edge(Node::Anywhere, Node::Exit, exit.to_string());
        }
        let stage_rules = j
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (Node::Stage(i), &s.rules));
        for (from, rules) in std::iter::once((Node::Anywhere, &j.rules)).chain(stage_rules) {
            for rule in rules {
                if let Then::Actions(actions) = &rule.then {
                    g.enters_in(from, &rule.to_string(), actions);
                }
            }
        }
        g
    }

    /// The `enter` actions among `actions`, inside splits and `if` branches too.
    fn enters_in(&mut self, from: Node, head: &str, actions: &[Action]) {
        for action in actions {
            match action {
                Action::Enter { journey } => self.enters.push(Enter {
                    from,
                    journey: journey.clone(),
                    label: format!("{head} · enter {journey}"),
                }),
                Action::Split { arms, .. } => {
                    for arm in arms {
                        self.enters_in(from, head, &arm.actions);
                    }
                }
                Action::If { branches } => {
                    for branch in branches {
                        self.enters_in(from, head, &branch.actions);
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
            || self.enters.iter().any(|e| e.from == node)
    }
}

/// A node's id, after `p`, the journey's prefix in a portfolio's graph (empty for one
/// journey).
fn id(p: &str, node: Node) -> String {
    match node {
        Node::Entry => format!("{p}entry"),
        Node::Stage(i) => format!("{p}s{i}"),
        Node::Anywhere => format!("{p}anywhere"),
        Node::Exit => format!("{p}done"),
    }
}

/// A stage's name, with its label on a second line.
fn stage_text(j: &Journey, i: usize) -> String {
    let stage = &j.stages[i];
    match &stage.label {
        Some(label) => format!("{}\n{label}", stage.name),
        None => stage.name.clone(),
    }
}

/// One journey's chart, with the journeys it hands users on to as nodes of their own.
fn mermaid(drawn: &Drawn) -> String {
    let (j, g) = (drawn.journeys[0], &drawn.graphs[0]);
    let title = j.label.as_deref().unwrap_or(&j.name);
    let mut out = format!(
        "---\ntitle: {}\n---\nflowchart TD\n",
        quote::mermaid_title(title)
    );
    mermaid_journey(&mut out, j, g, "", "    ");
    drawn.mermaid_enters(&mut out);
    out
}

/// A journey's nodes and edges as Mermaid lines, each id after `p`, each line after
/// `indent`.
fn mermaid_journey(out: &mut String, j: &Journey, g: &Graph, p: &str, indent: &str) {
    // Writing into a String cannot fail.
    let _ = writeln!(out, "{indent}{p}entry([\"entry\"])");
    for i in 0..j.stages.len() {
        let text = quote::mermaid(&stage_text(j, i));
        let _ = writeln!(out, "{indent}{p}s{i}[\"{text}\"]");
    }
    if g.uses(Node::Anywhere) {
        let _ = writeln!(out, "{indent}{p}anywhere{{{{\"any stage\"}}}}");
    }
    if g.uses(Node::Exit) {
        let _ = writeln!(out, "{indent}{p}done(((\"exit\")))");
    }
    for e in &g.edges {
        let arrow = if e.from == Node::Anywhere {
            "-.->"
        } else {
            "-->"
        };
        let label = quote::mermaid(&e.label);
        let (from, to) = (id(p, e.from), id(p, e.to));
        let _ = writeln!(out, "{indent}{from} {arrow}|\"{label}\"| {to}");
    }
}

/// One journey's graph, as [`mermaid`].
fn dot(drawn: &Drawn) -> String {
    let (j, g) = (drawn.journeys[0], &drawn.graphs[0]);
    let mut out = format!("digraph \"{}\" {{\n", quote::dot(&j.name));
    out.push_str(DOT_DEFAULTS);
    dot_journey(&mut out, j, g, "", "    ");
    drawn.dot_enters(&mut out);
    out.push_str("}\n");
    out
}

const DOT_DEFAULTS: &str = "    rankdir=TB;\n    node [shape=box, style=rounded];\n";

/// A journey's nodes and edges as DOT statements, each id after `p`, each line after
/// `indent`.
fn dot_journey(out: &mut String, j: &Journey, g: &Graph, p: &str, indent: &str) {
    let _ = writeln!(out, "{indent}{p}entry [label=\"entry\", shape=oval];");
    for i in 0..j.stages.len() {
        let text = quote::dot(&stage_text(j, i));
        let _ = writeln!(out, "{indent}{p}s{i} [label=\"{text}\"];");
    }
    if g.uses(Node::Anywhere) {
        let _ = writeln!(
            out,
            "{indent}{p}anywhere [label=\"any stage\", shape=hexagon];"
        );
    }
    if g.uses(Node::Exit) {
        let _ = writeln!(out, "{indent}{p}done [label=\"exit\", shape=doublecircle];");
    }
    for e in &g.edges {
        let style = if e.from == Node::Anywhere {
            ", style=dashed"
        } else {
            ""
        };
        let label = quote::dot(&e.label);
        let (from, to) = (id(p, e.from), id(p, e.to));
        let _ = writeln!(out, "{indent}{from} -> {to} [label=\"{label}\"{style}];");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;
    use std::path::Path;

    /// The graph of the first journey of `text`, which must check clean.
    fn graph_of(name: &str, text: &str, format: GraphFormat) -> String {
        let model = crate::check::check_source(text).model.expect("clean");
        let plan = crate::plan::lower(&model, &SourceFile::new(name, text), None).unwrap();
        render(&plan.journeys[0], &model, format)
    }

    fn example(name: &str, format: GraphFormat) -> String {
        let path = format!("{}/examples/{name}.journey", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("example exists");
        graph_of(&path, &text, format)
    }

    /// A project's file loaded with its imports: its model and plan.
    fn project_plan(file: &str) -> (Model, crate::plan::Plan) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(file);
        let text = std::fs::read_to_string(&path).expect("example exists");
        let root = crate::project::root_of_file(&path);
        let project = crate::project::check(&path, text, (&root, &root), &crate::cli::files::read);
        let model = project.checked.model.expect("clean");
        let plan = crate::plan::lower(&model, &project.map, None).unwrap();
        (model, plan)
    }

    /// The graph of the first journey of a project's file.
    fn project_example(file: &str, format: GraphFormat) -> String {
        let (model, plan) = project_plan(file);
        render(&plan.journeys[0], &model, format)
    }

    #[test]
    fn a_portfolio_draws_every_journey_and_its_hand_offs() {
        let (model, plan) = project_plan("美妆私域/组合.journey");
        let all: Vec<&Journey> = plan.journeys.iter().collect();
        for (format, name) in [(GraphFormat::Mermaid, "mermaid"), (GraphFormat::Dot, "dot")] {
            let text = render_portfolio(&all, &model, format, "组合.journey");
            insta::assert_snapshot!(format!("美妆私域.{name}"), text);
        }
        let text = render_portfolio(&all, &model, GraphFormat::Mermaid, "组合.journey");
        // 新客 (third) hands buyers to 复购 (second), the rest to 沉睡唤醒 (first)
        assert!(
            text.contains("    j2_s0 ==>|\"on purchase · enter 复购\"| j1_entry\n"),
            "{text}"
        );
        assert!(
            text.contains("    j2_s0 ==>|\"after 30d · enter 沉睡唤醒\"| j0_entry\n"),
            "{text}"
        );
    }

    #[test]
    fn one_journey_shows_the_journeys_it_hands_users_on_to() {
        let (model, plan) = project_plan("美妆私域/新客.journey");
        let new = plan.journeys.iter().find(|j| j.name == "美妆新客").unwrap();
        let text = render(new, &model, GraphFormat::Dot);
        let tail: Vec<&str> = text.lines().rev().take(5).collect();
        assert_eq!(
            tail,
            [
                "}",
                "    s0 -> journey1 [label=\"after 30d · enter 沉睡唤醒\", style=bold];",
                "    s0 -> journey0 [label=\"on purchase · enter 复购\", style=bold];",
                "    journey1 [label=\"沉睡唤醒\", shape=box3d];",
                "    journey0 [label=\"复购\", shape=box3d];",
            ],
            "{text}"
        );
    }

    /// The single-file example and the car project's journey (snapshot `ev_lifecycle`,
    /// its name before it became a project).
    fn examples(format: GraphFormat) -> [(&'static str, String); 2] {
        [
            ("beauty_w2", example("beauty_w2", format)),
            (
                "ev_lifecycle",
                project_example("新能源车/新能源购车.journey", format),
            ),
        ]
    }

    #[test]
    fn mermaid_graphs() {
        for (name, text) in examples(GraphFormat::Mermaid) {
            insta::assert_snapshot!(format!("{name}.mermaid"), text);
        }
    }

    #[test]
    fn dot_graphs() {
        for (name, text) in examples(GraphFormat::Dot) {
            insta::assert_snapshot!(format!("{name}.dot"), text);
        }
    }

    #[test]
    fn the_documented_example_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/graph-example.md");
        let doc = std::fs::read_to_string(path).expect("docs/graph-example.md");
        let graph = example("beauty_w2", GraphFormat::Mermaid);
        assert!(
            doc.contains(&format!("```mermaid\n{graph}```\n")),
            "docs/graph-example.md is stale: paste in the output of \
             `journey graph examples/beauty_w2.journey --format mermaid`"
        );
        let (model, plan) = project_plan("美妆私域/组合.journey");
        let all: Vec<&Journey> = plan.journeys.iter().collect();
        let graph = render_portfolio(&all, &model, GraphFormat::Mermaid, "组合.journey");
        assert!(
            doc.contains(&format!("```mermaid\n{graph}```\n")),
            "docs/graph-example.md is stale: paste in the output of \
             `journey graph examples/美妆私域`"
        );
    }

    #[test]
    fn gotos_inside_splits_are_edges_with_the_arm() {
        let source = "event e\njourney j { entry on e\n stage a { after 1d: split { 40% x: goto b  60% y: exit } }\n stage b { } }\n";
        let text = graph_of("t.journey", source, GraphFormat::Mermaid);
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
    fn nested_splits_label_every_arm_in_the_order_written() {
        let source = "event e\njourney j { entry on e\n stage a { after 1d: exit\n after 2d: split { 50% x: split { 30% p: goto b  70% q: exit }  50% y: goto a } }\n stage b { } }\n";
        let text = graph_of("t.journey", source, GraphFormat::Dot);
        let edges: Vec<&str> = text.lines().filter(|l| l.contains(" -> ")).collect();
        assert_eq!(
            edges,
            [
                "    entry -> s0 [label=\"on e\"];",
                "    s0 -> done [label=\"after 1d\"];",
                "    s0 -> s1 [label=\"after 2d · split x 50% · split p 30%\"];",
                "    s0 -> done [label=\"after 2d · split x 50% · split q 70%\"];",
                "    s0 -> s0 [label=\"after 2d · split y 50%\"];",
            ],
            "{text}"
        );
    }

    /// Names and labels full of what YAML, Mermaid and DOT read as syntax (checked
    /// once with mermaid-cli and Graphviz, which drew every label as written).
    const HOSTILE: &str = r##"event `下单:"#|<>[]{}\`
tag style: text
journey `j"1\` "618 大促: 母婴新客 #1 \"双十一\" \\ <b>|[]{}" {
  timezone "Asia/Shanghai"
  entry on `下单:"#|<>[]{}\`
  exit on `下单:"#|<>[]{}\`
  stage `新:"#|<>` "阶段 \"A\": #2 <br> | [x] {y} `md` \\" {
    on `下单:"#|<>[]{}\` -> 老
    after 1d if style == "style:#1;": exit
  }
  stage 老 {}
}
"##;

    #[test]
    fn hostile_labels_are_quoted_for_mermaid() {
        let text = graph_of("t.journey", HOSTILE, GraphFormat::Mermaid);
        assert!(
            text.starts_with(
                "---\ntitle: \"618 大促: 母婴新客 #1 \\\"双十一\\\" \\\\ ＜b＞|[]{}\"\n---\n"
            ),
            "{text}"
        );
        // Every label is one `"…"`: no quote inside it.
        for line in text.lines().skip(3) {
            assert!(matches!(line.matches('"').count(), 0 | 2), "{line}");
        }
        insta::assert_snapshot!("hostile.mermaid", text);
    }

    #[test]
    fn hostile_labels_are_quoted_for_dot() {
        let text = graph_of("t.journey", HOSTILE, GraphFormat::Dot);
        for line in text.lines() {
            // Outside strings, after skipping every `\`-escaped character.
            let mut quotes = 0;
            let mut chars = line.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => assert!(quotes % 2 == 1 && chars.next().is_some(), "{line}"),
                    '"' => quotes += 1,
                    _ => {}
                }
            }
            assert!(quotes % 2 == 0, "unbalanced quotes: {line}");
        }
        insta::assert_snapshot!("hostile.dot", text);
    }
}

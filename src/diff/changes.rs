//! The semantic change list: declarations, journeys, stages and rules added, removed,
//! changed or renamed. Things are compared by their tokens (src/diff/tokens.rs), so a
//! reformatted or reordered file has no changes; rules are matched within their stage
//! by content, and a stage whose rules all match those of a stage that is gone is a
//! rename.

use super::rules::{RuleFacts, Rules};
use super::tokens::Renames;
use super::types::{Change, ChangeKind, What};
use super::version::Version;
use crate::source::Span;
use crate::syntax::ast::{
    Item, Journey, JourneySetting, PopulationSetting, Rule, Stage, TouchpointSetting,
};

/// Every change from `o` (OLD) to `n` (NEW), declarations first, then each journey's own
/// settings, stages and rules.
pub fn changes(o: &Version, n: &Version) -> Vec<Change> {
    let mut out = Vec::new();
    let (od, nd) = (declarations(o), declarations(n));
    pair_by_name(&od, &nd, |a, b| {
        let change = |kind, parts| Change {
            kind,
            what: What::Declaration,
            name: a.or(b).map(|d| d.name.clone()).unwrap_or_default(),
            old_name: None,
            parts,
            new: b.map(|d| n.position(d.span)),
            old: a.map(|d| o.position(d.span)),
        };
        match (a, b) {
            (Some(a), Some(b)) => {
                let parts = changed_parts(&a.parts, &b.parts);
                if !parts.is_empty() {
                    out.push(change(ChangeKind::Changed, parts));
                }
            }
            (None, Some(_)) => out.push(change(ChangeKind::Added, vec![])),
            (Some(_), None) => out.push(change(ChangeKind::Removed, vec![])),
            (None, None) => {}
        }
    });
    let (oj, nj) = (journeys(&o.parsed.ast.items), journeys(&n.parsed.ast.items));
    pair_by_name(&oj, &nj, |a, b| match (a, b) {
        (Some(a), Some(b)) => journey_changes(o, n, a, b, &mut out),
        (a, b) => out.push(Change {
            kind: if a.is_some() {
                ChangeKind::Removed
            } else {
                ChangeKind::Added
            },
            what: What::Journey,
            name: a.or(b).map(|j| j.name.name.clone()).unwrap_or_default(),
            old_name: None,
            parts: vec![],
            new: b.map(|j| n.position(j.span)),
            old: a.map(|j| o.position(j.span)),
        }),
    });
    out
}

/// Something with a name, for [`pair_by_name`].
trait Named {
    fn key(&self) -> &str;
}

/// Calls `f` for each name of `new` (in its order), then each name only `old` has
/// (in its order), with the item of each side that has it.
fn pair_by_name<'a, T: Named>(
    old: &'a [T],
    new: &'a [T],
    mut f: impl FnMut(Option<&'a T>, Option<&'a T>),
) {
    let find = |list: &'a [T], key: &str| list.iter().find(|x| x.key() == key);
    for b in new {
        f(find(old, b.key()), Some(b));
    }
    for a in old {
        if find(new, a.key()).is_none() {
            f(Some(a), None);
        }
    }
}

/// A declaration: `KIND NAME`, its span, and its parts (`(part, tokens)`).
struct Decl {
    name: String,
    span: Span,
    parts: Vec<(String, String)>,
}

impl Named for Decl {
    fn key(&self) -> &str {
        &self.name
    }
}

impl Named for &Journey {
    fn key(&self) -> &str {
        &self.name.name
    }
}

impl Named for &Stage {
    fn key(&self) -> &str {
        &self.name.name
    }
}

fn journeys(items: &[Item]) -> Vec<&Journey> {
    (items.iter())
        .filter_map(|i| match i {
            Item::Journey(j) => Some(j),
            _ => None,
        })
        .collect()
}

fn declarations(s: &Version) -> Vec<Decl> {
    let none = Renames::new();
    let fp = |span: Span| s.fingerprint(span, &none);
    let label = |l: &Option<crate::syntax::ast::Str>| {
        (
            "label".to_string(),
            l.as_ref().map_or(String::new(), |l| l.value.clone()),
        )
    };
    // What follows the name and label: a tag's type, an event's fields…
    let rest = |part: &str,
                name: &crate::syntax::ast::Ident,
                l: &Option<crate::syntax::ast::Str>,
                span: Span| {
        let from = l.as_ref().map_or(name.span.end, |l| l.span.end);
        (part.to_string(), fp(Span::new(from, span.end)))
    };
    let mut out = Vec::new();
    for item in &s.parsed.ast.items {
        let (kind, name, span, parts) = match item {
            Item::Tag(t) => (
                "tag",
                &t.name,
                t.span,
                vec![label(&t.label), rest("type", &t.name, &t.label, t.span)],
            ),
            Item::Event(e) => (
                "event",
                &e.name,
                e.span,
                vec![label(&e.label), rest("fields", &e.name, &e.label, e.span)],
            ),
            Item::Segment(g) => (
                "segment",
                &g.name,
                g.span,
                vec![
                    label(&g.label),
                    rest("condition", &g.name, &g.label, g.span),
                ],
            ),
            Item::Policy(p) => (
                "policy",
                &p.name,
                p.span,
                vec![label(&p.label), rest("limits", &p.name, &p.label, p.span)],
            ),
            Item::Team(t) => (
                "team",
                &t.name,
                t.span,
                vec![label(&t.label), rest("capacity", &t.name, &t.label, t.span)],
            ),
            Item::Touchpoint(t) => {
                let settings = t.settings.iter().map(|x| {
                    let (part, span) = touchpoint_setting(x);
                    (part.to_string(), fp(span))
                });
                (
                    "touchpoint",
                    &t.name,
                    t.span,
                    std::iter::once(label(&t.label)).chain(settings).collect(),
                )
            }
            Item::Population(p) => {
                let settings = p.settings.iter().map(|x| {
                    let (part, span) = population_setting(x);
                    (part, fp(span))
                });
                (
                    "population",
                    &p.name,
                    p.span,
                    std::iter::once(label(&p.label)).chain(settings).collect(),
                )
            }
            Item::Journey(_) => continue,
        };
        out.push(Decl {
            name: format!("{kind} {}", name.name),
            span,
            parts,
        });
    }
    out
}

/// A touchpoint setting's part name and span. Limits are the touchpoint's caps.
fn touchpoint_setting(s: &TouchpointSetting) -> (&'static str, Span) {
    match s {
        TouchpointSetting::Channel(c) => ("channel", c.span),
        TouchpointSetting::Limit(l) => ("caps", l.span),
        TouchpointSetting::Quiet { span, .. } => ("quiet windows", *span),
        TouchpointSetting::Cost(c) => ("cost", c.span),
        TouchpointSetting::Broadcast(span) => ("broadcast", *span),
    }
}

fn population_setting(s: &PopulationSetting) -> (String, Span) {
    match s {
        PopulationSetting::Size(n) => ("size".into(), n.span),
        PopulationSetting::Start { span, .. } => ("start".into(), *span),
        PopulationSetting::Days(n) => ("days".into(), n.span),
        PopulationSetting::Arrivals { span, .. } | PopulationSetting::NoArrivals(span) => {
            ("arrivals".into(), *span)
        }
        PopulationSetting::Tag { tag, span, .. } => (format!("tag {}", tag.name), *span),
        PopulationSetting::Behavior(b) => (format!("behavior {}", b.event.name), b.span),
        PopulationSetting::History { event, span, .. } => {
            (format!("history {}", event.name), *span)
        }
    }
}

fn journey_setting(s: &JourneySetting) -> (String, Span) {
    use crate::syntax::ast::{Entry, ExitLine};
    match s {
        JourneySetting::Timezone(t) => ("timezone".into(), t.span),
        JourneySetting::Entry(Entry::On { span, .. } | Entry::When(_, span)) => {
            ("entry".into(), *span)
        }
        JourneySetting::Reentry(r) => ("reentry".into(), r.span),
        JourneySetting::Exit(ExitLine::On(_, _, span) | ExitLine::When(_, span)) => {
            ("exit".into(), *span)
        }
        JourneySetting::Goal(g) => (format!("goal {}", g.name.name), g.span),
        JourneySetting::Holdout(h) => ("holdout".into(), h.span),
        JourneySetting::Limit(l) => ("caps".into(), l.span),
        JourneySetting::Priority(_, span) => ("priority".into(), *span),
    }
}

/// The parts whose tokens differ, a part written several times compared as a
/// multiset; in NEW's order, then OLD's.
fn changed_parts(old: &[(String, String)], new: &[(String, String)]) -> Vec<String> {
    fn of<'a>(list: &'a [(String, String)], part: &str) -> Vec<&'a String> {
        let mut v: Vec<&String> = list
            .iter()
            .filter(|(p, _)| p == part)
            .map(|(_, f)| f)
            .collect();
        v.sort();
        v
    }
    let mut out: Vec<String> = Vec::new();
    for (part, _) in new.iter().chain(old) {
        if !out.contains(part) && of(old, part) != of(new, part) {
            out.push(part.clone());
        }
    }
    out
}

fn journey_changes(o: &Version, n: &Version, a: &Journey, b: &Journey, out: &mut Vec<Change>) {
    let none = Renames::new();
    let parts = |s: &Version, j: &Journey| -> Vec<(String, String)> {
        let label = (
            "label".to_string(),
            j.label.as_ref().map_or(String::new(), |l| l.value.clone()),
        );
        std::iter::once(label)
            .chain(j.settings.iter().map(|x| {
                let (part, span) = journey_setting(x);
                (part, s.fingerprint(span, &none))
            }))
            .collect()
    };
    let journey = &b.name.name;
    let changed = changed_parts(&parts(o, a), &parts(n, b));
    if !changed.is_empty() {
        out.push(Change {
            kind: ChangeKind::Changed,
            what: What::Journey,
            name: journey.clone(),
            old_name: None,
            parts: changed,
            new: Some(n.position(b.name.span)),
            old: Some(o.position(a.name.span)),
        });
    }
    let renames = stage_renames(o, n, a, b);
    let renamed_to = |name: &str| renames.get(name).cloned();
    let stage_name = |s: &str| format!("{journey}/{s}");
    let mut stage_pairs: Vec<(Option<&Stage>, Option<&Stage>)> = Vec::new();
    pair_by_name(
        &a.stages.iter().collect::<Vec<_>>(),
        &b.stages.iter().collect::<Vec<_>>(),
        |x, y| {
            stage_pairs.push((x.copied(), y.copied()));
        },
    );
    // A renamed stage's two halves are one pair.
    let find_old = |new: &str| {
        a.stages
            .iter()
            .find(|s| renamed_to(&s.name.name).as_deref() == Some(new))
    };
    stage_pairs
        .retain(|(x, y)| !(y.is_none() && x.is_some_and(|x| renames.contains_key(&x.name.name))));
    let rules = Rules {
        o,
        n,
        renames: &renames,
    };
    rules.compare(&format!("{journey}/*"), &a.rules, &b.rules, out);
    for (x, y) in stage_pairs {
        let x = x.or_else(|| y.and_then(|y| find_old(&y.name.name)));
        let position = |side: &Version, s: Option<&Stage>| s.map(|s| side.position(s.name.span));
        let change = |kind, parts| Change {
            kind,
            what: What::Stage,
            name: stage_name(&y.or(x).unwrap().name.name),
            old_name: None,
            parts,
            new: position(n, y),
            old: position(o, x),
        };
        match (x, y) {
            (Some(x), Some(y)) => {
                let label = |s: &Stage| s.label.as_ref().map(|l| l.value.clone());
                if x.name.name != y.name.name {
                    out.push(Change {
                        old_name: Some(stage_name(&x.name.name)),
                        ..change(ChangeKind::Renamed, vec![])
                    });
                }
                if label(x) != label(y) {
                    out.push(change(ChangeKind::Changed, vec!["label".into()]));
                }
                rules.compare(&stage_name(&y.name.name), &x.rules, &y.rules, out);
            }
            (None, Some(_)) => out.push(change(ChangeKind::Added, vec![])),
            (Some(_), None) => out.push(change(ChangeKind::Removed, vec![])),
            (None, None) => {}
        }
    }
}

/// Stages of `a` gone from `b` whose rules are all the rules of a stage new in `b`
/// (compared with that rename applied).
fn stage_renames(o: &Version, n: &Version, a: &Journey, b: &Journey) -> Renames {
    let has = |j: &Journey, name: &str| j.stages.iter().any(|s| s.name.name == name);
    let mut renames = Renames::new();
    for x in a.stages.iter().filter(|s| !has(b, &s.name.name)) {
        for y in b.stages.iter().filter(|s| !has(a, &s.name.name)) {
            if x.rules.is_empty() || renames.values().any(|v| *v == y.name.name) {
                continue;
            }
            let map = Renames::from([(x.name.name.clone(), y.name.name.clone())]);
            let sorted = |side: &Version, rules: &[Rule], map: &Renames| {
                let mut v: Vec<String> = rules
                    .iter()
                    .map(|r| RuleFacts::of(side, r, map).all())
                    .collect();
                v.sort();
                v
            };
            if sorted(o, &x.rules, &map) == sorted(n, &y.rules, &Renames::new()) {
                renames.insert(x.name.name.clone(), y.name.name.clone());
                break;
            }
        }
    }
    renames
}

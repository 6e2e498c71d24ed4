//! The outline: declarations in file order, journeys with their journey-wide rules and
//! stages, tags with their variants, events with their fields as children, and an enum
//! field's variants under it.

use super::index::Kind;
use super::Document;
use crate::source::Span;
use crate::syntax::ast::Item;

/// What an outline entry is: a declaration, or a journey-wide rule (which declares
/// nothing, but is where a journey's calendar lives).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutlineKind {
    Decl(Kind),
    Rule,
}

impl OutlineKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OutlineKind::Decl(k) => k.as_str(),
            OutlineKind::Rule => "journey-wide rule",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Symbol {
    pub name: String,
    pub kind: OutlineKind,
    /// The whole declaration.
    pub span: Span,
    /// Its name.
    pub name_span: Span,
    pub children: Vec<Symbol>,
}

pub fn symbols(doc: &Document) -> Vec<Symbol> {
    let mut top: Vec<Symbol> = Vec::new();
    // Children follow their parent in the index, and a parent is top-level or a
    // top-level declaration's child (an event's field): `slot[id]` is the place of
    // declaration `id` in `top`, and among its parent's children.
    let mut slot: Vec<(usize, Option<usize>)> = Vec::with_capacity(doc.index.defs.len());
    for def in &doc.index.defs {
        let symbol = Symbol {
            name: def.name.to_string(),
            kind: OutlineKind::Decl(def.kind),
            span: def.span,
            name_span: def.name_span,
            children: Vec::new(),
        };
        match def.parent {
            None => {
                slot.push((top.len(), None));
                top.push(symbol);
            }
            Some(p) => match slot[p.index()] {
                (t, None) => {
                    slot.push((t, Some(top[t].children.len())));
                    top[t].children.push(symbol);
                }
                (t, Some(c)) => {
                    slot.push((t, Some(c)));
                    top[t].children[c].children.push(symbol);
                }
            },
        }
    }
    for j in doc.ast().items.iter().filter_map(|i| match i {
        Item::Journey(j) if !j.rules.is_empty() => Some(j),
        _ => None,
    }) {
        let journey = (top.iter_mut())
            .find(|s| s.kind == OutlineKind::Decl(Kind::Journey) && s.name_span == j.name.span);
        let Some(journey) = journey else { continue };
        journey.children.extend(j.rules.iter().map(|r| Symbol {
            name: head(doc.slice(r.span)),
            kind: OutlineKind::Rule,
            span: r.span,
            // the trigger, `on` included (an event trigger's span is its name)
            name_span: Span::new(r.span.start, r.trigger.span().end),
            children: Vec::new(),
        }));
        journey.children.sort_by_key(|c| c.span.start);
    }
    top
}

/// A rule as the outline names it: its first line, an opened block marked `{ …`.
fn head(rule: &str) -> String {
    let mut lines = rule.lines();
    let first = super::one_line(lines.next().unwrap_or(""));
    match lines.next() {
        Some(_) => format!("{first} …"),
        None => first,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journeys_hold_their_stages() {
        let doc = Document::new(
            "tag p: enum { a, b }\nevent e\njourney j {\n  entry on e\n  stage s1 { }\n  stage s2 { }\n}\n",
        );
        let symbols = symbols(&doc);
        let outline: Vec<_> = symbols
            .iter()
            .map(|s| {
                let kids: Vec<_> = s.children.iter().map(|c| c.name.as_str()).collect();
                (s.kind.as_str(), s.name.clone(), kids)
            })
            .collect();
        assert_eq!(
            outline,
            [
                ("tag", "p".to_string(), vec!["a", "b"]),
                ("event", "e".to_string(), vec![]),
                ("journey", "j".to_string(), vec!["s1", "s2"]),
            ]
        );
    }

    #[test]
    fn journeys_list_their_journey_wide_rules_among_their_stages() {
        let doc = Document::new(
            "event e\ntag v: bool\njourney j {\n  entry on e\n  every mon at 20:00: tag v\n  stage s1 { }\n  on e: {\n    untag v\n  }\n  stage s2 { }\n}\n",
        );
        let j = symbols(&doc).into_iter().find(|s| s.name == "j").unwrap();
        let kids: Vec<_> = (j.children.iter())
            .map(|c| (c.kind.as_str(), c.name.as_str(), doc.slice(c.name_span)))
            .collect();
        assert_eq!(
            kids,
            [
                (
                    "journey-wide rule",
                    "every mon at 20:00: tag v",
                    "every mon at 20:00"
                ),
                ("stage", "s1", "s1"),
                ("journey-wide rule", "on e: { …", "on e"),
                ("stage", "s2", "s2"),
            ]
        );
    }

    #[test]
    fn named_splits_follow_their_journeys_stages() {
        let doc = Document::new(
            "event e\njourney j {\n  entry on e\n  stage s1 {\n    after 1d: split 券型实验 { 50% A: exit  50% B: exit }\n    after 2d: split { 50% C: exit  50% D: exit }\n  }\n  stage s2 { }\n}\n",
        );
        let journey = &symbols(&doc)[1];
        let kids: Vec<_> = (journey.children.iter())
            .map(|c| (c.kind, c.name.as_str()))
            .collect();
        assert_eq!(
            kids,
            [
                (OutlineKind::Decl(Kind::Stage), "s1"),
                (OutlineKind::Decl(Kind::Stage), "s2"),
                (OutlineKind::Decl(Kind::Split), "券型实验")
            ]
        );
    }

    #[test]
    fn enum_fields_hold_their_variants() {
        let doc = Document::new("event e { n: number, 品类: enum { 美妆, 母婴 } }\ntag t: bool\n");
        let symbols = symbols(&doc);
        let fields: Vec<_> = symbols[0]
            .children
            .iter()
            .map(|f| {
                let kids: Vec<_> = f.children.iter().map(|v| v.name.as_str()).collect();
                (f.kind, f.name.as_str(), kids)
            })
            .collect();
        assert_eq!(
            fields,
            [
                (OutlineKind::Decl(Kind::Field), "n", vec![]),
                (OutlineKind::Decl(Kind::Field), "品类", vec!["美妆", "母婴"]),
            ]
        );
        assert_eq!(symbols[1].name, "t");
    }

    #[test]
    fn a_broken_line_leaves_the_rest() {
        let doc = Document::new("event e\njourney j {\n  stage s1 { on -> }\n}\nevent f\n");
        let names: Vec<_> = symbols(&doc).into_iter().map(|s| s.name).collect();
        assert_eq!(names, ["e", "j", "f"]);
    }
}

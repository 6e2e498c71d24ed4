//! The outline: declarations in file order, journeys with their stages, tags with
//! their variants and events with their fields as children.

use super::index::Kind;
use super::Document;
use crate::source::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct Symbol {
    pub name: String,
    pub kind: Kind,
    /// The whole declaration.
    pub span: Span,
    /// Its name.
    pub name_span: Span,
    pub children: Vec<Symbol>,
}

pub fn symbols(doc: &Document) -> Vec<Symbol> {
    let mut top: Vec<Symbol> = Vec::new();
    // Children follow their parent in the index, and parents are top-level:
    // `slot[id]` is the place of top-level declaration `id` in `top`.
    let mut slot = Vec::with_capacity(doc.index.defs.len());
    for def in &doc.index.defs {
        let symbol = Symbol {
            name: def.name.to_string(),
            kind: def.kind,
            span: def.span,
            name_span: def.name_span,
            children: Vec::new(),
        };
        match def.parent {
            None => {
                slot.push(top.len());
                top.push(symbol);
            }
            Some(p) => {
                slot.push(usize::MAX);
                top[slot[p.index()]].children.push(symbol);
            }
        }
    }
    top
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
                (s.kind, s.name.clone(), kids)
            })
            .collect();
        assert_eq!(
            outline,
            [
                (Kind::Tag, "p".to_string(), vec!["a", "b"]),
                (Kind::Event, "e".to_string(), vec![]),
                (Kind::Journey, "j".to_string(), vec!["s1", "s2"]),
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
                (Kind::Stage, "s1"),
                (Kind::Stage, "s2"),
                (Kind::Split, "券型实验")
            ]
        );
    }

    #[test]
    fn a_broken_line_leaves_the_rest() {
        let doc = Document::new("event e\njourney j {\n  stage s1 { on -> }\n}\nevent f\n");
        let names: Vec<_> = symbols(&doc).into_iter().map(|s| s.name).collect();
        assert_eq!(names, ["e", "j", "f"]);
    }
}

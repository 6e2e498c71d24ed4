//! The outline: declarations in file order, journeys with their stages, tags with
//! their variants and events with their fields as children, and an enum field's
//! variants under it.

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
    // Children follow their parent in the index, and a parent is top-level or a
    // top-level declaration's child (an event's field): `slot[id]` is the place of
    // declaration `id` in `top`, and among its parent's children.
    let mut slot: Vec<(usize, Option<usize>)> = Vec::with_capacity(doc.index.defs.len());
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
                (Kind::Field, "n", vec![]),
                (Kind::Field, "品类", vec!["美妆", "母婴"]),
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

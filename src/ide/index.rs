//! The symbol index of one document, built from the checker's resolution table:
//! every declaration that parsed, and every reference that resolves to one of them.

use crate::check::resolve::{DeclId, Declaration, Resolutions};
use crate::source::Span;
use std::collections::HashMap;

pub use crate::check::resolve::DeclKind as Kind;

/// One declaration.
pub type Def = Declaration;

/// An index into [`Index::defs`].
pub type DefId = usize;

/// A name, at `span`, that refers to `def`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ref {
    pub def: DefId,
    pub span: Span,
}

#[derive(Debug, Default)]
pub struct Index {
    pub defs: Vec<Def>,
    pub refs: Vec<Ref>,
    /// The first declaration of each (kind, parent, name): later duplicates are
    /// declarations too, but references resolve to the first, as in the checker.
    lookup: HashMap<(Kind, Option<DefId>, String), DefId>,
}

impl From<Resolutions> for Index {
    fn from(table: Resolutions) -> Index {
        let mut lookup = HashMap::new();
        for (id, d) in table.decls.iter().enumerate() {
            let key = (d.kind, parent_of(d), d.name.to_string());
            lookup.entry(key).or_insert(id);
        }
        let refs = table
            .refs()
            .map(|r| Ref {
                def: r.target.decl.index(),
                span: r.span(),
            })
            .collect();
        Index {
            defs: table.decls,
            refs,
            lookup,
        }
    }
}

/// The index of a declaration's parent, if it has one.
pub fn parent_of(def: &Def) -> Option<DefId> {
    def.parent.map(DeclId::index)
}

impl Index {
    pub fn lookup(&self, kind: Kind, parent: Option<DefId>, name: &str) -> Option<DefId> {
        // Tuple keys cannot be borrowed piecewise; names are short.
        self.lookup.get(&(kind, parent, name.to_string())).copied()
    }

    /// The declarations of `kind` under `parent`, first declarations only, in file order.
    pub fn defs_of(&self, kind: Kind, parent: Option<DefId>) -> impl Iterator<Item = &Def> {
        self.defs.iter().enumerate().filter_map(move |(id, d)| {
            (d.kind == kind
                && parent_of(d) == parent
                && self.lookup(kind, parent, &d.name) == Some(id))
            .then_some(d)
        })
    }

    /// The declaration named at `offset` and the span of that name (a reference or
    /// the declaration itself). A cursor right after a name counts as on it.
    pub fn at(&self, offset: usize) -> Option<(DefId, Span)> {
        let refs = self.refs.iter().map(|r| (r.def, r.span));
        let defs = self
            .defs
            .iter()
            .enumerate()
            .map(|(id, d)| (id, d.name_span));
        let touching: Vec<_> = refs
            .chain(defs)
            .filter(|(_, s)| s.start <= offset && offset <= s.end)
            .collect();
        touching
            .iter()
            .find(|(_, s)| offset < s.end)
            .or(touching.first())
            .copied()
    }

    /// The spans of every reference to `def`, in file order.
    pub fn references(&self, def: DefId) -> Vec<Span> {
        let mut spans: Vec<Span> = self
            .refs
            .iter()
            .filter(|r| r.def == def)
            .map(|r| r.span)
            .collect();
        spans.sort_by_key(|s| s.start);
        spans
    }
}

//! The symbol index of one document: every declaration that parsed, and every
//! reference that resolves to one of them.

use crate::source::Span;
use std::collections::HashMap;

/// What a declared name is. Stages belong to a journey, variants to a tag and fields
/// to an event (their `parent`); every other kind is file-wide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Tag,
    Variant,
    Event,
    Field,
    Touchpoint,
    Segment,
    Team,
    Journey,
    Stage,
    Population,
}

impl Kind {
    /// The word a person uses for this kind (the declaration keyword where there is one).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Tag => "tag",
            Kind::Variant => "variant",
            Kind::Event => "event",
            Kind::Field => "field",
            Kind::Touchpoint => "touchpoint",
            Kind::Segment => "segment",
            Kind::Team => "team",
            Kind::Journey => "journey",
            Kind::Stage => "stage",
            Kind::Population => "population",
        }
    }
}

/// An index into [`Index::defs`].
pub type DefId = usize;

/// One declaration.
#[derive(Clone, Debug, PartialEq)]
pub struct Def {
    pub kind: Kind,
    pub name: String,
    /// The name as written (with backticks or quotes, if any).
    pub name_span: Span,
    /// The whole declaration.
    pub span: Span,
    /// The journey of a stage, the tag of a variant, the event of a field.
    pub parent: Option<DefId>,
    /// The top-level item (index into `ast::File::items`) that declares it.
    pub item: usize,
    /// The position among its siblings: stage, variant or field number.
    pub index: usize,
}

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

impl Index {
    pub fn declare(&mut self, def: Def) -> DefId {
        let id = self.defs.len();
        self.lookup
            .entry((def.kind, def.parent, def.name.clone()))
            .or_insert(id);
        self.defs.push(def);
        id
    }

    pub fn lookup(&self, kind: Kind, parent: Option<DefId>, name: &str) -> Option<DefId> {
        // Tuple keys cannot be borrowed piecewise; names are short.
        self.lookup.get(&(kind, parent, name.to_string())).copied()
    }

    /// Records a reference when the name resolves; returns what it resolved to.
    pub fn refer(
        &mut self,
        kind: Kind,
        parent: Option<DefId>,
        name: &str,
        span: Span,
    ) -> Option<DefId> {
        let def = self.lookup(kind, parent, name)?;
        self.refs.push(Ref { def, span });
        Some(def)
    }

    /// The declarations of `kind` under `parent`, first declarations only, in file order.
    pub fn defs_of(&self, kind: Kind, parent: Option<DefId>) -> impl Iterator<Item = &Def> {
        self.defs.iter().enumerate().filter_map(move |(id, d)| {
            (d.kind == kind && d.parent == parent && self.lookup(kind, parent, &d.name) == Some(id))
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

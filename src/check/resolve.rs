//! The resolution table: every declaration of a file and every reference to one, as
//! the checker resolved it. The editor features (hover, definition, references,
//! rename, completion, outline) read it; nothing resolves names a second time.
//!
//! The table is compact: names live in the declarations only, and a reference is
//! 16 bytes (its span as 32-bit offsets, inputs being at most 64 MiB, and its target).

use super::model::{EventId, FieldId, JourneyId, StageId, TagId, TagType};
use super::Checker;
use crate::source::Span;
use crate::syntax::ast::{self, Item};

/// One source file among those resolved together. Always `FileId(0)` today; imports
/// across files will number the others.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FileId(pub u16);

/// An index into [`Resolutions::decls`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DeclId(pub u32);

impl DeclId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What a declared name is. Stages belong to a journey, variants to a tag or an enum
/// field, and fields to an event (their `parent`); every other kind is file-wide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeclKind {
    Tag,
    Variant,
    Event,
    Field,
    Touchpoint,
    Segment,
    Team,
    Journey,
    Stage,
    /// A named split (`split 券型实验 { … }`), a child of its journey after the stages.
    Split,
    Population,
    Policy,
}

impl DeclKind {
    /// The word a person uses for this kind (the declaration keyword where there is one).
    pub fn as_str(self) -> &'static str {
        match self {
            DeclKind::Tag => "tag",
            DeclKind::Variant => "variant",
            DeclKind::Event => "event",
            DeclKind::Field => "field",
            DeclKind::Touchpoint => "touchpoint",
            DeclKind::Segment => "segment",
            DeclKind::Team => "team",
            DeclKind::Journey => "journey",
            DeclKind::Stage => "stage",
            DeclKind::Split => "split",
            DeclKind::Population => "population",
            DeclKind::Policy => "policy",
        }
    }
}

/// One declaration; a later one with the same kind, parent and name is a duplicate
/// (reported by the checker), and references resolve to the first.
#[derive(Clone, Debug, PartialEq)]
pub struct Declaration {
    pub kind: DeclKind,
    pub name: Box<str>,
    /// The name as written (with backticks or quotes, if any).
    pub name_span: Span,
    /// The whole declaration.
    pub span: Span,
    /// The journey of a stage, the tag or field of a variant, the event of a field.
    pub parent: Option<DeclId>,
    /// The top-level item (index into `ast::File::items`) that declares it.
    pub item: u32,
    /// The position among its siblings: stage, variant or field number.
    pub index: u32,
}

/// The declaration a reference names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    pub file: FileId,
    pub kind: DeclKind,
    pub decl: DeclId,
}

/// A name, at `span()`, that names `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    start: u32,
    end: u32,
    pub target: Target,
}

impl Reference {
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// The checker's resolution of one file.
#[derive(Debug, Default)]
pub struct Resolutions {
    /// In file order, each journey, tag and event followed by its stages, variants
    /// or fields (an event's fields first, then their variants, field by field).
    pub decls: Vec<Declaration>,
    /// The references in runs: the segments' first, then each journey's and
    /// population's, in file order. Kept as the parallel checks gathered them, not
    /// copied into one vector (a copy would hold them twice at the peak).
    runs: Vec<Box<[Reference]>>,
}

impl Resolutions {
    pub(super) fn new(decls: Vec<Declaration>, runs: Vec<Box<[Reference]>>) -> Self {
        Resolutions { decls, runs }
    }

    /// Every reference, in the order of [`Resolutions::runs`].
    pub fn refs(&self) -> impl Iterator<Item = &Reference> {
        self.runs.iter().flat_map(|run| run.iter())
    }
}

/// The declarations of a file, built before anything is resolved.
#[derive(Debug, Default)]
pub(super) struct Declared {
    pub decls: Vec<Declaration>,
    /// The declaration of each top-level item.
    pub items: Vec<DeclId>,
    /// Model index → declaration, per kind of top-level declaration.
    tags: Vec<DeclId>,
    events: Vec<DeclId>,
    touchpoints: Vec<DeclId>,
    segments: Vec<DeclId>,
    teams: Vec<DeclId>,
    journeys: Vec<DeclId>,
    policies: Vec<DeclId>,
}

impl Declared {
    /// Every declaration of `file`, duplicates included, each item's children right
    /// after it.
    pub fn new(file: &ast::File) -> Declared {
        let mut d = Declared::default();
        // At least one declaration per item (a file of 10,000 journeys has as many).
        d.decls.reserve(file.items.len());
        d.items.reserve_exact(file.items.len());
        for (i, item) in file.items.iter().enumerate() {
            let (kind, name, span) = match item {
                Item::Tag(t) => (DeclKind::Tag, &t.name, t.span),
                Item::Event(e) => (DeclKind::Event, &e.name, e.span),
                Item::Touchpoint(t) => (DeclKind::Touchpoint, &t.name, t.span),
                Item::Segment(s) => (DeclKind::Segment, &s.name, s.span),
                Item::Team(t) => (DeclKind::Team, &t.name, t.span),
                Item::Journey(j) => (DeclKind::Journey, &j.name, j.span),
                Item::Population(p) => (DeclKind::Population, &p.name, p.span),
                Item::Policy(p) => (DeclKind::Policy, &p.name, p.span),
            };
            let id = d.declare(kind, name, span, None, i, 0);
            d.items.push(id);
            let children: Vec<(DeclKind, &ast::Ident, Span)> = match item {
                Item::Tag(t) => match &t.ty {
                    ast::TagType::Enum(vs) | ast::TagType::Set(vs) => {
                        vs.iter().map(|v| (DeclKind::Variant, v, v.span)).collect()
                    }
                    _ => Vec::new(),
                },
                Item::Event(e) => e
                    .fields
                    .iter()
                    .map(|f| (DeclKind::Field, &f.name, f.span))
                    .collect(),
                // the stages first: a stage's declaration follows its journey's at
                // its position (`refer_stage`)
                Item::Journey(j) => (j.stages.iter())
                    .map(|s| (DeclKind::Stage, &s.name, s.span))
                    .chain(
                        (super::goals::named_splits(j).into_iter())
                            .map(|(name, span)| (DeclKind::Split, name, span)),
                    )
                    .collect(),
                _ => Vec::new(),
            };
            for (k, (kind, name, span)) in children.into_iter().enumerate() {
                d.declare(kind, name, span, Some(id), i, k);
            }
            // After all the fields, so that an item's direct children stay together.
            if let Item::Event(e) = item {
                for (k, f) in e.fields.iter().enumerate() {
                    let field = DeclId(id.0 + 1 + k as u32);
                    for (n, v) in f.variants.iter().enumerate() {
                        d.declare(DeclKind::Variant, v, v.span, Some(field), i, n);
                    }
                }
            }
        }
        d
    }

    fn declare(
        &mut self,
        kind: DeclKind,
        name: &ast::Ident,
        span: Span,
        parent: Option<DeclId>,
        item: usize,
        index: usize,
    ) -> DeclId {
        let id = DeclId(self.decls.len() as u32);
        self.decls.push(Declaration {
            kind,
            name: name.name.as_str().into(),
            name_span: name.span,
            span,
            parent,
            item: item as u32,
            index: index as u32,
        });
        id
    }

    /// The model's ids of one kind of top-level declaration (none for populations,
    /// which the model numbers only when they check; a journey's id is its place
    /// among the journeys not duplicated, which is its place in a model that has one).
    fn model_ids(&mut self, kind: DeclKind) -> Option<&mut Vec<DeclId>> {
        match kind {
            DeclKind::Tag => Some(&mut self.tags),
            DeclKind::Event => Some(&mut self.events),
            DeclKind::Touchpoint => Some(&mut self.touchpoints),
            DeclKind::Segment => Some(&mut self.segments),
            DeclKind::Team => Some(&mut self.teams),
            DeclKind::Journey => Some(&mut self.journeys),
            DeclKind::Policy => Some(&mut self.policies),
            _ => None,
        }
    }

    /// Records that item `item` got the next model id of its kind (it is not a
    /// duplicate).
    pub fn bound(&mut self, item: usize) {
        let decl = self.items[item];
        let kind = self.decls[decl.index()].kind;
        if let Some(ids) = self.model_ids(kind) {
            ids.push(decl);
        }
    }

    /// How many journeys have a model id so far.
    pub fn journeys_bound(&self) -> usize {
        self.journeys.len()
    }

    /// Where the journey with model id `id` writes its name.
    pub fn journey_name_span(&self, id: JourneyId) -> Span {
        self.decls[self.journeys[id.index()].index()].name_span
    }

    /// The declaration of the top-level model entry `index` of `kind`.
    fn top(&self, kind: DeclKind, index: usize) -> Option<DeclId> {
        let ids = match kind {
            DeclKind::Tag => &self.tags,
            DeclKind::Event => &self.events,
            DeclKind::Touchpoint => &self.touchpoints,
            DeclKind::Segment => &self.segments,
            DeclKind::Team => &self.teams,
            DeclKind::Journey => &self.journeys,
            DeclKind::Policy => &self.policies,
            _ => return None,
        };
        ids.get(index).copied()
    }

    /// The first child of `parent` named `name` (children follow their parent).
    fn child_named(&self, parent: DeclId, name: &str) -> Option<DeclId> {
        let after = parent.index() + 1;
        self.decls[after..]
            .iter()
            .take_while(|d| d.parent == Some(parent))
            .position(|d| &*d.name == name)
            .map(|i| DeclId((after + i) as u32))
    }
}

impl Checker<'_> {
    fn record(&mut self, kind: DeclKind, decl: DeclId, span: Span) {
        // Offsets fit: inputs are at most 64 MiB (`limits::MAX_INPUT_BYTES`).
        self.refs.push(Reference {
            start: span.start as u32,
            end: span.end as u32,
            target: Target {
                file: FileId(0),
                kind,
                decl,
            },
        });
    }

    /// Records that `span` names the top-level declaration with model index `index`.
    pub(super) fn refer(&mut self, kind: DeclKind, index: usize, span: Span) {
        if let Some(decl) = self.decls.declared.top(kind, index) {
            self.record(kind, decl, span);
        }
    }

    /// Records that `span` names variant (or set member) `variant` of tag `tag`.
    pub(super) fn refer_variant(&mut self, tag: TagId, variant: usize, span: Span) {
        let (TagType::Enum(vs) | TagType::Set(vs)) = &self.tag(tag).ty else {
            return;
        };
        let declared = &self.decls.declared;
        let decl = declared
            .top(DeclKind::Tag, tag.index())
            .and_then(|t| declared.child_named(t, &vs[variant]));
        if let Some(decl) = decl {
            self.record(DeclKind::Variant, decl, span);
        }
    }

    /// Records that `span` names field `field` of event `event`.
    pub(super) fn refer_field(&mut self, event: EventId, field: FieldId, span: Span) {
        let name = &self.decls.model.event(event).fields[field.0 as usize].name;
        let declared = &self.decls.declared;
        let decl = declared
            .top(DeclKind::Event, event.index())
            .and_then(|e| declared.child_named(e, name));
        if let Some(decl) = decl {
            self.record(DeclKind::Field, decl, span);
        }
    }

    /// Records that `span` names variant `variant` of enum field `field` of `event`.
    pub(super) fn refer_field_variant(
        &mut self,
        event: EventId,
        field: FieldId,
        variant: usize,
        span: Span,
    ) {
        let ev = self.decls.model.event(event);
        let f = &ev.fields[field.0 as usize];
        let Some(name) = f.variants.get(variant) else {
            return;
        };
        let declared = &self.decls.declared;
        let Some(field_decl) = declared
            .top(DeclKind::Event, event.index())
            .and_then(|e| declared.child_named(e, &f.name))
        else {
            return;
        };
        // A field's variants come after the event's fields, within its item.
        let item = declared.decls[field_decl.index()].item;
        let decl = declared.decls[field_decl.index()..]
            .iter()
            .take_while(|d| d.item == item)
            .position(|d| d.parent == Some(field_decl) && &*d.name == name.as_str())
            .map(|k| DeclId(field_decl.0 + k as u32));
        if let Some(decl) = decl {
            self.record(DeclKind::Variant, decl, span);
        }
    }

    /// Records that `span` names stage `stage` of the journey being checked.
    pub(super) fn refer_stage(&mut self, stage: StageId, span: Span) {
        if let Some(journey) = self.journey {
            // A stage's id is its position in the journey, as its declaration's.
            self.record(DeclKind::Stage, DeclId(journey.0 + 1 + stage.0), span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check_source;

    const FILE: &str = "\
tag 身份: enum { 新人, 老客 }
tag 兴趣: set { 美妆, 护肤 }
event 下单 { 金额: number }
touchpoint 企微 { channel wecom }
team 顾问 { capacity 10 per day }
segment 高价值 = sum(下单.金额, 30d) > 500 and 兴趣 has 美妆
journey 复购 {
  entry on 下单 if 身份 == 新人
  stage 首单 {
    on enter: {
      send 企微 \"欢迎\"
      tag 兴趣 += 护肤
    }
    after 1d if 高价值 -> 沉睡
  }
  stage 沉睡 {
    on enter: {
      task 顾问 \"回访\"
      tag 身份 = 老客
    }
  }
}
population 样本 {
  size 100
  start 2026-03-02
  days 30
  arrivals 下单 over 7d
  tag 身份: 新人 60%, 老客 40%
}
";

    /// Each reference as (the text at its span, kind, the name it resolves to).
    fn rows<'a>(text: &'a str, table: &'a Resolutions) -> Vec<(&'a str, DeclKind, &'a str)> {
        table
            .refs()
            .map(|r| {
                let decl = &table.decls[r.target.decl.index()];
                assert_eq!(r.target.kind, decl.kind);
                assert_eq!(r.target.file, FileId(0));
                (&text[r.span().start..r.span().end], decl.kind, &*decl.name)
            })
            .collect()
    }

    #[test]
    fn declarations_come_with_their_children_in_file_order() {
        let table = check_source(FILE).resolutions;
        let decls: Vec<_> = table
            .decls
            .iter()
            .map(|d| {
                let parent = d.parent.map(|p| &*table.decls[p.index()].name);
                (d.kind, &*d.name, parent, d.item, d.index)
            })
            .collect();
        use DeclKind::*;
        assert_eq!(
            decls,
            [
                (Tag, "身份", None, 0, 0),
                (Variant, "新人", Some("身份"), 0, 0),
                (Variant, "老客", Some("身份"), 0, 1),
                (Tag, "兴趣", None, 1, 0),
                (Variant, "美妆", Some("兴趣"), 1, 0),
                (Variant, "护肤", Some("兴趣"), 1, 1),
                (Event, "下单", None, 2, 0),
                (Field, "金额", Some("下单"), 2, 0),
                (Touchpoint, "企微", None, 3, 0),
                (Team, "顾问", None, 4, 0),
                (Segment, "高价值", None, 5, 0),
                (Journey, "复购", None, 6, 0),
                (Stage, "首单", Some("复购"), 6, 0),
                (Stage, "沉睡", Some("复购"), 6, 1),
                (Population, "样本", None, 7, 0),
            ]
        );
        let stage = &table.decls[12];
        assert_eq!(&FILE[stage.name_span.start..stage.name_span.end], "首单");
        assert!(FILE[stage.span.start..stage.span.end].starts_with("stage 首单 {"));
    }

    #[test]
    fn every_reference_names_what_the_checker_resolved() {
        let checked = check_source(FILE);
        assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
        use DeclKind::*;
        assert_eq!(
            rows(FILE, &checked.resolutions),
            [
                // The segment's condition first, then the items in file order.
                ("下单", Event, "下单"),
                ("金额", Field, "金额"),
                ("兴趣", Tag, "兴趣"),
                ("美妆", Variant, "美妆"),
                ("身份", Tag, "身份"),
                ("新人", Variant, "新人"),
                ("下单", Event, "下单"),
                ("企微", Touchpoint, "企微"),
                ("兴趣", Tag, "兴趣"),
                ("护肤", Variant, "护肤"),
                ("高价值", Segment, "高价值"),
                ("沉睡", Stage, "沉睡"),
                ("顾问", Team, "顾问"),
                ("身份", Tag, "身份"),
                ("老客", Variant, "老客"),
                ("下单", Event, "下单"),
                ("身份", Tag, "身份"),
                ("新人", Variant, "新人"),
                ("老客", Variant, "老客"),
            ]
        );
    }

    #[test]
    fn unknown_names_have_no_entry_and_duplicates_resolve_to_the_first() {
        let text = "\
event 下单
event 下单
journey j {
  entry on 下单
  stage a { on 未知: send 没有 \"x\" }
  stage a { after 1d -> b }
}
";
        let checked = check_source(text);
        assert!(checked.has_errors());
        let table = &checked.resolutions;
        assert_eq!(rows(text, table), [("下单", DeclKind::Event, "下单")]);
        assert_eq!(table.refs().next().unwrap().target.decl, DeclId(0));
        // Both stages are declarations; the second is a duplicate.
        let stages = table.decls.iter().filter(|d| d.kind == DeclKind::Stage);
        assert_eq!(stages.count(), 2);
    }

    #[test]
    fn a_file_with_syntax_errors_keeps_the_table_of_what_parsed() {
        let text = "tag 已付费: bool\nevent 下单\nsegment 付费 = 已付费 and did 下单\njourney j {\n  stage a {\n    on enter: send\n";
        let checked = check_source(text);
        assert!(checked.model.is_none());
        // No semantic diagnostics on a broken file (the segment is unused).
        let unused = crate::diag::Code::UnusedDeclaration;
        assert!(checked.diagnostics.iter().all(|d| d.code != unused));
        assert_eq!(
            rows(text, &checked.resolutions),
            [
                ("已付费", DeclKind::Tag, "已付费"),
                ("下单", DeclKind::Event, "下单")
            ]
        );
    }

    #[test]
    fn the_table_does_not_depend_on_the_thread_count() {
        let mut text = String::from("event e\ntouchpoint t { channel wecom }\n");
        for i in 0..40 {
            text.push_str(&format!(
                "journey j{i} {{\n  entry on e\n  stage a {{ on e: send t \"x\" }}\n  stage b {{ after 1d -> a }}\n}}\n"
            ));
        }
        let resolve_on = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| {
                let table = crate::check::check_source(&text).resolutions;
                table.refs().copied().collect::<Vec<_>>()
            })
        };
        let one = resolve_on(1);
        assert_eq!(one.len(), 40 * 4);
        assert_eq!(one, resolve_on(2));
        // In file order: journey by journey.
        assert!(one.windows(2).all(|w| w[0].start < w[1].start));
    }
}

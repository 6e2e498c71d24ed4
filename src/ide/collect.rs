//! Builds the [`Index`] from an AST: declarations first, then a walk over every
//! place a name can be used, resolving it the way the checker does.

use super::index::{Def, DefId, Index, Kind};
use crate::source::Span;
use crate::syntax::ast::{self, Item, Operand, Value};

pub fn index(file: &ast::File) -> Index {
    let mut c = Collector::default();
    for (i, item) in file.items.iter().enumerate() {
        c.declare_item(i, item);
    }
    for item in &file.items {
        c.item(item);
    }
    c.index
}

#[derive(Default)]
struct Collector {
    index: Index,
    /// The journey being walked, for stage names.
    journey: Option<DefId>,
}

impl Collector {
    /// Declares a stage, variant or field of `parent`.
    fn child(&mut self, kind: Kind, name: &ast::Ident, span: Span, parent: DefId, index: usize) {
        self.index.declare(Def {
            kind,
            name: name.name.clone(),
            name_span: name.span,
            span,
            parent: Some(parent),
            item: self.index.defs[parent].item,
            index,
        });
    }

    fn declare_item(&mut self, i: usize, item: &Item) {
        let (kind, name, span) = match item {
            Item::Tag(t) => (Kind::Tag, &t.name, t.span),
            Item::Event(e) => (Kind::Event, &e.name, e.span),
            Item::Touchpoint(t) => (Kind::Touchpoint, &t.name, t.span),
            Item::Segment(s) => (Kind::Segment, &s.name, s.span),
            Item::Team(t) => (Kind::Team, &t.name, t.span),
            Item::Journey(j) => (Kind::Journey, &j.name, j.span),
            Item::Population(p) => (Kind::Population, &p.name, p.span),
        };
        let id = self.index.declare(Def {
            kind,
            name: name.name.clone(),
            name_span: name.span,
            span,
            parent: None,
            item: i,
            index: 0,
        });
        match item {
            Item::Tag(t) => {
                if let ast::TagType::Enum(vs) | ast::TagType::Set(vs) = &t.ty {
                    for (k, v) in vs.iter().enumerate() {
                        self.child(Kind::Variant, v, v.span, id, k);
                    }
                }
            }
            Item::Event(e) => {
                for (k, f) in e.fields.iter().enumerate() {
                    self.child(Kind::Field, &f.name, f.span, id, k);
                }
            }
            Item::Journey(j) => {
                for (k, s) in j.stages.iter().enumerate() {
                    self.child(Kind::Stage, &s.name, s.span, id, k);
                }
            }
            _ => {}
        }
    }

    fn refer(&mut self, kind: Kind, name: &ast::Ident) -> Option<DefId> {
        let parent = if kind == Kind::Stage {
            Some(self.journey?)
        } else {
            None
        };
        self.index.refer(kind, parent, &name.name, name.span)
    }

    /// A value written where a variant of `tag` (an enum or set tag) belongs.
    fn variant(&mut self, tag: Option<DefId>, value: &Value) {
        if let (Some(tag), Some(word)) = (tag, value.as_word()) {
            self.index
                .refer(Kind::Variant, Some(tag), word, value.span());
        }
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Segment(s) => self.cond(&s.cond),
            Item::Journey(j) => {
                self.journey = self.index.lookup(Kind::Journey, None, &j.name.name);
                for s in &j.settings {
                    self.journey_setting(s);
                }
                for stage in &j.stages {
                    for rule in &stage.rules {
                        self.rule(rule);
                    }
                }
                self.journey = None;
            }
            Item::Population(p) => {
                for s in &p.settings {
                    self.population_setting(s);
                }
            }
            Item::Tag(_) | Item::Event(_) | Item::Touchpoint(_) | Item::Team(_) => {}
        }
    }

    fn journey_setting(&mut self, s: &ast::JourneySetting) {
        match s {
            ast::JourneySetting::Entry(ast::Entry::On { event, cond, .. }) => {
                self.refer(Kind::Event, event);
                if let Some(c) = cond {
                    self.cond(c);
                }
            }
            ast::JourneySetting::Entry(ast::Entry::When(c, _))
            | ast::JourneySetting::Exit(ast::ExitLine::When(c, _)) => self.cond(c),
            ast::JourneySetting::Exit(ast::ExitLine::On(event, _)) => {
                self.refer(Kind::Event, event);
            }
            ast::JourneySetting::Goal(g) => {
                self.refer(Kind::Event, &g.event);
            }
            ast::JourneySetting::Timezone(_)
            | ast::JourneySetting::Reentry(_)
            | ast::JourneySetting::Holdout(_)
            | ast::JourneySetting::Limit(_) => {}
        }
    }

    fn rule(&mut self, rule: &ast::Rule) {
        match &rule.trigger {
            ast::Trigger::Event(e) => {
                self.refer(Kind::Event, e);
            }
            ast::Trigger::When(c, _) => self.cond(c),
            _ => {}
        }
        if let Some(g) = &rule.guard {
            self.cond(&g.cond);
        }
        match &rule.body {
            ast::RuleBody::Transition(stage) => {
                self.refer(Kind::Stage, stage);
            }
            ast::RuleBody::Actions(actions) => self.actions(actions),
        }
    }

    fn actions(&mut self, actions: &[ast::Action]) {
        for a in actions {
            match a {
                ast::Action::Send { touchpoint, .. } => {
                    self.refer(Kind::Touchpoint, touchpoint);
                }
                ast::Action::TagSet { tag, value, .. } => {
                    let tag = self.refer(Kind::Tag, tag);
                    if let Some(v) = value {
                        self.variant(tag, v);
                    }
                }
                ast::Action::TagAdd { tag, value, .. }
                | ast::Action::TagRemove { tag, value, .. } => {
                    let tag = self.refer(Kind::Tag, tag);
                    self.variant(tag, value);
                }
                ast::Action::Untag { tag, .. } => {
                    self.refer(Kind::Tag, tag);
                }
                ast::Action::Goto { stage, .. } => {
                    self.refer(Kind::Stage, stage);
                }
                ast::Action::Split { arms, .. } => {
                    for arm in arms {
                        self.actions(&arm.actions);
                    }
                }
                ast::Action::Task { team, .. } => {
                    self.refer(Kind::Team, team);
                }
                ast::Action::Exit { .. } => {}
            }
        }
    }

    fn cond(&mut self, c: &ast::Cond) {
        match c {
            ast::Cond::Or(xs, _) | ast::Cond::And(xs, _) => {
                for x in xs {
                    self.cond(x);
                }
            }
            ast::Cond::Not(x, _) => self.cond(x),
            ast::Cond::Name(name) => {
                // A bare name is a bool tag if such a tag exists, else a segment.
                if self.refer(Kind::Tag, name).is_none() {
                    self.refer(Kind::Segment, name);
                }
            }
            ast::Cond::Compare { left, right, .. } => {
                let l = self.operand(left);
                let r = self.operand(right);
                // A word opposite a tag is one of its variants (`persona == 白领`).
                for (tag, other, other_tag) in [(l, right, r), (r, left, l)] {
                    if let (Some(tag), None) = (tag, other_tag) {
                        if let Some(word) = operand_word(other) {
                            self.index
                                .refer(Kind::Variant, Some(tag), word, other.span());
                        }
                    }
                }
            }
            ast::Cond::In { tag, values, .. } => {
                let tag = self.refer(Kind::Tag, tag);
                for v in values {
                    self.variant(tag, v);
                }
            }
            ast::Cond::Has { tag, value, .. } => {
                let tag = self.refer(Kind::Tag, tag);
                self.variant(tag, value);
            }
            ast::Cond::Between { tag, .. } => {
                self.refer(Kind::Tag, tag);
            }
            ast::Cond::Did { event, .. } => {
                self.refer(Kind::Event, event);
            }
            ast::Cond::InStage { stage, .. } => {
                self.refer(Kind::Stage, stage);
            }
            ast::Cond::Inactive { .. } => {}
        }
    }

    /// Records the names in one side of a comparison; returns the tag when the side
    /// is a tag name.
    fn operand(&mut self, o: &Operand) -> Option<DefId> {
        match o {
            Operand::Name(name) => self.refer(Kind::Tag, name),
            Operand::Count { event, .. } | Operand::DaysSince { event, .. } => {
                self.refer(Kind::Event, event);
                None
            }
            Operand::Sum { event, field, .. } => {
                if let Some(e) = self.refer(Kind::Event, event) {
                    self.index
                        .refer(Kind::Field, Some(e), &field.name, field.span);
                }
                None
            }
            Operand::Number(_) | Operand::Str(_) => None,
        }
    }

    fn population_setting(&mut self, s: &ast::PopulationSetting) {
        match s {
            ast::PopulationSetting::Arrivals { event, .. } => {
                self.refer(Kind::Event, event);
            }
            ast::PopulationSetting::Tag { tag, dist, .. } => {
                let tag = self.refer(Kind::Tag, tag);
                self.distribution(tag, dist);
            }
            ast::PopulationSetting::Behavior(b) => {
                let event = self.refer(Kind::Event, &b.event);
                for item in &b.items {
                    match item {
                        ast::BehaviorItem::If { cond, .. } => self.cond(cond),
                        ast::BehaviorItem::AfterSend { touchpoint, .. } => {
                            if let Some(t) = touchpoint {
                                self.refer(Kind::Touchpoint, t);
                            }
                        }
                        ast::BehaviorItem::Field { field, .. } => {
                            if let Some(e) = event {
                                self.index
                                    .refer(Kind::Field, Some(e), &field.name, field.span);
                            }
                        }
                        ast::BehaviorItem::Rate { .. } => {}
                    }
                }
            }
            ast::PopulationSetting::Size(_)
            | ast::PopulationSetting::Start { .. }
            | ast::PopulationSetting::Days(_) => {}
        }
    }

    fn distribution(&mut self, tag: Option<DefId>, dist: &ast::Distribution) {
        if let ast::Distribution::Weighted(values, _) = dist {
            for (v, _) in values {
                self.variant(tag, v);
            }
        }
    }
}

fn operand_word(o: &Operand) -> Option<&str> {
    match o {
        Operand::Name(i) => Some(&i.name),
        Operand::Str(s) => Some(&s.value),
        _ => None,
    }
}

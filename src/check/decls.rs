//! Top-level declarations: tags, events, touchpoints, segments, teams.

use super::model::*;
use super::resolve::{Declared, Reference};
use super::scope::Scope;
use super::visit::segments_in;
use super::{Checker, Decls, Report};
use crate::diag::{Code, Diagnostic};
use crate::i18n::{msg, Arg};
use crate::source::Span;
use crate::syntax::ast::{self, Item, TouchpointSetting};
use crate::units::{DaySet, LimitPeriod, Period, QuietWindow};
use rustc_hash::FxHashMap;
use std::sync::atomic::AtomicBool;

/// The declaration pass: builds [`Decls`] and reports what is wrong with them.
#[derive(Default)]
pub(super) struct Declarer {
    decls: Decls,
    diagnostics: Vec<Diagnostic>,
    /// The references in the segments' conditions.
    refs: Vec<Reference>,
}

impl Report for Declarer {
    fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }
}

impl Declarer {
    /// The declarations of `file`, their diagnostics, and the references in them.
    pub(super) fn run(file: &ast::File) -> (Decls, Vec<Diagnostic>, Vec<Reference>) {
        let mut d = Declarer::default();
        d.decls.declared = Declared::new(file);
        d.declare(file);
        d.resolve_declarations(file);
        (d.decls, d.diagnostics, d.refs)
    }

    /// Binds every declared name first, so declarations may come in any order.
    fn declare(&mut self, file: &ast::File) {
        // Populations are only checked for duplicates here.
        let mut populations = FxHashMap::<&str, Span>::default();
        // A file of many small journeys binds them all on one core, before they are
        // checked in parallel: room for them is made once.
        let journeys = (file.items.iter())
            .filter(|i| matches!(i, Item::Journey(_)))
            .count();
        self.decls.journeys.reserve(journeys);
        for (i, item) in file.items.iter().enumerate() {
            let (kind, name, result) = match item {
                Item::Tag(t) => {
                    let d = &mut self.decls;
                    let r = bind_new(
                        &mut d.tags,
                        &mut d.model.tags,
                        &mut d.uses.tags,
                        &t.name,
                        |x| x.span,
                        || Tag {
                            name: t.name.name.clone(),
                            label: t.label.as_ref().map(|l| l.value.clone()),
                            ty: TagType::Bool,
                            span: t.name.span,
                        },
                    );
                    ("kind-tag", &t.name, r)
                }
                Item::Event(e) => {
                    let d = &mut self.decls;
                    let r = bind_new(
                        &mut d.events,
                        &mut d.model.events,
                        &mut d.uses.events,
                        &e.name,
                        |x| x.span,
                        || Event {
                            name: e.name.name.clone(),
                            label: e.label.as_ref().map(|l| l.value.clone()),
                            fields: Vec::new(),
                            span: e.name.span,
                        },
                    );
                    ("kind-event", &e.name, r)
                }
                Item::Touchpoint(t) => {
                    let d = &mut self.decls;
                    let r = bind_new(
                        &mut d.touchpoints,
                        &mut d.model.touchpoints,
                        &mut d.uses.touchpoints,
                        &t.name,
                        |x| x.span,
                        || Touchpoint {
                            name: t.name.name.clone(),
                            label: t.label.as_ref().map(|l| l.value.clone()),
                            channel: Channel::Wecom,
                            limits: Vec::new(),
                            quiet: None,
                            quiet_span: None,
                            cost: 0.0,
                            broadcast: false,
                            span: t.name.span,
                        },
                    );
                    ("kind-touchpoint", &t.name, r)
                }
                Item::Segment(s) => {
                    let d = &mut self.decls;
                    let r = bind_new(
                        &mut d.segments,
                        &mut d.model.segments,
                        &mut d.uses.segments,
                        &s.name,
                        |x| x.span,
                        || Segment {
                            name: s.name.name.clone(),
                            label: s.label.as_ref().map(|l| l.value.clone()),
                            cond: Spanned::new(Cond::And(Vec::new()), s.name.span),
                            span: s.name.span,
                        },
                    );
                    ("kind-segment", &s.name, r)
                }
                Item::Team(t) => {
                    let d = &mut self.decls;
                    let r = bind_new(
                        &mut d.teams,
                        &mut d.model.teams,
                        &mut d.uses.teams,
                        &t.name,
                        |x| x.span,
                        || Team {
                            name: t.name.name.clone(),
                            label: t.label.as_ref().map(|l| l.value.clone()),
                            capacity_per_day: 0,
                            hours: None,
                            span: t.name.span,
                        },
                    );
                    ("kind-team", &t.name, r)
                }
                Item::Journey(j) => {
                    let d = &mut self.decls;
                    // its id is its place among the journeys bound so far
                    let id = JourneyId::from_index(d.declared.journeys_bound());
                    let r = (d.journeys.declare(&j.name.name, id))
                        .map_err(|earlier| d.declared.journey_name_span(earlier));
                    ("kind-journey", &j.name, r)
                }
                Item::Policy(p) => {
                    let d = &mut self.decls;
                    let id = PolicyId::from_index(d.model.policies.len());
                    let r = match d.policies.declare(&p.name.name, id) {
                        Ok(()) => {
                            d.model.policies.push(Policy {
                                name: p.name.name.clone(),
                                label: p.label.as_ref().map(|l| l.value.clone()),
                                limits: p.limits.iter().map(Limit::of).collect(),
                                except: Vec::new(),
                                span: p.name.span,
                            });
                            Ok(())
                        }
                        Err(earlier) => Err(d.model.policies[earlier.index()].span),
                    };
                    ("kind-policy", &p.name, r)
                }
                Item::Population(p) => {
                    ("kind-population", &p.name, bind(&mut populations, &p.name))
                }
            };
            match result {
                Ok(()) => self.decls.declared.bound(i),
                Err(earlier) => self.duplicate(kind, name, earlier),
            }
        }
    }

    /// Fills in each declaration's body, in file order; the first of two
    /// same-named declarations is the one that counts.
    fn resolve_declarations(&mut self, file: &ast::File) {
        for item in &file.items {
            match item {
                Item::Tag(t) => {
                    if let Some(id) = self.own(
                        self.decls.tags.get(&t.name.name).map(|i| i.index()),
                        &t.name,
                        |m, i| m.tags[i].span,
                    ) {
                        self.decls.model.tags[id].ty = self.tag_type(&t.ty);
                    }
                }
                Item::Event(e) => {
                    if let Some(id) = self.own(
                        self.decls.events.get(&e.name.name).map(|i| i.index()),
                        &e.name,
                        |m, i| m.events[i].span,
                    ) {
                        self.decls.model.events[id].fields = self.fields(e);
                    }
                }
                Item::Touchpoint(t) => {
                    if let Some(id) = self.own(
                        self.decls.touchpoints.get(&t.name.name).map(|i| i.index()),
                        &t.name,
                        |m, i| m.touchpoints[i].span,
                    ) {
                        self.touchpoint(id, t);
                    }
                }
                Item::Team(t) => {
                    if let Some(id) = self.own(
                        self.decls.teams.get(&t.name.name).map(|i| i.index()),
                        &t.name,
                        |m, i| m.teams[i].span,
                    ) {
                        self.team(id, t);
                    }
                }
                _ => {}
            }
        }
        // Segments last: their conditions refer to tags, events and other segments.
        let decls = &self.decls;
        let mut c = Checker::new(decls);
        let conds: Vec<_> = file
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Segment(s) => Some(s),
                _ => None,
            })
            .map(|s| {
                let cond = c.cond(&s.cond, None);
                let id = decls.segments.get(&s.name.name).map(|id| id.index());
                (self.own(id, &s.name, |m, i| m.segments[i].span), cond)
            })
            .collect();
        let excepts: Vec<_> = (file.items.iter())
            .filter_map(|item| match item {
                Item::Policy(p) => Some(p),
                _ => None,
            })
            .map(|p| {
                let id = decls.policies.get(&p.name.name).map(|id| id.index());
                let own = self.own(id, &p.name, |m, i| m.policies[i].span);
                let except: Vec<_> = p
                    .except
                    .iter()
                    .filter_map(|t| c.touchpoint_ref(t))
                    .collect();
                (own, p, except)
            })
            .collect();
        self.diagnostics.append(&mut c.diagnostics);
        self.refs = c.refs;
        for (id, p, except) in excepts {
            if p.limits.is_empty() {
                self.missing_setting(
                    ("kind-policy", &p.name.name),
                    "limit",
                    p.name.span,
                    "limit 4 per day",
                );
            }
            if let Some(id) = id {
                self.decls.model.policies[id].except = except;
            }
        }
        for (id, cond) in conds {
            if let Some(id) = id {
                self.decls.model.segments[id].cond = cond;
            }
        }
        self.segment_cycles();
    }

    /// The model index of this declaration, unless it is a duplicate of an earlier one.
    fn own(
        &self,
        index: Option<usize>,
        name: &ast::Ident,
        span_of: impl Fn(&Model, usize) -> Span,
    ) -> Option<usize> {
        index.filter(|&i| span_of(&self.decls.model, i) == name.span)
    }

    fn tag_type(&mut self, ty: &ast::TagType) -> TagType {
        match ty {
            ast::TagType::Enum(vs) => TagType::Enum(self.variants(vs)),
            ast::TagType::Set(vs) => TagType::Set(self.variants(vs)),
            ast::TagType::Number(range) => TagType::Number {
                range: range.as_ref().map(|(lo, hi)| {
                    if lo.value > hi.value {
                        self.empty_range(lo.span.to(hi.span), lo.value, hi.value);
                    }
                    (lo.value, hi.value)
                }),
            },
            ast::TagType::Bool => TagType::Bool,
            ast::TagType::Text => TagType::Text,
        }
    }

    fn variants(&mut self, vs: &[ast::Ident]) -> Vec<String> {
        let mut seen = super::Scope::<Span>::default();
        let mut out = Vec::new();
        for v in vs {
            match seen.declare(&v.name, v.span) {
                Ok(()) => out.push(v.name.clone()),
                Err(earlier) => self.duplicate("kind-variant", v, earlier),
            }
        }
        out
    }

    fn fields(&mut self, e: &ast::EventDecl) -> Vec<Field> {
        let mut seen = super::Scope::<Span>::default();
        let mut out = Vec::new();
        for f in &e.fields {
            match seen.declare(&f.name.name, f.name.span) {
                Ok(()) => out.push(Field {
                    name: f.name.name.clone(),
                    ty: f.ty,
                    variants: self.variants(&f.variants),
                    span: f.name.span,
                }),
                Err(earlier) => self.duplicate("kind-field", &f.name, earlier),
            }
        }
        out
    }

    fn touchpoint(&mut self, id: usize, t: &ast::TouchpointDecl) {
        let mut channel: Option<Span> = None;
        let mut quiet: Option<Span> = None;
        let mut cost: Option<Span> = None;
        let mut broadcast: Option<Span> = None;
        for s in &t.settings {
            match s {
                TouchpointSetting::Channel(c) => {
                    if let Some(earlier) = channel {
                        self.duplicate_setting("channel", c.span, earlier);
                        continue;
                    }
                    channel = Some(c.span);
                    match Channel::parse(&c.name) {
                        Some(ch) => self.decls.model.touchpoints[id].channel = ch,
                        None => {
                            let names = Channel::ALL.iter().map(|(w, _)| *w);
                            let suggestion = crate::suggest::nearest(&c.name, names);
                            // Channel names are code: the same in every language.
                            let channels = Channel::ALL.map(|(w, _)| w).join(", ");
                            let d = Diagnostic::new(
                                Code::UnknownChannel,
                                msg!("unknown-channel", name = &c.name),
                                c.span,
                                msg!("unknown-channel.label"),
                            )
                            .with_help(match suggestion {
                                Some(near) => msg!(
                                    "unknown-channel.help-near",
                                    near = near,
                                    channels = channels
                                ),
                                None => msg!("unknown-channel.help", channels = channels),
                            });
                            self.push(d);
                        }
                    }
                }
                TouchpointSetting::Limit(l) => {
                    self.decls.model.touchpoints[id].limits.push(Limit::of(l))
                }
                TouchpointSetting::Quiet { from, to, span } => {
                    if let Some(earlier) = quiet {
                        self.duplicate_setting("quiet", *span, earlier);
                        continue;
                    }
                    quiet = Some(*span);
                    self.decls.model.touchpoints[id].quiet = Some(QuietWindow {
                        from: from.value,
                        to: to.value,
                    });
                    self.decls.model.touchpoints[id].quiet_span = Some(*span);
                }
                TouchpointSetting::Cost(n) => {
                    if let Some(earlier) = cost {
                        self.duplicate_setting("cost", n.span, earlier);
                        continue;
                    }
                    cost = Some(n.span);
                    self.decls.model.touchpoints[id].cost = n.value;
                }
                TouchpointSetting::Broadcast(span) => {
                    if let Some(earlier) = broadcast {
                        self.duplicate_setting("broadcast", *span, earlier);
                        continue;
                    }
                    broadcast = Some(*span);
                    self.decls.model.touchpoints[id].broadcast = true;
                }
            }
        }
        if channel.is_none() {
            self.missing_setting(
                ("kind-touchpoint", &t.name.name),
                "channel",
                t.name.span,
                "channel wecom",
            );
        }
    }

    fn team(&mut self, id: usize, t: &ast::TeamDecl) {
        let mut first: Option<Span> = None;
        for c in &t.capacities {
            if let Some(earlier) = first {
                self.duplicate_setting("capacity", c.span, earlier);
                continue;
            }
            first = Some(c.span);
            if c.period.value != LimitPeriod::Calendar(Period::Day) {
                self.push(
                    Diagnostic::new(
                        Code::MissingSetting,
                        msg!("capacity-per-day"),
                        c.period.span,
                        msg!("capacity-per-day.label"),
                    )
                    .with_help(msg!(
                        "capacity-per-day.help",
                        count = c.count.value.to_string()
                    )),
                );
            }
            self.decls.model.teams[id].capacity_per_day = c.count.value;
        }
        if first.is_none() {
            self.missing_setting(
                ("kind-team", &t.name.name),
                "capacity",
                t.name.span,
                "capacity 40 per day",
            );
        }
        if let Some((h, again)) = t.hours.split_first() {
            for later in again {
                self.duplicate_setting("hours", later.span, h.span);
            }
            self.decls.model.teams[id].hours = self.hours(h);
        }
    }

    /// `hours DAYS FROM..TO`: a range of one day, so `to` must come after `from`
    /// (language v2 §10, "Empty ranges").
    fn hours(&mut self, h: &ast::Hours) -> Option<WorkHours> {
        if h.to.value <= h.from.value {
            let (from, to) = (h.from.value.to_string(), h.to.value.to_string());
            self.push(
                Diagnostic::new(
                    Code::EmptyRange,
                    msg!("empty-hours", from = &from, to = &to),
                    h.from.span.to(h.to.span),
                    msg!("empty-hours.label"),
                )
                .with_help(msg!("empty-hours.help", from = from, to = to)),
            );
            return None;
        }
        Some(WorkHours {
            days: h.days.as_ref().map_or(DaySet::DAILY, |d| d.value),
            from: h.from.value,
            to: h.to.value,
        })
    }

    /// Segments may refer to segments, but never back to themselves.
    fn segment_cycles(&mut self) {
        let n = self.decls.model.segments.len();
        let refs: Vec<Vec<usize>> = self
            .decls
            .model
            .segments
            .iter()
            .map(|s| {
                let mut out = Vec::new();
                segments_in(&s.cond, &mut out);
                out.into_iter().map(SegmentId::index).collect()
            })
            .collect();
        let mut reported = vec![false; n];
        for start in 0..n {
            if reported[start] {
                continue;
            }
            // Breadth-first search for a path from `start` back to itself.
            let mut parent: Vec<Option<usize>> = vec![None; n];
            let mut queue: std::collections::VecDeque<usize> =
                refs[start].iter().copied().collect();
            for &s in &refs[start] {
                parent[s].get_or_insert(start);
            }
            let mut closed = false;
            while let Some(s) = queue.pop_front() {
                if s == start {
                    closed = true;
                    break;
                }
                for &t in &refs[s] {
                    if parent[t].is_none() {
                        parent[t] = Some(s);
                        queue.push_back(t);
                    }
                }
            }
            if !closed {
                continue;
            }
            let mut path = Vec::new();
            let mut at = parent[start].expect("closed cycle");
            while at != start {
                path.push(at);
                at = parent[at].expect("path to start");
            }
            path.reverse();
            let seg = &self.decls.model.segments[start];
            let through: Vec<String> = path
                .iter()
                .map(|&i| self.decls.model.segments[i].name.clone())
                .collect();
            let message = match through.is_empty() {
                true => msg!("recursive-segment", name = &seg.name),
                false => msg!(
                    "recursive-segment.through",
                    name = &seg.name,
                    through = Arg::AllNames(through)
                ),
            };
            let mut d = Diagnostic::new(
                Code::RecursiveSegment,
                message,
                seg.span,
                msg!("recursive-segment.label"),
            )
            .with_help(msg!("recursive-segment.help"));
            for &i in &path {
                d = d.with_label(
                    self.decls.model.segments[i].span,
                    msg!("recursive-segment.part"),
                );
                reported[i] = true;
            }
            reported[start] = true;
            self.push(d);
        }
    }
}

/// Binds `name` unless an earlier item has it; `Err` holds that item's span.
/// Binds a declaration's name in its scope and, when the name is new, adds the
/// declaration's first model entry (its body is filled in later) and its use mark;
/// otherwise returns where the name was first declared.
fn bind_new<I: Id, T>(
    scope: &mut Scope<I>,
    entries: &mut Vec<T>,
    uses: &mut Vec<AtomicBool>,
    name: &ast::Ident,
    span_of: impl Fn(&T) -> Span,
    entry: impl FnOnce() -> T,
) -> Result<(), Span> {
    scope
        .declare(&name.name, I::from_index(entries.len()))
        .map_err(|earlier| span_of(&entries[earlier.index()]))?;
    entries.push(entry());
    uses.push(AtomicBool::new(false));
    Ok(())
}

fn bind<'a>(names: &mut FxHashMap<&'a str, Span>, name: &'a ast::Ident) -> Result<(), Span> {
    let earlier = *names.entry(&name.name).or_insert(name.span);
    if earlier == name.span {
        Ok(())
    } else {
        Err(earlier)
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_source;
    use crate::i18n::{words, Lang};

    #[test]
    fn a_cycle_through_several_segments_lists_them_all_in_either_language() {
        let text = "tag t: bool\nsegment a = b\nsegment b = c\nsegment c = a and t\n";
        let checked = check_source(text);
        let cycle = checked
            .diagnostics
            .iter()
            .find(|d| d.code.as_str() == "J0314")
            .expect("the cycle is reported");
        assert_eq!(
            words(&cycle.message, Lang::En),
            "segment `a` refers to itself through `b` and `c`"
        );
        assert_eq!(
            words(&cycle.message, Lang::Zh),
            "人群 `a` 通过 `b` 和 `c` 引用了它自己"
        );
    }
}

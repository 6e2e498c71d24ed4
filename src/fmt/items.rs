//! Top-level items: declarations and populations (journeys are in `journey.rs`).

use super::doc::{Blank, Printer};
use crate::source::Span;
use crate::syntax::ast::*;

impl Printer<'_> {
    /// Every item in source order; an item that takes more than one line is set off
    /// from its neighbours by a blank line.
    pub fn file(&mut self, file: &File) {
        // Imports come first, one a line, as written in the file; a blank line sets
        // them off from the declarations.
        for import in &file.imports {
            let text = format!("import {}", self.lit(&import.path));
            self.line(text, import.span);
        }
        let first = self.lines.len();
        self.set_off(&file.items, |p, item| {
            let first = p.lines.len();
            p.item(item);
            p.lines.len() - first > 1
        });
        if !file.imports.is_empty() && first < self.lines.len() {
            self.lines[first].blank = Blank::Always;
        }
    }

    /// Prints `children` with `print`, which says whether the child it printed is
    /// set off from its neighbours by blank lines.
    pub fn set_off<T>(&mut self, children: &[T], mut print: impl FnMut(&mut Self, &T) -> bool) {
        let mut prev = false;
        for (i, child) in children.iter().enumerate() {
            let first = self.lines.len();
            let this = print(self, child);
            if i > 0 && (this || prev) {
                self.lines[first].blank = Blank::Always;
            }
            prev = this;
        }
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Tag(t) => {
                let text = format!(
                    "tag {}{}: {}",
                    self.name(&t.name),
                    self.label(&t.label),
                    self.tag_type(&t.ty)
                );
                self.line(text, t.span);
            }
            Item::Event(e) => {
                let fields: Vec<_> = e
                    .fields
                    .iter()
                    .map(|f| format!("{}: {}", self.name(&f.name), self.field_type(f)))
                    .collect();
                let fields = if fields.is_empty() {
                    String::new()
                } else {
                    format!(" {{ {} }}", fields.join(", "))
                };
                let text = format!(
                    "event {}{}{fields}",
                    self.name(&e.name),
                    self.label(&e.label)
                );
                self.line(text, e.span);
            }
            Item::Touchpoint(t) => {
                self.declaration_block("touchpoint", &t.name, &t.label, t.span, true, |p| {
                    for s in &t.settings {
                        p.touchpoint_setting(s);
                    }
                });
            }
            Item::Segment(s) => {
                let text = format!(
                    "segment {}{} = {}",
                    self.name(&s.name),
                    self.label(&s.label),
                    self.cond(&s.cond)
                );
                self.line(text, s.span);
            }
            Item::Team(t) => {
                self.declaration_block("team", &t.name, &t.label, t.span, true, |p| {
                    // the lines in the order written, so comments stay beside them
                    let capacities = (t.capacities.iter())
                        .map(|c| (c.span, format!("capacity {}", p.limit_text(c))));
                    let hours = t.hours.iter().map(|h| (h.span, p.hours(h)));
                    let mut lines: Vec<(Span, String)> = capacities.chain(hours).collect();
                    lines.sort_by_key(|(span, _)| span.start);
                    for (span, text) in lines {
                        p.line(text, span);
                    }
                });
            }
            Item::Journey(j) => self.journey(j),
            Item::Policy(pol) => {
                self.declaration_block("policy", &pol.name, &pol.label, pol.span, true, |p| {
                    p.policy_lines(pol)
                });
            }
            Item::Population(pop) => {
                self.declaration_block("population", &pop.name, &pop.label, pop.span, false, |p| {
                    for s in &pop.settings {
                        p.population_setting(s);
                    }
                });
            }
        }
    }

    /// A policy's `limit` and `except` lines in source order (so that comments stay
    /// with them); the AST keeps every `except` name in one list, and a name starts a
    /// line when the word before it is `except`.
    fn policy_lines(&mut self, pol: &PolicyDecl) {
        let mut lines: Vec<(Span, String)> = (pol.limits.iter())
            .map(|l| (l.span, format!("limit {}", self.limit_text(l))))
            .collect();
        for name in &pol.except {
            let start = self.keyword_start(name.span);
            let word = self.name(name);
            match lines.last_mut() {
                Some((span, text)) if !self.src[start..].starts_with("except") => {
                    *span = Span::new(span.start, name.span.end);
                    text.push_str(&format!(", {word}"));
                }
                _ => lines.push((Span::new(start, name.span.end), format!("except {word}"))),
            }
        }
        lines.sort_by_key(|(span, _)| span.start);
        for (span, text) in lines {
            self.line(text, span);
        }
    }

    /// A `keyword NAME "label" { … }` block.
    pub fn declaration_block(
        &mut self,
        keyword: &str,
        name: &Ident,
        label: &Option<Str>,
        span: Span,
        fold: bool,
        body: impl FnOnce(&mut Self),
    ) {
        let head = format!("{keyword} {}{}", self.name(name), self.label(label));
        let head_end = label.as_ref().map_or(name.span.end, |l| l.span.end);
        let inside = self.inside_braces(head_end, span.end);
        self.block(head, span, inside, fold, body);
    }

    /// `hours weekday 09:00..18:00` (no days: every day).
    fn hours(&self, h: &Hours) -> String {
        let days = h.days.as_ref().map(|d| format!("{} ", self.days(d)));
        let (from, to) = (self.lit(&h.from), self.lit(&h.to));
        format!("hours {}{from}..{to}", days.unwrap_or_default())
    }

    fn field_type(&self, f: &FieldDecl) -> String {
        match f.ty {
            FieldType::Number => "number".into(),
            FieldType::Text => "text".into(),
            FieldType::Bool => "bool".into(),
            FieldType::Enum => self.tag_type(&TagType::Enum(f.variants.clone())),
        }
    }

    fn tag_type(&self, ty: &TagType) -> String {
        let variants = |vs: &[Ident]| {
            let names: Vec<_> = vs.iter().map(|v| self.name(v)).collect();
            names.join(", ")
        };
        match ty {
            TagType::Enum(vs) => format!("enum {{ {} }}", variants(vs)),
            TagType::Set(vs) => format!("set {{ {} }}", variants(vs)),
            TagType::Number(Some((low, high))) => format!("number {}", self.range(low, high)),
            TagType::Number(None) => "number".into(),
            TagType::Bool => "bool".into(),
            TagType::Text => "text".into(),
        }
    }

    /// `2 per day`.
    pub fn limit_text(&self, limit: &Limit) -> String {
        format!("{} per {}", self.lit(&limit.count), self.lit(&limit.period))
    }

    /// A setting `keyword value` whose AST span covers only the value.
    pub fn keyword_line(&mut self, keyword: &str, value: Span) {
        let text = format!("{keyword} {}", self.text(value));
        let start = self.keyword_start(value);
        self.line(text, Span::new(start, value.end));
    }

    fn touchpoint_setting(&mut self, setting: &TouchpointSetting) {
        match setting {
            TouchpointSetting::Channel(c) => self.keyword_line("channel", c.span),
            TouchpointSetting::Cost(n) => self.keyword_line("cost", n.span),
            TouchpointSetting::Limit(l) => {
                let text = format!("limit {}", self.limit_text(l));
                self.line(text, l.span);
            }
            TouchpointSetting::Quiet { from, to, span } => {
                let text = format!("quiet {}..{}", self.lit(from), self.lit(to));
                self.line(text, *span);
            }
            TouchpointSetting::Broadcast(span) => {
                self.line("broadcast".to_string(), *span);
            }
        }
    }

    fn population_setting(&mut self, setting: &PopulationSetting) {
        match setting {
            PopulationSetting::Size(n) => self.keyword_line("size", n.span),
            PopulationSetting::Days(n) => self.keyword_line("days", n.span),
            PopulationSetting::Start { date, clock, span } => {
                let clock = clock
                    .as_ref()
                    .map(|c| format!(" {}", self.lit(c)))
                    .unwrap_or_default();
                let text = format!("start {}{clock}", self.lit(date));
                self.line(text, *span);
            }
            PopulationSetting::Arrivals { event, over, span } => {
                let text = format!("arrivals {} over {}", self.name(event), self.lit(over));
                self.line(text, *span);
            }
            PopulationSetting::Tag { tag, dist, span } => {
                let head = format!("tag {}:", self.name(tag));
                let text = format!("{head} {}", self.distribution(dist));
                self.line(text, *span).align = Some(head.len());
            }
            PopulationSetting::Behavior(b) => {
                self.declaration_block("behavior", &b.event, &None, b.span, true, |p| {
                    for item in &b.items {
                        p.behavior_item(item);
                    }
                });
            }
            PopulationSetting::NoArrivals(span) => {
                self.line("arrivals none".to_string(), *span);
            }
            PopulationSetting::History {
                event,
                amount,
                within,
                span,
            } => {
                let amount = match amount {
                    HistoryAmount::Range { low, high, .. } => {
                        format!("{}..{}", self.lit(low), self.lit(high))
                    }
                    HistoryAmount::Share(p) => self.lit(p).to_string(),
                };
                let head = format!("history {}:", self.name(event));
                let text = format!("{head} {amount} within {}", self.lit(within));
                self.line(text, *span);
            }
        }
    }

    fn behavior_item(&mut self, item: &BehaviorItem) {
        let (text, span) = match item {
            BehaviorItem::Rate {
                percent,
                period,
                span,
            } => (
                format!("rate {} per {}", self.lit(percent), period.value.as_str()),
                span,
            ),
            BehaviorItem::If {
                cond,
                multiplier,
                span,
            } => (
                format!("if {}: {}", self.cond(cond), self.lit(multiplier)),
                span,
            ),
            BehaviorItem::AfterSend {
                touchpoint,
                within,
                effect,
                span,
            } => {
                let target = touchpoint.as_ref().map_or("any", |t| self.name(t));
                let (within, effect) = (self.lit(within), self.effect(effect));
                let text = format!("after send {target} within {within}: {effect}");
                (text, span)
            }
            BehaviorItem::AfterTask {
                team,
                within,
                effect,
                span,
            } => {
                let (team, within) = (self.name(team), self.lit(within));
                let text = format!("after task {team} within {within}: {}", self.effect(effect));
                (text, span)
            }
            BehaviorItem::Field { field, dist, span } => (
                format!("{}: {}", self.name(field), self.distribution(dist)),
                span,
            ),
            BehaviorItem::Once(span) => ("once".to_string(), span),
        };
        self.line(text, *span);
    }

    fn effect(&self, effect: &SendEffect) -> &str {
        match effect {
            SendEffect::Multiplier(m) => self.lit(m),
            SendEffect::Chance(c) => self.lit(c),
        }
    }

    fn distribution(&self, dist: &Distribution) -> String {
        match dist {
            Distribution::Uniform { low, high, .. } => {
                format!("uniform {}", self.range(low, high))
            }
            Distribution::Weighted(items, _) => {
                let items: Vec<_> = items
                    .iter()
                    .map(|(v, p)| format!("{} {}", self.value(v), self.lit(p)))
                    .collect();
                items.join(", ")
            }
            Distribution::Chance(p) => self.lit(p).to_string(),
        }
    }
}

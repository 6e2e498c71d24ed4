//! Journeys: settings, stages, rules and actions.

use super::doc::Printer;
use crate::source::Span;
use crate::syntax::ast::*;
use crate::units::Clock;

/// What a journey holds, in source order.
enum Child<'j> {
    Setting(&'j JourneySetting),
    /// A journey-wide rule.
    Rule(&'j Rule),
    Stage(&'j Stage),
}

impl Printer<'_> {
    /// Settings, journey-wide rules and stages in source order; every stage is set off
    /// by blank lines.
    pub fn journey(&mut self, j: &Journey) {
        let mut children: Vec<(usize, Child)> = j
            .settings
            .iter()
            .map(|s| (self.setting_start(s), Child::Setting(s)))
            .chain(j.rules.iter().map(|r| (r.span.start, Child::Rule(r))))
            .chain(j.stages.iter().map(|s| (s.span.start, Child::Stage(s))))
            .collect();
        children.sort_by_key(|c| c.0);
        self.declaration_block("journey", &j.name, &j.label, j.span, false, |p| {
            p.set_off(&children, |p, (_, child)| match child {
                Child::Stage(stage) => {
                    p.stage(stage);
                    true
                }
                Child::Setting(setting) => {
                    p.journey_setting(setting);
                    false
                }
                Child::Rule(rule) => {
                    p.rule(rule);
                    false
                }
            });
        });
    }

    fn setting_start(&self, s: &JourneySetting) -> usize {
        match s {
            JourneySetting::Timezone(v) => self.keyword_start(v.span),
            JourneySetting::Holdout(v) => self.keyword_start(v.span),
            JourneySetting::Entry(Entry::On { span, .. } | Entry::When(_, span))
            | JourneySetting::Exit(ExitLine::On(_, _, span) | ExitLine::When(_, span)) => {
                span.start
            }
            JourneySetting::Reentry(r) => r.span.start,
            JourneySetting::Goal(g) => g.span.start,
            JourneySetting::Limit(l) => l.span.start,
            JourneySetting::Priority(_, span) => span.start,
        }
    }

    fn journey_setting(&mut self, s: &JourneySetting) {
        let (text, span) = match s {
            JourneySetting::Timezone(v) => return self.keyword_line("timezone", v.span),
            JourneySetting::Holdout(v) => return self.keyword_line("holdout", v.span),
            JourneySetting::Entry(Entry::On { event, cond, span }) => {
                let cond = cond
                    .as_ref()
                    .map(|c| format!(" if {}", self.cond(c)))
                    .unwrap_or_default();
                (format!("entry on {}{cond}", self.name(event)), span)
            }
            JourneySetting::Entry(Entry::When(c, span)) => {
                (format!("entry when {}", self.cond(c)), span)
            }
            JourneySetting::Reentry(r) => {
                // The AST keeps the duration's value only: take `after 90d` as written.
                (self.words(r.span).join(" "), &r.span)
            }
            JourneySetting::Exit(ExitLine::On(event, cond, span)) => {
                let cond = cond
                    .as_ref()
                    .map(|c| format!(" if {}", self.cond(c)))
                    .unwrap_or_default();
                (format!("exit on {}{cond}", self.name(event)), span)
            }
            JourneySetting::Exit(ExitLine::When(c, span)) => {
                (format!("exit when {}", self.cond(c)), span)
            }
            JourneySetting::Goal(g) => {
                let reach = match &g.reach {
                    Reach::Event { event, cond } => format!(
                        "{}{}",
                        self.name(event),
                        cond.as_ref()
                            .map(|c| format!(" if {}", self.cond(c)))
                            .unwrap_or_default()
                    ),
                    Reach::When(c) => format!("when {}", self.cond(c)),
                };
                let from = (g.from.as_ref())
                    .map(|s| format!(" from stage {}", self.name(s)))
                    .unwrap_or_default();
                let name = self.name(&g.name);
                let within = self.within(&g.within);
                (format!("goal {name}: {reach}{within}{from}"), &g.span)
            }
            JourneySetting::Limit(l) => (format!("limit {}", self.limit_text(l)), &l.span),
            JourneySetting::Priority(v, span) => (format!("priority {}", self.value(v)), span),
        };
        self.line(text, *span);
    }

    fn stage(&mut self, stage: &Stage) {
        self.declaration_block("stage", &stage.name, &stage.label, stage.span, true, |p| {
            for rule in &stage.rules {
                p.rule(rule);
            }
        });
    }

    /// ` at 10:00, 20:00`: the clocks of an `every` trigger.
    fn at_clocks(&self, clocks: &[Spanned<Clock>]) -> String {
        let clocks: Vec<_> = clocks.iter().map(|c| self.lit(c)).collect();
        format!(" at {}", clocks.join(", "))
    }

    fn rule(&mut self, rule: &Rule) {
        let mut head = match &rule.trigger {
            Trigger::Enter(_) => "on enter".to_string(),
            Trigger::Exit(_) => "on exit".to_string(),
            Trigger::Event(e) => format!("on {}", self.name(e)),
            Trigger::When(c, _) => format!("when {}", self.cond(c)),
            Trigger::After(d, _) => format!("after {}", self.lit(d)),
            Trigger::Every { days, clocks, .. } => {
                let mut text = format!("every {}", self.days(days));
                if !clocks.is_empty() {
                    text += &self.at_clocks(clocks);
                }
                text
            }
            Trigger::EveryMonth { days, clocks, .. } => {
                let mut text = format!("every month on {}", self.days(days));
                if !clocks.is_empty() {
                    text += &self.at_clocks(clocks);
                }
                text
            }
            Trigger::Date(d) => match &d.at {
                Some(at) => format!("on {} at {}", self.lit(&d.date), self.lit(at)),
                None => format!("on {}", self.lit(&d.date)),
            },
        };
        let mut head_end = rule.trigger.span().end;
        let t = &rule.timing;
        if let Some(after) = &t.after {
            head += &format!(" after {}", self.lit(after));
            head_end = after.span.end;
        }
        if let Some(days) = &t.days {
            head += &format!(" on {}", self.days(days));
            head_end = days.span.end;
        }
        if let Some(at) = &t.at {
            head += &format!(" at {}", self.lit(at));
            head_end = at.span.end;
        }
        if let Some(guard) = &rule.guard {
            let word = if guard.negated { "unless" } else { "if" };
            head += &format!(" {word} {}", self.cond(&guard.cond));
            head_end = guard.span.end;
        }
        match &rule.body {
            RuleBody::Transition(stage) => {
                let text = format!("{head} -> {}", self.name(stage));
                self.line(text, rule.span);
            }
            RuleBody::Actions(actions) => {
                let inside = self.actions_inside(head_end, rule.span);
                self.actions(head, rule.span, inside, actions);
            }
        }
    }

    /// Where the actions of a rule or arm (`head: …`, the head ending at
    /// `head_end`) are: inside their braces, or after the `:` when there are none.
    fn actions_inside(&self, head_end: usize, span: Span) -> Span {
        let colon = self.next_code(self.prev_code_end(head_end));
        let first = self.next_code(colon + 1);
        if self.src.as_bytes()[first] == b'{' {
            self.inside_braces(colon + 1, span.end)
        } else {
            Span::new(colon + 1, self.end(span))
        }
    }

    /// `head: action` on one line when there is a single action and no comment
    /// among the actions; otherwise `head: { … }` with one action per line.
    fn actions(&mut self, head: String, span: Span, inside: Span, actions: &[Action]) {
        let braced = match actions {
            // A comment inside a lone split's braces (`head: split {  # note`) is
            // the split's own: its block keeps it, the rule needs no braces.
            [Action::Split { span: split, .. }] => {
                self.has_comment(Span::new(inside.start, split.start))
                    || self.has_comment(Span::new(split.end, inside.end))
            }
            // A lone `if` is a block: its `else` lines would otherwise follow the
            // head, and an `else` after an `if` nested without braces binds to it.
            [Action::If { .. }] => true,
            [_] => self.has_comment(inside),
            _ => true,
        };
        match actions {
            [Action::Split {
                name,
                arms,
                span: split,
            }] if !braced => self.split(&format!("{head}: "), span.start, *split, name, arms),
            [action] if !braced => {
                let text = format!("{head}: {}", self.action_text(action));
                self.line(text, span);
            }
            _ => self.block(format!("{head}:"), span, inside, false, |p| {
                for action in actions {
                    p.action(action);
                }
            }),
        }
    }

    fn action(&mut self, action: &Action) {
        match action {
            Action::Split { name, arms, span } => self.split("", span.start, *span, name, arms),
            Action::If { branches, .. } => self.branches(branches),
            _ => {
                let text = self.action_text(action);
                self.line(text, action.span());
            }
        }
    }

    /// `split NAME? { … }` with one arm per line; `prefix` is the rule head when the
    /// split is the rule's only action.
    fn split(
        &mut self,
        prefix: &str,
        start: usize,
        split: Span,
        name: &Option<Ident>,
        arms: &[SplitArm],
    ) {
        let span = Span::new(start, split.end);
        let head_end = name
            .as_ref()
            .map_or(split.start + "split".len(), |n| n.span.end);
        let inside = self.inside_braces(head_end, split.end);
        let named = name.as_ref().map(|n| format!(" {}", self.name(n)));
        let head = format!("{prefix}split{}", named.unwrap_or_default());
        self.block(head, span, inside, false, |p| {
            for arm in arms {
                let head = format!("{} {}", p.lit(&arm.percent), p.name(&arm.name));
                let inside = p.actions_inside(arm.name.span.end, arm.span);
                p.actions(head, arm.span, inside, &arm.actions);
            }
        });
    }

    /// An `if` chain, a line (or block) per branch: `if C: …`, `else if C: …`,
    /// `else: …`, each laid out as a split arm is.
    fn branches(&mut self, branches: &[Branch]) {
        for (i, b) in branches.iter().enumerate() {
            let head = match (&b.cond, i) {
                (Some(c), 0) => format!("if {}", self.cond(c)),
                (Some(c), _) => format!("else if {}", self.cond(c)),
                (None, _) => "else".to_string(),
            };
            let inside = self.actions_inside(b.head.end, b.span);
            self.actions(head, b.span, inside, &b.actions);
        }
    }

    fn action_text(&self, action: &Action) -> String {
        match action {
            Action::Send {
                touchpoint,
                template,
                ..
            } => format!("send {} {}", self.name(touchpoint), self.lit(template)),
            Action::TagSet { tag, value, .. } => match value {
                Some(v) => format!("tag {} = {}", self.name(tag), self.value(v)),
                None => format!("tag {}", self.name(tag)),
            },
            Action::TagAdd { tag, value, .. } => {
                format!("tag {} += {}", self.name(tag), self.value(value))
            }
            Action::TagRemove { tag, value, .. } => {
                format!("tag {} -= {}", self.name(tag), self.value(value))
            }
            Action::TagField { tag, field, .. } => {
                format!("tag {} = {}", self.name(tag), self.field_ref(field))
            }
            Action::Untag { tag, .. } => format!("untag {}", self.name(tag)),
            Action::Goto { stage, .. } => format!("goto {}", self.name(stage)),
            Action::Enter { journey, .. } => format!("enter {}", self.name(journey)),
            Action::Exit { reason, .. } => match reason {
                Some(r) => format!("exit {}", self.lit(r)),
                None => "exit".into(),
            },
            Action::Task {
                team, text, within, ..
            } => {
                let within = within.as_ref().map(|d| format!(" within {}", self.lit(d)));
                let (team, text) = (self.name(team), self.lit(text));
                format!("task {team} {text}{}", within.unwrap_or_default())
            }
            Action::Split { .. } => unreachable!("splits are blocks, printed by `split`"),
            Action::If { .. } => unreachable!("if chains are printed by `branches`"),
        }
    }
}

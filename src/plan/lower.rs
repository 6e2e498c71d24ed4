//! Checked model → plan: ids become names, units become plain numbers, spans
//! become line and column, and defaults are written out.

use super::action::LowerActions;
use super::types::*;
use crate::check::model as m;
use crate::source::{Locate, Span};
use crate::syntax::ast::{self, CmpOp};
use crate::units::{Clock, DaySet, Duration, Weekday};
use std::fmt;

/// `--journey NAME` named no journey of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoSuchJourney {
    pub name: String,
    pub available: Vec<String>,
}

impl fmt::Display for NoSuchJourney {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "there is no journey named `{}`", self.name)?;
        match self.available.as_slice() {
            [] => f.write_str("; the file declares no journey"),
            names => write!(f, "; the file's journeys are: {}", names.join(", ")),
        }
    }
}

impl std::error::Error for NoSuchJourney {}

/// Lowers a checked model into a plan: every journey, or only `journey` when given.
/// `file` locates the model's spans: one file, or a project's files (each location
/// then names its own file).
pub fn lower(
    model: &m::Model,
    file: &dyn Locate,
    journey: Option<&str>,
) -> Result<Plan, NoSuchJourney> {
    let selected: Vec<&m::Journey> = match journey {
        None => model.journeys.iter().collect(),
        Some(name) => {
            let found = model.journeys.iter().find(|j| j.name == name);
            vec![found.ok_or_else(|| NoSuchJourney {
                name: name.to_string(),
                available: model.journeys.iter().map(|j| j.name.clone()).collect(),
            })?]
        }
    };
    let cx = Lower { model, file };
    Ok(Plan {
        format: Format::JourneyPlan,
        version: super::Version,
        source: Source {
            file: file.name().to_string(),
        },
        tags: model.tags.iter().map(|t| cx.tag(t)).collect(),
        events: model.events.iter().map(|e| cx.event(e)).collect(),
        touchpoints: model.touchpoints.iter().map(|t| cx.touchpoint(t)).collect(),
        segments: model.segments.iter().map(|s| cx.segment(s)).collect(),
        teams: model.teams.iter().map(|t| cx.team(t)).collect(),
        journeys: selected.into_iter().map(|j| cx.journey(j)).collect(),
        policies: model.policies.iter().map(|p| cx.policy(p)).collect(),
    })
}

struct Lower<'a> {
    model: &'a m::Model,
    file: &'a dyn Locate,
}

/// The stages of the journey being lowered, for `in stage` and transitions.
type Stages<'a> = &'a [m::Stage];

impl Lower<'_> {
    fn span(&self, span: Span) -> Location {
        let p = self.file.position(span.start);
        Location {
            file: self.file.file_name(span.start).to_string(),
            line: p.line as u32,
            column: p.column as u32,
        }
    }

    fn tag(&self, t: &m::Tag) -> Tag {
        let ty = match &t.ty {
            m::TagType::Enum(values) => TagType::Enum {
                values: values.clone(),
            },
            m::TagType::Set(values) => TagType::Set {
                values: values.clone(),
            },
            m::TagType::Number { range } => TagType::Number {
                range: range.map(|(min, max)| Range { min, max }),
            },
            m::TagType::Bool => TagType::Bool,
            m::TagType::Text => TagType::Text,
        };
        Tag {
            name: t.name.clone(),
            label: t.label.clone(),
            ty,
            span: self.span(t.span),
        }
    }

    fn event(&self, e: &m::Event) -> Event {
        let fields = e.fields.iter().map(|f| Field {
            name: f.name.clone(),
            ty: match f.ty {
                ast::FieldType::Number => FieldType::Number,
                ast::FieldType::Text => FieldType::Text,
                ast::FieldType::Bool => FieldType::Bool,
                ast::FieldType::Enum => FieldType::Enum,
            },
            variants: f.variants.clone(),
        });
        Event {
            name: e.name.clone(),
            label: e.label.clone(),
            fields: fields.collect(),
            span: self.span(e.span),
        }
    }

    fn touchpoint(&self, t: &m::Touchpoint) -> Touchpoint {
        Touchpoint {
            name: t.name.clone(),
            label: t.label.clone(),
            channel: channel(t.channel),
            limits: t.limits.iter().map(limit).collect(),
            quiet: t.quiet.map(|q| Quiet {
                from: q.from.minutes(),
                to: q.to.minutes(),
            }),
            cost: t.cost,
            broadcast: t.broadcast,
            span: self.span(t.span),
        }
    }

    fn segment(&self, s: &m::Segment) -> Segment {
        Segment {
            name: s.name.clone(),
            label: s.label.clone(),
            condition: self.cond(&s.cond, &[]),
            span: self.span(s.span),
        }
    }

    fn team(&self, t: &m::Team) -> Team {
        Team {
            name: t.name.clone(),
            label: t.label.clone(),
            capacity_per_day: t.capacity_per_day,
            hours: t.hours.map(|h| Hours {
                days: days(h.days),
                from: h.from.minutes(),
                to: h.to.minutes(),
            }),
            span: self.span(t.span),
        }
    }

    fn policy(&self, p: &m::Policy) -> Policy {
        Policy {
            name: p.name.clone(),
            label: p.label.clone(),
            limits: p.limits.iter().map(limit).collect(),
            except: (p.except.iter())
                .map(|t| self.model.touchpoint(*t).name.clone())
                .collect(),
            span: self.span(p.span),
        }
    }

    fn journey(&self, j: &m::Journey) -> Journey {
        let stages = j.stages.as_slice();
        let entry = match &j.entry {
            m::Entry::On { event, cond } => Entry::Event {
                event: self.event_name(*event),
                condition: cond.as_ref().map(|c| self.cond(c, stages)),
            },
            m::Entry::When(c) => Entry::When {
                condition: self.cond(c, stages),
            },
        };
        let exits = j.exits.iter().map(|e| match e {
            m::ExitLine::On(event, cond) => ExitLine::Event {
                event: self.event_name(*event),
                condition: cond.as_ref().map(|c| self.cond(c, stages)),
            },
            m::ExitLine::When(c) => ExitLine::When {
                condition: self.cond(c, stages),
            },
        });
        let goals = j.goals.iter().map(|g| Goal {
            name: g.name.clone(),
            event: match g.reach {
                m::Reach::Event { event, .. } => Some(self.event_name(event)),
                m::Reach::When(_) => None,
            },
            condition: g.cond().map(|c| self.cond(c, stages)),
            within_seconds: g.within.map(Duration::seconds),
            from_stage: g.from.map(|s| stages[s.index()].name.clone()),
            span: self.span(g.span),
        });
        Journey {
            name: j.name.clone(),
            label: j.label.clone(),
            timezone: j.timezone.name().to_string(),
            entry,
            reentry: match j.reentry {
                m::Reentry::Never => Reentry::Never,
                m::Reentry::Always => Reentry::Always,
                m::Reentry::After(d) => Reentry::After {
                    seconds: d.seconds(),
                },
            },
            exits: exits.collect(),
            goals: goals.collect(),
            holdout_percent: j.holdout.value(),
            limits: j.limits.iter().map(limit).collect(),
            priority: j.priority,
            // keyed `*/N`, the `*` standing for any stage, as the report names their splits
            rules: (j.rules.iter().enumerate())
                .map(|(i, r)| self.rule(r, stages, &format!("*/{i}")))
                .collect(),
            entry_stage: stages.first().map(|s| s.name.clone()).unwrap_or_default(),
            stages: stages.iter().map(|s| self.stage(s, stages)).collect(),
            span: self.span(j.span),
        }
    }

    fn stage(&self, s: &m::Stage, stages: Stages) -> Stage {
        let rules = s.rules.iter().enumerate().map(|(i, r)| {
            let key = format!("{}/{i}", s.name);
            self.rule(r, stages, &key)
        });
        Stage {
            name: s.name.clone(),
            label: s.label.clone(),
            rules: rules.collect(),
            span: self.span(s.span),
        }
    }

    /// `key` names the rule's position (`stage/rule`) for the keys of its splits.
    fn rule(&self, r: &m::Rule, stages: Stages, key: &str) -> Rule {
        let trigger = match &r.trigger {
            m::Trigger::Enter => Trigger::Enter,
            m::Trigger::Exit => Trigger::Exit,
            m::Trigger::Event(e) => Trigger::Event {
                event: self.event_name(*e),
            },
            m::Trigger::When(c) => Trigger::When {
                condition: self.cond(c, stages),
            },
            m::Trigger::After(d) => Trigger::After {
                seconds: d.seconds(),
            },
            m::Trigger::Dates { dates, clocks, .. } => {
                let at = clocks.iter().map(|c| c.minutes()).collect();
                match dates {
                    m::Dates::Month(days) => Trigger::MonthDays {
                        days: days.numbered().collect(),
                        last: days.has_last(),
                        at,
                    },
                    m::Dates::On(date) => Trigger::Date {
                        date: date.to_string(),
                        at: clocks[0].minutes(),
                    },
                }
            }
            m::Trigger::Every {
                days: set, clocks, ..
            } => Trigger::Every {
                days: days(*set),
                // `every` without `at` fires at 00:00.
                at: if clocks.is_empty() {
                    vec![0]
                } else {
                    clocks.iter().map(|c| c.minutes()).collect()
                },
            },
        };
        let timing = Timing {
            after_seconds: r.timing.after.map(Duration::seconds),
            days: r.timing.days.map(days),
            at: r.timing.at.map(Clock::minutes),
        };
        let guard = r.guard.as_ref().map(|g| {
            let c = self.cond(&g.cond, stages);
            if g.negated {
                Guard::Unless(c)
            } else {
                Guard::If(c)
            }
        });
        let then = match &r.body {
            m::Body::Transition(s) => Then::Transition(stage_name(stages, *s)),
            m::Body::Actions(actions) => {
                let lower = LowerActions {
                    model: self.model,
                    stages,
                    cond: &|c| self.cond(c, stages),
                };
                Then::Actions(lower.actions(actions, key))
            }
        };
        Rule {
            trigger,
            timing,
            guard,
            then,
            span: self.span(r.span),
        }
    }

    fn cond(&self, c: &m::Cond, stages: Stages) -> Condition {
        let all = |cs: &[m::Spanned<m::Cond>]| cs.iter().map(|c| self.cond(c, stages)).collect();
        match c {
            m::Cond::And(cs) => Condition::And { args: all(cs) },
            m::Cond::Or(cs) => Condition::Or { args: all(cs) },
            m::Cond::Not(c) => Condition::Not {
                arg: Box::new(self.cond(c, stages)),
            },
            m::Cond::Flag(tag) => Condition::Flag {
                tag: self.tag_name(*tag),
            },
            m::Cond::Segment(s) => Condition::Segment {
                segment: self.model.segment(*s).name.clone(),
            },
            m::Cond::Compare { left, op, right } => Condition::Compare {
                left: self.operand(left),
                cmp: cmp(*op),
                right: self.operand(right),
            },
            m::Cond::EnumIs {
                tag,
                variant,
                negated,
            } => self.equality(*tag, self.variant(*tag, *variant), *negated),
            m::Cond::TextIs {
                tag,
                value,
                negated,
            } => self.equality(*tag, value.clone(), *negated),
            m::Cond::EnumIn { tag, variants } => Condition::In {
                tag: self.tag_name(*tag),
                values: variants
                    .iter()
                    .map(|v| Value::Text(self.variant(*tag, *v)))
                    .collect(),
            },
            m::Cond::TextIn { tag, values } => Condition::In {
                tag: self.tag_name(*tag),
                values: values.iter().cloned().map(Value::Text).collect(),
            },
            m::Cond::NumberIn { tag, values } => Condition::In {
                tag: self.tag_name(*tag),
                values: values.iter().copied().map(Value::Number).collect(),
            },
            m::Cond::Has { tag, member } => Condition::Has {
                tag: self.tag_name(*tag),
                value: self.variant(*tag, *member),
            },
            m::Cond::Between { tag, low, high } => Condition::Between {
                tag: self.tag_name(*tag),
                low: *low,
                high: *high,
            },
            m::Cond::Did { event, within } => Condition::Did {
                event: self.event_name(*event),
                within_seconds: within.map(Duration::seconds),
            },
            m::Cond::Inactive(d) => Condition::Inactive {
                seconds: d.seconds(),
            },
            m::Cond::TodayIn(r) => Condition::TodayIn {
                first: r.first.to_string(),
                last: r.last.to_string(),
            },
            m::Cond::InStage(s) => Condition::InStage {
                stage: stage_name(stages, *s),
            },
            m::Cond::Field {
                event,
                field,
                op,
                value,
            } => {
                let decl = &self.model.event(*event).fields[field.0 as usize];
                Condition::Field {
                    event: self.event_name(*event),
                    field: decl.name.clone(),
                    cmp: cmp(*op),
                    value: match value {
                        m::TagValue::Bool(b) => Value::Bool(*b),
                        m::TagValue::Number(n) => Value::Number(*n),
                        m::TagValue::Text(t) => Value::Text(t.clone()),
                        m::TagValue::Variant(i) => Value::Text(decl.variants[*i as usize].clone()),
                    },
                }
            }
        }
    }

    fn equality(&self, tag: m::TagId, value: String, negated: bool) -> Condition {
        let tag = self.tag_name(tag);
        if negated {
            Condition::Ne { tag, value }
        } else {
            Condition::Eq { tag, value }
        }
    }

    fn operand(&self, n: &m::NumExpr) -> Operand {
        match n {
            m::NumExpr::Const(value) => Operand::Number { value: *value },
            m::NumExpr::Tag(tag) => Operand::Tag {
                tag: self.tag_name(*tag),
            },
            m::NumExpr::Count { event, window } => Operand::Count {
                event: self.event_name(*event),
                within_seconds: window.map(Duration::seconds),
            },
            m::NumExpr::Sum {
                event,
                field,
                window,
            } => Operand::Sum {
                event: self.event_name(*event),
                field: self.model.event(*event).fields[field.0 as usize]
                    .name
                    .clone(),
                within_seconds: window.map(Duration::seconds),
            },
            m::NumExpr::DaysSince(event) => Operand::DaysSince {
                event: self.event_name(*event),
            },
        }
    }

    /// The name of variant (or set member) `index` of an enum (or set) tag.
    fn variant(&self, tag: m::TagId, index: u32) -> String {
        self.model.variant_name(tag, index).to_string()
    }

    fn tag_name(&self, id: m::TagId) -> String {
        self.model.tag(id).name.clone()
    }

    fn event_name(&self, id: m::EventId) -> String {
        self.model.event(id).name.clone()
    }
}

fn stage_name(stages: Stages, id: m::StageId) -> String {
    stages[id.index()].name.clone()
}

fn limit(l: &m::Limit) -> Limit {
    use crate::units::{LimitPeriod, Period as P};
    let (per, window_seconds) = match l.period {
        LimitPeriod::Calendar(P::Day) => (Period::Day, None),
        LimitPeriod::Calendar(P::Week) => (Period::Week, None),
        LimitPeriod::Calendar(P::Month) => (Period::Month, None),
        LimitPeriod::Rolling(d) => (Period::Rolling, Some(d.seconds())),
    };
    Limit {
        count: l.count,
        per,
        window_seconds,
    }
}

fn channel(c: m::Channel) -> Channel {
    match c {
        m::Channel::Wecom => Channel::Wecom,
        m::Channel::Group => Channel::Group,
        m::Channel::OfficialAccount => Channel::OfficialAccount,
        m::Channel::Moments => Channel::Moments,
        m::Channel::Miniprogram => Channel::Miniprogram,
        m::Channel::Channels => Channel::Channels,
        m::Channel::Live => Channel::Live,
        m::Channel::Sms => Channel::Sms,
        m::Channel::Email => Channel::Email,
        m::Channel::Push => Channel::Push,
    }
}

fn cmp(op: CmpOp) -> Cmp {
    match op {
        CmpOp::Eq => Cmp::Eq,
        CmpOp::Ne => Cmp::Ne,
        CmpOp::Lt => Cmp::Lt,
        CmpOp::Le => Cmp::Le,
        CmpOp::Gt => Cmp::Gt,
        CmpOp::Ge => Cmp::Ge,
    }
}

/// A day set as the list of its days, Monday first.
fn days(set: DaySet) -> Vec<Day> {
    const DAYS: [Day; 7] = [
        Day::Mon,
        Day::Tue,
        Day::Wed,
        Day::Thu,
        Day::Fri,
        Day::Sat,
        Day::Sun,
    ];
    set.days().map(|d: Weekday| DAYS[d as usize]).collect()
}

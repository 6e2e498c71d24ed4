//! The timeline `journey simulate --trace` prints: one line per note, in the reader's
//! language (src/i18n/*/trace.ftl). Names, templates and source text stay as written.

use super::{Leave, Note, Observer, Read, SendOutcome, Skip};
use crate::check::model::TagType;
use crate::i18n::{msg, words, Arg, Lang, Message};
use crate::sim::calendar::{Calendar, Time};
use crate::sim::loops::{loop_text, LoopGuard, MAX_ITEMS_PER_MOMENT, MAX_LOOP_STEPS};
use crate::sim::program::{Cap, Program, Slot, JOURNEY_WIDE, NO_POLICY, ROLLING, UNSET};
use crate::units::{Duration, Period};
use std::fmt::Write;

/// Writes a readable timeline, one line per note; the notes of a rule's actions are
/// indented under the rule.
pub struct Timeline<'a> {
    pub(super) prog: &'a Program<'a>,
    pub(super) cal: &'a Calendar,
    pub(super) lang: Lang,
    /// The rules firing now, nested (a `goto` fires the old stage's `on exit` rules).
    depth: usize,
    /// A project's files in the closure's text: name, first line (from 0).
    files: &'a [(String, usize)],
    pub out: String,
}

impl Observer for Timeline<'_> {
    const ON: bool = true;

    fn note(&mut self, t: Time, tags: &[Slot], note: Note) {
        if let Some((time, text)) = self.entry(t, tags, &note) {
            let _ = writeln!(self.out, "{time}  {text}");
        }
    }
}

impl<'a> Timeline<'a> {
    pub fn new(prog: &'a Program<'a>, cal: &'a Calendar, lang: Lang) -> Timeline<'a> {
        Timeline {
            prog,
            cal,
            lang,
            depth: 0,
            files: &[],
            out: String::new(),
        }
    }

    /// Names rules by their line in their own file, for a project simulated from the
    /// text of its files end to end (`files`: each one's name and the line it starts
    /// at, from 0, in order); none for one file, whose lines are its own.
    pub fn in_files(self, files: &'a [(String, usize)]) -> Timeline<'a> {
        Timeline { files, ..self }
    }

    /// The line of `note`: its moment, and its words indented under the rule firing
    /// (`None` for [`Note::RuleDone`], which only closes the rule).
    pub(super) fn entry(
        &mut self,
        t: Time,
        tags: &[Slot],
        note: &Note,
    ) -> Option<(String, String)> {
        if let Note::RuleDone = note {
            self.depth = self.depth.saturating_sub(1);
            return None;
        }
        let line = words(&self.describe(tags, note), self.lang);
        let indent = "  ".repeat(self.depth);
        if let Note::Fired { .. } = note {
            self.depth += 1;
        }
        Some((self.time(t), format!("{indent}{line}")))
    }

    /// `2026-03-03 11:14:39 Tue` / `2026-03-03 11:14:39 周二`.
    pub(super) fn time(&self, t: Time) -> String {
        let weekday = self.cal.weekday(self.cal.day_of(t)) as u64;
        let day = words(&msg!("trace-weekday", day = weekday), self.lang);
        format!("{} {day}", self.cal.format(t))
    }

    /// An event with its drawn fields; `past` for a `history` event.
    fn event(&self, event: usize, fields: &[(usize, f64)], past: bool) -> Message {
        let e = &self.prog.model.events[event];
        let fs: Vec<String> = (fields.iter())
            .map(|(f, v)| {
                format!(
                    "{}={}",
                    e.fields[*f].name,
                    self.prog.field_text(event, *f, *v)
                )
            })
            .collect();
        match (past, fs.is_empty()) {
            (false, true) => msg!("trace-event", event = &e.name),
            (false, false) => msg!(
                "trace-event-fields",
                event = &e.name,
                fields = fs.join(", ")
            ),
            (true, true) => msg!("trace-past-event", event = &e.name),
            (true, false) => {
                msg!(
                    "trace-past-event-fields",
                    event = &e.name,
                    fields = fs.join(", ")
                )
            }
        }
    }

    fn describe(&self, tags: &[Slot], note: &Note) -> Message {
        let p = self.prog;
        let m = p.model;
        let stage = |s: usize| p.stage_name(s);
        match note {
            Note::Tags => {
                let parts: Vec<String> = (m.tags.iter().enumerate())
                    .map(|(i, t)| format!("{}={}", t.name, self.value(i, tags[i])))
                    .collect();
                msg!("trace-tags", tags = parts.join(", "))
            }
            Note::Group { holdout } => {
                let share = p.journey.holdout.to_string();
                if *holdout {
                    msg!("trace-group-holdout", holdout = share)
                } else {
                    msg!("trace-group-treatment", holdout = share)
                }
            }
            Note::Arrival { event } => msg!("trace-arrival", event = &m.events[*event].name),
            Note::NoArrival { at } => msg!("trace-no-arrival", time = self.time(*at)),
            Note::Event { event, fields } => self.event(*event, fields, false),
            Note::FromStart => msg!("trace-from-start"),
            Note::Past { event, fields } => self.event(*event, fields, true),
            Note::EnterJourney => msg!("trace-enter-journey", journey = &p.journey.name),
            Note::Stage { from: None, to } => msg!("trace-stage-first", stage = stage(*to)),
            Note::Stage { from: Some(f), to } => {
                msg!("trace-stage", from = stage(*f), to = stage(*to))
            }
            Note::Fired { stage: s, rule: r } => msg!("trace-fired", rule = self.rule(*s, *r)),
            // never printed: `note` only closes the rule
            Note::RuleDone => Message::Text(String::new()),
            Note::Skipped {
                stage: s,
                rule: r,
                why: Skip::StageLeft,
            } if *s == JOURNEY_WIDE => msg!("trace-skipped-journey-left", rule = self.rule(*s, *r)),
            Note::Skipped {
                stage: s,
                rule: r,
                why: Skip::StageLeft,
            } => msg!("trace-skipped-left", rule = self.rule(*s, *r)),
            Note::Skipped {
                stage: s,
                rule: r,
                why: Skip::GuardFalse { reads },
            } => {
                let rule = &p.rules_of(*s).rules[*r];
                let values = Arg::Each(reads.iter().map(|read| self.read(read)).collect());
                let (head, guard) = (self.rule(*s, *r), rule.guard_text.as_str());
                if rule.guard.is_some_and(|g| g.negated) {
                    msg!(
                        "trace-skipped-unless",
                        rule = head,
                        values = values,
                        guard = guard
                    )
                } else {
                    msg!(
                        "trace-skipped-guard",
                        rule = head,
                        values = values,
                        guard = guard
                    )
                }
            }
            Note::Send {
                tp,
                template,
                outcome,
            } => self.send(*tp, *template, *outcome),
            Note::SendCancelled { tp, template } => {
                msg!("trace-send-cancelled", send = self.what(*tp, *template))
            }
            Note::Tag { tag, value } => msg!(
                "trace-tag",
                tag = &m.tags[*tag].name,
                value = self.value(*tag, *value)
            ),
            Note::Task {
                team,
                text,
                created: false,
            } => msg!(
                "trace-task-suppressed",
                team = &m.teams[*team].name,
                text = p.task_texts[*text as usize]
            ),
            Note::Task {
                team,
                text,
                created: true,
            } => {
                let team = &m.teams[*team];
                msg!(
                    "trace-task",
                    team = &team.name,
                    text = p.task_texts[*text as usize],
                    capacity = u64::from(team.capacity_per_day)
                )
            }
            // a portfolio that runs the journey enters it once the rule is done
            Note::Enter { journey } => {
                match p.portfolio.as_ref().is_some_and(|r| r[*journey].is_some()) {
                    true => msg!("trace-enter-run", journey = &m.journeys[*journey].name),
                    false => msg!("trace-enter", journey = &m.journeys[*journey].name),
                }
            }
            Note::Split { split, arm } => match arm {
                Some(a) => msg!("trace-split-arm", arm = p.splits[*split].arms[*a].name),
                None => msg!("trace-split-holdout"),
            },
            Note::Branch {
                chain,
                branch,
                reads,
            } => {
                let values = Arg::Each(reads.iter().map(|read| self.read(read)).collect());
                match branch {
                    Some(b) => msg!(
                        "trace-branch",
                        branch = &p.ifs[*chain].branches[*b].text,
                        values = values
                    ),
                    None => msg!("trace-branch-none", values = values),
                }
            }
            Note::ExitJourney { why } => {
                let why = match why {
                    Leave::As(source) => Arg::Text(format!("`{source}`")),
                    Leave::RuleLoop => msg!("trace-left-in-loop").into(),
                };
                msg!("trace-exit", journey = &p.journey.name, why = why)
            }
            Note::Goal { goal } => msg!("trace-goal", goal = &p.journey.goals[*goal].name),
            Note::GoalWindow { goal, stage } => msg!(
                "trace-goal-window",
                goal = &p.journey.goals[*goal].name,
                stage = p.stage_name(*stage)
            ),
            Note::Stopped { stages, guard } => {
                let names: Vec<&str> = stages.iter().map(|&s| p.stage_name(s)).collect();
                let why = match guard {
                    LoopGuard::StageChanges => {
                        msg!(
                            "trace-loop-stage-changes",
                            count = u64::from(MAX_LOOP_STEPS)
                        )
                    }
                    LoopGuard::Steps => {
                        msg!("trace-loop-steps", count = u64::from(MAX_ITEMS_PER_MOMENT))
                    }
                };
                msg!("trace-stopped", stages = loop_text(&names), why = why)
            }
        }
    }

    /// `新手: `on enter:` (line 64)`; a block rule by its head, its actions following;
    /// in a project `(新客.journey line 16)`.
    /// A journey-wide rule: `journey-wide: `every mon at 20:00:` (line 12)`.
    fn rule(&self, s: usize, r: usize) -> Message {
        let rule = &self.prog.rules_of(s).rules[r];
        let text = rule.text.strip_suffix(" { …").unwrap_or(&rule.text);
        let at = match self.files.iter().rposition(|(_, first)| *first < rule.line) {
            Some(f) => {
                let (file, first) = &self.files[f];
                let line = (rule.line - first).to_string();
                msg!("trace-line-in", file = file, line = line)
            }
            None => msg!("trace-line", line = rule.line.to_string()),
        };
        match s {
            JOURNEY_WIDE => msg!("trace-rule-wide", rule = text, at = at),
            _ => msg!(
                "trace-rule",
                stage = self.prog.stage_name(s),
                rule = text,
                at = at
            ),
        }
    }

    /// `send wecom "welcome_gift"`, as written.
    fn what(&self, tp: usize, template: u32) -> String {
        let name = &self.prog.model.touchpoints[tp].name;
        format!("send {name} \"{}\"", self.prog.templates[template as usize])
    }

    fn send(&self, tp: usize, template: u32, outcome: SendOutcome) -> Message {
        let send = self.what(tp, template);
        match outcome {
            SendOutcome::Sent => msg!("trace-sent", send = send),
            SendOutcome::Suppressed => msg!("trace-suppressed", send = send),
            SendOutcome::Deferred { until } => {
                let window = self.prog.quiet[tp].map_or(String::new(), |(q, _)| {
                    format!("quiet {}..{}", q.from, q.to)
                });
                msg!(
                    "trace-deferred",
                    send = send,
                    window = window,
                    until = self.time(until)
                )
            }
            SendOutcome::Capped { cap, sent } if cap.period == ROLLING => {
                let window = Duration::from_minutes(cap.window as u64 / 60).to_string();
                let limit = format!("limit {} per {window}", cap.max);
                let sent = u64::from(sent);
                if cap.policy != NO_POLICY {
                    msg!(
                        "trace-capped-policy-rolling",
                        send = send,
                        policy = &self.prog.model.policies[cap.policy as usize].name,
                        limit = limit,
                        sent = sent,
                        window = window
                    )
                } else if self.own_rolling(tp, cap) {
                    msg!(
                        "trace-capped-journey-rolling",
                        send = send,
                        limit = limit,
                        sent = sent,
                        window = window
                    )
                } else {
                    msg!(
                        "trace-capped-touchpoint-rolling",
                        send = send,
                        touchpoint = &self.prog.model.touchpoints[tp].name,
                        limit = limit,
                        sent = sent,
                        window = window
                    )
                }
            }
            SendOutcome::Capped { cap, sent } => {
                let period = [Period::Day, Period::Week, Period::Month][cap.period];
                let limit = format!("limit {} per {}", cap.max, period.as_str());
                let (sent, period) = (u64::from(sent), cap.period as u64);
                if cap.policy != NO_POLICY {
                    msg!(
                        "trace-capped-policy",
                        send = send,
                        policy = &self.prog.model.policies[cap.policy as usize].name,
                        limit = limit,
                        sent = sent,
                        period = period
                    )
                } else if !self.touchpoints(cap) {
                    msg!(
                        "trace-capped-journey",
                        send = send,
                        limit = limit,
                        sent = sent,
                        period = period
                    )
                } else {
                    msg!(
                        "trace-capped-touchpoint",
                        send = send,
                        touchpoint = &self.prog.model.touchpoints[tp].name,
                        limit = limit,
                        sent = sent,
                        period = period
                    )
                }
            }
        }
    }

    /// Whether a calendar cap that is no policy's is a touchpoint's (else the
    /// journey's): touchpoint `i` counts in counters `3 + 3i ..` (see `Program::caps`),
    /// which a portfolio keeps, while it moves the journeys' own counters past them.
    fn touchpoints(&self, cap: Cap) -> bool {
        (3..3 + 3 * self.prog.model.touchpoints.len()).contains(&cap.counter)
    }

    /// Whether a rolling cap is the journey's: the journey's come first in each
    /// touchpoint's rolling caps (a portfolio renumbers their rings, not their order).
    fn own_rolling(&self, tp: usize, cap: Cap) -> bool {
        (self.prog.rolling[tp].iter().take(self.prog.journey_rings))
            .any(|c| c.counter == cap.counter)
    }

    /// A value a guard read: `persona = 宝妈`, `count(到课, 3d) = 1`, `did 到课: last …`.
    fn read(&self, read: &Read) -> Message {
        let m = self.prog.model;
        let event = |e: usize| m.events[e].name.as_str();
        let is = |what: String, value: String| Message::Text(format!("{what} = {value}"));
        match read {
            Read::Tag { tag, value } => is(m.tags[*tag].name.clone(), self.value(*tag, *value)),
            Read::Count {
                event: e,
                window: w,
                value,
            } => is(
                format!("count({}{})", event(*e), within(w)),
                round(*value).to_string(),
            ),
            Read::Sum {
                event: e,
                field,
                window: w,
                value,
            } => {
                let field = &m.events[*e].fields[*field].name;
                let what = format!("sum({}.{field}{})", event(*e), within(w));
                is(what, round(*value).to_string())
            }
            Read::DaysSince { event: e, days } => {
                let what = format!("days_since({})", event(*e));
                match days {
                    Some(days) => is(what, round(*days).to_string()),
                    None => msg!("trace-read-never", what = what),
                }
            }
            Read::Did { event: e, last } => match last {
                Some(t) => msg!("trace-read-last", what = event(*e), time = self.time(*t)),
                None => msg!("trace-read-never", what = event(*e)),
            },
            Read::Inactive { last } => match last {
                Some(t) => msg!("trace-read-last-event", time = self.time(*t)),
                None => msg!("trace-read-no-event"),
            },
            Read::Stage(Some(s)) => msg!("trace-read-stage", stage = self.prog.stage_name(*s)),
            Read::Stage(None) => msg!("trace-read-outside"),
            Read::Field {
                event: e,
                field,
                value,
            } => is(
                format!("{}.{}", event(*e), m.events[*e].fields[*field].name),
                self.prog.field_text(*e, *field, *value),
            ),
            Read::Today(date) => msg!("trace-read-today", date = date.to_string()),
        }
    }

    fn value(&self, tag: usize, v: Slot) -> String {
        match &self.prog.model.tags[tag].ty {
            TagType::Bool => (v != 0).to_string(),
            TagType::Number { .. } => round(f64::from_bits(v)).to_string(),
            TagType::Enum(_) if v == UNSET => words(&msg!("trace-unset"), self.lang),
            TagType::Enum(vs) => vs[v as usize].clone(),
            TagType::Set(vs) => {
                let members: Vec<&str> = (vs.iter().enumerate())
                    .filter(|(i, _)| v & (1 << i) != 0)
                    .map(|(_, s)| s.as_str())
                    .collect();
                format!("{{{}}}", members.join(", "))
            }
            TagType::Text => format!("\"{}\"", self.prog.texts[v as usize]),
        }
    }
}

/// A `count` or `sum` window as written: `, 3d` (nothing without one).
fn within(window: &Option<Duration>) -> String {
    window.map_or(String::new(), |w| format!(", {w}"))
}

/// Two decimals; `-0` (an empty sum's) shows as `0`.
fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0 + 0.0
}

#[cfg(test)]
mod tests {
    use super::round;

    #[test]
    fn numbers_show_two_decimals_and_no_negative_zero() {
        assert_eq!(round(33.166).to_string(), "33.17");
        assert_eq!(round(-0.0).to_string(), "0");
        assert_eq!(round(-0.001).to_string(), "0");
        assert_eq!(round(-1.5).to_string(), "-1.5");
    }
}

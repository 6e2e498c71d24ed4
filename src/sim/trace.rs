//! Observing one user's simulation: the `--trace` timeline. The simulator is generic over
//! its observer; with [`Silent`] every note compiles away.

use super::calendar::{Calendar, Time};
use super::loops::{loop_text, LoopGuard};
use super::program::{Program, Slot, UNSET};
use crate::check::model::TagType;
use std::fmt::Write;

/// Why a rule or send did not happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    GuardFalse,
    /// Cancelled because the user left the stage.
    StageLeft,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendOutcome {
    Suppressed,
    Deferred { until: Time },
    Capped,
    Sent,
}

#[derive(Clone, Debug)]
pub enum Note {
    Tags,
    Holdout,
    Arrival {
        event: usize,
    },
    NoArrival {
        at: Time,
    },
    Event {
        event: usize,
        fields: Vec<(usize, f64)>,
    },
    EnterJourney,
    Stage {
        from: Option<usize>,
        to: usize,
    },
    Fired {
        stage: usize,
        rule: usize,
    },
    Skipped {
        stage: usize,
        rule: usize,
        why: Skip,
    },
    Send {
        tp: usize,
        template: u32,
        outcome: SendOutcome,
    },
    SendCancelled {
        tp: usize,
        template: u32,
    },
    Tag {
        tag: usize,
        value: Slot,
    },
    Task {
        team: usize,
    },
    Split {
        split: usize,
        arm: Option<usize>,
    },
    ExitJourney {
        why: String,
    },
    Goal {
        goal: usize,
    },
    /// Stopped in a rule loop through `stages` (see [`loop_text`]).
    Stopped {
        stages: Vec<usize>,
        guard: LoopGuard,
    },
}

pub trait Observer {
    /// `false` for the silent observer: notes are not even built.
    const ON: bool;
    fn note(&mut self, t: Time, tags: &[Slot], note: Note);
}

/// The observer of normal runs.
pub struct Silent;

impl Observer for Silent {
    const ON: bool = false;
    fn note(&mut self, _: Time, _: &[Slot], _: Note) {}
}

/// Writes a readable timeline, one line per note.
pub struct Timeline<'a> {
    pub prog: &'a Program<'a>,
    pub cal: &'a Calendar,
    pub out: String,
}

impl Observer for Timeline<'_> {
    const ON: bool = true;

    fn note(&mut self, t: Time, tags: &[Slot], note: Note) {
        let line = self.describe(tags, note);
        let _ = writeln!(self.out, "{}  {line}", self.cal.format(t));
    }
}

impl Timeline<'_> {
    fn describe(&self, tags: &[Slot], note: Note) -> String {
        let p = self.prog;
        let m = p.model;
        let stage = |s: usize| p.stage_name(s).to_string();
        let rule = |s: usize, r: usize| {
            let r = &p.stages[s].rules[r];
            format!("{}: `{}` (line {})", stage(s), r.text, r.line)
        };
        match note {
            Note::Tags => {
                let parts: Vec<String> = m
                    .tags
                    .iter()
                    .enumerate()
                    .map(|(i, t)| format!("{}={}", t.name, self.value(i, tags[i])))
                    .collect();
                format!("tags drawn: {}", parts.join(", "))
            }
            Note::Holdout => format!(
                "in the holdout group ({}): sends are suppressed, no split arms",
                p.journey.holdout
            ),
            Note::Arrival { event } => format!("arrives: {}", m.events[event].name),
            Note::NoArrival { at } => format!(
                "arrives after the end of the run ({}): nothing to simulate",
                self.cal.format(at)
            ),
            Note::Event { event, fields } => {
                let e = &m.events[event];
                let fs: Vec<String> = fields
                    .iter()
                    .map(|(f, v)| format!("{}={}", e.fields[*f].name, round(*v)))
                    .collect();
                if fs.is_empty() {
                    format!("event {}", e.name)
                } else {
                    format!("event {} ({})", e.name, fs.join(", "))
                }
            }
            Note::EnterJourney => format!("enters journey {}", p.journey.name),
            Note::Stage { from: None, to } => format!("stage → {}", stage(to)),
            Note::Stage { from: Some(f), to } => format!("stage {} → {}", stage(f), stage(to)),
            Note::Fired { stage: s, rule: r } => format!("{} fired", rule(s, r)),
            Note::Skipped {
                stage: s,
                rule: r,
                why,
            } => format!(
                "{} skipped: {}",
                rule(s, r),
                match why {
                    Skip::GuardFalse => "guard is false",
                    Skip::StageLeft => "cancelled, the user left the stage",
                }
            ),
            Note::Send {
                tp,
                template,
                outcome,
            } => {
                let what = format!(
                    "send {} \"{}\"",
                    m.touchpoints[tp].name, p.templates[template as usize]
                );
                match outcome {
                    SendOutcome::Suppressed => format!("{what}: suppressed (holdout)"),
                    SendOutcome::Deferred { until } => format!(
                        "{what}: deferred by the quiet window to {}",
                        self.cal.format(until)
                    ),
                    SendOutcome::Capped => format!("{what}: capped (limit reached)"),
                    SendOutcome::Sent => format!("{what}: sent"),
                }
            }
            Note::SendCancelled { tp, template } => format!(
                "deferred send {} \"{}\" cancelled: the user left the journey",
                m.touchpoints[tp].name, p.templates[template as usize]
            ),
            Note::Tag { tag, value } => {
                format!("tag {} = {}", m.tags[tag].name, self.value(tag, value))
            }
            Note::Task { team } => format!("task for {}", m.teams[team].name),
            Note::Split { split, arm } => match arm {
                Some(a) => format!("split: arm {}", p.splits[split].arms[a].name),
                None => "split: no arm (holdout)".to_string(),
            },
            Note::ExitJourney { why } => format!("leaves journey {} ({why})", p.journey.name),
            Note::Goal { goal } => format!("goal {} reached", p.journey.goals[goal].name),
            Note::Stopped { stages, guard } => {
                let names: Vec<&str> = stages.iter().map(|&s| p.stage_name(s)).collect();
                format!(
                    "stopped by a rule loop {} ({}); the user leaves the journey \
                     and takes no further part in the run",
                    loop_text(&names),
                    guard.why()
                )
            }
        }
    }

    fn value(&self, tag: usize, v: Slot) -> String {
        match &self.prog.model.tags[tag].ty {
            TagType::Bool => (v != 0).to_string(),
            TagType::Number { .. } => round(f64::from_bits(v)).to_string(),
            TagType::Enum(_) if v == UNSET => "(unset)".to_string(),
            TagType::Enum(vs) => vs[v as usize].clone(),
            TagType::Set(vs) => {
                let members: Vec<&str> = vs
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| v & (1 << i) != 0)
                    .map(|(_, s)| s.as_str())
                    .collect();
                format!("{{{}}}", members.join(", "))
            }
            TagType::Text => format!("\"{}\"", self.prog.texts[v as usize]),
        }
    }
}

fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

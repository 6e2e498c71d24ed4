//! What a guard read at the moment it was false: the tag values, counts, sums and
//! event times behind a skipped rule, for the trace.

use crate::check::model::{Cond, NumExpr, TagId};
use crate::sim::calendar::Time;
use crate::sim::cond::View;
use crate::sim::history::NEVER;
use crate::sim::program::Slot;
use crate::units::Duration;

/// One value a condition read.
#[derive(Clone, Debug, PartialEq)]
pub enum Read {
    Tag {
        tag: usize,
        value: Slot,
    },
    Count {
        event: usize,
        window: Option<Duration>,
        value: f64,
    },
    Sum {
        event: usize,
        field: usize,
        window: Option<Duration>,
        value: f64,
    },
    /// `days_since(EVENT)` (`None`: the event never happened).
    DaysSince {
        event: usize,
        days: Option<f64>,
    },
    /// `did EVENT`: when the event last happened (`None`: never).
    Did {
        event: usize,
        last: Option<Time>,
    },
    /// `inactive D`: when the user's last event happened (`None`: none yet).
    Inactive {
        last: Option<Time>,
    },
    /// `in_stage`: the user's stage (`None`: outside the journey).
    Stage(Option<usize>),
    /// A field of the event being handled (its code, see `sim::fields`).
    Field {
        event: usize,
        field: usize,
        value: f64,
    },
    /// `today in …`: the local date.
    Today(chrono::NaiveDate),
}

/// The values `cond` reads in `view`, each once, in the order the condition reads them
/// (a segment's condition read where the segment is named).
pub fn reads(view: &View, cond: &Cond) -> Vec<Read> {
    let mut out = Vec::new();
    collect(view, cond, &mut out);
    out
}

fn collect(view: &View, cond: &Cond, out: &mut Vec<Read>) {
    let tag = |t: &TagId| Read::Tag {
        tag: t.index(),
        value: view.tags[t.index()],
    };
    let read = match cond {
        Cond::And(cs) | Cond::Or(cs) => {
            cs.iter().for_each(|c| collect(view, c, out));
            return;
        }
        Cond::Not(c) => return collect(view, c, out),
        Cond::Segment(s) => return collect(view, &view.prog.model.segment(*s).cond, out),
        Cond::Compare { left, right, .. } => {
            for e in [left, right] {
                if let Some(read) = number(view, e) {
                    push(out, read);
                }
            }
            return;
        }
        Cond::Flag(t)
        | Cond::EnumIs { tag: t, .. }
        | Cond::TextIs { tag: t, .. }
        | Cond::EnumIn { tag: t, .. }
        | Cond::TextIn { tag: t, .. }
        | Cond::NumberIn { tag: t, .. }
        | Cond::Has { tag: t, .. }
        | Cond::Between { tag: t, .. } => tag(t),
        Cond::Did { event, .. } => Read::Did {
            event: event.index(),
            last: seen(view.hist.last(event.index())),
        },
        Cond::Inactive(_) => Read::Inactive {
            last: seen(view.hist.last_any()),
        },
        Cond::InStage(_) => Read::Stage(view.stage),
        Cond::Field { event, field, .. } => Read::Field {
            event: event.index(),
            field: field.0 as usize,
            value: view.fields.get(field.0 as usize).copied().unwrap_or(0.0),
        },
        Cond::TodayIn(_) => Read::Today(view.today()),
    };
    push(out, read);
}

/// A side of a comparison; a constant reads nothing.
fn number(view: &View, e: &NumExpr) -> Option<Read> {
    let value = view.number(e);
    Some(match *e {
        NumExpr::Const(_) => return None,
        NumExpr::Tag(t) => Read::Tag {
            tag: t.index(),
            value: view.tags[t.index()],
        },
        NumExpr::Count { event, window } => Read::Count {
            event: event.index(),
            window,
            value,
        },
        NumExpr::Sum {
            event,
            field,
            window,
        } => Read::Sum {
            event: event.index(),
            field: field.0 as usize,
            window,
            value,
        },
        NumExpr::DaysSince(event) => Read::DaysSince {
            event: event.index(),
            days: value.is_finite().then_some(value),
        },
    })
}

fn seen(t: Time) -> Option<Time> {
    (t != NEVER).then_some(t)
}

fn push(out: &mut Vec<Read>, read: Read) {
    if !out.contains(&read) {
        out.push(read);
    }
}

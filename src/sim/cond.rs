//! Conditions evaluated against one user's state at one moment, without allocating,
//! and the next moment a condition can change by the passage of time alone.

use super::calendar::{Calendar, Time, DAY};
use super::history::{History, NEVER};
use super::program::{Program, Slot, UNSET};
use crate::check::model::{Cond, NumExpr};

/// One user's state as conditions see it at `now`.
pub struct View<'a> {
    pub prog: &'a Program<'a>,
    pub cal: &'a Calendar,
    pub tags: &'a [Slot],
    pub hist: &'a History,
    /// The field values of the event being handled (see `sim::fields`).
    pub fields: &'a [f64],
    /// The current stage, when the user is in the journey.
    pub stage: Option<usize>,
    pub now: Time,
}

fn secs(d: crate::units::Duration) -> Time {
    d.seconds() as Time
}

impl View<'_> {
    /// Whether `c` holds. The leaves most conditions are made of are tested here,
    /// inlined where they are read; the rest in [`View::holds_other`], whose size and
    /// recursion cost every call a full prologue.
    #[inline(always)]
    pub fn holds(&self, c: &Cond) -> bool {
        match c {
            Cond::Flag(t) => self.tags[t.index()] != 0,
            Cond::Has { tag, member } => self.tags[tag.index()] & (1 << member) != 0,
            Cond::Between { tag, low, high } => {
                let v = f64::from_bits(self.tags[tag.index()]);
                *low <= v && v <= *high
            }
            Cond::Inactive(w) => self.hist.last_any() + secs(*w) <= self.now,
            _ => self.holds_other(c),
        }
    }

    #[inline(never)]
    fn holds_other(&self, c: &Cond) -> bool {
        match c {
            Cond::And(cs) => cs.iter().all(|c| self.holds(c)),
            Cond::Or(cs) => cs.iter().any(|c| self.holds(c)),
            Cond::Not(c) => !self.holds(c),
            // (tested in `holds`, which never sends them here)
            Cond::Flag(_) | Cond::Has { .. } | Cond::Between { .. } | Cond::Inactive(_) => {
                self.holds(c)
            }
            Cond::Segment(s) => self.holds(&self.prog.model.segment(*s).cond),
            Cond::Compare { left, op, right } => op.holds(self.number(left), self.number(right)),
            Cond::EnumIs {
                tag,
                variant,
                negated,
            } => {
                let v = self.tags[tag.index()];
                v != UNSET && ((v == *variant as Slot) != *negated)
            }
            Cond::TextIs {
                tag,
                value,
                negated,
            } => (self.text(tag.index()) == value) != *negated,
            Cond::EnumIn { tag, variants } => {
                let v = self.tags[tag.index()];
                variants.iter().any(|&x| x as Slot == v)
            }
            Cond::TextIn { tag, values } => {
                let v = self.text(tag.index());
                values.iter().any(|x| x == v)
            }
            Cond::NumberIn { tag, values } => {
                let v = f64::from_bits(self.tags[tag.index()]);
                values.contains(&v)
            }
            Cond::Did { event, within } => {
                let last = self.hist.last(event.index());
                last != NEVER && within.is_none_or(|w| last + secs(w) > self.now)
            }
            Cond::InStage(s) => self.stage == Some(s.index()),
            Cond::Field {
                field, op, value, ..
            } => self.field_holds(field.0 as usize, *op, value),
            Cond::TodayIn(range) => range.contains(self.today()),
        }
    }

    /// The local date at `now`.
    pub fn today(&self) -> chrono::NaiveDate {
        self.cal.date(self.cal.day_of(self.now))
    }

    fn text(&self, tag: usize) -> &str {
        &self.prog.texts[self.tags[tag] as usize]
    }

    pub fn number(&self, e: &NumExpr) -> f64 {
        match e {
            NumExpr::Const(v) => *v,
            NumExpr::Tag(t) => f64::from_bits(self.tags[t.index()]),
            NumExpr::Count { event, window } => {
                self.hist.count(event.index(), self.now, window.map(secs))
            }
            NumExpr::Sum {
                event,
                field,
                window,
            } => {
                let fields = &self.prog.retention[event.index()].sum_fields;
                let slot = fields.iter().position(|&f| f == field.0).unwrap_or(0);
                self.hist.sum(
                    event.index(),
                    slot,
                    self.now,
                    window.map(secs),
                    fields.len(),
                )
            }
            NumExpr::DaysSince(event) => {
                let last = self.hist.last(event.index());
                if last == NEVER {
                    f64::INFINITY
                } else {
                    (self.now - last) as f64 / DAY as f64
                }
            }
        }
    }

    /// The earliest moment after `now` at which `c` may change value with nothing but
    /// time passing (windows expiring, `inactive` setting in, `days_since` crossing a
    /// threshold); `Time::MAX` when only events or actions can change it. Waking at such
    /// a moment and finding no change is harmless, so bounds may be early, never late.
    pub fn next_change(&self, c: &Cond) -> Time {
        match c {
            Cond::And(cs) | Cond::Or(cs) => cs
                .iter()
                .map(|c| self.next_change(c))
                .min()
                .unwrap_or(Time::MAX),
            Cond::Not(c) => self.next_change(c),
            Cond::Segment(s) => self.next_change(&self.prog.model.segment(*s).cond),
            Cond::Did {
                event,
                within: Some(w),
            } => self.future(self.hist.last(event.index()) + secs(*w)),
            Cond::Inactive(w) => self.future(self.hist.last_any() + secs(*w)),
            // the local midnight the window opens or closes at
            Cond::TodayIn(range) => {
                let today = self.cal.day_of(self.now);
                let (first, last) = (
                    self.cal.day_index(range.first),
                    self.cal.day_index(range.last),
                );
                match today {
                    d if d < first => self.future(self.cal.instant(first * DAY)),
                    d if d <= last => self.future(self.cal.instant((last + 1) * DAY)),
                    _ => Time::MAX,
                }
            }
            Cond::Compare { left, right, .. } => {
                let crossing = match (left, right) {
                    (NumExpr::DaysSince(_), NumExpr::DaysSince(_)) => Time::MAX,
                    (NumExpr::DaysSince(e), other) | (other, NumExpr::DaysSince(e)) => {
                        self.crossing(e.index(), self.number(other))
                    }
                    _ => Time::MAX,
                };
                crossing
                    .min(self.number_change(left))
                    .min(self.number_change(right))
            }
            _ => Time::MAX,
        }
    }

    fn future(&self, t: Time) -> Time {
        if t > self.now {
            t
        } else {
            Time::MAX
        }
    }

    /// When a windowed count or sum next loses an event.
    fn number_change(&self, e: &NumExpr) -> Time {
        match e {
            NumExpr::Count {
                event,
                window: Some(w),
            }
            | NumExpr::Sum {
                event,
                window: Some(w),
                ..
            } => self.hist.window_expiry(event.index(), self.now, secs(*w)),
            _ => Time::MAX,
        }
    }

    /// The first whole second after `now` at or next to where `days_since(e)` reaches
    /// `value` days.
    fn crossing(&self, e: usize, value: f64) -> Time {
        let last = self.hist.last(e);
        if last == NEVER || !value.is_finite() {
            return Time::MAX;
        }
        let x = last as f64 + value * DAY as f64;
        if x >= Time::MAX as f64 / 2.0 {
            return Time::MAX;
        }
        let (up, next) = (x.ceil() as Time, x.floor() as Time + 1);
        [up, next]
            .into_iter()
            .filter(|&t| t > self.now)
            .min()
            .unwrap_or(Time::MAX)
    }
}

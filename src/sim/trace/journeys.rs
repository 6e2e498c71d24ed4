//! A portfolio user's timeline (`journey simulate --trace` with several journeys): one
//! timeline in moment order, each journey's lines labelled `[name]`. What the user does
//! for every journey at once (tags, arrival, events, history) has no label and shows
//! once; a capped send also says which journeys' sends used the allowance.

use super::{Note, Observer, SendOutcome, Timeline};
use crate::i18n::{msg, words, Arg};
use crate::sim::calendar::Time;
use crate::sim::program::{Cap, Slot, ROLLING};
use std::fmt::Write;

/// Writes a portfolio user's timeline: one [`Timeline`] per journey of the run (each
/// keeps its own rule nesting), all writing into one text.
pub struct Journeys<'a> {
    lines: Vec<Timeline<'a>>,
    /// The journey the notes are of now.
    active: usize,
    /// The sends that went out so far: their moment, journey and touchpoint.
    sent: Vec<(Time, usize, usize)>,
    pub out: String,
}

impl Observer for Journeys<'_> {
    const ON: bool = true;

    fn journey(&mut self, k: usize) {
        self.active = k;
    }

    fn note(&mut self, t: Time, tags: &[Slot], note: Note) {
        let k = self.active;
        let allowance = match note {
            Note::Send {
                tp,
                outcome: SendOutcome::Sent,
                ..
            } => {
                self.sent.push((t, k, tp));
                None
            }
            Note::Send {
                outcome: SendOutcome::Capped { cap, .. },
                ..
            } => self.used_by(t, cap),
            _ => None,
        };
        let Some((time, text)) = self.lines[k].entry(t, tags, &note) else {
            return;
        };
        let lang = self.lines[k].lang;
        let text = match allowance {
            Some(journeys) => words(
                &msg!("trace-allowance", line = text, journeys = journeys),
                lang,
            ),
            None => text,
        };
        let _ = match user_wide(&note) {
            true => writeln!(self.out, "{time}  {text}"),
            false => {
                let name = &self.lines[k].prog.journey.name;
                writeln!(self.out, "{time}  [{name}] {text}")
            }
        };
    }
}

/// A note of the user rather than of one journey: noted once, in whichever journey
/// draws or records it for all.
fn user_wide(note: &Note) -> bool {
    matches!(
        note,
        Note::Tags
            | Note::Arrival { .. }
            | Note::NoArrival { .. }
            | Note::FromStart
            | Note::Past { .. }
            | Note::Event { .. }
    )
}

impl<'a> Journeys<'a> {
    /// A timeline of each journey of a portfolio's runs, in the runs' order.
    pub fn new(lines: Vec<Timeline<'a>>) -> Journeys<'a> {
        Journeys {
            lines,
            active: 0,
            sent: Vec::new(),
            out: String::new(),
        }
    }

    /// The journeys whose sends before `t` count against `cap` now, with how many
    /// each (`复购 (1 sent), 新客 (1 sent)`), in the order they first sent; `None` for
    /// a limit of 0, which no send used. Journeys share a
    /// touchpoint's or policy's counter (the same `cap.counter` in each program) and
    /// each has its own for its own limits.
    fn used_by(&self, t: Time, cap: Cap) -> Option<Arg> {
        let cal = self.lines[0].cal;
        let now = cal.periods(cal.day_of(t));
        let counts = |&&(at, k, tp): &&(Time, usize, usize)| {
            let prog = self.lines[k].prog;
            match cap.period {
                ROLLING => {
                    at > t - cap.window && prog.rolling[tp].iter().any(|c| c.counter == cap.counter)
                }
                period => {
                    cal.periods(cal.day_of(at))[period] == now[period]
                        && prog.caps[tp].iter().any(|c| c.counter == cap.counter)
                }
            }
        };
        let mut by: Vec<(usize, u64)> = Vec::new();
        for &(_, k, _) in self.sent.iter().filter(counts) {
            match by.iter_mut().find(|(j, _)| *j == k) {
                Some((_, n)) => *n += 1,
                None => by.push((k, 1)),
            }
        }
        let each = by.iter().map(|&(k, n)| {
            let journey = &self.lines[k].prog.journey.name;
            msg!("trace-used-by", journey = journey, count = n)
        });
        (!by.is_empty()).then(|| Arg::Each(each.collect()))
    }
}

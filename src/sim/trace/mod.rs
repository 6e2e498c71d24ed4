//! Observing one user's simulation: the `--trace` timeline. The simulator is generic over
//! its observer; with [`Silent`] every note compiles away.

mod journeys;
mod reads;
mod timeline;

pub use journeys::Journeys;
pub use reads::{reads, Read};
pub use timeline::Timeline;

use super::calendar::Time;
use super::loops::LoopGuard;
use super::program::{Cap, Slot};

/// Why a rule or send did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum Skip {
    /// The guard did not hold; `reads` are the values it read at that moment.
    GuardFalse { reads: Vec<Read> },
    /// Cancelled because the user left the stage (a journey-wide rule: the journey).
    StageLeft,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendOutcome {
    Suppressed,
    Deferred {
        until: Time,
    },
    /// Refused by `cap`, with `sent` sends already counted against it.
    Capped {
        cap: Cap,
        sent: u32,
    },
    Sent,
}

/// Why a user left the journey.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Leave {
    /// The source that made them leave, as written: `exit when`, `exit on EVENT`,
    /// `exit "reason"`.
    As(String),
    /// Stopped in a rule loop.
    RuleLoop,
}

#[derive(Clone, Debug)]
pub enum Note {
    Tags,
    /// The user's group: holdout (sends suppressed) or treatment.
    Group {
        holdout: bool,
    },
    Arrival {
        event: usize,
    },
    NoArrival {
        at: Time,
    },
    /// `arrivals none`: the user exists from the start.
    FromStart,
    /// A `history` event before the start.
    Past {
        event: usize,
        fields: Vec<(usize, f64)>,
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
    /// A rule passed its guard; its actions' notes follow, up to [`Note::RuleDone`].
    Fired {
        stage: usize,
        rule: usize,
    },
    /// The actions of the last [`Note::Fired`] rule are done.
    RuleDone,
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
        /// An index into [`super::Program::task_texts`].
        text: u32,
        /// `false`: the user is in the holdout and gets no task (suppressed).
        created: bool,
    },
    /// `enter JOURNEY` (an index into the model's journeys), which this run does not
    /// simulate.
    Enter {
        journey: usize,
    },
    Split {
        split: usize,
        arm: Option<usize>,
    },
    /// An `if` chain: the branch taken (`None`: no condition held), and what the
    /// conditions tried read.
    Branch {
        chain: usize,
        branch: Option<usize>,
        reads: Vec<Read>,
    },
    ExitJourney {
        why: Leave,
    },
    /// A goal's window opened at the first entry into its `from` stage.
    GoalWindow {
        goal: usize,
        stage: usize,
    },
    Goal {
        goal: usize,
    },
    /// Stopped in a rule loop through `stages` (see [`super::loops::loop_text`]).
    Stopped {
        stages: Vec<usize>,
        guard: LoopGuard,
    },
}

pub trait Observer {
    /// `false` for the silent observer: notes are not even built.
    const ON: bool;
    fn note(&mut self, t: Time, tags: &[Slot], note: Note);
    /// A portfolio's notes from now on are of journey `k` (an index into the
    /// portfolio's runs), until the next call. One journey's run never calls it.
    fn journey(&mut self, _k: usize) {}
}

/// The observer of normal runs.
pub struct Silent;

impl Observer for Silent {
    const ON: bool = false;
    fn note(&mut self, _: Time, _: &[Slot], _: Note) {}
}

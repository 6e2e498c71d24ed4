//! What the `when` rules read, kept in the program for the users' runs (built and used
//! by `sim::watch`). Data only, so that the program holds it without importing that
//! module.

use super::calendar::Time;

/// Every `when` rule stale (a [`Watch`] mask).
pub const ALL: u64 = u64::MAX;

/// A `when inactive D` rule whose condition is that alone: an event re-reads it
/// without marking it stale (`User::idle_reset`).
#[derive(Debug, Clone, Copy)]
pub struct Idle {
    /// Journey-wide, or the stage's.
    pub wide: bool,
    /// The rule's index among its owner's rules, and its bit.
    pub rule: usize,
    pub bit: usize,
    /// `D`, in seconds (more than 0).
    pub window: Time,
}

/// The read sets of a journey's `when` rules, one bit per rule.
#[derive(Debug, Default)]
pub struct Watch {
    /// Per stage, the bit of its first `when` rule (the journey-wide ones start at 0).
    pub(super) bases: Vec<u32>,
    /// The journey's `when` rules (bits past 63 share bit 63's place in a mask: they
    /// come only with [`Watch::always`] set to [`ALL`]).
    pub rules: usize,
    /// Per event, the rules an occurrence can affect.
    pub on_event: Vec<u64>,
    /// Per tag, the rules a change of it can affect.
    pub on_tag: Vec<u64>,
    /// Rules re-evaluated every time: those reading the event being handled's fields,
    /// or all of them when the journey has more `when` rules than bits.
    pub always: u64,
    /// Per stage, the bits of its `when` rules and the journey-wide ones.
    pub(super) masks: Vec<u64>,
    /// Per stage, the [`Idle`] rules of the journey, then its own: no event marks
    /// them stale.
    pub(super) idle: Vec<Vec<Idle>>,
}

//! The simulator (spec §4, §6, §7; docs/language.md §11, §14): users simulated one by
//! one as discrete events in integer seconds, in parallel blocks, into mergeable
//! aggregates.

pub mod aggregate;
mod behavior;
mod bounds;
mod bulk;
mod bulk_guard;
mod bulk_sends;
pub mod calendar;
mod clocks;
mod cond;
pub mod dates;
mod fatigue;
mod fields;
mod goals;
mod history;
pub mod loops;
pub mod paired;
mod past;
mod pipeline;
pub mod portfolio;
pub mod posts;
pub mod program;
mod queue;
mod reads;
pub mod rng;
pub mod rolling;
mod rules;
mod sleep;
mod stages;
mod tasks;
pub mod team;
pub mod trace;
mod user;
mod watch;
mod windows;

pub use aggregate::Aggregates;
pub use calendar::{Calendar, Time, DAY};
pub use program::Program;
pub use queue::MAX_HORIZON;
pub use user::Run;

use crate::i18n::Lang;
use aggregate::{Merge, Shape};
use portfolio::Portfolio;
use rayon::prelude::*;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use trace::{Journeys, Silent, Timeline};
use user::{Scratch, User};

/// Users per parallel work item.
const BLOCK: u64 = 2048;

impl Run<'_> {
    /// The number of local calendar days the run touches.
    pub fn days(&self) -> usize {
        self.cal.day_of(self.horizon - 1) as usize + 1
    }

    pub(super) fn check_horizon(&self) {
        assert!(
            (1..=MAX_HORIZON).contains(&self.horizon),
            "a run lasts at most {MAX_HORIZON} seconds"
        );
    }

    pub fn shape(&self) -> Shape {
        let p = self.prog;
        Shape {
            goals: p.journey.goals.len(),
            stages: p.stages.len(),
            touchpoints: p.model.touchpoints.len(),
            split_arms: p.splits.iter().map(|s| s.arms.len()).collect(),
            templates: p.templates.len(),
            teams: p.model.teams.len(),
            days: self.days(),
            policies: p.model.policies.len(),
        }
    }

    /// Simulates the users of `users` on the current rayon pool. `done` counts the
    /// users finished so far (for a progress bar).
    pub fn simulate(&self, users: Range<u64>, done: &AtomicU64) -> Aggregates {
        self.check_horizon();
        let shape = self.shape();
        let blocks = (users.end - users.start).div_ceil(BLOCK);
        (0..blocks)
            .into_par_iter()
            .fold(
                || (Scratch::default(), Aggregates::new(&shape)),
                |(mut scratch, mut agg), block| {
                    let from = users.start + block * BLOCK;
                    let to = (from + BLOCK).min(users.end);
                    for index in from..to {
                        User::simulate(self, &mut scratch, &mut agg, &mut Silent, index);
                    }
                    done.fetch_add(to - from, Ordering::Relaxed);
                    (scratch, agg)
                },
            )
            .map(|(mut scratch, mut agg)| {
                self.bulk_flush(&mut scratch.own, &mut agg);
                agg
            })
            .reduce(
                || Aggregates::new(&shape),
                |mut a, b| {
                    a.merge(&b);
                    a
                },
            )
    }

    /// Simulates user `index` alone, as in the full run, reporting to `obs`.
    pub fn observe(&self, index: u64, obs: &mut impl trace::Observer) -> Aggregates {
        self.check_horizon();
        let mut agg = Aggregates::new(&self.shape());
        let mut scratch = Scratch::default();
        User::simulate(self, &mut scratch, &mut agg, obs, index);
        self.bulk_flush(&mut scratch.own, &mut agg);
        agg
    }

    /// One user's timeline, from the same seeded run, in `lang`; `files`: a project's
    /// (see [`Timeline::in_files`]), or none.
    pub fn trace(&self, index: u64, lang: Lang, files: &[(String, usize)]) -> String {
        let mut timeline = Timeline::new(self.prog, self.cal, lang).in_files(files);
        self.observe(index, &mut timeline);
        timeline.out
    }
}

impl Portfolio<'_> {
    /// User `index`'s timeline in every journey, from the same seeded run, in `lang`;
    /// `files`: a project's (see [`Timeline::in_files`]), or none.
    pub fn trace(&self, index: u64, lang: Lang, files: &[(String, usize)]) -> String {
        let mut journeys = Journeys::new(
            (self.runs.iter())
                .map(|r| Timeline::new(r.prog, r.cal, lang).in_files(files))
                .collect(),
        );
        self.observe(index, &mut journeys);
        journeys.out
    }
}

/// Users `[K·n/N, (K+1)·n/N)`: shard `k` of `n` of `users` users.
pub fn shard_range(users: u64, k: u64, n: u64) -> Range<u64> {
    let at = |i: u64| (users as u128 * i as u128 / n as u128) as u64;
    at(k)..at(k + 1)
}

#[cfg(test)]
mod tests;

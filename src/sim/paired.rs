//! Two runs over the same users, side by side, for `journey diff`: each user is
//! simulated in one run and then in the other, on the same thread. A user's random
//! numbers come from `(seed, user index)` alone (src/sim/rng.rs), so both runs see the
//! same users draw the same numbers (common random numbers), and the per-user goal
//! outcomes of the two runs can be paired for the interval of the difference.

use super::aggregate::{Aggregates, Merge};
use super::trace::Silent;
use super::user::{Scratch, User};
use super::Run;
use super::BLOCK;
use rayon::prelude::*;
use std::ops::Range;

/// A user's figures for one goal in both runs, in this order: reached in the first
/// run, window opened in the first run, reached in the second, window opened in the
/// second (treatment counts; a holdout user's are all 0).
pub const GOAL_FIGURES: usize = 4;

/// For one pair of goals (the same goal in both runs), the sums over users of the
/// products of the user's [`GOAL_FIGURES`]: `products[p][q] = Σ x_p · x_q`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoalMoments {
    pub products: [[u64; GOAL_FIGURES]; GOAL_FIGURES],
}

impl GoalMoments {
    fn add(&mut self, x: [u64; GOAL_FIGURES]) {
        for (p, row) in self.products.iter_mut().enumerate() {
            for (q, cell) in row.iter_mut().enumerate() {
                *cell += x[p] * x[q];
            }
        }
    }

    fn merge(&mut self, other: &GoalMoments) {
        for (row, other) in self.products.iter_mut().zip(&other.products) {
            for (cell, o) in row.iter_mut().zip(other) {
                *cell += o;
            }
        }
    }
}

/// What two runs over the same users produced.
pub struct Paired {
    pub first: Aggregates,
    pub second: Aggregates,
    /// Per pair of `goals` asked for, in that order.
    pub goals: Vec<GoalMoments>,
}

impl Paired {
    fn merge(&mut self, other: &Paired) {
        self.first.merge(&other.first);
        self.second.merge(&other.second);
        for (a, b) in self.goals.iter_mut().zip(&other.goals) {
            a.merge(b);
        }
    }
}

/// A goal's treatment counters: reached, window opened.
fn goal_counts(agg: &Aggregates, goal: usize) -> [u64; 2] {
    let g = &agg.goals[goal];
    [g.treatment, g.treatment_users]
}

impl Run<'_> {
    /// Simulates the users of `users` in this run and in `second`, pairing each
    /// `(goal of this run, goal of second)` of `goals` user by user. Each run's
    /// aggregates are those [`Run::simulate`] gives for the same users.
    pub fn simulate_paired(
        &self,
        second: &Run,
        goals: &[(usize, usize)],
        users: Range<u64>,
    ) -> Paired {
        self.check_horizon();
        second.check_horizon();
        let empty = || Paired {
            first: Aggregates::new(&self.shape()),
            second: Aggregates::new(&second.shape()),
            goals: vec![GoalMoments::default(); goals.len()],
        };
        let blocks = (users.end - users.start).div_ceil(BLOCK);
        (0..blocks)
            .into_par_iter()
            .fold(
                || (Scratch::default(), Scratch::default(), empty()),
                |(mut s1, mut s2, mut out), block| {
                    let from = users.start + block * BLOCK;
                    let to = (from + BLOCK).min(users.end);
                    let mut before = vec![[0u64; 4]; goals.len()];
                    for index in from..to {
                        for (b, &(g1, g2)) in before.iter_mut().zip(goals) {
                            let [r1, w1] = goal_counts(&out.first, g1);
                            let [r2, w2] = goal_counts(&out.second, g2);
                            *b = [r1, w1, r2, w2];
                        }
                        User::simulate(self, &mut s1, &mut out.first, &mut Silent, index);
                        User::simulate(second, &mut s2, &mut out.second, &mut Silent, index);
                        for ((m, b), &(g1, g2)) in out.goals.iter_mut().zip(&before).zip(goals) {
                            let [r1, w1] = goal_counts(&out.first, g1);
                            let [r2, w2] = goal_counts(&out.second, g2);
                            m.add([r1 - b[0], w1 - b[1], r2 - b[2], w2 - b[3]]);
                        }
                    }
                    (s1, s2, out)
                },
            )
            .map(|(mut s1, mut s2, mut out)| {
                self.bulk_flush(&mut s1, &mut out.first);
                second.bulk_flush(&mut s2, &mut out.second);
                out
            })
            .reduce(empty, |mut a, b| {
                a.merge(&b);
                a
            })
    }
}

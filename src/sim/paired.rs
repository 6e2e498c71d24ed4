//! Two runs over the same users, side by side, for `journey diff`: each user is
//! simulated in one run and then in the other, on the same thread. A run is one
//! journey's or a portfolio's (several journeys together, `sim::portfolio`). A user's
//! random numbers come from `(seed, user index)` alone (src/sim/rng.rs), so both runs
//! see the same users draw the same numbers (common random numbers), and the per-user
//! goal outcomes of the two runs can be paired for the interval of the difference.

use super::aggregate::{Aggregates, Merge};
use super::portfolio::Portfolio;
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

/// One side of a paired run: one journey, or several journeys together, as
/// `journey simulate` runs them.
pub enum Side<'a> {
    One(Run<'a>),
    Many(Portfolio<'a>),
}

/// A goal of a side: (its journey's place in the side, the goal's index in it).
pub type GoalOf = (usize, usize);

impl Side<'_> {
    /// Each journey's empty aggregates.
    fn empty(&self) -> Vec<Aggregates> {
        match self {
            Side::One(run) => vec![Aggregates::new(&run.shape())],
            Side::Many(p) => p.aggregates(),
        }
    }

    fn scratch(&self) -> Vec<Scratch> {
        let n = match self {
            Side::One(_) => 1,
            Side::Many(p) => p.runs.len(),
        };
        (0..n).map(|_| Scratch::default()).collect()
    }

    fn user(&self, s: &mut [Scratch], aggs: &mut [Aggregates], index: u64) {
        match self {
            Side::One(run) => User::simulate(run, &mut s[0], &mut aggs[0], &mut Silent, index),
            Side::Many(p) => p.user(s, aggs, &mut Silent, index),
        }
    }

    /// What a block's users left in the scratch, as [`Run::simulate`] does.
    fn flush(&self, s: &mut [Scratch], aggs: &mut [Aggregates]) {
        if let Side::One(run) = self {
            run.bulk_flush(&mut s[0].own, &mut aggs[0]);
        }
    }

    fn check_horizon(&self) {
        match self {
            Side::One(run) => run.check_horizon(),
            Side::Many(p) => p.runs.iter().for_each(Run::check_horizon),
        }
    }
}

/// What two runs over the same users produced.
pub struct Paired {
    /// Per journey of each side, in its order.
    pub first: Vec<Aggregates>,
    pub second: Vec<Aggregates>,
    /// Per pair of `goals` asked for, in that order.
    pub goals: Vec<GoalMoments>,
}

impl Paired {
    fn merge(&mut self, other: &Paired) {
        let merge = |a: &mut Vec<Aggregates>, b: &Vec<Aggregates>| {
            a.iter_mut().zip(b).for_each(|(a, b)| a.merge(b));
        };
        merge(&mut self.first, &other.first);
        merge(&mut self.second, &other.second);
        for (a, b) in self.goals.iter_mut().zip(&other.goals) {
            a.merge(b);
        }
    }
}

/// A goal's treatment counters: reached, window opened.
fn goal_counts(aggs: &[Aggregates], (journey, goal): GoalOf) -> [u64; 2] {
    let g = &aggs[journey].goals[goal];
    [g.treatment, g.treatment_users]
}

/// Simulates the users of `users` in `first` and in `second`, pairing each
/// `(goal of first, goal of second)` of `goals` user by user. Each side's aggregates
/// are those `journey simulate` gives for the same users.
pub fn simulate_paired(
    first: &Side,
    second: &Side,
    goals: &[(GoalOf, GoalOf)],
    users: Range<u64>,
) -> Paired {
    first.check_horizon();
    second.check_horizon();
    let empty = || Paired {
        first: first.empty(),
        second: second.empty(),
        goals: vec![GoalMoments::default(); goals.len()],
    };
    let counts = |out: &Paired, (g1, g2): (GoalOf, GoalOf)| {
        let [r1, w1] = goal_counts(&out.first, g1);
        let [r2, w2] = goal_counts(&out.second, g2);
        [r1, w1, r2, w2]
    };
    let blocks = (users.end - users.start).div_ceil(BLOCK);
    (0..blocks)
        .into_par_iter()
        .fold(
            || (first.scratch(), second.scratch(), empty()),
            |(mut s1, mut s2, mut out), block| {
                let from = users.start + block * BLOCK;
                let to = (from + BLOCK).min(users.end);
                let mut before = vec![[0u64; GOAL_FIGURES]; goals.len()];
                for index in from..to {
                    for (b, &pair) in before.iter_mut().zip(goals) {
                        *b = counts(&out, pair);
                    }
                    first.user(&mut s1, &mut out.first, index);
                    second.user(&mut s2, &mut out.second, index);
                    for (k, &pair) in goals.iter().enumerate() {
                        let (now, b) = (counts(&out, pair), before[k]);
                        out.goals[k].add(std::array::from_fn(|i| now[i] - b[i]));
                    }
                }
                (s1, s2, out)
            },
        )
        .map(|(mut s1, mut s2, mut out)| {
            first.flush(&mut s1, &mut out.first);
            second.flush(&mut s2, &mut out.second);
            out
        })
        .reduce(empty, |mut a, b| {
            a.merge(&b);
            a
        })
}

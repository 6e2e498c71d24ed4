//! Observing one user of a portfolio (`Portfolio::observe`, which `--trace` uses): the
//! observed run is the user's run in the full simulation, and every note is told the
//! journey it is of.

use super::*;
use crate::sim::aggregate::{Merge, SendCounts};
use crate::sim::portfolio::{join, Portfolio};
use crate::sim::program::{SharedTexts, Slot};
use crate::sim::trace::SendOutcome;
use std::sync::atomic::AtomicU64;

/// Four journeys at four priorities: quiet windows, journey, touchpoint and rolling
/// limits, holdouts, tasks.
const SRC: &str = include_str!("../../../tests/portfolio/beauty4.journey");

/// Per journey, the send notes by outcome: sent, deferred, capped, suppressed.
struct Sends {
    journey: usize,
    counts: Vec<SendCounts>,
}

impl Observer for Sends {
    const ON: bool = true;
    fn journey(&mut self, k: usize) {
        self.journey = k;
    }
    fn note(&mut self, _: Time, _: &[Slot], note: Note) {
        if let Note::Send { outcome, .. } = note {
            let c = &mut self.counts[self.journey];
            match outcome {
                SendOutcome::Sent => c.sent += 1,
                SendOutcome::Deferred { .. } => c.deferred += 1,
                SendOutcome::Capped { .. } => c.capped += 1,
                SendOutcome::Suppressed => c.suppressed += 1,
            }
        }
    }
}

/// Each journey's sends over its touchpoints.
fn total(agg: &Aggregates) -> SendCounts {
    let mut t = SendCounts::default();
    agg.touchpoints.iter().for_each(|c| t.merge(c));
    t
}

#[test]
fn an_observed_user_is_the_users_run_and_each_note_is_of_its_journey() {
    let model = check_source(SRC).model.expect("the fixture checks clean");
    let population = &model.populations[0];
    let horizon = 30 * DAY;
    let mut cal = Calendar::new(model.journeys[0].timezone, population.start, horizon);
    let mut texts = SharedTexts::default();
    let mut progs: Vec<Program> = (model.journeys.iter())
        .map(|j| Program::sharing(&model, j, population, SRC, &mut cal, &mut texts).unwrap())
        .collect();
    join(&mut progs);
    let runs = (progs.iter())
        .map(|prog| Run {
            prog,
            cal: &cal,
            seed: 5,
            horizon,
        })
        .collect();
    let portfolio = Portfolio::new(runs);
    let done = AtomicU64::new(0);
    let mut sends = vec![SendCounts::default(); progs.len()];
    for user in 0..40 {
        let mut obs = Sends {
            journey: 0,
            counts: vec![SendCounts::default(); progs.len()],
        };
        let observed = portfolio.observe(user, &mut obs);
        let simulated = portfolio.simulate(user..user + 1, &done);
        assert!(observed == simulated, "user {user}");
        for (k, agg) in observed.iter().enumerate() {
            assert_eq!(obs.counts[k], total(agg), "user {user}, journey {k}");
            sends[k].merge(&obs.counts[k]);
        }
    }
    // the sample has every outcome, in more than one journey
    let has = |f: fn(&SendCounts) -> u64| sends.iter().filter(|c| f(c) > 0).count() >= 2;
    assert!(has(|c| c.sent) && has(|c| c.deferred) && has(|c| c.capped) && has(|c| c.suppressed));
}

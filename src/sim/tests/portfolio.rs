//! The portfolio engine (`sim::portfolio`) on one journey against the single journey's
//! per-item path: every example gives the same aggregates, so sharing the user's state
//! between journeys changes nothing a journey alone would see.

use super::*;
use crate::sim::portfolio::{join, programs, Portfolio, MOST_JOURNEYS};
use std::sync::atomic::AtomicU64;

/// Each example's aggregates, of its journey alone and as a portfolio of one.
fn both(src: &str, users: u64) -> (Aggregates, Aggregates) {
    let model = check_source(src).model.expect("the example checks clean");
    let (journey, population) = (&model.journeys[0], &model.populations[0]);
    let horizon = population.days as Time * DAY;
    let mut cal = Calendar::new(journey.timezone, population.start, horizon);
    let mut alone = Program::new(&model, journey, population, src, &mut cal).unwrap();
    alone.bulk = None;
    alone.fixed_bounds();
    let mut joined = [Program::new(&model, journey, population, src, &mut cal).unwrap()];
    join(&mut joined);
    let run = |prog| Run {
        prog,
        cal: &cal,
        seed: 11,
        horizon,
    };
    let done = AtomicU64::new(0);
    let a = run(&alone).simulate(0..users, &done);
    let mut p = Portfolio::new(vec![run(&joined[0])]).simulate(0..users, &done);
    (a, p.remove(0))
}

#[test]
fn every_example_as_a_portfolio_of_one_journey_gives_the_journeys_own_aggregates() {
    for file in super::example_files() {
        let src = std::fs::read_to_string(&file).unwrap();
        let (alone, mut portfolio) = both(&src, 1500);
        // contention is a portfolio's count (none with one journey)
        assert!(portfolio.contention_touchpoints.iter().all(|&n| n == 0));
        assert!(portfolio.contention_policies.iter().all(|&n| n == 0));
        portfolio.contention_touchpoints.clear();
        portfolio.contention_policies.clear();
        assert!(alone == portfolio, "{} differs", file.display());
    }
}

#[test]
fn more_journeys_than_the_queue_tells_apart_are_refused() {
    let src = include_str!("../../../tests/portfolio/beauty4.journey");
    let model = check_source(src).model.expect("the fixture checks clean");
    let population = &model.populations[0];
    let journeys = vec![&model.journeys[0]; MOST_JOURNEYS + 1];
    let mut cal = Calendar::new(model.journeys[0].timezone, population.start, DAY);
    let err = programs(&model, &journeys, population, src, &mut cal)
        .err()
        .expect("refused");
    let words = |lang| crate::i18n::words(&err, lang);
    assert_eq!(
        words(crate::i18n::Lang::En),
        "the simulator supports at most 4,096 journeys simulated together; this file has 4,097"
    );
    assert_eq!(
        words(crate::i18n::Lang::Zh),
        "模拟器最多支持 4,096 个一起模拟的旅程；这个文件有 4,097 个"
    );
}

//! Simulate any text that checks clean, on a few users and at most a month, and
//! build its report in every format: nothing panics, the run is deterministic.
#![no_main]

use journey::check::check_source;
use journey::report::{self, Meta};
use journey::sim::{Calendar, Program, Run, Time, DAY};
use libfuzzer_sys::fuzz_target;
use std::sync::atomic::AtomicU64;

/// Small enough that one input runs in milliseconds.
const USERS: u64 = 20;
const MAX_DAYS: u32 = 31;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(model) = check_source(text).model else {
        return;
    };
    let (Some(journey), Some(population)) = (model.journeys.first(), model.populations.first())
    else {
        return;
    };
    let days = population.days.clamp(1, MAX_DAYS);
    let horizon = days as Time * DAY;
    let mut cal = Calendar::new(journey.timezone, population.start, horizon);
    let Ok(prog) = Program::new(&model, journey, population, text, &mut cal) else {
        return;
    };
    let run = Run {
        prog: &prog,
        cal: &cal,
        seed: 7,
        horizon,
    };
    let users = USERS.min(population.size.max(1));
    let agg = run.simulate(0..users, &AtomicU64::new(0));
    let again = run.simulate(0..users, &AtomicU64::new(0));
    let meta = Meta::new(&run, users, days, text);
    let report = report::build(&meta, &agg);
    assert_eq!(
        report.to_json(),
        report::build(&meta, &again).to_json(),
        "not deterministic"
    );
    report::table::render(&report);
    report::markdown::render(&report);
    report::html::render(&report);
    run.trace(0);
});

//! The simulator's semantics and statistics, on small journeys run through the
//! checker: `semantics` follows single users note by note, `stats` compares reports
//! with analytic values.

mod fields;
mod jwide;
mod semantics;
mod stats;
mod time;
mod trace;

use crate::check::check_source;
use crate::sim::trace::{Note, Observer};
use crate::sim::{Calendar, Program, Run, Time, DAY};
use crate::{Report, SimulateOptions, SourceFile};

/// Checks `src` (it must have no errors) and calls `f` with a run of its only journey
/// and population.
pub fn with_run<R>(src: &str, seed: u64, f: impl FnOnce(&Run) -> R) -> R {
    let checked = check_source(src);
    let model = checked
        .model
        .unwrap_or_else(|| panic!("the test source has errors: {:#?}", checked.diagnostics));
    let (journey, population) = (&model.journeys[0], &model.populations[0]);
    let horizon = population.days as Time * DAY;
    let mut cal = Calendar::new(journey.timezone, population.start, horizon);
    let prog = Program::new(&model, journey, population, src, &mut cal).expect("a program");
    let run = Run {
        prog: &prog,
        cal: &cal,
        seed,
        horizon,
    };
    f(&run)
}

/// The report of simulating `users` users on `threads` threads, through the library's
/// facade as `journey simulate` runs it.
pub fn simulate(src: &str, users: u64, seed: u64, threads: u64) -> Report {
    let model = check_source(src)
        .model
        .expect("the test source checks clean");
    let options = SimulateOptions {
        users: Some(users),
        seed,
        threads: Some(threads),
        ..SimulateOptions::default()
    };
    crate::simulate(&SourceFile::new("test.journey", src), &model, &options).expect("a simulation")
}

/// Every note of one user's simulation, with its local time.
pub fn notes(src: &str, user: u64) -> Vec<(String, Time, Note)> {
    struct Collect<'a> {
        cal: &'a Calendar,
        notes: Vec<(String, Time, Note)>,
    }
    impl Observer for Collect<'_> {
        const ON: bool = true;
        fn note(&mut self, t: Time, _: &[u64], note: Note) {
            self.notes.push((self.cal.format(t), t, note));
        }
    }
    with_run(src, 0, |run| {
        let mut c = Collect {
            cal: run.cal,
            notes: Vec::new(),
        };
        run.observe(user, &mut c);
        c.notes
    })
}

/// Asserts that `observed` is within 5 standard errors of `expected` for a proportion
/// over `n` trials.
pub fn assert_proportion(what: &str, observed: f64, expected: f64, n: u64) {
    let se = (expected * (1.0 - expected) / n as f64).sqrt();
    assert!(
        (observed - expected).abs() <= 5.0 * se,
        "{what}: observed {observed}, expected {expected} ± 5 × {se}"
    );
}

/// Declarations shared by the small test journeys.
pub const DECLS: &str = r#"
event signup
event click
event buy
tag vip: bool
touchpoint wecom { channel wecom }
"#;

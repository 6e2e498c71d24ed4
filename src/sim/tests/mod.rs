//! The simulator's semantics and statistics, on small journeys run through the
//! checker: `semantics` follows single users note by note, `stats` compares reports
//! with analytic values.

mod bulk;
mod contract;
mod fields;
mod goals;
mod jwide;
mod policies;
mod portfolio;
mod portfolio_trace;
mod semantics;
mod sleep;
mod stats;
mod teams;
mod time;
mod trace;
mod watch;

use crate::check::check_source;
use crate::sim::trace::{Note, Observer};
use crate::sim::user::{Scratch, User};
use crate::sim::{Aggregates, Calendar, Program, Run, Time, DAY};
use crate::{Report, SimulateOptions, SourceFile};

/// The single-file examples (`examples/*.journey`), sorted; at least ten, so a moved
/// directory cannot make the tests that walk them pass on nothing.
pub fn example_files() -> Vec<std::path::PathBuf> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "journey"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "examples found: {files:?}");
    files
}

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

/// Collects notes with their local time.
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

/// Every note of one user's simulation, with its local time.
pub fn notes(src: &str, user: u64) -> Vec<(String, Time, Note)> {
    with_run(src, 0, |run| {
        let mut c = Collect {
            cal: run.cal,
            notes: Vec::new(),
        };
        run.observe(user, &mut c);
        c.notes
    })
}

/// The notes of user 0 of `src`, whose population has `arrivals none`, when the
/// events of `script` — `(seconds after the start, event name)`, in time order —
/// happen to them, each as a behaviour's event would: its items before it first, then
/// the event, then the re-evaluation of conditions.
pub fn scripted(src: &str, script: &[(Time, &str)]) -> Vec<(String, Time, Note)> {
    with_run(src, 0, |run| {
        let events = &run.prog.model.events;
        let mut c = Collect {
            cal: run.cal,
            notes: Vec::new(),
        };
        let (mut scratch, mut agg) = (Scratch::default(), Aggregates::new(&run.shape()));
        let mut u = User::new(run, &mut scratch, &mut agg, &mut c, 0);
        u.reset();
        let mut going = u.present_from_start();
        for &(t, name) in script {
            going = going && u.run_until(t);
            if going {
                let event = (events.iter().position(|e| e.name == name))
                    .unwrap_or_else(|| panic!("no event {name}"));
                u.happen(t, event);
                going = u.settle_or_stop(t);
            }
        }
        if going {
            u.run_until(run.horizon);
        }
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

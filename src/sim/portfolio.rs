//! Several journeys simulated together on one population (language-v2 §2, §11.3;
//! docs/plan.md §10.18). Each user is still simulated alone: one [`Scratch`] per
//! journey holds the journey's state and its queue, and the parts every journey shares
//! (tags, history, behaviours, touchpoint and policy counters, fatigue, the loop
//! limit's steps) move to the journey being run (see [`swap_shared`]), so the single
//! journey's code runs unchanged inside each. At one moment a user's items run events
//! first, then journey by journey in decreasing `priority` (ties in model order); an
//! event reaches every journey in that order, and the entries it triggers come last,
//! once the moment's items are done; an `enter` action enters its journey once the item
//! that ran it is done.

use super::aggregate::{Aggregates, Merge};
use super::calendar::Time;
use super::loops::MAX_LOOP_STEPS;
use super::program::{retention, Program};
use super::queue::{Entry, NOW};
use super::rng::Rng;
use super::trace::{Observer, Silent};
use super::user::{Run, Scratch, User};
use rayon::prelude::*;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

/// Users per parallel work item, as for one journey.
const BLOCK: u64 = 2048;

/// Makes `progs` (one per journey, built with one [`super::program::SharedTexts`], on
/// one calendar) run together: one history kept for all, the touchpoints' and the
/// policies' counters shared, each journey's own counters and rings apart, every rule
/// item by item (the bulk path counts sends no other journey could cap), each journey
/// placed in the order journeys run at one moment.
pub fn join(progs: &mut [Program]) {
    let Some(first) = progs.first() else {
        return;
    };
    let (model, population) = (first.model, first.population);
    let journeys: Vec<_> = progs.iter().map(|p| p.journey).collect();
    let history = retention(model, &journeys, population);
    let texts = progs.last().map(|p| p.texts.clone()).unwrap_or_default();
    let places: Vec<Option<usize>> = (model.journeys.iter())
        .map(|j| journeys.iter().position(|&k| std::ptr::eq(k, j)))
        .collect();
    // The first program's layout is kept: its journey's counters 0..3 and rings
    // 0..journey_rings, then the shared ones. The others' own go after all of those.
    let (counters, jr0) = (first.counters, first.journey_rings);
    let mut rings = first.rings;
    let mut order: Vec<usize> = (0..progs.len()).collect();
    // stable: ties keep the programs' (the model's) order
    order.sort_by_key(|&k| std::cmp::Reverse(journeys[k].priority));
    for (k, p) in progs.iter_mut().enumerate() {
        if k > 0 {
            let own = counters + 3 * (k - 1);
            for cap in p.caps.iter_mut().flatten() {
                if cap.counter < 3 {
                    cap.counter += own;
                }
            }
            let jr = p.journey_rings;
            for cap in p.rolling.iter_mut().flatten() {
                cap.counter = match cap.counter < jr {
                    true => rings + cap.counter,
                    false => cap.counter - jr + jr0,
                };
            }
            rings += jr;
        }
        p.retention.clone_from(&history);
        p.texts.clone_from(&texts);
        p.portfolio = Some(places.clone());
        p.bulk = None;
        p.place = order
            .iter()
            .position(|&o| o == k)
            .expect("every journey placed") as u16;
    }
    for p in progs.iter_mut() {
        p.counters = counters + 3 * (journeys.len() - 1);
        p.rings = rings;
    }
}

/// Several journeys' run: [`Run`]s of [`join`]ed programs on one calendar.
pub struct Portfolio<'a> {
    pub runs: Vec<Run<'a>>,
    /// Journeys in the order they run at one moment: decreasing priority, then model
    /// order.
    order: Vec<usize>,
}

impl<'a> Portfolio<'a> {
    pub fn new(runs: Vec<Run<'a>>) -> Portfolio<'a> {
        let mut order: Vec<usize> = (0..runs.len()).collect();
        order.sort_by_key(|&k| runs[k].prog.place);
        Portfolio { runs, order }
    }

    /// Each journey's empty aggregates, with its contention counters.
    fn aggregates(&self) -> Vec<Aggregates> {
        let model = self.runs[0].prog.model;
        (self.runs.iter())
            .map(|r| Aggregates {
                contention_touchpoints: vec![0; model.touchpoints.len()],
                contention_policies: vec![0; model.policies.len()],
                ..Aggregates::new(&r.shape())
            })
            .collect()
    }

    /// Simulates the users of `users` on the current rayon pool, as [`Run::simulate`]:
    /// per journey, its aggregates.
    pub fn simulate(&self, users: Range<u64>, done: &AtomicU64) -> Vec<Aggregates> {
        self.runs.iter().for_each(Run::check_horizon);
        let blocks = (users.end - users.start).div_ceil(BLOCK);
        let fresh = || {
            let scratch = self.runs.iter().map(|_| Scratch::default()).collect();
            (scratch, self.aggregates())
        };
        (0..blocks)
            .into_par_iter()
            .fold(
                fresh,
                |(mut scratch, mut aggs): (Vec<Scratch>, _), block| {
                    let from = users.start + block * BLOCK;
                    let to = (from + BLOCK).min(users.end);
                    for index in from..to {
                        self.user(&mut scratch, &mut aggs, &mut Silent, index);
                    }
                    done.fetch_add(to - from, Ordering::Relaxed);
                    (scratch, aggs)
                },
            )
            .map(|(_, aggs)| aggs)
            .reduce(
                || self.aggregates(),
                |mut a, b| {
                    a.iter_mut().zip(&b).for_each(|(a, b)| a.merge(b));
                    a
                },
            )
    }

    /// Simulates user `index` alone in every journey, as in the full run, reporting to
    /// `obs` (told which journey each note is of): per journey, its aggregates.
    pub fn observe(&self, index: u64, obs: &mut impl Observer) -> Vec<Aggregates> {
        self.runs.iter().for_each(Run::check_horizon);
        let mut scratch: Vec<Scratch> = self.runs.iter().map(|_| Scratch::default()).collect();
        let mut aggs = self.aggregates();
        self.user(&mut scratch, &mut aggs, obs, index);
        aggs
    }

    /// Simulates user `index` in every journey.
    fn user<O: Observer>(
        &self,
        s: &mut [Scratch],
        aggs: &mut [Aggregates],
        obs: &mut O,
        index: u64,
    ) {
        let run = &self.runs[0];
        let mut w = Walk {
            p: self,
            s,
            aggs,
            obs,
            active: 0,
            rng: Some(Rng::for_user(run.seed, index)),
            values: None,
            index,
            entries: Vec::new(),
        };
        w.simulate();
    }
}

/// One user of a portfolio being simulated.
struct Walk<'w, 'a, O> {
    p: &'w Portfolio<'a>,
    s: &'w mut [Scratch],
    aggs: &'w mut [Aggregates],
    obs: &'w mut O,
    /// The journey whose scratch holds the shared parts.
    active: usize,
    /// The user's streams, lent to the journey being run.
    rng: Option<Rng>,
    values: Option<Rng>,
    index: u64,
    /// Events whose entries are still to come at their moment, with where their field
    /// values are kept (`sim::fields`).
    entries: Vec<(Time, usize, u32)>,
}

impl<O: Observer> Walk<'_, '_, O> {
    /// Runs `f` on the user in journey `k`.
    fn with<R>(&mut self, k: usize, f: impl FnOnce(&mut User<'_, '_, O>) -> R) -> R {
        if k != self.active {
            let (lo, hi) = (k.min(self.active), k.max(self.active));
            let (a, b) = self.s.split_at_mut(hi);
            swap_shared(&mut a[lo], &mut b[0]);
            self.active = k;
        }
        let run = &self.p.runs[k];
        self.obs.journey(k);
        let mut u = User {
            prog: run.prog,
            cal: run.cal,
            seed: run.seed,
            horizon: run.horizon,
            s: &mut self.s[k],
            agg: &mut self.aggs[k],
            obs: &mut *self.obs,
            rng: self.rng.take().expect("the user's stream is home"),
            values: self.values.take(),
            index: self.index,
        };
        let out = f(&mut u);
        self.rng = Some(u.rng);
        self.values = u.values;
        out
    }

    /// Every journey, in the order they run at one moment.
    fn each(&mut self, f: impl Fn(&mut User<'_, '_, O>)) {
        for i in 0..self.p.order.len() {
            self.with(self.p.order[i], &f);
        }
    }

    /// The user's run, as [`User::simulate`] for one journey: what draws from the
    /// user's stream (tags, history, arrival, behaviours) is drawn once.
    fn simulate(&mut self) {
        let n = self.p.runs.len();
        (0..n).for_each(|k| self.with(k, |u| u.reset()));
        self.with(0, |u| u.draw_tags());
        (0..n).for_each(|k| self.with(k, |u| u.join()));
        self.with(0, |u| u.place_history());
        let horizon = self.p.runs[0].horizon;
        let arrival = self.with(0, |u| u.arrival());
        if arrival.is_none_or(|at| at < horizon) {
            // `arrivals none`: present from the start, `entry when` evaluated at once
            let at = arrival.unwrap_or(0);
            self.each(|u| u.agg.arrived += 1);
            self.with(0, |u| u.start_behaviors(at));
            match arrival {
                Some(_) => self.with(0, |u| u.arrival_event(at)),
                None => self.each(|u| u.s.j.dirty = true),
            }
            if self.after(at) {
                self.run();
            }
        }
        (0..n).for_each(|k| self.with(k, |u| u.finish_journey()));
        let last_day = self.p.runs[0].cal.day_of(horizon - 1);
        self.with(0, |u| u.fatigue_finish(last_day));
    }

    /// Runs the timed items of every journey in order, until the run ends or the user
    /// is stopped in a rule loop.
    fn run(&mut self) {
        loop {
            let next = self.next();
            if let Some(&(at, ..)) = self.entries.first() {
                if next.is_none_or(|(t, _)| t > at) {
                    if !self.enter_on_events(at) {
                        return;
                    }
                    continue;
                }
            }
            let Some((_, k)) = next else {
                return;
            };
            let entry = self.s[k].queue.pop_before(Time::MAX).expect("a next item");
            let t = entry.time();
            if !self.with(k, |u| u.handle(entry)) {
                self.halt(k, t);
                return;
            }
            if !self.after(t) {
                return;
            }
        }
    }

    /// The entries the events at `at` trigger, journey by journey in order; `false`
    /// when the user was stopped in a rule loop.
    fn enter_on_events(&mut self, at: Time) -> bool {
        for (t, event, snap) in std::mem::take(&mut self.entries) {
            self.each(|u| {
                u.s.reading = snap;
                u.event_entry(t, event);
                u.s.reading = NOW;
            });
        }
        self.after(at)
    }

    /// The next item's moment and journey: the earliest moment; at one moment events
    /// (rank 0) first, then journey by journey in order, each by its items' rank.
    fn next(&self) -> Option<(Time, usize)> {
        let horizon = self.p.runs[0].horizon;
        let key = |pos: usize, e: &Entry| {
            let class = if e.rank() == 0 { 0 } else { pos + 1 };
            (e.time(), class, e.rank())
        };
        (self.p.order.iter().enumerate())
            .filter_map(|(pos, &k)| Some((key(pos, self.s[k].queue.peek()?), k)))
            .filter(|((t, ..), _)| *t < horizon)
            .min_by_key(|(key, _)| *key)
            .map(|((t, ..), k)| (t, k))
    }

    /// After an item at `t`: the events it made happen reach every journey (their
    /// entries wait for the moment's end); then the `enter` actions; then each
    /// journey's conditions are re-evaluated. `false` when the user was stopped in a
    /// rule loop.
    fn after(&mut self, t: Time) -> bool {
        for k in 0..self.s.len() {
            for event in std::mem::take(&mut self.s[k].happened) {
                self.each(|u| u.event_inside(t, event));
                let snap = self.with(0, |u| {
                    u.keep_fields(event);
                    std::mem::replace(&mut u.s.snap, NOW)
                });
                self.entries.push((t, event, snap));
            }
        }
        // in the order the actions ran
        let first = |s: &mut Scratch| (!s.enters.is_empty()).then(|| s.enters.remove(0));
        while let Some(k) = self.s.iter_mut().find_map(first) {
            self.with(k, |u| {
                if u.may_enter(t) {
                    u.enter_journey(t);
                }
            });
        }
        // tags are shared: one journey's may be read by another's conditions (an
        // event already reached every journey)
        if self.s.iter().any(|s| s.retagged) {
            for s in self.s.iter_mut() {
                s.retagged = false;
                s.j.dirty = true;
            }
        }
        for i in 0..self.p.order.len() {
            let k = self.p.order[i];
            // what `settle_or_stop` would do without being called: nothing
            let j = &self.s[k].j;
            if !j.dirty && j.revisits <= MAX_LOOP_STEPS {
                continue;
            }
            if !self.with(k, |u| u.settle_or_stop(t)) {
                self.halt(k, t);
                return false;
            }
        }
        true
    }

    /// Journey `stopped` stopped the user in a rule loop: the user leaves the others.
    fn halt(&mut self, stopped: usize, t: Time) {
        for k in (0..self.s.len()).filter(|&k| k != stopped) {
            self.with(k, |u| u.halt(t));
        }
    }
}

/// Moves the parts of a user's state that every journey shares between two journeys'
/// scratches. Everything else in a [`Scratch`] is the journey's own.
fn swap_shared(a: &mut Scratch, b: &mut Scratch) {
    use std::mem::swap;
    swap(&mut a.tags, &mut b.tags);
    swap(&mut a.hist, &mut b.hist);
    swap(&mut a.spent, &mut b.spent);
    swap(&mut a.spent_any, &mut b.spent_any);
    swap(&mut a.past, &mut b.past);
    swap(&mut a.fields, &mut b.fields);
    swap(&mut a.snaps, &mut b.snaps);
    swap(&mut a.snap, &mut b.snap);
    swap(&mut a.reading, &mut b.reading);
    swap(&mut a.candidate, &mut b.candidate);
    swap(&mut a.last_sent, &mut b.last_sent);
    swap(&mut a.caps, &mut b.caps);
    swap(&mut a.rings, &mut b.rings);
    swap(&mut a.inside, &mut b.inside);
    let (a, b) = (&mut a.j, &mut b.j);
    swap(&mut a.fatigue_day, &mut b.fatigue_day);
    swap(&mut a.fatigue_sends, &mut b.fatigue_sends);
    swap(&mut a.fatigue_quiet, &mut b.fatigue_quiet);
    swap(&mut a.moment, &mut b.moment);
    swap(&mut a.steps, &mut b.steps);
}

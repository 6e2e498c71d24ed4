//! Several journeys simulated together on one population (language-v2 §2, §11.3;
//! docs/plan.md §10.18). Each user is still simulated alone: one [`Scratch`] per
//! journey holds the journey's own state and its queue, and the parts every journey
//! shares (tags, history, behaviours, touchpoint and policy counters, fatigue, the loop
//! limit's steps) are the first scratch's [`Shared`](super::user::Shared), which the [`User`] of whichever
//! journey is run reaches by reference, so the single journey's code runs unchanged
//! inside each and a switch of journey moves nothing. At one moment a user's items run events
//! first, then journey by journey in decreasing `priority` (ties in model order); an
//! event reaches every journey in that order, and the entries it triggers come last,
//! once the moment's items are done; an `enter` action enters its journey once the item
//! that ran it is done.

use super::aggregate::{Aggregates, Merge};
use super::calendar::Calendar;
use super::calendar::Time;
use super::loops::MAX_LOOP_STEPS;
use super::program::{retention, Program, SharedTexts};
use super::queue::{Entry as Timed, NOW, RANK_BITS};
use super::stages::watching;
use super::trace::{Observer, Silent};
use super::user::{Run, Scratch, User};
use crate::check::model::{Entry, Journey, Model, Population};
use crate::i18n::Message;
use rayon::prelude::*;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

/// Users per parallel work item, as for one journey.
const BLOCK: u64 = 2048;

/// The most journeys simulated together: each takes two of the values of a queue key's
/// bits above the rank ([`Portfolio::marks`]).
pub const MOST_JOURNEYS: usize = 1 << (32 - RANK_BITS - 1);

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
        p.fixed_bounds();
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

/// `name` is none of `model`'s journeys (of `file`): the message, with the nearest
/// name when one is close, for the `--journey` of `journey simulate`, `diff`,
/// `compile` and `graph`.
pub fn no_such_journey(model: &Model, name: &str, file: &str) -> Message {
    let names = model.journeys.iter().map(|j| j.name.as_str());
    let listed = || crate::i18n::Arg::NameList(names.clone().map(str::to_string).collect());
    match crate::suggest::nearest(name, names.clone()) {
        Some(near) => crate::i18n::msg!(
            "simulate-no-such-journey-near",
            file = file,
            name = name,
            near = near,
            names = listed()
        ),
        None => crate::i18n::msg!(
            "simulate-no-such",
            file = file,
            kind = "journey",
            name = name,
            names = listed()
        ),
    }
}

/// The programs of `journeys` on `population`, on one calendar and sharing their
/// texts, [`join`]ed when there are several: what `journey simulate` runs.
pub fn programs<'m>(
    model: &'m Model,
    journeys: &[&'m Journey],
    population: &'m Population,
    text: &str,
    cal: &mut Calendar,
) -> Result<Vec<Program<'m>>, Message> {
    let mut texts = SharedTexts::default();
    if journeys.len() > MOST_JOURNEYS {
        return Err(crate::i18n::msg!(
            "sim-too-many",
            most = crate::limits::grouped(MOST_JOURNEYS as u64),
            what = crate::i18n::Arg::Word("sim-limit-journeys"),
            count = crate::limits::grouped(journeys.len() as u64),
        ));
    }
    let mut progs = (journeys.iter())
        .map(|j| Program::sharing(model, j, population, text, cal, &mut texts))
        .collect::<Result<Vec<_>, _>>()?;
    if progs.len() > 1 {
        join(&mut progs);
    }
    Ok(progs)
}

/// Several journeys' run: [`Run`]s of [`join`]ed programs on one calendar.
pub struct Portfolio<'a> {
    pub runs: Vec<Run<'a>>,
    /// Journeys in the order they run at one moment: decreasing priority, then model
    /// order.
    order: Vec<usize>,
    /// Per journey, what is added to the queue keys of its events (rank 0) and of its
    /// other items so that one comparison orders every journey's items: at one moment,
    /// every journey's events in the order the journeys run, then the other items
    /// journey by journey, each journey's in the order of its queue.
    marks: Vec<[u64; 2]>,
}

impl<'a> Portfolio<'a> {
    pub fn new(runs: Vec<Run<'a>>) -> Portfolio<'a> {
        // [`programs`] refuses more
        assert!(
            runs.len() <= MOST_JOURNEYS,
            "at most {MOST_JOURNEYS} journeys"
        );
        let mut order: Vec<usize> = (0..runs.len()).collect();
        order.sort_by_key(|&k| runs[k].prog.place);
        let marks = (runs.iter())
            .map(|r| mark(r.prog.place, runs.len()))
            .collect();
        Portfolio { runs, order, marks }
    }

    /// Each journey's empty aggregates, with its contention counters.
    pub(super) fn aggregates(&self) -> Vec<Aggregates> {
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
    pub(super) fn user<O: Observer>(
        &self,
        s: &mut [Scratch],
        aggs: &mut [Aggregates],
        obs: &mut O,
        index: u64,
    ) {
        let mut w = Walk {
            p: self,
            s,
            aggs,
            obs,
            index,
            entries: Vec::new(),
            heads: vec![u64::MAX; self.runs.len()],
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
    index: u64,
    /// Events whose entries are still to come at their moment, with where their field
    /// values are kept (`sim::fields`).
    entries: Vec<(Time, usize, u32)>,
    /// Per journey, its queue's first key with its [`Portfolio::marks`] (`u64::MAX`:
    /// none), kept as each call into the journey returns: only those calls change its
    /// queue, and the next item is looked for before every item.
    heads: Vec<u64>,
}

impl<O: Observer> Walk<'_, '_, O> {
    /// Runs `f` on the user in journey `k`.
    fn with<R>(&mut self, k: usize, f: impl FnOnce(&mut User<'_, '_, O>) -> R) -> R {
        let run = &self.p.runs[k];
        self.obs.journey(k);
        let (first, rest) = self.s.split_first_mut().expect("a journey");
        let s = match k {
            0 => &mut first.own,
            _ => &mut rest[k - 1].own,
        };
        let mut u = User {
            prog: run.prog,
            cal: run.cal,
            seed: run.seed,
            horizon: run.horizon,
            s,
            sh: &mut first.sh,
            agg: &mut self.aggs[k],
            obs: &mut *self.obs,
            index: self.index,
        };
        let out = f(&mut u);
        let head = self.s[k].own.queue.peek();
        self.heads[k] = head.map_or(u64::MAX, |e| marked(e, &self.p.marks[k]));
        out
    }

    /// Some journey's item left events, `enter`s or a tag change for the others
    /// ([`Shared::stirred`](super::user::Shared::stirred)): [`Walk::after`] looks at
    /// every journey's only then.
    fn stirred(&self) -> bool {
        self.s[0].sh.stirred
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
        self.with(0, |u| u.reset());
        (1..n).for_each(|k| self.with(k, |u| u.reset_own()));
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
            let entry = (self.s[k].own.queue)
                .pop_before(Time::MAX)
                .expect("a next item");
            let t = entry.time();
            if !self.with(k, |u| u.handle(entry)) {
                self.halt(k, t);
                return;
            }
            // every other journey was settled after the previous item, and only what
            // an item leaves for the others ([`Walk::share`]) touches them
            let settled = match self.stirred() {
                true => self.after(t),
                false => self.settle(k, t),
            };
            if !settled {
                return;
            }
        }
    }

    /// The entries the events at `at` trigger, journey by journey in order; `false`
    /// when the user was stopped in a rule loop.
    fn enter_on_events(&mut self, at: Time) -> bool {
        let n = self.entries.len();
        for i in 0..n {
            let (t, event, snap) = self.entries[i];
            for pos in 0..self.p.order.len() {
                let k = self.p.order[pos];
                // what `event_entry` would do without being called: nothing
                if self.s[k].own.j.inside || !enters_on(self.p.runs[k].prog, event) {
                    continue;
                }
                self.with(k, |u| {
                    u.sh.reading = snap;
                    u.event_entry(t, event);
                    u.sh.reading = NOW;
                });
            }
        }
        self.entries.drain(..n);
        self.after(at)
    }

    /// The event reaches every journey in order. A journey the user never entered only
    /// marks its conditions to be re-read: it is not switched to for that.
    fn event_inside(&mut self, t: Time, event: usize) {
        for pos in 0..self.p.order.len() {
            let k = self.p.order[pos];
            let j = &mut self.s[k].own.j;
            if j.entered {
                self.with(k, |u| u.event_inside(t, event));
            } else {
                j.dirty = true;
            }
        }
    }

    /// The next item's moment and journey: the earliest moment; at one moment events
    /// (rank 0) first, then journey by journey in order, each by its items' rank. One
    /// pass over the queues' heads, as it runs before every item.
    fn next(&self) -> Option<(Time, usize)> {
        let mut best = (u64::MAX, 0);
        // the marks make every journey's keys differ
        for (k, &key) in self.heads.iter().enumerate() {
            if key < best.0 {
                best = (key, k);
            }
        }
        let t = (best.0 >> 32) as Time;
        (best.0 != u64::MAX && t < self.p.runs[0].horizon).then_some((t, best.1))
    }

    /// After an item at `t`: what the journeys' items left for the others is shared
    /// ([`Walk::share`]); then each journey's conditions are re-evaluated. `false` when
    /// the user was stopped in a rule loop.
    fn after(&mut self, t: Time) -> bool {
        if self.stirred() {
            self.share(t);
        }
        (0..self.p.order.len()).all(|i| self.settle(self.p.order[i], t))
    }

    /// Journey `k`'s conditions re-evaluated if they need to be; `false` when the user
    /// was stopped in a rule loop. Inlined: after most items nothing is to be done.
    #[inline(always)]
    fn settle(&mut self, k: usize, t: Time) -> bool {
        let j = &self.s[k].own.j;
        j.revisits <= MAX_LOOP_STEPS && !j.dirty || self.resettle(k, t)
    }

    /// [`Walk::settle`] when the journey's conditions changed or it looped.
    fn resettle(&mut self, k: usize, t: Time) -> bool {
        // what `settle_or_stop` would do, without switching to the journey when it is
        // only to clear the flag
        let j = &mut self.s[k].own.j;
        if j.revisits <= MAX_LOOP_STEPS && !watching(self.p.runs[k].prog, j) {
            j.dirty = false;
            return true;
        }
        if !self.with(k, |u| u.settle_or_stop(t)) {
            self.halt(k, t);
            return false;
        }
        true
    }

    /// What one journey's items left for the others: the events (their entries wait for
    /// the moment's end), then the `enter` actions, then a tag change. None of these
    /// makes an event, and each consumes what the ones before it leave, so nothing is
    /// left after them.
    fn share(&mut self, t: Time) {
        for k in 0..self.s.len() {
            // by index, not taken: most items make no event, and a taken vector would
            // be freed and grown again for the next one
            let n = self.s[k].own.happened.len();
            if n == 0 {
                continue;
            }
            for i in 0..n {
                let event = self.s[k].own.happened[i];
                self.event_inside(t, event);
                let snap = self.with(0, |u| {
                    u.keep_fields(event);
                    std::mem::replace(&mut u.sh.snap, NOW)
                });
                self.entries.push((t, event, snap));
            }
            self.s[k].own.happened.drain(..n);
        }
        // in the order the actions ran
        while let Some(i) = self.s.iter().position(|s| !s.own.enters.is_empty()) {
            let k = self.s[i].own.enters.remove(0);
            self.with(k, |u| {
                if u.may_enter(t) {
                    u.enter_journey(t);
                }
            });
        }
        // tags are shared: one journey's may be read by another's conditions (an
        // event already reached every journey)
        if self.s.iter().any(|s| s.own.retagged) {
            for s in self.s.iter_mut().map(|s| &mut s.own) {
                s.retagged = false;
                s.j.dirty = true;
            }
        }
        self.s[0].sh.stirred = false;
    }

    /// Journey `stopped` stopped the user in a rule loop: the user leaves the others.
    fn halt(&mut self, stopped: usize, t: Time) {
        for k in (0..self.s.len()).filter(|&k| k != stopped) {
            self.with(k, |u| u.halt(t));
        }
    }
}

/// What [`marked`] adds to the keys of the events and of the other items of the journey
/// at `place` among `n`: the classes above the rank bits, `place` for its events and
/// `n + place` for the others.
fn mark(place: u16, n: usize) -> [u64; 2] {
    [0, n as u64].map(|class| (class + place as u64) << RANK_BITS)
}

/// `e`'s queue key with its journey's [`Portfolio::marks`].
#[inline(always)]
fn marked(e: &Timed, mark: &[u64; 2]) -> u64 {
    e.key() | mark[(e.rank() != 0) as usize]
}

/// Whether `event` may enter a user into the program's journey (`entry on event`).
fn enters_on(prog: &Program, event: usize) -> bool {
    matches!(&prog.journey.entry, Entry::On { event: e, .. } if e.index() == event)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::queue::{Item, Queue};

    /// The items of `n` journeys' queues (each journey's given by `push`, by place), in
    /// the order of their marked keys: `(moment, place, item)`.
    fn merged(n: usize, push: impl Fn(&mut Queue)) -> Vec<(Time, usize, Item)> {
        let mut all = Vec::new();
        for place in 0..n {
            let mut q = Queue::default();
            push(&mut q);
            let m = mark(place as u16, n);
            while let Some(e) = q.pop_before(Time::MAX) {
                all.push((marked(&e, &m), (e.time(), place, e.item)));
            }
        }
        all.sort_by_key(|&(key, _)| key);
        all.into_iter().map(|(_, item)| item).collect()
    }

    #[test]
    fn marked_keys_run_a_moments_events_first_then_journey_by_journey() {
        let (wake, chance) = (Item::Wake, Item::Chance { behavior: 0 });
        let rule = |rule| Item::Every { rule, epoch: 0 };
        let order = merged(2, |q| {
            q.push(10, wake);
            q.push(10, rule(1));
            q.push(10, chance);
            q.push(10, rule(0));
            q.push(9, wake);
        });
        let expected = [
            (9, 0, wake),
            (9, 1, wake),
            (10, 0, chance),
            (10, 1, chance),
            (10, 0, rule(0)),
            (10, 0, rule(1)),
            (10, 0, wake),
            (10, 1, rule(0)),
            (10, 1, rule(1)),
            (10, 1, wake),
        ];
        assert_eq!(order, expected);
    }

    #[test]
    fn the_most_journeys_keep_the_largest_rank_within_its_moment() {
        // the last journey's last item at 7 comes before the first journey's event at 8
        let n = MOST_JOURNEYS;
        let last = mark(n as u16 - 1, n);
        let first = mark(0, n);
        let mut q = Queue::default();
        q.push(7, Item::Wake);
        q.push(
            7,
            Item::Every {
                rule: u16::MAX - 2,
                epoch: 0,
            },
        );
        q.push(8, Item::Chance { behavior: 0 });
        let (a, b, c) = (q.pop_before(9), q.pop_before(9), q.pop_before(9));
        let (a, b, c) = (a.unwrap(), b.unwrap(), c.unwrap());
        assert!(marked(&a, &last) < marked(&b, &last));
        assert!(marked(&b, &last) < marked(&c, &first));
        assert_eq!(marked(&b, &last) >> 32, 7);
    }
}

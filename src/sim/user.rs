//! One user's discrete-event simulation: arrival, entry, stages and rules, transitions
//! and exits (spec §4, docs/language.md §11). Sends are in [`super::pipeline`],
//! behaviours in [`super::behavior`].

use super::aggregate::Aggregates;
use super::bulk::{CLOSED, PROBE};
use super::calendar::{Calendar, Time};
use super::cond::View;
use super::history::{refill, History, NEVER};
use super::loops::{LoopGuard, MAX_ITEMS_PER_MOMENT, MAX_LOOP_STEPS};
use super::program::{Program, Slot, JOURNEY_WIDE};
use super::queue::{Entry as Timed, Item, Queue, NOW};
use super::reads::ALL;
use super::rng::{hash_unit, Rng};
use super::trace::{Leave, Note, Observer};
use crate::check::model::{Entry, ExitLine};

/// [`LOOP_REASON`](super::program::LOOP_REASON)'s index: the program numbers it first.
const LOOP_REASON_INDEX: u32 = 0;

/// Records a trace note; compiles to nothing for the silent observer.
macro_rules! note {
    ($u:expr, $t:expr, $note:expr) => {
        if O::ON {
            let n = $note;
            $u.obs.note($t, &$u.sh.tags, n);
        }
    };
}
pub(super) use note;

/// What every user of a run shares.
#[derive(Clone, Copy)]
pub struct Run<'a> {
    pub prog: &'a Program<'a>,
    pub cal: &'a Calendar,
    pub seed: u64,
    /// The end of the run (exclusive).
    pub horizon: Time,
}

/// A per-period sent counter for caps.
#[derive(Clone, Copy, Debug)]
pub(super) struct Counter {
    pub period: i64,
    pub count: u32,
}

impl Default for Counter {
    fn default() -> Counter {
        Counter {
            period: i64::MIN,
            count: 0,
        }
    }
}

/// The user's place in the journey.
#[derive(Clone, Debug, Default)]
pub(super) struct JourneyState {
    pub inside: bool,
    pub stage: usize,
    /// When the current stage was entered.
    pub since: Time,
    /// Stage visit counter: rule items of older visits are stale.
    pub epoch: u32,
    /// Journey entry counter: deferred sends of older entries are stale.
    pub jepoch: u32,
    pub entered: bool,
    pub last_entry: Time,
    pub holdout: bool,
    /// Running the old stage's `on exit` rules (a `goto` there is ignored).
    pub exiting: bool,
    /// Something conditions read changed: re-evaluate before the next item.
    pub dirty: bool,
    /// The `when` rules whose inputs changed since they were last evaluated (bits of
    /// `sim::watch`).
    pub stale: u64,
    /// The earliest moment a `when` rule of the journey or the current stage may
    /// change by time alone (see [`User::rules_until`]).
    pub rules_until: Time,
    pub wake_at: Time,
    /// The moment of the stage entries in [`Own::moment_stages`] and of `revisits`,
    /// the entries into a stage already entered at that moment.
    pub stages_moment: Time,
    pub revisits: u32,
    /// The highest [`Item::rank`] handled at [`Shared::moment`] (since the bulk rule's stay
    /// began, if it began then): whether the bulk rule's item at `moment` would have
    /// been handled already.
    pub moment_rank: u64,
    /// The current stage's sleeping rules (`sim::sleep`; bits by rule index), and
    /// those of them that fell asleep at moment `dozed_at`.
    pub asleep: u64,
    pub dozed: u64,
    pub dozed_at: Time,
    /// The index of the bulk rule's first moment not yet counted in this stay
    /// ([`CLOSED`]: none open).
    pub bulk_next: u32,
    /// The index of the open stay's first moment whose send the touchpoint's
    /// `last_sent` does not hold yet, for the touchpoints whose last send a behaviour
    /// reads: [`User::last_send`] reads the moments from there, and they are kept in
    /// `last_sent` only when the guards change or the stay closes (`User::bulk_keep`).
    pub bulk_read: u32,
    /// The moment at which the bulk rule's items were added to `steps` (or queued to
    /// be), see [`User::bulk_steps`].
    pub bulk_synced: Time,
    /// The index of the bulk rules' moment whose chance item ([`PROBE`]) is queued
    /// ([`CLOSED`]: none).
    pub bulk_probe: u32,
    /// The guarded bulk rules whose guard is false in the open stay (their
    /// `BulkRule::bit`s), see `sim::bulk_guard`.
    pub bulk_off: u32,
}

/// No local day.
pub(super) const NO_DAY: i64 = i64::MIN;

/// Buffers reused from user to user on one thread. A portfolio's journeys use the
/// first journey's [`Shared`] and each its own [`Own`] (`sim::portfolio`).
#[derive(Default)]
pub struct Scratch {
    pub(super) sh: Shared,
    pub(super) own: Own,
}

/// A journey's own part of the user's state and buffers.
#[derive(Default)]
pub struct Own {
    pub(super) queue: Queue,
    /// The user's tasks not yet closed (`sim::tasks`).
    pub(super) tasks: Vec<super::team::OpenTask>,
    /// Per `when` rule of the current stage, whether it may fire (its condition has
    /// been false since it last fired); `armed_wide` the same for journey-wide rules.
    pub(super) armed: Vec<bool>,
    pub(super) armed_wide: Vec<bool>,
    /// Per `when` rule (bits of `sim::watch`), the moment its condition may change by
    /// time alone, from its last evaluation.
    pub(super) until: Vec<Time>,
    pub(super) path: Vec<u16>,
    /// Per stage, when the user last entered it ([`NEVER`]: not yet).
    pub(super) entered_at: Vec<Time>,
    /// The stages entered at [`JourneyState::stages_moment`], in order: where a rule
    /// loop's stages are read from.
    pub(super) moment_stages: Vec<u16>,
    /// Per split, the arm + 1 (0: not reached).
    pub(super) split_arm: Vec<u16>,
    /// Per split, the user's first assignment in the stay of `split_stay` (the journey
    /// entry epoch), where the arm's goal windows start.
    pub(super) split_at: Vec<Time>,
    pub(super) split_stay: Vec<u32>,
    /// Per split and goal (`split × goals + goal`), reached within the goal's window
    /// from an assignment.
    pub(super) split_reached: Vec<bool>,
    pub(super) reached: Vec<bool>,
    /// Per goal, where its current window opened ([`NEVER`]: not yet), the stay
    /// (journey entry epoch) it opened in, and whether one ever opened (the goal's
    /// denominator).
    pub(super) goal_from: Vec<Time>,
    pub(super) goal_stay: Vec<u32>,
    pub(super) goal_open: Vec<bool>,
    /// [`Item::rank`] of the item being handled (0 for the arrival's events): whether
    /// the bulk rule's moment at an exit went out before it.
    pub(super) rank: u64,
    pub(super) j: JourneyState,
    /// A portfolio's: the events that happened while handling the current item, for
    /// the other journeys (`sim::portfolio`), and the journeys `enter` actions named.
    pub(super) happened: Vec<usize>,
    pub(super) enters: Vec<usize>,
    /// A tag was set: in a portfolio, every journey's conditions are re-evaluated.
    pub(super) retagged: bool,
    /// A portfolio's: the cap counters and rings of this journey's own sends, which
    /// say whether a capped send was capped by other journeys' sends (contention).
    pub(super) own_caps: Vec<Counter>,
    pub(super) own_rings: Vec<std::collections::VecDeque<Time>>,
    /// The bulk rule's sends counted per thread: added to the aggregates by
    /// [`Run::bulk_flush`] after the thread's users.
    pub(super) bulk: super::bulk::Cover,
}

/// The user's state and buffers that a portfolio's journeys share: each journey's
/// [`User`] reaches them through one reference, so switching journeys moves nothing.
#[derive(Default)]
pub struct Shared {
    /// The user's stream, seeded by [`User::reset_shared`]: one for all journeys.
    pub(super) rng: Rng,
    /// The stream text, enum and bool event fields are drawn from (`sim::fields`),
    /// seeded by the user's first such draw: most users make none, and seeding costs
    /// more than a draw.
    pub(super) values: Option<Rng>,
    /// Whether any `once` behaviour's event happened for the current user (else
    /// [`Shared::spent`] needs no clearing for the next).
    pub(super) spent_any: bool,
    /// See [`Shared::snaps`].
    pub(super) snap: u32,
    pub(super) reading: u32,
    /// A portfolio's: some journey's item left events, `enter`s or a tag change
    /// ([`Own::happened`], [`Own::enters`], [`Own::retagged`]) for the others.
    pub(super) stirred: bool,
    /// How many journeys the user is in (a portfolio's fatigue days run while any).
    pub(super) inside: u32,
    /// The moment of the items counted in `steps` (the loop guard's, over every
    /// journey).
    pub(super) moment: Time,
    pub(super) steps: u32,
    /// The local day whose sends are being counted for fatigue ([`NO_DAY`]: none yet),
    /// and its sends so far.
    pub(super) fatigue_day: i64,
    pub(super) fatigue_sends: u64,
    /// Days without sends between the days counted so far, not yet in the tally.
    pub(super) fatigue_quiet: u64,
    pub(super) tags: Vec<Slot>,
    pub(super) hist: History,
    /// Per event, whether a `once` behaviour's event happened (history included).
    pub(super) spent: Vec<bool>,
    /// The user's past events `(moment, event)`, sorted before they are recorded.
    pub(super) past: Vec<(Time, usize)>,
    pub(super) fields: Vec<f64>,
    /// Field values kept for scheduled rules, [`Shared::snap`] the ones the rules
    /// scheduled now carry and [`Shared::reading`] the ones the firing rule reads
    /// (`fields::NOW`: the event being handled).
    pub(super) snaps: Vec<f64>,
    /// Each behaviour's next candidate time (continuous).
    pub(super) candidate: Vec<f64>,
    /// Per behaviour with windows, where its candidate is in them (`sim::bounds`).
    pub(super) windowed: Vec<super::windows::Windowed>,
    /// Last send that went out, per touchpoint, then any touchpoint, then the last
    /// task created, per team: by [`Program::reaction_slot`].
    pub(super) last_sent: Vec<Time>,
    /// Sent counters for caps, see [`Program::caps`].
    pub(super) caps: Vec<Counter>,
    /// The moments of the last sends counted by each rolling cap, see
    /// [`Program::rolling`].
    pub(super) rings: Vec<std::collections::VecDeque<Time>>,
}

/// One user being simulated. The run's parts are copied in rather than reached through
/// the [`Run`]: each is one load away on the hot paths.
pub struct User<'r, 'a, O: Observer> {
    pub(super) prog: &'a Program<'a>,
    pub(super) cal: &'a Calendar,
    pub(super) seed: u64,
    pub(super) horizon: Time,
    pub(super) s: &'r mut Own,
    pub(super) sh: &'r mut Shared,
    pub(super) agg: &'r mut Aggregates,
    pub(super) obs: &'r mut O,
    pub(super) index: u64,
}

impl<'r, 'a, O: Observer> User<'r, 'a, O> {
    /// Simulates user `index` of the run, adding to `agg`.
    pub fn simulate(
        run: &'r Run<'a>,
        s: &'r mut Scratch,
        agg: &'r mut Aggregates,
        obs: &'r mut O,
        index: u64,
    ) {
        let mut u = User::new(run, s, agg, obs, index);
        u.reset();
        if u.arrive() {
            u.run_until(u.horizon);
        }
        u.finish();
    }

    /// User `index` of the run, not yet [reset](User::reset).
    pub(super) fn new(
        run: &'r Run<'a>,
        s: &'r mut Scratch,
        agg: &'r mut Aggregates,
        obs: &'r mut O,
        index: u64,
    ) -> Self {
        User {
            prog: run.prog,
            cal: run.cal,
            seed: run.seed,
            horizon: run.horizon,
            s: &mut s.own,
            sh: &mut s.sh,
            agg,
            obs,
            index,
        }
    }

    pub(super) fn reset(&mut self) {
        self.reset_shared();
        self.reset_own();
    }

    /// Resets what a portfolio's journeys share ([`Shared`]): once per user, not once
    /// per journey.
    pub(super) fn reset_shared(&mut self) {
        let p = self.prog;
        let s = &mut *self.sh;
        s.rng = Rng::for_user(self.seed, self.index);
        s.values = None;
        s.tags.clone_from(&p.empty);
        s.hist.reset(&p.retention);
        if s.spent_any || s.spent.len() != p.once.len() {
            refill(&mut s.spent, p.once.len(), false);
            s.spent_any = false;
        }
        s.fields.resize(p.most_fields, 0.0);
        s.snaps.clear();
        s.snap = NOW;
        s.reading = NOW;
        refill(&mut s.candidate, p.behaviors.len(), 0.0);
        // (written before it is read: a behaviour's candidates start with its `y`)
        s.windowed.resize(p.behaviors.len(), Default::default());
        // every reaction slot: the touchpoints, any, the teams
        refill(&mut s.last_sent, p.task_slot(p.model.teams.len()), NEVER);
        refill(&mut s.caps, p.counters, Counter::default());
        s.rings.resize_with(p.rings, Default::default);
        s.rings.iter_mut().for_each(|r| r.clear());
        s.stirred = false;
        s.inside = 0;
        s.moment = NEVER;
        s.steps = 0;
        s.fatigue_day = NO_DAY;
        s.fatigue_sends = 0;
        s.fatigue_quiet = 0;
    }

    /// Resets the journey's own state ([`Own`]).
    pub(super) fn reset_own(&mut self) {
        let p = self.prog;
        let s = &mut *self.s;
        s.queue.clear();
        s.rank = 0;
        s.tasks.clear();
        if p.portfolio.is_some() {
            refill(&mut s.own_caps, p.counters, Counter::default());
            s.own_rings.resize_with(p.rings, Default::default);
            s.own_rings.iter_mut().for_each(|r| r.clear());
        }
        s.happened.clear();
        s.enters.clear();
        s.retagged = false;
        refill(&mut s.armed, p.most_rules, true);
        refill(&mut s.armed_wide, p.wide.rules.len(), true);
        // read only after an evaluation: every rule is stale until then
        s.until.resize(p.watch.rules, Time::MAX);
        s.path.clear();
        refill(&mut s.entered_at, p.stages.len(), NEVER);
        s.moment_stages.clear();
        refill(&mut s.split_arm, p.splits.len(), 0);
        refill(&mut s.split_at, p.splits.len(), NEVER);
        refill(&mut s.split_stay, p.splits.len(), 0);
        refill(
            &mut s.split_reached,
            p.splits.len() * p.journey.goals.len(),
            false,
        );
        refill(&mut s.reached, p.journey.goals.len(), false);
        refill(&mut s.goal_from, p.journey.goals.len(), NEVER);
        refill(&mut s.goal_stay, p.journey.goals.len(), 0);
        refill(&mut s.goal_open, p.journey.goals.len(), false);
        s.j = JourneyState {
            wake_at: Time::MAX,
            stages_moment: NEVER,
            bulk_next: CLOSED,
            bulk_synced: NEVER,
            bulk_probe: CLOSED,
            stale: ALL,
            ..JourneyState::default()
        };
    }

    /// Draws the user's tags and arrival; `false` when the arrival is after the run.
    fn arrive(&mut self) -> bool {
        self.draw_tags();
        self.join();
        self.place_history();
        let Some(arrival) = self.arrival() else {
            return self.present_from_start();
        };
        if arrival >= self.horizon {
            return false;
        }
        self.agg.arrived += 1;
        self.start_behaviors(arrival);
        self.arrival_event(arrival);
        self.settle_or_stop(arrival)
    }

    /// Draws the user's tags (one set, shared by a portfolio's journeys).
    pub(super) fn draw_tags(&mut self) {
        for (tag, draw) in &self.prog.draws {
            self.sh.tags[*tag] = draw.sample(&mut self.sh.rng);
        }
        note!(self, 0, Note::Tags);
    }

    /// The user is counted in the journey's users, with its own holdout draw.
    pub(super) fn join(&mut self) {
        let p = self.prog;
        self.s.j.holdout =
            p.holdout > 0.0 && hash_unit(self.seed, self.index, p.holdout_salt) < p.holdout;
        note!(
            self,
            0,
            Note::Group {
                holdout: self.s.j.holdout
            }
        );
        self.agg.users += 1;
    }

    /// Draws the arrival (noted when it is after the run); `None` for `arrivals none`.
    pub(super) fn arrival(&mut self) -> Option<Time> {
        let arrivals = self.prog.population.arrivals?;
        let over = arrivals.over.seconds() as f64;
        let arrival = (self.sh.rng.unit() * over) as Time;
        if arrival >= self.horizon {
            note!(self, 0, Note::NoArrival { at: arrival });
        }
        Some(arrival)
    }

    /// The arrival's event, at `arrival`.
    pub(super) fn arrival_event(&mut self, arrival: Time) {
        let event = (self.prog.population.arrivals)
            .expect("an arrival has arrivals")
            .event
            .index();
        note!(self, arrival, Note::Arrival { event });
        self.happen(arrival, event);
    }

    /// Re-evaluates the conditions if something they read changed; `false` when the
    /// user is stopped in a rule loop.
    #[inline(always)]
    pub(super) fn settle_or_stop(&mut self, t: Time) -> bool {
        if self.s.j.dirty {
            self.settle(t);
        }
        if self.s.j.revisits > MAX_LOOP_STEPS {
            self.stop(t, LoopGuard::StageChanges);
            return false;
        }
        true
    }

    /// Runs the user's timed items due before `end` (the run's end, or in the
    /// simulator's tests the next scripted event); `false` when the user was stopped in
    /// a rule loop.
    pub(super) fn run_until(&mut self, end: Time) -> bool {
        while let Some(entry) = self.s.queue.pop_before(end) {
            if !self.handle(entry) || !self.settle_or_stop(entry.time()) {
                return false;
            }
        }
        true
    }

    /// Handles one timed item; `false` when the user was stopped in a rule loop (too
    /// many items at one moment).
    #[inline(always)]
    pub(super) fn handle(&mut self, entry: Timed) -> bool {
        let t = entry.time();
        self.s.rank = entry.rank();
        let (j, sh) = (&mut self.s.j, &mut *self.sh);
        if t == sh.moment {
            sh.steps += 1;
            j.moment_rank = j.moment_rank.max(self.s.rank);
            if sh.steps >= MAX_ITEMS_PER_MOMENT - 1 {
                if j.bulk_next != CLOSED {
                    self.bulk_steps(t);
                }
                if self.s.j.asleep != 0 {
                    self.sleepers_steps(t);
                }
            }
            if self.sh.steps > MAX_ITEMS_PER_MOMENT {
                self.stop(t, LoopGuard::Steps);
                return false;
            }
        } else {
            sh.moment = t;
            sh.steps = 0;
            j.moment_rank = self.s.rank;
        }
        match entry.item {
            Item::Candidate { behavior } => self.candidate(t, behavior as usize),
            Item::Chance { behavior } => {
                let event = self.prog.behaviors[behavior as usize].event;
                if !self.once_spent(event) {
                    self.happen(t, event);
                }
            }
            Item::SendOut {
                tp,
                template,
                epoch,
            } => {
                if epoch == self.s.j.jepoch && self.s.j.inside {
                    self.go_out(t, tp as usize, template);
                }
            }
            Item::Rule { rule, epoch, snap } => {
                if epoch == self.s.j.epoch && self.s.j.inside {
                    self.sh.reading = snap;
                    self.fire(t, self.s.j.stage, rule as usize);
                    self.sh.reading = NOW;
                }
            }
            Item::Every { rule, epoch } => {
                if epoch == self.s.j.epoch && self.s.j.inside {
                    self.every(t, self.s.j.stage, rule as usize);
                }
            }
            Item::WideRule { rule, epoch, snap } => {
                if epoch == self.s.j.jepoch && self.s.j.inside {
                    self.sh.reading = snap;
                    self.fire(t, JOURNEY_WIDE, rule as usize);
                    self.sh.reading = NOW;
                }
            }
            Item::WideEvery { rule, epoch } => {
                if epoch == self.s.j.jepoch && self.s.j.inside {
                    self.every(t, JOURNEY_WIDE, rule as usize);
                } else if epoch == self.s.j.jepoch | PROBE && self.s.j.inside {
                    // not a variant of its own: one more arm costs every item
                    self.bulk_chance(t);
                }
            }
            Item::Wake => {
                if t == self.s.j.wake_at {
                    self.s.j.wake_at = Time::MAX;
                    self.s.j.dirty = true;
                }
            }
        }
        true
    }

    pub(super) fn view(&self, now: Time) -> View<'_> {
        View {
            prog: self.prog,
            cal: self.cal,
            tags: &self.sh.tags,
            hist: &self.sh.hist,
            fields: self.event_fields(),
            stage: self.s.j.inside.then_some(self.s.j.stage),
            now,
        }
    }

    /// An event happens: history, goals, exit lines, `on EVENT` rules, entry. In a
    /// portfolio only the history here: `sim::portfolio` takes it to every journey.
    pub(super) fn happen(&mut self, t: Time, event: usize) {
        self.record_event(t, event);
        if self.prog.portfolio.is_some() {
            self.s.happened.push(event);
            self.sh.stirred = true;
            return;
        }
        self.event_inside(t, event);
        self.event_entry(t, event);
    }

    /// The event's fields, history and `once`: what every journey shares.
    fn record_event(&mut self, t: Time, event: usize) {
        let p = self.prog;
        self.draw_fields(event);
        (self.sh.hist).record(&p.retention, event, t, &self.sh.fields);
        self.spend_once(event);
        note!(
            self,
            t,
            Note::Event {
                event,
                fields: self.drawn_fields(event),
            }
        );
    }

    /// The event in the journey: goals, exit lines, `on EVENT` rules.
    pub(super) fn event_inside(&mut self, t: Time, event: usize) {
        let p = self.prog;
        self.s.j.dirty = true;
        self.s.j.stale |= p.watch.on_event[event];
        if self.s.j.inside {
            self.idle_reset(t);
        }
        if self.s.j.entered {
            self.event_goals(t, event);
        }
        if self.s.j.inside && p.exits_on[event] {
            // the first `exit on EVENT` line whose condition holds
            let view = self.view(t);
            let on = |l: &ExitLine| match l {
                ExitLine::On(e, cond) => {
                    e.index() == event && cond.as_ref().is_none_or(|c| view.holds(c))
                }
                ExitLine::When(_) => false,
            };
            if let Some(line) = p.journey.exits.iter().position(on) {
                self.exit_journey(t, p.exit_lines[line], || {
                    Leave::As(format!(
                        "exit {}",
                        p.exit_reasons[p.exit_lines[line] as usize]
                    ))
                });
            }
        }
        if self.s.j.inside {
            let stage = self.s.j.stage;
            let (wide, rules) = (&p.wide.on_event[event], &p.stages[stage].on_event[event]);
            if !wide.is_empty() || !rules.is_empty() {
                self.keep_fields(event);
            }
            for &rule in wide {
                self.schedule(t, JOURNEY_WIDE, rule);
            }
            for &rule in rules {
                self.schedule(t, stage, rule);
            }
            self.sh.snap = NOW;
        }
    }

    /// The event's `entry on EVENT`, for a user outside the journey.
    pub(super) fn event_entry(&mut self, t: Time, event: usize) {
        if self.s.j.inside {
            return;
        }
        if let Entry::On { event: e, cond } = &self.prog.journey.entry {
            if e.index() == event
                && self.may_enter(t)
                && cond.as_ref().is_none_or(|c| self.view(t).holds(c))
            {
                self.enter_journey(t);
            }
        }
    }

    /// A rule loop: the user leaves the journey and the rest of the run is skipped; the
    /// loop's stages are counted.
    fn stop(&mut self, t: Time, guard: LoopGuard) {
        let stages = self.loop_stages(t);
        note!(
            self,
            t,
            Note::Stopped {
                stages: stages.iter().map(|&s| s as usize).collect(),
                guard,
            }
        );
        if self.s.j.inside {
            self.exit_journey(t, LOOP_REASON_INDEX, || Leave::RuleLoop);
        }
        self.agg.stopped += 1;
        self.agg.loops.add(&stages);
        self.s.queue.clear();
    }

    /// Another journey of the portfolio stopped the user in a rule loop: the user leaves
    /// this one too (counted as the rule loop's exit) and nothing more happens in it.
    pub(super) fn halt(&mut self, t: Time) {
        if self.s.j.inside {
            self.exit_journey(t, LOOP_REASON_INDEX, || Leave::RuleLoop);
        }
        self.s.queue.clear();
    }

    /// Adds the user's outcome: fatigue, then [`User::finish_journey`].
    fn finish(&mut self) {
        if self.s.j.bulk_next != CLOSED {
            self.bulk_count(self.horizon);
        }
        self.fatigue_finish(self.cal.day_of(self.horizon - 1));
        self.finish_journey();
    }

    /// Adds the user's outcome in the journey: open tasks, open visit, goal groups,
    /// stages seen, split arms.
    pub(super) fn finish_journey(&mut self) {
        self.close_tasks(None, false);
        let goals = self.prog.journey.goals.len();
        let (s, agg) = (&mut *self.s, &mut *self.agg);
        if s.j.inside {
            agg.stages[s.j.stage].end += 1;
            agg.paths.add(&s.path);
        }
        if s.j.entered {
            if s.j.holdout {
                agg.holdout_users += 1;
            } else {
                agg.treatment_users += 1;
            }
            for (g, counts) in agg.goals.iter_mut().enumerate() {
                let (users, reached) = match s.j.holdout {
                    true => (&mut counts.holdout_users, &mut counts.holdout),
                    false => (&mut counts.treatment_users, &mut counts.treatment),
                };
                *users += s.goal_open[g] as u64;
                *reached += s.reached[g] as u64;
            }
        }
        for (stage, _) in (s.entered_at.iter().enumerate()).filter(|(_, &at)| at != NEVER) {
            agg.stages[stage].users += 1;
        }
        for (split, &arm) in s.split_arm.iter().enumerate().filter(|(_, a)| **a > 0) {
            let counts = &mut agg.splits[split][arm as usize - 1];
            counts.users += 1;
            let reached = &s.split_reached[split * goals..(split + 1) * goals];
            for (g, _) in reached.iter().enumerate().filter(|(_, r)| **r) {
                counts.reached[g] += 1;
            }
        }
    }
}

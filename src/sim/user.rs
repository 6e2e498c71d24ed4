//! One user's discrete-event simulation: arrival, entry, stages and rules, transitions
//! and exits (spec §4, docs/language.md §11). Sends are in [`super::pipeline`],
//! behaviours in [`super::behavior`].

use super::aggregate::{Aggregates, MAX_PATH, TRUNCATED};
use super::calendar::{Calendar, Time};
use super::cond::View;
use super::history::{History, NEVER};
use super::program::{Op, Program, Slot};
use super::queue::{Item, Queue};
use super::rng::{hash_unit, Rng};
use super::trace::{Note, Observer, Skip};
use crate::check::model::{Entry, ExitLine, Reentry, Trigger};

/// More steps than this at one moment is a rule loop (`a -> b`, `b -> a` on enter).
pub const MAX_STEPS_PER_MOMENT: u32 = 10_000;
const HOLDOUT_SALT: u64 = 1;
const SPLIT_SALT: u64 = 1 << 32;

/// Records a trace note; compiles to nothing for the silent observer.
macro_rules! note {
    ($u:expr, $t:expr, $note:expr) => {
        if O::ON {
            let n = $note;
            $u.obs.note($t, &$u.s.tags, n);
        }
    };
}
pub(super) use note;

/// What every user of a run shares.
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
    pub wake_at: Time,
    pub moment: Time,
    pub steps: u32,
}

/// Buffers reused from user to user on one thread.
#[derive(Default)]
pub struct Scratch {
    pub(super) tags: Vec<Slot>,
    pub(super) hist: History,
    pub(super) queue: Queue,
    pub(super) fields: Vec<f64>,
    /// Each behaviour's next candidate time (continuous).
    pub(super) candidate: Vec<f64>,
    /// Last send that went out, per touchpoint, then any touchpoint.
    pub(super) last_sent: Vec<Time>,
    pub(super) caps: Vec<[Counter; 3]>,
    pub(super) journey_caps: [Counter; 3],
    armed: Vec<bool>,
    path: Vec<u16>,
    stage_seen: Vec<bool>,
    /// Per split, the arm + 1 (0: not reached).
    split_arm: Vec<u16>,
    reached: Vec<bool>,
    pub(super) j: JourneyState,
}

pub struct User<'r, 'a, O: Observer> {
    pub(super) run: &'r Run<'a>,
    pub(super) s: &'r mut Scratch,
    pub(super) agg: &'r mut Aggregates,
    pub(super) obs: &'r mut O,
    pub(super) rng: Rng,
    index: u64,
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
        let mut u = User {
            run,
            s,
            agg,
            obs,
            rng: Rng::for_user(run.seed, index),
            index,
        };
        u.reset();
        if u.arrive() {
            u.events();
        }
        u.finish();
    }

    fn reset(&mut self) {
        let p = self.run.prog;
        let s = &mut *self.s;
        s.tags.clear();
        s.tags.extend_from_slice(&p.empty);
        s.hist.reset(&p.retention);
        s.queue.clear();
        let most_fields = p.model.events.iter().map(|e| e.fields.len()).max();
        s.fields.resize(most_fields.unwrap_or(0), 0.0);
        s.candidate.clear();
        s.candidate.resize(p.behaviors.len(), 0.0);
        s.last_sent.clear();
        s.last_sent.resize(p.model.touchpoints.len() + 1, NEVER);
        s.caps.clear();
        s.caps.resize(p.model.touchpoints.len(), Default::default());
        s.journey_caps = Default::default();
        let most_rules = p.stages.iter().map(|st| st.rules.len()).max();
        s.armed.clear();
        s.armed.resize(most_rules.unwrap_or(0), true);
        s.path.clear();
        s.stage_seen.clear();
        s.stage_seen.resize(p.stages.len(), false);
        s.split_arm.clear();
        s.split_arm.resize(p.splits.len(), 0);
        s.reached.clear();
        s.reached.resize(p.journey.goals.len(), false);
        s.j = JourneyState {
            wake_at: Time::MAX,
            moment: NEVER,
            ..JourneyState::default()
        };
    }

    /// Draws the user's tags and arrival; `false` when the arrival is after the run.
    fn arrive(&mut self) -> bool {
        let p = self.run.prog;
        for (tag, draw) in &p.draws {
            self.s.tags[*tag] = draw.sample(&mut self.rng);
        }
        self.s.j.holdout =
            p.holdout > 0.0 && hash_unit(self.run.seed, self.index, HOLDOUT_SALT) < p.holdout;
        note!(self, 0, Note::Tags);
        if self.s.j.holdout {
            note!(self, 0, Note::Holdout);
        }
        self.agg.users += 1;
        let over = p.population.arrivals.over.seconds() as f64;
        let arrival = (self.rng.unit() * over) as Time;
        if arrival >= self.run.horizon {
            note!(self, 0, Note::NoArrival { at: arrival });
            return false;
        }
        self.agg.arrived += 1;
        self.start_behaviors(arrival);
        let event = p.population.arrivals.event.index();
        note!(self, arrival, Note::Arrival { event });
        self.happen(arrival, event);
        if self.s.j.dirty {
            self.settle(arrival);
        }
        true
    }

    /// Runs the user's timed items until the end of the run.
    fn events(&mut self) {
        while let Some(entry) = self.s.queue.pop() {
            let t = entry.time;
            if t >= self.run.horizon {
                break;
            }
            let j = &mut self.s.j;
            if t == j.moment {
                j.steps += 1;
                if j.steps > MAX_STEPS_PER_MOMENT {
                    self.stop(t);
                    break;
                }
            } else {
                j.moment = t;
                j.steps = 0;
            }
            match entry.item {
                Item::Candidate { behavior } => self.candidate(t, behavior as usize),
                Item::Chance { behavior } => {
                    let event = self.run.prog.behaviors[behavior as usize].event;
                    self.happen(t, event);
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
                Item::Rule { rule, epoch } => {
                    if epoch == self.s.j.epoch && self.s.j.inside {
                        self.fire(t, rule as usize);
                    }
                }
                Item::Every { rule, epoch } => {
                    if epoch == self.s.j.epoch && self.s.j.inside {
                        self.every(t, rule as usize);
                    }
                }
                Item::Wake => {
                    if t == self.s.j.wake_at {
                        self.s.j.wake_at = Time::MAX;
                        self.s.j.dirty = true;
                    }
                }
            }
            if self.s.j.dirty {
                self.settle(t);
            }
        }
    }

    pub(super) fn view(&self, now: Time) -> View<'_> {
        View {
            prog: self.run.prog,
            tags: &self.s.tags,
            hist: &self.s.hist,
            stage: self.s.j.inside.then_some(self.s.j.stage),
            now,
        }
    }

    /// An event happens: history, goals, exit lines, `on EVENT` rules, entry.
    pub(super) fn happen(&mut self, t: Time, event: usize) {
        let p = self.run.prog;
        self.draw_fields(event);
        self.s.hist.record(&p.retention, event, t, &self.s.fields);
        note!(
            self,
            t,
            Note::Event {
                event,
                fields: self.drawn_fields(event),
            }
        );
        self.s.j.dirty = true;
        if self.s.j.entered {
            self.goals(t, event);
        }
        let exits_on = |l: &ExitLine| matches!(l, ExitLine::On(e) if e.index() == event);
        if self.s.j.inside && p.journey.exits.iter().any(exits_on) {
            self.exit_journey(t, || format!("exit on {}", p.model.events[event].name));
        }
        if self.s.j.inside {
            for &rule in &p.stages[self.s.j.stage].on_event[event] {
                self.schedule(t, rule);
            }
        } else if let Entry::On { event: e, cond } = &p.journey.entry {
            if e.index() == event
                && self.may_enter(t)
                && cond.as_ref().map_or(true, |c| self.view(t).holds(c))
            {
                self.enter_journey(t);
            }
        }
    }

    fn goals(&mut self, t: Time, event: usize) {
        let p = self.run.prog;
        for (g, goal) in p.journey.goals.iter().enumerate() {
            let in_window = goal
                .within
                .map_or(true, |w| t <= self.s.j.last_entry + w.seconds() as Time);
            if goal.event.index() == event && !self.s.reached[g] && in_window {
                self.s.reached[g] = true;
                self.agg.daily_goals[g][self.run.cal.day_of(t) as usize] += 1;
                note!(self, t, Note::Goal { goal: g });
            }
        }
    }

    fn may_enter(&self, t: Time) -> bool {
        let j = &self.s.j;
        !j.inside
            && (!j.entered
                || match self.run.prog.journey.reentry {
                    Reentry::Never => false,
                    Reentry::Always => true,
                    Reentry::After(d) => t >= j.last_entry + d.seconds() as Time,
                })
    }

    fn enter_journey(&mut self, t: Time) {
        let j = &mut self.s.j;
        j.inside = true;
        j.entered = true;
        j.last_entry = t;
        j.jepoch += 1;
        self.agg.entries += 1;
        self.s.path.clear();
        note!(self, t, Note::EnterJourney);
        self.enter_stage(t, 0, None);
    }

    fn enter_stage(&mut self, t: Time, to: usize, from: Option<usize>) {
        let p = self.run.prog;
        let j = &mut self.s.j;
        j.stage = to;
        j.since = t;
        j.epoch += 1;
        j.dirty = true;
        self.agg.stages[to].entered += 1;
        self.s.stage_seen[to] = true;
        let path = &mut self.s.path;
        if path.len() < MAX_PATH {
            path.push(to as u16);
        } else if path.last() != Some(&TRUNCATED) {
            path.push(TRUNCATED);
        }
        note!(self, t, Note::Stage { from, to });
        let stage = &p.stages[to];
        for &rule in &stage.when {
            self.s.armed[rule] = true;
        }
        for &rule in &stage.on_enter {
            match stage.rules[rule].trigger {
                Trigger::Every { days, clocks } => {
                    let at = self.run.cal.next_every(t, *days, clocks);
                    self.push_rule_item(at, rule, true);
                }
                _ => self.schedule(t, rule),
            }
        }
    }

    /// Queues a firing of `rule` (of the current stage) for trigger moment `t`.
    fn schedule(&mut self, t: Time, rule: usize) {
        let timing = &self.run.prog.stages[self.s.j.stage].rules[rule].timing;
        let at = self.run.cal.shift(t, timing);
        self.push_rule_item(at, rule, false);
    }

    fn push_rule_item(&mut self, at: Time, rule: usize, every: bool) {
        if at < self.run.horizon {
            let (rule, epoch) = (rule as u16, self.s.j.epoch);
            let item = if every {
                Item::Every { rule, epoch }
            } else {
                Item::Rule { rule, epoch }
            };
            self.s.queue.push(at, item);
        }
    }

    /// An `every` moment: queue the next one, then fire (or shift by the rule's timing).
    fn every(&mut self, t: Time, rule: usize) {
        let r = &self.run.prog.stages[self.s.j.stage].rules[rule];
        if let Trigger::Every { days, clocks } = r.trigger {
            let next = self.run.cal.next_every(t + 1, *days, clocks);
            self.push_rule_item(next, rule, true);
        }
        if r.has_timing() {
            self.schedule(t, rule);
        } else {
            self.fire(t, rule);
        }
    }

    /// A rule's fire moment: the guard, then the actions.
    fn fire(&mut self, t: Time, rule: usize) {
        let stage = self.s.j.stage;
        let r = &self.run.prog.stages[stage].rules[rule];
        if let Some(g) = r.guard {
            if self.view(t).holds(&g.cond) == g.negated {
                note!(
                    self,
                    t,
                    Note::Skipped {
                        stage,
                        rule,
                        why: Skip::GuardFalse,
                    }
                );
                return;
            }
        }
        note!(self, t, Note::Fired { stage, rule });
        self.run_ops(t, &r.ops);
    }

    /// Runs actions in order; `false` when a `goto` or `exit` ended the block.
    fn run_ops(&mut self, t: Time, ops: &[Op<'_>]) -> bool {
        for op in ops {
            match *op {
                Op::Send { tp, template } => self.send(t, tp, template),
                Op::SetTag { tag, value } => self.set_tag(t, tag, value),
                Op::AddMember { tag, bit } => self.set_tag(t, tag, self.s.tags[tag] | bit),
                Op::RemoveMember { tag, bit } => self.set_tag(t, tag, self.s.tags[tag] & !bit),
                Op::Goto(to) => {
                    if !self.s.j.exiting {
                        self.transition(t, to);
                        return false;
                    }
                }
                Op::Exit(reason) => {
                    self.exit_journey(t, || {
                        reason.map_or("exit".into(), |r| format!("exit \"{r}\""))
                    });
                    return false;
                }
                Op::Split(split) => {
                    if !self.split(t, split) {
                        return false;
                    }
                }
                Op::Task(team) => {
                    self.agg.daily_tasks[team][self.run.cal.day_of(t) as usize] += 1;
                    note!(self, t, Note::Task { team });
                }
            }
        }
        true
    }

    fn set_tag(&mut self, t: Time, tag: usize, value: Slot) {
        self.s.tags[tag] = value;
        self.s.j.dirty = true;
        note!(self, t, Note::Tag { tag, value });
    }

    /// Runs the user's arm of a split (holdout users get none); `false` when the arm's
    /// actions ended the block.
    fn split(&mut self, t: Time, split: usize) -> bool {
        if self.s.j.holdout {
            note!(self, t, Note::Split { split, arm: None });
            return true;
        }
        let arms = &self.run.prog.splits[split].arms;
        let u = hash_unit(self.run.seed, self.index, SPLIT_SALT + split as u64);
        let arm = arms
            .iter()
            .position(|a| u < a.upto)
            .unwrap_or(arms.len() - 1);
        self.s.split_arm[split] = arm as u16 + 1;
        note!(
            self,
            t,
            Note::Split {
                split,
                arm: Some(arm),
            }
        );
        self.run_ops(t, &arms[arm].ops)
    }

    /// `-> to` / `goto to`: the old stage's `on exit` rules, then the new stage.
    fn transition(&mut self, t: Time, to: usize) {
        let p = self.run.prog;
        let from = self.s.j.stage;
        self.s.j.exiting = true;
        for &rule in &p.stages[from].on_exit {
            if p.stages[from].rules[rule].has_timing() {
                note!(
                    self,
                    t,
                    Note::Skipped {
                        stage: from,
                        rule,
                        why: Skip::StageLeft,
                    }
                );
            } else {
                self.fire(t, rule);
            }
            if !self.s.j.inside {
                break;
            }
        }
        self.s.j.exiting = false;
        if !self.s.j.inside {
            return;
        }
        self.agg.stages[from].to[to] += 1;
        self.close_visit(t);
        self.enter_stage(t, to, Some(from));
    }

    /// Ends the current stage visit: dwell, and its pending rules become stale.
    fn close_visit(&mut self, t: Time) {
        let j = &mut self.s.j;
        self.agg.stages[j.stage].dwell.add_seconds(t - j.since);
        if O::ON {
            let (stage, epoch) = (j.stage, j.epoch);
            let mut stale: Vec<usize> = self
                .s
                .queue
                .iter()
                .filter_map(|e| match e.item {
                    Item::Rule { rule, epoch: e } | Item::Every { rule, epoch: e }
                        if e == epoch =>
                    {
                        Some(rule as usize)
                    }
                    _ => None,
                })
                .collect();
            stale.sort_unstable();
            stale.dedup();
            for rule in stale {
                note!(
                    self,
                    t,
                    Note::Skipped {
                        stage,
                        rule,
                        why: Skip::StageLeft,
                    }
                );
            }
        }
        self.s.j.epoch += 1;
    }

    /// Leaves the journey (`why` is for the trace): pending rules and deferred sends
    /// are cancelled.
    fn exit_journey(&mut self, t: Time, why: impl FnOnce() -> String) {
        note!(self, t, Note::ExitJourney { why: why() });
        self.agg.stages[self.s.j.stage].exit += 1;
        self.close_visit(t);
        self.agg.paths.add(&self.s.path);
        if O::ON {
            let epoch = self.s.j.jepoch;
            let cancelled: Vec<(usize, u32)> = self
                .s
                .queue
                .iter()
                .filter_map(|e| match e.item {
                    Item::SendOut {
                        tp,
                        template,
                        epoch: e,
                    } if e == epoch => Some((tp as usize, template)),
                    _ => None,
                })
                .collect();
            for (tp, template) in cancelled {
                note!(self, t, Note::SendCancelled { tp, template });
            }
        }
        let j = &mut self.s.j;
        j.inside = false;
        j.jepoch += 1;
        j.dirty = true;
    }

    /// Re-evaluates the conditions that can fire now: `exit when`, the stage's `when`
    /// rules (edge-triggered: armed again once false) and `entry when`; then schedules a
    /// wake-up for the next moment one of them can change by time alone.
    fn settle(&mut self, t: Time) {
        let p = self.run.prog;
        loop {
            self.s.j.dirty = false;
            if self.s.j.inside {
                let exit_when = p.journey.exits.iter().any(|l| match l {
                    ExitLine::When(c) => self.view(t).holds(c),
                    ExitLine::On(_) => false,
                });
                if exit_when {
                    self.exit_journey(t, || "exit when".into());
                } else {
                    let stage = &p.stages[self.s.j.stage];
                    for &rule in &stage.when {
                        let Trigger::When(c) = stage.rules[rule].trigger else {
                            continue;
                        };
                        if !self.view(t).holds(c) {
                            self.s.armed[rule] = true;
                        } else if self.s.armed[rule] {
                            self.s.armed[rule] = false;
                            self.schedule(t, rule);
                        }
                    }
                }
            }
            if let (false, Entry::When(c)) = (self.s.j.inside, &p.journey.entry) {
                if self.may_enter(t) && self.view(t).holds(c) {
                    self.enter_journey(t);
                    continue;
                }
            }
            break;
        }
        self.s.j.dirty = false;
        let next = self.next_wake(t);
        if next < self.run.horizon && next < self.s.j.wake_at {
            self.s.j.wake_at = next;
            self.s.queue.push(next, Item::Wake);
        }
    }

    fn next_wake(&self, t: Time) -> Time {
        let p = self.run.prog;
        let v = self.view(t);
        let mut next = Time::MAX;
        if self.s.j.inside {
            for l in &p.journey.exits {
                if let ExitLine::When(c) = l {
                    next = next.min(v.next_change(c));
                }
            }
            let stage = &p.stages[self.s.j.stage];
            for &rule in &stage.when {
                if let Trigger::When(c) = stage.rules[rule].trigger {
                    next = next.min(v.next_change(c));
                }
            }
        } else if let Entry::When(c) = &p.journey.entry {
            let j = &self.s.j;
            match (j.entered, p.journey.reentry) {
                (true, Reentry::Never) => {}
                (true, Reentry::After(d)) if t < j.last_entry + d.seconds() as Time => {
                    next = j.last_entry + d.seconds() as Time;
                }
                _ => next = v.next_change(c),
            }
        }
        next
    }

    /// A rule loop: the user leaves the journey and the rest of the run is skipped.
    fn stop(&mut self, t: Time) {
        note!(self, t, Note::Stopped);
        if self.s.j.inside {
            self.exit_journey(t, || "rule loop".into());
        }
        self.agg.stopped += 1;
        self.s.queue.clear();
    }

    /// Adds the user's outcome: open visit, goal groups, stages seen, split arms.
    fn finish(&mut self) {
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
            for (g, _) in s.reached.iter().enumerate().filter(|(_, r)| **r) {
                let counts = &mut agg.goals[g];
                if s.j.holdout {
                    counts.holdout += 1;
                } else {
                    counts.treatment += 1;
                }
            }
        }
        for (stage, _) in s.stage_seen.iter().enumerate().filter(|(_, seen)| **seen) {
            agg.stages[stage].users += 1;
        }
        for (split, &arm) in s.split_arm.iter().enumerate().filter(|(_, a)| **a > 0) {
            let counts = &mut agg.splits[split][arm as usize - 1];
            counts.users += 1;
            for (g, _) in s.reached.iter().enumerate().filter(|(_, r)| **r) {
                counts.reached[g] += 1;
            }
        }
    }
}

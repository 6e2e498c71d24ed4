//! Entering and leaving the journey and its stages, and the conditions that move users
//! by themselves (`entry when`, `exit when`, `when` rules), re-evaluated whenever
//! something they read changes and at the moments time alone can change them.

use super::aggregate::{MAX_PATH, TRUNCATED};
use super::calendar::Time;
use super::loops::{loop_stages, MAX_LOOP_STEPS};
use super::program::{Program, JOURNEY_WIDE};
use super::queue::Item;
use super::reads::{Watch, ALL};
use super::trace::{Leave, Note, Observer, Skip};
use super::user::{note, JourneyState, User};
use super::watch::always;
use crate::check::model::{Entry, ExitLine, Reentry, Trigger};

impl<O: Observer> User<'_, '_, O> {
    pub(super) fn may_enter(&self, t: Time) -> bool {
        let j = &self.s.j;
        !j.inside
            && (!j.entered
                || match self.prog.journey.reentry {
                    Reentry::Never => false,
                    Reentry::Always => true,
                    Reentry::After(d) => t >= j.last_entry + d.seconds() as Time,
                })
    }

    pub(super) fn enter_journey(&mut self, t: Time) {
        let j = &mut self.s.j;
        j.inside = true;
        j.entered = true;
        j.last_entry = t;
        j.jepoch += 1;
        self.agg.entries += 1;
        self.sh.inside += 1;
        self.fatigue_enter(self.cal.day_of(t));
        self.s.path.clear();
        note!(self, t, Note::EnterJourney);
        self.open_entry_goals(t);
        // journey-wide: `when` rules armed for this stay, calendar moments from now on
        self.s.armed_wide.iter_mut().for_each(|a| *a = true);
        self.start_rules(t, JOURNEY_WIDE);
        self.enter_stage(t, 0, None);
    }

    pub(super) fn enter_stage(&mut self, t: Time, to: usize, from: Option<usize>) {
        let p = self.prog;
        let j = &mut self.s.j;
        j.stage = to;
        j.since = t;
        j.epoch += 1;
        j.dirty = true;
        // the stage's rules are armed anew, and `in stage` conditions may change
        j.stale = ALL;
        if j.stages_moment != t {
            j.stages_moment = t;
            j.revisits = 0;
            self.s.moment_stages.clear();
        }
        if self.s.entered_at[to] == t {
            j.revisits += 1;
        }
        self.s.entered_at[to] = t;
        self.s.moment_stages.push(to as u16);
        self.agg.stages[to].entered += 1;
        let path = &mut self.s.path;
        if path.len() < MAX_PATH {
            path.push(to as u16);
        } else if path.last() != Some(&TRUNCATED) {
            path.push(TRUNCATED);
        }
        note!(self, t, Note::Stage { from, to });
        self.open_stage_goals(t, to);
        let stage = &p.stages[to];
        for &rule in &stage.when {
            self.s.armed[rule] = true;
        }
        self.start_rules(t, to);
    }

    /// Starts the rules of `owner` that run from its entry: `on enter`, `after`, and
    /// the calendar moments of `every`, `every month` and `on DATE` (a moment equal to
    /// the entry counts).
    fn start_rules(&mut self, t: Time, owner: usize) {
        let rules = self.prog.rules_of(owner);
        for &rule in &rules.on_enter {
            match rules.rules[rule].trigger {
                Trigger::Every { .. } | Trigger::Dates { .. } => {
                    if owner == JOURNEY_WIDE && self.bulk_start(t, rule) {
                        continue;
                    }
                    let at = rules.rules[rule].every.next(self.cal, t);
                    self.push_rule_item(at, owner, rule, true);
                }
                _ => self.schedule(t, owner, rule),
            }
        }
    }

    /// `-> to` / `goto to`: the old stage's `on exit` rules, then the new stage.
    pub(super) fn transition(&mut self, t: Time, to: usize) {
        let p = self.prog;
        let from = self.s.j.stage;
        self.s.j.exiting = true;
        for &rule in &p.stages[from].on_exit {
            if p.stages[from].rules[rule].timed {
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
                self.fire(t, from, rule);
            }
            if !self.s.j.inside {
                break;
            }
        }
        self.s.j.exiting = false;
        if !self.s.j.inside {
            return;
        }
        self.agg.stages[from].to.add(to);
        self.close_visit(t);
        self.enter_stage(t, to, Some(from));
    }

    /// Ends the current stage visit: dwell, and its pending rules become stale.
    pub(super) fn close_visit(&mut self, t: Time) {
        self.close_tasks(Some(t), true);
        let j = &mut self.s.j;
        self.agg.stages[j.stage].dwell.add_seconds(t - j.since);
        if O::ON {
            let (stage, epoch) = (j.stage, j.epoch);
            self.note_left_behind(t, stage, epoch);
        }
        self.s.j.epoch += 1;
        // the stage's rules end with the visit, asleep or not
        self.s.j.asleep = 0;
    }

    /// Leaves the journey for exit reason `reason` (`why` is for the trace): pending
    /// rules and deferred sends are cancelled.
    pub(super) fn exit_journey(&mut self, t: Time, reason: u32, why: impl FnOnce() -> Leave) {
        note!(self, t, Note::ExitJourney { why: why() });
        let counts = &mut self.agg.stages[self.s.j.stage];
        counts.exit += 1;
        counts.exit_reasons.add(reason, 1);
        self.bulk_close(t);
        self.fatigue_advance(self.cal.day_of(t));
        self.close_visit(t);
        self.close_tasks(Some(t), false);
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
            self.note_left_behind(t, JOURNEY_WIDE, epoch);
        }
        let j = &mut self.s.j;
        j.inside = false;
        j.jepoch += 1;
        j.dirty = true;
        self.sh.inside -= 1;
    }

    /// Traces each rule of `owner` (a stage, or [`JOURNEY_WIDE`]) with firings of
    /// `epoch` still queued, once, in rule order: left behind by the user leaving.
    fn note_left_behind(&mut self, t: Time, owner: usize, epoch: u32) {
        let wide = owner == JOURNEY_WIDE;
        let mut rules: Vec<usize> = (self.s.queue.iter())
            .filter_map(|e| match e.item {
                Item::Rule { rule, epoch: e, .. } | Item::Every { rule, epoch: e }
                    if !wide && e == epoch =>
                {
                    Some(rule as usize)
                }
                Item::WideRule { rule, epoch: e, .. } | Item::WideEvery { rule, epoch: e }
                    if wide && e == epoch =>
                {
                    Some(rule as usize)
                }
                _ => None,
            })
            .collect();
        rules.sort_unstable();
        rules.dedup();
        for rule in rules {
            let why = Skip::StageLeft;
            note!(
                self,
                t,
                Note::Skipped {
                    stage: owner,
                    rule,
                    why
                }
            );
        }
    }

    /// Re-evaluates the conditions that can fire now: `exit when`, the stage's `when`
    /// rules (edge-triggered: armed again once false) and `entry when`; then schedules a
    /// wake-up for the next moment one of them can change by time alone.
    #[inline(always)]
    pub(super) fn settle(&mut self, t: Time) {
        if self.watching() {
            self.settle_watched(t);
        } else {
            // nothing to re-evaluate, and nothing to wake up for
            self.s.j.dirty = false;
        }
    }

    /// Stops early in a rule loop between `exit when` and `entry when` (each round enters
    /// the journey's first stage again): the caller stops the user.
    fn settle_watched(&mut self, t: Time) {
        let p = self.prog;
        loop {
            if self.s.j.revisits > MAX_LOOP_STEPS {
                return;
            }
            self.s.j.dirty = false;
            if self.s.j.inside {
                let exit_when = p.exit_when.then(|| {
                    p.journey.exits.iter().position(|l| match l {
                        ExitLine::When(c) => self.view(t).holds(c),
                        ExitLine::On(..) => false,
                    })
                });
                if let Some(line) = exit_when.flatten() {
                    self.exit_journey(t, p.exit_lines[line], || Leave::As("exit when".into()));
                } else if self.rules_due(t) {
                    // journey-wide first (most journeys have none: the call is skipped);
                    // a stage's flags are reset on each entry, the journey-wide ones only
                    // on journey entry
                    if !p.wide.when.is_empty() {
                        self.when_rules(t, JOURNEY_WIDE);
                    }
                    self.when_rules(t, self.s.j.stage);
                    self.s.j.rules_until = self.rules_until();
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
        if p.when_goals {
            self.when_goals(t);
        }
        self.s.j.dirty = false;
        self.s.j.stale = 0;
        let next = self.next_wake(t);
        if next < self.horizon && next < self.s.j.wake_at {
            self.s.j.wake_at = next;
            self.s.queue.push(next, Item::Wake);
        }
    }

    /// The `when` rules of `owner` (edge-triggered: armed again once false) that
    /// something they read changed or time may have changed (see `sim::watch`).
    fn when_rules(&mut self, t: Time, owner: usize) {
        let p = self.prog;
        let rules = p.rules_of(owner);
        let stale = self.s.j.stale | always(p);
        for (k, &rule) in rules.when.iter().enumerate() {
            let bit = p.watch.bit(owner, k);
            if !Watch::due(stale, bit, t, &self.s.until) {
                continue;
            }
            let Trigger::When(c) = rules.rules[rule].trigger else {
                continue;
            };
            let view = self.view(t);
            let holds = view.holds(c);
            self.s.until[bit] = view.next_change(c);
            let armed = match owner {
                JOURNEY_WIDE => &mut self.s.armed_wide[rule],
                _ => &mut self.s.armed[rule],
            };
            if !holds {
                *armed = true;
            } else if *armed {
                *armed = false;
                self.schedule(t, owner, rule);
            }
        }
    }

    /// Whether conditions can move the user where they are: `exit when` or the stage's
    /// `when` rules inside the journey, `entry when` outside it; or reach a `when` goal.
    #[inline(always)]
    fn watching(&self) -> bool {
        watching(self.prog, &self.s.j)
    }

    /// The next moment the conditions settled at `t` may change by time alone. The
    /// view is built only where a condition is read: inside the journey without an
    /// `exit when` (most settles) none is, and building it anyway was about 38 of the
    /// 165 instructions a settle costs by itself in the community calendar.
    pub(super) fn next_wake(&self, t: Time) -> Time {
        let p = self.prog;
        let mut next = match p.when_goals {
            true => self.goals_next_change(t),
            false => Time::MAX,
        };
        if self.s.j.inside {
            // (the lines are read only when one is `exit when`)
            if p.exit_when {
                let v = self.view(t);
                for l in &p.journey.exits {
                    if let ExitLine::When(c) = l {
                        next = next.min(v.next_change(c));
                    }
                }
            }
            // kept from `when_rules`, at this moment or at one before it where the
            // conditions have not changed since
            next = next.min(self.s.j.rules_until);
        } else if let Entry::When(c) = &p.journey.entry {
            let j = &self.s.j;
            match (j.entered, p.journey.reentry) {
                (true, Reentry::Never) => {}
                (true, Reentry::After(d)) if t < j.last_entry + d.seconds() as Time => {
                    next = j.last_entry + d.seconds() as Time;
                }
                _ => next = self.view(t).next_change(c),
            }
        }
        next
    }

    /// The stages of the rule loop the user is caught in at `t`, see [`loop_stages`].
    pub(super) fn loop_stages(&self, t: Time) -> Vec<u16> {
        let entered: &[u16] = if self.s.j.stages_moment == t {
            &self.s.moment_stages
        } else {
            &[]
        };
        loop_stages(entered, self.s.j.stage as u16)
    }
}

/// [`User::watching`] for the user's state `j` in `p`'s journey.
#[inline(always)]
pub(super) fn watching(p: &Program, j: &JourneyState) -> bool {
    if p.when_goals {
        true
    } else if j.inside {
        p.stages[j.stage].watched
    } else {
        matches!(p.journey.entry, Entry::When(_))
    }
}

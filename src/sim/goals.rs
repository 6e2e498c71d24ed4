//! Goals (docs/language.md §19.10): each goal's window opens at the journey entry, or
//! at the first entry into its `from` stage in a stay; an event goal is reached by its
//! event in the window, a `when` goal at the first moment its condition holds there.
//! Each split arm's window opens at the user's first assignment in the stay (§8).

use super::calendar::Time;
use super::history::NEVER;
use super::trace::{Note, Observer};
use super::user::{note, User};
use crate::check::model::{Goal, Reach};

/// Whether the window that opened at `from` (`NEVER`: not opened) has not closed by `t`.
fn not_closed(goal: &Goal, from: Time, t: Time) -> bool {
    from != NEVER && goal.within.is_none_or(|w| t <= from + w.seconds() as Time)
}

/// Whether `t` is in the window that opened at `from`.
fn in_window(goal: &Goal, from: Time, t: Time) -> bool {
    from <= t && not_closed(goal, from, t)
}

impl<O: Observer> User<'_, '_, O> {
    /// Opens the windows of the goals without `from stage` (called at journey entry).
    pub(super) fn open_entry_goals(&mut self, t: Time) {
        for (g, goal) in self.prog.journey.goals.iter().enumerate() {
            if goal.from.is_none() {
                self.open_goal(t, g);
            }
        }
    }

    /// Opens the windows of the goals `from stage` `stage`, once per stay.
    pub(super) fn open_stage_goals(&mut self, t: Time, stage: usize) {
        for (g, goal) in self.prog.journey.goals.iter().enumerate() {
            let from_here = goal.from.is_some_and(|s| s.index() == stage);
            if from_here && self.s.goal_stay[g] != self.s.j.jepoch {
                self.s.goal_stay[g] = self.s.j.jepoch;
                self.open_goal(t, g);
                note!(self, t, Note::GoalWindow { goal: g, stage });
            }
        }
    }

    fn open_goal(&mut self, t: Time, g: usize) {
        self.s.goal_from[g] = t;
        self.s.goal_open[g] = true;
    }

    /// The event goals `event` reaches.
    pub(super) fn event_goals(&mut self, t: Time, event: usize) {
        let goals = &self.prog.journey.goals;
        for (g, goal) in goals.iter().enumerate() {
            let Reach::Event { event: e, cond, .. } = &goal.reach else {
                continue;
            };
            if e.index() != event || cond.as_ref().is_some_and(|c| !self.view(t).holds(c)) {
                continue;
            }
            // only an event after the assignment counts for an arm
            self.reach(t, g, |at| at < t);
        }
    }

    /// The `when` goals whose condition holds at `t` (called whenever conditions are
    /// re-evaluated); an arm's window counts from the assignment's own moment.
    pub(super) fn when_goals(&mut self, t: Time) {
        let goals = &self.prog.journey.goals;
        for (g, goal) in goals.iter().enumerate() {
            if let Reach::When(c) = &goal.reach {
                if self.watching_goal(g, t) && self.view(t).holds(c) {
                    self.reach(t, g, |at| at <= t);
                }
            }
        }
    }

    /// Marks goal `g` reached at `t` for the journey (in its window) and for each split
    /// arm whose window holds `t` and whose assignment `after` accepts.
    fn reach(&mut self, t: Time, g: usize, after: impl Fn(Time) -> bool) {
        let goal = &self.prog.journey.goals[g];
        if !self.s.reached[g] && in_window(goal, self.s.goal_from[g], t) {
            self.s.reached[g] = true;
            self.agg.daily_goals[g][self.cal.day_of(t) as usize] += 1;
            note!(self, t, Note::Goal { goal: g });
        }
        let goals = self.prog.journey.goals.len();
        for (split, &at) in self.s.split_at.iter().enumerate() {
            if after(at) && in_window(goal, at, t) {
                self.s.split_reached[split * goals + g] = true;
            }
        }
    }

    /// Whether goal `g` can still be reached at `t` or later: its window or an arm's is
    /// open and not yet reached.
    fn watching_goal(&self, g: usize, t: Time) -> bool {
        let goal = &self.prog.journey.goals[g];
        let goals = self.prog.journey.goals.len();
        let open = |from: Time| not_closed(goal, from, t);
        (!self.s.reached[g] && open(self.s.goal_from[g]))
            || (self.s.split_at.iter().enumerate())
                .any(|(split, &at)| !self.s.split_reached[split * goals + g] && open(at))
    }

    /// The next moment a watched `when` goal's condition can change by time alone.
    pub(super) fn goals_next_change(&self, t: Time) -> Time {
        let v = self.view(t);
        let goals = &self.prog.journey.goals;
        (goals.iter().enumerate())
            .filter_map(|(g, goal)| match &goal.reach {
                Reach::When(c) if self.watching_goal(g, t) => Some(v.next_change(c)),
                _ => None,
            })
            .min()
            .unwrap_or(Time::MAX)
    }
}

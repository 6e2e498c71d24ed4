//! A user's tasks (language v2 §5): created by `task` actions, except for holdout users,
//! whose tasks are only counted (`suppressed`); kept open while the user stays where the
//! task was created, and added to the team's [`TaskCounts`] when that ends, with the
//! moment the user left — the team's queue, replayed after the run (`sim::team`), drops
//! a task its team had not reached by then. The queue never feeds back into the user,
//! which keeps users independent: `after task` counts from the task's creation.
//!
//! [`TaskCounts`]: super::aggregate::TaskCounts

use super::aggregate::{TaskKey, NO_MINUTE};
use super::calendar::Time;
use super::pipeline::TASK_DRAWS;
use super::team::OpenTask;
use super::trace::Observer;
use super::user::User;

impl<O: Observer> User<'_, '_, O> {
    /// A `task` action at `t`; `false` when the user is in the holdout and the task is
    /// only counted as suppressed.
    pub(super) fn task(&mut self, t: Time, team: usize, within: Option<u32>, wide: bool) -> bool {
        if self.s.j.holdout {
            self.agg.teams[team].suppressed += 1;
            return false;
        }
        let created = self.minute(t);
        self.s.tasks.push(OpenTask {
            team: team as u16,
            created,
            deadline: within.map_or(NO_MINUTE, |w| created.saturating_add(w)),
            // a task made while the old stage's `on exit` rules run is made on the
            // way out of it: it lasts while the user is in the journey
            stage: !wide && !self.s.j.exiting,
        });
        let slot = self.prog.task_slot(team);
        self.sh.last_sent[slot] = t;
        self.open_chances(t, slot, TASK_DRAWS);
        true
    }

    /// Adds the open tasks to the teams' counts: at `left` (`None`: the end of the run,
    /// the user still there), those of the stage only (`stage`) or all of them.
    pub(super) fn close_tasks(&mut self, left: Option<Time>, stage: bool) {
        if self.s.tasks.is_empty() {
            return;
        }
        let left = left.map_or(NO_MINUTE, |t| self.minute(t));
        let (tasks, agg) = (&mut self.s.tasks, &mut *self.agg);
        tasks.retain(|task| {
            let close = task.stage || !stage;
            if close {
                let key = TaskKey {
                    created: task.created,
                    journey: self.prog.place,
                    deadline: task.deadline,
                    left,
                };
                agg.teams[task.team as usize].created.add(key, 1);
            }
            !close
        });
    }

    /// The local minute of `t`, since local midnight of the run's first day.
    fn minute(&self, t: Time) -> u32 {
        self.cal.local(t).div_euclid(60) as u32
    }
}

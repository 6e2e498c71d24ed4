//! Goal windows exactly (docs/language.md §19.10): `from stage` opens at the stage's
//! first entry and the event that moved the user there does not count; a `when` goal
//! and a split arm's window both count the moment they open.

use super::{notes, simulate, DECLS};
use crate::sim::trace::Note;

#[test]
fn the_event_that_enters_the_from_stage_does_not_reach_its_goal() {
    // every buy moves the user into b (again); the goal counts a buy after the first
    // entry, never the one that moved the user (it happened before that entry)
    let src = format!(
        "{DECLS}
journey j {{
  timezone \"UTC\"
  entry on signup
  goal g: buy within 30d from stage b
  stage a {{ on buy -> b }}
  stage b {{ }}
}}
population p {{
  size 40
  start 2026-03-02 09:00
  days 30
  arrivals signup over 1m
  behavior buy {{ rate 20% per day }}
}}"
    );
    let mut reached = 0;
    for user in 0..40 {
        let notes = notes(&src, user);
        let entered_b = notes.iter().find_map(|(_, t, n)| match n {
            Note::Stage { to: 1, .. } => Some(*t),
            _ => None,
        });
        let buys: Vec<i64> = (notes.iter())
            .filter_map(|(_, t, n)| matches!(n, Note::Event { event: 2, .. }).then_some(*t))
            .collect();
        let goal = notes.iter().find_map(|(_, t, n)| match n {
            Note::Goal { goal: 0 } => Some(*t),
            _ => None,
        });
        // reached exactly at the first buy after the entry into b, if there is one
        let expected = entered_b.and_then(|b| buys.iter().copied().find(|&t| t > b));
        assert_eq!(
            goal, expected,
            "user {user}: b at {entered_b:?}, buys {buys:?}"
        );
        reached += goal.is_some() as u32;
    }
    assert!(reached > 5, "{reached} of 40 reached the goal");
}

#[test]
fn a_when_goal_counts_from_the_split_assignment_and_its_window_end() {
    // at T+1d arm A sets vip, arm B does not: `when vip within 1d` is reached at the
    // window's last second for the journey (from entry) and at once for arm A (from
    // its assignment, the same moment); never for arm B
    let src = format!(
        "{DECLS}
journey j {{
  timezone \"UTC\"
  entry on signup
  goal v: when vip within 1d
  stage a {{
    after 1d: split 会员实验 {{
      50% A: tag vip = true
      50% B: send wecom \"b\"
    }}
  }}
}}
population p {{
  size 400
  start 2026-03-02 09:00
  days 5
  arrivals signup over 1h
}}"
    );
    let r = simulate(&src, 400, 3, 2);
    let j = &r.journeys[0];
    let split = &j.splits[0];
    assert_eq!(split.name, "会员实验");
    let (a, b) = (&split.arms[0], &split.arms[1]);
    assert_eq!(a.goal_rates.0[0].1, Some(1.0));
    assert_eq!(b.goal_rates.0[0].1, Some(0.0));
    assert_eq!(j.goals[0].treatment.reached, a.users);
    assert_eq!(j.goals[0].treatment.users, 400);
}

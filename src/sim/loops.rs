//! Rule loops: the guards that stop a user caught in one, and the loop's stages.

/// More stage changes back into a stage already entered at the same moment than this is
/// a rule loop (`on enter -> b` in `a` and `on enter -> a` in `b`, or two `when`
/// transitions that hold together): the user is stopped. Tens, not thousands: a sound
/// journey comes back to a stage at one moment once or twice at most, and a loop costs
/// a few microseconds per step until it is stopped.
pub const MAX_LOOP_STEPS: u32 = 32;
/// More timed items than this at one moment is a rule loop that changes no stage (two
/// `when` rules setting and clearing a tag). A stage may start one item per rule at one
/// moment, so this guard cannot be small.
pub const MAX_ITEMS_PER_MOMENT: u32 = 10_000;

/// The guard that stopped a user in a rule loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoopGuard {
    /// More than [`MAX_LOOP_STEPS`] stage changes back into a stage.
    StageChanges,
    /// More than [`MAX_ITEMS_PER_MOMENT`] timed items.
    Steps,
}

/// A rule loop's stages as a path back to its first: `休闲 → 商务 → 休闲`.
pub fn loop_text(stages: &[&str]) -> String {
    let mut text = stages.join(" → ");
    if let Some(first) = stages.first() {
        text.push_str(" → ");
        text.push_str(first);
    }
    text
}

/// A rule loop's stages from the stages `entered` at one moment, in order: from the last
/// one's previous entry up to it, turned to start at the stage declared first, so that
/// every user caught in one loop counts under one key wherever they came into it. A loop
/// that enters no stage twice is the `current` stage's.
pub(super) fn loop_stages(entered: &[u16], current: u16) -> Vec<u16> {
    let cycle = entered
        .split_last()
        .and_then(|(last, before)| Some(&before[before.iter().rposition(|s| s == last)?..]));
    let mut cycle = cycle.map_or_else(|| vec![current], <[u16]>::to_vec);
    let first = (cycle.iter().enumerate())
        .min_by_key(|&(_, stage)| stage)
        .map_or(0, |(i, _)| i);
    cycle.rotate_left(first);
    cycle
}

#[cfg(test)]
mod tests {
    use super::loop_stages;

    #[test]
    fn a_loop_is_the_last_cycle_turned_to_its_first_declared_stage() {
        assert_eq!(loop_stages(&[0, 3, 1, 3, 1, 3], 3), [1, 3]);
        assert_eq!(loop_stages(&[2, 1, 2, 1], 1), [1, 2]);
        assert_eq!(loop_stages(&[4, 5, 6, 4], 4), [4, 5, 6]);
        // entering the journey again and again at its first stage
        assert_eq!(loop_stages(&[0, 0, 0], 0), [0]);
        // no stage entered twice: the loop is within the current stage
        assert_eq!(loop_stages(&[0, 1], 1), [1]);
        assert_eq!(loop_stages(&[], 2), [2]);
    }
}

//! What a run adds up: integer counts, fixed-bucket histograms, per-day arrays and path
//! counts. Every field is an integer, so merging is exact addition: any split of the
//! users into blocks, threads or shards adds up to the same aggregates, and so to the
//! same report, byte for byte. Memory does not grow with the number of users, and grows
//! linearly with the number of stages: transitions are kept per stage as a list of the
//! destinations taken, and a stage's dwell histogram exists only once a visit ended.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Adding another part's counts into this one.
pub trait Merge {
    fn merge(&mut self, other: &Self);
}

impl Merge for u64 {
    fn merge(&mut self, other: &u64) {
        *self += other;
    }
}

impl Merge for super::posts::Posts {
    fn merge(&mut self, other: &Self) {
        self.union(other);
    }
}

impl<T: Merge> Merge for Vec<T> {
    fn merge(&mut self, other: &Vec<T>) {
        assert_eq!(self.len(), other.len(), "aggregates of different shapes");
        self.iter_mut().zip(other).for_each(|(a, b)| a.merge(b));
    }
}

/// Merges struct fields one by one. The pattern names every field and has no `..`, so a
/// field added to the struct but not listed here is a compile error: no counter can be
/// left out of merging (and so out of threads and shards).
macro_rules! merge_fields {
    ($t:ty { $($f:ident),* }) => {
        impl Merge for $t {
            fn merge(&mut self, other: &Self) {
                let Self { $($f),* } = self;
                $($f.merge(&other.$f);)*
            }
        }
    };
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Aggregates {
    /// Users simulated.
    pub users: u64,
    /// Users whose arrival fell inside the run.
    pub arrived: u64,
    pub treatment_users: u64,
    pub holdout_users: u64,
    /// Journey entries (a user may enter again under `reentry`).
    pub entries: u64,
    /// Users stopped by a rule loop (too many steps at one moment).
    pub stopped: u64,
    pub goals: Vec<GoalCounts>,
    pub stages: Vec<StageCounts>,
    pub touchpoints: Vec<SendCounts>,
    /// Per split, per arm.
    pub splits: Vec<Vec<ArmCounts>>,
    /// `[touchpoint][local day]`.
    pub daily_sends: Vec<Vec<u64>>,
    /// `[goal][local day]`: users reaching the goal that day.
    pub daily_goals: Vec<Vec<u64>>,
    /// Per send template (see [`crate::sim::Program::templates`]), sends that went out.
    pub template_sends: Vec<u64>,
    /// Per send template, the posts of a broadcast touchpoint (empty for the others).
    pub posts: Vec<super::posts::Posts>,
    /// User-days in the journey by the sends that reached the user that day.
    pub fatigue: Tally,
    /// Per team, its tasks (see [`TeamTasks`]).
    pub teams: Vec<TeamTasks>,
    pub paths: Paths,
    /// Per rule loop (its stages, see [`Paths`]), the users stopped in it.
    pub loops: Paths,
    /// Per policy, the sends it capped.
    pub policies: Vec<u64>,
    /// In a portfolio (empty for one journey): per touchpoint, then per policy, the
    /// journey's sends its limits capped that the journey's own sends through it had
    /// not reached, the other journeys having used the allowance (`sim::portfolio`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contention_touchpoints: Vec<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contention_policies: Vec<u64>,
}

merge_fields!(Aggregates {
    users,
    arrived,
    treatment_users,
    holdout_users,
    entries,
    stopped,
    goals,
    stages,
    touchpoints,
    splits,
    daily_sends,
    daily_goals,
    template_sends,
    posts,
    fatigue,
    teams,
    paths,
    loops,
    policies,
    contention_touchpoints,
    contention_policies
});

/// Users who reached a goal, by group, and the users whose window opened (who
/// entered the journey, or its `from` stage).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GoalCounts {
    pub treatment: u64,
    pub holdout: u64,
    pub treatment_users: u64,
    pub holdout_users: u64,
}
merge_fields!(GoalCounts {
    treatment,
    holdout,
    treatment_users,
    holdout_users
});

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StageCounts {
    /// Visits (entries into the stage).
    pub entered: u64,
    /// Distinct users who entered it.
    pub users: u64,
    /// Visits that ended by a transition, by destination stage.
    pub to: Transitions,
    /// Visits that ended with leaving the journey.
    pub exit: u64,
    /// The same visits by reason: an index of [`crate::sim::Program::exit_reasons`].
    pub exit_reasons: Counts,
    /// Visits still open when the run ended.
    pub end: u64,
    /// Dwell of the visits that ended.
    pub dwell: Histogram,
}
merge_fields!(StageCounts {
    entered,
    users,
    to,
    exit,
    exit_reasons,
    end,
    dwell
});

/// Visits that ended by a transition: `(destination stage, visits)` for the destinations
/// taken, sorted by destination. A stage × stage table would grow with the square of the
/// stage count (10,000 stages took 2.6 GB for one user); this grows with the transitions
/// a journey has.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(into = "Vec<(u32, u64)>", from = "Vec<(u32, u64)>")]
pub struct Transitions(Vec<(u32, u64)>);

impl Transitions {
    /// One more visit that ended by a transition to stage `to`.
    pub fn add(&mut self, to: usize) {
        self.add_visits(to as u32, 1);
    }

    fn add_visits(&mut self, to: u32, visits: u64) {
        match self.0.binary_search_by_key(&to, |&(stage, _)| stage) {
            Ok(i) => self.0[i].1 += visits,
            Err(i) => self.0.insert(i, (to, visits)),
        }
    }

    /// `(destination stage, visits)`, in stage order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, u64)> + '_ {
        self.0.iter().map(|&(to, visits)| (to as usize, visits))
    }
}

impl Merge for Transitions {
    fn merge(&mut self, other: &Transitions) {
        let Transitions(theirs) = other;
        for &(to, visits) in theirs {
            self.add_visits(to, visits);
        }
    }
}

impl From<Transitions> for Vec<(u32, u64)> {
    fn from(t: Transitions) -> Self {
        t.0
    }
}

/// Sorts and adds up the pairs of a partial report, whatever their order.
impl From<Vec<(u32, u64)>> for Transitions {
    fn from(pairs: Vec<(u32, u64)>) -> Self {
        let mut t = Transitions::default();
        for (to, visits) in pairs {
            t.add_visits(to, visits);
        }
        t
    }
}

/// A count per number key, for keys that are few per aggregate or far apart: exit
/// reasons. Serialized as `[key, count]` pairs in key order, so a partial
/// report holds no more entries than its file has pairs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(into = "Vec<(u32, u64)>", from = "Vec<(u32, u64)>")]
pub struct Counts(BTreeMap<u32, u64>);

impl Counts {
    pub fn add(&mut self, key: u32, n: u64) {
        *self.0.entry(key).or_insert(0) += n;
    }

    /// `(key, count)` in key order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, u64)> + '_ {
        self.0.iter().map(|(&k, &n)| (k, n))
    }
}

impl Merge for Counts {
    fn merge(&mut self, other: &Counts) {
        other.iter().for_each(|(k, n)| self.add(k, n));
    }
}

impl From<Counts> for Vec<(u32, u64)> {
    fn from(c: Counts) -> Self {
        c.0.into_iter().collect()
    }
}

impl From<Vec<(u32, u64)>> for Counts {
    fn from(pairs: Vec<(u32, u64)>) -> Self {
        let mut c = Counts::default();
        pairs.into_iter().for_each(|(k, n)| c.add(k, n));
        c
    }
}

/// A count per small number `0..len` (sends a user got in a day), kept dense and grown
/// as larger numbers come: adding is an index. Serialized densely too, so a partial
/// report cannot make it longer than its file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Tally(Vec<u64>);

impl Tally {
    #[inline(always)]
    pub fn add(&mut self, at: usize, n: u64) {
        match self.0.get_mut(at) {
            Some(count) => *count += n,
            None => self.grow_and_add(at, n),
        }
    }

    #[cold]
    fn grow_and_add(&mut self, at: usize, n: u64) {
        self.0.resize(at + 1, 0);
        self.0[at] += n;
    }

    /// The counts from number 0 up to the largest counted.
    pub fn counts(&self) -> &[u64] {
        let used = self.0.iter().rposition(|&n| n > 0).map_or(0, |i| i + 1);
        &self.0[..used]
    }
}

impl Merge for Tally {
    fn merge(&mut self, other: &Tally) {
        for (at, &n) in other.0.iter().enumerate() {
            self.add(at, n);
        }
    }
}

/// A team's tasks, as its queue (`sim::team`) replays them after the run: how many
/// were created with each [`TaskKey`], and the tasks of holdout users, which are
/// counted but not created (language v2 §5).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TeamTasks {
    pub created: TaskCounts,
    pub suppressed: u64,
}
merge_fields!(TeamTasks {
    created,
    suppressed
});

/// No moment: a task without a service level has no deadline, and a task whose user
/// stayed until the end of the run is never dropped.
pub const NO_MINUTE: u32 = u32::MAX;

/// What the team's queue needs to know of a task, in local minutes since local midnight
/// of the run's first day (the queue's resolution: a moment within a minute counts as
/// that minute's start). The fields are in the queue's order: oldest first; tasks of
/// one minute by their journey's place in the run (priority, import and source order,
/// language v2 §2), then by deadline, then by the moment they are dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TaskKey {
    pub created: u32,
    pub journey: u16,
    /// `created` + the service level ([`NO_MINUTE`]: none).
    pub deadline: u32,
    /// When the user left the stage the task was created in (a journey-wide rule's
    /// task: the journey), which drops it if the team has not reached it
    /// ([`NO_MINUTE`]: the user was still there at the end of the run).
    pub left: u32,
}

/// Tasks by key. Serialized as `[created, journey, deadline, left, count]` in key
/// order, so a partial report holds no more entries than its file has.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(
    into = "Vec<(u32, u16, u32, u32, u64)>",
    from = "Vec<(u32, u16, u32, u32, u64)>"
)]
pub struct TaskCounts(BTreeMap<TaskKey, u64>);

impl TaskCounts {
    pub fn add(&mut self, key: TaskKey, n: u64) {
        *self.0.entry(key).or_insert(0) += n;
    }

    /// `(key, count)` in the queue's order.
    pub fn iter(&self) -> impl Iterator<Item = (TaskKey, u64)> + '_ {
        self.0.iter().map(|(&k, &n)| (k, n))
    }

    pub fn total(&self) -> u64 {
        self.0.values().sum()
    }
}

impl Merge for TaskCounts {
    /// Both maps read once in key order, the merged one built from that sorted run:
    /// linear, where adding `other`'s keys one at a time searched the map for each (the
    /// last merge of a run's threads is serial, with about 10⁵ keys at a million users).
    fn merge(&mut self, other: &TaskCounts) {
        let (mut a, mut b) = (
            std::mem::take(&mut self.0).into_iter().peekable(),
            other.iter().peekable(),
        );
        let merged = std::iter::from_fn(|| match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => match x.0.cmp(&y.0) {
                std::cmp::Ordering::Less => a.next(),
                std::cmp::Ordering::Greater => b.next(),
                std::cmp::Ordering::Equal => {
                    let ((key, n), (_, m)) = (a.next()?, b.next()?);
                    Some((key, n + m))
                }
            },
            (Some(_), None) => a.next(),
            (None, _) => b.next(),
        });
        self.0 = merged.collect();
    }
}

impl From<TaskCounts> for Vec<(u32, u16, u32, u32, u64)> {
    fn from(c: TaskCounts) -> Self {
        (c.0.into_iter())
            .map(|(k, n)| (k.created, k.journey, k.deadline, k.left, n))
            .collect()
    }
}

impl From<Vec<(u32, u16, u32, u32, u64)>> for TaskCounts {
    fn from(rows: Vec<(u32, u16, u32, u32, u64)>) -> Self {
        let mut c = TaskCounts::default();
        for (created, journey, deadline, left, n) in rows {
            let key = TaskKey {
                created,
                journey,
                deadline,
                left,
            };
            c.add(key, n);
        }
        c
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SendCounts {
    pub sent: u64,
    pub deferred: u64,
    pub capped: u64,
    pub suppressed: u64,
}
merge_fields!(SendCounts {
    sent,
    deferred,
    capped,
    suppressed
});

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArmCounts {
    pub users: u64,
    /// Per goal, users of this arm who reached it.
    pub reached: Vec<u64>,
}
merge_fields!(ArmCounts { users, reached });

/// The shape of a run's aggregates.
pub struct Shape {
    pub goals: usize,
    pub stages: usize,
    pub touchpoints: usize,
    pub split_arms: Vec<usize>,
    pub templates: usize,
    pub teams: usize,
    pub days: usize,
    pub policies: usize,
}

impl Aggregates {
    pub fn new(s: &Shape) -> Aggregates {
        Aggregates {
            goals: vec![GoalCounts::default(); s.goals],
            stages: vec![StageCounts::default(); s.stages],
            touchpoints: vec![SendCounts::default(); s.touchpoints],
            splits: s
                .split_arms
                .iter()
                .map(|&n| {
                    vec![
                        ArmCounts {
                            users: 0,
                            reached: vec![0; s.goals],
                        };
                        n
                    ]
                })
                .collect(),
            daily_sends: vec![vec![0; s.days]; s.touchpoints],
            daily_goals: vec![vec![0; s.days]; s.goals],
            template_sends: vec![0; s.templates],
            posts: vec![Default::default(); s.templates],
            teams: vec![TeamTasks::default(); s.teams],
            policies: vec![0; s.policies],
            ..Aggregates::default()
        }
    }
}

// ------------------------------------------------------------------ histogram

/// Bucket layout in minutes: `(up to, width)`: 1 min below 1 h, 5 min below 2 d,
/// 1 h below 60 d, 6 h below 400 d, then 30 d up to 100 years (longer goes in the last).
const LAYOUT: [(u64, u64); 5] = [
    (60, 1),
    (2 * 1440, 5),
    (60 * 1440, 60),
    (400 * 1440, 360),
    (36_600 * 1440, 30 * 1440),
];

const fn bucket_count() -> usize {
    let (mut i, mut from, mut n) = (0, 0, 0);
    while i < LAYOUT.len() {
        n += (LAYOUT[i].0 - from).div_ceil(LAYOUT[i].1);
        from = LAYOUT[i].0;
        i += 1;
    }
    n as usize
}

const BUCKETS: usize = bucket_count();

fn bucket_of(minutes: u64) -> usize {
    let (mut from, mut base) = (0, 0);
    for (upto, width) in LAYOUT {
        if minutes < upto {
            return base + ((minutes - from) / width) as usize;
        }
        base += (upto - from).div_ceil(width) as usize;
        from = upto;
    }
    BUCKETS - 1
}

fn lower_edge(bucket: usize) -> u64 {
    let (mut from, mut base) = (0, 0);
    for (upto, width) in LAYOUT {
        let n = (upto - from).div_ceil(width) as usize;
        if bucket < base + n {
            return from + (bucket - base) as u64 * width;
        }
        base += n;
        from = upto;
    }
    from
}

/// Durations in fixed buckets; quantiles are read as the lower edge of their bucket.
/// The buckets are allocated by the first duration added: most stages of a large
/// journey are never left by a given block of users, and ~4,600 buckets each would make
/// the aggregates of 10,000 stages weigh hundreds of megabytes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(into = "Vec<(u32, u64)>", try_from = "Vec<(u32, u64)>")]
pub struct Histogram {
    /// Empty (all zero) or [`BUCKETS`] long.
    counts: Vec<u64>,
}

impl Histogram {
    pub fn add_seconds(&mut self, seconds: i64) {
        *self.bucket_mut(bucket_of(seconds.max(0) as u64 / 60)) += 1;
    }

    fn bucket_mut(&mut self, bucket: usize) -> &mut u64 {
        if self.counts.is_empty() {
            self.counts = vec![0; BUCKETS];
        }
        &mut self.counts[bucket]
    }

    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// The `q` quantile in minutes, `None` when empty.
    pub fn quantile_minutes(&self, q: f64) -> Option<u64> {
        let total = self.total();
        if total == 0 {
            return None;
        }
        let rank = ((q * total as f64).ceil() as u64).clamp(1, total);
        let mut seen = 0;
        self.counts
            .iter()
            .position(|&c| {
                seen += c;
                seen >= rank
            })
            .map(lower_edge)
    }
}

impl Merge for Histogram {
    fn merge(&mut self, other: &Histogram) {
        let Histogram { counts } = self;
        if other.counts.is_empty() {
            return;
        }
        if counts.is_empty() {
            counts.clone_from(&other.counts);
        } else {
            counts.merge(&other.counts);
        }
    }
}

/// Serialized sparsely: `[bucket, count]` pairs of the non-empty buckets.
impl From<Histogram> for Vec<(u32, u64)> {
    fn from(h: Histogram) -> Self {
        h.counts
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(|(i, &c)| (i as u32, c))
            .collect()
    }
}

impl TryFrom<Vec<(u32, u64)>> for Histogram {
    type Error = String;
    fn try_from(pairs: Vec<(u32, u64)>) -> Result<Self, String> {
        let mut h = Histogram::default();
        for (i, c) in pairs {
            if i as usize >= BUCKETS {
                return Err(format!("histogram bucket {i} out of range"));
            }
            *h.bucket_mut(i as usize) += c;
        }
        Ok(h)
    }
}

// ------------------------------------------------------------------ paths

/// The longest path kept; longer ones end in [`TRUNCATED`].
pub const MAX_PATH: usize = 32;
/// The marker of a truncated path.
pub const TRUNCATED: u16 = u16::MAX;

/// A count per sequence of stages: how many journey entries followed each path, and
/// how many users were stopped in each rule loop.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(into = "Vec<PathCount>", from = "Vec<PathCount>")]
pub struct Paths(pub BTreeMap<Vec<u16>, u64>);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PathCount {
    pub stages: Vec<u16>,
    pub count: u64,
}

impl Paths {
    pub fn add(&mut self, path: &[u16]) {
        match self.0.get_mut(path) {
            Some(n) => *n += 1,
            None => {
                self.0.insert(path.to_vec(), 1);
            }
        }
    }
}

impl Merge for Paths {
    fn merge(&mut self, other: &Paths) {
        let Paths(counts) = self;
        for (k, v) in &other.0 {
            *counts.entry(k.clone()).or_insert(0) += v;
        }
    }
}

impl From<Paths> for Vec<PathCount> {
    fn from(p: Paths) -> Self {
        p.0.into_iter()
            .map(|(stages, count)| PathCount { stages, count })
            .collect()
    }
}

impl From<Vec<PathCount>> for Paths {
    fn from(v: Vec<PathCount>) -> Self {
        let mut p = Paths::default();
        for c in v {
            *p.0.entry(c.stages).or_insert(0) += c.count;
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_counts_merge_as_their_keys_added_one_at_a_time() {
        let key = |created, left| TaskKey {
            created,
            journey: (created % 3) as u16,
            deadline: NO_MINUTE,
            left,
        };
        let counts = |keys: &[(u32, u32, u64)]| {
            let mut c = TaskCounts::default();
            keys.iter()
                .for_each(|&(at, left, n)| c.add(key(at, left), n));
            c
        };
        let a = [(5, 9, 1), (1, NO_MINUTE, 2), (7, 7, 3), (2, 4, 1)];
        let b = [
            (7, 7, 4),
            (0, 1, 1),
            (9, NO_MINUTE, 2),
            (1, NO_MINUTE, 5),
            (8, 8, 1),
        ];
        for (x, y) in [
            (&a[..], &b[..]),
            (&b[..], &a[..]),
            (&a[..], &[][..]),
            (&[][..], &a[..]),
        ] {
            let mut merged = counts(x);
            merged.merge(&counts(y));
            let mut added = counts(x);
            y.iter()
                .for_each(|&(at, left, n)| added.add(key(at, left), n));
            assert_eq!(merged, added);
        }
    }

    #[test]
    fn buckets_round_trip_their_edges() {
        for b in 0..BUCKETS {
            assert_eq!(bucket_of(lower_edge(b)), b, "bucket {b}");
        }
        assert_eq!(bucket_of(u64::MAX / 2), BUCKETS - 1);
    }

    #[test]
    fn quantiles_of_exact_values_are_exact() {
        let mut h = Histogram::default();
        for _ in 0..3 {
            h.add_seconds(30 * 86_400);
        }
        h.add_seconds(3600);
        assert_eq!(h.quantile_minutes(0.5), Some(30 * 1440));
        assert_eq!(h.quantile_minutes(0.25), Some(60));
        assert_eq!(Histogram::default().quantile_minutes(0.5), None);
    }

    /// 64-bit words held per stage beyond the fixed fields.
    fn stage_words(agg: &Aggregates) -> usize {
        (agg.stages.iter())
            .map(|s| 2 * s.to.0.len() + s.dwell.counts.len())
            .sum()
    }

    #[test]
    fn stage_counts_grow_with_what_happened_not_with_stages_squared() {
        let shape = |stages| Shape {
            goals: 0,
            stages,
            touchpoints: 0,
            split_arms: Vec::new(),
            templates: 0,
            teams: 0,
            days: 1,
            policies: 0,
        };
        // a stage × stage table held 20,000² words here, and a histogram per stage
        let mut agg = Aggregates::new(&shape(20_000));
        assert_eq!(stage_words(&agg), 0);
        for from in 0..19_999 {
            agg.stages[from].to.add(from + 1);
        }
        agg.stages[7].dwell.add_seconds(60);
        assert_eq!(stage_words(&agg), 2 * 19_999 + BUCKETS);
        let mut other = Aggregates::new(&shape(20_000));
        other.stages[0].to.add(1);
        other.merge(&agg);
        assert_eq!(stage_words(&other), stage_words(&agg));
        assert_eq!(other.stages[0].to.iter().collect::<Vec<_>>(), [(1, 2)]);
    }

    #[test]
    fn transitions_are_listed_in_stage_order_and_merge_by_destination() {
        let mut a = Transitions::default();
        for to in [5, 2, 5, 9] {
            a.add(to);
        }
        let b: Transitions = vec![(9, 3), (0, 1), (9, 1)].into();
        a.merge(&b);
        assert_eq!(
            a.iter().collect::<Vec<_>>(),
            [(0, 1), (2, 1), (5, 2), (9, 5)]
        );
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, "[[0,1],[2,1],[5,2],[9,5]]");
    }

    #[test]
    fn merging_is_addition_in_any_order() {
        let shape = Shape {
            goals: 1,
            stages: 2,
            touchpoints: 1,
            split_arms: vec![2],
            templates: 1,
            teams: 1,
            days: 3,
            policies: 1,
        };
        let mut a = Aggregates::new(&shape);
        let mut b = Aggregates::new(&shape);
        a.users = 2;
        a.stages[1].dwell.add_seconds(100);
        a.paths.add(&[0, 1]);
        a.stages[0].to.add(1);
        b.users = 3;
        b.stopped = 1;
        b.loops.add(&[0, 1]);
        b.stages[0].to.add(1);
        b.stages[1].dwell.add_seconds(200);
        b.daily_sends[0][2] = 4;
        (a.policies[0], b.policies[0]) = (2, 5);
        b.paths.add(&[0, 1]);
        b.paths.add(&[0]);
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(ab, ba);
        assert_eq!(ab.users, 5);
        assert_eq!(ab.policies, [7]);
        assert_eq!(ab.paths.0[&vec![0, 1]], 2);
        assert_eq!(ab.loops.0[&vec![0, 1]], 1);
        assert_eq!(ab.stages[0].to.iter().collect::<Vec<_>>(), [(1, 2)]);
        assert_eq!(ab.stages[1].dwell.total(), 2);
        let json = serde_json::to_string(&ab).unwrap();
        let back: Aggregates = serde_json::from_str(&json).unwrap();
        assert_eq!(back, ab);
    }
}

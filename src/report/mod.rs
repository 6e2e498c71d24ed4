//! Simulation reports: the facts a run gives (goals, stages, touchpoints, splits, teams,
//! the daily timeline and the common paths), built from a run's mergeable aggregates,
//! and the partial reports of `--shard` runs that `journey report merge` combines.

mod build;
pub mod html;
pub mod markdown;
mod read;
mod sections;
mod svg;
pub mod table;

pub use build::build;
pub use read::PartialReader;

use crate::i18n::{msg, Arg, Message};
use crate::sim::{Aggregates, Run};
use serde::{Deserialize, Serialize, Serializer};

/// What a report needs to know of the run besides the counts: names, costs, capacities,
/// dates. Partial reports carry it so that merging needs no source file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub journey: String,
    pub population: String,
    pub seed: u64,
    pub users: u64,
    pub days: u32,
    /// Local start, `2026-03-02 09:00`.
    pub start: String,
    pub timezone: String,
    /// The local date of the first day of the daily timeline, `2026-03-02`.
    pub first_day: String,
    /// Local calendar days the run touches (rows of the daily timeline).
    pub timeline_days: usize,
    pub goals: Vec<String>,
    pub stages: Vec<String>,
    pub touchpoints: Vec<TouchpointMeta>,
    pub splits: Vec<SplitMeta>,
    pub teams: Vec<TeamMeta>,
    /// A fingerprint of the source file, so partials of different files do not merge.
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TouchpointMeta {
    pub name: String,
    pub cost: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SplitMeta {
    pub stage: String,
    pub arms: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamMeta {
    pub name: String,
    pub capacity: u32,
}

impl Meta {
    pub fn new(run: &Run, users: u64, days: u32, source: &str) -> Meta {
        let p = run.prog;
        let m = p.model;
        Meta {
            journey: p.journey.name.clone(),
            population: p.population.name.clone(),
            seed: run.seed,
            users,
            days,
            start: p.population.start.format("%Y-%m-%d %H:%M").to_string(),
            timezone: p.journey.timezone.name().to_string(),
            first_day: run.cal.date(0).to_string(),
            timeline_days: run.days(),
            goals: p.journey.goals.iter().map(|g| g.name.clone()).collect(),
            stages: p.journey.stages.iter().map(|s| s.name.clone()).collect(),
            touchpoints: m
                .touchpoints
                .iter()
                .map(|t| TouchpointMeta {
                    name: t.name.clone(),
                    cost: t.cost,
                })
                .collect(),
            splits: p
                .splits
                .iter()
                .map(|s| SplitMeta {
                    stage: p.stage_name(s.stage).to_string(),
                    arms: s.arms.iter().map(|a| a.name.to_string()).collect(),
                })
                .collect(),
            teams: m
                .teams
                .iter()
                .map(|t| TeamMeta {
                    name: t.name.clone(),
                    capacity: t.capacity_per_day,
                })
                .collect(),
            source: fingerprint(source),
        }
    }
}

/// FNV-1a of the source text, as hex.
fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

pub const PARTIAL_FORMAT: &str = "journey-report-partial";
/// 2: transitions as `[stage, visits]` pairs, and the rule loops users were stopped in.
pub const PARTIAL_VERSION: u32 = 2;

/// One shard's raw aggregates (`journey simulate --shard K/N`).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Partial {
    pub format: String,
    pub version: u32,
    pub shard: Shard,
    pub meta: Meta,
    pub aggregates: Aggregates,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Partial {
    pub fn new(shard: Shard, meta: Meta, aggregates: Aggregates) -> Partial {
        Partial {
            format: PARTIAL_FORMAT.to_string(),
            version: PARTIAL_VERSION,
            shard,
            meta,
            aggregates,
        }
    }
}

/// Combines the partial reports of every shard of one run into its aggregates.
pub fn merge(parts: Vec<(String, Partial)>) -> Result<(Meta, Aggregates), Message> {
    use crate::sim::aggregate::Merge;
    let mut parts = parts.into_iter();
    let (first_name, first) = parts.next().ok_or_else(|| msg!("report-none-given"))?;
    let count = first.shard.count;
    let mut seen = vec![false; count as usize];
    let (meta, mut total) = (first.meta, first.aggregates);
    seen[first.shard.index as usize] = true;
    for (name, part) in parts {
        if part.meta != meta || part.shard.count != count {
            return Err(msg!(
                "report-different-run",
                name = name,
                first = &first_name
            ));
        }
        if std::mem::replace(&mut seen[part.shard.index as usize], true) {
            return Err(msg!(
                "report-shard-twice",
                index = part.shard.index.to_string(),
                count = count.to_string(),
            ));
        }
        total.merge(&part.aggregates);
    }
    // Each missing shard is "K/N" in every language; the list is joined as the
    // language joins one, and cut after ten.
    let missing: Vec<Message> = (0..count)
        .filter(|&i| !seen[i as usize])
        .map(|i| Message::Text(format!("{i}/{count}")))
        .collect();
    let shown = missing.len().min(10);
    let more = missing.len() - shown;
    let shards = Arg::Each(missing[..shown].to_vec());
    match (shown, more) {
        (0, _) => Ok((meta, total)),
        (_, 0) => Err(msg!("report-missing-shards", shards = shards)),
        _ => Err(msg!(
            "report-missing-shards-more",
            shards = shards,
            more = more
        )),
    }
}

/// A list of `(key, value)` pairs written as a JSON object in this order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ordered<T>(pub Vec<(String, T)>);

impl<T: Serialize> Serialize for Ordered<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

// ------------------------------------------------------------------ the report

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub format: &'static str,
    pub version: u32,
    pub journey: String,
    pub population: String,
    pub seed: u64,
    pub users: u64,
    pub days: u32,
    pub start: String,
    pub timezone: String,
    /// Users whose arrival fell inside the run.
    pub arrived: u64,
    /// Users who entered the journey (treatment and holdout).
    pub entered: u64,
    /// Of them, users in the holdout group.
    pub holdout: u64,
    /// Users stopped by a rule loop (0 for a sound journey).
    pub stopped: u64,
    /// The rule loops users were stopped in, most users first (empty for a sound
    /// journey; always written, so that the report keeps one shape).
    pub loops: Vec<LoopReport>,
    pub goals: Vec<GoalReport>,
    pub stages: Vec<StageReport>,
    pub touchpoints: Vec<TouchpointReport>,
    pub splits: Vec<SplitReport>,
    pub teams: Vec<TeamReport>,
    pub daily: Vec<DayReport>,
    pub paths: Vec<PathReport>,
}

#[derive(Clone, Debug, Serialize)]
pub struct LoopReport {
    /// The loop's stages in the order users went round, from the one declared first.
    pub stages: Vec<String>,
    /// Users stopped in it.
    pub users: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct GoalReport {
    pub name: String,
    pub treatment: GroupReport,
    pub holdout: GroupReport,
    pub lift: Option<f64>,
    pub lift_relative: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct GroupReport {
    pub users: u64,
    pub reached: u64,
    pub rate: Option<f64>,
    pub ci95: Option<[f64; 2]>,
}

#[derive(Clone, Debug, Serialize)]
pub struct StageReport {
    pub name: String,
    /// Stage visits.
    pub entered: u64,
    /// Distinct users.
    pub users: u64,
    /// How visits ended: by destination stage, `exit` (left the journey), `end` (still
    /// in the stage when the run ended).
    pub exits: Ordered<u64>,
    pub dwell_hours: Dwell,
}

#[derive(Clone, Debug, Serialize)]
pub struct Dwell {
    pub median: Option<f64>,
    pub p90: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TouchpointReport {
    pub name: String,
    pub sent: u64,
    pub deferred: u64,
    pub capped: u64,
    pub suppressed: u64,
    pub cost: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct SplitReport {
    pub stage: String,
    pub arms: Vec<ArmReport>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ArmReport {
    pub name: String,
    pub users: u64,
    pub goal_rates: Ordered<Option<f64>>,
    pub goal_ci95: Ordered<Option<[f64; 2]>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TeamReport {
    pub name: String,
    pub capacity: u32,
    pub tasks: u64,
    pub done: u64,
    pub peak_backlog: u64,
    pub backlog_at_end: u64,
    pub daily: Vec<TeamDay>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TeamDay {
    pub day: String,
    pub created: u64,
    pub done: u64,
    pub backlog: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct DayReport {
    pub day: String,
    pub sends: Ordered<u64>,
    pub goals: Ordered<u64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PathReport {
    pub stages: Vec<String>,
    /// Longer than the kept length; the rest is cut.
    pub truncated: bool,
    pub count: u64,
}

impl Report {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report serializes") + "\n"
    }
}

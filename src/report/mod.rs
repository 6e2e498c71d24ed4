//! Simulation reports: the facts a run gives (goals, stages, touchpoints, splits, teams,
//! the daily timeline and the common paths), built from a run's mergeable aggregates,
//! and the partial reports of `--shard` runs that `journey report merge` combines.

mod build;
pub mod html;
pub mod markdown;
mod portfolio;
mod read;
mod schema;
mod sections;
mod stats;
mod svg;
pub mod table;
mod types;

pub use build::build;
pub use portfolio::build_all;
pub use read::PartialReader;
pub use schema::schema_json;
pub use sections::{RenderOptions, Section};
pub use types::*;

use crate::check::graph::StageGraph;
use crate::i18n::{msg, Arg, Message};
use crate::sim::team::Hours;
use crate::sim::{Aggregates, Run};
use serde::{Deserialize, Serialize};

/// What a report needs to know of the run besides the counts: names, costs, capacities,
/// dates. Partial reports carry it so that merging needs no source file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub journey: String,
    pub journey_label: Option<String>,
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
    /// Per goal, its `from stage` (its denominator is the users who entered it).
    pub goal_from: Vec<Option<String>>,
    pub stages: Vec<NamedMeta>,
    pub touchpoints: Vec<TouchpointMeta>,
    pub splits: Vec<SplitMeta>,
    pub teams: Vec<TeamMeta>,
    /// A fingerprint of the source file, so partials of different files do not merge.
    pub source: String,
    /// The stages (indexes into `stages`) in the order users flow through them: the
    /// report's funnel (`StageGraph::flow_order`).
    pub funnel: Vec<u32>,
    /// Why users left the journey, by the index the stages' counts use.
    pub exit_reasons: Vec<String>,
    /// Send templates, by the index the counts use.
    pub templates: Vec<TemplateMeta>,
    /// The end of the run in local minutes since local midnight of `first_day`: team
    /// queue slots count when they end by it.
    pub end_minute: u64,
    /// The policies' names, by the index the counts use.
    pub policies: Vec<String>,
    /// The journey's `priority`.
    pub priority: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemplateMeta {
    /// The index of its touchpoint.
    pub touchpoint: usize,
    pub template: String,
}

/// A declaration's name and its label, as the file spells them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NamedMeta {
    pub name: String,
    pub label: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TouchpointMeta {
    pub name: String,
    pub label: Option<String>,
    pub channel: String,
    pub cost: f64,
    /// A `broadcast` touchpoint: costs per post.
    pub broadcast: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SplitMeta {
    pub name: String,
    pub stage: String,
    pub arms: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamMeta {
    pub name: String,
    pub label: Option<String>,
    pub capacity: u32,
    pub hours: Hours,
}

impl Meta {
    pub fn new(run: &Run, users: u64, days: u32, source: &str) -> Meta {
        let p = run.prog;
        let m = p.model;
        Meta {
            journey: p.journey.name.clone(),
            journey_label: p.journey.label.clone(),
            population: p.population.name.clone(),
            seed: run.seed,
            users,
            days,
            start: p.population.start.format("%Y-%m-%d %H:%M").to_string(),
            timezone: p.journey.timezone.name().to_string(),
            first_day: run.cal.date(0).to_string(),
            timeline_days: run.days(),
            goals: p.journey.goals.iter().map(|g| g.name.clone()).collect(),
            goal_from: (p.journey.goals.iter())
                .map(|g| g.from.map(|s| p.stage_name(s.index()).to_string()))
                .collect(),
            stages: (p.journey.stages.iter())
                .map(|s| NamedMeta {
                    name: s.name.clone(),
                    label: s.label.clone(),
                })
                .collect(),
            touchpoints: m
                .touchpoints
                .iter()
                .map(|t| TouchpointMeta {
                    name: t.name.clone(),
                    label: t.label.clone(),
                    channel: t.channel.as_str().to_string(),
                    cost: t.cost,
                    broadcast: t.broadcast,
                })
                .collect(),
            splits: p
                .splits
                .iter()
                .enumerate()
                .map(|(i, s)| SplitMeta {
                    name: split_name(p, i),
                    stage: p.stage_name(s.stage).to_string(),
                    arms: s.arms.iter().map(|a| a.name.to_string()).collect(),
                })
                .collect(),
            teams: m
                .teams
                .iter()
                .map(|t| TeamMeta {
                    name: t.name.clone(),
                    label: t.label.clone(),
                    capacity: t.capacity_per_day,
                    hours: t.hours.map_or(Hours::ALL_DAY, |h| Hours {
                        days: h.days,
                        from: h.from.minutes(),
                        to: h.to.minutes(),
                    }),
                })
                .collect(),
            source: fingerprint(source),
            funnel: (StageGraph::of(p.journey).flow_order().into_iter())
                .map(|s| s as u32)
                .collect(),
            exit_reasons: p.exit_reasons.clone(),
            templates: (p.templates.iter().zip(&p.template_touchpoints))
                .map(|(template, &touchpoint)| TemplateMeta {
                    touchpoint,
                    template: template.to_string(),
                })
                .collect(),
            end_minute: run.cal.local(run.horizon).div_euclid(60) as u64,
            policies: m.policies.iter().map(|p| p.name.clone()).collect(),
            priority: p.journey.priority,
        }
    }
}

impl Meta {
    /// The local date of day `i` of the daily timeline.
    pub fn day(&self, i: usize) -> String {
        let first: chrono::NaiveDate = self.first_day.parse().unwrap_or_default();
        (first + chrono::Duration::days(i as i64)).to_string()
    }
}

/// A split's name as written; an unnamed one is `STAGE#N`, its position among its
/// stage's splits in source order, from 1 (language-v2 §11.14).
fn split_name(p: &crate::sim::Program, i: usize) -> String {
    if let Some(name) = p.splits[i].name {
        return name.to_string();
    }
    let stage = p.splits[i].stage;
    let n = (0..=i).filter(|&j| p.splits[j].stage == stage).count();
    format!("{}#{n}", p.stage_name(stage))
}

/// FNV-1a of the source text, as hex.
fn fingerprint(text: &str) -> String {
    format!("{:016x}", crate::sim::rng::fnv1a(text))
}

pub const PARTIAL_FORMAT: &str = "journey-report-partial";
/// 2: transitions as `[stage, visits]` pairs, and the rule loops users were stopped in;
/// 3: the metadata of report version 2 (labels, channels, split names).
/// 4: broadcast touchpoints and their posts, as the set of moments per template.
/// 5: each goal's own denominator (users whose window opened) and `from` stage.
/// 6: the policies, and the sends each capped; the journey's priority; teams' hours, and
/// their tasks as `[created, journey, deadline, left, count]` with the suppressed ones
/// (language v2 §5).
/// 7: a portfolio's other journeys, and each journey's contention.
pub const PARTIAL_VERSION: u32 = 7;

/// One shard's raw aggregates (`journey simulate --shard K/N`): of the first journey
/// run, then of the portfolio's others.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Partial {
    pub format: String,
    pub version: u32,
    pub shard: Shard,
    pub meta: Meta,
    pub aggregates: Aggregates,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub journeys: Vec<JourneyPart>,
}

/// A journey's part of a run: its metadata and aggregates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JourneyPart {
    pub meta: Meta,
    pub aggregates: Aggregates,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Partial {
    /// The partial report of `parts`, the journeys run (at least one).
    pub fn new(shard: Shard, mut parts: Vec<JourneyPart>) -> Partial {
        let first = parts.remove(0);
        Partial {
            format: PARTIAL_FORMAT.to_string(),
            version: PARTIAL_VERSION,
            shard,
            meta: first.meta,
            aggregates: first.aggregates,
            journeys: parts,
        }
    }

    /// Every journey's part, the first one first.
    pub fn parts(self) -> Vec<JourneyPart> {
        let first = JourneyPart {
            meta: self.meta,
            aggregates: self.aggregates,
        };
        std::iter::once(first).chain(self.journeys).collect()
    }
}

/// Combines the partial reports of every shard of one run into its aggregates, per
/// journey.
pub fn merge(parts: Vec<(String, Partial)>) -> Result<Vec<JourneyPart>, Message> {
    use crate::sim::aggregate::Merge;
    let mut parts = parts.into_iter();
    let (first_name, first) = parts.next().ok_or_else(|| msg!("report-none-given"))?;
    let count = first.shard.count;
    let mut seen = vec![false; count as usize];
    seen[first.shard.index as usize] = true;
    let mut total = first.parts();
    for (name, part) in parts {
        let (index, same_count) = (part.shard.index, part.shard.count == count);
        let journeys = part.parts();
        let same_run = journeys.len() == total.len()
            && (journeys.iter().zip(&total)).all(|(a, b)| a.meta == b.meta);
        if !same_run || !same_count {
            return Err(msg!(
                "report-different-run",
                name = name,
                first = &first_name
            ));
        }
        if std::mem::replace(&mut seen[index as usize], true) {
            return Err(msg!(
                "report-shard-twice",
                index = index.to_string(),
                count = count.to_string(),
            ));
        }
        for (t, j) in total.iter_mut().zip(&journeys) {
            t.aggregates.merge(&j.aggregates);
        }
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
        (0, _) => Ok(total),
        (_, 0) => Err(msg!("report-missing-shards", shards = shards)),
        _ => Err(msg!(
            "report-missing-shards-more",
            shards = shards,
            more = more
        )),
    }
}

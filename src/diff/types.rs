//! The diff as plain data: its JSON field names are a contract (docs/diff.md), and
//! docs/diff.schema.json is generated from these types (`journey diff --schema`).

use schemars::JsonSchema;
use serde::Serialize;

pub const DIFF_FORMAT: &str = "journey-diff";
pub const DIFF_VERSION: u32 = 1;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Diff {
    /// Always `journey-diff`.
    pub format: &'static str,
    /// Always 1.
    pub version: u32,
    /// The two versions compared, as named on the command line (`REF:PATH` for a
    /// version read from git).
    pub old: String,
    pub new: String,
    /// What changed in meaning, declarations first, then journeys, stages and rules,
    /// in NEW's order (removals where they stood in OLD).
    pub changes: Vec<Change>,
    pub diagnostics: DiagnosticChanges,
    /// The simulated impact; `null` when it could not be simulated (see `notes`).
    pub impact: Option<Impact>,
    /// Why the impact is missing, in the run's language.
    pub notes: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
    Renamed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum What {
    Declaration,
    Journey,
    Stage,
    Rule,
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Change {
    pub kind: ChangeKind,
    pub what: What,
    /// A declaration `KIND NAME` (`touchpoint wecom`), a journey's name, a stage as
    /// `JOURNEY/STAGE`, a rule as `JOURNEY/STAGE: HEAD` (its trigger and timing as
    /// written; `JOURNEY/*` for a journey-wide rule). A rename names the new name.
    pub name: String,
    /// A rename's old name, and a changed rule's when its head changed.
    pub old_name: Option<String>,
    /// For `changed`: which parts changed (`trigger`, `timing`, `guard`, `actions`,
    /// `template`, `split percents`, `caps`, `quiet windows`, …), in a fixed order.
    pub parts: Vec<String>,
    /// Where it is in NEW (`null` when removed).
    pub new: Option<Position>,
    /// Where it was in OLD (`null` when added).
    pub old: Option<Position>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Position {
    pub file: String,
    /// From 1.
    pub line: usize,
    /// From 1, in characters.
    pub column: usize,
}

#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
pub struct DiagnosticChanges {
    /// In NEW, not in OLD.
    pub new: Vec<DiagnosticEntry>,
    /// In OLD, no longer in NEW (positions in OLD).
    pub fixed: Vec<DiagnosticEntry>,
}

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct DiagnosticEntry {
    /// `J0103`.
    pub code: String,
    /// `error` or `warning`.
    pub severity: String,
    /// In the run's language.
    pub message: String,
    pub position: Position,
}

/// A figure of both versions: `delta` is `new − old` (`null` unless both exist); all
/// three rounded to 6 decimals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct Figure {
    pub old: Option<f64>,
    pub new: Option<f64>,
    pub delta: Option<f64>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Impact {
    /// The journeys simulated, joined by `, ` (`journeys` lists them).
    pub journey: String,
    /// Every journey simulated in either version, NEW's order first: all of each
    /// version's journeys together, as `journey simulate` runs them, or those
    /// `--journey` names.
    pub journeys: Vec<String>,
    /// NEW's population (or `--population`), which both versions were simulated on.
    pub population: String,
    pub seed: u64,
    pub users: u64,
    pub days: u32,
    /// Every touchpoint of either version, in NEW's order, then OLD's others.
    pub touchpoints: Vec<TouchpointImpact>,
    /// Total cost.
    pub cost: Figure,
    /// Every goal of every journey, journey by journey.
    pub goals: Vec<GoalImpact>,
    /// Distinct users reaching each stage (the report's funnel), journey by journey,
    /// in NEW's order.
    pub funnel: Vec<FunnelImpact>,
    pub fatigue: FatigueImpact,
    /// Every policy of either version: sends it capped.
    pub policies: Vec<PolicyImpact>,
    pub teams: Vec<TeamImpact>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct TouchpointImpact {
    pub name: String,
    pub sent: Figure,
    /// Sends per simulated day (`sent ÷ days`).
    pub per_day: Figure,
    /// Sends on the busiest day.
    pub peak: Figure,
    /// The busiest day of each version (`2026-03-02`; the first of equals).
    pub peak_day: PeakDays,
    pub cost: Figure,
    /// The sends of each journey simulated (`journeys`' order); a journey that does
    /// not run in a version has no figure there.
    pub by_journey: Vec<JourneySends>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct JourneySends {
    pub journey: String,
    pub sent: Figure,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PolicyImpact {
    pub name: String,
    /// Sends the policy's caps held back.
    pub capped: Figure,
}

#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
pub struct PeakDays {
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct GoalImpact {
    /// `JOURNEY/GOAL`.
    pub goal: String,
    /// The treatment group's rate.
    pub rate: Figure,
    /// The 95% interval of `rate.delta`, paired over the same users (docs/diff.md);
    /// `null` unless both rates exist.
    pub ci95: Option<[f64; 2]>,
    /// Treatment rate − holdout rate.
    pub lift: Figure,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct FunnelImpact {
    pub journey: String,
    pub stage: String,
    pub users: Figure,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct FatigueImpact {
    /// Sends per user per day, 95th percentile.
    pub p95: Figure,
    pub max: Figure,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct TeamImpact {
    pub name: String,
    /// Tasks still open at the end of the run.
    pub backlog_end: Figure,
    pub peak_backlog: Figure,
    /// Share of tasks with a service level done within it (`null` when none has one).
    pub within_sla: Figure,
}

impl Figure {
    pub fn new(old: Option<f64>, new: Option<f64>) -> Figure {
        let round6 = |x: f64| (x * 1e6).round() / 1e6 + 0.0;
        Figure {
            old: old.map(round6),
            new: new.map(round6),
            delta: old.zip(new).map(|(o, n)| round6(n - o)),
        }
    }
}

impl Diff {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a diff serializes") + "\n"
    }
}

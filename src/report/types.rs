//! The report, version 2 (`../shared/spec/language-v2.md` §9): plain data whose JSON
//! field names are a contract. docs/report.md documents every field and
//! docs/report.schema.json is generated from these types (`journey simulate --schema`).
//!
//! The shape is the portfolio's: `journeys` is a list (the journeys run together),
//! touchpoints count `by_journey`, `policies` lists every `policy` of the file, and
//! `contention` (an addition to §9) what one journey's sends cost another's. Fields
//! beyond §9's are additions, never renamings.

use schemars::JsonSchema;
use serde::{Serialize, Serializer};

pub const REPORT_FORMAT: &str = "journey-report";
pub const REPORT_VERSION: u32 = 2;

/// A list of `(key, value)` pairs written as a JSON object in this order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ordered<T>(pub Vec<(String, T)>);

impl<T: Serialize> Serialize for Ordered<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<T: JsonSchema> JsonSchema for Ordered<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Ordered_{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<String, T>>::json_schema(generator)
    }
}

/// A 95% interval `[low, high]`.
pub type Interval = [f64; 2];

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Report {
    /// Always `journey-report`.
    pub format: &'static str,
    /// Always 2.
    pub version: u32,
    /// The language of the human-readable formats (`en` or `zh`); the JSON is the same
    /// in both but for this field.
    pub lang: &'static str,
    pub population: String,
    pub seed: u64,
    /// Users simulated.
    pub users: u64,
    pub days: u32,
    /// Local start, `2026-03-02 09:00`.
    pub start: String,
    pub timezone: String,
    /// Users whose arrival fell inside the run.
    pub arrived: u64,
    pub journeys: Vec<JourneyReport>,
    pub touchpoints: Vec<TouchpointReport>,
    /// Every `policy` of the file, in file order, and the sends each capped.
    pub policies: Vec<PolicyReport>,
    /// Several journeys run together: per touchpoint (in file order), then per policy,
    /// each journey whose sends it capped because other journeys had used the user's
    /// allowance first (docs/report.md). Absent for one journey, and empty rows left out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contention: Vec<ContentionReport>,
    pub teams: Vec<TeamReport>,
    pub fatigue: Fatigue,
    pub cost: CostReport,
    pub daily: Vec<DayReport>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct JourneyReport {
    pub name: String,
    pub label: Option<String>,
    /// The journey's `priority` (0 when it has none).
    pub priority: i64,
    /// Entries into the journey (a re-entry counts again), treatment and holdout.
    pub entered: u64,
    /// Distinct users who entered.
    pub users: u64,
    /// Of them, users in the holdout group.
    pub holdout: u64,
    /// Users stopped by a rule loop (0 for a sound journey).
    pub stopped: u64,
    /// The rule loops users were stopped in, most users first.
    pub loops: Vec<LoopReport>,
    pub goals: Vec<GoalReport>,
    /// In source order.
    pub stages: Vec<StageReport>,
    /// In the order users flow: breadth first from the first stage along its rules as
    /// written, edges back to a stage already listed ignored (docs/report.md).
    pub funnel: Vec<FunnelStep>,
    pub splits: Vec<SplitReport>,
    /// The ten most common stage paths.
    pub paths: Vec<PathReport>,
    /// The cost of this journey's sends (non-broadcast touchpoints).
    pub cost: f64,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct LoopReport {
    /// The loop's stages in the order users went round, from the one declared first.
    pub stages: Vec<String>,
    /// Users stopped in it.
    pub users: u64,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct GoalReport {
    pub name: String,
    /// The stage whose first entry starts the goal's window (`from stage S`); `null`:
    /// the journey entry.
    pub from: Option<String>,
    pub treatment: GroupReport,
    pub holdout: GroupReport,
    /// Treatment rate − holdout rate.
    pub lift: Option<f64>,
    /// `lift` ÷ holdout rate.
    pub lift_relative: Option<f64>,
    /// The 95% interval of `lift` (Newcombe's hybrid score interval).
    pub lift_ci95: Option<Interval>,
    /// The two-sided p-value of the two-proportion z-test of treatment against holdout.
    pub p_value: Option<f64>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct GroupReport {
    pub users: u64,
    pub reached: u64,
    pub rate: Option<f64>,
    /// Wilson score interval.
    pub ci95: Option<Interval>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct StageReport {
    pub name: String,
    pub label: Option<String>,
    /// Stage visits.
    pub entered: u64,
    /// Distinct users.
    pub users: u64,
    /// How visits ended: by destination stage, `exit` (left the journey), `end` (still
    /// in the stage when the run ended).
    pub exits: Ordered<u64>,
    /// Visits that left the journey from this stage, by reason: an `exit "reason"`
    /// action's text, `exit` for an `exit` without one, and an exit line's own text
    /// (`on unsubscribe`, `when …`), and `rule loop` for users stopped in one; most
    /// first, ties in the order the reasons are first written.
    pub exit_reasons: Ordered<u64>,
    pub dwell_hours: Dwell,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Dwell {
    /// `null` when fewer than 30 visits ended (`n`).
    pub median: Option<f64>,
    pub p90: Option<f64>,
    /// Visits that ended, the quantiles' sample.
    pub n: u64,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct FunnelStep {
    pub stage: String,
    /// Distinct users who reached the stage.
    pub users: u64,
    pub rate_from_entry: Option<f64>,
    pub rate_from_previous: Option<f64>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SplitReport {
    /// The split's name (version 1 splits are named `STAGE#N`).
    pub name: String,
    pub stage: String,
    pub arms: Vec<ArmReport>,
    /// Each arm after the first against the first, per goal.
    pub comparisons: Vec<Comparison>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ArmReport {
    pub name: String,
    pub users: u64,
    /// Per goal, the share of the arm's users who reached it within the goal's window
    /// counted from their assignment to the arm.
    pub goal_rates: Ordered<Option<f64>>,
    pub goal_ci95: Ordered<Option<Interval>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Comparison {
    pub goal: String,
    pub arm: String,
    /// The first arm.
    pub baseline: String,
    /// Arm rate − baseline rate.
    pub lift: Option<f64>,
    pub ci95: Option<Interval>,
    /// Two-sided, two-proportion z-test.
    pub p_value: Option<f64>,
    /// Users per arm a test at 5% significance and 80% power needs to see the observed
    /// difference (`null` when there is none).
    pub users_needed: Option<u64>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PathReport {
    pub stages: Vec<String>,
    /// Longer than the kept length; the rest is cut.
    pub truncated: bool,
    pub count: u64,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct TouchpointReport {
    pub name: String,
    pub label: Option<String>,
    pub channel: String,
    pub broadcast: bool,
    pub sent: u64,
    pub deferred: u64,
    pub capped: u64,
    pub suppressed: u64,
    /// Posts of a broadcast touchpoint (one per template and local moment); `null` for
    /// the others.
    pub posts: Option<u64>,
    /// `sent × cost`, or `posts × cost` for a broadcast.
    pub cost: f64,
    pub by_journey: Ordered<u64>,
    /// Most sent first, ties by template.
    pub templates: Vec<TemplateReport>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct TemplateReport {
    pub template: String,
    pub sent: u64,
    /// Its posts, for a template of a broadcast touchpoint; `null` for the others.
    pub posts: Option<u64>,
    /// `sent × cost`, or `posts × cost` for a broadcast.
    pub cost: f64,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PolicyReport {
    pub name: String,
    pub capped: u64,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ContentionReport {
    /// The touchpoint whose limit capped the sends (absent for a policy's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub touchpoint: Option<String>,
    /// The policy whose limit capped the sends (absent for a touchpoint's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    pub journey: String,
    /// The journey's sends capped by the limit when its own sends had not reached it.
    pub capped_by_others: u64,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct TeamReport {
    pub name: String,
    pub label: Option<String>,
    /// Tasks per day.
    pub capacity: u32,
    /// Tasks created (holdout users' tasks are not: they are `suppressed`).
    pub created: u64,
    pub done: u64,
    /// Tasks whose user left the stage (a journey-wide rule's task: the journey)
    /// before the team reached them.
    pub dropped: u64,
    pub suppressed: u64,
    /// Tasks still waiting at the end of the run (created, not done, not dropped).
    pub backlog_end: u64,
    pub peak_backlog: u64,
    /// Created → done in hours, exact, over tasks done.
    pub wait_hours: Waits,
    /// Among tasks with a service level that were not dropped and whose deadline fell
    /// inside the run, the share done by their deadline, 0..1 (`null`: no such task).
    pub within_sla: Option<f64>,
    /// The least capacity a day with which at least 90% of those tasks meet their
    /// service level (without service levels: with which the backlog at the end is at
    /// most one day's capacity); `null` without tasks or when no capacity up to 100×
    /// the demand does it.
    pub suggested_capacity: Option<u32>,
    pub daily: Vec<TeamDay>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Waits {
    pub p50: Option<f64>,
    pub p90: Option<f64>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct TeamDay {
    pub day: String,
    pub created: u64,
    pub done: u64,
    pub dropped: u64,
    /// Tasks waiting at the day's end.
    pub backlog: u64,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Fatigue {
    pub sends_per_user_day: FatigueQuantiles,
    /// User-days by the number of sends that reached the user that day, every count
    /// from 0 to the maximum.
    pub histogram: Vec<FatigueBucket>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct FatigueQuantiles {
    pub p50: Option<u64>,
    pub p95: Option<u64>,
    pub max: Option<u64>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct FatigueBucket {
    pub sends: u64,
    pub user_days: u64,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct CostReport {
    pub total: f64,
    /// `JOURNEY/GOAL` → the journey's cost ÷ its treatment users who reached the goal.
    pub per_goal: Ordered<Option<f64>>,
    /// `JOURNEY/GOAL` → the journey's cost ÷ (lift × treatment users): per conversion
    /// the journey added over the holdout (`null` without a positive lift).
    pub per_incremental: Ordered<Option<f64>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct DayReport {
    pub day: String,
    /// Per touchpoint.
    pub sends: Ordered<u64>,
    /// Per `JOURNEY/GOAL`, users reaching it that day.
    pub goals: Ordered<u64>,
}

impl Report {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report serializes") + "\n"
    }
}

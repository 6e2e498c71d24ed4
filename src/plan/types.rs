//! The plan's data types: plain data in a stable field order, serialised with serde
//! and described by schemars. The doc comments here become the descriptions in
//! `docs/plan.schema.json`, so they speak to a runner's author.
//!
//! Conventions: other elements are referred to by **name** (names are unique per
//! kind in a file, stage names per journey); arrays keep source order; durations
//! are whole seconds (`*_seconds`, `seconds`); clock times are minutes after local
//! midnight in the journey's timezone; percents are numbers in 0..=100.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

// Actions live with their lowering (action.rs); the plan's other types are here.
pub use super::action::{Action, Value};

/// The compiled plan of one `.journey` file: everything a runner needs to execute
/// its journeys, with every name resolved and every default made explicit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Plan {
    pub format: Format,
    pub version: super::Version,
    pub source: Source,
    /// User attributes the journeys read and write.
    pub tags: Vec<Tag>,
    /// Things users do, reported to the runner with a timestamp.
    pub events: Vec<Event>,
    /// The channels messages are sent through, with their per-user caps.
    pub touchpoints: Vec<Touchpoint>,
    /// Named conditions, usable wherever a condition is.
    pub segments: Vec<Segment>,
    /// Groups of people who do `task` actions.
    pub teams: Vec<Team>,
    /// The journeys of the file (only the one asked for with `--journey`).
    pub journeys: Vec<Journey>,
    /// Caps on all sends to a user, every journey and touchpoint together
    /// (docs/plan.md §10.10). Absent: none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policies: Vec<Policy>,
}

/// `policy NAME { limit …  except … }`: each limit caps the sends of every journey to
/// one user on every touchpoint but `except` and the broadcasts, checked after the
/// journey's limits and before the touchpoint's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Policy {
    pub name: String,
    pub label: Option<String>,
    pub limits: Vec<Limit>,
    /// Touchpoints whose sends the policy neither checks nor counts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<String>,
    pub span: Location,
}

/// Always `"journey-plan"`: tells a plan from other JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Format {
    #[serde(rename = "journey-plan")]
    JourneyPlan,
}

/// Where the plan came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The source file's path as given to `journey compile`.
    pub file: String,
}

/// A position in the source: 1-based line and column, the column counted in
/// Unicode characters (not bytes, not UTF-16 units).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Location {
    pub file: String,
    #[schemars(range(min = 1))]
    pub line: u32,
    #[schemars(range(min = 1))]
    pub column: u32,
}

// ------------------------------------------------------------------ declarations

/// A user attribute. A user who was never given a value holds the type's empty
/// value: bool `false`, number the low end of its range (else 0), set empty,
/// text `""`, enum *unset* (every comparison with an unset enum is false).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Tag {
    pub name: String,
    /// A display label for reports, or null.
    pub label: Option<String>,
    #[serde(flatten)]
    pub ty: TagType,
    pub span: Location,
}

/// The type of a tag, named by `type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TagType {
    /// One of `values`, or unset.
    Enum {
        values: Vec<String>,
    },
    /// Any subset of `values`.
    Set {
        values: Vec<String>,
    },
    /// A number, within `range` when one is given.
    Number {
        range: Option<Range>,
    },
    Bool,
    Text,
}

/// An inclusive numeric range.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Range {
    pub min: f64,
    pub max: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Event {
    pub name: String,
    pub label: Option<String>,
    /// Values the event carries (`purchase { amount: number }`).
    pub fields: Vec<Field>,
    pub span: Location,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Field {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: FieldType,
    /// The variants of an `enum` field (absent for the other types).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    Number,
    Text,
    Bool,
    /// One of the field's `variants`.
    Enum,
}

/// A channel through which `send` actions reach a user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Touchpoint {
    pub name: String,
    pub label: Option<String>,
    pub channel: Channel,
    /// Per-user caps on sends through this touchpoint; all of them apply.
    pub limits: Vec<Limit>,
    /// Sends due inside this local-time window are deferred to its end; null: none.
    pub quiet: Option<Quiet>,
    /// Cost of one send, for reports (0 when not given); of one post for a broadcast.
    pub cost: f64,
    /// A broadcast (朋友圈, 社群): its sends pass only this touchpoint's own limits, not
    /// the journey's, and it costs per post: one per distinct (template, moment the
    /// send went out). Absent in version-1 plans: `false`.
    #[serde(default)]
    pub broadcast: bool,
    pub span: Location,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Wecom,
    Group,
    OfficialAccount,
    Moments,
    Miniprogram,
    Channels,
    Live,
    Sms,
    Email,
    Push,
}

/// At most `count` sends per user per calendar `per` (day, ISO week Monday to
/// Sunday, or month) in the journey's timezone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Limit {
    pub count: u32,
    pub per: Period,
    /// With `per: "rolling"`: the window's length. A send at `t` passes when fewer
    /// than `count` sends went out in `(t − window_seconds, t]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 60, max = 31_622_400))]
    pub window_seconds: Option<u64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Day,
    Week,
    Month,
    /// A rolling window of `window_seconds`, not a calendar period.
    Rolling,
}

/// The half-open local-time window `[from, to)`, in minutes after midnight; it
/// wraps past midnight when `from > to` (`22:00..08:00` is `{"from":1320,"to":480}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Quiet {
    #[schemars(range(max = 1439))]
    pub from: u32,
    #[schemars(range(max = 1439))]
    pub to: u32,
}

/// A named condition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Segment {
    pub name: String,
    pub label: Option<String>,
    pub condition: Condition,
    pub span: Location,
}

/// People who work through `task` actions, up to a daily capacity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Team {
    pub name: String,
    pub label: Option<String>,
    pub capacity_per_day: u32,
    /// When the team works (docs/plan.md §12); absent: `00:00..24:00` every day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
    pub span: Location,
}

/// A team's working hours: `[from, to)` in minutes after local midnight on each of
/// `days`; `from < to` (hours never wrap past midnight).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Hours {
    pub days: Vec<Day>,
    #[schemars(range(max = 1439))]
    pub from: u32,
    #[schemars(range(max = 1439))]
    pub to: u32,
}

// ------------------------------------------------------------------ journeys

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Journey {
    pub name: String,
    pub label: Option<String>,
    /// IANA timezone name for every clock, day and calendar period of the journey.
    pub timezone: String,
    pub entry: Entry,
    pub reentry: Reentry,
    /// Ways out of the journey that apply in every stage.
    pub exits: Vec<ExitLine>,
    /// Conversion goals, measured from journey entry.
    pub goals: Vec<Goal>,
    /// Percent of entering users put in the control group: they follow the stages
    /// but receive no sends.
    #[schemars(range(min = 0, max = 100))]
    pub holdout_percent: f64,
    /// Per-user caps on all sends of this journey together.
    pub limits: Vec<Limit>,
    /// At one moment, the journeys of a user run in decreasing priority, then in the
    /// plan's order (docs/plan.md §10.10). Absent: 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub priority: i64,
    /// Journey-wide rules (language v2): they apply while the user is in any stage.
    /// Their pending firings survive stage changes and are cancelled when the user
    /// leaves the journey; at one moment they run before the stage's rules. Triggers
    /// are `event`, `when`, `every`, `month_days` and `date` only. Absent: none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    /// The stage users enter: always the first of `stages`.
    pub entry_stage: String,
    pub stages: Vec<Stage>,
    pub span: Location,
}

/// What brings a user into the journey, named by `type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Entry {
    /// When `event` happens and `condition` (if not null) holds at that moment.
    /// The event already counts in the condition's `did`, `count`, `sum`, `days_since`.
    Event {
        event: String,
        condition: Option<Condition>,
    },
    /// The first moment `condition` turns true.
    When { condition: Condition },
}

/// Whether a user who has left the journey may enter it again, named by `type`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reentry {
    Never,
    /// Whenever the entry trigger fires while the user is not in the journey.
    Always,
    /// After leaving, and only once `seconds` have passed since the user's last entry.
    After {
        seconds: u64,
    },
}

/// A journey-wide exit, named by `type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ExitLine {
    /// The user leaves when `event` happens (and `condition`, when given, holds at
    /// its moment; it may read the event's fields).
    Event {
        event: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        condition: Option<Condition>,
    },
    /// The user leaves at the first moment `condition` holds.
    When { condition: Condition },
}

/// A goal is reached when `event` happens within `within_seconds` after its window
/// starts (journey entry, or the first entry into `from_stage`); a `when` goal (no
/// `event`) at the first moment in the window that `condition` holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Goal {
    pub name: String,
    /// Absent for a `when` goal (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// With `event`: the event reaches the goal only if this holds at its moment (it
    /// may read the event's fields; tags are read at the event's moment). Without
    /// `event`: the goal is reached at the first moment of the window this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// Null: at any time after the window starts.
    pub within_seconds: Option<u64>,
    /// Version 2: the window starts at the user's first entry into this stage in a
    /// stay, and only users who entered it count. Absent: at the journey entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_stage: Option<String>,
    pub span: Location,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Stage {
    pub name: String,
    pub label: Option<String>,
    /// In source order, which is also the order rules due at one moment run in.
    pub rules: Vec<Rule>,
    pub span: Location,
}

/// When the trigger fires, shift by `timing`, check `guard` at that moment, then
/// do `then`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Rule {
    pub trigger: Trigger,
    pub timing: Timing,
    /// Null: always.
    pub guard: Option<Guard>,
    pub then: Then,
    pub span: Location,
}

/// The moment a rule fires (before `timing`), named by `type`. Only while the user
/// is in the rule's stage (a journey-wide rule: in the journey).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Trigger {
    /// When the user enters the stage.
    Enter,
    /// When the user leaves the stage by a transition (not when leaving the journey).
    /// The stage is left at that moment, so a rule with a timing shift never runs.
    Exit,
    /// Each time `event` happens.
    Event { event: String },
    /// The first moment `condition` turns true; re-armed after it turns false.
    When { condition: Condition },
    /// `seconds` after the user entered the stage.
    After { seconds: u64 },
    /// On each of `days` at each clock of `at`, local time.
    Every { days: Vec<Day>, at: Vec<u32> },
    /// On each local date whose day of the month is in `days` (1–31), and on the
    /// month's last day when `last`, at each clock of `at`. A month without a listed
    /// day is skipped; a date named twice (`31` and `last`) fires once.
    MonthDays {
        days: Vec<u32>,
        last: bool,
        at: Vec<u32>,
    },
    /// Once, at local `date` (`YYYY-MM-DD`) and clock `at`; never when that moment
    /// is before the user entered the stage.
    Date { date: String, at: u32 },
}

/// Moves the fire moment forward: first by `after_seconds`, then to the next moment
/// at or after it that falls on one of `days` and, when `at` is given, at clock `at`.
/// Null fields do not shift.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Timing {
    pub after_seconds: Option<u64>,
    pub days: Option<Vec<Day>>,
    /// Minutes after local midnight.
    #[schemars(range(max = 1439))]
    pub at: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Day {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

/// Evaluated at the fire moment: `{"if": c}` runs the rule when `c` holds,
/// `{"unless": c}` when it does not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Guard {
    If(Condition),
    Unless(Condition),
}

/// What a rule does: `{"actions": [...]}` in order, or `{"transition": "STAGE"}`,
/// which moves the user to that stage of the same journey (like a `goto` action).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Then {
    Actions(Vec<Action>),
    Transition(String),
}

// ------------------------------------------------------------------ conditions

/// A condition over one user at the moment it is evaluated, named by `op`.
/// Windows look back from that moment; a null window means the whole history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Condition {
    /// All of `args` hold.
    And {
        args: Vec<Condition>,
    },
    /// Any of `args` holds.
    Or {
        args: Vec<Condition>,
    },
    Not {
        arg: Box<Condition>,
    },
    /// Bool tag `tag` is true.
    Flag {
        tag: String,
    },
    /// Segment `segment`'s condition holds.
    Segment {
        segment: String,
    },
    /// A numeric comparison.
    Compare {
        left: Operand,
        cmp: Cmp,
        right: Operand,
    },
    /// Enum or text tag `tag` equals `value` (false for an unset enum).
    Eq {
        tag: String,
        value: String,
    },
    /// Enum or text tag `tag` differs from `value` (false for an unset enum).
    Ne {
        tag: String,
        value: String,
    },
    /// Tag `tag` (enum, text or number) equals one of `values`.
    In {
        tag: String,
        values: Vec<Value>,
    },
    /// Set tag `tag` contains `value`.
    Has {
        tag: String,
        value: String,
    },
    /// Number tag `tag` is within `low..=high`.
    Between {
        tag: String,
        low: f64,
        high: f64,
    },
    /// `event` happened within the window.
    Did {
        event: String,
        within_seconds: Option<u64>,
    },
    /// No event of any kind in the last `seconds`.
    Inactive {
        seconds: u64,
    },
    /// The user is in stage `stage` of this journey.
    InStage {
        stage: String,
    },
    /// Field `field` of the event being handled (`event`, the one that triggered the
    /// rule, entry, exit line or goal) compared with `value` by `cmp`. A number field
    /// takes any `cmp`; text and enum fields (`value` a text, an enum's a variant name)
    /// `eq` and `ne`; a bool field standing alone is `eq true`. A field the event
    /// arrived without has its type's empty value: 0, "", false, or unset (an unset
    /// enum equals no variant and differs from every one).
    Field {
        event: String,
        field: String,
        cmp: Cmp,
        value: Value,
    },
    /// The local date at evaluation is within `first..=last` (`YYYY-MM-DD`).
    TodayIn {
        first: String,
        last: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// A number in a comparison, named by `type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Operand {
    Number {
        value: f64,
    },
    /// The value of number tag `tag`.
    Tag {
        tag: String,
    },
    /// How many times `event` happened in the window.
    Count {
        event: String,
        within_seconds: Option<u64>,
    },
    /// The sum of number field `field` over `event`s in the window.
    Sum {
        event: String,
        field: String,
        within_seconds: Option<u64>,
    },
    /// Days since `event` last happened, as a real number (elapsed seconds / 86400);
    /// infinite if it never happened, so `days_since > 30` holds for such a user.
    DaysSince {
        event: String,
    },
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

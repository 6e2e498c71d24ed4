//! The checked model: every name resolved to an id, every literal a typed value.
//! Later stages (plan, simulation, LSP) read this, never the AST's strings.

use crate::source::Span;
use crate::syntax::ast::{CmpOp, FieldType};
use crate::units::{
    Clock, DateRange, DaySet, Duration, LimitPeriod, MonthDays, Percent, QuietWindow,
};

/// An id: a position in one of the model's lists.
pub trait Id: Copy {
    fn from_index(index: usize) -> Self;
    fn index(self) -> usize;
}

macro_rules! ids {
    ($($name:ident),*) => {$(
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);
        impl $name {
            pub fn index(self) -> usize { self.0 as usize }
        }
        impl Id for $name {
            fn from_index(index: usize) -> Self { $name(index as u32) }
            fn index(self) -> usize { self.0 as usize }
        }
    )*};
}

ids!(
    TagId,
    EventId,
    TouchpointId,
    SegmentId,
    TeamId,
    StageId,
    JourneyId,
    PolicyId
);

/// A field of an event, by position in the event's field list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FieldId(pub u32);

#[derive(Clone, Debug, Default)]
pub struct Model {
    pub tags: Vec<Tag>,
    pub events: Vec<Event>,
    pub touchpoints: Vec<Touchpoint>,
    pub segments: Vec<Segment>,
    pub teams: Vec<Team>,
    /// In file order; a `JourneyId` is a position here.
    pub journeys: Vec<Journey>,
    pub populations: Vec<Population>,
    pub policies: Vec<Policy>,
}

impl Model {
    pub fn tag(&self, id: TagId) -> &Tag {
        &self.tags[id.index()]
    }
    pub fn event(&self, id: EventId) -> &Event {
        &self.events[id.index()]
    }
    pub fn touchpoint(&self, id: TouchpointId) -> &Touchpoint {
        &self.touchpoints[id.index()]
    }
    pub fn segment(&self, id: SegmentId) -> &Segment {
        &self.segments[id.index()]
    }
    pub fn team(&self, id: TeamId) -> &Team {
        &self.teams[id.index()]
    }
    /// The name of variant (or set member) `index` of an enum (or set) tag; the
    /// checker gives such an index only to such a tag.
    pub fn variant_name(&self, tag: TagId, index: u32) -> &str {
        match &self.tag(tag).ty {
            TagType::Enum(names) | TagType::Set(names) => &names[index as usize],
            other => unreachable!("variant of {} tag", other.describe()),
        }
    }
}

/// `policy NAME { limit …  except … }`: caps on every send to a user, all journeys
/// and touchpoints together, except broadcasts and the `except` touchpoints.
#[derive(Clone, Debug)]
pub struct Policy {
    pub name: String,
    pub label: Option<String>,
    pub limits: Vec<Limit>,
    pub except: Vec<TouchpointId>,
    pub span: Span,
}

impl Policy {
    /// Whether a send on `tp` counts toward this policy (broadcasts never do).
    pub fn counts(&self, tp: TouchpointId, broadcast: bool) -> bool {
        !broadcast && !self.except.contains(&tp)
    }
}

#[derive(Clone, Debug)]
pub struct Tag {
    pub name: String,
    pub label: Option<String>,
    pub ty: TagType,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TagType {
    /// Variants by index; an enum value is a variant index.
    Enum(Vec<String>),
    /// Possible members by index; a set value is a bit set of member indexes.
    Set(Vec<String>),
    Number {
        range: Option<(f64, f64)>,
    },
    Bool,
    Text,
}

impl TagType {
    /// How a person names the type in a message.
    pub fn describe(&self) -> &'static str {
        match self {
            TagType::Enum(_) => "an enum",
            TagType::Set(_) => "a set",
            TagType::Number { .. } => "a number",
            TagType::Bool => "a bool",
            TagType::Text => "a text",
        }
    }
}

/// A value a tag can hold, typed by the tag.
#[derive(Clone, Debug, PartialEq)]
pub enum TagValue {
    Bool(bool),
    Number(f64),
    Text(String),
    /// Index into the enum's (or set's) variant list.
    Variant(u32),
}

#[derive(Clone, Debug)]
pub struct Event {
    pub name: String,
    pub label: Option<String>,
    pub fields: Vec<Field>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Field {
    pub name: String,
    pub ty: FieldType,
    /// The variants of an enum field, by index (empty for the other types).
    pub variants: Vec<String>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

impl Channel {
    pub const ALL: [(&'static str, Channel); 10] = [
        ("wecom", Channel::Wecom),
        ("group", Channel::Group),
        ("official_account", Channel::OfficialAccount),
        ("moments", Channel::Moments),
        ("miniprogram", Channel::Miniprogram),
        ("channels", Channel::Channels),
        ("live", Channel::Live),
        ("sms", Channel::Sms),
        ("email", Channel::Email),
        ("push", Channel::Push),
    ];

    pub fn parse(word: &str) -> Option<Channel> {
        Channel::ALL
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, c)| *c)
    }

    pub fn as_str(self) -> &'static str {
        Channel::ALL
            .iter()
            .find(|(_, c)| *c == self)
            .map(|(w, _)| *w)
            .unwrap_or("")
    }
}

/// A per-user cap: at most `count` per calendar `period` or rolling window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limit {
    pub count: u32,
    pub period: LimitPeriod,
    pub span: Span,
}

impl Limit {
    pub fn of(l: &crate::syntax::ast::Limit) -> Limit {
        Limit {
            count: l.count.value,
            period: l.period.value,
            span: l.span,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Touchpoint {
    pub name: String,
    pub label: Option<String>,
    pub channel: Channel,
    pub limits: Vec<Limit>,
    pub quiet: Option<QuietWindow>,
    pub quiet_span: Option<Span>,
    pub cost: f64,
    /// A `broadcast` touchpoint: cost per post, outside journey limits.
    pub broadcast: bool,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Segment {
    pub name: String,
    pub label: Option<String>,
    pub cond: Spanned<Cond>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Team {
    pub name: String,
    pub label: Option<String>,
    pub capacity_per_day: u32,
    /// `hours DAYS FROM..TO`; `None`: all day, every day.
    pub hours: Option<WorkHours>,
    pub span: Span,
}

/// When a team works: `from` < `to`, the same local day (hours never wrap midnight).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WorkHours {
    pub days: DaySet,
    pub from: Clock,
    pub to: Clock,
}

// ------------------------------------------------------------------ conditions

/// A node with the span it was written at. Equality ignores the span: the same
/// condition written in two places is one condition. Derefs to the node, so a
/// `&Spanned<Cond>` goes wherever a `&Cond` is read.
#[derive(Clone, Debug)]
pub struct Spanned<T> {
    pub node: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(node: T, span: Span) -> Spanned<T> {
        Spanned { node, span }
    }

    /// A node an analysis makes up, written nowhere.
    pub fn unplaced(node: T) -> Spanned<T> {
        Spanned::new(node, Span::default())
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.node == other.node
    }
}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.node
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cond {
    And(Vec<Spanned<Cond>>),
    Or(Vec<Spanned<Cond>>),
    Not(Box<Spanned<Cond>>),
    /// A bool tag is true.
    Flag(TagId),
    Segment(SegmentId),
    /// Numeric comparison (number tags, counts, sums, days since).
    Compare {
        left: NumExpr,
        op: CmpOp,
        right: NumExpr,
    },
    /// `enum_tag == variant` / `!=`.
    EnumIs {
        tag: TagId,
        variant: u32,
        negated: bool,
    },
    /// `text_tag == "x"` / `!=`.
    TextIs {
        tag: TagId,
        value: String,
        negated: bool,
    },
    /// `enum_tag in [a, b]`.
    EnumIn {
        tag: TagId,
        variants: Vec<u32>,
    },
    /// `text_tag in ["a", "b"]`.
    TextIn {
        tag: TagId,
        values: Vec<String>,
    },
    /// `number_tag in [1, 2]`.
    NumberIn {
        tag: TagId,
        values: Vec<f64>,
    },
    /// `set_tag has member`.
    Has {
        tag: TagId,
        member: u32,
    },
    Between {
        tag: TagId,
        low: f64,
        high: f64,
    },
    Did {
        event: EventId,
        within: Option<Duration>,
    },
    Inactive(Duration),
    InStage(StageId),
    /// A field of the event being handled compared with a literal of the field's type
    /// (`purchase.amount >= 199`, `purchase.品类 == 面膜`; a bool field standing alone
    /// is `== true`). Text and enum fields take `==` and `!=` only.
    Field {
        event: EventId,
        field: FieldId,
        op: CmpOp,
        value: TagValue,
    },
    /// The local date at evaluation is in the range.
    TodayIn(DateRange),
}

#[derive(Clone, Debug, PartialEq)]
pub enum NumExpr {
    Const(f64),
    Tag(TagId),
    Count {
        event: EventId,
        window: Option<Duration>,
    },
    Sum {
        event: EventId,
        field: FieldId,
        window: Option<Duration>,
    },
    DaysSince(EventId),
}

// ------------------------------------------------------------------ journeys

#[derive(Clone, Debug)]
pub struct Journey {
    pub name: String,
    pub label: Option<String>,
    pub timezone: chrono_tz::Tz,
    /// `false` when the file has no `timezone` line and UTC is assumed.
    pub timezone_given: bool,
    pub entry: Entry,
    pub reentry: Reentry,
    pub exits: Vec<ExitLine>,
    pub goals: Vec<Goal>,
    pub holdout: Percent,
    pub limits: Vec<Limit>,
    /// `priority N` (0 without): at one moment, higher goes first (language v2 §2).
    pub priority: i64,
    /// Journey-wide rules (language v2 §3), in source order: they apply in every
    /// stage, and their triggers are `on EVENT`, `when`, `every` and `on DATE`.
    pub rules: Vec<Rule>,
    /// The first stage is where users enter.
    pub stages: Vec<Stage>,
    pub span: Span,
}

impl Journey {
    /// Every rule: the journey-wide ones, then each stage's, in source order.
    pub fn all_rules(&self) -> impl Iterator<Item = &Rule> + Clone {
        (self.rules.iter()).chain(self.stages.iter().flat_map(|s| &s.rules))
    }
}

#[derive(Clone, Debug)]
pub enum Entry {
    On {
        event: EventId,
        cond: Option<Spanned<Cond>>,
    },
    When(Spanned<Cond>),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reentry {
    Never,
    Always,
    After(Duration),
}

#[derive(Clone, Debug)]
pub enum ExitLine {
    /// `exit on EVENT (if COND)?`: COND may read the event's fields.
    On(EventId, Option<Spanned<Cond>>),
    When(Spanned<Cond>),
}

#[derive(Clone, Debug)]
pub struct Goal {
    pub name: String,
    pub reach: Reach,
    pub within: Option<Duration>,
    /// `from stage S`: the window starts at the first entry into `S` in a stay, and
    /// only users who entered `S` count; `None`: from the journey entry.
    pub from: Option<StageId>,
    pub span: Span,
}

/// What reaches a goal.
#[derive(Clone, Debug)]
pub enum Reach {
    /// `EVENT (if COND)?`: the event reaches the goal only when COND holds at its
    /// moment; `event_span` is where the event is named.
    Event {
        event: EventId,
        event_span: Span,
        cond: Option<Spanned<Cond>>,
    },
    /// `when COND`: the first moment COND holds in the window.
    When(Spanned<Cond>),
}

impl Goal {
    /// The goal's condition, of either form.
    pub fn cond(&self) -> Option<&Spanned<Cond>> {
        match &self.reach {
            Reach::Event { cond, .. } => cond.as_ref(),
            Reach::When(c) => Some(c),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Stage {
    pub name: String,
    pub label: Option<String>,
    pub rules: Vec<Rule>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Rule {
    pub trigger: Trigger,
    pub timing: Timing,
    pub guard: Option<Guard>,
    pub body: Body,
    pub span: Span,
    pub spans: RuleSpans,
}

/// Where the parts of a rule are written (kept small: one per rule of a large file).
#[derive(Clone, Copy, Debug, Default)]
pub struct RuleSpans {
    pub trigger: Span,
    /// What makes the rule due: the duration of the timing's `after`, else of an
    /// `after` trigger, else the trigger.
    pub due: Span,
    /// The timing's `at` clock; read only when `Timing::at` is set.
    pub at: Span,
}

#[derive(Clone, Debug)]
pub enum Trigger {
    Enter,
    Exit,
    Event(EventId),
    When(Spanned<Cond>),
    After(Duration),
    /// Each matching local day, at each clock (`00:00` when none is given).
    Every {
        days: DaySet,
        clocks: Vec<Clock>,
        /// Where each clock is written.
        clock_spans: Vec<Span>,
    },
    /// On calendar dates (`every month on …`, `on DATE`), at each clock.
    Dates {
        dates: Dates,
        /// At least one: `00:00` when none is written.
        clocks: Vec<Clock>,
        /// Where each clock is written (the trigger's span for the implied `00:00`).
        clock_spans: Vec<Span>,
    },
}

impl Trigger {
    /// A calendar trigger's days, clocks and where each clock is written. The lints
    /// read `every month` and `on DATE` as fixed moments on any day (language-v2.md
    /// §11.6): the busiest day can be one of their dates, whatever its weekday.
    pub fn calendar(&self) -> Option<(DaySet, &[Clock], &[Span])> {
        match self {
            Trigger::Every {
                days,
                clocks,
                clock_spans,
            } => Some((*days, clocks, clock_spans)),
            Trigger::Dates {
                clocks,
                clock_spans,
                ..
            } => Some((DaySet::DAILY, clocks, clock_spans)),
            _ => None,
        }
    }
}

/// The local dates of a [`Trigger::Dates`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dates {
    /// Each month, on these days (a month without one skips it).
    Month(MonthDays),
    /// Once.
    On(chrono::NaiveDate),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Timing {
    pub after: Option<Duration>,
    pub days: Option<DaySet>,
    pub at: Option<Clock>,
}

#[derive(Clone, Debug)]
pub struct Guard {
    /// `unless` rather than `if`.
    pub negated: bool,
    pub cond: Spanned<Cond>,
}

#[derive(Clone, Debug)]
pub enum Body {
    Actions(Vec<Spanned<Action>>),
    Transition(StageId),
}

#[derive(Clone, Debug)]
pub enum Action {
    Send {
        touchpoint: TouchpointId,
        template: String,
    },
    SetTag {
        tag: TagId,
        value: TagValue,
    },
    AddMember {
        tag: TagId,
        member: u32,
    },
    RemoveMember {
        tag: TagId,
        member: u32,
    },
    /// `tag T = EVENT.FIELD`: the checker made sure the types fit (an enum field's
    /// variants are all variants of the tag).
    SetFromField {
        tag: TagId,
        event: EventId,
        field: FieldId,
    },
    Untag {
        tag: TagId,
    },
    Goto(StageId),
    Exit {
        reason: Option<String>,
    },
    Split {
        /// `split NAME { … }`: arms are drawn from the name, not the position.
        name: Option<String>,
        arms: Vec<SplitArm>,
    },
    Task {
        team: TeamId,
        text: String,
        /// `within D`: the task's service level.
        within: Option<Spanned<Duration>>,
    },
    /// `if / else if / else`: the first branch whose condition holds runs.
    If {
        branches: Vec<Branch>,
    },
    /// `enter JOURNEY`: another journey of the model (never the rule's own).
    Enter(JourneyId),
}

impl Action {
    /// The split arms nested in this action (only a split has any). The visitor
    /// (check/visit.rs) walks into an action through this, so a new kind that nests
    /// actions says so here, next to its variant, and no analysis changes.
    pub fn arms(&self) -> &[SplitArm] {
        match self {
            Action::Split { arms, .. } => arms,
            Action::Send { .. }
            | Action::SetTag { .. }
            | Action::AddMember { .. }
            | Action::RemoveMember { .. }
            | Action::SetFromField { .. }
            | Action::Untag { .. }
            | Action::Goto(_)
            | Action::Exit { .. }
            | Action::Task { .. }
            | Action::If { .. }
            | Action::Enter(_) => &[],
        }
    }

    /// The branches nested in this action (only an `if` chain has any); the visitor
    /// walks into them as into split arms.
    pub fn branches(&self) -> &[Branch] {
        match self {
            Action::If { branches } => branches,
            _ => &[],
        }
    }
}

/// One branch of an `if` chain; `cond` is `None` for the `else`.
#[derive(Clone, Debug)]
pub struct Branch {
    pub cond: Option<Spanned<Cond>>,
    pub actions: Vec<Spanned<Action>>,
    /// `if C` / `else if C` / `else` as written, for messages.
    pub head: Span,
}

#[derive(Clone, Debug)]
pub struct SplitArm {
    pub name: String,
    pub percent: Percent,
    pub percent_span: Span,
    pub actions: Vec<Spanned<Action>>,
}

// ------------------------------------------------------------------ populations

#[derive(Clone, Debug)]
pub struct Population {
    pub name: String,
    pub label: Option<String>,
    pub size: u64,
    pub start: chrono::NaiveDateTime,
    pub days: u32,
    /// `None` for `arrivals none`: every user exists from the start.
    pub arrivals: Option<Arrivals>,
    /// Past events placed before `start`, in source order.
    pub history: Vec<History>,
    pub tags: Vec<TagDistribution>,
    pub behaviors: Vec<Behavior>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug)]
pub struct Arrivals {
    pub event: EventId,
    pub over: Duration,
}

/// `history EVENT: … within D`: past events at uniform moments in the `within` before
/// the run's start.
#[derive(Clone, Copy, Debug)]
pub struct History {
    pub event: EventId,
    pub amount: HistoryAmount,
    pub within: Duration,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum HistoryAmount {
    /// A uniform whole number of events in `low..=high`.
    Range { low: u32, high: u32 },
    /// That share of users has one event.
    Share(Percent),
}

#[derive(Clone, Debug)]
pub struct TagDistribution {
    pub tag: TagId,
    pub dist: Distribution,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Distribution {
    Uniform {
        low: f64,
        high: f64,
    },
    /// For enum, text and number values: one is drawn by weight (weights sum to 100).
    /// For set tags: each member is included independently with its chance.
    Weighted(Vec<(TagValue, Percent)>),
    /// The chance a bool is true.
    Chance(Percent),
}

#[derive(Clone, Debug)]
pub struct Behavior {
    pub event: EventId,
    /// Base hazard per day (a Poisson process); `None` without a `rate` line.
    pub rate_per_day: Option<f64>,
    pub multipliers: Vec<(Spanned<Cond>, f64)>,
    pub after_send: Vec<AfterSend>,
    pub fields: Vec<(FieldId, Distribution)>,
    /// `once`: at most one such event per user, history included.
    pub once: bool,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct AfterSend {
    pub after: Reacts,
    pub within: Duration,
    pub effect: SendEffect,
}

/// What an `after send` or `after task` line counts from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reacts {
    /// A send that went out through the touchpoint; `None` for any touchpoint.
    Send(Option<TouchpointId>),
    /// A task created for the team (language v2 §5).
    Task(TeamId),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SendEffect {
    Multiplier(f64),
    Chance(Percent),
}

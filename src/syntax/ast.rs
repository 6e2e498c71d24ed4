//! The abstract syntax tree: what the file says, with a byte span on every node.
//! Literal values are already typed (durations, clocks, day sets, percents); names
//! are still strings — the checker resolves them.

// Nodes are built once and walked a few times; boxing the large variants would add
// indirection to every walk for no saving that matters.
#![allow(clippy::large_enum_variant)]

use crate::source::Span;
use crate::units::{Clock, DaySet, Duration, LimitPeriod, MonthDays, Percent, Period};

/// A value with the span it was written at.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A name as written (backticks removed).
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// A string literal with escapes resolved.
pub type Str = Spanned<String>;
/// A number literal.
pub type Num = Spanned<f64>;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct File {
    /// The `import` lines, in file order (kept apart from `items`: they name files,
    /// not declarations, and the project loader reads them before anything is checked).
    pub imports: Vec<Import>,
    pub items: Vec<Item>,
}

/// `import "PATH"`: the path as written, and the span of the whole line's item.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    pub path: Str,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Tag(TagDecl),
    Event(EventDecl),
    Touchpoint(TouchpointDecl),
    Segment(SegmentDecl),
    Team(TeamDecl),
    Journey(Journey),
    Population(Population),
    Policy(PolicyDecl),
}

#[derive(Clone, Debug, PartialEq)]
pub struct TagDecl {
    pub name: Ident,
    pub label: Option<Str>,
    pub ty: TagType,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TagType {
    Enum(Vec<Ident>),
    Set(Vec<Ident>),
    Number(Option<(Num, Num)>),
    Bool,
    Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EventDecl {
    pub name: Ident,
    pub label: Option<Str>,
    pub fields: Vec<FieldDecl>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    Number,
    Text,
    Bool,
    /// Its variants are in [`FieldDecl::variants`].
    Enum,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FieldDecl {
    pub name: Ident,
    pub ty: FieldType,
    /// The variants of an enum field (empty for the other types).
    pub variants: Vec<Ident>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TouchpointDecl {
    pub name: Ident,
    pub label: Option<Str>,
    pub settings: Vec<TouchpointSetting>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TouchpointSetting {
    Channel(Ident),
    Limit(Limit),
    Quiet {
        from: Spanned<Clock>,
        to: Spanned<Clock>,
        span: Span,
    },
    Cost(Num),
    /// `broadcast`: one post seen by many (cost per post, outside journey limits).
    Broadcast(Span),
}

/// `limit N per day|week|month` or `limit N per 3d` (a rolling window).
#[derive(Clone, Debug, PartialEq)]
pub struct Limit {
    pub count: Spanned<u32>,
    pub period: Spanned<LimitPeriod>,
    pub span: Span,
}

/// `policy NAME "label" { limit …  except TP, … }`: caps on all sends to a user,
/// across touchpoints and journeys (language v2 §2).
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyDecl {
    pub name: Ident,
    pub label: Option<Str>,
    pub limits: Vec<Limit>,
    /// The touchpoints of every `except` line, in order.
    pub except: Vec<Ident>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SegmentDecl {
    pub name: Ident,
    pub label: Option<Str>,
    pub cond: Box<Cond>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TeamDecl {
    pub name: Ident,
    pub label: Option<Str>,
    /// Every `capacity N per P` line (the checker wants exactly one).
    pub capacities: Vec<Limit>,
    /// Every `hours DAYS FROM..TO` line (the checker wants at most one).
    pub hours: Vec<Hours>,
    pub span: Span,
}

/// `hours weekday 09:00..18:00`: when a team works; `days` is `None` for every day.
#[derive(Clone, Debug, PartialEq)]
pub struct Hours {
    pub days: Option<Spanned<DaySet>>,
    pub from: Spanned<Clock>,
    pub to: Spanned<Clock>,
    pub span: Span,
}

// ------------------------------------------------------------------ conditions

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn parse(text: &str) -> Option<CmpOp> {
        Some(match text {
            "==" => CmpOp::Eq,
            "!=" => CmpOp::Ne,
            "<" => CmpOp::Lt,
            "<=" => CmpOp::Le,
            ">" => CmpOp::Gt,
            ">=" => CmpOp::Ge,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    /// The operator with its sides swapped: `a OP b` is `b OP.flipped() a`.
    pub fn flipped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
            same => same,
        }
    }

    /// Whether `a OP b` holds for two numbers.
    pub fn holds(self, a: f64, b: f64) -> bool {
        match self {
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b,
            CmpOp::Lt => a < b,
            CmpOp::Le => a <= b,
            CmpOp::Gt => a > b,
            CmpOp::Ge => a >= b,
        }
    }

    /// `true` for `==` and `!=`, the only operators on enums, text and bools.
    pub fn is_equality(self) -> bool {
        matches!(self, CmpOp::Eq | CmpOp::Ne)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cond {
    Or(Vec<Cond>, Span),
    And(Vec<Cond>, Span),
    /// `not c` (an even number of `not`s is folded away by the builder).
    Not(Box<Cond>, Span),
    /// A bare name: a bool tag or a segment.
    Name(Ident),
    Compare {
        left: Operand,
        op: Spanned<CmpOp>,
        right: Operand,
        span: Span,
    },
    In {
        tag: Ident,
        values: Vec<Value>,
        span: Span,
    },
    Has {
        tag: Ident,
        value: Value,
        span: Span,
    },
    Between {
        tag: Ident,
        low: Num,
        high: Num,
        span: Span,
    },
    Did {
        event: Ident,
        within: Option<Spanned<Duration>>,
        span: Span,
    },
    Inactive {
        window: Spanned<Duration>,
        span: Span,
    },
    InStage {
        stage: Ident,
        span: Span,
    },
    /// `today in 2026-06-01..2026-06-18`.
    TodayIn {
        first: Spanned<chrono::NaiveDate>,
        last: Spanned<chrono::NaiveDate>,
        span: Span,
    },
    /// A bool event field standing alone (`评价.好评`).
    Field(FieldRef),
}

/// `EVENT.FIELD`: a field of the event that triggered the rule.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldRef {
    pub event: Ident,
    pub field: Ident,
    pub span: Span,
}

impl Cond {
    pub fn span(&self) -> Span {
        match self {
            Cond::Or(_, s) | Cond::And(_, s) | Cond::Not(_, s) => *s,
            Cond::Name(i) => i.span,
            Cond::Compare { span, .. }
            | Cond::In { span, .. }
            | Cond::Has { span, .. }
            | Cond::Between { span, .. }
            | Cond::Did { span, .. }
            | Cond::Inactive { span, .. }
            | Cond::InStage { span, .. }
            | Cond::TodayIn { span, .. } => *span,
            Cond::Field(f) => f.span,
        }
    }
}

/// One side of a comparison.
#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    Number(Num),
    Str(Str),
    /// A tag, or an enum variant when the other side is an enum tag.
    Name(Ident),
    Count {
        event: Ident,
        window: Option<Spanned<Duration>>,
        span: Span,
    },
    Sum {
        event: Ident,
        field: Ident,
        window: Option<Spanned<Duration>>,
        span: Span,
    },
    DaysSince {
        event: Ident,
        span: Span,
    },
    Field(FieldRef),
}

impl Operand {
    pub fn span(&self) -> Span {
        match self {
            Operand::Number(n) => n.span,
            Operand::Str(s) => s.span,
            Operand::Name(i) => i.span,
            Operand::Count { span, .. }
            | Operand::Sum { span, .. }
            | Operand::DaysSince { span, .. } => *span,
            Operand::Field(f) => f.span,
        }
    }
}

/// A literal value: in comparisons, tag actions and population distributions.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number(Num),
    Str(Str),
    Name(Ident),
}

impl Value {
    pub fn span(&self) -> Span {
        match self {
            Value::Number(n) => n.span,
            Value::Str(s) => s.span,
            Value::Name(i) => i.span,
        }
    }

    /// The text of a name or string value (enum variants may be either).
    pub fn as_word(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(&s.value),
            Value::Name(i) => Some(&i.name),
            Value::Number(_) => None,
        }
    }
}

// ------------------------------------------------------------------ journeys

#[derive(Clone, Debug, PartialEq)]
pub struct Journey {
    pub name: Ident,
    pub label: Option<Str>,
    pub settings: Vec<JourneySetting>,
    /// Journey-wide rules: written in the journey body outside any stage, they apply
    /// in every stage (language v2 §3). A boxed slice, not a Vec: it keeps `Item`
    /// within 160 bytes.
    pub rules: Box<[Rule]>,
    pub stages: Vec<Stage>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum JourneySetting {
    Timezone(Str),
    Entry(Entry),
    Reentry(Spanned<Reentry>),
    Exit(ExitLine),
    /// Boxed: a goal holds a condition and several names, and is rare.
    Goal(Box<Goal>),
    Holdout(Spanned<Percent>),
    Limit(Limit),
    /// `priority N`: the value as written (the checker wants an integer).
    Priority(Value, Span),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    On {
        event: Ident,
        cond: Option<Box<Cond>>,
        span: Span,
    },
    When(Box<Cond>, Span),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reentry {
    Never,
    Always,
    After(Duration),
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExitLine {
    /// `exit on EVENT (if COND)?`.
    On(Ident, Option<Box<Cond>>, Span),
    When(Box<Cond>, Span),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Goal {
    pub name: Ident,
    pub reach: Reach,
    pub within: Option<Spanned<Duration>>,
    /// `from stage S`: the window starts at the first entry into `S` (version 2).
    pub from: Option<Ident>,
    pub span: Span,
}

/// What reaches a goal.
#[derive(Clone, Debug, PartialEq)]
pub enum Reach {
    /// `EVENT (if COND)?`: the event counts only when COND holds at its moment.
    Event {
        event: Ident,
        cond: Option<Box<Cond>>,
    },
    /// `when COND`: the first moment COND holds in the window (version 2).
    When(Box<Cond>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    pub name: Ident,
    pub label: Option<Str>,
    pub rules: Vec<Rule>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub trigger: Trigger,
    pub timing: Timing,
    /// Boxed, like the condition of a `when` trigger: a condition is large (about
    /// 300 bytes) and most rules have none, while a file can hold 100,000 rules.
    pub guard: Option<Box<Guard>>,
    pub body: RuleBody,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Trigger {
    Enter(Span),
    Exit(Span),
    Event(Ident),
    When(Box<Cond>, Span),
    After(Spanned<Duration>, Span),
    Every {
        days: Spanned<DaySet>,
        clocks: Vec<Spanned<Clock>>,
        span: Span,
    },
    /// `every month on 1, 15, last at 10:00`.
    EveryMonth {
        days: Spanned<MonthDays>,
        /// A boxed slice, not a Vec: it keeps `Trigger` within 64 bytes.
        clocks: Box<[Spanned<Clock>]>,
        span: Span,
    },
    /// `on 2026-06-18 at 20:00` (boxed: rare, and `Trigger` stays within 64 bytes).
    Date(Box<DateTrigger>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct DateTrigger {
    pub date: Spanned<chrono::NaiveDate>,
    pub at: Option<Spanned<Clock>>,
    pub span: Span,
}

impl Trigger {
    pub fn span(&self) -> Span {
        match self {
            Trigger::Enter(s) | Trigger::Exit(s) | Trigger::When(_, s) | Trigger::After(_, s) => *s,
            Trigger::Event(i) => i.span,
            Trigger::Every { span, .. } | Trigger::EveryMonth { span, .. } => *span,
            Trigger::Date(d) => d.span,
        }
    }
}

/// `after D`, `on DAYS`, `at CLOCK` after the trigger.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timing {
    pub after: Option<Spanned<Duration>>,
    pub days: Option<Spanned<DaySet>>,
    pub at: Option<Spanned<Clock>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Guard {
    /// `unless` rather than `if`.
    pub negated: bool,
    pub cond: Cond,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RuleBody {
    Actions(Vec<Action>),
    Transition(Ident),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Send {
        touchpoint: Ident,
        template: Str,
        span: Span,
    },
    /// `tag T` (no value: a bool tag set true) or `tag T = v`.
    TagSet {
        tag: Ident,
        value: Option<Value>,
        span: Span,
    },
    TagAdd {
        tag: Ident,
        value: Value,
        span: Span,
    },
    TagRemove {
        tag: Ident,
        value: Value,
        span: Span,
    },
    /// `tag T = EVENT.FIELD`.
    TagField {
        tag: Ident,
        field: FieldRef,
        span: Span,
    },
    Untag {
        tag: Ident,
        span: Span,
    },
    Goto {
        stage: Ident,
        span: Span,
    },
    Exit {
        reason: Option<Str>,
        span: Span,
    },
    Split {
        /// `split NAME { … }` (version 2): the arms are drawn from the name.
        name: Option<Ident>,
        arms: Vec<SplitArm>,
        span: Span,
    },
    Task {
        team: Ident,
        text: Str,
        /// `within D`: the task's service level.
        within: Option<Spanned<Duration>>,
        span: Span,
    },
    /// `if C: … else if C: … else: …`: the branches in order, the `else` last.
    If {
        branches: Vec<Branch>,
        span: Span,
    },
    /// `enter JOURNEY`.
    Enter {
        journey: Ident,
        span: Span,
    },
}

/// One branch of an `if` chain: `if C: ACTIONS`, `else if C: ACTIONS` or, without a
/// condition, `else: ACTIONS`. `head` spans its words up to the condition's end (the
/// `else` of an `else:`).
#[derive(Clone, Debug, PartialEq)]
pub struct Branch {
    pub cond: Option<Cond>,
    pub actions: Vec<Action>,
    pub head: Span,
    pub span: Span,
}

/// The words an action starts with, in the order of the grammar's `action` rule
/// (editor completion offers them). `grammar_tests` checks them against that rule, so
/// a new action keyword that is not listed here fails a test.
pub const ACTION_KEYWORDS: &[&str] = &[
    "send", "tag", "untag", "goto", "exit", "split", "task", "if", "enter",
];

impl Action {
    pub fn span(&self) -> Span {
        match self {
            Action::Send { span, .. }
            | Action::TagSet { span, .. }
            | Action::TagAdd { span, .. }
            | Action::TagRemove { span, .. }
            | Action::TagField { span, .. }
            | Action::Untag { span, .. }
            | Action::Goto { span, .. }
            | Action::Exit { span, .. }
            | Action::Split { span, .. }
            | Action::Task { span, .. }
            | Action::If { span, .. }
            | Action::Enter { span, .. } => *span,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SplitArm {
    pub percent: Spanned<Percent>,
    pub name: Ident,
    pub actions: Vec<Action>,
    pub span: Span,
}

// ------------------------------------------------------------------ populations

#[derive(Clone, Debug, PartialEq)]
pub struct Population {
    pub name: Ident,
    pub label: Option<Str>,
    pub settings: Vec<PopulationSetting>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PopulationSetting {
    Size(Spanned<u64>),
    Start {
        date: Spanned<chrono::NaiveDate>,
        clock: Option<Spanned<Clock>>,
        span: Span,
    },
    Days(Spanned<u32>),
    Arrivals {
        event: Ident,
        over: Spanned<Duration>,
        span: Span,
    },
    Tag {
        tag: Ident,
        dist: Distribution,
        span: Span,
    },
    Behavior(Behavior),
    /// `arrivals none`: every user exists from the start.
    NoArrivals(Span),
    /// `history EVENT: N..M within D` or `history EVENT: P% within D`.
    History {
        event: Ident,
        amount: HistoryAmount,
        within: Spanned<Duration>,
        span: Span,
    },
}

/// How many past events a `history` line gives each user.
#[derive(Clone, Debug, PartialEq)]
pub enum HistoryAmount {
    /// A uniform whole number in `low..high`.
    Range {
        low: Spanned<u32>,
        high: Spanned<u32>,
        span: Span,
    },
    /// That share of users has one.
    Share(Spanned<Percent>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Distribution {
    Uniform {
        low: Num,
        high: Num,
        span: Span,
    },
    Weighted(Vec<(Value, Spanned<Percent>)>, Span),
    /// A bare percent: the chance that a bool tag is true.
    Chance(Spanned<Percent>),
}

impl Distribution {
    pub fn span(&self) -> Span {
        match self {
            Distribution::Uniform { span, .. } | Distribution::Weighted(_, span) => *span,
            Distribution::Chance(p) => p.span,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Behavior {
    pub event: Ident,
    pub items: Vec<BehaviorItem>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum BehaviorItem {
    Rate {
        percent: Spanned<Percent>,
        period: Spanned<Period>,
        span: Span,
    },
    If {
        cond: Box<Cond>,
        multiplier: Num,
        span: Span,
    },
    AfterSend {
        /// `None` for `any` touchpoint.
        touchpoint: Option<Ident>,
        within: Spanned<Duration>,
        effect: SendEffect,
        span: Span,
    },
    /// `after task TEAM within D: …`: counted from each task's creation.
    AfterTask {
        team: Ident,
        within: Spanned<Duration>,
        effect: SendEffect,
        span: Span,
    },
    Field {
        field: Ident,
        dist: Distribution,
        span: Span,
    },
    /// `once`: at most one such event per user, history included.
    Once(Span),
}

#[derive(Clone, Debug, PartialEq)]
pub enum SendEffect {
    Multiplier(Num),
    Chance(Spanned<Percent>),
}

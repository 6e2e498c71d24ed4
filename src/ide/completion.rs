//! Completion: what may be written at the cursor, from the statement before it.

use super::context::{context, Block, Context};
use super::index::Kind;
use super::rename::is_name;
use super::Document;
use crate::check::model::Channel;
use crate::source::Span;
use crate::syntax::ast::{Item, ACTION_KEYWORDS};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    Keyword,
    Symbol(Kind),
    Day,
    Duration,
    Period,
    Channel,
    Type,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    /// A declaration's label string, or what a keyword is for.
    pub detail: Option<String>,
    /// The text to insert (names that are not bare identifiers get backticks).
    pub insert: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Completions {
    /// The partial word before the cursor, which a chosen item replaces.
    pub replace: Span,
    /// Best first.
    pub items: Vec<Completion>,
    /// Whether a journey's name goes at the cursor (`enter ⎵`): the editor adds
    /// the journeys of project files not imported yet.
    pub journey: bool,
}

/// Settings, then the triggers of journey-wide rules (no `on enter`, `on exit` or
/// `after`: those count from a stage).
const JOURNEY: &[&str] = &[
    "timezone", "entry", "reentry", "exit", "goal", "holdout", "limit", "stage", "on", "when",
    "every", "priority",
];
const TRIGGERS: &[&str] = &["on enter", "on exit", "on", "when", "after", "every"];
const TIMING: &[&str] = &["after", "on", "at", "if", "unless"];
const CONDITIONS: &[&str] = &[
    "did",
    "inactive",
    "not",
    "in stage",
    "count(",
    "sum(",
    "days_since(",
    "today in",
];
const TOUCHPOINT: &[&str] = &["channel", "limit", "quiet", "cost", "broadcast"];
const POPULATION: &[&str] = &[
    "size", "start", "days", "arrivals", "tag", "behavior", "history",
];
const BEHAVIOR: &[&str] = &["rate", "if", "after send", "after task", "once"];
const DAYS: &[&str] = &[
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "weekday", "weekend", "daily",
];
/// Days of the month a person starts from: `every month on …` (1–31 and `last`).
const MONTH_DAYS: &[&str] = &["1", "8", "15", "last"];
const DURATIONS: &[&str] = &["1h", "1d", "7d", "14d", "30d", "90d"];
const UNITS: &[(&str, &str)] = &[
    ("m", "minutes"),
    ("h", "hours"),
    ("d", "days"),
    ("w", "weeks"),
];
const TAG_TYPES: &[&str] = &["enum { }", "set { }", "number", "bool", "text"];
const FIELD_TYPES: &[&str] = &["number", "text", "bool", "enum"];

pub fn completion(doc: &Document, offset: usize) -> Completions {
    let offset = doc.source.clamp(offset);
    let Some(cx) = context(doc.text(), offset) else {
        return Completions {
            replace: Span::new(offset, offset),
            ..Completions::default()
        };
    };
    let mut out = Out {
        doc,
        items: Vec::new(),
        journey: false,
    };
    suggest(&cx, doc.slice(cx.word), &mut out);
    Completions {
        replace: cx.word,
        items: out.items,
        journey: out.journey,
    }
}

struct Out<'a> {
    doc: &'a Document,
    items: Vec<Completion>,
    journey: bool,
}

impl Out<'_> {
    fn push(&mut self, label: &str, kind: CompletionKind, detail: Option<String>) {
        let insert = match kind {
            CompletionKind::Symbol(_) if !is_name(label) => format!("`{label}`"),
            _ => label.to_string(),
        };
        self.items.push(Completion {
            label: label.to_string(),
            kind,
            detail,
            insert,
        });
    }

    fn words(&mut self, words: &[&str], kind: CompletionKind) {
        for w in words {
            self.push(w, kind, None);
        }
    }

    /// Declared names of `kind` (under the declaration named `parent`, of kind
    /// `parent_kind`, for variants and fields).
    fn names(&mut self, kind: Kind, parent: Option<(Kind, &str)>) {
        self.journey |= kind == Kind::Journey;
        let index = &self.doc.index;
        let parent = match parent {
            Some((k, name)) => match index.lookup(k, None, name) {
                Some(id) => Some(id),
                None => return,
            },
            None => None,
        };
        let found: Vec<_> = index
            .defs_of(kind, parent)
            .map(|d| {
                (
                    d.name.to_string(),
                    label_of(self.doc, d.item as usize, kind),
                )
            })
            .collect();
        for (name, label) in found {
            self.push(&name, CompletionKind::Symbol(kind), label);
        }
    }

    /// The variants of enum field `field` of `event` (none for another type).
    fn field_variants(&mut self, event: &str, field: &str) {
        let index = &self.doc.index;
        let Some(field) = index
            .lookup(Kind::Event, None, event)
            .and_then(|e| index.lookup(Kind::Field, Some(e), field))
        else {
            return;
        };
        let names: Vec<String> = (index.defs_of(Kind::Variant, Some(field)))
            .map(|d| d.name.to_string())
            .collect();
        for name in names {
            self.push(&name, CompletionKind::Symbol(Kind::Variant), None);
        }
    }

    fn stages(&mut self, stages: &[&str]) {
        for s in stages {
            self.push(s, CompletionKind::Symbol(Kind::Stage), None);
        }
    }

    fn durations(&mut self, word: &str) {
        if !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) {
            for (unit, what) in UNITS {
                self.push(
                    &format!("{word}{unit}"),
                    CompletionKind::Duration,
                    Some(format!("{word} {what}")),
                );
            }
        } else {
            self.words(DURATIONS, CompletionKind::Duration);
        }
    }

    fn condition(&mut self) {
        self.names(Kind::Tag, None);
        self.names(Kind::Segment, None);
        self.words(CONDITIONS, CompletionKind::Keyword);
    }
}

/// The label string of a declaration, shown beside its name.
fn label_of(doc: &Document, item: usize, kind: Kind) -> Option<String> {
    let label = match (&doc.ast().items[item], kind) {
        (Item::Tag(t), Kind::Tag) => &t.label,
        (Item::Event(e), Kind::Event) => &e.label,
        (Item::Touchpoint(t), Kind::Touchpoint) => &t.label,
        (Item::Segment(s), Kind::Segment) => &s.label,
        (Item::Team(t), Kind::Team) => &t.label,
        _ => &None,
    };
    label.as_ref().map(|l| l.value.clone())
}

fn is_day(word: &str) -> bool {
    DAYS.contains(&word)
}

fn suggest(cx: &Context, word: &str, out: &mut Out) {
    use CompletionKind as C;
    let t = cx.tokens.as_slice();
    // `TAG in [a, b, …`: the values of an open list.
    if let Some(open) = t.iter().rposition(|&x| x == "[") {
        if !t[open..].contains(&"]") {
            if let [.., tag, "in"] = &t[..open] {
                out.names(Kind::Variant, Some((Kind::Tag, tag)));
            }
            return;
        }
    }
    match (cx.block, t) {
        (_, [.., "after", "send"]) => {
            out.names(Kind::Touchpoint, None);
            out.words(&["any"], C::Keyword);
        }
        (_, [.., "send"]) => out.names(Kind::Touchpoint, None),
        (_, [.., "->" | "goto"] | [.., "in" | "from", "stage"]) => out.stages(&cx.stages),
        (_, [.., "task"]) => out.names(Kind::Team, None),
        // the action `enter JOURNEY`, not the trigger `on enter`
        (_, ["enter"]) => out.names(Kind::Journey, None),
        (_, [.., before, "enter"]) if *before != "on" => out.names(Kind::Journey, None),
        (_, [.., "sum", "(", event, "."]) => out.names(Kind::Field, Some((Kind::Event, event))),
        (Block::Population, ["arrivals"]) => {
            out.names(Kind::Event, None);
            out.words(&["none"], C::Keyword);
        }
        // `purchase.`: a field of the event a rule, entry, exit line or goal handles
        (_, [.., event, "."]) => out.names(Kind::Field, Some((Kind::Event, event))),
        // `goal G: EVENT …` or `goal G: when COND …`
        (_, ["goal", _, ":"]) => {
            out.names(Kind::Event, None);
            out.words(&["when"], C::Keyword);
        }
        (_, [.., "count" | "sum" | "days_since", "("] | [.., "did" | "history"])
        | (_, ["entry" | "exit", "on"])
        | (Block::Population, ["behavior"]) => out.names(Kind::Event, None),
        (Block::Stage, ["on"]) => {
            out.words(&["enter", "exit"], C::Keyword);
            out.names(Kind::Event, None);
        }
        // a journey-wide `on EVENT` (or `on DATE`: no name to offer)
        (Block::Journey, ["on"]) => out.names(Kind::Event, None),
        (_, [.., "month", "on"]) => out.words(MONTH_DAYS, C::Day),
        (_, [.., "every"]) => {
            out.words(DAYS, C::Day);
            out.words(&["month"], C::Keyword);
        }
        (_, [.., "on"]) | (Block::Team, ["hours"]) => out.words(DAYS, C::Day),
        (_, [.., day, ","]) if is_day(day) => out.words(DAYS, C::Day),
        (_, [.., event, ".", field, "==" | "!="]) => out.field_variants(event, field),
        (Block::Behavior(event), [field, ":"] | [field, .., ","]) => {
            out.field_variants(event, field)
        }
        (_, [.., tag, "==" | "!=" | "has"] | [.., "tag", tag, "=" | "+=" | "-="]) => {
            out.names(Kind::Variant, Some((Kind::Tag, tag)))
        }
        (Block::Population, ["tag", tag, ":"]) => {
            out.names(Kind::Variant, Some((Kind::Tag, tag)));
            out.words(&["uniform"], C::Keyword);
        }
        (Block::Population, ["tag", tag, .., ","]) => {
            out.names(Kind::Variant, Some((Kind::Tag, tag)))
        }
        (Block::Top, ["tag", _, ":"] | ["tag", _, "\"", ":"]) => out.words(TAG_TYPES, C::Type),
        (Block::Other, [_, ":"]) => out.words(FIELD_TYPES, C::Type),
        (Block::Top, ["tag", ..]) => {}
        (_, [.., "tag" | "untag"]) => out.names(Kind::Tag, None),
        (_, [.., "if" | "unless" | "when" | "and" | "or" | "not" | "("])
        | (Block::Top, ["segment", .., "="]) => out.condition(),
        (_, [.., "per"]) => out.words(&["day", "week", "month"], C::Period),
        (_, [.., "after" | "within" | "inactive" | "over"])
        | (_, [.., "count", "(", _, ","] | [.., "sum", "(", _, ".", _, ","]) => out.durations(word),
        (_, [.., "channel"]) => {
            let channels: Vec<_> = Channel::ALL.iter().map(|(w, _)| *w).collect();
            out.words(&channels, C::Channel);
        }
        (_, ["entry"] | ["exit"]) if cx.block == Block::Journey => {
            out.words(&["on", "when"], C::Keyword)
        }
        (_, ["reentry"]) => out.words(&["never", "always", "after"], C::Keyword),
        // a journey-wide rule's actions, in the journey body
        (Block::Journey, [.., ":"]) if is_rule(t) => out.words(ACTION_KEYWORDS, C::Keyword),
        (Block::Stage | Block::Split | Block::Actions, [.., ":"]) => {
            out.words(ACTION_KEYWORDS, C::Keyword)
        }
        (Block::Stage | Block::Split | Block::Actions, ["else"]) => out.words(&["if"], C::Keyword),
        (block, []) => match block {
            Block::Top => out.words(crate::syntax::ITEM_KEYWORDS, C::Keyword),
            Block::Journey => out.words(JOURNEY, C::Keyword),
            Block::Stage => out.words(TRIGGERS, C::Keyword),
            Block::Actions => out.words(ACTION_KEYWORDS, C::Keyword),
            Block::Touchpoint => out.words(TOUCHPOINT, C::Keyword),
            Block::Team => out.words(&["capacity", "hours"], C::Keyword),
            Block::Population => out.words(POPULATION, C::Keyword),
            Block::Behavior(event) => {
                out.words(BEHAVIOR, C::Keyword);
                out.names(Kind::Field, Some((Kind::Event, event)));
            }
            Block::Split | Block::Other => {}
        },
        (Block::Stage, _) if !t.contains(&":") && !t.contains(&"->") => {
            out.words(TIMING, C::Keyword)
        }
        (Block::Journey, _) if is_rule(t) && !t.contains(&":") && !t.contains(&"->") => {
            out.words(TIMING, C::Keyword)
        }
        _ => {}
    }
}

/// Whether a statement in the journey body is a journey-wide rule: it starts with a
/// trigger, where settings start with their own words (`entry on`, `exit when`).
fn is_rule(t: &[&str]) -> bool {
    matches!(t.first(), Some(&("on" | "when" | "every")))
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::*;

    const DECLS: &str = "\
tag persona: enum { 白领, 宝妈 }
tag interests: set { 彩妆, 护肤 }
tag vip: bool
event signup
event purchase { amount: number, sku: text }
touchpoint wecom \"企业微信1v1\" { channel wecom }
touchpoint `moments feed` { channel moments }
segment 高价值 = vip
team 销售 { capacity 40 per day }
";

    fn labels(body: &str) -> Vec<String> {
        let f = Fixture::new(&format!("{DECLS}{body}"));
        completion(&f.doc, f.cursor)
            .items
            .into_iter()
            .map(|c| c.label)
            .collect()
    }

    fn stage(rule: &str) -> String {
        format!("journey j {{\n  entry on signup\n  stage 新手 {{\n    {rule}\n  }}\n  stage 老客 {{ }}\n}}\n")
    }

    #[test]
    fn the_fields_of_an_event_after_its_name_and_a_dot() {
        assert_eq!(
            labels(&stage("on purchase if purchase.$0")),
            ["amount", "sku"]
        );
        assert_eq!(
            labels(&stage("on purchase: tag vip = purchase.$0")),
            ["amount", "sku"]
        );
    }

    #[test]
    fn branches_complete_as_blocks_do() {
        let chain = |rest: &str| {
            stage(&format!(
                "on enter: {{\n      if vip: send wecom \"a\"\n      {rest}\n    }}"
            ))
        };
        assert_eq!(labels(&chain("else $0")), ["if"]);
        assert!(labels(&chain("else: $0")).contains(&"send".to_string()));
        assert!(labels(&chain("$0")).contains(&"if".to_string()));
        assert_eq!(labels(&chain("else if persona == $0")), ["白领", "宝妈"]);
        assert_eq!(
            labels(&chain("else if vip: send $0")),
            ["wecom", "moments feed"]
        );
    }

    /// A journey with a journey-wide `rule` before its stages.
    fn journey_wide(rule: &str) -> String {
        format!("journey j {{\n  entry on signup\n  {rule}\n  stage 新手 {{ }}\n  stage 老客 {{ }}\n}}\n")
    }

    #[test]
    fn journey_wide_rules_complete_as_stage_rules_do() {
        let has = |body: &str, word: &str| labels(&journey_wide(body)).contains(&word.into());
        // the journey body offers settings, `stage` and the journey-wide triggers
        let top = labels(&journey_wide("$0"));
        for word in ["entry", "stage", "on", "when", "every"] {
            assert!(top.contains(&word.to_string()), "{word} in {top:?}");
        }
        assert!(!top.contains(&"after".to_string()), "{top:?}");
        // `on` takes an event (no `enter` or `exit` outside a stage)
        assert_eq!(labels(&journey_wide("on $0")), ["signup", "purchase"]);
        assert!(has("every mon at 20:00 $0", "if"));
        assert!(has("every mon at 20:00: $0", "send"));
        assert_eq!(
            labels(&journey_wide("every mon at 20:00: send $0")),
            ["wecom", "moments feed"]
        );
        assert_eq!(labels(&journey_wide("on purchase -> $0")), ["新手", "老客"]);
        // settings still complete as before
        assert_eq!(labels(&journey_wide("entry $0")), ["on", "when"]);
    }

    #[test]
    fn declared_names_by_position() {
        assert_eq!(
            labels(&stage("on enter: send $0")),
            ["wecom", "moments feed"]
        );
        assert_eq!(labels(&stage("after 1d -> $0")), ["新手", "老客"]);
        assert_eq!(labels(&stage("after 1d: goto 老$0")), ["新手", "老客"]);
        assert_eq!(labels(&stage("on enter: task $0")), ["销售"]);
        assert_eq!(labels(&stage("when count($0")), ["signup", "purchase"]);
        assert_eq!(labels(&stage("when sum(purchase.$0")), ["amount", "sku"]);
        assert_eq!(labels("segment s = did $0"), ["signup", "purchase"]);
        assert_eq!(
            labels(&stage("on enter: tag interests += $0")),
            ["彩妆", "护肤"]
        );
        assert_eq!(
            labels(&stage("on enter: untag $0")),
            ["persona", "interests", "vip"]
        );
    }

    #[test]
    fn enter_offers_the_journeys_and_on_enter_does_not() {
        let two = |rule: &str| {
            format!("journey 新客 {{\n  entry on signup\n  stage a {{ {rule} }}\n}}\njourney 复购 {{\n  entry on purchase\n  stage b {{ }}\n}}\n")
        };
        // (with nothing after `enter` the journey does not parse and is not offered)
        assert!(labels(&two("after 30d: enter $0")).contains(&"复购".to_string()));
        // the names that start with what is typed
        assert_eq!(
            labels(&two("after 30d: { send wecom \"x\" enter 复$0")),
            ["复购"]
        );
        assert!(!labels(&two("on enter $0")).contains(&"复购".to_string()));
        let journey = |rule: &str| {
            let f = Fixture::new(&format!("{DECLS}{}", two(rule)));
            completion(&f.doc, f.cursor).journey
        };
        assert!(journey("after 30d: enter $0") && !journey("on enter $0"));
    }

    #[test]
    fn goals_offer_events_when_and_the_stages_after_from() {
        let goal = |line: &str| {
            format!("journey j {{\n  entry on signup\n  {line}\n  stage 新手 {{ }}\n  stage 老客 {{ }}\n}}\n")
        };
        assert_eq!(labels(&goal("goal g: $0")), ["signup", "purchase", "when"]);
        assert_eq!(
            labels(&goal("goal g: purchase within 30d from stage $0")),
            ["新手", "老客"]
        );
    }

    #[test]
    fn variants_after_comparisons_and_lists() {
        assert_eq!(labels("segment s = persona == $0"), ["白领", "宝妈"]);
        assert_eq!(labels("segment s = persona in [白领, $0"), ["白领", "宝妈"]);
        assert_eq!(labels("segment s = interests has 护$0"), ["彩妆", "护肤"]);
        assert!(labels("segment s = persona in [白领] and $0").contains(&"vip".to_string()));
    }

    #[test]
    fn keywords_where_they_fit() {
        assert_eq!(labels("$0"), crate::syntax::ITEM_KEYWORDS);
        assert_eq!(labels("journey j {\n  $0"), JOURNEY);
        assert_eq!(labels(&stage("$0")), TRIGGERS);
        assert_eq!(labels(&stage("on enter: $0")), ACTION_KEYWORDS);
        assert_eq!(
            labels(&stage("on enter: {\n send wecom \"x\"\n $0")),
            ACTION_KEYWORDS
        );
        assert_eq!(labels(&stage("after 7d $0")), TIMING);
        assert_eq!(labels("touchpoint t {\n  $0"), TOUCHPOINT);
        let on = labels(&stage("on $0"));
        assert_eq!(on[..3], ["enter", "exit", "signup"]);
        let cond = labels("segment s = $0");
        for want in ["persona", "vip", "高价值", "did", "count("] {
            assert!(cond.contains(&want.to_string()), "{want} in {cond:?}");
        }
        assert!(
            labels("population p {\n  behavior purchase {\n    $0").contains(&"amount".to_string())
        );
    }

    #[test]
    fn broadcasts_and_populations_with_history_are_offered() {
        assert!(labels("touchpoint t {\n  $0").contains(&"broadcast".to_string()));
        let population = labels("population p {\n  $0");
        assert!(
            population.contains(&"history".to_string()),
            "{population:?}"
        );
        let arrivals = labels("population p {\n  arrivals $0");
        assert!(arrivals.contains(&"none".to_string()), "{arrivals:?}");
        assert!(arrivals.contains(&"signup".to_string()), "{arrivals:?}");
        let history = labels("population p {\n  history $0");
        assert!(history.contains(&"purchase".to_string()), "{history:?}");
        let behavior = labels("population p {\n  behavior purchase {\n    $0");
        assert!(behavior.contains(&"once".to_string()), "{behavior:?}");
        assert!(behavior.contains(&"after task".to_string()), "{behavior:?}");
    }

    #[test]
    fn team_hours_and_after_task_are_offered() {
        let team = labels("team t {\n  $0");
        assert_eq!(team, ["capacity", "hours"]);
        assert_eq!(labels("team t {\n  hours $0"), DAYS);
        let after = labels("population p {\n  behavior purchase {\n    after task $0");
        assert_eq!(after, ["销售"]);
    }

    #[test]
    fn days_units_and_periods() {
        assert_eq!(labels(&stage("every $0")), [DAYS, &["month"]].concat());
        assert_eq!(labels(&stage("every month on $0")), MONTH_DAYS);
        assert_eq!(labels(&stage("every mon, $0")), DAYS);
        assert_eq!(labels(&stage("when inactive 30d on $0")), DAYS);
        assert_eq!(labels(&stage("after 7$0")), ["7m", "7h", "7d", "7w"]);
        assert_eq!(labels(&stage("after $0")), DURATIONS);
        assert_eq!(
            labels("touchpoint t {\n  limit 2 per $0"),
            ["day", "week", "month"]
        );
        assert!(labels("touchpoint t {\n  channel $0").contains(&"official_account".to_string()));
    }

    #[test]
    fn quoting_labels_and_replace_range() {
        let f = Fixture::new(&format!("{DECLS}{}", stage("on enter: send mo$0")));
        let c = completion(&f.doc, f.cursor);
        assert_eq!(f.doc.slice(c.replace), "mo");
        assert_eq!(c.items[0].insert, "wecom");
        assert_eq!(c.items[0].detail.as_deref(), Some("企业微信1v1"));
        assert_eq!(c.items[1].insert, "`moments feed`");
    }

    #[test]
    fn nothing_inside_strings_or_comments() {
        assert!(labels(&stage("on enter: send wecom \"we$0")).is_empty());
        assert!(labels("# send $0").is_empty());
    }
}

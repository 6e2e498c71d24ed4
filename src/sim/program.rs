//! The checked model lowered once per run into what the simulator reads per user:
//! rules grouped by trigger, actions with resolved slots, tag values as 64-bit slots,
//! behaviours with their rate bound, and what the history must keep.

use super::bulk::{most_in_a_period, reads_only_tags, Bulk, BulkRule, MAX_GUARDED};
use super::calendar::{Calendar, Shift, TableId, Time};
use super::dates::Moments;
use super::history::Retention;
use super::reads::Watch;
use super::rng::{below, holdout_salt, split_salt};
use crate::check::model::*;
use crate::check::visit::Visit;
use crate::i18n::{msg, Arg, Message};
use crate::units::{DaySet, LimitPeriod, Period, QuietWindow};
use std::collections::HashMap;

/// A tag's value in one 64-bit slot: bool 0/1, number as f64 bits, enum variant index
/// ([`UNSET`] when unset), set as a member bit mask, text as an index into
/// [`Program::texts`].
pub type Slot = u64;

/// An enum tag with no value.
pub const UNSET: Slot = u64::MAX;

#[derive(Debug)]
pub enum Op<'m> {
    Send {
        tp: usize,
        template: u32,
    },
    SetTag {
        tag: usize,
        value: Slot,
    },
    AddMember {
        tag: usize,
        bit: Slot,
    },
    RemoveMember {
        tag: usize,
        bit: Slot,
    },
    Goto(usize),
    /// `exit` with its text, if any, and its index in [`Program::exit_reasons`].
    Exit {
        reason: Option<&'m str>,
        counted_as: u32,
    },
    Split(usize),
    /// `tag T = EVENT.FIELD`: the field's value in the event that triggered the rule.
    SetFromField {
        tag: usize,
        field: usize,
        cast: Cast,
    },
    /// An `if` chain: an index into [`Program::ifs`].
    If(usize),
    /// `text`: an index into [`Program::task_texts`] (an index, like a send's template,
    /// keeps the action small); `within`: the service level in minutes; `wide`: made
    /// by a journey-wide rule, so it lasts while the user is in the journey, not only
    /// in the stage (`sim::tasks`).
    Task {
        team: usize,
        text: u32,
        within: Option<u32>,
        wide: bool,
    },
    /// `enter JOURNEY` (the journey's index in the model): traced, and in a portfolio
    /// that runs the journey, the user enters it (`sim::portfolio`).
    Enter(usize),
}

/// How `tag T = EVENT.FIELD` turns a field value into a tag slot (`sim::fields`).
#[derive(Clone, Copy, Debug)]
pub enum Cast {
    Number,
    /// Bool and text: the code is the slot.
    Code,
    /// An enum: index into [`Program::variant_maps`] (field variant → tag variant).
    Enum(u32),
}

#[derive(Debug)]
pub struct Rule<'m> {
    pub trigger: &'m Trigger,
    /// The rule's timing: where it moves the trigger moment.
    pub shift: Shift,
    /// The rule has a timing: it fires later than its trigger moment.
    pub timed: bool,
    /// The calendar moments of an `every`, `every month` or `on DATE` trigger.
    pub every: Moments,
    pub guard: Option<&'m Guard>,
    pub ops: Vec<Op<'m>>,
    /// Where the rule is and how it reads (its first source line), for traces.
    pub line: usize,
    pub text: String,
    /// The guard's condition as written, for traces (empty without a guard).
    pub guard_text: String,
    /// A stage's rule that sleeps while its guard is false (`sim::sleep`).
    pub sleeps: bool,
}

#[derive(Debug, Default)]
pub struct Stage<'m> {
    pub rules: Vec<Rule<'m>>,
    /// Rules that start when the stage is entered: `on enter`, `after`, `every`.
    pub on_enter: Vec<usize>,
    pub on_exit: Vec<usize>,
    /// `on EVENT` rules, by event index.
    pub on_event: Vec<Vec<usize>>,
    pub when: Vec<usize>,
    /// Conditions can move a user in this stage: its `when` rules, the journey-wide
    /// ones or the journey's `exit when`.
    pub watched: bool,
}

#[derive(Debug)]
pub struct Split<'m> {
    pub stage: usize,
    /// `split NAME`: its name, whose salt draws the arms (see [`split_salt`]).
    pub name: Option<&'m str>,
    pub salt: u64,
    pub arms: Vec<Arm<'m>>,
}

#[derive(Debug)]
pub struct Arm<'m> {
    pub name: &'m str,
    /// The arm is taken when the user's split draw is below this cumulative fraction.
    pub upto: f64,
    pub ops: Vec<Op<'m>>,
}

/// An `if` chain's branches, in order.
#[derive(Debug)]
pub struct IfChain<'m> {
    pub branches: Vec<IfBranch<'m>>,
}

#[derive(Debug)]
pub struct IfBranch<'m> {
    /// `None` for the `else`.
    pub cond: Option<&'m Cond>,
    pub ops: Vec<Op<'m>>,
    /// `if C` / `else if C` / `else` as written (on one line), for traces.
    pub text: String,
    head: crate::source::Span,
}

/// A cap a send must pass: the user's sent counter `counter` is below `max` in the
/// current period `period` (0 day, 1 week, 2 month: an index of
/// [`super::Calendar::periods`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cap {
    pub counter: usize,
    pub period: usize,
    pub max: u32,
    /// A rolling cap's window ([`ROLLING`] period); 0 for a calendar one.
    pub window: Time,
    /// The policy whose limit this is ([`NO_POLICY`]: the journey's or the
    /// touchpoint's), for the report's `policies[].capped` and the trace.
    pub policy: u32,
}

/// [`Cap::policy`] of a journey's or a touchpoint's cap.
pub const NO_POLICY: u32 = u32::MAX;

/// The caps of `limits` (the smallest per period), counted in counters `first..first + 3`,
/// those of policy `policy` ([`NO_POLICY`]: of none).
fn caps(limits: &[Limit], first: usize, policy: u32) -> Vec<Cap> {
    let mut max = [None; 3];
    for l in limits {
        let i = match l.period {
            LimitPeriod::Calendar(Period::Day) => 0,
            LimitPeriod::Calendar(Period::Week) => 1,
            LimitPeriod::Calendar(Period::Month) => 2,
            // counted in rings, see `rolling_caps`
            LimitPeriod::Rolling(_) => continue,
        };
        max[i] = Some(max[i].map_or(l.count, |m: u32| m.min(l.count)));
    }
    (0..3)
        .filter_map(|period| {
            let max = max[period]?;
            Some(Cap {
                counter: first + period,
                period,
                max,
                window: 0,
                policy,
            })
        })
        .collect()
}

/// [`Cap::period`] of a rolling cap: past the calendar periods 0 to 2.
pub const ROLLING: usize = 3;

/// The rolling caps (checked in `rolling.rs`) of the journey's, the policies' and each
/// touchpoint's `limits`, per touchpoint, with the number of rings they count in (the
/// journey's first, then the policies') and how many of those are the journey's.
fn rolling_caps(model: &Model, journey: &[Limit]) -> (Vec<Vec<Cap>>, usize, usize) {
    let mut rings = 0;
    let shared = rolling_of(journey, &mut rings, NO_POLICY);
    let journey_rings = rings;
    let policies: Vec<(&Policy, Vec<Cap>)> = (model.policies.iter().enumerate())
        .map(|(k, p)| (p, rolling_of(&p.limits, &mut rings, k as u32)))
        .collect();
    let per_tp = (model.touchpoints.iter().enumerate())
        .map(|(i, tp)| {
            let counted = (policies.iter())
                .filter(|(p, _)| p.counts(TouchpointId(i as u32), tp.broadcast))
                .flat_map(|(_, caps)| caps.iter().copied());
            let own = rolling_of(&tp.limits, &mut rings, NO_POLICY);
            (shared.iter().copied()).chain(counted).chain(own).collect()
        })
        .collect();
    (per_tp, rings, journey_rings)
}

/// The rolling caps of `limits`, counted in rings from `*rings` on (advanced past them).
fn rolling_of(limits: &[Limit], rings: &mut usize, policy: u32) -> Vec<Cap> {
    let caps: Vec<Cap> = limits
        .iter()
        .filter_map(|l| match l.period {
            LimitPeriod::Rolling(d) => Some((l.count, d.seconds() as Time)),
            LimitPeriod::Calendar(_) => None,
        })
        .enumerate()
        .map(|(i, (max, window))| Cap {
            counter: *rings + i,
            period: ROLLING,
            max,
            window,
            policy,
        })
        .collect();
    *rings += caps.len();
    caps
}

/// An `after send … : p%` chance, listed under each touchpoint it applies to.
#[derive(Clone, Copy, Debug)]
pub struct Chance {
    pub behavior: usize,
    pub within: Time,
    /// The chance, as the bound of a draw's bits ([`below`](super::rng::below)).
    pub below: u64,
}

/// An `after send … within D: xK` or `after task … within D: xK` multiplier.
#[derive(Clone, Copy, Debug)]
pub struct SendMultiplier {
    /// The index in the user's last-sent times: a reaction slot
    /// ([`Program::reaction_slot`]).
    pub last_sent: usize,
    pub within: Time,
    pub k: f64,
}

#[derive(Debug)]
pub struct Behavior<'m> {
    pub event: usize,
    /// Base rate per second (0 without a `rate` line).
    pub rate: f64,
    /// An upper bound of the rate with every multiplier applied, per second.
    pub rate_max: f64,
    /// The candidates' bound at all times (`sim::bounds`): `rate_max` without the
    /// multipliers of `windows`.
    pub fixed: f64,
    /// The `after send` multipliers above 1 whose touchpoint sends only at calendar
    /// moments, as a step function the bound is multiplied by; `None`: none.
    pub windows: Option<super::windows::Windows>,
    /// The behaviour's `after send … within D: xK` lines, resolved to last-sent slots.
    pub send_multipliers: Vec<SendMultiplier>,
    /// Number fields drawn per event: (field index, draw).
    pub fields: Vec<(usize, Draw)>,
    /// Text, enum and bool fields (language v2), drawn from the user's own stream of
    /// field values so that drawing them leaves every other draw as version 1 made it.
    pub value_fields: Vec<(usize, Draw)>,
    pub model: &'m crate::check::model::Behavior,
}

pub struct Program<'m> {
    pub model: &'m Model,
    pub journey: &'m Journey,
    pub population: &'m Population,
    pub stages: Vec<Stage<'m>>,
    /// The journey-wide rules (language v2 §3), by the same triggers as a stage's.
    pub wide: Stage<'m>,
    pub splits: Vec<Split<'m>>,
    pub ifs: Vec<IfChain<'m>>,
    pub behaviors: Vec<Behavior<'m>>,
    /// Per reaction slot (see [`Program::reaction_slot`]), the chances that a send
    /// through the touchpoint or a task for the team opens (the `any` slot stays
    /// empty: its chances are listed under every touchpoint).
    pub chances: Vec<Vec<Chance>>,
    /// Per touchpoint, the caps a send through it must pass, in the pipeline's order:
    /// the journey's `limit`s (counters 0 to 2; not for a broadcast), the policies'
    /// that count it (counters 3 + 3 × (touchpoints + policy) + 0 to 2), then the
    /// touchpoint's (counters 3 + 3 × touchpoint + 0 to 2).
    pub caps: Vec<Vec<Cap>>,
    /// How many calendar counters the caps count in: the journey's 3, each
    /// touchpoint's 3, then each policy's 3 (counters `3 + 3 × (touchpoints + k)`).
    pub counters: usize,
    /// Per touchpoint, whether it is a `broadcast` (its sends make posts).
    pub broadcast: Vec<bool>,
    /// Per event, whether its behaviour is `once`.
    pub once: Vec<bool>,
    /// Per touchpoint, the rolling caps (`limit N per 3d`): the journey's, counted in
    /// rings `0..journey_rings`, then the policies' that count it, then the
    /// touchpoint's.
    pub rolling: Vec<Vec<Cap>>,
    /// The number of rings the rolling caps count in.
    pub rings: usize,
    /// Per touchpoint, whether a send through it does more than its calendar caps
    /// count: rolling caps, or a broadcast's post. One test on the send path.
    pub more_than_caps: Vec<bool>,
    pub journey_rings: usize,
    pub retention: Vec<Retention>,
    /// Interned text tag values; index 0 is `""`.
    pub texts: Vec<String>,
    /// Each tag's empty value.
    pub empty: Vec<Slot>,
    pub holdout: f64,
    /// The salt of the holdout draw: per journey (docs/plan.md §10.9).
    pub holdout_salt: u64,
    /// Send templates, by the index in [`Op::Send`]: one per distinct (touchpoint,
    /// template) pair, the touchpoint in `template_touchpoints`.
    pub templates: Vec<&'m str>,
    pub template_touchpoints: Vec<usize>,
    /// Why users leave the journey, as the report names it: an `exit "reason"`'s text,
    /// `exit` for an `exit` without one, an exit line as written (`on unsubscribe`,
    /// `when …`), and [`LOOP_REASON`].
    pub exit_reasons: Vec<String>,
    /// Per exit line of the journey, its index in `exit_reasons`.
    pub exit_lines: Vec<u32>,
    /// Task texts, by the index in [`Op::Task`].
    pub task_texts: Vec<&'m str>,
    /// The population's tag draws, in its order.
    pub draws: Vec<(usize, Draw)>,
    /// Per event, its behaviour (by index in `behaviors`).
    pub behavior_of: Vec<Option<usize>>,
    /// Per touchpoint, its quiet window and the table of the window's end.
    pub quiet: Vec<Option<(QuietWindow, TableId)>>,
    /// Per `tag = EVENT.FIELD` between enums, the tag variant of each field variant.
    pub variant_maps: Vec<Vec<Slot>>,
    /// Per event, whether an `exit on` line names it.
    pub exits_on: Vec<bool>,
    /// The most number fields of an event, and the most rules of a stage: the sizes of
    /// per-user buffers.
    pub most_fields: usize,
    pub most_rules: usize,
    /// Whether a goal is `when COND`: conditions are then watched everywhere.
    pub when_goals: bool,
    /// Whether an exit line is `exit when COND` (settling reads the lines only then).
    pub exit_when: bool,
    /// The journey-wide rules counted in bulk (`sim::bulk`); `None` runs every rule
    /// item by item.
    pub bulk: Option<Bulk>,
    /// Per stage and tag, the sleeping rules a change of the tag wakes (`sim::sleep`;
    /// bits by rule index).
    pub wakes: Vec<Vec<u64>>,
    /// Simulated in a portfolio (`sim::portfolio`): per journey of the model, its
    /// place among the portfolio's programs (`None`: not run). `None` alone.
    pub portfolio: Option<Vec<Option<usize>>>,
    /// The journey's place among those run, in the order they run at one moment
    /// (decreasing priority, then model order): its tasks queue in that order. 0 alone.
    pub place: u16,
    /// What the `when` rules read (`sim::watch`).
    pub watch: Watch,
}

/// The source text, and its line index, that traces quote rules from.
struct Texts<'s> {
    source: &'s str,
    lines: &'s crate::source::SourceFile,
}

/// The owner of the journey-wide rules where a stage index is expected: in
/// [`Split::stage`], rule items and trace notes.
pub const JOURNEY_WIDE: usize = usize::MAX;

/// The exit reason of users stopped in a rule loop.
pub const LOOP_REASON: &str = "rule loop";

/// The tag texts numbered so far, shared by the programs of a portfolio.
pub struct SharedTexts {
    texts: Vec<String>,
    numbers: HashMap<String, u64>,
}

impl Default for SharedTexts {
    /// The empty text, slot 0.
    fn default() -> SharedTexts {
        SharedTexts {
            texts: vec![String::new()],
            numbers: HashMap::from([(String::new(), 0)]),
        }
    }
}

/// Texts numbered once per program: tag values, send templates, exit reasons.
#[derive(Default)]
pub(super) struct Interner<'m> {
    texts: HashMap<String, u64>,
    sends: HashMap<(usize, &'m str), u32>,
    reasons: HashMap<String, u32>,
}

/// How a value is drawn for a user (a tag) or an event (a number field).
#[derive(Clone, Debug)]
pub enum Draw {
    Uniform(f64, f64),
    /// One value, by cumulative fraction.
    Pick(Vec<(f64, Slot)>),
    /// Set members, each with its own chance.
    Members(Vec<(f64, Slot)>),
    /// A bool, true with this chance.
    Chance(f64),
}

impl<'m> Program<'m> {
    /// A journey's program, run alone (the tests'; the commands build theirs with
    /// `portfolio::programs`).
    #[cfg(test)]
    pub fn new(
        model: &'m Model,
        journey: &'m Journey,
        population: &'m Population,
        source: &str,
        cal: &mut Calendar,
    ) -> Result<Program<'m>, Message> {
        Program::sharing(
            model,
            journey,
            population,
            source,
            cal,
            &mut SharedTexts::default(),
        )
    }

    /// A journey's program, numbering tag texts after those in `shared`, where it adds
    /// its own: the programs of a portfolio share the user's tags, so a text has one
    /// slot.
    pub fn sharing(
        model: &'m Model,
        journey: &'m Journey,
        population: &'m Population,
        source: &str,
        cal: &mut Calendar,
        shared: &mut SharedTexts,
    ) -> Result<Program<'m>, Message> {
        check_sizes(model, journey, population)?;
        for tag in &model.tags {
            if let TagType::Set(members) = &tag.ty {
                if members.len() > 64 {
                    return Err(msg!(
                        "sim-set-too-large",
                        name = &tag.name,
                        count = members.len(),
                    ));
                }
            }
        }
        let (rolling, rings, journey_rings) = rolling_caps(model, &journey.limits);
        let more_than_caps = (model.touchpoints.iter().zip(&rolling))
            .map(|(tp, rolling)| tp.broadcast || !rolling.is_empty())
            .collect();
        let mut p = Program {
            model,
            journey,
            population,
            stages: Vec::new(),
            wide: Stage::default(),
            splits: Vec::new(),
            ifs: Vec::new(),
            behaviors: Vec::new(),
            chances: vec![Vec::new(); model.touchpoints.len() + 1 + model.teams.len()],
            caps: (model.touchpoints.iter().enumerate())
                .map(|(i, tp)| {
                    // a broadcast is outside the journey's limits and the policies
                    // (language-v2 §10); the pipeline's order: journey, policies,
                    // touchpoint (§2)
                    let journey_caps = if tp.broadcast {
                        Vec::new()
                    } else {
                        caps(&journey.limits, 0, NO_POLICY)
                    };
                    let first = 3 + 3 * model.touchpoints.len();
                    let policy_caps = (model.policies.iter().enumerate())
                        .filter(|(_, p)| p.counts(TouchpointId(i as u32), tp.broadcast))
                        .flat_map(|(k, p)| caps(&p.limits, first + 3 * k, k as u32));
                    (journey_caps.into_iter())
                        .chain(policy_caps)
                        .chain(caps(&tp.limits, 3 + 3 * i, NO_POLICY))
                        .collect()
                })
                .collect(),
            counters: 3 + 3 * (model.touchpoints.len() + model.policies.len()),
            broadcast: model.touchpoints.iter().map(|tp| tp.broadcast).collect(),
            once: (0..model.events.len())
                .map(|e| (population.behaviors.iter()).any(|b| b.once && b.event.index() == e))
                .collect(),
            rolling,
            rings,
            more_than_caps,
            journey_rings,
            retention: vec![Retention::default(); model.events.len()],
            texts: shared.texts.clone(),
            empty: model.tags.iter().map(|t| empty_slot(&t.ty)).collect(),
            holdout: journey.holdout.fraction(),
            holdout_salt: holdout_salt(&journey.name),
            templates: Vec::new(),
            template_touchpoints: Vec::new(),
            exit_reasons: Vec::new(),
            exit_lines: Vec::new(),
            task_texts: Vec::new(),
            draws: Vec::new(),
            behavior_of: vec![None; model.events.len()],
            quiet: (model.touchpoints.iter())
                .map(|tp| tp.quiet.map(|q| (q, cal.table(DaySet::DAILY, q.to))))
                .collect(),
            variant_maps: Vec::new(),
            exits_on: (0..model.events.len())
                .map(|e| {
                    let on = |l: &ExitLine| matches!(l, ExitLine::On(x, _) if x.index() == e);
                    journey.exits.iter().any(on)
                })
                .collect(),
            most_fields: model
                .events
                .iter()
                .map(|e| e.fields.len())
                .max()
                .unwrap_or(0),
            most_rules: journey
                .stages
                .iter()
                .map(|s| s.rules.len())
                .max()
                .unwrap_or(0),
            when_goals: (journey.goals.iter()).any(|g| matches!(g.reach, Reach::When(_))),
            exit_when: (journey.exits.iter()).any(|l| matches!(l, ExitLine::When(_))),
            bulk: None,
            wakes: Vec::new(),
            portfolio: None,
            place: 0,
            watch: Watch::default(),
        };
        let mut interner = Interner {
            texts: std::mem::take(&mut shared.numbers),
            ..Interner::default()
        };
        p.reason(LOOP_REASON.to_string(), &mut interner);
        p.exit_lines = (journey.exits.iter())
            .map(|line| p.reason(exit_line_text(model, source, line), &mut interner))
            .collect();
        // one line index, not a count of the newlines before each rule: that was
        // quadratic in the size of a journey of many stages
        let lines = crate::source::SourceFile::new("", source);
        let wide_when = journey
            .rules
            .iter()
            .any(|r| matches!(r.trigger, Trigger::When(_)));
        let text = Texts {
            source,
            lines: &lines,
        };
        p.wide = p.lower_rules(JOURNEY_WIDE, &journey.rules, &mut interner, cal, &text);
        for (si, stage) in journey.stages.iter().enumerate() {
            let mut st = p.lower_rules(si, &stage.rules, &mut interner, cal, &text);
            // the journey-wide `when` rules are re-evaluated in every stage
            st.watched = wide_when
                || !st.when.is_empty()
                || journey.exits.iter().any(|l| matches!(l, ExitLine::When(_)));
            p.stages.push(st);
        }
        p.watch = Watch::new(model, &p.wide, &p.stages);
        for b in p.ifs.iter_mut().flat_map(|c| &mut c.branches) {
            b.text = one_line(source.get(b.head.start..b.head.end).unwrap_or(""));
        }
        for b in &population.behaviors {
            let index = p.behaviors.len();
            let bound: f64 = b
                .multipliers
                .iter()
                .map(|(_, k)| *k)
                .chain(b.after_send.iter().filter_map(|a| match a.effect {
                    SendEffect::Multiplier(k) => Some(k),
                    SendEffect::Chance(_) => None,
                }))
                .map(|k| k.max(1.0))
                .product();
            let rate = b.rate_per_day.unwrap_or(0.0) / 86_400.0;
            for a in &b.after_send {
                if let SendEffect::Chance(pct) = a.effect {
                    let chance = Chance {
                        behavior: index,
                        within: a.within.seconds() as Time,
                        below: below(pct.fraction()),
                    };
                    match a.after {
                        // a send goes through one touchpoint: `any` is each of them
                        Reacts::Send(None) => (p.chances.iter_mut())
                            .take(model.touchpoints.len())
                            .for_each(|c| c.push(chance)),
                        after => {
                            let slot = p.reaction_slot(after);
                            p.chances[slot].push(chance)
                        }
                    }
                }
            }
            let (fields, value_fields) = (b.fields.iter())
                .map(|(f, dist)| (f.0 as usize, p.field_draw(dist, &mut interner)))
                .partition(|(f, _)| {
                    model.event(b.event).fields[*f].ty == crate::syntax::ast::FieldType::Number
                });
            let send_multipliers = b
                .after_send
                .iter()
                .filter_map(|a| match a.effect {
                    SendEffect::Multiplier(k) => Some(SendMultiplier {
                        last_sent: p.reaction_slot(a.after),
                        within: a.within.seconds() as Time,
                        k,
                    }),
                    SendEffect::Chance(_) => None,
                })
                .collect();
            p.behavior_of[b.event.index()] = Some(index);
            p.behaviors.push(Behavior {
                event: b.event.index(),
                rate,
                rate_max: rate * bound,
                // (`find_bounds` takes out the multipliers it applies in windows)
                fixed: rate * bound,
                windows: None,
                send_multipliers,
                fields,
                value_fields,
                model: b,
            });
        }
        for d in &population.tags {
            let draw = p.draw(Some(d.tag), &d.dist, &mut interner);
            p.draws.push((d.tag.index(), draw));
        }
        p.retention = retention(model, &[journey], population);
        p.bulk = p.bulk_rules(cal);
        p.find_sleepers(cal);
        p.find_bounds(cal);
        shared.numbers = interner.texts;
        shared.texts.clone_from(&p.texts);
        Ok(p)
    }

    /// Where the user's last moment of what `after` reacts to is kept: touchpoints
    /// first, then any touchpoint, then teams (the moment of the last task created).
    pub fn reaction_slot(&self, after: Reacts) -> usize {
        match after {
            Reacts::Send(Some(tp)) => tp.index(),
            Reacts::Send(None) => self.model.touchpoints.len(),
            Reacts::Task(team) => self.task_slot(team.index()),
        }
    }

    /// The reaction slot of team `team`'s tasks.
    pub fn task_slot(&self, team: usize) -> usize {
        self.model.touchpoints.len() + 1 + team
    }

    /// The journey-wide rules that may be counted in bulk (`sim::bulk`): untimed
    /// `every` rules, unguarded or guarded by a condition on tags only (at most
    /// [`MAX_GUARDED`] of them), whose one action is a send through a touchpoint
    /// that only such rules send through (its cap counters count only them), without a
    /// rolling cap (its chances are opened by items at the moments whose draws open
    /// one, `User::bulk_probe`), with calendar caps that the touchpoint's rules'
    /// moments together cannot reach (and none shared with other touchpoints: the
    /// journey's, a policy's) and no quiet window at a moment; none when a behaviour
    /// reads the last send of any touchpoint. A rule sharing a moment with an earlier
    /// one runs item by item.
    fn bulk_rules(&self, cal: &Calendar) -> Option<Bulk> {
        let any = self.model.touchpoints.len();
        let reads = |tp| {
            (self.behaviors.iter().flat_map(|b| &b.send_multipliers)).any(|m| m.last_sent == tp)
        };
        if reads(any) {
            return None;
        }
        let mut scratch = vec![false; self.model.tags.len()];
        let mut candidates: Vec<BulkRule> = Vec::new();
        for (rule, r) in self.wide.rules.iter().enumerate() {
            let &[Op::Send { tp, template }] = &r.ops[..] else {
                continue;
            };
            let every = matches!(r.trigger, Trigger::Every { .. });
            if !every || r.timed || !self.rolling[tp].is_empty() {
                continue;
            }
            let guard = match r.guard {
                None => None,
                Some(g) if reads_only_tags(self.model, &g.cond, &mut scratch) => {
                    Some((g.cond.node.clone(), g.negated))
                }
                Some(_) => continue,
            };
            candidates.push(BulkRule {
                guard,
                ..BulkRule::new((rule, tp, template), &r.every, cal)
            });
        }
        let eligible: Vec<bool> = (0..any)
            .map(|tp| {
                let of_tp: Vec<&BulkRule> = candidates.iter().filter(|r| r.tp == tp).collect();
                if of_tp.is_empty() || of_tp.len() != self.sends_through(tp) {
                    return false;
                }
                let quiet =
                    self.quiet[tp].is_some_and(|(q, _)| of_tp.iter().any(|r| r.any_in(cal, q)));
                let mut times: Vec<Time> =
                    of_tp.iter().flat_map(|r| r.times.iter().copied()).collect();
                times.sort_unstable();
                let bound = self.caps[tp].iter().any(|cap| {
                    // a journey-wide or a policy's counter is shared with other
                    // touchpoints; a send is capped once `max` went out in the period
                    cap.counter < 3
                        || cap.policy != NO_POLICY
                        || most_in_a_period(&times, cal, cap.period) > cap.max as usize
                });
                !quiet && !bound
            })
            .collect();
        let mut rules: Vec<BulkRule> = Vec::new();
        for bulk in candidates {
            let guarded = rules.iter().filter(|r| r.guard.is_some()).count();
            if !eligible[bulk.tp]
                || rules.len() > u8::MAX as usize
                || (bulk.guard.is_some() && guarded == MAX_GUARDED)
            {
                continue;
            }
            // (a rule left out runs item by item; its touchpoint's caps still cannot bind)
            if rules.iter().all(|other| !other.meets(&bulk)) {
                let tp = bulk.tp;
                rules.push(BulkRule {
                    broadcast: self.broadcast[tp],
                    read: reads(tp),
                    opens: !self.chances[tp].is_empty(),
                    ..bulk
                });
            }
        }
        let mut watched = vec![false; self.model.tags.len()];
        for (cond, _) in rules.iter().filter_map(|r| r.guard.as_ref()) {
            reads_only_tags(self.model, cond, &mut watched);
        }
        let bounds: Vec<Vec<u64>> = (self.chances.iter())
            .map(|slot| slot.iter().map(|c| c.below).collect())
            .collect();
        (!rules.is_empty()).then(|| Bulk::new(rules, cal, watched, &bounds))
    }

    /// How many actions anywhere send through `tp`.
    pub(super) fn sends_through(&self, tp: usize) -> usize {
        let stages = self.stages.iter().chain([&self.wide]);
        let rules = stages.flat_map(|s| s.rules.iter().map(|r| &r.ops[..]));
        let arms = (self.splits.iter()).flat_map(|s| s.arms.iter().map(|a| &a.ops[..]));
        let branches = (self.ifs.iter()).flat_map(|c| c.branches.iter().map(|b| &b.ops[..]));
        (rules.chain(arms).chain(branches).flatten())
            .filter(|op| matches!(op, Op::Send { tp: t, .. } if *t == tp))
            .count()
    }

    /// The rules of stage `owner` ([`JOURNEY_WIDE`]: the journey's own), grouped by
    /// trigger.
    fn lower_rules(
        &mut self,
        owner: usize,
        rules: &'m [crate::check::model::Rule],
        interner: &mut Interner<'m>,
        cal: &mut Calendar,
        text: &Texts<'_>,
    ) -> Stage<'m> {
        let mut st = Stage {
            on_event: vec![Vec::new(); self.model.events.len()],
            ..Stage::default()
        };
        for (ri, rule) in rules.iter().enumerate() {
            let ops = match &rule.body {
                Body::Transition(s) => vec![Op::Goto(s.index())],
                Body::Actions(actions) => self.lower(owner, actions, interner),
            };
            match &rule.trigger {
                Trigger::Enter
                | Trigger::After(_)
                | Trigger::Every { .. }
                | Trigger::Dates { .. } => st.on_enter.push(ri),
                Trigger::Exit => st.on_exit.push(ri),
                Trigger::Event(e) => st.on_event[e.index()].push(ri),
                Trigger::When(_) => st.when.push(ri),
            }
            let mut timing = rule.timing;
            if let Trigger::After(d) = rule.trigger {
                timing.after = Some(crate::units::Duration::from_minutes(
                    d.minutes() + timing.after.map_or(0, |a| a.minutes()),
                ));
            }
            let every = match rule.trigger {
                Trigger::Every {
                    days, ref clocks, ..
                } => Moments::weekly(cal, days, clocks),
                Trigger::Dates {
                    dates, ref clocks, ..
                } => Moments::dated(cal, dates, clocks),
                _ => Moments::None,
            };
            st.rules.push(Rule {
                trigger: &rule.trigger,
                shift: cal.bind(&timing),
                timed: timing != Timing::default(),
                every,
                guard: rule.guard.as_ref(),
                ops,
                line: text.lines.line_of(rule.span.start) + 1,
                text: first_line(text.source, rule.span),
                guard_text: rule.guard.as_ref().map_or_else(String::new, |g| {
                    one_line(
                        text.source
                            .get(g.cond.span.start..g.cond.span.end)
                            .unwrap_or(""),
                    )
                }),
                sleeps: false,
            });
        }
        st
    }

    fn lower(
        &mut self,
        stage: usize,
        actions: &'m [Spanned<Action>],
        interner: &mut Interner<'m>,
    ) -> Vec<Op<'m>> {
        actions
            .iter()
            .map(|a| match &a.node {
                Action::Send {
                    touchpoint,
                    template,
                    ..
                } => {
                    let tp = touchpoint.index();
                    let template = *interner.sends.entry((tp, template)).or_insert_with(|| {
                        self.templates.push(template);
                        self.template_touchpoints.push(tp);
                        (self.templates.len() - 1) as u32
                    });
                    Op::Send { tp, template }
                }
                Action::SetTag { tag, value } => Op::SetTag {
                    tag: tag.index(),
                    value: self.slot(*tag, value, interner),
                },
                Action::AddMember { tag, member } => Op::AddMember {
                    tag: tag.index(),
                    bit: 1 << member,
                },
                Action::RemoveMember { tag, member } => Op::RemoveMember {
                    tag: tag.index(),
                    bit: 1 << member,
                },
                Action::SetFromField { tag, event, field } => Op::SetFromField {
                    tag: tag.index(),
                    field: field.0 as usize,
                    cast: self.cast(
                        &self.model.tag(*tag).ty,
                        &self.model.event(*event).fields[field.0 as usize],
                    ),
                },
                Action::Untag { tag } => Op::SetTag {
                    tag: tag.index(),
                    value: self.empty[tag.index()],
                },
                Action::Goto(s) => Op::Goto(s.index()),
                Action::Exit { reason } => Op::Exit {
                    reason: reason.as_deref(),
                    counted_as: self.reason(reason.as_deref().unwrap_or("exit").into(), interner),
                },
                Action::Split { name, arms } => {
                    let index = self.splits.len();
                    self.splits.push(Split {
                        stage,
                        name: name.as_deref(),
                        salt: split_salt(&self.journey.name, name.as_deref(), index),
                        arms: Vec::new(),
                    });
                    let mut upto = 0.0;
                    let lowered = arms
                        .iter()
                        .map(|arm| {
                            upto += arm.percent.fraction();
                            Arm {
                                name: &arm.name,
                                upto,
                                ops: self.lower(stage, &arm.actions, interner),
                            }
                        })
                        .collect();
                    self.splits[index].arms = lowered;
                    Op::Split(index)
                }
                Action::If { branches } => {
                    let lowered = branches
                        .iter()
                        .map(|b| IfBranch {
                            cond: b.cond.as_ref().map(|c| &c.node),
                            ops: self.lower(stage, &b.actions, interner),
                            text: String::new(),
                            head: b.head,
                        })
                        .collect();
                    self.ifs.push(IfChain { branches: lowered });
                    Op::If(self.ifs.len() - 1)
                }
                Action::Enter(j) => Op::Enter(j.index()),
                Action::Task { team, text, within } => {
                    self.task_texts.push(text);
                    Op::Task {
                        team: team.index(),
                        text: (self.task_texts.len() - 1) as u32,
                        // at most 100 years of minutes: a u32
                        within: within.as_ref().map(|d| d.node.minutes() as u32),
                        wide: stage == JOURNEY_WIDE,
                    }
                }
            })
            .collect()
    }

    /// The slot of a literal tag value, interning text.
    fn slot(&mut self, tag: TagId, value: &TagValue, interner: &mut Interner) -> Slot {
        match value {
            TagValue::Bool(b) => *b as Slot,
            TagValue::Number(n) => n.to_bits(),
            TagValue::Variant(v) => match self.model.tag(tag).ty {
                TagType::Set(_) => 1 << v,
                _ => *v as Slot,
            },
            TagValue::Text(s) => self.intern(s, interner),
        }
    }

    /// A population distribution for a tag (`Some`) or a number field (`None`).
    fn draw(&mut self, tag: Option<TagId>, dist: &Distribution, interner: &mut Interner) -> Draw {
        let is_set = tag.is_some_and(|t| matches!(self.model.tag(t).ty, TagType::Set(_)));
        match dist {
            Distribution::Uniform { low, high } => Draw::Uniform(*low, *high),
            Distribution::Chance(p) => Draw::Chance(p.fraction()),
            Distribution::Weighted(items) => {
                let mut cumulative = 0.0;
                let mut out = Vec::new();
                for (value, pct) in items {
                    let slot = match tag {
                        Some(t) => self.slot(t, value, interner),
                        None => match value {
                            TagValue::Number(n) => n.to_bits(),
                            _ => 0,
                        },
                    };
                    cumulative += pct.fraction();
                    out.push((if is_set { pct.fraction() } else { cumulative }, slot));
                }
                if is_set {
                    Draw::Members(out)
                } else {
                    Draw::Pick(out)
                }
            }
        }
    }

    /// The index of a text in [`Program::texts`], numbered on first sight.
    pub(super) fn intern(&mut self, text: &str, interner: &mut Interner) -> Slot {
        if let Some(&slot) = interner.texts.get(text) {
            return slot;
        }
        self.texts.push(text.to_string());
        let slot = (self.texts.len() - 1) as Slot;
        interner.texts.insert(text.to_string(), slot);
        slot
    }

    /// The index of an exit reason, numbered on first sight.
    fn reason(&mut self, text: String, interner: &mut Interner) -> u32 {
        *interner.reasons.entry(text).or_insert_with_key(|text| {
            self.exit_reasons.push(text.clone());
            (self.exit_reasons.len() - 1) as u32
        })
    }

    /// A stage's name; `*` for the journey-wide rules (the report names their splits so).
    pub fn stage_name(&self, s: usize) -> &'m str {
        match s {
            JOURNEY_WIDE => "*",
            _ => &self.journey.stages[s].name,
        }
    }

    /// The rules of stage `owner`, or ([`JOURNEY_WIDE`]) the journey-wide rules.
    pub fn rules_of(&self, owner: usize) -> &Stage<'m> {
        match owner {
            JOURNEY_WIDE => &self.wide,
            _ => &self.stages[owner],
        }
    }
}

/// The first line of a span of the source, `…` marking the rest.
fn first_line(source: &str, span: crate::source::Span) -> String {
    let text = source.get(span.start..span.end).unwrap_or("");
    let mut lines = text.lines();
    let first = lines.next().unwrap_or("").trim();
    if lines.next().is_some() {
        format!("{first} …")
    } else {
        first.to_string()
    }
}

/// An exit line as the report names it: `on EVENT`, or `when` and the condition as
/// written (its whitespace made single spaces).
fn exit_line_text(model: &Model, source: &str, line: &ExitLine) -> String {
    match line {
        ExitLine::On(event, None) => format!("on {}", model.event(*event).name),
        ExitLine::On(event, Some(cond)) => {
            let text = source.get(cond.span.start..cond.span.end).unwrap_or("");
            format!("on {} if {}", model.event(*event).name, one_line(text))
        }
        ExitLine::When(cond) => {
            let text = source.get(cond.span.start..cond.span.end).unwrap_or("");
            format!("when {}", one_line(text))
        }
    }
}

/// Source text on one line, runs of white space as one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn empty_slot(ty: &TagType) -> Slot {
    match ty {
        TagType::Enum(_) => UNSET,
        TagType::Number { range } => range.map_or(0.0, |(low, _)| low).to_bits(),
        TagType::Set(_) | TagType::Bool | TagType::Text => 0,
    }
}

/// What each event's history must keep for `journeys` (a portfolio's history serves all
/// of them): the longest `count`/`sum` window over it and the fields some `sum` reads.
pub(super) fn retention(
    model: &Model,
    journeys: &[&Journey],
    population: &Population,
) -> Vec<Retention> {
    let mut out = Retain(vec![Retention::default(); model.events.len()]);
    for s in &model.segments {
        out.visit_cond(&s.cond);
    }
    for journey in journeys {
        if let Entry::On { cond: Some(c), .. } | Entry::When(c) = &journey.entry {
            out.visit_cond(c);
        }
        for e in &journey.exits {
            if let ExitLine::When(c) | ExitLine::On(_, Some(c)) = e {
                out.visit_cond(c);
            }
        }
        for c in journey.goals.iter().filter_map(|g| g.cond()) {
            out.visit_cond(c);
        }
        for rule in journey.all_rules() {
            out.visit_rule(rule);
        }
    }
    for b in &population.behaviors {
        for (c, _) in &b.multipliers {
            out.visit_cond(c);
        }
    }
    out.0
}

/// Per event, what its history must keep for the `count`s and `sum`s visited.
struct Retain(Vec<Retention>);

impl Visit<'_> for Retain {
    fn visit_num(&mut self, n: &NumExpr) {
        let (e, window, field) = match n {
            NumExpr::Count { event, window } => (event, window, None),
            NumExpr::Sum {
                event,
                field,
                window,
            } => (event, window, Some(field.0)),
            NumExpr::Const(_) | NumExpr::Tag(_) | NumExpr::DaysSince(_) => return,
        };
        let r = &mut self.0[e.index()];
        if let Some(w) = window {
            r.keep = r.keep.max(w.seconds() as Time);
        }
        if let Some(f) = field {
            if !r.sum_fields.contains(&f) {
                r.sum_fields.push(f);
            }
        }
    }
}

impl Draw {
    /// One value as a slot (a number field's value is the f64 bits).
    pub fn sample(&self, rng: &mut super::rng::Rng) -> Slot {
        match self {
            Draw::Uniform(low, high) => rng.uniform(*low, *high).to_bits(),
            Draw::Chance(p) => rng.chance(*p) as Slot,
            Draw::Pick(items) => {
                let u = rng.unit();
                items
                    .iter()
                    .find(|(upto, _)| u < *upto)
                    .or(items.last())
                    .map_or(0, |(_, slot)| *slot)
            }
            Draw::Members(items) => items
                .iter()
                .filter(|(p, _)| rng.chance(*p))
                .fold(0, |bits, (_, bit)| bits | bit),
        }
    }
}

/// The simulator numbers stages, the rules of a stage, touchpoints and behaviours with
/// 16 bits in its queue and paths (`u16::MAX` marks a cut path), so a program larger
/// than that is refused here rather than mixed up silently.
fn check_sizes(model: &Model, journey: &Journey, population: &Population) -> Result<(), Message> {
    const MOST: usize = u16::MAX as usize - 1;
    // rule items hold a rule's index in its stage, or among the journey-wide rules
    let rules = (journey.stages.iter())
        .map(|s| s.rules.len())
        .chain([journey.rules.len()])
        .max()
        .unwrap_or(0);
    let counts = [
        ("sim-limit-stages", journey.stages.len()),
        ("sim-limit-rules", rules),
        ("sim-limit-touchpoints", model.touchpoints.len()),
        ("sim-limit-behaviors", population.behaviors.len()),
    ];
    // The numbers are shown grouped ("65,534"), as text.
    match counts.into_iter().find(|&(_, n)| n > MOST) {
        Some((what, n)) => Err(msg!(
            "sim-too-many",
            most = crate::limits::grouped(MOST as u64),
            what = Arg::Word(what),
            count = crate::limits::grouped(n as u64),
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check_source;

    const FILE: &str = "event signup
journey j {
  timezone \"Asia/Shanghai\"
  entry on signup
  stage a {}
}
population p {
  size 10
  start 2026-03-02 09:00
  days 7
  arrivals signup over 1d
}
";

    #[test]
    fn a_journey_with_more_stages_than_the_queue_numbers_is_refused() {
        let mut model = check_source(FILE).model.expect("a clean file");
        let stage = model.journeys[0].stages[0].clone();
        model.journeys[0].stages = vec![stage; u16::MAX as usize];
        let (journey, population) = (&model.journeys[0], &model.populations[0]);
        let mut cal = Calendar::new(journey.timezone, population.start, 7 * super::super::DAY);
        let err = Program::new(&model, journey, population, FILE, &mut cal)
            .err()
            .expect("refused");
        let words = |lang| crate::i18n::words(&err, lang);
        assert_eq!(
            words(crate::i18n::Lang::En),
            "the simulator supports at most 65,534 stages in a journey; this file has 65,535"
        );
        assert_eq!(
            words(crate::i18n::Lang::Zh),
            "模拟器最多支持 65,534 个旅程中的阶段；这个文件有 65,535 个"
        );
    }
}

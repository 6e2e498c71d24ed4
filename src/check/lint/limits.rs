//! J0409: a stage that can make more sends on one local day than a daily `limit`
//! allows (spec §9 "Over limit"). Rules with fixed moments (`on enter`, `after`,
//! `every`) are placed on the calendar for every entry moment that can make a
//! difference, sends inside a quiet window deferred to its end, and nothing due after
//! the stage's timeout. A day counts the most sends one user can receive: sends whose
//! guards and branch conditions cannot hold together, or that lie in different arms
//! of one split or branches of one `if` chain, are not added up (`together.rs`). The first send over
//! the cap on the busiest day is flagged.

mod together;

use super::moments::{self, day, Fixed, DAY};
use super::{Cx, StageOf};
use crate::check::model::{self, Dates, Limit, Model, PolicyId, TouchpointId, Trigger};
use crate::diag::{Code, Diagnostic};
use crate::i18n::{msg, Arg, Message};
use crate::source::Span;
use crate::units::{Clock, DaySet, LimitPeriod, MonthDays, Period};
use chrono::Datelike;
use together::Together;

pub(super) fn check(cx: &Cx, (sm, jm): StageOf, out: &mut Vec<Diagnostic>) {
    // Journey-wide rules send in every stage (language-v2.md §11.6): the stage is
    // judged with them, written first as they run first. Their triggers are fixed
    // calendar moments or events, so where the stage is entered changes nothing.
    // A day over the cap by journey-wide sends alone is the same in every stage: it is
    // reported once, in the first stage (where users enter).
    let first = jm.stages.first().is_some_and(|f| std::ptr::eq(f, sm));
    let wide = jm.rules.len();
    let with_wide;
    let sm = if jm.rules.is_empty() {
        sm
    } else {
        with_wide = model::Stage {
            name: sm.name.clone(),
            label: sm.label.clone(),
            rules: jm.rules.iter().chain(&sm.rules).cloned().collect(),
            span: sm.span,
        };
        &with_wide
    };
    let mut sent = Vec::new();
    for r in &sm.rules {
        moments::touchpoints(r, &mut sent);
    }
    let mut caps: Vec<(Counted, u32)> = sent
        .into_iter()
        .filter_map(|tp| {
            daily(&cx.model.touchpoint(tp).limits).map(|cap| (Counted::Touchpoint(tp), cap))
        })
        .collect();
    caps.extend(daily(&jm.limits).map(|cap| (Counted::Journey, cap)));
    // a policy's daily limit is judged on this journey's sends (§11.6: limits across
    // journeys are not linted; the simulator reports them)
    caps.extend((cx.model.policies.iter().enumerate()).filter_map(|(k, p)| {
        daily(&p.limits).map(|cap| (Counted::Policy(PolicyId(k as u32)), cap))
    }));
    let mut searches: Vec<Search> = caps
        .into_iter()
        .filter_map(|(only, cap)| Search::new(cx.model, sm, only, cap))
        .collect();
    if searches.is_empty() {
        return;
    }
    let mut together = Together::new(&cx.logic, sm, cx.text);
    search(cx.model, sm, &mut searches, &mut together, MAX_PLACEMENTS);
    for s in &searches {
        if let Some(busiest) = &s.worst {
            if !first && busiest.sends.iter().all(|send| send.rule < wide) {
                continue;
            }
            out.push(report(cx, &sm.name, &jm.name, s.counted, s.cap, busiest));
        }
    }
}

/// The smallest `per day` cap among `limits`.
fn daily(limits: &[Limit]) -> Option<u32> {
    limits
        .iter()
        // Rolling windows are not linted (language-v2.md §11.6).
        .filter(|l| l.period == LimitPeriod::Calendar(Period::Day))
        .map(|l| l.count)
        .min()
}

/// A send placed on the calendar.
#[derive(Clone, Copy)]
struct Send {
    /// When it goes out (after a quiet-window deferral).
    at: u64,
    rule: usize,
    span: Span,
}

/// Which sends a daily cap counts.
#[derive(Clone, Copy)]
enum Counted {
    /// Those through the touchpoint (a broadcast's included).
    Touchpoint(TouchpointId),
    /// The journey's, but for broadcasts.
    Journey,
    /// The journey's through the touchpoints the policy counts.
    Policy(PolicyId),
}

/// The busiest local day found, when it goes over the cap.
struct Busiest {
    /// Its sends in the order they go out.
    sends: Vec<Send>,
    /// Stage entry moment of the case found.
    entry: u64,
    /// Whether weekdays change the count (then the entry weekday is worth saying).
    by_weekday: bool,
}

/// The search for the busiest day under one cap.
struct Search {
    counted: Counted,
    cap: u32,
    /// Per rule, the sends it makes that count against this cap.
    sends: Vec<Vec<(TouchpointId, Span)>>,
    /// The entry clocks worth trying, sorted.
    clocks: Vec<u64>,
    /// Per rule, the days of the month a date rule (`every month on`, `on DATE`) fires
    /// on. The search places date rules on every day (it has weeks, not months), so
    /// two of them fall together only on a day of the month that both can fire on.
    month_days: Vec<Option<MonthDays>>,
    worst: Option<Busiest>,
}

impl Search {
    /// `None` when [`day_bound`] shows that the cap cannot be exceeded.
    fn new(model: &Model, stage: &model::Stage, counted: Counted, cap: u32) -> Option<Search> {
        // A broadcast counts against its own touchpoint's cap only (language-v2 §10).
        let counts = |tp: TouchpointId| {
            let broadcast = model.touchpoint(tp).broadcast;
            match counted {
                Counted::Touchpoint(only) => tp == only,
                Counted::Journey => !broadcast,
                Counted::Policy(p) => model.policies[p.index()].counts(tp, broadcast),
            }
        };
        let counted_sends = |rule: &model::Rule| {
            let mut n = 0;
            moments::each_send(rule, |tp, _| n += usize::from(counts(tp)));
            n
        };
        if sends_bound(stage, counted_sends) <= cap as usize {
            return None;
        }
        let sends: Vec<_> = (stage.rules.iter())
            .map(|rule| {
                let mut sends = Vec::new();
                moments::each_send(rule, |tp, span| {
                    if counts(tp) {
                        sends.push((tp, span))
                    }
                });
                sends
            })
            .collect();
        let bound = day_bound(model, stage, &sends);
        if bound <= cap as usize {
            return None;
        }
        let month_days = (stage.rules.iter())
            .map(|r| match r.trigger {
                Trigger::Dates {
                    dates: Dates::Month(days),
                    ..
                } => Some(days),
                Trigger::Dates {
                    dates: Dates::On(date),
                    ..
                } => MonthDays::day(date.day()),
                _ => None,
            })
            .collect();
        Some(Search {
            counted,
            cap,
            clocks: entry_clocks(model, stage, &sends),
            sends,
            month_days,
            worst: None,
        })
    }

    /// Counts the sends of each local day that one user entering at `entry` can
    /// receive, given the rules that fire; keeps the day when it beats the worst so
    /// far.
    fn try_entry(
        &mut self,
        model: &Model,
        entry: u64,
        fired: &[(u64, usize)],
        by_weekday: bool,
        (together, day_sends): (&mut Together, &mut Vec<Send>),
    ) {
        let sends = &self.sends;
        day_sends.clear();
        day_sends.extend(fired.iter().flat_map(|&(m, rule)| {
            sends[rule].iter().map(move |&(tp, span)| Send {
                at: moments::defer(m, model.touchpoint(tp).quiet),
                rule,
                span,
            })
        }));
        day_sends.sort_unstable_by_key(|s| (s.at, s.rule, s.span.start));
        // The earliest of the busiest days, if it beats the worst so far; a day of no
        // more sends than that in all cannot, and is not weighed.
        let mut most = self
            .worst
            .as_ref()
            .map_or(self.cap as usize, |w| w.sends.len());
        for sends in day_sends.chunk_by(|a, b| day(a.at) == day(b.at)) {
            if sends.len() <= most {
                continue;
            }
            let sends = receivable_on_one_day(sends, &self.month_days, together);
            if sends.len() > most {
                most = sends.len();
                self.worst = Some(Busiest {
                    sends,
                    entry,
                    by_weekday,
                });
            }
        }
    }
}

/// The most of one placed day's `sends` that one user can receive: with date rules
/// among them, on the day of the month that gathers the most.
fn receivable_on_one_day(
    sends: &[Send],
    month_days: &[Option<MonthDays>],
    together: &mut Together,
) -> Vec<Send> {
    if sends.iter().all(|s| month_days[s.rule].is_none()) {
        return together.receivable(sends);
    }
    let mut best: Vec<Send> = Vec::new();
    let mut tried: Vec<Vec<usize>> = Vec::new();
    for d in 1..=31 {
        let on_d: Vec<Send> = (sends.iter())
            .filter(|s| month_days[s.rule].is_none_or(|m| m.may_fall_on(d)))
            .copied()
            .collect();
        let rules: Vec<usize> = on_d.iter().map(|s| s.rule).collect();
        if on_d.len() <= best.len() || tried.contains(&rules) {
            continue;
        }
        tried.push(rules);
        let receivable = together.receivable(&on_d);
        if receivable.len() > best.len() {
            best = receivable;
        }
    }
    best
}

/// An upper bound on [`day_bound`], counted without building anything: every send of
/// a fixed rule on one day, and an `every` rule's as there (`sends` says how many of a
/// rule's sends count). Most stages stay under their caps by this count alone.
fn sends_bound(stage: &model::Stage, sends: impl Fn(&model::Rule) -> usize) -> usize {
    (stage.rules.iter())
        .map(|rule| {
            let times = if Fixed::of(rule).is_some() {
                1
            } else {
                every_times(rule).unwrap_or(0)
            };
            times * sends(rule)
        })
        .sum()
}

/// How many times a calendar (`every`) rule can send on one local day: once per clock,
/// seven days' worth when an `on` shift can gather them on one day; `None` for a rule
/// that is not on the calendar.
fn every_times(rule: &model::Rule) -> Option<usize> {
    let (_, clocks, _) = rule.trigger.calendar()?;
    let days = if rule.timing.days.is_some() { 7 } else { 1 };
    Some(clocks.len().max(1) * days)
}

/// At most this many of `sends` can fall on one local day, whatever the entry moment.
/// A fixed rule's send goes out between its offset and that plus the most its `on`/`at`
/// shift and a quiet-window deferral can add, so a day holds at most the sends whose
/// spans one 24-hour stretch can meet; an `every` rule adds its clocks' sends (seven
/// days' worth when an `on` shift can gather them on one day). A stage under its cap
/// by this count skips the search.
fn day_bound(model: &Model, stage: &model::Stage, sends: &[Vec<(TouchpointId, Span)>]) -> usize {
    // A day starting at x meets the span [a, b] when a - DAY < x <= b; with y = x + DAY
    // (to stay unsigned), when a < y <= b + DAY: +1 from a + 1, -1 from b + DAY + 1.
    let mut edges: Vec<(u64, i32)> = Vec::new();
    let mut every = 0;
    for (rule, sends) in stage.rules.iter().zip(sends) {
        if let Some(f) = Fixed::of(rule) {
            for &(tp, _) in sends {
                let deferral = model.touchpoint(tp).quiet.map_or(0, |q| {
                    (u64::from(q.to.minutes()) + DAY - u64::from(q.from.minutes())) % DAY
                });
                edges.push((f.offset + 1, 1));
                edges.push((f.offset + f.slack() + deferral + DAY + 1, -1));
            }
        } else if let Some(times) = every_times(rule) {
            every += sends.len() * times;
        }
    }
    // At equal positions an end sorts before a start: the spans are half-open.
    edges.sort_unstable();
    let (mut open, mut most) = (0, 0);
    for (_, step) in edges {
        open += step;
        most = most.max(open);
    }
    most as usize + every
}

/// At most this many rule placements (a rule placed on the calendar for one entry
/// moment) per stage. A stage of n rules tries up to 7 × 1,440 entry moments, so
/// 10,000 rules would place 10⁸; past the budget the search stops with the busiest day
/// found so far. That is sound (it can only miss or under-count an over-limit day, never
/// invent one), and the stages of the examples place a few thousand rules.
const MAX_PLACEMENTS: usize = 1 << 20;

/// Runs the searches of one stage together: the rules that fire for an entry moment
/// are worked out once for all caps that try it, until `budget` placements are made.
/// Returns the number of placements.
fn search(
    model: &Model,
    stage: &model::Stage,
    searches: &mut [Search],
    together: &mut Together,
    budget: usize,
) -> usize {
    if searches.is_empty() {
        return 0;
    }
    let by_weekday = stage.rules.iter().any(|r| {
        r.timing.days.is_some()
            || matches!(&r.trigger, Trigger::Every { days, .. } if *days != DaySet::DAILY)
    });
    // Only rules that send under some cap, or end the stage, change a count.
    let placed_rules: Vec<bool> = (0..stage.rules.len())
        .map(|i| {
            moments::always_leaves(&stage.rules[i])
                || searches.iter().any(|s| !s.sends[i].is_empty())
        })
        .collect();
    let mut clocks: Vec<u64> = searches.iter().flat_map(|s| s.clocks.clone()).collect();
    clocks.sort_unstable();
    clocks.dedup();
    // Buffers reused for every entry moment tried (hundreds per stage).
    let (mut fired, mut days, mut day_sends) = (Vec::new(), Vec::new(), Vec::new());
    let mut placements = 0;
    for w in 0..if by_weekday { 7 } else { 1 } {
        for &clock in &clocks {
            if placements > budget {
                return placements;
            }
            let entry = w * DAY + clock;
            placements += fires(stage, &placed_rules, entry, &mut days, &mut fired);
            for s in searches.iter_mut() {
                if s.clocks.binary_search(&clock).is_ok() {
                    s.try_entry(model, entry, &fired, by_weekday, (together, &mut day_sends));
                }
            }
        }
    }
    placements
}

/// Entry clocks at which some rule's day, shift, deferral or cut-off can change:
/// each interesting clock minus each rule's offset within a day.
fn entry_clocks(
    model: &Model,
    stage: &model::Stage,
    sends: &[Vec<(TouchpointId, Span)>],
) -> Vec<u64> {
    let mut clocks: Vec<u64> = vec![0];
    let mut add = |c: Clock| clocks.extend([c.minutes(), c.minutes() + 1].map(u64::from));
    for r in &stage.rules {
        r.timing.at.into_iter().for_each(&mut add);
        if let Some((_, clocks, _)) = r.trigger.calendar() {
            clocks.iter().copied().for_each(&mut add);
        }
    }
    for (tp, _) in sends.iter().flatten() {
        if let Some(q) = model.touchpoint(*tp).quiet {
            add(q.from);
            add(q.to);
        }
    }
    let mut offsets: Vec<u64> = std::iter::once(0)
        .chain(
            stage
                .rules
                .iter()
                .filter_map(Fixed::of)
                .map(|f| f.offset % DAY),
        )
        .collect();
    // Both lists deduplicated first, and the pairs marked on one day's minutes: at most
    // 1,440², where the pairs of 10,000 rules' clocks and offsets took gigabytes.
    for list in [&mut clocks, &mut offsets] {
        list.iter_mut().for_each(|x| *x %= DAY);
        list.sort_unstable();
        list.dedup();
    }
    let mut minutes = vec![false; DAY as usize];
    for c in &clocks {
        for o in &offsets {
            minutes[((c + DAY - o) % DAY) as usize] = true;
        }
    }
    (0..DAY).filter(|&m| minutes[m as usize]).collect()
}

/// `(moment, rule)` of every timed rule among `placed` that fires for users entering
/// at `entry`, up to and including the first rule that always leaves the stage, into
/// `fires` (`days` is scratch space). Returns the number of placements tried.
fn fires(
    stage: &model::Stage,
    placed: &[bool],
    entry: u64,
    days: &mut Vec<u64>,
    fires: &mut Vec<(u64, usize)>,
) -> usize {
    let rules = || stage.rules.iter().enumerate().filter(|&(i, _)| placed[i]);
    fires.clear();
    fires.extend(rules().filter_map(|(i, r)| Fixed::of(r).map(|f| (f.moment(entry), i))));
    // `every` rules repeat weekly: the first week, and the days fixed sends land on
    // (or are deferred to), are enough to find the busiest day.
    days.clear();
    days.extend(day(entry)..day(entry) + 8);
    days.extend(fires.iter().flat_map(|&(m, _)| [day(m), day(m) + 1]));
    days.sort_unstable();
    days.dedup();
    let mut placements = fires.len();
    for (i, r) in rules() {
        if r.trigger.calendar().is_some() {
            placements += days.len();
            for &d in days.iter() {
                fires.extend(moments::every_moments(r, d, entry).map(|m| (m, i)));
            }
        }
    }
    let end = fires
        .iter()
        .filter(|&&(_, i)| moments::always_leaves(&stage.rules[i]))
        .min()
        .copied();
    fires.retain(|f| end.is_none_or(|e| *f <= e));
    placements
}

/// At most this many send actions are marked in a J0409 report (more if the cap is
/// higher).
const MAX_MARKED_SENDS: usize = 32;

fn report(
    cx: &Cx,
    stage: &str,
    journey: &str,
    counted: Counted,
    cap: u32,
    busiest: &Busiest,
) -> Diagnostic {
    let n = busiest.sends.len();
    let message = match counted {
        Counted::Touchpoint(tp) => msg!(
            "over-limit-touchpoint",
            stage = stage,
            count = n,
            touchpoint = &cx.model.touchpoint(tp).name,
            cap = cap as usize
        ),
        Counted::Journey => msg!(
            "over-limit-journey",
            stage = stage,
            count = n,
            journey = journey,
            cap = cap as usize
        ),
        Counted::Policy(p) => msg!(
            "over-limit-policy",
            stage = stage,
            count = n,
            policy = &cx.model.policies[p.index()].name,
            cap = cap as usize
        ),
    };
    // One label per send action, listing which sends of the day it makes.
    let mut spans: Vec<(Span, Vec<usize>)> = Vec::new();
    for (k, s) in busiest.sends.iter().enumerate() {
        match spans.iter_mut().find(|(sp, _)| *sp == s.span) {
            Some((_, ks)) => ks.push(k + 1),
            None => spans.push((s.span, vec![k + 1])),
        }
    }
    let over = busiest.sends[cap as usize].span;
    let label = |ks: &[usize]| {
        let sends = ks.iter().map(|&k| ordinal(k)).collect();
        msg!("over-limit-sends", sends = Arg::Each(sends))
    };
    let primary = spans
        .iter()
        .find(|(sp, _)| *sp == over)
        .map(|(_, ks)| label(ks));
    let mut d = Diagnostic::new(
        Code::OverDailyLimit,
        message,
        over,
        primary.unwrap_or_else(|| Message::Text(String::new())),
    );
    // Thousands of rules can send on one day; the first sends (and at least all up
    // to the one over the cap) are marked, the rest counted.
    let marked = spans.len().min(MAX_MARKED_SENDS.max(cap as usize + 1));
    for (sp, ks) in spans[..marked].iter().filter(|(sp, _)| *sp != over) {
        d = d.with_label(*sp, label(ks));
    }
    let unmarked = match spans.len() - marked {
        0 => Arg::Text(String::new()),
        k => msg!("over-limit-unmarked", count = k).into(),
    };
    let first = busiest.sends[0].at;
    let mut which = msg!("over-limit-which", days = day(first) - day(busiest.entry));
    let mut weekday = Arg::Text(String::new());
    if busiest.by_weekday {
        weekday = msg!("over-limit-weekday", day = day_name(busiest.entry)).into();
        if day(first) != day(busiest.entry) {
            which = msg!("over-limit-which-day", which = which, day = day_name(first));
        }
    }
    let entered = Clock::new(
        (busiest.entry % DAY / 60) as u32,
        (busiest.entry % 60) as u32,
    )
    .unwrap_or_default();
    d.with_help(msg!(
        "over-limit-help",
        weekday = weekday,
        clock = entered.to_string(),
        count = n,
        which = which,
        unmarked = unmarked,
        capped = ordinal(cap as usize + 1)
    ))
}

/// The name of the weekday of moment `m`, a catalogue word.
fn day_name(m: u64) -> Arg {
    Arg::Word(
        [
            "weekday.monday",
            "weekday.tuesday",
            "weekday.wednesday",
            "weekday.thursday",
            "weekday.friday",
            "weekday.saturday",
            "weekday.sunday",
        ][moments::weekday(m) as usize],
    )
}

/// "1st", "2nd", "3rd", "4th"… in English: the code gives the number and its
/// English ordinal form (as it gives a count for a plural), the catalogue the words.
fn ordinal(n: usize) -> Message {
    let form = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "other",
        (1, _) => "one",
        (2, _) => "two",
        (3, _) => "few",
        _ => "other",
    };
    msg!("ordinal", n = n, form = form)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check_source;
    use crate::check::lint::logic::Logic;

    #[test]
    fn the_search_stops_at_its_budget() {
        // 100 sends a minute apart on Mondays: 7 weekdays × 1,440 entry clocks ×
        // 100 rules would be 10⁶ placements; a small budget keeps the test quick.
        let rules: String = (1..=100)
            .map(|i| format!("    after {i}m on mon: send w \"m{i}\"\n"))
            .collect();
        let text = format!(
            "event e\ntouchpoint w {{\n  channel wecom\n  limit 2 per day\n}}\n\
             journey j {{\n  timezone \"UTC\"\n  entry on e\n  stage a {{\n{rules}  }}\n}}\n"
        );
        let model = check_source(&text).model.expect("the file checks");
        let stage = &model.journeys[0].stages[0];
        let mut searches: Vec<Search> =
            Search::new(&model, stage, Counted::Touchpoint(TouchpointId(0)), 2)
                .into_iter()
                .collect();
        let budget = 20_000;
        let logic = Logic::new(&model);
        let mut together = Together::new(&logic, stage, &text);
        let placements = search(&model, stage, &mut searches, &mut together, budget);
        assert!(
            placements <= budget + stage.rules.len(),
            "{placements} placements"
        );
        // Still over the limit, with the sends found before the budget ran out.
        let worst = searches[0].worst.as_ref().expect("an over-limit day");
        assert!(worst.sends.len() > 2);
    }
}

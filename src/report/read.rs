//! Reading the partial reports that `journey report merge` combines. A file may be cut
//! short, damaged or something else entirely; each is refused with a message naming
//! the file and what is wrong, before anything could index, allocate or add beyond
//! what a real partial report holds.

use super::{Meta, Partial, PARTIAL_FORMAT, PARTIAL_VERSION, REPORT_FORMAT};
use crate::i18n::{msg, Arg, Message};
use crate::limits::{MAX_DAYS, MAX_SHARDS, MAX_USERS};
use crate::sim::aggregate::{NO_MINUTE, TRUNCATED};
use crate::sim::Aggregates;
use serde_json::Value;

/// Reads the partial reports of one run, keeping the sum of all their counts so that
/// merging them cannot overflow.
#[derive(Default)]
pub struct PartialReader {
    total: u64,
}

impl PartialReader {
    /// Parses and checks one file's bytes; `name` names it in messages.
    pub fn read(&mut self, bytes: &[u8], name: &str) -> Result<Partial, Message> {
        let value: Value = serde_json::from_slice(bytes).map_err(|e| not_json(bytes, name, &e))?;
        match value.get("format").and_then(Value::as_str) {
            Some(PARTIAL_FORMAT) => {}
            format => {
                let what = match format {
                    Some(REPORT_FORMAT) if value["version"].is_u64() => {
                        msg!("report-is-final", version = value["version"].to_string())
                    }
                    Some(f) => msg!("report-is-format", format = f),
                    None => msg!("report-is-other-json"),
                };
                return Err(msg!("report-not-partial", name = name, what = what));
            }
        }
        if !value["version"].is_u64() {
            return Err(msg!(
                "report-damaged",
                name = name,
                reason = msg!(
                    "report-version-not-number",
                    version = value["version"].to_string()
                )
            ));
        }
        if value["version"] != PARTIAL_VERSION {
            return Err(msg!(
                "report-other-version",
                name = name,
                version = value["version"].to_string(),
                supported = PARTIAL_VERSION.to_string(),
            ));
        }
        // Counts are added up here, before the typed reading below adds histogram
        // buckets: a damaged file must not overflow them.
        self.total = count_sum(&value["aggregates"])
            .and_then(|sum| self.total.checked_add(sum))
            .ok_or_else(|| msg!("report-counts-too-large", name = name))?;
        drop(value);
        let damaged = |reason: Arg| msg!("report-damaged", name = name, reason = reason);
        let part: Partial =
            serde_json::from_slice(bytes).map_err(|e| damaged(Arg::Text(e.to_string())))?;
        check(&part).map_err(|why| damaged(why.into()))?;
        Ok(part)
    }
}

/// Why the bytes are not JSON at all.
fn not_json(bytes: &[u8], name: &str, e: &serde_json::Error) -> Message {
    let text = bytes.trim_ascii();
    if text.is_empty() {
        msg!("report-empty", name = name)
    } else if e.is_eof() {
        msg!("report-cut-short", name = name, line = e.line())
    } else if !text.starts_with(b"{") {
        msg!(
            "report-not-partial",
            name = name,
            what = msg!("report-is-not-json")
        )
    } else {
        // serde's own reason, like the system's for an I/O failure, stays as it is.
        msg!("report-not-valid-json", name = name, reason = e.to_string())
    }
}

/// The sum of every whole number under `value`, `None` when it overflows.
fn count_sum(value: &Value) -> Option<u64> {
    match value {
        Value::Number(n) => Some(n.as_u64().unwrap_or(0)),
        Value::Array(items) => items
            .iter()
            .try_fold(0u64, |sum, v| sum.checked_add(count_sum(v)?)),
        Value::Object(fields) => fields
            .values()
            .try_fold(0u64, |sum, v| sum.checked_add(count_sum(v)?)),
        _ => Some(0),
    }
}

/// Checks what the types alone do not: the run's bounds, and that every
/// count list has the length its names in `meta` give it.
fn check(p: &Partial) -> Result<(), Message> {
    if p.shard.count == 0 || p.shard.index >= p.shard.count || p.shard.count > MAX_SHARDS {
        // Numbers from the file go as text: a damaged one may be beyond what a
        // plural-choosing count shows exactly.
        return Err(msg!(
            "report-shard-out-of-range",
            index = p.shard.index.to_string(),
            count = p.shard.count.to_string(),
            most = MAX_SHARDS.to_string(),
        ));
    }
    let portfolio = !p.journeys.is_empty();
    let others = p.journeys.iter().map(|j| (&j.meta, &j.aggregates));
    for (m, a) in std::iter::once((&p.meta, &p.aggregates)).chain(others) {
        check_journey(m, a, portfolio)?;
    }
    Ok(())
}

/// [`check`] of one journey's part; a portfolio's count contention.
fn check_journey(m: &Meta, a: &Aggregates, portfolio: bool) -> Result<(), Message> {
    if m.first_day.parse::<chrono::NaiveDate>().is_err() {
        return Err(msg!("report-first-day-not-date", day = &m.first_day));
    }
    // A run of N days touches at most N + 1 local days.
    if m.users > MAX_USERS || m.days as u64 > MAX_DAYS || m.timeline_days as u64 > MAX_DAYS + 1 {
        return Err(msg!("report-run-too-large"));
    }
    let mut listed = vec![false; m.stages.len()];
    let each_once = m.funnel.len() == m.stages.len()
        && (m.funnel.iter()).all(|&s| {
            (s as usize) < listed.len() && !std::mem::replace(&mut listed[s as usize], true)
        });
    if !each_once {
        return Err(msg!("report-funnel-not-stages"));
    }
    if let Some(t) = m.teams.iter().find(|t| !t.hours.is_valid()) {
        return Err(msg!("report-team-hours", team = &t.name));
    }
    let contention = [
        (a.contention_touchpoints.len(), m.touchpoints.len()),
        (a.contention_policies.len(), m.policies.len()),
    ];
    if let Some(&(found, all)) =
        (contention.iter()).find(|(n, all)| *n != *all * portfolio as usize)
    {
        return Err(msg!(
            "report-wrong-length",
            found = found,
            what = Arg::Word("report-list-contention"),
            expected = all * portfolio as usize,
        ));
    }
    shape(m, a)
}

fn shape(m: &Meta, a: &Aggregates) -> Result<(), Message> {
    let (stages, goals, days) = (m.stages.len(), m.goals.len(), m.timeline_days);
    let lists = [
        ("report-list-goals", a.goals.len(), goals),
        ("report-list-goals", m.goal_from.len(), goals),
        ("report-list-stages", a.stages.len(), stages),
        (
            "report-list-touchpoints",
            a.touchpoints.len(),
            m.touchpoints.len(),
        ),
        ("report-list-splits", a.splits.len(), m.splits.len()),
        (
            "report-list-daily-sends",
            a.daily_sends.len(),
            m.touchpoints.len(),
        ),
        ("report-list-daily-goals", a.daily_goals.len(), goals),
        (
            "report-list-templates",
            a.template_sends.len(),
            m.templates.len(),
        ),
        ("report-list-posts", a.posts.len(), m.templates.len()),
        ("report-list-team-tasks", a.teams.len(), m.teams.len()),
    ];
    let arms = a.splits.iter().zip(&m.splits).flat_map(|(arms, split)| {
        let reached = arms
            .iter()
            .map(move |arm| ("report-list-arm-goals", arm.reached.len(), goals));
        std::iter::once(("report-list-split-arms", arms.len(), split.arms.len())).chain(reached)
    });
    let daily = [&a.daily_sends, &a.daily_goals]
        .into_iter()
        .flatten()
        .map(|d| ("report-list-daily-counts", d.len(), days));
    let mut all = lists.into_iter().chain(arms).chain(daily);
    if let Some((what, found, expected)) = all.find(|(_, found, expected)| found != expected) {
        return Err(msg!(
            "report-wrong-length",
            found = found,
            what = Arg::Word(what),
            expected = expected,
        ));
    }
    let destinations = a.stages.iter().flat_map(|s| s.to.iter().map(|(to, _)| to));
    if let Some(to) = destinations.into_iter().find(|&to| to >= stages) {
        return Err(msg!(
            "report-unknown-transition",
            stage = to.to_string(),
            stages = stages,
        ));
    }
    let unknown_stage = [&a.paths, &a.loops]
        .into_iter()
        .flat_map(|paths| paths.0.keys().flatten())
        .find(|&&id| id != TRUNCATED && id as usize >= stages);
    if let Some(id) = unknown_stage {
        return Err(msg!(
            "report-unknown-path-stage",
            stage = id.to_string(),
            stages = stages,
        ));
    }
    indices(m, a)
}

/// Checks the numbers that index the run's lists: exit reasons, templates' touchpoints,
/// and the minutes of team tasks (within the run's days).
fn indices(m: &Meta, a: &Aggregates) -> Result<(), Message> {
    let minutes = m.timeline_days as u64 * 1440;
    let reasons = (a.stages.iter())
        .flat_map(|s| s.exit_reasons.iter().map(|(reason, _)| reason as u64))
        .map(|r| ("report-list-exit-reasons", r, m.exit_reasons.len() as u64));
    let touchpoints = (m.templates.iter()).map(|t| {
        (
            "report-list-template-touchpoint",
            t.touchpoint as u64,
            m.touchpoints.len() as u64,
        )
    });
    // a task's moments are in the run, its deadline and its user's leaving not before
    // its creation (named as the minute no run has)
    let keys = (a.teams.iter()).flat_map(|t| t.created.iter().map(|(k, _)| k));
    let tasks = keys
        .flat_map(|k| {
            let left = (k.left != NO_MINUTE).then_some(k.left);
            let early = (k.deadline < k.created || k.left < k.created).then_some(NO_MINUTE);
            [Some(k.created), left, early].into_iter().flatten()
        })
        .chain(std::iter::once(m.end_minute.min(u32::MAX as u64) as u32))
        .map(|minute| ("report-list-task-minute", minute as u64, minutes + 1));

    // A post went out inside the run: a moment in `0..days` days' seconds.
    let seconds = m.days as u64 * crate::sim::DAY as u64;
    let posts = (a.posts.iter())
        .filter_map(|p| p.moments().find(|&t| t < 0 || t as u64 >= seconds))
        .map(|t| ("report-list-post-moment", t as u64, seconds));
    let mut all = reasons.chain(touchpoints).chain(tasks).chain(posts);
    match all.find(|&(_, index, count)| index >= count) {
        Some((what, index, count)) => Err(msg!(
            "report-unknown-entry",
            what = Arg::Word(what),
            index = index.to_string(),
            count = count,
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{words, Lang};
    use crate::report::{JourneyPart, NamedMeta, Shard, TeamMeta, TemplateMeta, TouchpointMeta};
    use crate::sim::aggregate::{Shape, TaskKey};

    /// A partial report of a run of one stage, touchpoint, template and team, as JSON.
    fn partial() -> Value {
        let meta = Meta {
            journey: "j".into(),
            journey_label: None,
            population: "p".into(),
            seed: 0,
            users: 10,
            days: 1,
            start: "2026-03-02 09:00".into(),
            timezone: "Asia/Shanghai".into(),
            first_day: "2026-03-02".into(),
            timeline_days: 2,
            goals: Vec::new(),
            goal_from: Vec::new(),
            stages: vec![NamedMeta {
                name: "a".into(),
                label: None,
            }],
            touchpoints: vec![TouchpointMeta {
                name: "wecom".into(),
                label: None,
                channel: "wecom".into(),
                cost: 0.0,
                broadcast: true,
            }],
            splits: Vec::new(),
            teams: vec![TeamMeta {
                name: "sales".into(),
                label: None,
                capacity: 10,
                hours: crate::sim::team::Hours::ALL_DAY,
            }],
            source: "0".into(),
            funnel: vec![0],
            exit_reasons: vec!["rule loop".into(), "done".into()],
            templates: vec![TemplateMeta {
                touchpoint: 0,
                template: "x".into(),
            }],
            end_minute: 1980,
            policies: Vec::new(),
            priority: 0,
        };
        let shape = Shape {
            goals: 0,
            stages: 1,
            touchpoints: 1,
            split_arms: Vec::new(),
            templates: 1,
            teams: 1,
            days: 2,
            policies: 0,
        };
        let mut agg = Aggregates::new(&shape);
        agg.stages[0].exit_reasons.add(1, 3);
        let task = TaskKey {
            created: 600,
            journey: 0,
            deadline: 840,
            left: NO_MINUTE,
        };
        agg.teams[0].created.add(task, 2);
        agg.teams[0].suppressed = 1;
        agg.fatigue.add(2, 5);
        agg.posts[0].add(3600);
        let shard = Shard { index: 0, count: 1 };
        let part = JourneyPart {
            meta,
            aggregates: agg,
        };
        serde_json::to_value(Partial::new(shard, vec![part])).unwrap()
    }

    fn read(v: &Value) -> Result<Partial, String> {
        let bytes = serde_json::to_vec(v).unwrap();
        (PartialReader::default().read(&bytes, "part.json")).map_err(|e| words(&e, Lang::En))
    }

    #[test]
    fn the_counts_of_report_version_2_are_read_back() {
        let part = read(&partial()).expect("a good partial");
        let a = &part.aggregates;
        assert_eq!(
            a.stages[0].exit_reasons.iter().collect::<Vec<_>>(),
            [(1, 3)]
        );
        let tasks: Vec<_> = a.teams[0]
            .created
            .iter()
            .map(|(k, n)| (k.created, n))
            .collect();
        assert_eq!((tasks, a.teams[0].suppressed), (vec![(600, 2)], 1));
        assert_eq!(a.fatigue.counts(), [0, 0, 5]);
        assert_eq!(a.posts[0].moments().collect::<Vec<_>>(), [3600]);
    }

    #[test]
    fn damaged_counts_of_report_version_2_are_refused() {
        let cases: [(&str, Value, &str); 11] = [
            ("/aggregates/posts", serde_json::json!([]), "0 post lists"),
            (
                "/aggregates/posts/0",
                serde_json::json!([86_400]),
                "post moment number 86400",
            ),
            (
                "/aggregates/template_sends",
                serde_json::json!([]),
                "0 send templates",
            ),
            (
                "/aggregates/teams",
                serde_json::json!([]),
                "0 team task lists",
            ),
            (
                "/aggregates/stages/0/exit_reasons",
                serde_json::json!([[2, 1]]),
                "exit reason number 2, and its run has 2",
            ),
            (
                "/meta/templates/0/touchpoint",
                serde_json::json!(7),
                "touchpoint number 7",
            ),
            (
                "/aggregates/teams/0/created",
                serde_json::json!([[4_000_000_000u32, 0, 4_000_000_000u32, 1980, 1]]),
                "task minute number 4000000000",
            ),
            (
                "/aggregates/teams/0/created",
                serde_json::json!([[600, 0, 599, 1980, 1]]),
                "task minute number 4294967295",
            ),
            (
                "/aggregates/teams/0/created",
                serde_json::json!([[600, 0, 840, 599, 1]]),
                "task minute number 4294967295",
            ),
            (
                "/meta/teams/0/hours/to",
                serde_json::json!(1441),
                "team `sales` has working hours",
            ),
            (
                "/meta/teams/0/hours/days",
                serde_json::json!(0),
                "team `sales` has working hours",
            ),
        ];
        for (at, value, words) in cases {
            let mut v = partial();
            *v.pointer_mut(at).unwrap() = value;
            let err = read(&v).expect_err(at);
            assert!(err.contains(words), "{at}: `{words}` not in {err}");
        }
    }

    #[test]
    fn count_sums_overflow_to_none() {
        let v: Value = serde_json::json!({"a": [1, 2, {"b": 3}], "c": "x", "d": -4});
        assert_eq!(count_sum(&v), Some(6));
        let big = serde_json::json!([u64::MAX, 1]);
        assert_eq!(count_sum(&big), None);
    }
}

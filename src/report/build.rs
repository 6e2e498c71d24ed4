//! Aggregates → report: rates with their intervals and tests, dwell quantiles, the
//! funnel, costs, team queues.

use super::stats::{difference_interval, rate, round6, two_proportion_p, users_needed, wilson};
use super::*;
use crate::i18n::Lang;
use crate::sim::aggregate::{ArmCounts, GoalCounts, Paths, StageCounts, Tally, TRUNCATED};
use crate::sim::team;

/// No quantile is shown from fewer ended visits than this (the report says so instead).
pub const MIN_QUANTILE_SAMPLE: u64 = 30;

fn group(reached: u64, users: u64) -> GroupReport {
    GroupReport {
        users,
        reached,
        rate: rate(reached, users).map(round6),
        ci95: wilson(reached, users),
    }
}

/// Money to the cent.
fn cents(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

pub fn build(meta: &Meta, agg: &Aggregates, lang: Lang) -> Report {
    let touchpoints = touchpoints(meta, agg);
    // broadcast posts are shared by journeys: in the touchpoints and the total only
    let sends_cost = (touchpoints.iter())
        .filter(|t| !t.broadcast)
        .map(|t| t.cost)
        .sum();
    let journey = journey(meta, agg, sends_cost);
    let cost = cost(&journey, touchpoints.iter().map(|t| t.cost).sum());
    Report {
        format: REPORT_FORMAT,
        version: REPORT_VERSION,
        lang: lang.as_str(),
        population: meta.population.clone(),
        seed: meta.seed,
        users: meta.users,
        days: meta.days,
        start: meta.start.clone(),
        timezone: meta.timezone.clone(),
        arrived: agg.arrived,
        daily: daily(meta, agg),
        journeys: vec![journey],
        touchpoints,
        policies: (meta.policies.iter().zip(&agg.policies))
            .map(|(name, &capped)| PolicyReport {
                name: name.clone(),
                capped,
            })
            .collect(),
        contention: Vec::new(),
        teams: teams(meta, agg),
        fatigue: fatigue(&agg.fatigue),
        cost,
    }
}

fn journey(meta: &Meta, agg: &Aggregates, cost: f64) -> JourneyReport {
    let goals = (meta.goals.iter().zip(&meta.goal_from).zip(&agg.goals))
        .map(|((name, from), g)| goal(name, from, g))
        .collect();
    let stages: Vec<StageReport> = meta
        .stages
        .iter()
        .zip(&agg.stages)
        .map(|(stage, s)| self::stage(meta, stage, s))
        .collect();
    let users = agg.treatment_users + agg.holdout_users;
    JourneyReport {
        name: meta.journey.clone(),
        label: meta.journey_label.clone(),
        priority: meta.priority,
        entered: agg.entries,
        users,
        holdout: agg.holdout_users,
        stopped: agg.stopped,
        loops: most_first(&agg.loops)
            .into_iter()
            .map(|(ids, &users)| LoopReport {
                stages: stage_names(meta, ids),
                users,
            })
            .collect(),
        goals,
        funnel: funnel(meta, &stages, users),
        stages,
        splits: meta
            .splits
            .iter()
            .zip(&agg.splits)
            .map(|(s, arms)| split(meta, s, arms))
            .collect(),
        paths: most_first(&agg.paths)
            .into_iter()
            .take(10)
            .map(|(ids, &count)| PathReport {
                stages: stage_names(meta, ids),
                truncated: ids.last() == Some(&TRUNCATED),
                count,
            })
            .collect(),
        cost: cents(cost),
    }
}

/// A goal's rates among the users whose window opened: who entered the journey, or
/// its `from` stage.
fn goal(name: &str, from: &Option<String>, g: &GoalCounts) -> GoalReport {
    let (t, h) = (g.treatment_users, g.holdout_users);
    let lift = rate(g.treatment, t)
        .zip(rate(g.holdout, h))
        .map(|(a, b)| a - b);
    GoalReport {
        name: name.to_string(),
        from: from.clone(),
        treatment: group(g.treatment, t),
        holdout: group(g.holdout, h),
        lift: lift.map(round6),
        lift_relative: lift
            .zip(rate(g.holdout, h))
            .and_then(|(l, h)| (h > 0.0).then(|| round6(l / h))),
        lift_ci95: difference_interval(g.treatment, t, g.holdout, h),
        p_value: two_proportion_p(g.treatment, t, g.holdout, h),
    }
}

fn stage(meta: &Meta, stage: &NamedMeta, s: &StageCounts) -> StageReport {
    let mut exits: Vec<(String, u64)> = (s.to.iter().filter(|&(_, n)| n > 0))
        .map(|(to, n)| (meta.stages[to].name.clone(), n))
        .collect();
    for (key, n) in [("exit", s.exit), ("end", s.end)] {
        if n > 0 {
            exits.push((key.to_string(), n));
        }
    }
    let n = s.dwell.total();
    let hours = |q: f64| {
        (n >= MIN_QUANTILE_SAMPLE)
            .then(|| s.dwell.quantile_minutes(q))
            .flatten()
            .map(|m| (m as f64 / 60.0 * 100.0).round() / 100.0)
    };
    StageReport {
        name: stage.name.clone(),
        label: stage.label.clone(),
        entered: s.entered,
        users: s.users,
        exits: Ordered(exits),
        exit_reasons: Ordered(
            most_first_keys(s.exit_reasons.iter())
                .map(|(reason, n)| (meta.exit_reasons[reason as usize].clone(), n))
                .collect(),
        ),
        dwell_hours: Dwell {
            median: hours(0.5),
            p90: hours(0.9),
            n,
        },
    }
}

/// The stages in the order users flow through them (`meta.funnel`), with the share of
/// the journey's users who reached each, and of those who reached the step before.
fn funnel(meta: &Meta, stages: &[StageReport], entered: u64) -> Vec<FunnelStep> {
    let mut previous = entered;
    (meta.funnel.iter())
        .map(|&i| {
            let s = &stages[i as usize];
            let step = FunnelStep {
                stage: s.name.clone(),
                users: s.users,
                rate_from_entry: rate(s.users, entered).map(round6),
                rate_from_previous: rate(s.users, previous).map(round6),
            };
            previous = s.users;
            step
        })
        .collect()
}

fn split(meta: &Meta, s: &SplitMeta, arms: &[ArmCounts]) -> SplitReport {
    let arm_reports = s
        .arms
        .iter()
        .zip(arms)
        .map(|(name, a)| ArmReport {
            name: name.clone(),
            users: a.users,
            goal_rates: per_goal(meta, a, |k, n| rate(k, n).map(round6)),
            goal_ci95: per_goal(meta, a, wilson),
        })
        .collect();
    let mut comparisons = Vec::new();
    if let Some(base) = arms.first() {
        for (g, goal) in meta.goals.iter().enumerate() {
            for (name, arm) in s.arms.iter().zip(arms).skip(1) {
                let (k1, n1, k0, n0) = (arm.reached[g], arm.users, base.reached[g], base.users);
                let lift = rate(k1, n1).zip(rate(k0, n0));
                comparisons.push(Comparison {
                    goal: goal.clone(),
                    arm: name.clone(),
                    baseline: s.arms[0].clone(),
                    lift: lift.map(|(a, b)| round6(a - b)),
                    ci95: difference_interval(k1, n1, k0, n0),
                    p_value: two_proportion_p(k1, n1, k0, n0),
                    users_needed: lift.and_then(|(a, b)| users_needed(b, a)),
                });
            }
        }
    }
    SplitReport {
        name: s.name.clone(),
        stage: s.stage.clone(),
        arms: arm_reports,
        comparisons,
    }
}

/// A figure per goal of one arm, from its users who reached the goal and its users.
fn per_goal<T>(meta: &Meta, a: &ArmCounts, f: impl Fn(u64, u64) -> T) -> Ordered<T> {
    Ordered(
        (meta.goals.iter().zip(&a.reached))
            .map(|(g, &k)| (g.clone(), f(k, a.users)))
            .collect(),
    )
}

fn touchpoints(meta: &Meta, agg: &Aggregates) -> Vec<TouchpointReport> {
    meta.touchpoints
        .iter()
        .zip(&agg.touchpoints)
        .enumerate()
        .map(|(i, (tp, c))| {
            let templates = templates(meta, agg, i, tp);
            let posts = (tp.broadcast).then(|| templates.iter().filter_map(|t| t.posts).sum());
            TouchpointReport {
                name: tp.name.clone(),
                label: tp.label.clone(),
                channel: tp.channel.clone(),
                broadcast: tp.broadcast,
                sent: c.sent,
                deferred: c.deferred,
                capped: c.capped,
                suppressed: c.suppressed,
                posts,
                cost: cents(posts.unwrap_or(c.sent) as f64 * tp.cost),
                by_journey: Ordered(vec![(meta.journey.clone(), c.sent)]),
                templates,
            }
        })
        .collect()
}

/// Touchpoint `tp`'s templates, most sent first, ties by template.
fn templates(meta: &Meta, agg: &Aggregates, i: usize, tp: &TouchpointMeta) -> Vec<TemplateReport> {
    let counts = agg.template_sends.iter().zip(&agg.posts);
    let mut list: Vec<TemplateReport> = (meta.templates.iter().zip(counts))
        .filter(|(t, _)| t.touchpoint == i)
        .map(|(t, (&sent, posts))| {
            let posts = tp.broadcast.then(|| posts.count());
            TemplateReport {
                template: t.template.clone(),
                sent,
                posts,
                cost: cents(posts.unwrap_or(sent) as f64 * tp.cost),
            }
        })
        .collect();
    list.sort_by(|a, b| {
        b.sent
            .cmp(&a.sent)
            .then_with(|| a.template.cmp(&b.template))
    });
    list
}

/// User-days by sends, every count from 0 to the most, and its quantiles (the value
/// at rank ⌈q·n⌉).
fn fatigue(tally: &Tally) -> Fatigue {
    let counts = tally.counts();
    let total: u64 = counts.iter().sum();
    let quantile = |q: f64| {
        let rank = ((q * total as f64).ceil() as u64).clamp(1, total.max(1));
        let mut seen = 0;
        (total > 0)
            .then(|| {
                counts.iter().position(|&n| {
                    seen += n;
                    seen >= rank
                })
            })
            .flatten()
            .map(|sends| sends as u64)
    };
    Fatigue {
        sends_per_user_day: FatigueQuantiles {
            p50: quantile(0.5),
            p95: quantile(0.95),
            max: (total > 0).then(|| counts.len() as u64 - 1),
        },
        histogram: (counts.iter().enumerate())
            .map(|(sends, &user_days)| FatigueBucket {
                sends: sends as u64,
                user_days,
            })
            .collect(),
    }
}

/// The run's costs: `total` is every touchpoint's, broadcast posts included; the
/// per-goal figures divide the journey's own (sends only).
fn cost(journey: &JourneyReport, total: f64) -> CostReport {
    let key = |g: &GoalReport| format!("{}/{}", journey.name, g.name);
    let per = |g: &GoalReport, conversions: Option<f64>| {
        (
            key(g),
            conversions
                .filter(|&c| c > 0.0)
                .map(|c| cents(journey.cost / c)),
        )
    };
    CostReport {
        total: cents(total),
        per_goal: Ordered(
            (journey.goals.iter())
                .map(|g| per(g, Some(g.treatment.reached as f64)))
                .collect(),
        ),
        per_incremental: Ordered(
            (journey.goals.iter())
                .map(|g| per(g, g.lift.map(|l| l * g.treatment.users as f64)))
                .collect(),
        ),
    }
}

/// Each team's queue replayed from its tasks (see [`crate::sim::team`]).
fn teams(meta: &Meta, agg: &Aggregates) -> Vec<TeamReport> {
    let hours = |minutes: Option<f64>| minutes.map(|m| (m / 60.0 * 100.0).round() / 100.0);
    let first_weekday = (meta.first_day.parse::<chrono::NaiveDate>())
        .map_or(0, |d| chrono::Datelike::weekday(&d).num_days_from_monday());
    let end = meta.end_minute.min(u32::MAX as u64) as u32;
    meta.teams
        .iter()
        .zip(&agg.teams)
        .map(|(team, tasks)| {
            let pace = team::Pace {
                hours: team.hours,
                capacity: team.capacity,
                first_weekday,
            };
            // two passes over every task key, of about the same cost: side by side on
            // the run's threads, as this step after the users has no other work for them
            let (q, suggested) = rayon::join(
                || team::replay(&tasks.created, &pace, meta.timeline_days, end),
                || {
                    let created = &tasks.created;
                    team::suggested_capacity(created, team.hours, first_weekday, meta.days, end)
                },
            );
            TeamReport {
                name: team.name.clone(),
                label: team.label.clone(),
                capacity: team.capacity,
                created: q.created,
                done: q.done,
                dropped: q.dropped,
                suppressed: tasks.suppressed,
                backlog_end: q.backlog_end,
                peak_backlog: q.peak_backlog,
                wait_hours: Waits {
                    p50: hours(q.wait_p50_minutes),
                    p90: hours(q.wait_p90_minutes),
                },
                within_sla: q.within_sla.map(round6),
                suggested_capacity: suggested,
                daily: (q.daily.iter().enumerate())
                    .map(|(i, d)| TeamDay {
                        day: meta.day(i),
                        created: d.created,
                        done: d.done,
                        dropped: d.dropped,
                        backlog: d.backlog,
                    })
                    .collect(),
            }
        })
        .collect()
}

fn daily(meta: &Meta, agg: &Aggregates) -> Vec<DayReport> {
    (0..meta.timeline_days)
        .map(|i| DayReport {
            day: meta.day(i),
            sends: Ordered(
                (meta.touchpoints.iter().zip(&agg.daily_sends))
                    .map(|(tp, d)| (tp.name.clone(), d[i]))
                    .collect(),
            ),
            goals: Ordered(
                (meta.goals.iter().zip(&agg.daily_goals))
                    .map(|(g, d)| (format!("{}/{g}", meta.journey), d[i]))
                    .collect(),
            ),
        })
        .collect()
}

fn stage_names(meta: &Meta, ids: &[u16]) -> Vec<String> {
    (ids.iter().filter(|&&i| i != TRUNCATED))
        .map(|&i| meta.stages[i as usize].name.clone())
        .collect()
}

/// `(key, count)` pairs by count, most first, then by key.
fn most_first_keys(pairs: impl Iterator<Item = (u32, u64)>) -> impl Iterator<Item = (u32, u64)> {
    let mut sorted: Vec<(u32, u64)> = pairs.collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    sorted.into_iter()
}

/// The sequences of stages by count, most first, then by stage ids.
fn most_first(counts: &Paths) -> Vec<(&Vec<u16>, &u64)> {
    let mut sorted: Vec<(&Vec<u16>, &u64)> = counts.0.iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    sorted
}

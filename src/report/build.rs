//! Aggregates → report: rates with Wilson intervals, dwell quantiles, team queues.

use super::*;
use crate::sim::aggregate::{Paths, TRUNCATED};

/// Rounds to 6 decimals, so reports stay readable and byte-stable.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// The Wilson score interval at 95% for `k` of `n`.
pub fn wilson(k: u64, n: u64) -> Option<[f64; 2]> {
    if n == 0 {
        return None;
    }
    let z = 1.959_963_984_540_054;
    let (n, p) = (n as f64, k as f64 / n as f64);
    let denom = 1.0 + z * z / n;
    let center = (p + z * z / (2.0 * n)) / denom;
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / denom;
    Some([
        round6((center - half).max(0.0)),
        round6((center + half).min(1.0)),
    ])
}

fn rate(k: u64, n: u64) -> Option<f64> {
    (n > 0).then(|| k as f64 / n as f64)
}

fn group(reached: u64, users: u64) -> GroupReport {
    GroupReport {
        users,
        reached,
        rate: rate(reached, users).map(round6),
        ci95: wilson(reached, users),
    }
}

pub fn build(meta: &Meta, agg: &Aggregates) -> Report {
    let first: chrono::NaiveDate = meta.first_day.parse().unwrap_or_default();
    let day = |i: usize| (first + chrono::Duration::days(i as i64)).to_string();
    let goals = meta
        .goals
        .iter()
        .zip(&agg.goals)
        .map(|(name, g)| {
            let t = rate(g.treatment, agg.treatment_users);
            let h = rate(g.holdout, agg.holdout_users);
            let lift = t.zip(h).map(|(t, h)| t - h);
            GoalReport {
                name: name.clone(),
                treatment: group(g.treatment, agg.treatment_users),
                holdout: group(g.holdout, agg.holdout_users),
                lift: lift.map(round6),
                lift_relative: lift
                    .zip(h)
                    .and_then(|(l, h)| (h > 0.0).then(|| round6(l / h))),
            }
        })
        .collect();
    let hours = |m: Option<u64>| m.map(|m| (m as f64 / 60.0 * 100.0).round() / 100.0);
    let stages = meta
        .stages
        .iter()
        .zip(&agg.stages)
        .map(|(name, s)| {
            let mut exits: Vec<(String, u64)> =
                s.to.iter()
                    .filter(|&(_, n)| n > 0)
                    .map(|(to, n)| (meta.stages[to].clone(), n))
                    .collect();
            for (key, n) in [("exit", s.exit), ("end", s.end)] {
                if n > 0 {
                    exits.push((key.to_string(), n));
                }
            }
            StageReport {
                name: name.clone(),
                entered: s.entered,
                users: s.users,
                exits: Ordered(exits),
                dwell_hours: Dwell {
                    median: hours(s.dwell.quantile_minutes(0.5)),
                    p90: hours(s.dwell.quantile_minutes(0.9)),
                },
            }
        })
        .collect();
    let touchpoints = meta
        .touchpoints
        .iter()
        .zip(&agg.touchpoints)
        .map(|(tp, c)| TouchpointReport {
            name: tp.name.clone(),
            sent: c.sent,
            deferred: c.deferred,
            capped: c.capped,
            suppressed: c.suppressed,
            cost: (c.sent as f64 * tp.cost * 100.0).round() / 100.0,
        })
        .collect();
    let splits = meta
        .splits
        .iter()
        .zip(&agg.splits)
        .map(|(s, arms)| SplitReport {
            stage: s.stage.clone(),
            arms: s
                .arms
                .iter()
                .zip(arms)
                .map(|(name, a)| ArmReport {
                    name: name.clone(),
                    users: a.users,
                    goal_rates: Ordered(
                        meta.goals
                            .iter()
                            .zip(&a.reached)
                            .map(|(g, &k)| (g.clone(), rate(k, a.users).map(round6)))
                            .collect(),
                    ),
                    goal_ci95: Ordered(
                        meta.goals
                            .iter()
                            .zip(&a.reached)
                            .map(|(g, &k)| (g.clone(), wilson(k, a.users)))
                            .collect(),
                    ),
                })
                .collect(),
        })
        .collect();
    let teams = meta
        .teams
        .iter()
        .zip(&agg.daily_tasks)
        .map(|(team, created)| {
            let mut backlog = 0u64;
            let mut report = TeamReport {
                name: team.name.clone(),
                capacity: team.capacity,
                tasks: created.iter().sum(),
                done: 0,
                peak_backlog: 0,
                backlog_at_end: 0,
                daily: Vec::new(),
            };
            for (i, &c) in created.iter().enumerate() {
                let done = (backlog + c).min(team.capacity as u64);
                backlog = backlog + c - done;
                report.done += done;
                report.peak_backlog = report.peak_backlog.max(backlog);
                report.daily.push(TeamDay {
                    day: day(i),
                    created: c,
                    done,
                    backlog,
                });
            }
            report.backlog_at_end = backlog;
            report
        })
        .collect();
    let daily = (0..meta.timeline_days)
        .map(|i| DayReport {
            day: day(i),
            sends: Ordered(
                meta.touchpoints
                    .iter()
                    .zip(&agg.daily_sends)
                    .map(|(tp, d)| (tp.name.clone(), d[i]))
                    .collect(),
            ),
            goals: Ordered(
                meta.goals
                    .iter()
                    .zip(&agg.daily_goals)
                    .map(|(g, d)| (g.clone(), d[i]))
                    .collect(),
            ),
        })
        .collect();
    let names = |ids: &[u16]| -> Vec<String> {
        (ids.iter().filter(|&&i| i != TRUNCATED))
            .map(|&i| meta.stages[i as usize].clone())
            .collect()
    };
    let loops = most_first(&agg.loops)
        .into_iter()
        .map(|(ids, &users)| LoopReport {
            stages: names(ids),
            users,
        })
        .collect();
    let paths = most_first(&agg.paths)
        .into_iter()
        .take(10)
        .map(|(ids, &count)| PathReport {
            stages: names(ids),
            truncated: ids.last() == Some(&TRUNCATED),
            count,
        })
        .collect();
    Report {
        format: "journey-report",
        version: 1,
        journey: meta.journey.clone(),
        population: meta.population.clone(),
        seed: meta.seed,
        users: meta.users,
        days: meta.days,
        start: meta.start.clone(),
        timezone: meta.timezone.clone(),
        arrived: agg.arrived,
        entered: agg.treatment_users + agg.holdout_users,
        holdout: agg.holdout_users,
        stopped: agg.stopped,
        loops,
        goals,
        stages,
        touchpoints,
        splits,
        teams,
        daily,
        paths,
    }
}

/// The sequences of stages by count, most first, then by stage ids.
fn most_first(counts: &Paths) -> Vec<(&Vec<u16>, &u64)> {
    let mut sorted: Vec<(&Vec<u16>, &u64)> = counts.0.iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    sorted
}

#[cfg(test)]
mod tests {
    use super::wilson;

    #[test]
    fn wilson_matches_known_values() {
        // 50 of 100: 0.4038 .. 0.5962
        let [lo, hi] = wilson(50, 100).unwrap();
        assert!((lo - 0.403_831).abs() < 1e-5 && (hi - 0.596_169).abs() < 1e-5);
        let [lo, hi] = wilson(0, 10).unwrap();
        assert_eq!(lo, 0.0);
        assert!((hi - 0.277_533).abs() < 1e-5);
        assert_eq!(wilson(0, 0), None);
    }
}

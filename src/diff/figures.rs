//! The impact's figures, read from the two reports `journey simulate` would write for
//! OLD and NEW: every touchpoint, goal, stage, policy and team of either version, each
//! figure `{old, new, delta}`.

use super::types::{
    FatigueImpact, Figure, FunnelImpact, GoalImpact, Impact, JourneySends, PeakDays, PolicyImpact,
    TeamImpact, TouchpointImpact,
};
use crate::report::{JourneyReport, Report};

/// Names of both lists, `new`'s order first, then those only `old` has.
fn union<'a>(
    old: impl Iterator<Item = &'a str>,
    new: impl Iterator<Item = &'a str>,
) -> Vec<&'a str> {
    let mut names: Vec<&str> = new.collect();
    for name in old {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// A journey of a report by name.
fn journey<'r>(r: &'r Report, name: &str) -> Option<&'r JourneyReport> {
    r.journeys.iter().find(|j| j.name == name)
}

pub fn compare(old: &Report, new: &Report, intervals: Vec<(String, Option<[f64; 2]>)>) -> Impact {
    let days = new.days;
    let journeys = union(
        old.journeys.iter().map(|j| j.name.as_str()),
        new.journeys.iter().map(|j| j.name.as_str()),
    );
    let touchpoints = union(
        old.touchpoints.iter().map(|t| t.name.as_str()),
        new.touchpoints.iter().map(|t| t.name.as_str()),
    );
    fn touchpoint<'r>(r: &'r Report, name: &str) -> Option<&'r crate::report::TouchpointReport> {
        r.touchpoints.iter().find(|t| t.name == name)
    }
    // The busiest day: its date and sends (the first of equals).
    fn peak<'r>(r: &'r Report, name: &str) -> Option<(&'r str, u64)> {
        let sends = |d: &crate::report::DayReport| {
            d.sends
                .0
                .iter()
                .find(|(n, _)| n == name)
                .map_or(0, |(_, v)| *v)
        };
        (r.daily.iter()).fold(None, |best: Option<(&str, u64)>, d| match best {
            Some((_, most)) if most >= sends(d) => best,
            _ => Some((d.day.as_str(), sends(d))),
        })
    }
    let touchpoints = (touchpoints.into_iter())
        .map(|name| {
            let sent = |r| touchpoint(r, name).map(|t| t.sent as f64);
            let cost = |r| touchpoint(r, name).map(|t| t.cost);
            let (po, pn) = (
                touchpoint(old, name).and(peak(old, name)),
                touchpoint(new, name).and(peak(new, name)),
            );
            // A journey that does not run in a version sent nothing there.
            let by_journey = |r: &Report, j: &str| {
                let t = touchpoint(r, name)?;
                journey(r, j)?;
                let sent = t.by_journey.0.iter().find(|(n, _)| n == j);
                Some(sent.map_or(0.0, |(_, v)| *v as f64))
            };
            TouchpointImpact {
                name: name.to_string(),
                sent: Figure::new(sent(old), sent(new)),
                per_day: Figure::new(
                    sent(old).map(|s| s / days as f64),
                    sent(new).map(|s| s / days as f64),
                ),
                peak: Figure::new(po.map(|p| p.1 as f64), pn.map(|p| p.1 as f64)),
                peak_day: PeakDays {
                    old: po.map(|p| p.0.to_string()),
                    new: pn.map(|p| p.0.to_string()),
                },
                cost: Figure::new(cost(old), cost(new)),
                by_journey: (journeys.iter())
                    .map(|j| JourneySends {
                        journey: j.to_string(),
                        sent: Figure::new(by_journey(old, j), by_journey(new, j)),
                    })
                    .collect(),
            }
        })
        .collect();
    let mut goals = Vec::new();
    let mut funnel = Vec::new();
    for name in &journeys {
        let (oj, nj) = (journey(old, name), journey(new, name));
        let goal_names = union(
            oj.into_iter()
                .flat_map(|j| j.goals.iter().map(|g| g.name.as_str())),
            nj.into_iter()
                .flat_map(|j| j.goals.iter().map(|g| g.name.as_str())),
        );
        let goal = |j: Option<&JourneyReport>, goal: &str| {
            j.and_then(|j| j.goals.iter().find(|g| g.name == goal))
                .cloned()
        };
        goals.extend(goal_names.into_iter().map(|g| {
            let (a, b) = (goal(oj, g), goal(nj, g));
            let full = format!("{name}/{g}");
            GoalImpact {
                rate: Figure::new(
                    a.as_ref().and_then(|g| g.treatment.rate),
                    b.as_ref().and_then(|g| g.treatment.rate),
                ),
                ci95: (intervals.iter())
                    .find(|(n, _)| *n == full)
                    .and_then(|(_, ci)| *ci)
                    .map(|ci| ci.map(|x| (x * 1e6).round() / 1e6 + 0.0)),
                lift: Figure::new(a.and_then(|g| g.lift), b.and_then(|g| g.lift)),
                goal: full,
            }
        }));
        let stages = union(
            oj.into_iter()
                .flat_map(|j| j.funnel.iter().map(|f| f.stage.as_str())),
            nj.into_iter()
                .flat_map(|j| j.funnel.iter().map(|f| f.stage.as_str())),
        );
        let users = |j: Option<&JourneyReport>, stage: &str| {
            j.and_then(|j| j.funnel.iter().find(|f| f.stage == stage))
                .map(|f| f.users as f64)
        };
        funnel.extend(stages.into_iter().map(|stage| FunnelImpact {
            journey: name.to_string(),
            stage: stage.to_string(),
            users: Figure::new(users(oj, stage), users(nj, stage)),
        }));
    }
    let fatigue = |f: fn(&Report) -> Option<u64>| {
        Figure::new(f(old).map(|v| v as f64), f(new).map(|v| v as f64))
    };
    let policies = union(
        old.policies.iter().map(|p| p.name.as_str()),
        new.policies.iter().map(|p| p.name.as_str()),
    );
    let capped = |r: &Report, name: &str| {
        (r.policies.iter())
            .find(|p| p.name == name)
            .map(|p| p.capped as f64)
    };
    let policies = (policies.into_iter())
        .map(|name| PolicyImpact {
            name: name.to_string(),
            capped: Figure::new(capped(old, name), capped(new, name)),
        })
        .collect();
    let teams = union(
        old.teams.iter().map(|t| t.name.as_str()),
        new.teams.iter().map(|t| t.name.as_str()),
    );
    let team = |r: &Report, name: &str| r.teams.iter().find(|t| t.name == name).cloned();
    let teams = (teams.into_iter())
        .map(|name| {
            let (a, b) = (team(old, name), team(new, name));
            let figure = |f: fn(&crate::report::TeamReport) -> Option<f64>| {
                Figure::new(a.as_ref().and_then(f), b.as_ref().and_then(f))
            };
            TeamImpact {
                name: name.to_string(),
                backlog_end: figure(|t| Some(t.backlog_end as f64)),
                peak_backlog: figure(|t| Some(t.peak_backlog as f64)),
                within_sla: figure(|t| t.within_sla),
            }
        })
        .collect();
    Impact {
        journey: journeys.join(", "),
        journeys: journeys.iter().map(|j| j.to_string()).collect(),
        population: new.population.clone(),
        seed: new.seed,
        users: new.users,
        days,
        touchpoints,
        cost: Figure::new(Some(old.cost.total), Some(new.cost.total)),
        goals,
        funnel,
        fatigue: FatigueImpact {
            p95: fatigue(|r| r.fatigue.sends_per_user_day.p95),
            max: fatigue(|r| r.fatigue.sends_per_user_day.max),
        },
        policies,
        teams,
    }
}

//! The simulated impact: both versions simulated on the same population, seed, users
//! and days, each user in both runs one after the other (`Run::simulate_paired`), so
//! that a user draws the same random numbers in both (common random numbers) and the
//! goal rates' difference gets a paired interval. Every figure is read from the two
//! reports `journey simulate` would write for the same options.

use super::types::{
    FatigueImpact, Figure, FunnelImpact, GoalImpact, Impact, PeakDays, TeamImpact, TouchpointImpact,
};
use super::version::Version;
use crate::check::model::{Journey, Model, Population};
use crate::i18n::{msg, Lang, Message};
use crate::limits::{self, grouped, MAX_USER_DAYS};
use crate::report::{self, Meta, Report};
use crate::sim::paired::GoalMoments;
use crate::sim::{Calendar, Program, Run, Time, DAY};
use crate::syntax::ast::Item;

/// What to simulate: `journey simulate`'s options.
#[derive(Clone, Debug, Default)]
pub struct ImpactOptions {
    pub journey: Option<String>,
    pub population: Option<String>,
    pub users: Option<u64>,
    pub days: Option<u64>,
    pub seed: u64,
    pub threads: Option<u64>,
}

/// Why there is no impact: a usage problem (exit 2), or a note beside the changes.
pub enum Skip {
    Usage(Message),
    Note(Message),
}

/// The name of the only item, or the one asked for, among `names` of NEW.
fn pick(
    file: &str,
    names: Vec<&str>,
    wanted: Option<&str>,
    kind: &'static str,
) -> Result<String, Skip> {
    let list = || {
        names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match wanted {
        Some(w) if names.contains(&w) => Ok(w.to_string()),
        Some(w) => Err(Skip::Usage(msg!(
            "simulate-no-such",
            file = file,
            kind = kind,
            name = w,
            names = list()
        ))),
        None if names.len() == 1 => Ok(names[0].to_string()),
        None if names.is_empty() => Err(Skip::Note(msg!("diff-nothing-to-simulate", kind = kind))),
        None => Err(Skip::Usage(msg!(
            "simulate-pick-one",
            file = file,
            kind = kind,
            count = names.len(),
            names = list()
        ))),
    }
}

/// OLD's text with NEW's declaration of population `name` in place of its own (or
/// added): both versions are simulated on NEW's population.
fn on_new_population(old: &Version, new: &Version, name: &str) -> String {
    let span_of = |v: &Version| {
        v.parsed.ast.items.iter().find_map(|i| match i {
            Item::Population(p) if p.name.name == name => Some(p.span),
            _ => None,
        })
    };
    let declared = span_of(new).map_or("", |s| &new.text()[s.start..s.end]);
    let text = old.text();
    match span_of(old) {
        Some(s) => format!("{}{declared}{}", &text[..s.start], &text[s.end..]),
        None => format!("{text}\n\n{declared}\n"),
    }
}

/// A version ready to simulate: its model, journey and population.
struct Side<'m> {
    model: &'m Model,
    journey: &'m Journey,
    population: &'m Population,
    text: &'m str,
}

impl<'m> Side<'m> {
    fn new(model: &'m Model, text: &'m str, journey: &str, population: &str) -> Option<Side<'m>> {
        Some(Side {
            model,
            journey: model.journeys.iter().find(|j| j.name == journey)?,
            population: model.populations.iter().find(|p| p.name == population)?,
            text,
        })
    }

    fn program(&self, cal: &mut Calendar) -> Result<Program<'m>, Skip> {
        Program::new(self.model, self.journey, self.population, self.text, cal).map_err(Skip::Note)
    }
}

/// Simulates `old` and `new` and compares their reports.
pub fn impact(
    old: &Version,
    new: &Version,
    options: &ImpactOptions,
    lang: Lang,
) -> Result<Impact, Skip> {
    let (Some(old_model), Some(new_model)) = (&old.checked.model, &new.checked.model) else {
        return Err(Skip::Note(msg!("diff-no-impact-errors")));
    };
    let journey = pick(
        &new.source.name,
        new_model.journeys.iter().map(|j| j.name.as_str()).collect(),
        options.journey.as_deref(),
        "journey",
    )?;
    let population = pick(
        &new.source.name,
        new_model
            .populations
            .iter()
            .map(|p| p.name.as_str())
            .collect(),
        options.population.as_deref(),
        "population",
    )?;
    let old_on_new = Version::load(
        old.source.name.clone(),
        on_new_population(old, new, &population),
    );
    let Some(old_model_on_new) = &old_on_new.checked.model else {
        return Err(Skip::Note(msg!(
            "diff-population-does-not-fit",
            population = population.clone()
        )));
    };
    // Unchanged population: OLD as it is (the spliced text differs only in layout).
    let (old_model, old_text) = if old_model.populations.iter().any(|p| p.name == population)
        && old_on_new.text() == old.text()
    {
        (old_model, old.text())
    } else {
        (old_model_on_new, old_on_new.text())
    };
    let new_side =
        Side::new(new_model, new.text(), &journey, &population).expect("picked from NEW's names");
    let Some(old_side) = Side::new(old_model, old_text, &journey, &population) else {
        return Err(Skip::Note(msg!(
            "diff-journey-is-new",
            journey = journey.clone()
        )));
    };
    let p = new_side.population;
    let users = options.users.unwrap_or(p.size);
    let days = options.days.unwrap_or(p.days.into());
    if users == 0 || days == 0 {
        return Err(Skip::Usage(msg!("simulate-no-users")));
    }
    if !limits::user_days_fit(users, days) {
        return Err(Skip::Usage(msg!(
            "simulate-too-many-user-days",
            users = grouped(users),
            days = grouped(days),
            max = grouped(MAX_USER_DAYS)
        )));
    }
    let horizon = days as Time * DAY;
    let calendar = |s: &Side| Calendar::new(s.journey.timezone, s.population.start, horizon);
    let (mut old_cal, mut new_cal) = (calendar(&old_side), calendar(&new_side));
    let old_prog = old_side.program(&mut old_cal)?;
    let new_prog = new_side.program(&mut new_cal)?;
    let run = |prog, cal| Run {
        prog,
        cal,
        seed: options.seed,
        horizon,
    };
    let (old_run, new_run) = (run(&old_prog, &old_cal), run(&new_prog, &new_cal));
    // Goals by name: a goal of one version only has no pair.
    let goal_pairs: Vec<(usize, usize)> = (old_side.journey.goals.iter().enumerate())
        .filter_map(|(i, g)| {
            let j = new_side
                .journey
                .goals
                .iter()
                .position(|h| h.name == g.name)?;
            Some((i, j))
        })
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.unwrap_or(0) as usize)
        .build()
        .map_err(|e| Skip::Usage(msg!("simulate-no-threads", reason = e.to_string())))?;
    let paired = pool.install(|| old_run.simulate_paired(&new_run, &goal_pairs, 0..users));
    let report =
        |run: &Run, agg, text| report::build(&Meta::new(run, users, days as u32, text), agg, lang);
    let old_report = report(&old_run, &paired.first, old_text);
    let new_report = report(&new_run, &paired.second, new.text());
    let moments = goal_pairs.iter().zip(&paired.goals).map(|(&(i, j), m)| {
        let counts = |agg: &crate::sim::Aggregates, g: usize| {
            let c = &agg.goals[g];
            (c.treatment, c.treatment_users)
        };
        let name = &old_side.journey.goals[i].name;
        (
            name.clone(),
            ci95(counts(&paired.first, i), counts(&paired.second, j), m),
        )
    });
    Ok(compare(
        &old_report,
        &new_report,
        moments.collect(),
        &journey,
    ))
}

/// The 95% interval of `r₂ − r₁`, `r = Σ reached ÷ Σ window opened` over the same
/// users, by the delta method (docs/diff.md): each user's influence is
/// `u = (y₂ − r₂·w₂)/S₂ − (y₁ − r₁·w₁)/S₁` and the variance `Σ u²`, a quadratic form
/// of the sums of products `Σ xₚ·x_q` of the user's figures `x = (y₁, w₁, y₂, w₂)`.
/// When every user's figures are equal in both runs the interval is `[0, 0]` exactly.
pub fn ci95(first: (u64, u64), second: (u64, u64), m: &GoalMoments) -> Option<[f64; 2]> {
    let ((y1, s1), (y2, s2)) = (first, second);
    if s1 == 0 || s2 == 0 {
        return None;
    }
    let p = &m.products;
    // Σ (y₁ − y₂)² and Σ (w₁ − w₂)², in whole numbers.
    let same = p[0][0] + p[2][2] == 2 * p[0][2] && p[1][1] + p[3][3] == 2 * p[1][3];
    if same {
        return Some([0.0, 0.0]);
    }
    let (s1, s2) = (s1 as f64, s2 as f64);
    let (r1, r2) = (y1 as f64 / s1, y2 as f64 / s2);
    let e = [-1.0 / s1, r1 / s1, 1.0 / s2, -r2 / s2];
    let mut variance = 0.0;
    for (a, row) in p.iter().enumerate() {
        for (b, &cell) in row.iter().enumerate() {
            variance += e[a] * e[b] * cell as f64;
        }
    }
    let half = 1.959_963_984_540_054 * variance.max(0.0).sqrt();
    let delta = r2 - r1;
    Some([delta - half, delta + half])
}

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

fn compare(
    old: &Report,
    new: &Report,
    moments: Vec<(String, Option<[f64; 2]>)>,
    journey: &str,
) -> Impact {
    let days = new.days;
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
            }
        })
        .collect();
    let (oj, nj) = (
        old.journeys.iter().find(|j| j.name == journey),
        new.journeys.iter().find(|j| j.name == journey),
    );
    let goal_names = union(
        oj.into_iter()
            .flat_map(|j| j.goals.iter().map(|g| g.name.as_str())),
        nj.into_iter()
            .flat_map(|j| j.goals.iter().map(|g| g.name.as_str())),
    );
    let goal = |j: Option<&crate::report::JourneyReport>, name: &str| {
        j.and_then(|j| j.goals.iter().find(|g| g.name == name))
            .cloned()
    };
    let goals = (goal_names.into_iter())
        .map(|name| {
            let (a, b) = (goal(oj, name), goal(nj, name));
            GoalImpact {
                goal: format!("{journey}/{name}"),
                rate: Figure::new(
                    a.as_ref().and_then(|g| g.treatment.rate),
                    b.as_ref().and_then(|g| g.treatment.rate),
                ),
                ci95: (moments.iter())
                    .find(|(n, _)| n == name)
                    .and_then(|(_, ci)| *ci)
                    .map(|ci| ci.map(|x| (x * 1e6).round() / 1e6 + 0.0)),
                lift: Figure::new(a.and_then(|g| g.lift), b.and_then(|g| g.lift)),
            }
        })
        .collect();
    let stages = union(
        oj.into_iter()
            .flat_map(|j| j.funnel.iter().map(|f| f.stage.as_str())),
        nj.into_iter()
            .flat_map(|j| j.funnel.iter().map(|f| f.stage.as_str())),
    );
    let funnel_users = |j: Option<&crate::report::JourneyReport>, stage: &str| {
        j.and_then(|j| j.funnel.iter().find(|f| f.stage == stage))
            .map(|f| f.users as f64)
    };
    let funnel = (stages.into_iter())
        .map(|stage| FunnelImpact {
            stage: stage.to_string(),
            users: Figure::new(funnel_users(oj, stage), funnel_users(nj, stage)),
        })
        .collect();
    let fatigue = |f: fn(&Report) -> Option<u64>| {
        Figure::new(f(old).map(|v| v as f64), f(new).map(|v| v as f64))
    };
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
        journey: journey.to_string(),
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
        teams,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The moments of `n` users, every window open in both runs, `both` reaching the
    /// goal in both, `first` in the first only and `second` in the second only.
    fn moments(
        n: u64,
        both: u64,
        first: u64,
        second: u64,
    ) -> ((u64, u64), (u64, u64), GoalMoments) {
        let mut m = GoalMoments::default();
        let y1 = both + first;
        let y2 = both + second;
        // x = (y₁, w₁, y₂, w₂): Σ y₁² = Σ y₁ and so on for 0/1 figures.
        m.products = [
            [y1, y1, both, y1],
            [y1, n, y2, n],
            [both, y2, y2, y2],
            [y1, n, y2, n],
        ];
        ((y1, n), (y2, n), m)
    }

    #[test]
    fn the_interval_is_the_paired_difference_of_proportions() {
        // 1,000 users: 100 reach the goal in both runs, 30 in the first only, 50 in the
        // second only. D = y₂ − y₁ has mean 0.02 and population variance
        // (30 + 50)/1000 − 0.02² = 0.0796, so the standard error is √(0.0796/1000).
        let (a, b, m) = moments(1000, 100, 30, 50);
        let [lo, hi] = ci95(a, b, &m).unwrap();
        let half = 1.959_963_984_540_054 * (0.0796f64 / 1000.0).sqrt();
        assert!((lo - (0.02 - half)).abs() < 1e-12, "{lo}");
        assert!((hi - (0.02 + half)).abs() < 1e-12, "{hi}");
    }

    #[test]
    fn equal_users_give_a_zero_interval_and_no_window_gives_none() {
        let (a, b, m) = moments(1000, 130, 0, 0);
        assert_eq!(ci95(a, b, &m), Some([0.0, 0.0]));
        assert_eq!(ci95((0, 0), (0, 0), &GoalMoments::default()), None);
    }
}

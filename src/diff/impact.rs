//! The simulated impact: both versions simulated on the same population, seed, users
//! and days, every journey of each together as `journey simulate` runs them (or those
//! `--journey` names), each user in both runs one after the other
//! (`sim::paired::simulate_paired`), so that a user draws the same random numbers in
//! both (common random numbers) and each goal rate's difference gets a paired
//! interval. Every figure is read from the two reports `journey simulate` would write
//! for the same options (src/diff/figures.rs).

use super::figures;
use super::types::Impact;
use super::version::Version;
use crate::check::model::{Journey, Model, Population};
use crate::i18n::{msg, Arg, Lang, Message};
use crate::limits::{self, grouped, MAX_USER_DAYS};
use crate::report::{self, JourneyPart, Meta};
use crate::sim::paired::{simulate_paired, GoalMoments, GoalOf, Side};
use crate::sim::portfolio::{self, Portfolio};
use crate::sim::{Aggregates, Calendar, Program, Run, Time, DAY};
use crate::syntax::ast::Item;

/// What to simulate: `journey simulate`'s options.
#[derive(Clone, Debug, Default)]
pub struct ImpactOptions {
    /// The journeys to simulate (default: every journey of each version).
    pub journeys: Vec<String>,
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

/// NEW's only population, or the one asked for.
fn population(new: &Version, model: &Model, wanted: Option<&str>) -> Result<String, Skip> {
    let names: Vec<&str> = model.populations.iter().map(|p| p.name.as_str()).collect();
    let list = || Arg::NameList(names.iter().map(|n| n.to_string()).collect());
    let file = new.name.as_str();
    match wanted {
        Some(w) if names.contains(&w) => Ok(w.to_string()),
        Some(w) => Err(Skip::Usage(msg!(
            "simulate-no-such",
            file = file,
            kind = "population",
            name = w,
            names = list()
        ))),
        None if names.len() == 1 => Ok(names[0].to_string()),
        None if names.is_empty() => Err(Skip::Note(msg!(
            "diff-nothing-to-simulate",
            kind = "population"
        ))),
        None => Err(Skip::Usage(msg!(
            "simulate-pick-one",
            file = file,
            kind = "population",
            count = names.len(),
            names = list()
        ))),
    }
}

/// The journeys of `model` that `wanted` names (every journey when none is named), in
/// the model's order.
fn chosen<'m>(model: &'m Model, wanted: &[String]) -> Vec<&'m Journey> {
    (model.journeys.iter())
        .filter(|j| wanted.is_empty() || wanted.contains(&j.name))
        .collect()
}

/// A `--journey` that neither version has is a usage error, with NEW's nearest name.
fn known(wanted: &[String], old: &Model, new: &Model, file: &str) -> Result<(), Skip> {
    let has = |m: &Model, w: &str| m.journeys.iter().any(|j| j.name == w);
    let Some(w) = wanted.iter().find(|w| !has(old, w) && !has(new, w)) else {
        return Ok(());
    };
    Err(Skip::Usage(crate::sim::portfolio::no_such_journey(
        new, w, file,
    )))
}

/// OLD with NEW's declaration of population `name` in place of its own (or added to
/// its first file): both versions are simulated on NEW's population.
fn on_new_population(old: &Version, new: &Version, name: &str) -> Version {
    let span_of = |v: &Version| {
        v.parsed.ast.items.iter().find_map(|i| match i {
            Item::Population(p) if p.name.name == name => Some(p.span),
            _ => None,
        })
    };
    let declared = span_of(new).map_or("", |s| &new.text()[s.start..s.end]);
    let (file, text) = match span_of(old) {
        Some(s) => {
            let at = old.map.file_of(s.start);
            let f = &old.map.files[at];
            let (text, from, to) = (&f.source.text, s.start - f.base, s.end - f.base);
            (at, format!("{}{declared}{}", &text[..from], &text[to..]))
        }
        None => (
            0,
            format!("{}\n\n{declared}\n", old.map.files[0].source.text),
        ),
    };
    old.with_file(file, text)
}

/// One version's journeys on the population, ready to run.
struct Plan<'m> {
    model: &'m Model,
    journeys: Vec<&'m Journey>,
    population: &'m Population,
    text: &'m str,
}

impl<'m> Plan<'m> {
    fn new(model: &'m Model, text: &'m str, wanted: &[String], population: &str) -> Plan<'m> {
        Plan {
            model,
            journeys: chosen(model, wanted),
            population: (model.populations.iter())
                .find(|p| p.name == population)
                .expect("the population was put in both versions"),
            text,
        }
    }

    /// The calendar and the programs (joined into a portfolio when there are several),
    /// as `journey simulate` builds them.
    fn programs(&self, horizon: Time) -> Result<(Calendar, Vec<Program<'m>>), Skip> {
        let start = self.population.start;
        let mut cal = Calendar::new(self.journeys[0].timezone, start, horizon);
        let progs = portfolio::programs(
            self.model,
            &self.journeys,
            self.population,
            self.text,
            &mut cal,
        )
        .map_err(Skip::Note)?;
        Ok((cal, progs))
    }
}

fn runs<'a>(progs: &'a [Program<'a>], cal: &'a Calendar, seed: u64, horizon: Time) -> Vec<Run<'a>> {
    (progs.iter())
        .map(|prog| Run {
            prog,
            cal,
            seed,
            horizon,
        })
        .collect()
}

/// The runs of one version's programs, as one side of the paired run.
fn side<'a>(runs: &[Run<'a>]) -> Side<'a> {
    match runs {
        [run] => Side::One(*run),
        _ => Side::Many(Portfolio::new(runs.to_vec())),
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
    let wanted = &options.journeys;
    known(wanted, old_model, new_model, &new.name)?;
    let population = population(new, new_model, options.population.as_deref())?;
    let old_on_new = on_new_population(old, new, &population);
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
    let new_plan = Plan::new(new_model, new.text(), wanted, &population);
    let old_plan = Plan::new(old_model, old_text, wanted, &population);
    if new_plan.journeys.is_empty() {
        return Err(Skip::Note(msg!(
            "diff-nothing-to-simulate",
            kind = "journey"
        )));
    }
    if old_plan.journeys.is_empty() {
        let names = new_plan.journeys.iter().map(|j| j.name.clone());
        return Err(Skip::Note(msg!(
            "diff-journey-is-new",
            journeys = crate::i18n::Arg::AllNames(names.collect())
        )));
    }
    let p = new_plan.population;
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
    let (old_cal, old_progs) = old_plan.programs(horizon)?;
    let (new_cal, new_progs) = new_plan.programs(horizon)?;
    let runs = |progs, cal| runs(progs, cal, options.seed, horizon);
    let (old_runs, new_runs) = (runs(&old_progs, &old_cal), runs(&new_progs, &new_cal));
    let pairs = goal_pairs(&old_plan.journeys, &new_plan.journeys);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.unwrap_or(0) as usize)
        .build()
        .map_err(|e| Skip::Usage(msg!("simulate-no-threads", reason = e.to_string())))?;
    let (old_side, new_side) = (side(&old_runs), side(&new_runs));
    let goals: Vec<(GoalOf, GoalOf)> = pairs.iter().map(|(_, pair)| *pair).collect();
    let paired = pool.install(|| simulate_paired(&old_side, &new_side, &goals, 0..users));
    let report = |runs: &[Run], aggs: Vec<Aggregates>, text| {
        let parts: Vec<JourneyPart> = (runs.iter().zip(aggs))
            .map(|(run, aggregates)| JourneyPart {
                meta: Meta::new(run, users, days as u32, text),
                aggregates,
            })
            .collect();
        report::build_all(&parts, lang)
    };
    let intervals = (pairs.iter().zip(&paired.goals))
        .map(|((name, (g1, g2)), m)| {
            let counts = |aggs: &[Aggregates], (j, g): GoalOf| {
                let c = &aggs[j].goals[g];
                (c.treatment, c.treatment_users)
            };
            let ci = ci95(counts(&paired.first, *g1), counts(&paired.second, *g2), m);
            (name.clone(), ci)
        })
        .collect();
    let old_report = report(&old_runs, paired.first, old_text);
    let new_report = report(&new_runs, paired.second, new.text());
    Ok(figures::compare(&old_report, &new_report, intervals))
}

/// The goals of both versions' journeys that have the same journey and goal name:
/// `JOURNEY/GOAL`, and where each is in its side.
fn goal_pairs(old: &[&Journey], new: &[&Journey]) -> Vec<(String, (GoalOf, GoalOf))> {
    let mut out = Vec::new();
    for (nj, journey) in new.iter().enumerate() {
        let Some(oj) = old.iter().position(|o| o.name == journey.name) else {
            continue;
        };
        for (ng, goal) in journey.goals.iter().enumerate() {
            if let Some(og) = old[oj].goals.iter().position(|g| g.name == goal.name) {
                let name = format!("{}/{}", journey.name, goal.name);
                out.push((name, ((oj, og), (nj, ng))));
            }
        }
    }
    out
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

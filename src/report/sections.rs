//! The report's facts as titled sections of rows: what every human-readable format
//! (text, markdown, html) lays out.

use super::*;
use crate::sim::loops::loop_text;

/// A titled table.
pub struct Section {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Section {
    /// Whether column `c` holds numbers (right-aligned) rather than text.
    pub fn numeric(&self, c: usize) -> bool {
        c > 0
            && self.rows.iter().all(|r| {
                r.get(c).is_none_or(|cell| {
                    cell.is_empty()
                        || cell.starts_with(|ch: char| ch.is_ascii_digit() || "+-–".contains(ch))
                })
            })
    }

    fn new(title: impl Into<String>, headers: &[&str], rows: Vec<Vec<String>>) -> Section {
        Section {
            title: title.into(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows,
        }
    }
}

pub fn pct(x: Option<f64>) -> String {
    x.map_or("–".into(), |x| format!("{:.1}%", x * 100.0))
}

fn interval(ci: Option<[f64; 2]>) -> String {
    ci.map_or("–".into(), |[lo, hi]| {
        format!("{:.1}–{:.1}%", lo * 100.0, hi * 100.0)
    })
}

fn hours(x: Option<f64>) -> String {
    match x {
        None => "–".into(),
        Some(h) if h >= 48.0 => format!("{:.1}d", h / 24.0),
        Some(h) => format!("{h:.1}h"),
    }
}

/// The run in a few lines.
pub fn summary(r: &Report) -> Vec<String> {
    let mut lines = vec![
        format!(
            "journey {} · population {} · seed {}",
            r.journeys[0].name, r.population, r.seed
        ),
        format!(
            "{} users · {} days from {} ({}) · {} arrived · {} entered ({} in the holdout)",
            r.users,
            r.days,
            r.start,
            r.timezone,
            r.arrived,
            r.journeys[0].users,
            r.journeys[0].holdout
        ),
    ];
    if r.journeys[0].stopped > 0 {
        lines.push(format!(
            "warning: {} users were stopped by a rule loop (too many steps at one moment); \
             see Rule loops",
            r.journeys[0].stopped
        ));
    }
    lines
}

pub fn sections(r: &Report) -> Vec<Section> {
    let j = &r.journeys[0];
    let mut out = vec![goals(j), stages(j), loops(j), touchpoints(r)];
    out.extend(j.splits.iter().map(split));
    out.push(teams(r));
    out.push(daily(r));
    out.push(paths(j));
    out.retain(|s| !s.rows.is_empty());
    out
}

fn goals(r: &JourneyReport) -> Section {
    let mut rows = Vec::new();
    for g in &r.goals {
        for (i, (group, x)) in [("treatment", &g.treatment), ("holdout", &g.holdout)]
            .into_iter()
            .enumerate()
        {
            rows.push(vec![
                if i == 0 {
                    g.name.clone()
                } else {
                    String::new()
                },
                group.into(),
                x.users.to_string(),
                x.reached.to_string(),
                pct(x.rate),
                interval(x.ci95),
            ]);
        }
        rows.push(vec![
            String::new(),
            "lift".into(),
            String::new(),
            String::new(),
            g.lift
                .map_or("–".into(), |l| format!("{:+.1} pts", l * 100.0)),
            g.lift_relative
                .map_or(String::new(), |l| format!("{:+.1}%", l * 100.0)),
        ]);
    }
    Section::new(
        "Goals",
        &["goal", "group", "users", "reached", "rate", "95% CI"],
        rows,
    )
}

fn stages(r: &JourneyReport) -> Section {
    let rows = r
        .stages
        .iter()
        .map(|s| {
            let exits: Vec<String> = s.exits.0.iter().map(|(k, n)| format!("{k} {n}")).collect();
            vec![
                s.name.clone(),
                s.entered.to_string(),
                s.users.to_string(),
                hours(s.dwell_hours.median),
                hours(s.dwell_hours.p90),
                exits.join(", "),
            ]
        })
        .collect();
    Section::new(
        "Stages",
        &[
            "stage",
            "entered",
            "users",
            "median dwell",
            "p90 dwell",
            "left to",
        ],
        rows,
    )
}

fn loops(r: &JourneyReport) -> Section {
    let rows = r
        .loops
        .iter()
        .map(|l| {
            let names: Vec<&str> = l.stages.iter().map(String::as_str).collect();
            vec![loop_text(&names), l.users.to_string()]
        })
        .collect();
    Section::new("Rule loops", &["loop", "users stopped"], rows)
}

fn touchpoints(r: &Report) -> Section {
    let rows = r
        .touchpoints
        .iter()
        .map(|t| {
            vec![
                t.name.clone(),
                t.sent.to_string(),
                t.deferred.to_string(),
                t.capped.to_string(),
                t.suppressed.to_string(),
                format!("{:.2}", t.cost),
            ]
        })
        .collect();
    Section::new(
        "Touchpoints",
        &[
            "touchpoint",
            "sent",
            "deferred",
            "capped",
            "suppressed",
            "cost",
        ],
        rows,
    )
}

fn split(s: &SplitReport) -> Section {
    let goal_names: Vec<&str> = s
        .arms
        .first()
        .map(|a| a.goal_rates.0.iter().map(|(g, _)| g.as_str()).collect())
        .unwrap_or_default();
    let mut headers = vec!["arm", "users"];
    headers.extend(goal_names);
    let rows = s
        .arms
        .iter()
        .map(|a| {
            let mut row = vec![a.name.clone(), a.users.to_string()];
            row.extend(
                a.goal_rates
                    .0
                    .iter()
                    .zip(&a.goal_ci95.0)
                    .map(|((_, x), (_, ci))| format!("{} ({})", pct(*x), interval(*ci))),
            );
            row
        })
        .collect();
    Section::new(format!("Split in {}", s.stage), &headers, rows)
}

fn teams(r: &Report) -> Section {
    let rows = r
        .teams
        .iter()
        .map(|t| {
            vec![
                t.name.clone(),
                format!("{}/day", t.capacity),
                t.created.to_string(),
                t.done.to_string(),
                t.peak_backlog.to_string(),
                t.backlog_end.to_string(),
            ]
        })
        .collect();
    Section::new(
        "Teams",
        &[
            "team",
            "capacity",
            "tasks",
            "done",
            "peak backlog",
            "backlog at end",
        ],
        rows,
    )
}

fn daily(r: &Report) -> Section {
    let Some(first) = r.daily.first() else {
        return Section::new("", &[], Vec::new());
    };
    let mut headers: Vec<String> = vec!["day".into()];
    headers.extend(first.sends.0.iter().map(|(k, _)| k.clone()));
    headers.extend(first.goals.0.iter().map(|(k, _)| format!("goal {k}")));
    headers.extend(r.teams.iter().map(|t| format!("{} backlog", t.name)));
    let rows = r
        .daily
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut row = vec![d.day.clone()];
            row.extend(d.sends.0.iter().map(|(_, n)| n.to_string()));
            row.extend(d.goals.0.iter().map(|(_, n)| n.to_string()));
            row.extend(r.teams.iter().map(|t| t.daily[i].backlog.to_string()));
            row
        })
        .collect();
    Section {
        title: "Daily sends, goal conversions and team backlog".into(),
        headers,
        rows,
    }
}

fn paths(r: &JourneyReport) -> Section {
    let rows = r
        .paths
        .iter()
        .map(|p| {
            let mut path = p.stages.join(" → ");
            if p.truncated {
                path.push_str(" → …");
            }
            vec![p.count.to_string(), path]
        })
        .collect();
    Section::new("Most common paths", &["entries", "path"], rows)
}

//! The report as aligned text tables for a terminal (CJK characters count as two
//! columns).

use super::*;
use unicode_width::UnicodeWidthStr;

/// Column alignment.
#[derive(Clone, Copy, PartialEq)]
enum Align {
    Left,
    Right,
}

/// Lays out rows under headers; the first column is left-aligned, the rest right.
fn table(out: &mut String, title: &str, headers: &[&str], rows: &[Vec<String>]) {
    if rows.is_empty() {
        return;
    }
    let cols = headers.len();
    let align = |c: usize| if c == 0 { Align::Left } else { Align::Right };
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    for row in rows {
        for (c, cell) in row.iter().enumerate().take(cols) {
            widths[c] = widths[c].max(cell.width());
        }
    }
    out.push_str(&format!("\n{title}\n"));
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut s = String::new();
        for (c, cell) in cells.enumerate() {
            let pad = " ".repeat(widths[c] - cell.width());
            if c > 0 {
                s.push_str("  ");
            }
            match align(c) {
                Align::Left => {
                    s.push_str(cell);
                    s.push_str(&pad);
                }
                Align::Right => {
                    s.push_str(&pad);
                    s.push_str(cell);
                }
            }
        }
        s.trim_end().to_string() + "\n"
    };
    out.push_str(&line(&mut headers.iter().copied()));
    let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
    out.push_str(&line(&mut rule.iter().map(String::as_str)));
    for row in rows {
        out.push_str(&line(&mut row.iter().map(String::as_str)));
    }
}

fn pct(x: Option<f64>) -> String {
    x.map_or("–".into(), |x| format!("{:.1}%", x * 100.0))
}

fn hours(x: Option<f64>) -> String {
    match x {
        None => "–".into(),
        Some(h) if h >= 48.0 => format!("{:.1}d", h / 24.0),
        Some(h) => format!("{h:.1}h"),
    }
}

pub fn render(r: &Report) -> String {
    let mut out = format!(
        "journey {} · population {} · seed {}\n{} users · {} days from {} ({}) · {} arrived · {} entered ({} in the holdout)\n",
        r.journey,
        r.population,
        r.seed,
        r.users,
        r.days,
        r.start,
        r.timezone,
        r.arrived,
        r.entered,
        r.holdout
    );
    if r.stopped > 0 {
        out.push_str(&format!(
            "warning: {} users were stopped by a rule loop (too many steps at one moment)\n",
            r.stopped
        ));
    }
    let mut rows = Vec::new();
    for g in &r.goals {
        for (group, x) in [("treatment", &g.treatment), ("holdout", &g.holdout)] {
            rows.push(vec![
                if group == "treatment" {
                    g.name.clone()
                } else {
                    String::new()
                },
                group.into(),
                x.users.to_string(),
                x.reached.to_string(),
                pct(x.rate),
                x.ci95.map_or("–".into(), |[lo, hi]| {
                    format!("{:.1}–{:.1}%", lo * 100.0, hi * 100.0)
                }),
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
    table(
        &mut out,
        "Goals",
        &["goal", "group", "users", "reached", "rate", "95% CI"],
        &rows,
    );

    let rows: Vec<Vec<String>> = r
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
    table(
        &mut out,
        "Stages",
        &[
            "stage",
            "entered",
            "users",
            "median dwell",
            "p90 dwell",
            "left to",
        ],
        &rows,
    );

    let rows: Vec<Vec<String>> = r
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
    table(
        &mut out,
        "Touchpoints",
        &[
            "touchpoint",
            "sent",
            "deferred",
            "capped",
            "suppressed",
            "cost",
        ],
        &rows,
    );

    for s in &r.splits {
        let goal_names: Vec<&str> = s
            .arms
            .first()
            .map(|a| a.goal_rates.0.iter().map(|(g, _)| g.as_str()).collect())
            .unwrap_or_default();
        let mut headers = vec!["arm", "users"];
        headers.extend(goal_names);
        let rows: Vec<Vec<String>> = s
            .arms
            .iter()
            .map(|a| {
                let mut row = vec![a.name.clone(), a.users.to_string()];
                row.extend(a.goal_rates.0.iter().map(|(_, x)| pct(*x)));
                row
            })
            .collect();
        table(&mut out, &format!("Split in {}", s.stage), &headers, &rows);
    }

    let rows: Vec<Vec<String>> = r
        .teams
        .iter()
        .map(|t| {
            vec![
                t.name.clone(),
                format!("{}/day", t.capacity),
                t.tasks.to_string(),
                t.done.to_string(),
                t.peak_backlog.to_string(),
                t.backlog_at_end.to_string(),
            ]
        })
        .collect();
    table(
        &mut out,
        "Teams",
        &[
            "team",
            "capacity",
            "tasks",
            "done",
            "peak backlog",
            "backlog at end",
        ],
        &rows,
    );

    if let Some(first) = r.daily.first() {
        let mut headers = vec!["day"];
        headers.extend(first.sends.0.iter().map(|(k, _)| k.as_str()));
        let goal_headers: Vec<String> = first
            .goals
            .0
            .iter()
            .map(|(k, _)| format!("goal {k}"))
            .collect();
        headers.extend(goal_headers.iter().map(String::as_str));
        let team_headers: Vec<String> = r
            .teams
            .iter()
            .map(|t| format!("{} backlog", t.name))
            .collect();
        headers.extend(team_headers.iter().map(String::as_str));
        let rows: Vec<Vec<String>> = r
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
        table(
            &mut out,
            "Daily sends, goal conversions and team backlog",
            &headers,
            &rows,
        );
    }

    let rows: Vec<Vec<String>> = r
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
    table(&mut out, "Most common paths", &["entries", "path"], &rows);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_counts_two_columns() {
        let mut out = String::new();
        let rows = vec![
            vec!["新手".to_string(), "1".to_string()],
            vec!["ab".to_string(), "22".to_string()],
        ];
        table(&mut out, "T", &["stage", "n"], &rows);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[4], "新手    1");
        assert_eq!(lines[5], "ab     22");
    }
}

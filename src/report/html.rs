//! The report as one self-contained HTML page (inline CSS and SVG, no scripts, no
//! network): charts first — stage funnel, daily sends by touchpoint, goal rates with
//! intervals, team backlog — then every table.

use super::sections::{sections, summary, RenderOptions};
use super::svg::{self, escape};
use super::Report;
use std::fmt::Write;

const STYLE: &str = "
body { font-family: -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', 'Segoe UI', sans-serif;
       margin: 2rem auto; max-width: 820px; color: #222; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
p.note { color: #555; margin: .2rem 0; }
p.warn { color: #b00; }
table { border-collapse: collapse; font-size: .9rem; margin: .5rem 0; }
th, td { padding: .25rem .6rem; border-bottom: 1px solid #eee; text-align: left; white-space: nowrap; }
td:last-child:not(.n) { white-space: normal; }
th.n, td.n { text-align: right; }
th { background: #f6f6f6; }
details { margin: .5rem 0; }
svg { max-width: 100%; height: auto; }
svg .label { font-size: 13px; fill: #222; }
svg .value { font-size: 12px; fill: #444; }
svg .tick { font-size: 11px; fill: #666; }
svg .grid { stroke: #e6e6e6; }
";

pub fn render(r: &Report) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body>\n<h1>Simulation of {}</h1>\n",
        escape(&format!("{} — journey simulation", r.journeys[0].name)),
        escape(&r.journeys[0].name)
    );
    let summary = summary(r);
    let lines = (summary.lines.iter().map(|l| ("note", l)))
        .chain(summary.warnings.iter().map(|l| ("warn", l)));
    for (class, line) in lines {
        let _ = writeln!(out, "<p class=\"{class}\">{}</p>", escape(line));
    }
    charts(&mut out, r);
    for s in sections(r, RenderOptions::default()) {
        let long = s.rows.len() > 20;
        if long {
            let _ = write!(
                out,
                "<details><summary><b>{}</b> ({} rows)</summary>",
                escape(&s.title),
                s.rows.len()
            );
        } else {
            let _ = write!(out, "<h2>{}</h2>", escape(&s.title));
        }
        let class = |c: usize| if s.numeric(c) { " class=\"n\"" } else { "" };
        out.push_str("<table><tr>");
        for (c, h) in s.headers.iter().enumerate() {
            let _ = write!(out, "<th{}>{}</th>", class(c), escape(h));
        }
        out.push_str("</tr>");
        for row in &s.rows {
            out.push_str("<tr>");
            for (c, cell) in row.iter().enumerate() {
                let _ = write!(out, "<td{}>{}</td>", class(c), escape(cell));
            }
            out.push_str("</tr>");
        }
        out.push_str("</table>");
        out.push_str(if long { "</details>\n" } else { "\n" });
    }
    out.push_str("</body></html>\n");
    out
}

fn charts(out: &mut String, r: &Report) {
    let section = |out: &mut String, title: &str, note: &str, chart: String| {
        let _ = writeln!(
            out,
            "<h2>{}</h2><p class=\"note\">{}</p>{chart}",
            escape(title),
            escape(note)
        );
    };
    let funnel: Vec<(String, u64)> = r.journeys[0]
        .stages
        .iter()
        .map(|s| (s.name.clone(), s.users))
        .collect();
    section(
        out,
        "Stage funnel",
        "Users who reached each stage at least once.",
        svg::bars(&funnel),
    );
    let days: Vec<String> = r.daily.iter().map(|d| d.day.clone()).collect();
    let series: Vec<(String, Vec<u64>)> = r
        .touchpoints
        .iter()
        .enumerate()
        .map(|(i, tp)| {
            let values = r.daily.iter().map(|d| d.sends.0[i].1).collect();
            (tp.name.clone(), values)
        })
        .collect();
    section(
        out,
        "Daily sends by touchpoint",
        "Messages that went out each local day, stacked by touchpoint.",
        svg::stacked(&days, &series),
    );
    let mut rows = Vec::new();
    for (g, goal) in r.journeys[0].goals.iter().enumerate() {
        rows.push((
            format!("{} · treatment", goal.name),
            goal.treatment.rate,
            goal.treatment.ci95,
        ));
        rows.push((
            format!("{} · holdout", goal.name),
            goal.holdout.rate,
            goal.holdout.ci95,
        ));
        for split in &r.journeys[0].splits {
            for arm in &split.arms {
                rows.push((
                    format!("{} · {} arm {}", goal.name, split.stage, arm.name),
                    arm.goal_rates.0[g].1,
                    arm.goal_ci95.0[g].1,
                ));
            }
        }
    }
    if !rows.is_empty() {
        section(
            out,
            "Goal rates",
            "Share of users who reached each goal, with 95% Wilson intervals, for treatment, \
             holdout and each split arm.",
            svg::intervals(&rows),
        );
    }
    for team in &r.teams {
        let created: Vec<u64> = team.daily.iter().map(|d| d.created).collect();
        let backlog: Vec<u64> = team.daily.iter().map(|d| d.backlog).collect();
        section(
            out,
            &format!("Team {}: tasks and backlog", team.name),
            &format!(
                "Tasks created per day, the backlog carried to the next day, and the capacity of {} a day.",
                team.capacity
            ),
            svg::bars_and_line(&days, &created, &backlog, team.capacity as u64),
        );
    }
}

//! The report as one self-contained HTML page (inline CSS and SVG, no scripts, no
//! network) in the reader's language (`Report.lang`): a note on how to read it, the
//! charts — funnel, goals and splits with intervals, sends per touchpoint as small
//! multiples, each team's queue, fatigue, exit reasons — then every table of
//! [`sections`]. Printed, it fits A4 and no chart is cut across pages.

use super::sections::{pct, sections, signed_points as points, summary, RenderOptions, Section};
use super::svg::{self, escape};
use super::*;
use crate::i18n::{msg, words, Lang, Message};
use std::fmt::Write;

const STYLE: &str = "
body { font-family: -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC',
       'Source Han Sans SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Segoe UI', Roboto,
       sans-serif;
       margin: 2rem auto; max-width: 900px; color: #222; line-height: 1.5; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin: 1.8rem 0 .3rem; border-bottom: 1px solid #ddd;
     padding-bottom: .2rem; break-after: avoid; }
p { margin: .2rem 0; }
p.note { color: #555; }
.reading { background: #f7f7f4; padding: .2rem 1rem .6rem; border-radius: 4px; }
.reading dl { margin: .3rem 0; }
.reading dt { font-weight: 600; margin-top: .4rem; }
.reading dd { margin: 0 0 0 1rem; color: #444; }
.chart { break-inside: avoid; }
ul.findings { margin: .4rem 0; padding-left: 1.2rem; }
.multiples { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: .6rem 1rem; }
.multiples svg { break-inside: avoid; }
svg { max-width: 100%; height: auto; display: block; }
svg .label { font-size: 13px; fill: #222; }
svg .strong { font-weight: 600; }
svg .value { font-size: 12px; fill: #444; }
svg .tick { font-size: 11px; fill: #666; }
svg .right { fill: #e15759; }
svg .grid { stroke: #e6e6e6; }
svg .axis { stroke: #bbb; }
table { border-collapse: collapse; font-size: .88rem; margin: .5rem 0; max-width: 100%; }
th, td { padding: .25rem .5rem; border-bottom: 1px solid #eee; text-align: left;
         overflow-wrap: anywhere; }
th.n, td.n { text-align: right; white-space: nowrap; }
th { background: #f6f6f6; font-weight: 600; }
table, tr { break-inside: avoid; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  h2 { margin-top: 1.2rem; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
}
";

pub fn render(r: &Report) -> String {
    let page = Page {
        r,
        lang: r.lang.parse().unwrap_or_default(),
    };
    page.render()
}

struct Page<'a> {
    r: &'a Report,
    lang: Lang,
}

impl Page<'_> {
    fn words(&self, m: Message) -> String {
        words(&m, self.lang)
    }

    /// A name and its label as the file spells them, label first.
    fn labelled(&self, name: &str, label: Option<&str>) -> String {
        match label {
            Some(label) => self.words(msg!("html-labelled", label = label, name = name)),
            None => name.to_string(),
        }
    }

    fn render(&self) -> String {
        let r = self.r;
        let names: Vec<String> = (r.journeys.iter())
            .map(|j| self.labelled(&j.name, j.label.as_deref()))
            .collect();
        let journey = names.join(" · ");
        let html_lang = match self.lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        };
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"{html_lang}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{}</title><style>{STYLE}</style></head><body>\n<h1>{}</h1>\n",
            escape(&self.words(msg!("html-title", journey = &journey))),
            escape(&self.words(msg!("html-heading", journey = &journey)))
        );
        let summary = summary(r);
        let lines = (summary.lines.iter().map(|l| ("note", l)))
            .chain(summary.warnings.iter().map(|l| ("warn", l)));
        for (class, line) in lines {
            let _ = writeln!(out, "<p class=\"{class}\">{}</p>", escape(line));
        }
        self.reading(&mut out);
        for j in &r.journeys {
            self.funnel(&mut out, j);
            self.goals(&mut out, j);
        }
        self.sends(&mut out);
        for team in &r.teams {
            self.team(&mut out, team);
        }
        self.fatigue(&mut out);
        self.exit_reasons(&mut out);
        for s in sections(r, RenderOptions::default()) {
            table(&mut out, &s);
        }
        out.push_str("</body></html>\n");
        out
    }

    fn reading(&self, out: &mut String) {
        let _ = write!(
            out,
            "<section class=\"reading\"><h2>{}</h2><dl>",
            escape(&self.words(msg!("html-reading-heading")))
        );
        let entries = [
            (
                msg!("html-reading-holdout-term"),
                msg!("html-reading-holdout"),
            ),
            (msg!("html-reading-lift-term"), msg!("html-reading-lift")),
            (
                msg!("html-reading-interval-term"),
                msg!("html-reading-interval"),
            ),
            (msg!("html-reading-split-term"), msg!("html-reading-split")),
        ];
        let has_splits = self.r.journeys.iter().any(|j| !j.splits.is_empty());
        for (term, text) in entries.into_iter().take(if has_splits { 4 } else { 3 }) {
            let _ = write!(
                out,
                "<dt>{}</dt><dd>{}</dd>",
                escape(&self.words(term)),
                escape(&self.words(text))
            );
        }
        out.push_str("</dl></section>\n");
    }

    /// A chart under its heading and note; `title` is also the chart's own title.
    fn chart(&self, out: &mut String, title: &str, note: &str, body: &str) {
        let _ = writeln!(
            out,
            "<section class=\"chart\"><h2>{}</h2><p class=\"note\">{}</p>{body}</section>",
            escape(title),
            escape(note)
        );
    }

    /// A chart's title, with the journey's name when the report has several.
    fn title(&self, j: &JourneyReport, title: Message) -> String {
        let title = self.words(title);
        match self.r.journeys.len() {
            1 => title,
            _ => format!("{} · {title}", self.labelled(&j.name, j.label.as_deref())),
        }
    }

    fn funnel(&self, out: &mut String, j: &JourneyReport) {
        if j.funnel.is_empty() {
            return;
        }
        let steps: Vec<svg::Step> = (j.funnel.iter())
            .map(|f| {
                let label = j.stages.iter().find(|s| s.name == f.stage);
                svg::Step {
                    label: self.labelled(&f.stage, label.and_then(|s| s.label.as_deref())),
                    users: f.users,
                    rates: self.words(msg!(
                        "html-funnel-rates",
                        entry = pct(f.rate_from_entry),
                        previous = pct(f.rate_from_previous)
                    )),
                }
            })
            .collect();
        let title = self.title(j, msg!("html-funnel-title"));
        let note = self.words(msg!("html-funnel-note"));
        self.chart(out, &title, &note, &svg::funnel(&title, &steps));
    }

    fn goals(&self, out: &mut String, j: &JourneyReport) {
        let mut rows = Vec::new();
        let mut findings = Vec::new();
        for (g, goal) in j.goals.iter().enumerate() {
            let name = goal.name.as_str();
            let (t, h) = (&goal.treatment, &goal.holdout);
            let label = self.words(msg!("html-group-treatment", goal = name));
            rows.push((label, t.rate, t.ci95));
            let label = self.words(msg!("html-group-holdout", goal = name));
            rows.push((label, h.rate, h.ci95));
            for split in &j.splits {
                for arm in &split.arms {
                    let label = self.words(msg!(
                        "html-group-arm",
                        goal = name,
                        split = &split.name,
                        arm = &arm.name
                    ));
                    let rate = arm.goal_rates.0.get(g).and_then(|x| x.1);
                    let ci = arm.goal_ci95.0.get(g).and_then(|x| x.1);
                    rows.push((label, rate, ci));
                }
            }
            findings.push(self.lift(goal));
        }
        for split in &j.splits {
            findings.extend(split.comparisons.iter().map(|c| self.comparison(split, c)));
        }
        if rows.is_empty() {
            return;
        }
        let title = self.title(j, msg!("html-goals-title"));
        let note = self.words(msg!("html-goals-note"));
        let mut body = svg::intervals(&title, &rows);
        body.push_str("<ul class=\"findings\">");
        for line in findings {
            let _ = write!(body, "<li>{}</li>", escape(&line));
        }
        body.push_str("</ul>");
        self.chart(out, &title, &note, &body);
    }

    /// Whether an interval leaves out zero, in words.
    fn verdict(&self, ci: [f64; 2]) -> Message {
        if ci[0] > 0.0 || ci[1] < 0.0 {
            msg!("html-verdict-clear")
        } else {
            msg!("html-verdict-unclear")
        }
    }

    fn lift(&self, goal: &GoalReport) -> String {
        let (Some(lift), Some(ci)) = (goal.lift, goal.lift_ci95) else {
            return self.words(msg!("html-lift-unknown", goal = &goal.name));
        };
        self.words(msg!(
            "html-lift",
            goal = &goal.name,
            lift = points(lift),
            relative = goal
                .lift_relative
                .map_or("–".into(), |l| format!("{:+.1}%", l * 100.0)),
            low = points(ci[0]),
            high = points(ci[1]),
            verdict = self.verdict(ci)
        ))
    }

    fn comparison(&self, split: &SplitReport, c: &Comparison) -> String {
        let (Some(lift), Some(ci)) = (c.lift, c.ci95) else {
            return self.words(msg!("html-lift-unknown", goal = &c.goal));
        };
        let verdict = if ci[0] > 0.0 || ci[1] < 0.0 {
            let winner = if lift > 0.0 { &c.arm } else { &c.baseline };
            msg!("html-comparison-wins", arm = winner)
        } else {
            match c.users_needed {
                Some(users) => msg!("html-comparison-unclear-needed", users = users.to_string()),
                None => msg!("html-comparison-unclear"),
            }
        };
        self.words(msg!(
            "html-comparison",
            goal = &c.goal,
            split = &split.name,
            arm = &c.arm,
            baseline = &c.baseline,
            lift = points(lift),
            low = points(ci[0]),
            high = points(ci[1]),
            p = c.p_value.map_or("–".into(), p_value),
            verdict = verdict
        ))
    }

    fn sends(&self, out: &mut String) {
        let r = self.r;
        if r.touchpoints.is_empty() || r.daily.is_empty() {
            return;
        }
        let days: Vec<String> = r.daily.iter().map(|d| d.day.clone()).collect();
        let mut body = String::from("<div class=\"multiples\">");
        for (i, tp) in r.touchpoints.iter().enumerate() {
            let values: Vec<u64> = (r.daily.iter())
                .map(|d| d.sends.0.get(i).map_or(0, |x| x.1))
                .collect();
            let sub = self.words(msg!(
                "html-sends-sub",
                channel = &tp.channel,
                sent = tp.sent.to_string()
            ));
            let heading = self.labelled(&tp.name, tp.label.as_deref());
            body.push_str(&svg::small_daily(&heading, &sub, &days, &values));
        }
        body.push_str("</div>");
        let title = self.words(msg!("html-sends-title"));
        let note = self.words(msg!("html-sends-note"));
        // The small charts may go to the next page one by one: no `chart` section.
        let _ = writeln!(
            out,
            "<h2>{}</h2><p class=\"note\">{}</p>{body}",
            escape(&title),
            escape(&note)
        );
    }

    fn team(&self, out: &mut String, team: &TeamReport) {
        let days: Vec<String> = team.daily.iter().map(|d| d.day.clone()).collect();
        let column = |f: fn(&TeamDay) -> u64| team.daily.iter().map(f).collect::<Vec<u64>>();
        let (created, done, backlog) = (
            column(|d| d.created),
            column(|d| d.done),
            column(|d| d.backlog),
        );
        let legend = [
            self.words(msg!("html-legend-created")),
            self.words(msg!("html-legend-done")),
            self.words(msg!(
                "html-legend-capacity",
                capacity = team.capacity.to_string()
            )),
            self.words(msg!("html-legend-backlog")),
        ];
        let name = self.labelled(&team.name, team.label.as_deref());
        let title = self.words(msg!("html-team-title", team = name));
        let chart = svg::queue(&svg::Queue {
            title: &title,
            days: &days,
            created: &created,
            done: &done,
            backlog: &backlog,
            capacity: team.capacity as u64,
            legend: legend.each_ref().map(String::as_str),
        });
        let mut notes = vec![self.words(msg!("html-team-note"))];
        if let (Some(p50), Some(p90)) = (team.wait_hours.p50, team.wait_hours.p90) {
            notes.push(self.words(msg!(
                "html-team-waits",
                p50 = format!("{p50:.1}"),
                p90 = format!("{p90:.1}")
            )));
        }
        if team.dropped + team.suppressed > 0 {
            notes.push(self.words(msg!(
                "html-team-dropped",
                dropped = team.dropped.to_string(),
                suppressed = team.suppressed.to_string()
            )));
        }
        if let Some(share) = team.within_sla {
            notes.push(self.words(msg!("html-team-sla", share = pct(Some(share)))));
        }
        if let Some(capacity) = team.suggested_capacity {
            let capacity = capacity.to_string();
            // Without service levels, capacity is judged by the backlog it leaves.
            notes.push(self.words(match team.within_sla {
                Some(_) => msg!("html-team-suggested", capacity = capacity),
                None => msg!("html-team-suggested-backlog", capacity = capacity),
            }));
        }
        self.chart(out, &title, &notes.join(" "), &chart);
    }

    fn fatigue(&self, out: &mut String) {
        let f = &self.r.fatigue;
        if f.histogram.is_empty() {
            return;
        }
        let q = &f.sends_per_user_day;
        let show = |x: Option<u64>| x.map_or("–".into(), |x| x.to_string());
        let title = self.words(msg!("html-fatigue-title"));
        let note = self.words(msg!(
            "html-fatigue-note",
            p50 = show(q.p50),
            p95 = show(q.p95),
            max = show(q.max)
        ));
        let buckets: Vec<(u64, u64)> = f.histogram.iter().map(|b| (b.sends, b.user_days)).collect();
        let axis = self.words(msg!("html-fatigue-axis"));
        self.chart(out, &title, &note, &svg::histogram(&title, &axis, &buckets));
    }

    fn exit_reasons(&self, out: &mut String) {
        let mut reasons: Vec<(String, u64)> = Vec::new();
        let stages = self.r.journeys.iter().flat_map(|j| &j.stages);
        for (reason, n) in stages.flat_map(|s| &s.exit_reasons.0) {
            match reasons.iter_mut().find(|(r, _)| r == reason) {
                Some((_, total)) => *total += n,
                None => reasons.push((reason.clone(), *n)),
            }
        }
        if reasons.is_empty() {
            return;
        }
        // Most visits first; the sort is stable, so ties stay in the order first met.
        reasons.sort_by_key(|r| std::cmp::Reverse(r.1));
        let title = self.words(msg!("html-exits-title"));
        let note = self.words(msg!("html-exits-note"));
        self.chart(out, &title, &note, &svg::bars(&title, &reasons));
    }
}

fn p_value(p: f64) -> String {
    if p < 0.001 {
        "< 0.001".into()
    } else {
        format!("{p:.3}")
    }
}

/// A section as a table under its heading, numbers right-aligned, and its notes.
fn table(out: &mut String, s: &Section) {
    if s.rows.is_empty() {
        return;
    }
    let class = |c: usize| if s.numeric(c) { " class=\"n\"" } else { "" };
    let _ = write!(out, "<h2>{}</h2><table><thead><tr>", escape(&s.title));
    for (c, h) in s.headers.iter().enumerate() {
        let _ = write!(out, "<th{}>{}</th>", class(c), escape(h));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &s.rows {
        out.push_str("<tr>");
        for (c, cell) in row.iter().enumerate() {
            let _ = write!(out, "<td{}>{}</td>", class(c), escape(cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>\n");
    for note in &s.notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(users: u64, reached: u64) -> GroupReport {
        let rate = reached as f64 / users as f64;
        GroupReport {
            users,
            reached,
            rate: Some(rate),
            ci95: Some([rate - 0.02, rate + 0.02]),
        }
    }

    /// A report as the other stages fill it, by hand: one journey, a split, a team,
    /// and (when `filled`) the fatigue histogram, templates, waits and exit reasons.
    fn report(lang: &'static str, filled: bool) -> Report {
        let stage = |name: &str, label: Option<&str>, users: u64| StageReport {
            name: name.into(),
            label: label.map(Into::into),
            entered: users,
            users,
            exits: Ordered(vec![("exit".into(), users / 10)]),
            exit_reasons: Ordered(match filled {
                true => vec![("退订".into(), users / 20), ("on unsubscribe".into(), 3)],
                false => Vec::new(),
            }),
            dwell_hours: Dwell {
                median: Some(5.0),
                p90: Some(30.0),
                n: users,
            },
        };
        let step = |stage: &str, users: u64, from: Option<f64>| FunnelStep {
            stage: stage.into(),
            users,
            rate_from_entry: Some(users as f64 / 1000.0),
            rate_from_previous: from,
        };
        let arm = |name: &str, rate: f64| ArmReport {
            name: name.into(),
            users: 200,
            goal_rates: Ordered(vec![("首单".into(), Some(rate))]),
            goal_ci95: Ordered(vec![("首单".into(), Some([rate - 0.05, rate + 0.05]))]),
        };
        let days: Vec<String> = (2..=9).map(|d| format!("2026-03-0{d}")).collect();
        Report {
            format: REPORT_FORMAT,
            version: REPORT_VERSION,
            lang,
            population: "美妆用户".into(),
            seed: 1,
            users: 1000,
            days: 8,
            start: "2026-03-02 09:00".into(),
            timezone: "Asia/Shanghai".into(),
            arrived: 1000,
            journeys: vec![JourneyReport {
                name: "美妆新客".into(),
                label: Some("美妆新客 W2".into()),
                priority: 0,
                entered: 1000,
                users: 1000,
                holdout: 100,
                stopped: 0,
                loops: Vec::new(),
                goals: vec![GoalReport {
                    name: "首单".into(),
                    from: None,
                    treatment: group(900, 270),
                    holdout: group(100, 20),
                    lift: Some(0.1),
                    lift_relative: Some(0.5),
                    lift_ci95: Some([0.02, 0.18]),
                    p_value: Some(0.02),
                }],
                stages: vec![
                    stage("新手", Some("新手阶段"), 1000),
                    stage("新客", None, 300),
                ],
                funnel: vec![step("新手", 1000, None), step("新客", 300, Some(0.3))],
                splits: vec![SplitReport {
                    name: "新客".into(),
                    stage: "新客".into(),
                    arms: vec![arm("A", 0.3), arm("B", 0.32)],
                    comparisons: vec![Comparison {
                        goal: "首单".into(),
                        arm: "B".into(),
                        baseline: "A".into(),
                        lift: Some(0.02),
                        ci95: Some([-0.07, 0.11]),
                        p_value: Some(0.67),
                        users_needed: Some(8400),
                    }],
                }],
                paths: Vec::new(),
                cost: 30.0,
            }],
            touchpoints: vec![TouchpointReport {
                name: "wecom".into(),
                label: Some("企业微信1v1".into()),
                channel: "wecom".into(),
                broadcast: false,
                sent: 100,
                deferred: 0,
                capped: 0,
                suppressed: 0,
                posts: None,
                cost: 30.0,
                by_journey: Ordered(vec![("美妆新客".into(), 100)]),
                templates: match filled {
                    true => vec![TemplateReport {
                        template: "welcome_gift".into(),
                        sent: 100,
                        posts: None,
                        cost: 30.0,
                    }],
                    false => Vec::new(),
                },
            }],
            policies: Vec::new(),
            contention: Vec::new(),
            teams: vec![TeamReport {
                name: "顾问".into(),
                label: None,
                capacity: 5,
                created: 80,
                done: 40,
                dropped: if filled { 6 } else { 0 },
                suppressed: if filled { 7 } else { 0 },
                backlog_end: 40,
                peak_backlog: 40,
                wait_hours: Waits {
                    p50: filled.then_some(20.0),
                    p90: filled.then_some(70.0),
                },
                within_sla: filled.then_some(0.8),
                suggested_capacity: filled.then_some(9),
                daily: (days.iter().enumerate())
                    .map(|(i, day)| TeamDay {
                        day: day.clone(),
                        created: 10,
                        done: 5,
                        dropped: 0,
                        backlog: 5 * (i as u64 + 1),
                    })
                    .collect(),
            }],
            fatigue: Fatigue {
                sends_per_user_day: FatigueQuantiles {
                    p50: filled.then_some(1),
                    p95: filled.then_some(2),
                    max: filled.then_some(5),
                },
                histogram: match filled {
                    true => [(0, 500), (1, 300), (2, 60), (3, 0), (4, 0), (5, 1)]
                        .map(|(sends, user_days)| FatigueBucket { sends, user_days })
                        .into(),
                    false => Vec::new(),
                },
            },
            cost: CostReport {
                total: 30.0,
                per_goal: Ordered(vec![("美妆新客/首单".into(), Some(0.11))]),
                per_incremental: Ordered(vec![("美妆新客/首单".into(), Some(0.33))]),
            },
            daily: (days.iter())
                .map(|day| DayReport {
                    day: day.clone(),
                    sends: Ordered(vec![("wecom".into(), 12)]),
                    goals: Ordered(vec![("美妆新客/首单".into(), 3)]),
                })
                .collect(),
        }
    }

    #[test]
    fn the_page_is_in_the_reports_language() {
        let zh = render(&report("zh", true));
        assert!(zh.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
        for words in [
            "怎么读这份报告",
            "漏斗",
            "对照组",
            "新手阶段 (新手)",
            "B 组对比 A 组",
        ] {
            assert!(zh.contains(words), "{words}");
        }
        let en = render(&report("en", true));
        assert!(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        for words in ["How to read this", "Funnel", "Holdout", "新手阶段 (新手)"] {
            assert!(en.contains(words), "{words}");
        }
        assert!(!en.contains("怎么读"));
    }

    #[test]
    fn every_chart_has_a_title_and_nothing_is_fetched() {
        let page = render(&report("zh", true));
        let charts = page.matches("<svg").count();
        // Funnel, goals, one touchpoint, the team, fatigue, exit reasons.
        assert_eq!(charts, 6);
        assert_eq!(page.matches("role=\"img\"><title>").count(), charts);
        for external in ["<script", "<link", "src=", "url("] {
            assert!(!page.contains(external), "{external}");
        }
        assert!(page.contains("@page { size: A4"));
    }

    #[test]
    fn what_the_run_did_not_count_is_left_out() {
        let page = render(&report("en", false));
        assert_eq!(page.matches("<svg").count(), 4);
        for absent in [
            "Messages per user per day",
            "Why users left",
            "Wait from",
            "were dropped",
            "welcome_gift",
        ] {
            assert!(!page.contains(absent), "{absent}");
        }
        let filled = render(&report("en", true));
        for present in [
            "Messages per user per day",
            "Why users left",
            "median 20.0 h, p90 70.0 h",
            "80.0% of the tasks",
            "6 tasks were dropped",
            "7 holdout users' tasks were not created",
            "A capacity of 9 a day",
            "welcome_gift",
        ] {
            assert!(filled.contains(present), "{present}");
        }
    }

    #[test]
    fn lifts_and_comparisons_are_judged_by_their_intervals() {
        let mut r = report("en", true);
        let page = render(&r);
        assert!(page.contains(
            "首单: lift +10.0 points (+50.0%), 95% interval +2.0 to +18.0: distinguishable \
             from zero."
        ));
        assert!(page.contains(
            "the test cannot tell yet; about 8400 users per arm would show this difference"
        ));
        let c = &mut r.journeys[0].splits[0].comparisons[0];
        (c.lift, c.ci95) = (Some(-0.1), Some([-0.15, -0.05]));
        r.journeys[0].goals[0].lift_ci95 = Some([-0.01, 0.2]);
        let page = render(&r);
        assert!(page.contains("arm A wins") && page.contains("not distinguishable"));
    }

    #[test]
    fn names_and_labels_are_escaped() {
        let mut r = report("en", false);
        r.touchpoints[0].label = Some("<b>&".into());
        let page = render(&r);
        assert!(page.contains("&lt;b&gt;&amp; (wecom)") && !page.contains("<b>&"));
    }
}

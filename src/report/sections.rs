//! The report's facts as titled sections of rows, in the report's language: what every
//! human-readable format (text, markdown, html) lays out. Numbers are formatted here,
//! once, so that the formats agree; each format only arranges the cells.

use super::build::MIN_QUANTILE_SAMPLE;
use super::*;
use crate::i18n::{msg, words, Lang, Message};
use crate::sim::loops::loop_text;

/// How a report is laid out, not what it says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// A row per day of the timeline (`--daily`) rather than a row per week.
    pub daily: bool,
}

/// A titled table, with sentences that say what it shows.
pub struct Section {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Shown under the table: what it says in words, and how to read it.
    pub notes: Vec<String>,
    /// A long table a reader opens when they need it (markdown folds it away).
    pub long: bool,
    /// Per column, whether it holds numbers (right-aligned).
    numeric: Vec<bool>,
}

impl Section {
    /// A section of other tables than the report's (`journey diff`'s): `headers` as
    /// `(header, holds numbers)`.
    pub fn new(title: String, headers: Vec<(String, bool)>, rows: Vec<Vec<String>>) -> Section {
        let long = rows.len() > LONG_ROWS;
        let (headers, numeric) = headers.into_iter().unzip();
        Section {
            title,
            headers,
            rows,
            notes: Vec::new(),
            long,
            numeric,
        }
    }

    /// Whether column `c` holds numbers (right-aligned) rather than text.
    pub fn numeric(&self, c: usize) -> bool {
        self.numeric.get(c).copied().unwrap_or(false)
    }
}

/// A column of a section: its header, and whether it holds numbers.
struct Column {
    header: Message,
    numeric: bool,
}

fn text(header: Message) -> Column {
    Column {
        header,
        numeric: false,
    }
}

fn number(header: Message) -> Column {
    Column {
        header,
        numeric: true,
    }
}

/// Tables longer than this are folded away in markdown.
const LONG_ROWS: usize = 15;

/// A figure that does not exist (no users, no holdout…), in every language.
const NONE: &str = "–";

/// The run in a few lines, before the sections.
pub struct Summary {
    pub title: String,
    pub lines: Vec<String>,
    /// What a reader must not miss (users stopped by a rule loop).
    pub warnings: Vec<String>,
}

pub fn summary(r: &Report) -> Summary {
    let w = Writer::new(r);
    let names: Vec<String> = r
        .journeys
        .iter()
        .map(|j| named(&j.name, j.label.as_deref(), w.lang))
        .collect();
    let mut lines = vec![w.say(msg!(
        "report-summary-run",
        population = &r.population,
        seed = r.seed.to_string(),
        users = r.users.to_string(),
        days = r.days.to_string(),
        start = &r.start,
        timezone = &r.timezone,
    ))];
    lines.extend(r.journeys.iter().zip(&names).map(|(j, name)| {
        w.say(msg!(
            "report-summary-entered",
            arrived = r.arrived.to_string(),
            entered = j.users.to_string(),
            journey = name,
            holdout = j.holdout.to_string(),
        ))
    }));
    let warnings = (r.journeys.iter().zip(&names))
        .filter(|(j, _)| j.stopped > 0)
        .map(|(j, name)| {
            w.say(msg!(
                "report-warning-loop",
                users = j.stopped.to_string(),
                journey = name
            ))
        })
        .collect();
    Summary {
        title: w.say(msg!("report-title", journey = names.join(", "))),
        lines,
        warnings,
    }
}

/// Every section with something to show, the ones a lead reads first first: did it
/// work, where users went, what it costs and asks of people, then the details.
pub fn sections(r: &Report, options: RenderOptions) -> Vec<Section> {
    let w = Writer::new(r);
    let mut out = Vec::new();
    for j in &r.journeys {
        out.push(w.goals(j));
        out.push(w.lift(j));
        out.push(w.funnel(j));
        for s in &j.splits {
            out.extend(w.split(j, s));
        }
    }
    out.push(w.cost());
    out.push(w.teams());
    out.push(w.touchpoints());
    for j in &r.journeys {
        out.push(w.stages(j));
        out.push(w.exit_reasons(j));
        out.push(w.loops(j));
    }
    out.push(w.fatigue());
    out.push(w.templates());
    out.push(w.policies());
    out.push(w.contention());
    out.push(w.timeline(options));
    for j in &r.journeys {
        out.push(w.paths(j));
    }
    out.retain(|s| !s.rows.is_empty());
    out
}

/// `label (name)`, or the name alone: how the report calls a declaration.
fn named(name: &str, label: Option<&str>, lang: Lang) -> String {
    match label {
        Some(label) if label != name => {
            words(&msg!("report-named", label = label, name = name), lang)
        }
        _ => name.to_string(),
    }
}

pub fn pct(x: Option<f64>) -> String {
    x.map_or(NONE.into(), |x| format!("{:.1}%", x * 100.0))
}

fn interval(ci: Option<Interval>) -> String {
    ci.map_or(NONE.into(), |[lo, hi]| {
        format!("{:.1}–{:.1}%", lo * 100.0, hi * 100.0)
    })
}

/// A difference of rates in percentage points, signed: `+3.2`; one that rounds to
/// zero is `0.0` (not `-0.0` or `+0.0`).
pub fn signed_points(x: f64) -> String {
    match format!("{:+.1}", x * 100.0) {
        zero if zero[1..] == *"0.0" => "0.0".into(),
        signed => signed,
    }
}

fn p_value(p: Option<f64>) -> String {
    match p {
        None => NONE.into(),
        Some(p) if p < 0.001 => "<0.001".into(),
        Some(p) => format!("{p:.3}"),
    }
}

fn money(x: f64) -> String {
    // `+ 0.0` turns −0 (a sum of no costs) into 0, which prints without a sign.
    format!("{:.2}", x + 0.0)
}

fn share(part: u64, whole: u64) -> String {
    pct((whole > 0).then(|| part as f64 / whole as f64))
}

/// Whether an interval of a difference leaves zero out, and on which side.
fn verdict(ci: Option<Interval>) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering::*;
    match ci? {
        [lo, _] if lo > 0.0 => Some(Greater),
        [_, hi] if hi < 0.0 => Some(Less),
        _ => Some(Equal),
    }
}

/// Builds sections in the report's language.
struct Writer<'r> {
    r: &'r Report,
    lang: Lang,
}

impl<'r> Writer<'r> {
    fn new(r: &'r Report) -> Writer<'r> {
        Writer {
            r,
            lang: r.lang.parse().unwrap_or_default(),
        }
    }

    fn say(&self, m: Message) -> String {
        words(&m, self.lang)
    }

    fn section(&self, title: String, columns: Vec<Column>, rows: Vec<Vec<String>>) -> Section {
        let long = rows.len() > LONG_ROWS;
        Section {
            title,
            headers: columns.iter().map(|c| self.say(c.header.clone())).collect(),
            numeric: columns.iter().map(|c| c.numeric).collect(),
            rows,
            notes: Vec::new(),
            long,
        }
    }

    /// A section's title, naming its journey when the report has several.
    fn title(&self, m: Message, j: &JourneyReport) -> String {
        let title = self.say(m);
        if self.r.journeys.len() > 1 {
            format!("{title} · {}", self.journey(j))
        } else {
            title
        }
    }

    fn journey(&self, j: &JourneyReport) -> String {
        named(&j.name, j.label.as_deref(), self.lang)
    }

    fn stage(&self, j: &JourneyReport, name: &str) -> String {
        let label = j.stages.iter().find(|s| s.name == name);
        named(name, label.and_then(|s| s.label.as_deref()), self.lang)
    }

    fn points(&self, x: Option<f64>) -> String {
        x.map_or(NONE.into(), |x| {
            self.say(msg!("report-points", value = signed_points(x)))
        })
    }

    fn points_interval(&self, ci: Option<Interval>) -> String {
        ci.map_or(NONE.into(), |[lo, hi]| {
            self.say(msg!(
                "report-points-interval",
                low = signed_points(lo),
                high = signed_points(hi)
            ))
        })
    }

    fn hours(&self, h: Option<f64>) -> String {
        match h {
            None => NONE.into(),
            Some(h) if h >= 48.0 => {
                self.say(msg!("report-days", value = format!("{:.1}", h / 24.0)))
            }
            Some(h) => self.say(msg!("report-hours", value = format!("{h:.1}"))),
        }
    }

    /// A goal key of the timeline and the costs, `JOURNEY/GOAL`: the goal alone when
    /// the report has one journey.
    fn goal_key<'k>(&self, key: &'k str) -> &'k str {
        match key.split_once('/') {
            Some((_, goal)) if self.r.journeys.len() == 1 => goal,
            _ => key,
        }
    }

    fn goals(&self, j: &JourneyReport) -> Section {
        let mut rows = Vec::new();
        for g in &j.goals {
            let mut groups = vec![(msg!("report-group-treatment"), &g.treatment)];
            if j.holdout > 0 {
                groups.push((msg!("report-group-holdout"), &g.holdout));
            }
            for (i, (group, x)) in groups.into_iter().enumerate() {
                rows.push(vec![
                    if i == 0 {
                        g.name.clone()
                    } else {
                        String::new()
                    },
                    self.say(group),
                    x.users.to_string(),
                    x.reached.to_string(),
                    pct(x.rate),
                    interval(x.ci95),
                ]);
            }
        }
        let mut s = self.section(
            self.title(msg!("report-section-goals"), j),
            vec![
                text(msg!("report-col-goal")),
                text(msg!("report-col-group")),
                number(msg!("report-col-users")),
                number(msg!("report-col-reached")),
                number(msg!("report-col-rate")),
                number(msg!("report-col-interval")),
            ],
            rows,
        );
        s.notes.push(self.say(msg!("report-note-goals")));
        for g in &j.goals {
            if let Some(from) = &g.from {
                let stage = self.stage(j, from);
                let note = msg!("report-note-goal-from", goal = &g.name, stage = &stage);
                s.notes.push(self.say(note));
            }
        }
        if j.holdout == 0 {
            s.notes
                .push(self.say(msg!("report-note-no-holdout", journey = self.journey(j))));
        }
        s
    }

    fn lift(&self, j: &JourneyReport) -> Section {
        let rows = (j.goals.iter())
            .filter(|_| j.holdout > 0)
            .map(|g| {
                let verdict = match verdict(g.lift_ci95) {
                    None => NONE.into(),
                    Some(std::cmp::Ordering::Greater) => self.say(msg!("report-verdict-above")),
                    Some(std::cmp::Ordering::Less) => self.say(msg!("report-verdict-below")),
                    Some(std::cmp::Ordering::Equal) => self.say(msg!("report-verdict-cannot-tell")),
                };
                vec![
                    g.name.clone(),
                    self.points(g.lift),
                    g.lift_relative
                        .map_or(NONE.into(), |x| format!("{:+.1}%", x * 100.0)),
                    self.points_interval(g.lift_ci95),
                    p_value(g.p_value),
                    verdict,
                ]
            })
            .collect();
        let mut s = self.section(
            self.title(msg!("report-section-lift"), j),
            vec![
                text(msg!("report-col-goal")),
                number(msg!("report-col-lift")),
                number(msg!("report-col-relative")),
                number(msg!("report-col-lift-interval")),
                number(msg!("report-col-p-value")),
                text(msg!("report-col-verdict")),
            ],
            rows,
        );
        s.notes.push(self.say(msg!("report-note-lift")));
        s
    }

    fn funnel(&self, j: &JourneyReport) -> Section {
        let rows = (j.funnel.iter())
            .map(|f| {
                vec![
                    self.stage(j, &f.stage),
                    f.users.to_string(),
                    pct(f.rate_from_entry),
                    pct(f.rate_from_previous),
                ]
            })
            .collect();
        let mut s = self.section(
            self.title(msg!("report-section-funnel"), j),
            vec![
                text(msg!("report-col-stage")),
                number(msg!("report-col-users")),
                number(msg!("report-col-from-entry")),
                number(msg!("report-col-from-previous")),
            ],
            rows,
        );
        s.notes.push(self.say(msg!("report-note-funnel")));
        s
    }

    /// A split's arms, then each arm against the first, with the verdicts in words.
    fn split(&self, j: &JourneyReport, s: &SplitReport) -> [Section; 2] {
        let stage = self.stage(j, &s.stage);
        let title = if s.name == s.stage {
            msg!("report-section-split-unnamed", stage = stage)
        } else {
            msg!("report-section-split", split = &s.name, stage = stage)
        };
        let title = self.title(title, j);
        let goals: Vec<&str> = (s.arms.first())
            .map(|a| a.goal_rates.0.iter().map(|(g, _)| g.as_str()).collect())
            .unwrap_or_default();
        let mut columns = vec![
            text(msg!("report-col-arm")),
            number(msg!("report-col-users")),
        ];
        for &goal in &goals {
            columns.push(number(msg!("report-col-goal-rate", goal = goal)));
            columns.push(number(msg!("report-col-goal-interval", goal = goal)));
        }
        let rows = (s.arms.iter())
            .map(|a| {
                let mut row = vec![a.name.clone(), a.users.to_string()];
                for ((_, rate), (_, ci)) in a.goal_rates.0.iter().zip(&a.goal_ci95.0) {
                    row.push(pct(*rate));
                    row.push(interval(*ci));
                }
                row
            })
            .collect();
        let mut arms = self.section(title.clone(), columns, rows);
        arms.notes.push(self.say(msg!("report-note-split")));
        let rows = (s.comparisons.iter())
            .map(|c| {
                vec![
                    c.goal.clone(),
                    c.arm.clone(),
                    c.baseline.clone(),
                    self.points(c.lift),
                    self.points_interval(c.ci95),
                    p_value(c.p_value),
                    c.users_needed.map_or(NONE.into(), |n| n.to_string()),
                ]
            })
            .collect();
        let mut compared = self.section(
            self.say(msg!("report-section-comparisons", title = title)),
            vec![
                text(msg!("report-col-goal")),
                text(msg!("report-col-arm")),
                text(msg!("report-col-against")),
                number(msg!("report-col-lift")),
                number(msg!("report-col-lift-interval")),
                number(msg!("report-col-p-value")),
                number(msg!("report-col-users-needed")),
            ],
            rows,
        );
        compared.notes = s.comparisons.iter().map(|c| self.comparison(c)).collect();
        [arms, compared]
    }

    /// Which arm wins, or that the test cannot tell yet and what it would take.
    fn comparison(&self, c: &Comparison) -> String {
        use std::cmp::Ordering::*;
        let (Some(lift), Some(p)) = (c.lift, c.p_value) else {
            return self.say(msg!(
                "report-split-no-users",
                goal = &c.goal,
                arm = &c.arm,
                baseline = &c.baseline
            ));
        };
        let p = p_value(Some(p));
        let wins = |winner: &str, loser: &str, lift: f64, ci: Interval| {
            self.say(msg!(
                "report-split-wins",
                goal = &c.goal,
                winner = winner,
                loser = loser,
                lift = self.points(Some(lift)),
                interval = self.points_interval(Some(ci)),
                p = p.clone(),
            ))
        };
        match (verdict(c.ci95), c.ci95) {
            (Some(Greater), Some(ci)) => wins(&c.arm, &c.baseline, lift, ci),
            // The first arm wins: its lift over the other, and the interval turned round.
            (Some(Less), Some([lo, hi])) => wins(&c.baseline, &c.arm, -lift, [-hi, -lo]),
            _ => match c.users_needed {
                Some(needed) => self.say(msg!(
                    "report-split-cannot-tell",
                    goal = &c.goal,
                    arm = &c.arm,
                    baseline = &c.baseline,
                    p = p,
                    needed = needed.to_string(),
                    lift = self.points(Some(lift.abs())),
                )),
                None => self.say(msg!(
                    "report-split-same",
                    goal = &c.goal,
                    arm = &c.arm,
                    baseline = &c.baseline
                )),
            },
        }
    }

    fn cost(&self) -> Section {
        let r = self.r;
        let mut rows = vec![vec![
            self.say(msg!("report-cost-total")),
            money(r.cost.total),
        ]];
        for j in &r.journeys {
            rows.push(vec![
                self.say(msg!("report-cost-journey", journey = self.journey(j))),
                money(j.cost),
            ]);
        }
        let per = |m: fn(&str) -> Message, list: &Ordered<Option<f64>>| {
            (list.0.iter())
                .map(|(key, x)| {
                    vec![
                        self.say(m(self.goal_key(key))),
                        x.map_or(NONE.into(), money),
                    ]
                })
                .collect::<Vec<_>>()
        };
        rows.extend(per(
            |g| msg!("report-cost-per-goal", goal = g),
            &r.cost.per_goal,
        ));
        // Without a holdout there is no lift, and no cost per incremental conversion.
        let measured = Ordered(
            (r.cost.per_incremental.0.iter())
                .filter(|(key, _)| {
                    let journey = key.split_once('/').map_or(key.as_str(), |(j, _)| j);
                    (r.journeys.iter()).any(|j| j.name == journey && j.holdout > 0)
                })
                .cloned()
                .collect(),
        );
        rows.extend(per(
            |g| msg!("report-cost-per-incremental", goal = g),
            &measured,
        ));
        let mut s = self.section(
            self.say(msg!("report-section-cost")),
            vec![
                text(msg!("report-col-item")),
                number(msg!("report-col-cost")),
            ],
            rows,
        );
        if !r.cost.per_goal.0.is_empty() {
            s.notes.push(self.say(msg!("report-note-cost")));
        }
        s
    }

    fn teams(&self) -> Section {
        let rows = (self.r.teams.iter())
            .map(|t| {
                vec![
                    named(&t.name, t.label.as_deref(), self.lang),
                    self.say(msg!("report-per-day", value = t.capacity.to_string())),
                    t.created.to_string(),
                    t.done.to_string(),
                    t.dropped.to_string(),
                    t.suppressed.to_string(),
                    t.backlog_end.to_string(),
                    t.peak_backlog.to_string(),
                    self.hours(t.wait_hours.p50),
                    self.hours(t.wait_hours.p90),
                    pct(t.within_sla),
                    t.suggested_capacity.map_or(NONE.into(), |c| c.to_string()),
                ]
            })
            .collect();
        let mut s = self.section(
            self.say(msg!("report-section-teams")),
            vec![
                text(msg!("report-col-team")),
                number(msg!("report-col-capacity")),
                number(msg!("report-col-created")),
                number(msg!("report-col-done")),
                number(msg!("report-col-dropped")),
                number(msg!("report-col-suppressed")),
                number(msg!("report-col-backlog-end")),
                number(msg!("report-col-peak-backlog")),
                number(msg!("report-col-wait-p50")),
                number(msg!("report-col-wait-p90")),
                number(msg!("report-col-within-sla")),
                number(msg!("report-col-suggested")),
            ],
            rows,
        );
        // A team that fell behind: users were simulated as if it kept up (`after task`
        // counts from creation), so the reader is told where that is optimistic.
        let late = |t: &TeamReport| t.within_sla.is_some_and(|share| share < 0.9);
        for t in (self.r.teams.iter()).filter(|t| t.backlog_end > 0 || late(t)) {
            let team = named(&t.name, t.label.as_deref(), self.lang);
            if t.backlog_end > 0 {
                s.notes.push(self.say(msg!(
                    "report-team-fell-behind",
                    team = &team,
                    backlog = t.backlog_end.to_string(),
                    peak = t.peak_backlog.to_string(),
                )));
            }
            if let Some(share) = t.within_sla.filter(|_| late(t)) {
                s.notes.push(self.say(msg!(
                    "report-team-late",
                    team = &team,
                    share = pct(Some(share)),
                )));
            }
            if let Some(capacity) = t.suggested_capacity {
                let capacity = capacity.to_string();
                // Without service levels, capacity is judged by the backlog it leaves.
                s.notes.push(self.say(match t.within_sla {
                    Some(_) => msg!("report-team-suggested", team = team, capacity = capacity),
                    None => msg!(
                        "report-team-suggested-backlog",
                        team = team,
                        capacity = capacity
                    ),
                }));
            }
        }
        s
    }

    fn touchpoints(&self) -> Section {
        let rows = (self.r.touchpoints.iter())
            .map(|t| {
                vec![
                    named(&t.name, t.label.as_deref(), self.lang),
                    t.channel.clone(),
                    t.sent.to_string(),
                    t.deferred.to_string(),
                    t.capped.to_string(),
                    t.suppressed.to_string(),
                    t.posts.map_or(NONE.into(), |n| n.to_string()),
                    money(t.cost),
                ]
            })
            .collect();
        let mut s = self.section(
            self.say(msg!("report-section-touchpoints")),
            vec![
                text(msg!("report-col-touchpoint")),
                text(msg!("report-col-channel")),
                number(msg!("report-col-sent")),
                number(msg!("report-col-deferred")),
                number(msg!("report-col-capped")),
                number(msg!("report-col-suppressed")),
                number(msg!("report-col-posts")),
                number(msg!("report-col-cost")),
            ],
            rows,
        );
        s.notes.push(self.say(msg!("report-note-touchpoints")));
        s
    }

    fn templates(&self) -> Section {
        let mut rows = Vec::new();
        for t in &self.r.touchpoints {
            for (i, template) in t.templates.iter().enumerate() {
                rows.push(vec![
                    if i == 0 {
                        named(&t.name, t.label.as_deref(), self.lang)
                    } else {
                        String::new()
                    },
                    template.template.clone(),
                    template.sent.to_string(),
                    money(template.cost),
                ]);
            }
        }
        self.section(
            self.say(msg!("report-section-templates")),
            vec![
                text(msg!("report-col-touchpoint")),
                text(msg!("report-col-template")),
                number(msg!("report-col-sent")),
                number(msg!("report-col-cost")),
            ],
            rows,
        )
    }

    fn policies(&self) -> Section {
        let rows = (self.r.policies.iter())
            .map(|p| vec![p.name.clone(), p.capped.to_string()])
            .collect();
        self.section(
            self.say(msg!("report-section-policies")),
            vec![
                text(msg!("report-col-policy")),
                number(msg!("report-col-capped")),
            ],
            rows,
        )
    }

    /// Several journeys: the sends of each that a touchpoint's or a policy's limit
    /// capped because the others had used the user's allowance first.
    fn contention(&self) -> Section {
        let touchpoint = |name: &str| {
            let t = self.r.touchpoints.iter().find(|t| t.name == name);
            named(name, t.and_then(|t| t.label.as_deref()), self.lang)
        };
        let rows = (self.r.contention.iter())
            .map(|c| {
                let limit = match (&c.touchpoint, &c.policy) {
                    (Some(t), _) => touchpoint(t),
                    (None, Some(p)) => self.say(msg!("report-contention-policy", policy = p)),
                    (None, None) => NONE.into(),
                };
                vec![limit, c.journey.clone(), c.capped_by_others.to_string()]
            })
            .collect();
        let mut s = self.section(
            self.say(msg!("report-section-contention")),
            vec![
                text(msg!("report-col-limit")),
                text(msg!("report-col-journey")),
                number(msg!("report-col-capped-by-others")),
            ],
            rows,
        );
        s.notes.push(self.say(msg!("report-note-contention")));
        s
    }

    fn stages(&self, j: &JourneyReport) -> Section {
        let rows = (j.stages.iter())
            .map(|s| {
                let exits: Vec<String> = (s.exits.0.iter())
                    .map(|(to, n)| {
                        let to = match to.as_str() {
                            "exit" => self.say(msg!("report-exit-left")),
                            "end" => self.say(msg!("report-exit-stayed")),
                            stage => stage.to_string(),
                        };
                        format!("{to} {n}")
                    })
                    .collect();
                let dwell = &s.dwell_hours;
                let quantile = |q: Option<f64>| {
                    if dwell.n < MIN_QUANTILE_SAMPLE {
                        self.say(msg!(
                            "report-fewer-than",
                            min = MIN_QUANTILE_SAMPLE.to_string()
                        ))
                    } else {
                        self.hours(q)
                    }
                };
                vec![
                    named(&s.name, s.label.as_deref(), self.lang),
                    s.entered.to_string(),
                    s.users.to_string(),
                    quantile(dwell.median),
                    quantile(dwell.p90),
                    dwell.n.to_string(),
                    exits.join(" · "),
                ]
            })
            .collect();
        let mut s = self.section(
            self.title(msg!("report-section-stages"), j),
            vec![
                text(msg!("report-col-stage")),
                number(msg!("report-col-entered")),
                number(msg!("report-col-users")),
                number(msg!("report-col-dwell-median")),
                number(msg!("report-col-dwell-p90")),
                number(msg!("report-col-dwell-n")),
                text(msg!("report-col-left-to")),
            ],
            rows,
        );
        s.notes.push(self.say(msg!(
            "report-note-dwell",
            min = MIN_QUANTILE_SAMPLE.to_string()
        )));
        s
    }

    fn exit_reasons(&self, j: &JourneyReport) -> Section {
        let mut rows = Vec::new();
        for s in &j.stages {
            for (i, (reason, n)) in s.exit_reasons.0.iter().enumerate() {
                rows.push(vec![
                    if i == 0 {
                        named(&s.name, s.label.as_deref(), self.lang)
                    } else {
                        String::new()
                    },
                    reason.clone(),
                    n.to_string(),
                ]);
            }
        }
        self.section(
            self.title(msg!("report-section-exit-reasons"), j),
            vec![
                text(msg!("report-col-stage")),
                text(msg!("report-col-reason")),
                number(msg!("report-col-visits")),
            ],
            rows,
        )
    }

    fn loops(&self, j: &JourneyReport) -> Section {
        let rows = (j.loops.iter())
            .map(|l| {
                let names: Vec<&str> = l.stages.iter().map(String::as_str).collect();
                vec![loop_text(&names), l.users.to_string()]
            })
            .collect();
        self.section(
            self.title(msg!("report-section-loops"), j),
            vec![
                text(msg!("report-col-loop")),
                number(msg!("report-col-users-stopped")),
            ],
            rows,
        )
    }

    fn fatigue(&self) -> Section {
        let f = &self.r.fatigue;
        let total: u64 = f.histogram.iter().map(|b| b.user_days).sum();
        let rows = (f.histogram.iter())
            .map(|b| {
                vec![
                    b.sends.to_string(),
                    b.user_days.to_string(),
                    share(b.user_days, total),
                ]
            })
            .collect();
        let mut s = self.section(
            self.say(msg!("report-section-fatigue")),
            vec![
                number(msg!("report-col-sends")),
                number(msg!("report-col-user-days")),
                number(msg!("report-col-share")),
            ],
            rows,
        );
        let q = |x: Option<u64>| x.map_or(NONE.into(), |x| x.to_string());
        let quantiles = &f.sends_per_user_day;
        s.notes.push(self.say(msg!(
            "report-note-fatigue",
            p50 = q(quantiles.p50),
            p95 = q(quantiles.p95),
            max = q(quantiles.max),
        )));
        s
    }

    /// Sends per touchpoint, goal conversions and team backlog over time: a row per
    /// week (sums, and the backlog of the week's last day), or per day.
    fn timeline(&self, options: RenderOptions) -> Section {
        let r = self.r;
        let Some(first) = r.daily.first() else {
            return self.section(String::new(), Vec::new(), Vec::new());
        };
        if first.sends.0.is_empty() && first.goals.0.is_empty() && r.teams.is_empty() {
            return self.section(String::new(), Vec::new(), Vec::new());
        }
        let period = if options.daily { 1 } else { 7 };
        let rows = (r.daily.chunks(period).enumerate())
            .map(|(week, days)| {
                let last = week * period + days.len() - 1;
                let mut row = vec![if options.daily {
                    days[0].day.clone()
                } else {
                    let short = |day: &str| day.get(5..).unwrap_or(day).to_string();
                    format!(
                        "{} · {}–{}",
                        self.say(msg!("report-week", n = (week + 1).to_string())),
                        short(&days[0].day),
                        short(&days[days.len() - 1].day)
                    )
                }];
                let sum = |of: fn(&DayReport) -> &Ordered<u64>, k: usize| {
                    days.iter()
                        .map(|d| of(d).0.get(k).map_or(0, |(_, n)| *n))
                        .sum::<u64>()
                };
                row.extend((0..first.sends.0.len()).map(|k| sum(|d| &d.sends, k).to_string()));
                row.extend((0..first.goals.0.len()).map(|k| sum(|d| &d.goals, k).to_string()));
                row.extend(r.teams.iter().map(|t| {
                    t.daily
                        .get(last)
                        .map_or(NONE.into(), |d| d.backlog.to_string())
                }));
                row
            })
            .collect();
        let mut columns = vec![if options.daily {
            text(msg!("report-col-day"))
        } else {
            text(msg!("report-col-week"))
        }];
        columns.extend(
            first
                .sends
                .0
                .iter()
                .map(|(k, _)| number(Message::Text(k.clone()))),
        );
        columns.extend(
            (first.goals.0.iter())
                .map(|(k, _)| number(msg!("report-col-daily-goal", goal = self.goal_key(k)))),
        );
        columns.extend(
            r.teams
                .iter()
                .map(|t| number(msg!("report-col-daily-backlog", team = &t.name))),
        );
        let title = if options.daily {
            msg!("report-section-daily")
        } else {
            msg!("report-section-weekly")
        };
        let mut s = self.section(self.say(title), columns, rows);
        s.long = true;
        if !options.daily {
            s.notes.push(self.say(msg!("report-note-weekly")));
            if !r.teams.is_empty() {
                s.notes.push(self.say(msg!("report-note-weekly-backlog")));
            }
        }
        s
    }

    fn paths(&self, j: &JourneyReport) -> Section {
        let rows = (j.paths.iter())
            .map(|p| {
                let mut path = p.stages.join(" → ");
                if p.truncated {
                    path.push_str(" → …");
                }
                vec![p.count.to_string(), path]
            })
            .collect();
        let mut s = self.section(
            self.title(msg!("report-section-paths"), j),
            vec![
                number(msg!("report-col-entries")),
                text(msg!("report-col-path")),
            ],
            rows,
        );
        s.long = true;
        s
    }
}

#[cfg(test)]
pub(crate) mod tests;

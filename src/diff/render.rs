//! The diff in words: `human` (aligned tables for a terminal, through the report's
//! table layout) and `markdown` (a pull-request comment: a summary table first, the
//! details folded in `<details>` blocks, every cell escaped), in the run's language.

use super::types::{Change, ChangeKind, DiagnosticEntry, Diff, Figure, Impact, Position};
use crate::i18n::{msg, words, Lang, Message};
use crate::report::{markdown, table, Section};

/// The words of `Change::parts`, by catalogue id; a part that names something
/// (`goal 首单`, `tag persona`) is its word and the name.
const PARTS: &[(&str, &str)] = &[
    ("label", "diff-part-label"),
    ("type", "diff-part-type"),
    ("fields", "diff-part-fields"),
    ("condition", "diff-part-condition"),
    ("capacity", "diff-part-capacity"),
    ("channel", "diff-part-channel"),
    ("caps", "diff-part-caps"),
    ("quiet windows", "diff-part-quiet-windows"),
    ("cost", "diff-part-cost"),
    ("broadcast", "diff-part-broadcast"),
    ("size", "diff-part-size"),
    ("start", "diff-part-start"),
    ("days", "diff-part-days"),
    ("arrivals", "diff-part-arrivals"),
    ("tag", "diff-part-tag"),
    ("behavior", "diff-part-behavior"),
    ("history", "diff-part-history"),
    ("timezone", "diff-part-timezone"),
    ("entry", "diff-part-entry"),
    ("reentry", "diff-part-reentry"),
    ("exit", "diff-part-exit"),
    ("goal", "diff-part-goal"),
    ("holdout", "diff-part-holdout"),
    ("trigger", "diff-part-trigger"),
    ("timing", "diff-part-timing"),
    ("guard", "diff-part-guard"),
    ("actions", "diff-part-actions"),
    ("touchpoint", "diff-part-touchpoint"),
    ("template", "diff-part-template"),
    ("split arms", "diff-part-split-arms"),
    ("split percents", "diff-part-split-percents"),
    ("conditions", "diff-part-conditions"),
];

/// A figure that does not exist, in every language.
const NONE: &str = "–";

struct Writer {
    lang: Lang,
}

impl Writer {
    fn say(&self, m: Message) -> String {
        words(&m, self.lang)
    }

    fn headers(&self, ids: &[(&'static str, bool)]) -> Vec<(String, bool)> {
        ids.iter()
            .map(|&(id, numeric)| (self.say(Message::new(id)), numeric))
            .collect()
    }

    fn title(&self, d: &Diff) -> String {
        self.say(msg!("diff-title", old = d.old.clone(), new = d.new.clone()))
    }

    /// The diff in a few lines: how much changed, what is new among the problems.
    fn summary(&self, d: &Diff) -> Vec<String> {
        let count = |k| d.changes.iter().filter(|c| c.kind == k).count();
        let mut lines = vec![if d.changes.is_empty() {
            self.say(msg!("diff-no-changes"))
        } else {
            self.say(msg!(
                "diff-summary-changes",
                count = d.changes.len(),
                added = count(ChangeKind::Added),
                removed = count(ChangeKind::Removed),
                changed = count(ChangeKind::Changed),
                renamed = count(ChangeKind::Renamed)
            ))
        }];
        lines.push(self.say(msg!(
            "diff-summary-diagnostics",
            new = d.diagnostics.new.len(),
            fixed = d.diagnostics.fixed.len()
        )));
        if let Some(i) = &d.impact {
            lines.push(self.say(msg!(
                "diff-summary-run",
                // a word, not a number: Chinese has no plural forms to select by
                together = (i.journeys.len() > 1).to_string(),
                journeys = crate::i18n::Arg::AllNames(i.journeys.clone()),
                population = i.population.clone(),
                seed = i.seed.to_string(),
                users = i.users.to_string(),
                days = i.days.to_string()
            )));
        }
        lines.extend(
            d.notes
                .iter()
                .map(|n| self.say(msg!("diff-note", note = n.clone()))),
        );
        lines
    }

    fn kind(&self, c: &Change) -> String {
        self.say(Message::new(match c.kind {
            ChangeKind::Added => "diff-kind-added",
            ChangeKind::Removed => "diff-kind-removed",
            ChangeKind::Changed => "diff-kind-changed",
            ChangeKind::Renamed => "diff-kind-renamed",
        }))
    }

    fn what(&self, c: &Change) -> String {
        use super::types::What;
        self.say(Message::new(match c.what {
            What::Declaration => "diff-what-declaration",
            What::Journey => "diff-what-journey",
            What::Stage => "diff-what-stage",
            What::Rule => "diff-what-rule",
        }))
    }

    fn part(&self, part: &str) -> String {
        let find = |word: &str| PARTS.iter().find(|(p, _)| *p == word).map(|(_, id)| *id);
        if let Some(id) = find(part) {
            return self.say(Message::new(id));
        }
        match part
            .split_once(' ')
            .and_then(|(word, name)| Some((find(word)?, name)))
        {
            Some((id, name)) => format!("{} {name}", self.say(Message::new(id))),
            None => part.to_string(),
        }
    }

    fn changes(&self, d: &Diff) -> Section {
        let rows = (d.changes.iter())
            .map(|c| {
                let name = match &c.old_name {
                    Some(old) => format!("{old} → {}", c.name),
                    None => c.name.clone(),
                };
                vec![
                    self.kind(c),
                    self.what(c),
                    name,
                    (c.parts.iter().map(|p| self.part(p)))
                        .collect::<Vec<_>>()
                        .join(", "),
                    place(c.new.as_ref().or(c.old.as_ref())),
                ]
            })
            .collect();
        Section::new(
            self.say(msg!("diff-section-changes")),
            self.headers(&[
                ("diff-col-change", false),
                ("diff-col-what", false),
                ("diff-col-name", false),
                ("diff-col-parts", false),
                ("diff-col-where", false),
            ]),
            rows,
        )
    }

    fn diagnostics(&self, d: &Diff) -> Section {
        let row = |status: &'static str, e: &DiagnosticEntry| {
            vec![
                self.say(Message::new(status)),
                e.code.clone(),
                e.message.clone(),
                place(Some(&e.position)),
            ]
        };
        let rows = (d
            .diagnostics
            .new
            .iter()
            .map(|e| row("diff-diagnostic-new", e)))
        .chain(
            d.diagnostics
                .fixed
                .iter()
                .map(|e| row("diff-diagnostic-fixed", e)),
        )
        .collect();
        Section::new(
            self.say(msg!("diff-section-diagnostics")),
            self.headers(&[
                ("diff-col-status", false),
                ("diff-col-code", false),
                ("diff-col-message", false),
                ("diff-col-where", false),
            ]),
            rows,
        )
    }

    /// The key figures, one per row: what a reviewer reads first.
    fn key_figures(&self, i: &Impact) -> Section {
        let mut rows = vec![
            figure_row(self.say(msg!("diff-figure-cost")), &i.cost, money),
            figure_row(
                self.say(msg!("diff-figure-fatigue-p95")),
                &i.fatigue.p95,
                whole,
            ),
            figure_row(
                self.say(msg!("diff-figure-fatigue-max")),
                &i.fatigue.max,
                whole,
            ),
        ];
        for t in &i.touchpoints {
            rows.push(figure_row(
                self.say(msg!("diff-figure-sent", name = t.name.clone())),
                &t.sent,
                whole,
            ));
        }
        for g in &i.goals {
            let name = self.say(msg!("diff-figure-rate", goal = g.goal.clone()));
            let f = &g.rate;
            rows.push(vec![
                name,
                rate(f.old),
                rate(f.new),
                points(f.delta),
                interval(g.ci95),
            ]);
        }
        for t in &i.teams {
            rows.push(figure_row(
                self.say(msg!("diff-figure-backlog", team = t.name.clone())),
                &t.backlog_end,
                whole,
            ));
        }
        // Only goal rows have an interval.
        for row in &mut rows {
            row.resize(5, String::new());
        }
        Section::new(
            self.say(msg!("diff-section-impact")),
            self.headers(&[
                ("diff-col-figure", false),
                ("diff-col-old", true),
                ("diff-col-new", true),
                ("diff-col-delta", true),
                ("diff-col-ci95", true),
            ]),
            rows,
        )
    }

    fn touchpoints(&self, i: &Impact) -> Section {
        let rows = (i.touchpoints.iter())
            .map(|t| {
                let day = |d: &Option<String>| d.clone().unwrap_or_else(|| NONE.into());
                vec![
                    t.name.clone(),
                    whole(t.sent.old),
                    whole(t.sent.new),
                    signed(t.sent.delta, whole),
                    signed(t.per_day.delta, |x| {
                        x.map_or(NONE.into(), |x| format!("{x:.1}"))
                    }),
                    format!("{} ({})", whole(t.peak.old), day(&t.peak_day.old)),
                    format!("{} ({})", whole(t.peak.new), day(&t.peak_day.new)),
                    signed(t.cost.delta, money),
                ]
            })
            .collect();
        Section::new(
            self.say(msg!("diff-section-touchpoints")),
            self.headers(&[
                ("diff-col-touchpoint", false),
                ("diff-col-sent-old", true),
                ("diff-col-sent-new", true),
                ("diff-col-delta", true),
                ("diff-col-per-day-delta", true),
                ("diff-col-peak-old", true),
                ("diff-col-peak-new", true),
                ("diff-col-cost-delta", true),
            ]),
            rows,
        )
    }

    fn goals(&self, i: &Impact) -> Section {
        let rows = (i.goals.iter())
            .map(|g| {
                vec![
                    g.goal.clone(),
                    rate(g.rate.old),
                    rate(g.rate.new),
                    points(g.rate.delta),
                    interval(g.ci95),
                    points(g.lift.old),
                    points(g.lift.new),
                ]
            })
            .collect();
        Section::new(
            self.say(msg!("diff-section-goals")),
            self.headers(&[
                ("diff-col-goal", false),
                ("diff-col-old", true),
                ("diff-col-new", true),
                ("diff-col-delta", true),
                ("diff-col-ci95", true),
                ("diff-col-lift-old", true),
                ("diff-col-lift-new", true),
            ]),
            rows,
        )
    }

    /// Each journey's sends of each touchpoint, when several journeys ran.
    fn by_journey(&self, i: &Impact) -> Section {
        let mut rows = Vec::new();
        for t in i.touchpoints.iter().filter(|_| i.journeys.len() > 1) {
            for s in &t.by_journey {
                let sent = |x: Option<f64>| x.unwrap_or(0.0);
                if sent(s.sent.old) != 0.0 || sent(s.sent.new) != 0.0 {
                    let mut row = vec![t.name.clone()];
                    row.extend(figure_row(s.journey.clone(), &s.sent, whole));
                    rows.push(row);
                }
            }
        }
        Section::new(
            self.say(msg!("diff-section-by-journey")),
            self.headers(&[
                ("diff-col-touchpoint", false),
                ("diff-col-journey", false),
                ("diff-col-old", true),
                ("diff-col-new", true),
                ("diff-col-delta", true),
            ]),
            rows,
        )
    }

    fn policies(&self, i: &Impact) -> Section {
        let rows = (i.policies.iter())
            .map(|p| figure_row(p.name.clone(), &p.capped, whole))
            .collect();
        Section::new(
            self.say(msg!("diff-section-policies")),
            self.headers(&[
                ("diff-col-policy", false),
                ("diff-col-capped-old", true),
                ("diff-col-capped-new", true),
                ("diff-col-delta", true),
            ]),
            rows,
        )
    }

    fn funnel(&self, i: &Impact) -> Section {
        // several journeys' stages are told apart by their journey
        let name = |s: &super::types::FunnelImpact| match i.journeys.len() {
            1 => s.stage.clone(),
            _ => format!("{}/{}", s.journey, s.stage),
        };
        let rows = (i.funnel.iter())
            .map(|s| figure_row(name(s), &s.users, whole))
            .collect();
        Section::new(
            self.say(msg!("diff-section-funnel")),
            self.headers(&[
                ("diff-col-stage", false),
                ("diff-col-old", true),
                ("diff-col-new", true),
                ("diff-col-delta", true),
            ]),
            rows,
        )
    }

    fn teams(&self, i: &Impact) -> Section {
        let rows = (i.teams.iter())
            .map(|t| {
                let mut row = figure_row(t.name.clone(), &t.backlog_end, whole);
                row.extend([whole(t.peak_backlog.old), whole(t.peak_backlog.new)]);
                row.extend([rate(t.within_sla.old), rate(t.within_sla.new)]);
                row
            })
            .collect();
        Section::new(
            self.say(msg!("diff-section-teams")),
            self.headers(&[
                ("diff-col-team", false),
                ("diff-col-backlog-old", true),
                ("diff-col-backlog-new", true),
                ("diff-col-delta", true),
                ("diff-col-peak-backlog-old", true),
                ("diff-col-peak-backlog-new", true),
                ("diff-col-sla-old", true),
                ("diff-col-sla-new", true),
            ]),
            rows,
        )
    }

    /// The detail sections with rows, in reading order.
    fn sections(&self, d: &Diff) -> Vec<Section> {
        let mut out = vec![self.changes(d), self.diagnostics(d)];
        if let Some(i) = &d.impact {
            out.extend([
                self.touchpoints(i),
                self.by_journey(i),
                self.goals(i),
                self.funnel(i),
                self.policies(i),
                self.teams(i),
            ]);
        }
        out.retain(|s| !s.rows.is_empty());
        out
    }
}

fn place(p: Option<&Position>) -> String {
    p.map_or(NONE.into(), |p| {
        format!("{}:{}:{}", p.file, p.line, p.column)
    })
}

fn figure_row(name: String, f: &Figure, show: fn(Option<f64>) -> String) -> Vec<String> {
    vec![name, show(f.old), show(f.new), signed(f.delta, show)]
}

/// A delta with its sign: `+12`, `-3`; no change is `0`, whatever the format.
fn signed(x: Option<f64>, show: fn(Option<f64>) -> String) -> String {
    match x {
        Some(x) if x > 0.0 => format!("+{}", show(Some(x))),
        Some(0.0) => "0".into(),
        x => show(x),
    }
}

fn whole(x: Option<f64>) -> String {
    x.map_or(NONE.into(), |x| format!("{x:.0}"))
}

fn money(x: Option<f64>) -> String {
    x.map_or(NONE.into(), |x| format!("{:.2}", x + 0.0))
}

fn rate(x: Option<f64>) -> String {
    x.map_or(NONE.into(), |x| format!("{:.2}%", x * 100.0))
}

/// A difference of rates in percentage points: `+1.25 pp`.
fn points(x: Option<f64>) -> String {
    x.map_or(NONE.into(), |x| match format!("{:+.2}", x * 100.0) {
        zero if zero[1..] == *"0.00" => "0.00 pp".into(),
        signed => format!("{signed} pp"),
    })
}

fn interval(ci: Option<[f64; 2]>) -> String {
    ci.map_or(NONE.into(), |[lo, hi]| {
        format!("[{}, {}]", points(Some(lo)), points(Some(hi)))
    })
}

/// The diff as text for a terminal.
pub fn human(d: &Diff, lang: Lang) -> String {
    let w = Writer { lang };
    let mut out = String::new();
    table::paragraph(&mut out, &w.title(d));
    for line in w.summary(d) {
        table::paragraph(&mut out, &line);
    }
    if let Some(i) = &d.impact {
        table::table(&mut out, &w.key_figures(i));
    }
    for s in w.sections(d) {
        table::table(&mut out, &s);
    }
    out
}

/// The diff as a pull-request comment (GitHub-flavoured Markdown). It starts with
/// [`MARKER`], by which CI finds its earlier comment to update.
pub fn markdown(d: &Diff, lang: Lang) -> String {
    let w = Writer { lang };
    let mut out = format!("{MARKER}\n## {}\n\n", markdown::text(&w.title(d)));
    for line in w.summary(d) {
        out.push_str(&format!("- {}\n", markdown::text(&line)));
    }
    if let Some(i) = &d.impact {
        out.push('\n');
        markdown::table(&mut out, &w.key_figures(i));
    }
    for s in w.sections(d) {
        out.push_str(&format!(
            "\n<details><summary>{}</summary>\n\n",
            markdown::html(&s.title)
        ));
        markdown::table(&mut out, &s);
        out.push_str("\n</details>\n");
    }
    out
}

/// The first line of the markdown: an HTML comment a CI job looks for.
pub const MARKER: &str = "<!-- journey-diff -->";

#[cfg(test)]
mod tests {
    use super::super::types::*;
    use super::*;

    #[test]
    fn markdown_cells_escape_markup_and_table_syntax() {
        let hostile = "a|b`c<script>&x\ny";
        let d = Diff {
            format: DIFF_FORMAT,
            version: DIFF_VERSION,
            old: "old.journey".into(),
            new: "new.journey".into(),
            changes: vec![Change {
                kind: ChangeKind::Added,
                what: What::Stage,
                name: hostile.into(),
                old_name: None,
                parts: vec![],
                new: None,
                old: None,
            }],
            diagnostics: DiagnosticChanges::default(),
            impact: None,
            notes: vec![],
        };
        let text = markdown(&d, Lang::En);
        assert!(text.contains(r"a\|b\`c&lt;script&gt;&amp;x y"), "{text}");
        assert!(!text.contains("<script>"), "{text}");
    }
}

//! `--fail-on`: conditions on the impact that fail a CI job (docs/diff.md, "Failing
//! CI"). An expression is a figure's path and a test:
//!
//! ```text
//! fatigue.p95>3                  NEW's value above 3 (also >=, <, <=)
//! cost+10%                       rises by more than 10% of OLD's value
//! touchpoints.企微1v1.sent+500   rises by more than 500
//! goals.J/G.rate-0.01            falls by more than 0.01
//! goals.J/G.rate.delta<-0.01     the same, as a comparison of the delta
//! ```

use super::types::{Figure, Impact};
use crate::i18n::{msg, Message};
use crate::suggest::nearest;

#[derive(Clone, Debug, PartialEq)]
pub struct FailOn {
    /// As written.
    pub text: String,
    path: Vec<String>,
    /// The test is on the delta rather than NEW's value (`.delta`).
    on_delta: bool,
    test: Test,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Test {
    Above(f64),
    AtLeast(f64),
    Below(f64),
    AtMost(f64),
    /// Rises (`+`) or falls (`-`) by more than this, a share of OLD's value when
    /// `percent`.
    Moves {
        by: f64,
        rise: bool,
        percent: bool,
    },
}

fn bad(text: &str, why: &'static str) -> Message {
    msg!("diff-fail-on-bad", text = text, reason = Message::new(why))
}

impl FailOn {
    pub fn parse(text: &str) -> Result<FailOn, Message> {
        let s = text.trim();
        let (path, test) = if let Some(at) = s.find(['<', '>']) {
            let (path, op) = s.split_at(at);
            let (op, number) = match op
                .strip_prefix(['<', '>'])
                .and_then(|r| r.strip_prefix('='))
            {
                Some(number) => (&op[..2], number),
                None => (&op[..1], &op[1..]),
            };
            let n: f64 = number
                .trim()
                .parse()
                .map_err(|_| bad(text, "diff-fail-on-no-number"))?;
            let test = match op {
                ">" => Test::Above(n),
                ">=" => Test::AtLeast(n),
                "<" => Test::Below(n),
                _ => Test::AtMost(n),
            };
            (path, test)
        } else {
            let at = s
                .rfind(['+', '-'])
                .ok_or_else(|| bad(text, "diff-fail-on-no-test"))?;
            let (path, by) = s.split_at(at);
            let rise = by.starts_with('+');
            let (number, percent) = match by[1..].strip_suffix('%') {
                Some(n) => (n, true),
                None => (&by[1..], false),
            };
            let by: f64 = number
                .trim()
                .parse()
                .map_err(|_| bad(text, "diff-fail-on-no-number"))?;
            if by < 0.0 || !by.is_finite() {
                return Err(bad(text, "diff-fail-on-no-number"));
            }
            (path, Test::Moves { by, rise, percent })
        };
        let mut path = path.trim();
        let on_delta = match path.strip_suffix(".delta") {
            Some(p) => {
                path = p;
                true
            }
            None => false,
        };
        if on_delta && matches!(test, Test::Moves { .. }) {
            return Err(bad(text, "diff-fail-on-delta-moves"));
        }
        let path = split_path(path).ok_or_else(|| bad(text, "diff-fail-on-bad-path"))?;
        Ok(FailOn {
            text: text.to_string(),
            path,
            on_delta,
            test,
        })
    }

    /// Whether the test holds on `impact`, or why the path names nothing there.
    pub fn triggered(&self, impact: &Impact) -> Result<bool, Message> {
        let figure = self.figure(impact)?;
        let value = if self.on_delta {
            figure.delta
        } else {
            figure.new
        };
        Ok(match self.test {
            Test::Above(n) => value.is_some_and(|v| v > n),
            Test::AtLeast(n) => value.is_some_and(|v| v >= n),
            Test::Below(n) => value.is_some_and(|v| v < n),
            Test::AtMost(n) => value.is_some_and(|v| v <= n),
            Test::Moves { by, rise, percent } => {
                let Some(delta) = figure.delta else {
                    return Ok(false);
                };
                let moved = if rise { delta } else { -delta };
                match (percent, figure.old) {
                    (false, _) => moved > by,
                    // From nothing, any rise is more than any share.
                    (true, Some(0.0)) => moved > 0.0,
                    (true, Some(old)) => moved / old.abs() * 100.0 > by,
                    (true, None) => false,
                }
            }
        })
    }

    fn figure(&self, impact: &Impact) -> Result<Figure, Message> {
        let p: Vec<&str> = self.path.iter().map(String::as_str).collect();
        let unknown = |kind: &'static str, name: &str, names: Vec<&str>| {
            let m = msg!(
                "diff-fail-on-unknown",
                text = self.text.clone(),
                kind = kind,
                name = name
            );
            match nearest(name, names.into_iter()) {
                Some(near) => msg!("diff-fail-on-did-you-mean", message = m, name = near),
                None => m,
            }
        };
        let field = |fields: &[&'static str], f: &str| {
            fields
                .contains(&f)
                .then_some(())
                .ok_or_else(|| unknown("figure", f, fields.to_vec()))
        };
        match p.as_slice() {
            ["cost"] => Ok(impact.cost),
            ["fatigue", f] => {
                field(&["p95", "max"], f)?;
                Ok(if *f == "p95" {
                    impact.fatigue.p95
                } else {
                    impact.fatigue.max
                })
            }
            ["touchpoints", name, f] => {
                let names = impact.touchpoints.iter().map(|t| t.name.as_str());
                let t = (impact.touchpoints.iter().find(|t| t.name == *name))
                    .ok_or_else(|| unknown("touchpoint", name, names.collect()))?;
                field(&["sent", "per_day", "peak", "cost"], f)?;
                Ok(match *f {
                    "sent" => t.sent,
                    "per_day" => t.per_day,
                    "peak" => t.peak,
                    _ => t.cost,
                })
            }
            ["goals", name, f] => {
                let names = impact.goals.iter().map(|g| g.goal.as_str());
                let g = (impact.goals.iter().find(|g| g.goal == *name))
                    .ok_or_else(|| unknown("goal", name, names.collect()))?;
                field(&["rate", "lift"], f)?;
                Ok(if *f == "rate" { g.rate } else { g.lift })
            }
            ["teams", name, f] => {
                let names = impact.teams.iter().map(|t| t.name.as_str());
                let t = (impact.teams.iter().find(|t| t.name == *name))
                    .ok_or_else(|| unknown("team", name, names.collect()))?;
                field(&["backlog_end", "peak_backlog", "within_sla"], f)?;
                Ok(match *f {
                    "backlog_end" => t.backlog_end,
                    "peak_backlog" => t.peak_backlog,
                    _ => t.within_sla,
                })
            }
            ["funnel", name, f] => {
                // `JOURNEY/STAGE`, or `STAGE` when one journey has a stage so named
                let full: Vec<String> = (impact.funnel.iter())
                    .map(|s| format!("{}/{}", s.journey, s.stage))
                    .collect();
                let bare = |s: &&super::types::FunnelImpact| s.stage == *name;
                let unique = impact.funnel.iter().filter(bare).count() == 1;
                let s = (impact.funnel.iter().zip(&full))
                    .find(|(s, full)| *full == name || (unique && bare(s)))
                    .map(|(s, _)| s);
                let names = match impact.journeys.len() {
                    1 => impact.funnel.iter().map(|s| s.stage.as_str()).collect(),
                    _ => full.iter().map(String::as_str).collect(),
                };
                let s = s.ok_or_else(|| unknown("stage", name, names))?;
                field(&["users"], f)?;
                Ok(s.users)
            }
            ["policies", name, f] => {
                let names = impact.policies.iter().map(|p| p.name.as_str());
                let p = (impact.policies.iter().find(|p| p.name == *name))
                    .ok_or_else(|| unknown("policy", name, names.collect()))?;
                field(&["capped"], f)?;
                Ok(p.capped)
            }
            _ => Err(bad(&self.text, "diff-fail-on-bad-path")),
        }
    }
}

/// `cost`, `fatigue.p95`, or `KIND.NAME.FIGURE` where NAME may hold dots and `/`.
fn split_path(path: &str) -> Option<Vec<String>> {
    if path == "cost" {
        return Some(vec![path.into()]);
    }
    let (kind, rest) = path.split_once('.')?;
    if kind == "fatigue" {
        return Some(vec![kind.into(), rest.into()]);
    }
    let (name, figure) = rest.rsplit_once('.')?;
    if name.is_empty() || figure.is_empty() {
        return None;
    }
    let known = ["touchpoints", "goals", "teams", "funnel", "policies"];
    known
        .contains(&kind)
        .then(|| vec![kind.into(), name.into(), figure.into()])
}

//! J0406 / J0407: conditions that can never hold, or always hold — in segments,
//! entry and exit lines, goals, `when` triggers, guards, `if` branches and population
//! multipliers. A
//! condition that depends on the user is searched for a part that does not: a
//! disjunct that never holds, or a conjunct that always does. A branch condition is
//! also judged under what holds where it is read (`known.rs`).

use super::known::Known;
use super::logic::{Verdict, MAX_EVALUATIONS};
use super::Cx;
use crate::check::model::{
    Action, Body, Cond, Entry, ExitLine, Journey, Population, Spanned, Trigger,
};
use crate::check::visit::each_action;
use crate::diag::{Code, Diagnostic};
use crate::i18n::{msg, Arg};

/// Where a condition stands, which decides what a constant one means.
#[derive(Clone, Copy)]
enum Site {
    Guard {
        unless: bool,
    },
    When,
    /// The condition of an `if` / `else if` branch.
    Branch,
    Segment,
    Entry,
    Exit,
    /// A goal's condition: `EVENT if COND` or `when COND`.
    Goal,
    Multiplier,
    /// A part of a larger condition that itself depends on the user.
    Part,
}

/// The conditions of the segments.
pub(super) fn segments(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for s in &cx.model.segments {
        walk(cx, &s.cond, Site::Segment, out);
    }
}

/// The multipliers of a population's behaviours.
pub(super) fn population(cx: &Cx, p: &Population, out: &mut Vec<Diagnostic>) {
    for (c, _) in p.behaviors.iter().flat_map(|b| &b.multipliers) {
        walk(cx, c, Site::Multiplier, out);
    }
}

/// A journey's entry and exit lines, `when` triggers, guards and branch conditions.
pub(super) fn journey(cx: &Cx, j: &Journey, out: &mut Vec<Diagnostic>) {
    if let Entry::On { cond: Some(c), .. } | Entry::When(c) = &j.entry {
        walk(cx, c, Site::Entry, out);
    }
    for e in &j.exits {
        if let ExitLine::When(c) = e {
            walk(cx, c, Site::Exit, out);
        }
    }
    for c in j.goals.iter().filter_map(|g| g.cond()) {
        walk(cx, c, Site::Goal, out);
    }
    for r in j.all_rules() {
        if let Trigger::When(c) = &r.trigger {
            walk(cx, c, Site::When, out);
        }
        if let Some(g) = &r.guard {
            let site = Site::Guard { unless: g.negated };
            walk(cx, &g.cond, site, out);
        }
        if let Body::Actions(actions) = &r.body {
            each_action(actions, |a| super::branches::check(cx, a.branches(), out));
            let known = Known::of(actions);
            let mut given: Vec<_> = known.guard(r).into_iter().collect();
            branch_conds(cx, &known, actions, &mut given, out);
        }
    }
}

/// The conditions of the `if` branches among `actions`, each judged under `given`
/// (what holds wherever it is read: `known.rs`).
fn branch_conds(
    cx: &Cx,
    known: &Known,
    actions: &[Spanned<Action>],
    given: &mut Vec<Spanned<Cond>>,
    out: &mut Vec<Diagnostic>,
) {
    for a in actions {
        for arm in a.arms() {
            branch_conds(cx, known, &arm.actions, given, out);
        }
        for b in a.branches() {
            let Some(c) = &b.cond else {
                branch_conds(cx, known, &b.actions, given, out);
                continue;
            };
            walk_given(cx, c, given, out);
            let kept = known.keeps(c);
            if kept {
                given.push(c.clone());
            }
            branch_conds(cx, known, &b.actions, given, out);
            if kept {
                given.pop();
            }
        }
    }
}

/// A branch condition: reported when constant given what holds where it is read,
/// else as any condition.
fn walk_given(cx: &Cx, c: &Spanned<Cond>, given: &[Spanned<Cond>], out: &mut Vec<Diagnostic>) {
    let mut left = MAX_EVALUATIONS;
    match given_verdict(cx, c, given, &mut left) {
        Some(verdict) => out.push(report(cx, c, Site::Branch, verdict, true)),
        None => walk_within(cx, c, Site::Branch, out, &mut left),
    }
}

/// What `c`, depending on the user by itself, does wherever `given` holds; `None`
/// when it still depends on the user there, or `given` itself never holds (that is
/// reported where it is written).
fn given_verdict(
    cx: &Cx,
    c: &Spanned<Cond>,
    given: &[Spanned<Cond>],
    left: &mut usize,
) -> Option<Verdict> {
    if given.is_empty() || cx.logic.verdict_within(c, left) != Verdict::Depends {
        return None;
    }
    let mut never = |x: Cond| {
        let all = given.iter().cloned().chain([Spanned::unplaced(x)]);
        cx.logic.verdict_within(&Cond::And(all.collect()), left) == Verdict::Never
    };
    if never(Cond::And(Vec::new())) {
        None
    } else if never(c.node.clone()) {
        Some(Verdict::Never)
    } else if never(Cond::Not(Box::new(c.clone()))) {
        Some(Verdict::Always)
    } else {
        None
    }
}

/// Reports `c` if it is constant, else looks into its parts; one budget of work
/// (`logic::MAX_EVALUATIONS`) for a condition and all its parts, which bounds the
/// work on deeply nested or huge conditions — past it the parts go undecided, which
/// is sound: no warning.
fn walk(cx: &Cx, c: &Spanned<Cond>, site: Site, out: &mut Vec<Diagnostic>) {
    walk_within(cx, c, site, out, &mut MAX_EVALUATIONS.clone());
}

fn walk_within(
    cx: &Cx,
    c: &Spanned<Cond>,
    site: Site,
    out: &mut Vec<Diagnostic>,
    left: &mut usize,
) {
    let verdict = cx.logic.verdict_within(c, left);
    if verdict != Verdict::Depends {
        out.push(report(cx, c, site, verdict, false));
        return;
    }
    match &c.node {
        Cond::And(parts) | Cond::Or(parts) => {
            for part in parts {
                walk_within(cx, part, Site::Part, out, left);
            }
        }
        Cond::Not(part) => walk_within(cx, part, Site::Part, out, left),
        _ => {}
    }
}

/// `given`: the condition is constant only under what holds where it is read.
fn report(cx: &Cx, c: &Spanned<Cond>, site: Site, verdict: Verdict, given: bool) -> Diagnostic {
    let never = verdict == Verdict::Never;
    let condition = cx.quote(c.span, "this-condition");
    let subjects = cx.logic.subjects(c);
    let so = Arg::Word(consequence(site, never));
    let d = if never {
        Diagnostic::new(
            Code::NeverHolds,
            msg!("never-holds", condition = condition),
            c.span,
            msg!("never-holds.label"),
        )
    } else {
        Diagnostic::new(
            Code::AlwaysHolds,
            msg!("always-holds", condition = condition),
            c.span,
            msg!("always-holds.label"),
        )
    };
    d.with_help(match (never, subjects.is_empty()) {
        _ if given => match never {
            true => msg!("never-holds.help-given", consequence = so),
            false => msg!("always-holds.help-given", consequence = so),
        },
        (true, true) => msg!("never-holds.help", consequence = so),
        (true, false) => msg!(
            "never-holds.help-for",
            subjects = Arg::All(subjects),
            consequence = so
        ),
        (false, true) => msg!("always-holds.help", consequence = so),
        (false, false) => msg!(
            "always-holds.help-for",
            subjects = Arg::All(subjects),
            consequence = so
        ),
    })
}

/// What a constant condition means where it stands (a catalogue id).
fn consequence(site: Site, never: bool) -> &'static str {
    match (site, never) {
        (Site::Guard { unless: false }, true) | (Site::Guard { unless: true }, false) => {
            "consequence.rule-never-runs"
        }
        (Site::Guard { unless: true }, true) => "consequence.unless-never-stops",
        (Site::Guard { unless: false }, false) => "consequence.guard-never-stops",
        (Site::When, true) => "consequence.when-never-fires",
        (Site::When, false) => "consequence.when-fires-at-entry",
        (Site::Branch, true) => "consequence.branch-never-runs",
        (Site::Branch, false) => "consequence.branch-always-runs",
        (Site::Segment, true) => "consequence.segment-empty",
        (Site::Segment, false) => "consequence.segment-everyone",
        (Site::Entry, true) => "consequence.entry-never",
        (Site::Entry, false) => "consequence.entry-everyone",
        (Site::Exit, true) => "consequence.exit-never",
        (Site::Exit, false) => "consequence.exit-everyone",
        (Site::Goal, true) => "consequence.goal-never",
        (Site::Goal, false) => "consequence.goal-always",
        (Site::Multiplier, true) => "consequence.multiplier-never",
        (Site::Multiplier, false) => "consequence.multiplier-everyone",
        (Site::Part, true) => "consequence.part-never-matters",
        (Site::Part, false) => "consequence.part-changes-nothing",
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_source;
    use crate::diag::Code;

    #[test]
    fn a_condition_and_its_parts_share_one_budget() {
        // `vip and (G1) and (G2) …`, each G a tautology over 14 tags that takes about
        // 2¹⁴ × 120 evaluations to prove: the first uses up the budget, the others are
        // left undecided (no warning) rather than costing as much again each.
        let tags: String = (0..14).map(|i| format!("tag t{i}: bool\n")).collect();
        let group = |g: usize| {
            let pairs: Vec<String> = (g..g + 60)
                .map(|i| format!("(t{} or not t{})", i % 14, i % 14))
                .collect();
            format!("({})", pairs.join(" and "))
        };
        let groups: Vec<String> = (0..40).map(group).collect();
        let text = format!(
            "{tags}tag vip: bool\nevent e\ntouchpoint w {{ channel wecom }}\n\
             journey j {{\n  timezone \"UTC\"\n  entry on e\n  stage a {{\n    when vip and {}: send w \"x\"\n  }}\n}}\n",
            groups.join(" and ")
        );
        let diags = check_source(&text).diagnostics;
        let always = diags.iter().filter(|d| d.code == Code::AlwaysHolds).count();
        assert_eq!(always, 1, "{diags:#?}");
    }

    #[test]
    fn goal_conditions_that_never_or_always_hold_are_reported() {
        let text = "tag age: number 0..120
event e
event buy { n: number }
                    journey j {
  timezone \"UTC\"
  entry on e
                      goal a: when age > 200 within 30d
  goal b: buy if age >= 0 within 30d
                      stage s { }
}
";
        let diags = check_source(text).diagnostics;
        let helps: Vec<_> = (diags.iter())
            .filter(|d| matches!(d.code, Code::NeverHolds | Code::AlwaysHolds))
            .map(|d| {
                let help = d.help.as_ref().expect("a help line");
                (d.code, crate::i18n::words(help, crate::i18n::Lang::En))
            })
            .collect();
        assert_eq!(helps.len(), 2, "{diags:#?}");
        assert_eq!(helps[0].0, Code::NeverHolds);
        assert!(
            helps[0].1.contains("no user ever reaches this goal"),
            "{helps:?}"
        );
        assert_eq!(helps[1].0, Code::AlwaysHolds);
        assert!(helps[1].1.contains("adds nothing to the goal"), "{helps:?}");
    }
}

//! Rules of one stage (or a journey's journey-wide rules) compared: each rule as the
//! tokens of its trigger, timing, guard and actions, matched by content, and for a
//! changed rule which of its parts changed.

use super::tokens::{one_line, Renames};
use super::types::{Change, ChangeKind, What};
use super::version::Version;
use crate::source::Span;
use crate::syntax::ast::{Action, Rule, RuleBody};

/// A rule's parts as tokens, and its head (trigger and timing) as written.
pub struct RuleFacts<'r> {
    rule: &'r Rule,
    head: String,
    trigger: String,
    timing: String,
    guard: String,
    body: String,
}

impl<'r> RuleFacts<'r> {
    pub fn of(side: &Version, rule: &'r Rule, rename: &Renames) -> RuleFacts<'r> {
        let t = &rule.timing;
        let timing_spans = [
            t.after.as_ref().map(|x| ("after", x.span)),
            t.days.as_ref().map(|x| ("on", x.span)),
            t.at.as_ref().map(|x| ("at", x.span)),
        ];
        let timing: Vec<String> = (timing_spans.iter().flatten())
            .map(|(word, span)| format!("{word} {}", side.fingerprint(*span, rename)))
            .collect();
        let head_end = (timing_spans.iter().flatten().map(|(_, s)| s.end))
            .chain([rule.trigger.span().end])
            .max()
            .unwrap_or(rule.span.start);
        RuleFacts {
            rule,
            head: one_line(side.text(), Span::new(rule.span.start, head_end)),
            trigger: side.fingerprint(rule.trigger.span(), rename),
            timing: timing.join("\u{2}"),
            guard: (rule.guard.as_ref())
                .map_or(String::new(), |g| side.fingerprint(g.span, rename)),
            body: match &rule.body {
                RuleBody::Transition(to) => {
                    format!("-> {}", rename.get(&to.name).unwrap_or(&to.name))
                }
                RuleBody::Actions(actions) => actions_fp(side, actions, rename),
            },
        }
    }

    pub fn all(&self) -> String {
        [&self.trigger, &self.timing, &self.guard, &self.body]
            .map(String::as_str)
            .join("\u{3}")
    }
}

/// Actions' tokens, each action apart: braces around a rule's actions are layout.
fn actions_fp(side: &Version, actions: &[Action], rename: &Renames) -> String {
    let each = actions.iter().map(|a| match a {
        Action::Split { name, arms, .. } => {
            let arms = arms.iter().map(|arm| {
                format!(
                    "{} {}: {}",
                    side.fingerprint(arm.percent.span, rename),
                    arm.name.name,
                    actions_fp(side, &arm.actions, rename)
                )
            });
            format!(
                "split {:?} {{{}}}",
                name.as_ref().map(|n| &n.name),
                arms.collect::<Vec<_>>().join("\u{4}")
            )
        }
        Action::If { branches, .. } => {
            let branches = branches.iter().map(|b| {
                let cond = b
                    .cond
                    .as_ref()
                    .map_or(String::new(), |c| side.fingerprint(c.span(), rename));
                format!("if {cond}: {}", actions_fp(side, &b.actions, rename))
            });
            branches.collect::<Vec<_>>().join("\u{4}")
        }
        other => side.fingerprint(other.span(), rename),
    });
    each.collect::<Vec<_>>().join("\u{2}")
}

/// Which parts of two actions lists differ, added to `parts`.
fn action_parts(
    o: &Version,
    n: &Version,
    old: &[Action],
    new: &[Action],
    rename: &Renames,
    parts: &mut Vec<String>,
) {
    let mut add = |part: &str| {
        if !parts.iter().any(|p| p == part) {
            parts.push(part.to_string());
        }
    };
    if old.len() != new.len() {
        return add("actions");
    }
    let mut nested = Vec::new();
    for (a, b) in old.iter().zip(new) {
        if actions_fp(o, std::slice::from_ref(a), rename)
            == actions_fp(n, std::slice::from_ref(b), &Renames::new())
        {
            continue;
        }
        match (a, b) {
            (
                Action::Send {
                    touchpoint: t1,
                    template: s1,
                    ..
                },
                Action::Send {
                    touchpoint: t2,
                    template: s2,
                    ..
                },
            ) => {
                if t1.name != t2.name {
                    add("touchpoint");
                }
                if s1.value != s2.value {
                    add("template");
                }
            }
            (
                Action::Split {
                    name: n1, arms: a1, ..
                },
                Action::Split {
                    name: n2, arms: a2, ..
                },
            ) if n1.as_ref().map(|x| &x.name) == n2.as_ref().map(|x| &x.name)
                && a1.len() == a2.len()
                && a1.iter().zip(a2).all(|(x, y)| x.name.name == y.name.name) =>
            {
                for (x, y) in a1.iter().zip(a2) {
                    if o.fingerprint(x.percent.span, rename)
                        != n.fingerprint(y.percent.span, rename)
                    {
                        add("split percents");
                    }
                    nested.push((&x.actions[..], &y.actions[..]));
                }
            }
            (Action::If { branches: b1, .. }, Action::If { branches: b2, .. })
                if b1.len() == b2.len() =>
            {
                for (x, y) in b1.iter().zip(b2) {
                    let cond = |s: &Version, c: &Option<crate::syntax::ast::Cond>, r: &Renames| {
                        c.as_ref().map(|c| s.fingerprint(c.span(), r))
                    };
                    if cond(o, &x.cond, rename) != cond(n, &y.cond, &Renames::new()) {
                        add("conditions");
                    }
                    nested.push((&x.actions[..], &y.actions[..]));
                }
            }
            _ => add("actions"),
        }
    }
    for (x, y) in nested {
        action_parts(o, n, x, y, rename, parts);
    }
}

/// Compares the rules of one stage (or the journey-wide rules).
pub struct Rules<'s> {
    pub o: &'s Version,
    pub n: &'s Version,
    pub renames: &'s Renames,
}

impl Rules<'_> {
    /// Matches `old` and `new`: equal rules first (in any order), then rules with the
    /// same trigger and timing, then rules with the same actions, each a change; the
    /// rest are removed or added.
    pub fn compare(&self, name: &str, old: &[Rule], new: &[Rule], out: &mut Vec<Change>) {
        let none = Renames::new();
        let old: Vec<RuleFacts> = old
            .iter()
            .map(|r| RuleFacts::of(self.o, r, self.renames))
            .collect();
        let new: Vec<RuleFacts> = new
            .iter()
            .map(|r| RuleFacts::of(self.n, r, &none))
            .collect();
        let mut old_left: Vec<Option<&RuleFacts>> = old.iter().map(Some).collect();
        let mut pairs: Vec<(Option<&RuleFacts>, &RuleFacts)> = Vec::new();
        let keys: [fn(&RuleFacts) -> String; 3] = [
            |r| r.all(),
            |r| format!("{}\u{3}{}", r.trigger, r.timing),
            |r| r.body.clone(),
        ];
        let mut new_left: Vec<Option<&RuleFacts>> = new.iter().map(Some).collect();
        for key in keys {
            for slot in new_left.iter_mut() {
                let Some(b) = *slot else { continue };
                let found = old_left
                    .iter_mut()
                    .find(|a| a.is_some_and(|a| key(a) == key(b)));
                if let Some(a) = found {
                    pairs.push((a.take(), b));
                    *slot = None;
                }
            }
        }
        pairs.extend(new_left.into_iter().flatten().map(|b| (None, b)));
        // In NEW's order, removed rules after.
        pairs.sort_by_key(|(_, b)| b.rule.span.start);
        let rule_change = |kind, a: Option<&RuleFacts>, b: Option<&RuleFacts>, parts| Change {
            kind,
            what: What::Rule,
            name: format!(
                "{name}: {}",
                b.or(a).map(|r| r.head.as_str()).unwrap_or_default()
            ),
            old_name: None,
            parts,
            new: b.map(|r| self.n.position(r.rule.span)),
            old: a.map(|r| self.o.position(r.rule.span)),
        };
        for (a, b) in pairs {
            match a {
                None => out.push(rule_change(ChangeKind::Added, None, Some(b), vec![])),
                Some(a) if a.all() == b.all() => {}
                Some(a) => {
                    let parts = self.parts(a, b);
                    let change = rule_change(ChangeKind::Changed, Some(a), Some(b), parts);
                    // A new head: the rule is named by both, `after 7d` → `after 5d`.
                    let old_name = (a.head != b.head).then(|| format!("{name}: {}", a.head));
                    out.push(Change { old_name, ..change });
                }
            }
        }
        for a in old_left.into_iter().flatten() {
            out.push(rule_change(ChangeKind::Removed, Some(a), None, vec![]));
        }
    }

    fn parts(&self, a: &RuleFacts, b: &RuleFacts) -> Vec<String> {
        let mut parts = Vec::new();
        for (part, x, y) in [
            ("trigger", &a.trigger, &b.trigger),
            ("timing", &a.timing, &b.timing),
            ("guard", &a.guard, &b.guard),
        ] {
            if x != y {
                parts.push(part.to_string());
            }
        }
        if a.body != b.body {
            match (&a.rule.body, &b.rule.body) {
                (RuleBody::Actions(x), RuleBody::Actions(y)) => {
                    action_parts(self.o, self.n, x, y, self.renames, &mut parts)
                }
                _ => parts.push("actions".into()),
            }
        }
        parts
    }
}

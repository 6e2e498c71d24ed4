//! Journeys: settings, stages, rules and actions.

use super::cond::type_word;
use super::model::*;
use super::scope::LocalScope;
use super::{Checker, Report};
use crate::diag::{Code, Diagnostic};
use crate::i18n::{msg, Arg};
use crate::source::Span;
use crate::syntax::ast::{self, JourneySetting, Value};
use crate::units::Percent;

impl Checker<'_> {
    /// The journey's model (`None` without an entry) and its warnings.
    pub(super) fn journey(&mut self, j: &ast::Journey) -> (Option<Journey>, Vec<Diagnostic>) {
        let mut stages = LocalScope::with_capacity(j.stages.len());
        for (i, s) in j.stages.iter().enumerate() {
            match stages.declare(&s.name.name, StageId(i as u32)) {
                Ok(()) => {}
                Err(earlier) => {
                    let earlier = j.stages[earlier.index()].name.span;
                    self.duplicate("kind-stage", &s.name, earlier);
                }
            }
        }

        self.split_names(j);

        let mut timezone: Option<(chrono_tz::Tz, Span)> = None;
        let mut entry: Option<(Entry, Span)> = None;
        let mut reentry: Option<(Reentry, Span)> = None;
        let mut holdout: Option<(Percent, Span)> = None;
        let mut exits = Vec::new();
        let mut goals = Vec::new();
        let mut goal_names = LocalScope::with_capacity(j.settings.len());
        let mut limits = Vec::new();
        let mut priority: Option<(i64, Span)> = None;
        for s in &j.settings {
            match s {
                JourneySetting::Timezone(tz) => {
                    if let Some((_, earlier)) = timezone {
                        self.duplicate_setting("timezone", tz.span, earlier);
                    } else if let Some(parsed) = self.timezone(tz) {
                        timezone = Some((parsed, tz.span));
                    }
                }
                JourneySetting::Entry(e) => {
                    let span = match e {
                        ast::Entry::On { span, .. } | ast::Entry::When(_, span) => *span,
                    };
                    if let Some((_, earlier)) = entry {
                        self.duplicate_setting("entry", span, earlier);
                        continue;
                    }
                    let resolved = match e {
                        ast::Entry::On { event, cond, .. } => {
                            // the condition first: references are recorded in file order
                            let handled = self.decls.events.get(&event.name);
                            let cond =
                                self.handling(handled, |c| cond.as_ref().map(|x| c.cond(x, None)));
                            self.event_ref(event).map(|event| Entry::On { event, cond })
                        }
                        ast::Entry::When(c, _) => Some(Entry::When(self.cond(c, None))),
                    };
                    if let Some(r) = resolved {
                        entry = Some((r, span));
                    }
                }
                JourneySetting::Reentry(r) => {
                    if let Some((_, earlier)) = reentry {
                        self.duplicate_setting("reentry", r.span, earlier);
                        continue;
                    }
                    reentry = Some((
                        match r.value {
                            ast::Reentry::Never => Reentry::Never,
                            ast::Reentry::Always => Reentry::Always,
                            ast::Reentry::After(d) => Reentry::After(d),
                        },
                        r.span,
                    ));
                }
                JourneySetting::Exit(e) => match e {
                    ast::ExitLine::On(event, cond, span) => match self.event_ref(event) {
                        Some(ev) => {
                            let cond = self.handling(Some(ev), |c| {
                                cond.as_ref().map(|x| c.cond(x, Some(&stages)))
                            });
                            exits.push(ExitLine::On(ev, cond));
                        }
                        // The error is reported; the line still counts as a way out
                        // for the dead-end warning, as written.
                        None => exits.push(ExitLine::When(unresolved(*span))),
                    },
                    ast::ExitLine::When(c, _) => {
                        let c = self.cond(c, Some(&stages));
                        exits.push(ExitLine::When(c));
                    }
                },
                JourneySetting::Goal(g) => {
                    if let Err(earlier) = goal_names.declare(&g.name.name, g.name.span) {
                        self.duplicate("kind-goal", &g.name, earlier);
                    }
                    match self.goal(g, &stages) {
                        Some(goal) => goals.push(goal),
                        // The error is reported; a placeholder way out keeps the
                        // dead-end warning as quiet as the goal would (J0404 is not
                        // given in a journey with a goal or an exit line).
                        None => exits.push(ExitLine::When(unresolved(g.span))),
                    }
                }
                JourneySetting::Holdout(p) => {
                    if let Some((_, earlier)) = holdout {
                        self.duplicate_setting("holdout", p.span, earlier);
                    } else {
                        holdout = Some((p.value, p.span));
                    }
                }
                JourneySetting::Limit(l) => limits.push(Limit::of(l)),
                JourneySetting::Priority(value, span) => {
                    if let Some((_, earlier)) = priority {
                        self.duplicate_setting("priority", *span, earlier);
                    } else {
                        priority = Some((self.priority(value), *span));
                    }
                }
            }
        }

        if entry.is_none()
            && !j
                .settings
                .iter()
                .any(|s| matches!(s, JourneySetting::Entry(_)))
        {
            self.push(
                Diagnostic::new(
                    Code::MissingEntry,
                    msg!("missing-entry", name = &j.name.name),
                    j.name.span,
                    msg!("missing-entry.label"),
                )
                .with_help(msg!("missing-entry.help")),
            );
        }
        if j.stages.is_empty() {
            self.push(
                Diagnostic::new(
                    Code::NoStages,
                    msg!("no-stages", name = &j.name.name),
                    j.name.span,
                    msg!("no-stages.label"),
                )
                .with_help(msg!("no-stages.help")),
            );
        }

        let rules = self.journey_wide_rules(j, &stages);
        let stage_models: Vec<Stage> = j
            .stages
            .iter()
            .map(|s| Stage {
                name: s.name.name.clone(),
                label: s.label.as_ref().map(|l| l.value.clone()),
                rules: (s.rules.iter())
                    .map(|r| self.rule(r, &stages, Some(&s.name.name)))
                    .collect(),
                span: s.name.span,
            })
            .collect();

        let entered = entry.is_some();
        // Without an entry the model still serves the warnings, then is dropped.
        let entry = entry.map_or(Entry::When(unresolved(j.name.span)), |(e, _)| e);
        let journey = Journey {
            name: j.name.name.clone(),
            label: j.label.as_ref().map(|l| l.value.clone()),
            timezone: timezone.map_or(chrono_tz::UTC, |(tz, _)| tz),
            timezone_given: j
                .settings
                .iter()
                .any(|s| matches!(s, JourneySetting::Timezone(_))),
            entry,
            reentry: reentry.map_or(Reentry::Never, |(r, _)| r),
            exits,
            goals,
            holdout: holdout.map_or(Percent::default(), |(p, _)| p),
            limits,
            priority: priority.map_or(0, |(p, _)| p),
            rules,
            stages: stage_models,
            span: j.name.span,
        };
        let warnings = super::warnings::journey_warnings(&journey);
        (entered.then_some(journey), warnings)
    }

    /// The journey-wide rules' models. `on enter`, `on exit` and `after` count from a
    /// stage's entry or exit, which a rule of the whole journey has not: J0340, naming
    /// the stages it could go in. Such a rule's names are still resolved (they are
    /// used, and may be misspelt), and the model is dropped for the error.
    fn journey_wide_rules(&mut self, j: &ast::Journey, stages: &LocalScope<StageId>) -> Vec<Rule> {
        let mut rules = Vec::with_capacity(j.rules.len());
        for r in &j.rules {
            let rule = self.rule(r, stages, None);
            let trigger = match &r.trigger {
                ast::Trigger::Enter(_) => "on enter",
                ast::Trigger::Exit(_) => "on exit",
                ast::Trigger::After(..) => "after",
                _ => {
                    rules.push(rule);
                    continue;
                }
            };
            let names: Vec<String> = j.stages.iter().map(|s| s.name.name.clone()).collect();
            let help = match names.is_empty() {
                true => msg!("stage-trigger-outside-stage.help-none"),
                false => msg!(
                    "stage-trigger-outside-stage.help",
                    stages = Arg::Names(names)
                ),
            };
            self.push(
                Diagnostic::new(
                    Code::StageTriggerOutsideStage,
                    msg!("stage-trigger-outside-stage", trigger = trigger),
                    r.trigger.span(),
                    msg!("stage-trigger-outside-stage.label"),
                )
                .with_help(help),
            );
        }
        rules
    }

    /// A rule of the stage `here`, or (`None`) a journey-wide rule.
    fn rule(&mut self, r: &ast::Rule, stages: &LocalScope<StageId>, here: Option<&str>) -> Rule {
        let trigger = match &r.trigger {
            ast::Trigger::Enter(_) => Trigger::Enter,
            ast::Trigger::Exit(_) => Trigger::Exit,
            ast::Trigger::Event(e) => self.event_ref(e).map_or(Trigger::Enter, Trigger::Event),
            ast::Trigger::When(c, _) => Trigger::When(self.cond(c, Some(stages))),
            ast::Trigger::After(d, _) => Trigger::After(d.value),
            ast::Trigger::Every { days, clocks, .. } => Trigger::Every {
                days: days.value,
                clocks: clocks.iter().map(|c| c.value).collect(),
                clock_spans: clocks.iter().map(|c| c.span).collect(),
            },
            ast::Trigger::EveryMonth { .. } | ast::Trigger::Date(_) => {
                self.date_trigger(&r.trigger).expect("a date trigger")
            }
        };
        let timing = Timing {
            after: r.timing.after.as_ref().map(|d| d.value),
            days: r.timing.days.as_ref().map(|d| d.value),
            at: r.timing.at.as_ref().map(|c| c.value),
        };
        // an `on EVENT` rule's guard and actions may read the event's fields
        let handled = match trigger {
            Trigger::Event(e) => Some(e),
            _ => None,
        };
        let (guard, body) = self.handling(handled, |c| {
            let guard = r.guard.as_ref().map(|g| Guard {
                negated: g.negated,
                cond: c.cond(&g.cond, Some(stages)),
            });
            let body = match &r.body {
                ast::RuleBody::Transition(s) => {
                    Body::Transition(c.stage_ref(stages, s, here).unwrap_or(StageId(0)))
                }
                ast::RuleBody::Actions(actions) => Body::Actions(c.actions(actions, stages, here)),
            };
            (guard, body)
        });
        let due = match (&r.trigger, &r.timing.after) {
            (_, Some(d)) | (ast::Trigger::After(d, _), None) => d.span,
            _ => r.trigger.span(),
        };
        Rule {
            trigger,
            timing,
            guard,
            body,
            span: r.span,
            spans: RuleSpans {
                trigger: r.trigger.span(),
                due,
                at: r.timing.at.as_ref().map_or(Span::default(), |c| c.span),
            },
        }
    }

    fn actions(
        &mut self,
        actions: &[ast::Action],
        stages: &LocalScope<StageId>,
        here: Option<&str>,
    ) -> Vec<Spanned<Action>> {
        let action = |a: &ast::Action| Some(Spanned::new(self.action(a, stages, here)?, a.span()));
        actions.iter().filter_map(action).collect()
    }

    fn action(
        &mut self,
        a: &ast::Action,
        stages: &LocalScope<StageId>,
        here: Option<&str>,
    ) -> Option<Action> {
        Some(match a {
            ast::Action::Send {
                touchpoint,
                template,
                ..
            } => Action::Send {
                touchpoint: self.touchpoint_ref(touchpoint)?,
                template: template.value.clone(),
            },
            ast::Action::TagSet { tag, value, .. } => {
                let id = self.tag_ref(tag)?;
                Action::SetTag {
                    tag: id,
                    value: self.tag_value(id, tag, value.as_ref())?,
                }
            }
            ast::Action::TagAdd { tag, value, .. } | ast::Action::TagRemove { tag, value, .. } => {
                let id = self.tag_ref(tag)?;
                let member =
                    self.set_member(id, tag, value, matches!(a, ast::Action::TagAdd { .. }))?;
                if matches!(a, ast::Action::TagAdd { .. }) {
                    Action::AddMember { tag: id, member }
                } else {
                    Action::RemoveMember { tag: id, member }
                }
            }
            ast::Action::TagField { tag, field, .. } => self.tag_from_field(tag, field)?,
            ast::Action::Untag { tag, .. } => Action::Untag {
                tag: self.tag_ref(tag)?,
            },
            // An unknown stage is reported; the stage still has a way out, as written
            // (the placeholder `exit` adds no edge, so reachability is as written too).
            ast::Action::Goto { stage, .. } => match self.stage_ref(stages, stage, here) {
                Some(to) => Action::Goto(to),
                None => Action::Exit { reason: None },
            },
            ast::Action::Exit { reason, .. } => Action::Exit {
                reason: reason.as_ref().map(|r| r.value.clone()),
            },
            ast::Action::Split { name, arms, span } => {
                let mut names = LocalScope::with_capacity(arms.len());
                let mut out = Vec::with_capacity(arms.len());
                let mut total = 0.0;
                for arm in arms {
                    if let Err(earlier) = names.declare(&arm.name.name, arm.name.span) {
                        self.duplicate("kind-split-arm", &arm.name, earlier);
                    }
                    total += arm.percent.value.value();
                    out.push(SplitArm {
                        name: arm.name.name.clone(),
                        percent: arm.percent.value,
                        percent_span: arm.percent.span,
                        actions: self.actions(&arm.actions, stages, here),
                    });
                }
                if !super::sums_to_100(total) {
                    let total = total.to_string();
                    let mut d = Diagnostic::new(
                        Code::SplitPercentSum,
                        msg!("split-percent-sum", total = &total),
                        *span,
                        msg!("split-percent-sum.label", total = &total),
                    )
                    .with_help(msg!("split-percent-sum.help"));
                    for arm in arms {
                        let label = msg!("split-percent-sum.arm", name = &arm.name.name);
                        d = d.with_label(arm.percent.span, label);
                    }
                    self.push(d);
                }
                Action::Split {
                    name: name.as_ref().map(|n| n.name.clone()),
                    arms: out,
                }
            }
            ast::Action::Task {
                team, text, within, ..
            } => Action::Task {
                team: self.team_ref(team)?,
                text: text.value.clone(),
                within: (within.as_ref())
                    .map(|d| Spanned::new(self.window(d, "service-level"), d.span)),
            },
            ast::Action::Enter { journey, .. } => Action::Enter(self.enter(journey)?),
            // Conditions are resolved and typed as a rule's guard is.
            ast::Action::If { branches, .. } => Action::If {
                branches: branches
                    .iter()
                    .map(|b| Branch {
                        cond: b.cond.as_ref().map(|c| self.cond(c, Some(stages))),
                        actions: self.actions(&b.actions, stages, here),
                        head: b.head,
                    })
                    .collect(),
            },
        })
    }

    /// The value of `tag T` / `tag T = v`, typed by the tag.
    fn tag_value(
        &mut self,
        id: TagId,
        name: &ast::Ident,
        value: Option<&Value>,
    ) -> Option<TagValue> {
        let tag = self.tag(id);
        let result = match (&tag.ty, value) {
            (TagType::Bool, None) => Ok(TagValue::Bool(true)),
            (TagType::Bool, Some(Value::Name(w))) if w.name == "true" || w.name == "false" => {
                Ok(TagValue::Bool(w.name == "true"))
            }
            (TagType::Number { .. }, Some(Value::Number(n))) => Ok(TagValue::Number(n.value)),
            (TagType::Text, Some(v @ (Value::Str(_) | Value::Name(_)))) => {
                Ok(TagValue::Text(v.as_word().unwrap().to_string()))
            }
            (TagType::Enum(vs), Some(v @ (Value::Str(_) | Value::Name(_)))) => {
                let word = v.as_word().unwrap();
                match vs.iter().position(|x| x == word) {
                    Some(i) => {
                        self.refer_variant(id, i, v.span());
                        Ok(TagValue::Variant(i as u32))
                    }
                    None => {
                        self.not_a_variant(tag, word, v.span());
                        return None;
                    }
                }
            }
            (TagType::Set(_), _) => Err(msg!("tag-action-mismatch.help-set", tag = &tag.name)),
            (TagType::Bool, Some(_)) => Err(msg!("tag-action-mismatch.help-bool", tag = &tag.name)),
            (_, None) => Err(msg!("tag-action-mismatch.help-missing", tag = &tag.name)),
            (TagType::Number { .. }, Some(_)) => {
                Err(msg!("tag-action-mismatch.help-number", tag = &tag.name))
            }
            _ => Err(msg!(
                "tag-action-mismatch.help-word",
                tag = &tag.name,
                ty = type_word(&tag.ty)
            )),
        };
        match result {
            Ok(v) => Some(v),
            Err(help) => {
                let span = value.map_or(name.span, Value::span);
                let ty = type_word(&tag.ty);
                self.push(
                    Diagnostic::new(
                        Code::TagActionMismatch,
                        msg!("tag-action-mismatch", tag = &tag.name, ty = ty.clone()),
                        span,
                        msg!("tag-action-mismatch.label"),
                    )
                    .with_label(tag.span, msg!("declared-as-type", ty = ty))
                    .with_help(help),
                );
                None
            }
        }
    }

    fn set_member(
        &mut self,
        id: TagId,
        name: &ast::Ident,
        value: &Value,
        add: bool,
    ) -> Option<u32> {
        let tag = self.tag(id);
        let TagType::Set(members) = &tag.ty else {
            let op = if add { "+=" } else { "-=" };
            let ty = type_word(&tag.ty);
            self.push(
                Diagnostic::new(
                    Code::TagActionMismatch,
                    msg!(
                        "member-op-needs-set",
                        op = op,
                        tag = &tag.name,
                        ty = ty.clone()
                    ),
                    name.span.to(value.span()),
                    msg!("member-op-needs-set.label", op = op, ty = ty.clone()),
                )
                .with_label(tag.span, msg!("declared-as-type", ty = ty))
                .with_help(msg!("member-op-needs-set.help", tag = &tag.name)),
            );
            return None;
        };
        let word = value.as_word().unwrap_or_default();
        match members.iter().position(|m| m == word) {
            Some(i) => {
                self.refer_variant(id, i, value.span());
                Some(i as u32)
            }
            None => {
                self.not_a_variant(tag, word, value.span());
                None
            }
        }
    }
}

/// A placeholder condition where the file has an error (an unknown name, a missing
/// entry): such a journey's model only serves its warnings and is then dropped.
fn unresolved(span: Span) -> Spanned<Cond> {
    Spanned::new(Cond::And(Vec::new()), span)
}

#[cfg(test)]
mod tests {
    use crate::check::check_source;
    use crate::diag::{Code, Diagnostic, Safety};
    use crate::i18n::{words, Lang};

    /// The J0106 of a journey with stages 新手, 新客 and 老客, where 新手 has `rule`.
    fn unknown_stage(rule: &str) -> Diagnostic {
        let text = format!(
            "event signup\nevent visit\njourney 旅程 {{\n  entry on signup\n  \
             stage 新手 {{\n    {rule}\n  }}\n  stage 新客 {{ }}\n  stage 老客 {{ }}\n}}\n"
        );
        let checked = check_source(&text);
        let found = checked
            .diagnostics
            .iter()
            .find(|d| d.code == Code::UnknownStage);
        found.expect("J0106").clone()
    }

    fn help(d: &Diagnostic, lang: Lang) -> String {
        words(d.help.as_deref().expect("a help line"), lang)
    }

    #[test]
    fn a_stage_trigger_in_the_journey_body_is_an_error_and_its_names_count_as_used() {
        let codes = |rule: &str| -> Vec<Code> {
            let text = format!("event signup\ntouchpoint wecom {{ channel wecom }}\njourney j {{\n  timezone \"UTC\"\n  entry on signup\n  goal g: signup within 1d\n  {rule}\n  stage a {{ }}\n}}\n");
            (check_source(&text).diagnostics.iter())
                .map(|d| d.code)
                .collect()
        };
        // `wecom` is used there: not reported unused
        assert_eq!(
            codes("on exit: send wecom \"x\""),
            [Code::StageTriggerOutsideStage]
        );
        // and names are still checked
        assert_eq!(
            codes("after 1d: { send wecom \"x\" goto b }"),
            [Code::StageTriggerOutsideStage, Code::UnknownStage]
        );
    }

    #[test]
    fn a_misspelt_stage_suggests_another_stage_before_the_one_the_rule_is_in() {
        let d = unknown_stage("on visit -> 新克");
        assert_eq!(help(&d, Lang::En), "did you mean `新客`?");
        assert_eq!(d.fixes.len(), 1);
        assert_eq!(d.fixes[0].safety, Safety::Safe);
        assert_eq!(d.fixes[0].edits[0].text, "新客");
        let d = unknown_stage("on visit: goto 新克");
        assert_eq!(help(&d, Lang::En), "did you mean `新客`?");
    }

    #[test]
    fn equally_close_stages_are_all_named_each_a_suggested_fix() {
        // 老手 is one edit from 新手 (where the rule is) and from 老客: 老客 only.
        let d = unknown_stage("on visit -> 老手");
        assert_eq!(help(&d, Lang::En), "did you mean `老客`?");
        // 某客 is one edit from both 新客 and 老客.
        let d = unknown_stage("on visit -> 某客");
        assert_eq!(help(&d, Lang::En), "did you mean `新客` or `老客`?");
        assert_eq!(help(&d, Lang::Zh), "是不是想写 `新客` 或 `老客`？");
        let fixes: Vec<_> = d
            .fixes
            .iter()
            .map(|f| (f.safety, f.edits[0].text.as_str()))
            .collect();
        assert_eq!(
            fixes,
            [(Safety::Suggested, "新客"), (Safety::Suggested, "老客")]
        );
    }
}

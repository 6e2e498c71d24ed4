//! Populations: the synthetic users a journey is simulated on (spec §7).

use super::model::*;
use super::{Checker, Report};
use crate::diag::{Code, Diagnostic};
use crate::i18n::{msg, Arg, Message};
use crate::limits::{self, grouped, MAX_DAYS, MAX_USERS, MAX_USER_DAYS};
use crate::source::Span;
use crate::syntax::ast::{self, BehaviorItem, FieldType, PopulationSetting, Value};
use crate::units::Period;

/// What a distribution must produce: a tag's type or an event field's type.
#[derive(Clone, Copy, Debug)]
enum Target<'a> {
    Tag(&'a Tag),
    Field {
        event: &'a str,
        name: &'a str,
        id: (EventId, FieldId),
        ty: FieldType,
        decl: &'a Field,
    },
}

impl Target<'_> {
    /// `message`, about it: the catalogue names it with a select on `kind` (a tag
    /// or a field) that shows `target` (`年龄`, `purchase.amount`).
    fn named_in(self, message: Message) -> Message {
        let (kind, name) = match self {
            Target::Tag(t) => ("tag", t.name.clone()),
            Target::Field { event, name, .. } => ("field", format!("{event}.{name}")),
        };
        message.with("kind", kind).with("target", name)
    }
}

impl Checker<'_> {
    pub(super) fn population(&mut self, p: &ast::Population) -> Option<Population> {
        let mut size = None;
        let mut start = None;
        let mut days = None;
        let mut arrivals = None;
        let mut tags: Vec<(TagId, Span, TagDistribution)> = Vec::new();
        let mut behaviors: Vec<(EventId, Span, Behavior)> = Vec::new();
        let mut history: Vec<(EventId, Span, History)> = Vec::new();
        let mut ok = true;
        for s in &p.settings {
            match s {
                PopulationSetting::Size(n) => self.once(&mut size, "size", n.span, n.value),
                PopulationSetting::Days(n) => self.once(&mut days, "days", n.span, n.value),
                PopulationSetting::Start { date, clock, span } => {
                    let time = clock.as_ref().map_or(chrono::NaiveTime::MIN, |c| {
                        chrono::NaiveTime::from_hms_opt(c.value.hour(), c.value.minute(), 0)
                            .unwrap_or_default()
                    });
                    self.once(&mut start, "start", *span, date.value.and_time(time));
                }
                PopulationSetting::Arrivals { event, over, span } => {
                    let over = self.window(over, "arrivals");
                    match self.event_ref(event) {
                        Some(event) => self.once(
                            &mut arrivals,
                            "arrivals",
                            *span,
                            Some(Arrivals { event, over }),
                        ),
                        None => ok = false,
                    }
                }
                PopulationSetting::NoArrivals(span) => {
                    self.once(&mut arrivals, "arrivals", *span, None)
                }
                PopulationSetting::History {
                    event,
                    amount,
                    within,
                    span,
                } => {
                    let Some(line) = self.history(event, amount, within) else {
                        ok = false;
                        continue;
                    };
                    if let Some((_, earlier, _)) = history.iter().find(|(e, _, _)| *e == line.event)
                    {
                        let earlier = *earlier;
                        self.duplicate_setting(&format!("history {}", event.name), *span, earlier);
                        continue;
                    }
                    history.push((line.event, *span, line));
                }
                PopulationSetting::Tag { tag, dist, span } => {
                    let Some(id) = self.tag_ref(tag) else {
                        ok = false;
                        continue;
                    };
                    if let Some((_, earlier, _)) = tags.iter().find(|(t, _, _)| *t == id) {
                        let earlier = *earlier;
                        self.duplicate_setting(&format!("tag {}", tag.name), *span, earlier);
                        continue;
                    }
                    let Some(dist) = self.distribution(Target::Tag(self.tag(id)), dist) else {
                        ok = false;
                        continue;
                    };
                    tags.push((id, *span, TagDistribution { tag: id, dist }));
                }
                PopulationSetting::Behavior(b) => {
                    let Some(event) = self.event_ref(&b.event) else {
                        ok = false;
                        continue;
                    };
                    if let Some((_, earlier, _)) = behaviors.iter().find(|(e, _, _)| *e == event) {
                        let earlier = *earlier;
                        self.duplicate_setting(
                            &format!("behavior {}", b.event.name),
                            b.event.span,
                            earlier,
                        );
                        continue;
                    }
                    if let Some(model) = self.behavior(event, b) {
                        behaviors.push((event, b.event.span, model));
                    }
                }
            }
        }
        let missing = [
            (size.is_none(), "size", "size 10_000"),
            (start.is_none(), "start", "start 2026-03-02 09:00"),
            (days.is_none(), "days", "days 60"),
            (
                arrivals.is_none() && ok,
                "arrivals",
                "arrivals signup over 14d",
            ),
        ];
        for (absent, setting, example) in missing {
            if absent {
                let owner = ("kind-population", p.name.name.as_str());
                self.missing_setting(owner, setting, p.name.span, example);
            }
        }
        self.simulation_limits(size, days);
        Some(Population {
            name: p.name.name.clone(),
            label: p.label.as_ref().map(|l| l.value.clone()),
            size: size?.0,
            start: start?.0,
            days: days?.0,
            arrivals: arrivals?.0,
            history: history.into_iter().map(|(_, _, h)| h).collect(),
            tags: tags.into_iter().map(|(_, _, d)| d).collect(),
            behaviors: behaviors.into_iter().map(|(_, _, b)| b).collect(),
            span: p.name.span,
        })
    }

    /// J0315: a population larger than one simulation runs (docs/language.md, "Limits"),
    /// refused here so that no simulation of it starts.
    fn simulation_limits(&mut self, size: Option<(u64, Span)>, days: Option<(u32, Span)>) {
        let days = days.map(|(n, span)| (u64::from(n), span));
        let (span, message, label, help) = match (size, days) {
            (Some((n, span)), _) if n > MAX_USERS => (
                span,
                msg!("too-many-users", users = grouped(n)),
                msg!("too-many-users.label", max = grouped(MAX_USERS)),
                msg!("too-many-users.help", max = grouped(MAX_USERS)),
            ),
            (_, Some((n, span))) if n > MAX_DAYS => (
                span,
                msg!("too-many-days", days = grouped(n)),
                msg!("too-many-days.label", max = grouped(MAX_DAYS)),
                msg!("too-many-days.help", max = grouped(MAX_DAYS)),
            ),
            (Some((users, span)), Some((n, _))) if !limits::user_days_fit(users, n) => (
                span,
                msg!(
                    "too-many-user-days",
                    users = grouped(users),
                    days = grouped(n)
                ),
                msg!(
                    "too-many-user-days.label",
                    total = grouped(users.saturating_mul(n))
                ),
                msg!("too-many-user-days.help", max = grouped(MAX_USER_DAYS)),
            ),
            _ => return,
        };
        self.push(Diagnostic::new(Code::TooLargeToSimulate, message, span, label).with_help(help));
    }

    /// Records a setting that may be given once.
    fn once<T>(&mut self, slot: &mut Option<(T, Span)>, what: &str, span: Span, value: T) {
        match slot {
            Some((_, earlier)) => {
                let earlier = *earlier;
                self.duplicate_setting(what, span, earlier);
            }
            None => *slot = Some((value, span)),
        }
    }

    fn behavior(&mut self, event: EventId, b: &ast::Behavior) -> Option<Behavior> {
        let mut out = Behavior {
            event,
            rate_per_day: None,
            multipliers: Vec::new(),
            after_send: Vec::new(),
            fields: Vec::new(),
            once: false,
            span: b.event.span,
        };
        let mut rate_span: Option<Span> = None;
        let mut once_span: Option<Span> = None;
        let mut ok = true;
        for item in &b.items {
            match item {
                BehaviorItem::Rate {
                    percent,
                    period,
                    span,
                } => {
                    if let Some(earlier) = rate_span {
                        self.duplicate_setting("rate", *span, earlier);
                        continue;
                    }
                    rate_span = Some(*span);
                    let days = match period.value {
                        Period::Day => 1.0,
                        Period::Week => 7.0,
                        Period::Month => 30.0,
                    };
                    out.rate_per_day = Some(percent.value.fraction() / days);
                }
                BehaviorItem::If {
                    cond, multiplier, ..
                } => {
                    let c = self.cond(cond, None);
                    out.multipliers.push((c, multiplier.value));
                }
                BehaviorItem::AfterSend {
                    touchpoint,
                    within,
                    effect,
                    ..
                } => {
                    let touchpoint = match touchpoint {
                        Some(t) => match self.touchpoint_ref(t) {
                            Some(id) => Some(id),
                            None => {
                                ok = false;
                                continue;
                            }
                        },
                        None => None,
                    };
                    out.after_send.push(AfterSend {
                        after: Reacts::Send(touchpoint),
                        within: self.window(within, "after-send"),
                        effect: effect_of(effect),
                    });
                }
                BehaviorItem::AfterTask {
                    team,
                    within,
                    effect,
                    ..
                } => {
                    let Some(team) = self.team_ref(team) else {
                        ok = false;
                        continue;
                    };
                    out.after_send.push(AfterSend {
                        after: Reacts::Task(team),
                        within: self.window(within, "after-task"),
                        effect: effect_of(effect),
                    });
                }
                BehaviorItem::Field { field, dist, .. } => {
                    let Some((fid, ty)) = self.field_ref(event, field) else {
                        ok = false;
                        continue;
                    };
                    let ev = self.decls.model.event(event);
                    let target = Target::Field {
                        event: &ev.name,
                        name: &field.name,
                        id: (event, fid),
                        ty,
                        decl: &ev.fields[fid.0 as usize],
                    };
                    match self.distribution(target, dist) {
                        Some(d) => out.fields.push((fid, d)),
                        None => ok = false,
                    }
                }
                BehaviorItem::Once(span) => {
                    if let Some(earlier) = once_span {
                        self.duplicate_setting("once", *span, earlier);
                        continue;
                    }
                    once_span = Some(*span);
                    out.once = true;
                }
            }
        }
        ok.then_some(out)
    }

    /// Checks a distribution against what it must produce.
    fn distribution(&mut self, target: Target, dist: &ast::Distribution) -> Option<Distribution> {
        let (is_set, numeric) = match target {
            Target::Tag(t) => (
                matches!(t.ty, TagType::Set(_)),
                matches!(t.ty, TagType::Number { .. }),
            ),
            Target::Field { ty, .. } => (false, ty == FieldType::Number),
        };
        match dist {
            ast::Distribution::Uniform { low, high, span } => {
                if !numeric {
                    return self.value_misfit(target, *span);
                }
                if low.value > high.value {
                    self.empty_range(*span, low.value, high.value);
                }
                Some(Distribution::Uniform {
                    low: low.value,
                    high: high.value,
                })
            }
            ast::Distribution::Chance(p) => {
                let is_bool = match target {
                    Target::Tag(t) => t.ty == TagType::Bool,
                    Target::Field { ty, .. } => ty == FieldType::Bool,
                };
                if !is_bool {
                    return self.value_misfit(target, p.span);
                }
                Some(Distribution::Chance(p.value))
            }
            ast::Distribution::Weighted(items, span) => {
                let mut out = Vec::with_capacity(items.len());
                let mut total = 0.0;
                for (value, pct) in items {
                    total += pct.value.value();
                    out.push((self.dist_value(target, value)?, pct.value));
                }
                if !is_set && !super::sums_to_100(total) {
                    let total = total.to_string();
                    let d = Diagnostic::new(
                        Code::PopulationPercentSum,
                        target
                            .named_in(msg!("population-percent-sum"))
                            .with("total", &total),
                        *span,
                        msg!("population-percent-sum.label", total = &total),
                    )
                    .with_help(msg!("population-percent-sum.help"));
                    self.push(d);
                }
                Some(Distribution::Weighted(out))
            }
        }
    }

    fn dist_value(&mut self, target: Target, value: &Value) -> Option<TagValue> {
        let fits = match (target, value) {
            (Target::Tag(t), _) => match (&t.ty, value) {
                (TagType::Enum(vs) | TagType::Set(vs), Value::Name(_) | Value::Str(_)) => {
                    let word = value.as_word().unwrap();
                    match vs.iter().position(|v| v == word) {
                        Some(i) => {
                            // The target holds the tag, not its id: look it up by name.
                            if let Some(id) = self.decls.tags.get(&t.name) {
                                self.refer_variant(id, i, value.span());
                            }
                            return Some(TagValue::Variant(i as u32));
                        }
                        None => {
                            self.not_a_variant(t, word, value.span());
                            return None;
                        }
                    }
                }
                (TagType::Number { .. }, Value::Number(n)) => Some(TagValue::Number(n.value)),
                (TagType::Text, Value::Name(_) | Value::Str(_)) => {
                    Some(TagValue::Text(value.as_word().unwrap().to_string()))
                }
                _ => None,
            },
            (
                Target::Field {
                    ty: FieldType::Number,
                    ..
                },
                Value::Number(n),
            ) => Some(TagValue::Number(n.value)),
            (
                Target::Field {
                    ty: FieldType::Text,
                    ..
                },
                Value::Name(_) | Value::Str(_),
            ) => Some(TagValue::Text(value.as_word().unwrap().to_string())),
            (
                Target::Field {
                    ty: FieldType::Bool,
                    ..
                },
                Value::Name(w),
            ) if w.name == "true" || w.name == "false" => Some(TagValue::Bool(w.name == "true")),
            (
                Target::Field {
                    ty: FieldType::Enum,
                    event,
                    name,
                    id: (e, f),
                    decl,
                },
                Value::Name(_) | Value::Str(_),
            ) => {
                let word = value.as_word().unwrap();
                match decl.variants.iter().position(|v| v == word) {
                    Some(i) => {
                        self.refer_field_variant(e, f, i, value.span());
                        Some(TagValue::Variant(i as u32))
                    }
                    None => {
                        let field = format!("{event}.{name}");
                        self.field_not_a_variant(&field, decl, word, value.span());
                        return None;
                    }
                }
            }
            _ => None,
        };
        if fits.is_none() {
            return self.value_misfit(target, value.span());
        }
        fits
    }

    fn value_misfit<T>(&mut self, target: Target, span: Span) -> Option<T> {
        self.push(
            Diagnostic::new(
                Code::PopulationValueMismatch,
                target.named_in(msg!("population-value-misfit")),
                span,
                msg!("population-value-misfit.label"),
            )
            .with_help(how_to_draw(target)),
        );
        None
    }
}

/// How a population gives values to this tag or field, with an example.
fn how_to_draw(target: Target) -> Message {
    let (numeric, boolean, words) = match target {
        Target::Tag(t) => match &t.ty {
            TagType::Number { .. } => (true, false, None),
            TagType::Bool => (false, true, None),
            TagType::Enum(vs) | TagType::Set(vs) => (false, false, Some(vs.clone())),
            TagType::Text => (false, false, None),
        },
        Target::Field { ty, decl, .. } => (
            ty == FieldType::Number,
            ty == FieldType::Bool,
            (ty == FieldType::Enum).then(|| decl.variants.clone()),
        ),
    };
    if numeric {
        target.named_in(msg!("population-value-misfit.help-number"))
    } else if boolean {
        target.named_in(msg!("population-value-misfit.help-bool"))
    } else if let Some(vs) = words {
        // An example line of the file: code, the same in every language.
        let share = 100 / vs.len().max(1);
        let listed: Vec<_> = vs.iter().take(3).map(|v| format!("{v} {share}%")).collect();
        (target.named_in(msg!("population-value-misfit.help-values")))
            .with("example", Arg::Text(listed.join(", ")))
    } else {
        target.named_in(msg!("population-value-misfit.help-text"))
    }
}

fn effect_of(effect: &ast::SendEffect) -> SendEffect {
    match effect {
        ast::SendEffect::Multiplier(m) => SendEffect::Multiplier(m.value),
        ast::SendEffect::Chance(p) => SendEffect::Chance(p.value),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_source;
    use crate::diag::Safety;
    use crate::i18n::{words, Lang};

    #[test]
    fn a_fraction_where_a_percent_belongs_is_read_as_one_first() {
        for (setting, percent) in [
            ("journey 旅程 { holdout 0.1 }", "10%"),
            (
                "population 人群 { behavior signup { rate 0.01 per day } }",
                "1%",
            ),
        ] {
            let checked = check_source(&format!("event signup\n{setting}\n"));
            let d = &checked.diagnostics[0];
            let help = words(d.help.as_deref().unwrap(), Lang::En);
            assert!(help.contains(&format!("write `{percent}`")), "{help}");
            assert_eq!(d.fixes.len(), 1, "{setting}");
            assert_eq!(d.fixes[0].safety, Safety::Suggested);
            assert_eq!(d.fixes[0].edits[0].text, percent);
        }
    }
}

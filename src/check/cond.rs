//! Conditions: name resolution and the type rules of spec §3.

use super::model::*;
use super::resolve::DeclKind;
use super::scope::{did_you_mean, LocalScope};
use super::{mark, Checker, Kind, Report};
use crate::diag::{Code, Diagnostic, Fix, Safety};
use crate::i18n::{msg, Arg, Message};
use crate::source::Span;
use crate::suggest::closest;
use crate::syntax::ast::{self, CmpOp, Operand, Value};

/// One side of a comparison after lookup.
enum Side<'a> {
    Num(NumExpr),
    Tag(TagId),
    /// A name that is not a tag: an enum variant or a text value, or a typo.
    Word(&'a ast::Ident),
    Str,
    /// Already reported.
    Bad,
}

impl Checker<'_> {
    /// Resolves a condition. `stages` is the journey's stage scope, `None` outside a
    /// journey (segments, populations) where `in stage` is not allowed. On an error
    /// the diagnostic is pushed and a placeholder returned.
    /// The condition `c` resolved and typed, each node with its span.
    pub(super) fn cond(
        &mut self,
        c: &ast::Cond,
        stages: Option<&LocalScope<StageId>>,
    ) -> Spanned<Cond> {
        Spanned::new(self.cond_node(c, stages), c.span())
    }

    fn cond_node(&mut self, c: &ast::Cond, stages: Option<&LocalScope<StageId>>) -> Cond {
        match c {
            ast::Cond::Or(xs, _) => Cond::Or(xs.iter().map(|x| self.cond(x, stages)).collect()),
            ast::Cond::And(xs, _) => Cond::And(xs.iter().map(|x| self.cond(x, stages)).collect()),
            ast::Cond::Not(x, _) => Cond::Not(Box::new(self.cond(x, stages))),
            ast::Cond::Name(name) => self.bare_name(name),
            ast::Cond::Compare {
                left, op, right, ..
            } => self.compare(left, op, right),
            ast::Cond::In { tag, values, .. } => self.in_list(tag, values),
            ast::Cond::Has { tag, value, .. } => self.has(tag, value),
            ast::Cond::Between {
                tag,
                low,
                high,
                span,
            } => {
                let Some(id) = self.tag_ref(tag) else {
                    return placeholder();
                };
                if !matches!(self.tag(id).ty, TagType::Number { .. }) {
                    let ty = type_word(&self.tag(id).ty);
                    self.push(
                        Diagnostic::new(
                            Code::TypeMismatch,
                            msg!("between-needs-number", tag = &tag.name, ty = ty.clone()),
                            tag.span,
                            msg!("type-tag", ty = ty),
                        )
                        .with_label(low.span.to(high.span), msg!("between-needs-number.numbers")),
                    );
                }
                if low.value > high.value {
                    self.empty_range(*span, low.value, high.value);
                }
                Cond::Between {
                    tag: id,
                    low: low.value,
                    high: high.value,
                }
            }
            ast::Cond::Did { event, within, .. } => {
                let within = within.as_ref().map(|w| self.window(w, "within"));
                match self.event_ref(event) {
                    Some(event) => Cond::Did { event, within },
                    None => placeholder(),
                }
            }
            ast::Cond::Inactive { window, .. } => Cond::Inactive(self.window(window, "inactive")),
            ast::Cond::InStage { stage, span } => match stages {
                None => {
                    self.push(
                        Diagnostic::new(
                            Code::StageOutsideJourney,
                            msg!("stage-outside-journey"),
                            *span,
                            msg!("stage-outside-journey.label"),
                        )
                        .with_help(msg!("stage-outside-journey.help")),
                    );
                    placeholder()
                }
                Some(scope) => match self.stage_ref(scope, stage, None) {
                    Some(id) => Cond::InStage(id),
                    None => placeholder(),
                },
            },
            ast::Cond::Field(f) => self.field_flag(f),
            ast::Cond::TodayIn { first, last, span } => {
                Cond::TodayIn(self.today_in(first, last, *span))
            }
        }
    }

    /// Resolves a stage name within a journey. `here` is the stage of the rule that
    /// names it: a misspelt name suggests it only when no other stage is as close
    /// (`-> 新克` in 新手 means 新客, not a move to where the user already is).
    pub(super) fn stage_ref(
        &mut self,
        scope: &LocalScope<StageId>,
        name: &ast::Ident,
        here: Option<&str>,
    ) -> Option<StageId> {
        let id = scope.get(&name.name);
        if let Some(id) = id {
            self.refer_stage(id, name.span);
        } else {
            let d = Diagnostic::new(
                Code::UnknownStage,
                msg!("unknown-stage", name = &name.name),
                name.span,
                msg!("unknown-stage.label"),
            );
            let mut candidates = scope.candidates(&name.name);
            if candidates.len() > 1 {
                candidates.retain(|c| Some(*c) != here);
            }
            let d = match candidates.is_empty() {
                true => d.with_help(msg!("unknown-stage.help")),
                false => did_you_mean(d, name.span, &candidates),
            };
            self.push(d);
        }
        id
    }

    fn bare_name(&mut self, name: &ast::Ident) -> Cond {
        let decls = self.decls;
        if let Some(id) = decls.tags.get(&name.name) {
            mark(&decls.uses.tags, id.index());
            self.refer(DeclKind::Tag, id.index(), name.span);
            let tag = self.tag(id);
            if tag.ty == TagType::Bool {
                return Cond::Flag(id);
            }
            let first = |vs: &[String]| vs.first().map_or("…", |v| v).to_string();
            let help = match &tag.ty {
                TagType::Enum(vs) => {
                    msg!(
                        "not-a-condition.help-enum",
                        tag = &name.name,
                        value = first(vs)
                    )
                }
                TagType::Set(vs) => {
                    msg!(
                        "not-a-condition.help-set",
                        tag = &name.name,
                        value = first(vs)
                    )
                }
                TagType::Number { .. } => msg!("not-a-condition.help-number", tag = &name.name),
                _ => msg!("not-a-condition.help-text", tag = &name.name),
            };
            self.push(
                Diagnostic::new(
                    Code::NotACondition,
                    msg!("not-a-condition", tag = &name.name, ty = type_word(&tag.ty)),
                    name.span,
                    msg!("not-a-condition.label"),
                )
                .with_help(help),
            );
            return placeholder();
        }
        if let Some(id) = decls.segments.get(&name.name) {
            mark(&decls.uses.segments, id.index());
            self.refer(DeclKind::Segment, id.index(), name.span);
            return Cond::Segment(id);
        }
        let bools = decls
            .model
            .tags
            .iter()
            .filter(|t| t.ty == TagType::Bool)
            .map(|t| t.name.as_str());
        let segments = decls.model.segments.iter().map(|s| s.name.as_str());
        let candidates = closest(&name.name, bools.chain(segments));
        let d = Diagnostic::new(
            Code::UnknownCondition,
            msg!("unknown-condition", name = &name.name),
            name.span,
            msg!("unknown-condition.label"),
        );
        self.push(match candidates.is_empty() {
            true => d.with_help(msg!("unknown-condition.help", name = &name.name)),
            false => did_you_mean(d, name.span, &candidates),
        });
        placeholder()
    }

    fn side<'a>(&mut self, o: &'a Operand) -> Side<'a> {
        match o {
            Operand::Number(n) => Side::Num(NumExpr::Const(n.value)),
            Operand::Str(_) => Side::Str,
            Operand::Name(i) => match self.decls.tags.get(&i.name) {
                Some(id) => {
                    mark(&self.decls.uses.tags, id.index());
                    self.refer(DeclKind::Tag, id.index(), i.span);
                    Side::Tag(id)
                }
                None => Side::Word(i),
            },
            Operand::Count { event, window, .. } => {
                let window = window.as_ref().map(|w| self.window(w, "count"));
                match self.event_ref(event) {
                    Some(event) => Side::Num(NumExpr::Count { event, window }),
                    None => Side::Bad,
                }
            }
            Operand::Sum {
                event,
                field,
                window,
                ..
            } => {
                let window = window.as_ref().map(|w| self.window(w, "sum"));
                let Some(eid) = self.event_ref(event) else {
                    return Side::Bad;
                };
                match self.field_ref(eid, field) {
                    Some((fid, ast::FieldType::Number)) => Side::Num(NumExpr::Sum {
                        event: eid,
                        field: fid,
                        window,
                    }),
                    Some((_, ty)) => {
                        self.push(
                            Diagnostic::new(
                                Code::SumNeedsNumber,
                                msg!(
                                    "sum-needs-number",
                                    event = &event.name,
                                    field = &field.name,
                                    ty = field_word(ty)
                                ),
                                field.span,
                                msg!("sum-needs-number.label"),
                            )
                            .with_help(msg!("sum-needs-number.help")),
                        );
                        Side::Bad
                    }
                    None => Side::Bad,
                }
            }
            Operand::DaysSince { event, .. } => match self.event_ref(event) {
                Some(e) => Side::Num(NumExpr::DaysSince(e)),
                None => Side::Bad,
            },
            // compared by `compare_field` before the sides are looked up
            Operand::Field(_) => Side::Bad,
        }
    }

    /// Looks a field up in an event, reporting J0107 when missing.
    pub(super) fn field_ref(
        &mut self,
        event: EventId,
        field: &ast::Ident,
    ) -> Option<(FieldId, ast::FieldType)> {
        let ev = self.decls.model.event(event);
        if let Some(i) = ev.fields.iter().position(|f| f.name == field.name) {
            self.refer_field(event, FieldId(i as u32), field.span);
            return Some((FieldId(i as u32), ev.fields[i].ty));
        }
        let candidates = closest(&field.name, ev.fields.iter().map(|f| f.name.as_str()));
        let d = Diagnostic::new(
            Code::UnknownField,
            msg!("unknown-field", event = &ev.name, field = &field.name),
            field.span,
            msg!("unknown-field.label"),
        );
        let d = if !candidates.is_empty() {
            did_you_mean(d, field.span, &candidates)
        } else if ev.fields.is_empty() {
            d.with_help(msg!(
                "unknown-field.help-none",
                event = &ev.name,
                field = &field.name
            ))
        } else {
            let names = listed(ev.fields.iter().map(|f| f.name.as_str()));
            d.with_help(msg!("unknown-field.help-fields", fields = names))
        };
        self.push(d);
        None
    }

    fn compare(&mut self, left: &Operand, op: &ast::Spanned<CmpOp>, right: &Operand) -> Cond {
        match (left, right) {
            (Operand::Field(f), other) => return self.compare_field(f, op, other),
            (other, Operand::Field(f)) => {
                // `199 <= purchase.amount` is `purchase.amount >= 199`
                let op = ast::Spanned::new(op.value.flipped(), op.span);
                return self.compare_field(f, &op, other);
            }
            _ => {}
        }
        let l = self.side(left);
        let r = self.side(right);
        // Put a tag on the left so that `白领 == persona` reads like `persona == 白领`.
        let (l, r, lo, ro) = match (&l, &r) {
            (Side::Word(_) | Side::Str, Side::Tag(_)) => (r, l, right, left),
            _ => (l, r, left, right),
        };
        match (l, r) {
            (Side::Bad, _) | (_, Side::Bad) => placeholder(),
            (Side::Tag(id), other) => self.compare_tag(id, lo, op, other, ro),
            (Side::Num(a), Side::Num(b)) => Cond::Compare {
                left: a,
                op: op.value,
                right: b,
            },
            (Side::Word(w), _) | (_, Side::Word(w)) => {
                self.unknown(Kind::Tag, w);
                placeholder()
            }
            _ => {
                let help = msg!("compare-mismatch.help");
                self.mismatch(Described::Operand, lo, ro, help);
                placeholder()
            }
        }
    }

    fn compare_tag(
        &mut self,
        id: TagId,
        tag_side: &Operand,
        op: &ast::Spanned<CmpOp>,
        other: Side,
        other_side: &Operand,
    ) -> Cond {
        let tag = self.tag(id);
        let equality_only = |this: &mut Checker| {
            if !op.value.is_equality() {
                let ty = type_word(&tag.ty);
                this.push(
                    Diagnostic::new(
                        Code::TypeMismatch,
                        msg!("equality-only", tag = &tag.name, ty = ty.clone()),
                        op.span,
                        msg!("equality-only.label"),
                    )
                    .with_label(tag_side.span(), msg!("type-tag", ty = ty)),
                );
            }
        };
        match (&tag.ty, other) {
            (TagType::Number { .. }, Side::Num(n)) => Cond::Compare {
                left: NumExpr::Tag(id),
                op: op.value,
                right: n,
            },
            (TagType::Number { .. }, Side::Tag(t2))
                if matches!(self.tag(t2).ty, TagType::Number { .. }) =>
            {
                Cond::Compare {
                    left: NumExpr::Tag(id),
                    op: op.value,
                    right: NumExpr::Tag(t2),
                }
            }
            (TagType::Enum(vs), Side::Word(_) | Side::Str) => {
                equality_only(self);
                let word = operand_word(other_side);
                match vs.iter().position(|v| v == word) {
                    Some(i) => {
                        self.refer_variant(id, i, other_side.span());
                        Cond::EnumIs {
                            tag: id,
                            variant: i as u32,
                            negated: op.value == CmpOp::Ne,
                        }
                    }
                    None => {
                        self.not_a_variant(tag, word, other_side.span());
                        placeholder()
                    }
                }
            }
            (TagType::Text, Side::Word(_) | Side::Str) => {
                equality_only(self);
                Cond::TextIs {
                    tag: id,
                    value: operand_word(other_side).to_string(),
                    negated: op.value == CmpOp::Ne,
                }
            }
            (TagType::Bool, _) => {
                let span = tag_side.span().to(other_side.span());
                let mut d = Diagnostic::new(
                    Code::NotACondition,
                    msg!("bool-compared", tag = &tag.name),
                    span,
                    msg!("bool-compared.label"),
                )
                .with_help(msg!("bool-compared.help", tag = &tag.name));
                // `VIP == true` is `VIP`, `VIP != true` is `not VIP`: nothing else.
                let truth = match operand_word(other_side) {
                    "true" if op.value.is_equality() => Some(op.value == CmpOp::Eq),
                    "false" if op.value.is_equality() => Some(op.value == CmpOp::Ne),
                    _ => None,
                };
                if let Some(truth) = truth {
                    let text = match truth {
                        true => tag.name.clone(),
                        false => format!("not {}", tag.name),
                    };
                    let title = msg!("fix-write", text = &text);
                    d = d.with_fix(Fix::replace(title, Safety::Safe, span, text));
                }
                self.push(d);
                placeholder()
            }
            (TagType::Set(vs), _) => {
                let first = vs.first().map_or("…", |v| v);
                self.mismatch(
                    Described::Tag(Arg::Word("type-set")),
                    tag_side,
                    other_side,
                    msg!("compare-mismatch.help-set", tag = &tag.name, value = first),
                );
                placeholder()
            }
            (_, Side::Word(w))
                if matches!(tag.ty, TagType::Number { .. })
                    && self.decls.tags.get(&w.name).is_none() =>
            {
                self.mismatch(
                    Described::Tag(Arg::Word("type-number")),
                    tag_side,
                    other_side,
                    msg!("compare-mismatch.help-number", tag = &tag.name),
                );
                placeholder()
            }
            (ty, _) => {
                let help = msg!(
                    "compare-mismatch.help-same",
                    tag = &tag.name,
                    ty = type_word(ty)
                );
                self.mismatch(Described::Tag(type_word(ty)), tag_side, other_side, help);
                placeholder()
            }
        }
    }

    /// J0201, labelling both sides; the left one is described as `left_is` says.
    fn mismatch(&mut self, left_is: Described, left: &Operand, right: &Operand, help: Message) {
        let (left_kind, left_value) = match left_is {
            Described::Tag(ty) => (Arg::Text("tag".into()), ty),
            Described::Operand => operand_args(left),
        };
        let (right_kind, right_value) = operand_args(right);
        let message = Message::new("compare-mismatch")
            .with("left-kind", left_kind.clone())
            .with("left", left_value.clone())
            .with("right-kind", right_kind.clone())
            .with("right", right_value.clone());
        let label = |kind, value| {
            Message::new("operand")
                .with("kind", kind)
                .with("value", value)
        };
        self.push(
            Diagnostic::new(
                Code::TypeMismatch,
                message,
                right.span(),
                label(right_kind, right_value),
            )
            .with_label(left.span(), label(left_kind, left_value))
            .with_help(help),
        );
    }

    pub(super) fn not_a_variant(&mut self, tag: &Tag, word: &str, span: Span) {
        let (TagType::Enum(vs) | TagType::Set(vs)) = &tag.ty else {
            return;
        };
        let candidates = closest(word, vs.iter().map(String::as_str));
        let kind = if matches!(tag.ty, TagType::Enum(_)) {
            "word-variant"
        } else {
            "word-member"
        };
        let values = listed(vs.iter().map(String::as_str));
        let d = Diagnostic::new(
            Code::NotAVariant,
            msg!(
                "not-a-variant",
                value = word,
                kind = Arg::Word(kind),
                tag = &tag.name
            ),
            span,
            msg!("not-a-variant.label", kind = Arg::Word(kind)),
        );
        // The list of values follows the "did you mean" (the fixes are the same).
        let d = did_you_mean(d, span, &candidates);
        let help = match candidates.is_empty() {
            true => msg!("not-a-variant.help", tag = &tag.name, values = values),
            false => msg!(
                "not-a-variant.help-near",
                names = candidates.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
                tag = &tag.name,
                values = values
            ),
        };
        self.push(d.with_help(help));
    }

    fn in_list(&mut self, tag: &ast::Ident, values: &[Value]) -> Cond {
        let Some(id) = self.tag_ref(tag) else {
            return placeholder();
        };
        let t = self.tag(id);
        match &t.ty {
            TagType::Enum(vs) => {
                let mut variants = Vec::new();
                for v in values {
                    let word = v.as_word().unwrap_or_default();
                    match vs.iter().position(|x| x == word) {
                        Some(i) => {
                            self.refer_variant(id, i, v.span());
                            variants.push(i as u32);
                        }
                        None if v.as_word().is_some() => self.not_a_variant(t, word, v.span()),
                        None => self.value_mismatch(t, v),
                    }
                }
                Cond::EnumIn { tag: id, variants }
            }
            TagType::Text => Cond::TextIn {
                tag: id,
                values: values
                    .iter()
                    .filter_map(|v| match v.as_word() {
                        Some(w) => Some(w.to_string()),
                        None => {
                            self.value_mismatch(t, v);
                            None
                        }
                    })
                    .collect(),
            },
            TagType::Number { .. } => Cond::NumberIn {
                tag: id,
                values: values
                    .iter()
                    .filter_map(|v| match v {
                        Value::Number(n) => Some(n.value),
                        _ => {
                            self.value_mismatch(t, v);
                            None
                        }
                    })
                    .collect(),
            },
            _ => {
                let ty = type_word(&t.ty);
                self.push(
                    Diagnostic::new(
                        Code::TypeMismatch,
                        msg!("in-list-type", tag = &t.name, ty = ty.clone()),
                        tag.span,
                        msg!("type-tag", ty = ty),
                    )
                    .with_help(if matches!(t.ty, TagType::Set(_)) {
                        msg!("in-list-type.help-set", tag = &t.name)
                    } else {
                        msg!("in-list-type.help-bool", tag = &t.name)
                    }),
                );
                placeholder()
            }
        }
    }

    /// J0201 for a listed value of the wrong kind.
    fn value_mismatch(&mut self, tag: &Tag, v: &Value) {
        let ty = type_word(&tag.ty);
        self.push(
            Diagnostic::new(
                Code::TypeMismatch,
                msg!("value-mismatch", tag = &tag.name, ty = ty.clone()),
                v.span(),
                msg!("value-mismatch.label"),
            )
            .with_label(tag.span, msg!("declared-as-type", ty = ty)),
        );
    }

    fn has(&mut self, tag: &ast::Ident, value: &Value) -> Cond {
        let Some(id) = self.tag_ref(tag) else {
            return placeholder();
        };
        let t = self.tag(id);
        let TagType::Set(members) = &t.ty else {
            let ty = type_word(&t.ty);
            let d = Diagnostic::new(
                Code::HasNeedsSet,
                msg!("has-needs-set", tag = &t.name, ty = ty.clone()),
                tag.span,
                msg!("type-tag", ty = ty),
            );
            let d = match &t.ty {
                // Suggested: the value may not be one of the enum's variants.
                TagType::Enum(_) => d
                    .with_help(msg!("has-needs-set.help-enum", tag = &t.name))
                    .with_fix(Fix::replace(
                        msg!("fix-use-equals"),
                        Safety::Suggested,
                        Span::new(tag.span.end, value.span().start),
                        " == ",
                    )),
                _ => d.with_help(msg!("has-needs-set.help")),
            };
            self.push(d);
            return placeholder();
        };
        let word = value.as_word().unwrap_or_default();
        match members.iter().position(|m| m == word) {
            Some(i) => {
                self.refer_variant(id, i, value.span());
                Cond::Has {
                    tag: id,
                    member: i as u32,
                }
            }
            None => {
                self.not_a_variant(t, word, value.span());
                placeholder()
            }
        }
    }
}

/// Stands in for a condition that failed to check (an error is already reported).
pub(super) fn placeholder() -> Cond {
    Cond::And(Vec::new())
}

fn operand_word(o: &Operand) -> &str {
    match o {
        Operand::Name(i) => &i.name,
        Operand::Str(s) => &s.value,
        _ => "",
    }
}

/// How a message describes the left side of a comparison that does not fit.
enum Described {
    /// A tag of a type (its catalogue word, [`type_word`]).
    Tag(Arg),
    /// As the operand itself is written.
    Operand,
}

/// The kind of an operand and its value, as the `operand` message selects on them.
fn operand_args(o: &Operand) -> (Arg, Arg) {
    let (kind, value) = match o {
        Operand::Number(n) => ("number", n.value.to_string()),
        Operand::Str(s) => ("text", s.value.clone()),
        Operand::Name(i) => ("name", i.name.clone()),
        Operand::Count { .. } => ("count", String::new()),
        Operand::Sum { .. } => ("sum", String::new()),
        Operand::DaysSince { .. } => ("days", String::new()),
        Operand::Field(f) => ("name", format!("{}.{}", f.event.name, f.field.name)),
    };
    (Arg::Text(kind.into()), Arg::Text(value))
}

/// The catalogue word for a tag's type (`an enum`, `枚举`).
pub(super) fn type_word(ty: &TagType) -> Arg {
    Arg::Word(match ty {
        TagType::Enum(_) => "type-enum",
        TagType::Set(_) => "type-set",
        TagType::Number { .. } => "type-number",
        TagType::Bool => "type-bool",
        TagType::Text => "type-text",
    })
}

/// Names from the file in backticks, comma-separated: code, the same in every
/// language.
fn listed<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn field_word(ty: ast::FieldType) -> Arg {
    Arg::Word(match ty {
        ast::FieldType::Number => "field-number",
        ast::FieldType::Text => "field-text",
        ast::FieldType::Bool => "field-bool",
        ast::FieldType::Enum => "field-enum",
    })
}

#[cfg(test)]
mod tests {
    use crate::check::check_source;
    use crate::diag::{Code, Fix, Safety};

    /// The fixes of the first `code` a file with tags 风格 (enum) and VIP (bool)
    /// gets for a journey entered `when <cond>`, and the file's text.
    fn fixes(code: Code, cond: &str) -> (Vec<Fix>, String) {
        let text = format!(
            "tag 风格: enum {{ 商务风, 休闲风 }}\ntag VIP: bool\n\
             journey 旅程 {{\n  entry when {cond}\n  stage 新手 {{ }}\n}}\n"
        );
        let checked = check_source(&text);
        let found = checked.diagnostics.iter().find(|d| d.code == code);
        (found.expect("the code").fixes.clone(), text)
    }

    /// The text with a fix's one edit applied.
    fn applied(fix: &Fix, text: &str) -> String {
        let edit = &fix.edits[0];
        let mut out = text.to_string();
        out.replace_range(edit.span.start..edit.span.end, &edit.text);
        out
    }

    #[test]
    fn a_bool_tag_compared_with_true_or_false_is_rewritten_safely() {
        for (cond, fixed) in [
            ("VIP == true", "VIP"),
            ("VIP != true", "not VIP"),
            ("VIP == false", "not VIP"),
        ] {
            let (fixes, text) = fixes(Code::NotACondition, cond);
            assert_eq!(fixes.len(), 1, "{cond}");
            assert_eq!(fixes[0].safety, Safety::Safe);
            assert!(applied(&fixes[0], &text).contains(&format!("entry when {fixed}\n")));
        }
        assert!(fixes(Code::NotACondition, "VIP == 3").0.is_empty());
    }

    #[test]
    fn has_on_an_enum_tag_is_rewritten_to_equals_as_a_suggestion() {
        let (fixes, text) = fixes(Code::HasNeedsSet, "风格 has 商务风");
        assert_eq!(fixes.len(), 1);
        assert_eq!(fixes[0].safety, Safety::Suggested);
        assert!(applied(&fixes[0], &text).contains("entry when 风格 == 商务风\n"));
    }
}

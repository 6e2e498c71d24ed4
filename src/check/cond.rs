//! Conditions: name resolution and the type rules of spec §3.

use super::model::*;
use super::resolve::DeclKind;
use super::scope::LocalScope;
use super::{mark, Checker, Kind, Report};
use crate::diag::{Code, Diagnostic};
use crate::suggest::nearest;
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
                    let ty = self.tag(id).ty.describe();
                    self.push(
                        Diagnostic::new(
                            Code::TypeMismatch,
                            format!(
                                "`between` needs a number tag, but `{}` is {ty} tag",
                                tag.name
                            ),
                            tag.span,
                            format!("{ty} tag"),
                        )
                        .with_label(low.span.to(high.span), "numbers"),
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
                let within = within.as_ref().map(|w| self.window(w, "a `within` window"));
                match self.event_ref(event) {
                    Some(event) => Cond::Did { event, within },
                    None => placeholder(),
                }
            }
            ast::Cond::Inactive { window, .. } => {
                Cond::Inactive(self.window(window, "an `inactive` window"))
            }
            ast::Cond::InStage { stage, span } => match stages {
                None => {
                    self.push(
                        Diagnostic::new(
                            Code::StageOutsideJourney,
                            "`in stage` only makes sense inside a journey",
                            *span,
                            "no journey here",
                        )
                        .with_help("stages belong to one journey; use this condition in that journey's rules or exit lines"),
                    );
                    placeholder()
                }
                Some(scope) => match self.stage_ref(scope, stage) {
                    Some(id) => Cond::InStage(id),
                    None => placeholder(),
                },
            },
        }
    }

    /// Resolves a stage name within a journey.
    pub(super) fn stage_ref(
        &mut self,
        scope: &LocalScope<StageId>,
        name: &ast::Ident,
    ) -> Option<StageId> {
        let id = scope.get(&name.name);
        if let Some(id) = id {
            self.refer_stage(id, name.span);
        } else {
            let d = Diagnostic::new(
                Code::UnknownStage,
                format!("unknown stage `{}`", name.name),
                name.span,
                "no stage of this journey has this name",
            );
            let d = match scope.suggest(&name.name) {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None => d.with_help("stages are declared inside the journey: `stage NAME { … }`"),
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
            let ty = tag.ty.describe();
            let help = match &tag.ty {
                TagType::Enum(vs) => format!(
                    "compare it with a variant: `{} == {}`",
                    name.name,
                    vs.first().map_or("…", |v| v)
                ),
                TagType::Set(vs) => format!(
                    "ask for a member: `{} has {}`",
                    name.name,
                    vs.first().map_or("…", |v| v)
                ),
                TagType::Number { .. } => {
                    format!("compare it with a number: `{} >= 18`", name.name)
                }
                _ => format!("compare it with a value: `{} == \"…\"`", name.name),
            };
            self.push(
                Diagnostic::new(
                    Code::NotACondition,
                    format!("`{}` is {ty} tag, not a condition", name.name),
                    name.span,
                    "only bool tags and segments stand alone",
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
        let suggestion = nearest(&name.name, bools.chain(segments));
        let d = Diagnostic::new(
            Code::UnknownCondition,
            format!("unknown tag or segment `{}`", name.name),
            name.span,
            "not a declared bool tag or segment",
        );
        self.push(match suggestion {
            Some(s) => d.with_help(format!("did you mean `{s}`?")),
            None => d.with_help(format!(
                "declare it: `tag {}: bool` or `segment {} = …`",
                name.name, name.name
            )),
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
                let window = window.as_ref().map(|w| self.window(w, "a `count` window"));
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
                let window = window.as_ref().map(|w| self.window(w, "a `sum` window"));
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
                                format!(
                                    "`sum` adds numbers, but `{}.{}` is a {} field",
                                    event.name,
                                    field.name,
                                    field_word(ty)
                                ),
                                field.span,
                                "not a number field",
                            )
                            .with_help("use `count(EVENT)` to count events, or sum a number field"),
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
        let suggestion = nearest(&field.name, ev.fields.iter().map(|f| f.name.as_str()));
        let names: Vec<_> = ev.fields.iter().map(|f| format!("`{}`", f.name)).collect();
        let d = Diagnostic::new(
            Code::UnknownField,
            format!("event `{}` has no field `{}`", ev.name, field.name),
            field.span,
            "no such field",
        );
        let d = match (suggestion, names.is_empty()) {
            (Some(s), _) => d.with_help(format!("did you mean `{s}`?")),
            (None, true) => d.with_help(format!(
                "`{}` declares no fields; add them: `event {} {{ {}: number }}`",
                ev.name, ev.name, field.name
            )),
            (None, false) => d.with_help(format!("its fields are {}", names.join(", "))),
        };
        self.push(d);
        None
    }

    fn compare(&mut self, left: &Operand, op: &ast::Spanned<CmpOp>, right: &Operand) -> Cond {
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
                self.mismatch(lo, "", ro, "these two sides cannot be compared");
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
                this.push(
                    Diagnostic::new(
                        Code::TypeMismatch,
                        format!(
                            "`{}` is {} tag: it can only be compared with `==` or `!=`",
                            tag.name,
                            tag.ty.describe()
                        ),
                        op.span,
                        "ordering comparison",
                    )
                    .with_label(tag_side.span(), format!("{} tag", tag.ty.describe())),
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
                self.push(
                    Diagnostic::new(
                        Code::NotACondition,
                        format!(
                            "`{}` is a bool tag: use it on its own instead of comparing it",
                            tag.name
                        ),
                        tag_side.span().to(other_side.span()),
                        "comparison with a bool tag",
                    )
                    .with_help(format!("write `{}` or `not {}`", tag.name, tag.name)),
                );
                placeholder()
            }
            (TagType::Set(vs), _) => {
                self.mismatch(
                    tag_side,
                    "a set tag",
                    other_side,
                    &format!(
                        "a set tag is asked with `has`: `{} has {}`",
                        tag.name,
                        vs.first().map_or("…", |v| v)
                    ),
                );
                placeholder()
            }
            (_, Side::Word(w))
                if matches!(tag.ty, TagType::Number { .. })
                    && self.decls.tags.get(&w.name).is_none() =>
            {
                self.mismatch(
                    tag_side,
                    "a number tag",
                    other_side,
                    &format!("`{}` is a number tag: compare it with a number", tag.name),
                );
                placeholder()
            }
            (ty, _) => {
                let desc = format!("{} tag", ty.describe());
                let help = format!(
                    "`{}` is {}; the other side must be of the same kind",
                    tag.name, desc
                );
                self.mismatch(tag_side, &desc, other_side, &help);
                placeholder()
            }
        }
    }

    /// J0201, labelling both sides.
    fn mismatch(&mut self, left: &Operand, left_desc: &str, right: &Operand, help: &str) {
        let right_desc = describe_operand(right);
        let left_desc = if left_desc.is_empty() {
            describe_operand(left)
        } else {
            left_desc.to_string()
        };
        self.push(
            Diagnostic::new(
                Code::TypeMismatch,
                format!("cannot compare {left_desc} with {right_desc}"),
                right.span(),
                right_desc.clone(),
            )
            .with_label(left.span(), left_desc)
            .with_help(help),
        );
    }

    pub(super) fn not_a_variant(&mut self, tag: &Tag, word: &str, span: crate::source::Span) {
        let (TagType::Enum(vs) | TagType::Set(vs)) = &tag.ty else {
            return;
        };
        let suggestion = nearest(word, vs.iter().map(String::as_str));
        let listed: Vec<_> = vs.iter().map(|v| format!("`{v}`")).collect();
        let kind = if matches!(tag.ty, TagType::Enum(_)) {
            "variant"
        } else {
            "member"
        };
        let help = match suggestion {
            Some(s) => format!(
                "did you mean `{s}`? `{}` is one of {}",
                tag.name,
                listed.join(", ")
            ),
            None => format!("`{}` is one of {}", tag.name, listed.join(", ")),
        };
        self.push(
            Diagnostic::new(
                Code::NotAVariant,
                format!("`{word}` is not a {kind} of `{}`", tag.name),
                span,
                format!("not a {kind}"),
            )
            .with_help(help),
        );
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
                let ty = t.ty.describe();
                self.push(
                    Diagnostic::new(
                        Code::TypeMismatch,
                        format!(
                            "`in [...]` needs an enum, text or number tag, but `{}` is {ty} tag",
                            t.name
                        ),
                        tag.span,
                        format!("{ty} tag"),
                    )
                    .with_help(if matches!(t.ty, TagType::Set(_)) {
                        format!("ask a set tag with `has`: `{} has …`", t.name)
                    } else {
                        format!("use `{}` on its own", t.name)
                    }),
                );
                placeholder()
            }
        }
    }

    /// J0201 for a listed value of the wrong kind.
    fn value_mismatch(&mut self, tag: &Tag, v: &Value) {
        let ty = tag.ty.describe();
        self.push(
            Diagnostic::new(
                Code::TypeMismatch,
                format!("`{}` is {ty} tag, and this value does not fit it", tag.name),
                v.span(),
                "wrong kind of value",
            )
            .with_label(tag.span, format!("declared as {ty} tag here")),
        );
    }

    fn has(&mut self, tag: &ast::Ident, value: &Value) -> Cond {
        let Some(id) = self.tag_ref(tag) else {
            return placeholder();
        };
        let t = self.tag(id);
        let TagType::Set(members) = &t.ty else {
            self.push(
                Diagnostic::new(
                    Code::HasNeedsSet,
                    format!(
                        "`has` works only on set tags, but `{}` is {} tag",
                        t.name,
                        t.ty.describe()
                    ),
                    tag.span,
                    format!("{} tag", t.ty.describe()),
                )
                .with_help(match &t.ty {
                    TagType::Enum(_) => format!("compare an enum with `==`: `{} == …`", t.name),
                    _ => "declare the tag as a set: `tag NAME: set { a, b }`".to_string(),
                }),
            );
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
fn placeholder() -> Cond {
    Cond::And(Vec::new())
}

fn operand_word(o: &Operand) -> &str {
    match o {
        Operand::Name(i) => &i.name,
        Operand::Str(s) => &s.value,
        _ => "",
    }
}

fn describe_operand(o: &Operand) -> String {
    match o {
        Operand::Number(n) => format!("the number {}", n.value),
        Operand::Str(s) => format!("the text \"{}\"", s.value),
        Operand::Name(i) => format!("`{}`", i.name),
        Operand::Count { .. } => "a count".into(),
        Operand::Sum { .. } => "a sum".into(),
        Operand::DaysSince { .. } => "a number of days".into(),
    }
}

fn field_word(ty: ast::FieldType) -> &'static str {
    match ty {
        ast::FieldType::Number => "number",
        ast::FieldType::Text => "text",
        ast::FieldType::Bool => "bool",
    }
}

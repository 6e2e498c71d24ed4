//! Event fields read by conditions and tag actions (language-v2 §3, §10, §11.8): where
//! `EVENT.FIELD` may be read, and the type rules of comparing it and of `tag T =
//! EVENT.FIELD`.

use super::model::*;
use super::scope::did_you_mean;
use super::{Checker, Report};
use crate::diag::{Code, Diagnostic};
use crate::i18n::{msg, Arg};
use crate::suggest::closest;
use crate::syntax::ast::{self, CmpOp, FieldType, Operand};

impl<'d> Checker<'d> {
    /// Runs `f` with the fields of `event` readable (`None`: no event's).
    pub(super) fn handling<T>(
        &mut self,
        event: Option<EventId>,
        f: impl FnOnce(&mut Self) -> T,
    ) -> T {
        let outer = std::mem::replace(&mut self.handling, event);
        let out = f(self);
        self.handling = outer;
        out
    }

    /// Resolves `EVENT.FIELD`, reporting J0320 when `EVENT` is not the event handled
    /// where it is read.
    fn field_use(&mut self, f: &ast::FieldRef) -> Option<(EventId, FieldId, &'d Field)> {
        let event = self.event_ref(&f.event)?;
        let (field, _) = self.field_ref(event, &f.field)?;
        let decl = &self.decls.model.event(event).fields[field.0 as usize];
        if self.handling == Some(event) {
            return Some((event, field, decl));
        }
        let name = written(f);
        let message = match self.handling {
            None => msg!("field-out-of-place", field = &name, event = &f.event.name),
            Some(other) => msg!(
                "field-out-of-place.other",
                field = &name,
                handled = &self.decls.model.event(other).name
            ),
        };
        self.push(
            Diagnostic::new(
                Code::FieldOutOfPlace,
                message,
                f.span,
                msg!("field-out-of-place.label"),
            )
            .with_help(msg!("field-out-of-place.help", event = &f.event.name)),
        );
        None
    }

    /// A field standing alone: a bool field is true.
    pub(super) fn field_flag(&mut self, f: &ast::FieldRef) -> Cond {
        let Some((event, field, decl)) = self.field_use(f) else {
            return super::cond::placeholder();
        };
        if decl.ty != FieldType::Bool {
            self.push(
                Diagnostic::new(
                    Code::FieldMismatch,
                    msg!(
                        "field-not-a-condition",
                        field = written(f),
                        ty = field_word(decl.ty)
                    ),
                    f.span,
                    msg!("field-not-a-condition.label"),
                )
                .with_help(msg!("field-not-a-condition.help", field = written(f))),
            );
            return super::cond::placeholder();
        }
        Cond::Field {
            event,
            field,
            op: CmpOp::Eq,
            value: TagValue::Bool(true),
        }
    }

    /// `EVENT.FIELD op other`: the other side is a literal of the field's type (text
    /// and enum fields take `==` and `!=` only; a bool field is not compared).
    pub(super) fn compare_field(
        &mut self,
        f: &ast::FieldRef,
        op: &ast::Spanned<CmpOp>,
        other: &Operand,
    ) -> Cond {
        let Some((event, field, decl)) = self.field_use(f) else {
            return super::cond::placeholder();
        };
        let word = match other {
            Operand::Str(s) => Some(s.value.as_str()),
            // a tag's name is not a value of the field
            Operand::Name(i) if self.decls.tags.get(&i.name).is_none() => Some(i.name.as_str()),
            _ => None,
        };
        let value = match (decl.ty, other, word) {
            (FieldType::Number, Operand::Number(n), _) => Some(TagValue::Number(n.value)),
            (FieldType::Text, _, Some(w)) => Some(TagValue::Text(w.to_string())),
            (FieldType::Enum, _, Some(w)) => match decl.variants.iter().position(|v| v == w) {
                Some(i) => {
                    self.refer_field_variant(event, field, i, other.span());
                    Some(TagValue::Variant(i as u32))
                }
                None => {
                    self.field_not_a_variant(&written(f), decl, w, other.span());
                    return super::cond::placeholder();
                }
            },
            _ => None,
        };
        let ordered = !op.value.is_equality() && decl.ty != FieldType::Number;
        match value {
            Some(value) if !ordered => Cond::Field {
                event,
                field,
                op: op.value,
                value,
            },
            _ => {
                let help = match decl.ty {
                    FieldType::Number => msg!("field-mismatch.help-number", field = written(f)),
                    FieldType::Bool => msg!("field-mismatch.help-bool", field = written(f)),
                    FieldType::Enum => msg!(
                        "field-mismatch.help-enum",
                        field = written(f),
                        value = decl.variants.first().map_or("…", |v| v)
                    ),
                    FieldType::Text => msg!("field-mismatch.help-text", field = written(f)),
                };
                self.push(
                    Diagnostic::new(
                        Code::FieldMismatch,
                        msg!(
                            "field-mismatch",
                            field = written(f),
                            ty = field_word(decl.ty)
                        ),
                        op.span.to(other.span()),
                        msg!("field-mismatch.label"),
                    )
                    .with_label(f.span, msg!("field-type", ty = field_word(decl.ty)))
                    .with_help(help),
                );
                super::cond::placeholder()
            }
        }
    }

    /// J0211: `word` (at `span`) is not a variant of enum field `field` (`e.f`).
    pub(super) fn field_not_a_variant(
        &mut self,
        field: &str,
        decl: &Field,
        word: &str,
        span: crate::source::Span,
    ) {
        let values = (decl.variants.iter())
            .map(|v| format!("`{v}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let candidates = closest(word, decl.variants.iter().map(String::as_str));
        let d = Diagnostic::new(
            Code::FieldNotAVariant,
            msg!("field-not-a-variant", value = word, field = field),
            span,
            msg!("field-not-a-variant.label"),
        )
        .with_label(decl.span, msg!("field-not-a-variant.declared"));
        // The list of variants follows the "did you mean" (the fixes are the same).
        let d = did_you_mean(d, span, &candidates);
        let help = match candidates.is_empty() {
            true => msg!("field-not-a-variant.help", field = field, values = values),
            false => msg!(
                "field-not-a-variant.help-near",
                names = candidates.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
                field = field,
                values = values
            ),
        };
        self.push(d.with_help(help));
    }

    /// `tag T = EVENT.FIELD`: the tag takes a field of its own type; an enum tag takes
    /// an enum field whose variants it all has (it may have more).
    pub(super) fn tag_from_field(&mut self, tag: &ast::Ident, f: &ast::FieldRef) -> Option<Action> {
        let id = self.tag_ref(tag)?;
        let (event, field, decl) = self.field_use(f)?;
        let t = self.tag(id);
        let fits = matches!(
            (&t.ty, decl.ty),
            (TagType::Number { .. }, FieldType::Number)
                | (TagType::Text, FieldType::Text)
                | (TagType::Bool, FieldType::Bool)
                | (TagType::Enum(_), FieldType::Enum)
        );
        if !fits {
            self.push(
                Diagnostic::new(
                    Code::TagFromFieldMismatch,
                    msg!(
                        "tag-from-field",
                        tag = &tag.name,
                        ty = super::cond::type_word(&t.ty),
                        field = written(f),
                        fty = field_word(decl.ty)
                    ),
                    f.span,
                    msg!("field-type", ty = field_word(decl.ty)),
                )
                .with_label(
                    tag.span,
                    msg!("type-tag", ty = super::cond::type_word(&t.ty)),
                )
                .with_help(msg!("tag-from-field.help")),
            );
            return None;
        }
        if let TagType::Enum(variants) = &t.ty {
            let missing: Vec<&str> = (decl.variants.iter())
                .filter(|v| !variants.contains(v))
                .map(String::as_str)
                .collect();
            if !missing.is_empty() {
                let listed = (missing.iter())
                    .map(|v| format!("`{v}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                self.push(
                    Diagnostic::new(
                        Code::TagFromFieldMismatch,
                        msg!(
                            "tag-from-field.variants",
                            tag = &tag.name,
                            field = written(f),
                            values = &listed
                        ),
                        f.span,
                        msg!("tag-from-field.variants-label"),
                    )
                    .with_label(t.span, msg!("tag-from-field.variants-tag"))
                    .with_help(msg!(
                        "tag-from-field.variants-help",
                        tag = &tag.name,
                        values = &listed
                    )),
                );
                return None;
            }
        }
        Some(Action::SetFromField {
            tag: id,
            event,
            field,
        })
    }
}

/// `purchase.amount`, as written.
fn written(f: &ast::FieldRef) -> String {
    format!("{}.{}", f.event.name, f.field.name)
}

/// The catalogue word for an event field's type.
pub(super) fn field_word(ty: FieldType) -> Arg {
    Arg::Word(match ty {
        FieldType::Number => "field-number",
        FieldType::Text => "field-text",
        FieldType::Bool => "field-bool",
        FieldType::Enum => "field-enum",
    })
}

#[cfg(test)]
mod tests {
    use crate::check::check_source;
    use crate::diag::Code;

    /// The codes of the errors of a file with event `下单` and journey lines `lines`.
    fn codes(lines: &str) -> Vec<Code> {
        let text = format!(
            "tag 偏好: enum {{ 彩妆, 护肤, 香水 }}\ntag 小: enum {{ 彩妆 }}\ntag 金额: number\n\
             event 注册\nevent 下单 {{ 金额: number, 品类: enum {{ 彩妆, 护肤 }}, 首单: bool, sku: text }}\n\
             touchpoint wecom {{ channel wecom }}\n\
             journey 旅程 {{\n  timezone \"Asia/Shanghai\"\n{lines}\n}}\n"
        );
        check_source(&text)
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .map(|d| d.code)
            .collect()
    }

    fn stage(rule: &str) -> String {
        format!("  entry on 注册\n  stage 新手 {{\n    {rule}\n  }}")
    }

    #[test]
    fn fields_of_the_handled_event_check_clean() {
        for rule in [
            "on 下单 if 下单.金额 >= 199: send wecom \"a\"",
            "on 下单 if 199 <= 下单.金额: send wecom \"a\"",
            "on 下单 if 下单.品类 == 护肤 and 下单.首单: send wecom \"a\"",
            "on 下单 if 下单.sku != \"A1\": send wecom \"a\"",
            "on 下单 after 1d unless 下单.首单: tag 偏好 = 下单.品类",
            "on 下单: tag 金额 = 下单.金额",
        ] {
            assert_eq!(codes(&stage(rule)), [], "{rule}");
        }
        assert_eq!(codes("  entry on 下单 if 下单.首单\n  stage a { }"), []);
        let lines = "  entry on 注册\n  exit on 下单 if 下单.金额 > 0\n  \
                     goal 大单: 下单 if 下单.金额 >= 500 within 30d\n  stage a { }";
        assert_eq!(codes(lines), []);
    }

    #[test]
    fn a_field_read_where_its_event_is_not_handled_is_j0320() {
        for rule in [
            "on enter: tag 金额 = 下单.金额",
            "on 注册 if 下单.首单: send wecom \"a\"",
            "when 下单.首单: send wecom \"a\"",
            "after 1d if 下单.金额 > 1 -> 新手",
        ] {
            assert_eq!(codes(&stage(rule)), [Code::FieldOutOfPlace], "{rule}");
        }
        let lines = "  entry when 下单.首单\n  stage a { }";
        assert_eq!(codes(lines), [Code::FieldOutOfPlace]);
        let lines = "  entry on 注册\n  exit when 下单.首单\n  stage a { }";
        assert_eq!(codes(lines), [Code::FieldOutOfPlace]);
    }

    #[test]
    fn populations_draw_every_field_type_by_its_rules() {
        let population = |line: &str| {
            let text = format!(
                "event 注册\nevent 下单 {{ 金额: number, 品类: enum {{ 彩妆, 护肤 }}, 首单: bool, sku: text }}\n\
                 population p {{\n  size 10\n  start 2026-03-01\n  days 1\n  arrivals 注册 over 1d\n  \
                 behavior 下单 {{ {line} }}\n}}\n"
            );
            check_source(&text)
                .diagnostics
                .iter()
                .filter(|d| d.severity == crate::diag::Severity::Error)
                .map(|d| d.code)
                .collect::<Vec<_>>()
        };
        let clean = "金额: uniform 1..2 品类: 彩妆 40%, 护肤 60% 首单: 90% sku: \"A\" 50%, B 50%";
        assert_eq!(population(clean), []);
        assert_eq!(population("品类: 香水 100%"), [Code::FieldNotAVariant]);
        assert_eq!(population("品类: 彩妆 50%"), [Code::PopulationPercentSum]);
        assert_eq!(
            population("首单: uniform 1..2"),
            [Code::PopulationValueMismatch]
        );
        assert_eq!(population("品类: 30%"), [Code::PopulationValueMismatch]);
    }

    #[test]
    fn misused_fields_are_type_errors() {
        for (rule, code) in [
            ("on 下单 if 下单.金额 == 护肤: exit", Code::FieldMismatch),
            ("on 下单 if 下单.金额: exit", Code::FieldMismatch),
            ("on 下单 if 下单.首单 == 1: exit", Code::FieldMismatch),
            ("on 下单 if 下单.品类 > 护肤: exit", Code::FieldMismatch),
            ("on 下单 if 下单.品类 == 香水: exit", Code::FieldNotAVariant),
            ("on 下单 if 下单.金额 > 金额: exit", Code::FieldMismatch),
            ("on 下单: tag 偏好 = 下单.金额", Code::TagFromFieldMismatch),
            ("on 下单: tag 小 = 下单.品类", Code::TagFromFieldMismatch),
            ("on 下单 if 下单.价格 > 1: exit", Code::UnknownField),
        ] {
            assert_eq!(codes(&stage(rule)), [code], "{rule}");
        }
    }
}

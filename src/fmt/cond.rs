//! Conditions and the small pieces of text inside a line: single spaces around
//! operators, `a, b` lists, parentheses where the source has them.

use super::doc::Printer;
use crate::syntax::ast::{Cond, FieldRef, Ident, Num, Operand, Spanned, Value};

impl Printer<'_> {
    pub fn name(&self, ident: &Ident) -> &str {
        self.text(ident.span)
    }

    /// Any literal (string, number, duration, clock, percent) as written.
    pub fn lit<T>(&self, lit: &Spanned<T>) -> &str {
        self.text(lit.span)
    }

    pub fn value(&self, value: &Value) -> &str {
        self.text(value.span())
    }

    /// ` "label"` after a name, or nothing.
    pub fn label(&self, label: &Option<Spanned<String>>) -> String {
        label
            .as_ref()
            .map(|l| format!(" {}", self.lit(l)))
            .unwrap_or_default()
    }

    /// Day words joined as `mon, wed, fri`, as written.
    pub fn days<T>(&self, days: &Spanned<T>) -> String {
        self.words(days.span).join(", ")
    }

    /// A condition. Parentheses are kept where the source has them (the AST has
    /// none; a needed pair is always in the source, a doubled pair prints once).
    pub fn cond(&self, cond: &Cond) -> String {
        let text = match cond {
            Cond::Or(parts, _) => self.join(parts, " or "),
            Cond::And(parts, _) => self.join(parts, " and "),
            Cond::Not(inner, _) => format!("not {}", self.cond(inner)),
            Cond::Name(name) => self.name(name).to_string(),
            Cond::Compare {
                left, op, right, ..
            } => format!(
                "{} {} {}",
                self.operand(left),
                op.value.as_str(),
                self.operand(right)
            ),
            Cond::In { tag, values, .. } => {
                let values: Vec<_> = values.iter().map(|v| self.value(v)).collect();
                format!("{} in [{}]", self.name(tag), values.join(", "))
            }
            Cond::Has { tag, value, .. } => {
                format!("{} has {}", self.name(tag), self.value(value))
            }
            Cond::Between { tag, low, high, .. } => format!(
                "{} between {} and {}",
                self.name(tag),
                self.lit(low),
                self.lit(high)
            ),
            Cond::Did { event, within, .. } => {
                format!("did {}{}", self.name(event), self.within(within))
            }
            Cond::Inactive { window, .. } => format!("inactive {}", self.lit(window)),
            Cond::InStage { stage, .. } => format!("in stage {}", self.name(stage)),
            Cond::Field(f) => self.field_ref(f),
            Cond::TodayIn { first, last, .. } => {
                format!("today in {}..{}", self.lit(first), self.lit(last))
            }
        };
        if self.in_parens(cond.span()) {
            format!("({text})")
        } else {
            text
        }
    }

    fn join(&self, parts: &[Cond], sep: &str) -> String {
        let parts: Vec<_> = parts.iter().map(|c| self.cond(c)).collect();
        parts.join(sep)
    }

    fn operand(&self, operand: &Operand) -> String {
        let window = |w: &Option<Spanned<_>>| {
            w.as_ref()
                .map(|w| format!(", {}", self.lit(w)))
                .unwrap_or_default()
        };
        match operand {
            Operand::Number(n) => self.lit(n).to_string(),
            Operand::Str(s) => self.lit(s).to_string(),
            Operand::Name(name) => self.name(name).to_string(),
            Operand::Count {
                event, window: w, ..
            } => {
                format!("count({}{})", self.name(event), window(w))
            }
            Operand::Sum {
                event,
                field,
                window: w,
                ..
            } => format!(
                "sum({}.{}{})",
                self.name(event),
                self.name(field),
                window(w)
            ),
            Operand::DaysSince { event, .. } => format!("days_since({})", self.name(event)),
            Operand::Field(f) => self.field_ref(f),
        }
    }

    /// `purchase.amount`.
    pub fn field_ref(&self, f: &FieldRef) -> String {
        format!("{}.{}", self.name(&f.event), self.name(&f.field))
    }

    /// ` within 7d`, or nothing.
    pub fn within<T>(&self, within: &Option<Spanned<T>>) -> String {
        within
            .as_ref()
            .map(|w| format!(" within {}", self.lit(w)))
            .unwrap_or_default()
    }

    /// `a..b` number ranges.
    pub fn range(&self, low: &Num, high: &Num) -> String {
        format!("{}..{}", self.lit(low), self.lit(high))
    }
}

//! Event field values (language-v2 §3, §10, §11.8): how a value is held, drawn,
//! compared, copied into a tag, and kept for a rule with a timing.
//!
//! A field value is one `f64` in the user's field buffer: a number as itself, a bool as
//! 0 or 1, an enum as its variant index + 1 (0: unset), a text as its index in
//! [`Program::texts`] (0: ""). So a field the population does not draw is 0 whatever
//! its type: its type's empty value.

use super::cond::View;
use super::program::{Cast, Draw, Interner, Program, Slot, UNSET};
use super::queue::NOW;
use super::trace::Observer;
use super::user::User;
use crate::check::model::{Distribution, Field, TagType, TagValue};
use crate::syntax::ast::{CmpOp, FieldType};

impl Program<'_> {
    /// The code of a literal field value, interning text.
    pub(super) fn field_code(&mut self, value: &TagValue, interner: &mut Interner) -> f64 {
        match value {
            TagValue::Number(n) => *n,
            TagValue::Bool(b) => *b as u8 as f64,
            TagValue::Variant(i) => (*i + 1) as f64,
            TagValue::Text(s) => self.intern(s, interner) as f64,
        }
    }

    /// How a population draws a field: values are codes, as `f64` bits.
    pub(super) fn field_draw(&mut self, dist: &Distribution, interner: &mut Interner) -> Draw {
        let bits = |v: f64| v.to_bits();
        match dist {
            Distribution::Uniform { low, high } => Draw::Uniform(*low, *high),
            Distribution::Chance(p) => {
                let p = p.fraction();
                Draw::Pick(vec![(1.0 - p, bits(0.0)), (1.0, bits(1.0))])
            }
            Distribution::Weighted(items) => {
                let mut cumulative = 0.0;
                let picks = items.iter().map(|(value, pct)| {
                    cumulative += pct.fraction();
                    (cumulative, bits(self.field_code(value, interner)))
                });
                Draw::Pick(picks.collect())
            }
        }
    }

    /// How `tag = field` casts, registering an enum's variant map.
    pub(super) fn cast(&mut self, tag: &TagType, field: &Field) -> Cast {
        match (tag, field.ty) {
            (TagType::Enum(tag_variants), FieldType::Enum) => {
                let map = (field.variants.iter())
                    .map(|v| tag_variants.iter().position(|t| t == v).unwrap_or(0) as Slot)
                    .collect();
                self.variant_maps.push(map);
                Cast::Enum((self.variant_maps.len() - 1) as u32)
            }
            (_, FieldType::Number) => Cast::Number,
            _ => Cast::Code,
        }
    }

    /// The tag slot a field value gives.
    pub fn cast_slot(&self, cast: Cast, v: f64) -> Slot {
        match cast {
            Cast::Number => v.to_bits(),
            Cast::Code => v as Slot,
            Cast::Enum(_) if v == 0.0 => UNSET,
            Cast::Enum(map) => self.variant_maps[map as usize][v as usize - 1],
        }
    }

    /// A field value as a person reads it (`199`, `护肤`, `true`, `"A1"`).
    pub fn field_text(&self, event: usize, field: usize, v: f64) -> String {
        let f = &self.model.events[event].fields[field];
        match f.ty {
            FieldType::Number => ((v * 100.0).round() / 100.0).to_string(),
            FieldType::Bool => (v != 0.0).to_string(),
            FieldType::Enum if v == 0.0 => "-".into(),
            FieldType::Enum => f.variants[v as usize - 1].clone(),
            FieldType::Text => format!("{:?}", self.texts[v as usize]),
        }
    }
}

impl View<'_> {
    /// `field op value` on the event being handled (an unset enum field meets no
    /// test, as an unset enum tag).
    pub fn field_holds(&self, field: usize, op: CmpOp, value: &TagValue) -> bool {
        let v = self.fields.get(field).copied().unwrap_or(0.0);
        let equal = match value {
            TagValue::Number(n) => return op.holds(v, *n),
            TagValue::Bool(b) => (v != 0.0) == *b,
            TagValue::Variant(_) if v == 0.0 => return false,
            TagValue::Variant(i) => v == (*i + 1) as f64,
            TagValue::Text(s) => self.prog.texts[v as usize] == *s,
        };
        equal == (op == CmpOp::Eq)
    }
}

impl<O: Observer> User<'_, '_, O> {
    /// Keeps the field values of `event` (just drawn) for the rules it schedules, so
    /// that a rule with a timing reads the event that triggered it; sets them as the
    /// snapshot the rules scheduled next carry.
    pub(super) fn keep_fields(&mut self, event: usize) {
        let n = self.prog.model.events[event].fields.len();
        if n == 0 {
            return;
        }
        let sh = &mut *self.sh;
        sh.snap = sh.snaps.len() as u32;
        sh.snaps.extend_from_slice(&sh.fields[..n]);
    }

    /// The field values rules read now: a kept snapshot while a scheduled rule fires,
    /// else the event being handled.
    pub(super) fn event_fields(&self) -> &[f64] {
        match self.sh.reading {
            NOW => &self.sh.fields,
            // a snapshot is always in `snaps`; `get` rather than an index that could
            // panic lets the compiler drop the lookup from views that read no field
            at => self.sh.snaps.get(at as usize..).unwrap_or_default(),
        }
    }
}

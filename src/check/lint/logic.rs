//! Deciding whether a condition can hold, always holds, or depends on the user.
//!
//! Every atom of a condition constrains one *variable*: a bool tag, a set member, an
//! enum or text tag, a numeric quantity (a number tag, `count`, `sum`, `days_since`,
//! the time since the last event that `inactive` asks about), or an opaque fact such
//! as `in stage S`; a field of the event being handled counts as a variable of its
//! type (`purchase.amount` as a number, `purchase.品类` as an enum). The atoms split
//! each variable's values into a few regions that none of them can tell apart (for a
//! number: the constants they mention and the intervals between them), so trying one
//! value per region, for every combination of variables, decides the condition
//! exactly. Segments are expanded into their conditions, except a segment that is
//! itself constant (that one is reported at its declaration, not again at every use).

use crate::check::model::{
    Cond, EventId, FieldId, Model, NumExpr, SegmentId, Spanned, StageId, TagId, TagType, TagValue,
};
use crate::check::visit::segments_in;
use crate::i18n::{msg, Message};
use crate::syntax::ast::{CmpOp, FieldType};

/// What a condition does over all possible users.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Never,
    Always,
    Depends,
}

/// Above this many combinations of regions a condition is left undecided.
const MAX_COMBINATIONS: usize = 1 << 14;

/// The work a verdict may do, in atom evaluations (one atom tried against one
/// combination of regions; building the truth table counts too). Deciding is
/// exponential in the number of variables and linear in the condition's size, so
/// 5,000 `or` terms over 14 tags could cost 10⁸ evaluations. Giving up is sound: an
/// undecided condition counts as `Depends`, which raises no warning (J0406/J0407
/// stay silent, J0412/J0413/J0415 see no proof). [`Logic::verdict_within`] lets a
/// caller share one budget among related verdicts (a condition and its parts). The
/// conditions of the examples and tests need well under a tenth of this.
pub const MAX_EVALUATIONS: usize = 1 << 21;

/// A numeric quantity a condition compares with constants.
#[derive(Clone, Debug, PartialEq)]
enum Quantity {
    Expr(NumExpr),
    /// Minutes since the user's last event of any kind (`inactive D` is `>= D`).
    Idle,
    /// A number field of the event being handled.
    Field(EventId, FieldId),
}

/// Something a condition asks about; its values are split into regions.
#[derive(Clone, Debug, PartialEq)]
enum Var {
    Flag(TagId),
    Member(TagId, u32),
    Enum(TagId),
    Text(TagId),
    /// A bool, enum or text field of the event being handled (number fields are
    /// quantities).
    Field(EventId, FieldId),
    Num(Quantity),
    /// A fact the analysis does not look into: true or false.
    Fact(Fact),
}

#[derive(Clone, Debug, PartialEq)]
enum Fact {
    InStage(StageId),
    Segment(SegmentId),
    /// A comparison of two quantities (`count(a) > count(b)`).
    Compare(NumExpr, CmpOp, NumExpr),
    TodayIn(crate::units::DateRange),
}

/// What an atom asks of its variable.
#[derive(Clone, Debug)]
enum Test {
    /// A bool-like variable is true.
    True,
    /// An enum tag holds one of these variants (an unset enum holds none).
    Variants(Vec<u32>),
    /// A text tag equals one of these values.
    Texts(Vec<String>),
    Compare(CmpOp, f64),
    OneOf(Vec<f64>),
    Between(f64, f64),
}

/// A condition compiled to a tree over atoms.
enum Node {
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
    Atom(usize),
    Const(bool),
}

/// One value standing for a region of a variable.
#[derive(Clone, Debug)]
enum Value {
    Bool(bool),
    /// `None` is an unset enum.
    Variant(Option<u32>),
    /// `None` is any text the condition does not mention.
    Text(Option<String>),
    Number(f64),
}

/// Decides conditions against one model.
pub struct Logic<'m> {
    model: &'m Model,
    /// Per segment: expand it into its condition (it is not constant itself).
    expand: Vec<bool>,
}

impl<'m> Logic<'m> {
    pub fn new(model: &'m Model) -> Logic<'m> {
        let mut logic = Logic {
            model,
            expand: vec![false; model.segments.len()],
        };
        let mut settled = vec![false; model.segments.len()];
        for s in 0..model.segments.len() {
            logic.settle(s, &mut settled);
        }
        logic
    }

    /// Decides segment `s` after the segments it refers to (segments never refer to
    /// themselves, J0314), and expands it at its uses unless it is constant.
    fn settle(&mut self, s: usize, settled: &mut [bool]) {
        if std::mem::replace(&mut settled[s], true) {
            return;
        }
        let model = self.model;
        let cond = &model.segments[s].cond;
        let mut refs = Vec::new();
        segments_in(cond, &mut refs);
        for r in refs {
            self.settle(r.index(), settled);
        }
        self.expand[s] = self.verdict(cond) == Verdict::Depends;
    }

    /// Whether `cond` never holds, always holds, or depends on the user.
    pub fn verdict(&self, cond: &Cond) -> Verdict {
        self.verdict_within(cond, &mut MAX_EVALUATIONS.clone())
    }

    /// [`Logic::verdict`], spending at most `left` atom evaluations (less what it
    /// spends); undecided (`Depends`) once they run out.
    pub fn verdict_within(&self, cond: &Cond, left: &mut usize) -> Verdict {
        let mut b = Builder::default();
        let root = b.node(self, cond);
        b.decide(self.model, &root, left)
    }

    /// Whether two conditions hold for exactly the same users, spending at most `left`
    /// atom evaluations as [`Logic::verdict_within`] does; `false` when they run out.
    pub fn equivalent(&self, a: &Cond, b: &Cond, left: &mut usize) -> bool {
        let part = |c: &Cond| Spanned::unplaced(c.clone());
        let not = |c: &Cond| Spanned::unplaced(Cond::Not(Box::new(part(c))));
        let differ = Cond::Or(vec![
            Spanned::unplaced(Cond::And(vec![part(a), not(b)])),
            Spanned::unplaced(Cond::And(vec![part(b), not(a)])),
        ]);
        self.verdict_within(&differ, left) == Verdict::Never
    }

    /// The tags and quantities a condition asks about, as a person names them.
    pub fn subjects(&self, cond: &Cond) -> Vec<Message> {
        let mut b = Builder::default();
        b.node(self, cond);
        let mut names: Vec<Message> = Vec::new();
        for v in &b.vars {
            let name = describe(self.model, v);
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }
}

/// Collects the variables and atoms of one condition.
#[derive(Default)]
struct Builder {
    vars: Vec<Var>,
    atoms: Vec<(usize, Test)>,
}

impl Builder {
    fn node(&mut self, logic: &Logic, c: &Cond) -> Node {
        match c {
            Cond::And(xs) => Node::And(xs.iter().map(|x| self.node(logic, x)).collect()),
            Cond::Or(xs) => Node::Or(xs.iter().map(|x| self.node(logic, x)).collect()),
            Cond::Not(x) => Node::Not(Box::new(self.node(logic, x))),
            Cond::Flag(t) => self.atom(Var::Flag(*t), Test::True),
            Cond::Segment(s) if logic.expand.get(s.index()) == Some(&true) => {
                self.node(logic, &logic.model.segment(*s).cond)
            }
            Cond::Segment(s) => self.atom(Var::Fact(Fact::Segment(*s)), Test::True),
            Cond::Compare { left, op, right } => self.compare(left, *op, right),
            Cond::EnumIs {
                tag,
                variant,
                negated,
            } => {
                let variants = if *negated {
                    let n = match &logic.model.tag(*tag).ty {
                        TagType::Enum(vs) => vs.len() as u32,
                        _ => 0,
                    };
                    (0..n).filter(|v| v != variant).collect()
                } else {
                    vec![*variant]
                };
                self.atom(Var::Enum(*tag), Test::Variants(variants))
            }
            Cond::EnumIn { tag, variants } => {
                self.atom(Var::Enum(*tag), Test::Variants(variants.clone()))
            }
            Cond::TextIs {
                tag,
                value,
                negated,
            } => {
                let atom = self.atom(Var::Text(*tag), Test::Texts(vec![value.clone()]));
                if *negated {
                    Node::Not(Box::new(atom))
                } else {
                    atom
                }
            }
            Cond::TextIn { tag, values } => self.atom(Var::Text(*tag), Test::Texts(values.clone())),
            Cond::NumberIn { tag, values } => self.atom(
                Var::Num(Quantity::Expr(NumExpr::Tag(*tag))),
                Test::OneOf(values.clone()),
            ),
            Cond::Has { tag, member } => self.atom(Var::Member(*tag, *member), Test::True),
            Cond::Between { tag, low, high } => self.atom(
                Var::Num(Quantity::Expr(NumExpr::Tag(*tag))),
                Test::Between(*low, *high),
            ),
            // `did E within W` is `count(E, W) >= 1`, so it meets `count` atoms.
            Cond::Did { event, within } => self.atom(
                Var::Num(Quantity::Expr(NumExpr::Count {
                    event: *event,
                    window: *within,
                })),
                Test::Compare(CmpOp::Ge, 1.0),
            ),
            Cond::Inactive(d) => self.atom(
                Var::Num(Quantity::Idle),
                Test::Compare(CmpOp::Ge, d.minutes() as f64),
            ),
            Cond::InStage(s) => self.atom(Var::Fact(Fact::InStage(*s)), Test::True),
            Cond::Field {
                event,
                field,
                op,
                value,
            } => self.field(*event, *field, *op, value, logic.model),
            Cond::TodayIn(r) => self.atom(Var::Fact(Fact::TodayIn(*r)), Test::True),
        }
    }

    /// `EVENT.FIELD op value`, as the simulator reads it: an unset enum field is
    /// neither equal nor unequal to a variant, an unset text field is `""`.
    fn field(
        &mut self,
        e: EventId,
        f: FieldId,
        op: CmpOp,
        value: &TagValue,
        model: &Model,
    ) -> Node {
        let var = Var::Field(e, f);
        let (atom, equal) = match value {
            TagValue::Number(n) => {
                return self.atom(Var::Num(Quantity::Field(e, f)), Test::Compare(op, *n))
            }
            TagValue::Bool(b) => (self.atom(var, Test::True), *b),
            TagValue::Variant(v) if op == CmpOp::Ne => {
                let n = model.event(e).fields[f.0 as usize].variants.len() as u32;
                let others = (0..n).filter(|x| x != v).collect();
                return self.atom(var, Test::Variants(others));
            }
            TagValue::Variant(v) => (self.atom(var, Test::Variants(vec![*v])), true),
            TagValue::Text(t) => (self.atom(var, Test::Texts(vec![t.clone()])), true),
        };
        if equal == (op == CmpOp::Eq) {
            atom
        } else {
            Node::Not(Box::new(atom))
        }
    }

    fn compare(&mut self, left: &NumExpr, op: CmpOp, right: &NumExpr) -> Node {
        match (left, right) {
            (NumExpr::Const(a), NumExpr::Const(b)) => Node::Const(op.holds(*a, *b)),
            (q, NumExpr::Const(c)) => {
                self.atom(Var::Num(Quantity::Expr(q.clone())), Test::Compare(op, *c))
            }
            (NumExpr::Const(c), q) => self.atom(
                Var::Num(Quantity::Expr(q.clone())),
                Test::Compare(op.flipped(), *c),
            ),
            (a, b) => self.atom(
                Var::Fact(Fact::Compare(a.clone(), op, b.clone())),
                Test::True,
            ),
        }
    }

    fn atom(&mut self, var: Var, test: Test) -> Node {
        let v = match self.vars.iter().position(|x| *x == var) {
            Some(v) => v,
            None => {
                self.vars.push(var);
                self.vars.len() - 1
            }
        };
        self.atoms.push((v, test));
        Node::Atom(self.atoms.len() - 1)
    }

    /// Tries one value per region for every combination of variables.
    fn decide(&self, model: &Model, root: &Node, left: &mut usize) -> Verdict {
        let mut tests: Vec<Vec<&Test>> = vec![Vec::new(); self.vars.len()];
        for (v, test) in &self.atoms {
            tests[*v].push(test);
        }
        let regions: Vec<Vec<Value>> = tests
            .iter()
            .enumerate()
            .map(|(v, tests)| self.regions(model, v, tests))
            .collect();
        let combinations = regions
            .iter()
            .try_fold(1usize, |n, r| n.checked_mul(r.len().max(1)));
        match combinations {
            Some(n) if n <= MAX_COMBINATIONS => {}
            _ => return Verdict::Depends,
        }
        let table: usize = self.atoms.iter().map(|(v, _)| regions[*v].len()).sum();
        if !spend(left, table) {
            return Verdict::Depends;
        }
        if regions.iter().any(Vec::is_empty) {
            // A variable with no possible value: nothing to decide (cannot happen for
            // declared types, kept for safety).
            return Verdict::Depends;
        }
        // truth[atom][region]
        let truth: Vec<Vec<bool>> = self
            .atoms
            .iter()
            .map(|(v, test)| regions[*v].iter().map(|x| holds(test, x)).collect())
            .collect();
        let mut pick = vec![0usize; regions.len()];
        let (mut seen_true, mut seen_false) = (false, false);
        loop {
            let mut evaluated = 0;
            let holds = eval(root, &mut |a| {
                evaluated += 1;
                truth[a][pick[self.atoms[a].0]]
            });
            if !spend(left, evaluated) {
                return Verdict::Depends;
            }
            if holds {
                seen_true = true;
            } else {
                seen_false = true;
            }
            if seen_true && seen_false {
                return Verdict::Depends;
            }
            // Next combination, odometer style.
            let mut i = 0;
            loop {
                if i == pick.len() {
                    return if seen_true {
                        Verdict::Always
                    } else {
                        Verdict::Never
                    };
                }
                pick[i] += 1;
                if pick[i] < regions[i].len() {
                    break;
                }
                pick[i] = 0;
                i += 1;
            }
        }
    }

    /// One value per region of variable `v`, which `tests` ask about.
    fn regions(&self, model: &Model, v: usize, tests: &[&Test]) -> Vec<Value> {
        match &self.vars[v] {
            Var::Flag(_) | Var::Member(..) | Var::Fact(_) => {
                vec![Value::Bool(false), Value::Bool(true)]
            }
            Var::Enum(t) => {
                let n = match &model.tag(*t).ty {
                    TagType::Enum(vs) => vs.len() as u32,
                    _ => 0,
                };
                variants(n)
            }
            Var::Field(e, f) => {
                let field = &model.event(*e).fields[f.0 as usize];
                match field.ty {
                    FieldType::Bool => vec![Value::Bool(false), Value::Bool(true)],
                    FieldType::Enum => variants(field.variants.len() as u32),
                    // A number field is a `Quantity`, never here.
                    FieldType::Text | FieldType::Number => texts(tests),
                }
            }
            Var::Text(_) => texts(tests),
            Var::Num(q) => {
                let mut cuts: Vec<f64> = Vec::new();
                for test in tests {
                    match test {
                        Test::Compare(_, c) => cuts.push(*c),
                        Test::OneOf(cs) => cuts.extend(cs),
                        Test::Between(a, b) => cuts.extend([*a, *b]),
                        _ => {}
                    }
                }
                cuts.sort_by(f64::total_cmp);
                cuts.dedup();
                domain(model, q)
                    .representatives(&cuts)
                    .into_iter()
                    .map(Value::Number)
                    .collect()
            }
        }
    }
}

/// The regions of an enum of `n` variants: unset, and each variant.
fn variants(n: u32) -> Vec<Value> {
    std::iter::once(None)
        .chain((0..n).map(Some))
        .map(Value::Variant)
        .collect()
}

/// The regions of a text: each value `tests` mention, and any other.
fn texts(tests: &[&Test]) -> Vec<Value> {
    // The order of the regions does not change the verdict.
    let mut texts: Vec<&String> = tests
        .iter()
        .flat_map(|test| match test {
            Test::Texts(ts) => ts.as_slice(),
            _ => &[],
        })
        .collect();
    texts.sort_unstable();
    texts.dedup();
    std::iter::once(None)
        .chain(texts.into_iter().cloned().map(Some))
        .map(Value::Text)
        .collect()
}

/// The values a quantity can take.
struct Domain {
    low: f64,
    high: f64,
    integer: bool,
    /// Infinity is a possible value (`days_since` an event that never happened).
    infinite: bool,
}

fn domain(model: &Model, q: &Quantity) -> Domain {
    let reals = Domain {
        low: f64::NEG_INFINITY,
        high: f64::INFINITY,
        integer: false,
        infinite: false,
    };
    match q {
        Quantity::Expr(NumExpr::Tag(t)) => match model.tag(*t).ty {
            TagType::Number {
                range: Some((low, high)),
            } => Domain { low, high, ..reals },
            _ => reals,
        },
        Quantity::Expr(NumExpr::Count { .. }) => Domain {
            low: 0.0,
            integer: true,
            ..reals
        },
        Quantity::Expr(NumExpr::DaysSince(_)) | Quantity::Idle => Domain {
            low: 0.0,
            infinite: true,
            ..reals
        },
        Quantity::Expr(_) | Quantity::Field(..) => reals,
    }
}

impl Domain {
    fn contains(&self, x: f64) -> bool {
        if x.is_infinite() {
            return self.infinite && x > 0.0;
        }
        self.low <= x && x <= self.high && (!self.integer || x.fract() == 0.0)
    }

    /// One value in each non-empty region cut by `cuts` (sorted): below the first,
    /// each cut, between neighbours, above the last, and infinity when possible.
    fn representatives(&self, cuts: &[f64]) -> Vec<f64> {
        let mut out = Vec::new();
        let mut below = f64::NEG_INFINITY;
        for &c in cuts.iter().chain(std::iter::once(&f64::INFINITY)) {
            if let Some(x) = self.inside(below, c) {
                out.push(x);
            }
            if c.is_finite() && self.contains(c) {
                out.push(c);
            }
            below = c;
        }
        if self.infinite {
            out.push(f64::INFINITY);
        }
        out
    }

    /// A value of the domain strictly between `a` and `b`.
    fn inside(&self, a: f64, b: f64) -> Option<f64> {
        let lo = a.max(self.low);
        let hi = b.min(self.high);
        let candidates = [
            if self.integer {
                (lo.floor() + 1.0).max(self.low.ceil())
            } else {
                f64::NAN
            },
            (lo + hi) / 2.0,
            lo + 1.0,
            hi - 1.0,
            lo,
            hi,
            0.0,
        ];
        candidates
            .into_iter()
            .find(|&x| x.is_finite() && a < x && x < b && self.contains(x))
    }
}

fn holds(test: &Test, value: &Value) -> bool {
    match (test, value) {
        (Test::True, Value::Bool(b)) => *b,
        (Test::Variants(vs), Value::Variant(v)) => v.is_some_and(|v| vs.contains(&v)),
        (Test::Texts(ts), Value::Text(t)) => t.as_ref().is_some_and(|t| ts.contains(t)),
        (Test::Compare(op, c), Value::Number(x)) => op.holds(*x, *c),
        (Test::OneOf(cs), Value::Number(x)) => cs.contains(x),
        (Test::Between(a, b), Value::Number(x)) => a <= x && x <= b,
        _ => false,
    }
}

/// `c op q` as `q op' c`.
/// Takes `cost` from the budget `left`; `false` (and the budget spent) when it is
/// not there.
fn spend(left: &mut usize, cost: usize) -> bool {
    match left.checked_sub(cost) {
        Some(rest) => {
            *left = rest;
            true
        }
        None => {
            *left = 0;
            false
        }
    }
}

fn eval(node: &Node, atom: &mut impl FnMut(usize) -> bool) -> bool {
    match node {
        Node::And(xs) => xs.iter().all(|x| eval(x, atom)),
        Node::Or(xs) => xs.iter().any(|x| eval(x, atom)),
        Node::Not(x) => !eval(x, atom),
        Node::Atom(a) => atom(*a),
        Node::Const(b) => *b,
    }
}

/// What variable `v` asks about, as a person names it: a tag or an expression as
/// written (its code text is data, shown in backticks), or a catalogue phrase.
fn describe(model: &Model, v: &Var) -> Message {
    let event = |e: crate::check::model::EventId| model.event(e).name.as_str();
    let code = |text: String| msg!("subject.code", code = text);
    match v {
        Var::Flag(t) | Var::Member(t, _) | Var::Enum(t) | Var::Text(t) => {
            code(model.tag(*t).name.clone())
        }
        Var::Num(Quantity::Idle) => msg!("subject.idle"),
        Var::Num(Quantity::Field(e, f)) | Var::Field(e, f) => code(format!(
            "{}.{}",
            event(*e),
            model.event(*e).fields[f.0 as usize].name
        )),
        Var::Num(Quantity::Expr(e)) => match e {
            NumExpr::Tag(t) => code(model.tag(*t).name.clone()),
            NumExpr::Count { event: e, .. } => code(format!("count({})", event(*e))),
            NumExpr::Sum {
                event: e, field, ..
            } => code(format!(
                "sum({}.{})",
                event(*e),
                model.event(*e).fields[field.0 as usize].name
            )),
            NumExpr::DaysSince(e) => code(format!("days_since({})", event(*e))),
            NumExpr::Const(c) => msg!("subject.value", value = c.to_string()),
        },
        Var::Fact(Fact::InStage(_)) => msg!("subject.stage"),
        Var::Fact(Fact::Segment(s)) => msg!("subject.segment", name = &model.segment(*s).name),
        Var::Fact(Fact::Compare(..)) => msg!("subject.compared"),
        Var::Fact(Fact::TodayIn(_)) => msg!("subject.today"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check_source;

    const TAGS: usize = 14;

    /// The `when` condition of the only rule of a file declaring bool tags `t0`…`t13`.
    fn verdict_of(cond: &str) -> Verdict {
        let decls: String = (0..TAGS).map(|i| format!("tag t{i}: bool\n")).collect();
        let text = format!(
            "{decls}event e\ntouchpoint w {{ channel wecom }}\n\
             journey j {{\n  timezone \"UTC\"\n  entry on e\n  stage a {{\n    when {cond}: send w \"x\"\n  }}\n}}\n"
        );
        let checked = check_source(&text);
        let model = checked.model.expect("the file checks");
        let crate::check::model::Trigger::When(c) = &model.journeys[0].stages[0].rules[0].trigger
        else {
            panic!("a when rule");
        };
        Logic::new(&model).verdict(c)
    }

    /// `(tK and not tK) or …` over every tag: never holds, but deciding it means
    /// trying all 2¹⁴ combinations against every term.
    fn contradictions(terms: usize) -> String {
        let term = |i: usize| format!("(t{} and not t{})", i % TAGS, i % TAGS);
        (0..terms).map(term).collect::<Vec<_>>().join(" or ")
    }

    #[test]
    fn small_conditions_are_decided_exactly() {
        assert_eq!(verdict_of(&contradictions(TAGS)), Verdict::Never);
        assert_eq!(verdict_of("t0 or not t0"), Verdict::Always);
    }

    #[test]
    fn large_conditions_give_up_past_the_budget() {
        // 2¹⁴ combinations × 10,000 atoms is far past MAX_EVALUATIONS: undecided,
        // which raises no warning, rather than 1.6 × 10⁸ evaluations.
        assert_eq!(verdict_of(&contradictions(5_000)), Verdict::Depends);
    }
}

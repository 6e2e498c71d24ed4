//! Builds the AST from pest pairs — the one place that knows the pair structure.
//! Literal values are checked and typed here; a bad literal becomes a diagnostic and
//! a harmless placeholder, so building always finishes.

use super::ast::*;
use super::parser::{is_keyword, Rule};
use crate::diag::{Code, Diagnostic};
use crate::i18n::{msg, Message};
use crate::source::Span;
use crate::units::{self, Clock, DaySet, Duration, Percent, Period};
use pest::iterators::{Pair, Pairs};

mod time;

pub struct Builder {
    /// Byte offset of the parsed text within the file (chunks after a syntax error).
    base: usize,
    /// Length of the parsed text: only a pair that ends there can end in a comment
    /// (anywhere else the comment's line break follows it).
    len: usize,
    pub diagnostics: Vec<Diagnostic>,
}

type P<'a> = Pair<'a, Rule>;

/// The children of a pair that carry meaning (keyword pairs dropped).
fn kids(p: P<'_>) -> impl Iterator<Item = P<'_>> + Clone {
    p.into_inner().filter(|c| !is_keyword(c.as_rule()))
}

/// The length of a pair's text without the whitespace and comments that pest's
/// implicit whitespace leaves at the end of a rule ending in an optional or repeated
/// part (`cond = { conj ~ (kw_or ~ conj)* }` swallows the spaces, a trailing comment
/// and the newline after the last `conj`).
fn content_len(text: &str) -> usize {
    let mut t = text.trim_end();
    loop {
        // This runs for most rules' pairs, and most end in a line without `#`: memchr
        // finds where the last line starts and whether it has a `#` (a byte loop took
        // a third of building the AST). A lone `\r` ends a line (and a comment) too,
        // as in the grammar.
        let line_start = memchr::memrchr2(b'\n', b'\r', t.as_bytes()).map_or(0, |i| i + 1);
        match comment_start(&t[line_start..]) {
            Some(i) => t = t[..line_start + i].trim_end(),
            None => return t.len(),
        }
    }
}

/// Where a `#` comment starts in one line, outside strings and quoted names.
fn comment_start(line: &str) -> Option<usize> {
    memchr::memchr(b'#', line.as_bytes())?;
    let (mut quote, mut escaped) = (None, false);
    for (i, b) in line.bytes().enumerate() {
        match (quote, b) {
            _ if escaped => escaped = false,
            (Some(b'"'), b'\\') => escaped = true,
            (Some(q), _) if b == q => quote = None,
            (None, b'"' | b'`') => quote = Some(b),
            (None, b'#') => return Some(i),
            _ => {}
        }
    }
    None
}

/// How many meaningful children of `p` have a rule that satisfies `pred`.
fn count(p: &P<'_>, pred: impl Fn(Rule) -> bool) -> usize {
    kids(p.clone()).filter(|c| pred(c.as_rule())).count()
}

impl Builder {
    pub fn new(base: usize, len: usize) -> Builder {
        Builder {
            base,
            len,
            diagnostics: Vec::new(),
        }
    }

    fn span(&self, p: &P<'_>) -> Span {
        let s = p.as_span();
        let start = self.base + s.start();
        let text = s.as_str();
        // Most pairs end with a token: with no blank at the end there is nothing to
        // trim, and no comment either, unless the text ends there (a comment takes
        // the rest of its line, and the blanks after a token are skipped with it).
        let ends_with_token = text.chars().next_back().is_some_and(|c| !c.is_whitespace());
        let len = if ends_with_token && s.end() < self.len {
            text.len()
        } else {
            content_len(text)
        };
        Span::new(start, start + len)
    }

    /// The span of a token: a pair of an atomic rule (a name, a string, a number, a
    /// duration…), which ends with its last character, never with blanks or a
    /// comment, so it needs none of [`content_len`]'s work.
    fn token_span(&self, p: &P<'_>) -> Span {
        let s = p.as_span();
        Span::new(self.base + s.start(), self.base + s.end())
    }

    /// Reports a literal the grammar takes but the language refuses.
    fn error(&mut self, code: Code, message: Message, span: Span, label: Message, help: Message) {
        self.diagnostics
            .push(Diagnostic::new(code, message, span, label).with_help(help));
    }

    pub fn file(&mut self, mut pairs: Pairs<'_, Rule>) -> File {
        let file = pairs.next().expect("the `file` rule matched");
        let items = kids(file).filter(|p| p.as_rule() != Rule::EOI);
        let imports = items.clone().filter(|p| p.as_rule() == Rule::import_decl);
        File {
            imports: self.all(imports, Self::import),
            items: self.all(
                items.filter(|p| p.as_rule() != Rule::import_decl),
                Self::item,
            ),
        }
    }

    fn import(&mut self, p: P<'_>) -> Import {
        let span = self.span(&p);
        let path = kids(p).find(|p| p.as_rule() == Rule::string);
        Import {
            path: self.string(path.expect("an import names a string")),
            span,
        }
    }

    /// Builds one node per pair into a Vec allocated once, at its final size: AST
    /// nodes are large, and growing Vecs of them cost more than the rest of building.
    fn all<'i, T>(
        &mut self,
        pairs: impl Iterator<Item = P<'i>> + Clone,
        mut build: impl FnMut(&mut Self, P<'i>) -> T,
    ) -> Vec<T> {
        let mut out = Vec::with_capacity(pairs.clone().count());
        for p in pairs {
            out.push(build(self, p));
        }
        out
    }

    fn item(&mut self, p: P<'_>) -> Item {
        match p.as_rule() {
            Rule::tag_decl => Item::Tag(self.tag_decl(p)),
            Rule::event_decl => Item::Event(self.event_decl(p)),
            Rule::touchpoint_decl => Item::Touchpoint(self.touchpoint_decl(p)),
            Rule::segment_decl => Item::Segment(self.segment_decl(p)),
            Rule::team_decl => Item::Team(self.team_decl(p)),
            Rule::journey => Item::Journey(self.journey(p)),
            Rule::population => Item::Population(self.population(p)),
            Rule::policy_decl => Item::Policy(self.policy_decl(p)),
            other => unexpected("a file", other),
        }
    }

    // ------------------------------------------------------------ literals

    fn ident(&self, p: P<'_>) -> Ident {
        let span = self.token_span(&p);
        let name = super::unquoted(p.as_str()).to_string();
        Ident { name, span }
    }

    fn string(&mut self, p: P<'_>) -> Str {
        let span = self.token_span(&p);
        let raw = &p.as_str()[1..p.as_str().len() - 1];
        if !raw.contains('\\') {
            return Spanned::new(raw.to_string(), span);
        }
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.char_indices();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            let escaped = match chars.next() {
                Some((_, '"')) => Some('"'),
                Some((_, '\\')) => Some('\\'),
                Some((_, 'n')) => Some('\n'),
                Some((_, 'u')) => unicode_escape(&mut chars),
                _ => None,
            };
            match escaped {
                Some(e) => out.push(e),
                None => {
                    let at = span.start + 1 + i;
                    let end = chars
                        .clone()
                        .next()
                        .map_or(span.end - 1, |(j, _)| span.start + 1 + j);
                    self.error(
                        Code::InvalidEscape,
                        msg!("invalid-escape"),
                        Span::new(at, end.max(at + 1)),
                        msg!("invalid-escape.label"),
                        msg!("invalid-escape.help"),
                    );
                }
            }
        }
        Spanned::new(out, span)
    }

    fn label(&mut self, p: Option<P<'_>>) -> Option<Str> {
        p.filter(|p| p.as_rule() == Rule::string)
            .map(|p| self.string(p))
    }

    fn number(&mut self, p: P<'_>) -> Num {
        let span = self.token_span(&p);
        let value = units::parse_number(p.as_str()).unwrap_or_else(|| {
            self.error(
                Code::NumberTooLarge,
                msg!("number-too-large"),
                span,
                msg!("number-too-large.label"),
                msg!("number-too-large.help"),
            );
            0.0
        });
        Spanned::new(value, span)
    }

    fn integer<T: TryFrom<u64> + Default>(&mut self, p: P<'_>) -> Spanned<T> {
        let span = self.token_span(&p);
        // The grammar allows only digits and `_` here.
        let value = p
            .as_str()
            .bytes()
            .filter(|&b| b != b'_')
            .try_fold(0u64, |n, b| {
                n.checked_mul(10)?.checked_add(u64::from(b - b'0'))
            })
            .and_then(|v| T::try_from(v).ok());
        let value = value.unwrap_or_else(|| {
            self.error(
                Code::NumberTooLarge,
                msg!("integer-too-large", number = p.as_str()),
                span,
                msg!("integer-too-large.label"),
                msg!("integer-too-large.help"),
            );
            T::default()
        });
        Spanned::new(value, span)
    }

    fn percent(&mut self, p: P<'_>) -> Spanned<Percent> {
        let span = self.token_span(&p);
        let text = p.as_str().trim_end_matches('%');
        let value = units::parse_number(text)
            .and_then(Percent::new)
            .unwrap_or_else(|| {
                self.error(
                    Code::PercentOutOfRange,
                    msg!("percent-out-of-range", percent = p.as_str()),
                    span,
                    msg!("percent-out-of-range.label"),
                    msg!("percent-out-of-range.help"),
                );
                Percent::default()
            });
        Spanned::new(value, span)
    }

    fn multiplier(&mut self, p: P<'_>) -> Num {
        let span = self.token_span(&p);
        let value = units::parse_number(&p.as_str()[1..]).unwrap_or(1.0);
        Spanned::new(value, span)
    }

    /// What an `after send` or `after task` line does: `xK` or `P%`.
    fn effect(&mut self, p: P<'_>) -> SendEffect {
        match p.as_rule() {
            Rule::multiplier => SendEffect::Multiplier(self.multiplier(p)),
            Rule::percent => SendEffect::Chance(self.percent(p)),
            other => unexpected("an `after send` or `after task` effect", other),
        }
    }

    fn duration(&mut self, p: P<'_>) -> Spanned<Duration> {
        let span = self.token_span(&p);
        let value = Duration::parse(p.as_str()).unwrap_or_else(|| {
            self.error(
                Code::InvalidDuration,
                msg!("duration-too-long", duration = p.as_str()),
                span,
                msg!("duration-too-long.label"),
                msg!("duration-too-long.help"),
            );
            Duration::ZERO
        });
        Spanned::new(value, span)
    }

    fn clock(&mut self, p: P<'_>) -> Spanned<Clock> {
        let span = self.token_span(&p);
        let value = Clock::parse(p.as_str()).unwrap_or_else(|| {
            self.error(
                Code::InvalidClock,
                msg!("invalid-clock", clock = p.as_str()),
                span,
                msg!("invalid-clock.label"),
                msg!("invalid-clock.help"),
            );
            Clock::default()
        });
        Spanned::new(value, span)
    }

    fn date(&mut self, p: P<'_>) -> Spanned<chrono::NaiveDate> {
        let span = self.token_span(&p);
        let value =
            chrono::NaiveDate::parse_from_str(p.as_str(), "%Y-%m-%d").unwrap_or_else(|_| {
                let help = match crate::units::month_end_of(p.as_str()) {
                    Some(last) => msg!("invalid-date.month-end", last = last.to_string()),
                    None => msg!("invalid-date.help"),
                };
                self.error(
                    Code::InvalidDate,
                    msg!("invalid-date", date = p.as_str()),
                    span,
                    msg!("invalid-date.label"),
                    help,
                );
                chrono::NaiveDate::default()
            });
        Spanned::new(value, span)
    }

    fn days(&self, p: P<'_>) -> Spanned<DaySet> {
        let span = self.span(&p);
        let set = kids(p)
            .filter_map(|d| DaySet::parse_word(d.as_str()))
            .fold(DaySet::EMPTY, DaySet::union);
        Spanned::new(set, span)
    }

    fn period(&self, p: P<'_>) -> Spanned<Period> {
        let span = self.token_span(&p);
        Spanned::new(Period::parse(p.as_str()).unwrap_or(Period::Day), span)
    }

    fn value(&mut self, p: P<'_>) -> Value {
        let inner = kids(p).next().expect("value has one child");
        match inner.as_rule() {
            Rule::number => Value::Number(self.number(inner)),
            Rule::string => Value::Str(self.string(inner)),
            Rule::name => Value::Name(self.ident(inner)),
            other => unexpected("a value", other),
        }
    }

    fn limit(&mut self, p: P<'_>) -> Limit {
        let span = self.span(&p);
        let mut it = kids(p);
        let count = self.integer(it.next().unwrap());
        let period = self.limit_period(it.next().unwrap());
        Limit {
            count,
            period,
            span,
        }
    }

    // ------------------------------------------------------------ declarations

    fn tag_decl(&mut self, p: P<'_>) -> TagDecl {
        let span = self.span(&p);
        let mut it = kids(p).peekable();
        let name = self.ident(it.next().unwrap());
        let label = if it.peek().map(|p| p.as_rule()) == Some(Rule::string) {
            self.label(it.next())
        } else {
            None
        };
        let ty = it.next().unwrap();
        let ty = match ty.as_rule() {
            Rule::enum_type => TagType::Enum(self.variants(ty)),
            Rule::set_type => TagType::Set(self.variants(ty)),
            Rule::number_type => {
                let mut nums = kids(ty);
                match (nums.next(), nums.next()) {
                    (Some(a), Some(b)) => TagType::Number(Some((self.number(a), self.number(b)))),
                    _ => TagType::Number(None),
                }
            }
            Rule::bool_type => TagType::Bool,
            Rule::text_type => TagType::Text,
            other => unexpected("a tag type", other),
        };
        TagDecl {
            name,
            label,
            ty,
            span,
        }
    }

    fn variants(&mut self, p: P<'_>) -> Vec<Ident> {
        self.all(kids(p), |b, v| {
            let inner = kids(v).next().unwrap();
            match inner.as_rule() {
                Rule::string => {
                    let s = b.string(inner);
                    Ident {
                        name: s.value,
                        span: s.span,
                    }
                }
                Rule::name => b.ident(inner),
                other => unexpected("a variant", other),
            }
        })
    }

    fn event_decl(&mut self, p: P<'_>) -> EventDecl {
        let span = self.span(&p);
        let mut name = None;
        let mut label = None;
        let mut fields = Vec::with_capacity(count(&p, |r| r == Rule::field_decl));
        for c in kids(p) {
            match c.as_rule() {
                Rule::name => name = Some(self.ident(c)),
                Rule::string => label = Some(self.string(c)),
                Rule::field_decl => {
                    let fspan = self.span(&c);
                    let mut it = kids(c);
                    let fname = self.ident(it.next().unwrap());
                    let ty_pair = it.next().unwrap();
                    let mut variants = Vec::new();
                    let ty = match ty_pair.as_str() {
                        "number" => FieldType::Number,
                        "bool" => FieldType::Bool,
                        "text" => FieldType::Text,
                        _ => {
                            let enum_type = kids(ty_pair).next().expect("an enum type");
                            variants = self.variants(enum_type);
                            FieldType::Enum
                        }
                    };
                    fields.push(FieldDecl {
                        name: fname,
                        ty,
                        variants,
                        span: fspan,
                    });
                }
                other => unexpected("an event", other),
            }
        }
        EventDecl {
            name: name.unwrap(),
            label,
            fields,
            span,
        }
    }

    fn touchpoint_decl(&mut self, p: P<'_>) -> TouchpointDecl {
        let span = self.span(&p);
        let mut name = None;
        let mut label = None;
        let mut settings = Vec::with_capacity(count(&p, is_setting));
        for c in kids(p) {
            match c.as_rule() {
                Rule::name => name = Some(self.ident(c)),
                Rule::string => label = Some(self.string(c)),
                Rule::channel_setting => {
                    let ch = kids(c).next().unwrap();
                    settings.push(TouchpointSetting::Channel(self.ident(ch)));
                }
                Rule::limit_setting => settings.push(TouchpointSetting::Limit(self.limit(c))),
                Rule::quiet_setting => {
                    let qspan = self.span(&c);
                    let mut it = kids(c);
                    let from = self.clock(it.next().unwrap());
                    let to = self.clock(it.next().unwrap());
                    settings.push(TouchpointSetting::Quiet {
                        from,
                        to,
                        span: qspan,
                    });
                }
                Rule::cost_setting => {
                    let n = kids(c).next().unwrap();
                    settings.push(TouchpointSetting::Cost(self.number(n)));
                }
                Rule::broadcast_setting => {
                    settings.push(TouchpointSetting::Broadcast(self.span(&c)));
                }
                other => unexpected("a touchpoint", other),
            }
        }
        TouchpointDecl {
            name: name.unwrap(),
            label,
            settings,
            span,
        }
    }

    fn segment_decl(&mut self, p: P<'_>) -> SegmentDecl {
        let span = self.span(&p);
        let mut name = None;
        let mut label = None;
        let mut cond = None;
        for c in kids(p) {
            match c.as_rule() {
                Rule::name => name = Some(self.ident(c)),
                Rule::string => label = Some(self.string(c)),
                Rule::cond => cond = Some(Box::new(self.cond(c))),
                other => unexpected("a segment", other),
            }
        }
        SegmentDecl {
            name: name.unwrap(),
            label,
            cond: cond.unwrap(),
            span,
        }
    }

    fn team_decl(&mut self, p: P<'_>) -> TeamDecl {
        let span = self.span(&p);
        let mut name = None;
        let mut label = None;
        let mut capacities = Vec::with_capacity(count(&p, is_setting));
        let mut hours = Vec::new();
        for c in kids(p) {
            match c.as_rule() {
                Rule::name => name = Some(self.ident(c)),
                Rule::string => label = Some(self.string(c)),
                Rule::capacity_setting => capacities.push(self.limit(c)),
                Rule::hours_setting => {
                    let span = self.span(&c);
                    let mut it = kids(c).peekable();
                    let days = (it.next_if(|d| d.as_rule() == Rule::days)).map(|d| self.days(d));
                    let from = self.clock(it.next().unwrap());
                    let to = self.clock(it.next().unwrap());
                    hours.push(Hours {
                        days,
                        from,
                        to,
                        span,
                    });
                }
                other => unexpected("a team", other),
            }
        }
        TeamDecl {
            name: name.unwrap(),
            label,
            capacities,
            hours,
            span,
        }
    }

    fn policy_decl(&mut self, p: P<'_>) -> PolicyDecl {
        let span = self.span(&p);
        let (mut name, mut label) = (None, None);
        let (mut limits, mut except) = (Vec::new(), Vec::new());
        for c in kids(p) {
            match c.as_rule() {
                Rule::name => name = Some(self.ident(c)),
                Rule::string => label = Some(self.string(c)),
                Rule::limit_setting => limits.push(self.limit(c)),
                Rule::policy_except => except.extend(kids(c).map(|n| self.ident(n))),
                other => unexpected("a policy", other),
            }
        }
        PolicyDecl {
            name: name.unwrap(),
            label,
            limits,
            except,
            span,
        }
    }

    // ------------------------------------------------------------ conditions

    fn cond(&mut self, p: P<'_>) -> Cond {
        self.joined(p, Self::conj, Cond::Or)
    }

    fn conj(&mut self, p: P<'_>) -> Cond {
        self.joined(p, Self::unary, Cond::And)
    }

    /// `a or b` / `a and b`: a single operand stands for itself.
    fn joined(
        &mut self,
        p: P<'_>,
        operand: fn(&mut Self, P<'_>) -> Cond,
        join: fn(Vec<Cond>, Span) -> Cond,
    ) -> Cond {
        let operands = kids(p.clone());
        let mut probe = operands.clone();
        let first = probe.next().expect("at least one operand");
        if probe.next().is_none() {
            return operand(self, first);
        }
        let span = self.span(&p);
        join(self.all(operands, operand), span)
    }

    fn unary(&mut self, p: P<'_>) -> Cond {
        let mut kids = kids(p.clone()).peekable();
        let mut nots = 0;
        while kids.next_if(|c| c.as_rule() == Rule::not_op).is_some() {
            nots += 1;
        }
        let first = kids.next().expect("an atom");
        let atom = match first.as_rule() {
            Rule::name => self.named_atom(first, kids.next()),
            Rule::field_ref => self.field_atom(first, kids.next()),
            _ => self.atom(first),
        };
        // `not not x` is `x`: folding keeps the tree shallow for any number of `not`s.
        if nots % 2 == 1 {
            Cond::Not(Box::new(atom), self.span(&p))
        } else {
            atom
        }
    }

    fn atom(&mut self, p: P<'_>) -> Cond {
        let span = self.span(&p);
        let rule = p.as_rule();
        let mut it = kids(p);
        match rule {
            Rule::paren => self.cond(it.next().unwrap()),
            Rule::did => {
                let event = self.ident(it.next().unwrap());
                let within = it.next().map(|d| self.duration(d));
                Cond::Did {
                    event,
                    within,
                    span,
                }
            }
            Rule::inactive => Cond::Inactive {
                window: self.duration(it.next().unwrap()),
                span,
            },
            Rule::in_stage => Cond::InStage {
                stage: self.ident(it.next().unwrap()),
                span,
            },
            Rule::today_in => {
                let first = self.date(it.next().unwrap());
                let last = self.date(it.next().unwrap());
                Cond::TodayIn { first, last, span }
            }
            Rule::compare => {
                let left = self.operand(it.next().unwrap());
                self.comparison(left, it, span)
            }
            other => unexpected("a condition", other),
        }
    }

    /// A condition that starts with a name: the name alone (a bool tag or a segment),
    /// or the name and the rest of a `between`, `in [...]`, `has` or comparison.
    fn named_atom(&mut self, name: P<'_>, rest: Option<P<'_>>) -> Cond {
        let tag = self.ident(name);
        let Some(rest) = rest else {
            return Cond::Name(tag);
        };
        let span = tag.span.to(self.span(&rest));
        let rule = rest.as_rule();
        let mut it = kids(rest);
        match rule {
            Rule::between => {
                let low = self.number(it.next().unwrap());
                let high = self.number(it.next().unwrap());
                Cond::Between {
                    tag,
                    low,
                    high,
                    span,
                }
            }
            Rule::in_list => {
                let values = self.all(it, Self::value);
                Cond::In { tag, values, span }
            }
            Rule::has => {
                let value = self.value(it.next().unwrap());
                Cond::Has { tag, value, span }
            }
            Rule::compare_rest => self.comparison(Operand::Name(tag), it, span),
            other => unexpected("a condition after a name", other),
        }
    }

    /// A condition that starts with `EVENT.FIELD`: the field alone (a bool field) or
    /// compared.
    fn field_atom(&mut self, field: P<'_>, rest: Option<P<'_>>) -> Cond {
        let field = self.field_ref(field);
        match rest {
            None => Cond::Field(field),
            Some(rest) => {
                let span = field.span.to(self.span(&rest));
                self.comparison(Operand::Field(field), kids(rest), span)
            }
        }
    }

    fn field_ref(&mut self, p: P<'_>) -> FieldRef {
        let span = self.span(&p);
        let mut it = kids(p);
        FieldRef {
            event: self.ident(it.next().unwrap()),
            field: self.ident(it.next().unwrap()),
            span,
        }
    }

    /// `left` compared with what follows: the operator and the right operand.
    fn comparison<'i>(
        &mut self,
        left: Operand,
        mut rest: impl Iterator<Item = P<'i>>,
        span: Span,
    ) -> Cond {
        let op_pair = rest.next().unwrap();
        let op = Spanned::new(
            CmpOp::parse(op_pair.as_str()).unwrap(),
            self.token_span(&op_pair),
        );
        let right = self.operand(rest.next().unwrap());
        Cond::Compare {
            left,
            op,
            right,
            span,
        }
    }

    fn operand(&mut self, p: P<'_>) -> Operand {
        let span = self.span(&p);
        match p.as_rule() {
            Rule::number => Operand::Number(self.number(p)),
            Rule::string => Operand::Str(self.string(p)),
            Rule::count_fn => {
                let mut it = kids(p);
                let event = self.ident(it.next().unwrap());
                let window = it.next().map(|d| self.duration(d));
                Operand::Count {
                    event,
                    window,
                    span,
                }
            }
            Rule::sum_fn => {
                let mut it = kids(p);
                let event = self.ident(it.next().unwrap());
                let field = self.ident(it.next().unwrap());
                let window = it.next().map(|d| self.duration(d));
                Operand::Sum {
                    event,
                    field,
                    window,
                    span,
                }
            }
            Rule::days_since_fn => Operand::DaysSince {
                event: self.ident(kids(p).next().unwrap()),
                span,
            },
            Rule::name => Operand::Name(self.ident(p)),
            Rule::field_ref => Operand::Field(self.field_ref(p)),
            other => unexpected("an operand", other),
        }
    }

    // ------------------------------------------------------------ journeys

    fn journey(&mut self, p: P<'_>) -> Journey {
        let span = self.span(&p);
        let mut name = None;
        let mut label = None;
        let mut settings = Vec::with_capacity(count(&p, |r| {
            is_setting(r) && r != Rule::stage && r != Rule::stage_rule
        }));
        let mut stages = Vec::with_capacity(count(&p, |r| r == Rule::stage));
        let mut rules = Vec::new();
        for c in kids(p) {
            // Settings that keep their own span compute it in their arm: a span is
            // work (see `content_len`), and most children do not need one.
            match c.as_rule() {
                Rule::name => name = Some(self.ident(c)),
                Rule::string => label = Some(self.string(c)),
                Rule::timezone => {
                    let s = self.string(kids(c).next().unwrap());
                    settings.push(JourneySetting::Timezone(s));
                }
                Rule::entry => {
                    let cspan = self.span(&c);
                    let e = kids(c).next().unwrap();
                    let entry = match e.as_rule() {
                        Rule::entry_on => {
                            let mut it = kids(e);
                            let event = self.ident(it.next().unwrap());
                            let cond = it.next().map(|c| Box::new(self.cond(c)));
                            Entry::On {
                                event,
                                cond,
                                span: cspan,
                            }
                        }
                        Rule::entry_when => {
                            Entry::When(Box::new(self.cond(kids(e).next().unwrap())), cspan)
                        }
                        other => unexpected("an entry", other),
                    };
                    settings.push(JourneySetting::Entry(entry));
                }
                Rule::reentry => {
                    let cspan = self.span(&c);
                    let r = kids(c).next().unwrap();
                    let value = match r.as_rule() {
                        Rule::never => Reentry::Never,
                        Rule::always => Reentry::Always,
                        Rule::reentry_after => {
                            Reentry::After(self.duration(kids(r).next().unwrap()).value)
                        }
                        other => unexpected("a reentry", other),
                    };
                    settings.push(JourneySetting::Reentry(Spanned::new(value, cspan)));
                }
                Rule::exit_line => {
                    let cspan = self.span(&c);
                    let e = kids(c).next().unwrap();
                    let line = match e.as_rule() {
                        Rule::exit_on => {
                            let mut it = kids(e);
                            let event = self.ident(it.next().unwrap());
                            let cond = it.next().map(|c| Box::new(self.cond(c)));
                            ExitLine::On(event, cond, cspan)
                        }
                        Rule::exit_when => {
                            ExitLine::When(Box::new(self.cond(kids(e).next().unwrap())), cspan)
                        }
                        other => unexpected("an exit line", other),
                    };
                    settings.push(JourneySetting::Exit(line));
                }
                Rule::goal => {
                    let cspan = self.span(&c);
                    let mut it = kids(c);
                    let gname = self.ident(it.next().unwrap());
                    let head = it.next().unwrap();
                    let mut rest = it.peekable();
                    let reach = match head.as_rule() {
                        Rule::goal_when => {
                            Reach::When(Box::new(self.cond(kids(head).next().unwrap())))
                        }
                        _ => Reach::Event {
                            event: self.ident(head),
                            cond: rest
                                .next_if(|c| c.as_rule() == Rule::goal_if)
                                .map(|c| Box::new(self.cond(kids(c).next().unwrap()))),
                        },
                    };
                    let within = rest
                        .next_if(|c| c.as_rule() == Rule::duration)
                        .map(|d| self.duration(d));
                    let from = rest
                        .next_if(|c| c.as_rule() == Rule::goal_from)
                        .map(|f| self.ident(kids(f).next().unwrap()));
                    settings.push(JourneySetting::Goal(Box::new(Goal {
                        name: gname,
                        reach,
                        within,
                        from,
                        span: cspan,
                    })));
                }
                Rule::holdout => {
                    let pct = self.percent(kids(c).next().unwrap());
                    settings.push(JourneySetting::Holdout(pct));
                }
                Rule::limit_setting => settings.push(JourneySetting::Limit(self.limit(c))),
                Rule::priority => {
                    let cspan = self.span(&c);
                    let value = self.value(kids(c).next().unwrap());
                    settings.push(JourneySetting::Priority(value, cspan));
                }
                Rule::stage => stages.push(self.stage(c)),
                Rule::stage_rule => rules.push(self.rule(c)),
                other => unexpected("a journey", other),
            }
        }
        Journey {
            name: name.unwrap(),
            label,
            settings,
            rules: rules.into_boxed_slice(),
            stages,
            span,
        }
    }

    fn stage(&mut self, p: P<'_>) -> Stage {
        let span = self.span(&p);
        let mut name = None;
        let mut label = None;
        let mut rules = Vec::with_capacity(count(&p, |r| r == Rule::stage_rule));
        for c in kids(p) {
            match c.as_rule() {
                Rule::name => name = Some(self.ident(c)),
                Rule::string => label = Some(self.string(c)),
                Rule::stage_rule => rules.push(self.rule(c)),
                other => unexpected("a stage", other),
            }
        }
        Stage {
            name: name.unwrap(),
            label,
            rules,
            span,
        }
    }

    fn rule(&mut self, p: P<'_>) -> Rule_ {
        let span = self.span(&p);
        let mut trigger = None;
        let mut timing = Timing::default();
        let mut guard = None;
        let mut body = None;
        for c in kids(p) {
            // Spans are computed only where they are kept (see `journey`).
            match c.as_rule() {
                // The pair covers `enter` / `exit`; the trigger starts with the rule.
                Rule::on_enter | Rule::on_exit => {
                    let trigger_span = Span::new(span.start, self.span(&c).end);
                    trigger = Some(if c.as_rule() == Rule::on_enter {
                        Trigger::Enter(trigger_span)
                    } else {
                        Trigger::Exit(trigger_span)
                    });
                }
                Rule::on_event => {
                    trigger = Some(Trigger::Event(self.ident(kids(c).next().unwrap())))
                }
                Rule::when_trigger => {
                    let cspan = self.span(&c);
                    trigger = Some(Trigger::When(
                        Box::new(self.cond(kids(c).next().unwrap())),
                        cspan,
                    ))
                }
                Rule::after_trigger => {
                    let cspan = self.span(&c);
                    trigger = Some(Trigger::After(
                        self.duration(kids(c).next().unwrap()),
                        cspan,
                    ))
                }
                Rule::on_date => trigger = Some(self.on_date(c, span.start)),
                Rule::every_month_trigger => trigger = Some(self.every_month(c)),
                Rule::every_trigger => {
                    let cspan = self.span(&c);
                    let mut it = kids(c);
                    let days = self.days(it.next().unwrap());
                    let clocks = it
                        .next()
                        .map(|cs| self.all(kids(cs), Self::clock))
                        .unwrap_or_default();
                    trigger = Some(Trigger::Every {
                        days,
                        clocks,
                        span: cspan,
                    });
                }
                // The timing's values (the trigger's own are inside its pair).
                Rule::duration => timing.after = Some(self.duration(c)),
                Rule::days => timing.days = Some(self.days(c)),
                Rule::clock => timing.at = Some(self.clock(c)),
                Rule::if_guard | Rule::unless_guard => {
                    let cspan = self.span(&c);
                    guard = Some(Box::new(Guard {
                        negated: c.as_rule() == Rule::unless_guard,
                        cond: self.cond(kids(c.clone()).next().unwrap()),
                        span: cspan,
                    }))
                }
                Rule::actions => body = Some(RuleBody::Actions(self.actions(c))),
                Rule::transition => {
                    body = Some(RuleBody::Transition(self.ident(kids(c).next().unwrap())))
                }
                other => unexpected("a stage rule", other),
            }
        }
        Rule_ {
            trigger: trigger.unwrap(),
            timing,
            guard,
            body: body.unwrap(),
            span,
        }
    }

    fn actions(&mut self, p: P<'_>) -> Vec<Action> {
        self.all(kids(p), Self::action)
    }

    fn action(&mut self, p: P<'_>) -> Action {
        let span = self.span(&p);
        let rule = p.as_rule();
        let mut it = kids(p);
        match rule {
            Rule::send => Action::Send {
                touchpoint: self.ident(it.next().unwrap()),
                template: self.string(it.next().unwrap()),
                span,
            },
            Rule::tag_action => {
                let tag = self.ident(it.next().unwrap());
                let what = it.next().unwrap();
                let rule = what.as_rule();
                let mut it = kids(what);
                match rule {
                    Rule::tag_add => Action::TagAdd {
                        tag,
                        value: self.value(it.next().unwrap()),
                        span,
                    },
                    Rule::tag_remove => Action::TagRemove {
                        tag,
                        value: self.value(it.next().unwrap()),
                        span,
                    },
                    Rule::tag_set => Action::TagSet {
                        tag,
                        value: it.next().map(|v| self.value(v)),
                        span,
                    },
                    Rule::tag_field => Action::TagField {
                        tag,
                        field: self.field_ref(it.next().unwrap()),
                        span,
                    },
                    other => unexpected("a tag action", other),
                }
            }
            Rule::untag => Action::Untag {
                tag: self.ident(it.next().unwrap()),
                span,
            },
            Rule::goto => Action::Goto {
                stage: self.ident(it.next().unwrap()),
                span,
            },
            Rule::exit_action => Action::Exit {
                reason: it.next().map(|s| self.string(s)),
                span,
            },
            Rule::split => {
                let mut it = it.peekable();
                let name = it
                    .next_if(|p| p.as_rule() == Rule::name)
                    .map(|p| self.ident(p));
                Action::Split {
                    name,
                    arms: self.all(it, Self::split_arm),
                    span,
                }
            }
            Rule::task => Action::Task {
                team: self.ident(it.next().unwrap()),
                text: self.string(it.next().unwrap()),
                within: it.next().map(|d| self.duration(d)),
                span,
            },
            Rule::enter_action => Action::Enter {
                journey: self.ident(it.next().unwrap()),
                span,
            },
            Rule::if_action => {
                let first = self.branch(span.start, Some(it.next().unwrap()), it.next().unwrap());
                let mut branches = vec![first];
                for b in it {
                    let start = self.span(&b).start;
                    let rule = b.as_rule();
                    let mut parts = kids(b);
                    let branch = match rule {
                        Rule::else_if => {
                            let cond = parts.next();
                            self.branch(start, cond, parts.next().unwrap())
                        }
                        Rule::else_branch => self.branch(start, None, parts.next().unwrap()),
                        other => unexpected("an if chain", other),
                    };
                    branches.push(branch);
                }
                Action::If { branches, span }
            }
            other => unexpected("an action", other),
        }
    }

    /// A branch of an `if` chain that starts at `start`: `if`/`else if` with its
    /// condition, `else` without.
    fn branch(&mut self, start: usize, cond: Option<P<'_>>, actions: P<'_>) -> Branch {
        let cond = cond.map(|c| self.cond(c));
        let head_end = cond.as_ref().map_or(start + "else".len(), |c| c.span().end);
        let actions_span = self.span(&actions);
        Branch {
            cond,
            actions: self.actions(actions),
            head: Span::new(start, head_end),
            span: Span::new(start, actions_span.end),
        }
    }

    fn split_arm(&mut self, p: P<'_>) -> SplitArm {
        let span = self.span(&p);
        let mut it = kids(p);
        let percent = self.percent(it.next().unwrap());
        let name = self.ident(it.next().unwrap());
        let actions = self.actions(it.next().unwrap());
        SplitArm {
            percent,
            name,
            actions,
            span,
        }
    }

    // ------------------------------------------------------------ populations

    fn population(&mut self, p: P<'_>) -> Population {
        let span = self.span(&p);
        let mut name = None;
        let mut label = None;
        let mut settings = Vec::with_capacity(count(&p, is_setting));
        for c in kids(p) {
            // Spans are computed only where they are kept (see `journey`).
            let rule = c.as_rule();
            let setting = match rule {
                Rule::name => {
                    name = Some(self.ident(c));
                    continue;
                }
                Rule::string => {
                    label = Some(self.string(c));
                    continue;
                }
                Rule::size => PopulationSetting::Size(self.integer(kids(c).next().unwrap())),
                Rule::sim_days => PopulationSetting::Days(self.integer(kids(c).next().unwrap())),
                Rule::start => {
                    let cspan = self.span(&c);
                    let mut it = kids(c);
                    let date = self.date(it.next().unwrap());
                    let clock = it.next().map(|k| self.clock(k));
                    PopulationSetting::Start {
                        date,
                        clock,
                        span: cspan,
                    }
                }
                Rule::arrivals => {
                    let cspan = self.span(&c);
                    let mut it = kids(c);
                    // `arrivals none` has no child: its keyword makes none.
                    let Some(event) = it.next() else {
                        settings.push(PopulationSetting::NoArrivals(cspan));
                        continue;
                    };
                    let event = self.ident(event);
                    let over = self.duration(it.next().unwrap());
                    PopulationSetting::Arrivals {
                        event,
                        over,
                        span: cspan,
                    }
                }
                Rule::tag_dist => {
                    let cspan = self.span(&c);
                    let mut it = kids(c);
                    let tag = self.ident(it.next().unwrap());
                    let dist = self.distribution(it.next().unwrap());
                    PopulationSetting::Tag {
                        tag,
                        dist,
                        span: cspan,
                    }
                }
                Rule::behavior => PopulationSetting::Behavior(self.behavior(c)),
                Rule::history => self.history(c),
                other => unexpected("a population", other),
            };
            settings.push(setting);
        }
        Population {
            name: name.unwrap(),
            label,
            settings,
            span,
        }
    }

    fn distribution(&mut self, p: P<'_>) -> Distribution {
        let span = self.span(&p);
        match p.as_rule() {
            Rule::uniform => {
                let mut it = kids(p);
                let low = self.number(it.next().unwrap());
                let high = self.number(it.next().unwrap());
                Distribution::Uniform { low, high, span }
            }
            Rule::weighted_values => {
                let items = self.all(kids(p), |b, wv| {
                    let mut it = kids(wv);
                    let value = b.value(it.next().unwrap());
                    let pct = b.percent(it.next().unwrap());
                    (value, pct)
                });
                Distribution::Weighted(items, span)
            }
            Rule::percent => Distribution::Chance(self.percent(p)),
            other => unexpected("a distribution", other),
        }
    }

    fn history(&mut self, p: P<'_>) -> PopulationSetting {
        let span = self.span(&p);
        let mut it = kids(p);
        let event = self.ident(it.next().unwrap());
        let a = it.next().unwrap();
        let amount = match a.as_rule() {
            Rule::history_range => {
                let aspan = self.span(&a);
                let mut ends = kids(a);
                HistoryAmount::Range {
                    low: self.integer(ends.next().unwrap()),
                    high: self.integer(ends.next().unwrap()),
                    span: aspan,
                }
            }
            Rule::percent => HistoryAmount::Share(self.percent(a)),
            other => unexpected("a `history` line", other),
        };
        let within = self.duration(it.next().unwrap());
        PopulationSetting::History {
            event,
            amount,
            within,
            span,
        }
    }

    fn behavior(&mut self, p: P<'_>) -> Behavior {
        let span = self.span(&p);
        let mut it = kids(p);
        let event = self.ident(it.next().unwrap());
        let items = self.all(it, Self::behavior_item);
        Behavior { event, items, span }
    }

    fn behavior_item(&mut self, p: P<'_>) -> BehaviorItem {
        let span = self.span(&p);
        let rule = p.as_rule();
        let mut it = kids(p);
        match rule {
            Rule::rate => BehaviorItem::Rate {
                percent: self.percent(it.next().unwrap()),
                period: self.period(it.next().unwrap()),
                span,
            },
            Rule::rate_if => BehaviorItem::If {
                cond: Box::new(self.cond(it.next().unwrap())),
                multiplier: self.multiplier(it.next().unwrap()),
                span,
            },
            Rule::after_send => {
                let target = kids(it.next().unwrap()).next().unwrap();
                let touchpoint = match target.as_rule() {
                    Rule::name => Some(self.ident(target)),
                    Rule::any_touchpoint => None,
                    other => unexpected("an `after send`", other),
                };
                let within = self.duration(it.next().unwrap());
                let effect = self.effect(it.next().unwrap());
                BehaviorItem::AfterSend {
                    touchpoint,
                    within,
                    effect,
                    span,
                }
            }
            Rule::after_task => {
                let team = self.ident(it.next().unwrap());
                let within = self.duration(it.next().unwrap());
                let effect = self.effect(it.next().unwrap());
                BehaviorItem::AfterTask {
                    team,
                    within,
                    effect,
                    span,
                }
            }
            Rule::field_dist => {
                let field = self.ident(it.next().unwrap());
                let dist = self.distribution(it.next().unwrap());
                BehaviorItem::Field { field, dist, span }
            }
            Rule::once_setting => BehaviorItem::Once(span),
            other => unexpected("a behavior", other),
        }
    }
}

/// A child that the grammar does not allow where it was found: `grammar/journey.pest`
/// and this builder disagree, which is a bug in them, never bad input. A new grammar
/// rule therefore stops here instead of being built as something else.
#[track_caller]
fn unexpected(parent: &str, rule: Rule) -> ! {
    unreachable!("the grammar puts no {rule:?} in {parent}")
}

/// Whether a child of a declaration is one of its settings (not its name or label).
fn is_setting(rule: Rule) -> bool {
    !matches!(rule, Rule::name | Rule::string)
}

/// `Rule` is taken by pest's generated enum; the AST's rule is `ast::Rule`.
type Rule_ = super::ast::Rule;

fn unicode_escape(chars: &mut std::str::CharIndices<'_>) -> Option<char> {
    let mut probe = chars.clone();
    if probe.next()?.1 != '{' {
        return None;
    }
    let mut hex = String::new();
    for (_, c) in probe.by_ref() {
        if c == '}' {
            let ch = u32::from_str_radix(&hex, 16)
                .ok()
                .and_then(char::from_u32)?;
            *chars = probe;
            return Some(ch);
        }
        if hex.len() >= 6 {
            return None;
        }
        hex.push(c);
    }
    None
}

//! Plan elements written back in the source language's words, for graph labels:
//! `on purchase`, `after 7d at 20:00 unless did purchase`, `count(purchase, 60d) >= 2`.

use super::types::*;
use crate::units::{Clock, DaySet, Weekday};
use std::fmt::{self, Display, Formatter};

/// A duration in seconds, spelt in days, hours and minutes as operations teams
/// count them (`60d`, `1d12h`, `90m` → `1h30m`), never in weeks.
fn duration(seconds: u64) -> String {
    let minutes = seconds / 60;
    if minutes == 0 {
        return "0m".into();
    }
    let parts = [
        (minutes / 1440, "d"),
        (minutes / 60 % 24, "h"),
        (minutes % 60, "m"),
    ];
    parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n}{unit}"))
        .collect()
}

/// A clock in minutes after midnight, spelt `HH:MM`.
fn clock(minutes: u32) -> String {
    Clock::new(minutes / 60, minutes % 60).map_or_else(|| minutes.to_string(), |c| c.to_string())
}

/// A list of days spelt as in the source (`mon, wed, fri`, `weekend`).
fn days(days: &[Day]) -> DaySet {
    days.iter()
        .map(|&d| DaySet::from(Weekday::ALL[d as usize]))
        .fold(DaySet::EMPTY, DaySet::union)
}

fn window(f: &mut Formatter<'_>, within: Option<u64>) -> fmt::Result {
    match within {
        Some(s) => write!(f, ", {}", duration(s)),
        None => Ok(()),
    }
}

impl Display for Trigger {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Trigger::Enter => f.write_str("on enter"),
            Trigger::Exit => f.write_str("on exit"),
            Trigger::Event { event } => write!(f, "on {event}"),
            Trigger::When { condition } => write!(f, "when {condition}"),
            Trigger::After { seconds } => write!(f, "after {}", duration(*seconds)),
            Trigger::Every { days: d, at } => {
                let clocks: Vec<String> = at.iter().map(|&m| clock(m)).collect();
                write!(f, "every {} at {}", days(d), clocks.join(", "))
            }
            Trigger::MonthDays { days, last, at } => {
                let mut words: Vec<String> = days.iter().map(u32::to_string).collect();
                words.extend(last.then(|| "last".to_string()));
                let clocks: Vec<String> = at.iter().map(|&m| clock(m)).collect();
                let (words, clocks) = (words.join(", "), clocks.join(", "));
                write!(f, "every month on {words} at {clocks}")
            }
            Trigger::Date { date, at } => write!(f, "on {date} at {}", clock(*at)),
        }
    }
}

impl Display for Timing {
    /// The shifts, each with a leading space; empty when there are none.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if let Some(s) = self.after_seconds {
            write!(f, " after {}", duration(s))?;
        }
        if let Some(d) = &self.days {
            write!(f, " on {}", days(d))?;
        }
        if let Some(m) = self.at {
            write!(f, " at {}", clock(m))?;
        }
        Ok(())
    }
}

impl Display for Guard {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Guard::If(c) => write!(f, "if {c}"),
            Guard::Unless(c) => write!(f, "unless {c}"),
        }
    }
}

impl Display for Rule {
    /// The rule's head: trigger, timing and guard, as written before `:` or `->`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.trigger, self.timing)?;
        match &self.guard {
            Some(g) => write!(f, " {g}"),
            None => Ok(()),
        }
    }
}

impl Display for Entry {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Entry::Event { event, condition } => {
                write!(f, "on {event}")?;
                match condition {
                    Some(c) => write!(f, " if {c}"),
                    None => Ok(()),
                }
            }
            Entry::When { condition } => write!(f, "when {condition}"),
        }
    }
}

impl Display for ExitLine {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            ExitLine::Event { event, condition } => {
                write!(f, "on {event}")?;
                match condition {
                    Some(c) => write!(f, " if {c}"),
                    None => Ok(()),
                }
            }
            ExitLine::When { condition } => write!(f, "when {condition}"),
        }
    }
}

impl Display for Value {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Number(n) => write!(f, "{n}"),
            Value::Text(t) => f.write_str(t),
        }
    }
}

impl Display for Cmp {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Cmp::Eq => "==",
            Cmp::Ne => "!=",
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
        })
    }
}

impl Display for Operand {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Operand::Number { value } => write!(f, "{value}"),
            Operand::Tag { tag } => f.write_str(tag),
            Operand::Count {
                event,
                within_seconds,
            } => {
                write!(f, "count({event}")?;
                window(f, *within_seconds)?;
                f.write_str(")")
            }
            Operand::Sum {
                event,
                field,
                within_seconds,
            } => {
                write!(f, "sum({event}.{field}")?;
                window(f, *within_seconds)?;
                f.write_str(")")
            }
            Operand::DaysSince { event } => write!(f, "days_since({event})"),
        }
    }
}

impl Condition {
    /// Binding strength: `or` < `and` < everything else.
    fn precedence(&self) -> u8 {
        match self {
            Condition::Or { .. } => 0,
            Condition::And { .. } => 1,
            _ => 2,
        }
    }

    /// Writes `self` as an operand of an operator of precedence `outer`.
    fn nested(&self, f: &mut Formatter<'_>, outer: u8) -> fmt::Result {
        if self.precedence() < outer {
            write!(f, "({self})")
        } else {
            write!(f, "{self}")
        }
    }

    fn joined(f: &mut Formatter<'_>, args: &[Condition], word: &str, outer: u8) -> fmt::Result {
        for (i, c) in args.iter().enumerate() {
            if i > 0 {
                write!(f, " {word} ")?;
            }
            c.nested(f, outer)?;
        }
        Ok(())
    }
}

impl Display for Condition {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Condition::And { args } => Condition::joined(f, args, "and", 1),
            Condition::Or { args } => Condition::joined(f, args, "or", 0),
            Condition::Not { arg } => {
                f.write_str("not ")?;
                arg.nested(f, 2)
            }
            Condition::Flag { tag } => f.write_str(tag),
            Condition::Segment { segment } => f.write_str(segment),
            Condition::Compare { left, cmp, right } => write!(f, "{left} {cmp} {right}"),
            Condition::Eq { tag, value } => write!(f, "{tag} == {value}"),
            Condition::Ne { tag, value } => write!(f, "{tag} != {value}"),
            Condition::In { tag, values } => {
                let values: Vec<String> = values.iter().map(Value::to_string).collect();
                write!(f, "{tag} in [{}]", values.join(", "))
            }
            Condition::Has { tag, value } => write!(f, "{tag} has {value}"),
            Condition::Between { tag, low, high } => write!(f, "{tag} between {low} and {high}"),
            Condition::Did {
                event,
                within_seconds,
            } => {
                write!(f, "did {event}")?;
                match within_seconds {
                    Some(s) => write!(f, " within {}", duration(*s)),
                    None => Ok(()),
                }
            }
            Condition::Inactive { seconds } => write!(f, "inactive {}", duration(*seconds)),
            Condition::InStage { stage } => write!(f, "in stage {stage}"),
            Condition::Field {
                event,
                field,
                cmp: Cmp::Eq,
                value: Value::Bool(true),
            } => write!(f, "{event}.{field}"),
            Condition::Field {
                event,
                field,
                cmp,
                value,
            } => write!(f, "{event}.{field} {cmp} {value}"),
            Condition::TodayIn { first, last } => write!(f, "today in {first}..{last}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flag(tag: &str) -> Condition {
        Condition::Flag { tag: tag.into() }
    }

    #[test]
    fn conditions_parenthesise_only_where_precedence_needs_it() {
        let or = Condition::Or {
            args: vec![flag("a"), flag("b")],
        };
        let and = Condition::And {
            args: vec![or.clone(), flag("c")],
        };
        assert_eq!(and.to_string(), "(a or b) and c");
        let not = Condition::Not {
            arg: Box::new(and.clone()),
        };
        assert_eq!(not.to_string(), "not ((a or b) and c)");
        let flat = Condition::Or {
            args: vec![and, flag("d")],
        };
        assert_eq!(flat.to_string(), "(a or b) and c or d");
    }

    #[test]
    fn rule_heads_read_like_source() {
        let rule = Rule {
            trigger: Trigger::After { seconds: 7 * 86400 },
            timing: Timing {
                after_seconds: None,
                days: Some(vec![Day::Sat, Day::Sun]),
                at: Some(20 * 60),
            },
            guard: Some(Guard::Unless(Condition::Compare {
                left: Operand::Count {
                    event: "下单".into(),
                    within_seconds: Some(60 * 86400),
                },
                cmp: Cmp::Ge,
                right: Operand::Number { value: 2.0 },
            })),
            then: Then::Transition("老客".into()),
            span: Location {
                file: "t".into(),
                line: 1,
                column: 1,
            },
        };
        assert_eq!(
            rule.to_string(),
            "after 7d on weekend at 20:00 unless count(下单, 60d) >= 2"
        );
        let every = Trigger::Every {
            days: vec![Day::Mon, Day::Wed, Day::Fri],
            at: vec![510, 1260],
        };
        assert_eq!(every.to_string(), "every mon, wed, fri at 08:30, 21:00");
        assert_eq!(duration(36 * 3600), "1d12h");
        assert_eq!(duration(90 * 60), "1h30m");
        assert_eq!(duration(14 * 86400), "14d");
    }
}

//! The pest parser generated from `grammar/journey.pest`.

use pest_derive::Parser;
use std::sync::OnceLock;

#[derive(Parser)]
#[grammar = "../grammar/journey.pest"]
pub struct JourneyParser;

/// Keyword rules (`kw_*`) only mark words; the AST builder skips their pairs.
pub fn is_keyword(rule: Rule) -> bool {
    static TABLE: OnceLock<Vec<bool>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = vec![false; Rule::all_rules().len() + 1];
        for r in Rule::all_rules() {
            t[*r as usize] = format!("{r:?}").starts_with("kw_");
        }
        t
    });
    table[rule as usize]
}

/// The words that can never be names (spec §9); a name may still be quoted with backticks.
pub const RESERVED: &[&str] = &[
    "tag",
    "event",
    "touchpoint",
    "segment",
    "team",
    "journey",
    "population",
    "stage",
    "entry",
    "reentry",
    "exit",
    "goal",
    "holdout",
    "limit",
    "quiet",
    "timezone",
    "channel",
    "cost",
    "capacity",
    "on",
    "enter",
    "after",
    "at",
    "every",
    "when",
    "if",
    "unless",
    "send",
    "untag",
    "goto",
    "split",
    "task",
    "and",
    "or",
    "not",
    "in",
    "has",
    "between",
    "did",
    "within",
    "inactive",
    "per",
    "any",
    "never",
    "always",
    "size",
    "start",
    "days",
    "arrivals",
    "over",
    "behavior",
    "rate",
    "uniform",
];

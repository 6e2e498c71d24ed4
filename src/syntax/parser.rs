//! The pest parser generated from `grammar/journey.pest`.

use pest::Parser as _;
use pest_derive::Parser;
use std::sync::{LazyLock, OnceLock};

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

/// The words that can never be names (spec §9; a name may still be quoted with
/// backticks): the words of the grammar's `kw_*` rules that its `keyword` rule takes,
/// so a new reserved word is added in the grammar alone.
pub static RESERVED: LazyLock<Box<[&'static str]>> = LazyLock::new(|| {
    let words = Rule::all_rules().iter().filter_map(|r| {
        let word = format!("{r:?}").strip_prefix("kw_")?.to_string();
        let whole = JourneyParser::parse(Rule::keyword, &word).is_ok_and(|p| p.as_str() == word);
        // Made once per process, for the whole run.
        whole.then(|| &*Box::leak(word.into_boxed_str()))
    });
    words.collect()
});

//! The JSON plan (`journey compile`): the contract other runners execute.
//!
//! [`lower`] turns a checked [`Model`](crate::check::Model) into a [`Plan`] of plain
//! data whose JSON is byte-identical for the same source; [`schema`] describes it;
//! [`graph`] draws a journey of it. `docs/plan.md` is the runner's guide.

mod action;
pub mod graph;
mod lower;
mod schema;
mod text;
mod types;

#[cfg(test)]
pub(crate) mod tests;

pub use lower::{lower, NoSuchJourney};
pub use schema::{schema_json, Version};
pub use types::*;

impl Plan {
    /// The plan as `journey compile` writes it: pretty JSON, a final newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a plan serialises");
        text.push('\n');
        text
    }
}

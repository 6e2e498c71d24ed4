//! `journey diff`: what a change to a journey does, for pull-request review. Split by
//! stage: [`changes`] (the semantic change list), [`diagnostics`] (new and fixed
//! problems), [`impact`] (both versions simulated side by side), [`fail_on`] (CI's
//! conditions on the impact) and [`render`] (human and markdown); [`types`] is the
//! JSON contract (docs/diff.md).

mod changes;
mod diagnostics;
pub mod fail_on;
mod figures;
pub mod impact;
pub mod render;
mod rules;
mod schema;
mod tokens;
pub mod types;
pub mod version;

pub use impact::{ImpactOptions, Skip};
pub use schema::schema_json;
pub use types::Diff;
pub use version::Version;

use crate::i18n::{words, Lang, Message};
use types::{DIFF_FORMAT, DIFF_VERSION};

/// Compares `old` with `new`. `Err` is a usage problem (an unknown `--journey`…);
/// an impact that cannot be simulated is a note in the diff.
pub fn diff(
    old: &Version,
    new: &Version,
    options: &ImpactOptions,
    lang: Lang,
) -> Result<Diff, Message> {
    let mut notes = Vec::new();
    let impact = match impact::impact(old, new, options, lang) {
        Ok(impact) => Some(impact),
        Err(Skip::Usage(m)) => return Err(m),
        Err(Skip::Note(m)) => {
            notes.push(words(&m, lang));
            None
        }
    };
    Ok(Diff {
        format: DIFF_FORMAT,
        version: DIFF_VERSION,
        old: old.name.clone(),
        new: new.name.clone(),
        changes: changes::changes(old, new),
        diagnostics: diagnostics::compare(old, new, lang),
        impact,
        notes,
    })
}

//! `journey fmt`: one canonical layout for `.journey` files.
//!
//! The formatter prints the AST again. Names, strings, numbers, durations, clocks,
//! percents and day words are copied from the source as written, so formatting
//! never changes a name or a string (backtick names and escapes stay). The layout
//! (documented for users in `docs/language.md`, "Formatting"):
//!
//! - 2-space indentation, `{` at the end of the head line, `}` on its own line;
//!   one setting, rule, action or `split` arm per line; long lines are not wrapped.
//! - Single spaces around operators, `a, b` lists, `{ a, b }` variant lists,
//!   parentheses in conditions where the source has them.
//! - A block with no children is `{}`; `touchpoint`, `team`, `stage` and `behavior`
//!   blocks with one one-line child stay on one line (`team 销售 { capacity 40 per day }`);
//!   a rule with one action is `head: action`, with several `head: { … }`.
//!   A comment inside a block, or among a rule's actions, keeps it open.
//! - Blank lines: at most one where the source has one; none after `{` or before
//!   `}`; always one around a top-level item that takes several lines and around
//!   every stage.
//! - Population `tag` lines in a row align their values (by display width).
//! - Comments stay in place: a comment on its own line stays before what follows it,
//!   at its indentation; a trailing comment stays at the end of its line, and the
//!   trailing comments of consecutive lines are aligned. A comment in the middle of
//!   something printed on one line (a condition spread over lines) moves above it.
//! - Line ends become `\n`, a byte-order mark and trailing spaces are dropped, and
//!   the file ends with one newline.

mod cond;
mod doc;
mod items;
mod journey;
mod render;
mod space;
#[cfg(test)]
mod tests;

use crate::diag::Diagnostic;
use crate::syntax;

/// Formats a file. A file with syntax errors is not formatted: its errors are
/// returned instead.
pub fn format(text: &str) -> Result<String, Vec<Diagnostic>> {
    let parsed = syntax::parse(text);
    if parsed.has_errors() {
        let mut errors: Vec<_> = parsed
            .diagnostics
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect();
        crate::diag::sort(&mut errors);
        return Err(errors);
    }
    let mut printer = doc::Printer::new(text, &parsed.comments);
    printer.file(&parsed.ast);
    Ok(render::render(text, printer.lines, &parsed.comments))
}

//! Text → AST. [`parse`] never fails: it returns the AST of everything that parsed and
//! the diagnostics of everything that did not.

pub mod ast;
mod build;
mod errors;
mod parser;
mod scan;

pub use parser::RESERVED;

use crate::diag::Diagnostic;
use crate::source::Span;
use parser::{JourneyParser, Rule};
use pest::Parser;
use rayon::prelude::*;

/// Held while `pest::set_error_detail` is on (see `parse_chunk`).
static ERROR_DETAIL: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Files at least this large are parsed in parallel.
const PARALLEL_BYTES: usize = 256 * 1024;

/// The result of parsing one file.
#[derive(Debug, Default)]
pub struct Parsed {
    pub ast: ast::File,
    /// Spans of `#` comments, in file order.
    pub comments: Vec<Span>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Parses a whole file, item by item (a declaration keyword at column 0 starts an
/// item), so one mistake does not hide the rest of the file and the items that do
/// parse still reach the checker and the LSP.
pub fn parse(text: &str) -> Parsed {
    parse_at(text, 0)
}

/// [`parse`] of a file that starts at byte `base` of a larger byte space (the
/// project's, where each file of an import closure has its own range): every span of
/// the result is shifted by `base`.
pub fn parse_at(text: &str, base: usize) -> Parsed {
    let scan = scan::scan(text);
    let mut parsed = Parsed {
        comments: (scan.comments.iter())
            .map(|c| Span::new(c.start + base, c.end + base))
            .collect(),
        diagnostics: scan.diagnostics,
        ..Parsed::default()
    };
    if parsed.has_errors() {
        // Unterminated strings and runaway nesting confuse everything after them.
        parsed.diagnostics.iter_mut().for_each(|d| d.shift(base));
        return parsed;
    }
    let ranges = chunks(text);
    let parse_range = |&(start, end): &(usize, usize)| {
        parse_chunk(text, start..end, base).map_err(|mut d| {
            d.shift(base);
            d
        })
    };
    // Items parse independently, so a large file is parsed on all cores; results are
    // merged in file order, so the outcome does not depend on the thread count.
    let results: Vec<_> = if text.len() >= PARALLEL_BYTES {
        ranges.par_iter().map(parse_range).collect()
    } else {
        ranges.iter().map(parse_range).collect()
    };
    if results.iter().any(Result::is_err) {
        // A line at column 0 that starts with a declaration keyword may sit inside an
        // item (an unindented `tag vip` action): only trust the item errors when the
        // file as a whole does not parse either.
        if let Some((file, diags)) = parse_fast(text, base) {
            parsed.ast = file;
            parsed.diagnostics.extend(diags);
            return parsed;
        }
    }
    let items = results.iter().flatten().map(|(file, _)| file.items.len());
    parsed.ast.items.reserve_exact(items.sum());
    for result in results {
        match result {
            Ok((file, diags)) => {
                parsed.ast.imports.extend(file.imports);
                parsed.ast.items.extend(file.items);
                parsed.diagnostics.extend(diags);
            }
            Err(d) => parsed.diagnostics.push(d),
        }
    }
    parsed
}

/// Parses `chunk` of `file`; the AST's spans are shifted by `base`, the error's not.
fn parse_chunk(
    file: &str,
    chunk: std::ops::Range<usize>,
    base: usize,
) -> Result<(ast::File, Vec<Diagnostic>), Diagnostic> {
    let text = &file[chunk.clone()];
    parse_fast(text, base + chunk.start).ok_or_else(|| {
        // The fast path keeps no error detail; parse again to explain the failure.
        // The switch is process-wide: hold the lock while it is on, so another
        // thread's re-parse cannot switch it off under this one.
        let err = {
            let _detail = ERROR_DETAIL.lock().unwrap_or_else(|e| e.into_inner());
            pest::set_error_detail(true);
            let err = JourneyParser::parse(Rule::file, text).err();
            pest::set_error_detail(false);
            err
        };
        let err = err.expect("a failing parse fails again");
        errors::translate(&err, file, chunk)
    })
}

/// Parses without explaining a failure (which costs a second, detailed parse).
fn parse_fast(text: &str, base: usize) -> Option<(ast::File, Vec<Diagnostic>)> {
    // The error is dropped here and a failing text parsed again with error detail,
    // which records the attempts whatever this says (see `parse_chunk`); the fast
    // path skips that bookkeeping for every failed rule (vendor/pest/JOURNEY.md).
    pest::set_attempt_tracking(false);
    let pairs = JourneyParser::parse(Rule::file, text).ok()?;
    let mut builder = build::Builder::new(base, text.len());
    let file = builder.file(pairs);
    Some((file, builder.diagnostics))
}

/// A file cut into its items for a check that parses each journey and population
/// only when it is about to check it (`check::stream`), so that the syntax trees of
/// the whole file are never alive together.
pub(crate) struct Deferred {
    /// Spans of `#` comments, in file order.
    pub comments: Vec<Span>,
    /// The pre-pass's and the declarations' diagnostics (warnings only).
    pub diagnostics: Vec<Diagnostic>,
    /// The items, in file order: each declaration parsed (the checker needs all of
    /// them first), each journey and population an item standing in for it —
    /// right only in its kind and name, read from its first line.
    pub items: Vec<ast::Item>,
    /// Per item, a journey's or population's byte range, to parse it with
    /// [`parse_later`].
    pub later: Vec<Option<(usize, usize)>>,
}

/// One chunk of a [`Deferred`] file.
enum Cut {
    /// A journey or population: its byte range and its stand-in.
    Later((usize, usize), ast::Item),
    /// Declarations, parsed, and the parser's diagnostics.
    Parsed(Vec<ast::Item>, Vec<Diagnostic>),
}

/// Cuts the file as [`parse`] does and parses its declarations; `None` where
/// anything is wrong with the syntax (then [`parse`] says what, with its recovery).
pub(crate) fn parse_deferring(text: &str) -> Option<Deferred> {
    let ranges = chunks(text);
    // The pre-pass scans each item on its own, just before it is cut or parsed, so
    // that it runs in parallel too: only the bracket depth carries from one item to
    // the next, checked once all are scanned. An item is parsed only after its own
    // scan, whose depth (counted from 0) is never more than the file's, so pest's
    // stack is safe before the file's depth is known.
    let one = |&(start, end): &(usize, usize)| {
        let scan = scan::scan_lines(text, (start, end));
        // Every finding of the pre-pass is an error.
        if !scan.diagnostics.is_empty() {
            return None;
        }
        let cut = match stand_in(&text[start..end], start) {
            Some(stand_in) => Cut::Later((start, end), stand_in),
            None => {
                let (file, diagnostics) = parse_fast(&text[start..end], start)?;
                Cut::Parsed(file.items, diagnostics)
            }
        };
        Some((scan, cut))
    };
    let results = if text.len() >= PARALLEL_BYTES {
        crate::par::map_all(ranges.par_iter(), one)?
    } else {
        crate::par::All::of(ranges.iter().map(one))?
    };
    if scan::Depth::too_deep(results.iter().map(|(scan, _)| &scan.depth)) {
        return None;
    }
    let mut deferred = Deferred {
        comments: Vec::with_capacity(results.iter().map(|(scan, _)| scan.comments.len()).sum()),
        diagnostics: Vec::new(),
        items: Vec::with_capacity(ranges.len()),
        later: Vec::with_capacity(ranges.len()),
    };
    for (scan, cut) in results {
        deferred.comments.extend(scan.comments);
        match cut {
            Cut::Later(range, stand_in) => {
                deferred.items.push(stand_in);
                deferred.later.push(Some(range));
            }
            Cut::Parsed(items, diagnostics) => {
                deferred.later.extend(items.iter().map(|_| None));
                deferred.items.extend(items);
                deferred.diagnostics.extend(diagnostics);
            }
        }
    }
    let clean = !deferred.diagnostics.iter().any(Diagnostic::is_error);
    clean.then_some(deferred)
}

/// Parses a journey or population of a [`Deferred`] file: `None` unless its text is
/// exactly the item it stands in for, without errors.
pub(crate) fn parse_later(
    text: &str,
    (start, end): (usize, usize),
    stand_in: &ast::Item,
) -> Option<(ast::Item, Vec<Diagnostic>)> {
    let (mut file, diagnostics) = parse_fast(&text[start..end], start)?;
    let item = file.items.pop().filter(|_| file.items.is_empty())?;
    let same = match (&item, stand_in) {
        (ast::Item::Journey(a), ast::Item::Journey(b)) => a.name == b.name,
        (ast::Item::Population(a), ast::Item::Population(b)) => a.name == b.name,
        _ => false,
    };
    let clean = !diagnostics.iter().any(Diagnostic::is_error);
    (same && clean).then_some((item, diagnostics))
}

/// The item standing in for a chunk that opens with `journey NAME` or `population
/// NAME` (with spaces between, as formatted files have): only its name is parsed.
fn stand_in(chunk: &str, base: usize) -> Option<ast::Item> {
    let (keyword, rest) = ["journey", "population"]
        .into_iter()
        .find_map(|k| Some((k, chunk.strip_prefix(k)?)))?;
    let after = rest.trim_start_matches([' ', '\t']);
    if after.len() == rest.len() {
        return None;
    }
    let at = chunk.len() - after.len();
    let pair = JourneyParser::parse(Rule::name, after).ok()?.next()?;
    let written = pair.as_str();
    let start = base + at + pair.as_span().start();
    let name = ast::Ident {
        name: unquoted(written).to_string(),
        span: Span::new(start, start + written.len()),
    };
    let span = name.span;
    Some(match keyword {
        "journey" => ast::Item::Journey(ast::Journey {
            name,
            label: None,
            settings: Vec::new(),
            rules: Box::default(),
            stages: Vec::new(),
            span,
        }),
        _ => ast::Item::Population(ast::Population {
            name,
            label: None,
            settings: Vec::new(),
            span,
        }),
    })
}

/// A name as written, its backticks removed.
fn unquoted(written: &str) -> &str {
    written
        .strip_prefix('`')
        .and_then(|t| t.strip_suffix('`'))
        .unwrap_or(written)
}

/// The keywords that open a top-level item.
pub const ITEM_KEYWORDS: &[&str] = &[
    "import",
    "tag",
    "event",
    "touchpoint",
    "segment",
    "team",
    "journey",
    "population",
    "policy",
];

/// Byte ranges of top-level items: each starts at a line whose first word, at
/// column 0, is a declaration keyword.
pub(crate) fn chunks(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    // The item starts after the line breaks in `bytes[from..to]`.
    let starts_in = |from: usize, to: usize| {
        memchr::memchr_iter(b'\n', &bytes[from..to])
            .map(move |p| from + p + 1)
            .filter(|&start| opens_item(&text[start..]))
    };
    let mut starts = vec![0];
    if text.len() >= PARALLEL_BYTES {
        // A large file is searched in blocks on all cores (this runs before anything
        // else can); `collect` keeps the blocks' order.
        const BLOCK: usize = 64 * 1024;
        let found: Vec<usize> = (0..text.len().div_ceil(BLOCK))
            .into_par_iter()
            .flat_map_iter(|b| starts_in(b * BLOCK, text.len().min((b + 1) * BLOCK)))
            .collect();
        starts.extend(found);
    } else {
        starts.extend(starts_in(0, text.len()));
    }
    starts
        .iter()
        .zip(starts.iter().skip(1).chain(std::iter::once(&text.len())))
        .map(|(&a, &b)| (a, b))
        .collect()
}

/// Whether `line`'s first word, at column 0, is a declaration keyword.
fn opens_item(line: &str) -> bool {
    // Most lines are indented: look at the first word only when it may be one.
    line.starts_with(|c: char| c.is_ascii_lowercase()) && {
        let word_end = line
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(line.len());
        ITEM_KEYWORDS.contains(&&line[..word_end])
    }
}

#[cfg(test)]
mod grammar_tests;
#[cfg(test)]
mod tests;

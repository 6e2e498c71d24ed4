//! AST → checked model. Resolves every name to an id, checks types, and collects
//! every semantic error and warning of the file (it does not stop at the first).

mod cond;
mod decls;
mod journey;
mod lint;
pub mod model;
mod population;
pub mod scope;
mod warnings;

pub use model::Model;

use crate::diag::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::{self, ast};
use model::*;
use scope::Scope;

/// The outcome of checking one file.
#[derive(Debug, Default)]
pub struct Checked {
    /// Present only when the file has no errors.
    pub model: Option<Model>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Parses and checks source text. Semantic checks run only on a file without
/// syntax errors: names in an unparsed item would otherwise look unknown or unused.
pub fn check_source(text: &str) -> Checked {
    check_parsed(text, &syntax::parse(text))
}

/// [`check_source`] on a file already parsed (the LSP keeps the parse for its index).
pub fn check_parsed(text: &str, parsed: &syntax::Parsed) -> Checked {
    if parsed.has_errors() {
        let mut diagnostics = parsed.diagnostics.clone();
        crate::diag::sort(&mut diagnostics);
        return Checked {
            model: None,
            diagnostics,
        };
    }
    let mut checked = check(&parsed.ast);
    checked
        .diagnostics
        .extend(parsed.diagnostics.iter().cloned());
    lint::run(&parsed.ast, &parsed.comments, text, &mut checked);
    crate::diag::sort(&mut checked.diagnostics);
    checked
}

/// Checks a parsed file.
pub fn check(file: &ast::File) -> Checked {
    let mut c = Checker::default();
    c.declare(file);
    c.resolve_declarations(file);
    for item in &file.items {
        match item {
            ast::Item::Journey(j) => {
                if let Some(j) = c.journey(j) {
                    c.model.journeys.push(j);
                }
            }
            ast::Item::Population(p) => {
                if let Some(p) = c.population(p) {
                    c.model.populations.push(p);
                }
            }
            _ => {}
        }
    }
    c.warnings(file);
    let has_errors = c.diagnostics.iter().any(Diagnostic::is_error);
    Checked {
        model: (!has_errors).then_some(c.model),
        diagnostics: c.diagnostics,
    }
}

/// Which declarations something refers to, for the unused-declaration warning.
#[derive(Debug, Default)]
struct Uses {
    tags: Vec<bool>,
    events: Vec<bool>,
    touchpoints: Vec<bool>,
    segments: Vec<bool>,
    teams: Vec<bool>,
}

#[derive(Debug, Default)]
struct Checker {
    model: Model,
    diagnostics: Vec<Diagnostic>,
    tags: Scope<TagId>,
    events: Scope<EventId>,
    touchpoints: Scope<TouchpointId>,
    segments: Scope<SegmentId>,
    teams: Scope<TeamId>,
    uses: Uses,
}

/// What a name lookup is for: its kind word and diagnostic code.
#[derive(Clone, Copy)]
enum Kind {
    Tag,
    Event,
    Touchpoint,
    Team,
}

impl Checker {
    fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    fn unknown(&mut self, kind: Kind, name: &ast::Ident) {
        let (code, word, suggestion) = match kind {
            Kind::Tag => (Code::UnknownTag, "tag", self.tags.suggest(&name.name)),
            Kind::Event => (Code::UnknownEvent, "event", self.events.suggest(&name.name)),
            Kind::Touchpoint => (
                Code::UnknownTouchpoint,
                "touchpoint",
                self.touchpoints.suggest(&name.name),
            ),
            Kind::Team => (Code::UnknownTeam, "team", self.teams.suggest(&name.name)),
        };
        let suggestion = suggestion.map(str::to_string);
        let mut d = Diagnostic::new(
            code,
            format!("unknown {word} `{}`", name.name),
            name.span,
            format!("no {word} is declared with this name"),
        );
        d = match suggestion {
            Some(s) => d.with_help(format!("did you mean `{s}`?")),
            None => d.with_help(declaration_help(kind, &name.name)),
        };
        self.push(d);
    }

    fn tag_ref(&mut self, name: &ast::Ident) -> Option<TagId> {
        let id = self.tags.get(&name.name);
        match id {
            Some(id) => self.uses.tags[id.index()] = true,
            None => self.unknown(Kind::Tag, name),
        }
        id
    }

    fn event_ref(&mut self, name: &ast::Ident) -> Option<EventId> {
        let id = self.events.get(&name.name);
        match id {
            Some(id) => self.uses.events[id.index()] = true,
            None => self.unknown(Kind::Event, name),
        }
        id
    }

    fn touchpoint_ref(&mut self, name: &ast::Ident) -> Option<TouchpointId> {
        let id = self.touchpoints.get(&name.name);
        match id {
            Some(id) => self.uses.touchpoints[id.index()] = true,
            None => self.unknown(Kind::Touchpoint, name),
        }
        id
    }

    fn team_ref(&mut self, name: &ast::Ident) -> Option<TeamId> {
        let id = self.teams.get(&name.name);
        match id {
            Some(id) => self.uses.teams[id.index()] = true,
            None => self.unknown(Kind::Team, name),
        }
        id
    }

    fn duplicate(&mut self, kind: &str, name: &ast::Ident, earlier: Span) {
        self.push(
            Diagnostic::new(
                Code::DuplicateName,
                format!("{kind} `{}` is declared twice", name.name),
                name.span,
                "declared again here",
            )
            .with_label(earlier, "first declared here")
            .with_help("rename one of them, or remove the duplicate"),
        );
    }

    fn duplicate_setting(&mut self, what: &str, span: Span, earlier: Span) {
        self.push(
            Diagnostic::new(
                Code::DuplicateSetting,
                format!("`{what}` is given twice"),
                span,
                "given again here",
            )
            .with_label(earlier, "first given here")
            .with_help(format!("keep one `{what}` line")),
        );
    }

    /// A positive window (`within`, `inactive`, `over`): zero is a mistake.
    fn window(
        &mut self,
        d: &ast::Spanned<crate::units::Duration>,
        what: &str,
    ) -> crate::units::Duration {
        if d.value.minutes() == 0 {
            self.push(
                Diagnostic::new(
                    Code::InvalidDuration,
                    format!("{what} of zero length can never match anything"),
                    d.span,
                    "zero-length window",
                )
                .with_help("give a positive duration such as `1d` or `30d`"),
            );
        }
        d.value
    }
}

fn declaration_help(kind: Kind, name: &str) -> String {
    match kind {
        Kind::Tag => format!(
            "declare it first with its type: `tag {name}: enum {{ … }}` (or `set {{ … }}`, `number`, `bool`, `text`)"
        ),
        Kind::Event => format!("declare it first: `event {name}`"),
        Kind::Touchpoint => format!("declare it first: `touchpoint {name} {{ channel wecom }}`"),
        Kind::Team => format!("declare it first: `team {name} {{ capacity 40 per day }}`"),
    }
}

/// Percents that should add up to 100 (with rounding slack for decimals).
fn sums_to_100(total: f64) -> bool {
    (total - 100.0).abs() < 1e-6
}

#[cfg(test)]
mod tests;

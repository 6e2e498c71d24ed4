//! A best-effort AST for a file with syntax errors. The parser keeps every item that
//! parses, but the item being edited — often a whole journey — is lost, and an
//! unterminated string loses everything. Blanking the lines at the errors (spaces of
//! the same byte length, so every span stays put) and parsing again recovers the rest
//! of that item for hover, definition, references and the outline.

use crate::diag::Diagnostic;
use crate::syntax::{self, ast, Parsed};

/// Rounds of blanking and re-parsing, each at the errors the last round left.
const ROUNDS: usize = 4;

/// A better AST than `parsed.ast` when `parsed` has errors and blanking helps.
pub fn recover(text: &str, parsed: &Parsed) -> Option<ast::File> {
    if !parsed.has_errors() {
        return None;
    }
    let mut text = text.to_string();
    let mut errors = error_offsets(&parsed.diagnostics);
    let mut best: Option<ast::File> = None;
    let mut most = parsed.ast.items.len();
    for _ in 0..ROUNDS {
        for &at in &errors {
            blank_at(&mut text, at);
        }
        let again = syntax::parse(&text);
        let done = !again.has_errors();
        if again.ast.items.len() > most || done && again.ast.items.len() == most {
            most = again.ast.items.len();
            best = Some(again.ast);
        }
        if done {
            break;
        }
        errors = error_offsets(&again.diagnostics);
    }
    best
}

fn error_offsets(diagnostics: &[Diagnostic]) -> Vec<usize> {
    diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.primary_span().start)
        .collect()
}

/// Blanks the line at `at`; when that line closes a block, the previous non-blank
/// line instead (the unfinished statement before a `}`, such as a bare `send`).
fn blank_at(text: &mut String, at: usize) {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    if !line_at(text, start).trim_start().starts_with('}') {
        blank_line(text, start);
    } else if start > 0 {
        let before = text[..start - 1].trim_end();
        blank_line(text, before.rfind('\n').map_or(0, |i| i + 1));
    }
}

fn line_at(text: &str, start: usize) -> &str {
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    &text[start..end]
}

/// Replaces the line starting at `start` with as many spaces as it has bytes.
fn blank_line(text: &mut String, start: usize) {
    let len = line_at(text, start).len();
    text.replace_range(start..start + len, &" ".repeat(len));
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::super::{definition, hover, symbols};

    const HALF_TYPED: &str = "\
touchpoint wecom { channel wecom }
event buy
journey j {
  entry on buy
  stage a {
    on enter: send we$0com \"hi\"
    on buy: send
    after 1d -> b
  }
  stage b {
    wh
  }
}
";

    #[test]
    fn the_journey_being_edited_keeps_its_names() {
        let f = Fixture::new(HALF_TYPED);
        assert!(f.doc.parsed.has_errors());
        assert!(hover(&f.doc, f.cursor).is_some());
        assert_eq!(f.doc.slice(definition(&f.doc, f.cursor).unwrap()), "wecom");
        let outline = symbols(&f.doc);
        let journey = outline
            .iter()
            .find(|s| s.name == "j")
            .expect("j is recovered");
        let stages: Vec<_> = journey.children.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(stages, ["a", "b"]);
    }

    #[test]
    fn an_unterminated_string_does_not_hide_the_file() {
        let f = Fixture::new("touchpoint wecom { channel wecom }\nsegment s = did b$0uy\nevent buy\njourney j {\n  stage a { on enter: send wecom \"wel\n  }\n}\n");
        assert!(f.doc.parsed.ast.items.is_empty());
        assert!(hover(&f.doc, f.cursor).is_some());
        assert!(symbols(&f.doc).iter().any(|s| s.name == "wecom"));
    }
}

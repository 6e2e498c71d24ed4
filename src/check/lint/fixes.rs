//! The fixes of warnings that need the file's text, which the checker does not hold:
//!
//! - J0401 (unused declaration): the checker's fix removes the declaration's span;
//!   here it is widened to the declaration's whole lines (its text and the line end),
//!   when nothing else stands on them but a trailing comment. The `#` comment lines
//!   right above are kept: such a comment may head a group of declarations, and a
//!   stale comment is easier to see and remove than a lost one.
//! - J0402 (journey without `timezone`): a fix inserting `timezone "Asia/Shanghai"`
//!   as the journey's first line, indented like the line after the journey's `{`. A
//!   journey written with more on the line of its `{` gets no fix.
//!
//! Both fixes are *suggested*: removing a declaration or choosing a time zone changes
//! what the file means.

use crate::diag::{Code, Diagnostic, Fix, Safety};
use crate::i18n::msg;
use crate::source::Span;

/// The time zone the J0402 fix writes: where the users of journey files live.
const TIMEZONE_LINE: &str = "timezone \"Asia/Shanghai\"";

pub(super) fn complete(text: &str, diagnostics: &mut [Diagnostic]) {
    for d in diagnostics {
        match d.code {
            Code::UnusedDeclaration => {
                for edit in d.fixes.iter_mut().flat_map(|f| &mut f.edits) {
                    edit.span = whole_lines(text, edit.span);
                }
            }
            Code::MissingTimezone => {
                if let Some(fix) = add_timezone(text, d.primary_span()) {
                    d.fixes.push(fix);
                }
            }
            _ => {}
        }
    }
}

/// `span` with its lines' start and end (line end included), when the rest of those
/// lines is blank or a comment; else `span` itself.
fn whole_lines(text: &str, span: Span) -> Span {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i + 1);
    let before = &text[start..span.start];
    let after = text[span.end..end].trim();
    if before.trim().is_empty() && (after.is_empty() || after.starts_with('#')) {
        Span::new(start, end)
    } else {
        span
    }
}

/// The fix inserting the `timezone` line into the journey named at `name`.
fn add_timezone(text: &str, name: Span) -> Option<Fix> {
    let brace = opening_brace(text, name.end)?;
    let line_end = text[brace..].find('\n').map_or(text.len(), |i| brace + i);
    let rest = text[brace + 1..line_end].trim();
    if !(rest.is_empty() || rest.starts_with('#')) {
        return None;
    }
    // Before a `\r\n` line end, and with the file's own line ends.
    let (at, newline) = match text[..line_end].strip_suffix('\r') {
        Some(before) => (before.len(), "\r\n"),
        None => (line_end, "\n"),
    };
    let indent = body_indent(text, name.start, line_end);
    Some(Fix::replace(
        msg!("fix-add-timezone"),
        Safety::Suggested,
        Span::new(at, at),
        format!("{newline}{indent}{TIMEZONE_LINE}"),
    ))
}

/// The `{` that opens the journey whose name ends at `from`: after blanks and an
/// optional label string (`journey 新客 "新客旅程" {`).
fn opening_brace(text: &str, from: usize) -> Option<usize> {
    let mut chars = text[from..].char_indices().peekable();
    let skip_blanks = |chars: &mut std::iter::Peekable<std::str::CharIndices>| {
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
    };
    skip_blanks(&mut chars);
    if chars.next_if(|&(_, c)| c == '"').is_some() {
        let mut escaped = false;
        loop {
            let (_, c) = chars.next()?;
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => break,
                _ => escaped = false,
            }
        }
        skip_blanks(&mut chars);
    }
    chars
        .next()
        .filter(|&(_, c)| c == '{')
        .map(|(i, _)| from + i)
}

/// The indentation of the journey's lines: that of the first line after the `{`
/// (ending at `line_end`) that holds something other than the closing `}`, else the
/// journey's own plus two spaces.
fn body_indent(text: &str, journey: usize, line_end: usize) -> String {
    let indent_of = |line: &str| -> String {
        line.chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect()
    };
    let next = text
        .get(line_end + 1..)
        .unwrap_or_default()
        .lines()
        .find(|l| !l.trim().is_empty());
    match next {
        Some(line) if !line.trim().starts_with('}') => indent_of(line),
        _ => {
            let start = text[..journey].rfind('\n').map_or(0, |i| i + 1);
            format!("{}  ", indent_of(&text[start..journey]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check_source;
    use crate::diag::fix::{apply, compatible};

    /// `text` with the fixes of its `code` warnings applied.
    fn fixed(text: &str, code: Code) -> String {
        let diagnostics = check_source(text).diagnostics;
        let fixes: Vec<&Fix> = diagnostics
            .iter()
            .filter(|d| d.code == code)
            .flat_map(|d| &d.fixes)
            .collect();
        assert!(!fixes.is_empty(), "no fix for {code:?} in {diagnostics:#?}");
        assert!(fixes.iter().all(|f| f.safety == Safety::Suggested));
        apply(text, &compatible(fixes))
    }

    fn codes(text: &str) -> Vec<Code> {
        check_source(text)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect()
    }

    const JOURNEY: &str = "journey 新客 {\n  timezone \"UTC\"\n  entry on signup\n  goal g: signup within 1d\n  stage a {\n    on enter: exit\n  }\n}\n";

    #[test]
    fn an_unused_declaration_is_removed_with_its_lines_and_comments_above_stay() {
        let text = format!(
            "event signup\n# 退款事件\nevent 退款\ntag 风格: enum {{ 商务风, 休闲风 }}  # 没用上\n{JOURNEY}"
        );
        assert_eq!(
            codes(&text),
            [Code::UnusedDeclaration, Code::UnusedDeclaration]
        );
        let after = fixed(&text, Code::UnusedDeclaration);
        assert_eq!(after, format!("event signup\n# 退款事件\n{JOURNEY}"));
        assert_eq!(codes(&after), []);
    }

    #[test]
    fn a_declaration_sharing_its_line_loses_only_its_own_text() {
        assert_eq!(
            whole_lines("event a  event b\n", Span::new(9, 16)),
            Span::new(9, 16)
        );
        assert_eq!(
            whole_lines("x\n  event b\r\ny", Span::new(4, 11)),
            Span::new(2, 13)
        );
    }

    #[test]
    fn a_journey_without_timezone_gets_the_line_indented_as_its_others() {
        let journey = JOURNEY.replace("  timezone \"UTC\"\n", "");
        let text = format!("event signup\n{journey}");
        assert_eq!(codes(&text), [Code::MissingTimezone]);
        let after = fixed(&text, Code::MissingTimezone);
        let expected = JOURNEY.replace("UTC", "Asia/Shanghai");
        assert_eq!(after, format!("event signup\n{expected}"));
        assert_eq!(codes(&after), []);
        // A label, a comment after `{`, four-space indentation and `\r\n` line ends.
        let text = "event signup\r\njourney 新客 \"新客{旅程}\" { # 新客\r\n    entry on signup\r\n    goal g: signup within 1d\r\n    stage a {\r\n      on enter: exit\r\n    }\r\n}\r\n";
        let after = fixed(text, Code::MissingTimezone);
        assert!(
            after.contains("{ # 新客\r\n    timezone \"Asia/Shanghai\"\r\n    entry on signup"),
            "{after}"
        );
        assert_eq!(codes(&after), []);
    }
}

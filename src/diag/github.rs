//! The GitHub Actions renderer: one workflow command per diagnostic, which the
//! runner turns into an annotation on the pull request's diff:
//! `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=J0406::message`.
//! Lines and columns are 1-based and count characters; the end column is the one
//! just after the span, as in `--format json`.

use super::{json::range, message_and_help, Diagnostic, Severity};
use crate::i18n::Lang;
use crate::source::SourceFile;
use std::fmt::Write;

/// The commands for one file. Its name should be relative to the repository root.
pub fn render(file: &SourceFile, diagnostics: &[Diagnostic], lang: Lang) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let (line, col, end_line, end_column) = range(file, d.primary_span());
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let message = message_and_help(&d.words(lang), lang);
        let _ = writeln!(
            out,
            "::{command} file={},line={line},col={col},endLine={end_line},endColumn={end_column},title={}::{}",
            property(&file.name.replace('\\', "/")),
            property(d.code.as_str()),
            data(&message)
        );
    }
    out
}

/// Escapes a message: `%`, CR and LF.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as a message, and also `:` and `,`.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_properties_are_escaped() {
        assert_eq!(data("50%\r\nnext"), "50%25%0D%0Anext");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}

//! One byte space for the files of an import closure, as rustc's `SourceMap`: each
//! file gets a base offset, its spans are shifted by it when it is parsed, and a
//! global span is turned back into (file, local span) only to render a diagnostic.
//! `Span` stays one pair of offsets, so nothing between the parser and the renderers
//! knows that there are several files.

use crate::diag::{Diagnostic, Fix};
use crate::source::{Locate, Position, SourceFile, Span};
use std::path::PathBuf;

/// One file of the project.
#[derive(Debug)]
pub struct MappedFile {
    /// The file's own name and text, its name relative to the project root.
    pub source: SourceFile,
    /// The file on disk, symbolic links resolved.
    pub path: PathBuf,
    /// Where the file's text starts in [`SourceMap::text`].
    pub base: usize,
}

/// The files of a closure in the order they were read, and their texts end to end.
#[derive(Debug, Default)]
pub struct SourceMap {
    pub files: Vec<MappedFile>,
    /// Every file's text at its base, each followed by a newline: a global span
    /// slices it like the file it belongs to (the lints quote source text by span).
    pub text: String,
}

impl SourceMap {
    /// Adds a file; its spans must be shifted by the returned base.
    pub fn add(&mut self, name: String, path: PathBuf, text: String) -> usize {
        let base = self.text.len();
        self.text.push_str(&text);
        self.text.push('\n');
        self.files.push(MappedFile {
            source: SourceFile::new(name, text),
            path,
            base,
        });
        base
    }

    /// The index of the file holding global offset `offset`.
    pub fn file_of(&self, offset: usize) -> usize {
        self.files
            .partition_point(|f| f.base <= offset)
            .saturating_sub(1)
    }

    /// A diagnostic cut into one part per file its labels are in: first the part of
    /// its primary label's file (with the help and the fixes), then the others (their
    /// labels only), every span local to its file.
    pub fn split(&self, d: &Diagnostic) -> Vec<(usize, Diagnostic)> {
        let primary = self.file_of(d.primary_span().start);
        let mut order = vec![primary];
        for label in &d.labels {
            let file = self.file_of(label.span.start);
            if !order.contains(&file) {
                order.push(file);
            }
        }
        order
            .into_iter()
            .enumerate()
            .map(|(i, file)| {
                let base = self.files[file].base;
                let local = |s: Span| Span::new(s.start - base, s.end - base);
                let mut part = d.clone();
                part.labels.retain(|l| self.file_of(l.span.start) == file);
                part.labels.iter_mut().for_each(|l| l.span = local(l.span));
                if i == 0 {
                    part.fixes = (d.fixes.iter())
                        .filter_map(|f| self.local_fix(f))
                        .filter(|(at, _)| *at == file)
                        .map(|(_, f)| f)
                        .collect();
                } else {
                    part.help = None;
                    part.fixes.clear();
                }
                (file, part)
            })
            .collect()
    }

    /// A fix as its file sees it: the file its edits are in, and the fix with spans
    /// local to it; `None` for a fix whose edits are in several files.
    pub fn local_fix(&self, fix: &Fix) -> Option<(usize, Fix)> {
        let file = self.file_of(fix.edits.first()?.span.start);
        let base = self.files[file].base;
        let mut local = fix.clone();
        for edit in &mut local.edits {
            if self.file_of(edit.span.start) != file {
                return None;
            }
            edit.span = Span::new(edit.span.start - base, edit.span.end - base);
        }
        Some((file, local))
    }
}

impl Locate for SourceMap {
    fn name(&self) -> &str {
        &self.files[0].source.name
    }

    fn file_name(&self, offset: usize) -> &str {
        &self.files[self.file_of(offset)].source.name
    }

    fn position(&self, offset: usize) -> Position {
        let file = &self.files[self.file_of(offset)];
        file.source.position(offset.saturating_sub(file.base))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;
    use crate::i18n::msg;

    #[test]
    fn a_global_span_goes_back_to_its_file_and_a_diagnostic_splits_by_file() {
        let mut map = SourceMap::default();
        let a = map.add("a.journey".into(), "a".into(), "tag x: bool".into());
        let b = map.add("b.journey".into(), "b".into(), "tag x: bool".into());
        assert_eq!((a, b), (0, 12));
        assert_eq!(&map.text[b + 4..b + 5], "x");
        assert_eq!(
            (map.file_of(0), map.file_of(11), map.file_of(12)),
            (0, 0, 1)
        );
        assert_eq!(map.position(b + 4), Position { line: 1, column: 5 });
        assert_eq!(map.file_name(b + 4), "b.journey");
        let d = Diagnostic::new(
            Code::DuplicateName,
            msg!("import-cycle"),
            Span::new(16, 17),
            msg!("import-cycle.label"),
        )
        .with_label(Span::new(4, 5), msg!("duplicate-name.first"))
        .with_help(msg!("import-cycle.help"));
        let parts = map.split(&d);
        assert_eq!(parts.len(), 2);
        let (file, part) = &parts[0];
        assert_eq!(
            (*file, part.labels[0].span, part.help.is_some()),
            (1, Span::new(4, 5), true)
        );
        let (file, part) = &parts[1];
        assert_eq!(
            (*file, part.labels.len(), part.help.is_some()),
            (0, 1, false)
        );
        assert_eq!(part.labels[0].span, Span::new(4, 5));
    }
}

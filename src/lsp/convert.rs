//! Byte offsets ⇄ LSP positions. LSP counts columns in UTF-16 code units unless the
//! client accepts `utf-8` (then bytes); lines are the same either way.

use crate::source::{SourceFile, Span};
use lsp_types::{ClientCapabilities, Position, PositionEncodingKind, Range};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (no conversion needed), else the default UTF-16.
    pub fn negotiate(caps: &ClientCapabilities) -> Encoding {
        let offered = caps
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref());
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// The text of 0-based `line` without its line break.
fn line_text(src: &SourceFile, line: usize) -> (usize, &str) {
    let start = src.line_start(line);
    let end = if line + 1 < src.line_count() {
        src.line_start(line + 1)
    } else {
        src.text.len()
    };
    (start, src.text[start..end].trim_end_matches(['\n', '\r']))
}

pub fn position(src: &SourceFile, offset: usize, enc: Encoding) -> Position {
    let offset = src.clamp(offset);
    let line = src.line_of(offset);
    let start = src.line_start(line);
    let column: usize = src.text[start..offset].chars().map(|c| enc.width(c)).sum();
    Position::new(line as u32, column as u32)
}

pub fn range(src: &SourceFile, span: Span, enc: Encoding) -> Range {
    Range::new(position(src, span.start, enc), position(src, span.end, enc))
}

/// The byte offset of `pos`; a column past the line's end means its end, a line past
/// the last means the end of the text, and a column inside a character its start.
pub fn offset(src: &SourceFile, pos: Position, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= src.line_count() {
        return src.text.len();
    }
    let (start, text) = line_text(src, line);
    let mut units = 0;
    for (i, c) in text.char_indices() {
        units += enc.width(c);
        if units > pos.character as usize {
            return start + i;
        }
    }
    start + text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_columns_in_utf16_and_utf8() {
        let src = SourceFile::new("t", "tag 风格: bool\n  send 企业微信 \"😀x\"\n");
        let at = src.text.find("企业").unwrap();
        assert_eq!(position(&src, at, Encoding::Utf16), Position::new(1, 7));
        assert_eq!(position(&src, at, Encoding::Utf8), Position::new(1, 7));
        let x = src.text.find('x').unwrap();
        // 企业微信 is 4 UTF-16 units, 12 bytes; the emoji 2 units, 4 bytes.
        assert_eq!(position(&src, x, Encoding::Utf16), Position::new(1, 15));
        assert_eq!(position(&src, x, Encoding::Utf8), Position::new(1, 25));
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            for (i, _) in src.text.char_indices() {
                assert_eq!(offset(&src, position(&src, i, enc), enc), i);
            }
        }
    }

    #[test]
    fn positions_out_of_range_are_clamped() {
        let src = SourceFile::new("t", "ab\r\ncd");
        assert_eq!(offset(&src, Position::new(0, 99), Encoding::Utf16), 2);
        assert_eq!(offset(&src, Position::new(7, 0), Encoding::Utf16), 6);
        assert_eq!(position(&src, 99, Encoding::Utf16), Position::new(1, 2));
        let src = SourceFile::new("t", "");
        assert_eq!(offset(&src, Position::new(0, 3), Encoding::Utf16), 0);
    }
}

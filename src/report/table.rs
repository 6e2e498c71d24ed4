//! The report as aligned text tables for a terminal, at most [`WIDTH`] columns wide
//! (CJK characters count as two). A table too wide has its text cells wrapped, and
//! when its numbers alone are too wide, it is cut into several tables side by side
//! in reading order, each repeating the first column.

use super::sections::{sections, summary, RenderOptions, Section};
use super::Report;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The widest line the report prints.
pub const WIDTH: usize = 120;

/// Text columns are not wrapped narrower than this.
const MIN_TEXT: usize = 16;

/// Between two columns.
const GAP: &str = "  ";

pub fn render(r: &Report, options: RenderOptions) -> String {
    let summary = summary(r);
    let mut out = String::new();
    for line in std::iter::once(&summary.title)
        .chain(&summary.lines)
        .chain(&summary.warnings)
    {
        paragraph(&mut out, line);
    }
    for s in sections(r, options) {
        table(&mut out, &s);
    }
    out
}

/// A line of words, wrapped to the width.
pub(crate) fn paragraph(out: &mut String, text: &str) {
    for line in wrap(text, WIDTH) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// `text` in lines at most `width` columns wide, broken at spaces (never inside a
/// Chinese word such as a label); a word wider than the width is broken between
/// characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for piece in text.split(' ').flat_map(|word| pieces(word, width)) {
        if !line.is_empty() && line.width() + 1 + piece.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&piece);
    }
    lines.push(line);
    lines
}

/// A word cut into pieces at most `width` columns wide (one piece when it fits).
fn pieces(word: &str, width: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in word.chars() {
        if piece.width() + c.width().unwrap_or(0) > width && !piece.is_empty() {
            pieces.push(std::mem::take(&mut piece));
        }
        piece.push(c);
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

/// Lays out a section under its title, its notes after it.
pub(crate) fn table(out: &mut String, s: &Section) {
    out.push_str(&format!("\n{}\n", s.title));
    let columns = s.headers.len();
    // The widest cell of each column, without and with its header.
    let body: Vec<usize> = (0..columns)
        .map(|c| {
            (s.rows.iter().filter_map(|r| r.get(c)))
                .map(|cell| cell.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let natural: Vec<usize> = (0..columns)
        .map(|c| body[c].max(s.headers[c].width()))
        .collect();
    let least: Vec<usize> = (0..columns)
        .map(|c| least_width(s, c, natural[c]))
        .collect();
    for (i, part) in parts(&least).into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let widths = fit(&part, &natural, &body, &least);
        lay_out(out, s, &part, &widths);
    }
    for note in &s.notes {
        paragraph(out, note);
    }
}

/// The narrowest column `c` may be: numbers and the words of its header are never
/// cut; text is wrapped down to [`MIN_TEXT`].
fn least_width(s: &Section, c: usize, natural: usize) -> usize {
    let header_word = (s.headers[c].split(' ').map(|w| w.width()).max()).unwrap_or(0);
    if s.numeric(c) {
        let cells = s.rows.iter().filter_map(|r| r.get(c));
        cells.map(|cell| cell.width()).fold(header_word, usize::max)
    } else {
        natural.min(MIN_TEXT.max(header_word))
    }
}

/// The total width of columns side by side.
fn total(widths: impl IntoIterator<Item = usize>) -> usize {
    let (sum, count) = (widths.into_iter()).fold((0, 0usize), |(s, n), w| (s + w, n + 1));
    sum + GAP.len() * count.saturating_sub(1)
}

/// The columns of each table a section is cut into: all of them when they fit at their
/// least widths, else the first column and as many of the next as fit, and so on.
fn parts(least: &[usize]) -> Vec<Vec<usize>> {
    if total(least.iter().copied()) <= WIDTH || least.len() < 2 {
        return vec![(0..least.len()).collect()];
    }
    let mut parts = vec![vec![0]];
    for c in 1..least.len() {
        let current = parts.last_mut().expect("one part at least");
        let width = total(current.iter().map(|&k| least[k]).chain([least[c]]));
        if width <= WIDTH || current.len() == 1 {
            current.push(c);
        } else {
            parts.push(vec![0, c]);
        }
    }
    parts
}

/// The widths of a part's columns: natural, narrowed until the part fits, the widest
/// first and headers before cells (a wrapped header costs a line, a wrapped cell a line
/// per row), never below their least widths.
fn fit(part: &[usize], natural: &[usize], body: &[usize], least: &[usize]) -> Vec<usize> {
    let mut widths: Vec<usize> = part.iter().map(|&c| natural[c]).collect();
    let header_only: Vec<usize> = part.iter().map(|&c| body[c].max(least[c])).collect();
    let least: Vec<usize> = part.iter().map(|&c| least[c]).collect();
    for floor in [header_only, least] {
        while total(widths.iter().copied()) > WIDTH {
            let widest = (0..part.len())
                .filter(|&i| widths[i] > floor[i])
                .max_by_key(|&i| (widths[i], std::cmp::Reverse(i)));
            match widest {
                Some(i) => widths[i] -= 1,
                None => break,
            }
        }
    }
    widths
}

/// Prints the header, a rule and the rows of some columns: numbers right-aligned,
/// text left-aligned, a cell too wide for its column wrapped onto more lines.
fn lay_out(out: &mut String, s: &Section, part: &[usize], widths: &[usize]) {
    let print = |out: &mut String, cells: &[&str]| {
        let wrapped: Vec<Vec<String>> = (cells.iter().zip(widths))
            .map(|(cell, &w)| wrap(cell, w))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        for line in 0..height {
            let mut text = String::new();
            for (i, (lines, &w)) in wrapped.iter().zip(widths).enumerate() {
                let cell = lines.get(line).map_or("", String::as_str);
                let pad = " ".repeat(w.saturating_sub(cell.width()));
                if i > 0 {
                    text.push_str(GAP);
                }
                if s.numeric(part[i]) {
                    text.push_str(&pad);
                    text.push_str(cell);
                } else {
                    text.push_str(cell);
                    text.push_str(&pad);
                }
            }
            out.push_str(text.trim_end());
            out.push('\n');
        }
    };
    let headers: Vec<&str> = part.iter().map(|&c| s.headers[c].as_str()).collect();
    print(out, &headers);
    let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
    print(out, &rule.iter().map(String::as_str).collect::<Vec<_>>());
    for row in &s.rows {
        let cells: Vec<&str> = part
            .iter()
            .map(|&c| row.get(c).map_or("", String::as_str))
            .collect();
        print(out, &cells);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sections::tests::section;
    use unicode_width::UnicodeWidthStr;

    fn laid_out(s: &Section) -> Vec<String> {
        let mut out = String::new();
        table(&mut out, s);
        out.lines().map(str::to_string).collect()
    }

    #[test]
    fn words_wrap_at_spaces_and_a_word_too_long_between_characters() {
        assert_eq!(wrap("达成 到店率", 7), ["达成", "到店率"]);
        assert_eq!(wrap("新手 → 新客", 20), ["新手 → 新客"]);
        assert_eq!(wrap("新能源汽车潜客", 6), ["新能源", "汽车潜", "客"]);
        assert_eq!(wrap("", 6), [""]);
    }

    #[test]
    fn cjk_counts_two_columns() {
        let s = section(
            &[("stage", false), ("n", true)],
            &[&["新手", "1"], &["ab", "22"]],
        );
        let lines = laid_out(&s);
        assert_eq!(lines[4], "新手    1");
        assert_eq!(lines[5], "ab     22");
    }

    #[test]
    fn a_long_text_cell_wraps_within_the_width() {
        let path = "新手 → 新客 → 老客 → ".repeat(20);
        let s = section(&[("n", true), ("path", false)], &[&["7", &path]]);
        let lines = laid_out(&s);
        assert!(lines.len() > 5, "{lines:#?}");
        assert!(lines.iter().all(|l| l.width() <= WIDTH), "{lines:#?}");
        // The number stays on the row's first line, the path continues under itself.
        assert!(lines[4].starts_with("7  新手"), "{lines:#?}");
        assert!(lines[5].starts_with("   "), "{lines:#?}");
    }

    #[test]
    fn too_many_number_columns_are_cut_into_parts_that_repeat_the_first() {
        let headers: Vec<(String, bool)> = std::iter::once(("day".to_string(), false))
            .chain((0..30).map(|i| (format!("touchpoint{i}"), true)))
            .collect();
        let headers: Vec<(&str, bool)> = headers.iter().map(|(h, n)| (h.as_str(), *n)).collect();
        let row: Vec<String> = std::iter::once("2026-03-02".to_string())
            .chain((0..30).map(|i| i.to_string()))
            .collect();
        let row: Vec<&str> = row.iter().map(String::as_str).collect();
        let s = section(&headers, &[&row]);
        let lines = laid_out(&s);
        assert!(lines.iter().all(|l| l.width() <= WIDTH), "{lines:#?}");
        let parts: Vec<&String> = lines.iter().filter(|l| l.starts_with("day")).collect();
        assert!(parts.len() >= 3, "{lines:#?}");
        let text = lines.join("\n");
        for i in 0..30 {
            assert_eq!(
                text.matches(&format!("touchpoint{i} ")).count()
                    + text.matches(&format!("touchpoint{i}\n")).count(),
                1,
                "{text}"
            );
        }
        assert_eq!(text.matches("2026-03-02").count(), parts.len());
    }
}

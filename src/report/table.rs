//! The report as aligned text tables for a terminal (CJK characters count as two
//! columns).

use super::sections::{sections, summary, Section};
use super::Report;
use unicode_width::UnicodeWidthStr;

pub fn render(r: &Report) -> String {
    let mut out = summary(r).join("\n") + "\n";
    for s in sections(r) {
        table(&mut out, &s);
    }
    out
}

/// Lays out a section: numbers right-aligned, text left-aligned.
fn table(out: &mut String, s: &Section) {
    let mut widths: Vec<usize> = s.headers.iter().map(|h| h.width()).collect();
    for row in &s.rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: &[String]| {
        let mut text = String::new();
        for (c, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            let pad = " ".repeat(w - cell.width());
            if c > 0 {
                text.push_str("  ");
            }
            if s.numeric(c) {
                text.push_str(&pad);
                text.push_str(cell);
            } else {
                text.push_str(cell);
                text.push_str(&pad);
            }
        }
        text.trim_end().to_string() + "\n"
    };
    out.push_str(&format!("\n{}\n", s.title));
    out.push_str(&line(&s.headers));
    let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
    out.push_str(&line(&rule));
    for row in &s.rows {
        out.push_str(&line(row));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_counts_two_columns() {
        let mut out = String::new();
        let s = Section {
            title: "T".into(),
            headers: vec!["stage".into(), "n".into()],
            rows: vec![
                vec!["新手".into(), "1".into()],
                vec!["ab".into(), "22".into()],
            ],
        };
        table(&mut out, &s);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[4], "新手    1");
        assert_eq!(lines[5], "ab     22");
    }
}

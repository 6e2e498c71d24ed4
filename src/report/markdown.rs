//! The report as Markdown, for pasting into a review.

use super::sections::{sections, summary};
use super::Report;

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

pub fn render(r: &Report) -> String {
    let mut out = format!("# Simulation of `{}`\n\n", r.journey);
    for line in summary(r) {
        out.push_str(&format!("- {line}\n"));
    }
    for s in sections(r) {
        out.push_str(&format!("\n## {}\n\n", s.title));
        let row = |cells: &[String]| {
            let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
            format!("| {} |\n", cells.join(" | "))
        };
        out.push_str(&row(&s.headers));
        let align: Vec<&str> = (0..s.headers.len())
            .map(|c| if s.numeric(c) { "---:" } else { "---" })
            .collect();
        out.push_str(&format!("|{}|\n", align.join("|")));
        for r in &s.rows {
            out.push_str(&row(r));
        }
    }
    out
}

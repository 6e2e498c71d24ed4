//! The report as Markdown, for pasting into a review.

use super::sections::{sections, summary, RenderOptions, Section};
use super::Report;

/// Text shown as written in a table cell, a list item or a heading of GitHub
/// Markdown. Names come from the user: `<`, `>` and `&` become entities (a name
/// like `</details><script>` must not turn into markup in a rendered pull-request
/// comment), Markdown's own punctuation gets a backslash (`|` ends a cell, a
/// backtick opens code, `*` `_` `~` emphasis, `[` `]` a link; `\` itself, so that
/// a name's last `\` cannot escape the `|` after it), and a line break, which
/// would end the table row, becomes a space.
pub(crate) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '|' | '`' | '*' | '_' | '~' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text inside an HTML block (`<summary>`), where Markdown's backslashes are not
/// read: only `<`, `>` and `&` are entities.
pub(crate) fn html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace(['\n', '\r'], " ")
}

/// The report as a pull-request comment: the summary and the key tables first, the
/// long tables folded in `<details>` blocks (GitHub-flavoured Markdown).
pub fn render(r: &Report, options: RenderOptions) -> String {
    let summary = summary(r);
    let mut out = format!(
        "# {}

",
        text(&summary.title)
    );
    for line in &summary.lines {
        out.push_str(&format!(
            "- {}
",
            text(line)
        ));
    }
    for warning in &summary.warnings {
        out.push_str(&format!("\n> **{}**\n", text(warning)));
    }
    for s in sections(r, options) {
        if s.long {
            out.push_str(&format!(
                "\n<details><summary>{}</summary>\n\n",
                html(&s.title)
            ));
        } else {
            out.push_str(&format!("\n## {}\n\n", text(&s.title)));
        }
        table(&mut out, &s);
        for note in &s.notes {
            out.push_str(&format!("\n{}\n", text(note)));
        }
        if s.long {
            out.push_str("\n</details>\n");
        }
    }
    out
}

/// A GitHub table, every cell escaped.
pub(crate) fn table(out: &mut String, s: &Section) {
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| text(c)).collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{check, simulate, SimulateOptions};
    use crate::source::SourceFile;

    /// Names that are markup or table syntax in a rendered pull-request comment.
    const HOSTILE: &str = r"event signup
touchpoint `a|b` { channel wecom }
journey `j</details><script>|` {
  timezone 'Asia/Shanghai'
  entry on signup
  goal `</details><script>alert(1)</script>`: signup within 1d
  stage `</details><script>` {
    on enter: send `a|b` 'x'
    after 1d -> `a\|b*_[x](y)~&`
  }
  stage `a\|b*_[x](y)~&` {}
}
population p {
  size 100
  start 2026-03-02 09:00
  days 3
  arrivals signup over 1d
}
";

    fn hostile_report() -> String {
        let text = HOSTILE.replace('\'', "\"");
        let file = SourceFile::new("hostile.journey", &text);
        let model = check(&text).model.expect("checks clean");
        let options = SimulateOptions {
            users: Some(100),
            ..SimulateOptions::default()
        };
        render(
            &simulate(&file, &model, &options).unwrap(),
            RenderOptions::default(),
        )
    }

    /// The `|` that separate cells: those not escaped by an odd run of backslashes.
    fn cell_separators(line: &str) -> usize {
        let mut backslashes = 0;
        let mut count = 0;
        for c in line.chars() {
            if c == '|' && backslashes % 2 == 0 {
                count += 1;
            }
            backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        }
        count
    }

    #[test]
    fn cells_escape_markup_and_table_syntax() {
        assert_eq!(text("</details><script>"), "&lt;/details&gt;&lt;script&gt;");
        assert_eq!(text("a|b & `c`"), "a\\|b &amp; \\`c\\`");
        assert_eq!(text("a\\|b*_[x](y)~"), "a\\\\\\|b\\*\\_\\[x\\](y)\\~");
        assert_eq!(text("a\\"), "a\\\\");
        assert_eq!(text("a\nb"), "a b");
        // In a `<summary>`, backslashes are not read: entities only.
        assert_eq!(html("</summary>&a\\|b"), "&lt;/summary&gt;&amp;a\\|b");
        assert_eq!(
            text("美妆新客 · 2026-03-02 09:00 (Asia/Shanghai)"),
            "美妆新客 · 2026-03-02 09:00 (Asia/Shanghai)"
        );
    }

    /// Checked once with cmark-gfm (`-e table`): every name renders as written,
    /// no tag is left.
    #[test]
    fn hostile_names_stay_text_in_every_cell() {
        let md = hostile_report();
        let (heading, rest) = md.split_once('\n').unwrap();
        assert_eq!(
            heading,
            "# Simulation of j&lt;/details&gt;&lt;script&gt;\\|"
        );
        // The only tags are the `<details>` blocks' own.
        for line in rest.lines() {
            let inner = (line.strip_prefix("<details><summary>"))
                .and_then(|l| l.strip_suffix("</summary>"))
                .unwrap_or(if line == "</details>" { "" } else { line });
            assert!(!inner.contains('<') && !inner.contains('>'), "{line}");
        }
        assert!(rest.contains("| &lt;/details&gt;&lt;script&gt;alert(1)&lt;/script&gt; |"));
        assert!(rest.contains("| a\\|b | wecom | 100 |"), "{md}");
        // Every row of a table has as many cells as its header.
        for table in rest.split("\n\n").filter(|t| t.starts_with('|')) {
            let mut rows = table.lines().map(cell_separators);
            let header = rows.next().unwrap();
            assert!(rows.all(|n| n == header), "{table}");
        }
    }

    #[test]
    fn the_summary_and_key_tables_come_first_and_long_tables_are_folded() {
        let r = crate::report::sections::tests::full(crate::i18n::Lang::Zh);
        let md = render(&r, RenderOptions::default());
        assert!(
            md.starts_with("# 美妆新客 W2 运营 (美妆新客) 模拟报告\n\n- 人群 美妆用户"),
            "{md}"
        );
        let goals = md.find("\n## 目标\n").unwrap();
        let weekly = md
            .find("\n<details><summary>每周发送、目标达成和团队积压</summary>\n\n| 周 |")
            .unwrap();
        assert!(goals < weekly);
        assert_eq!(
            md.matches("<details>").count(),
            md.matches("</details>").count()
        );
        // A note under its table, escaped like a cell.
        assert!(md.contains("加 \\`--daily\\` 可看每一天。"), "{md}");
    }
}

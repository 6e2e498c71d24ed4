//! Names, labels and rule heads quoted for each graph format. They are user text
//! (a journey label like `"618 大促: 母婴新客 #1"`), so every one is quoted and
//! escaped by the rules of where it lands: the YAML front matter of a Mermaid
//! chart, a Mermaid `"…"` label, or a DOT `"…"` string.

/// A YAML double-quoted scalar, quotes included (the Mermaid front matter's
/// `title`). Unquoted, a `: ` or ` #` in a title breaks the YAML or cuts the title.
pub fn yaml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Line breaks to YAML 1.1, and a byte-order mark, which YAML forbids
            // inside a document.
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            '\u{FEFF}' => out.push_str("\\uFEFF"),
            c if c.is_control() => out.push_str(&format!("\\x{:02X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The Mermaid front matter's `title`, a YAML string. Mermaid decodes no entity
/// code in a title, shows `<`, `>` and `&` there as `&lt;`… and drops what looks
/// like a tag (`a<b x` shows as `a`); so those three are written full-width
/// (`＜` `＞` `＆`, as Chinese text often has them anyway).
pub fn mermaid_title(text: &str) -> String {
    let shown: String = text
        .chars()
        .map(|c| match c {
            '<' => '＜',
            '>' => '＞',
            '&' => '＆',
            c => c,
        })
        .collect();
    yaml(&shown)
}

/// Mermaid text inside a `"…"` label, quotes not included: Mermaid's entity codes
/// (`#quot;`, `#35;`, as its flowchart documentation shows) for every character
/// that Mermaid's parser or its HTML labels would read as syntax. A backtick is
/// coded too: `"`…`"` is a Markdown label. A line break is a `<br>`.
pub fn mermaid(text: &str) -> String {
    // Before decoding entity codes, Mermaid drops the last `;` of a line where
    // `style` or `classDef` comes before a `:` and a `#` (a colour): with no `:`
    // left on the line, that rule cannot eat the `;` of an entity code.
    let colon = text.contains("style") || text.contains("classDef");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            ':' if colon => out.push_str("#58;"),
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            '\n' | '\u{2028}' | '\u{2029}' => out.push_str("<br>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// DOT text inside a `"…"` string, quotes not included: `\"` and `\\` (a label
/// reads `\` as the start of an escape like `\n`), line breaks as `\n`.
pub fn dot(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Reads a YAML double-quoted scalar back, failing on anything a YAML parser
    /// would reject in it (a bare `"` or `\`, an unknown escape, a raw control
    /// character).
    fn yaml_unquote(quoted: &str) -> Result<String, String> {
        let inner = quoted
            .strip_prefix('"')
            .and_then(|q| q.strip_suffix('"'))
            .ok_or("not in double quotes")?;
        let mut out = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return Err("a bare quote".into()),
                '\\' => {
                    let hex = |chars: &mut std::str::Chars, n| {
                        let digits: String = chars.take(n).collect();
                        u32::from_str_radix(&digits, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or(format!("bad escape {digits}"))
                    };
                    out.push(match chars.next().ok_or("a bare backslash")? {
                        '"' => '"',
                        '\\' => '\\',
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        'L' => '\u{2028}',
                        'P' => '\u{2029}',
                        'x' => hex(&mut chars, 2)?,
                        'u' => hex(&mut chars, 4)?,
                        e => return Err(format!("unknown escape \\{e}")),
                    });
                }
                c if c.is_control() || c == '\u{FEFF}' => return Err(format!("raw {c:?}")),
                c => out.push(c),
            }
        }
        Ok(out)
    }

    /// Reads Mermaid label text back, failing on a character Mermaid would read as
    /// syntax or markup, or a `#` that does not start an entity code.
    fn mermaid_decode(text: &str) -> Result<String, String> {
        let mut out = String::new();
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if let Some(after) = rest.strip_prefix("<br>") {
                out.push('\n');
                rest = after;
                continue;
            }
            if c == '#' {
                let end = rest.find(';').ok_or("a # with no ;")?;
                out.push(match &rest[1..end] {
                    "quot" => '"',
                    "lt" => '<',
                    "gt" => '>',
                    "amp" => '&',
                    code => code
                        .parse()
                        .ok()
                        .and_then(char::from_u32)
                        .ok_or(format!("unknown entity #{code};"))?,
                });
                rest = &rest[end + 1..];
                continue;
            }
            if "\"<>&|`\r\n".contains(c) {
                return Err(format!("raw {c:?}"));
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
        Ok(out)
    }

    /// Reads DOT string text back as a label shows it, failing on a bare `"` (which
    /// would end the string) or a backslash that escapes nothing of the text.
    fn dot_unquote(text: &str) -> Result<String, String> {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return Err("a bare quote".into()),
                '\\' => out.push(match chars.next() {
                    Some('"') => '"',
                    Some('\\') => '\\',
                    Some('n') => '\n',
                    other => return Err(format!("backslash before {other:?}")),
                }),
                '\n' | '\r' => return Err("a raw line break".into()),
                c => out.push(c),
            }
        }
        Ok(out)
    }

    const HOSTILE: &str = "618 大促: 母婴新客 #1 \"双十一\" \\ a|b <b>[x]{y}</b> `md` &amp; #quot;";

    #[test]
    fn yaml_titles_are_double_quoted_with_backslash_escapes() {
        assert_eq!(yaml("618 大促: 母婴新客"), "\"618 大促: 母婴新客\"");
        assert_eq!(yaml("a \"b\" \\ #c"), "\"a \\\"b\\\" \\\\ #c\"");
        assert_eq!(yaml("a\nb\u{7}\u{FEFF}"), "\"a\\nb\\x07\\uFEFF\"");
        assert_eq!(yaml_unquote(&yaml(HOSTILE)).unwrap(), HOSTILE);
    }

    #[test]
    fn mermaid_titles_write_markup_characters_full_width() {
        assert_eq!(mermaid_title("a<b> & \"c\""), "\"a＜b＞ ＆ \\\"c\\\"\"");
    }

    #[test]
    fn mermaid_labels_use_entity_codes() {
        assert_eq!(
            mermaid("a >= \"b\" #1 | `c` & d\ne"),
            "a #gt;= #quot;b#quot; #35;1 #124; #96;c#96; #amp; d<br>e"
        );
        assert_eq!(mermaid("[x]{y}: \\"), "[x]{y}: \\");
        assert_eq!(mermaid(HOSTILE).matches('"').count(), 0);
        assert_eq!(mermaid_decode(&mermaid(HOSTILE)).unwrap(), HOSTILE);
    }

    /// Mermaid drops the last `;` of a line with `style` … `:` … `#`: no `:` is left.
    #[test]
    fn mermaid_labels_that_say_style_or_class_def_code_their_colons() {
        assert_eq!(mermaid("style: #1"), "style#58; #35;1");
        assert_eq!(mermaid("classDef a:#b"), "classDef a#58;#35;b");
        assert_eq!(mermaid("at 20:00"), "at 20:00");
    }

    #[test]
    fn dot_strings_escape_quotes_and_backslashes() {
        assert_eq!(dot("say \"hi\"\\"), "say \\\"hi\\\"\\\\");
        assert_eq!(dot("a\r\nb"), "a\\nb");
        assert_eq!(dot_unquote(&dot(HOSTILE)).unwrap(), HOSTILE);
    }

    proptest! {
        #[test]
        fn every_text_survives_its_quoting(text in any::<String>()) {
            prop_assert_eq!(yaml_unquote(&yaml(&text)), Ok(text.clone()));
            let lines = text.replace('\r', "").replace(['\u{2028}', '\u{2029}'], "\n");
            let coded = mermaid(&text);
            prop_assert_eq!(mermaid_decode(&coded), Ok(lines));
            if coded.contains("style") || coded.contains("classDef") {
                prop_assert!(!coded.contains(':'), "{}", coded);
            }
            prop_assert_eq!(dot_unquote(&dot(&text)), Ok(text.replace('\r', "")));
        }
    }
}

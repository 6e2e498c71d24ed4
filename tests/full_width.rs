//! Every example with its punctuation typed full-width, as a Chinese input method
//! types it: each full-width character is reported (J0007) with a safe fix, and
//! applying every safe fix restores the example exactly, in one round.

use journey::{check, Code, Edit, Safety};
use std::path::Path;

/// `text` with `:` `,` `(` `)` `[` `]` `->` and the quotes of strings typed
/// full-width, outside comments, strings and quoted names.
fn typed_full_width(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let mut copy_until = |out: &mut String, end: char, escapes: bool| {
            while let Some(d) = chars.next() {
                if d == end {
                    return;
                }
                out.push(d);
                if escapes && d == '\\' {
                    out.extend(chars.next());
                }
            }
        };
        match c {
            '#' => {
                out.push('#');
                copy_until(&mut out, '\n', false);
                out.push('\n');
            }
            '`' => {
                out.push('`');
                copy_until(&mut out, '`', false);
                out.push('`');
            }
            '"' => {
                out.push('“');
                copy_until(&mut out, '"', true);
                out.push('”');
            }
            '-' if chars.peek() == Some(&'>') => {
                chars.next();
                out.push('→');
            }
            ':' => out.push('：'),
            ',' => out.push('，'),
            '(' => out.push('（'),
            ')' => out.push('）'),
            '[' => out.push('【'),
            ']' => out.push('】'),
            other => out.push(other),
        }
    }
    out
}

/// `text` with the edits applied, back to front so that earlier spans stay valid.
fn apply(text: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    let mut limit = text.len();
    for edit in edits {
        assert!(
            edit.span.end <= limit,
            "overlapping edits at {:?}",
            edit.span
        );
        out.replace_range(edit.span.start..edit.span.end, &edit.text);
        limit = edit.span.start;
    }
    out
}

#[test]
fn the_safe_fixes_restore_every_example_typed_full_width() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "journey"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    for path in paths {
        let original = std::fs::read_to_string(&path).unwrap();
        let typed = typed_full_width(&original);
        assert_ne!(typed, original, "{}", path.display());
        let checked = check(&typed);
        let mut edits = Vec::new();
        for d in &checked.diagnostics {
            assert_eq!(d.code, Code::FullWidth, "{}: {d:?}", path.display());
            let [fix] = d.fixes.as_slice() else {
                panic!("{}: not one fix: {d:?}", path.display());
            };
            assert_eq!(fix.safety, Safety::Safe);
            edits.extend(fix.edits.iter().cloned());
        }
        let fixed = apply(&typed, edits);
        assert!(
            fixed == original,
            "{}: the fixes do not restore the file",
            path.display()
        );
        assert!(check(&fixed).diagnostics.is_empty(), "{}", path.display());
    }
}

#[test]
fn the_transformation_leaves_comments_strings_and_quoted_names_alone() {
    let text = "stage `a:b` { on enter: send x \"a, \\\"b\\\" (c)\" } # 注: (x)\n";
    assert_eq!(
        typed_full_width(text),
        "stage `a:b` { on enter： send x “a, \\\"b\\\" (c)” } # 注: (x)\n"
    );
}

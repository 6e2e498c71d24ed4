//! `journey explain` in both languages, and the diagnostics references' output
//! examples, which must be what the tool prints.

use std::path::Path;
use std::process::{Command, Output};

const REFERENCES: [&str; 2] = ["docs/diagnostics.md", "docs/diagnostics.zh.md"];

/// Other documents with output examples (the README's mistake, in both languages).
const WITH_OUTPUT: [&str; 1] = ["README.md"];

/// The line before an output example: `<!-- output: journey ARGS -->`.
const OUTPUT_MARKER: &str = "<!-- output: journey ";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `journey ARGS` in the repository root; English unless `lang` is given.
fn journey(args: &[&str], lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journey"))
        .env("JOURNEY_LANG", lang)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .args(args)
        .current_dir(root())
        .output()
        .expect("the journey binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

#[test]
fn explain_prints_the_chinese_section_with_lang_zh() {
    for (args, lang) in [
        (&["explain", "J0103", "--lang", "zh"][..], "en"),
        (&["--lang", "zh", "explain", "j0103"][..], "en"),
        (&["explain", "J0103"][..], "zh"),
    ] {
        let run = journey(args, lang);
        assert_eq!(
            run.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&run.stderr)
        );
        let out = text(&run.stdout);
        assert!(out.starts_with("## J0103: 找不到触点\n"), "{args:?}: {out}");
        assert!(out.contains("**怎么改：**"), "{out}");
        assert!(out.contains("```journey"), "{out}");
        assert!(!out.contains("## J0104"), "only that section: {out}");
    }
    let en = journey(&["explain", "J0103"], "en");
    assert!(text(&en.stdout).starts_with("## J0103: unknown touchpoint\n"));
}

#[test]
fn explain_without_a_code_or_with_a_wrong_one_says_so_in_the_readers_language() {
    let cases = [
        (
            &["explain"][..],
            "en",
            "name the code to explain, such as `journey explain J0102`",
        ),
        (
            &["explain"][..],
            "zh",
            "请写上要解释的代码，比如 `journey explain J0102`",
        ),
        (
            &["explain", "X9"][..],
            "en",
            "`X9` is not a diagnostic code; codes look like J0102",
        ),
        (
            &["explain", "X9"][..],
            "zh",
            "`X9` 不是诊断代码；代码的样子是 J0102",
        ),
    ];
    for (args, lang, says) in cases {
        let run = journey(args, lang);
        assert_eq!(run.status.code(), Some(2), "{args:?} in {lang}");
        assert_eq!(text(&run.stdout), "");
        let err = text(&run.stderr);
        assert!(err.contains(says), "{args:?} in {lang}: {err}");
    }
}

/// An output example of a reference: the command after its marker, and where the
/// lines between its ```` ```text ```` fences are.
struct OutputBlock {
    args: Vec<String>,
    body: std::ops::Range<usize>,
}

fn output_blocks(reference: &str) -> Vec<OutputBlock> {
    let mut blocks = Vec::new();
    let mut offset = 0;
    let mut lines = reference.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        offset += line.len();
        let Some(command) = line.trim_end().strip_prefix(OUTPUT_MARKER) else {
            continue;
        };
        let command = command
            .strip_suffix("-->")
            .expect("the marker ends with -->");
        let fence = lines.next().expect("a block after the marker");
        assert_eq!(fence, "```text\n", "the marker is followed by a text block");
        offset += fence.len();
        let start = offset;
        for line in lines.by_ref() {
            if line.starts_with("```") {
                break;
            }
            offset += line.len();
        }
        blocks.push(OutputBlock {
            args: command.split_whitespace().map(String::from).collect(),
            body: start..offset,
        });
        offset += "```\n".len();
    }
    blocks
}

/// Every output example of both references is what the tool prints today. Run with
/// `UPDATE_DOCS=1` to write the tool's output into the references instead.
#[test]
fn the_references_show_exactly_what_the_tool_prints() {
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    for name in REFERENCES.into_iter().chain(WITH_OUTPUT) {
        let path = root().join(name);
        let mut reference = std::fs::read_to_string(&path).unwrap();
        let blocks = output_blocks(&reference);
        assert!(!blocks.is_empty(), "{name} has no output example");
        // From the last block back, so the earlier ranges stay valid when updating.
        for block in blocks.iter().rev() {
            let args: Vec<&str> = block.args.iter().map(String::as_str).collect();
            let printed = text(&journey(&args, "en").stdout);
            if update {
                reference.replace_range(block.body.clone(), &printed);
            } else {
                assert_eq!(
                    reference[block.body.clone()],
                    printed,
                    "{name}: the output of `journey {}` (UPDATE_DOCS=1 rewrites it)",
                    args.join(" ")
                );
            }
        }
        if update {
            std::fs::write(&path, reference).unwrap();
        }
    }
}

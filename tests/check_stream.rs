//! `journey check` checks a file that parses as a stream (`check::stream`: each
//! journey parsed, checked, linted and freed in turn); the library's `check` keeps
//! the whole model. Both must find the same diagnostics, in the same order.

#[path = "../benches/support/mod.rs"]
mod support;

use std::path::Path;

fn assert_same(name: &str, text: &str) {
    let whole = journey::check(text).diagnostics;
    let streamed = journey::check_diagnostics(text);
    assert_eq!(streamed, whole, "{name}: the streamed check differs");
}

fn journey_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            journey_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "journey") {
            out.push(path);
        }
    }
}

#[test]
fn every_example_and_fixture_gets_the_same_diagnostics_streamed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    journey_files(&root.join("examples"), &mut files);
    journey_files(&root.join("tests"), &mut files);
    files.sort();
    assert!(files.len() > 50, "only {} files found", files.len());
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a readable file");
        assert_same(&path.display().to_string(), &text);
    }
}

#[test]
fn the_benchmark_text_gets_the_same_diagnostics_streamed() {
    // Past the parser's parallel threshold (256 KB), with many journeys.
    assert_same("generate(300_000)", &support::generate(300_000));
}

/// Journeys and populations the cross-item analyses look across: a goal no
/// population produces (J0414) and unused declarations (J0401), each found from
/// the summaries the stream keeps, with lint findings in several journeys.
#[test]
fn findings_across_journeys_are_the_same_streamed() {
    let decls = "tag vip: bool\nevent signup\nevent buy\nevent refund\ntouchpoint wecom { channel wecom }\n\
                 touchpoint unused_tp { channel sms }\nsegment s = vip and not vip\n";
    let journey = |i: usize, goal: &str| {
        format!(
            "journey j{i} {{\n  timezone \"UTC\"\n  entry on signup\n  goal g{i}: {goal} within 7d\n  \
             stage a {{\n    on enter: send wecom \"hi\"\n    after 1d if s: exit\n  }}\n}}\n"
        )
    };
    let population = "population p {\n  size 100\n  start 2026-03-02 09:00\n  days 30\n  arrivals signup over 14d\n  \
                      behavior buy {\n    rate 1% per day\n    if vip: x2\n  }\n}\n";
    let mut text = decls.to_string();
    for i in 0..40 {
        text.push_str(&journey(i, if i % 2 == 0 { "buy" } else { "refund" }));
    }
    text.push_str(population);
    // Parsed with the declarations (the name is not on the first line), and a quoted
    // name, read from the first line.
    let body =
        "{\n  timezone \"UTC\"\n  entry on signup\n  stage a {\n    after 1d: exit\n  }\n}\n";
    text.push_str(&format!(
        "journey # named below\n  `late name` {body}journey `quoted` {body}"
    ));
    let found = journey::check_diagnostics(&text);
    for code in ["J0401", "J0406", "J0414"] {
        assert!(
            found.iter().any(|d| d.code.as_str() == code),
            "{code}: {found:?}"
        );
    }
    assert_same("across journeys", &text);
    // The same with an error in the last journey: no linter findings at all.
    text.push_str("journey broken {\n  entry on nothing\n  stage a { }\n}\n");
    assert_same("with an error", &text);
    // And with a syntax error: the whole-file parse reports it.
    text.push_str("journey {\n");
    assert_same("with a syntax error", &text);
}

/// The pre-pass scans each item of a large file on its own (in parallel): what it
/// finds in one item in the middle — or only across two, as nesting — must still
/// send the file to the whole-file path, which reports it.
#[test]
fn pre_pass_findings_in_a_large_file_are_the_same_streamed() {
    let text = support::generate(300_000);
    let starts: Vec<_> = text
        .match_indices("\njourney ")
        .map(|(at, _)| at + 1)
        .collect();
    let middle = starts[starts.len() / 2];
    let cases = [
        ("an unterminated string", "tag broken \"oops\n".to_string()),
        ("full-width punctuation", "tag 全角：bool\n".to_string()),
        (
            "nesting too deep only across two items",
            format!(
                "segment d1 = {}\nsegment d2 = {}\n",
                "(".repeat(200),
                "(".repeat(100)
            ),
        ),
    ];
    for (name, inserted) in cases {
        let broken = format!("{}{inserted}{}", &text[..middle], &text[middle..]);
        assert_same(name, &broken);
        let codes: Vec<_> = journey::check(&broken)
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .collect();
        assert!(
            codes
                .iter()
                .any(|c| ["J0002", "J0007", "J0004"].contains(c)),
            "{name}: {codes:?}"
        );
    }
}

use super::*;

/// How each reference introduces a section's fixed example.
fn fix_marker(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "**Fix:**",
        Lang::Zh => "**怎么改：**",
    }
}

/// The `journey` code blocks of a section, in order.
fn examples(section: &str) -> Vec<&str> {
    section
        .split("```journey\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap())
        .collect()
}

/// The codes of a reference's `## JXXXX:` headings (outside code blocks), in order.
fn headed_codes(reference: &str) -> Vec<&str> {
    let mut in_code = false;
    let mut codes = Vec::new();
    for line in reference.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        } else if let Some(rest) = line.strip_prefix("## J").filter(|_| !in_code) {
            codes.push(&line[3..4 + rest.find(':').unwrap()]);
        }
    }
    codes
}

#[test]
fn every_code_has_an_explanation_in_both_languages() {
    for lang in Lang::ALL {
        for &code in Code::ALL {
            let text = section(code, lang).unwrap_or_else(|| panic!("{lang:?}: no {code}"));
            let heading = text.lines().next().unwrap();
            let title = heading
                .strip_prefix(&format!("## {}: ", code.as_str()))
                .unwrap_or_else(|| panic!("{lang:?}: heading of {code}: {heading}"));
            if lang == Lang::En {
                assert_eq!(title, code.title(), "title of {code}");
            }
            assert!(!title.trim().is_empty(), "{lang:?}: {code} has no title");
            assert!(
                text.contains("```journey"),
                "{lang:?}: {code} has no example"
            );
            assert!(
                text.contains(fix_marker(lang)),
                "{lang:?}: {code} has no fix"
            );
        }
    }
}

#[test]
fn both_references_explain_exactly_the_codes_there_are_in_the_same_order() {
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    for lang in Lang::ALL {
        assert_eq!(headed_codes(reference(lang)), codes, "{lang:?}");
    }
}

#[test]
fn the_chinese_examples_are_the_english_ones() {
    for &code in Code::ALL {
        let en = examples(section(code, Lang::En).unwrap());
        let zh = examples(section(code, Lang::Zh).unwrap());
        assert_eq!(en, zh, "{code}: the examples differ");
    }
}

#[test]
fn a_section_is_found_in_the_readers_language() {
    let zh = section(Code::UnknownTouchpoint, Lang::Zh).unwrap();
    assert!(zh.starts_with("## J0103: 找不到触点\n"), "{zh}");
    assert!(!zh.contains("## J0104"), "only that section: {zh}");
    let en = section(Code::UnknownTouchpoint, Lang::En).unwrap();
    assert!(en.starts_with("## J0103: unknown touchpoint\n"), "{en}");
}

#[test]
fn every_failing_example_raises_its_code_and_every_fix_is_clean() {
    // The Chinese reference has the same examples (tested above).
    for &code in Code::ALL {
        if code == Code::NestingTooDeep {
            continue; // its example is shortened
        }
        if code.as_str().starts_with("J05") {
            continue; // a project's: its example takes several files (tests/project_check.rs)
        }
        let examples = examples(section(code, Lang::En).unwrap());
        let codes = |i: usize| -> Vec<Code> {
            let checked = crate::check::check_source(examples[i]);
            checked.diagnostics.iter().map(|d| d.code).collect()
        };
        assert!(
            codes(0).contains(&code),
            "{code}: the first example raises {:?}",
            codes(0)
        );
        let last = examples.len() - 1;
        assert!(
            codes(last).is_empty(),
            "{code}: the fix raises {:?}",
            codes(last)
        );
    }
}

//! Parse and check any text, and render its diagnostics in every format: nothing
//! may panic, and every diagnostic's span lies inside the file.
#![no_main]

use journey::check::check_source;
use journey::diag::{github, human, json, sarif};
use journey::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let checked = check_source(text);
    for d in &checked.diagnostics {
        let span = d.primary_span();
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "span {span:?} outside the file"
        );
    }
    let file = SourceFile::new("fuzz.journey", text);
    let style = human::Style {
        color: false,
        width: 80,
    };
    human::render(&file, &checked.diagnostics, style);
    github::render(&file, &checked.diagnostics);
    sarif::results(&file, &checked.diagnostics);
    for d in &checked.diagnostics {
        json::diagnostic(&file, d);
    }
});

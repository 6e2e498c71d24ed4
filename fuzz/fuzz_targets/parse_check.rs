//! Parse and check any text, and render its diagnostics in every format: nothing
//! may panic, and every diagnostic's span lies inside the file.
#![no_main]

use journey::{
    check, render_github, render_human, render_json, render_sarif, HumanStyle, SourceFile,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let checked = check(text);
    for d in &checked.diagnostics {
        let span = d.primary_span();
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "span {span:?} outside the file"
        );
    }
    let file = SourceFile::new("fuzz.journey", text);
    let style = HumanStyle {
        color: false,
        width: 80,
    };
    render_human(&file, &checked.diagnostics, style);
    render_github(&file, &checked.diagnostics);
    render_sarif(&file, &checked.diagnostics);
    render_json([(&file, checked.diagnostics.as_slice())]);
});

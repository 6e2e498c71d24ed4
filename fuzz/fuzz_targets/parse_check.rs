//! Parse and check any text, and render its diagnostics in every format: nothing
//! may panic, and every diagnostic's span lies inside the file.
#![no_main]

use journey::{
    check, render_github, render_human, render_json, render_sarif, HumanStyle, Lang, SourceFile,
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
    // Both languages: every message's words are made, in each.
    for lang in [Lang::En, Lang::Zh] {
        let style = HumanStyle {
            color: false,
            width: 80,
            lang,
        };
        render_human(&file, &checked.diagnostics, style);
        render_github(&file, &checked.diagnostics, lang);
        render_sarif(&file, &checked.diagnostics, lang);
        render_json([(&file, checked.diagnostics.as_slice())], lang);
    }
});

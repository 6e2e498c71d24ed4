//! Compile any text that checks clean: lowering and the plan's JSON never panic,
//! and the JSON is the same twice.
#![no_main]

use journey::check::check_source;
use journey::plan;
use journey::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(model) = check_source(text).model else {
        return;
    };
    let file = SourceFile::new("fuzz.journey", text);
    if let Ok(plan) = plan::lower(&model, &file, None) {
        let json = plan.to_json();
        assert_eq!(json, plan::lower(&model, &file, None).unwrap().to_json());
        for journey in &plan.journeys {
            plan::graph::render(journey, plan::graph::GraphFormat::Mermaid);
            plan::graph::render(journey, plan::graph::GraphFormat::Dot);
        }
    }
});

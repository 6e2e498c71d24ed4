//! Compile any text that checks clean: lowering and the plan's JSON never panic,
//! and the JSON is the same twice.
#![no_main]

use journey::{check, compile, graph, GraphFormat, SourceFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(model) = check(text).model else {
        return;
    };
    let file = SourceFile::new("fuzz.journey", text);
    if let Ok(plan) = compile(&file, &model, None) {
        let json = plan.to_json();
        assert_eq!(json, compile(&file, &model, None).unwrap().to_json());
        for journey in &plan.journeys {
            graph(journey, &model, GraphFormat::Mermaid);
            graph(journey, &model, GraphFormat::Dot);
        }
    }
});

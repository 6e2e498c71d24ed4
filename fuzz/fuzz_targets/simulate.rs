//! Simulate any text that checks clean, on a few users and at most a month, and
//! build its report in every format: nothing panics, the run is deterministic.
#![no_main]

use journey::{
    check, render_report, simulate, trace, RenderOptions, ReportFormat, SimulateOptions, SourceFile,
};
use libfuzzer_sys::fuzz_target;

/// Small enough that one input runs in milliseconds.
const USERS: u64 = 20;
const MAX_DAYS: u32 = 31;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(model) = check(text).model else {
        return;
    };
    let (Some(journey), Some(population)) = (model.journeys.first(), model.populations.first())
    else {
        return;
    };
    let options = SimulateOptions {
        journey: vec![journey.name.clone()],
        population: Some(population.name.clone()),
        users: Some(USERS.min(population.size.max(1))),
        days: Some(population.days.clamp(1, MAX_DAYS).into()),
        seed: 7,
        threads: Some(1),
        ..SimulateOptions::default()
    };
    let file = SourceFile::new("fuzz.journey", text);
    let Ok(report) = simulate(&file, &model, &options) else {
        return;
    };
    let again = simulate(&file, &model, &options).expect("the same run succeeds twice");
    assert_eq!(report.to_json(), again.to_json(), "not deterministic");
    for format in [
        ReportFormat::Table,
        ReportFormat::Markdown,
        ReportFormat::Html,
    ] {
        render_report(&report, format, RenderOptions::default());
    }
    trace(&file, &model, &options, 0).expect("user 0 exists");
});

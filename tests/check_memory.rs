//! Memory in proportion (issue 11, item 9): the library's check frees each journey's
//! syntax tree once its model is built, so its peak holds the tree or the model, not
//! both; `journey check` (`check_diagnostics`) holds neither for the whole file. Bytes
//! are counted by a wrapping allocator (this test binary's own).

#[path = "../benches/support/counting.rs"]
mod counting;

use counting::{LIVE, PEAK};
use std::sync::atomic::Ordering::Relaxed;
use std::sync::Mutex;

/// Held by each test: the byte counts are the whole test binary's.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The declarations of an example, then `count` journeys of one stage each.
fn many_journeys(count: usize) -> String {
    let src = include_str!("../examples/beauty_w2.journey");
    let mut out = src[..src.find("\njourney ").expect("a journey") + 1].to_string();
    for i in 0..count {
        out.push_str(&format!(
            "journey j_{i} {{\n  timezone \"Asia/Shanghai\"\n  entry on signup\n  exit on unsubscribe\n  \
             stage s {{\n    on enter: send wecom \"welcome_{i}\"\n    \
             after 2d if persona == 白领 and age >= 30: send 朋友圈 \"tips_{i}\"\n    \
             after 14d: exit \"timeout\"\n  }}\n}}\n"
        ));
    }
    out
}

#[test]
fn the_check_peak_does_not_hold_the_syntax_tree_and_the_model_together() {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let text = many_journeys(400);
    let base = LIVE.load(Relaxed);
    let tree = {
        let parsed = journey::parse(&text);
        assert!(parsed.diagnostics.is_empty());
        LIVE.load(Relaxed) - base
    };
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    let checked = journey::check(&text);
    let peak = PEAK.load(Relaxed) - base;
    let model = LIVE.load(Relaxed) - base;
    assert!(checked.model.is_some(), "{:?}", checked.diagnostics);
    // Holding both, the peak would be at least their sum.
    assert!(
        peak < tree + model * 3 / 4,
        "check peaked at {peak} bytes; syntax tree {tree}, model and table {model}"
    );
}

/// `journey check` (`check_diagnostics`) holds one journey's tree or model per
/// thread at a time, never the whole file's: its peak is a fraction of the model's.
#[test]
fn the_streamed_check_never_holds_the_whole_model() {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let text = many_journeys(400);
    let base = LIVE.load(Relaxed);
    let model = {
        let checked = journey::check(&text);
        assert!(checked.model.is_some(), "{:?}", checked.diagnostics);
        LIVE.load(Relaxed) - base
    };
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    let diagnostics = journey::check_diagnostics(&text);
    let peak = PEAK.load(Relaxed) - base;
    assert_eq!(diagnostics, journey::check(&text).diagnostics);
    assert!(
        peak < model / 4,
        "the streamed check peaked at {peak} bytes; the whole model and table take {model}"
    );
}

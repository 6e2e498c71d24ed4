//! Editor latency of `journey lsp` on a 5,000-line file: the time from sending a
//! `didChange` to receiving its `publishDiagnostics`, over the real server's stdio,
//! and hover and completion after a change (after a syntax error, the hover waits
//! for the recovery parse that indexes the broken item).
//!
//! Run: `cargo bench --bench lsp` (figures are recorded in docs/performance.md).

#[allow(dead_code)] // The bench uses only part of the test client.
#[path = "../tests/lsp/client.rs"]
mod client;
mod support;

use client::{position, Client};
use serde_json::json;
use std::time::{Duration, Instant};

const LINES: usize = 5_000;
const RUNS: usize = 20;

/// The generated file cut at the first journey that starts after line `LINES`.
fn file() -> String {
    let text = support::generate(LINES * 60);
    let mut line = 0;
    for (i, l) in text.split_inclusive('\n').scan(0, |at, l| {
        let start = *at;
        *at += l.len();
        Some((start, l))
    }) {
        line += 1;
        if line > LINES && l.starts_with("journey ") {
            return text[..i].to_string();
        }
    }
    text
}

fn summary(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{name:<34} median {:>6.2} ms  min {:>6.2} ms  max {:>6.2} ms",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1])
    );
}

fn main() {
    let text = file();
    println!(
        "file: {} lines, {:.0} KB",
        text.lines().count(),
        text.len() as f64 / 1e3
    );
    let t = Instant::now();
    let checked = journey::check(&text);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics.first());
    println!(
        "in process: check {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    journey::parse(&text);
    println!(
        "in process: parse {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3
    );

    let uri = "file:///bench.journey";
    let (mut c, _) = Client::start(json!({}));
    c.open(uri, &text);
    c.diagnostics(uri);
    // Typing in the middle of the file: each edit is undone by the next change.
    let half = (text.len() / 2..)
        .find(|&i| text.is_char_boundary(i))
        .unwrap();
    let mid = |needle: &str| text[half..].find(needle).unwrap() + half;
    let at = mid("send wecom ");
    let semantic = format!("{}send wecomx {}", &text[..at], &text[at + 11..]);
    let at = mid("-> ");
    let syntax = format!(
        "{}->  {}",
        &text[..at],
        &text[at + 3..].split_once('\n').unwrap().1
    );
    let probe = position(&text, text.find("send wecom").unwrap() + 6);
    let mut version = 1;
    let mut change = |c: &mut Client, new: &str| {
        version += 1;
        let t = Instant::now();
        c.change(uri, version, new);
        let diagnostics = c.diagnostics(uri);
        (t.elapsed(), diagnostics.len())
    };
    let mut times = [Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new()];
    for run in 0..RUNS {
        let (t, n) = change(&mut c, &semantic);
        assert!(n > 0);
        times[1].push(t);
        let (t, _) = change(&mut c, &text);
        times[0].push(t);
        let hover = Instant::now();
        c.at("textDocument/hover", uri, probe.clone());
        c.at("textDocument/completion", uri, probe.clone());
        times[3].push(hover.elapsed());
        if run % 2 == 0 {
            let (t, n) = change(&mut c, &syntax);
            assert!(n > 0);
            times[2].push(t);
            let hover = Instant::now();
            c.at("textDocument/hover", uri, probe.clone());
            times[4].push(hover.elapsed());
            change(&mut c, &text);
        }
    }
    let [clean, semantic, syntax, requests, recovered] = times;
    summary("didChange -> diagnostics, clean", clean);
    summary("didChange -> diagnostics, J01xx", semantic);
    summary("didChange -> diagnostics, syntax", syntax);
    summary("hover + completion after a change", requests);
    summary("hover after a syntax error", recovered);
    assert!(c.shutdown().success());
}

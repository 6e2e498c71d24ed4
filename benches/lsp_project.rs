//! Editor latency of `journey lsp` on a project (issue 15): 20 files, a declarations
//! file (examples/美妆私域/common.journey) imported by 19 journey files (copies of the
//! example's four journeys). Timed over the real server's stdio: from a `didChange`
//! of the declarations file to the last `publishDiagnostics` it causes.
//!
//! - break: an event every journey uses is renamed in the declarations file, so all 19
//!   journeys get an error (20 publishes: common's and the 19 importers');
//! - restore: the tag is back (20 publishes, the 19 empty);
//! - comment: a comment changes, nothing else does (common's publish only; the
//!   server has re-checked all 19 closures before it publishes).
//!
//! Each scenario runs with only the declarations file open (the journeys read from
//! disk) and with all 20 files open (their indexes rebuilt too). The server's peak
//! RSS is read from /proc at the end.
//!
//! Run: `cargo bench --bench lsp_project` (figures in docs/performance.md).

#[allow(dead_code)] // The bench uses only part of the test client.
#[path = "../tests/lsp/client.rs"]
mod client;

use client::Client;
use serde_json::json;
use std::path::Path;
use std::time::{Duration, Instant};

const JOURNEYS: usize = 19;
const RUNS: usize = 20;

const COMMON: &str = include_str!("../examples/美妆私域/common.journey");
const TEMPLATES: [&str; 4] = [
    include_str!("../examples/美妆私域/新客.journey"),
    include_str!("../examples/美妆私域/复购.journey"),
    include_str!("../examples/美妆私域/沉睡唤醒.journey"),
    include_str!("../examples/美妆私域/会员日.journey"),
];

/// Journey file `i`: a template that imports only the declarations file (its
/// hand-offs to other journeys removed), its journey renamed.
fn journey(i: usize) -> String {
    let template = TEMPLATES[i % TEMPLATES.len()];
    let mut out = String::new();
    for line in template.lines() {
        let bare = line.trim_start();
        if bare.starts_with("enter ") || bare.starts_with("import") && !bare.contains("common") {
            continue;
        }
        match line.strip_prefix("journey ") {
            Some(rest) => {
                let (name, rest) = rest.split_once(' ').unwrap();
                out.push_str(&format!("journey {name}{i} {rest}\n"));
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for &b in path.to_str().unwrap().as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn summary(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{name:<44} median {:>6.2} ms  min {:>6.2} ms  max {:>6.2} ms",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1])
    );
}

fn session(root: &Path, all_open: bool) {
    let common = uri(&root.join("common.journey"));
    let journeys: Vec<String> = (0..JOURNEYS)
        .map(|i| uri(&root.join(format!("j{i:02}.journey"))))
        .collect();
    let (mut c, _) = Client::start(json!({}));
    c.open(&common, COMMON);
    assert_eq!(c.diagnostics(&common), Vec::<serde_json::Value>::new());
    if all_open {
        for (i, u) in journeys.iter().enumerate() {
            c.open(u, &journey(i));
            assert_eq!(c.diagnostics(u), Vec::<serde_json::Value>::new(), "{u}");
        }
    }
    // Every template handles `purchase`: renamed, it is unknown in all 19 journeys.
    let broken = COMMON.replace("event purchase {", "event purchase2 {");
    let commented = COMMON.replacen("# ---- 用户标签 ----", "# ---- 用户标签（改） ----", 1);
    let mut version = 1;
    let mut times = [Vec::new(), Vec::new(), Vec::new()];
    for _ in 0..RUNS {
        for (kind, text) in [(0, &broken), (1, &COMMON.to_string()), (2, &commented)] {
            version += 1;
            let t = Instant::now();
            c.change(&common, version, text);
            c.diagnostics(&common);
            if kind < 2 {
                for u in &journeys {
                    let found = c.diagnostics(u);
                    assert_eq!(found.is_empty(), kind == 1, "{u}: {found:?}");
                }
            }
            times[kind].push(t.elapsed());
        }
        // back to the original text for the next run
        version += 1;
        c.change(&common, version, COMMON);
        c.diagnostics(&common);
    }
    let open = if all_open { "20 open" } else { "1 open" };
    let [broke, restored, comment] = times;
    summary(&format!("{open}: break (20 publishes)"), broke);
    summary(&format!("{open}: restore (20 publishes)"), restored);
    summary(&format!("{open}: comment (1 publish)"), comment);
    println!(
        "{open}: server peak RSS {} KB",
        c.peak_rss_kb().unwrap_or(0)
    );
    assert!(c.shutdown().success());
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("journey.toml"), "").unwrap();
    std::fs::write(root.join("common.journey"), COMMON).unwrap();
    let mut lines = COMMON.lines().count();
    for i in 0..JOURNEYS {
        let text = journey(i);
        lines += text.lines().count();
        std::fs::write(root.join(format!("j{i:02}.journey")), text).unwrap();
    }
    println!("project: {} files, {lines} lines", JOURNEYS + 1);
    session(&root, false);
    session(&root, true);
}

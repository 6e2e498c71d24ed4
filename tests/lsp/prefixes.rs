//! Every prefix of a file, as if typed from the start: every request gets an answer.

use super::client::{position, Client};
use serde_json::json;

/// Feeds `text` cut at every `step`-th char boundary and asks for hover, completion
/// and symbols each time; no response may be an error, nothing may be logged.
fn type_out(text: &str, step: usize) {
    let uri = "file:///typing.journey";
    let (mut c, _) = Client::start(json!({}));
    c.open(uri, "");
    c.diagnostics(uri);
    let cuts: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .step_by(step)
        .collect();
    for (version, &cut) in cuts.iter().enumerate() {
        let prefix = &text[..cut];
        c.change(uri, version as i64 + 2, prefix);
        c.diagnostics(uri);
        // Some earlier cut: a char boundary inside the prefix.
        let middle = cuts[version / 2];
        for (method, at) in [
            ("textDocument/hover", middle),
            ("textDocument/completion", cut),
            ("textDocument/definition", middle),
        ] {
            let r = c.at(method, uri, position(prefix, at));
            assert!(r.get("result").is_some(), "{method} at {cut}: {r}");
        }
        let r = c.request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": uri } }),
        );
        assert!(r["result"].is_array(), "symbols at {cut}: {r}");
    }
    assert!(c.logs().is_empty(), "{:?}", c.logs());
    assert!(c.shutdown().success());
}

#[test]
fn every_seventh_prefix_of_an_example() {
    type_out(include_str!("../../examples/beauty_w2.journey"), 7);
}

#[test]
fn every_prefix_of_a_small_file() {
    type_out(
        "tag vip: bool\nevent buy { amount: number }\ntouchpoint 企微 { channel wecom }\n\
         journey j {\n  entry on buy if vip\n  stage 新 { on enter: send 企微 \"欢迎\"\n    \
         when sum(buy.amount, 7d) >= 10 -> 老 }\n  stage 老 { every mon at 09:00: tag vip = true }\n}\n",
        1,
    );
}

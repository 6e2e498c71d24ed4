//! Enum variants over the protocol: hover and rename of a field's variant, positions
//! in UTF-16 after Chinese text.

use super::client::{apply_edits, position, Client};
use serde_json::json;

const URI: &str = "file:///work/variants.journey";

const TEXT: &str = "\
tag 风格: enum { 商务风, 休闲风 }
event 下单 { 金额: number, 品类: enum { 美妆, 母婴 } }
journey j {
  timezone \"UTC\"
  entry on 下单
  goal 复购: 下单 within 30d
  stage s {
    on 下单 if 下单.品类 == 母婴: tag 风格 = 休闲风
  }
}
population p {
  size 10
  start 2026-03-02
  days 30
  arrivals 下单 over 7d
  behavior 下单 {
    rate 1% per day
    品类: 美妆 50%, 母婴 50%
  }
}
";

#[test]
fn hover_and_rename_a_field_variant() {
    let (mut c, _) = Client::start(json!({}));
    c.open(URI, TEXT);
    assert_eq!(c.diagnostics(URI), Vec::<serde_json::Value>::new());
    let on_use = position(TEXT, TEXT.find("== 母婴").unwrap() + "== ".len());

    let hover = c.at("textDocument/hover", URI, on_use.clone());
    let markdown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        markdown.contains("variant of field `下单.品类`"),
        "{markdown}"
    );

    let rename = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": URI }, "position": on_use, "newName": "母婴用品" }),
    );
    let edits = rename["result"]["changes"][URI].as_array().unwrap();
    assert_eq!(edits.len(), 3, "{edits:?}");
    let out = apply_edits(TEXT, edits);
    assert!(out.contains("品类: enum { 美妆, 母婴用品 }"), "{out}");
    assert!(out.contains("下单.品类 == 母婴用品"), "{out}");
    assert!(out.contains("品类: 美妆 50%, 母婴用品 50%"), "{out}");

    let clash = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": URI }, "position": on_use, "newName": "美妆" }),
    );
    let message = clash["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("a variant named `美妆` already exists"),
        "{message}"
    );
    assert!(c.shutdown().success());
}

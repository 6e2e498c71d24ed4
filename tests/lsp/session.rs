//! One editing session, request by request, as an editor would run it.

use super::client::{position, Client};
use serde_json::{json, Value};

/// `file:///work/新客.journey`, percent-encoded as editors send it.
const URI: &str = "file:///work/%E6%96%B0%E5%AE%A2.journey";

const FIXED: &str = r#"# 新客欢迎旅程
tag persona "用户画像": enum { 白领, 宝妈 }
event signup
event purchase { amount: number }
touchpoint 企业微信 "企业微信1v1" {
  channel wecom
  limit 2 per day
}

journey 新客 {
  timezone "Asia/Shanghai"
  entry on signup
  goal 首单: purchase within 30d
  stage 欢迎 { on enter: send 企业微信 "欢迎"  after 1h -> 跟进 }
  stage 跟进 { after 1d if persona == 白领: send 企业微信 "tips" }
}
"#;

/// `FIXED` with a misspelt touchpoint on line 13, after Chinese text.
fn broken() -> String {
    FIXED.replacen("send 企业微信 \"欢迎\"", "send 企业薇信 \"欢迎\"", 1)
}

/// The position just after the first occurrence of `needle` (plus `shift` bytes).
fn after(text: &str, needle: &str, shift: usize) -> Value {
    position(text, text.find(needle).unwrap() + needle.len() + shift)
}

fn range(line: u32, from: u32, to: u32) -> Value {
    json!({ "start": { "line": line, "character": from }, "end": { "line": line, "character": to } })
}

#[test]
fn an_editing_session() {
    let (mut c, init) = Client::start(json!({}));
    let caps = &init["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"], 1, "full sync");

    // An error: the range counts UTF-16 units, so `欢迎` is 2 columns, not 6 bytes.
    c.open(URI, &broken());
    let diags = c.diagnostics(URI);
    assert_eq!(diags.len(), 1, "{diags:?}");
    let d = &diags[0];
    assert_eq!(d["range"], range(13, 28, 32), "{d}");
    assert_eq!(d["code"], "J0103");
    assert_eq!(d["severity"], 1);
    assert_eq!(d["source"], "journey");
    let message = d["message"].as_str().unwrap();
    assert!(
        message.starts_with("unknown touchpoint `企业薇信`"),
        "{message}"
    );
    assert!(
        message.contains("help: did you mean `企业微信`?"),
        "{message}"
    );

    // Fixed: the diagnostics are cleared.
    c.change(URI, 2, FIXED);
    assert_eq!(c.diagnostics(URI), Vec::<Value>::new());

    let on_use = after(FIXED, "on enter: send 企业", 0);
    let hover = c.at("textDocument/hover", URI, on_use.clone());
    let markdown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        markdown.contains("touchpoint 企业微信 \"企业微信1v1\""),
        "{markdown}"
    );
    assert!(markdown.contains("channel: `wecom`"), "{markdown}");
    assert_eq!(hover["result"]["range"], range(13, 28, 32));

    let def = c.at("textDocument/definition", URI, on_use.clone());
    assert_eq!(def["result"]["uri"], URI);
    assert_eq!(def["result"]["range"], range(4, 11, 15));

    let refs = c.request(
        "textDocument/references",
        json!({ "textDocument": { "uri": URI }, "position": on_use, "context": { "includeDeclaration": true } }),
    );
    let lines: Vec<_> = refs["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [4, 13, 14]);

    // Completion after `send ` while typing a new rule.
    let typing = FIXED.replacen("-> 跟进 }", "-> 跟进  on purchase: send  }", 1);
    c.change(URI, 3, &typing);
    c.diagnostics(URI);
    let items = c.at(
        "textDocument/completion",
        URI,
        after(&typing, "on purchase: send ", 0),
    );
    let first = &items["result"][0];
    assert_eq!(first["label"], "企业微信");
    assert_eq!(first["detail"], "企业微信1v1");
    let items = c.at(
        "textDocument/completion",
        URI,
        after(&typing, "persona == ", 0),
    );
    let labels: Vec<_> = items["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["白领", "宝妈"]);
    c.change(URI, 4, FIXED);
    c.diagnostics(URI);

    let symbols = c.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": URI } }),
    );
    let journey = symbols["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "新客")
        .expect("the journey is in the outline");
    let stages: Vec<_> = journey["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(stages, ["欢迎", "跟进"]);

    let rename = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": URI }, "position": on_use, "newName": "微信" }),
    );
    let edits = rename["result"]["changes"][URI].as_array().unwrap();
    assert_eq!(edits.len(), 3);
    assert!(edits.iter().all(|e| e["newText"] == "微信"));
    let refused = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": URI }, "position": on_use, "newName": "send" }),
    );
    assert!(refused["error"]["message"]
        .as_str()
        .unwrap()
        .contains("keyword"));

    assert!(c.logs().is_empty(), "{:?}", c.logs());
    assert!(c.shutdown().success());
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let (mut c, init) =
        Client::start(json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } }));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    c.open(URI, &broken());
    let diags = c.diagnostics(URI);
    // `欢迎` is 6 bytes: the columns move by 4; `企业薇信` is 12 bytes wide.
    assert_eq!(diags[0]["range"], range(13, 32, 44));
    assert!(c.shutdown().success());
}

#[test]
fn requests_on_unknown_documents_get_empty_results() {
    let (mut c, _) = Client::start(json!({}));
    let pos = json!({ "line": 0, "character": 0 });
    for method in [
        "textDocument/hover",
        "textDocument/definition",
        "textDocument/completion",
    ] {
        let r = c.at(method, "file:///nowhere.journey", pos.clone());
        assert_eq!(r["result"], Value::Null, "{method}: {r}");
    }
    let r = c.request("textDocument/unknown", json!({}));
    assert!(r["error"].is_object());
    // A malformed notification is logged, not fatal.
    c.open("not a uri", "event e");
    let r = c.at("textDocument/hover", "file:///nowhere.journey", pos);
    assert_eq!(r["result"], Value::Null);
    assert_eq!(c.logs().len(), 1);
    assert!(c.shutdown().success());
}

#[test]
fn formatting_returns_the_fmt_layout_and_leaves_broken_files_alone() {
    let (mut c, init) = Client::start(json!({}));
    assert_eq!(init["capabilities"]["documentFormattingProvider"], true);
    let messy = "event   signup\ntouchpoint wecom {channel wecom}\njourney 新客 {\ntimezone \"Asia/Shanghai\"\n  entry on signup   # 注册即进入\ngoal 注册: signup within 1d\nstage 欢迎 { on enter: send wecom \"hi\" }\n}\n";
    c.open(URI, messy);
    let _ = c.diagnostics(URI);
    let params = json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true } });
    let r = c.request("textDocument/formatting", params.clone());
    let edits = r["result"].as_array().expect("edits");
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0]["newText"], journey::format(messy).unwrap());
    assert!(edits[0]["newText"]
        .as_str()
        .unwrap()
        .contains("# 注册即进入"));

    c.change(URI, 2, "journey 新客 {");
    let _ = c.diagnostics(URI);
    let r = c.request("textDocument/formatting", params);
    assert_eq!(r["result"], json!([]));
    assert!(c.shutdown().success());
}

#[test]
fn closing_a_document_clears_its_diagnostics() {
    let (mut c, _) = Client::start(json!({}));
    c.open(URI, &broken());
    assert!(!c.diagnostics(URI).is_empty());
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": URI } }),
    );
    assert_eq!(c.diagnostics(URI), Vec::<Value>::new());
    assert!(c.shutdown().success());
}

/// The edits of a code action for `URI`.
fn edits_of(action: &Value) -> Vec<Value> {
    action["edit"]["changes"][URI].as_array().unwrap().clone()
}

#[test]
fn a_quick_fix_is_offered_and_applied() {
    let (mut c, init) = Client::start(json!({}));
    let kinds = &init["capabilities"]["codeActionProvider"]["codeActionKinds"];
    assert_eq!(*kinds, json!(["quickfix", "source.fixAll.journey"]));

    let text = broken();
    c.open(URI, &text);
    let diags = c.diagnostics(URI);
    let request = |only: Value| {
        json!({
            "textDocument": { "uri": URI },
            "range": range(13, 29, 29),
            "context": { "diagnostics": diags, "only": only },
        })
    };
    let actions = c.request("textDocument/codeAction", request(json!(null)));
    let actions = actions["result"].as_array().unwrap();
    let quick = &actions[0];
    assert_eq!(quick["kind"], "quickfix");
    assert_eq!(quick["title"], "change it to `企业微信`");
    assert_eq!(quick["isPreferred"], true);
    assert_eq!(quick["diagnostics"][0]["code"], "J0103");
    // Applied as the editor applies it, the file is the correct one.
    let fixed = super::client::apply_edits(&text, &edits_of(quick));
    assert_eq!(fixed, FIXED);
    c.change(URI, 2, &fixed);
    assert_eq!(c.diagnostics(URI), Vec::<Value>::new());

    // On save: every safe fix of the file at once, by kind.
    c.change(URI, 3, &text);
    c.diagnostics(URI);
    let all = c.request("textDocument/codeAction", request(json!(["source.fixAll"])));
    let all = all["result"].as_array().unwrap();
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0]["kind"], "source.fixAll.journey");
    assert_eq!(super::client::apply_edits(&text, &edits_of(&all[0])), FIXED);

    // Away from the diagnostic, no quick fix.
    let mut away = request(json!(["quickfix"]));
    away["range"] = range(1, 0, 0);
    let none = c.request("textDocument/codeAction", away);
    assert_eq!(none["result"], json!([]));
    assert!(c.shutdown().success());
}

//! The project's files changed on disk by another program, as the editor reports
//! them (`workspace/didChangeWatchedFiles`): importers follow, deleted files are
//! cleared, a new file joins, and `journey.toml` is read again (its errors shown at
//! the file, its `lang` used).

use super::client::Client;
use super::projects::{codes, range_of, Project, COMMON, NEW};
use serde_json::{json, Value};

/// A client that can register a file watcher at run time, as VS Code.
fn watching() -> Value {
    json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } })
}

/// Kinds of `FileChangeType`.
const CREATED: i64 = 1;
const CHANGED: i64 = 2;
const DELETED: i64 = 3;

fn on_disk(c: &mut Client, uri: &str, kind: i64) {
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri, "type": kind }] }),
    );
}

/// Answered only after everything the notifications before it published.
fn settle(c: &mut Client, uri: &str) {
    c.at(
        "textDocument/hover",
        uri,
        json!({ "line": 0, "character": 0 }),
    );
}

#[test]
fn the_watcher_is_registered_only_when_the_client_can_take_it() {
    let nowhere = "file:///nowhere.journey";
    let (mut c, _) = Client::start(json!({}));
    settle(&mut c, nowhere);
    assert!(c.received("client/registerCapability").is_empty());
    assert!(c.shutdown().success());

    let (mut c, _) = Client::start(watching());
    settle(&mut c, nowhere);
    let asked = c.received("client/registerCapability");
    assert_eq!(asked.len(), 1, "{asked:?}");
    let registration = &asked[0]["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    let globs: Vec<&Value> = (registration["registerOptions"]["watchers"].as_array())
        .unwrap()
        .iter()
        .map(|w| &w["globPattern"])
        .collect();
    assert_eq!(globs, ["**/*.journey", "**/journey.toml"]);
    assert!(c.shutdown().success());
}

#[test]
fn a_file_changed_on_disk_reaches_its_importers_open_or_not() {
    let p = Project::new();
    let (mut c, _) = Client::start(watching());
    let (common, new, again) = (
        p.uri("common.journey"),
        p.uri("新客.journey"),
        p.uri("复购.journey"),
    );
    c.open(&new, NEW);
    assert_eq!(c.diagnostics(&new), Vec::<Value>::new());

    // `git checkout` takes `persona` out of the closed declarations file.
    let without = COMMON.replace("tag persona \"用户画像\": enum { 白领, 宝妈 }", "");
    std::fs::write(p.root.join("common.journey"), &without).unwrap();
    on_disk(&mut c, &common, CHANGED);
    let broken = c.diagnostics(&new);
    assert_eq!(codes(&broken), ["J0101"], "{broken:?}");
    assert_eq!(broken[0]["range"], range_of(NEW, "persona"));
    assert_eq!(
        codes(&c.diagnostics(&again)),
        ["J0101"],
        "the closed importer"
    );

    // An open buffer wins over its file on disk: 新客's own change is not read.
    std::fs::write(p.root.join("新客.journey"), "garbage {").unwrap();
    on_disk(&mut c, &new, CHANGED);
    settle(&mut c, &new);
    assert_eq!(c.received_diagnostics(&new), None, "nothing new for 新客");

    std::fs::write(p.root.join("common.journey"), COMMON).unwrap();
    on_disk(&mut c, &common, CHANGED);
    assert_eq!(c.diagnostics(&new), Vec::<Value>::new());
    assert_eq!(c.diagnostics(&again), Vec::<Value>::new());
    assert!(c.shutdown().success());
}

#[test]
fn a_deleted_import_is_missing_at_the_import_line_and_a_new_file_fixes_it() {
    let p = Project::new();
    let (mut c, _) = Client::start(watching());
    let (common, new) = (p.uri("common.journey"), p.uri("新客.journey"));
    c.open(&new, NEW);
    assert_eq!(c.diagnostics(&new), Vec::<Value>::new());

    std::fs::remove_file(p.root.join("common.journey")).unwrap();
    on_disk(&mut c, &common, DELETED);
    assert_eq!(c.diagnostics(&common), Vec::<Value>::new(), "cleared");
    let found = c.diagnostics(&new);
    let missing = found.iter().find(|d| d["code"] == "J0503").expect("J0503");
    assert_eq!(missing["range"], range_of(NEW, "\"common.journey\""));

    // Made again (under the name the import expects): the import resolves.
    std::fs::write(p.root.join("common.journey"), COMMON).unwrap();
    on_disk(&mut c, &common, CREATED);
    assert_eq!(c.diagnostics(&new), Vec::<Value>::new());
    assert!(c.shutdown().success());
}

#[test]
fn a_new_file_with_imports_joins_the_project_without_being_opened() {
    let p = Project::new();
    let (mut c, _) = Client::start(watching());
    let (common, made) = (p.uri("common.journey"), p.uri("会员日.journey"));
    // `社群` is used only by 复购: remove 复购 and it is unused in common.
    std::fs::remove_file(p.root.join("复购.journey")).unwrap();
    let unsent = format!("{COMMON}touchpoint 短信 {{ channel sms }}\n");
    c.open(&common, &unsent);
    let unused = c.diagnostics(&common);
    assert!(codes(&unused).contains(&"J0401"), "{unused:?}");

    let text = NEW
        .replace("新客", "会员日")
        .replace("send 企业微信 \"tips\"", "send 短信 \"tips\"");
    std::fs::write(p.root.join("会员日.journey"), &text).unwrap();
    on_disk(&mut c, &made, CREATED);
    let now = c.diagnostics(&common);
    assert!(
        !now.iter()
            .any(|d| d["message"].as_str().unwrap().contains("短信")),
        "会员日 sends to 短信: {now:?}"
    );
    assert!(c.shutdown().success());
}

#[test]
fn a_broken_journey_toml_is_shown_at_the_file_and_cleared_when_fixed() {
    let p = Project::new();
    let toml = p.uri("journey.toml");
    std::fs::write(p.root.join("journey.toml"), "[check\nallow = []\n").unwrap();
    let (mut c, _) = Client::start(watching());
    let new = p.uri("新客.journey");
    c.open(&new, NEW);
    let found = c.diagnostics(&toml);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["severity"], 1);
    assert_eq!(found[0]["range"]["start"]["line"], 0);
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("not valid TOML"), "{message}");
    // The journeys are still checked, without a policy.
    assert_eq!(c.diagnostics(&new), Vec::<Value>::new());

    // Fixed to deny warnings: the toml clears, and 新客's warning becomes an error.
    std::fs::write(
        p.root.join("journey.toml"),
        "[check]\ndeny = [\"warnings\"]\n",
    )
    .unwrap();
    let warned = NEW.replace("  timezone \"Asia/Shanghai\"\n", "");
    c.change(&new, 2, &warned);
    let before = c.diagnostics_of(&new, 2);
    assert_eq!(codes(&before), ["J0402"]);
    assert_eq!(
        before[0]["severity"], 2,
        "the old policy until it is reported"
    );
    on_disk(&mut c, &toml, CHANGED);
    assert_eq!(c.diagnostics(&toml), Vec::<Value>::new());
    let after = c.diagnostics(&new);
    assert_eq!(codes(&after), ["J0402"]);
    assert_eq!(after[0]["severity"], 1, "denied");
    assert!(c.shutdown().success());
}

#[test]
fn the_project_language_applies_unless_the_editor_chose_one() {
    let p = Project::new();
    std::fs::write(p.root.join("journey.toml"), "[project]\nlang = \"zh\"\n").unwrap();
    let new = p.uri("新客.journey");
    let typo = NEW.replace("if persona", "if persna");
    let message = |options: Value| {
        let (mut c, _) = Client::start_with(watching(), options, None);
        c.open(&new, &typo);
        let found = c.diagnostics(&new);
        assert!(c.shutdown().success());
        found[0]["message"].as_str().unwrap().to_string()
    };
    let zh = message(Value::Null);
    assert!(!zh.is_ascii(), "the project's language: {zh}");
    let en = message(json!({ "lang": "en" }));
    assert!(en.is_ascii() && en.contains("persna"), "the editor's: {en}");
}

/// An editor that cannot watch, or refuses to: `journey.toml` is read again on each
/// edit of a document of its project, since nothing says when it changes.
#[test]
fn without_a_watcher_journey_toml_is_read_again_on_each_edit() {
    for refused in [false, true] {
        let p = Project::new();
        let (new, toml) = (p.uri("新客.journey"), p.uri("journey.toml"));
        let (mut c, _) = Client::start(if refused { watching() } else { json!({}) });
        c.open(&new, NEW);
        assert_eq!(c.diagnostics(&new), Vec::<Value>::new());
        if refused {
            settle(&mut c, &new);
            let asked = c.received("client/registerCapability")[0].clone();
            let error = json!({ "error": { "code": -32601, "message": "no watching here" } });
            c.respond(&asked, error);
        }
        std::fs::write(p.root.join("journey.toml"), "[check\n").unwrap();
        c.change(&new, 2, NEW);
        let found = c.diagnostics(&toml);
        assert_eq!(found.len(), 1, "refused: {refused}, {found:?}");
        settle(&mut c, &new);
        let logged = c.logs().iter().any(|l| {
            let message = l["params"]["message"].as_str().unwrap();
            message.contains("no watching here")
        });
        assert_eq!(logged, refused);
        assert!(c.shutdown().success());
    }
}

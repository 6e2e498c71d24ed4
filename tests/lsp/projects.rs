//! Projects in the editor: a declarations file imported by two journeys, on disk in
//! a directory with `journey.toml`. Names cross files; so do diagnostics, definition,
//! references, rename and completion; an open buffer is read instead of the disk.

use super::client::{apply_edits, position, Client};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

pub(super) const COMMON: &str = "\
# 共用声明
tag persona \"用户画像\": enum { 白领, 宝妈 }
tag vip: bool
event signup
event purchase { amount: number }
touchpoint 企业微信 \"企业微信1v1\" { channel wecom }
touchpoint 社群 \"福利群\" { channel group }
";

/// Uses `persona`, `signup` and `企业微信`; the rest of the declarations only
/// `复购` uses, so no closure alone may call them unused.
pub(super) const NEW: &str = "\
import \"common.journey\"

journey 新客 {
  timezone \"Asia/Shanghai\"
  entry on signup
  stage 欢迎 {
    on enter: send 企业微信 \"欢迎\"
    after 1d if persona == 白领: send 企业微信 \"tips\"
    after 30d: exit
  }
}
";

const AGAIN: &str = "\
import \"common.journey\"

journey 复购 {
  timezone \"Asia/Shanghai\"
  entry on purchase if vip
  stage 回访 {
    after 7d if persona == 宝妈: send 社群 \"团购\"
    after 30d: exit
  }
}
";

pub(super) struct Project {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

impl Project {
    pub fn new() -> Project {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::write(root.join("journey.toml"), "").unwrap();
        for (name, text) in [
            ("common.journey", COMMON),
            ("新客.journey", NEW),
            ("复购.journey", AGAIN),
        ] {
            std::fs::write(root.join(name), text).unwrap();
        }
        Project { _dir: dir, root }
    }

    /// The file's URI as an editor sends it (percent-encoded, upper-case hex).
    pub fn uri(&self, name: &str) -> String {
        uri(&self.root.join(name))
    }
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

/// The position of the first `needle` in `text`, `shift` bytes in.
fn at(text: &str, needle: &str, shift: usize) -> Value {
    position(text, text.find(needle).unwrap() + shift)
}

pub(super) fn range_of(text: &str, needle: &str) -> Value {
    let start = text.find(needle).unwrap();
    json!({ "start": position(text, start), "end": position(text, start + needle.len()) })
}

pub(super) fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

#[test]
fn imported_names_resolve_and_an_edit_of_the_shared_file_reaches_its_importers() {
    let p = Project::new();
    let (mut c, _) = Client::start(json!({}));
    let (common, new, again) = (
        p.uri("common.journey"),
        p.uri("新客.journey"),
        p.uri("复购.journey"),
    );
    c.open(&new, NEW);
    assert_eq!(c.diagnostics(&new), Vec::<Value>::new(), "imported names");
    // `vip`, `purchase` and `社群` are used by 复购, which is not open: not unused.
    c.open(&common, COMMON);
    assert_eq!(c.diagnostics(&common), Vec::<Value>::new());

    // Removing `persona` breaks both importers, the closed one included.
    let without = COMMON.replace("tag persona \"用户画像\": enum { 白领, 宝妈 }", "");
    c.change(&common, 2, &without);
    assert_eq!(c.diagnostics(&common), Vec::<Value>::new());
    let broken = c.diagnostics(&new);
    assert_eq!(codes(&broken), ["J0101"], "{broken:?}");
    assert_eq!(broken[0]["range"], range_of(NEW, "persona"));
    assert!(broken[0]["message"].as_str().unwrap().contains("persona"));
    let broken = c.diagnostics(&again);
    assert_eq!(codes(&broken), ["J0101"], "{broken:?}");
    assert_eq!(broken[0]["range"], range_of(AGAIN, "persona"));

    // Restored: both get an empty list, so the squiggles clear.
    c.change(&common, 3, COMMON);
    assert_eq!(c.diagnostics(&common), Vec::<Value>::new());
    assert_eq!(c.diagnostics(&new), Vec::<Value>::new());
    assert_eq!(c.diagnostics(&again), Vec::<Value>::new());
    assert!(c.shutdown().success());
}

#[test]
fn an_open_buffer_is_read_instead_of_the_disk() {
    let p = Project::new();
    let (mut c, _) = Client::start(json!({}));
    let (common, new) = (p.uri("common.journey"), p.uri("新客.journey"));
    let unsaved = format!("{COMMON}touchpoint 短信 {{ channel sms }}\n");
    c.open(&common, &unsaved);
    // 复购 on disk imports it and does not send to 短信.
    assert_eq!(codes(&c.diagnostics(&common)), ["J0401"]);
    let text = NEW.replace("send 企业微信 \"tips\"", "send 短信 \"tips\"");
    c.open(&new, &text);
    assert_eq!(
        c.diagnostics(&new),
        Vec::<Value>::new(),
        "短信 is in the buffer"
    );
    assert_eq!(
        c.diagnostics(&common),
        Vec::<Value>::new(),
        "now 新客 uses it"
    );
    // Closed unsaved: the disk's common.journey has no 短信.
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": common } }),
    );
    let found = c.diagnostics(&new);
    assert_eq!(codes(&found), ["J0103"], "{found:?}");
    assert_eq!(found[0]["range"], range_of(&text, "短信"));
    assert!(c.shutdown().success());
}

#[test]
fn an_import_error_is_at_the_import_line() {
    let p = Project::new();
    let (mut c, _) = Client::start(json!({}));
    let new = p.uri("新客.journey");
    let text = NEW.replace("common.journey", "comon.journey");
    c.open(&new, &text);
    let found = c.diagnostics(&new);
    let missing = found.iter().find(|d| d["code"] == "J0503").expect("J0503");
    assert_eq!(missing["range"]["start"]["line"], 0);
    let message = missing["message"].as_str().unwrap();
    assert!(message.contains("common.journey"), "{message}");
    assert!(c.shutdown().success());
}

#[test]
fn definition_hover_completion_and_outline_cross_files() {
    let p = Project::new();
    let (mut c, _) = Client::start(json!({}));
    let (common, new) = (p.uri("common.journey"), p.uri("新客.journey"));
    c.open(&new, NEW);
    c.diagnostics(&new);

    let on_persona = at(NEW, "persona ==", 2);
    let found = c.at("textDocument/definition", &new, on_persona);
    assert_eq!(found["result"]["uri"], common.as_str(), "{found}");
    assert_eq!(found["result"]["range"], range_of(COMMON, "persona"));

    // In UTF-16 columns after Chinese text in both files.
    let on_touchpoint = at(NEW, "企业微信 \"tips\"", 3);
    let found = c.at("textDocument/definition", &new, on_touchpoint.clone());
    assert_eq!(found["result"]["range"], range_of(COMMON, "企业微信"));
    let hover = c.at("textDocument/hover", &new, on_touchpoint);
    let markdown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        markdown.contains("touchpoint 企业微信 \"企业微信1v1\""),
        "{markdown}"
    );

    let typing = NEW.replace("send 企业微信 \"tips\"", "send ");
    c.change(&new, 2, &typing);
    c.diagnostics(&new);
    let found = c.at("textDocument/completion", &new, at(&typing, "send \n", 5));
    let labels: Vec<&str> = (found["result"].as_array().unwrap().iter())
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["企业微信", "社群"], "imported touchpoints");

    // The outline is the document's own: its journey, not common's declarations.
    let found = c.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": new } }),
    );
    let names: Vec<&str> = (found["result"].as_array().unwrap().iter())
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["新客"]);
    assert!(c.shutdown().success());
}

#[test]
fn references_and_rename_reach_every_file_of_the_project() {
    let p = Project::new();
    let (mut c, _) = Client::start(json!({}));
    let (common, new, again) = (
        p.uri("common.journey"),
        p.uri("新客.journey"),
        p.uri("复购.journey"),
    );
    // Only the declarations file is open: its importers are found on disk.
    c.open(&common, COMMON);
    c.diagnostics(&common);
    let on_decl = at(COMMON, "persona", 1);
    let found = c.request(
        "textDocument/references",
        json!({ "textDocument": { "uri": common }, "position": on_decl,
                "context": { "includeDeclaration": true } }),
    );
    let places: Vec<(String, Value)> = (found["result"].as_array().unwrap().iter())
        .map(|l| (l["uri"].as_str().unwrap().to_string(), l["range"].clone()))
        .collect();
    assert_eq!(
        places,
        [
            (common.clone(), range_of(COMMON, "persona")),
            (again.clone(), range_of(AGAIN, "persona")),
            (new.clone(), range_of(NEW, "persona")),
        ]
    );

    // Renamed from a use in an importer: every file that declares or uses it.
    c.open(&new, NEW);
    c.diagnostics(&new);
    let found = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": new }, "position": at(NEW, "persona", 3),
                "newName": "画像" }),
    );
    let changes = &found["result"]["changes"];
    assert_eq!(changes.as_object().unwrap().len(), 3, "{found}");
    for (uri, text) in [(&common, COMMON), (&new, NEW), (&again, AGAIN)] {
        let edits = changes[uri.as_str()].as_array().unwrap();
        let renamed = apply_edits(text, edits);
        assert_eq!(renamed, text.replace("persona", "画像"), "{uri}");
    }
    // A clash in any closure refuses the rename: 复购 may not get a second `vip`.
    let found = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": new }, "position": at(NEW, "persona", 3),
                "newName": "vip" }),
    );
    assert!(
        found["error"]["message"]
            .as_str()
            .unwrap()
            .contains("already exists"),
        "{found}"
    );
    assert!(c.shutdown().success());
}

#[test]
fn after_enter_the_journeys_of_the_project_are_offered_with_their_import() {
    let p = Project::new();
    let (mut c, _) = Client::start(json!({}));
    let new = p.uri("新客.journey");
    let typing = NEW.replace(
        "    after 30d: exit",
        "    on purchase: enter \n    after 30d: exit",
    );
    c.open(&new, &typing);
    c.diagnostics(&new);
    let cursor = at(&typing, "enter \n", "enter ".len());
    let found = c.at("textDocument/completion", &new, cursor);
    let items = found["result"].as_array().unwrap();
    let item = (items.iter())
        .find(|i| i["label"] == "复购")
        .unwrap_or_else(|| panic!("{found}"));
    // The document's own file is in its closure: not offered a second time.
    let own = items.iter().filter(|i| i["label"] == "新客").count();
    assert!(own <= 1, "{found}");
    let imports = item["additionalTextEdits"].as_array().unwrap();
    assert_eq!(imports[0]["newText"], "import \"复购.journey\"\n");
    // Accepted: the name and the import line; the file then checks clean.
    let mut edits = imports.clone();
    edits.push(item["textEdit"].clone());
    let accepted = apply_edits(&typing, &edits);
    assert!(
        accepted.starts_with("import \"common.journey\"\nimport \"复购.journey\"\n"),
        "{accepted}"
    );
    assert!(accepted.contains("on purchase: enter 复购\n"), "{accepted}");
    c.change(&new, 2, &accepted);
    assert_eq!(c.diagnostics(&new), Vec::<Value>::new());
    assert!(c.shutdown().success());
}

/// Typing a journey file and the declarations file out, prefix by prefix: every
/// request at every cut gets an answer, nothing is logged, and the importers'
/// diagnostics follow the declarations file (broken while it is cut short).
#[test]
fn typing_project_files_out() {
    let p = Project::new();
    let (mut c, _) = Client::start(json!({}));
    for (name, text) in [("新客.journey", NEW), ("common.journey", COMMON)] {
        let uri = p.uri(name);
        c.open(&uri, "");
        c.diagnostics(&uri);
        let cuts: Vec<usize> = (text.char_indices().map(|(i, _)| i))
            .chain([text.len()])
            .step_by(5)
            .collect();
        for (version, &cut) in cuts.iter().enumerate() {
            let prefix = &text[..cut];
            c.change(&uri, version as i64 + 2, prefix);
            c.diagnostics_of(&uri, version as i64 + 2);
            let middle = position(prefix, cuts[version / 2]);
            for method in [
                "textDocument/hover",
                "textDocument/completion",
                "textDocument/definition",
            ] {
                let r = c.at(method, &uri, middle.clone());
                assert!(r.get("result").is_some(), "{method} at {cut}: {r}");
            }
            let r = c.request(
                "textDocument/references",
                json!({ "textDocument": { "uri": uri }, "position": middle,
                        "context": { "includeDeclaration": true } }),
            );
            assert!(r.get("result").is_some(), "references at {cut}: {r}");
        }
        c.change(&uri, 1000, text);
        assert_eq!(c.diagnostics_of(&uri, 1000), Vec::<Value>::new(), "{name}");
    }
    // Whole again: 复购 (never open) was last published clean.
    let again = p.uri("复购.journey");
    // (answered after everything the last change published)
    c.at(
        "textDocument/hover",
        &again,
        json!({ "line": 0, "character": 0 }),
    );
    let mut last = None;
    while let Some(later) = c.received_diagnostics(&again) {
        last = Some(later);
    }
    assert_eq!(last, Some(Vec::new()));
    assert!(c.logs().is_empty(), "{:?}", c.logs());
    assert!(c.shutdown().success());
}

/// An error in the shared file is found by every closure that holds it (its own and
/// both importers'), and shown once.
#[test]
fn an_error_found_by_several_closures_is_shown_once() {
    let p = Project::new();
    let (mut c, _) = Client::start(json!({}));
    let common = p.uri("common.journey");
    let twice = format!("{COMMON}tag vip: bool\n");
    c.open(&common, &twice);
    let found = c.diagnostics(&common);
    assert_eq!(codes(&found), ["J0108"], "{found:?}");
    assert_eq!(found[0]["range"]["start"]["line"], 7);
    assert!(c.shutdown().success());
}

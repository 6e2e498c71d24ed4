//! A minimal LSP client that drives `journey lsp` over the process's stdio, as an
//! editor does: JSON-RPC messages with `Content-Length` framing.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(30);

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications that arrived while waiting for something else.
    notifications: Vec<Value>,
}

impl Client {
    /// Starts the server and initializes it with the given client capabilities;
    /// returns the client and the `initialize` result.
    pub fn start(capabilities: Value) -> (Client, Value) {
        // messages as the snapshots have them
        Client::start_with(capabilities, Value::Null, Some("en"))
    }

    /// [`Client::start`] with `initializationOptions` and `JOURNEY_LANG` (none: the
    /// server chooses, the environment's locale being English).
    pub fn start_with(
        capabilities: Value,
        options: Value,
        journey_lang: Option<&str>,
    ) -> (Client, Value) {
        let mut command = Command::new(env!("CARGO_BIN_EXE_journey"));
        match journey_lang {
            Some(lang) => command.env("JOURNEY_LANG", lang),
            None => command
                .env_remove("JOURNEY_LANG")
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .env("LANG", "C"),
        };
        let mut child = command
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start `journey lsp`");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            while let Some(msg) = read_message(&mut stdout) {
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            incoming,
            next_id: 0,
            notifications: Vec::new(),
        };
        let init = client.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": capabilities,
                    "initializationOptions": options }),
        );
        client.notify("initialized", json!({}));
        (client, init["result"].clone())
    }

    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn receive(&mut self) -> Value {
        self.incoming
            .recv_timeout(TIMEOUT)
            .expect("the server answers in time")
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Answers a request of the server's with `outcome` (`result` or `error`).
    #[allow(dead_code)] // Not every user of the client is asked anything.
    pub fn respond(&mut self, request: &Value, outcome: Value) {
        let mut msg = json!({ "jsonrpc": "2.0", "id": request["id"] });
        msg.as_object_mut()
            .unwrap()
            .extend(outcome.as_object().unwrap().clone());
        self.send(msg);
    }

    /// Sends a request and returns the whole response (with `result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let msg = self.receive();
            if msg["id"] == json!(id) {
                return msg;
            }
            self.notifications.push(msg);
        }
    }

    /// The next `publishDiagnostics` for `uri`.
    pub fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let params = self.published(uri);
        params["diagnostics"].as_array().unwrap().clone()
    }

    /// The `publishDiagnostics` for `uri` that answers the change to `version`
    /// (earlier ones, published when other files changed, are skipped).
    #[allow(dead_code)] // Not every user of the client edits several files.
    pub fn diagnostics_of(&mut self, uri: &str, version: i64) -> Vec<Value> {
        loop {
            let params = self.published(uri);
            if params["version"] == version {
                return params["diagnostics"].as_array().unwrap().clone();
            }
        }
    }

    /// The next `publishDiagnostics` for `uri` among those already received, if any
    /// (a request answered after a change makes sure all it caused have arrived).
    #[allow(dead_code)] // Not every user of the client edits several files.
    pub fn received_diagnostics(&mut self, uri: &str) -> Option<Vec<Value>> {
        let i = self.notifications.iter().position(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        })?;
        let msg = self.notifications.remove(i);
        Some(msg["params"]["diagnostics"].as_array().unwrap().clone())
    }

    /// The params of the next `publishDiagnostics` for `uri`.
    fn published(&mut self, uri: &str) -> Value {
        let is_for_uri = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        if let Some(i) = self.notifications.iter().position(is_for_uri) {
            return self.notifications.remove(i)["params"].take();
        }
        loop {
            let mut msg = self.receive();
            if is_for_uri(&msg) {
                return msg["params"].take();
            }
            self.notifications.push(msg);
        }
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "journey", "version": 1, "text": text } }),
        );
    }

    pub fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }),
        );
    }

    /// A request about a position in `uri`.
    pub fn at(&mut self, method: &str, uri: &str, position: Value) -> Value {
        self.request(
            method,
            json!({ "textDocument": { "uri": uri }, "position": position }),
        )
    }

    /// Messages the server logged (e.g. a handler that panicked).
    pub fn logs(&self) -> Vec<&Value> {
        self.received("window/logMessage")
    }

    /// The notifications and requests of `method` the server sent so far (those
    /// that arrived while waiting for something else).
    pub fn received(&self, method: &str) -> Vec<&Value> {
        self.notifications
            .iter()
            .filter(|m| m["method"] == method)
            .collect()
    }

    /// The server's peak resident memory so far (Linux), for the benchmarks.
    #[allow(dead_code)] // Only benches/ read it.
    pub fn peak_rss_kb(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// `shutdown` then `exit`; returns how the process ended.
    pub fn shutdown(mut self) -> ExitStatus {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null, "{response}");
        self.notify("exit", Value::Null);
        self.child.wait().unwrap()
    }
}

/// The LSP position (UTF-16 columns) of byte `offset` in `text`.
pub fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let column: usize = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .map(char::len_utf16)
        .sum();
    json!({ "line": line, "character": column })
}

fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The byte offset of an LSP position (UTF-16 columns) in `text`.
fn offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// `text` with LSP `TextEdit`s made, as an editor applies them (back to front).
pub fn apply_edits(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            let range = &e["range"];
            let new_text = e["newText"].as_str().unwrap();
            (
                offset(text, &range["start"]),
                offset(text, &range["end"]),
                new_text,
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (start, end, new_text) in spans {
        out.replace_range(start..end, new_text);
    }
    out
}

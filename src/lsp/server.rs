//! The message loop: documents in, diagnostics out, one request answered at a time.

use super::convert::Encoding;
use super::handlers;
use super::state::State;
use super::transport;
use super::workspace::Changed;
use crate::i18n::Lang;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    LogMessage, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest,
    PrepareRenameRequest, References, Rename, Request as _,
};
use lsp_types::{LogMessageParams, MessageType, Uri};
use serde::Serialize;
use std::error::Error;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

pub struct Server {
    conn: Connection,
    state: State,
}

/// The id of the server's one request to the editor: to watch the project files.
const WATCH: &str = "journey/watch";

type Handler<R> = fn(
    &State,
    <R as lsp_types::request::Request>::Params,
) -> Result<<R as lsp_types::request::Request>::Result, String>;

impl Server {
    pub fn new(
        conn: Connection,
        encoding: Encoding,
        langs: (Option<Lang>, Lang),
        disk: super::Disk,
        watch: bool,
    ) -> Server {
        let mut state = State::new(encoding, langs, disk);
        // to be asked for, the editor being able to register it at run time
        state.workspace.watched = watch;
        Server { conn, state }
    }

    pub fn run(mut self) -> Result<(), Box<dyn Error + Send + Sync>> {
        if self.state.workspace.watched {
            self.conn
                .sender
                .send(super::watch::register(WATCH).into())?;
        }
        while let Ok(msg) = self.conn.receiver.recv() {
            match msg {
                Message::Request(req) => {
                    if self.conn.handle_shutdown(&req)? {
                        return Ok(());
                    }
                    let response = self.dispatch(req);
                    self.conn.sender.send(response.into())?;
                }
                Message::Notification(n) => {
                    let method = n.method.clone();
                    if let Err(e) = self.notification(n) {
                        self.log(&format!("{method}: {e}"));
                    }
                }
                Message::Response(r) => {
                    // The editor cannot watch: files changed on disk are read when
                    // something that holds them is checked again, as without it.
                    if let (Err(e), true) = (r.response_result, r.id == WATCH.to_string().into()) {
                        self.state.workspace.watched = false;
                        self.log(&format!("watching the project files: {}", e.message));
                    }
                }
            }
        }
        Ok(())
    }

    fn dispatch(&self, req: Request) -> Response {
        match req.method.as_str() {
            HoverRequest::METHOD => self.answer::<HoverRequest>(req, handlers::hover),
            GotoDefinition::METHOD => self.answer::<GotoDefinition>(req, handlers::definition),
            References::METHOD => self.answer::<References>(req, handlers::references),
            Completion::METHOD => self.answer::<Completion>(req, handlers::completion),
            DocumentSymbolRequest::METHOD => {
                self.answer::<DocumentSymbolRequest>(req, handlers::symbols)
            }
            PrepareRenameRequest::METHOD => {
                self.answer::<PrepareRenameRequest>(req, handlers::prepare_rename)
            }
            Rename::METHOD => self.answer::<Rename>(req, handlers::rename),
            Formatting::METHOD => self.answer::<Formatting>(req, handlers::formatting),
            CodeActionRequest::METHOD => {
                self.answer::<CodeActionRequest>(req, handlers::code_action)
            }
            _ => Response::new_err(
                req.id,
                ErrorCode::MethodNotFound as i32,
                format!("`{}` is not supported", req.method),
            ),
        }
    }

    /// Runs a handler; a panic becomes an empty result and a log message, so that a
    /// bug on some half-typed input never takes the editor's server down.
    fn answer<R: lsp_types::request::Request>(
        &self,
        req: Request,
        handler: Handler<R>,
    ) -> Response {
        let params = match serde_json::from_value::<R::Params>(req.params) {
            Ok(p) => p,
            Err(e) => {
                return Response::new_err(req.id, ErrorCode::InvalidParams as i32, e.to_string())
            }
        };
        match catch_unwind(AssertUnwindSafe(|| handler(&self.state, params))) {
            Ok(Ok(result)) => Response::new_ok(req.id, result),
            Ok(Err(message)) => Response::new_err(req.id, ErrorCode::RequestFailed as i32, message),
            Err(panic) => {
                self.log(&format!("{} failed: {}", R::METHOD, panic_text(&panic)));
                Response::new_ok(req.id, serde_json::Value::Null)
            }
        }
    }

    fn notification(&mut self, n: Notification) -> Result<(), Box<dyn Error + Send + Sync>> {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let p: lsp_types::DidOpenTextDocumentParams = serde_json::from_value(n.params)?;
                let doc = p.text_document;
                self.set(doc.uri, doc.text, Some(doc.version))
            }
            DidChangeTextDocument::METHOD => {
                let p: lsp_types::DidChangeTextDocumentParams = serde_json::from_value(n.params)?;
                // Full sync: the last change holds the whole text.
                match p.content_changes.into_iter().last() {
                    Some(change) => self.set(
                        p.text_document.uri,
                        change.text,
                        Some(p.text_document.version),
                    ),
                    None => Ok(()),
                }
            }
            DidCloseTextDocument::METHOD => {
                let p: lsp_types::DidCloseTextDocumentParams = serde_json::from_value(n.params)?;
                let uri = p.text_document.uri;
                let workspace = &mut self.state.workspace;
                let closed = catch_unwind(AssertUnwindSafe(|| workspace.close(&uri)));
                self.publish(closed, Some(&uri))
            }
            DidChangeWatchedFiles::METHOD => {
                let p: lsp_types::DidChangeWatchedFilesParams = serde_json::from_value(n.params)?;
                let workspace = &mut self.state.workspace;
                let changed = catch_unwind(AssertUnwindSafe(|| workspace.on_disk(p.changes)));
                self.publish(changed, None)
            }
            _ => Ok(()),
        }
    }

    /// Checks a document's new text (with its closure, and every closure that holds
    /// it), publishes the diagnostics of every file that may have changed, then
    /// indexes the same parses for the requests that follow.
    fn set(
        &mut self,
        uri: Uri,
        text: String,
        version: Option<i32>,
    ) -> Result<(), Box<dyn Error + Send + Sync>> {
        let workspace = &mut self.state.workspace;
        let changed = catch_unwind(AssertUnwindSafe(|| {
            workspace.set(uri.clone(), text, version)
        }));
        self.publish(changed, Some(&uri))
    }

    /// Publishes the diagnostics of the files a change touched (`uri`'s and deleted
    /// files' always, the others' only when they differ from what was published
    /// last), then builds the indexes of the open documents that were checked again.
    fn publish(
        &mut self,
        changed: std::thread::Result<Changed>,
        uri: Option<&Uri>,
    ) -> Result<(), Box<dyn Error + Send + Sync>> {
        let changed = match changed {
            Ok(changed) => changed,
            Err(panic) => {
                let what = uri.map_or("files changed on disk", |u| u.as_str());
                self.log(&format!("checking {what} failed: {}", panic_text(&panic)));
                return Ok(());
            }
        };
        let mut configs: Vec<PathBuf> = changed.configs.into_iter().collect();
        configs.sort();
        for config in configs {
            self.publish_config(&config)?;
        }
        let state = &mut self.state;
        let encoding = state.encoding;
        let first = uri
            .and_then(|u| state.workspace.path(u))
            .map(Path::to_path_buf);
        let mut files: Vec<PathBuf> = changed.files.into_iter().collect();
        files.sort_by_key(|f| (Some(f) != first.as_ref(), f.clone()));
        for path in files {
            let Some(file_uri) = state.workspace.uri_of(&path) else {
                continue;
            };
            let lang = state.lang(Some(&path));
            let workspace = &mut state.workspace;
            let found = workspace.diagnostics(&path);
            let empty = found.is_empty();
            let list = handlers::Listed::new(&file_uri, &found, encoding, lang);
            let text = published(&file_uri, &list, workspace.version(&path))?;
            let always = Some(&file_uri) == uri || changed.deleted.contains(&path);
            if workspace.publishes(&file_uri, &text, empty) || always {
                let method = PublishDiagnostics::METHOD;
                self.conn
                    .sender
                    .send(transport::text_notification(method, text))?;
            }
        }
        for (path, pending) in changed.pending {
            let workspace = &mut self.state.workspace;
            if let Err(panic) = catch_unwind(AssertUnwindSafe(|| workspace.index(&path, pending))) {
                self.log(&format!(
                    "indexing {} failed: {}",
                    path.display(),
                    panic_text(&panic)
                ));
            }
        }
        Ok(())
    }

    /// Publishes what is wrong with a project's `journey.toml` at the file itself
    /// (an empty list once it parses again, or is deleted), in the language chosen
    /// without it.
    fn publish_config(&mut self, config: &Path) -> Result<(), Box<dyn Error + Send + Sync>> {
        let Some(uri) = super::uri::from_path(config) else {
            return Ok(());
        };
        let (encoding, lang) = (self.state.encoding, self.state.lang(None));
        let workspace = &mut self.state.workspace;
        let found: Vec<lsp_types::Diagnostic> = (workspace.config_error(config).iter())
            .map(|(text, error)| handlers::config_error(text, error, encoding, lang))
            .collect();
        let text = published(&uri, &found, None)?;
        if workspace.publishes(&uri, &text, found.is_empty()) {
            let method = PublishDiagnostics::METHOD;
            self.conn
                .sender
                .send(transport::text_notification(method, text))?;
        }
        Ok(())
    }

    fn log(&self, message: &str) {
        let params = LogMessageParams {
            typ: MessageType::ERROR,
            message: message.to_string(),
        };
        let n = Notification::new(LogMessage::METHOD.to_string(), params);
        let _ = self.conn.sender.send(n.into());
    }
}

/// `lsp_types::PublishDiagnosticsParams` with any list of diagnostics that serializes.
#[derive(Serialize)]
struct Published<'a, D> {
    uri: &'a Uri,
    diagnostics: D,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<i32>,
}

/// The params of a `publishDiagnostics` notification, serialized here rather than
/// as a `serde_json::Value` tree (see [`transport::text_notification`]).
fn published(
    uri: &Uri,
    diagnostics: &impl Serialize,
    version: Option<i32>,
) -> serde_json::Result<String> {
    serde_json::to_string(&Published {
        uri,
        diagnostics,
        version,
    })
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> &str {
    panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("a panic")
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_server::RequestId;

    #[test]
    fn a_panicking_handler_answers_null_and_logs() {
        let (server_side, client_side) = Connection::memory();
        let disk = crate::lsp::Disk {
            read: |_| Err(crate::i18n::Message::new("cli-not-utf8")),
            list: |_| Vec::new(),
        };
        let server = Server::new(server_side, Encoding::Utf16, (None, Lang::En), disk, false);
        let params = serde_json::json!({
            "textDocument": { "uri": "file:///a.journey" },
            "position": { "line": 0, "character": 0 }
        });
        let req = Request::new(RequestId::from(1), HoverRequest::METHOD.to_string(), params);
        let response = server.answer::<HoverRequest>(req, |_, _| panic!("boom"));
        assert_eq!(response.response_result.unwrap(), serde_json::Value::Null);
        match client_side.receiver.try_recv() {
            Ok(Message::Notification(n)) => {
                assert_eq!(n.method, LogMessage::METHOD);
                assert!(n.params["message"].as_str().unwrap().contains("boom"));
            }
            other => panic!("expected a log message, got {other:?}"),
        }
    }
}

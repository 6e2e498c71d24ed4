//! Asking the editor to watch the project files on disk, as rust-analyzer and
//! taplo do: a client that can register `workspace/didChangeWatchedFiles` at run
//! time is asked to, once initialized; it then reports every `.journey` file and
//! `journey.toml` made, changed or deleted under its workspace, by whatever
//! program. A client that cannot is not asked (the LSP forbids it).

use lsp_server::{Request, RequestId};
use lsp_types::notification::{DidChangeWatchedFiles, Notification as _};
use lsp_types::request::{RegisterCapability, Request as _};
use lsp_types::{
    ClientCapabilities, DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern,
    Registration, RegistrationParams,
};

/// The files the server follows.
const GLOBS: &[&str] = &["**/*.journey", "**/journey.toml"];

/// Whether the client takes a watcher registered at run time.
pub fn supported(capabilities: &ClientCapabilities) -> bool {
    (capabilities.workspace.as_ref())
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false)
}

/// The `client/registerCapability` request for the watcher, with id `id`.
pub fn register(id: &str) -> Request {
    let watchers = GLOBS
        .iter()
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob.to_string()),
            kind: None, // made, changed and deleted
        })
        .collect();
    let options = DidChangeWatchedFilesRegistrationOptions { watchers };
    let params = RegistrationParams {
        registrations: vec![Registration {
            id: id.to_string(),
            method: DidChangeWatchedFiles::METHOD.to_string(),
            register_options: serde_json::to_value(options).ok(),
        }],
    };
    Request::new(
        RequestId::from(id.to_string()),
        RegisterCapability::METHOD.to_string(),
        params,
    )
}

//! The language server (`journey lsp`): LSP over stdio with rust-analyzer's
//! `lsp-server`, one synchronous loop. This layer only translates: the features
//! live in [`crate::ide`], the diagnostics in [`crate::check`].

mod convert;
mod handlers;
mod policy;
mod server;
mod state;
mod transport;
mod uri;
mod watch;
mod workspace;

use crate::i18n::Lang;
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    HoverProviderCapability, InitializeParams, InitializeResult, OneOf, RenameOptions,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
};
use std::error::Error;
use std::path::{Path, PathBuf};

/// How the server reads the disk — the command line's reader (its size limit and
/// messages) and its listing of a directory's `.journey` files, given by the caller
/// so that this layer stays below the command line.
#[derive(Clone, Copy)]
pub struct Disk {
    pub read: fn(&Path) -> Result<String, crate::i18n::Message>,
    /// Every `.journey` file under a directory, in sorted order.
    pub list: fn(&Path) -> Vec<PathBuf>,
}

/// Characters after which editors ask for completion without a keystroke more:
/// `send ⎵`, `->`, `count(`, `in [`, `a, `, `purchase.`.
const TRIGGERS: &[&str] = &[" ", ">", "(", "[", ",", "."];

/// Serves one client on stdin/stdout until it sends `exit`. Messages are in `lang`
/// when it was chosen explicitly (`--lang`, `JOURNEY_LANG`), else in the editor's
/// choice (`initializationOptions.lang`, else the `locale` of `initialize`), else
/// in the project's (`[project] lang` of its `journey.toml`), else in `fallback`
/// (from the locale of the environment).
pub fn run(
    lang: Option<Lang>,
    fallback: Lang,
    disk: Disk,
) -> Result<(), Box<dyn Error + Send + Sync>> {
    let (connection, io_threads) = transport::stdio();
    match serve(connection, lang, fallback, disk) {
        Ok(()) => Ok(io_threads.join()?),
        // A malformed message ends the input: say what was wrong with it, not only
        // that the input ended.
        Err(e) => {
            let error = io_threads.read_error().map_or(e, Into::into);
            io_threads.finish_writing();
            Err(error)
        }
    }
}

fn serve(
    connection: lsp_server::Connection,
    lang: Option<Lang>,
    fallback: Lang,
    disk: Disk,
) -> Result<(), Box<dyn Error + Send + Sync>> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let encoding = convert::Encoding::negotiate(&params.capabilities);
    let asked = (params.initialization_options.as_ref())
        .and_then(|o| o.get("lang")?.as_str()?.parse().ok());
    let chosen = lang
        .or(asked)
        .or(params.locale.as_deref().map(Lang::from_locale));
    let watch = watch::supported(&params.capabilities);
    let result = InitializeResult {
        capabilities: capabilities(encoding),
        server_info: Some(ServerInfo {
            name: "journey".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
    };
    connection.initialize_finish(id, serde_json::to_value(result)?)?;
    server::Server::new(connection, encoding, (chosen, fallback), disk, watch).run()
}

fn capabilities(encoding: convert::Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::new(handlers::FIX_ALL),
            ]),
            ..Default::default()
        })),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(TRIGGERS.iter().map(|t| t.to_string()).collect()),
            ..Default::default()
        }),
        ..Default::default()
    }
}

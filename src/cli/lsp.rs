//! `journey lsp`: runs the language server on stdin/stdout for an editor.

use super::{exit, fail};

#[derive(clap::Args)]
pub struct Args {
    /// Accepted for editors that pass it; stdio is the only transport.
    #[arg(long)]
    stdio: bool,
}

pub fn run(args: Args) -> u8 {
    let _ = args.stdio;
    match crate::lsp::run() {
        Ok(()) => exit::OK,
        Err(e) => fail(format!("language server: {e}")),
    }
}

//! `journey lsp`: runs the language server on stdin/stdout for an editor.

use super::{exit, fail};
use crate::i18n::{msg, Lang};

#[derive(clap::Args)]
pub struct Args {
    /// Accepted for editors that pass it; stdio is the only transport.
    #[arg(long)]
    stdio: bool,
}

pub fn run(args: Args, explicit: Option<Lang>, fallback: Lang) -> u8 {
    let _ = args.stdio;
    match crate::lsp::run(explicit, fallback, super::files::disk()) {
        Ok(()) => exit::OK,
        Err(e) => fail(msg!("lsp-failed", reason = e.to_string()), fallback),
    }
}

//! End-to-end tests of `journey lsp`: the real binary, spoken to over stdio.

mod client;
mod framing;
mod prefixes;
mod projects;
mod session;
mod variants;
mod watched;

//! `journey`: a toolchain for the `.journey` campaign language.
//!
//! Data flows one way through the stages:
//! text → `syntax` (AST with spans) → `check` (resolved, typed [`Model`])
//! → plan / simulation → report. Diagnostics from every stage are values
//! ([`Diagnostic`]) rendered by one reporter per output format.
//!
//! The public surface is the facade in `api` (re-exported here): [`parse`],
//! [`check`], [`compile`], [`simulate`], [`format`], the renderers and
//! [`serve_language_server`]. Every other module is private to the crate.

mod api;
pub(crate) mod check;
#[cfg(test)]
mod checked_in;
pub(crate) mod cli;
pub(crate) mod diag;
pub(crate) mod diff;
pub(crate) mod fmt;
pub(crate) mod i18n;
pub(crate) mod ide;
pub(crate) mod limits;
pub(crate) mod lsp;
pub(crate) mod par;
pub(crate) mod plan;
pub(crate) mod project;
pub(crate) mod report;
pub(crate) mod sim;
pub(crate) mod source;
pub(crate) mod suggest;
pub(crate) mod syntax;
pub(crate) mod units;

pub use api::*;

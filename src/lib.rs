//! `journey`: a toolchain for the `.journey` campaign language.
//!
//! Data flows one way through the stages:
//! text → [`syntax`] (AST with spans) → [`check`] (resolved, typed [`check::Model`])
//! → plan / simulation → report. Diagnostics from every stage are values
//! ([`diag::Diagnostic`]) rendered by one reporter per output format.

pub mod check;
pub mod cli;
pub mod diag;
pub mod fmt;
pub mod ide;
pub mod limits;
pub mod lsp;
pub mod plan;
pub mod report;
pub mod sim;
pub mod source;
pub mod suggest;
pub mod syntax;
pub mod units;

pub use source::{SourceFile, Span};

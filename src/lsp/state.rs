//! What request handlers see: the open documents and the negotiated encoding. Its
//! own module so that the dependencies go one way: the server loop uses the handlers
//! and the state, the handlers use only the state.

use super::convert::Encoding;
use crate::diag::Diagnostic;
use crate::i18n::Lang;
use crate::ide;
use lsp_types::Uri;
use std::collections::HashMap;

pub struct State {
    pub encoding: Encoding,
    /// The language of diagnostics and other messages.
    pub lang: Lang,
    pub(super) docs: HashMap<Uri, ide::Document>,
    /// Each document's diagnostics that carry fixes, for code actions.
    pub(super) fixable: HashMap<Uri, Vec<Diagnostic>>,
}

impl State {
    pub fn new(encoding: Encoding, lang: Lang) -> State {
        State {
            encoding,
            lang,
            docs: HashMap::new(),
            fixable: HashMap::new(),
        }
    }

    pub fn doc(&self, uri: &Uri) -> Option<&ide::Document> {
        self.docs.get(uri)
    }

    pub fn fixable(&self, uri: &Uri) -> Option<&[Diagnostic]> {
        self.fixable.get(uri).map(Vec::as_slice)
    }
}

//! What request handlers see: the open documents and the negotiated encoding. Its
//! own module so that the dependencies go one way: the server loop uses the handlers
//! and the state, the handlers use only the state.

use super::convert::Encoding;
use crate::i18n::Lang;
use crate::ide;
use lsp_types::Uri;
use std::collections::HashMap;

pub struct State {
    pub encoding: Encoding,
    /// The language of diagnostics and other messages.
    pub lang: Lang,
    pub(super) docs: HashMap<Uri, ide::Document>,
}

impl State {
    pub fn new(encoding: Encoding, lang: Lang) -> State {
        State {
            encoding,
            lang,
            docs: HashMap::new(),
        }
    }

    pub fn doc(&self, uri: &Uri) -> Option<&ide::Document> {
        self.docs.get(uri)
    }
}

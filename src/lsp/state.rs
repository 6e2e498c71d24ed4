//! What request handlers see: the open documents and the negotiated encoding. Its
//! own module so that the dependencies go one way: the server loop uses the handlers
//! and the state, the handlers use only the state.

use super::convert::Encoding;
use crate::ide;
use lsp_types::Uri;
use std::collections::HashMap;

pub struct State {
    pub encoding: Encoding,
    pub(super) docs: HashMap<Uri, ide::Document>,
}

impl State {
    pub fn new(encoding: Encoding) -> State {
        State {
            encoding,
            docs: HashMap::new(),
        }
    }

    pub fn doc(&self, uri: &Uri) -> Option<&ide::Document> {
        self.docs.get(uri)
    }
}

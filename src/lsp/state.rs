//! What request handlers see: the open documents (with their projects) and the
//! negotiated encoding. Its own module so that the dependencies go one way: the
//! server loop uses the handlers and the state, the handlers use only the state.

use super::convert::Encoding;
use super::workspace::Workspace;
use crate::i18n::Lang;

pub struct State {
    pub encoding: Encoding,
    /// The language of diagnostics and other messages.
    pub lang: Lang,
    pub workspace: Workspace,
}

impl State {
    pub fn new(encoding: Encoding, lang: Lang, disk: super::Disk) -> State {
        State {
            encoding,
            lang,
            workspace: Workspace::new(disk),
        }
    }
}

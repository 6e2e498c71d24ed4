//! What request handlers see: the open documents (with their projects) and the
//! negotiated encoding. Its own module so that the dependencies go one way: the
//! server loop uses the handlers and the state, the handlers use only the state.

use super::convert::Encoding;
use super::workspace::Workspace;
use crate::i18n::Lang;
use std::path::Path;

pub struct State {
    pub encoding: Encoding,
    /// The language of messages when it was chosen by the command line or the
    /// editor: it wins over a project's `[project] lang`.
    pub chosen: Option<Lang>,
    /// The language of messages otherwise (from the environment's locale).
    pub fallback: Lang,
    pub workspace: Workspace,
}

impl State {
    pub fn new(
        encoding: Encoding,
        (chosen, fallback): (Option<Lang>, Lang),
        disk: super::Disk,
    ) -> State {
        State {
            encoding,
            chosen,
            fallback,
            workspace: Workspace::new(disk),
        }
    }

    /// The language of the messages about `path` (a file of a project, or its
    /// `journey.toml`): the chosen one, else its project's, else the fallback.
    pub fn lang(&self, path: Option<&Path>) -> Lang {
        let project = || self.workspace.project_lang(path?);
        self.chosen.or_else(project).unwrap_or(self.fallback)
    }
}

//! A project's `journey.toml` in the editor. Its `[check]` policy is applied as
//! `journey check` applies it: an allowed warning is not shown, and a denied one is
//! shown as an error, since it fails the check. Its `[project] lang` is the
//! language of the project's messages unless the editor chose one. A
//! `journey.toml` that does not parse applies nothing, and its error is published at
//! the file itself ([`toml_diagnostic`]), as `journey check` stops on it.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::Message;
use crate::project::{self, config::Config};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The `journey.toml` of each project root read so far (a root without one has the
/// default), kept until the file changes on disk: the policy is applied on every
/// check, and a file is checked on every keystroke.
#[derive(Default)]
pub struct Configs(Mutex<HashMap<PathBuf, Result<Config, Message>>>);

impl Configs {
    /// The configuration of the project `file` is in; the default when its
    /// `journey.toml` does not parse.
    pub fn of(&self, file: &Path, disk: super::Disk) -> Config {
        self.at(&project::root_of_file(file), disk)
            .unwrap_or_default()
    }

    /// The configuration of the project `root`, or why its `journey.toml` does not
    /// parse.
    pub fn at(&self, root: &Path, disk: super::Disk) -> Result<Config, Message> {
        if let Some(found) = self.known().get(root) {
            return found.clone();
        }
        let path = root.join(project::CONFIG);
        let found = match path.is_file() {
            true => (disk.read)(&path).and_then(|text| Config::parse(&text)),
            false => Ok(Config::default()),
        };
        self.known().insert(root.to_path_buf(), found.clone());
        found
    }

    fn known(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Result<Config, Message>>> {
        // A panic while it was held (caught by the server) left nothing half-done.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Forgets what was read of the `journey.toml` in `dir` (changed, made or
    /// deleted), and of every project under it, whose root may have moved.
    pub fn forget(&self, dir: &Path) {
        self.known().retain(|root, _| !root.starts_with(dir));
    }
}

/// Where a `journey.toml` that does not parse is wrong: the TOML syntax error's
/// place, else (an unknown key or a value of the wrong kind) the file's start.
pub fn error_span(text: &str) -> std::ops::Range<usize> {
    match text.parse::<toml::Table>() {
        Err(e) => e.span().unwrap_or(0..0),
        Ok(_) => 0..0,
    }
}

pub fn apply(config: &Config, diagnostics: &mut Vec<Diagnostic>) {
    let denied = |d: &Diagnostic| config.deny_warnings || config.deny.contains(&d.code);
    diagnostics.retain(|d| d.is_error() || denied(d) || !config.allow.contains(&d.code));
    for d in diagnostics
        .iter_mut()
        .filter(|d| !d.is_error() && denied(d))
    {
        d.severity = Severity::Error;
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;

    #[test]
    fn allowed_warnings_go_and_denied_ones_become_errors() {
        let text = "event e\njourney j {\n  entry on e\n  stage s { }\n}\n";
        let found = crate::check::check_source(text).diagnostics;
        let severities = |toml: &str| {
            let mut found = found.clone();
            apply(&Config::parse(toml).unwrap(), &mut found);
            let dead_end: Vec<Severity> = (found.iter())
                .filter(|d| d.code == Code::DeadEndStage)
                .map(|d| d.severity)
                .collect();
            let others: Vec<Severity> = (found.iter())
                .filter(|d| d.code != Code::DeadEndStage)
                .map(|d| d.severity)
                .collect();
            (dead_end, others)
        };
        let (dead_end, others) = severities("");
        assert_eq!(dead_end, [Severity::Warning]);
        assert!(!others.is_empty() && others.iter().all(|s| *s == Severity::Warning));
        assert_eq!(
            severities("[check]\nallow = [\"J0404\"]"),
            (vec![], others.clone())
        );
        let denied = severities("[check]\ndeny = [\"J0404\"]");
        assert_eq!(denied, (vec![Severity::Error], others.clone()));
        let all = severities("[check]\ndeny = [\"warnings\"]");
        assert!(all.1.iter().all(|s| *s == Severity::Error));
        let both = severities("[check]\nallow = [\"J0404\"]\ndeny = [\"J0404\"]");
        assert_eq!(both.0, [Severity::Error], "deny wins");
    }
}

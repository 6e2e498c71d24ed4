//! A project's `[check]` policy (`journey.toml`) in the editor, as `journey check`
//! applies it: an allowed warning is not shown, and a denied one is shown as an
//! error, since it fails the check. A `journey.toml` that does not parse applies
//! no policy here (`journey check` says what is wrong with it).

use crate::diag::{Diagnostic, Severity};
use crate::project::config::Config;
use std::path::Path;

/// The policy of the project `file` is in.
pub fn of(file: &Path, disk: super::Disk) -> Config {
    let dir = file.parent().unwrap_or(Path::new("."));
    Config::find(dir, &|p: &Path| (disk.read)(p)).unwrap_or_default()
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

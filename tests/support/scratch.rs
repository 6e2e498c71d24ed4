//! A fresh directory for a test's files (tests/compile_cli.rs, tests/fmt_cli.rs,
//! tests/sim_cli.rs, ...).

use std::path::PathBuf;

/// `journey-LABEL-PID` under the system's temp dir, emptied of any earlier run's
/// files, holding `files` (name, text). The label is unique within a test binary;
/// the process id keeps binaries running at once apart.
pub fn scratch(label: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("journey-{label}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

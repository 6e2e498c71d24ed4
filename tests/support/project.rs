//! A project directory for the tests that run `journey` on several files
//! (tests/project_check.rs, tests/project_fix.rs).

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

/// A fresh project directory under the system's temp dir, removed when dropped.
pub struct Project(pub PathBuf);

impl Project {
    pub fn new(label: &str) -> Project {
        let dir =
            std::env::temp_dir().join(format!("journey-project-{}-{label}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Project(dir.canonicalize().unwrap())
    }

    pub fn write(&self, relative: &str, contents: &str) -> PathBuf {
        let path = self.0.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// `journey ARGS` run in `dir` under the project: (exit code, stdout, stderr). No
    /// run may panic or overflow its stack.
    pub fn run_in(&self, dir: &str, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_journey"))
            .env("JOURNEY_LANG", "en")
            .env_remove("NO_COLOR")
            .args(args)
            .current_dir(self.0.join(dir))
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            !stderr.contains("panicked") && !stderr.contains("overflow"),
            "{stderr}"
        );
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap(),
            stderr,
        )
    }

    /// `journey ARGS` run in the project's directory: (exit code, stdout).
    pub fn run(&self, args: &[&str]) -> (i32, String) {
        let (code, out, _) = self.run_in(".", args);
        (code, out)
    }

    /// `journey check ARGS --format json`: the diagnostics as (code, file, line).
    pub fn findings(&self, args: &[&str]) -> Vec<(String, String, u64)> {
        let mut all = vec!["check", "--format", "json"];
        all.extend(args);
        let (_, out) = self.run(&all);
        let json: Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{out}"));
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_string(),
                    d["file"].as_str().unwrap().to_string(),
                    d["line"].as_u64().unwrap(),
                )
            })
            .collect()
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

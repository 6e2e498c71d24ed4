//! Simulation helpers for the tests that compare simulated rates with analytic values
//! (tests/v2_fields.rs, tests/v2_goals.rs).

use std::process::Command;

/// The JSON report of `journey simulate --seed 5` on `text`, written to a temporary
/// file named after `name` (unique within the calling test binary).
pub fn simulate(text: &str, name: &str) -> serde_json::Value {
    let path = std::env::temp_dir().join(format!("journey-{name}-{}.journey", std::process::id()));
    std::fs::write(&path, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_journey"))
        .args(["simulate", path.to_str().unwrap()])
        .args(["--seed", "5", "--format", "json"])
        .output()
        .expect("journey runs");
    std::fs::remove_file(&path).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Asserts that a simulated share `got` of `users` users is within 4σ of the binomial
/// share `p`: a correct simulator fails it about once in 16,000 runs of a seed, and
/// the seeds are fixed.
pub fn near(got: f64, users: f64, p: f64) {
    let sigma = (p * (1.0 - p) / users).sqrt();
    assert!(
        (got - p).abs() < 4.0 * sigma,
        "share {got}, expected {p} ± {}",
        4.0 * sigma
    );
}

//! Statistical assertions for the simulation tests that compare simulated rates with
//! analytic values (tests/v2_fields.rs, tests/v2_goals.rs).

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

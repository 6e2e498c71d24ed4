//! The statistics of a report: intervals for a rate and for a difference of rates, the
//! two-proportion test, and the sample size that would show a difference. Textbook
//! formulas, each cited where it is defined.

use super::Interval;

/// z for a two-sided 95% interval.
const Z95: f64 = 1.959_963_984_540_054;
/// z for 80% power (one-sided 0.8 quantile of the standard normal).
const Z80: f64 = 0.841_621_233_572_914_3;

/// Rounds to 6 decimals, so reports stay readable and byte-stable.
pub fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

pub fn rate(k: u64, n: u64) -> Option<f64> {
    (n > 0).then(|| k as f64 / n as f64)
}

/// The Wilson score interval at 95% for `k` of `n`, unrounded.
fn wilson_raw(k: u64, n: u64) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let (n, p) = (n as f64, k as f64 / n as f64);
    let z2 = Z95 * Z95;
    let denom = 1.0 + z2 / n;
    let center = (p + z2 / (2.0 * n)) / denom;
    let half = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    Some(((center - half).max(0.0), (center + half).min(1.0)))
}

/// The Wilson score interval at 95% for `k` of `n`.
pub fn wilson(k: u64, n: u64) -> Option<Interval> {
    wilson_raw(k, n).map(|(lo, hi)| [round6(lo), round6(hi)])
}

/// The 95% interval of `k1/n1 − k0/n0`: Newcombe's hybrid score interval (method 10 of
/// Newcombe 1998), built from the two Wilson intervals; it stays inside [−1, 1] and
/// behaves at rates near 0 and 1, where the Wald interval does not.
pub fn difference_interval(k1: u64, n1: u64, k0: u64, n0: u64) -> Option<Interval> {
    let (l1, u1) = wilson_raw(k1, n1)?;
    let (l0, u0) = wilson_raw(k0, n0)?;
    let (p1, p0) = (k1 as f64 / n1 as f64, k0 as f64 / n0 as f64);
    let d = p1 - p0;
    let lo = d - ((p1 - l1).powi(2) + (u0 - p0).powi(2)).sqrt();
    let hi = d + ((u1 - p1).powi(2) + (p0 - l0).powi(2)).sqrt();
    Some([round6(lo), round6(hi)])
}

/// The two-sided p-value of the pooled two-proportion z-test of `k1/n1` against `k0/n0`
/// (`None` when either group is empty; 1 when neither or every user converted).
pub fn two_proportion_p(k1: u64, n1: u64, k0: u64, n0: u64) -> Option<f64> {
    if n1 == 0 || n0 == 0 {
        return None;
    }
    let (n1f, n0f) = (n1 as f64, n0 as f64);
    let pooled = (k1 + k0) as f64 / (n1f + n0f);
    let se = (pooled * (1.0 - pooled) * (1.0 / n1f + 1.0 / n0f)).sqrt();
    if se == 0.0 {
        return Some(1.0);
    }
    let z = (k1 as f64 / n1f - k0 as f64 / n0f) / se;
    Some(round6(erfc(z.abs() / std::f64::consts::SQRT_2).min(1.0)))
}

/// Users per group a two-sided test at 5% needs to detect rates `p0` against `p1` with
/// 80% power (the normal-approximation formula of Fleiss, *Statistical Methods for Rates
/// and Proportions*, eq. 4.14, without continuity correction); `None` when the rates are
/// equal.
pub fn users_needed(p0: f64, p1: f64) -> Option<u64> {
    let delta = (p1 - p0).abs();
    if delta == 0.0 || !delta.is_finite() {
        return None;
    }
    let mean = (p0 + p1) / 2.0;
    let a = Z95 * (2.0 * mean * (1.0 - mean)).sqrt();
    let b = Z80 * (p0 * (1.0 - p0) + p1 * (1.0 - p1)).sqrt();
    Some(((a + b) / delta).powi(2).ceil() as u64)
}

/// The complementary error function, with a fractional error below 1.2e-7 everywhere
/// (`erfcc` of Numerical Recipes in C, 2nd ed., §6.2).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_known_values() {
        // 50 of 100: 0.4038 .. 0.5962
        let [lo, hi] = wilson(50, 100).unwrap();
        assert!((lo - 0.403_831).abs() < 1e-5 && (hi - 0.596_169).abs() < 1e-5);
        let [lo, hi] = wilson(0, 10).unwrap();
        assert_eq!(lo, 0.0);
        assert!((hi - 0.277_533).abs() < 1e-5);
        assert_eq!(wilson(0, 0), None);
    }

    #[test]
    fn erfc_matches_tabulated_values() {
        for (x, want) in [
            (0.0, 1.0),
            (0.5, 0.479_500_122),
            (1.0, 0.157_299_207),
            (1.959_964 / std::f64::consts::SQRT_2, 0.05),
            (3.0, 2.209_049_7e-5),
            (-1.0, 1.842_700_793),
        ] {
            assert!(
                ((erfc(x) - want) / want).abs() < 2e-7,
                "erfc({x}) = {}",
                erfc(x)
            );
        }
    }

    #[test]
    fn newcombe_interval_matches_the_paper() {
        // Newcombe (1998), Table II, example (a): 56/70 against 48/80, method 10:
        // difference 0.2000, interval 0.0524 .. 0.3339.
        let [lo, hi] = difference_interval(56, 70, 48, 80).unwrap();
        assert!(
            (lo - 0.0524).abs() < 1e-4 && (hi - 0.3339).abs() < 1e-4,
            "{lo} {hi}"
        );
        // (h): 0/10 against 0/20 → −0.1611 .. 0.2775.
        let [lo, hi] = difference_interval(0, 10, 0, 20).unwrap();
        assert!(
            (lo + 0.1611).abs() < 1e-4 && (hi - 0.2775).abs() < 1e-4,
            "{lo} {hi}"
        );
    }

    #[test]
    fn two_proportion_test_matches_a_hand_computation() {
        // 60/100 against 45/100: pooled 0.525, se 0.070623, z 2.1240, p 0.03367.
        let p = two_proportion_p(60, 100, 45, 100).unwrap();
        assert!((p - 0.033_67).abs() < 1e-4, "{p}");
        assert_eq!(two_proportion_p(5, 10, 5, 10), Some(1.0));
        assert_eq!(two_proportion_p(0, 10, 0, 20), Some(1.0));
        assert_eq!(two_proportion_p(1, 0, 1, 10), None);
    }

    #[test]
    fn sample_size_matches_the_textbook() {
        // Fleiss eq. 4.14 (no continuity correction), p0 = 0.10, p1 = 0.15, α = 0.05
        // two-sided, power 0.80: 686 per group.
        assert_eq!(users_needed(0.10, 0.15), Some(686));
        assert_eq!(users_needed(0.15, 0.10), Some(686));
        assert_eq!(users_needed(0.3, 0.3), None);
    }
}

//! Statistical tests of the simulator against analytic values, each within 5 standard
//! errors.

use super::{assert_proportion, simulate, DECLS};

const USERS: u64 = 20_000;

fn source(journey: &str, population: &str) -> String {
    format!(
        "{DECLS}
journey j {{
  timezone \"Asia/Shanghai\"
  entry on signup
{journey}
}}
population p {{
  size {USERS}
  start 2026-03-02 09:00
  days 20
  arrivals signup over 1m
{population}
}}"
    )
}

#[test]
fn constant_hazard_reaches_one_minus_exp() {
    // rate 10% per day, goal within 5 days: 1 - e^(-0.5)
    let src = source(
        "  goal b: buy within 5d\n  stage a { on enter: send wecom \"x\" }",
        "  behavior buy { rate 10% per day }",
    );
    let r = simulate(&src, USERS, 1, 2);
    let g = &r.journeys[0].goals[0].treatment;
    assert_eq!(g.users, USERS);
    assert_proportion("hazard", g.rate.unwrap(), 1.0 - (-0.5f64).exp(), USERS);
}

#[test]
fn per_send_chance_with_holdout() {
    // 30% chance of a click within a day of the one send; holdout users get no send
    let src = source(
        "  goal c: click within 3d\n  holdout 50%\n  stage a { on enter: send wecom \"x\" }",
        "  behavior click { after send wecom within 1d: 30% }",
    );
    let r = simulate(&src, USERS, 2, 2);
    let (t, h) = (
        &r.journeys[0].goals[0].treatment,
        &r.journeys[0].goals[0].holdout,
    );
    assert_eq!(t.users + h.users, USERS);
    assert_proportion("holdout share", h.users as f64 / USERS as f64, 0.5, USERS);
    assert_proportion("treatment", t.rate.unwrap(), 0.3, t.users);
    assert_eq!(h.reached, 0);
    assert_eq!(r.touchpoints[0].sent, t.users);
    assert_eq!(r.touchpoints[0].suppressed, h.users);
    let lift = r.journeys[0].goals[0].lift.unwrap();
    assert!((lift - t.rate.unwrap()).abs() < 1e-6);
    assert_eq!(r.journeys[0].goals[0].lift_relative, None); // the holdout rate is 0
}

#[test]
fn multiplier_on_half_the_population() {
    // vip (50%) buy at 5%/day × 4, others at 5%/day, goal within 10 days
    let src = source(
        "  goal b: buy within 10d\n  stage a { on enter: send wecom \"x\" }",
        "  tag vip: 50%\n  behavior buy {\n    rate 5% per day\n    if vip: x4\n  }",
    );
    let r = simulate(&src, USERS, 3, 2);
    let expected = 0.5 * (1.0 - (-0.5f64).exp()) + 0.5 * (1.0 - (-2.0f64).exp());
    assert_proportion(
        "mixture",
        r.journeys[0].goals[0].treatment.rate.unwrap(),
        expected,
        USERS,
    );
}

#[test]
fn multiplier_after_a_send() {
    // base 10%/day, ×5 for one day after the single send at entry; goal within 2 days:
    // P = 1 - exp(-(0.5 + 0.1))
    let src = source(
        "  goal b: buy within 2d\n  stage a { on enter: send wecom \"x\" }",
        "  behavior buy {\n    rate 10% per day\n    after send wecom within 1d: x5\n  }",
    );
    let r = simulate(&src, USERS, 4, 2);
    let expected = 1.0 - (-0.6f64).exp();
    assert_proportion(
        "after send",
        r.journeys[0].goals[0].treatment.rate.unwrap(),
        expected,
        USERS,
    );
}

#[test]
fn multiplier_after_calendar_sends() {
    // base 1%/day, ×10 within 6 h of the daily 10:00 send, whose windows are all the
    // candidates' bound is raised for (`sim::bounds`); entry before 10:00, goal within
    // 5 days: five windows, Λ = 0.01 × 5 + 0.01 × 9 × 5 × 6/24
    let src = source(
        "  goal b: buy within 5d\n  stage a { every daily at 10:00: send wecom \"x\" }",
        "  behavior buy {\n    rate 1% per day\n    after send wecom within 6h: x10\n  }",
    );
    let r = simulate(&src, USERS, 8, 2);
    let expected = 1.0 - (-(0.05 + 0.1125f64)).exp();
    assert_proportion(
        "after calendar sends",
        r.journeys[0].goals[0].treatment.rate.unwrap(),
        expected,
        USERS,
    );
}

#[test]
fn split_proportions() {
    let src = source(
        "  stage a {\n    on enter: split {\n      20% A: send wecom \"a\"\n      30% B: send wecom \"b\"\n      50% C: send wecom \"c\"\n    }\n  }",
        "",
    );
    let r = simulate(&src, USERS, 5, 2);
    let arms = &r.journeys[0].splits[0].arms;
    for (arm, p) in arms.iter().zip([0.2, 0.3, 0.5]) {
        assert_proportion(&arm.name, arm.users as f64 / USERS as f64, p, USERS);
    }
    assert_eq!(arms.iter().map(|a| a.users).sum::<u64>(), USERS);
}

#[test]
fn split_arms_are_judged_from_assignment() {
    // buy at 2% a day, ×10 for 5 days after a wecom send; a split at T+21 sends wecom
    // to arm A only. From assignment, within the goal's 5 days: A 1 − e^(−0.2 × 5),
    // B 1 − e^(−0.02 × 5); counted from the journey entry both would be 1 − e^(−0.1).
    let src = format!(
        "{DECLS}
journey j {{
  timezone \"Asia/Shanghai\"
  entry on signup
  goal b: buy within 5d
  stage a {{
    after 21d: split {{
      50% A: send wecom \"coupon\"
      50% B: tag vip = true
    }}
  }}
}}
population p {{
  size {USERS}
  start 2026-03-02 09:00
  days 30
  arrivals signup over 1h
  behavior buy {{
    rate 2% per day
    after send wecom within 5d: x10
  }}
}}"
    );
    let r = simulate(&src, USERS, 6, 2);
    let split = &r.journeys[0].splits[0];
    for (arm, lambda) in split.arms.iter().zip([0.2, 0.02]) {
        let rate = arm.goal_rates.0[0].1.unwrap();
        assert_proportion(&arm.name, rate, 1.0 - (-lambda * 5.0f64).exp(), arm.users);
    }
    let journey_rate = r.journeys[0].goals[0].treatment.rate.unwrap();
    assert_proportion("journey", journey_rate, 1.0 - (-0.1f64).exp(), USERS);
    let c = &split.comparisons[0];
    assert_eq!((c.arm.as_str(), c.baseline.as_str()), ("B", "A"));
    assert!(c.p_value.unwrap() < 1e-6, "{c:?}");
}

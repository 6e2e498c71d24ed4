//! The report's contract (docs/report.md): every report validates against the checked-in
//! JSON Schema, the funnel follows the flow, and the statistics of real reports behave
//! as statistics must over many seeds.

use journey::{Report, SimulateOptions, SourceFile};
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A checked file, ready to simulate many times.
struct Simulation {
    file: SourceFile,
    model: journey::Model,
}

impl Simulation {
    fn of_text(name: &str, text: String) -> Simulation {
        let checked = journey::check(&text);
        let model = checked.model.unwrap_or_else(|| panic!("{name} checks"));
        Simulation {
            file: SourceFile::new(name, text),
            model,
        }
    }

    fn of_file(path: &str) -> Simulation {
        let text = std::fs::read_to_string(root().join(path)).expect("the file reads");
        Simulation::of_text(path, text)
    }

    fn run(&self, users: u64, seed: u64) -> Report {
        let options = SimulateOptions {
            users: Some(users),
            seed,
            threads: Some(1),
            ..SimulateOptions::default()
        };
        journey::simulate(&self.file, &self.model, &options).expect("the simulation runs")
    }
}

/// The checked-in schema, compiled once.
fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let text = std::fs::read_to_string(root().join("docs/report.schema.json"))
            .expect("docs/report.schema.json");
        let schema = serde_json::from_str(&text).expect("the schema is JSON");
        jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
    })
}

fn violations(json: &str) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(json).expect("report JSON");
    validator()
        .iter_errors(&value)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect()
}

#[test]
fn every_examples_report_validates_against_the_schema() {
    let mut examples: Vec<_> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "journey"))
        .collect();
    examples.sort();
    assert!(examples.len() >= 6);
    for path in examples {
        let name = format!("examples/{}", path.file_name().unwrap().to_str().unwrap());
        let report = Simulation::of_file(&name).run(3000, 1);
        assert_eq!(
            violations(&report.to_json()),
            Vec::<String>::new(),
            "{name}"
        );
    }
}

#[test]
fn the_schema_refuses_what_is_not_a_version_2_report() {
    let report = Simulation::of_file("tests/sim/identical_arms.journey").run(200, 0);
    let mut doc: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    doc["version"] = 1.into();
    doc["journeys"][0]["funnel"][0]
        .as_object_mut()
        .unwrap()
        .remove("rate_from_previous");
    doc["lang"] = "fr".into();
    let broken = violations(&doc.to_string()).join("\n");
    for path in ["/version", "/journeys/0/funnel/0", "/lang"] {
        assert!(broken.contains(&format!("{path}: ")), "{path} in {broken}");
    }
}

#[test]
fn simulate_schema_prints_the_checked_in_schema() {
    let out = Command::new(env!("CARGO_BIN_EXE_journey"))
        .args(["simulate", "--schema"])
        .output()
        .expect("journey runs");
    assert_eq!(out.status.code(), Some(0));
    let checked_in = std::fs::read_to_string(root().join("docs/report.schema.json")).unwrap();
    assert!(
        out.stdout == checked_in.as_bytes(),
        "`simulate --schema` differs from docs/report.schema.json"
    );
    let both = Command::new(env!("CARGO_BIN_EXE_journey"))
        .args(["simulate", "--schema", "examples/course.journey"])
        .current_dir(root())
        .output()
        .expect("journey runs");
    assert_eq!(both.status.code(), Some(2));
}

const FLOW: &str = "event 注册\nevent 下单\njourney 复购 {\n  timezone \"Asia/Shanghai\"\n  entry on 注册\n  stage 新客 {\n    on 下单 -> 首单\n    after 3d -> 沉睡\n  }\n  stage 复购 {\n    after 5d: exit\n  }\n  stage 沉睡 {\n    on 下单 -> 新客\n  }\n  stage 首单 {\n    on 下单 -> 复购\n    after 10d -> 沉睡\n  }\n}\npopulation p {\n  size 2000\n  start 2026-03-02 09:00\n  days 30\n  arrivals 注册 over 1d\n  behavior 下单 { rate 20% per day }\n}\n";

#[test]
fn the_funnel_follows_the_flow_and_rates_the_step_before() {
    // declared 新客, 复购, 沉睡, 首单; from 新客 users go to 首单 or 沉睡 (in the order
    // written), from 首单 on to 复购; 沉睡 → 新客 goes back
    let report = Simulation::of_text("flow.journey", FLOW.to_string()).run(2000, 3);
    let journey = &report.journeys[0];
    let order: Vec<&str> = journey.funnel.iter().map(|s| s.stage.as_str()).collect();
    assert_eq!(order, ["新客", "首单", "沉睡", "复购"]);
    let users_of = |name: &str| {
        journey
            .stages
            .iter()
            .find(|s| s.name == name)
            .unwrap()
            .users
    };
    let mut previous = journey.users;
    for step in &journey.funnel {
        assert_eq!(step.users, users_of(&step.stage));
        let share = |of: u64| (step.users as f64 / of as f64 * 1e6).round() / 1e6;
        assert_eq!(step.rate_from_entry, Some(share(journey.users)));
        assert_eq!(step.rate_from_previous, Some(share(previous)));
        previous = step.users;
    }
    assert!(journey.funnel.iter().all(|s| s.users > 0));
}

/// The largest distance between the empirical distribution of `values` and the uniform
/// one on [0, 1] (the Kolmogorov–Smirnov statistic).
fn ks_distance_from_uniform(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len() as f64;
    (values.iter().enumerate())
        .map(|(i, &x)| ((i + 1) as f64 / n - x).max(x - i as f64 / n))
        .fold(0.0, f64::max)
}

#[test]
fn the_p_value_of_two_identical_arms_is_uniform_over_seeds() {
    let simulation = Simulation::of_file("tests/sim/identical_arms.journey");
    let seeds = 200;
    let mut p_values = Vec::new();
    let mut covered = 0;
    for seed in 0..seeds {
        let report = simulation.run(1000, seed);
        let comparison = &report.journeys[0].splits[0].comparisons[0];
        p_values.push(comparison.p_value.expect("both arms have users"));
        let [low, high] = comparison.ci95.expect("both arms have users");
        covered += u32::from(low <= 0.0 && 0.0 <= high);
    }
    // The 1% critical value of the one-sample Kolmogorov–Smirnov test, large-n form.
    let critical = 1.63 / (seeds as f64).sqrt();
    let d = ks_distance_from_uniform(p_values);
    assert!(d < critical, "D = {d} ≥ {critical}");
    // The 95% interval of a zero difference holds 0 about 190 times in 200 (binomial:
    // 181..=199 holds with probability above 99%).
    assert!((181..=199).contains(&covered), "{covered} of {seeds}");
}

/// Users per arm for a two-sided test at 5% with 80% power to tell `p0` from `p1`:
/// Fleiss, *Statistical Methods for Rates and Proportions* (3rd ed.), eq. 4.14, without
/// continuity correction.
fn textbook_users_needed(p0: f64, p1: f64) -> u64 {
    let (z_alpha, z_beta) = (1.959_964, 0.841_621);
    let mean = (p0 + p1) / 2.0;
    let a = z_alpha * (2.0 * mean * (1.0 - mean)).sqrt();
    let b = z_beta * (p0 * (1.0 - p0) + p1 * (1.0 - p1)).sqrt();
    ((a + b) / (p1 - p0)).powi(2).ceil() as u64
}

#[test]
fn the_sample_size_of_a_real_comparison_is_the_textbooks() {
    // The textbook's own example figure: 10% against 15% needs 686 users per group.
    assert_eq!(textbook_users_needed(0.10, 0.15), 686);
    let report = Simulation::of_file("tests/sim/coupon_effect.journey").run(4000, 9);
    let split = &report.journeys[0].splits[0];
    let rate = |arm: usize| {
        let a = &split.arms[arm];
        let r = a.goal_rates.0[0].1.expect("the arm has users");
        // the exact rate, from the count the rounded one comes from
        (r * a.users as f64).round() / a.users as f64
    };
    let (control, coupon) = (rate(0), rate(1));
    let c = &split.comparisons[0];
    assert_eq!((c.arm.as_str(), c.baseline.as_str()), ("发券", "对照"));
    assert!(coupon > control, "{coupon} ≤ {control}");
    let needed = c.users_needed.expect("the rates differ");
    assert_eq!(needed, textbook_users_needed(control, coupon));
    // Each arm has several times the users the difference needs: the test sees it.
    assert!(split.arms.iter().all(|a| a.users > 2 * needed), "{needed}");
    assert!(c.p_value.unwrap() < 0.01, "{c:?}");
    assert!(c.ci95.unwrap()[0] > 0.0, "{c:?}");
}

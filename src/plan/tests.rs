//! Plan tests: a snapshot of every example's plan, schema validation, and the
//! round trip JSON → Rust over the examples and over generated journeys.

use super::*;
use crate::check::check_source;
use crate::source::SourceFile;
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `examples/*.journey`, sorted: (stem, path).
fn examples() -> Vec<(String, PathBuf)> {
    let mut out: Vec<_> = std::fs::read_dir(root().join("examples"))
        .expect("examples/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "journey"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    out.sort();
    assert!(out.len() >= 6, "examples/ lost its files");
    out
}

/// Compiles a clean source, named as the CLI would name it.
fn compile(name: &str, text: &str) -> Plan {
    let checked = check_source(text);
    let Some(model) = checked.model else {
        panic!("{name} has errors: {:#?}", checked.diagnostics);
    };
    lower(&model, &SourceFile::new(name, text), None).expect("no --journey")
}

/// The plan of `examples/NAME.journey`.
pub(crate) fn example_plan(name: &str) -> Plan {
    let text = std::fs::read_to_string(root().join(format!("examples/{name}.journey")))
        .expect("example exists");
    compile(&format!("examples/{name}.journey"), &text)
}

/// The checked-in schema, compiled once.
fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let text = std::fs::read_to_string(root().join("docs/plan.schema.json"))
            .expect("docs/plan.schema.json");
        let schema = serde_json::from_str(&text).expect("the schema is JSON");
        jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
    })
}

/// The schema violations of a plan's JSON, one line each.
fn violations(json: &str) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(json).expect("plan JSON");
    validator()
        .iter_errors(&value)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect()
}

/// The plan survives JSON unchanged, and its JSON is stable.
fn assert_round_trip(plan: &Plan) {
    let json = plan.to_json();
    let back: Plan = serde_json::from_str(&json).expect("a plan reads back");
    assert_eq!(&back, plan);
    assert_eq!(back.to_json(), json);
}

#[test]
fn every_example_plan_matches_its_snapshot() {
    for (stem, _) in examples() {
        insta::assert_snapshot!(stem.clone(), example_plan(&stem).to_json());
    }
}

#[test]
fn every_example_plan_validates_against_the_schema() {
    for (stem, _) in examples() {
        let errors = violations(&example_plan(&stem).to_json());
        assert!(errors.is_empty(), "{stem}:\n{}", errors.join("\n"));
    }
}

#[test]
fn every_example_plan_round_trips() {
    for (stem, _) in examples() {
        assert_round_trip(&example_plan(&stem));
    }
}

#[test]
fn the_schema_rejects_a_broken_plan() {
    let mut plan: serde_json::Value =
        serde_json::from_str(&example_plan("beauty_w2").to_json()).unwrap();
    plan["version"] = 3.into();
    plan["journeys"][0]["stages"][0]["rules"][0]["trigger"]["type"] = "sometimes".into();
    let errors = violations(&plan.to_string());
    assert!(
        errors.iter().any(|e| e.starts_with("/version")),
        "{errors:?}"
    );
    assert!(errors.iter().any(|e| e.contains("/trigger")), "{errors:?}");
}

#[test]
fn readers_ignore_fields_of_a_later_minor_version() {
    let plan = example_plan("beauty_w2");
    let mut value: serde_json::Value = serde_json::from_str(&plan.to_json()).unwrap();
    value["generator"] = "a later journey".into();
    value["journeys"][0]["stages"][0]["rules"][0]["priority"] = 3.into();
    let read: Plan = serde_json::from_value(value).expect("unknown fields are ignored");
    assert_eq!(read, plan);
}

#[test]
fn the_same_source_gives_byte_identical_plans() {
    let text = std::fs::read_to_string(root().join("examples/course.journey")).unwrap();
    let a = compile("course.journey", &text).to_json();
    let b = compile("course.journey", &text).to_json();
    assert_eq!(a, b);
}

#[test]
fn journey_selection_keeps_declarations_and_one_journey() {
    let text =
        "event e\njourney a { entry on e stage s { } }\njourney b { entry on e stage t { } }\n";
    let model = check_source(text).model.expect("clean");
    let file = SourceFile::new("two.journey", text);
    let plan = lower(&model, &file, Some("b")).unwrap();
    assert_eq!(plan.journeys.len(), 1);
    assert_eq!(plan.journeys[0].name, "b");
    assert_eq!(plan.events.len(), 1);
    let err = lower(&model, &file, Some("c")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "there is no journey named `c`; the file's journeys are: a, b"
    );
}

#[test]
fn defaults_are_written_out() {
    let text = "event e\njourney j { entry on e stage s { every sat: exit } }\n";
    let plan = compile("d.journey", text);
    let j = &plan.journeys[0];
    assert_eq!(j.timezone, "UTC");
    assert_eq!(j.reentry, Reentry::Never);
    assert_eq!(j.holdout_percent, 0.0);
    assert_eq!(j.entry_stage, "s");
    let trigger = &j.stages[0].rules[0].trigger;
    assert_eq!(
        trigger,
        &Trigger::Every {
            days: vec![Day::Sat],
            at: vec![0]
        }
    );
}

// ------------------------------------------------------------------ generated journeys

/// Declarations every generated journey can use.
const DECLARATIONS: &str = r#"
tag persona "用户画像": enum { 白领, 宝妈, 学生 }
tag age: number 0..120
tag vip: bool
tag city: text
tag interests: set { 彩妆, 护肤, 香水 }
event signup
event purchase { amount: number, sku: text }
event visit
touchpoint wecom "企业微信1v1" { channel wecom limit 2 per day limit 4 per month quiet 22:00..08:00 cost 0.3 }
touchpoint 社群 { channel group limit 3 per week }
segment 高价值 = vip or sum(purchase.amount, 90d) >= 1000
team 销售 { capacity 40 per day }
"#;

fn pick(options: &[&'static str]) -> BoxedStrategy<String> {
    prop::sample::select(options.to_vec())
        .prop_map(str::to_string)
        .boxed()
}

fn duration() -> BoxedStrategy<String> {
    pick(&["30m", "1h", "1d", "7d", "2w", "1d12h", "90d"])
}

fn clock() -> impl Strategy<Value = String> {
    (0..24u32, 0..60u32).prop_map(|(h, m)| format!("{h:02}:{m:02}"))
}

fn days() -> BoxedStrategy<String> {
    pick(&[
        "mon",
        "mon, wed, fri",
        "weekend",
        "weekday",
        "daily",
        "sat, sun",
    ])
}

/// A condition; `stages` > 0 allows `in stage S<k>`.
fn condition(stages: usize) -> BoxedStrategy<String> {
    let fixed = pick(&[
        "vip",
        "persona == 白领",
        "persona != 学生",
        "city == \"上海\"",
        "age >= 18",
        "age between 20 and 40",
        "persona in [白领, 宝妈]",
        "age in [18, 30]",
        "interests has 护肤",
        "高价值",
        "did purchase",
        "days_since(purchase) > 30",
        "sum(purchase.amount) < 500",
    ]);
    let windowed = prop_oneof![
        duration().prop_map(|d| format!("did purchase within {d}")),
        duration().prop_map(|d| format!("inactive {d}")),
        (duration(), 0..5u32).prop_map(|(d, n)| format!("count(purchase, {d}) >= {n}")),
    ];
    let atom = if stages > 0 {
        let in_stage = (0..stages).prop_map(|k| format!("in stage S{k}"));
        prop_oneof![3 => fixed, 2 => windowed, 1 => in_stage].boxed()
    } else {
        prop_oneof![fixed, windowed].boxed()
    };
    atom.prop_recursive(2, 8, 2, |inner| {
        prop_oneof![
            inner.clone().prop_map(|c| format!("not ({c})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}) and ({b})")),
            (inner.clone(), inner).prop_map(|(a, b)| format!("({a}) or ({b})")),
        ]
    })
    .boxed()
}

fn trigger(stages: usize) -> BoxedStrategy<String> {
    prop_oneof![
        pick(&["on enter", "on exit", "on purchase", "on visit"]),
        condition(stages).prop_map(|c| format!("when {c}")),
        duration().prop_map(|d| format!("after {d}")),
        (days(), prop::collection::vec(clock(), 0..3)).prop_map(|(d, clocks)| {
            match clocks.is_empty() {
                true => format!("every {d}"),
                false => format!("every {d} at {}", clocks.join(", ")),
            }
        }),
    ]
    .boxed()
}

fn timing() -> impl Strategy<Value = String> {
    let after = prop::option::of(duration().prop_map(|d| format!(" after {d}")));
    let on = prop::option::of(days().prop_map(|d| format!(" on {d}")));
    let at = prop::option::of(clock().prop_map(|c| format!(" at {c}")));
    (after, on, at).prop_map(|(a, o, t)| {
        [a, o, t]
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect()
    })
}

fn guard(stages: usize) -> impl Strategy<Value = String> {
    prop::option::of((any::<bool>(), condition(stages))).prop_map(|g| match g {
        Some((true, c)) => format!(" if {c}"),
        Some((false, c)) => format!(" unless {c}"),
        None => String::new(),
    })
}

fn action(stages: usize) -> BoxedStrategy<String> {
    let plain = pick(&[
        "send wecom \"欢迎礼\"",
        "send 社群 \"团购\"",
        "tag vip",
        "tag vip = false",
        "tag age = 30",
        "tag persona = 宝妈",
        "tag city = \"上海\"",
        "tag interests += 彩妆",
        "tag interests -= 护肤",
        "untag vip",
        "exit",
        "exit \"完成\"",
        "task 销售 \"回访\"",
    ]);
    let goto = (0..stages).prop_map(|k| format!("goto S{k}"));
    let simple = prop_oneof![4 => plain, 1 => goto].boxed();
    let split = (1..100u32, simple.clone(), simple.clone())
        .prop_map(|(p, a, b)| format!("split {{ {p}% A: {a}  {}% B: {b} }}", 100 - p));
    prop_oneof![5 => simple, 1 => split].boxed()
}

fn rule(stages: usize) -> impl Strategy<Value = String> {
    let body = prop_oneof![
        (0..stages).prop_map(|k| format!(" -> S{k}")),
        action(stages).prop_map(|a| format!(": {a}")),
        prop::collection::vec(action(stages), 0..3)
            .prop_map(|actions| format!(": {{ {} }}", actions.join("  "))),
    ];
    (trigger(stages), timing(), guard(stages), body)
        .prop_map(|(t, timing, g, body)| format!("{t}{timing}{g}{body}"))
}

fn journey_source() -> impl Strategy<Value = String> {
    (1..4usize).prop_flat_map(|stages| {
        let entry = prop_oneof![
            Just("entry on signup".to_string()),
            condition(0).prop_map(|c| format!("entry on purchase if {c}")),
            condition(0).prop_map(|c| format!("entry when {c}")),
        ];
        let reentry = prop_oneof![
            pick(&["reentry never", "reentry always", ""]),
            duration().prop_map(|d| format!("reentry after {d}")),
        ];
        let extras = prop::collection::vec(
            prop_oneof![
                pick(&[
                    "exit on visit",
                    "timezone \"Asia/Shanghai\"",
                    "limit 3 per day"
                ]),
                condition(stages).prop_map(|c| format!("exit when {c}")),
                (0..=50u32).prop_map(|p| format!("holdout {p}%")),
            ],
            0..4,
        );
        let goal = prop::option::of(duration()).prop_map(|d| match d {
            Some(d) => format!("goal 首单: purchase within {d}"),
            None => "goal 首单: purchase".to_string(),
        });
        let rules = prop::collection::vec(prop::collection::vec(rule(stages), 0..5), stages);
        (entry, reentry, extras, goal, rules).prop_map(|(entry, reentry, extras, goal, rules)| {
            let mut out =
                format!("{DECLARATIONS}\njourney J \"生成\" {{\n  {entry}\n  {reentry}\n");
            let mut seen = Vec::new();
            for line in extras {
                // Journey settings other than `exit` may appear once.
                let head = line.split_whitespace().next().unwrap_or("").to_string();
                if head == "exit" || !seen.contains(&head) {
                    out += &format!("  {line}\n");
                    seen.push(head);
                }
            }
            out += &format!("  {goal}\n");
            for (k, rules) in rules.iter().enumerate() {
                out += &format!("  stage S{k} {{\n");
                for r in rules {
                    out += &format!("    {r}\n");
                }
                out += "  }\n";
            }
            out + "}\n"
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn generated_plans_round_trip_and_validate(source in journey_source()) {
        let checked = check_source(&source);
        let errors: Vec<_> = checked.diagnostics.iter().filter(|d| d.is_error()).collect();
        prop_assert!(errors.is_empty(), "generated source has errors: {errors:#?}\n{source}");
        let model = checked.model.expect("no errors, so a model");
        let plan = lower(&model, &SourceFile::new("gen.journey", source.as_str()), None).unwrap();
        assert_round_trip(&plan);
        let errors = violations(&plan.to_json());
        prop_assert!(errors.is_empty(), "{}", errors.join("\n"));
    }
}

/// Plans written by version 1 of `journey compile` (tests/plans/v1/, made from the
/// examples before version 2) read as the version-2 plan of the same example, or of
/// the example as it was then where it has since learnt version-2 constructs (its
/// source beside the plan, `STEM.journey`, compiled under the example's name).
#[test]
fn version_one_plans_read_as_the_same_version_two_plan() {
    let dir = root().join("tests/plans/v1");
    let mut read = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/plans/v1") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".plan.json") else {
            continue;
        };
        let text = std::fs::read_to_string(&path).expect("a v1 plan");
        assert!(
            text.contains("\"version\": 1"),
            "{} is not a v1 plan",
            path.display()
        );
        let old: Plan = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} does not read: {e}", path.display()));
        let then = dir.join(format!("{stem}.journey"));
        let plan = match std::fs::read_to_string(&then) {
            Ok(text) => compile(&format!("examples/{stem}.journey"), &text),
            Err(_) => example_plan(stem),
        };
        assert_eq!(old, plan, "{stem}");
        read += 1;
    }
    assert!(read >= 5, "tests/plans/v1 lost its plans");
}

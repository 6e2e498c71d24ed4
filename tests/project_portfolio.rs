//! Portfolios that span files (language-v2 §2, §11.1–§11.3): at one moment, journeys
//! of equal priority go in import order; `enter` of a journey outside the file's import
//! closure is unknown; journeys of different time zones simulated together are an
//! error labelled in each file.

use serde_json::Value;

#[path = "support/project.rs"]
mod project;
use project::Project;

/// A journey entered on signup whose one stage does `action` on entering it.
fn journey(name: &str, zone: &str, action: &str) -> String {
    format!(
        "import \"common.journey\"\n\njourney {name} {{\n  timezone \"{zone}\"\n  \
         entry on signup\n\n  stage s {{\n    on enter: {action}\n    after 2d: exit\n  }}\n}}\n"
    )
}

fn project(label: &str) -> Project {
    let p = Project::new(label);
    p.write("journey.toml", "");
    p.write("common.journey", "event signup\ntag 来过: bool\n");
    p
}

#[test]
fn enter_needs_the_journey_in_the_files_import_closure() {
    let p = project("enter");
    p.write(
        "复购.journey",
        &journey("复购", "Asia/Shanghai", "tag 来过 = true"),
    );
    p.write(
        "新客.journey",
        &journey("新客", "Asia/Shanghai", "enter 复购"),
    );
    // 复购 is declared in the project, but not in what 新客.journey imports. (新客 does
    // not use the tag: its warning is silenced.)
    let findings = |p: &Project| p.findings(&["--allow", "J0401", "新客.journey"]);
    assert_eq!(
        findings(&p),
        [("J0110".to_string(), "新客.journey".to_string(), 8)]
    );
    // The error says which file declares it and how to import it.
    let (_, out) = p.run(&["check", "--format", "json", "新客.journey"]);
    let json: Value = serde_json::from_str(&out).unwrap();
    let d = &json["diagnostics"][0];
    assert_eq!(
        d["help"],
        "`复购` is declared in `复购.journey`, which this file does not import: add \
         `import \"复购.journey\"`"
    );
    assert_eq!(d["fixes"][0]["safety"], "suggested");
    let text = journey("新客", "Asia/Shanghai", "enter 复购");
    p.write("新客.journey", &format!("import \"复购.journey\"\n{text}"));
    assert_eq!(findings(&p), []);
}

#[test]
fn journeys_of_different_time_zones_in_one_closure_are_an_error_in_each_file() {
    let p = project("zones");
    p.write(
        "甲.journey",
        &journey("甲", "Asia/Shanghai", "tag 来过 = true"),
    );
    p.write(
        "乙.journey",
        &journey("乙", "Asia/Tokyo", "tag 来过 = true"),
    );
    p.write(
        "run.journey",
        "import \"甲.journey\"\nimport \"乙.journey\"\n\npopulation p {\n  size 10\n  \
         start 2026-03-02 00:00\n  days 3\n  arrivals signup over 1d\n}\n",
    );
    // Each journey file alone is fine; the population's closure mixes the zones.
    assert_eq!(p.findings(&["甲.journey", "乙.journey"]), []);
    let (code, out) = p.run(&["check", "--format", "json", "run.journey"]);
    assert_eq!(code, 1, "{out}");
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["errors"], 1);
    let d = &json["diagnostics"][0];
    assert_eq!(
        (&d["code"], &d["file"], &d["line"]),
        (&"J0352".into(), &"乙.journey".into(), &3.into())
    );
    assert_eq!(
        d["message"],
        "journey `乙` uses time zone Asia/Tokyo, but `甲` uses Asia/Shanghai: journeys \
         simulated together share one calendar"
    );
    assert!(
        d["help"]
            .as_str()
            .unwrap()
            .contains("(in this file and the files it imports)"),
        "{d}"
    );
    let other = &d["labels"][1];
    assert_eq!(
        (&other["file"], &other["line"], &other["message"]),
        (&"甲.journey".into(), &3.into(), &"in Asia/Shanghai".into())
    );
    // simulate refuses it too, saying why.
    let (code, _, err) = p.run_in(".", &["simulate", "run.journey"]);
    assert_eq!(code, 1);
    assert!(err.contains("J0352"), "{err}");
}

/// A journey sending `wecom` every day at 10:00, of priority `priority`.
fn daily(name: &str, priority: u32) -> String {
    format!(
        "import \"common.journey\"\n\njourney {name} {{\n  timezone \"Asia/Shanghai\"\n  \
         priority {priority}\n  entry on signup\n\n  stage s {{\n    \
         every daily at 10:00: send wecom \"{name}\"\n    after 30d: exit\n  }}\n}}\n"
    )
}

#[test]
fn at_one_moment_equal_priorities_go_in_import_order_and_a_higher_one_first() {
    let p = project("order");
    p.write(
        "common.journey",
        "event signup\ntouchpoint wecom {\n  channel wecom\n  limit 1 per day\n}\n",
    );
    p.write("a.journey", &daily("甲", 0));
    p.write("b.journey", &daily("乙", 0));
    let run = |imports: &str| {
        p.write(
            "run.journey",
            &format!(
                "{imports}\npopulation p {{\n  size 100\n  start 2026-03-02 00:00\n  days 10\n  \
                 arrivals signup over 1h\n}}\n"
            ),
        );
        let (code, out) = p.run(&["simulate", "run.journey", "--format", "json"]);
        assert_eq!(code, 0, "{out}");
        let doc: Value = serde_json::from_str(&out).unwrap();
        let wecom = &doc["touchpoints"][0];
        assert_eq!(
            (&wecom["sent"], &wecom["capped"]),
            (&1000.into(), &1000.into())
        );
        wecom["by_journey"].clone()
    };
    // 100 users × 10 mornings: the journey imported first takes the day's one send.
    let first_b = "import \"b.journey\"\nimport \"a.journey\"\n";
    assert_eq!(run(first_b), serde_json::json!({"乙": 1000, "甲": 0}));
    let first_a = "import \"a.journey\"\nimport \"b.journey\"\n";
    assert_eq!(run(first_a), serde_json::json!({"甲": 1000, "乙": 0}));
    // Priority comes before import order.
    p.write("b.journey", &daily("乙", 1));
    assert_eq!(run(first_a), serde_json::json!({"甲": 0, "乙": 1000}));
}

//! Portfolio mistakes that span files (language-v2 §11.1, §11.2): `enter` of a journey
//! outside the file's import closure, and journeys of different time zones simulated
//! together, labelled in each file.

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

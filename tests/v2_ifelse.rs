//! Language version 2, conditional actions (`if / else if / else`, spec v2 §3): through
//! the checker, the lints, the plan, the simulator, the trace and `fmt`.

use journey::{check, compile, format, simulate, trace, Code, SimulateOptions, SourceFile};

const DECLS: &str = "\
tag persona: enum { 白领, 宝妈, 学生 }
tag vip: bool
event e
touchpoint w { channel wecom }
";

const POPULATION: &str = "
population p {
  size 20_000
  start 2026-03-02 09:00
  days 3
  arrivals e over 1d
  tag persona: 白领 50%, 宝妈 30%, 学生 20%
  tag vip: 25%
}
";

/// A file of the declarations, one journey of `stages` and a stage `t`, and the
/// population.
fn file(stages: &str) -> String {
    format!(
        "{DECLS}journey j {{\n  timezone \"UTC\"\n  entry on e\n  goal g: e within 30d\n{stages}\n  stage t {{ on enter: send w \"t\" }}\n}}\n{POPULATION}"
    )
}

/// The codes `text` raises, but for J0403 (most fixtures have no way to stage `t`).
fn codes(text: &str) -> Vec<Code> {
    let unreachable = Code::parse("J0403").unwrap();
    let diags = check(text).diagnostics;
    diags
        .iter()
        .map(|d| d.code)
        .filter(|&c| c != unreachable)
        .collect()
}

/// Sends per template of a run of `text` (templates never sent are absent).
fn sent(text: &str, seed: u64) -> Vec<(String, u64)> {
    let checked = check(text);
    let model = checked.model.as_ref().unwrap_or_else(|| {
        panic!("{:#?}", checked.diagnostics);
    });
    let options = SimulateOptions {
        seed,
        ..SimulateOptions::default()
    };
    let report = simulate(&SourceFile::new("t.journey", text), model, &options).unwrap();
    let mut out: Vec<(String, u64)> = report
        .touchpoints
        .iter()
        .flat_map(|t| t.templates.iter().map(|x| (x.template.clone(), x.sent)))
        .collect();
    out.sort();
    out
}

fn count(sent: &[(String, u64)], template: &str) -> u64 {
    sent.iter().find(|(t, _)| t == template).map_or(0, |s| s.1)
}

const CHAIN: &str = "  stage s {
    on enter: {
      if persona == 白领: send w \"office\"
      else if persona == 宝妈: send w \"mom\"
      else: send w \"other\"
    }
  }";

#[test]
fn a_chain_sends_exactly_what_rules_with_exclusive_guards_send() {
    let guarded = "  stage s {
    on enter if persona == 白领: send w \"office\"
    on enter if persona == 宝妈: send w \"mom\"
    on enter unless persona in [白领, 宝妈]: send w \"other\"
  }";
    for seed in [0, 7] {
        let chain = sent(&file(CHAIN), seed);
        assert_eq!(chain, sent(&file(guarded), seed), "seed {seed}");
        // Every user gets exactly one of the three.
        let total: u64 = ["office", "mom", "other"]
            .iter()
            .map(|t| count(&chain, t))
            .sum();
        assert_eq!(total, 20_000);
    }
}

/// The branch shares follow the tag's distribution: 50/30/20 of 20,000 users, within
/// five standard deviations of the binomial.
#[test]
fn branch_shares_follow_the_tag_distribution() {
    let chain = sent(&file(CHAIN), 3);
    for (template, p) in [("office", 0.5), ("mom", 0.3), ("other", 0.2)] {
        let n: f64 = 20_000.0;
        let (mean, sd) = (n * p, (n * p * (1.0 - p)).sqrt());
        let got = count(&chain, template) as f64;
        assert!((got - mean).abs() < 5.0 * sd, "{template}: {got} vs {mean}");
    }
}

#[test]
fn branches_see_the_tags_set_before_them_and_none_may_hold() {
    let stages = "  stage s {
    on enter: {
      tag persona = 学生
      if persona == 白领: send w \"office\"
      else if persona == 学生: send w \"student\"
    }
    after 1h: {
      if persona == 白领: send w \"never\"
    }
  }";
    let s = sent(&file(stages), 0);
    assert_eq!(count(&s, "student"), 20_000);
    assert_eq!(count(&s, "office"), 0);
    assert_eq!(count(&s, "never"), 0);
}

#[test]
fn a_goto_in_a_branch_ends_the_block() {
    let stages = "  stage s {
    on enter: {
      if vip: goto t
      send w \"stayed\"
    }
  }";
    let s = sent(&file(stages), 0);
    assert_eq!(count(&s, "stayed") + count(&s, "t"), 20_000);
    assert!(count(&s, "t") > 4_000 && count(&s, "t") < 6_000, "{s:?}");
}

#[test]
fn the_trace_names_the_branch_taken_and_what_it_read() {
    let text = file(CHAIN);
    let model = check(&text).model.unwrap();
    let options = SimulateOptions {
        users: Some(20),
        ..SimulateOptions::default()
    };
    let source = SourceFile::new("t.journey", &text);
    let traces: Vec<String> = (0..20)
        .map(|u| trace(&source, &model, &options, u).unwrap())
        .collect();
    let all = traces.join("\n");
    assert!(
        all.contains("if persona == 白领: taken (persona = 白领)"),
        "{all}"
    );
    assert!(
        all.contains("else if persona == 宝妈: taken (persona = 宝妈)"),
        "{all}"
    );
    assert!(all.contains("else: taken (persona = 学生)"), "{all}");
}

#[test]
fn else_without_if_is_a_syntax_error_at_the_else() {
    let text = file("  stage s {\n    on enter: else: send w \"x\"\n  }");
    let diags = check(&text).diagnostics;
    let d = diags
        .iter()
        .find(|d| d.code == Code::parse("J0001").unwrap());
    let d = d.unwrap_or_else(|| panic!("{diags:#?}"));
    let at = d.labels[0].span.start;
    assert!(text[at..].starts_with("else: send"), "{:?}", &text[at..]);
}

#[test]
fn branch_conditions_are_resolved_and_typed_like_guards() {
    let unknown = file("  stage s {\n    on enter: {\n      if vipp: send w \"x\"\n    }\n  }");
    assert_eq!(codes(&unknown), [Code::parse("J0104").unwrap()]);
    let mismatch =
        file("  stage s {\n    on enter: {\n      if vip: send w \"a\"\n      else if persona == 3: send w \"b\"\n    }\n  }");
    assert_eq!(codes(&mismatch), [Code::parse("J0201").unwrap()]);
    // A name in a condition resolves to its declaration (hover, go to definition).
    let text = file(CHAIN);
    let checked = check(&text);
    let at = text.find("if persona").unwrap() + 3;
    let reference = checked
        .resolutions
        .refs()
        .find(|r| r.span().start == at)
        .expect("`persona` in the branch is resolved");
    let decl = &checked.resolutions.decls[reference.target.decl.index()];
    assert_eq!(&*decl.name, "persona");
}

/// J0409 counts an `if` chain as its heaviest branch: one welcome per user, not three.
#[test]
fn a_chain_counts_as_one_send_against_a_daily_limit() {
    let limited = |stages: &str| {
        file(stages).replace(
            "touchpoint w { channel wecom }",
            "touchpoint w {\n  channel wecom\n  limit 1 per day\n}",
        )
    };
    let over = Code::parse("J0409").unwrap();
    assert!(!codes(&limited(CHAIN)).contains(&over));
    let unguarded =
        "  stage s {\n    on enter: {\n      send w \"a\"\n      send w \"b\"\n    }\n  }";
    assert!(codes(&limited(unguarded)).contains(&over));
    // A branch of two sends is two.
    let heavy = "  stage s {\n    on enter: {\n      if vip: {\n        send w \"a\"\n        send w \"b\"\n      }\n      else: send w \"c\"\n    }\n  }";
    assert!(codes(&limited(heavy)).contains(&over));
}

#[test]
fn constant_branch_conditions_are_warned_about() {
    let never =
        file("  stage s {\n    on enter: {\n      if vip and not vip: send w \"a\"\n    }\n  }");
    assert_eq!(codes(&never), [Code::parse("J0406").unwrap()]);
    let always = file("  stage s {\n    on enter: {\n      if vip or not vip: send w \"a\"\n      else: send w \"b\"\n    }\n  }");
    assert_eq!(codes(&always), [Code::parse("J0407").unwrap()]);
    let d = check(&always).diagnostics;
    let help = d.iter().find_map(|d| d.help.as_ref()).expect("a help line");
    let help = journey::words(help, journey::Lang::En);
    assert!(help.contains("the branches after it never run"), "{help}");
}

/// A `goto` inside a branch (inside a split arm) is a way to its stage: no
/// unreachable-stage warning, and `journey graph` labels the edge with the branch.
#[test]
fn the_stage_graph_sees_gotos_in_branches() {
    let text = file(
        "  stage s {\n    after 1d: split {\n      50% A: {\n        if vip: goto t\n      }\n      50% B: send w \"b\"\n    }\n  }",
    );
    let checked = check(&text);
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.diagnostics);
    let model = checked.model.unwrap();
    let plan = compile(&SourceFile::new("t.journey", &text), &model, None).unwrap();
    let mermaid = journey::graph(&plan.journeys[0], &model, journey::GraphFormat::Mermaid);
    assert!(mermaid.contains("split A 50% · if vip"), "{mermaid}");
}

#[test]
fn the_plan_holds_the_branches_in_order_with_a_null_else() {
    let text = file(CHAIN);
    let model = check(&text).model.unwrap();
    let plan = compile(&SourceFile::new("t.journey", &text), &model, None).unwrap();
    let json: serde_json::Value = serde_json::from_str(&plan.to_json()).unwrap();
    assert_eq!(json["version"], 2);
    let action = &json["journeys"][0]["stages"][0]["rules"][0]["then"]["actions"][0];
    assert_eq!(action["type"], "if");
    let branches = action["branches"].as_array().unwrap();
    assert_eq!(branches.len(), 3);
    assert_eq!(branches[0]["condition"]["value"], "白领");
    assert_eq!(branches[1]["condition"]["value"], "宝妈");
    assert!(branches[2]["condition"].is_null());
    assert_eq!(branches[2]["actions"][0]["template"], "other");
}

#[test]
fn fmt_lays_chains_out_canonically_and_keeps_comments() {
    let messy = file(
        "  stage s {\n    on enter: if vip: send w \"x\"   else   if persona==白领 : { send w \"y\" } else: { send w \"z\"  tag vip }\n    after 1d: {\n      if vip: if persona == 宝妈: send w \"1\" else: send w \"2\"\n      # before else\n      else: {   # inside\n        send w \"3\"\n      }\n    }\n  }",
    );
    let formatted = format(&messy).unwrap();
    let expected = "  stage s {
    on enter: {
      if vip: send w \"x\"
      else if persona == 白领: send w \"y\"
      else: {
        send w \"z\"
        tag vip
      }
    }
    after 1d: {
      if vip: {
        if persona == 宝妈: send w \"1\"
        else: send w \"2\"
      }
      # before else
      else: {  # inside
        send w \"3\"
      }
    }
  }";
    assert!(formatted.contains(expected), "{formatted}");
    assert_eq!(format(&formatted).unwrap(), formatted);
    // The nested `else` still belongs to the inner `if` after formatting.
    let before = sent(&messy, 1);
    assert_eq!(before, sent(&formatted, 1));
}

/// J0423: a branch whose users an earlier branch takes, or an `else` after branches
/// that take everyone; never on top of J0406 or J0407.
#[test]
fn branches_no_user_reaches_are_warned_about() {
    let chain = |branches: &str| {
        file(&format!(
            "  stage s {{\n    on enter: {{\n{branches}\n    }}\n  }}"
        ))
    };
    let unreachable = Code::parse("J0423").unwrap();
    let covered = chain("      if persona in [白领, 宝妈]: send w \"a\"\n      else if persona == 宝妈: send w \"b\"");
    assert_eq!(codes(&covered), [unreachable]);
    let at = check(&covered)
        .diagnostics
        .into_iter()
        .find(|d| d.code == unreachable);
    let span = at.unwrap().labels[0].span;
    assert_eq!(&covered[span.start..span.end], "else if persona == 宝妈");
    let all = chain(
        "      if vip: send w \"a\"\n      else if not vip: send w \"b\"\n      else: send w \"c\"",
    );
    assert_eq!(codes(&all), [unreachable]);
    // The narrower branch first: nothing to say.
    let ordered = chain("      if persona == 宝妈: send w \"b\"\n      else if persona in [白领, 宝妈]: send w \"a\"\n      else: send w \"c\"");
    assert_eq!(codes(&ordered), []);
    // An always-true branch is J0407's alone.
    let always = chain("      if vip or not vip: send w \"a\"\n      else: send w \"b\"");
    assert_eq!(codes(&always), [Code::parse("J0407").unwrap()]);
}

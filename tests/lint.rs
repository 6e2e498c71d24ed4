//! The linter's warnings (J0406–J0415): for each code, `tests/lint/JXXXX.journey`
//! holds cases that must raise it — and nothing else — pinned by a snapshot of the
//! human rendering, and `tests/lint/JXXXX.ok.journey` holds near misses that must
//! raise nothing at all. The snapshots are of the English rendering and of the
//! Chinese one (`JXXXX.zh`).

use journey::{check, render_human, Code, Diagnostic, HumanStyle, Lang, SourceFile};
use std::path::Path;

const LINTS: &[&str] = &[
    "J0406", "J0407", "J0408", "J0409", "J0410", "J0411", "J0412", "J0413", "J0414", "J0415",
    "J0423", "J0426", "J0430", "J0431", "J0440", "J0460",
];

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn diagnostics(path: &str) -> (String, Vec<Diagnostic>) {
    let text = read(path);
    let diags = check(&text).diagnostics;
    (text, diags)
}

fn lint(code: &str) {
    let wanted = Code::parse(code).expect("a code");
    let path = format!("tests/lint/{code}.journey");
    let (text, diags) = diagnostics(&path);
    assert!(!diags.is_empty(), "{path} raises nothing");
    for d in &diags {
        assert_eq!(d.code, wanted, "{path}: unexpected {d:#?}");
    }
    let file = SourceFile::new(&path, text);
    let rendered = render_human(&file, &diags, HumanStyle::PLAIN);
    insta::assert_snapshot!(code, rendered);
    // The same cases in Chinese, for operations staff: every wording of the code.
    let zh = HumanStyle {
        lang: Lang::Zh,
        ..HumanStyle::PLAIN
    };
    insta::assert_snapshot!(format!("{code}.zh"), render_human(&file, &diags, zh));

    let ok = format!("tests/lint/{code}.ok.journey");
    let (_, diags) = diagnostics(&ok);
    assert!(diags.is_empty(), "{ok} should raise nothing: {diags:#?}");
}

#[test]
fn j0406_condition_never_holds() {
    lint("J0406");
}

#[test]
fn j0407_condition_always_holds() {
    lint("J0407");
}

#[test]
fn j0408_rule_due_after_timeout() {
    lint("J0408");
}

#[test]
fn j0409_over_the_daily_limit() {
    lint("J0409");
}

#[test]
fn j0410_clock_inside_quiet_window() {
    lint("J0410");
}

#[test]
fn j0411_split_arm_with_no_users() {
    lint("J0411");
}

#[test]
fn j0412_rule_shadowed_by_a_transition() {
    lint("J0412");
}

#[test]
fn j0413_duplicate_when() {
    lint("J0413");
}

#[test]
fn j0414_goal_no_population_produces() {
    lint("J0414");
}

#[test]
fn j0415_transitions_can_loop() {
    lint("J0415");
}

#[test]
fn j0423_unreachable_branch() {
    lint("J0423");
}

#[test]
fn j0426_date_window_before_the_population_starts() {
    lint("J0426");
}

#[test]
fn j0430_stage_rule_repeats_a_journey_wide_rule() {
    lint("J0430");
}

#[test]
fn j0431_recurring_journey_wide_transition() {
    lint("J0431");
}

#[test]
fn j0440_date_rule_before_the_population_starts() {
    lint("J0440");
}

#[test]
fn j0460_service_level_shorter_than_a_slot() {
    lint("J0460");
}

#[test]
fn every_lint_code_has_cases_here() {
    let lints: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| *c >= "J0406" && c.starts_with("J04"))
        .collect();
    assert_eq!(lints, LINTS);
}

#[test]
fn allow_comments_silence_the_next_line_only() {
    let (text, diags) = diagnostics("tests/lint/allow.journey");
    let lines: Vec<(Code, usize)> = diags
        .iter()
        .map(|d| {
            let line = text[..d.primary_span().start].matches('\n').count() + 1;
            (d.code, line)
        })
        .collect();
    assert_eq!(lines, [(Code::NeverHolds, 19), (Code::QuietClock, 22)]);
}

#[test]
fn allow_comments_do_not_silence_errors() {
    let text = "event signup\njourney j {\n  timezone \"UTC\"\n  entry on signup\n  goal g: signup within 1d\n  stage s {\n    # journey: allow J0106\n    on enter -> 不存在\n  }\n}\n";
    let codes: Vec<Code> = check(text).diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::UnknownStage]);
}

/// A file's journeys, each copied `n` times under new names (`name_1`, …).
fn with_copies(text: &str, n: usize) -> String {
    let mut journeys = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in text.lines() {
        if line.starts_with('}') {
            if let Some(mut lines) = current.take() {
                lines.push(line);
                journeys.push(lines);
            }
            continue;
        }
        let top_level = !line.starts_with([' ', '\t', '#']) && !line.is_empty();
        if top_level {
            journeys.extend(current.take());
            if line.starts_with("journey ") {
                current = Some(Vec::new());
            }
        }
        if let Some(lines) = current.as_mut() {
            lines.push(line);
        }
    }
    journeys.extend(current);
    let mut out = text.to_string();
    for i in 1..=n {
        for lines in &journeys {
            let (head, body) = lines.split_first().expect("a journey line");
            let (name, rest) = head["journey ".len()..].split_once(' ').expect("a name");
            out.push_str(&format!("\njourney {name}_{i} {rest}\n"));
            for line in body {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// Large files are checked and linted on all cores: each copy of a journey gets
/// its own warnings, and they come out the same, in the same order, on one thread
/// as on two.
#[test]
fn linting_in_parallel_gives_the_same_warnings() {
    for code in ["J0408", "J0409", "J0410", "J0411", "J0412", "J0413"] {
        let text = read(&format!("tests/lint/{code}.journey"));
        let once = check(&text).diagnostics.len();
        let copies = with_copies(&text, 40);
        let on = |threads| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a thread pool");
            let diags = pool.install(|| check(&copies).diagnostics);
            diags.iter().map(|d| format!("{d:?}")).collect::<Vec<_>>()
        };
        let one = on(1);
        assert_eq!(
            one.len(),
            41 * once,
            "{code}: {:#?}",
            &one[..3.min(one.len())]
        );
        assert_eq!(one, on(2), "{code}");
    }
}

#[test]
fn j0409_marks_at_most_32_sends_of_a_busy_day() {
    let rules: String = (1..=200)
        .map(|i| format!("    after {i}m: send w \"m{i}\"\n"))
        .collect();
    let text = format!(
        "event e\ntouchpoint w {{\n  channel wecom\n  limit 2 per day\n}}\n\
         journey j {{\n  timezone \"UTC\"\n  entry on e\n  goal g: e within 1d\n  stage a {{\n{rules}  }}\n}}\n"
    );
    let diags = check(&text).diagnostics;
    let [d] = &diags[..] else {
        panic!("one J0409 expected: {diags:#?}")
    };
    assert_eq!(d.code, Code::OverDailyLimit);
    let d = d.words(Lang::En);
    assert!(d.message.contains("200 times"), "{}", d.message);
    assert_eq!(d.labels.len(), 32);
    let help = d.help.as_deref().unwrap_or_default();
    assert!(
        help.contains("(168 more send actions that day are not marked)"),
        "{help}"
    );
}

#[test]
fn j0409_judges_a_daily_policy_limit_on_the_touchpoints_it_counts() {
    // three sends a day: two through `w` and `s`, one through the excepted `x` and one
    // to the broadcast `b`; the policy's 1 a day is over by one, its 2 a day is not
    let text = |limit: u32| {
        format!(
            "event e\ntouchpoint w {{ channel wecom }}\ntouchpoint s {{ channel sms }}\n\
             touchpoint x {{ channel push }}\ntouchpoint b {{ channel moments  broadcast }}\n\
             policy 频控 {{\n  limit {limit} per day\n  except x\n}}\n\
             journey j {{\n  timezone \"UTC\"\n  entry on e\n  goal g: e within 1d\n  stage a {{\n    \
             on enter: send w \"m1\"\n    after 1h: send s \"m2\"\n    after 2h: send x \"m3\"\n    \
             after 3h: send b \"m4\"\n  }}\n}}\n"
        )
    };
    let diags = check(&text(1)).diagnostics;
    let [d] = &diags[..] else {
        panic!("one J0409 expected: {diags:#?}")
    };
    assert_eq!(d.code, Code::OverDailyLimit);
    let d = d.words(Lang::En);
    assert_eq!(
        d.message,
        "stage `a` can make 2 sends on one day through the touchpoints policy `频控` counts, over its limit of 1 per day"
    );
    assert_eq!(
        d.labels.len(),
        2,
        "the sends through w and s: {:?}",
        d.labels
    );
    assert!(check(&text(2)).diagnostics.is_empty());
}

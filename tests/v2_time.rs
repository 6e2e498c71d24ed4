//! Language version 2, time constructs (issue 14, language-v2.md §4, §10, §11.11–12),
//! end to end: bad input is an error with its code and span, the plan carries the
//! constructs, and `--trace` shows their decisions.

use journey::{check, Code};

#[path = "support/cli.rs"]
mod cli;
use cli::ok;

const HEAD: &str = "event 加企微
touchpoint wecom \"企业微信1v1\" { channel wecom }
";

/// A file whose journey has `settings` and one stage of `rules`.
fn file(settings: &str, rules: &str) -> String {
    format!(
        "{HEAD}journey 会员日 {{
  timezone \"Asia/Shanghai\"
  entry on 加企微
  goal 入群: 加企微 within 1d
{settings}
  stage 会员 {{
{rules}
  }}
}}
"
    )
}

/// The code and the spanned text of every error of `text`.
fn errors(text: &str) -> Vec<(Code, String)> {
    check(text)
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            let span = d.labels[0].span;
            (d.code, text[span.start..span.end].to_string())
        })
        .collect()
}

#[test]
fn bad_time_input_is_an_error_at_its_place() {
    let cases = [
        (
            file("", "    every month on 0, 8 at 10:00: send wecom \"m\""),
            Code::InvalidMonthDay,
            "0",
        ),
        (
            file("", "    every month on 32 at 10:00: send wecom \"m\""),
            Code::InvalidMonthDay,
            "32",
        ),
        (
            file("", "    on 2026-02-30 at 20:00: send wecom \"d\""),
            Code::InvalidDate,
            "2026-02-30",
        ),
        (
            file(
                "",
                "    every daily if today in 2026-06-18..2026-06-01: send wecom \"w\"",
            ),
            Code::EmptyRange,
            "today in 2026-06-18..2026-06-01",
        ),
        (
            file("  limit 1 per 0d", "    every daily: send wecom \"r\""),
            Code::RollingWindowOutOfRange,
            "0d",
        ),
        (
            file("  limit 1 per 367d", "    every daily: send wecom \"r\""),
            Code::RollingWindowOutOfRange,
            "367d",
        ),
    ];
    for (text, code, spanned) in cases {
        assert_eq!(errors(&text), [(code, spanned.to_string())], "{text}");
    }
}

#[test]
fn the_longest_rolling_window_and_31_with_last_check_clean() {
    let text = file(
        "  limit 5 per 366d",
        "    every month on 31, last at 10:00: send wecom \"m\"\n    on 2026-06-18: send wecom \"d\"",
    );
    assert!(
        check(&text).diagnostics.is_empty(),
        "{:?}",
        check(&text).diagnostics
    );
}

fn journey(args: &[&str]) -> String {
    String::from_utf8(ok(args)).unwrap()
}

#[test]
fn the_plan_carries_month_days_dates_windows_and_rolling_limits() {
    // (a `Value` prints its keys in sorted order)
    for (file, parts) in [
        (
            "examples/member_day.journey",
            &[
                r#"{"at":[600],"days":[8],"last":false,"type":"month_days"}"#,
                r#"{"at":[1200],"days":[],"last":true,"type":"month_days"}"#,
            ][..],
        ),
        (
            "examples/promo_618.journey",
            &[
                r#"{"at":1200,"date":"2026-06-18","type":"date"}"#,
                r#"{"first":"2026-06-01","last":"2026-06-18","op":"today_in"}"#,
                r#"{"count":1,"per":"rolling","window_seconds":259200}"#,
            ][..],
        ),
    ] {
        let plan: serde_json::Value = serde_json::from_str(&journey(&["compile", file])).unwrap();
        assert_eq!(plan["version"], 2);
        let text = plan.to_string();
        for part in parts {
            assert!(text.contains(part), "{part} not in the plan of {file}");
        }
    }
}

#[test]
fn the_trace_shows_the_date_window_and_the_rolling_cap() {
    let trace = journey(&["simulate", "examples/promo_618.journey", "--trace", "3"]);
    assert!(trace.contains("(today is 2026-05-29, needs today in 2026-06-01..2026-06-18)"));
    assert!(trace.contains(
        "send 社群 \"618_种草\": capped by 社群's `limit 1 per 3d` (1 already sent in the last 3d)"
    ));
}

#[test]
fn the_calendar_examples_send_on_their_calendar_days() {
    let report = |file: &str| -> serde_json::Value {
        serde_json::from_str(&journey(&["simulate", file, "--format", "json"])).unwrap()
    };
    // 会员日: the journey-wide `every month on last` posts to 社群 on each month's last
    // day only, April's 30th included.
    let member_day = report("examples/member_day.journey");
    let group_days: Vec<&str> = member_day["daily"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|day| day["sends"]["社群"].as_u64().unwrap() > 0)
        .map(|day| day["day"].as_str().unwrap())
        .collect();
    assert_eq!(group_days, ["2026-03-31", "2026-04-30", "2026-05-31"]);
    // 618: the 朋友圈 broadcast is posted once a day on the 18 days of 6/1–6/18.
    let promo = report("examples/promo_618.journey");
    let moments = promo["touchpoints"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "朋友圈")
        .unwrap();
    assert_eq!(moments["posts"], 18);
}

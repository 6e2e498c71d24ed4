//! Version-2 bad input: each mistake an operations person can make with the version-2
//! constructs gives one diagnostic with its code, at the characters that are wrong, with
//! a help line, rendered as `journey check` prints it in English and in Chinese
//! (snapshots in `tests/snapshots/v2_bad_input/`).

use journey::{check, render_human, words, Code, HumanStyle, Lang, SourceFile};

const HEAD: &str = "event 加企微
event 下单 { 金额: number, 品类: enum { 彩妆, 护肤 } }
touchpoint wecom \"企业微信1v1\" {
  channel wecom
}
";

/// A file with `settings` in the journey, `rules` in its one stage and `population`
/// lines in its population.
fn file(settings: &str, rules: &str, population: &str) -> String {
    format!(
        "{HEAD}journey 会员 {{
  timezone \"Asia/Shanghai\"
  entry on 加企微
  goal 首单: 下单 within 30d
{settings}
  stage 新客 {{
{rules}
  }}
}}
population 会员池 {{
  size 100
  start 2026-03-02 09:00
  days 30
  arrivals 加企微 over 1d
{population}
}}
"
    )
}

fn rules(rules: &str) -> String {
    file("", rules, "  behavior 下单 { rate 1% per day }")
}

struct Case {
    name: &'static str,
    text: String,
    code: Code,
    /// The text under the primary label.
    spanned: &'static str,
    /// Words the help line must contain.
    help: &'static str,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "month_day_0",
            text: rules("    every month on 0 at 10:00: send wecom \"m\""),
            code: Code::InvalidMonthDay,
            spanned: "0",
            help: "last",
        },
        Case {
            name: "month_day_32",
            text: rules("    every month on 32 at 10:00: send wecom \"m\""),
            code: Code::InvalidMonthDay,
            spanned: "32",
            help: "last",
        },
        Case {
            name: "february_30",
            text: rules("    on 2026-02-30 at 20:00: send wecom \"d\""),
            code: Code::InvalidDate,
            spanned: "2026-02-30",
            help: "2026-02-28",
        },
        Case {
            name: "today_in_backwards",
            text: rules("    every daily if today in 2026-06-18..2026-06-01: send wecom \"w\""),
            code: Code::EmptyRange,
            spanned: "today in 2026-06-18..2026-06-01",
            help: "2026-06-01..2026-06-18",
        },
        Case {
            name: "per_0d",
            text: file(
                "  limit 1 per 0d",
                "    every daily: send wecom \"r\"",
                "  behavior 下单 { rate 1% per day }",
            ),
            code: Code::RollingWindowOutOfRange,
            spanned: "0d",
            help: "1m",
        },
        Case {
            name: "history_backwards",
            text: file(
                "",
                "    every daily: send wecom \"r\"",
                "  history 下单: 5..2 within 90d",
            ),
            code: Code::EmptyRange,
            spanned: "5..2",
            help: "2..5",
        },
        Case {
            name: "history_undeclared_event",
            text: file(
                "",
                "    every daily: send wecom \"r\"",
                "  history 下单了: 1..3 within 90d",
            ),
            code: Code::UnknownEvent,
            spanned: "下单了",
            help: "`下单`",
        },
        Case {
            name: "once_undeclared_event",
            text: file(
                "",
                "    every daily: send wecom \"r\"",
                "  behavior 加企微信 { once  rate 1% per day }",
            ),
            code: Code::UnknownEvent,
            spanned: "加企微信",
            help: "`加企微`",
        },
        Case {
            name: "tag_from_field_of_another_type",
            text: format!(
                "tag 消费额: number\n{}",
                rules(
                    "    on 下单: {\n      tag 消费额 = 下单.品类\n      send wecom \"t\"\n    }"
                )
            ),
            code: Code::TagFromFieldMismatch,
            spanned: "下单.品类",
            help: "its own type",
        },
        Case {
            name: "enum_field_value_not_a_variant",
            text: rules("    on 下单 if 下单.品类 == 香水: send wecom \"thanks\""),
            code: Code::FieldNotAVariant,
            spanned: "香水",
            help: "`彩妆`",
        },
        Case {
            name: "population_field_value_typo",
            text: file(
                "",
                "    every daily: send wecom \"r\"",
                "  behavior 下单 { rate 1% per day  品类: 彩妆 40%, 护扶 60% }",
            ),
            code: Code::FieldNotAVariant,
            spanned: "护扶",
            help: "did you mean `护肤`?",
        },
        Case {
            name: "else_without_if",
            text: rules(
                "    on enter: {\n      send wecom \"a\"\n      else: send wecom \"b\"\n    }",
            ),
            code: Code::Syntax,
            spanned: "else",
            help: "right after the `if …:`",
        },
        Case {
            name: "field_outside_its_event_rule",
            text: rules("    after 1d if 下单.金额 >= 199: send wecom \"big\""),
            code: Code::FieldOutOfPlace,
            spanned: "下单.金额",
            help: "on 下单",
        },
        Case {
            name: "on_enter_at_journey_level",
            text: file(
                "  on enter: send wecom \"hi\"",
                "    every daily: send wecom \"r\"",
                "",
            ),
            code: Code::StageTriggerOutsideStage,
            spanned: "on enter",
            help: "move this rule into the stage it belongs to",
        },
        Case {
            name: "enter_unknown_journey",
            text: format!("{}{REPURCHASE}", rules("    after 7d: enter 复构")),
            code: Code::UnknownJourney,
            spanned: "复构",
            help: "did you mean `复购`",
        },
        Case {
            name: "enter_own_journey",
            text: rules("    on enter: send wecom \"hi\"\n    after 7d: enter 会员"),
            code: Code::EnterOwnJourney,
            spanned: "会员",
            help: "use `goto STAGE`",
        },
        Case {
            name: "priority_not_integer",
            text: file("  priority 1.5", SENDS, ""),
            code: Code::PriorityNotInteger,
            spanned: "1.5",
            help: "`priority 10`",
        },
        Case {
            name: "policy_except_unknown_touchpoint",
            text: format!(
                "policy 频控 {{ limit 4 per day  except wecon }}\n{}",
                rules(SENDS)
            ),
            code: Code::UnknownTouchpoint,
            spanned: "wecon",
            help: "did you mean `wecom`",
        },
        Case {
            name: "hours_end_before_they_start",
            text: with_team("hours weekday 18:00..09:00", "within 4h"),
            code: Code::EmptyRange,
            spanned: "18:00..09:00",
            help: "write the start first",
        },
        Case {
            name: "hours_end_as_they_start",
            text: with_team("hours 09:00..09:00", "within 4h"),
            code: Code::EmptyRange,
            spanned: "09:00..09:00",
            help: "never wrap past midnight",
        },
        Case {
            name: "hours_given_twice",
            text: with_team("hours weekday 09:00..18:00  hours sat 10:00..16:00", ""),
            code: Code::DuplicateSetting,
            spanned: "hours sat 10:00..16:00",
            help: "keep one `hours` line",
        },
        Case {
            name: "service_level_of_zero",
            text: with_team("", "within 0h"),
            code: Code::InvalidDuration,
            spanned: "0h",
            help: "positive duration",
        },
        Case {
            name: "after_task_of_an_unknown_team",
            text: format!(
                "team 销售 {{ capacity 10 per day }}\n{}",
                file(
                    "",
                    "    on enter: task 销售 \"call\"\n    after 1d: send wecom \"hi\"",
                    "  behavior 下单 { after task 销隼 within 1d: x2 }",
                )
            ),
            code: Code::UnknownTeam,
            spanned: "销隼",
            help: "`销售`",
        },
    ]
}

/// A stage's rules that use the file's touchpoint.
const SENDS: &str = "    on enter: send wecom \"hi\"\n    after 1d: exit";

/// A second journey, for `enter`.
const REPURCHASE: &str = "journey 复购 {
  timezone \"Asia/Shanghai\"
  entry on 下单
  goal 再购: 下单 within 30d
  stage 提醒 { on enter: send wecom \"补货提醒\" }
}
";

/// A file with team 销售 (capacity 10 a day, then `settings`) and a stage that gives
/// it a task on entry (`within`: the task's service level, or nothing) and sends a day
/// later.
fn with_team(settings: &str, within: &str) -> String {
    format!(
        "team 销售 {{ capacity 10 per day  {settings} }}\n{}",
        rules(&format!(
            "    on enter: task 销售 \"call\" {within}\n    after 1d: send wecom \"hi\""
        ))
    )
}

#[test]
fn each_mistake_is_one_diagnostic_at_its_place_with_help() {
    let mut problems = Vec::new();
    for case in cases() {
        let checked = check(&case.text);
        let source = SourceFile::new(format!("{}.journey", case.name), &case.text);
        let render = |lang| {
            let style = HumanStyle {
                lang,
                ..HumanStyle::PLAIN
            };
            render_human(&source, &checked.diagnostics, style)
        };
        let rendered = render(Lang::En);
        insta::with_settings!({
            snapshot_path => "snapshots/v2_bad_input",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(case.name, rendered);
            // the same words in Chinese, for operations staff
            insta::assert_snapshot!(format!("{}.zh", case.name), render(Lang::Zh));
        });
        let [d] = checked.diagnostics.as_slice() else {
            problems.push(format!("{}: not one diagnostic:\n{rendered}", case.name));
            continue;
        };
        let span = d.labels[0].span;
        let help = d.help.as_ref().map(|h| words(h, Lang::En));
        let found = (d.code, &case.text[span.start..span.end]);
        if found != (case.code, case.spanned) {
            problems.push(format!("{}: {found:?}", case.name));
        }
        if !help.as_ref().is_some_and(|h| h.contains(case.help)) {
            problems.push(format!("{}: help {help:?}", case.name));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The codes of `rules` in the file's one stage (its population starts on
/// 2026-03-02 at 09:00).
fn codes(rules: &str) -> Vec<Code> {
    let text = file("", rules, "  behavior 下单 { rate 1% per day }");
    check(&text).diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn a_date_rule_before_the_population_starts_is_a_warning_to_the_minute() {
    let warned = [Code::DateBeforeStart];
    assert_eq!(codes("    on 2026-03-01: send wecom \"d\""), warned);
    assert_eq!(
        codes("    on 2026-03-02 at 08:59: send wecom \"d\""),
        warned
    );
    assert_eq!(codes("    on 2026-03-02 at 09:00: send wecom \"d\""), []);
    assert_eq!(codes("    on 2026-06-18 at 20:00: send wecom \"d\""), []);
}

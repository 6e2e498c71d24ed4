//! Sections of hand-built reports: every part of version 2, including those the
//! simulator does not fill yet (exit reasons, templates, fatigue, team waits).

use super::*;

/// A section of text and number columns, for the layout's tests.
pub(crate) fn section(columns: &[(&str, bool)], rows: &[&[&str]]) -> Section {
    Section {
        title: "T".into(),
        headers: columns.iter().map(|(h, _)| h.to_string()).collect(),
        numeric: columns.iter().map(|&(_, n)| n).collect(),
        rows: (rows.iter())
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect(),
        notes: Vec::new(),
        long: false,
    }
}

fn group(users: u64, reached: u64) -> GroupReport {
    GroupReport {
        users,
        reached,
        rate: Some(reached as f64 / users as f64),
        ci95: Some([0.1, 0.3]),
    }
}

fn goal(name: &str, lift: f64, ci: Interval, p: f64) -> GoalReport {
    GoalReport {
        name: name.into(),
        from: None,
        treatment: group(900, 200),
        holdout: group(100, 15),
        lift: Some(lift),
        lift_relative: Some(lift / 0.15),
        lift_ci95: Some(ci),
        p_value: Some(p),
    }
}

fn ordered<T: Clone>(pairs: &[(&str, T)]) -> Ordered<T> {
    Ordered(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    )
}

fn stage(name: &str, label: Option<&str>, n: u64, reasons: &[(&str, u64)]) -> StageReport {
    let enough = n >= MIN_QUANTILE_SAMPLE;
    StageReport {
        name: name.into(),
        label: label.map(str::to_string),
        entered: 50,
        users: 48,
        exits: ordered(&[("新客", 40), ("exit", 5), ("end", 3)]),
        exit_reasons: ordered(reasons),
        dwell_hours: Dwell {
            median: enough.then_some(30.5),
            p90: enough.then_some(70.0),
            n,
        },
    }
}

fn comparison(goal: &str, lift: f64, ci: Interval, p: f64, needed: Option<u64>) -> Comparison {
    Comparison {
        goal: goal.into(),
        arm: "B".into(),
        baseline: "A".into(),
        lift: Some(lift),
        ci95: Some(ci),
        p_value: Some(p),
        users_needed: needed,
    }
}

fn arm(name: &str) -> ArmReport {
    ArmReport {
        name: name.into(),
        users: 400,
        goal_rates: ordered(&[("首单", Some(0.2)), ("复购", Some(0.1))]),
        goal_ci95: ordered(&[("首单", Some([0.16, 0.24])), ("复购", Some([0.07, 0.13]))]),
    }
}

/// Ten days, two touchpoints, one team falling behind.
pub(crate) fn full(lang: Lang) -> Report {
    let days: Vec<String> = (2..12).map(|d| format!("2026-03-{d:02}")).collect();
    let journey = JourneyReport {
        name: "美妆新客".into(),
        label: Some("美妆新客 W2 运营".into()),
        priority: 0,
        entered: 1000,
        users: 1000,
        holdout: 100,
        stopped: 0,
        loops: Vec::new(),
        goals: vec![
            goal("首单", 0.072, [0.02, 0.11], 0.004),
            goal("复购", 0.01, [-0.03, 0.05], 0.61),
        ],
        stages: vec![
            stage("新手", Some("新手阶段"), 48, &[("退订", 4), ("exit", 1)]),
            stage("新客", None, 12, &[]),
        ],
        funnel: vec![
            FunnelStep {
                stage: "新手".into(),
                users: 1000,
                rate_from_entry: Some(1.0),
                rate_from_previous: Some(1.0),
            },
            FunnelStep {
                stage: "新客".into(),
                users: 400,
                rate_from_entry: Some(0.4),
                rate_from_previous: Some(0.4),
            },
        ],
        splits: vec![SplitReport {
            name: "券".into(),
            stage: "新客".into(),
            arms: vec![arm("A"), arm("B")],
            comparisons: vec![
                comparison("首单", 0.03, [0.01, 0.05], 0.002, Some(900)),
                comparison("复购", -0.035, [-0.06, -0.01], 0.01, Some(1200)),
                comparison("首单", 0.004, [-0.02, 0.03], 0.7, Some(52_000)),
                comparison("复购", 0.0, [-0.02, 0.02], 1.0, None),
            ],
        }],
        paths: vec![PathReport {
            stages: vec!["新手".into(), "新客".into()],
            truncated: false,
            count: 400,
        }],
        cost: 42.0,
    };
    let touchpoint =
        |name: &str, broadcast: bool, templates: Vec<TemplateReport>| TouchpointReport {
            name: name.into(),
            label: None,
            channel: if broadcast { "group" } else { "wecom" }.into(),
            broadcast,
            sent: 40,
            deferred: 3,
            capped: 2,
            suppressed: 4,
            posts: broadcast.then_some(12),
            cost: 12.0,
            by_journey: ordered(&[("美妆新客", 40)]),
            templates,
        };
    let template = |template: &str, sent: u64| TemplateReport {
        template: template.into(),
        sent,
        posts: None,
        cost: sent as f64 * 0.3,
    };
    Report {
        format: REPORT_FORMAT,
        version: REPORT_VERSION,
        lang: lang.as_str(),
        population: "美妆用户".into(),
        seed: 7,
        users: 1000,
        days: 10,
        start: "2026-03-02 09:00".into(),
        timezone: "Asia/Shanghai".into(),
        arrived: 1000,
        journeys: vec![journey],
        touchpoints: vec![
            touchpoint(
                "wecom",
                false,
                vec![template("welcome_gift", 30), template("coupon", 10)],
            ),
            touchpoint("社群", true, Vec::new()),
        ],
        policies: Vec::new(),
        contention: Vec::new(),
        teams: vec![TeamReport {
            name: "顾问".into(),
            label: Some("美容顾问".into()),
            capacity: 5,
            created: 60,
            done: 53,
            dropped: 0,
            suppressed: 6,
            backlog_end: 7,
            peak_backlog: 20,
            wait_hours: Waits {
                p50: Some(3.5),
                p90: Some(52.0),
            },
            within_sla: Some(0.82),
            suggested_capacity: Some(8),
            daily: (days.iter().enumerate())
                .map(|(i, day)| TeamDay {
                    day: day.clone(),
                    created: 6,
                    done: 5,
                    dropped: 0,
                    backlog: i as u64,
                })
                .collect(),
        }],
        fatigue: Fatigue {
            sends_per_user_day: FatigueQuantiles {
                p50: Some(1),
                p95: Some(3),
                max: Some(5),
            },
            histogram: (0..=5)
                .map(|sends| FatigueBucket {
                    sends,
                    user_days: 100 >> sends,
                })
                .collect(),
        },
        cost: CostReport {
            total: 54.0,
            per_goal: ordered(&[("美妆新客/首单", Some(0.21)), ("美妆新客/复购", None)]),
            per_incremental: ordered(&[("美妆新客/首单", Some(0.65)), ("美妆新客/复购", None)]),
        },
        daily: (days.iter().enumerate())
            .map(|(i, day)| DayReport {
                day: day.clone(),
                sends: ordered(&[("wecom", i as u64), ("社群", 1)]),
                goals: ordered(&[("美妆新客/首单", 2), ("美妆新客/复购", 0)]),
            })
            .collect(),
    }
}

fn find<'s>(sections: &'s [Section], title: &str) -> &'s Section {
    (sections.iter().find(|s| s.title == title)).unwrap_or_else(|| panic!("no section {title}"))
}

fn rows(s: &Section) -> Vec<Vec<&str>> {
    (s.rows.iter())
        .map(|r| r.iter().map(String::as_str).collect())
        .collect()
}

#[test]
fn every_part_of_a_full_report_has_its_section_in_order() {
    let titles: Vec<String> = (sections(&full(Lang::En), RenderOptions::default()).iter())
        .map(|s| s.title.clone())
        .collect();
    assert_eq!(
        titles,
        [
            "Goals",
            "Lift over the holdout",
            "Funnel",
            "Split 券 in stage 新客",
            "Split 券 in stage 新客: arms compared",
            "Cost",
            "Teams",
            "Touchpoints",
            "Stages",
            "Exit reasons",
            "Messages per user per day",
            "Templates",
            "Weekly sends, goal conversions and team backlog",
            "Most common paths",
        ]
    );
}

#[test]
fn no_catalogue_id_is_left_in_either_language() {
    for lang in Lang::ALL {
        let r = full(lang);
        let summary = summary(&r);
        let mut text = vec![summary.title];
        text.extend(summary.lines);
        for s in sections(&r, RenderOptions::default()) {
            text.push(s.title);
            text.extend(s.headers);
            text.extend(s.notes);
            text.extend(s.rows.into_iter().flatten());
        }
        for t in text {
            assert!(!t.contains("report-"), "{lang}: {t}");
        }
    }
}

#[test]
fn labels_come_first_and_stages_say_their_exit_reasons_and_dwell_with_n() {
    let all = sections(&full(Lang::En), RenderOptions::default());
    assert_eq!(
        rows(find(&all, "Stages")),
        [
            [
                "新手阶段 (新手)",
                "50",
                "48",
                "30.5h",
                "2.9d",
                "48",
                "新客 40 · left the journey 5 · still there at the end 3"
            ],
            [
                "新客",
                "50",
                "48",
                "fewer than 30",
                "fewer than 30",
                "12",
                "新客 40 · left the journey 5 · still there at the end 3"
            ],
        ]
    );
    assert_eq!(
        rows(find(&all, "Exit reasons")),
        [["新手阶段 (新手)", "退订", "4"], ["", "exit", "1"]]
    );
    let zh = sections(&full(Lang::Zh), RenderOptions::default());
    assert_eq!(rows(find(&zh, "阶段"))[1][3], "不足 30");
}

#[test]
fn the_lift_says_whether_it_is_distinguishable_from_zero() {
    let all = sections(&full(Lang::En), RenderOptions::default());
    assert_eq!(
        rows(find(&all, "Lift over the holdout")),
        [
            [
                "首单",
                "+7.2 pts",
                "+48.0%",
                "+2.0 to +11.0 pts",
                "0.004",
                "above zero"
            ],
            [
                "复购",
                "+1.0 pts",
                "+6.7%",
                "-3.0 to +5.0 pts",
                "0.610",
                "cannot tell yet"
            ],
        ]
    );
    let zh = sections(&full(Lang::Zh), RenderOptions::default());
    let verdicts: Vec<&str> = (find(&zh, "相对对照组的提升").rows.iter())
        .map(|r| r[5].as_str())
        .collect();
    assert_eq!(verdicts, ["显著为正", "尚无法判断"]);
}

#[test]
fn a_split_says_which_arm_wins_or_what_it_would_take() {
    let all = sections(&full(Lang::En), RenderOptions::default());
    let compared = find(&all, "Split 券 in stage 新客: arms compared");
    assert_eq!(
        compared.notes,
        [
            "首单: B beats A by +3.0 pts (95% interval +1.0 to +5.0 pts, p = 0.002).",
            // The first arm wins: the lift and its interval are turned round.
            "复购: A beats B by +3.5 pts (95% interval +1.0 to +6.0 pts, p = 0.010).",
            "首单: the test cannot tell B from A yet (p = 0.700); about 52000 users per arm would \
             show a difference of +0.4 pts at 80% power.",
            "复购: B and A converted at the same rate; no number of users would tell them apart.",
        ]
    );
    assert_eq!(rows(compared)[0][6], "900");
    let arms = find(&all, "Split 券 in stage 新客");
    assert_eq!(
        arms.headers[2..],
        [
            "首单 rate",
            "首单 95% interval",
            "复购 rate",
            "复购 95% interval"
        ]
    );
    assert_eq!(
        rows(arms)[0],
        ["A", "400", "20.0%", "16.0–24.0%", "10.0%", "7.0–13.0%"]
    );
}

#[test]
fn teams_say_in_words_when_they_fell_behind() {
    let all = sections(&full(Lang::En), RenderOptions::default());
    let teams = find(&all, "Teams");
    assert_eq!(
        rows(teams),
        [[
            "美容顾问 (顾问)",
            "5/day",
            "60",
            "53",
            "0",
            "6",
            "7",
            "20",
            "3.5h",
            "2.2d",
            "82.0%",
            "8"
        ]]
    );
    assert_eq!(
        teams.notes,
        [
            "美容顾问 (顾问) fell behind: 7 tasks were still waiting at the end (peak 20); \
             users were simulated as if it kept up, so reactions to its tasks are optimistic \
             here.",
            "美容顾问 (顾问) did only 82.0% of its tasks within their service level (under \
             90%); users were simulated as if each task were handled on time, so reactions \
             to tasks are optimistic here.",
            "美容顾问 (顾问): about 8 per day would do 90% of tasks within their service level.",
        ]
    );
}

#[test]
fn fatigue_templates_and_cost_are_shown() {
    let all = sections(&full(Lang::En), RenderOptions::default());
    let fatigue = find(&all, "Messages per user per day");
    assert_eq!(rows(fatigue)[0], ["0", "100", "51.0%"]);
    assert_eq!(rows(fatigue)[5], ["5", "3", "1.5%"]);
    assert_eq!(
        fatigue.notes,
        ["Over every day a user was in a journey: p50 1 · p95 3 · max 5 sends."]
    );
    assert_eq!(
        rows(find(&all, "Templates")),
        [
            ["wecom", "welcome_gift", "30", "9.00"],
            ["", "coupon", "10", "3.00"]
        ]
    );
    assert_eq!(
        rows(find(&all, "Touchpoints"))[1],
        ["社群", "group", "40", "3", "2", "4", "12", "12.00"]
    );
    assert_eq!(
        rows(find(&all, "Cost")),
        [
            ["total", "54.00"],
            ["journey 美妆新客 W2 运营 (美妆新客)", "42.00"],
            ["per conversion of 首单", "0.21"],
            ["per conversion of 复购", "–"],
            ["per incremental conversion of 首单", "0.65"],
            ["per incremental conversion of 复购", "–"],
        ]
    );
}

#[test]
fn the_timeline_is_weekly_unless_daily() {
    let weekly = sections(&full(Lang::En), RenderOptions::default());
    let s = find(&weekly, "Weekly sends, goal conversions and team backlog");
    assert!(s.long);
    assert_eq!(
        s.headers,
        [
            "week",
            "wecom",
            "社群",
            "goal 首单",
            "goal 复购",
            "顾问 backlog"
        ]
    );
    // Sends and goals summed; the backlog of the week's last day.
    assert_eq!(
        rows(s),
        [
            ["week 1 · 03-02–03-08", "21", "7", "14", "0", "6"],
            ["week 2 · 03-09–03-11", "24", "3", "6", "0", "9"],
        ]
    );
    let daily = sections(&full(Lang::En), RenderOptions { daily: true });
    let s = find(&daily, "Daily sends, goal conversions and team backlog");
    assert_eq!(s.rows.len(), 10);
    assert_eq!(rows(s)[9], ["2026-03-11", "9", "1", "2", "0", "9"]);
    assert!(s.notes.is_empty());
}

#[test]
fn empty_parts_are_left_out_and_a_journey_without_holdout_says_so() {
    let mut r = full(Lang::En);
    r.fatigue.histogram.clear();
    r.touchpoints.iter_mut().for_each(|t| t.templates.clear());
    r.journeys[0]
        .stages
        .iter_mut()
        .for_each(|s| s.exit_reasons = Ordered(Vec::new()));
    r.journeys[0].holdout = 0;
    let all = sections(&r, RenderOptions::default());
    for gone in [
        "Messages per user per day",
        "Templates",
        "Exit reasons",
        "Lift over the holdout",
    ] {
        assert!(all.iter().all(|s| s.title != gone), "{gone}");
    }
    let goals = find(&all, "Goals");
    assert_eq!(goals.rows.len(), 2, "treatment rows only");
    assert_eq!(
        goals.notes[1],
        "美妆新客 W2 运营 (美妆新客) has no holdout, so its lift cannot be measured."
    );
    let cost = find(&all, "Cost");
    assert!(cost.rows.iter().all(|r| !r[0].contains("incremental")));
}

#[test]
fn money_has_two_decimals_and_no_negative_zero() {
    assert_eq!(money(-0.0), "0.00");
    assert_eq!(money(1234.5), "1234.50");
}

#[test]
fn a_difference_that_rounds_to_zero_has_no_sign() {
    use super::signed_points;
    assert_eq!(signed_points(-0.0004), "0.0");
    assert_eq!(signed_points(0.0004), "0.0");
    assert_eq!(signed_points(0.0), "0.0");
    assert_eq!(signed_points(-0.0006), "-0.1");
    assert_eq!(signed_points(0.032), "+3.2");
}

//! The portfolio runner contract (docs/plan.md §10.10, §10.18) checked from outside:
//! the worked two-journey example replayed user by user with the document's rules and
//! compared with each user's portfolio trace and with the simulator's report, and one
//! team's capacity shared by two
//! journeys whose tasks queue by priority, with the report saying when the team fell
//! behind; events shared and holdouts drawn per journey (language-v2 §2).

use serde_json::{json, Value};
use std::collections::BTreeSet;

#[path = "support/cli.rs"]
mod cli;
use cli::ok;

const HANDOFF: &str = "tests/portfolio/handoff.journey";
const SHARED_TEAM: &str = "tests/portfolio/shared_team.journey";
const HOLDOUTS: &str = "tests/portfolio/holdouts.journey";

fn report(file: &str, more: &[&str]) -> Value {
    let args = [&["simulate", file, "--format", "json"], more].concat();
    serde_json::from_slice(&ok(&args)).unwrap()
}

/// What a runner following docs/plan.md §10.18 counts for one user of the worked
/// example, given only the user's events (local `YYYY-MM-DD hh:mm:ss` moments of their
/// purchases after signing up).
#[derive(Default, Debug, PartialEq)]
struct Counts {
    sms_sent: u64,
    sms_capped: u64,
    wecom_capped: u64,
    policy_capped: u64,
    /// Entries into `复购`, which are also the `复购` sends capped by `新客`'s.
    handed_on: u64,
}

impl Counts {
    fn add_user(&mut self, purchases: &[String]) {
        // 新客's `on purchase` sends `感谢`: the policy's one of the day goes to the
        // first purchase of each local day, the others are capped
        let days: BTreeSet<&str> = purchases.iter().map(|p| &p[..10]).collect();
        self.sms_sent += days.len() as u64;
        self.sms_capped += (purchases.len() - days.len()) as u64;
        // then `enter 复购` (the first time; `reentry never` keeps the user in after):
        // 复购's `on enter` send comes after `感谢` at the same moment, so the policy
        // caps it whether `感谢` went out or was capped itself
        if !purchases.is_empty() {
            self.handed_on += 1;
            self.wecom_capped += 1;
        }
        self.policy_capped = self.sms_capped + self.wecom_capped;
    }
}

/// User `user`'s portfolio trace (every journey, the user's own lines unlabelled).
fn trace(user: u64, users: &str) -> String {
    let user = user.to_string();
    let args = ["simulate", HANDOFF, "--users", users, "--trace", &user];
    String::from_utf8(ok(&args)).unwrap()
}

/// The user's purchases in a trace: the local moments of its `event purchase` lines.
fn purchases(trace: &str) -> Vec<String> {
    trace
        .lines()
        .filter(|l| l.ends_with("  event purchase"))
        .map(|l| l[..19].to_string())
        .collect()
}

/// What the simulator did for the user, as its trace says, in [`Counts`]; a capped
/// send counts when the trace charges the policy's allowance to `新客`'s `感谢`, as the
/// document does.
fn traced(trace: &str) -> Counts {
    let lines = |words: &str| trace.lines().filter(|l| l.contains(words)).count() as u64;
    let policy = "capped by policy 全局频控's `limit 1 per day` (1 already sent today on the \
                  touchpoints it counts); the allowance went to 新客 (1 sent)";
    let sms_capped = lines(&format!("[新客]   send sms \"感谢\": {policy}"));
    let wecom_capped = lines(&format!("[复购]   send wecom \"补货\": {policy}"));
    Counts {
        sms_sent: lines("[新客]   send sms \"感谢\": sent"),
        sms_capped,
        wecom_capped,
        policy_capped: sms_capped + wecom_capped,
        handed_on: lines("[复购] enters journey 复购"),
    }
}

#[test]
fn the_worked_two_journey_example_is_reproduced_user_by_user_from_the_document() {
    let users = 12;
    let mut expected = Counts::default();
    for user in 0..users {
        // the document's rules, applied to the user's purchases, give what the trace
        // shows the simulator did for that user
        let trace = trace(user, &users.to_string());
        let mut one = Counts::default();
        one.add_user(&purchases(&trace));
        assert_eq!(traced(&trace), one, "user {user}:\n{trace}");
        expected.add_user(&purchases(&trace));
    }
    assert!(
        expected.handed_on >= 6 && expected.sms_capped >= 1,
        "the sample shows both cases: {expected:?}"
    );
    let doc = report(HANDOFF, &["--users", &users.to_string()]);
    let touchpoint = |name: &str| {
        let t = (doc["touchpoints"].as_array().unwrap().iter())
            .find(|t| t["name"] == name)
            .unwrap();
        (t["sent"].as_u64().unwrap(), t["capped"].as_u64().unwrap())
    };
    let entered: Vec<u64> = (doc["journeys"].as_array().unwrap().iter())
        .map(|j| j["entered"].as_u64().unwrap())
        .collect();
    let got = Counts {
        sms_sent: touchpoint("sms").0,
        sms_capped: touchpoint("sms").1,
        wecom_capped: touchpoint("wecom").1,
        policy_capped: doc["policies"][0]["capped"].as_u64().unwrap(),
        handed_on: entered[1],
    };
    assert_eq!(got, expected);
    assert_eq!(touchpoint("wecom").0, 0);
    assert_eq!(entered[0], users, "everyone signs up into 新客");
    assert_eq!(
        doc["contention"],
        json!([{"policy": "全局频控", "journey": "复购", "capped_by_others": expected.handed_on}])
    );
}

#[test]
fn a_team_is_shared_by_the_journeys_and_the_higher_priority_is_served_first() {
    // 100 users in the first minute, a task from each journey: 200 tasks at 00:00 for
    // 100 slots a day of 14.4 minutes. 会员 (priority 10, within 3d) is queued first:
    // done on the first day, in time; 新客's (within 1d) on the second, all late.
    let doc = report(SHARED_TEAM, &[]);
    let team = &doc["teams"][0];
    let daily: Vec<(u64, u64)> = (team["daily"].as_array().unwrap().iter())
        .map(|d| (d["done"].as_u64().unwrap(), d["backlog"].as_u64().unwrap()))
        .collect();
    assert_eq!(daily, [(100, 100), (100, 0), (0, 0), (0, 0), (0, 0)]);
    assert_eq!(
        (&team["created"], &team["done"]),
        (&json!(200), &json!(200))
    );
    assert_eq!(team["within_sla"], 0.5);
    // the k-th task is done k slots after 00:00: the 100th at 24 h, the 180th at 43.2 h
    assert_eq!(team["wait_hours"], json!({"p50": 24.0, "p90": 43.2}));
    // 180 slots by the first midnight: 100 of 会员 and 80 of 新客 in time, 90%
    assert_eq!(team["suggested_capacity"], 180);
    // 新客 alone has the whole team: all in time by midnight
    let alone = report(SHARED_TEAM, &["--journey", "新客"]);
    let team = &alone["teams"][0];
    assert_eq!(
        (&team["done"], &team["within_sla"]),
        (&json!(100), &json!(1.0))
    );
    assert_eq!(team["wait_hours"], json!({"p50": 12.0, "p90": 21.6}));
}

#[test]
fn a_shared_teams_queue_is_the_same_for_any_threads_or_shard_split() {
    // The queue is replayed after the users: the shards' tasks of both journeys merge
    // into one queue, in the same priority order.
    let args = ["simulate", SHARED_TEAM, "--seed", "3", "--format", "json"];
    let one = ok(&[&args[..], &["--threads", "1"]].concat());
    assert_eq!(ok(&[&args[..], &["--threads", "2"]].concat()), one);
    let dir = std::env::temp_dir().join(format!("journey-shared-team-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut merge = vec!["report".to_string(), "merge".to_string()];
    for k in [2, 0, 1] {
        let part = dir.join(format!("part{k}.json")).display().to_string();
        let shard = format!("{k}/3");
        ok(&[
            "simulate",
            SHARED_TEAM,
            "--seed",
            "3",
            "--shard",
            &shard,
            "-o",
            &part,
        ]);
        merge.push(part);
    }
    merge.extend(["--format".into(), "json".into()]);
    let merge: Vec<&str> = merge.iter().map(String::as_str).collect();
    assert_eq!(ok(&merge), one);
    let doc: Value = serde_json::from_slice(&one).unwrap();
    assert_eq!(doc["teams"][0]["within_sla"], 0.5);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_report_says_when_a_shared_team_fell_behind() {
    let simulate = |more: &[&str]| {
        String::from_utf8(ok(&[&["simulate", SHARED_TEAM], more].concat())).unwrap()
    };
    let table = simulate(&[]);
    assert!(
        table.contains(
            "顾问 did only 50.0% of its tasks within their service level (under 90%); users \
             were simulated as if each task were"
        ),
        "{table}"
    );
    assert!(
        table.contains("顾问: about 180 per day would do 90% of tasks within their service level."),
        "{table}"
    );
    // One day: half the tasks still wait at the end. (Notes wrap at 120 columns.)
    let table = simulate(&["--days", "1"]);
    assert!(
        table.contains(
            "顾问 fell behind: 100 tasks were still waiting at the end (peak 200); users were \
             simulated as if it kept up, so"
        ),
        "{table}"
    );
    // A team that keeps up is not said to fall behind.
    let table = simulate(&["--journey", "会员"]);
    assert!(
        !table.contains("fell behind") && !table.contains("did only"),
        "{table}"
    );
}

#[test]
fn events_are_shared_and_each_journeys_holdout_is_its_own_draw_whoever_else_runs() {
    let both = report(HOLDOUTS, &[]);
    let journeys = both["journeys"].as_array().unwrap();
    for j in journeys {
        // the journey's whole section is the same run alone: the same users in its
        // holdout, the same purchases reaching its goal
        let name = j["name"].as_str().unwrap();
        let alone = report(HOLDOUTS, &["--journey", name]);
        assert_eq!(&alone["journeys"][0], j, "{name}");
    }
    let (new, member) = (&journeys[0], &journeys[1]);
    assert_ne!(new["holdout"], member["holdout"], "two draws, 20% and 30%");
    // every user enters both at signup and the same purchases reach both goals, so
    // treatment and holdout together reach each goal equally often
    let reached = |j: &Value| {
        let goal = &j["goals"][0];
        goal["treatment"]["reached"].as_u64().unwrap()
            + goal["holdout"]["reached"].as_u64().unwrap()
    };
    assert_eq!(reached(new), reached(member));
    // each journey's holdout users get none of its sends, and only its
    let sent = |i: usize| both["touchpoints"][i]["sent"].as_u64().unwrap();
    let treated = |j: &Value| j["users"].as_u64().unwrap() - j["holdout"].as_u64().unwrap();
    assert_eq!((sent(0), sent(1)), (treated(new), treated(member)));
}

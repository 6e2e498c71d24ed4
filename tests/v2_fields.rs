//! Event fields (language-v2 §3, §10, §11.8) end to end: a guard on a field against
//! the field's distribution, a goal `EVENT if COND` against its Poisson rate, and the
//! example checking clean.

#[path = "support/sim.rs"]
mod sim;
use sim::{near, simulate};

const DECLS: &str =
    "event 注册\nevent 下单 { 金额: number, 品类: enum { 彩妆, 护肤 }, 首单: bool }\n\
                     touchpoint wecom { channel wecom }\n";

#[test]
fn an_entry_guard_on_a_field_lets_in_the_fields_share() {
    // every user arrives by one order; its amount is uniform on 0..400, so
    // `amount >= 300` lets in a quarter, and its 首单 (30%) and category (40% 护肤)
    // are independent of it
    let text = format!(
        "{DECLS}journey j {{\n  timezone \"UTC\"\n  entry on 下单 if 下单.金额 >= 300 and 下单.首单 and 下单.品类 == 护肤\n  \
         stage a {{ on enter: send wecom \"x\" }}\n}}\n\
         population p {{\n  size 40000\n  start 2026-03-01\n  days 10\n  arrivals 下单 over 1d\n  \
         behavior 下单 {{\n    金额: uniform 0..400\n    品类: 彩妆 60%, 护肤 40%\n    首单: 30%\n  }}\n}}\n"
    );
    let report = simulate(&text, "fields-entry");
    let entered = report["journeys"][0]["entered"].as_f64().unwrap();
    near(entered / 40000.0, 40000.0, 0.25 * 0.3 * 0.4);
}

#[test]
fn a_goal_on_a_field_is_reached_at_the_rate_of_the_events_that_pass() {
    // orders come at 100% a day; a quarter of them are >= 300, a Poisson process of
    // rate 0.25/day: within 2 days of entry, 1 − e^(−0.5) of users reach the goal
    let text = format!(
        "{DECLS}journey j {{\n  timezone \"UTC\"\n  entry on 注册\n  goal 大单: 下单 if 下单.金额 >= 300 within 2d\n  \
         stage a {{ on enter: send wecom \"x\" }}\n}}\n\
         population p {{\n  size 40000\n  start 2026-03-01\n  days 10\n  arrivals 注册 over 1d\n  \
         behavior 下单 {{\n    rate 100% per day\n    金额: uniform 0..400\n  }}\n}}\n"
    );
    let report = simulate(&text, "fields-goal");
    let goal = &report["journeys"][0]["goals"][0]["treatment"];
    let (users, reached) = (
        goal["users"].as_f64().unwrap(),
        goal["reached"].as_f64().unwrap(),
    );
    near(reached / users, users, 1.0 - (-0.5f64).exp());
}

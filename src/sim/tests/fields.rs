//! Event fields in the simulator: a rule with a timing reads the event that triggered
//! it, not the latest one (language-v2 §11.8); an enum field copied into an enum tag
//! lands on the tag's variant of the same name.

use super::notes;
use crate::sim::trace::Note;
use crate::sim::Time;

const SRC: &str = r#"
tag 金额: number
tag 偏好: enum { 香水, 护肤, 彩妆 }
event 注册
event 下单 { 金额: number, 品类: enum { 彩妆, 护肤 } }
journey j {
  timezone "UTC"
  entry on 注册
  stage a {
    on 下单 after 2h: tag 金额 = 下单.金额
    on 下单 after 1h if 下单.品类 == 护肤: tag 偏好 = 下单.品类
  }
}
population p {
  size 60
  start 2026-03-01
  days 10
  arrivals 注册 over 1d
  behavior 下单 {
    rate 100% per day
    金额: uniform 0..1000
    品类: 彩妆 50%, 护肤 50%
  }
}
"#;

#[test]
fn a_timed_rule_reads_the_fields_of_the_event_that_triggered_it() {
    let (mut amounts, mut categories) = (0, 0);
    let mut overtaken = 0;
    for user in 0..60 {
        let notes = notes(SRC, user);
        let orders: Vec<(Time, Vec<(usize, f64)>)> = (notes.iter())
            .filter_map(|(_, t, n)| match n {
                Note::Event { event: 1, fields } => Some((*t, fields.clone())),
                _ => None,
            })
            .collect();
        let order_at = |t: Time| {
            let found = orders.iter().find(|(at, _)| *at == t);
            found
                .map(|(_, f)| f.clone())
                .expect("an order at the trigger moment")
        };
        for (_, t, n) in &notes {
            match n {
                Note::Tag { tag: 0, value } => {
                    let fields = order_at(t - 2 * 3600);
                    assert_eq!(f64::from_bits(*value), fields[0].1);
                    amounts += 1;
                    // another order came in between: the latest values are not these
                    overtaken += orders.iter().any(|(at, _)| *at > t - 2 * 3600 && at < t) as u32;
                }
                Note::Tag { tag: 1, value } => {
                    // 护肤 is the field's variant 1 (code 2) and the tag's variant 1
                    assert_eq!(order_at(t - 3600)[1].1, 2.0);
                    assert_eq!(*value, 1);
                    categories += 1;
                }
                _ => {}
            }
        }
    }
    assert!(amounts > 300 && categories > 150, "{amounts} {categories}");
    assert!(
        overtaken > 10,
        "the test needs orders inside the delay: {overtaken}"
    );
}

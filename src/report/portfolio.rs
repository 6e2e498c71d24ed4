//! The report of several journeys run together (language-v2 §2, §9): each journey's
//! section from its own aggregates; what they share — touchpoints, policies, teams,
//! fatigue, the daily sends, the total cost — from the sum of theirs; and the
//! contention between them.

use super::*;
use crate::i18n::Lang;
use crate::sim::aggregate::Merge;

/// The report of the journeys of `parts` (one or more), run together.
pub fn build_all(parts: &[JourneyPart], lang: Lang) -> Report {
    let (first, others) = parts.split_first().expect("a run has a journey");
    if others.is_empty() {
        return build(&first.meta, &first.aggregates, lang);
    }
    let each: Vec<Report> = (parts.iter())
        .map(|p| build(&p.meta, &p.aggregates, lang))
        .collect();
    let (meta, agg) = shared(first, others);
    let mut report = build(&meta, &agg, lang);
    report.journeys = each.iter().map(|r| r.journeys[0].clone()).collect();
    for (i, tp) in report.touchpoints.iter_mut().enumerate() {
        tp.by_journey = Ordered(
            (each.iter())
                .flat_map(|r| r.touchpoints[i].by_journey.0.clone())
                .collect(),
        );
    }
    for (d, day) in report.daily.iter_mut().enumerate() {
        day.goals = Ordered(
            each.iter()
                .flat_map(|r| r.daily[d].goals.0.clone())
                .collect(),
        );
    }
    let cost = |f: fn(&CostReport) -> &Ordered<Option<f64>>| {
        Ordered(each.iter().flat_map(|r| f(&r.cost).0.clone()).collect())
    };
    report.cost.per_goal = cost(|c| &c.per_goal);
    report.cost.per_incremental = cost(|c| &c.per_incremental);
    report.contention = contention(parts);
    report
}

/// What the journeys share, summed: the first journey's metadata and aggregates with
/// every journey's sends, caps, fatigue and tasks, and their templates (a template
/// sent by several journeys once, its posts merged).
fn shared(first: &JourneyPart, others: &[JourneyPart]) -> (Meta, Aggregates) {
    let (mut meta, mut agg) = (first.meta.clone(), first.aggregates.clone());
    for p in others {
        let a = &p.aggregates;
        agg.touchpoints.merge(&a.touchpoints);
        agg.daily_sends.merge(&a.daily_sends);
        agg.fatigue.merge(&a.fatigue);
        agg.teams.merge(&a.teams);
        agg.policies.merge(&a.policies);
        let sends = a.template_sends.iter().zip(&a.posts);
        for (t, (&sent, posts)) in p.meta.templates.iter().zip(sends) {
            match meta.templates.iter().position(|m| m == t) {
                Some(i) => {
                    agg.template_sends[i] += sent;
                    agg.posts[i].merge(posts);
                }
                None => {
                    meta.templates.push(t.clone());
                    agg.template_sends.push(sent);
                    agg.posts.push(posts.clone());
                }
            }
        }
    }
    (meta, agg)
}

/// Per touchpoint, then per policy (file order), the journeys (run order) with sends
/// capped by others.
fn contention(parts: &[JourneyPart]) -> Vec<ContentionReport> {
    let meta = &parts[0].meta;
    let row = |touchpoint: Option<&String>, policy: Option<&String>, p: &JourneyPart, n: u64| {
        (n > 0).then(|| ContentionReport {
            touchpoint: touchpoint.cloned(),
            policy: policy.cloned(),
            journey: p.meta.journey.clone(),
            capped_by_others: n,
        })
    };
    let touchpoints = (meta.touchpoints.iter().enumerate()).flat_map(|(i, tp)| {
        (parts.iter()).filter_map(move |p| {
            row(
                Some(&tp.name),
                None,
                p,
                p.aggregates.contention_touchpoints[i],
            )
        })
    });
    let policies = (meta.policies.iter().enumerate()).flat_map(|(k, name)| {
        (parts.iter())
            .filter_map(move |p| row(None, Some(name), p, p.aggregates.contention_policies[k]))
    });
    touchpoints.chain(policies).collect()
}

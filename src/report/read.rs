//! Reading the partial reports that `journey report merge` combines. A file may be cut
//! short, damaged or something else entirely; each is refused with a message naming
//! the file and what is wrong, before anything could index, allocate or add beyond
//! what a real partial report holds.

use super::{Meta, Partial, PARTIAL_FORMAT, PARTIAL_VERSION};
use crate::limits::{MAX_DAYS, MAX_SHARDS, MAX_USERS};
use crate::sim::aggregate::TRUNCATED;
use crate::sim::Aggregates;
use serde_json::Value;

const HOW_TO_WRITE: &str = "write one with `journey simulate FILE --shard K/N -o PART.json`";

/// Reads the partial reports of one run, keeping the sum of all their counts so that
/// merging them cannot overflow.
#[derive(Default)]
pub struct PartialReader {
    total: u64,
}

impl PartialReader {
    /// Parses and checks one file's bytes; `name` names it in messages.
    pub fn read(&mut self, bytes: &[u8], name: &str) -> Result<Partial, String> {
        let value: Value = serde_json::from_slice(bytes).map_err(|e| not_json(bytes, name, &e))?;
        match value.get("format").and_then(Value::as_str) {
            Some(PARTIAL_FORMAT) => {}
            format => {
                let what = format.map_or("other JSON".to_string(), |f| format!("a `{f}` file"));
                return Err(format!(
                    "`{name}` is not a partial report (it is {what}); {HOW_TO_WRITE}"
                ));
            }
        }
        if value["version"] != PARTIAL_VERSION {
            return Err(format!(
                "`{name}` is a partial report of version {}; this journey reads version {PARTIAL_VERSION}",
                value["version"]
            ));
        }
        // Counts are added up here, before the typed reading below adds histogram
        // buckets: a damaged file must not overflow them.
        self.total = count_sum(&value["aggregates"])
            .and_then(|sum| self.total.checked_add(sum))
            .ok_or_else(|| {
                format!("`{name}` is damaged: its counts are too large for any simulation")
            })?;
        drop(value);
        let part: Partial = serde_json::from_slice(bytes)
            .map_err(|e| format!("`{name}` is a damaged partial report: {e}"))?;
        check(&part).map_err(|what| format!("`{name}` is a damaged partial report: {what}"))?;
        Ok(part)
    }
}

/// Why the bytes are not JSON at all.
fn not_json(bytes: &[u8], name: &str, e: &serde_json::Error) -> String {
    let text = bytes.trim_ascii();
    if text.is_empty() {
        format!("`{name}` is empty, not a partial report; {HOW_TO_WRITE}")
    } else if e.is_eof() {
        format!(
            "`{name}` is cut short (it ends at line {}); write it again",
            e.line()
        )
    } else if !text.starts_with(b"{") {
        format!("`{name}` is not a partial report (it is not JSON); {HOW_TO_WRITE}")
    } else {
        format!("`{name}` is damaged: it is not valid JSON ({e})")
    }
}

/// The sum of every whole number under `value`, `None` when it overflows.
fn count_sum(value: &Value) -> Option<u64> {
    match value {
        Value::Number(n) => Some(n.as_u64().unwrap_or(0)),
        Value::Array(items) => items
            .iter()
            .try_fold(0u64, |sum, v| sum.checked_add(count_sum(v)?)),
        Value::Object(fields) => fields
            .values()
            .try_fold(0u64, |sum, v| sum.checked_add(count_sum(v)?)),
        _ => Some(0),
    }
}

/// Checks what the types alone do not: the run's bounds, and that every
/// count list has the length its names in `meta` give it.
fn check(p: &Partial) -> Result<(), String> {
    let m = &p.meta;
    if m.first_day.parse::<chrono::NaiveDate>().is_err() {
        return Err(format!("its first day `{}` is not a date", m.first_day));
    }
    if p.shard.count == 0 || p.shard.index >= p.shard.count || p.shard.count > MAX_SHARDS {
        return Err(format!(
            "its shard {}/{} is not one of at most {MAX_SHARDS} shards",
            p.shard.index, p.shard.count
        ));
    }
    // A run of N days touches at most N + 1 local days.
    if m.users > MAX_USERS || m.days as u64 > MAX_DAYS || m.timeline_days as u64 > MAX_DAYS + 1 {
        return Err("its run is larger than any simulation (users or days)".into());
    }
    shape(m, &p.aggregates)
}

fn shape(m: &Meta, a: &Aggregates) -> Result<(), String> {
    let (stages, goals, days) = (m.stages.len(), m.goals.len(), m.timeline_days);
    let lists = [
        ("goals", a.goals.len(), goals),
        ("stages", a.stages.len(), stages),
        ("touchpoints", a.touchpoints.len(), m.touchpoints.len()),
        ("splits", a.splits.len(), m.splits.len()),
        ("daily sends", a.daily_sends.len(), m.touchpoints.len()),
        ("daily goals", a.daily_goals.len(), goals),
        ("daily tasks", a.daily_tasks.len(), m.teams.len()),
    ];
    let arms = a.splits.iter().zip(&m.splits).flat_map(|(arms, split)| {
        let reached = arms
            .iter()
            .map(move |arm| ("arm goals", arm.reached.len(), goals));
        std::iter::once(("split arms", arms.len(), split.arms.len())).chain(reached)
    });
    let daily = [&a.daily_sends, &a.daily_goals, &a.daily_tasks]
        .into_iter()
        .flatten()
        .map(|d| ("daily counts", d.len(), days));
    let mut all = lists.into_iter().chain(arms).chain(daily);
    if let Some((what, found, expected)) = all.find(|(_, found, expected)| found != expected) {
        return Err(format!(
            "it has {found} {what} where its run has {expected}"
        ));
    }
    let destinations = a.stages.iter().flat_map(|s| s.to.iter().map(|(to, _)| to));
    if let Some(to) = destinations.into_iter().find(|&to| to >= stages) {
        return Err(format!(
            "a transition goes to stage {to}, and its run has {stages}"
        ));
    }
    let unknown_stage = [&a.paths, &a.loops]
        .into_iter()
        .flat_map(|paths| paths.0.keys().flatten())
        .find(|&&id| id != TRUNCATED && id as usize >= stages);
    match unknown_stage {
        Some(id) => Err(format!("a path names stage {id}, and its run has {stages}")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_sums_overflow_to_none() {
        let v: Value = serde_json::json!({"a": [1, 2, {"b": 3}], "c": "x", "d": -4});
        assert_eq!(count_sum(&v), Some(6));
        let big = serde_json::json!([u64::MAX, 1]);
        assert_eq!(count_sum(&big), None);
    }
}

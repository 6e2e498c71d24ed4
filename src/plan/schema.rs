//! The plan's version marker and its JSON Schema (`docs/plan.schema.json`).
//!
//! Versioning follows terraform's rules: a minor change only adds fields, which
//! readers ignore when they do not know them, and keeps `version`; a breaking
//! change raises `version` (the major) and the schema's `$id`.

use super::Plan;
use schemars::generate::SchemaSettings;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

/// The plan format's major version.
pub const MAJOR: u32 = 2;

/// The schema's `$id`, naming the major version.
pub const SCHEMA_ID: &str = "urn:journey:plan:v2";

/// The oldest major this reader reads. Version 2 only added to version 1 (new actions,
/// conditions, triggers and fields, each with a default), so a version-1 plan reads
/// as the version-2 plan of the same source.
pub const OLDEST_READ: u32 = 1;

/// The `version` field: written as [`MAJOR`]; reading accepts [`OLDEST_READ`] up to
/// [`MAJOR`], and fails on any other.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Version;

impl Serialize for Version {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(MAJOR)
    }
}

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Version, D::Error> {
        let found = u64::deserialize(d)?;
        if (u64::from(OLDEST_READ)..=u64::from(MAJOR)).contains(&found) {
            Ok(Version)
        } else {
            Err(D::Error::custom(format!(
                "plan version {found} is not supported; this reader reads versions \
                 {OLDEST_READ} to {MAJOR}"
            )))
        }
    }
}

impl JsonSchema for Version {
    fn schema_name() -> Cow<'static, str> {
        "Version".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The plan format's major version. Readers reject a major they do not support and ignore fields they do not know.",
            "type": "integer",
            "const": MAJOR,
        })
    }
}

/// The JSON Schema (draft 2020-12) of what `journey compile` writes.
pub fn schema() -> serde_json::Value {
    let mut schema = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Plan>();
    schema.insert("$id".into(), SCHEMA_ID.into());
    schema.insert(
        "title".into(),
        format!("journey plan, version {MAJOR}").into(),
    );
    schema.to_value()
}

/// The schema as the checked-in file holds it: pretty JSON with a final newline.
pub fn schema_json() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).expect("a schema serialises");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checked_in_schema_matches_the_types() {
        crate::checked_in::assert_checked_in(
            "docs/plan.schema.json",
            &schema_json(),
            "`cargo run -- compile --schema -o docs/plan.schema.json`",
        );
    }

    #[test]
    fn the_schema_names_its_draft_and_major_version() {
        let s = schema();
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(s["$id"], SCHEMA_ID);
        assert!(SCHEMA_ID.ends_with(&format!("v{MAJOR}")));
        assert_eq!(s["properties"]["version"]["$ref"], "#/$defs/Version");
    }

    #[test]
    fn version_one_reads_and_other_majors_are_rejected() {
        assert_eq!(serde_json::from_str::<Version>("2").unwrap(), Version);
        let err = serde_json::from_str::<Version>("3").unwrap_err();
        assert!(err.to_string().contains("plan version 3 is not supported"));
        assert_eq!(serde_json::from_str::<Version>("1").unwrap(), Version);
        let err = serde_json::from_str::<Version>("0").unwrap_err();
        assert!(err.to_string().contains("plan version 0 is not supported"));
    }
}

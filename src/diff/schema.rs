//! The diff's JSON Schema (`docs/diff.schema.json`, `journey diff --schema`), generated
//! from the types so that it cannot drift from what `journey diff --format json` writes.

use super::types::{Diff, DIFF_FORMAT, DIFF_VERSION};
use schemars::generate::SchemaSettings;
use serde_json::json;

pub fn schema_json() -> String {
    let mut schema = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Diff>();
    schema.insert(
        "$id".into(),
        format!("urn:journey:diff:v{DIFF_VERSION}").into(),
    );
    schema.insert(
        "title".into(),
        format!("journey diff, version {DIFF_VERSION}").into(),
    );
    let mut value = schema.to_value();
    // The types hold these as a plain string and number; the schema pins them.
    value["properties"]["format"]["const"] = json!(DIFF_FORMAT);
    value["properties"]["version"]["const"] = json!(DIFF_VERSION);
    serde_json::to_string_pretty(&value).expect("a schema serializes") + "\n"
}

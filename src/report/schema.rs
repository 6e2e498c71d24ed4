//! The report's JSON Schema (`docs/report.schema.json`, `journey simulate --schema`),
//! generated from the report types so that it cannot drift from what `simulate`
//! writes.
//!
//! The report's version follows the plan's rule: adding a field keeps `version`;
//! renaming or removing one, or changing what it means, raises it and the `$id`.

use super::{Report, REPORT_FORMAT, REPORT_VERSION};
use crate::i18n::Lang;
use schemars::generate::SchemaSettings;
use serde_json::{json, Value};

/// The schema's `$id`, naming the report's version.
pub fn schema_id() -> String {
    format!("urn:journey:report:v{REPORT_VERSION}")
}

/// The JSON Schema (draft 2020-12) of the report `journey simulate --format json`
/// writes.
pub fn schema() -> Value {
    let mut schema = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Report>();
    schema.insert("$id".into(), schema_id().into());
    schema.insert(
        "title".into(),
        format!("journey report, version {REPORT_VERSION}").into(),
    );
    let mut value = schema.to_value();
    // The types hold these as plain strings and numbers; the schema pins them.
    let fields = &mut value["properties"];
    fields["format"]["const"] = json!(REPORT_FORMAT);
    fields["version"]["const"] = json!(REPORT_VERSION);
    fields["lang"]["enum"] = Lang::ALL.iter().map(|l| json!(l.as_str())).collect();
    value
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
            "docs/report.schema.json",
            &schema_json(),
            "`cargo run -- simulate --schema -o docs/report.schema.json`",
        );
    }

    #[test]
    fn the_schema_pins_the_format_version_and_languages() {
        let s = schema();
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(s["$id"], "urn:journey:report:v2");
        let fields = &s["properties"];
        assert_eq!(fields["format"]["const"], "journey-report");
        assert_eq!(fields["version"]["const"], 2);
        assert_eq!(fields["lang"]["enum"], json!(["en", "zh"]));
    }
}

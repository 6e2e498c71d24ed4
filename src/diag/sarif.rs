//! The SARIF 2.1.0 renderer, for GitHub code scanning and other CI dashboards: one
//! run whose driver lists the codes found as rules, one result per diagnostic.
//! Lines and columns are 1-based; columns count Unicode code points (characters),
//! which the run states with `columnKind: unicodeCodePoints`; a region's end is the
//! position just after its last character, as SARIF defines it.

use super::{json::range, message_and_help, Code, Diagnostic, Severity};
use crate::i18n::Lang;
use crate::source::{SourceFile, Span};
use serde::Serialize;

pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
pub struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: String,
    short_description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Help>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

/// One diagnostic as a SARIF result.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
}

/// A fix as SARIF has it: a description and, for the one file, its replacements.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Text,
    artifact_changes: [ArtifactChange; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

/// Replace `deleted_region` (an empty region: insert there) with `inserted_content`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The results of one file. Its name should be a relative path with `/`
/// separators, as code scanning resolves it against the repository root.
pub fn results(file: &SourceFile, diagnostics: &[Diagnostic], lang: Lang) -> Vec<SarifResult> {
    let uri = uri(&file.name);
    let region = |span: Span| {
        let (start_line, start_column, end_line, end_column) = range(file, span);
        Region {
            start_line,
            start_column,
            end_line,
            end_column,
        }
    };
    let location = |span: Span, id: Option<usize>, message: Option<&str>| Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri: uri.clone() },
            region: region(span),
        },
        message: message.map(|m| Text {
            text: m.to_string(),
        }),
    };
    diagnostics
        .iter()
        .map(|d| {
            let primary = d.primary_span();
            let d = d.words(lang);
            SarifResult {
                rule_id: d.code.as_str(),
                rule_index: 0, // set by `log`, which knows the rules
                level: level(d.severity),
                message: Text {
                    text: message_and_help(&d, lang),
                },
                locations: [location(primary, None, None)],
                related_locations: (d.labels.iter().enumerate().skip(1))
                    .filter(|(_, (_, message))| !message.is_empty())
                    .map(|(i, (span, message))| location(*span, Some(i), Some(message)))
                    .collect(),
                fixes: (d.fixes.into_iter())
                    .map(|(title, _, edits)| SarifFix {
                        description: Text { text: title },
                        artifact_changes: [ArtifactChange {
                            artifact_location: ArtifactLocation { uri: uri.clone() },
                            replacements: (edits.into_iter())
                                .map(|e| Replacement {
                                    deleted_region: region(e.span),
                                    inserted_content: Text { text: e.text },
                                })
                                .collect(),
                        }],
                    })
                    .collect(),
            }
        })
        .collect()
}

impl SarifResult {
    /// Adds `part`'s labels — the same finding's labels in `file`, another file — as
    /// related locations in that file.
    pub fn relate(&mut self, file: &SourceFile, part: &Diagnostic, lang: Lang) {
        let uri = uri(&file.name);
        let worded = part.words(lang);
        for (span, message) in worded.labels.into_iter().filter(|(_, m)| !m.is_empty()) {
            let (start_line, start_column, end_line, end_column) = range(file, span);
            self.related_locations.push(Location {
                id: Some(self.related_locations.len() + 1),
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation { uri: uri.clone() },
                    region: Region {
                        start_line,
                        start_column,
                        end_line,
                        end_column,
                    },
                },
                message: Some(Text { text: message }),
            });
        }
    }
}

/// The whole log, with a rule for each code among the results. `explain` gives a
/// code's section of the diagnostics reference in the run's language (heading,
/// explanation, example and fix) for the rule's title, description and help.
pub fn log(mut results: Vec<SarifResult>, explain: impl Fn(Code) -> Option<&'static str>) -> Log {
    let used: Vec<Code> = Code::ALL
        .iter()
        .copied()
        .filter(|c| results.iter().any(|r| r.rule_id == c.as_str()))
        .collect();
    for r in &mut results {
        r.rule_index = used
            .iter()
            .position(|c| c.as_str() == r.rule_id)
            .unwrap_or(0);
    }
    let rules = used
        .into_iter()
        .map(|code| {
            let section = explain(code);
            Rule {
                id: code.as_str(),
                name: format!("{code:?}"),
                short_description: Text {
                    text: section
                        .and_then(heading_title)
                        .unwrap_or(code.title())
                        .to_string(),
                },
                full_description: section.and_then(first_paragraph).map(|text| Text { text }),
                help: section.map(|s| Help {
                    text: s.trim().to_string(),
                    markdown: s.trim().to_string(),
                }),
                default_configuration: Configuration {
                    level: level(code.severity()),
                },
            }
        })
        .collect();
    Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "journey",
                    version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    }
}

/// The explanation under a section's heading, joined into one line.
/// The title in a section's heading: `unknown event` in `## J0102: unknown event`.
fn heading_title(section: &str) -> Option<&str> {
    Some(section.lines().next()?.split_once(": ")?.1.trim())
}

fn first_paragraph(section: &str) -> Option<String> {
    let body = section.split_once('\n')?.1.trim_start();
    let para = body.split("\n\n").next()?;
    let mut text = String::new();
    for line in para.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if let (Some(end), Some(start)) = (text.chars().last(), line.chars().next()) {
            if !joins_without_space(end, start) {
                text.push(' ');
            }
        }
        text.push_str(&line);
    }
    Some(text)
}

/// Whether the end of one line and the start of the next join without a space, as
/// Chinese is written: next to Chinese punctuation, or between two Chinese characters.
fn joins_without_space(end: char, start: char) -> bool {
    let punctuation = |c: char| matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}');
    let ideograph = |c: char| matches!(c, '\u{4E00}'..='\u{9FFF}');
    punctuation(end) || punctuation(start) || (ideograph(end) && ideograph(start))
}

/// A relative path as a URI reference: `/` separators, and every byte outside
/// RFC 3986's unreserved set (and `/`) percent-encoded, Chinese names included.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded_with_forward_slashes() {
        assert_eq!(
            uri("examples/beauty_w2.journey"),
            "examples/beauty_w2.journey"
        );
        assert_eq!(uri("旅程\\a b.journey"), "%E6%97%85%E7%A8%8B/a%20b.journey");
    }

    #[test]
    fn a_rule_takes_its_title_and_first_paragraph_from_the_section() {
        let en =
            "## J0102: unknown event\n\nAn event\nthat is  not (企业微信\n1v1) declared.\n\nMore.";
        assert_eq!(heading_title(en), Some("unknown event"));
        assert_eq!(
            first_paragraph(en).unwrap(),
            "An event that is not (企业微信 1v1) declared."
        );
        // Chinese lines join without the space a line break would otherwise become.
        let zh = "## J0102: 找不到事件\n\n`sum`、\n`arrivals` 用到了没有声明的\n事件，所以是\n`错误`。\n\n更多。";
        assert_eq!(heading_title(zh), Some("找不到事件"));
        assert_eq!(
            first_paragraph(zh).unwrap(),
            "`sum`、`arrivals` 用到了没有声明的事件，所以是 `错误`。"
        );
    }
}

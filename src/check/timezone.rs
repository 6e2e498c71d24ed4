//! A journey's `timezone`: an IANA name, with the names people write instead
//! (`Asia/Beijing`, `北京时间`, `CST`, `UTC+8`) mapped to the zone they mean.

use super::{Checker, Report};
use crate::diag::{Code, Diagnostic, Fix, Safety};
use crate::i18n::msg;
use crate::suggest::closest;
use crate::syntax::ast;

/// Why a name that is not an IANA zone stands for one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Alias {
    /// Another name of the place (a city, a country, a misremembered IANA name):
    /// the zone is certain, the fix safe.
    Place,
    /// An abbreviation several zones share (`CST`: China, or US Central).
    Ambiguous,
    /// A UTC offset: many zones have it; the likeliest is meant, not certain.
    Offset,
}

/// Names that are not IANA zones, lower-cased and without spaces, and the zone
/// they stand for. Names chrono-tz knows (`PRC`, `Hongkong`, `Asia/Chongqing`,
/// `Asia/Harbin`, `Asia/Macao`, `Asia/Taipei`) are valid and not listed.
const ALIASES: &[(&str, &str, Alias)] = &[
    ("asia/beijing", "Asia/Shanghai", Alias::Place),
    ("beijing", "Asia/Shanghai", Alias::Place),
    ("shanghai", "Asia/Shanghai", Alias::Place),
    ("china", "Asia/Shanghai", Alias::Place),
    ("chinastandardtime", "Asia/Shanghai", Alias::Place),
    ("北京", "Asia/Shanghai", Alias::Place),
    ("北京时间", "Asia/Shanghai", Alias::Place),
    ("上海", "Asia/Shanghai", Alias::Place),
    ("中国", "Asia/Shanghai", Alias::Place),
    ("中国标准时间", "Asia/Shanghai", Alias::Place),
    ("cst", "Asia/Shanghai", Alias::Ambiguous),
    ("东八区", "Asia/Shanghai", Alias::Offset),
    ("asia/hongkong", "Asia/Hong_Kong", Alias::Place),
    ("hongkong", "Asia/Hong_Kong", Alias::Place),
    ("hkt", "Asia/Hong_Kong", Alias::Place),
    ("香港", "Asia/Hong_Kong", Alias::Place),
    ("香港时间", "Asia/Hong_Kong", Alias::Place),
    ("taipei", "Asia/Taipei", Alias::Place),
    ("台北", "Asia/Taipei", Alias::Place),
    ("台北时间", "Asia/Taipei", Alias::Place),
    ("macau", "Asia/Macau", Alias::Place),
    ("澳门", "Asia/Macau", Alias::Place),
    ("singapore", "Asia/Singapore", Alias::Place),
    ("新加坡", "Asia/Singapore", Alias::Place),
    ("tokyo", "Asia/Tokyo", Alias::Place),
    ("东京", "Asia/Tokyo", Alias::Place),
];

/// The zone `written` stands for, when it is a known alias or the UTC offset +8.
fn alias(written: &str) -> Option<(&'static str, Alias)> {
    let key: String = (written.chars())
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if let Some(&(_, zone, kind)) = ALIASES.iter().find(|(name, _, _)| *name == key) {
        return Some((zone, kind));
    }
    let offset = ["utc", "gmt"].iter().find_map(|p| key.strip_prefix(p))?;
    matches!(offset, "+8" | "+08" | "+8:00" | "+08:00" | "+0800")
        .then_some(("Asia/Shanghai", Alias::Offset))
}

impl Checker<'_> {
    /// The zone of `timezone "…"`; J0302 when it is not an IANA name.
    pub(super) fn timezone(&mut self, tz: &ast::Str) -> Option<chrono_tz::Tz> {
        if let Ok(parsed) = tz.value.parse::<chrono_tz::Tz>() {
            return Some(parsed);
        }
        let d = Diagnostic::new(
            Code::UnknownTimezone,
            msg!("unknown-timezone", zone = &tz.value),
            tz.span,
            msg!("unknown-timezone.label"),
        );
        // The span holds the quotes; a fix writes them back.
        let fix = |zone: &str, safety| {
            let title = msg!("fix-use-timezone", zone = zone);
            Fix::replace(title, safety, tz.span, format!("\"{zone}\""))
        };
        let d = if let Some((zone, kind)) = alias(&tz.value) {
            let given = tz.value.as_str();
            let (help, safety) = match kind {
                Alias::Place => (
                    msg!("unknown-timezone.help-alias", given = given, zone = zone),
                    Safety::Safe,
                ),
                Alias::Ambiguous => (
                    msg!(
                        "unknown-timezone.help-ambiguous",
                        given = given,
                        zone = zone
                    ),
                    Safety::Suggested,
                ),
                Alias::Offset => (
                    msg!("unknown-timezone.help-offset", given = given, zone = zone),
                    Safety::Suggested,
                ),
            };
            d.with_help(help).with_fix(fix(zone, safety))
        } else {
            let names = chrono_tz::TZ_VARIANTS.iter().map(|t| t.name());
            match closest(&tz.value, names).as_slice() {
                [] => d.with_help(msg!("unknown-timezone.help")),
                [zone] => d
                    .with_help(msg!("unknown-timezone.help-near", zone = *zone))
                    .with_fix(fix(zone, Safety::Safe)),
                zones => {
                    let names: Vec<String> = zones.iter().map(|z| z.to_string()).collect();
                    let d = d.with_help(msg!("did-you-mean", names = names));
                    (zones.iter()).fold(d, |d, z| d.with_fix(fix(z, Safety::Suggested)))
                }
            }
        };
        self.push(d);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{words, Lang};

    #[test]
    fn aliases_are_not_iana_names_and_stand_for_iana_zones() {
        for (name, zone, _) in ALIASES {
            assert!(name.parse::<chrono_tz::Tz>().is_err(), "{name} is valid");
            assert!(zone.parse::<chrono_tz::Tz>().is_ok(), "{zone} is not");
        }
        for valid in [
            "Asia/Chongqing",
            "Asia/Harbin",
            "Asia/Taipei",
            "Hongkong",
            "PRC",
        ] {
            assert!(valid.parse::<chrono_tz::Tz>().is_ok(), "{valid}");
        }
    }

    #[test]
    fn names_people_write_map_to_the_zone_they_mean() {
        let cases = [
            ("Asia/Beijing", "Asia/Shanghai", Alias::Place),
            ("Beijing", "Asia/Shanghai", Alias::Place),
            ("北京", "Asia/Shanghai", Alias::Place),
            ("北京时间", "Asia/Shanghai", Alias::Place),
            ("China Standard Time", "Asia/Shanghai", Alias::Place),
            ("CST", "Asia/Shanghai", Alias::Ambiguous),
            ("UTC+8", "Asia/Shanghai", Alias::Offset),
            ("GMT+8", "Asia/Shanghai", Alias::Offset),
            ("UTC +08:00", "Asia/Shanghai", Alias::Offset),
            ("Asia/Hongkong", "Asia/Hong_Kong", Alias::Place),
            ("香港", "Asia/Hong_Kong", Alias::Place),
            ("台北", "Asia/Taipei", Alias::Place),
        ];
        for (written, zone, kind) in cases {
            assert_eq!(alias(written), Some((zone, kind)), "{written}");
        }
        assert_eq!(alias("UTC+9"), None);
        assert_eq!(alias("Asia/Shang_hai"), None);
    }

    /// The diagnostic a file with `timezone "<written>"` gets.
    fn diagnostic(written: &str) -> Diagnostic {
        let text = format!(
            "event signup\njourney 新客 {{\n  timezone \"{written}\"\n  entry on signup\n  stage 新手 {{ }}\n}}\n"
        );
        let checked = crate::check::check_source(&text);
        let found = checked
            .diagnostics
            .iter()
            .find(|d| d.code == Code::UnknownTimezone);
        found.expect("J0302").clone()
    }

    #[test]
    fn asia_beijing_gets_a_safe_fix_to_asia_shanghai_not_beirut() {
        let d = diagnostic("Asia/Beijing");
        let help = words(d.help.as_deref().unwrap(), Lang::En);
        assert_eq!(
            help,
            "\"Asia/Beijing\" is not a time zone name; write \"Asia/Shanghai\""
        );
        assert_eq!(d.fixes.len(), 1);
        assert_eq!(d.fixes[0].safety, Safety::Safe);
        assert_eq!(d.fixes[0].edits[0].text, "\"Asia/Shanghai\"");
    }

    #[test]
    fn cst_and_offsets_get_a_suggested_fix_only() {
        for written in ["CST", "UTC+8"] {
            let d = diagnostic(written);
            assert_eq!(d.fixes.len(), 1, "{written}");
            assert_eq!(d.fixes[0].safety, Safety::Suggested, "{written}");
            assert_eq!(d.fixes[0].edits[0].text, "\"Asia/Shanghai\"");
        }
        let help = words(diagnostic("CST").help.as_deref().unwrap(), Lang::Zh);
        assert!(help.contains("Asia/Shanghai"), "{help}");
    }

    #[test]
    fn a_typo_of_an_iana_name_gets_a_safe_fix() {
        let d = diagnostic("Asia/Shang_hai");
        assert_eq!(d.fixes.len(), 1);
        assert_eq!(d.fixes[0].safety, Safety::Safe);
        assert_eq!(d.fixes[0].edits[0].text, "\"Asia/Shanghai\"");
    }
}

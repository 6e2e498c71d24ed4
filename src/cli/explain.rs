//! `journey explain CODE`: prints the code's section of `docs/diagnostics.md`.

use super::{exit, fail, output};
use crate::diag::Code;

/// The catalogue is compiled in, so `explain` works wherever the binary goes.
const CATALOGUE: &str = include_str!("../../docs/diagnostics.md");

#[derive(clap::Args)]
pub struct Args {
    /// A diagnostic code such as J0102.
    code: String,
}

pub fn run(args: Args) -> u8 {
    let Some(code) = Code::parse(&args.code) else {
        return fail(format!(
            "`{}` is not a diagnostic code; codes look like J0102 (see docs/diagnostics.md)",
            args.code
        ));
    };
    match section(code) {
        Some(text) => match output::print(&format!("{}\n", text.trim_end())) {
            Ok(()) => exit::OK,
            Err(e) => fail(e),
        },
        None => fail(format!("no explanation is written for {code} yet")),
    }
}

/// The `## JXXXX: title` section of the catalogue, up to the next heading of the
/// same or a higher level (outside code blocks).
pub fn section(code: Code) -> Option<&'static str> {
    let heading = format!("## {}:", code.as_str());
    let start = CATALOGUE.find(&heading)?;
    let rest = &CATALOGUE[start..];
    let mut in_code = false;
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.starts_with("```") {
            in_code = !in_code;
        } else if i > 0 && !in_code && (line.starts_with("## ") || line.starts_with("# ")) {
            return Some(&rest[..offset]);
        }
        offset += line.len();
    }
    Some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_an_explanation_with_its_title() {
        for &code in Code::ALL {
            let text = section(code).unwrap_or_else(|| panic!("no section for {code}"));
            let first = text.lines().next().unwrap();
            assert_eq!(
                first,
                format!("## {}: {}", code.as_str(), code.title()),
                "heading of {code}"
            );
            assert!(text.contains("```journey"), "{code} has no example");
            assert!(text.contains("**Fix:**"), "{code} has no fix");
        }
    }

    #[test]
    fn every_failing_example_raises_its_code_and_every_fix_is_clean() {
        for &code in Code::ALL {
            if code == Code::NestingTooDeep {
                continue; // its example is shortened
            }
            let text = section(code).unwrap();
            let examples: Vec<&str> = text
                .split("```journey\n")
                .skip(1)
                .map(|rest| rest.split("```").next().unwrap())
                .collect();
            let codes = |i: usize| -> Vec<Code> {
                let checked = crate::check::check_source(examples[i]);
                checked.diagnostics.iter().map(|d| d.code).collect()
            };
            assert!(
                codes(0).contains(&code),
                "{code}: the first example raises {:?}",
                codes(0)
            );
            let last = examples.len() - 1;
            assert!(
                codes(last).is_empty(),
                "{code}: the fix raises {:?}",
                codes(last)
            );
        }
    }
}

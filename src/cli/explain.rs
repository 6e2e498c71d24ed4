//! `journey explain CODE`: prints the code's section of the diagnostics reference in
//! the reader's language — `docs/diagnostics.md`, or its Chinese twin
//! `docs/diagnostics.zh.md`.

use super::{exit, fail, output};
use crate::diag::Code;
use crate::i18n::{msg, Lang};

/// The references are compiled in, so `explain` works wherever the binary goes.
fn reference(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../../docs/diagnostics.md"),
        Lang::Zh => include_str!("../../docs/diagnostics.zh.md"),
    }
}

#[derive(clap::Args)]
pub struct Args {
    /// A diagnostic code such as J0102.
    code: Option<String>,
}

pub fn run(args: Args, lang: Lang) -> u8 {
    let Some(text) = args.code else {
        return fail(msg!("explain-no-code"), lang);
    };
    let Some(code) = Code::parse(&text) else {
        return fail(msg!("explain-not-a-code", text = text), lang);
    };
    match section(code, lang) {
        Some(section) => match output::print(&format!("{}\n", section.trim_end())) {
            Ok(()) => exit::OK,
            Err(e) => fail(e, lang),
        },
        None => fail(msg!("explain-not-written", code = code.as_str()), lang),
    }
}

/// The `## JXXXX: title` section of the reference in `lang`, up to the next heading
/// of the same or a higher level (outside code blocks).
pub fn section(code: Code, lang: Lang) -> Option<&'static str> {
    let reference = reference(lang);
    let heading = format!("## {}:", code.as_str());
    let start = reference.find(&heading)?;
    let rest = &reference[start..];
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
mod tests;

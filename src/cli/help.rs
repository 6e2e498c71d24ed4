//! `--help` in the reader's language. clap words help from the doc comments, in
//! English, and that English output is kept byte for byte; for Chinese every
//! `about`, argument help, heading and the examples are replaced with words of the
//! `help-*` catalogue messages (src/i18n/*/help.ftl).

use super::Cli;
use crate::i18n::{msg, words, Lang, Message};
use clap::CommandFactory;

/// Every help message, named from where it is shown: `help-journey` is the
/// program's `about`, `help-SUBCOMMAND` a subcommand's, `help-SUBCOMMAND-ARG` an
/// argument's help; `help-flag-ARG` is an argument every command has (`--lang`,
/// `-h`, `-V`) and `help-command-help` clap's own `help` subcommand.
const IDS: &[&str] = &[
    "help-journey",
    "help-check",
    "help-check-paths",
    "help-check-format",
    "help-check-deny",
    "help-check-allow",
    "help-check-fix",
    "help-check-unsafe-fixes",
    "help-check-diff",
    "help-explain",
    "help-explain-code",
    "help-compile",
    "help-compile-file",
    "help-compile-journey",
    "help-compile-output",
    "help-compile-schema",
    "help-graph",
    "help-graph-file",
    "help-graph-journey",
    "help-graph-format",
    "help-graph-output",
    "help-fmt",
    "help-fmt-paths",
    "help-fmt-check",
    "help-lsp",
    "help-lsp-stdio",
    "help-simulate",
    "help-simulate-file",
    "help-simulate-journey",
    "help-simulate-population",
    "help-simulate-users",
    "help-simulate-days",
    "help-simulate-seed",
    "help-simulate-threads",
    "help-simulate-format",
    "help-simulate-daily",
    "help-simulate-output",
    "help-simulate-shard",
    "help-simulate-trace",
    "help-simulate-schema",
    "help-report",
    "help-report-merge",
    "help-report-merge-parts",
    "help-report-merge-format",
    "help-report-merge-daily",
    "help-report-merge-output",
    "help-diff",
    "help-diff-files",
    "help-diff-base",
    "help-diff-journey",
    "help-diff-population",
    "help-diff-users",
    "help-diff-days",
    "help-diff-seed",
    "help-diff-threads",
    "help-diff-format",
    "help-diff-output",
    "help-diff-fail-on",
    "help-diff-schema",
    "help-command-help",
    "help-flag-lang",
    "help-flag-help",
    "help-flag-version",
];

/// The command line's definition, its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let mut command = Cli::command();
    if lang == Lang::En {
        return command;
    }
    // Built first, the command has clap's own `help` subcommand and `-h`/`-V`
    // flags, which are then reworded like the rest.
    command.build();
    let layout = Layout::new(lang);
    translate(command, "help-journey", &layout).after_help(text("help-examples", lang))
}

/// What every command's help shares in one language: its template and headings.
struct Layout {
    lang: Lang,
    template: String,
    commands: &'static str,
    arguments: &'static str,
    options: &'static str,
}

impl Layout {
    fn new(lang: Lang) -> Layout {
        // clap's default template, its "Usage:" heading in `lang`.
        let usage = text("help-heading-usage", lang);
        Layout {
            lang,
            template: format!(
                "{{before-help}}{{about-with-newline}}\n{usage}{{usage}}\n\n{{all-args}}{{after-help}}"
            ),
            commands: heading("help-heading-commands", lang),
            arguments: heading("help-heading-arguments", lang),
            options: heading("help-heading-options", lang),
        }
    }
}

/// `id`'s words in `lang`.
fn text(id: &'static str, lang: Lang) -> String {
    words(&Message::new(id), lang)
}

/// A heading's words: clap takes headings only as `&'static str` (without its
/// `string` feature). The help is made once per run, so these three strings are
/// the run's, not a leak that grows.
fn heading(id: &'static str, lang: Lang) -> &'static str {
    Box::leak(text(id, lang).into_boxed_str())
}

/// `arg` with the help `id` in `lang`, followed by its default and its possible
/// values in `lang` rather than clap's English `[default: …]`.
fn with_values(arg: clap::Arg, id: &'static str, lang: Lang) -> clap::Arg {
    let mut help = text(id, lang);
    // Like clap, values are shown only for an argument that takes one.
    if arg.get_action().takes_values() && !arg.is_hide_default_value_set() {
        let default: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !default.is_empty() {
            help = words(
                &msg!("help-default", help = help, value = default.join(" ")),
                lang,
            );
        }
    }
    if arg.get_action().takes_values() && !arg.is_hide_possible_values_set() {
        let choices: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !choices.is_empty() {
            help = words(&msg!("help-choices", help = help, values = choices), lang);
        }
    }
    arg.help(help)
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// The id of [`IDS`] equal to `id`, if there is one.
fn known(id: &str) -> Option<&'static str> {
    IDS.iter().copied().find(|known| *known == id)
}

/// The help id of the argument `arg` of the command whose id is `prefix`.
fn arg_id(prefix: &str, arg: &str) -> Option<&'static str> {
    let arg = arg.replace('_', "-");
    known(&format!("{prefix}-{arg}")).or_else(|| known(&format!("help-flag-{arg}")))
}

/// `command` (whose about is `id`) with its about, its arguments' help and its
/// headings in `lang`, and the same for its subcommands (ids `id-NAME`).
fn translate(mut command: clap::Command, id: &str, layout: &Layout) -> clap::Command {
    let lang = layout.lang;
    let prefix = if id == "help-journey" { "help" } else { id };
    let about = match command.get_name() {
        "help" => known("help-command-help"),
        _ => known(id),
    };
    if let Some(about) = about {
        command = command.about(text(about, lang));
    }
    command = command
        .help_template(&layout.template)
        .subcommand_help_heading(layout.commands);
    let args: Vec<(String, bool)> = command
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (arg, positional) in args {
        let id = arg_id(prefix, &arg);
        let heading = match positional {
            true => layout.arguments,
            false => layout.options,
        };
        command = command.mut_arg(arg, |a| {
            let a = a.help_heading(heading);
            match id {
                Some(id) => with_values(a, id, lang),
                None => a,
            }
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let id = format!("{prefix}-{name}");
        command = command.mut_subcommand(name, |s| translate(s, &id, layout));
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Calls `visit` with the help id and clap's English of every about and
    /// argument help under `command` (whose about is `id`).
    fn each_help(command: &clap::Command, id: &str, visit: &mut impl FnMut(String, String)) {
        let prefix = if id == "help-journey" { "help" } else { id };
        let about = match command.get_name() {
            "help" => "help-command-help".to_string(),
            _ => id.to_string(),
        };
        visit(about, command.get_about().unwrap().to_string());
        for arg in command.get_arguments() {
            let arg_id = arg_id(prefix, arg.get_id().as_str())
                .map(str::to_string)
                .unwrap_or_else(|| format!("(none for `{}` in `{id}`)", arg.get_id()));
            visit(arg_id, arg.get_help().unwrap().to_string());
        }
        // clap's `help` subcommand has one, never shown, for each command.
        for sub in command
            .get_subcommands()
            .filter(|_| command.get_name() != "help")
        {
            each_help(sub, &format!("{prefix}-{}", sub.get_name()), visit);
        }
    }

    #[test]
    fn every_help_has_a_catalogue_id_whose_english_is_clap_s() {
        let mut command = Cli::command();
        command.build();
        let mut used = Vec::new();
        each_help(&command, "help-journey", &mut |id, english| {
            let known = known(&id).unwrap_or_else(|| panic!("no help id {id}"));
            assert_eq!(text(known, Lang::En), english, "{id}");
            used.push(known);
        });
        let unused: Vec<_> = IDS.iter().filter(|id| !used.contains(id)).collect();
        assert!(unused.is_empty(), "ids of no help: {unused:?}");
    }

    #[test]
    fn the_english_examples_and_headings_are_clap_s() {
        let command = Cli::command();
        assert_eq!(
            text("help-examples", Lang::En),
            command.get_after_help().unwrap().to_string()
        );
        let english = ["Usage: ", "Commands", "Arguments", "Options"];
        let ids = [
            "help-heading-usage",
            "help-heading-commands",
            "help-heading-arguments",
            "help-heading-options",
        ];
        for (id, english) in ids.into_iter().zip(english) {
            assert_eq!(text(id, Lang::En), english);
        }
    }

    #[test]
    fn the_english_command_is_clap_s_own() {
        let render = |mut c: clap::Command| c.render_help().to_string();
        assert_eq!(render(command(Lang::En)), render(Cli::command()));
        assert_ne!(render(command(Lang::Zh)), render(Cli::command()));
    }
}

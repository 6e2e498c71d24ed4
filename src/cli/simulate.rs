//! `journey simulate FILE`, and `journey simulate --schema`.

use super::flags::{count, LayoutFlags, Refused};
use super::output::{self, Output};
use super::{exit, fail, files, say_error};
use crate::check::{
    check_source,
    model::{Journey, Model},
};
use crate::diag::human;
use crate::i18n::{msg, words, Arg, Lang, Message};
use crate::limits::{self, grouped, MAX_DAYS, MAX_SHARDS, MAX_THREADS, MAX_USERS, MAX_USER_DAYS};
use crate::report::{self, JourneyPart, Meta, Partial, RenderOptions, Shard};
use crate::sim::portfolio::{self, Portfolio};
use crate::sim::{self, Calendar, Run, Time, DAY};
use crate::source::SourceFile;
use clap::ValueEnum;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(clap::Args)]
pub struct Args {
    /// The journey file; a directory runs its entry file (the one no other file
    /// imports); none, inside a project, the project's.
    pub(super) file: Option<PathBuf>,
    #[command(flatten)]
    pub(super) options: SimulateOptions,
    /// Output format (default: from the `-o` file's extension, else `table`).
    #[arg(long, value_enum)]
    format: Option<Format>,
    #[command(flatten)]
    layout: LayoutFlags,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    output: Option<PathBuf>,
    /// Simulate only shard K of N (K from 0, N at most 10,000) and write a partial
    /// JSON report for `journey report merge`.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    shard: Option<Shard>,
    /// Print one user's timeline (user index from 0) instead of the report.
    #[arg(long, value_name = "USER", value_parser = count(0, MAX_USERS - 1))]
    trace: Option<u64>,
    /// Print the report's JSON Schema (docs/report.schema.json) instead of simulating.
    #[arg(long, conflicts_with_all = ["file", "format", "shard", "trace"])]
    pub(super) schema: bool,
}

/// What to simulate and how: the flags of `journey simulate` that a library user
/// sets too (see [`crate::simulate`]).
#[derive(clap::Args, Clone, Debug, Default)]
pub struct SimulateOptions {
    /// A journey to simulate; repeat it for several (default: every journey of the
    /// file, together on the population).
    #[arg(long, value_name = "NAME")]
    pub journey: Vec<String>,
    /// The population to simulate on (default: the file's only population).
    #[arg(long, value_name = "NAME")]
    pub population: Option<String>,
    /// Number of users, at most 1,000,000,000 (default: the population's `size`).
    #[arg(long, value_name = "N", value_parser = count(1, MAX_USERS))]
    pub users: Option<u64>,
    /// Days to simulate, at most 36,500 (default: the population's `days`).
    #[arg(long, value_name = "N", value_parser = count(1, MAX_DAYS))]
    pub days: Option<u64>,
    /// Random seed: the same seed gives the same report.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub seed: u64,
    /// Worker threads, at most 256 (default: all cores). The report does not depend on it.
    #[arg(long, value_name = "N", value_parser = count(1, MAX_THREADS))]
    pub threads: Option<u64>,
    /// Runs every rule item by item, the bulk path off (`sim::bulk`) and no rule
    /// asleep (`sim::sleep`): for the tests that compare the paths' reports, not a flag.
    #[arg(skip)]
    #[doc(hidden)]
    pub per_item: bool,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Markdown,
    Html,
}

impl Format {
    /// The format an output file's extension asks for.
    pub fn from_path(path: Option<&Path>) -> Format {
        match path.and_then(|p| p.extension()) {
            Some(ext) if ext == "json" => Format::Json,
            Some(ext) if ext == "md" => Format::Markdown,
            Some(ext) if ext == "html" || ext == "htm" => Format::Html,
            _ => Format::Table,
        }
    }
}

fn parse_shard(text: &str) -> Result<Shard, Refused> {
    let bad = || Refused(msg!("simulate-not-a-shard", text = text));
    let (k, n) = text.split_once('/').ok_or_else(bad)?;
    let (index, count) = (
        k.trim().parse().map_err(|_| bad())?,
        n.trim().parse().map_err(|_| bad())?,
    );
    if index >= count {
        return Err(bad());
    }
    if count > MAX_SHARDS {
        return Err(Refused(msg!(
            "simulate-too-many-shards",
            text = text,
            max = grouped(MAX_SHARDS)
        )));
    }
    Ok(Shard { index, count })
}

pub fn run(args: Args, lang: Lang) -> u8 {
    let inputs: Vec<&Path> = args.file.iter().map(PathBuf::as_path).collect();
    let output = match Output::new(args.output.as_deref(), &inputs) {
        Ok(o) => o,
        Err(e) => return fail(e, lang),
    };
    let file = match &args.file {
        Some(file) if !args.schema => file,
        _ => return written(output.write(&report::schema_json()), lang),
    };
    let text = match files::read(file) {
        Ok(t) => t,
        Err(e) => return fail(e, lang),
    };
    // A file with imports is simulated with its closure's declarations: one model,
    // and the closure's text, which rules' spans slice.
    let (checked, project, text) = if crate::project::has_imports(&text) {
        let root = crate::project::root_of_file(file);
        let mut project = crate::project::check(file, text, (&root, &root), &files::read);
        let checked = std::mem::take(&mut project.checked);
        // The map's files keep their own texts for rendering.
        let text = std::mem::take(&mut project.map.text);
        (checked, Some(project), text)
    } else {
        (check_source(&text), None, text)
    };
    let Some(model) = checked.model else {
        let errors: Vec<_> = checked
            .diagnostics
            .into_iter()
            .filter(|d| d.is_error())
            .collect();
        let style = human::Style::for_stderr(lang);
        output::eprint(&match project {
            Some(project) => project.render(&errors, style),
            None => human::render(
                &SourceFile::new(files::display_name(file), text),
                &errors,
                style,
            ),
        });
        say_error(
            msg!("simulate-has-errors", file = file.display().to_string()),
            lang,
        );
        return exit::FINDINGS;
    };
    // where each file starts in the closure's text, for the trace's rule lines
    let files: Vec<(String, usize)> = (project.iter().flat_map(|p| &p.map.files))
        .map(|f| (f.source.name.clone(), text[..f.base].matches('\n').count()))
        .collect();
    match simulate(&args, file, &model, &text, &files, output.path(), lang) {
        Ok(out) => written(output.write(&out), lang),
        Err(e) => fail(e, lang),
    }
}

/// The exit status once the output is written, or not.
fn written(result: Result<(), Message>, lang: Lang) -> u8 {
    match result {
        Ok(()) => exit::OK,
        Err(e) => fail(e, lang),
    }
}

/// Picks a journey or population by name, or the only one.
fn pick<'m, T>(
    items: &'m [T],
    name_of: impl Fn(&T) -> &str,
    wanted: Option<&str>,
    kind: &'static str,
    file: &Path,
) -> Result<&'m T, Message> {
    let names = || Arg::NameList(items.iter().map(|i| name_of(i).to_string()).collect());
    let file = file.display().to_string();
    match wanted {
        Some(w) => items.iter().find(|i| name_of(i) == w).ok_or_else(|| {
            msg!(
                "simulate-no-such",
                file = file,
                kind = kind,
                name = w,
                names = names()
            )
        }),
        None if items.len() == 1 => Ok(&items[0]),
        None => Err(msg!(
            "simulate-pick-one",
            file = file,
            kind = kind,
            count = items.len(),
            names = names()
        )),
    }
}

fn simulate(
    args: &Args,
    file: &Path,
    model: &Model,
    text: &str,
    files: &[(String, usize)],
    out: Option<&Path>,
    lang: Lang,
) -> Result<String, Message> {
    if args.shard.is_some() && args.format == Some(Format::Table) {
        return Err(msg!("simulate-shard-table"));
    }
    let produce = match (args.trace, args.shard) {
        (Some(user), _) => Produce::Trace(user, lang, files),
        (None, Some(shard)) => Produce::Partial(shard),
        (None, None) => Produce::Report(lang),
    };
    let progress = std::io::stderr().is_terminal().then_some(lang);
    match run_simulation(file, model, text, &args.options, produce, progress)? {
        Simulated::Trace(timeline) => Ok(timeline),
        Simulated::Partial(partial) => {
            Ok(serde_json::to_string(&partial).map_err(|e| Message::Text(e.to_string()))? + "\n")
        }
        Simulated::Report(report) => {
            let format = args.format.unwrap_or_else(|| Format::from_path(out));
            Ok(render(&report, format, args.layout.options()))
        }
    }
}

/// What a simulation is asked to produce.
#[derive(Clone, Copy)]
pub enum Produce<'f> {
    /// The report, in this language (its `lang`).
    Report(Lang),
    /// The partial report of one shard, for `journey report merge`.
    Partial(Shard),
    /// One user's timeline, in a language; for a project, its files in the closure's
    /// text (each file's name and the line it starts at, from 0), to name rules' lines
    /// in their files.
    Trace(u64, Lang, &'f [(String, usize)]),
}

/// What a simulation produced.
pub enum Simulated {
    Report(Box<report::Report>),
    Partial(Box<Partial>),
    Trace(String),
}

/// Simulates a journey of the checked `model` of `file`'s `text`, for the command line
/// and the library alike; `progress` shows a progress bar on standard error, in that
/// language.
pub fn run_simulation(
    file: &Path,
    model: &Model,
    text: &str,
    options: &SimulateOptions,
    produce: Produce<'_>,
    progress: Option<Lang>,
) -> Result<Simulated, Message> {
    if model.populations.is_empty() {
        return Err(msg!(
            "simulate-no-population",
            file = file.display().to_string()
        ));
    }
    let journeys = chosen(model, &options.journey, file)?;
    let population = pick(
        &model.populations,
        |p| &p.name,
        options.population.as_deref(),
        "population",
        file,
    )?;
    within_limits(options)?;
    let users = options.users.unwrap_or(population.size);
    if users == 0 {
        return Err(msg!("simulate-no-users"));
    }
    let days = options.days.unwrap_or(population.days.into());
    // Larger values are refused earlier: flags by `within_limits`, the file by J0315.
    if days == 0 {
        return Err(msg!("simulate-no-days"));
    }
    let horizon = days as Time * DAY;
    // one time zone for the journeys run together (the checker's J0352)
    let mut cal = Calendar::new(journeys[0].timezone, population.start, horizon);
    let mut progs = portfolio::programs(model, &journeys, population, text, &mut cal)?;
    if options.per_item {
        progs.iter_mut().for_each(|p| {
            p.bulk = None;
            p.keep_awake();
        });
    }
    let runs: Vec<Run> = (progs.iter())
        .map(|prog| Run {
            prog,
            cal: &cal,
            seed: options.seed,
            horizon,
        })
        .collect();
    let shard = match produce {
        Produce::Trace(user, ..) if user >= users => {
            return Err(msg!(
                "simulate-trace-range",
                user = user.to_string(),
                last = (users - 1).to_string()
            ));
        }
        Produce::Trace(user, lang, files) => {
            return Ok(Simulated::Trace(match &runs[..] {
                [run] => run.trace(user, lang, files),
                _ => Portfolio::new(runs.clone()).trace(user, lang, files),
            }))
        }
        Produce::Partial(shard) => Some(shard),
        Produce::Report(_) => None,
    };
    let range = shard.map_or(0..users, |s| sim::shard_range(users, s.index, s.count));
    // Users and days are each bounded (flags by their parsers, the file by J0315);
    // together they can still ask too much of one process.
    if !limits::user_days_fit(range.end - range.start, days) {
        return Err(msg!(
            "simulate-too-many-user-days",
            users = grouped(range.end - range.start),
            days = grouped(days),
            max = grouped(MAX_USER_DAYS)
        ));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.unwrap_or(0) as usize)
        .build()
        .map_err(|e| msg!("simulate-no-threads", reason = e.to_string()))?;
    let total = range.end - range.start;
    let done = AtomicU64::new(0);
    let aggs = std::thread::scope(|scope| {
        let worker = scope.spawn(|| {
            pool.install(|| match &runs[..] {
                [run] => vec![run.simulate(range, &done)],
                _ => Portfolio::new(runs.clone()).simulate(range, &done),
            })
        });
        if let Some(lang) = progress {
            show_progress(total, &done, || worker.is_finished(), lang);
        }
        worker.join().expect("the simulation thread does not panic")
    });
    let parts: Vec<JourneyPart> = (runs.iter().zip(aggs))
        .map(|(run, aggregates)| JourneyPart {
            meta: Meta::new(run, users, days as u32, text),
            aggregates,
        })
        .collect();
    Ok(match produce {
        Produce::Partial(shard) => Simulated::Partial(Box::new(Partial::new(shard, parts))),
        // on the run's threads: the report's team queues are replayed side by side
        Produce::Report(lang) => {
            Simulated::Report(Box::new(pool.install(|| report::build_all(&parts, lang))))
        }
        Produce::Trace(..) => unreachable!("a trace is returned before the users are simulated"),
    })
}

/// The journeys `wanted` names, in the file's order (every journey when none is named);
/// an unknown name is refused with the nearest one.
fn chosen<'m>(
    model: &'m Model,
    wanted: &[String],
    file: &Path,
) -> Result<Vec<&'m Journey>, Message> {
    if let Some(w) = (wanted.iter()).find(|w| !model.journeys.iter().any(|j| &j.name == *w)) {
        let file = file.display().to_string();
        return Err(sim::portfolio::no_such_journey(model, w, &file));
    }
    let picked: Vec<&Journey> = (model.journeys.iter())
        .filter(|j| wanted.is_empty() || wanted.contains(&j.name))
        .collect();
    match picked.is_empty() {
        true => Err(msg!("graph-no-journey", file = file.display().to_string())),
        false => Ok(picked),
    }
}

/// The flags' limits, for options that did not come through their parsers (a library
/// caller's): the same messages as the command line's.
fn within_limits(options: &SimulateOptions) -> Result<(), Message> {
    let flags = [
        ("--users", options.users, count(1, MAX_USERS)),
        ("--days", options.days, count(1, MAX_DAYS)),
        ("--threads", options.threads, count(1, MAX_THREADS)),
    ];
    for (flag, value, parse) in flags {
        if let Some(value) = value {
            // Only a library caller gets here (the command line's flags passed their
            // parsers), and the library speaks English: the reason is in English.
            parse(&value.to_string()).map_err(|e| {
                msg!(
                    "flag-refused",
                    flag = flag,
                    value = value.to_string(),
                    reason = e.to_string()
                )
            })?;
        }
    }
    Ok(())
}

/// A progress bar on standard error while the users are simulated.
fn show_progress(total: u64, done: &AtomicU64, finished: impl Fn() -> bool, lang: Lang) {
    let bar = indicatif::ProgressBar::new(total);
    let template = words(&msg!("simulate-progress"), lang);
    bar.set_style(indicatif::ProgressStyle::with_template(&template).expect("a valid template"));
    while !finished() {
        bar.set_position(done.load(Ordering::Relaxed));
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    bar.finish_and_clear();
}

pub fn render(report: &report::Report, format: Format, options: RenderOptions) -> String {
    match format {
        Format::Json => report.to_json(),
        Format::Table => report::table::render(report, options),
        Format::Markdown => report::markdown::render(report, options),
        Format::Html => report::html::render(report),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_bar_template_is_the_same_in_english_and_valid_in_both() {
        let en = words(&msg!("simulate-progress"), Lang::En);
        assert_eq!(
            en,
            "simulating {bar:40} {human_pos}/{human_len} users, {eta} left"
        );
        for lang in Lang::ALL {
            let template = words(&msg!("simulate-progress"), lang);
            assert!(indicatif::ProgressStyle::with_template(&template).is_ok());
        }
    }
}

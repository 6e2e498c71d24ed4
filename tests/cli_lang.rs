//! The command line's own lines in both languages (issue 12, §3): file failures,
//! usage errors and subcommands' error lines. English stays as it was; Chinese is
//! chosen by `--lang zh` (before or after the subcommand) or `JOURNEY_LANG`.

#[path = "support/cli.rs"]
mod cli;
use cli::ok;

struct Run {
    code: i32,
    stderr: String,
}

/// Runs journey with `JOURNEY_LANG=lang` (the locale variables cleared).
fn journey(lang: &str, args: &[&str]) -> Run {
    let out = cli::lang::run_in(lang, args);
    let run = Run {
        code: out.status.code().expect("exited normally"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
    run
}

fn starts(run: &Run, prefix: &str) {
    assert!(run.stderr.starts_with(prefix), "{}", run.stderr);
}

fn ends(run: &Run, suffix: &str) {
    assert!(run.stderr.ends_with(suffix), "{}", run.stderr);
}

#[test]
fn a_missing_file_is_said_in_either_language() {
    let en = journey("en", &["check", "nope.journey"]);
    assert_eq!(
        en.stderr,
        "error: cannot read `nope.journey`: no such file or directory\n"
    );
    assert_eq!(en.code, 2);
    let zh = journey("en", &["--lang", "zh", "check", "nope.journey"]);
    assert_eq!(
        zh.stderr,
        "错误：无法读取 `nope.journey`：没有这个文件或文件夹\n"
    );
    assert_eq!(zh.code, 2);
}

#[test]
fn usage_errors_are_clap_s_in_english_and_ours_in_chinese() {
    let en = journey("en", &["check", "--bogus", "x.journey"]);
    starts(&en, "error: unexpected argument '--bogus' found\n");
    assert!(en.stderr.contains("Usage: journey check"), "{}", en.stderr);
    assert_eq!(en.code, 2);

    // `--lang` after the subcommand, and before an argument that fails.
    let zh = journey("en", &["check", "--lang", "zh", "--bogus", "x.journey"]);
    starts(&zh, "错误：不认识的参数 '--bogus'\n");
    assert!(zh.stderr.contains("\n用法：journey check"), "{}", zh.stderr);
    ends(&zh, "想了解更多，请用 '--help'。\n");
    assert_eq!(zh.code, 2);

    let zh = journey("zh", &["report", "merge"]);
    starts(&zh, "错误：缺少必须写的参数：`<PART>...`\n");
    assert_eq!(zh.code, 2);

    // no file, and no project here to take it from
    let zh = journey("zh", &["compile"]);
    starts(
        &zh,
        "错误：没有给出文件，当前文件夹及其上级也没有 journey.toml",
    );
    assert_eq!(zh.code, 2);

    let zh = journey("zh", &["graph", "x.journey", "--format", "pdf"]);
    starts(
        &zh,
        "错误：'--format <FORMAT>' 的值 'pdf' 不对（可以写：`mermaid` 或 `dot`）",
    );

    // No command, only an option.
    let zh = journey("en", &["--lang", "zh"]);
    starts(&zh, "错误：需要写一个命令：`check`、");
    assert_eq!(zh.code, 2);

    // A misspelt command: the close one, as clap says it in English.
    let zh = journey("zh", &["chek", "x.journey"]);
    starts(
        &zh,
        "错误：没有 'chek' 这个命令\n\n提示：有一个相近的命令 'check'\n",
    );
    assert_eq!(zh.code, 2);
}

#[test]
fn a_refused_flag_value_gives_its_reason_in_the_reader_s_language() {
    let en = journey("en", &["simulate", "--users", "0", "x.journey"]);
    starts(
        &en,
        "error: invalid value '0' for '--users <N>': it must be at least 1\n",
    );
    let zh = journey("zh", &["simulate", "--users", "0", "x.journey"]);
    starts(&zh, "错误：'--users <N>' 的值 '0' 不对：至少要是 1\n");
    assert_eq!(zh.code, 2);
}

#[test]
fn compile_names_the_errors_it_did_not_write_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.journey");
    std::fs::write(&path, "event 下单\nevent 下单\n").unwrap();
    let path = path.to_str().unwrap();
    let en = journey("en", &["compile", path]);
    ends(
        &en,
        &format!("error: `{path}` has 1 error; nothing was written\n"),
    );
    assert_eq!(en.code, 1);
    let zh = journey("zh", &["compile", path]);
    ends(
        &zh,
        &format!("错误：`{path}` 有 1 个错误；没有写出任何文件\n"),
    );
    assert!(
        zh.stderr.contains("事件 `下单` 声明了两次"),
        "{}",
        zh.stderr
    );
    assert_eq!(zh.code, 1);
}

#[test]
fn a_damaged_part_given_to_report_merge_is_said_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.json");
    std::fs::write(&cut, "{\"format\": \"journey-report-partial\",\n").unwrap();
    let foreign = dir.path().join("foreign.json");
    std::fs::write(&foreign, "{\"format\": \"journey-report\"}").unwrap();
    let (cut, foreign) = (cut.to_str().unwrap(), foreign.to_str().unwrap());

    let en = journey("en", &["report", "merge", cut]);
    assert_eq!(
        en.stderr,
        format!("error: `{cut}` is cut short (it ends at line 2); write it again\n")
    );
    assert_eq!(en.code, 2);
    let zh = journey("en", &["--lang", "zh", "report", "merge", cut]);
    assert_eq!(
        zh.stderr,
        format!("错误：`{cut}` 不完整（到第 2 行就断了），请重新生成\n")
    );
    assert_eq!(zh.code, 2);

    let zh = journey("zh", &["report", "merge", foreign]);
    assert_eq!(
        zh.stderr,
        format!(
            "错误：`{foreign}` 不是分片模拟报告（它是 `journey-report` 文件）；\
             可以用 `journey simulate FILE --shard K/N -o PART.json` 生成\n"
        )
    );
}

#[test]
fn missing_shards_are_listed_as_each_language_lists() {
    let dir = tempfile::tempdir().unwrap();
    let part = dir.path().join("part.json");
    let part = part.to_str().unwrap();
    let args = [
        "simulate",
        "examples/beauty_w2.journey",
        "--users",
        "20",
        "--shard",
        "0/3",
        "-o",
        part,
    ];
    ok(&args);
    let en = journey("en", &["report", "merge", part]);
    assert_eq!(en.stderr, "error: missing shards: 1/3, 2/3\n");
    let zh = journey("zh", &["report", "merge", part]);
    assert_eq!(zh.stderr, "错误：缺少分片：1/3、2/3\n");
}

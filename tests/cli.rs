//! End-to-end tests of the `journey` binary: exit codes, output formats, file
//! discovery and hostile input. Every run also checks that nothing panicked.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

// ------------------------------------------------------------------ helpers

/// A fresh directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(label: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let path =
            std::env::temp_dir().join(format!("journey-cli-{}-{n}-{label}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `contents` to `relative` (creating parent directories); returns the path.
    fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }

    fn mkdir(&self, relative: &str) -> PathBuf {
        let path = self.0.join(relative);
        std::fs::create_dir_all(&path).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

fn journey_cmd() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_journey"));
    // Tests must not depend on the environment they run in.
    cmd.env("JOURNEY_LANG", "en")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("RUST_BACKTRACE");
    cmd
}

fn run_cmd(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("the journey binary runs");
    let run = Run {
        code: out.status.code().expect("exited normally, not by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "the binary panicked:\n{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("stack overflow"),
        "the binary overflowed its stack:\n{}",
        run.stderr
    );
    run
}

/// Runs `journey ARGS...` with stdout and stderr piped.
fn journey<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    run_cmd(journey_cmd().args(args))
}

/// `journey check PATH --format json`.
fn check_json(path: &std::ffi::OsStr) -> Run {
    journey(["check".as_ref(), path, "--format".as_ref(), "json".as_ref()])
}

/// The codes reported in a `--format json` run, in output order.
/// A diagnostic's position: line, column, end line, end column.
fn span_of(d: &Value) -> [u64; 4] {
    ["line", "column", "end_line", "end_column"].map(|key| {
        d[key]
            .as_u64()
            .unwrap_or_else(|| panic!("no `{key}` in {d}"))
    })
}

fn codes(json: &Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

const CLEAN: &str = r#"tag 会员: bool
event signup
event 下单
touchpoint wecom "企业微信1v1" {
  channel wecom
}
journey 新客 {
  timezone "Asia/Shanghai"
  entry on signup
  goal 首单: 下单 within 30d
  stage 新手 {
    on enter: send wecom "welcome"
    after 1d if 会员: send wecom "会员专享"
  }
}
"#;

/// Unknown event `下单了` (J0102) on line 12.
const ERROR: &str = r#"event signup
event 下单
touchpoint wecom "企业微信1v1" {
  channel wecom
}
journey 新客 {
  timezone "Asia/Shanghai"
  entry on signup
  goal 首单: 下单 within 30d
  stage 新手 {
    on enter: send wecom "welcome"
    on 下单了: send wecom "感谢购买"
  }
}
"#;

/// Only a warning: the event `退款` is never used (J0401).
const WARNING: &str = r#"event signup
event 退款
touchpoint wecom "企业微信1v1" {
  channel wecom
}
journey 新客 {
  timezone "Asia/Shanghai"
  entry on signup
  goal 注册: signup within 1d
  stage 新手 {
    on enter: send wecom "welcome"
  }
}
"#;

// ------------------------------------------------------------------ exit codes

#[test]
fn clean_file_exits_0() {
    let dir = TempDir::new("clean");
    let file = dir.write("clean.journey", CLEAN);
    let run = journey(["check".as_ref(), file.as_os_str()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("checked 1 file: no problems found"));
    assert_eq!(run.stderr, "");
}

#[test]
fn file_with_an_error_exits_1() {
    let dir = TempDir::new("error");
    let file = dir.write("error.journey", ERROR);
    let run = journey(["check".as_ref(), file.as_os_str()]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("J0102"), "{}", run.stdout);
    assert!(
        run.stdout.contains("unknown event `下单了`"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("checked 1 file: 1 error"),
        "{}",
        run.stdout
    );
}

#[test]
fn warnings_exit_0_unless_denied() {
    let dir = TempDir::new("warning");
    let file = dir.write("warning.journey", WARNING);

    let run = journey(["check".as_ref(), file.as_os_str()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("J0401"), "{}", run.stdout);
    assert!(run.stdout.contains("1 warning"), "{}", run.stdout);

    let run = journey([
        "check".as_ref(),
        file.as_os_str(),
        "--deny".as_ref(),
        "warnings".as_ref(),
    ]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("J0401"), "{}", run.stdout);

    // --deny warnings does not make a clean file fail.
    let clean = dir.write("clean.journey", CLEAN);
    let run = journey([
        "check".as_ref(),
        clean.as_os_str(),
        "--deny".as_ref(),
        "warnings".as_ref(),
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn an_error_in_one_file_fails_the_whole_run() {
    let dir = TempDir::new("mixed");
    let clean = dir.write("a.journey", CLEAN);
    let error = dir.write("b.journey", ERROR);
    let run = journey(["check".as_ref(), clean.as_os_str(), error.as_os_str()]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("checked 2 files: 1 error"),
        "{}",
        run.stdout
    );
}

/// One file is checked without freeing what it was checked with (the process exits
/// right after); several files are checked one by one, each freed. Both report alike.
#[test]
fn a_file_checked_alone_reports_as_among_others() {
    let dir = TempDir::new("alone");
    let warned = dir.write("a.journey", include_str!("lint/J0409.journey"));
    let error = dir.write("b.journey", ERROR);
    let diagnostics = |paths: &[&PathBuf]| {
        let mut args = vec!["check".as_ref(), "--format".as_ref(), "json".as_ref()];
        args.extend(paths.iter().map(|p| p.as_os_str()));
        journey(args).json()["diagnostics"]
            .as_array()
            .unwrap()
            .clone()
    };
    let mut alone = diagnostics(&[&warned]);
    assert!(!alone.is_empty(), "the lint case warns");
    alone.extend(diagnostics(&[&error]));
    assert_eq!(alone, diagnostics(&[&warned, &error]));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["check"],
        vec!["check", "x.journey", "--format", "yaml"],
        vec!["check", "x.journey", "--deny", "everything"],
        vec!["frobnicate"],
        vec![],
    ] {
        let run = journey(&args);
        assert_eq!(
            run.code, 2,
            "journey {args:?}: {}{}",
            run.stdout, run.stderr
        );
        assert!(!run.stderr.is_empty(), "journey {args:?} explains nothing");
    }
}

// ------------------------------------------------------------------ JSON output

const DIAGNOSTIC_KEYS: &[&str] = &[
    "code",
    "severity",
    "message",
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "help",
    "labels",
    "fixes",
];
const LABEL_KEYS: &[&str] = &["message", "line", "column", "end_line", "end_column"];

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn json_output_has_the_documented_shape() {
    let dir = TempDir::new("json-shape");
    let error = dir.write("error.journey", ERROR);
    let warning = dir.write("warning.journey", WARNING);
    let run = journey([
        "check".as_ref(),
        error.as_os_str(),
        warning.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let json = run.json();
    assert_eq!(
        keys(&json),
        BTreeSet::from(["files", "errors", "warnings", "diagnostics"])
    );
    assert_eq!(json["files"], 2);
    assert_eq!(json["errors"], 1);
    assert_eq!(json["warnings"], 1);
    assert_eq!(codes(&json), ["J0102", "J0401"]);

    let diags = json["diagnostics"].as_array().unwrap();
    for d in diags {
        assert_eq!(keys(d), DIAGNOSTIC_KEYS.iter().copied().collect());
        for key in ["line", "column", "end_line", "end_column"] {
            assert!(d[key].as_u64().unwrap() >= 1, "{key} is 1-based: {d}");
        }
        assert!(d["help"].is_null() || d["help"].is_string());
        let labels = d["labels"].as_array().unwrap();
        assert!(!labels.is_empty());
        for l in labels {
            assert_eq!(keys(l), LABEL_KEYS.iter().copied().collect());
        }
        // The diagnostic's position is its primary (first) label's.
        for key in ["line", "column", "end_line", "end_column"] {
            assert_eq!(d[key], labels[0][key]);
        }
    }

    let e = &diags[0];
    assert_eq!(e["severity"], "error");
    assert_eq!(e["message"], "unknown event `下单了`");
    assert_eq!(e["file"], error.to_str().unwrap());
    assert_eq!(e["help"], "did you mean `下单`?");
    // `    on 下单了: ...` on line 12: the name spans columns 8..11 (end exclusive).
    assert_eq!(span_of(e), [12, 8, 12, 11]);
    // One close name: a safe fix that writes it there.
    assert_eq!(
        e["fixes"],
        serde_json::json!([{
            "title": "change it to `下单`",
            "safety": "safe",
            "edits": [{"line": 12, "column": 8, "end_line": 12, "end_column": 11, "text": "下单"}]
        }])
    );

    let w = &diags[1];
    // An unused declaration: a suggested fix that removes its whole line.
    assert_eq!(
        w["fixes"],
        serde_json::json!([{
            "title": "remove the unused event `退款`",
            "safety": "suggested",
            "edits": [{"line": 2, "column": 1, "end_line": 3, "end_column": 1, "text": ""}]
        }])
    );
    assert_eq!(w["severity"], "warning");
    assert_eq!(w["file"], warning.to_str().unwrap());
    assert_eq!(span_of(w)[..2], [2, 7]);
}

#[test]
fn json_lines_and_columns_are_1_based() {
    let dir = TempDir::new("json-1-based");
    let file = dir.write("first.journey", "bogus\n");
    let run = check_json(file.as_ref());
    assert_eq!(run.code, 1);
    let json = run.json();
    assert_eq!(codes(&json), ["J0001"]);
    let d = &json["diagnostics"][0];
    assert_eq!(span_of(d), [1, 1, 1, 6]);
}

/// Columns count characters, not bytes: every Chinese character before the error is
/// one column (three bytes in UTF-8). The human header agrees with the JSON.
#[test]
fn columns_after_chinese_text_count_characters() {
    let dir = TempDir::new("json-chinese");
    // `商务风` starts at character 22 of line 2 (byte 34).
    let file = dir.write(
        "zh.journey",
        "tag 风格: enum { 休闲, 商务 }\nsegment 商务人士 = 风格 == 商务风\n",
    );
    let run = check_json(file.as_ref());
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let json = run.json();
    let d = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "J0202")
        .unwrap_or_else(|| panic!("no J0202 in {json}"));
    assert_eq!(d["message"], "`商务风` is not a variant of `风格`");
    assert_eq!(span_of(d), [2, 22, 2, 25]);

    let run = journey(["check".as_ref(), file.as_os_str()]);
    let header = format!("{}:2:22]", file.display());
    assert!(
        run.stdout.contains(&header),
        "human header should read {header}:\n{}",
        run.stdout
    );
}

// ------------------------------------------------------------------ human output

fn assert_no_ansi(run: &Run, what: &str) {
    assert!(
        !run.stdout.contains('\u{1b}') && !run.stderr.contains('\u{1b}'),
        "{what}: escape codes in output:\n{:?}",
        run.stdout
    );
}

#[test]
fn human_output_is_plain_when_piped() {
    let dir = TempDir::new("ansi");
    let file = dir.write("error.journey", ERROR);
    let run = journey(["check".as_ref(), file.as_os_str()]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("×"), "{}", run.stdout);
    assert_no_ansi(&run, "piped");

    let run = run_cmd(journey_cmd().env("NO_COLOR", "1").arg("check").arg(&file));
    assert_eq!(run.code, 1);
    assert_no_ansi(&run, "NO_COLOR=1");

    let run = journey(["--help"]);
    assert_no_ansi(&run, "--help");
}

// ------------------------------------------------------------------ explain, help, version

#[test]
fn explain_prints_the_section_of_a_code() {
    let run = journey(["explain", "J0102"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("## J0102: unknown event"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("```journey"), "{}", run.stdout);
    assert!(run.stdout.contains("**Fix:**"), "{}", run.stdout);
    // Only that section.
    assert!(!run.stdout.contains("## J0103"), "{}", run.stdout);

    let lower = journey(["explain", "j0102"]);
    assert_eq!(lower.code, 0);
    assert_eq!(lower.stdout, run.stdout);
}

#[test]
fn explain_of_an_unknown_code_exits_2() {
    for code in ["X9", "J9999", ""] {
        let run = journey(["explain", code]);
        assert_eq!(run.code, 2, "explain {code:?}: {}", run.stdout);
        assert_eq!(run.stdout, "");
        assert!(
            run.stderr.contains("not a diagnostic code"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn version_and_help_exit_0() {
    let run = journey(["--version"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout.trim(),
        format!("journey {}", env!("CARGO_PKG_VERSION"))
    );

    for flag in ["--help", "-h"] {
        let run = journey([flag]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.contains("Examples:"), "{}", run.stdout);
        assert!(run.stdout.contains("journey check"), "{}", run.stdout);
        assert!(
            run.stdout.contains("journey explain J0102"),
            "{}",
            run.stdout
        );
    }

    let run = journey(["check", "--help"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("--deny"), "{}", run.stdout);
    assert!(run.stdout.contains("--format"), "{}", run.stdout);
}

// ------------------------------------------------------------------ finding files

#[test]
fn directories_are_searched_recursively_in_sorted_order() {
    let dir = TempDir::new("recurse");
    // Each file holds a journey and one unused tag, so each gives one warning (J0401)
    // naming it.
    for name in [
        "c.journey",
        "b.journey",
        "a/y/z.journey",
        "a/x.journey",
        "新/客.journey",
    ] {
        dir.write(name, format!("{CLEAN}tag unused: bool\n"));
    }
    // Not journey files: never read (this one is not even UTF-8).
    dir.write("notes.txt", [0xffu8, 0xfe, 0x00]);
    dir.write("a/README.md", "# readme\n");
    dir.write("b.journey.bak", [0xffu8]);
    dir.write("a/y/journey", "not a journey file\n");
    dir.mkdir("empty");

    let args = [
        "check".as_ref(),
        dir.path().as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ];
    let run = journey(args);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let json = run.json();
    assert_eq!(json["files"], 5);
    let files: Vec<String> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            assert_eq!(d["code"], "J0401");
            // A directory is a project: files are named relative to it.
            d["file"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(
        files,
        [
            "a/x.journey",
            "a/y/z.journey",
            "b.journey",
            "c.journey",
            "新/客.journey"
        ]
    );

    // The same run again gives the same output.
    assert_eq!(journey(args).stdout, run.stdout);
}

#[test]
fn a_directory_named_like_a_journey_file_is_a_directory() {
    let dir = TempDir::new("dir-named-journey");
    dir.write("x.journey/inner.journey", CLEAN);
    dir.write("x.journey/nested/other.journey", CLEAN);
    dir.write("x.journey/notes.txt", [0xffu8]);
    for arg in [
        dir.path().join("x.journey").into_os_string(),
        format!("{}/", dir.path().join("x.journey").display()).into(),
    ] {
        let run = check_json(arg.as_ref());
        assert_eq!(run.code, 0, "{arg:?}: {}{}", run.stdout, run.stderr);
        assert_eq!(run.json()["files"], 2, "{arg:?}");
    }
    // Found while walking the parent, it is walked too, not read as a file.
    let run = journey(["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("checked 2 files"), "{}", run.stdout);
}

#[test]
fn a_directory_without_journey_files_exits_2() {
    let dir = TempDir::new("no-journeys");
    dir.write("notes.txt", "hello\n");
    dir.write("sub/readme.md", "hello\n");
    let run = journey(["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("no .journey files found"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&dir.path().display().to_string()),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_file_exits_2() {
    let dir = TempDir::new("missing");
    let missing = dir.path().join("nope.journey");
    let run = journey(["check".as_ref(), missing.as_os_str()]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("nope.journey"), "{}", run.stderr);
    assert!(
        run.stderr.contains("no such file or directory"),
        "{}",
        run.stderr
    );
}

// ------------------------------------------------------------------ bad input

#[test]
fn an_empty_file_is_clean_and_exits_0() {
    // A file without a journey is normal in a project (language-v2 §10).
    let dir = TempDir::new("empty");
    let file = dir.write("empty.journey", "");
    let run = journey(["check".as_ref(), file.as_os_str()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("checked 1 file: no problems found"),
        "{}",
        run.stdout
    );

    let run = check_json(file.as_ref());
    assert_eq!(run.code, 0);
    assert_eq!(codes(&run.json()), Vec::<String>::new());
}

#[test]
fn a_file_of_only_comments_is_clean_and_exits_0() {
    let dir = TempDir::new("comments");
    let file = dir.write(
        "comments.journey",
        "# 618 大促旅程：草稿\r\n#\n   # indented comment\n\n# last line without newline",
    );
    let run = check_json(file.as_ref());
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(codes(&run.json()), Vec::<String>::new());
}

/// About 10 MB of valid journeys.
fn large_valid_file() -> String {
    let mut text = String::from(
        "event signup\nevent 下单\ntag 会员: bool\n\
         touchpoint wecom \"企业微信1v1\" {\n  channel wecom\n  limit 2 per day\n}\n",
    );
    let mut i = 0;
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(&format!(
            r#"journey 新客{i} "第{i}号旅程" {{
  timezone "Asia/Shanghai"
  entry on signup
  goal 首单: 下单 within 30d
  stage 新手 {{
    on enter: send wecom "welcome_{i}"
    after 1d if 会员: send wecom "会员专享"
    on 下单 -> 老客
  }}
  stage 老客 {{
    after 7d: exit
  }}
}}
"#
        ));
        i += 1;
    }
    text
}

#[test]
fn a_10_mb_file_checks() {
    let dir = TempDir::new("large");
    let text = large_valid_file();
    assert!(text.len() >= 10 * 1024 * 1024);
    let file = dir.write("large.journey", &text);
    let run = journey(["check".as_ref(), file.as_os_str()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout.trim(), "checked 1 file: no problems found");
}

#[test]
fn deeply_nested_parentheses_are_an_error_not_a_stack_overflow() {
    let dir = TempDir::new("deep");
    let n = 100_000;
    let text = format!(
        "tag 会员: bool\nevent signup\nevent 下单\njourney 新客 {{\n  timezone \"Asia/Shanghai\"\n  \
         entry on signup\n  goal 首单: 下单 within 30d\n  stage 新手 {{\n    when {}会员{} -> 老客\n  }}\n  \
         stage 老客 {{\n  }}\n}}\n",
        "(".repeat(n),
        ")".repeat(n)
    );
    let file = dir.write("deep.journey", &text);
    let run = check_json(file.as_ref());
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(codes(&run.json()), ["J0004"]);

    let run = journey(["check".as_ref(), file.as_os_str()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("J0004"));
}

#[test]
fn invalid_utf8_exits_2_with_a_clear_message() {
    let dir = TempDir::new("utf8");
    let mut bytes = b"event signup\n# \xe4\xb8 truncated\n".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, b'\n']);
    let file = dir.write("latin1.journey", &bytes);
    for format in ["human", "json"] {
        let run = journey([
            "check".as_ref(),
            file.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
        ]);
        assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
        assert!(run.stderr.contains("UTF-8"), "{}", run.stderr);
        assert!(run.stderr.contains("latin1.journey"), "{}", run.stderr);
    }
}

#[test]
fn syntax_errors_in_several_items_are_each_reported() {
    let dir = TempDir::new("several-syntax");
    let text = r#"event signup
touchpoint wecom {
  channel wecom
  limit 2 per fortnight
}
tag vip: boolean
event 下单
journey 新客 {
  timezone "Asia/Shanghai"
  entry on signup
  goal 首单: 下单 within 30d
  stage 新手 {
    after 3天: send wecom "x"
  }
}
"#;
    let file = dir.write("several.journey", text);
    let run = check_json(file.as_ref());
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json = run.json();
    assert_eq!(codes(&json), ["J0001", "J0001", "J0001"], "{json}");
    let lines: Vec<u64> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [4, 6, 13]);
    let messages: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(messages[0].contains("`fortnight`"), "{messages:?}");
    assert!(messages[1].contains("`boolean`"), "{messages:?}");
    assert!(messages[2].contains("`3天`"), "{messages:?}");
}

/// Files of 256 KB and more are parsed item by item on several threads. Each failing
/// item is parsed again with pest's (process-wide) error detail switched on; this
/// checks no thread switches it off under another, which would drop the `:` and the
/// help from some messages at random.
#[test]
fn many_syntax_errors_in_a_large_file_all_get_the_full_message() {
    let dir = TempDir::new("large-errors");
    let mut text = String::from("event signup\ntouchpoint wecom {\n  channel wecom\n}\n");
    let mut items = 0;
    while text.len() < 300 * 1024 {
        text.push_str(&format!(
            "journey j{items} {{\n  entry on signup\n  stage s {{\n    after 1d send wecom \"x\"\n  }}\n}}\n"
        ));
        items += 1;
    }
    let file = dir.write("errors.journey", &text);
    let run = check_json(file.as_ref());
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json = run.json();
    let diags = json["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), items);
    for d in diags {
        assert_eq!(d["code"], "J0001");
        assert_eq!(
            d["message"], "expected `after`, `at`, `if`, `on`, `unless`, `->` or `:`, found `send`",
            "at line {}",
            d["line"]
        );
        assert_eq!(d["help"], "a rule ends with `: ACTION` or `-> STAGE`");
    }
}

/// A file whose only mistake has a safe fix (a misspelt event with one close match),
/// and one that also has an error no fix knows.
const FIXABLE: &str = "event 下单\njourney j {\n  timezone \"Asia/Shanghai\"\n  entry on 下单了\n  stage s { after 1d: exit }\n}\n";

#[test]
fn fix_rewrites_the_file_and_reports_what_remains() {
    let dir = TempDir::new("fix");
    let path = dir.write("a.journey", FIXABLE);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let run = journey(["check".as_ref(), "--fix".as_ref(), path.as_os_str()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("1 fix made\n  J0102 change it to `下单`\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("checked 1 file: no problems found; 1 fix made\n"),
        "{}",
        run.stdout
    );
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(fixed, FIXABLE.replace("下单了", "下单"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "the file keeps its permissions");
    }

    // An error no fix knows remains: exit 1, and the safe fix is still made.
    let stuck = dir.write("b.journey", FIXABLE.replace("exit }", "goto 无处 }"));
    let run = journey(["check".as_ref(), "--fix".as_ref(), stuck.as_os_str()]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("1 error; 1 fix made"), "{}", run.stdout);
    assert!(!std::fs::read_to_string(&stuck).unwrap().contains("下单了"));
}

#[test]
fn diff_shows_the_fixes_and_changes_nothing() {
    let dir = TempDir::new("diff");
    let path = dir.write("a.journey", FIXABLE);
    let run = journey(["check".as_ref(), "--diff".as_ref(), path.as_os_str()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with("--- a/"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("\n-  entry on 下单了\n+  entry on 下单\n"),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("1 fix would be made"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), FIXABLE);

    // `--fix --format json` keeps standard output JSON; the count goes to stderr.
    let run = journey(
        ["check", "--fix", "--format", "json"]
            .map(AsRef::as_ref)
            .into_iter()
            .chain([path.as_os_str()]),
    );
    assert_eq!(run.json()["errors"], 0);
    assert_eq!(run.stderr, "1 fix made\n");
}

#[test]
fn unsafe_fixes_need_fix_or_diff() {
    let run = journey(["check", "--unsafe-fixes", "examples"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("`--unsafe-fixes` goes with `--fix`"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_language_comes_from_lang_journey_lang_or_the_locale() {
    let dir = TempDir::new("lang");
    let path = dir.write("a.journey", FIXABLE);
    let zh = journey([
        "check".as_ref(),
        "--lang".as_ref(),
        "zh".as_ref(),
        path.as_os_str(),
    ]);
    assert_eq!(zh.code, 1);
    assert!(zh.stdout.contains("找不到事件 `下单了`"), "{}", zh.stdout);
    assert!(
        zh.stdout.ends_with("已检查 1 个文件：1 个错误，1 个警告\n"),
        "{}",
        zh.stdout
    );

    let from_locale = run_cmd(
        journey_cmd()
            .env_remove("JOURNEY_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "zh_CN.UTF-8")
            .args(["check".as_ref(), path.as_os_str()]),
    );
    assert_eq!(from_locale.stdout, zh.stdout);

    let unknown = run_cmd(
        journey_cmd()
            .env("JOURNEY_LANG", "fr")
            .args(["check", "examples"]),
    );
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("JOURNEY_LANG=`fr`"),
        "{}",
        unknown.stderr
    );
    let flag = journey(["check", "--lang", "fr", "examples"]);
    assert_eq!(flag.code, 2);
    assert!(flag.stderr.contains("use `zh` or `en`"), "{}", flag.stderr);
}

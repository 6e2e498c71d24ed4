//! The terminal table and the markdown report, in Chinese and English: snapshots of two
//! examples (one with a split and a team), and every example's table within 120 columns.

use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

#[path = "support/cli.rs"]
mod cli;
use cli::ok;

/// One with a holdout and a split; one with a holdout, a split and a team.
const SNAPSHOTTED: [&str; 2] = ["beauty_w2", "repurchase"];

fn journey(lang: &str, args: &[&str]) -> String {
    String::from_utf8(ok(&[&["--lang", lang], args].concat())).expect("UTF-8")
}

fn example(name: &str) -> String {
    format!("examples/{name}.journey")
}

/// A small run with a fixed seed.
fn report(lang: &str, file: &str, format: &str, extra: &[&str]) -> String {
    let args = [
        &[
            "simulate", file, "--users", "400", "--seed", "11", "--format", format,
        ][..],
        extra,
    ]
    .concat();
    journey(lang, &args)
}

#[test]
fn table_and_markdown_in_both_languages() {
    for name in SNAPSHOTTED {
        for lang in ["en", "zh"] {
            for format in ["table", "markdown"] {
                let text = report(lang, &example(name), format, &[]);
                insta::assert_snapshot!(format!("{name}.{format}.{lang}"), text);
            }
        }
    }
}

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<PathBuf> = (std::fs::read_dir(dir).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "journey"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_table_line_fits_120_columns_weekly_and_daily() {
    let files = examples();
    assert!(files.len() >= 6);
    for file in &files {
        let file = file.to_str().unwrap();
        for lang in ["en", "zh"] {
            for extra in [&[][..], &["--daily"][..]] {
                let table = report(lang, file, "table", extra);
                for line in table.lines() {
                    assert!(line.width() <= 120, "{file} {lang} {extra:?}: {line}");
                }
            }
        }
    }
}

#[test]
fn the_timeline_is_weekly_unless_daily_in_simulate_and_merge() {
    let file = example("repurchase");
    let weekly = report("zh", &file, "table", &[]);
    let daily = report("zh", &file, "table", &["--daily"]);
    assert!(
        weekly.contains("每周发送") && !weekly.contains("2026-03-03 "),
        "{weekly}"
    );
    assert!(
        daily.contains("每日发送") && daily.contains("2026-03-03 "),
        "{daily}"
    );
    // `journey report merge` lays out the same report the same way.
    let dir = std::env::temp_dir().join(format!("journey-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut merge = vec!["report".to_string(), "merge".to_string()];
    for k in 0..2 {
        let part = dir.join(format!("part{k}.json"));
        let part = part.to_str().unwrap();
        let shard = format!("{k}/2");
        report("zh", &file, "json", &["--shard", &shard, "-o", part]);
        merge.push(part.to_string());
    }
    merge.push("--daily".into());
    let merge: Vec<&str> = merge.iter().map(String::as_str).collect();
    assert_eq!(journey("zh", &merge), daily);
    std::fs::remove_dir_all(dir).unwrap();
}

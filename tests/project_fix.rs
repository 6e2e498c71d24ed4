//! `journey check --fix` / `--diff` on projects: the closure is checked as one, so an
//! imported name is known (and never "fixed"), each fix lands in its own file, a fix
//! in a shared file is made once, files are rewritten together or not at all.

#[path = "support/project.rs"]
mod project;
use project::Project;

const COMMON: &str = "tag 会员: bool\nevent signup\nevent 下单\n\
touchpoint wecom \"企业微信1v1\" {\n  channel wecom\n}\n";

/// A journey using the tag `tag` and everything else COMMON declares.
fn journey(name: &str, tag: &str) -> String {
    format!(
        "import \"../common.journey\"\n\njourney {name} {{\n  timezone \"Asia/Shanghai\"\n  \
         entry on signup\n  goal 下单: 下单 within 7d\n  stage 欢迎 {{\n    \
         on enter if {tag}: send wecom \"hi\"\n    after 7d: exit\n  }}\n}}\n"
    )
}

/// A project: `journey.toml`, `common.journey` as given, and journeys in `j/`.
fn project(label: &str, common: &str, journeys: &[(&str, String)]) -> Project {
    let p = Project::new(label);
    p.write("journey.toml", "");
    p.write("common.journey", common);
    for (name, text) in journeys {
        p.write(&format!("j/{name}.journey"), text);
    }
    p
}

fn read(p: &Project, relative: &str) -> String {
    std::fs::read_to_string(p.0.join(relative)).unwrap()
}

/// Every file under the project, with its text: what a run may have changed.
fn snapshot(p: &Project) -> Vec<(std::path::PathBuf, String)> {
    let mut all = Vec::new();
    let mut dirs = vec![p.0.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let text = std::fs::read_to_string(&path).unwrap();
                all.push((path, text));
            }
        }
    }
    all.sort();
    all
}

#[test]
fn a_misspelt_imported_tag_is_fixed_in_the_importer_and_a_correct_one_is_kept() {
    // `b` declares `会圆` itself and uses the imported `会员`: checked without its
    // imports, `会员` would be unknown and "fixed" to `会圆`.
    let b = journey("乙", "会员").replace("\njourney", "\ntag 会圆: bool\n\njourney");
    let b = b.replace(
        "after 7d: exit",
        "after 1d if 会圆: exit\n    after 7d: exit",
    );
    let p = project(
        "misspelt",
        COMMON,
        &[("a", journey("甲", "会员们")), ("b", b.clone())],
    );
    // With no path, from a subdirectory: the whole project.
    let (code, out, err) = p.run_in("j", &["check", "--fix"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(read(&p, "j/a.journey"), journey("甲", "会员"));
    assert_eq!(read(&p, "j/b.journey"), b);
    assert_eq!(read(&p, "common.journey"), COMMON);
    assert_eq!(
        out,
        "j/a.journey: 1 fix made\n  J0104 change it to `会员`\n\n\
         checked 3 files: no problems found; 1 fix made\n"
    );
    assert_eq!(err, "");
}

#[test]
fn a_fix_in_the_declarations_file_is_made_once_for_all_its_importers() {
    let common = COMMON.replace("tag 会员: bool", "tag 会员： bool");
    let journeys = [("a", journey("甲", "会员")), ("b", journey("乙", "会员"))];
    let p = project("shared", &common, &journeys);
    let (code, out) = p.run(&["check", "--fix", "."]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(read(&p, "common.journey"), COMMON);
    assert_eq!(read(&p, "j/a.journey"), journeys[0].1);
    assert_eq!(
        out,
        "common.journey: 1 fix made\n  J0007 replace `：` with `:`\n\n\
         checked 3 files: no problems found; 1 fix made\n"
    );
    // One importer named alone: its closure's fixes, in the file they are in.
    std::fs::write(p.0.join("common.journey"), &common).unwrap();
    let (code, _) = p.run(&["check", "--fix", "j/b.journey"]);
    assert_eq!(code, 0);
    assert_eq!(read(&p, "common.journey"), COMMON);
    // A directory of the project: its files' closures reach the declarations above it.
    std::fs::write(p.0.join("common.journey"), &common).unwrap();
    let (code, out) = p.run(&["check", "--fix", "j"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("common.journey: 1 fix made\n"), "{out}");
    assert_eq!(read(&p, "common.journey"), COMMON);
}

#[test]
fn the_diff_names_each_file_from_the_project_root_and_changes_nothing() {
    let common = COMMON.replace("tag 会员: bool", "tag 会员： bool");
    let p = project(
        "diff",
        &common,
        &[("a", journey("甲", "会员们")), ("b", journey("乙", "会员"))],
    );
    // Until the colon is fixed only it is found; the diff shows every round's fixes.
    let colon = ("J0007".to_string(), "common.journey".to_string(), 1);
    assert_eq!(p.findings(&[]), [colon]);
    let before = snapshot(&p);
    let (code, out, err) = p.run_in("j", &["check", "--diff"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(err, "2 fixes would be made (nothing was changed)\n");
    insta::assert_snapshot!("project_diff", out);
    assert_eq!(snapshot(&p), before);
    // What remains decides the exit code: an error no fix knows stays.
    p.write("j/c.journey", &journey("丙", "完全不同的名字"));
    let (code, _) = p.run(&["check", "--diff"]);
    assert_eq!(code, 1);
}

#[test]
fn nothing_is_written_when_there_is_nothing_to_fix() {
    let p = project("clean", COMMON, &[("a", journey("甲", "会员"))]);
    let times = |p: &Project| {
        ["common.journey", "j/a.journey"].map(|f| {
            let meta = std::fs::metadata(p.0.join(f)).unwrap();
            (meta.modified().unwrap(), meta.permissions())
        })
    };
    let before = (snapshot(&p), times(&p));
    std::thread::sleep(std::time::Duration::from_millis(20));
    let (code, out, err) = p.run_in(".", &["check", "--fix"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "checked 2 files: no problems found; no fixes to make\n"
    );
    assert_eq!(err, "");
    assert_eq!((snapshot(&p), times(&p)), before);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_fails_the_fix_and_no_file_is_changed() {
    use std::os::unix::fs::PermissionsExt;
    let common = COMMON.replace("tag 会员: bool", "tag 会员： bool");
    let p = project("readonly", &common, &[("a", journey("甲", "会员们"))]);
    let path = p.0.join("common.journey");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = snapshot(&p);
    let (code, out, err) = p.run_in(".", &["check", "--fix"]);
    assert_eq!(code, 2, "{out}");
    assert_eq!(out, "");
    assert_eq!(
        err,
        format!(
            "error: cannot write `{}`: the file is read-only (its permissions allow no \
             writing); no file was changed\n",
            path.display()
        )
    );
    // Not even the importer's own fix, and no temporary file left behind.
    assert_eq!(snapshot(&p), before);
    // Writable again, the same run fixes both and keeps each file's mode.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let (code, _) = p.run(&["check", "--fix"]);
    assert_eq!(code, 0);
    assert_eq!(read(&p, "common.journey"), COMMON);
    assert_eq!(read(&p, "j/a.journey"), journey("甲", "会员"));
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_among_the_arguments_leaves_every_argument_unchanged() {
    use std::os::unix::fs::PermissionsExt;
    // Single files, without imports: the writes wait for every argument too.
    let p = Project::new("readonly-args");
    let wrong = COMMON.replace("tag 会员: bool", "tag 会员： bool");
    p.write("a.journey", &wrong);
    let b = p.write("b.journey", &wrong);
    std::fs::set_permissions(&b, std::fs::Permissions::from_mode(0o444)).unwrap();
    let (code, out, err) = p.run_in(".", &["check", "--fix", "a.journey", "b.journey"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("the file is read-only"), "{err}");
    assert_eq!(read(&p, "a.journey"), wrong);
    let (code, _) = p.run(&["check", "--fix", "a.journey"]);
    assert_eq!(code, 0);
    assert_eq!(read(&p, "a.journey"), COMMON);
}

#[cfg(unix)]
#[test]
fn a_file_outside_the_project_root_is_never_written() {
    let outside = Project::new("fix-outside-target");
    let wrong = journey("外", "会员").replace("after 7d: exit", "after 7d： exit");
    outside.write("x.journey", &wrong);
    let p = project("fix-outside", COMMON, &[]);
    std::fs::create_dir(p.0.join("j")).unwrap();
    std::os::unix::fs::symlink(outside.0.join("x.journey"), p.0.join("j/x.journey")).unwrap();
    let (code, out, err) = p.run_in(".", &["check", "--fix"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(read(&outside, "x.journey"), wrong);
    assert!(
        err.starts_with(&format!(
            "not fixing `{}`: it is outside the project root `{}`",
            outside.0.join("x.journey").display(),
            p.0.display()
        )),
        "{err}"
    );
}

#[test]
fn unsafe_fixes_remove_only_what_no_file_of_the_project_uses() {
    let common = format!("{COMMON}tag 没用: bool\ntag 乙用: bool\n");
    let p = project(
        "unused",
        &common,
        &[("a", journey("甲", "会员")), ("b", journey("乙", "乙用"))],
    );
    let (code, out) = p.run(&["check", "--fix", "--unsafe-fixes", "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        read(&p, "common.journey"),
        format!("{COMMON}tag 乙用: bool\n")
    );
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (json["files"].as_u64(), json["warnings"].as_u64()),
        (Some(3), Some(0))
    );
}

#[test]
fn a_name_another_file_declares_is_not_fixed_into_a_near_one_and_its_import_is_offered() {
    // `会员们` is declared in members.journey, which a.journey does not import; the
    // near `会员` is in scope, and a "did you mean" would rewrite the name into it.
    let p = project("not-imported", COMMON, &[("a", journey("甲", "会员们"))]);
    p.write("members.journey", "tag 会员们: bool\n");
    let before = read(&p, "j/a.journey");
    let (code, out) = p.run(&["check", "--fix", "j/a.journey"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(read(&p, "j/a.journey"), before);
    assert!(
        out.contains("help: `会员们` is declared in `members.journey`, which this file"),
        "{out}"
    );
    // The import is a suggested fix: made when asked.
    let (code, out) = p.run(&["check", "--fix", "--unsafe-fixes", "j/a.journey"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("J0104 add `import \"../members.journey\"`"),
        "{out}"
    );
    assert_eq!(
        read(&p, "j/a.journey"),
        format!("import \"../members.journey\"\n{before}")
    );
}

#[test]
fn a_file_without_imports_in_a_project_is_fixed_in_the_project() {
    // No `import` line at all: the names are declared in common.journey. Fixed as a
    // single file, `会员` would become the near `会员卡` the file declares.
    let text = journey("甲", "会员")
        .replace("import \"../common.journey\"\n", "tag 会员卡: bool\n")
        .replace(
            "after 7d: exit",
            "after 1d if 会员卡: exit\n    after 7d: exit",
        );
    let p = project("no-imports", COMMON, &[("a", text.clone())]);
    let (code, out) = p.run(&["check", "--diff", "j/a.journey"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out, "");
    let (code, out) = p.run(&["check", "--diff", "--unsafe-fixes", "j/a.journey"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("+import \"../common.journey\"\n tag 会员卡: bool\n"),
        "{out}"
    );
    assert_eq!(read(&p, "j/a.journey"), text);
}

//! The old version read from git (`--base REF`), through the `git` command. A file
//! without imports is read alone (`git show REF:./FILE`); a directory, or a file with
//! imports at REF, is a project: every `.journey` file and the `journey.toml` of its
//! project root at REF are read in one `git cat-file --batch` into a temporary
//! directory, and the version is loaded from there as from disk, its files named as
//! in the work tree. An import that names a file REF does not have is then that
//! version's "imported file not found" error (J0503), listed as fixed when NEW has it.

use super::read;
use crate::cli::files;
use crate::diff::Version;
use crate::i18n::{msg, Message};
use crate::project;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A revision of the repository holding a directory.
struct Repo<'a> {
    dir: PathBuf,
    base: &'a str,
}

impl Repo<'_> {
    fn git(&self, args: &[&str]) -> Result<Output, Message> {
        Command::new("git")
            .arg("-C")
            .arg(&self.dir)
            .args(args)
            .output()
            .map_err(|e| msg!("diff-no-git", reason = e.to_string()))
    }

    /// The repository of `dir` at `base`, or why there is none.
    fn open<'a>(dir: &Path, base: &'a str, path: &Path) -> Result<Repo<'a>, Message> {
        let repo = Repo {
            dir: dir.to_path_buf(),
            base,
        };
        if !repo
            .git(&["rev-parse", "--is-inside-work-tree"])?
            .status
            .success()
        {
            return Err(msg!(
                "diff-not-a-repository",
                path = path.display().to_string()
            ));
        }
        let commit = format!("{base}^{{commit}}");
        if !(repo
            .git(&["rev-parse", "--verify", "--quiet", &commit])?
            .status)
            .success()
        {
            return Err(msg!("diff-unknown-ref", reference = base));
        }
        Ok(repo)
    }

    /// The text of `name` (in the repository's directory) at the revision.
    fn show(&self, name: &str) -> Result<Option<Vec<u8>>, Message> {
        let shown = self.git(&["show", &format!("{}:./{name}", self.base)])?;
        Ok(shown.status.success().then_some(shown.stdout))
    }

    /// Every `.journey` file and `journey.toml` under the directory at the revision,
    /// written under `into` at their paths relative to the directory; how many.
    fn export(&self, into: &Path) -> Result<usize, Message> {
        let listed = self.git(&["ls-tree", "-r", "-z", "--name-only", self.base, "--", "."])?;
        if !listed.status.success() {
            return Err(git_failed(&listed));
        }
        // ls-tree names paths relative to the directory it runs in
        let names: Vec<String> = (listed.stdout.split(|&b| b == 0))
            .filter_map(|n| std::str::from_utf8(n).ok())
            .filter(|n| n.ends_with(".journey") || n.ends_with(project::CONFIG))
            .map(str::to_string)
            .collect();
        let request: String = (names.iter())
            .map(|n| format!("{}:./{n}\n", self.base))
            .collect();
        let mut child = Command::new("git")
            .arg("-C")
            .arg(&self.dir)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| msg!("diff-no-git", reason = e.to_string()))?;
        let mut stdin = child.stdin.take().expect("piped");
        // written from another thread: git's output would fill its pipe otherwise
        let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
        let out = child
            .wait_with_output()
            .map_err(|e| msg!("diff-no-git", reason = e.to_string()))?;
        let _ = writer.join();
        if !out.status.success() {
            return Err(git_failed(&out));
        }
        let mut rest = out.stdout.as_slice();
        for name in &names {
            let (blob, after) = batch_entry(rest).ok_or_else(|| git_failed(&out))?;
            rest = after;
            let path = into.join(name);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| io(&path, &e))?;
            }
            std::fs::write(&path, blob).map_err(|e| io(&path, &e))?;
        }
        Ok(names.len())
    }
}

/// One object of `git cat-file --batch`'s output (`SHA TYPE SIZE\nCONTENT\n`), and
/// what follows it.
fn batch_entry(out: &[u8]) -> Option<(&[u8], &[u8])> {
    let line_end = out.iter().position(|&b| b == b'\n')?;
    let header = std::str::from_utf8(&out[..line_end]).ok()?;
    let size: usize = header.rsplit(' ').next()?.parse().ok()?;
    let body = out.get(line_end + 1..line_end + 1 + size)?;
    Some((body, out.get(line_end + 2 + size..).unwrap_or(&[])))
}

fn git_failed(out: &Output) -> Message {
    msg!(
        "diff-no-git",
        reason = String::from_utf8_lossy(&out.stderr).trim().to_string()
    )
}

fn io(path: &Path, e: &std::io::Error) -> Message {
    msg!(
        "cli-cannot-write",
        path = path.display().to_string(),
        reason = e.to_string()
    )
}

/// The version of `path` (a file or a directory of the work tree) at revision `base`,
/// named `BASE:PATH`.
pub fn version(base: &str, path: &Path) -> Result<Version, Message> {
    let name = format!("{base}:{}", files::display_name(path));
    let not_there = || {
        msg!(
            "diff-not-in-ref",
            path = path.display().to_string(),
            reference = base
        )
    };
    let is_dir = path.is_dir();
    let dir = match is_dir {
        true => path,
        false => path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new(".")),
    };
    let repo = Repo::open(dir, base, path)?;
    let text = match is_dir {
        true => None,
        false => {
            let file = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let bytes = repo
                .show(&file.unwrap_or_default())?
                .ok_or_else(not_there)?;
            let text = String::from_utf8(bytes).map_err(|e| {
                msg!(
                    "cli-not-utf8",
                    path = name.clone(),
                    offset = e.utf8_error().valid_up_to().to_string()
                )
            })?;
            if !project::has_imports(&text) {
                return Ok(Version::load(name, text));
            }
            Some(text)
        }
    };
    // The project root in the work tree, exported from the revision.
    let root = match is_dir {
        true => path.canonicalize().map_err(|_| not_there())?,
        false => project::root_of_file(path),
    };
    let temp = tempfile::Builder::new()
        .prefix("journey-diff-")
        .tempdir()
        .map_err(|e| io(&std::env::temp_dir(), &e))?;
    let at = temp
        .path()
        .canonicalize()
        .unwrap_or_else(|_| temp.path().into());
    let exported = Repo {
        dir: root.clone(),
        base,
    }
    .export(&at)?;
    let inside = |p: &Path| -> PathBuf {
        let p = p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
        at.join(p.strip_prefix(&root).unwrap_or(&p))
    };
    let version = match text {
        None if exported == 0 || !inside(path).is_dir() => return Err(not_there()),
        None => read::directory(name, &at, &inside(path))?,
        Some(text) => Version::project(name, &at, vec![(inside(path), text)], &files::read),
    };
    Ok(version.in_scratch(temp))
}

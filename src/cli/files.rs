//! Finding, reading and writing files: journey sources, reports and outputs.

use crate::i18n::{msg, Arg, Message};
use crate::limits::MAX_INPUT_BYTES;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Expands paths: files as given, directories recursively to their `*.journey`
/// files in sorted order.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Message> {
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| cannot_read(quoted(path), &e))?;
        if meta.is_dir() {
            let before = out.len();
            walk(path, &mut out).map_err(|e| {
                msg!(
                    "cli-cannot-read-dir",
                    path = path.display().to_string(),
                    reason = io_reason(&e)
                )
            })?;
            if out.len() == before {
                return Err(msg!(
                    "cli-no-journey-files",
                    path = path.display().to_string()
                ));
            }
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "journey") {
            out.push(path);
        }
    }
    Ok(())
}

/// The language server's access to the disk: [`read`], and [`collect`] of a
/// directory (none listed when it cannot be read).
pub fn disk() -> crate::lsp::Disk {
    crate::lsp::Disk {
        read,
        list: |dir| collect(&[dir.to_path_buf()]).unwrap_or_default(),
    }
}

/// Reads a file as UTF-8 text, with a message a person understands on failure.
pub fn read(path: &Path) -> Result<String, Message> {
    let bytes = read_bytes(path)?;
    String::from_utf8(bytes).map_err(|e| {
        msg!(
            "cli-not-utf8",
            path = path.display().to_string(),
            offset = e.utf8_error().valid_up_to().to_string()
        )
    })
}

/// Reads a file of at most [`MAX_INPUT_BYTES`]. A regular file over the limit is
/// refused by its size, without reading it.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Message> {
    let name = quoted(path);
    let file = std::fs::File::open(path).map_err(|e| cannot_read(name.clone(), &e))?;
    let size = file.metadata().map_or(MAX_INPUT_BYTES, |m| {
        if m.is_file() {
            m.len()
        } else {
            MAX_INPUT_BYTES
        }
    });
    if size > MAX_INPUT_BYTES {
        return Err(too_large(name));
    }
    read_limited(file, name, size)
}

/// Reads at most [`MAX_INPUT_BYTES`] from `input` (`name` says what it is in the
/// messages: a quoted path, or [`STDIN`]). One byte more is read to tell an input of exactly the limit from a longer
/// one, so an endless input such as `/dev/zero` is refused at once. `size` is the
/// expected length: for a stream of unknown length, the limit, as reserving memory
/// costs nothing until it is written and the buffer then never doubles past it.
pub fn read_limited(input: impl Read, name: Arg, size: u64) -> Result<Vec<u8>, Message> {
    let mut bytes = Vec::with_capacity(size as usize + 1);
    input
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(name.clone(), &e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(name));
    }
    Ok(bytes)
}

/// Standard input, as messages name it where they would name a file.
pub const STDIN: Arg = Arg::Word("cli-stdin");

/// A path in backticks, as messages name a file.
fn quoted(path: &Path) -> Arg {
    Arg::Text(format!("`{}`", path.display()))
}

fn cannot_read(name: Arg, e: &std::io::Error) -> Message {
    msg!("cli-cannot-read", name = name, reason = io_reason(e))
}

fn too_large(name: Arg) -> Message {
    msg!(
        "cli-too-large",
        name = name,
        mib = (MAX_INPUT_BYTES >> 20).to_string()
    )
}

/// Writes `bytes` to `path`. A regular file (or a new path) is written atomically: into
/// a uniquely named temporary file in the same directory, synced, then renamed over
/// `path`, so readers never see a partial file and a failed write leaves `path`
/// untouched. Replacing a file keeps its permissions; a symbolic link is followed and
/// its target replaced, so the link stays a link. A device or FIFO (`/dev/null`,
/// `/dev/stdout`) cannot be replaced by renaming (that would swap the device for a
/// regular file), so it is written directly.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Message> {
    match stage(path, bytes)? {
        Some(staged) => staged.commit(),
        None => Ok(()),
    }
}

/// Rewrites several existing files together (`journey check --fix` on a project): every
/// new text is staged in its temporary file before any file is replaced, so a file
/// that cannot be written fails the whole set and leaves every file as it was. A
/// read-only file is refused: renaming over it would work (the directory allows it),
/// but its mode says it is not to be changed.
pub fn rewrite_all(files: &[(&Path, &[u8])]) -> Result<(), Message> {
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let meta = std::fs::metadata(path).map_err(|e| {
            msg!(
                "cli-cannot-write",
                path = path.display().to_string(),
                reason = io_reason(&e)
            )
        })?;
        if meta.permissions().readonly() {
            return Err(msg!(
                "cli-cannot-write",
                path = path.display().to_string(),
                reason = Arg::Word("cli-io-read-only")
            ));
        }
        staged.extend(stage(path, bytes)?);
    }
    // On an error the files not yet renamed keep their text and their temporary files
    // are removed as they drop.
    staged.into_iter().try_for_each(Staged::commit)
}

/// A new text written and synced in its temporary file, waiting to replace its target.
struct Staged {
    temp: tempfile::NamedTempFile,
    target: PathBuf,
    /// The path as the caller named it, for the message.
    shown: String,
}

impl Staged {
    fn commit(self) -> Result<(), Message> {
        let Staged {
            temp,
            target,
            shown,
        } = self;
        temp.persist(&target).map_err(|e| {
            msg!(
                "cli-cannot-write",
                path = shown,
                reason = io_reason(&e.error)
            )
        })?;
        Ok(())
    }
}

/// The first half of [`write_atomic`]: `bytes` in a temporary file beside `path`'s
/// target, or, for a device, written at once (`None`).
fn stage(path: &Path, bytes: &[u8]) -> Result<Option<Staged>, Message> {
    let shown = || path.display().to_string();
    let fail = |e: std::io::Error| msg!("cli-cannot-write", path = shown(), reason = io_reason(&e));
    let refuse =
        |why: &'static str| msg!("cli-cannot-write", path = shown(), reason = Arg::Word(why));
    let (target, permissions) = match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => return Err(refuse("cli-io-is-dir")),
        // Opened through the path, as `/dev/stdout` names a pipe no path leads to.
        Ok(meta) if !meta.is_file() => {
            let mut device = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(fail)?;
            device
                .write_all(bytes)
                .and_then(|()| device.flush())
                .map_err(fail)?;
            return Ok(None);
        }
        Ok(meta) => (
            std::fs::canonicalize(path).map_err(fail)?,
            Some(meta.permissions()),
        ),
        Err(_) if path.is_symlink() => return Err(refuse("cli-io-dangling-link")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (path.to_path_buf(), None),
        Err(e) => return Err(fail(e)),
    };
    let name = target
        .file_name()
        .ok_or_else(|| refuse("cli-io-not-a-file-name"))?;
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty());
    let mut temp = temp_file(dir.unwrap_or(Path::new(".")), name).map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    if let Some(permissions) = permissions {
        temp.as_file().set_permissions(permissions).map_err(fail)?;
    }
    temp.as_file().sync_all().map_err(fail)?;
    Ok(Some(Staged {
        temp,
        target,
        shown: shown(),
    }))
}

/// A temporary file `.NAME.XXXXXX.tmp` in `dir`, with a random part, so a file left by
/// a killed run never blocks a later one. It is created with the usual `0666` less the
/// umask (not a temporary file's `0600`), as it becomes an ordinary output file.
fn temp_file(dir: &Path, name: &std::ffi::OsStr) -> std::io::Result<tempfile::NamedTempFile> {
    let prefix = format!(".{}.", name.to_string_lossy());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// Whether two paths name the same existing file: the same device and inode, so also
/// through a symbolic or a hard link.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        #[cfg(unix)]
        (Ok(a), Ok(b)) => {
            use std::os::unix::fs::MetadataExt;
            (a.dev(), a.ino()) == (b.dev(), b.ino())
        }
        #[cfg(not(unix))]
        (Ok(_), Ok(_)) => match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        },
        _ => false,
    }
}

/// The display name of a file in diagnostics: the path as given.
pub fn display_name(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// The name of a file in CI annotations: relative to the current directory when it
/// is inside it, with `/` separators and no `./`.
pub fn relative_name(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let path = cwd
        .as_deref()
        .and_then(|c| path.strip_prefix(c).ok())
        .unwrap_or(path);
    if path.has_root() {
        return path.to_string_lossy().replace('\\', "/");
    }
    let parts: Vec<_> = path
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Why reading or writing failed: in words for the usual reasons, else the system's.
fn io_reason(e: &std::io::Error) -> Arg {
    match e.kind() {
        std::io::ErrorKind::NotFound => Arg::Word("cli-io-not-found"),
        std::io::ErrorKind::PermissionDenied => Arg::Word("cli-io-permission"),
        std::io::ErrorKind::IsADirectory => Arg::Word("cli-io-is-dir"),
        _ => Arg::Text(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{words, Lang};

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("journey-files-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn atomic_writes_replace_the_file_and_leave_no_temporary() {
        let dir = scratch("replace");
        let path = dir.join("计划.json");
        std::fs::write(&path, "old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(names.len(), 1, "{names:?}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_temporary_file_left_by_a_killed_run_does_not_block_a_write() {
        let dir = scratch("stale");
        let path = dir.join("plan.json");
        // the name the first version gave its temporary file, with our process id
        let stale = dir.join(format!(".plan.json.{}.tmp", std::process::id()));
        std::fs::write(&stale, "left over").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        let endless = std::io::repeat(b'a');
        let err = read_limited(endless, "`zeros`".into(), 0).unwrap_err();
        let err = words(&err, Lang::En);
        assert!(err.contains("`zeros` is larger than 64 MiB"), "{err}");
        let exact = std::io::repeat(b'a').take(MAX_INPUT_BYTES);
        let read = read_limited(exact, "x".into(), MAX_INPUT_BYTES).unwrap();
        assert_eq!(read.len() as u64, MAX_INPUT_BYTES);
    }

    #[test]
    fn a_failed_atomic_write_reports_the_path() {
        let dir = scratch("fail");
        let path = dir.join("missing/plan.json");
        let err = write_atomic(&path, b"x").unwrap_err();
        for lang in [Lang::En, Lang::Zh] {
            let err = words(&err, lang);
            assert!(err.contains("missing/plan.json"), "{err}");
        }
        assert!(words(&err, Lang::Zh).contains("无法写入"));
        assert!(!path.exists());
        std::fs::remove_dir_all(dir).unwrap();
    }
}

//! Finding and reading journey files.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Expands paths: files as given, directories recursively to their `*.journey`
/// files in sorted order.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path)
            .map_err(|e| format!("cannot read `{}`: {}", path.display(), io_reason(&e)))?;
        if meta.is_dir() {
            let before = out.len();
            walk(path, &mut out).map_err(|e| {
                format!(
                    "cannot read directory `{}`: {}",
                    path.display(),
                    io_reason(&e)
                )
            })?;
            if out.len() == before {
                return Err(format!("no .journey files found in `{}`", path.display()));
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

/// Reads a file as UTF-8 text, with a message a person understands on failure.
pub fn read(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("cannot read `{}`: {}", path.display(), io_reason(&e)))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!(
            "`{}` is not UTF-8 text (invalid byte at offset {at}); save the file as UTF-8",
            path.display()
        )
    })
}

/// Writes `bytes` to `path` atomically: into a temporary file in the same directory,
/// synced, then renamed over `path`. On failure `path` is untouched and the temporary
/// file removed, so readers never see a partial file. Replacing an existing file
/// keeps its permissions, and a symbolic link stays a link (its target is replaced).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("cannot write `{}`: {}", path.display(), io_reason(&e));
    let existing = std::fs::canonicalize(path).ok();
    let target = existing.clone().unwrap_or_else(|| path.to_path_buf());
    let name = target
        .file_name()
        .ok_or_else(|| format!("cannot write `{}`: it is not a file name", path.display()))?;
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty());
    let temp = dir.unwrap_or(Path::new(".")).join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = std::fs::File::create_new(&temp).and_then(|mut f| {
        f.write_all(bytes)?;
        if let Some(existing) = &existing {
            f.set_permissions(std::fs::metadata(existing)?.permissions())?;
        }
        f.sync_all()?;
        std::fs::rename(&temp, &target)
    });
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        fail(e)
    })
}

/// Whether two paths name the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
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

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "it is a directory".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_failed_atomic_write_reports_the_path() {
        let dir = scratch("fail");
        let path = dir.join("missing/plan.json");
        let err = write_atomic(&path, b"x").unwrap_err();
        assert!(err.contains("missing/plan.json"), "{err}");
        assert!(!path.exists());
        std::fs::remove_dir_all(dir).unwrap();
    }
}

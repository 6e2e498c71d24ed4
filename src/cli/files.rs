//! Finding and reading journey files.

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

//! Writing results: to standard output, or atomically to a file (a temporary file in
//! the target directory, then a rename), so a reader never sees half a report.

use std::io::Write;
use std::path::Path;

/// Writes `text` to `path` (or standard output when `None`).
pub fn write(path: Option<&Path>, text: &str) -> Result<(), String> {
    let Some(path) = path else {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(text.as_bytes())
            .and_then(|_| out.flush())
            .map_err(|e| format!("cannot write to standard output: {e}"));
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(format!(
            "cannot write `{}`: the directory `{}` does not exist",
            path.display(),
            dir.display()
        ));
    }
    super::files::write_atomic(path, text.as_bytes())
}

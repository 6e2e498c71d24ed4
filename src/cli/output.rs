//! Writing results: to standard output, or to the file of `-o` (see
//! [`files::write_atomic`]: all or nothing, devices written directly), never over one of
//! the command's inputs. Every write failure becomes a message and exit status 2; none
//! panics, as `println!` would.

use super::files;
use crate::i18n::{msg, Message};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where a command's result goes: standard output, or the file of `-o`.
pub struct Output {
    path: Option<PathBuf>,
}

impl Output {
    /// The output of a command that reads `inputs`. An output file that is one of the
    /// inputs (by device and inode: also through a symbolic or hard link), or in a
    /// directory that does not exist, is refused here, before any work, so that no
    /// command can overwrite what it reads or run for nothing.
    pub fn new(path: Option<&Path>, inputs: &[&Path]) -> Result<Output, Message> {
        let Some(path) = path else {
            return Ok(Output { path: None });
        };
        // Only a regular file can be overwritten: `/dev/stdin` and `/dev/stdout` may
        // well be the same terminal, and that is fine.
        let regular = std::fs::metadata(path).is_ok_and(|m| m.is_file());
        if let Some(input) = inputs
            .iter()
            .find(|input| regular && files::same_file(input, path))
        {
            return Err(msg!(
                "cli-output-is-input",
                input = input.display().to_string(),
                output = path.display().to_string()
            ));
        }
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            return Err(msg!(
                "cli-no-such-dir",
                path = path.display().to_string(),
                dir = dir.display().to_string()
            ));
        }
        Ok(Output {
            path: Some(path.to_path_buf()),
        })
    }

    /// The output file, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Writes the whole result.
    pub fn write(&self, text: &str) -> Result<(), Message> {
        let Some(path) = &self.path else {
            return print(text);
        };
        files::write_atomic(path, text.as_bytes())
    }
}

/// Prints `text` to standard output.
pub fn print(text: &str) -> Result<(), Message> {
    let mut out = Stdout::lock();
    out.print(text)?;
    out.finish()
}

/// Standard output for results printed piece by piece, buffered: the standard
/// library's own buffer writes at every line break, a system call per line of a long
/// JSON result.
pub struct Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>);

impl Stdout {
    pub fn lock() -> Stdout {
        Stdout(std::io::BufWriter::with_capacity(
            1 << 16,
            std::io::stdout().lock(),
        ))
    }

    /// Writes out what is buffered, before something goes to standard error, so that
    /// the two keep their order on a terminal. A failure shows at the next write.
    pub fn flush_before_stderr(&mut self) {
        let _ = self.0.flush();
    }

    pub fn print(&mut self, text: &str) -> Result<(), Message> {
        self.0.write_all(text.as_bytes()).map_err(stdout_failed)
    }

    /// Prints `value` as pretty JSON and a newline.
    pub fn json(&mut self, value: &impl serde::Serialize) -> Result<(), Message> {
        serde_json::to_writer_pretty(&mut self.0, value)
            .map_err(std::io::Error::from)
            .and_then(|()| self.0.write_all(b"\n"))
            .map_err(stdout_failed)
    }

    /// Flushes what is still buffered: the last write can fail here too.
    pub fn finish(mut self) -> Result<(), Message> {
        self.0.flush().map_err(stdout_failed)
    }
}

pub fn stdout_failed(e: std::io::Error) -> Message {
    msg!("cli-cannot-write-stdout", reason = e.to_string())
}

/// Prints diagnostics or a message to standard error. A failure is ignored: there is
/// nowhere left to report it, and the exit status still tells.
pub fn eprint(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
